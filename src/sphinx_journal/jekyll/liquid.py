"""Carry Jekyll's Liquid and kramdown over to MyST, line for line, in linear time.

Jekyll runs Liquid over the whole file before kramdown reads it, so:

- ``{% raw %}`` tags are removed everywhere (their content kept as is),
  ``{% comment %}`` blocks are emptied, ``{% highlight %}`` blocks become
  fenced code;
- outputs and tags that name the site or a file become working paths, in
  Markdown and in raw HTML attributes alike: ``{{ site.url }}``,
  ``{{ site.baseurl }}``, ``{{ 'p' | relative_url }}``, ``absolute_url``,
  ``prepend: site.baseurl``, ``{% link path with spaces %}``,
  ``{% post_url name %}``; ``{{ site.title }}``-like values and
  ``{{ page.x }}`` become their text; image includes
  (``{% include figure.liquid path="…" %}``) become images;
- any other ``{% … %}`` or ``{{ … }}`` outside code stays as text, reported.

Then what kramdown reads differently from MyST:

- attribute lists (``{: .notice}``, ``{:class="x"}``, ``{:toc}``) are removed
  wherever they stand, and a list marked ``{:toc}`` becomes the
  :data:`TOC_MARKER` that the build replaces by the post's table of contents;
- ``$$…$$`` is math as ``parser/kramdown/math.rb`` reads it: alone in its
  paragraph (a blank line or the start before, a blank line or the end after)
  it is display math; anywhere else each ``$$`` pairs lazily with the next one
  of the same paragraph and is inline math.

Every scan goes forward only (no backtracking regex over a whole line), so a
256 KB line costs milliseconds. Every line keeps its number, so later
warnings point at the right place in the original file.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

from sphinx_journal.jekyll.problems import Problem

#: What stands where a ``{:toc}`` list was; the build puts the post's contents there.
TOC_MARKER: Final = "<!-- journal-toc -->"

_RAW: Final = re.compile(r"\{%-?\s*(end)?raw\s*-?%\}")
_COMMENT: Final = re.compile(r"^\s*\{%-?\s*comment\s*-?%\}")
_END_COMMENT: Final = re.compile(r"\{%-?\s*endcomment\s*-?%\}")
_HIGHLIGHT: Final = re.compile(r"^(\s*)\{%-?\s*highlight\s+([\w+#.-]+)[^%]*-?%\}\s*$")
_END_HIGHLIGHT: Final = re.compile(r"^(\s*)\{%-?\s*endhighlight\s*-?%\}\s*$")
_FENCE: Final = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
#: One kramdown attribute list (span or block IAL, ALD): ``{: .x #y k="v"}``, ``{:toc}``.
_IAL: Final = re.compile(r"""\{:(?!:)(?:[^{}\n"']|"[^"\n]*"|'[^'\n]*')*\}""")
#: kramdown extensions: ``{::options … /}``, ``{::nomarkdown}``, ``{:/}``.
_EXTENSION: Final = re.compile(r"""\{::\w+(?:[^{}\n"']|"[^"\n]*"|'[^'\n]*')*/?\}|\{:/\w*\}""")
_COMMENT_EXTENSION: Final = re.compile(r"^\s*\{::comment\}")
_END_COMMENT_EXTENSION: Final = re.compile(r"\{:/(?:comment)?\}")
_ONLY_IALS: Final = re.compile(rf"^\s*(?:(?:{_IAL.pattern}|{_EXTENSION.pattern})\s*)+$")
_TOC_IAL: Final = re.compile(r"^\s*\{:\s*toc\s*\}\s*$")
_LIST_ITEM: Final = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+\S")
#: Lines that end a kramdown (GFM quirk) paragraph and start a block of their own.
_BLOCK_START: Final = re.compile(r"^\s{0,3}(?:#{1,6}\s|>|[-*+]\s|\d+[.)]\s|\|)")

#: ``{{ site.url }}{{ site.baseurl }}/`` (either or both) before a path: the site root.
_SITE_ROOT: Final = re.compile(r"(?:\{\{-?\s*site\.(?:url|baseurl)\s*-?\}\})+/?")
_FILTERED: Final = re.compile(
    r"""\{\{-?\s*(?P<q>["'])(?P<path>[^"'{}]*)(?P=q)\s*\|\s*
    (?:relative_url|absolute_url|prepend:\s*site\.(?:baseurl|url))
    (?:\s*\|\s*(?:relative_url|absolute_url|prepend:\s*site\.(?:baseurl|url)))*\s*-?\}\}""",
    re.VERBOSE,
)
_LINK_TAG: Final = re.compile(r"\{%-?\s*(post_url|link)\s+(.+?)\s*-?%\}")
#: What follows a link tag in the same address: ``#fragment`` or ``?query``.
_URL_TAIL: Final = re.compile(r"[#?][^\s)<>]*")
_VARIABLE: Final = re.compile(r"\{\{-?\s*(site|page)\.([\w.]+)\s*-?\}\}")
_INCLUDE: Final = re.compile(r"\{%-?\s*include\s+(\S+)(.*?)-?%\}")
_ARGUMENT: Final = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))""")
_IMAGE_KEYS: Final = ("path", "src", "url", "file", "image", "img")
_ALT_KEYS: Final = ("alt", "caption", "title", "description")
#: A Markdown link or image destination written with ``\`` (kramdown takes it as it is).
_BACKSLASH_DESTINATION: Final = re.compile(r"\]\((?![a-zA-Z][\w+.-]*:)([^()\s\\]*\\[^()\s]*)\)")

#: Resolves ``("post_url", name)``, ``("link", path)``, ``("root", "")``,
#: ``("site", key)`` or ``("page", key)`` to text, or ``None`` if unknown.
Resolver = Callable[[str, str], str | None]


def _strip_raw(line: str, in_raw: bool) -> tuple[str, bool, list[tuple[int, int]]]:
    """Remove raw tags from ``line``; return it, the raw state after it, and its raw spans."""
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    position = 0
    length = 0
    span_start = 0 if in_raw else -1
    for match in _RAW.finditer(line):
        piece = line[position : match.start()]
        out.append(piece)
        length += len(piece)
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


def code_spans(line: str) -> list[tuple[int, int]]:
    """The code spans of ``line`` (a run of n backticks up to the next run of exactly n).

    One pass: the runs are found once, and each length keeps a cursor into its
    own runs, so an unclosed run never makes the scan start again.
    """
    runs: dict[int, list[int]] = {}
    order: list[tuple[int, int]] = []
    index = 0
    size = len(line)
    while True:
        index = line.find("`", index)
        if index < 0:
            break
        end = index
        while end < size and line[end] == "`":
            end += 1
        escaped = index > 0 and line[index - 1] == "\\"
        order.append((index, end - index))
        if not escaped:
            runs.setdefault(end - index, []).append(index)
        index = end
    cursors = dict.fromkeys(runs, 0)
    spans: list[tuple[int, int]] = []
    covered = -1
    for start, length in order:
        if start < covered or length not in runs:
            continue
        positions = runs[length]
        cursor = cursors[length]
        while cursor < len(positions) and positions[cursor] <= start:
            cursor += 1
        cursors[length] = cursor
        if cursor >= len(positions):
            continue
        close = positions[cursor]
        spans.append((start, close + length))
        covered = close + length
    return spans


def _outside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return all(end <= low or start >= high for low, high in spans)


def _liquid_tokens(line: str) -> list[tuple[int, int]]:
    """Every ``{{ … }}`` and ``{% … %}`` of ``line``, found forward only."""
    found: list[tuple[int, int]] = []
    index = 0
    closing = {"{{": "}}", "{%": "%}"}
    missing: set[str] = set()
    while True:
        starts = [(line.find(opener, index), opener) for opener in closing if opener not in missing]
        starts = [(at, opener) for at, opener in starts if at >= 0]
        if not starts:
            break
        at, opener = min(starts)
        end = line.find(closing[opener], at + 2)
        if end < 0:
            missing.add(opener)  # no later one can close either
            index = at + 2
            continue
        found.append((at, end + 2))
        index = end + 2
    return found


def _image_include(arguments: str, resolve: Resolver | None) -> str | None:
    values: dict[str, str] = {}
    for match in _ARGUMENT.finditer(arguments):
        value = next(group for group in match.groups()[1:] if group is not None)
        values[match.group(1).lower()] = value
    path = next((values[key] for key in _IMAGE_KEYS if key in values), None)
    if path is None or "{{" in path or "{%" in path:
        return None
    if not re.match(r"^[a-z][a-z0-9+.-]*:", path, re.IGNORECASE):
        root = resolve("root", "") if resolve is not None else None
        if root is None:
            return None
        path = root + path.lstrip("/")
    alt = next((values[key] for key in _ALT_KEYS if key in values), "")
    alt = alt.replace("[", "").replace("]", "")
    return f"![{alt}](<{path}>)" if " " in path else f"![{alt}]({path})"


def _resolve(liquid: str, resolve: Resolver | None) -> str | None:
    if resolve is None:
        return None
    if _SITE_ROOT.fullmatch(liquid):
        return resolve("root", "")
    if match := _FILTERED.fullmatch(liquid):
        root = resolve("root", "")
        return None if root is None else root + match["path"].lstrip("/")
    if tag := _LINK_TAG.fullmatch(liquid):
        return resolve(tag.group(1), tag.group(2).strip())
    if variable := _VARIABLE.fullmatch(liquid):
        return resolve(variable.group(1), variable.group(2))
    if include := _INCLUDE.fullmatch(liquid):
        return _image_include(include.group(2), resolve)
    return None


def _unknown_message(liquid: str) -> str:
    tag = _LINK_TAG.fullmatch(liquid)
    if tag is not None:
        return f"Liquid {liquid!r}: no post or file {tag.group(2)!r} in this project; kept as text"
    return (
        f"Liquid {liquid!r} has no meaning here; kept as text "
        "(wrap it in {% raw %} … {% endraw %} to silence this)"
    )


def _liquid_outside_code(
    line: str,
    protected: list[tuple[int, int]],
    resolve: Resolver | None,
    line_number: int,
    problems: list[Problem],
) -> str:
    """Resolve what Liquid names here; report every other Liquid tag or output."""
    tokens = _liquid_tokens(line)
    if not tokens:
        return line
    out: list[str] = []
    position = 0
    for index, (start, token_end) in enumerate(tokens):
        if start < position or not _outside(protected, start, token_end):
            continue
        # ``{{ site.url }}{{ site.baseurl }}`` is one site root
        following, end = index, token_end
        while (
            following + 1 < len(tokens)
            and tokens[following + 1][0] == end
            and _SITE_ROOT.fullmatch(line[start : tokens[following + 1][1]])
        ):
            following += 1
            end = tokens[following][1]
        if _SITE_ROOT.fullmatch(line[start:end]) and line[end : end + 1] == "/":
            end += 1
        liquid = line[start:end]
        replacement = _resolve(liquid, resolve)
        if replacement is not None and _SITE_ROOT.fullmatch(liquid) and _LINK_TAG.match(line, end):
            # ``{{ site.baseurl }}{% post_url x %}``: the tag's URL already starts at the root
            replacement = ""
        if replacement is None:
            problems.append(Problem("liquid", _unknown_message(liquid.rstrip("/")), line_number))
            continue
        tail = _URL_TAIL.match(line, end)
        if replacement.startswith("<") and replacement.endswith(">") and tail:
            # ``{% post_url a b %}#part``: the fragment belongs inside ``<a b.md#part>``
            replacement = replacement[:-1] + tail.group(0) + ">"
            end = tail.end()
        out.append(line[position:start])
        out.append(replacement)
        position = end
    out.append(line[position:])
    return "".join(out)


def _strip_attributes(line: str, protected: list[tuple[int, int]]) -> str:
    """Remove kramdown attribute lists and extension tags that stand outside code."""
    if "{:" not in line:
        return line
    out: list[str] = []
    position = 0
    for pattern in (_IAL, _EXTENSION):
        for match in pattern.finditer(line):
            if match.start() >= position and _outside(protected, match.start(), match.end()):
                out.append(line[position : match.start()])
                position = match.end()
        out.append(line[position:])
        line, out, position = "".join(out), [], 0
    return line


def _forward_slashes(line: str, protected: list[tuple[int, int]]) -> str:
    """``](a\\b.png)`` becomes ``](a/b.png)``: in CommonMark ``\\.`` would be an escape."""

    def fix(match: re.Match[str]) -> str:
        if not _outside(protected, match.start(), match.end()):
            return match.group(0)
        return "](" + match.group(1).replace("\\", "/") + ")"

    return _BACKSLASH_DESTINATION.sub(fix, line)


def _math_role(content: str) -> str:
    """``content`` as MyST's ``{math}`` role, fenced with more backticks than it holds."""
    longest = max((len(run) for run in re.findall(r"`+", content)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if content.startswith("`") or content.endswith("`") or longest else ""
    return f"{{math}}{fence}{pad}{content}{pad}{fence}"


def _paragraph_math(lines: list[str], protected: list[list[tuple[int, int]]]) -> list[str]:
    """kramdown's ``$$`` in one paragraph (a run of lines): display when alone, else inline."""
    text = "\n".join(lines)
    if "$$" not in text:
        return lines
    stripped = text.strip()
    if (
        stripped.startswith("$$")
        and not lines[0].startswith("    ")
        and stripped.find("$$", 2) == len(stripped) - 2
        and len(stripped) > 4
    ):
        return lines  # display math: MyST reads a paragraph of $$ … $$ as kramdown does
    offsets = []
    total = 0
    for line in lines:
        offsets.append(total)
        total += len(line) + 1
    blocked = sorted(
        (offsets[number] + start, offsets[number] + end)
        for number, spans in enumerate(protected)
        for start, end in spans
    )
    out: list[str] = []
    position = 0
    index = 0
    block = 0
    while True:
        index = text.find("$$", index)
        if index < 0:
            break
        while block < len(blocked) and blocked[block][1] <= index:
            block += 1
        if block < len(blocked) and blocked[block][0] <= index:
            index = blocked[block][1]
            continue
        if index > 0 and text[index - 1] == "\\":
            index += 2
            continue
        close = text.find("$$", index + 2)
        if close < 0:
            break
        content = text[index + 2 : close]
        out.append(text[position:index])
        out.append(_math_role(content) if content.strip() else text[index : close + 2])
        position = close + 2
        index = close + 2
    out.append(text[position:])
    converted = "".join(out).split("\n")
    return converted if len(converted) == len(lines) else lines


def convert(  # noqa: PLR0915 -- one forward pass, one branch per kind of line
    text: str, first_line: int = 1, resolve: Resolver | None = None
) -> tuple[str, list[Problem]]:
    """``text`` with Liquid and kramdown handled, and the problems found.

    ``first_line`` is the number of ``text``'s first line in the file, so
    that the body after the front matter is reported at its true line.
    ``resolve`` turns link tags, site outputs and image includes into text;
    without it they are reported like any other Liquid.
    """
    problems: list[Problem] = []
    lines = text.split("\n")
    #: per line: the protected spans of a text line, or None for code and removed lines
    spans: list[list[tuple[int, int]] | None] = [None] * len(lines)
    fence: str | None = None
    in_raw = in_highlight = in_comment = in_kramdown_comment = False
    for index, original in enumerate(lines):
        line, raw_after, raw_spans = _strip_raw(original, in_raw)
        was_raw = in_raw
        in_raw = raw_after
        if in_comment or in_kramdown_comment:
            ended = (_END_COMMENT if in_comment else _END_COMMENT_EXTENSION).search(line)
            lines[index] = ""
            if ended:
                in_comment = in_kramdown_comment = False
            continue
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
            if _COMMENT.match(line):
                in_comment = not _END_COMMENT.search(line)
                lines[index] = ""
                continue
            if _COMMENT_EXTENSION.match(line):
                in_kramdown_comment = not _END_COMMENT_EXTENSION.search(line)
                lines[index] = ""
                continue
            if _TOC_IAL.match(line):
                _mark_toc(lines, spans, index)
                continue
            if _ONLY_IALS.match(line):
                lines[index] = ""
                continue
        protected = raw_spans + code_spans(line)
        line = _liquid_outside_code(line, protected, resolve, first_line + index, problems)
        protected = raw_spans + code_spans(line)
        if not was_raw:
            line = _strip_attributes(line, protected)
            if "\\" in line and "](" in line:
                line = _forward_slashes(line, code_spans(line))
        lines[index] = line
        spans[index] = code_spans(line)
    return "\n".join(_math(lines, spans)), problems


def _mark_toc(lines: list[str], spans: list[list[tuple[int, int]] | None], index: int) -> None:
    """Replace the list above a ``{:toc}`` line (and the line itself) by :data:`TOC_MARKER`."""
    lines[index] = ""
    first = index
    while first > 0 and spans[first - 1] is not None and _LIST_ITEM.match(lines[first - 1]):
        first -= 1
    for number in range(first, index):
        lines[number] = ""
        spans[number] = None
    lines[first] = TOC_MARKER


def _math(lines: list[str], spans: list[list[tuple[int, int]] | None]) -> list[str]:
    """Apply kramdown's ``$$`` rule paragraph by paragraph (code and blank lines split them)."""
    out = list(lines)
    run: list[int] = []

    def flush() -> None:
        if run:
            chunk = _paragraph_math([out[i] for i in run], [spans[i] or [] for i in run])
            for number, line in zip(run, chunk, strict=True):
                out[number] = line
            run.clear()

    for index, line in enumerate(lines):
        if spans[index] is None or not line.strip():
            flush()
            continue
        if run and _BLOCK_START.match(line):
            flush()
        run.append(index)
        if line.lstrip().startswith("|"):
            flush()  # a table row is a paragraph of its own
    flush()
    return out
