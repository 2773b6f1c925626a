"""Retake ``docs/_static/rtl-post.png``: a post of a Hebrew handbook laid out right to left.

Usage: python docs/_tools/screenshot_rtl.py
It writes a small handbook (``language = "he"``, the direction set by a one-line
stylesheet, as docs/reference/translations.md describes) into a temporary directory,
builds it with sphinx-build -W, and photographs the top of one post: title, byline,
a ticked checklist. Needs Debian's chromium.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

from playwright.sync_api import sync_playwright

OUT = Path(__file__).parents[1] / "_static" / "rtl-post.png"

CONF = """\
project = "מדריך ההנדסה"
extensions = ["myst_parser", "sphinx_design", "sphinx_careerblog"]
myst_enable_extensions = ["colon_fence"]
language = "he"
html_theme = "alabaster"
html_static_path = ["_static"]
html_css_files = ["rtl.css"]
careerblog_baseurl = "https://handbook.example.org/"
careerblog_authors = {"noa": {"name": "נועה לוי"}}
"""

POST = """\
---
post: true
date: 2026-03-12
author: noa
category: צמיחה
tags: [למידה, קוד]
---
# ללמוד מקוד שכתבו אחרים

כשמצטרפים לצוות חדש, הקוד הקיים הוא המורה הטוב ביותר: הוא מספר מה חשוב לצוות,
איפה כאב לו בעבר ואילו פשרות נעשו בדרך.

:::{reflection} מבט לאחור
:notes:

- האם הבנתי למה הקוד נכתב כך?
- האם ביקשתי משוב מעמית?
- מה הייתי עושה אחרת בפעם הבאה?
:::
"""

FILES = {
    "conf.py": CONF,
    "_static/rtl.css": "html { direction: rtl; }\n",
    "index.md": "# מדריך ההנדסה\n\n```{toctree}\nessay\n```\n",
    "essay.md": POST,
}


def build(root: Path) -> Path:
    src, out = root / "src", root / "html"
    for name, text in FILES.items():
        (src / name).parent.mkdir(parents=True, exist_ok=True)
        (src / name).write_text(textwrap.dedent(text), "utf-8")
    subprocess.run(
        [sys.executable, "-m", "sphinx", "-q", "-W", "-b", "html", str(src), str(out)],
        check=True,
    )
    return out


def main() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        out = build(Path(scratch))
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium", args=["--headless", "--no-sandbox"]
            )
            page = browser.new_page(viewport={"width": 1000, "height": 900})
            page.goto((out / "essay.html").as_uri())
            boxes = page.locator(".cb-reflection input[type=checkbox]")
            boxes.nth(0).check()
            boxes.nth(2).check()
            page.mouse.move(0, 0)
            body = page.locator("div.body")
            clip = body.bounding_box()
            assert clip is not None
            checklist = page.locator(".cb-reflection").bounding_box()
            assert checklist is not None
            height = checklist["y"] + checklist["height"] + 16 - clip["y"]
            page.screenshot(path=str(OUT), clip={**clip, "height": height})
            browser.close()
    sys.stdout.write(f"{OUT} ({OUT.stat().st_size} bytes)\n")


if __name__ == "__main__":
    main()
