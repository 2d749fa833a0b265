"""Which journal section a heading names, whatever decorates or numbers it.

Real journals switch from ``## 오늘 일정 정리`` to ``## 📝 오늘 일정 정리``
halfway, number their sections (``## 4. 회고``, ``# 1일차 학습 정리``,
``## Day 3 - Plan``) and write one name several ways (``피어세션``,
``피어 세션 정리``, ``피어섹션``). Emoji (joiner sequences, variation
selectors, keycaps), symbols, numbering, case and spacing are dropped; the
rest is looked up in the configured table, then in the built-in one, then
matched against the *stems* of each kind: a heading that contains ``회고``
is a retrospective whatever surrounds it. Stems are what make unseen
journals work; the table is for names no stem covers.

A ``lectures`` heading is either a container (``강의 내용 정리``: each
subsection is a lecture) or names one session itself (``도메인 특강``,
``마스터 클래스 (임성빈 마스터님)``); :func:`names_one_lecture` tells which,
and :func:`lecture_heading` reads a lecture's number, series and speaker.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import unicodedata
from collections.abc import Mapping
from typing import Final

_DROPPED_CATEGORIES = frozenset({"So", "Sk", "Sm", "Sc", "Cf", "Me", "Co", "Cn"})
_DROPPED_MARKS = frozenset({"\ufe0e", "\ufe0f"})  # text and emoji presentation selectors
#: What a lecture's title loses: emoji and other pictographs, but no symbol that is
#: part of its text (``13:00~17:00``, ``C++``, ``$100``, ``x^2``).
_DROPPED_FROM_TITLES = frozenset({"So", "Cf", "Me", "Co", "Cn"})
_KEYCAP: Final = re.compile("[0-9#*]\ufe0f?\u20e3")  # 1️⃣ is an emoji, not a digit

#: Kinds in the order they are tried: a ``조별 회고`` is a retrospective, not
#: a peer session; a ``특강 회고`` is a retrospective, not a lecture.
KINDS: Final = ("retrospective", "peer-session", "office-hour", "lectures", "schedule")

#: Leading numbering: ``1.``, ``1)``, ``1.2``, ``03``, ``(1)``, ``[1]``, ``①``, ``I.``,
#: ``Day 3 -``, ``Day_24``, ``[Day1]``, ``3일차``, ``40~43일차``, ``Week 2:``.
_NUMBERING: Final = re.compile(
    r"""^(?:
        \d+(?:\.\d+)*\s*[.)]
      | \d+(?:\.\d+)+
      | 0\d(?=\s)
      | [(\[]\s*\d+\s*[)\]]
      | [\u2460-\u2473\u2776-\u277f\u2780-\u2793]
      | [ivxlc]+\s*[.)]
      | [(\[]?\s*(?:day|week)[\s_-]*\d+(?:\s*[~-]\s*\d+)?\s*[)\]]?
      | \d+(?:\s*[~-]\s*\d+)?\s*(?:일차|주차)
    )\s*[-–—:.]?\s*""",
    re.VERBOSE | re.IGNORECASE,
)

#: Stems per kind. Korean ones are looked for in the heading without spaces
#: (``피어 세션`` = ``피어세션``), English ones as whole words.
_KO_STEMS: Final[Mapping[str, tuple[str, ...]]] = {
    "retrospective": ("회고", "느낀점", "배운점", "소감"),
    "peer-session": ("피어세션", "피어섹션", "피어세선", "팀회의", "팀미팅", "조별미팅", "스터디"),
    "office-hour": ("오피스아워", "멘토링"),
    "lectures": (
        *("강의", "학습내용", "학습정리", "수업", "배운내용", "공부내용"),
        *("특강", "마스터클래스", "세미나", "강연", "교육"),
    ),
    "schedule": ("일정", "할일", "목표", "계획", "투두"),
}
_EN_STEMS: Final[Mapping[str, str]] = {
    "retrospective": r"retrospectives?|retro|reflections?|today i learned|til"
    r"|what i learned today|lessons? learned",
    "peer-session": r"peer[ -]?sessions?|study group|team meeting",
    "office-hour": r"office[ -]?hours?|mentoring",
    "lectures": r"lectures?|lecture notes|class notes|course notes|what i(?:'ve)? learned"
    r"|master ?class|seminar|keynote",
    "schedule": r"schedule|to ?dos?|goals?|plans?|planning",
}
_EN_PATTERNS: Final = {
    kind: re.compile(rf"(?<![\w'])(?:{stems})(?![\w'])") for kind, stems in _EN_STEMS.items()
}

#: Stems of a heading that is itself one session, not a container of lectures.
_SESSION_KO: Final = (
    *("특강", "특별강의", "마스터클래스", "세미나", "강연", "교육", "오피스아워", "멘토링"),
)
_SESSION_EN: Final = re.compile(
    r"(?<!\w)(?:special lecture|guest lecture|master ?class|seminar|keynote|office[ -]?hours?"
    r"|mentoring|lecture \d+)(?!\w)"
)


def _undecorated(text: str, dropped: frozenset[str]) -> str:
    """``text`` less keycaps, presentation selectors, skin tones and the ``dropped`` categories."""
    return "".join(
        char
        for char in _KEYCAP.sub("", text)
        if unicodedata.category(char) not in dropped
        and char not in _DROPPED_MARKS
        and not 0x1F3FB <= ord(char) <= 0x1F3FF  # skin-tone modifiers
    )


@functools.lru_cache(maxsize=8192)
def normalize_heading(text: str) -> str:
    """``"📝 오늘 일정 정리 "`` -> ``"오늘 일정 정리"``; case-folded, single spaces."""
    # symbols go before NFC: some (musical notes) decompose into a base and a mark
    composed = unicodedata.normalize("NFC", _undecorated(text, _DROPPED_CATEGORIES))
    return " ".join(composed.split()).strip(" :-–—").casefold()


def strip_numbering(text: str) -> str:
    """``"4. 회고"`` -> ``"회고"``, ``"1일차 학습 정리"`` -> ``"학습 정리"`` (repeatedly)."""
    previous = None
    while previous != text:
        previous = text
        text = _NUMBERING.sub("", text, count=1).strip(" :-–—")
    return text


@functools.lru_cache(maxsize=8192)
def heading_key(text: str) -> str:
    """What two spellings of one section name share: no decoration, numbering or space.

    Cached: every heading of every post is compared with each name of the
    section tables, which are the same few dozen strings build after build.
    """
    return "".join(strip_numbering(normalize_heading(text)).split())


def _spaced(text: str) -> str:
    return strip_numbering(normalize_heading(text)).replace("_", " ")


def stem_kind(text: str) -> str | None:
    """The kind whose stem ``text`` contains, trying :data:`KINDS` in order."""
    key = heading_key(text)
    spaced = _spaced(text)
    for kind in KINDS:
        if any(stem in key for stem in _KO_STEMS[kind]) or _EN_PATTERNS[kind].search(spaced):
            return kind
    return None


def configured_kind(text: str, sections: Mapping[str, str]) -> str | None:
    """The kind ``sections`` (heading text -> kind) gives ``text``, compared as keys."""
    wanted = heading_key(text)
    for name, kind in sections.items():
        if heading_key(name) == wanted:
            return kind
    return None


def section_kind(
    text: str, sections: Mapping[str, str], builtin: Mapping[str, str] | None = None
) -> str | None:
    """The kind ``text`` names: the project's table, the built-in one, then the stems."""
    if builtin is None:
        from sphinx_journal.config import DEFAULT_SECTIONS  # noqa: PLC0415 - config imports us

        builtin = DEFAULT_SECTIONS
    return configured_kind(text, sections) or configured_kind(text, builtin) or stem_kind(text)


def names_one_lecture(text: str) -> bool:
    """Whether a lectures or office-hour heading is one session (``도메인 특강``)."""
    key = heading_key(text)
    return any(stem in key for stem in _SESSION_KO) or bool(_SESSION_EN.search(_spaced(text)))


@dataclasses.dataclass(frozen=True)
class LectureHeading:
    """A lecture heading read: title, number, series and speaker of ``[시각화 5강] 차트``."""

    title: str
    number: int | None = None
    series: str = ""
    speaker: str = ""


_NUMBER_MARKERS: Final = (
    re.compile(r"^[\[(]\s*(?P<series>[^\[\]()\d]*?)\s*0*(?P<n>\d+)\s*강\s*[\])]\s*[-–—:.]?\s*"),
    re.compile(r"^(?P<series>)0*(?P<n>\d+)\s*강\s*[-–—:.]\s*"),
    re.compile(r"^(?P<series>)lecture\s+0*(?P<n>\d+)\s*[-–—:.]\s*", re.IGNORECASE),
)
_ROLE: Final = r"(?:마스터|멘토|강사|교수|선생|연사)"
_HONORIFIC: Final = rf"{_ROLE}님"
_SPEAKER_PAREN: Final = re.compile(rf"\s*\(\s*(?P<speaker>[^()]+?)\s*{_HONORIFIC}\s*\)\s*$")
#: ``Title - 안수빈 마스터님``, ``[오피스아워] … - 이하늘 멘토``: after a separator the
#: role alone says it is a person.
_SPEAKER_TAIL: Final = re.compile(
    rf"\s*(?:[-–—:]|(?<=\]))\s*(?P<speaker>[^-–—:()\[\]]+?)\s*{_ROLE}님?\s*$"
)
#: A leading ``[특강]``, ``(오피스아워)``: a tag that may name the lecture's kind.
_TAG: Final = re.compile(r"^[\[(]\s*(?P<tag>[^\[\]()]+?)\s*[\])]\s*[-–—:.]?\s*")
_SESSION_NAMES: Final = ("마스터클래스", "특강", "특별강의", "오피스아워", "멘토링")


def names_only_a_kind(text: str) -> bool:
    """A title that only names a kind (``마스터 클래스``, ``[특강]``), not a lecture of its own."""
    from sphinx_journal.config import DEFAULT_SECTIONS  # noqa: PLC0415 - config imports us

    return configured_kind(text, DEFAULT_SECTIONS) is not None or heading_key(text) in {
        *_SESSION_NAMES,
        "speciallecture",
        "guestlecture",
    }


#: The day or week a title is an item of: ``Day_1``, ``[Day 3]``, ``3일차``, ``Week 2 -``.
_PERIOD: Final = re.compile(
    r"""^[(\[]?\s*(?:
        (?:day|week)[\s_-]*\d+(?:\s*[~-]\s*\d+)?
      | \d+(?:\s*[~-]\s*\d+)?\s*(?:일차|주차)
    )\s*[)\]]?\s*[-–—:.]?\s*""",
    re.VERBOSE | re.IGNORECASE,
)
#: The item's place in its day: ``01.``, ``2)``, ``(3)``, ``[4]``, or a zero-padded ``03``.
_ORDINAL: Final = re.compile(r"^(?:\d{1,3}\s*[.)]|[(\[]\s*\d{1,3}\s*[)\]]|0\d(?=\s))\s*(?=\S)")


def is_one_lecture_title(text: str) -> bool:
    """Whether a post's title says the post is one lecture's notes.

    Two shapes say so, whatever the words: a lecture number (``[3강] 최적화``,
    ``(시각화 3강) 차트``, ``3강. 최적화``, ``Lecture 3: Optimization``), and
    a numbered item of a day or week (``Day_1 01. Basic Python``,
    ``3일차 2) 통계학 맛보기``): a course that puts each of the day's lectures
    in a post of its own numbers them so. A bare ``07. Python 기초 문법`` is
    only a series' part, and ``[Day12] PyTorch 4~5강`` is the day's overview
    of several lectures, not one of them.
    """
    title = " ".join(normalize_heading(text).split())
    period = _PERIOD.match(title)
    rest = title[period.end() :] if period else title
    if any(marker.match(rest) for marker in _NUMBER_MARKERS):
        return True
    return period is not None and _ORDINAL.match(rest) is not None


def lecture_heading(text: str) -> LectureHeading:
    """Read a lecture heading's number (``[3강]``, ``(3강)``, ``Lecture 3:``) and speaker.

    The speaker is taken only when an honorific says it is a person
    (``(임성빈 마스터님)``, ``- 안수빈 마스터님``): a bare ``(Multi-Layer
    Perceptron)`` is part of a title.
    """
    title = " ".join(_undecorated(text, _DROPPED_FROM_TITLES).split())
    previous = None
    while previous != title:  # ``2. 마스터 클래스``: the section's numbering is not the title's
        previous = title
        title = _NUMBERING.sub("", title, count=1).strip(" :-–—")
    number: int | None = None
    series = ""
    for marker in _NUMBER_MARKERS:
        match = marker.match(title)
        if match:
            number, series = int(match["n"]), match["series"].strip()
            title = title[match.end() :]
            break
    speaker = ""
    for pattern in (_SPEAKER_PAREN, _SPEAKER_TAIL):
        match = pattern.search(title)
        if match and match.start() > 0:
            speaker = match["speaker"].strip()
            title = title[: match.start()]
            break
    tag = _TAG.match(title)
    if tag and names_only_a_kind(tag["tag"]):  # ``[특강] AI Ethics``: a lecture of the 특강
        series = series or tag["tag"]
        title = title[tag.end() :].strip(" :-–—") or tag["tag"]
    title = _unwrapped(title.strip(" :-–—")) or " ".join(text.split())
    return LectureHeading(title, number, series, speaker)


def _unwrapped(title: str) -> str:
    """``[github 특강1]`` -> ``github 특강1``: brackets around the whole title only."""
    if title[:1] + title[-1:] in ("[]", "()") and not re.search(r"[\[\]()]", title[1:-1]):
        return title[1:-1].strip()
    return title


def speaker_in(text: str) -> str:
    """The honorific-marked person in a schedule item (``… 최성철 마스터님 - …``), if any."""
    match = re.search(rf"(?P<speaker>[^\s()\[\]\-–—:,~]+)\s*{_HONORIFIC}", text)
    return match["speaker"] if match else ""
