"""UI strings and dates in the reader's language.

Every string the journal shows goes through :data:`_` (the ``sphinx_journal``
message catalogue, registered in :func:`setup_i18n`), and dates through
:func:`format_day` so that ``language = "ko"`` reads ``2021년 9월 24일``.
"""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path
from typing import TYPE_CHECKING, Final

from babel.core import Locale, UnknownLocaleError
from babel.dates import format_date, format_skeleton, get_day_names, get_month_names
from sphinx.locale import get_translation, get_translator

if TYPE_CHECKING:
    from sphinx.application import Sphinx

CATALOG: Final = "sphinx_journal"
LOCALE_DIR: Final = Path(__file__).parent / "locale"

_ = get_translation(CATALOG)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The message for ``count`` in the reader's language ("1 day", "2 days", "2일")."""
    return str(get_translator(CATALOG).ngettext(singular, plural, count))


@functools.cache
def _locale(language: str | None) -> Locale:
    try:
        return Locale.parse((language or "en").replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return Locale.parse("en")


@functools.lru_cache(maxsize=4096)
def format_day(day: dt.date, language: str | None, width: str = "long") -> str:
    """``day`` as its readers write it (``September 24, 2021``, ``2021년 9월 24일``)."""
    return format_date(day, format=width, locale=_locale(language))


@functools.lru_cache(maxsize=4096)
def format_short_day(day: dt.date, language: str | None) -> str:
    """A day without its year, as a chart's axis names it (``Sep 20``, ``9월 20일``)."""
    return format_skeleton("MMMd", day, locale=_locale(language))


def format_month(year: int, month: int, language: str | None) -> str:
    """A month heading in the reader's pattern (``September 2021``, ``2021년 9월``)."""
    return format_skeleton("yMMMM", dt.date(year, month, 1), locale=_locale(language))


@functools.cache
def month_abbreviations(language: str | None) -> tuple[str, ...]:
    """Short month names, January first (``Jan`` …, ``1월`` …), for the heatmap's top row."""
    names = get_month_names("abbreviated", "stand-alone", locale=_locale(language))
    return tuple(str(names[month]) for month in range(1, 13))


@functools.cache
def weekday_abbreviations(language: str | None) -> tuple[str, ...]:
    """Short weekday names, Monday first (``Mon`` …, ``월`` …)."""
    names = get_day_names("abbreviated", "stand-alone", locale=_locale(language))
    return tuple(str(names[day]) for day in range(7))


def setup_i18n(app: Sphinx) -> None:
    """Make the shipped catalogues available for ``language``."""
    app.add_message_catalog(CATALOG, str(LOCALE_DIR))
