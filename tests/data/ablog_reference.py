"""Write ``ablog-site.reference.json``: what ABlog itself makes of ``ablog-site/``.

Not part of the test suite and not a dependency: run it by hand, in a separate
virtual environment that has ABlog installed, whenever the fixture changes::

    python -m venv /tmp/abvenv && /tmp/abvenv/bin/pip install ablog myst-parser
    /tmp/abvenv/bin/python tests/data/ablog_reference.py

``tests/test_ablog_site.py`` checks that sphinx-careerblog lists the same posts
with the same authors, categories, tags, languages and locations.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

from ablog.blog import Blog
from sphinx.application import Sphinx

HERE = Path(__file__).parent


def main() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        src = Path(shutil.copytree(HERE / "ablog-site", Path(scratch) / "src"))
        app = Sphinx(src, src, src / "_build", src / "_doctrees", "html", status=None)
        app.build()
        blog = Blog(app)

        def describe(post: object, draft: bool) -> dict[str, object]:
            return {
                "docname": post.docname,
                "section": post.section or "",
                "title": post.title,
                "date": post.date.date().isoformat() if post.date else None,
                "draft": draft,
                "authors": sorted(str(item.label) for item in post.author),
                "categories": sorted(str(item.name) for item in post.category),
                "tags": sorted(str(item.name) for item in post.tags),
                "languages": sorted(str(item.label) for item in post.language),
                "locations": sorted(str(item.label) for item in post.location),
                "external_link": post.external_link or None,
            }

        posts = [describe(post, False) for post in blog.posts]
        posts += [describe(post, True) for post in blog.drafts]
        posts.sort(key=lambda item: (str(item["docname"]), str(item["section"])))
        out = HERE / "ablog-site.reference.json"
        out.write_text(json.dumps({"posts": posts}, indent=2, ensure_ascii=False) + "\n", "utf-8")
        print(f"wrote {out} ({len(posts)} posts)")


if __name__ == "__main__":
    main()
