"""The ``careerblog`` message catalog: every word the extension writes into pages.

``_`` translates a message, ``pgettext`` a short one in a context, and ``ngettext``
chooses the plural form for a count, all
in the project's ``language`` (``extension.py`` registers ``LOCALE_DIR`` with
``app.add_message_catalog``). The catalogs live in ``locale/<lang>/LC_MESSAGES``;
``make locale`` extracts the messages and compiles them (``tools/catalogs.py``).

Counted phrases have one helper each here, so every page says them the same way.
"""

from __future__ import annotations

import gettext
import hashlib
from pathlib import Path

from sphinx.locale import get_translation, get_translator

MESSAGE_CATALOG_NAME = "careerblog"
LOCALE_DIR = Path(__file__).parent / "locale"

_ = get_translation(MESSAGE_CATALOG_NAME)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form of a counted message for ``count`` in the project's language.

    Sphinx's ``get_translation`` function takes one message only (9.x), so this asks
    the catalog's translator, which Sphinx keeps once the catalog is registered (an
    English ``NullTranslations`` before that).
    """
    return get_translator(MESSAGE_CATALOG_NAME).ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    """A short message whose translation depends on where it stands (``context``)."""
    return get_translator(MESSAGE_CATALOG_NAME).pgettext(context, message)


def scheduled_for(shown_date: str) -> str:
    """``Scheduled for 01 June 2026``: a scheduled post's date in its byline and in
    every list of the preview."""
    return _("Scheduled for %s") % shown_date


def draft_mark(scheduled: bool, shown_date: str | None) -> str:
    """How a list marks a hidden post in preview: ``Scheduled for DATE`` for a
    scheduled one, ``Draft`` for the others."""
    if scheduled and shown_date:
        return scheduled_for(shown_date)
    return _("Draft")


def reading_time(minutes: int) -> str:
    """``5 min read``."""
    return ngettext("%(count)d min read", "%(count)d min read", minutes) % {"count": minutes}


def post_count(count: int) -> str:
    """``1 post``, ``3 posts``."""
    return ngettext("%(count)d post", "%(count)d posts", count) % {"count": count}


def part_of(number: int, total: int) -> str:
    """``Part 2 of 3``: where a post stands in its series (the plural form follows
    the number of parts)."""
    # Translators: where a post stands in its series: "Part 2 of 3"
    message = ngettext("Part %(part)d of %(parts)d", "Part %(part)d of %(parts)d", total)
    return message % {"part": number, "parts": total}


def prompt_count(count: int) -> str:
    """``1 prompt``, ``4 prompts`` (the questions of a reflection checklist)."""
    return ngettext("%(count)d prompt", "%(count)d prompts", count) % {"count": count}


def catalog_fingerprint(language: str | None) -> str:
    """A hash of the compiled catalogs ``language`` reads (``de_AT`` reads ``de``), so
    pages kept from an earlier build are written again when a translation changed."""
    found = gettext.find(MESSAGE_CATALOG_NAME, LOCALE_DIR, [language or "en"], all=True)
    digest = hashlib.sha256()
    for path in found:
        digest.update(Path(path).read_bytes())
    return digest.hexdigest()
