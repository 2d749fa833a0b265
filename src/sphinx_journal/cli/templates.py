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
    """``text`` as literal Markdown text (``<Notes>`` stays text, not HTML)."""
    return "".join("\\" + char if char in "\\`*_{}[]<>#+!|$~" else char for char in text)


def yaml_string(text: str) -> str:
    """``text`` inside a double-quoted YAML string."""
    return text.replace("\\", "\\\\").replace('"', '\\"')
