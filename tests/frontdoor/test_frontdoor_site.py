"""Home calendar, Atom feeds, sidebar and the Korean interface (SPEC §5, §8)."""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from tests.buildutil import html_files, rebuild_and_compare
from tests.htmlutil import by_class, main, one, parse, resolve, text

ATOM = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}:\d{2}|Z)$")
BASE = "https://example.org/journal/"


@pytest.fixture
def site(copy_root, build):
    return build(copy_root("basic"), html_baseurl=BASE)


def test_home_calendar_marks_each_post_day(site) -> None:
    home = site.page("journal/index.html")
    calendar = one(main(parse(home)), "journal-calendar")
    cells = {c.get("data-date"): c for c in calendar.iter() if c.get("data-date")}
    assert len([d for d in cells if d.startswith("2021-")]) == 365
    for day, post in (
        ("2021-09-24", "_posts/2021-09-24-day36.html"),
        ("2021-09-27", "_posts/2021-09-27-day37.html"),
        ("2022-01-05", "posts/2022/new-year.html"),
    ):
        cell = cells[day]
        assert cell.tag == "a" and resolve(home, cell.get("href") or "") == site.page(post)
        assert "post" in (cell.get("title") or "")
    assert cells["2021-09-25"].tag == "span"
    assert "journal-level-0" in (cells["2021-09-25"].get("class") or "")
    # One day is singular, and nothing is drawn after the newest post.
    assert re.search(r"Longest streak: 1 day(?!s)", text(calendar))
    assert "2022-01-06" not in cells
    # Written long before the build: no streak is current.
    assert "Current streak" not in text(calendar)


def parse_feed(path: Path) -> ET.Element:
    root = ET.fromstring(path.read_bytes())
    assert root.tag == f"{ATOM}feed"
    for tag in ("id", "title", "updated", "author"):
        assert root.find(f"{ATOM}{tag}") is not None, tag
    for entry in root.iter(f"{ATOM}entry"):
        for tag in ("id", "title", "updated", "link"):
            assert entry.find(f"{ATOM}{tag}") is not None, tag
        assert RFC3339.match(entry.findtext(f"{ATOM}updated") or "")
        assert (entry.findtext(f"{ATOM}id") or "").startswith(BASE)
    return root


def test_excerpts_are_the_authors_words_not_the_parsers_warnings(copy_root, build) -> None:
    """Posts that start at ``##`` get MyST's header warning in their doctree while being
    read; an excerpt never quotes it."""
    built = build(copy_root("frontdoor"))
    pages = html_files(built.outdir / "journal")
    assert "journal/index.html" not in pages and "index.html" in pages
    for name, shown in pages.items():
        assert b"myst.header" not in shown and b"not H1" not in shown, name


def test_atom_feed_is_valid_newest_first_without_drafts(site) -> None:
    feed = parse_feed(site.page("journal/atom.xml"))
    titles = [e.findtext(f"{ATOM}title") for e in feed.iter(f"{ATOM}entry")]
    assert titles == [
        "New year",
        "Reading notes",
        "[Boostcamp AI Tech] 37일차 학습정리",
        "[Boostcamp AI Tech] 36일차 학습정리",
    ]
    updated = [e.findtext(f"{ATOM}updated") for e in feed.iter(f"{ATOM}entry")]
    assert "2021-09-27T21:30:00+09:00" in updated  # the post's own offset
    tag_feed = parse_feed(site.page("journal/tags/8주차.xml"))
    assert len(list(tag_feed.iter(f"{ATOM}entry"))) == 2
    parse_feed(site.page("journal/categories/life.xml"))


def test_feed_length_and_link_in_every_head(copy_root, build) -> None:
    built = build(copy_root("basic"), html_baseurl=BASE, journal_feed_length=2)
    feed = parse_feed(built.page("journal/atom.xml"))
    assert len(list(feed.iter(f"{ATOM}entry"))) == 2
    for page in html_files(built.outdir):
        head = parse(built.outdir / page).find("head")
        assert head is not None
        feeds = [link for link in head.iter("link") if link.get("rel") == "alternate"]
        assert len(feeds) == 1, page
        assert (
            resolve(built.outdir / page, feeds[0].get("href") or "")
            == (built.outdir / "journal/atom.xml").resolve()
        )


def test_no_base_url_no_feed(copy_root, build) -> None:
    built = build(copy_root("basic"))
    assert not (built.outdir / "journal/atom.xml").exists()
    assert "Atom feeds skipped" in built.app._status.getvalue()


def test_feed_titles_are_literal_text(copy_root, build) -> None:
    built = build(copy_root("xss"), html_baseurl=BASE)
    feed = parse_feed(built.page("journal/atom.xml"))
    [entry] = list(feed.iter(f"{ATOM}entry"))
    assert "<script>alert(" in (entry.findtext(f"{ATOM}title") or "")
    assert b"<script>" not in built.page("journal/atom.xml").read_bytes()


def test_sidebar_lists_journal_pages_and_newest_posts(site) -> None:
    page = parse(site.page("_posts/2021-09-24-day36.html"))
    sidebar = one(page, "journal-sidebar")
    assert "Journal home" in text(sidebar) and "Tags" in text(sidebar)
    assert "New year" in text(sidebar)
    current = by_class(sidebar, "current-page", "li")
    assert [text(li) for li in current] == ["[Boostcamp AI Tech] 36일차 학습정리"]


def test_user_sidebars_are_kept(copy_root, build) -> None:
    built = build(copy_root("basic"), html_sidebars={"**": ["sidebar/search.html"]})
    assert not by_class(parse(built.page("index.html")), "journal-sidebar")


def test_korean_interface(copy_root, build) -> None:
    built = build(copy_root("sections"), language="ko")
    nav = text(one(main(parse(built.page("journal/index.html"))), "journal-nav"))
    for label in ("태그", "강의", "회고", "아카이브", "논문"):
        assert label in nav
    post = main(parse(built.page("_posts/2021-09-24-day36.html")))
    assert text(one(post, "journal-post-date")) == "2021년 9월 24일"
    assert re.fullmatch(r"\d+분 분량", text(one(post, "journal-reading-time")))
    assert "2 / 4 완료" in text(post)


def test_every_interface_string_is_translated() -> None:
    src = Path(__file__).resolve().parents[2] / "src" / "sphinx_journal"
    used = set()
    for path in src.rglob("*.py"):
        used |= set(re.findall(r'\b_\(\s*"([^"]+)"', path.read_text(encoding="utf-8")))
    po = (src / "locale/ko/LC_MESSAGES/sphinx_journal.po").read_text(encoding="utf-8")
    translated = dict(re.findall(r'msgid "(.+)"\nmsgstr "(.+)"', po))
    assert used - set(translated) == set()
    assert (src / "locale/ko/LC_MESSAGES/sphinx_journal.mo").is_file()


@pytest.mark.parametrize("theme", ["alabaster", "basic"])
def test_other_themes_show_every_page(copy_root, build, theme: str) -> None:
    built = build(copy_root("sections"), html_theme=theme)
    assert built.warnings == ""
    for page in (
        "journal/index.html",
        "journal/lectures.html",
        "journal/progress.html",
        "journal/tags/8주차.html",
        "_posts/2021-09-24-day36.html",
    ):
        assert text(main(parse(built.page(page))))


def test_incremental_home_and_feeds_equal_a_clean_build(copy_root, build, tmp_path: Path) -> None:
    srcdir = copy_root("basic")
    outdir = tmp_path / "out"
    build(srcdir, outdir=outdir, html_baseurl=BASE)
    (srcdir / "_posts/2021-09-25-extra.md").write_text(
        "---\ntitle: Extra\n---\n\nMore.\n", encoding="utf-8"
    )
    (srcdir / "_posts/2021-10-01-english-notes.md").unlink()
    incremental, _ = rebuild_and_compare(
        build,
        srcdir,
        outdir,
        tmp_path,
        label="add-delete",
        suffixes=(".html", ".xml"),
        html_baseurl=BASE,
    )
    assert (incremental.outdir / "journal/tags/8주차.xml").is_file()
    assert not (incremental.outdir / "journal/tags/python.xml").exists()


@pytest.mark.parametrize("theme", ["pydata_sphinx_theme", "sphinx_book_theme"])
def test_popular_themes_show_every_page(copy_root, build, theme: str) -> None:
    pytest.importorskip(theme)
    built = build(copy_root("sections"), html_theme=theme)
    assert "journal" not in built.warnings
    for page, shown in (
        ("journal/index.html", "[Boostcamp AI Tech] 37일차"),
        ("journal/lectures.html", "Full Stack ML Engineer"),
        ("_posts/2021-09-24-day36.html", "2 / 4 done"),
    ):
        assert shown in built.page(page).read_text(encoding="utf-8"), page


def test_sitemap_and_opengraph_work_alongside(copy_root, build) -> None:
    pytest.importorskip("sphinx_sitemap")
    pytest.importorskip("sphinxext.opengraph")
    srcdir = copy_root("basic")
    conf = srcdir / "conf.py"
    conf.write_text(
        conf.read_text(encoding="utf-8").replace(
            '["sphinx_journal"]', '["sphinx_journal", "sphinx_sitemap", "sphinxext.opengraph"]'
        )
        + '\nogp_site_url = "https://example.org/journal/"\n',
        encoding="utf-8",
    )
    built = build(srcdir, html_baseurl=BASE)
    assert built.warnings == ""
    sitemap = built.page("sitemap.xml").read_text(encoding="utf-8")
    assert "_posts/2021-09-24-day36.html" in sitemap
    post = built.page("_posts/2021-09-24-day36.html").read_text(encoding="utf-8")
    assert 'property="og:title"' in post and "36일차" in post
