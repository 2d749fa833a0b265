"""A post's front matter as typed values, following Jekyll's rules.

Jekyll accepts ``categories``/``category`` and ``tags``/``tag`` as a YAML list
or a string; a string with commas splits on commas, otherwise on whitespace.
Unknown keys (``layout``, ``permalink``, ``comments`` …) are kept for
templates without a warning.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import sys
from collections.abc import Iterable, Mapping
from typing import Any, Final

from sphinx_journal.jekyll.dates import DateError, PostDate, date_from_filename, parse_date
from sphinx_journal.jekyll.frontmatter import FrontMatter
from sphinx_journal.jekyll.problems import Problem
from sphinx_journal.pickling import PickledAsFields

#: Keys with a meaning of their own; everything else lands in ``PostMeta.extra``.
KNOWN_KEYS: Final = frozenset(
    {
        "title",
        "subtitle",
        "description",
        "excerpt",
        "date",
        "categories",
        "category",
        "tags",
        "tag",
        "author",
        "authors",
        "published",
        "draft",
        "use_math",
        "series",
        "series_order",
    }
)


@dataclasses.dataclass(frozen=True, slots=True)
class PostMeta(PickledAsFields):
    """Everything the front matter (and the file name) says about a post."""

    title: str | None = None
    subtitle: str | None = None
    description: str | None = None
    date: PostDate | None = None
    date_from_filename: bool = False
    categories: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()
    draft: bool = False
    series: str | None = None
    """The series the post belongs to (``series:``)."""
    series_order: float | None = None
    """Its place in the series (``series_order:``); the date orders posts without one."""
    extra: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    key_lines: Mapping[str, int] = dataclasses.field(default_factory=dict)
    """The line of each front-matter key, for warnings found after reading."""


def split_names(value: Any) -> tuple[str, ...]:
    """Tag or category names from a list, nested lists or a string (Jekyll's rule)."""
    if value is None:
        return ()
    if isinstance(value, str):
        parts = value.split(",") if "," in value else value.split()
        return _unique(part.strip() for part in parts)
    if isinstance(value, Mapping):
        return _unique(str(key).strip() for key in value)
    if isinstance(value, Iterable):
        return _unique(name for item in value for name in _item_names(item))
    return _unique([str(value).strip()])


def _item_names(item: Any) -> tuple[str, ...]:
    if isinstance(item, str):
        return (item.strip(),)
    if isinstance(item, (list, tuple, Mapping)):
        return split_names(item)
    if item is None:
        return ()
    return (str(item).strip(),)


def _unique(names: Iterable[str]) -> tuple[str, ...]:
    """The names in order, once each; interned, since every post repeats the same few
    (one string kept in memory and in the environment's pickle, not one per post)."""
    return tuple(dict.fromkeys(sys.intern(name) for name in names if name))


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        value = " ".join(str(item) for item in value)
    text = str(value).strip()
    return text or None


def _falsy(value: Any) -> bool:
    return value is False or (isinstance(value, str) and value.strip().lower() in ("false", "no"))


def _truthy(value: Any) -> bool:
    return value is True or (isinstance(value, str) and value.strip().lower() in ("true", "yes"))


def _plain(value: Any) -> Any:
    """Front-matter values made safe to pickle and to hand to templates."""
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, Mapping):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if isinstance(value, (set, frozenset)):  # !!set: sorted, never hash order
        return sorted(str(_plain(item)) for item in value)
    return str(value)


#: Tags (or categories) of one post that get pages; every one is a page and a
#: feed listing the post, so thousands on one post would write gigabytes.
MAX_NAMES = 100


_TEXT_KEYS: Final = ("title", "subtitle", "description", "excerpt")
_NAME_KEYS: Final = ("tags", "tag", "categories", "category", "authors", "author")


def _odd(value: Any) -> str | None:
    """What YAML made of a value that has no text of its own, or ``None`` when it has one.

    ``!!set`` is a set (its order differs between runs), ``!!binary`` bytes,
    a bare ``yes`` a boolean: shown as they come, they would be hash-ordered,
    ``b'…'`` or ``True``.
    """
    if isinstance(value, bool):
        return f"the YAML boolean {str(value).lower()} (write it in quotes to mean the word)"
    if isinstance(value, (set, frozenset)):
        return "a !!set (it has no order)"
    if isinstance(value, (bytes, bytearray)):
        return "!!binary data"
    return None


def _typed_front(front: FrontMatter | None, problems: list[Problem]) -> dict[str, Any]:
    """The front matter with values that cannot be shown as text warned about and made plain.

    A title, subtitle or description that is a boolean, a set, bytes or a
    mapping is left out (the post's heading or file name gives the title);
    tag, category and author lists lose such items, and a ``!!set`` of names
    is taken in sorted order, so no output depends on hash order.
    """
    data = dict(front.data) if front is not None else {}
    for key in (*_TEXT_KEYS, *_NAME_KEYS):
        if key not in data or data[key] is None:
            continue
        value = data[key]
        line = front.line_of(key) if front is not None else None
        items = value if isinstance(value, (list, tuple)) else [value]
        if key in _TEXT_KEYS:
            bad = [
                _odd(item) or ("a mapping" if isinstance(item, Mapping) else None) for item in items
            ]
            if any(bad):
                reason = next(b for b in bad if b)
                problems.append(
                    Problem("frontmatter", f"{key!r} is {reason}; it is not used", line)
                )
                del data[key]
            continue
        if isinstance(value, (set, frozenset)):
            problems.append(
                Problem(
                    "frontmatter", f"{key!r} is a !!set; its names are taken in sorted order", line
                )
            )
            data[key] = sorted(str(item) for item in value)
            continue
        kept: list[Any] = []
        for item in items:
            odd = _odd(item)
            if odd is None:
                kept.append(item)
            else:
                problems.append(
                    Problem("frontmatter", f"{key!r} holds {odd}; it is left out", line)
                )
        data[key] = kept if isinstance(value, (list, tuple)) else (kept[0] if kept else None)
    return data


def read_meta(
    front: FrontMatter | None, stem: str, zone: dt.tzinfo | None = None
) -> tuple[PostMeta, list[Problem]]:
    """Typed metadata of a post from its front matter and its file name ``stem``.

    With the site's time ``zone``, the date is the one Jekyll shows there
    (a post written at ``01:30 +0900`` is the day before on a UTC site); the
    file name is compared with the date as written.
    """
    problems: list[Problem] = []
    data = _typed_front(front, problems)

    date: PostDate | None = None
    from_filename = False
    if data.get("date") is not None:
        try:
            date = parse_date(data["date"])
        except DateError as exc:
            line = front.line_of("date") if front is not None else None
            problems.append(Problem("date", f"bad date: {exc}", line))
    named = date_from_filename(stem)
    if date is not None and named is not None and date.day != named.day:
        line = front.line_of("date") if front is not None else None
        problems.append(
            Problem(
                "date",
                f"date {date.day.isoformat()} disagrees with the file name's "
                f"{named.day.isoformat()}; the front matter's date is used",
                line,
            )
        )
    if date is None:
        date = named
        from_filename = date is not None
    if date is not None and zone is not None:
        date = date.in_zone(zone)
    if date is None and not problems:
        line = front.first_line if front is not None else 1
        problems.append(
            Problem("date", "post has no date (no 'date:' and no YYYY-MM-DD- file name)", line)
        )

    authors = split_names(data["authors"]) if "authors" in data else ()
    if not authors and data.get("author") is not None:
        author = data["author"]
        authors = (
            split_names(author)
            if isinstance(author, (list, tuple))
            else _unique([str(author).strip()])
        )

    series, series_order = _series(data, front, problems)
    taxonomy: dict[str, tuple[str, ...]] = {}
    for field, keys in (("categories", ("categories", "category")), ("tags", ("tags", "tag"))):
        key = keys[0] if keys[0] in data else keys[1]
        names = split_names(data.get(key))
        if len(names) > MAX_NAMES:
            line = front.line_of(key) if front is not None else None
            message = f"{len(names)} {field}; only the first {MAX_NAMES} are used"
            problems.append(Problem("tag", message, line))
            names = names[:MAX_NAMES]
        taxonomy[field] = names

    meta = PostMeta(
        title=_text(data.get("title")),
        subtitle=_text(data.get("subtitle")),
        description=_text(data.get("description")) or _text(data.get("excerpt")),
        date=date,
        date_from_filename=from_filename,
        categories=taxonomy["categories"],
        tags=taxonomy["tags"],
        authors=authors,
        draft=_falsy(data.get("published")) or _truthy(data.get("draft")),
        series=series,
        series_order=series_order,
        extra={key: _plain(value) for key, value in data.items() if key not in KNOWN_KEYS},
        key_lines=dict(front.key_lines) if front is not None else {},
    )
    return meta, problems


def _series(
    data: Mapping[str, Any], front: FrontMatter | None, problems: list[Problem]
) -> tuple[str | None, float | None]:
    """``series:`` (a name) and ``series_order:`` (a number), each warned when unusable."""

    def line(key: str) -> int | None:
        return front.line_of(key) if front is not None else None

    raw = data.get("series")
    series = None
    if isinstance(raw, (str, int, float)) and not isinstance(raw, bool):
        series = _text(raw)
    elif raw is not None:
        message = f"series: {raw!r} is not a name; the post joins no series"
        problems.append(Problem("series", message, line("series")))
    order = data.get("series_order")
    number: float | None = None
    if order is not None:
        try:
            if isinstance(order, bool):
                raise ValueError
            number = float(order)
            if not math.isfinite(number):
                raise ValueError
        except (TypeError, ValueError):
            problems.append(
                Problem(
                    "series",
                    f"series_order: {order!r} is not a number; the post's date orders it",
                    line("series_order"),
                )
            )
            number = None
        if number is not None and series is None:
            problems.append(
                Problem("series", "series_order without series: is ignored", line("series_order"))
            )
    return series, number
