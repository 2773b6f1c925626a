"""A model of a handbook's sources and seeded random edits of it, for the randomized
incremental-build test (``test_random_edits.py``).

The model is plain data (posts, ordinary pages, a few configuration values); ``write``
turns it into files. Each edit changes the model and returns the paths it touched, so
the incremental tree receives exactly that change, and a clean tree can be written from
the model at any step.
"""

from __future__ import annotations

import copy
import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .conftest import BASE_CONF, edit

CATEGORIES = ["Craft", "Growth", "Leadership", "career-growth"]
TAGS = ["mentorship", "feedback", "testing", "C++", "rust", "Ops & SRE"]
AUTHORS = ["mara", "tomas", "Zed Free"]
SERIES = ["Lead", "Ops"]
WORDS = ["steady", "review", "<b>bold</b>", "A&B", "quiet", "ship", "Tomás", "plan"]
FOLDERS = ["posts", "essays"]

POSTLISTS = [
    "```{postlist}\n```",
    "```{postlist}\n:format: cards\n:limit: 3\n```",
    "```{postlist}\n:category: Craft\n```",
    "```{postlist}\n:tags: mentorship, C++\n:sort: date-asc\n```",
    "```{postlist}\n:format: compact\n:series: Lead\n```",
]
TAXONOMIES = [
    "```{taxonomy}\n:kind: tags\n:counts:\n```",
    "```{taxonomy}\n:kind: categories\n```",
    "```{taxonomy}\n:kind: authors\n:counts:\n```",
]
REFLECTIONLISTS = [
    "```{reflectionlist}\n```",
    "```{reflectionlist}\n:category: habits\n```",
    "```{reflectionlist}\n:format: summary\n:post-category: Craft\n```",
]

CONF = """
html_sidebars = {"**": ["localtoc.html", "careerblog/recent.html",
                        "careerblog/categories.html", "careerblog/tags.html",
                        "careerblog/archives.html"]}
careerblog_authors = {
    "mara": {"name": "Mara Lind", "url": "https://example.org/mara"},
    "tomas": {"name": "Tomás F"},
}
"""


@dataclass
class Post:
    title: str
    date: dt.date | None
    categories: list[str]
    tags: list[str]
    authors: list[str]
    visibility: str = "public"
    series: str | None = None
    summary: str | None = None
    blocks: list[str] = field(default_factory=list)
    body: str = "Some text."


@dataclass
class Page:
    title: str
    blocks: list[str] = field(default_factory=list)
    body: str = "An ordinary page."


@dataclass
class Site:
    posts: dict[str, Post] = field(default_factory=dict)
    pages: dict[str, Page] = field(default_factory=dict)
    config: dict[str, object] = field(default_factory=dict)
    counter: int = 0  # names and checklist titles are never reused

    def fresh(self, prefix: str) -> str:
        self.counter += 1
        return f"{prefix}{self.counter}"


def render_post(post: Post) -> str:
    front = ["---", "post: true"]
    if post.date is not None:
        front.append(f"date: {post.date.isoformat()}")
    for name, values in (("categories", post.categories), ("tags", post.tags),
                         ("authors", post.authors)):  # fmt: skip
        if values:
            front.append(f"{name}: [{', '.join(_quoted(v) for v in values)}]")
    if post.visibility != "public":
        front.append(f"visibility: {post.visibility}")
    if post.series:
        front.append(f"series: {_quoted(post.series)}")
    if post.summary:
        front.append(f"summary: {_quoted(post.summary)}")
    front.append("---")
    return "\n".join([*front, f"# {_heading(post.title)}", "", post.body, "", *post.blocks, ""])


def render_page(page: Page, toctree: bool = False) -> str:
    parts = [f"# {_heading(page.title)}", "", page.body, ""]
    if toctree:
        parts += ["```{toctree}", ":glob:", "", "*", *(f"{d}/*" for d in FOLDERS), "```", ""]
    return "\n".join(parts + [block + "\n" for block in page.blocks])


def render_conf(site: Site) -> str:
    extra = "".join(f"{name} = {value!r}\n" for name, value in sorted(site.config.items()))
    return BASE_CONF + CONF + extra


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _heading(text: str) -> str:
    # MyST would read <b> as raw HTML and & entities: escape so the title is plain text
    return text.replace("\\", "\\\\").replace("<", "\\<").replace("&", "\\&")


def files_of(site: Site) -> dict[str, str]:
    files = {"conf.py": render_conf(site)}
    for name, page in site.pages.items():
        files[f"{name}.md"] = render_page(page, toctree=name == "index")
    for name, post in site.posts.items():
        files[f"{name}.md"] = render_post(post)
    return files


def write_all(site: Site, src: Path) -> None:
    for name, text in files_of(site).items():
        path = src / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")


def apply(site_before: Site, site_after: Site, src: Path) -> None:
    """Bring the tree at ``src`` from ``site_before`` to ``site_after``: write what
    changed (with a later mtime, so Sphinx sees it), delete what is gone."""
    before, after = files_of(site_before), files_of(site_after)
    for name in sorted(set(before) - set(after)):
        (src / name).unlink()
    for name, text in sorted(after.items()):
        if before.get(name) != text:
            (src / name).parent.mkdir(parents=True, exist_ok=True)
            edit(src / name, text)


def initial_site(rng: random.Random) -> Site:
    site = Site(pages={"index": Page("Home", [POSTLISTS[0]]), "about": Page("About")})
    for _ in range(4):  # small: every step is two builds; the edits grow it
        _add_post(site, rng)
    site.pages["practice"] = Page("Practice", [_checklist(site, rng)])
    return site


# -- edits -----------------------------------------------------------------------------

Edit = Callable[[Site, random.Random], str]


def _random_date(rng: random.Random) -> dt.date:
    return dt.date(2019, 1, 1) + dt.timedelta(days=rng.randrange(8 * 365))


def _sample(rng: random.Random, values: list[str], most: int = 2) -> list[str]:
    return rng.sample(values, rng.randint(0, most))


def _add_post(site: Site, rng: random.Random) -> str:
    name = f"{rng.choice(FOLDERS)}/{site.fresh('p')}"
    site.posts[name] = Post(
        title=f"{rng.choice(WORDS).capitalize()} essay {site.counter}",
        date=_random_date(rng) if rng.random() > 0.1 else None,
        categories=_sample(rng, CATEGORIES),
        tags=_sample(rng, TAGS, 3),
        authors=_sample(rng, AUTHORS, 1),
        series=rng.choice([None, None, *SERIES]),
    )
    return f"add {name}"


def _checklist(site: Site, rng: random.Random) -> str:
    title = f"Check {site.fresh('c')} {rng.choice(WORDS)}".replace("<", "").replace(">", "")
    category = rng.choice(["habits", "review"])
    items = "\n".join(f"- {rng.choice(WORDS)} prompt {n}?" for n in range(rng.randint(1, 3)))
    return f":::{{reflection}} {title}\n:category: {category}\n\n{items}\n:::"


def _pick_post(site: Site, rng: random.Random) -> str | None:
    return rng.choice(sorted(site.posts)) if site.posts else None


def _delete_post(site: Site, rng: random.Random) -> str:
    name = _pick_post(site, rng)
    if name is None or len(site.posts) < 3:
        return _add_post(site, rng)
    del site.posts[name]
    return f"delete {name}"


def _rename_post(site: Site, rng: random.Random, move: bool = False) -> str:
    name = _pick_post(site, rng)
    if name is None:
        return _add_post(site, rng)
    folder = name.split("/")[0]
    if move:
        folder = next(f for f in FOLDERS if f != folder)
    new = f"{folder}/{site.fresh('r')}"
    site.posts[new] = site.posts.pop(name)
    return f"{'move' if move else 'rename'} {name} -> {new}"


def _change_field(site: Site, rng: random.Random) -> str:
    name = _pick_post(site, rng)
    if name is None:
        return _add_post(site, rng)
    post = site.posts[name]
    what = rng.choice(["title", "date", "categories", "tags", "authors", "visibility",
                       "series", "summary"])  # fmt: skip
    if what == "title":
        post.title = f"{rng.choice(WORDS).capitalize()} retitled {site.fresh('t')}"
    elif what == "date":
        post.date = _random_date(rng) if rng.random() > 0.15 else None
    elif what in ("categories", "tags", "authors"):
        pool = {"categories": CATEGORIES, "tags": TAGS, "authors": AUTHORS}[what]
        setattr(post, what, _sample(rng, pool, 3 if what == "tags" else 2))
    elif what == "visibility":
        post.visibility = rng.choice(["public", "internal", "draft"])
    elif what == "series":
        post.series = rng.choice([None, *SERIES])
    else:
        post.summary = rng.choice([None, f"Summary {rng.choice(WORDS)} {site.counter}"])
    return f"{what} of {name}"


def _toggle_block(site: Site, rng: random.Random) -> str:
    """Add or remove a checklist, postlist, taxonomy or reflectionlist, on a post or an
    ordinary page."""
    on_post = bool(site.posts) and rng.random() < 0.5
    name = _pick_post(site, rng) if on_post else rng.choice(sorted(site.pages))
    assert name is not None
    holder: Post | Page = site.posts[name] if on_post else site.pages[name]
    if holder.blocks and rng.random() < 0.4:
        removed = holder.blocks.pop(rng.randrange(len(holder.blocks)))
        return f"remove {removed.split(chr(10))[0]} from {name}"
    kind = rng.choice(["checklist", "postlist", "taxonomy", "reflectionlist"])
    block = {
        "checklist": lambda: _checklist(site, rng),
        "postlist": lambda: rng.choice(POSTLISTS),
        "taxonomy": lambda: rng.choice(TAXONOMIES),
        "reflectionlist": lambda: rng.choice(REFLECTIONLISTS),
    }[kind]()
    holder.blocks.append(block)
    return f"add {kind} to {name}"


def _body_edit(site: Site, rng: random.Random) -> str:
    names = sorted(site.posts) + sorted(site.pages)
    name = rng.choice(names)
    holder: Post | Page = site.posts.get(name) or site.pages[name]
    holder.body = f"{holder.body} More {rng.choice(WORDS)} words {site.fresh('w')}."
    return f"body of {name}"


def _retitle_page(site: Site, rng: random.Random) -> str:
    name = rng.choice(sorted(site.pages))
    site.pages[name].title = f"{rng.choice(WORDS).capitalize()} page {site.fresh('t')}"
    return f"retitle page {name}"


def _add_page(site: Site, rng: random.Random) -> str:
    name = site.fresh("page")
    site.pages[name] = Page(f"Page {site.counter}", [rng.choice(POSTLISTS + REFLECTIONLISTS)])
    return f"add page {name}"


#: Configuration values listings read, and values to choose from.
CONFIG_CHOICES: dict[str, list[object]] = {
    "careerblog_posts_per_page": [0, 2, 3, 10],
    "careerblog_sidebar_recent": [2, 5],
    "careerblog_feed_length": [3, 20],
    "careerblog_date_format": ["%d %B %Y", "%Y-%m-%d"],
    "careerblog_related": [0, 2, 3],
}


def _change_config(site: Site, rng: random.Random) -> str:
    names = sorted(CONFIG_CHOICES)
    name = rng.choice(names)
    value = rng.choice(CONFIG_CHOICES[name])
    site.config[name] = value
    return f"config {name} = {value!r}"


EDITS: list[tuple[Edit, int]] = [
    (_add_post, 3),
    (_delete_post, 2),
    (_rename_post, 1),
    (lambda site, rng: _rename_post(site, rng, move=True), 1),
    (_change_field, 6),
    (_toggle_block, 4),
    (_body_edit, 2),
    (_retitle_page, 2),
    (_add_page, 1),
    (_change_config, 1),
]


def random_edit(site: Site, rng: random.Random) -> tuple[Site, str]:
    """A copy of ``site`` with one random edit applied, and what the edit was."""
    changed = copy.deepcopy(site)
    functions, weights = zip(*EDITS, strict=True)
    description = rng.choices(functions, weights)[0](changed, rng)
    return changed, description
