"""Every text the reflection scripts show, translated here and handed to them as JSON.

The scripts hold no English of their own: they read this object from the
``data-cb-labels`` attribute of their ``<script>`` tag. Texts that depend on a
number come as ``[singular, plural]`` pairs, each its own catalog message.
``{name}`` fields are filled in by the scripts.
"""

from __future__ import annotations

import json

from sphinx_careerblog.i18n import _
from sphinx_careerblog.reflections.nodes import progress_template

Label = str | list[str]


def script_labels() -> dict[str, Label]:
    return {
        "progress": progress_template(),
        "denied": _("This browser does not let the page save your answers."),
        "quota": _("This browser's storage is full: your latest change was not saved."),
        "revisit": [
            _("You last ticked this checklist {days} day ago: time for a new review?"),
            _("You last ticked this checklist {days} days ago: time for a new review?"),
        ],
        "reviewStarted": _(
            "New review started. Your earlier answers are kept as the review of {date}."
        ),
        "stale": [_("last ticked {days} day ago"), _("last ticked {days} days ago")],
        "delta": _("{change} since {date}"),
        "invalid": _("That file is not an export of reflection answers."),
        "imported": _("Imported: {parts}."),
        "added": [_("{count} checklist added"), _("{count} checklists added")],
        "updated": [
            _("{count} checklist updated with newer answers"),
            _("{count} checklists updated with newer answers"),
        ],
        "kept": [
            _("{count} checklist kept because the answers here are newer"),
            _("{count} checklists kept because the answers here are newer"),
        ],
        "reviews": [_("{count} earlier review added"), _("{count} earlier reviews added")],
        "nothing": _("Nothing new: the answers here are the same or newer."),
        "copied": _("Copied to the clipboard."),
        "copyFailed": _("This browser does not allow copying here; use Download as Markdown."),
        "mdTitle": _("My growth"),
        "mdExported": _("Exported on {date}."),
        "mdNotes": _("Notes"),
        "mdReviews": _("Earlier reviews"),
        "mdReview": _("{date}: {done} of {total}"),
        "mdLevel": _("Level"),
        "mdNone": _("No checklist names this competency yet."),
    }


def labels_json() -> str:
    return json.dumps(script_labels(), ensure_ascii=False, sort_keys=True)
