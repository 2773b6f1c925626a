"""Plain data with no Sphinx application: records, field parsing, slugs, dates, the env store
and read-only queries.
"""
