"""Shared directive plumbing: option specs that tolerate unknown options."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from sphinx_careerblog.warnings import CbWarning, warn

#: an option's allowed values (often a ``Literal`` type)
Choice = TypeVar("Choice", bound=str)


class LenientOptionSpec(dict[str, Callable[[str], object]]):
    """An option spec that accepts unknown options as raw text.

    Docutils drops a whole directive over one unknown option; we keep the directive
    and report the option with a located ``careerblog.unknown_option`` warning.
    """

    def __missing__(self, key: str) -> Callable[[str], object]:
        return directives.unchanged


class CbDirective(SphinxDirective):
    """Base class: reports unknown options once, where the directive stands."""

    def known_options(self) -> set[str]:
        return set(dict(self.option_spec or {}))

    def report_unknown_options(self) -> None:
        unknown = sorted(set(self.options) - self.known_options())
        for name in unknown:
            allowed = ", ".join(sorted(self.known_options()))
            warn(
                CbWarning.UNKNOWN_OPTION,
                f"{self.name}: unknown option {name!r} ignored (known: {allowed})",
                location=self.get_location(),
            )
            del self.options[name]

    def choice(self, name: str, allowed: tuple[Choice, ...], default: Choice) -> Choice:
        """The value of option ``name`` if it is one of ``allowed`` (case-insensitive);
        otherwise a located ``careerblog.directive`` warning and ``default``."""
        raw = self.options.get(name)
        value = (raw or default).strip().lower()
        for candidate in allowed:
            if candidate == value:
                return candidate
        warn(
            CbWarning.DIRECTIVE,
            f"{self.name}: unknown {name} {raw!r} (use one of: {', '.join(allowed)}); "
            f"using {default!r}",
            location=self.get_location(),
        )
        return default
