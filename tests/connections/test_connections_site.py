"""Connections between posts as readers see them (SPEC §11).

The test root links in every form (``{post}`` by docname and by date, a
relative ``.md`` link, ``{% post_url %}``, a Jekyll URL by the default rule,
by ``permalink``, through ``{{ site.url }}`` and as a full address), has a
series whose ``series_order`` disagrees with its dates, and spans three
ISO weeks (W38, W39 and W41) with lectures, papers, open items and
retrospectives.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from sphinx.testing.util import SphinxTestApp

from tests.buildutil import html_files
from tests.htmlutil import by_class, links, main, parse, resolve, text

#: Every test reads a build of the root (the module's ``site``) or builds one.
pytestmark = pytest.mark.sphinx

ATOM = "{http://www.w3.org/2005/Atom}"
POSTS = "_posts/2021-"
ATTENTION, BERT, GPT = "09-20-attention", "09-22-bert", "09-28-gpt"
VISION, REVIEW, MISC, RECAP = "09-30-vision", "10-12-review", "10-14-misc", "10-15-recap"


def page_of(outdir: Path, stem: str) -> Path:
    return outdir / f"{POSTS}{stem}.html"


def block(page: Path, ids: str) -> list[tuple[str, str]]:
    """(post stem, text of its entry) of each post listed in a connection block, in order."""
    found = [el for el in main(parse(page)).iter("section") if el.get("id") == ids]
    if not found:
        return []
    [section] = found
    result = []
    for item in by_class(section, "journal-post-item", "li"):
        anchors = list(item.iter("a"))
        href = anchors[0].get("href") if anchors else ""
        stem = resolve(page, href).stem.removeprefix("2021-") if anchors else "(here)"
        result.append((stem, text(item)))
    return result


def stems(page: Path, ids: str) -> list[str]:
    return [stem for stem, _ in block(page, ids)]


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """One build of the root, shared by the tests that only read it."""
    srcdir = tmp_path_factory.mktemp("connections") / "src"
    shutil.copytree(Path(__file__).parents[1] / "roots" / "test-connections", srcdir)
    app = SphinxTestApp("html", srcdir=srcdir, builddir=srcdir.parent / "_build", freshenv=True)
    try:
        app.build()
    finally:
        app.cleanup()
    return Path(app.outdir)


def test_linked_from_every_form_with_dates(site: Path) -> None:
    attention = page_of(site, ATTENTION)
    # {post} by docname (BERT), post_url (GPT), the default Jekyll URL site-absolute (Vision)
    # and as a full address under html_baseurl (Review); each once, oldest first, dated
    assert block(attention, "journal-linked-from") == [
        ("09-22-bert", "September 22, 2021 BERT day"),
        ("09-28-gpt", "September 28, 2021 GPT day"),
        ("09-30-vision", "September 30, 2021 Vision day"),
        ("10-12-review", "October 12, 2021 Review day"),
    ]
    # a relative .md link (GPT) and the permalink through {{ site.url }} (Vision)
    assert stems(page_of(site, BERT), "journal-linked-from") == [GPT, VISION]
    # {post} by date
    assert stems(page_of(site, GPT), "journal-linked-from") == [REVIEW]
    for stem in (VISION, REVIEW, MISC, RECAP):  # nobody links to these: no empty block
        assert stems(page_of(site, stem), "journal-linked-from") == []
        assert 'id="journal-linked-from"' not in page_of(site, stem).read_text(encoding="utf-8")


def test_series_in_series_order_not_date_order(site: Path) -> None:
    attention = page_of(site, ATTENTION)
    # BERT has series_order 1 though it is dated after Attention (2); GPT has none: last
    assert stems(attention, "journal-series") == [BERT, "(here)", GPT]
    [section] = [
        el for el in main(parse(attention)).iter("section") if el.get("id") == "journal-series"
    ]
    assert "Series: Transformers" in text(section)
    assert "Part 2 of 3" in text(section)
    [current] = by_class(section, "journal-series-current", "li")
    assert text(current) == "September 20, 2021 Attention day"
    nav = {
        text(p): resolve(attention, p.find(".//a").get("href")).stem  # type: ignore[union-attr]
        for p in by_class(section, "journal-prev") + by_class(section, "journal-next")
    }
    assert nav == {
        "Previous in series BERT day": "2021-09-22-bert",
        "Next in series GPT day": "2021-09-28-gpt",
    }
    first = page_of(site, BERT)
    assert "Previous in series" not in text(main(parse(first)))
    assert stems(page_of(site, GPT), "journal-series") == [BERT, ATTENTION, "(here)"]
    assert stems(page_of(site, VISION), "journal-series") == []
    index = site / "journal/series/index.html"
    assert text(main(parse(index))).endswith("Transformers (3 posts)")
    [href] = [h for t, h in links(main(parse(index))) if t == "Transformers"]
    series_page = resolve(index, href)
    assert series_page == site / "journal/series/transformers.html"
    listed = [resolve(series_page, h).stem for _, h in links(main(parse(series_page)))]
    assert [s for s in listed if s.startswith("2021-")] == [
        "2021-09-22-bert",
        "2021-09-20-attention",
        "2021-09-28-gpt",
    ]


def test_related_strongest_first_and_never_the_neighbours(site: Path) -> None:
    recap = page_of(site, RECAP)
    # BERT shares the tag nlp and both papers, Attention the tag and one paper; Misc
    # shares the tag misc but is Recap's previous post, already shown
    assert block(recap, "journal-related") == [
        (BERT, "September 22, 2021 BERT day — Attention Is All You Need · BERT · #nlp"),
        (ATTENTION, "September 20, 2021 Attention day — Attention Is All You Need · #nlp"),
    ]
    # Vision's only sharer (Review: cv and ViT) is its next post; Attention's nlp sharers are
    # its series neighbours and next post: what is left is Review (pytorch) and Recap
    assert block(page_of(site, VISION), "journal-related") == []
    assert stems(page_of(site, ATTENTION), "journal-related") == [RECAP, REVIEW]


def test_related_count(tmp_path: Path, build) -> None:
    srcdir = tmp_path / "src"
    shutil.copytree(Path(__file__).parents[1] / "roots" / "test-connections", srcdir)
    built = build(srcdir, journal_related_count=1)
    assert stems(page_of(built.outdir, RECAP), "journal-related") == [BERT]
    none = build(srcdir, outdir=tmp_path / "none", journal_related_count=0)
    assert "journal-related" not in page_of(none.outdir, RECAP).read_text(encoding="utf-8")


def digest_sections(page: Path) -> dict[str, str]:
    body = main(parse(page))
    return {
        el.get("id", "").removeprefix("week-"): text(el)
        for el in body.iter("section")
        if el.get("id", "").startswith("week-")
    }


def test_weekly_digests(site: Path) -> None:
    weeks = sorted(p.name for p in (site / "journal/weeks").iterdir())
    assert weeks == ["2021-W38.html", "2021-W39.html", "2021-W41.html"]  # W40 had no post
    w38 = digest_sections(site / "journal/weeks/2021-W38.html")
    assert w38["posts"] == "Posts September 20, 2021 Attention day September 22, 2021 BERT day"
    assert w38["lectures"] == (
        "Lectures Attention basics — 주재걸 (KAIST), NLP BERT pre-training — Ada Park (NAVER), NLP"
    )
    assert w38["papers"] == (
        "Papers first cited this week Attention Is All You Need (arxiv:1706.03762) "
        "BERT (arxiv:1810.04805)"
    )
    assert w38["completion"] == "Completion 1 / 2 done"
    assert w38["open-items"] == "Open at the week's end 과제 1 — Attention day (open for 6 days)"
    assert w38["retrospectives"] == (
        "Retrospectives September 20, 2021 Attention day Attention finally clicked. "
        "September 22, 2021 BERT day Masked language models are neat."
    )
    w39 = digest_sections(site / "journal/weeks/2021-W39.html")
    assert w39["papers"] == "Papers first cited this week ViT (arxiv:2010.11929)"
    # 과제 1 was checked on GPT day: only 과제 2 is open at the end of the week
    assert w39["open-items"] == "Open at the week's end 과제 2 — GPT day (open for 5 days)"
    assert w39["retrospectives"] == "Retrospectives No retrospectives this week."
    w41 = digest_sections(site / "journal/weeks/2021-W41.html")
    assert w41["posts"].count("day") == 3
    assert w41["papers"] == "Papers first cited this week No new papers this week."  # cited before
    assert w41["lectures"] == "Lectures No lectures this week."
    assert w41["open-items"] == "Open at the week's end 과제 2 — GPT day (open for 19 days)"
    # previous / next week, skipping the week without posts
    page = site / "journal/weeks/2021-W39.html"
    [week_nav] = by_class(main(parse(page)), "journal-week-nav")
    nav = {
        text(para): resolve(page, para.find(".//a").get("href", "")).name  # type: ignore[union-attr]
        for para in week_nav.iter("p")
    }
    # labelled in words; the addresses keep the ISO week
    assert nav == {
        "Previous week Week 38, 2021": "2021-W38.html",
        "Next week Week 41, 2021": "2021-W41.html",
    }


def test_digests_linked_from_archive_and_progress(site: Path) -> None:
    for name in ("archive", "progress"):
        page = site / f"journal/{name}.html"
        targets = {
            resolve(page, href).name for _, href in links(main(parse(page))) if "weeks/" in href
        }
        assert targets >= {"2021-W38.html", "2021-W39.html"}, name
        for target in targets:
            assert (site / "journal/weeks" / target).is_file()


def test_digest_feed_is_atom_one_entry_per_week(site: Path) -> None:
    root = ET.parse(site / "journal/weeks.xml").getroot()
    assert root.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated"):
        assert root.find(f"{ATOM}{required}") is not None
    entries = root.findall(f"{ATOM}entry")
    ids = [entry.findtext(f"{ATOM}id") for entry in entries]
    assert ids == [
        f"https://example.org/journal/weeks/2021-W{n}.html" for n in (41, 39, 38)
    ]  # newest first, one per week
    for entry in entries:
        assert re.fullmatch(r"Weekly digest: Week \d+, 2021", entry.findtext(f"{ATOM}title", ""))
        assert entry.findtext(f"{ATOM}updated", "").startswith("2021-")
        link = entry.find(f"{ATOM}link")
        assert link is not None and link.get("href") == entry.findtext(f"{ATOM}id")
    w38 = entries[2].findtext(f"{ATOM}summary", "")
    assert w38.startswith("2 posts · 2 lectures · 2 new papers · 1 / 2 done")
    # one of a kind is singular: the catalogue's plural forms, never "(s)"
    w39 = entries[1].findtext(f"{ATOM}summary", "")
    assert w39.startswith("2 posts · 1 lecture · 1 new paper · 1 / 2 done")


def test_listing_directives(site: Path) -> None:
    index = site / "index.html"
    body = main(parse(index))
    series = [resolve(index, h).stem for t, h in links(body) if h.startswith("_posts/")]
    assert series[:3] == ["2021-09-22-bert", "2021-09-20-attention", "2021-09-28-gpt"]
    inline = text(body)
    assert "Weekly digest: Week 39, 2021" in inline and "2021-W" not in inline
    assert "Papers first cited this week ViT (arxiv:2010.11929)" in inline


def test_korean(tmp_path: Path, build) -> None:
    srcdir = tmp_path / "src"
    shutil.copytree(Path(__file__).parents[1] / "roots" / "test-connections", srcdir)
    built = build(srcdir, language="ko")
    attention = text(main(parse(page_of(built.outdir, ATTENTION))))
    for label in ("이 글을 링크한 글", "관련 글", "시리즈: Transformers", "전체 3편 중 2편"):
        assert label in attention
    digest = text(main(parse(built.outdir / "journal/weeks/2021-W39.html")))
    for label in (
        "주간 정리: 2021년 39주",
        "이전 주 2021년 38주",
        "이번 주 처음 인용한 논문",
        "주말까지 남은 항목",
        "다음 주",
    ):
        assert label in digest
    summaries = [
        entry.findtext(f"{ATOM}summary", "")
        for entry in ET.parse(built.outdir / "journal/weeks.xml").getroot().iter(f"{ATOM}entry")
    ]
    assert summaries[1].startswith("글 2개 · 강의 1개 · 새 논문 1편 · 1 / 2 완료")


def test_parallel_equals_serial(tmp_path: Path, build) -> None:
    root = Path(__file__).parents[1] / "roots" / "test-connections"
    shutil.copytree(root, tmp_path / "serial")
    shutil.copytree(root, tmp_path / "parallel")
    serial = build(tmp_path / "serial")
    parallel = build(tmp_path / "parallel", parallel=2)
    assert parallel.warnings.replace("/parallel/", "/serial/") == serial.warnings
    assert html_files(parallel.outdir) == html_files(serial.outdir)
    assert (parallel.outdir / "journal/weeks.xml").read_bytes() == (
        serial.outdir / "journal/weeks.xml"
    ).read_bytes()


def test_shared_example(example_project: Path, build) -> None:
    """The real post, linked by its Jekyll URL from a post of ours, and its week's digest."""
    (example_project / "_posts/2021-09-27-next.md").write_text(
        "---\ntitle: Next day\ntags: [8주차]\n---\n\n"
        "Yesterday's notes: [day 36](/boostcamp-ai-tech/2021/09/24/boostcamp-day36.html)\n",
        encoding="utf-8",
    )
    built = build(example_project)
    post = built.page("_posts/2021-09-24-boostcamp-day36.html")
    assert block(post, "journal-linked-from") == [("09-27-next", "September 27, 2021 Next day")]
    assert block(post, "journal-related") == []  # its only sharer is its next post
    digest = digest_sections(built.page("journal/weeks/2021-W38.html"))
    assert digest["posts"] == "Posts September 24, 2021 [Boostcamp AI Tech] 36일차 학습정리"
    for lecture in ("Full Stack ML Engineer", "AI Ethics", "AI 시대의 커리어 빌딩"):
        assert lecture in digest["lectures"]
    assert digest["completion"] == "Completion 6 / 6 done"
    assert digest["open-items"] == "Open at the week's end Every item is done."
    assert digest["retrospectives"].startswith("Retrospectives September 24, 2021")


@pytest.mark.sphinx
def test_a_digest_lists_the_items_opened_last_and_counts_the_others(
    build, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Items left open stay open in every later week: a digest lists the newest, counts the rest."""
    monkeypatch.setattr("sphinx_journal.connections.digests.OPEN_ITEMS_SHOWN", 2)
    srcdir = tmp_path / "src"
    shutil.copytree(Path(__file__).parents[1] / "roots" / "test-connections", srcdir)
    (srcdir / "_posts" / "2021-10-13-tasks.md").write_text(
        "---\ntitle: Tasks day\n---\n\n# Tasks\n\n## 오늘 일정\n\n- [ ] 과제 3\n- [ ] 과제 4\n",
        encoding="utf-8",
    )
    built = build(srcdir)
    page = built.page("journal/weeks/2021-W41.html")
    assert digest_sections(page)["open-items"] == (
        "Open at the week's end 과제 3 — Tasks day (open for 4 days) "
        "과제 4 — Tasks day (open for 4 days) "
        "1 item opened earlier is still open too: see the progress page"
    )
    [more] = by_class(main(parse(page)), "journal-open-older")
    target = more.find(".//a").get("href", "")  # type: ignore[union-attr]
    assert target.endswith("#open-items")
    assert resolve(page, target).name == "progress.html"
    progress = text(main(parse(built.page("journal/progress.html"))))
    assert all(item in progress for item in ("과제 2", "과제 3", "과제 4"))


def indexed(site: Path, term: str) -> set[str]:
    """The documents whose body (terms) or headings (titleterms) hold ``term``."""
    text = (site / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(text[text.index("(") + 1 : text.rindex(")")])
    found: set[str] = set()
    for table in ("terms", "titleterms"):
        value = index[table].get(term, [])
        found |= {index["docnames"][i] for i in ([value] if isinstance(value, int) else value)}
    return found


@pytest.mark.sphinx
def test_connection_blocks_are_shown_not_indexed(site: Path) -> None:
    """A post is found for what it says: not for the titles of the posts related to it."""
    recap = page_of(site, RECAP)
    assert ATTENTION in stems(recap, "journal-related")
    assert "Attention day" in recap.read_text(encoding="utf-8")
    assert f"{POSTS}{ATTENTION}" in indexed(site, "attent")  # (stemmed)
    assert f"{POSTS}{RECAP}" not in indexed(site, "attent")
    # the papers a post cites are listed under it with the titles the journal found
    assert "Attention Is All You Need" in recap.read_text(encoding="utf-8")
    assert f"{POSTS}{RECAP}" not in indexed(site, "need")
