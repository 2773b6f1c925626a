"""The docs handbook's essays built in each supported theme, with that theme's sidebar
lines from the sidebars how-to. Shared by the theme browser tests and the screenshot
gallery (``docs/_tools/gallery.py``), so the pictures show what the tests check.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

DOCS = Path(__file__).parents[1] / "docs"
SNIPPETS = DOCS / "snippets"

#: theme module -> the sidebar lines docs/howto/sidebars.md gives for it
THEMES = {
    "alabaster": "sidebars-alabaster.py",
    "furo": "sidebars-furo.py",
    "pydata_sphinx_theme": "sidebars-pydata.py",
    "sphinx_book_theme": "sidebars-book.py",
}

#: The pages copied from docs/ (the essays and the pages that list them, and the
#: authors' avatars conf.py names): every listing, checklist and footer the
#: extension draws, in a build of a few seconds.
PAGES = ("essays", "essays-landing.md", "reflections.md", "_static/avatars")
#: the growth map page (and the snippets it includes), once the handbook has one
GROWTH = ("my-growth.md", "snippets")


def pages() -> tuple[str, ...]:
    extra = GROWTH if (DOCS / GROWTH[0]).is_file() else ()
    return (*PAGES, *extra)


def has_growth_page() -> bool:
    return (DOCS / GROWTH[0]).is_file()


INDEX = """\
# Handbook

```{toctree}
:caption: Essays
:maxdepth: 1
:glob:

essays-landing
reflections
{growth}essays/*
```
"""


def write_site(theme: str, src: Path) -> Path:
    """A copy of the handbook's essays in ``src`` whose conf.py selects ``theme``."""
    src.mkdir(parents=True, exist_ok=True)
    for name in pages():
        source = DOCS / name
        if source.is_dir():
            shutil.copytree(source, src / name, dirs_exist_ok=True)
        else:
            shutil.copy2(source, src / name)
    growth = "my-growth\n" if has_growth_page() else ""
    (src / "index.md").write_text(INDEX.replace("{growth}", growth), "utf-8")
    conf = (DOCS / "conf.py").read_text("utf-8")
    sidebars = (SNIPPETS / THEMES[theme]).read_text("utf-8")
    # the landing page links into the reference, which is not copied
    extra = 'suppress_warnings = ["myst.xref_missing"]\n'
    (src / "conf.py").write_text(f"{conf}\n{sidebars}\n{extra}", "utf-8")
    return src


def build_site(theme: str, root: Path) -> Path:
    """Build the essays in ``theme`` under ``root``; returns the HTML directory."""
    src = write_site(theme, root / "src")
    out = root / "html"
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-q", "-W", "--keep-going", "-b", "html",
         str(src), str(out)],
        capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    if result.returncode != 0:
        raise RuntimeError(f"{theme} build failed:\n{result.stdout}{result.stderr}")
    return out
