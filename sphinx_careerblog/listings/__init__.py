"""Listings: ``postlist``, ``taxonomy``, the ``blog`` domain and roles, related-post and
series footers.
"""
