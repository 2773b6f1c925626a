"""Posts: the ``post`` and ``update`` directives, their marker nodes, the posts collector,
bylines and front matter.
"""
