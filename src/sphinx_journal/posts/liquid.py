"""Carry Jekyll's Liquid and kramdown leftovers over to MyST, line for line.

Jekyll runs Liquid over the whole file before Markdown, so ``{% raw %}``
tags are removed everywhere (their content kept as is), ``{% highlight %}``
blocks become fenced code, and kramdown attribute lines (``{: .notice}``,
``{:toc}``) are dropped. Any other Liquid tag or output outside code stays
as text and is reported, because its meaning (site variables, includes)
does not exist here. Every line keeps its number, so later warnings point
at the right place in the original file.
"""

from __future__ import annotations

import re
from typing import Final

from sphinx_journal.posts.problems import Problem

_RAW: Final = re.compile(r"\{%-?\s*(end)?raw\s*-?%\}")
_HIGHLIGHT: Final = re.compile(r"^(\s*)\{%-?\s*highlight\s+([\w+#.-]+)[^%]*-?%\}\s*$")
_END_HIGHLIGHT: Final = re.compile(r"^(\s*)\{%-?\s*endhighlight\s*-?%\}\s*$")
_KRAMDOWN_ATTRIBUTES: Final = re.compile(r"^\s*\{:[^}]*\}\s*$")
_LIQUID: Final = re.compile(r"\{%.*?%\}|\{\{.*?\}\}")
_FENCE: Final = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_CODE_SPAN: Final = re.compile(r"(`+)(?:(?!\1).)+?\1")


def _strip_raw(line: str, in_raw: bool) -> tuple[str, bool, list[tuple[int, int]]]:
    """Remove raw tags from ``line``; return it, the raw state after it, and its raw spans."""
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    position = 0
    span_start = 0 if in_raw else -1
    for match in _RAW.finditer(line):
        out.append(line[position : match.start()])
        length = sum(len(part) for part in out)
        if match.group(1):  # endraw
            if in_raw:
                spans.append((span_start, length))
            in_raw = False
        else:
            in_raw = True
            span_start = length
        position = match.end()
    out.append(line[position:])
    text = "".join(out)
    if in_raw:
        spans.append((max(span_start, 0), len(text)))
    return text, in_raw, spans


def _outside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return all(end <= low or start >= high for low, high in spans)


def convert(text: str, first_line: int = 1) -> tuple[str, list[Problem]]:
    """``text`` with Liquid and kramdown handled, and the problems found.

    ``first_line`` is the number of ``text``'s first line in the file, so
    that the body after the front matter is reported at its true line.
    """
    problems: list[Problem] = []
    lines = text.split("\n")
    fence: str | None = None
    in_raw = False
    in_highlight = False
    for index, original in enumerate(lines):
        line, raw_after, raw_spans = _strip_raw(original, in_raw)
        was_raw = in_raw
        in_raw = raw_after
        if fence is not None or in_highlight:
            if in_highlight and not was_raw and _END_HIGHLIGHT.match(line):
                lines[index] = _END_HIGHLIGHT.sub(r"\1```", line)
                in_highlight = False
            elif (
                fence is not None
                and line.strip().startswith(fence)
                and set(line.strip()) == {fence[0]}
                and len(line.strip()) >= len(fence)
            ):
                fence = None
                lines[index] = line
            else:
                lines[index] = line
            continue
        if not was_raw:
            if match := _FENCE.match(line):
                fence = match.group(1)
                lines[index] = line
                continue
            if match := _HIGHLIGHT.match(line):
                lines[index] = f"{match.group(1)}```{match.group(2)}"
                in_highlight = True
                continue
            if _KRAMDOWN_ATTRIBUTES.match(line):
                lines[index] = ""
                continue
        code_spans = [(m.start(), m.end()) for m in _CODE_SPAN.finditer(line)]
        protected = raw_spans + code_spans
        for match in _LIQUID.finditer(line):
            if _outside(protected, match.start(), match.end()):
                problems.append(
                    Problem(
                        "liquid",
                        f"Liquid {match.group(0)!r} has no meaning here; kept as text "
                        "(wrap it in {% raw %} … {% endraw %} to silence this)",
                        first_line + index,
                    )
                )
        lines[index] = line
    return "\n".join(lines), problems
