"""Sharing: social previews (description and Open Graph tags) on post pages."""
