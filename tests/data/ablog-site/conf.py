# Field Notes: a small team blog configured the way ABlog's manual describes.
# tests/test_ablog_site.py builds it after replacing "ablog" by "sphinx_careerblog"
# in ``extensions`` (the one-line migration); nothing else here changes.

project = "Field Notes"
copyright = "2026, the Field Notes team"
author = "The Field Notes team"

extensions = ["myst_parser", "ablog"]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
exclude_patterns = ["_build"]
html_theme = "alabaster"
html_static_path = []

html_sidebars = {
    "**": [
        "ablog/postcard.html",
        "ablog/recentposts.html",
        "ablog/tagcloud.html",
        "ablog/categories.html",
        "ablog/archives.html",
        "ablog/authors.html",
        "ablog/languages.html",
        "ablog/locations.html",
    ]
}

# -- ABlog ---------------------------------------------------------------------

blog_title = "Field Notes"
blog_path = "blog"
blog_baseurl = "https://notes.example.org/"

blog_authors = {
    "Priya": ("Priya Raman", "https://priya.example.org/"),
    "Jonas": ("Jonas Weber", None),
}
blog_languages = {
    "en": ("English", None),
    "de": ("Deutsch", None),
}
blog_locations = {
    "Lisbon": ("Lisbon", "https://en.wikipedia.org/wiki/Lisbon"),
    "Remote": ("Working remotely", None),
}
blog_default_author = "Priya"
blog_default_language = "en"

post_date_format = "%b %d, %Y"
post_auto_excerpt = 1
post_show_prev_next = True
post_redirect_refresh = 1

blog_feed_archives = True
blog_feed_fulltext = True
blog_feed_length = 10
# one more feed, for the team's chat channel: each entry is the summary plus hashtags
blog_feed_templates = {
    "atom": {},
    "chat": {
        "content": "{{ summary }}{% for tag in post.tags %} #{{ tag.name }}{% endfor %}",
    },
}

fontawesome_included = False
