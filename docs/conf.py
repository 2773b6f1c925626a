"""The sphinx-careerblog handbook, built with the extension itself."""

from __future__ import annotations

project = "sphinx-careerblog"
author = "sphinx-careerblog developers"
copyright = "2026, sphinx-careerblog developers"
version = release = "0.1"

extensions = ["myst_parser", "sphinx_design", "sphinx_careerblog"]
myst_enable_extensions = ["colon_fence", "deflist", "fieldlist", "attrs_inline"]
myst_heading_anchors = 3
exclude_patterns = ["_build", "snippets", "_tools"]
# the `-n` of `make docs`, so Read the Docs (which cannot pass options) checks the same
nitpicky = True
# furo: light and dark modes, and a navigation our sidebar boxes sit in natively
html_theme = "furo"
html_title = "sphinx-careerblog"
html_static_path: list[str] = []
html_baseurl = "https://handbook.example.org/"
# the blog sidebars inside furo's scroll area (docs/howto/sidebars.md, furo tab)
html_sidebars = {
    "**": [
        "sidebar/brand.html",
        "sidebar/search.html",
        "sidebar/scroll-start.html",
        "sidebar/navigation.html",
        "careerblog/recent.html",
        "careerblog/categories.html",
        "careerblog/tags.html",
        "careerblog/archives.html",
        "sidebar/scroll-end.html",
    ]
}

careerblog_title = "Engineering essays"
careerblog_authors = {
    "mara": {
        "name": "Mara Lindqvist",
        "url": "https://handbook.example.org/people/mara",
        "bio": "Staff engineer who mentors new tech leads.",
        # a file of this directory (copied to blog/avatars/) or an https:// URL
        "avatar": "_static/avatars/mara.svg",
        "links": {
            "Mentoring notes": "https://handbook.example.org/people/mara/notes",
            "Email": "mailto:mara@handbook.example.org",
        },
    },
    "tomas": {
        "name": "Tomás Ferreira",
        "bio": "Engineering manager; writes about feedback and growth.",
    },
    "priya": {
        "name": "Priya Raman",
        "url": "https://handbook.example.org/people/priya",
        "bio": "Site reliability lead; has carried a pager for nine years and still reads "
        "runbooks first.",
        "avatar": "_static/avatars/priya.svg",
        "links": {"Incident reviews": "https://handbook.example.org/people/priya/reviews"},
    },
    "kwame": {
        "name": "Kwame Mensah",
        "bio": "Senior engineer on the platform team; writes about planning and the first "
        "years of a career.",
    },
}
# a small avatar before the names of authors who have one (docs/howto/author-profiles.md)
careerblog_byline_avatars = True
careerblog_categories = {
    "career-growth": {
        "title": "Career growth",
        "description": "Becoming the engineer you want to be.",
    },
    "craft": {"title": "Craft", "description": "How we build things, and why."},
    "collaboration": {
        "title": "Collaboration",
        "description": "Reviews, feedback and working well with other people.",
    },
    "operations": {
        "title": "Operations",
        "description": "On-call, incidents and keeping production healthy.",
    },
}
# the five axes of growth the essays name ("Bigger than better code"); each essay's
# checklist names the ones it serves, and "My growth" shows a reader where they stand
careerblog_competencies = {
    "depth": {"title": "Depth", "description": "Know why, not only how."},
    "communication": {"title": "Communication", "description": "Make your work legible."},
    "process-awareness": {
        "title": "Process awareness",
        "description": "See the system around the code.",
    },
    "mentorship": {"title": "Mentorship", "description": "Grow the team's capacity."},
    "humility": {"title": "Humility", "description": "Stay correctable under pressure."},
}
careerblog_levels = ["mid", "senior", "staff"]
