"""Carry Jekyll's Liquid and kramdown leftovers over to MyST, line for line.

Jekyll runs Liquid over the whole file before Markdown, so ``{% raw %}``
tags are removed everywhere (their content kept as is), ``{% highlight %}``
blocks become fenced code, and kramdown attribute lines (``{: .notice}``,
``{:toc}``) are dropped. Any other Liquid tag or output outside code stays
as text and is reported, because its meaning (site variables, includes)
does not exist here, except link tags (``{% post_url %}``, ``{% link %}``)
and ``{{ site.url }}``, which become relative links. kramdown's inline
``$$…$$`` becomes inline math. Every line keeps its number, so later warnings point
at the right place in the original file.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

from sphinx_journal.posts.problems import Problem

_RAW: Final = re.compile(r"\{%-?\s*(end)?raw\s*-?%\}")
_HIGHLIGHT: Final = re.compile(r"^(\s*)\{%-?\s*highlight\s+([\w+#.-]+)[^%]*-?%\}\s*$")
_END_HIGHLIGHT: Final = re.compile(r"^(\s*)\{%-?\s*endhighlight\s*-?%\}\s*$")
_KRAMDOWN_ATTRIBUTES: Final = re.compile(r"^\s*\{:[^}]*\}\s*$")
_LIQUID: Final = re.compile(r"\{%.*?%\}|\{\{.*?\}\}")
_FENCE: Final = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_CODE_SPAN: Final = re.compile(r"(`+)(?:(?!\1).)+?\1")
#: ``{{ site.url }}{{ site.baseurl }}/`` (either or both) before a path: the site root.
_SITE_ROOT: Final = re.compile(r"(?:\{\{-?\s*site\.(?:url|baseurl)\s*-?\}\})+/?")
#: kramdown's ``$$…$$`` inside a line of text is inline math (alone on a line it is display).
_INLINE_DOUBLE_DOLLAR: Final = re.compile(r"(?<![$\\])\$\$(?!\$)(\S(?:.*?\S)?)\$\$(?!\$)")
_LINK_TAG: Final = re.compile(r"\{%-?\s*(post_url|link)\s+(\S+?)\s*-?%\}")

#: Resolves a link tag: ``("post_url", "2021-09-24-day36")``, ``("link", "_posts/x.md")``
#: or ``("root", "")`` to a path relative to the current post, or ``None`` if unknown.
Resolver = Callable[[str, str], str | None]


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


def _liquid_outside_code(
    line: str,
    protected: list[tuple[int, int]],
    resolve: Resolver | None,
    line_number: int,
    problems: list[Problem],
) -> str:
    """Resolve link tags and site-root outputs; report every other Liquid tag."""
    out: list[str] = []
    position = 0
    for match in re.finditer(f"{_SITE_ROOT.pattern}|{_LIQUID.pattern}", line):
        if not _outside(protected, match.start(), match.end()):
            continue
        replacement = _resolve(match.group(0), resolve)
        if replacement is None:
            problems.append(
                Problem(
                    "liquid",
                    _unknown_message(match.group(0)),
                    line_number,
                )
            )
            continue
        out.append(line[position : match.start()])
        out.append(replacement)
        position = match.end()
    out.append(line[position:])
    return "".join(out)


def _inline_math(line: str) -> str:
    """``$$x$$`` within text becomes ``$x$``, as kramdown reads it; alone on a line it stays."""
    match = _INLINE_DOUBLE_DOLLAR.search(line)
    if match is None or _INLINE_DOUBLE_DOLLAR.fullmatch(line.strip()):
        return line
    return _INLINE_DOUBLE_DOLLAR.sub(r"$\1$", line)


def _resolve(liquid: str, resolve: Resolver | None) -> str | None:
    if resolve is None:
        return None
    if _SITE_ROOT.fullmatch(liquid):
        root = resolve("root", "")
        return None if root is None else root
    tag = _LINK_TAG.fullmatch(liquid)
    if tag is not None:
        return resolve(tag.group(1), tag.group(2))
    return None


def _unknown_message(liquid: str) -> str:
    tag = _LINK_TAG.fullmatch(liquid)
    if tag is not None:
        return f"Liquid {liquid!r}: no post or file {tag.group(2)!r} in this project; kept as text"
    return (
        f"Liquid {liquid!r} has no meaning here; kept as text "
        "(wrap it in {% raw %} … {% endraw %} to silence this)"
    )


def convert(
    text: str, first_line: int = 1, resolve: Resolver | None = None
) -> tuple[str, list[Problem]]:
    """``text`` with Liquid and kramdown handled, and the problems found.

    ``first_line`` is the number of ``text``'s first line in the file, so
    that the body after the front matter is reported at its true line.
    ``resolve`` turns ``{% post_url %}``, ``{% link %}`` and
    ``{{ site.url }}``/``{{ site.baseurl }}`` into relative paths; without it
    they are reported like any other Liquid.
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
        if not was_raw and not code_spans:
            line = _inline_math(line)
        lines[index] = _liquid_outside_code(
            line, raw_spans + code_spans, resolve, first_line + index, problems
        )
    return "\n".join(lines), problems
