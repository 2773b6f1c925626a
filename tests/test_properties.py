"""Property tests: whatever an author writes, parsing gives a value or a located
problem, never an exception; slugs are ASCII, non-empty, stable and injective."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from sphinx_careerblog.cli.importer.frontmatter import convert_markdown
from sphinx_careerblog.cli.importer.plaintext import convert_text
from sphinx_careerblog.cli.importer.writer import CommandError
from sphinx_careerblog.data.dates import parse_date
from sphinx_careerblog.data.fields import (
    UndecodableValueError,
    decode_front_matter_value,
    parse_fields,
    truthy,
)
from sphinx_careerblog.data.model import (
    FIELDS,
    MAX_SLUG_LENGTH,
    PostFields,
    normalise_label,
    slugify,
)
from sphinx_careerblog.data.urls import url_problem

from .conftest import warning_text

# -- strategies ---------------------------------------------------------------------

#: Text with everything authors paste: any code point but surrogates (which no UTF-8
#: file can hold), weighted towards the characters parsers care about.
any_text = st.one_of(
    st.text(st.characters(exclude_categories=("Cs",)), max_size=60),
    st.text(
        st.sampled_from(list("-_.,:;!?'\"()[]{}<>&#+ \t\n/\\@0123456789aZéß🚀成")), max_size=30
    ),
)
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), any_text,
    st.dates().map(dt.date.isoformat), st.datetimes().map(dt.datetime.isoformat),
)  # fmt: skip
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(any_text, inner, max_size=3),
    max_leaves=8,
)
raw_metadata = st.dictionaries(st.sampled_from(FIELDS), values, max_size=len(FIELDS))


# -- metadata --------------------------------------------------------------------------


@given(raw_metadata)
@settings(max_examples=400, deadline=None)
def test_parse_fields_gives_fields_or_problems(raw: dict[str, object]) -> None:
    fields, problems = parse_fields(raw)
    assert isinstance(fields, PostFields)
    for problem in problems:
        assert problem.field in raw, problem  # a problem names the field it is about
        assert problem.message
    for name in ("external_link", "canonical_link"):
        value = getattr(fields, name)
        assert value is None or url_problem(value) is None
    assert fields.image is None or fields.image.isdigit() or url_problem(fields.image) is None
    for entry in (*fields.tags, *fields.categories, *fields.authors):
        assert entry and entry == " ".join(entry.split())


@given(any_text)
@settings(max_examples=300, deadline=None)
def test_front_matter_values_decode_or_say_why(text: str) -> None:
    try:
        decoded = decode_front_matter_value(text)
    except UndecodableValueError:
        assert text.strip()[:1] in ("[", "{")
    else:
        fields, _problems = parse_fields({"tags": decoded, "summary": decoded})
        assert isinstance(fields, PostFields)
    assert truthy(text) in (True, False)


# -- dates -----------------------------------------------------------------------------


@given(any_text)
@settings(max_examples=400, deadline=None)
@example("2023-02-30")
@example("March 2023")
@example("9" * 400)
def test_any_date_text_parses_or_raises_value_error(text: str) -> None:
    try:
        parsed, has_time = parse_date(text)
    except ValueError as exc:
        assert str(exc)
    else:
        assert isinstance(parsed, dt.datetime)
        assert has_time in (True, False)


fixed_offsets = st.integers(-23 * 60 + 1, 23 * 60 - 1).map(
    lambda minutes: dt.timezone(dt.timedelta(minutes=minutes))
)


@given(st.datetimes(min_value=dt.datetime(1000, 1, 1), timezones=st.none() | fixed_offsets))
@settings(max_examples=200, deadline=None)
def test_iso_dates_round_trip(when: dt.datetime) -> None:
    assert parse_date(when.isoformat()) == (when, True)
    assert parse_date(when.date().isoformat()) == (
        dt.datetime.combine(when.date(), dt.time()),
        False,
    )


# -- slugs -----------------------------------------------------------------------------

SLUG = re.compile(r"[a-z0-9]+(?:--?[a-z0-9]+)*")


@given(any_text)
@settings(max_examples=500, deadline=None)
@example("C++")
@example("🚀")
@example("x" * 10_000)
def test_slugs_are_ascii_non_empty_short_and_stable(label: str) -> None:
    slug = slugify(label)
    assert SLUG.fullmatch(slug), slug
    assert len(slug) <= MAX_SLUG_LENGTH
    slugify.cache_clear()
    assert slugify(label) == slug


@given(any_text, any_text)
@settings(max_examples=1000, deadline=None)
@example("C", "C++")
@example("C#", "C++")
@example("日本", "二本")
@example("Ops & SRE", "Ops SRE")
@example("c--372946aa", "C++")
@example("x" * 100, "x" * 101)
def test_slugs_are_injective_on_normalised_labels(first: str, second: str) -> None:
    if normalise_label(first) == normalise_label(second):
        assert slugify(first) == slugify(second)
    else:
        assert slugify(first) != slugify(second), (first, second)


def test_same_term_spellings_share_a_slug() -> None:
    assert {slugify(x) for x in ("Career Growth", "career-growth", "career_growth")} == {
        "career-growth"
    }
    assert slugify("Café") == slugify("cafe") == "cafe"
    assert slugify("Before you ship?") == "before-you-ship"


# -- importer --------------------------------------------------------------------------


def _front_matter(rendered: str) -> dict[str, object]:
    assert rendered.startswith("---\n"), rendered[:40]
    head = rendered[4:].split("\n---\n", 1)[0]
    data = yaml.safe_load(head)
    assert isinstance(data, dict)
    return data


lines = st.lists(
    st.one_of(
        any_text.map(lambda t: t.replace("\n", " ")),
        st.sampled_from(["", "- ", "* item?", "Title:", "Categories: a, b", "Tags: x", "===="]),
        any_text.map(lambda t: "- " + t.replace("\n", " ") + "?"),
        st.sampled_from(["Date: 2024-01-02", "Date: never", "Status: draft", "#", "---"]),
    ),
    max_size=12,
)


@given(lines)
@settings(max_examples=300, deadline=None)
def test_plain_text_import_converts_or_says_why(text_lines: list[str]) -> None:
    try:
        converted = convert_text("\n".join(text_lines))
    except CommandError as exc:
        assert str(exc)
        return
    assert re.fullmatch(r"[a-z0-9-]+", converted.slug), converted.slug
    assert all(isinstance(note, str) for note in converted.notes)
    assert converted.published in (True, False)
    front = _front_matter(converted.post.render())
    assert front.get("post") is True


IMPORT_KEYS = ["title", "date", "tags", "categories", "author", "draft", "slug",
               "description", "image", "series", "weird key", "published"]  # fmt: skip
front_matter_docs = st.builds(
    lambda data, body, syntax: (
        f"---\n{yaml.safe_dump(data, allow_unicode=True)}---\n{body}"
        if syntax == "yaml"
        else f"---\n{body}"
        if syntax == "broken"
        else body
    ),
    st.dictionaries(st.sampled_from(IMPORT_KEYS), values, max_size=6),
    st.one_of(any_text, st.just("# Heading\n\nText."), any_text.map(lambda t: "# " + t)),
    st.sampled_from(["yaml", "broken", "none"]),
)


@given(front_matter_docs)
@settings(max_examples=300, deadline=None)
def test_front_matter_import_converts_or_says_why(document: str) -> None:
    try:
        result = convert_markdown(document, "file-stem")
    except CommandError as exc:
        assert str(exc)
        return
    assert re.fullmatch(r"[a-z0-9-]+", result.slug), result.slug
    front = _front_matter(result.post.render())
    assert front.get("post") is True
    # what the importer writes is metadata the extension reads without an exception
    fields, _problems = parse_fields({k: v for k, v in front.items() if k in FIELDS})
    assert isinstance(fields, PostFields)


# -- a real build: located warnings, no traceback -------------------------------------

LOCATED = re.compile(r"^\S+\.md:\d+: WARNING: .+ \[careerblog\.[a-z_]+\]$")


@given(raw_metadata)
@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_any_front_matter_builds_with_located_warnings(build, tmp_path: Path, raw) -> None:
    front = yaml.safe_dump({"post": True, **raw}, allow_unicode=True, width=10_000)
    assume("\x85" not in front and "\u2028" not in front)  # YAML line breaks in keys
    files = {
        "index.md": "# Home\n\n```{toctree}\np\n```\n",
        "p.md": f"---\n{front}---\n# P\n\nText.\n",
    }
    app = build(files, srcdir=tmp_path / uuid.uuid4().hex)
    warnings = [line for line in warning_text(app).splitlines() if "careerblog" in line]
    for line in warnings:
        assert LOCATED.match(line), line
    assert "Traceback" not in warning_text(app)
    assert (Path(app.outdir) / "p.html").exists()


@pytest.mark.parametrize("label", ["C++", "🚀", "x" * 10_000, "a/b\\c", "..", "<script>"])
def test_slug_is_a_safe_file_name(label: str) -> None:
    slug = slugify(label)
    assert "/" not in slug and "\\" not in slug and slug not in (".", "..")
    assert len(slug.encode()) <= MAX_SLUG_LENGTH
