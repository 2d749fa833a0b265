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
from collections.abc import Mapping
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


@dataclasses.dataclass(frozen=True)
class JournalConfig:
    """The typed, validated ``journal_*`` values (names without the prefix)."""

    posts: tuple[str, ...] = ("_posts/**", "posts/**")
    """Glob patterns (relative to the source dir, no suffix) of the documents that are posts."""
    drafts: bool = False
    """Whether drafts (``published: false`` or ``draft: true``) are listed."""
    path: str = "journal"
    """The folder of the generated pages in the output."""
    title: str = ""
    """The journal's name on its home page and feed; default: the project name."""
    sections: Mapping[str, str] = dataclasses.field(default_factory=lambda: dict(DEFAULT_SECTIONS))
    """Heading text -> section kind; extends the built-in table (``DEFAULT_SECTIONS``)."""
    lecture_pattern: str = DEFAULT_LECTURE_PATTERN
    """Regex with groups ``speaker``, ``affiliation``, ``title`` for schedule items."""
    course_start: dt.date | None = None
    """When set, week 1 starts on this day; otherwise weeks are ISO weeks."""
    week_label: str = "Week {n}"
    """Label of a course week; ``{n}`` is its number."""
    feed_length: int = 20
    """How many posts the Atom feeds hold."""
    base_url: str = ""
    """Absolute URL of the site, for feeds; default: ``html_baseurl``."""
    paper_patterns: Mapping[str, str] = dataclasses.field(default_factory=dict)
    """Extra URL regexes -> identifier scheme; the ``id`` group is the identifier."""
    jekyll_redirects: bool = False
    """Write redirect pages from Jekyll's permalinks to the new post pages."""
    recent_posts: int = 10
    """How many posts the home page and the sidebar show."""
    words_per_minute: int = 200
    """Reading speed for a post's reading time."""
    image: str = ""
    """The image of the site's link previews (``og:image``): an absolute URL, or a path in the
    output (``_static/card.png``) under the base URL."""
    comments: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    """Comments under each post: ``{"giscus": {...}}`` or ``{"utterances": {...}}``, the
    provider's settings (``repo``, ``repo_id``, ``category_id`` …); off when empty."""
    related_count: int = 3
    """How many related posts a post shows (0: none)."""
    timezone: str = ""
    """IANA time zone (``Asia/Seoul``) of the dates; default ``_config.yml``'s ``timezone``."""
    permalink: str = ""
    """Jekyll's permalink style or template; default ``_config.yml``'s ``permalink``."""

    @property
    def own_sections(self) -> dict[str, str]:
        """The entries of ``journal_sections`` that the built-in table does not have."""
        return {k: v for k, v in self.sections.items() if DEFAULT_SECTIONS.get(k) != v}

    @property
    def lecture_regex(self) -> re.Pattern[str]:
        return re.compile(self.lecture_pattern)


_DEFAULTS: Final = JournalConfig()


def _check(name: str, value: Any, default: Any) -> Any:
    """Coerce ``value`` to the type of ``default``; warn and fall back when it cannot be."""
    try:
        result = _coerce(name, value, default)
    except (TypeError, ValueError, re.error) as exc:
        warn("config", f"journal_{name} = {value!r} is not usable ({exc}); using the default", None)
        return default
    return result


def _check_week_label(label: str) -> None:
    """A week label may use ``{n}`` (any week number, negative too) and nothing else."""
    try:
        for number in (1, -1, 10**6):
            label.format(n=number)
    except (KeyError, IndexError, AttributeError, ValueError) as exc:
        raise ValueError(f"it must be text with at most {{n}}, the week number ({exc!r})") from exc


def _coerce(name: str, value: Any, default: Any) -> Any:
    if name == "course_start":
        if value in (None, ""):
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        return dt.date.fromisoformat(str(value))
    if name == "posts":
        if isinstance(value, str):
            value = [value]
        return tuple(str(v).strip("/") for v in value)
    if name == "sections":
        mapping = {str(k): str(v) for k, v in dict(value).items()}
        bad = sorted(v for v in mapping.values() if v not in SECTION_KINDS)
        if bad:
            raise ValueError(f"unknown section kind {bad[0]!r}")
        return mapping
    if name == "lecture_pattern":
        groups = re.compile(str(value)).groupindex
        if not {"speaker", "title"} <= set(groups):
            raise ValueError("the pattern needs the named groups speaker and title")
        return str(value)
    if name == "paper_patterns":
        mapping = {str(k): str(v) for k, v in dict(value).items()}
        for pattern in mapping:
            if "id" not in re.compile(pattern).groupindex:
                raise ValueError(f"pattern {pattern!r} has no named group 'id'")
        return mapping
    if name == "comments":
        return dict(value) if value else {}
    if name == "path":
        path = str(value).strip("/")
        if not path or ".." in path.split("/") or path.startswith("."):
            raise ValueError("it must be a relative folder inside the output")
        return path
    if isinstance(default, bool):
        return bool(value)
    if isinstance(default, int):
        number = int(value)
        least = 0 if name == "related_count" else 1
        if number < least:
            raise ValueError(f"it must be at least {least}")
        return number
    if isinstance(default, str):
        if name == "week_label":
            _check_week_label(str(value))
        return str(value)
    return value


_cache: dict[int, tuple[Config, JournalConfig]] = {}


def journal_config(config: Config) -> JournalConfig:
    """The validated ``journal_*`` values of ``config`` (computed once per config)."""
    cached = _cache.get(id(config))
    if cached is not None and cached[0] is config:
        return cached[1]
    values = {
        field.name: _check(
            field.name, getattr(config, f"journal_{field.name}"), getattr(_DEFAULTS, field.name)
        )
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
