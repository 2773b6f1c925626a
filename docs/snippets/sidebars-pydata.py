# conf.py: pydata-sphinx-theme shows html_sidebars in its primary (left) sidebar
html_theme = "pydata_sphinx_theme"
html_sidebars = {
    "**": [
        "sidebar-nav-bs.html",
        "careerblog/recent.html",
        "careerblog/categories.html",
        "careerblog/tags.html",
        "careerblog/archives.html",
    ]
}
