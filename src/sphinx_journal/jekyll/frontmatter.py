"""Find and load a post's YAML front matter, keeping line numbers.

MyST stores front matter in ``env.metadata`` as strings (lists become JSON
text), so the journal reads the YAML itself, with PyYAML's safe loader: tags
such as ``!!python/object`` are refused, never executed.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from typing import Any, Final

import yaml

from sphinx_journal.jekyll.problems import Problem

#: More values than any real post has; YAML aliases can expand a few hundred
#: bytes into billions of values, which every later copy would materialise.
MAX_VALUES: Final = 20_000
#: Lone surrogates (YAML ``"\udc80"``) cannot be written as UTF-8; C0 controls but
#: tab and newline (and DEL) are not allowed in XML, so one would break every feed.
_UNWRITABLE: Final = re.compile("[\ud800-\udfff\x00-\x08\x0b-\x1f\x7f]")


def _size(value: Any, memo: dict[int, int]) -> int:
    """How many values ``value`` expands to, counting shared parts once per use."""
    if not isinstance(value, (dict, list)):
        return 1
    key = id(value)
    if key not in memo:
        memo[key] = MAX_VALUES + 1  # a structure that contains itself is too big
        children = [*value.keys(), *value.values()] if isinstance(value, dict) else value
        total = 1
        for child in children:
            total += _size(child, memo)
            if total > MAX_VALUES:
                break
        memo[key] = total
    return memo[key]


def _clean(value: Any, found: list[str]) -> Any:
    """``value`` with unwritable characters replaced by U+FFFD (``found`` gets examples)."""
    if isinstance(value, str):
        if _UNWRITABLE.search(value):
            found.append(ascii(value)[1:-1])
            return _UNWRITABLE.sub("\ufffd", value)
        return value
    if isinstance(value, dict):
        return {_clean(k, found): _clean(v, found) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean(item, found) for item in value]
    return value


class _Loader(yaml.SafeLoader):
    """PyYAML's safe loader, keeping an impossible timestamp (``2021-02-30``) as text.

    PyYAML raises on it, which would discard the whole front matter; as
    text, the date reader reports it as a ``journal.date`` problem instead.
    """

    kept_as_text = False

    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> Any:
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            self.kept_as_text = True
            return self.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_timestamp)


@dataclasses.dataclass(frozen=True)
class FrontMatter:
    """The loaded mapping, the lines of its delimiters, and the line of each key."""

    data: dict[str, Any]
    first_line: int
    """1-based line of the opening ``---``."""
    last_line: int
    """1-based line of the closing ``---`` (or ``...``)."""
    key_lines: dict[str, int]
    repaired: bool = False
    """Whether the journal read it differently from a plain YAML load (MyST's)."""

    def line_of(self, key: str) -> int:
        """Where ``key`` is written, or the opening line when it is absent."""
        return self.key_lines.get(key, self.first_line)


def find_block(text: str) -> tuple[int, int] | None:
    """0-based indexes of the opening and closing delimiter lines, if ``text`` has front matter."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return None
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            return 0, index
    return None


def load(text: str) -> tuple[FrontMatter | None, list[Problem]]:
    """The front matter of ``text`` and any problem with it.

    A post without front matter gives ``(None, [])``; malformed YAML or a
    value that is not a mapping gives ``(None, [problem])``.
    """
    block = find_block(text)
    if block is None:
        if unclosed(text):
            message = "front matter is never closed (no second ---); the post is read as text"
            return None, [Problem("frontmatter", message, 1)]
        return None, []
    start, end = block
    yaml_text = "\n".join(text.split("\n")[start + 1 : end])
    node, data, problem, repaired = _compose(yaml_text, start)
    if problem is not None and "\t" in yaml_text:
        # Jekyll's YAML reader (libyaml) takes tabs inside plain scalars and after
        # ``key:``, which PyYAML refuses; read them as the spaces they show as
        node, data, retried, repaired = _compose(_detab(yaml_text), start)
        problem = problem if retried is not None else None
    if problem is not None:
        return None, [problem]
    if data is None:
        data = {}
    if not isinstance(data, dict):
        kind = type(data).__name__
        return None, [Problem("frontmatter", f"front matter is a {kind}, not a mapping", start + 1)]
    if _size(data, {}) > MAX_VALUES:
        message = f"front matter expands to more than {MAX_VALUES} values (YAML aliases); ignored"
        return None, [Problem("frontmatter", message, start + 1)]
    problems: list[Problem] = []
    found: list[str] = []
    data = _clean(data, found)
    if found:
        example = found[0][:60]
        message = f"front matter holds characters no page can show, replaced by U+FFFD: {example}"
        problems.append(Problem("frontmatter", message, start + 1))
    key_lines: dict[str, int] = {}
    if isinstance(node, yaml.MappingNode):
        for key_node, _ in node.value:
            key_lines[str(key_node.value)] = start + 2 + key_node.start_mark.line
    clean = {str(key): value for key, value in data.items()}
    front = FrontMatter(clean, start + 1, end + 1, key_lines, repaired or bool(found))
    return front, problems


def unclosed(text: str) -> bool:
    """Whether ``text`` opens a front matter block that never ends."""
    return text.split("\n", 1)[0].rstrip() == "---" and find_block(text) is None


_LEADING: Final = re.compile(r"^[ \t]*")


def _detab(yaml_text: str) -> str:
    """Tabs after a line's indentation become spaces (the indentation itself stays)."""
    lines = []
    for line in yaml_text.split("\n"):
        indent = _LEADING.match(line)
        cut = indent.end() if indent else 0
        lines.append(line[:cut] + line[cut:].replace("\t", " "))
    return "\n".join(lines)


@functools.lru_cache(maxsize=16384)
def _compose(yaml_text: str, start: int) -> tuple[yaml.Node | None, Any, Problem | None, bool]:
    """The node and data of ``yaml_text``, the problem that stops reading it, and
    whether a value was kept as text (:attr:`_Loader.kept_as_text`).

    Cached: a build reads each post's front matter twice, once to find drafts
    and URLs before reading, once while reading it. Callers never change what
    it returns (:func:`load` copies the data while cleaning it).
    """
    loader: _Loader | None = None
    try:
        loader = _Loader(yaml_text)  # the reader rejects control characters here
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else {}
        repaired = loader.kept_as_text
    except yaml.reader.ReaderError as exc:
        return None, None, _invalid(str(exc), start + 1), False
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = start + 2 + mark.line if mark is not None else start + 1
        return None, None, _invalid(exc.problem or exc.context or "invalid YAML", line), False
    except (yaml.YAMLError, ValueError, TypeError, OverflowError) as exc:
        return None, None, _invalid(str(exc), start + 1), False
    finally:
        if loader is not None:
            loader.dispose()
    return node, data, None, repaired


def _invalid(reason: str, line: int) -> Problem:
    return Problem("frontmatter", f"front matter is not valid YAML: {reason}", line)


def readable(text: str) -> str:
    """``text`` with front matter that only Jekyll's YAML reader takes (tabs) made plain YAML.

    MyST reads the block again for its own metadata; given the tabs it would
    call the block malformed, so it gets what the journal read instead.
    """
    block = find_block(text)
    if block is None:
        return text
    start, end = block
    lines = text.split("\n")
    yaml_text = "\n".join(lines[start + 1 : end])
    if "\t" not in yaml_text or _compose(yaml_text, start)[2] is None:
        return text
    lines[start + 1 : end] = _detab(yaml_text).split("\n")
    return "\n".join(lines)


def neutralize(text: str) -> str:
    """``text`` with its front matter block replaced by ``{}`` and blank lines.

    Used when the journal warned about the YAML, repaired it, or found it
    empty: MyST must not read it again (and warn a second time, or fail on
    what the journal kept), and every later line keeps its number. An empty
    or unclosed block becomes blank lines, so its text is read as the body.
    """
    lines = text.split("\n")
    if unclosed(text):
        lines[0] = ""
        return "\n".join(lines)
    block = find_block(text)
    if block is None:
        return text
    start, end = block
    if end - start < 2:
        lines[start : end + 1] = [""] * (end - start + 1)
        return "\n".join(lines)
    lines[start + 1 : end] = ["{}"] + [""] * (end - start - 2)
    return "\n".join(lines)
