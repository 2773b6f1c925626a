"""The generated site: index, term, year and overview pages, redirects, sidebars and their
templates.
"""
