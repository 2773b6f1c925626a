"""The ``careerblog`` command: ``quickstart``, ``new`` and ``import``.

This module only wires arguments to :mod:`.quickstart`, :mod:`.newpost` and
:mod:`.importer`, and turns every failure into one line on stderr and a non-zero
exit status (1: the command failed, 2: bad usage), never a traceback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from sphinx_careerblog import __version__
from sphinx_careerblog.cli.declared import check_terms
from sphinx_careerblog.cli.importer import FORMATS, run_import
from sphinx_careerblog.cli.importer.writer import CommandError
from sphinx_careerblog.cli.new import clean_terms, create_post
from sphinx_careerblog.cli.quickstart import DEFAULT_AUTHOR, DEFAULT_TITLE, quickstart

#: Set to a non-empty value to see the traceback of an unexpected error.
DEBUG_VARIABLE = "CAREERBLOG_DEBUG"


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date in the form YYYY-MM-DD") from None


class _Parser(argparse.ArgumentParser):
    """Exits through ``SystemExit`` as argparse does; ``main`` turns it into a status."""


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="careerblog",
        description="Authoring tools for sphinx-careerblog handbooks.",
        epilog="Run 'careerblog COMMAND --help' for the options of one command.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for add_command in (_add_quickstart, _add_new, _add_import):
        add_command(commands.add_parser)
    return parser


#: ``add_parser`` of the sub-commands: ``(name, help=..., description=...) -> parser``
AddParser = Callable[..., argparse.ArgumentParser]


def _add_quickstart(add_parser: AddParser) -> None:
    qs = add_parser(
        "quickstart",
        help="create a handbook that builds at once",
        description="Create a Sphinx + MyST handbook with sphinx-careerblog: conf.py (with "
        "the blog's sidebars), an index, an essays landing page (cards and a category "
        "overview), a page gathering every reflection checklist, and one example essay "
        "with a checklist. 'sphinx-build -W DIR DIR/_build/html' builds it without warnings.",
    )
    qs.add_argument("directory", metavar="DIR", type=Path, help="where to create the handbook")
    qs.add_argument(
        "--force",
        action="store_true",
        help="write into DIR even if it is not empty (the handbook's own files "
        "are overwritten, other files are left alone)",
    )
    qs.add_argument(
        "--title", default=DEFAULT_TITLE, help=f"the handbook's title (default: {DEFAULT_TITLE!r})"
    )
    qs.add_argument(
        "--author",
        default=DEFAULT_AUTHOR,
        help=f"the author of the example essay and default author of posts "
        f"(default: {DEFAULT_AUTHOR!r})",
    )
    qs.add_argument(
        "--baseurl", metavar="URL", help="the address the site is published at; turns the feeds on"
    )
    qs.set_defaults(handler=_quickstart)


def _add_new(add_parser: AddParser) -> None:
    new = add_parser(
        "new",
        help="start a new post",
        description="Write a new MyST post named after the slug of TITLE, with front matter "
        "(post: true, today's date, and the given metadata). Never overwrites a file.",
    )
    new.add_argument("title", metavar="TITLE", help="the post's title")
    new.add_argument(
        "--category",
        action="append",
        default=[],
        metavar="C",
        help="a category (repeat for several)",
    )
    new.add_argument(
        "--tag", action="append", default=[], metavar="T", help="a tag (repeat for several)"
    )
    new.add_argument(
        "--author",
        action="append",
        default=[],
        metavar="A",
        help="an author key or name (repeat for several)",
    )
    new.add_argument("--series", metavar="S", help="the series the post belongs to")
    new.add_argument(
        "--dir",
        type=Path,
        default=Path(),
        metavar="D",
        help="the folder to write the post into (default: the current folder)",
    )
    new.add_argument(
        "--date", type=_date, metavar="YYYY-MM-DD", help="the publication date (default: today)"
    )
    new.set_defaults(handler=_new)


def _add_import(add_parser: AddParser) -> None:
    imp = add_parser(
        "import",
        help="convert essay exports into MyST posts",
        description="Convert plain-text essay exports and Markdown posts with front matter "
        "(Jekyll, Hugo, Docusaurus, MkDocs Material, ABlog) into MyST posts, one file per "
        "input named by its slug. Each file written and each one skipped is reported; the "
        "exit status is 1 when any input was skipped.",
    )
    imp.add_argument("files", metavar="FILE", nargs="+", type=Path, help="files to import")
    imp.add_argument(
        "--to",
        type=Path,
        default=Path(),
        metavar="DIR",
        help="the folder to write the posts into (default: the current folder)",
    )
    imp.add_argument(
        "--format",
        choices=FORMATS,
        default="auto",
        help="the input format (default: auto: .md/.markdown/.mdx are Markdown, "
        ".txt is text, other files are Markdown when they open with front matter)",
    )
    imp.add_argument("--force", action="store_true", help="overwrite existing files")
    imp.add_argument(
        "--date",
        type=_date,
        metavar="YYYY-MM-DD",
        help="the date of posts whose input gives none (default: a text export marked "
        "public is dated from its file's modification day; other undated posts are drafts)",
    )
    imp.set_defaults(handler=_import)


# -- commands ------------------------------------------------------------------------


def _quickstart(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    written = quickstart(
        args.directory, force=args.force, title=args.title, author=args.author, baseurl=args.baseurl
    )
    for path in written:
        out.write(f"wrote {path}\n")
    build = args.directory / "_build" / "html"
    out.write(f"Build it with: sphinx-build -W {args.directory} {build}\n")
    return 0


def _new(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    path = create_post(
        args.title,
        directory=args.dir,
        categories=args.category,
        tags=args.tag,
        authors=args.author,
        series=args.series,
        date=args.date,
    )
    out.write(f"{path}\n")
    # under careerblog_strict_taxonomy the build will warn: say so now, with a fix
    given = {"category": args.category, "tag": args.tag, "author": args.author}
    for line in check_terms(
        args.dir, {kind: clean_terms(values) for kind, values in given.items()}
    ):
        err.write(f"careerblog new: warning: {line}\n")
    return 0


def _import(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    report = run_import(
        args.files,
        to=args.to,
        fmt=args.format,
        force=args.force,
        default_date=args.date,
        out=out,
        err=err,
    )
    return 1 if report.skipped else 0


# -- entry point ---------------------------------------------------------------------

Handler = Callable[[argparse.Namespace, TextIO, TextIO], int]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; returns the exit status (0 success, 1 failure, 2 bad usage)."""
    out, err = sys.stdout, sys.stderr
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version, or a usage error (already printed)
        return exc.code if isinstance(exc.code, int) else 2
    if args.command is None:
        parser.print_help(err)
        return 2
    handler: Handler = args.handler
    try:
        status = handler(args, out, err)
        out.flush()
    except CommandError as exc:
        err.write(f"careerblog {args.command}: error: {exc}\n")
        return 1
    except BrokenPipeError:  # the reader went away (`careerblog import ... | head`)
        _silence_stdout()
        return 1
    except KeyboardInterrupt:
        err.write("careerblog: interrupted\n")
        return 130
    except Exception as exc:
        if os.environ.get(DEBUG_VARIABLE):
            raise
        err.write(
            f"careerblog {args.command}: unexpected error: {type(exc).__name__}: {exc}\n"
            f"(set {DEBUG_VARIABLE}=1 to see the traceback, and please report it)\n"
        )
        return 1
    return status


def _silence_stdout() -> None:
    """Point stdout at the null device so the interpreter's last flush cannot fail."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # not a real file (tests capture it)
        pass


if __name__ == "__main__":
    sys.exit(main())
