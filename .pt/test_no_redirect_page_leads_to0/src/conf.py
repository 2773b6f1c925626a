project = "Handbook"
version = "1.0"
copyright = "2026, Tests"
extensions = ["myst_parser", "sphinx_design", "sphinx_careerblog"]
myst_enable_extensions = ["colon_fence", "deflist", "fieldlist"]
exclude_patterns = ["_build"]
show_warning_types = True
# feeds need an absolute site URL (without one they are skipped with a warning)
careerblog_baseurl = "https://example.org/"

extensions.append("sphinx_sitemap")
html_baseurl = "https://example.org/"
html_sidebars = {"**": ["navigation.html", "relations.html", "searchbox.html",
                        "careerblog/recent.html", "careerblog/tags.html",
                        "careerblog/categories.html", "careerblog/archives.html"]}
careerblog_feed_archives = True
