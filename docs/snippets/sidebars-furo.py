# conf.py: furo lists every piece of its left sidebar; put ours inside the scroll area
html_theme = "furo"
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
