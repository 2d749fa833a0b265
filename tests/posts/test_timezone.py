"""Dates shown in the site's time zone, as Jekyll shows them (``Time.parse(date).localtime``).

The root's ``_config.yml`` says ``timezone: America/Los_Angeles``; a post
written at ``01:30 +0900`` on 27 September is, on that site, a post of 26
September at 09:30: its header, the archive, the calendar, the feed and its
Jekyll URL all say so.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
import zoneinfo
from pathlib import Path

import pytest
from tests.htmlutil import main, parse, text

from sphinx_journal.jekyll.dates import PostDate, parse_date

ATOM = "{http://www.w3.org/2005/Atom}"
LATE = "_posts/2021-09-27-late.html"
EVENING = "_posts/2021-09-28-evening.html"


def _stamp(built, name: str) -> tuple[str, str]:
    """(datetime attribute, shown text) of a post's header date."""
    element = next(main(parse(built.page(name))).iter("time"))
    return element.get("datetime") or "", text(element)


def _feed_dates(built) -> dict[str, str]:
    feed = ET.parse(built.page("journal/atom.xml")).getroot()
    return {
        entry.findtext(f"{ATOM}title") or "": entry.findtext(f"{ATOM}updated") or ""
        for entry in feed.iter(f"{ATOM}entry")
    }


def _calendar_day(built, day: str) -> str:
    html = built.page("journal/index.html").read_text(encoding="utf-8")
    found = re.search(rf'<a [^>]*data-date="{day}"[^>]*>|<[^>]*data-date="{day}"[^>]*>', html)
    assert found, day
    return found.group(0)


def test_a_post_moves_across_midnight_into_the_sites_time_zone(copy_root, build) -> None:
    built = build(copy_root("timezone"))
    assert "WARNING" not in built.warnings  # the file name's day 27 is no mistake
    assert _stamp(built, LATE) == ("2021-09-26T09:30:00-07:00", "September 26, 2021")
    # no offset: the site's own clock, which gets the site's offset
    evening = _stamp(built, EVENING)
    assert evening == ("2021-09-28T21:30:00-07:00", "September 28, 2021")
    assert _stamp(built, "_posts/2021-09-29-day.html") == ("2021-09-29", "September 29, 2021")
    archive = text(main(parse(built.page("journal/archive.html"))))
    assert "Sep 26, 2021 Late in Seoul" in archive
    assert "Week 38, 2021: Late in Seoul" in archive  # a Sunday, the week before
    assert "Late in Seoul" in _calendar_day(built, "2021-09-26")
    assert "post" not in _calendar_day(built, "2021-09-27")
    assert _feed_dates(built) == {
        "A day": "2021-09-29T00:00:00-07:00",
        "Evening at home": "2021-09-28T21:30:00-07:00",
        "Late in Seoul": "2021-09-26T09:30:00-07:00",
    }
    # the Jekyll URL of the post carries the day Jekyll gives it
    links = {text(a): a.get("href") for a in main(parse(built.page(EVENING))).iter("a")}
    assert links["late in Seoul"] == "2021-09-27-late.html"


def test_conf_py_wins_and_a_bad_zone_keeps_dates_as_written(copy_root, build) -> None:
    seoul = build(copy_root("timezone"), journal_timezone="Asia/Seoul")
    assert _stamp(seoul, LATE) == ("2021-09-27T01:30:00+09:00", "September 27, 2021")
    assert _feed_dates(seoul)["Evening at home"] == "2021-09-28T21:30:00+09:00"
    bad = build(copy_root("timezone", "src-bad"), journal_timezone="Mars/Olympus")
    assert "journal_timezone = 'Mars/Olympus' is not usable" in bad.warnings
    assert "[journal.config]" in bad.warnings
    assert _stamp(bad, LATE)[0] == "2021-09-27T01:30:00+09:00"
    assert _stamp(bad, EVENING)[0] == "2021-09-28T21:30:00"


def test_changing_the_sites_time_zone_rebuilds_every_date(copy_root, build, tmp_path: Path) -> None:
    srcdir = copy_root("timezone")
    outdir = tmp_path / "out"
    build(srcdir, outdir=outdir)
    config = srcdir / "_config.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("America/Los_Angeles", "UTC"), "utf-8"
    )
    built = build(srcdir, outdir=outdir, freshenv=False)
    assert _stamp(built, LATE) == ("2021-09-26T16:30:00+00:00", "September 26, 2021")
    assert _feed_dates(built)["Late in Seoul"] == "2021-09-26T16:30:00+00:00"
    assert "Late in Seoul" in _calendar_day(built, "2021-09-26")


@pytest.mark.parametrize(
    ("written", "zone", "shown"),
    [
        ("2021-09-27 01:30:00 +0900", "UTC", "2021-09-26T16:30:00+00:00"),
        ("2021-09-26 23:30:00 -0700", "Asia/Seoul", "2021-09-27T15:30:00+09:00"),
        ("2021-09-27 01:30:00 +0900", "Asia/Seoul", "2021-09-27T01:30:00+09:00"),
        ("2021-03-14 12:00:00", "America/Los_Angeles", "2021-03-14T12:00:00-07:00"),  # DST
        ("2021-03-13 12:00:00", "America/Los_Angeles", "2021-03-13T12:00:00-08:00"),
        ("2021-09-27 +0900", "UTC", "2021-09-26T15:00:00+00:00"),  # midnight, moved
        ("2021-09-27", "Asia/Seoul", "2021-09-27"),
    ],
)
def test_in_zone_is_jekylls_localtime(written: str, zone: str, shown: str) -> None:
    assert parse_date(written).in_zone(zoneinfo.ZoneInfo(zone)).isoformat() == shown


def test_a_day_in_a_zone_is_midnight_there_for_feeds() -> None:
    day = PostDate(dt.date(2021, 9, 27)).in_zone(zoneinfo.ZoneInfo("Asia/Seoul"))
    assert day.as_datetime().isoformat() == "2021-09-27T00:00:00+09:00"
