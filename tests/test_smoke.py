from __future__ import annotations

from sphinx_careerblog.data.store import get_store


def test_front_matter_post_gets_byline(build):
    app = build(
        {
            "index.md": """
                # Home

                ```{toctree}
                essay
                ```
            """,
            "essay.md": """
                ---
                post: true
                date: 2024-05-01
                tags: [mentorship]
                ---
                # An essay

                The first paragraph.
            """,
        }
    )
    assert app.statuscode == 0
    assert app.warning.getvalue() == ""
    [post] = get_store(app.env).posts["essay"]
    assert post.title == "An essay"
    assert post.summary == "The first paragraph."
    html = (app.outdir / "essay.html").read_text()
    assert "cb-byline" in html
