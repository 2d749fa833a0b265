"""Post dates as Jekyll writes them, with their UTC offset kept.

A date may be a YAML date, a YAML datetime (naive or aware), a string
``YYYY-MM-DD[ HH:MM[:SS]][ ±HHMM]`` or the ``YYYY-MM-DD-`` prefix of the file
name (see :mod:`.jekyll`). :class:`PostDate` keeps the wall-clock time and the offset apart, so
naive and aware dates sort together without a comparison error.

With a site time zone (``_config.yml``'s ``timezone``), Jekyll reads every
date as ``Time.parse(date).localtime`` in that zone: a date with an offset is
the same instant on the site's clock (``01:30 +0900`` is the day before at
``16:30`` in UTC), one without is the site's own wall-clock time.
:meth:`PostDate.in_zone` does the same.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from typing import Any, Final

from sphinx_journal.jekyll.files import filename_day
from sphinx_journal.pickling import PickledAsFields

_STRING_DATE: Final = re.compile(
    r"""^\s*(?P<day>\d{4}-\d{1,2}-\d{1,2})
    (?:[ T]+(?P<time>\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?))?
    \s*(?P<offset>Z|[+-]\d{2}:?\d{2})?\s*$""",
    re.VERBOSE,
)


@dataclasses.dataclass(frozen=True, slots=True)
class PostDate(PickledAsFields):
    """A post's date: the day, the wall-clock time if given, its UTC offset if given."""

    day: dt.date
    time: dt.time | None = None
    offset: dt.timedelta | None = None

    @property
    def sort_key(self) -> tuple[str, str]:
        """Orders posts by the date and time their author wrote (offsets ignored)."""
        return (self.day.isoformat(), self.time.isoformat() if self.time else "")

    def isoformat(self) -> str:
        """``2021-09-24``, ``2021-09-24T10:00:00`` or ``2021-09-24T10:00:00+09:00``."""
        if self.time is None:
            return self.day.isoformat()
        moment = dt.datetime.combine(self.day, self.time)
        if self.offset is not None:
            moment = moment.replace(tzinfo=dt.timezone(self.offset))
        return moment.isoformat()

    def in_zone(self, zone: dt.tzinfo) -> PostDate:
        """This date as Jekyll shows it on a site whose time zone is ``zone``."""
        moment = dt.datetime.combine(self.day, self.time or dt.time())
        if self.offset is None:  # the site's own clock: only the offset is new
            return PostDate(self.day, self.time, moment.replace(tzinfo=zone).utcoffset())
        local = moment.replace(tzinfo=dt.timezone(self.offset)).astimezone(zone)
        time = local.time().replace(tzinfo=None)
        shown = time if self.time is not None or time != dt.time() else None
        return PostDate(local.date(), shown, local.utcoffset())

    def as_datetime(self) -> dt.datetime:
        """An aware datetime (midnight and UTC where the post says nothing), for feeds."""
        moment = dt.datetime.combine(self.day, self.time or dt.time())
        return moment.replace(tzinfo=dt.timezone(self.offset or dt.timedelta()))


class DateError(ValueError):
    """A value that looks like a date but is not one."""


def _offset(text: str | None) -> dt.timedelta | None:
    if not text:
        return None
    if text == "Z":
        return dt.timedelta()
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:])
    if hours > 23 or minutes > 59:
        raise DateError(f"bad UTC offset {text!r}")
    return sign * dt.timedelta(hours=hours, minutes=minutes)


def parse_date(value: Any) -> PostDate:
    """A :class:`PostDate` from a front-matter value; :class:`DateError` when it is none."""
    if isinstance(value, dt.datetime):
        offset = value.utcoffset()
        return PostDate(value.date(), value.time().replace(tzinfo=None), offset)
    if isinstance(value, dt.date):
        return PostDate(value)
    if not isinstance(value, str):
        raise DateError(f"{value!r} is not a date")
    match = _STRING_DATE.match(value)
    if match is None:
        raise DateError(f"{value!r} is not a date (expected YYYY-MM-DD [HH:MM[:SS]] [+HHMM])")
    try:
        year, month, day = (int(part) for part in match["day"].split("-"))
        date = dt.date(year, month, day)
        time = dt.time.fromisoformat(_pad_time(match["time"])) if match["time"] else None
    except ValueError as exc:
        raise DateError(f"{value!r} is not a date ({exc})") from None
    return PostDate(date, time, _offset(match["offset"]))


def _pad_time(text: str) -> str:
    hour, _, rest = text.partition(":")
    return f"{int(hour):02d}:{rest}"


def date_from_filename(stem: str) -> PostDate | None:
    """The date of a Jekyll file name ``Y-M-D-slug`` (:data:`.jekyll.DATED_NAME`), if valid."""
    day = filename_day(stem)
    return None if day is None else PostDate(day)
