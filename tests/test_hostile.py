"""Hostile text everywhere: a corpus of payloads in every metadata field, heading,
checklist title, prompt, author name and series name, built once; nothing injected
executes or even becomes an element, feeds stay well-formed XML, JSON stays valid, and
every file name stays safe."""

from __future__ import annotations

import json
import re
from pathlib import Path

import defusedxml.ElementTree as DefusedET
import pytest
import yaml
from bs4 import BeautifulSoup
from lxml import etree

from sphinx_careerblog.cli.importer.writer import escape_heading, escape_inline
from sphinx_careerblog.data.urls import scheme_of

from .conftest import BASE_CONF, build_once
from .pages_helpers import SIDEBARS_CONF

PAYLOADS = {
    "script": '<script>alert("cb1")</script>',
    "attr-double": '"><img src=x onerror=alert(2)>',
    "attr-single": "'><svg onload=alert(3)>",
    "cdata": "]]><evil/><![CDATA[",
    "entities": "&amp;&lt;script&gt;&#0;&#x1;",
    "control": "bad\x01\x08\x0b\x1f\x7f\ufffechars",
    "bidi": "\u202eevil\u202c \u2066isolate\u2069 \u200fmark",
    "long": "L" * 10_000,
    "emoji": "🚀🔥",
    "template": "{{ 7*7 }}{% if x %}${x}",
    "js-url": "javascript:alert(4)",
}
#: Tag names that only an injection could produce in these pages.
INJECTED_TAGS = {"svg", "iframe", "object", "embed", "evil", "img"}
UNSAFE_NAME = re.compile(r'[<>:"\\|?*\x00-\x1f\x7f]')


def _post(name: str, payload: str) -> str:
    front = {
        "post": True,
        "date": f"2024-01-{1 + list(PAYLOADS).index(name):02d}",
        "tags": [payload, "shared"],
        "categories": [payload],
        "authors": [payload, "ann"],
        "summary": payload,
        "series": payload,
        "location": payload,
        "language": payload,
        "title": payload,
    }
    head = yaml.safe_dump(front, allow_unicode=True, width=100_000)
    return (
        f"---\n{head}---\n# {escape_heading(payload)}\n\n{escape_inline(payload)}\n\n"
        f":::{{reflection}} {escape_inline(payload)}\n---\n"
        f"{yaml.safe_dump({'category': payload}, allow_unicode=True, width=100_000)}---\n"
        f"- {escape_inline(payload)}\n- plain prompt\n:::\n"
    )


INDEX = """\
# Home

```{postlist}
```

```{postlist}
:format: cards
```

```{taxonomy}
:kind: tags
:counts:
```

```{taxonomy}
:kind: categories
```

```{reflectionlist}
```

```{toctree}
:glob:

posts/*
```
"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    authors = {"ann": {"name": PAYLOADS["attr-double"], "bio": PAYLOADS["script"]}}
    files = {
        "conf.py": BASE_CONF + SIDEBARS_CONF + f"careerblog_authors = {authors!r}\n",
        "index.md": INDEX,
        **{f"posts/{name}.md": _post(name, payload) for name, payload in PAYLOADS.items()},
    }
    # one build for the whole module (make_app is per test)
    return build_once(tmp_path_factory.mktemp("hostile") / "src", files)


def _site_files(outdir: Path, suffix: str) -> list[Path]:
    return [
        path
        for path in outdir.rglob(f"*{suffix}")
        if "_sources" not in path.parts and "_static" not in path.parts
    ]


def test_build_finishes_with_located_warnings_only(hostile_site) -> None:
    outdir, warnings = hostile_site
    assert "Traceback" not in warnings
    for line in warnings.splitlines():
        assert re.match(r"^\S+:\d+: WARNING: .* \[careerblog\.[a-z_]+\]$", line), line
    assert (outdir / "blog" / "index.html").exists()


def test_nothing_injected_into_html(hostile_site) -> None:
    outdir, _ = hostile_site
    pages = _site_files(outdir, ".html")
    assert len(pages) > 30
    for page in pages:
        html = BeautifulSoup(page.read_text("utf-8"), "html5lib")
        injected = {element.name for element in html.find_all(INJECTED_TAGS)}
        assert not injected, (page, injected)
        for element in html.find_all(True):
            handlers = [name for name in element.attrs if name.lower().startswith("on")]
            assert not handlers, (page, element.name, handlers)
            for attribute in ("href", "src", "action"):
                value = element.get(attribute)
                if isinstance(value, str):
                    assert scheme_of(value) in {None, "http", "https", "mailto"}, (page, value)
        for script in html.find_all("script"):
            assert "alert" not in script.get_text(), (page, script)


def test_payloads_are_shown_as_text(hostile_site) -> None:
    outdir, _ = hostile_site
    index = BeautifulSoup((outdir / "blog" / "index.html").read_text("utf-8"), "html5lib")
    text = index.get_text()
    for name in ("script", "attr-double", "attr-single", "cdata", "template", "emoji"):
        assert PAYLOADS[name] in text, name
    home = BeautifulSoup((outdir / "index.html").read_text("utf-8"), "html5lib")
    entries = " ".join(e.get_text(" ") for e in home.select(".cb-reflectionlist-entry"))
    # checklist titles and prompts are MyST text (smart quotes apply), shown as text
    for fragment in ("<img src=x onerror=alert(2)>", "<svg onload=alert(3)>", "]]><evil/>"):
        assert fragment in entries, fragment


def test_feeds_are_well_formed_xml(hostile_site) -> None:
    outdir, _ = hostile_site
    feeds = _site_files(outdir, ".xml")
    assert feeds, "no feeds written"
    for feed in feeds:
        data = feed.read_bytes()
        tree = etree.fromstring(data, etree.XMLParser(resolve_entities=False))
        DefusedET.fromstring(data)
        assert not tree.xpath("//*[local-name()='evil']"), feed
    atom = etree.fromstring((outdir / "blog" / "atom.xml").read_bytes())
    titles = atom.xpath("//*[local-name()='entry']/*[local-name()='title']/text()")
    assert PAYLOADS["cdata"] in titles
    assert PAYLOADS["script"] in titles


def test_json_is_valid(hostile_site) -> None:
    outdir, _ = hostile_site
    documents = _site_files(outdir, ".json")
    assert documents
    for document in documents:
        data = json.loads(document.read_text("utf-8"))
        assert data
    catalog = json.loads((outdir / "blog" / "posts.json").read_text("utf-8"))
    assert PAYLOADS["script"] in {post["title"] for post in catalog["posts"]}


def test_file_names_are_safe(hostile_site) -> None:
    outdir, _ = hostile_site
    for path in outdir.rglob("*"):
        for part in path.relative_to(outdir).parts:
            assert not UNSAFE_NAME.search(part), part
            assert len(part.encode("utf-8")) <= 255, part
            assert part not in (".", "..")
