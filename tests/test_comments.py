"""Comment threads: giscus or Disqus under posts, only when configured."""

from __future__ import annotations

import re

from .conftest import warning_text
from .pages_helpers import soup

FILES = {
    "index.md": "# Home\n\n```{toctree}\npublished\nquiet\ndraft\nabout\n```\n",
    "published.md": "---\npost: true\ndate: 2024-01-02\n---\n# Published\n\nText.\n",
    "quiet.md": "---\npost: true\ndate: 2024-01-03\nnocomments: true\n---\n# Quiet\n\nText.\n",
    "draft.md": "---\npost: true\n---\n# Not dated yet\n\nText.\n",
    "about.md": "# About\n\nNot a post.\n",
}
GISCUS = (
    'careerblog_comments = {"provider": "giscus", "repo": "team/notes", "repo-id": "R_1",'
    ' "category": "Comments", "category-id": "DIC_1", "theme": "light"}\n'
)

_EXTERNAL = re.compile(r"""<(?:script|iframe|link)[^>]+(?:src|href)=["'](?:https?:)?//""")


def _thread(app, name: str):
    return soup(app.outdir / f"{name}.html").select_one("section.cb-comments")


def test_nothing_third_party_by_default(build) -> None:
    app = build(FILES)
    assert warning_text(app) == ""
    for page in app.outdir.rglob("*.html"):
        text = page.read_text("utf-8")
        assert not _EXTERNAL.search(text), page
        assert "cb-comments" not in text and "disqus" not in text.lower()


def test_giscus_under_published_posts_only(build) -> None:
    app = build(FILES, conf_extra=GISCUS)
    assert warning_text(app) == ""
    thread = _thread(app, "published")
    script = thread.select_one("script")
    assert script["src"] == "https://giscus.app/client.js"
    assert script["data-repo"] == "team/notes"
    assert script["data-category-id"] == "DIC_1"
    assert script["data-theme"] == "light"  # a value of ours replaces the default
    assert script["data-mapping"] == "pathname"
    for name in ("quiet", "draft", "about", "blog/index"):
        assert not (app.outdir / f"{name}.html").is_file() or _thread(app, name) is None, name


def test_ablog_disqus_settings_work_as_they_are(build) -> None:
    conf = (
        'blog_baseurl = "https://notes.example.org/"\n'
        'disqus_shortname = "field-notes"\ndisqus_pages = True\ndisqus_drafts = True\n'
    )
    app = build(FILES, conf_extra=conf)
    assert warning_text(app) == ""
    thread = _thread(app, "published").select_one("#disqus_thread")
    assert thread["data-cb-disqus-shortname"] == "field-notes"
    assert thread["data-cb-disqus-identifier"] == "/published/"  # ABlog's identifier
    assert thread["data-cb-disqus-url"] == "https://example.org/published.html"
    script = _thread(app, "published").select_one("script")
    assert script["src"] == "_static/careerblog-comments.js"
    assert (app.outdir / "_static" / "careerblog-comments.js").is_file()
    # disqus_pages and disqus_drafts: the page and the draft get threads; nocomments not
    assert _thread(app, "about") is not None
    assert _thread(app, "draft") is not None
    assert _thread(app, "quiet") is None


def test_bad_comments_settings_are_reported(build) -> None:
    conf = 'careerblog_comments = {"provider": "disqus", "shortname": "bad name\\"><x"}\n'
    app = build(FILES, conf_extra=conf)
    assert "[careerblog.config]" in warning_text(app)
    assert _thread(app, "published") is None
