# conf.py: alabaster (Sphinx's default theme) keeps its own sidebars, then ours
html_theme = "alabaster"
html_sidebars = {
    "**": [
        "about.html",
        "searchfield.html",
        "navigation.html",
        "careerblog/recent.html",
        "careerblog/categories.html",
        "careerblog/tags.html",
        "careerblog/archives.html",
    ]
}
