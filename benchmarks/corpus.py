"""A deterministic corpus of handbook essays, written in three flavors.

``make_corpus(n, seed)`` invents ``n`` essays (about 800 words each, 4-6 sections with
emoji headings, one or two question lists, 1-2 of 12 categories, 2-4 of 40 tags, one
of 8 authors, dates over 2019-2026) from template sentences and a seeded
``random.Random``: the same ``(n, seed)`` always gives the same text, with no network
and no data files. ``write_corpus(dest, corpus, flavor)`` writes it as a Sphinx
project in one of three flavors that share every sentence:

``plain``
    Sphinx + MyST only, the floor: the same pages, metadata as front matter that
    nothing reads, question lists as plain bullet lists, listing pages without lists.
``careerblog``
    sphinx-careerblog: ``post: true`` front matter, ``reflection`` directives,
    ``postlist`` directives on the listing pages.
``ablog``
    ABlog: ``blogpost: true`` front matter (ABlog's comma-separated fields), ABlog's
    ``postlist``, ``blog_*`` settings; question lists stay bullet lists.

The edits that the incremental benchmarks make (``body_edit``, ``category_change``)
are also defined here, so every flavor receives exactly the same change.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

Flavor = Literal["plain", "careerblog", "ablog"]
FLAVORS: tuple[Flavor, ...] = ("plain", "careerblog", "ablog")

SITE_URL = "https://handbook.example.org/"

CATEGORIES: tuple[str, ...] = (
    "Career growth",
    "Leadership",
    "Mentoring",
    "Craft",
    "Code review",
    "Architecture",
    "Communication",
    "Feedback",
    "Hiring",
    "On-call",
    "Productivity",
    "Wellbeing",
)

TAGS: tuple[str, ...] = (
    "one-on-ones", "promotion", "staff-engineer", "tech-lead", "burnout", "estimates",
    "design-docs", "incidents", "postmortems", "pairing", "onboarding", "interviews",
    "refactoring", "testing", "legacy-code", "deadlines", "roadmaps", "meetings",
    "writing", "public-speaking", "delegation", "ownership", "focus", "remote-work",
    "conflict", "trust", "learning", "reading", "side-projects", "open-source",
    "career-change", "management", "ic-track", "sponsorship", "goals", "retrospectives",
    "documentation", "api-design", "performance", "security",
)  # fmt: skip

#: author key -> display name (8 authors)
AUTHORS: dict[str, str] = {
    "amara": "Amara Okafor",
    "bjorn": "Björn Halvorsen",
    "chen": "Chen Wei",
    "dolores": "Dolores Ibáñez",
    "eitan": "Eitan Barak",
    "farah": "Farah Haddad",
    "greta": "Greta Novak",
    "hiro": "Hiro Tanaka",
}

FIRST_DATE = dt.date(2019, 1, 7)
LAST_DATE = dt.date(2026, 9, 28)

# -- vocabulary ---------------------------------------------------------------------

TOPICS = (
    "code review", "on-call", "technical debt", "mentoring", "estimation", "design docs",
    "incident reviews", "pair programming", "feedback", "promotion packets", "roadmaps",
    "interviewing", "onboarding", "refactoring", "meetings", "release planning",
    "ownership", "deadlines", "architecture decisions", "saying no", "delegation",
    "writing things down", "deep work", "asking for help", "legacy systems", "testing",
)  # fmt: skip
ROLES = ("engineer", "tech lead", "manager", "staff engineer", "new hire", "designer", "intern")
TEAMS = ("payments", "platform", "search", "mobile", "data", "billing", "identity", "growth")
LESSONS = (
    "patience", "trust", "listening", "scope", "priorities", "humility", "clarity",
    "courage", "curiosity", "focus", "saying no", "asking better questions",
)  # fmt: skip
ADJECTIVES = ("long", "noisy", "quiet", "strange", "difficult", "hopeful", "chaotic", "slow")
PERIODS = ("a year", "two years", "five years", "a decade", "three quarters", "one bad week")
TOOLS = ("git blame", "a shared doc", "the team wiki", "a whiteboard", "the issue tracker")
VERBS = ("practise", "talk about", "plan for", "write about", "measure", "celebrate")

TITLE_TEMPLATES = (
    "What {topic} taught me about {lesson}",
    "The quiet cost of {topic}",
    "{Topic}, revisited",
    "Notes on {topic} for new {role}s",
    "Why {topic} is really about {lesson}",
    "Learning to love {topic}",
    "A field guide to {topic}",
    "Lessons from {period} of {topic}",
    "When {topic} goes wrong",
    "Getting better at {topic}",
    "{Topic} without the drama",
    "How our {team} team rethought {topic}",
)

HEADINGS = (
    "Where it started 🌱",
    "What went wrong 🔥",
    "What I tried first 🧪",
    "The turning point 🔄",
    "What I do now 🛠️",
    "What the team noticed 👥",
    "Looking at the numbers 📊",
    "A letter to my younger self 💌",
    "Trade-offs ⚖️",
    "Small habits that help 🧭",
    "Where this leaves me 🏁",
    "Why {topic} matters 🎯",
    "The hard part 🧗",
    "What surprised me ✨",
    "Advice I ignored 🙈",
    "What I would keep 🧰",
)

SENTENCES = (
    "For years I treated {topic} as something that happened to me, not something I practised.",
    "The {role}s I admire most talk about {topic} as a habit, not as an event on the calendar.",
    "Our {team} team learned this the hard way during a {adj} quarter with too many launches.",
    "Nobody writes a job description that says it, but {topic} is half of the work.",
    "I kept a notebook of what went well and what did not, and the pattern was obvious in weeks.",
    "It is tempting to think more effort fixes {topic}, yet effort was never what we lacked.",
    "A {role} on the {team} team once told me that {lesson} is a skill you can rehearse.",
    "That sentence stayed with me through a {adj} winter of migrations and pager alerts.",
    "We tried checklists, templates and a rotation; each helped a little and then faded.",
    "What finally worked was smaller and more boring: we made {topic} visible in {tool}.",
    "The first week felt slower, and by the end of the month nobody wanted to go back.",
    "I still get this wrong, especially when a deadline is close and the room is tired.",
    "If you are a new {role}, you will hear confident advice about {topic} from every direction.",
    "Most of it is true somewhere, which is exactly why it is so hard to apply anywhere.",
    "The question I ask now is simple: who pays for this decision, and when do they find out?",
    "Answering it honestly changed how I {verb} {topic} with my team.",
    "There is a version of {topic} that is mostly theatre, and everyone can feel it.",
    "The better version is quieter, takes less time, and leaves a trail that others can follow.",
    "After {period} of doing this, I trust the trail more than my own memory.",
    "One {adj} afternoon a colleague asked why we kept repeating the same mistakes.",
    "I had no good answer, and that silence was the most useful feedback I got that year.",
    "We started to {verb} {topic} in every retrospective, even when it felt unnecessary.",
    "The goal was never perfection; it was to notice sooner and to recover faster.",
    "Looking back, the turning point was not a tool or a process but a shared vocabulary.",
    "Once we could name the problem, the {team} team could argue about it productively.",
    "I have come to think of {lesson} as the part of the job that compounds quietly.",
    "It rarely shows up in a promotion packet, yet every strong {role} I know relies on it.",
    "Some readers will find this obvious, and they are probably the people who taught me.",
    "Others will recognise the {adj} meetings and the half-finished plans from their own teams.",
    "Either way, the practice is cheap to try and easy to abandon, so try it for a month.",
    "Write down what you expected, what happened, and what you would do differently next time.",
    "Share it with one person you trust before you share it with the whole team.",
    "You will be surprised how often the written version is kinder than the one in your head.",
    "We measured the change crudely, by counting how often the same question came up again.",
    "The count went down, slowly, and then it stayed down, which mattered more than the speed.",
    "None of this requires a reorganisation, a new title or a budget.",
    "It requires that someone goes first, and on most teams that someone could be you.",
    "I would rather be the {role} who asks the naive question than the one who nods along.",
    "The cost of asking is a moment of embarrassment; the cost of not asking is a {adj} month.",
    "When I explain this to a new {role}, I start with the mistakes; they convince more.",
)

QUESTIONS = (
    "When did you last {verb} {topic} on purpose?",
    "Who on your team would notice first if {topic} stopped happening?",
    "What would a new {role} find confusing about how you handle {topic}?",
    "Which part of {topic} do you avoid, and why?",
    "What did {topic} cost your team last quarter, in hours or in trust?",
    "If you had to teach {lesson} in one hour, what would you leave out?",
    "Which decision from last month would you make differently today?",
    "Who could you ask for honest feedback about {topic} this week?",
    "What is one habit you could drop to make room for {lesson}?",
    "How would you know, six months from now, that this had worked?",
    "What are you still assuming about {topic} that you have never checked?",
    "Which {role} on another team handles {topic} better than you do?",
)

REFLECTION_TITLES = (
    "Questions to sit with",
    "Before your next one-on-one",
    "For your next retrospective",
    "Questions for your journal",
)

# -- records ------------------------------------------------------------------------


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class Questions:
    """A question list: a reflection checklist in the careerblog flavor."""

    title: str
    items: tuple[str, ...]


Block = Paragraph | Questions


@dataclass(frozen=True)
class Section:
    heading: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Essay:
    docname: str  # essays/<year>/<slug>
    title: str
    date: dt.date
    author: str  # key of AUTHORS
    categories: tuple[str, ...]
    tags: tuple[str, ...]
    intro: tuple[Paragraph, ...]
    sections: tuple[Section, ...]

    @property
    def year(self) -> int:
        return self.date.year

    def words(self) -> int:
        texts = [p.text for p in self.intro]
        for section in self.sections:
            texts.append(section.heading)
            for block in section.blocks:
                if isinstance(block, Paragraph):
                    texts.append(block.text)
                else:
                    texts.extend((block.title, *block.items))
        return sum(len(text.split()) for text in texts)

    def questions(self) -> list[Questions]:
        return [b for s in self.sections for b in s.blocks if isinstance(b, Questions)]


@dataclass(frozen=True)
class Corpus:
    essays: tuple[Essay, ...]
    seed: int
    #: False: the theme's sidebars leave out alabaster's ``navigation.html`` (the whole
    #: site's toctree on every page, which grows as N² and hides everything else at 5,000)
    navigation: bool = True

    @property
    def years(self) -> list[int]:
        return sorted({essay.year for essay in self.essays})

    def by_category(self) -> dict[str, set[str]]:
        """Category slug -> docnames of its essays."""
        listing: dict[str, set[str]] = {category_slug(c): set() for c in CATEGORIES}
        for essay in self.essays:
            for category in essay.categories:
                listing[category_slug(category)].add(essay.docname)
        return listing

    def replaced(self, essay: Essay) -> Corpus:
        """The corpus with one essay (same docname) replaced by an edited version."""
        essays = tuple(essay if e.docname == essay.docname else e for e in self.essays)
        return replace(self, essays=essays)

    def edit_target(self) -> Essay:
        """The post the incremental benchmarks edit: the middle one by date."""
        ordered = sorted(self.essays, key=lambda essay: (essay.date, essay.docname))
        return ordered[len(ordered) // 2]


def category_slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


# -- generation ---------------------------------------------------------------------


class _Writer:
    """Fills templates from a seeded generator; one instance per essay topic."""

    def __init__(self, rng: random.Random, topic: str) -> None:
        self.rng = rng
        self.topic = topic

    def fill(self, template: str) -> str:
        choice = self.rng.choice
        values = {
            "topic": self.topic,
            "Topic": self.topic[:1].upper() + self.topic[1:],
            "role": choice(ROLES),
            "team": choice(TEAMS),
            "lesson": choice(LESSONS),
            "adj": choice(ADJECTIVES),
            "period": choice(PERIODS),
            "tool": choice(TOOLS),
            "verb": choice(VERBS),
        }
        return template.format(**values)

    def paragraph(self, sentences: int) -> Paragraph:
        picked = [self.fill(self.rng.choice(SENTENCES)) for _ in range(sentences)]
        # a little inline markup, as real essays have
        roll = self.rng.random()
        if roll < 0.25:
            picked[0] = _emphasise(picked[0], self.rng, "*")
        elif roll < 0.4:
            picked[-1] = _emphasise(picked[-1], self.rng, "**")
        elif roll < 0.5:
            picked.append(f"I keep the notes in `{self.rng.choice(TOOLS)}` these days.")
        return Paragraph(" ".join(picked))

    def questions(self, title: str) -> Questions:
        count = self.rng.randint(4, 6)
        templates = self.rng.sample(QUESTIONS, count)
        return Questions(title, tuple(self.fill(template) for template in templates))


def _emphasise(sentence: str, rng: random.Random, marker: str) -> str:
    words = sentence.split()
    if len(words) < 6:
        return sentence
    start = rng.randint(1, len(words) - 4)
    words[start] = marker + words[start]
    words[start + 2] = (
        words[start + 2].rstrip(",.;?")
        + marker
        + words[start + 2][len(words[start + 2].rstrip(",.;?")) :]
    )
    return " ".join(words)


def _slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60].rstrip("-")


def make_corpus(n: int, seed: int = 2026) -> Corpus:
    """``n`` essays, a pure function of ``(n, seed)``."""
    rng = random.Random(seed)
    span = (LAST_DATE - FIRST_DATE).days
    used_titles: dict[str, int] = {}
    essays: list[Essay] = []
    for _ in range(n):
        topic = rng.choice(TOPICS)
        writer = _Writer(rng, topic)
        title = writer.fill(rng.choice(TITLE_TEMPLATES))
        seen = used_titles.get(title, 0)
        used_titles[title] = seen + 1
        if seen:
            title = f"{title}, part {seen + 1}"
        date = FIRST_DATE + dt.timedelta(days=rng.randrange(span))
        categories = tuple(rng.sample(CATEGORIES, rng.choice((1, 1, 2))))
        if len(essays) < len(CATEGORIES):  # every category has posts once n >= 12
            first = CATEGORIES[len(essays)]
            categories = (first, *(c for c in categories if c != first))[:2]
        tags = tuple(rng.sample(TAGS, rng.randint(2, 4)))
        author = rng.choice(tuple(AUTHORS))

        intro = (writer.paragraph(rng.randint(3, 4)),)
        n_sections = rng.randint(4, 6)
        headings = [writer.fill(h) for h in rng.sample(HEADINGS, n_sections)]
        n_lists = rng.choice((1, 1, 1, 2))
        list_sections = set(rng.sample(range(1, n_sections), n_lists))
        titles = iter(rng.sample(REFLECTION_TITLES, n_lists))
        budget = 800 - len(intro[0].text.split())
        sections: list[Section] = []
        for index, heading in enumerate(headings):
            target = budget // (n_sections - index)
            blocks: list[Block] = []
            words = 0
            if index in list_sections:
                questions = writer.questions(next(titles))
                words += sum(len(item.split()) for item in questions.items)
            while words < target - 20:
                paragraph = writer.paragraph(rng.randint(3, 5))
                blocks.append(paragraph)
                words += len(paragraph.text.split())
            if index in list_sections:
                blocks.insert(min(1, len(blocks)), questions)
            budget -= words
            sections.append(Section(heading, tuple(blocks)))
        docname = f"essays/{date.year}/{_slug(title)}"
        essays.append(Essay(docname, title, date, author, categories, tags, intro, tuple(sections)))
    # a cross-reference from each essay to an older one, as handbooks link their essays
    by_date = sorted(essays, key=lambda essay: (essay.date, essay.docname))
    linked: dict[str, Essay] = {}
    for index, essay in enumerate(by_date):
        if index == 0:
            linked[essay.docname] = essay
            continue
        older = by_date[rng.randrange(index)]
        last = essay.sections[-1]
        sentence = Paragraph(
            f"I wrote about a related mistake in {{doc}}`/{older.docname}`, "
            "and it reads differently to me now."
        )
        with_link = (*essay.sections[:-1], replace(last, blocks=(*last.blocks, sentence)))
        linked[essay.docname] = replace(essay, sections=with_link)
    return Corpus(tuple(linked[essay.docname] for essay in essays), seed)


# -- edits for the incremental benchmarks -------------------------------------------


def body_edit(essay: Essay) -> Essay:
    """One word changed in the essay's last section (title, summary, length unchanged)."""
    last = essay.sections[-1]
    for index, block in enumerate(last.blocks):
        if isinstance(block, Paragraph) and " the " in block.text:
            edited = Paragraph(block.text.replace(" the ", " that ", 1))
            blocks = (*last.blocks[:index], edited, *last.blocks[index + 1 :])
            return replace(essay, sections=(*essay.sections[:-1], replace(last, blocks=blocks)))
    raise ValueError(f"no editable paragraph in {essay.docname}")


def new_essay(corpus: Corpus) -> Essay:
    """A new essay, the newest of all, in the newest year's folder (a copy of the
    edited one under a new name and date)."""
    newest = max(corpus.essays, key=lambda essay: (essay.date, essay.docname))
    date = newest.date + dt.timedelta(days=1)
    template = corpus.edit_target()
    return replace(
        template,
        docname=f"essays/{date.year}/a-new-essay-on-growing",
        title="A new essay on growing",
        date=date,
    )


def category_change(essay: Essay) -> Essay:
    """The essay's first category replaced by the next one it does not have."""
    start = CATEGORIES.index(essay.categories[0])
    for step in range(1, len(CATEGORIES)):
        candidate = CATEGORIES[(start + step) % len(CATEGORIES)]
        if candidate not in essay.categories:
            return replace(essay, categories=(candidate, *essay.categories[1:]))
    raise ValueError("no other category")


# -- rendering ----------------------------------------------------------------------


def _yaml_str(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _yaml_list(values: tuple[str, ...]) -> str:
    return "[" + ", ".join(_yaml_str(value) for value in values) + "]"


def front_matter(essay: Essay, flavor: Flavor) -> str:
    date = essay.date.isoformat()
    if flavor == "ablog":
        # ABlog reads comma-separated strings (it strips brackets from MyST lists)
        lines = [
            "blogpost: true",
            f"date: {date}",
            f"author: {essay.author}",
            f"category: {_yaml_str(', '.join(essay.categories))}",
            f"tags: {_yaml_str(', '.join(essay.tags))}",
        ]
    else:
        lines = [
            *(["post: true"] if flavor == "careerblog" else []),
            f"date: {date}",
            f"author: {essay.author}",
            f"categories: {_yaml_list(essay.categories)}",
            f"tags: {_yaml_list(essay.tags)}",
        ]
    return "---\n" + "\n".join(lines) + "\n---\n"


def render_questions(block: Questions, flavor: Flavor) -> str:
    items = "\n".join(f"- {item}" for item in block.items)
    if flavor == "careerblog":
        return f"```{{reflection}} {block.title}\n{items}\n```"
    return f"**{block.title}**\n\n{items}"


def render_essay(essay: Essay, flavor: Flavor) -> str:
    parts = [front_matter(essay, flavor), f"# {essay.title}"]
    parts.extend(paragraph.text for paragraph in essay.intro)
    for section in essay.sections:
        parts.append(f"## {section.heading}")
        for block in section.blocks:
            if isinstance(block, Paragraph):
                parts.append(block.text)
            else:
                parts.append(render_questions(block, flavor))
    return "\n\n".join(parts) + "\n"


def _postlist(flavor: Flavor, *, limit: int | None = None, category: str | None = None,
              excerpts: bool = False) -> str:  # fmt: skip
    if flavor == "plain":
        return ""
    if flavor == "ablog":
        head = f"```{{postlist}} {limit}" if limit else "```{postlist}"
        options = [f":category: {category}"] if category else []
    else:
        head = "```{postlist}"
        options = [f":limit: {limit}"] if limit else []
        if category:
            options.append(f":category: {category}")
    if excerpts:
        options.append(":excerpts:")
    return "\n".join([head, *options, "```"])


#: the theme's own sidebars, then the blog's boxes (``sidebars=True``)
THEME_SIDEBARS = ["about.html", "navigation.html", "relations.html", "searchbox.html"]
BLOG_SIDEBARS: dict[Flavor, list[str]] = {
    "plain": [],
    "careerblog": ["careerblog/recent.html", "careerblog/categories.html",
                   "careerblog/tags.html", "careerblog/archives.html"],
    "ablog": ["ablog/recentposts.html", "ablog/categories.html", "ablog/tagcloud.html",
              "ablog/archives.html"],
}  # fmt: skip


def conf_py(corpus: Corpus, flavor: Flavor, sidebars: bool = False) -> str:
    extensions = ["myst_parser", "sphinx_design"]
    lines = [
        '"""Generated by benchmarks.corpus; do not edit."""',
        'project = "Benchmark handbook"',
        'copyright = "2026, benchmark"',
        'author = "benchmark"',
        'exclude_patterns = ["_build"]',
        'myst_enable_extensions = ["colon_fence", "deflist", "fieldlist"]',
        'html_theme = "alabaster"',
        f"html_baseurl = {SITE_URL!r}",
    ]
    if flavor == "careerblog":
        extensions.append("sphinx_careerblog")
        authors = {key: {"name": name} for key, name in AUTHORS.items()}
        categories = {category_slug(c): {"title": c} for c in CATEGORIES}
        lines += [
            'careerblog_title = "Essays"',
            f"careerblog_baseurl = {SITE_URL!r}",
            f"careerblog_authors = {authors!r}",
            f"careerblog_categories = {categories!r}",
        ]
    elif flavor == "ablog":
        extensions.append("ablog")
        authors_ab = {key: (name, None) for key, name in AUTHORS.items()}
        lines += [
            'blog_title = "Essays"',
            'blog_path = "blog"',
            f"blog_baseurl = {SITE_URL!r}",
            f"blog_authors = {authors_ab!r}",
            "blog_feed_length = 20",
        ]
    theme = (
        THEME_SIDEBARS
        if corpus.navigation
        else [name for name in THEME_SIDEBARS if name != "navigation.html"]
    )
    if sidebars:
        lines.append(f"html_sidebars = {{'**': {theme + BLOG_SIDEBARS[flavor]!r}}}")
    elif not corpus.navigation:
        lines.append(f"html_sidebars = {{'**': {theme!r}}}")
    lines.insert(4, f"extensions = {extensions!r}")
    return "\n".join(lines) + "\n"


def pages(corpus: Corpus, flavor: Flavor, sidebars: bool = False) -> dict[str, str]:
    """Every file of the project (relative path -> text), essays included."""
    files: dict[str, str] = {"conf.py": conf_py(corpus, flavor, sidebars)}
    years = corpus.years
    year_entries = "\n".join(f"essays/{year}/index" for year in reversed(years))
    files["index.md"] = (
        "# Engineering handbook\n\n"
        "Essays from the engineers of this company, on growing in the job.\n\n"
        "```{toctree}\n:maxdepth: 1\n\nlatest\ncategories/index\n"
        f"{year_entries}\n```\n"
    )
    files["latest.md"] = (
        "# Latest essays\n\nThe ten most recent essays, with their first paragraph.\n\n"
        + _postlist(flavor, limit=10, excerpts=True)
        + "\n"
    )
    category_entries = "\n".join(category_slug(c) for c in CATEGORIES)
    files["categories/index.md"] = (
        f"# Essays by category\n\n```{{toctree}}\n:maxdepth: 1\n\n{category_entries}\n```\n"
    )
    for category in CATEGORIES:
        files[f"categories/{category_slug(category)}.md"] = (
            f"# {category}\n\nEvery essay filed under {category}, newest first.\n\n"
            + _postlist(flavor, category=category)
            + "\n"
        )
    for year in years:
        files[f"essays/{year}/index.md"] = (
            f"# Essays from {year}\n\n```{{toctree}}\n:maxdepth: 1\n:glob:\n\n*\n```\n"
        )
    for essay in corpus.essays:
        files[f"{essay.docname}.md"] = render_essay(essay, flavor)
    return files


def write_corpus(dest: Path, corpus: Corpus, flavor: Flavor, sidebars: bool = False) -> list[Path]:
    """Write the project into ``dest`` (which must not hold another project)."""
    written = []
    for relpath, text in pages(corpus, flavor, sidebars).items():
        path = dest / relpath
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def rewrite_essay(dest: Path, essay: Essay, flavor: Flavor) -> Path:
    """Write one (edited or new) essay in an existing project."""
    path = dest / f"{essay.docname}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_essay(essay, flavor), encoding="utf-8")
    return path
