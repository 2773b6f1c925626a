# conf.py: sphinx-book-theme; keep its logo, search and navigation first
html_theme = "sphinx_book_theme"
html_sidebars = {
    "**": [
        "navbar-logo.html",
        "search-button-field.html",
        "sbt-sidebar-nav.html",
        "careerblog/recent.html",
        "careerblog/categories.html",
        "careerblog/tags.html",
        "careerblog/archives.html",
    ]
}
