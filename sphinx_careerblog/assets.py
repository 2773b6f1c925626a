"""The extension's stylesheet and checklist scripts, for HTML builders only.

* ``register_static_dir`` (``config-inited``) adds ``static/`` and ``reflections/static/`` to
  ``html_static_path``. Doing it this early means the stored configuration equals
  the new one on the next build, so Sphinx does not report "The configuration has
  changed" (appending on ``builder-inited`` does).
* ``add_assets`` (``builder-inited``) adds ``careerblog.css`` (then ``careerblog-themes.css``,
  the theme fit) to HTML-format
  builders and the checklist scripts to interactive ones (not EPUB). The storage
  prefix reaches the script as a ``data-`` attribute (escaped by Sphinx), never as
  generated JavaScript.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx_careerblog.reflections.labels import labels_json

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

#: the shared stylesheet, and the checklist scripts beside their feature
STATIC_DIRS = (
    Path(__file__).parent / "static",
    Path(__file__).parent / "reflections" / "static",
    Path(__file__).parent / "site" / "static",
)
CSS_FILE = "careerblog.css"
#: after CSS_FILE: how our elements fit each popular theme (its variables, light and dark)
THEMES_CSS_FILE = "careerblog-themes.css"
CORE_JS = "careerblog-checklist-core.js"
#: migration and export files of answers (pure, beside the core)
TRANSFER_JS = "careerblog-transfer-core.js"
CHECKLIST_JS = "careerblog-checklist.js"
#: the growth map's pure core, its page script and its stylesheet (reflections/static)
GROWTH_JS = ("careerblog-growth-core.js", "careerblog-growthmap.js")
GROWTH_CSS = "careerblog-growthmap.css"


def register_static_dir(app: Sphinx, config: Config) -> None:
    current = list(getattr(config, "html_static_path", None) or [])
    missing = [str(path) for path in STATIC_DIRS if str(path) not in current]
    if missing:
        # a new list: the default ``[]`` object is shared by every Sphinx app in a process
        config.html_static_path = [*current, *missing]


def is_interactive(app: Sphinx) -> bool:
    """HTML pages a browser runs scripts in (EPUB readers mostly do not)."""
    builder = app.builder
    return builder.format == "html" and not builder.name.startswith("epub")


def add_assets(app: Sphinx) -> None:
    if app.builder.format != "html":
        return
    app.add_css_file(CSS_FILE)
    app.add_css_file(GROWTH_CSS)
    app.add_css_file(THEMES_CSS_FILE)
    if not is_interactive(app):
        return
    prefix: str = app.config.careerblog_checklist_storage_prefix
    app.add_js_file(CORE_JS, defer="defer")
    app.add_js_file(TRANSFER_JS, defer="defer")
    # every text the scripts show, translated (reflections/labels.py)
    attributes: dict[str, Any] = {
        "defer": "defer",
        "data-cb-storage-prefix": prefix,
        "data-cb-labels": labels_json(),
    }
    app.add_js_file(CHECKLIST_JS, **attributes)
    for script in GROWTH_JS:
        app.add_js_file(script, defer="defer")
