"""All ``journal_*`` configuration values, declared once.

One frozen dataclass names every value with its default and documentation;
:func:`register` adds them to Sphinx, and :func:`journal_config` returns the
validated, typed view that the rest of the package reads. Invalid values are
reported as ``journal.config`` warnings and replaced by their default, so a
typo in ``conf.py`` never stops a build.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import zoneinfo
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Final

from sphinx_journal.i18n import _
from sphinx_journal.warnings_ import warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

DEFAULT_SECTIONS: Final[Mapping[str, str]] = {
    # schedule: the day's plan, when it is a task list
    "오늘 일정 정리": "schedule",
    "일정": "schedule",
    "오늘 할 일": "schedule",
    "해야 할 일": "schedule",
    "오늘의 목표": "schedule",
    "이번 주 목표": "schedule",
    "목표": "schedule",
    "schedule": "schedule",
    "today's schedule": "schedule",
    "to do": "schedule",
    "goals": "schedule",
    "what I'm planning to do next": "schedule",
    # lectures: notes on lectures, talks, classes
    "강의 내용 정리": "lectures",
    "강의": "lectures",
    "학습 내용": "lectures",
    "수업": "lectures",
    "특강": "lectures",
    "마스터 클래스": "lectures",
    "lecture notes": "lectures",
    "lectures": "lectures",
    "what I learned": "lectures",
    # retrospective: the day's or week's reflection
    "학습 회고": "retrospective",
    "회고": "retrospective",
    "회고록": "retrospective",
    "주간 회고": "retrospective",
    "느낀 점": "retrospective",
    "배운 점": "retrospective",
    "retrospective": "retrospective",
    "reflection": "retrospective",
    "today I learned": "retrospective",
    "what I learned today": "retrospective",
    # peer-session: peer-session and study-group notes
    "피어 세션": "peer-session",
    "피어 세션 정리": "peer-session",
    "피어세션": "peer-session",
    "팀 회의": "peer-session",
    "스터디": "peer-session",
    "peer session": "peer-session",
    "study group": "peer-session",
    # office-hour: office hours and mentoring, lectures of their own series
    "오피스 아워": "office-hour",
    "멘토링": "office-hour",
    "office hour": "office-hour",
    "mentoring": "office-hour",
}

#: ``Speaker (Affiliation) - Title`` schedule items name a lecture's speaker.
DEFAULT_LECTURE_PATTERN: Final = (
    r"^\s*(?P<speaker>[^()\-–—:]+?)\s*\((?P<affiliation>[^()]+)\)\s*[-–—:]\s*(?P<title>.+?)\s*$"
)

SECTION_KINDS: Final = frozenset(
    {"schedule", "lectures", "retrospective", "peer-session", "office-hour"}
)


Validator = Callable[[Any], Any]
"""Turns a ``conf.py`` value into the typed one, or raises ``TypeError``/``ValueError``/``re.error``
saying why it cannot be used."""


def _type_name(value: Any) -> str:
    return type(value).__name__


def boolean(value: Any) -> bool:
    """Only ``True`` and ``False``: ``"false"``, ``"no"`` or ``0`` are mistakes, not falsehoods."""
    if not isinstance(value, bool):
        raise TypeError(f"expected True or False, not {_type_name(value)}")
    return value


def positive_int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"expected a whole number, not {_type_name(value)}")
    if value < 1:
        raise ValueError("it must be at least 1")
    return value


def count(value: Any) -> int:
    """A whole number, 0 allowed (``journal_related_count = 0``: none)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"expected a whole number, not {_type_name(value)}")
    if value < 0:
        raise ValueError("it must be at least 0")
    return value


def settings(value: Any) -> dict[str, Any]:
    """A provider's settings: a dict (empty or ``None``: off)."""
    if not value:
        return {}
    if not isinstance(value, Mapping):
        raise TypeError(f"expected a dict, not {_type_name(value)}")
    return dict(value)


def text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected a string, not {_type_name(value)}")
    return value


def _strings(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        raise TypeError("expected a string or a list of strings")
    return tuple(value)


def patterns(value: Any) -> tuple[str, ...]:
    """Docname globs: one string or a list of them, without leading or trailing ``/``."""
    return tuple(v.strip("/") for v in _strings(value))


def _string_mapping(value: Any) -> dict[str, str]:
    if not isinstance(value, Mapping) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        raise TypeError("expected a dict of strings to strings")
    return dict(value)


def section_kinds(value: Any) -> dict[str, str]:
    mapping = _string_mapping(value)
    bad = sorted(v for v in mapping.values() if v not in SECTION_KINDS)
    if bad:
        raise ValueError(f"unknown section kind {bad[0]!r}")
    return mapping


def lecture_pattern(value: Any) -> str:
    groups = re.compile(text(value)).groupindex
    if not {"speaker", "title"} <= set(groups):
        raise ValueError("the pattern needs the named groups speaker and title")
    return str(value)


def paper_patterns(value: Any) -> dict[str, str]:
    mapping = _string_mapping(value)
    for pattern in mapping:
        if "id" not in re.compile(pattern).groupindex:
            raise ValueError(f"pattern {pattern!r} has no named group 'id'")
    return mapping


def optional_date(value: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(text(value))


def week_label(value: Any) -> str:
    """Text with at most ``{n}``, the week number (any number, negative too)."""
    label = text(value)
    try:
        for number in (1, -1, 10**6):
            label.format(n=number)
    except (KeyError, IndexError, AttributeError, ValueError) as exc:
        raise ValueError(f"it must be text with at most {{n}}, the week number ({exc!r})") from None
    return label


def time_zone(value: Any) -> str:
    """An IANA time zone name (``Asia/Seoul``, ``UTC``), or empty: dates as written."""
    name = text(value).strip()
    if name:
        try:
            zoneinfo.ZoneInfo(name)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"{name!r} is not an IANA time zone such as 'Asia/Seoul'") from None
    return name


def output_folder(value: Any) -> str:
    path = text(value).strip("/")
    if not path or ".." in path.split("/") or path.startswith(".") or "\\" in path:
        raise ValueError("it must be a relative folder inside the output")
    return path


def _field(default: Any, validator: Validator) -> Any:
    """A field with its validator in the metadata (as MyST-Parser declares its options)."""
    if isinstance(default, (dict, list)):
        return dataclasses.field(
            default_factory=lambda: type(default)(default), metadata={"validator": validator}
        )
    return dataclasses.field(default=default, metadata={"validator": validator})


@dataclasses.dataclass(frozen=True)
class JournalConfig:
    """The typed, validated ``journal_*`` values (names without the prefix).

    Each field carries its validator (``metadata["validator"]``) and, under
    it, its documentation: the one declaration drives ``conf.py``, the
    reference table of the docs and validation.
    """

    posts: tuple[str, ...] = _field(("_posts/**", "posts/**"), patterns)
    """Glob patterns (relative to the source dir, no suffix) of the documents that are posts."""
    drafts: bool = _field(False, boolean)
    """Whether drafts (``published: false`` or ``draft: true``) are listed (``True``/``False``)."""
    path: str = _field("journal", output_folder)
    """The folder of the generated pages in the output."""
    title: str = _field("", text)
    """The journal's name on its home page and feed; default: the project name."""
    sections: Mapping[str, str] = _field(dict(DEFAULT_SECTIONS), section_kinds)
    """Heading text -> section kind; extends the built-in table (``DEFAULT_SECTIONS``)."""
    lecture_pattern: str = _field(DEFAULT_LECTURE_PATTERN, lecture_pattern)
    """Regex with groups ``speaker``, ``affiliation``, ``title`` for schedule items."""
    course_start: dt.date | None = _field(None, optional_date)  # noqa: RUF009
    """When set, week 1 starts on this day; otherwise weeks are ISO weeks."""
    week_label: str = _field("", week_label)
    """Label of a course week; ``{n}`` is its number. Default: ``Week {n}``, ``{n}주차``."""
    feed_length: int = _field(20, positive_int)
    """How many posts the Atom feeds hold."""
    base_url: str = _field("", text)
    """Absolute URL of the site, for feeds; default: ``html_baseurl``."""
    paper_patterns: Mapping[str, str] = _field({}, paper_patterns)
    """Extra URL regexes -> identifier scheme; the ``id`` group is the identifier."""
    jekyll_redirects: bool = _field(False, boolean)
    """Write redirect pages from Jekyll's permalinks to the new post pages (a bool)."""
    recent_posts: int = _field(10, positive_int)
    """How many posts the home page and the sidebar show."""
    words_per_minute: int = _field(200, positive_int)
    """Reading speed for a post's reading time."""
    image: str = _field("", text)
    """The image of the site's link previews (``og:image``): an absolute URL, or a path in the
    output (``_static/card.png``) under the base URL."""
    comments: Mapping[str, Any] = _field({}, settings)
    """Comments under each post: ``{"giscus": {...}}`` or ``{"utterances": {...}}``, the
    provider's settings (``repo``, ``repo_id``, ``category_id`` …); off when empty."""
    related_count: int = _field(3, count)
    """How many related posts a post shows (0: none)."""
    timezone: str = _field("", time_zone)
    """IANA time zone (``Asia/Seoul``) in which dates are shown, as Jekyll shows them;
    default ``_config.yml``'s ``timezone``; empty: as written."""
    permalink: str = _field("", text)
    """Jekyll's permalink style or template; default ``_config.yml``'s ``permalink``."""

    @property
    def own_sections(self) -> dict[str, str]:
        """The entries of ``journal_sections`` that the built-in table does not have."""
        return {k: v for k, v in self.sections.items() if DEFAULT_SECTIONS.get(k) != v}

    @property
    def lecture_regex(self) -> re.Pattern[str]:
        return re.compile(self.lecture_pattern)

    @property
    def zone(self) -> dt.tzinfo | None:
        """The :attr:`timezone` as a time zone, or ``None`` (dates as written)."""
        return zoneinfo.ZoneInfo(self.timezone) if self.timezone else None


_DEFAULTS: Final = JournalConfig()


def validate(name: str, value: Any) -> tuple[Any, str | None]:
    """The typed value of ``journal_<name>`` and ``None``, or its default and what is wrong."""
    field = next(f for f in dataclasses.fields(JournalConfig) if f.name == name)
    validator: Validator = field.metadata["validator"]
    try:
        return validator(value), None
    except (TypeError, ValueError, re.error) as exc:
        return getattr(_DEFAULTS, name), str(exc)


def _check(name: str, value: Any) -> Any:
    """The typed value of ``journal_<name>``, or a ``journal.config`` warning and the default."""
    result, problem = validate(name, value)
    if problem is not None:
        shown = repr(value)
        if len(shown) > 80:
            shown = shown[:77] + "..."
        warn(
            "config", f"journal_{name} = {shown} is not usable ({problem}); using the default", None
        )
    return result


_cache: dict[int, tuple[Config, JournalConfig]] = {}


def journal_config(config: Config) -> JournalConfig:
    """The validated ``journal_*`` values of ``config`` (computed once per config)."""
    cached = _cache.get(id(config))
    if cached is not None and cached[0] is config:
        return cached[1]
    values = {
        field.name: _check(field.name, getattr(config, f"journal_{field.name}"))
        for field in dataclasses.fields(JournalConfig)
    }
    result = JournalConfig(**values)
    _cache[id(config)] = (config, result)
    return result


def journal_title(config: Config) -> str:
    """The journal's name: ``journal_title``, or "Journal" in the reader's language."""
    return journal_config(config).title or str(_("Journal"))


def _default_of(field: dataclasses.Field[Any]) -> Any:
    value = getattr(_DEFAULTS, field.name)
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, Mapping):
        return dict(value)
    return value


def _on_config_inited(app: Sphinx, config: Config) -> None:
    """Validate early, so configuration warnings come before any reading."""
    _cache.pop(id(config), None)
    journal_config(config)


def setup_config(app: Sphinx) -> None:
    """Declare every ``journal_*`` value; all of them change the environment."""
    for field in dataclasses.fields(JournalConfig):
        app.add_config_value(f"journal_{field.name}", _default_of(field), "env")
    app.connect("config-inited", _on_config_inited)


def week_labels(config: Config) -> tuple[str, str]:
    """The course-week and ISO-week label patterns, in the site's language."""
    chosen = journal_config(config).week_label
    return (chosen or str(_("Week {n}")), str(_("Week {week}, {year}")))
