"""The project templates of ``conf-templates/``, found in the wheel or in a checkout."""

from __future__ import annotations

import string
from pathlib import Path
from typing import Final

_PACKAGE: Final = Path(__file__).resolve().parents[1]


def templates_dir() -> Path:
    """``sphinx_journal/conf-templates`` when installed, ``conf-templates/`` in a checkout."""
    for candidate in (_PACKAGE / "conf-templates", _PACKAGE.parents[1] / "conf-templates"):
        if (candidate / "journal").is_dir():
            return candidate
    raise FileNotFoundError("the conf-templates folder of sphinx-journal is missing")


def render(name: str, **values: str) -> str:
    """Template ``name`` with ``$value`` placeholders filled (others left as written)."""
    text = (templates_dir() / name).read_text(encoding="utf-8")
    return string.Template(text).safe_substitute(values)


def markdown_text(text: str) -> str:
    """``text`` as literal Markdown text on one line (``<Notes>`` stays text, not HTML;
    a newline in a title would end its heading and start a line such as ``---``)."""
    text = " ".join(text.split())
    return "".join("\\" + char if char in "\\`*_{}[]<>#+!|$~" else char for char in text)


def yaml_string(text: str) -> str:
    """``text`` inside a double-quoted YAML string, on one line.

    Backslash, quote and every control character are escaped (``\\n``,
    ``\\x1b`` …), so a title holding a newline and ``---`` can never end the
    front matter it is written into.
    """
    out = []
    for char in text:
        if char in '\\"':
            out.append("\\" + char)
        elif char == "\n":
            out.append("\\n")
        elif char == "\t":
            out.append("\\t")
        elif ord(char) < 0x20 or 0x7F <= ord(char) < 0xA0 or char in "\u2028\u2029":
            out.append(f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return "".join(out)
