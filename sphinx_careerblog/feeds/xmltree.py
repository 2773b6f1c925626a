"""ElementTree helpers shared by the Atom and RSS serialisers: every text and
attribute goes through the serializer (escaped) after characters XML 1.0 cannot
carry are dropped."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    pass

#: Characters XML 1.0 cannot carry, even escaped.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean_text(text: str) -> str:
    return _XML_INVALID.sub("", text)


def sub_element(
    parent: ET.Element, tag: str, text: str | None = None, attrs: dict[str, str] | None = None
) -> ET.Element:
    element = ET.SubElement(parent, tag, {k: clean_text(v) for k, v in (attrs or {}).items()})
    if text is not None:
        element.text = clean_text(text)
    return element


def serialise(root: ET.Element) -> bytes:
    ET.indent(root, space="  ")
    data: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return data + b"\n"
