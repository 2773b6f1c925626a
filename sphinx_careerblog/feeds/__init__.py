"""Feeds (Atom, RSS, JSON Feed) and the ``posts.json`` catalog, written when an HTML build
finishes.
"""
