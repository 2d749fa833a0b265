"""Schedules, lectures and retrospectives as users see them (SPEC §3, §4, §5)."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote

import pytest
from sphinx.search import js_index
from sphinx.util.inventory import InventoryFile

from sphinx_journal.jekyll.slugs import slugify
from tests.buildutil import html_files, rebuild_and_compare, warnings_of
from tests.htmlutil import by_class, inventory, links, main, parse, resolve, text

COLUMNS = {"Date": "date", "Lecture": "lecture", "Speaker": "speaker"}
COLUMNS |= {"Affiliation": "affiliation", "Series": "series"}


def lecture_table(page: Path, view: str) -> dict[str, list[list[str]]]:
    """The rows of one view's table (tab ``view``) under each group.

    A group's name is a cell spanning its rows in the first column; each row
    is given back whole, as date, lecture, speaker, affiliation, series (less
    the columns the table leaves out), the grouped column filled in from the
    group's name when the view groups by speaker or affiliation.
    """
    [tab] = [el for el in main(parse(page)).iter("div") if el.get("id") == view]
    [table] = tab.iter("table")
    [head] = table.iter("thead")
    grouped, *shown = [text(cell) for cell in head.iter("th")]
    by = view.removeprefix("by-")
    names = [COLUMNS[title] for title in shown]
    order = [c for c in COLUMNS.values() if c in names or c == by]
    groups: dict[str, list[list[str]]] = {}
    rows: list[list[str]] = []
    group = ""
    for row in table.iter("tr"):
        classes = row.get("class") or ""
        if "journal-lecture-row" not in classes:
            continue
        cells = row.findall("td")
        if "journal-group-start" in classes:
            group = text(cells[0])
            rows = groups.setdefault(group, [])
            cells = cells[1:]
        assert grouped and len(cells) == len(names), text(row)
        values = dict(zip(names, (text(cell) for cell in cells), strict=True))
        if by in order and by not in names:
            values[by] = "" if group == "Not given" else group
        rows.append([values[c] for c in order])
    return groups


def week_chart(page: Path) -> list[tuple[str, str, str, str]]:
    """The progress page's weeks: each chart column's label and value, checked against the table.

    The column is a progress bar whose words (aria-label, aria-valuetext) say what the
    table's row says in numbers, and whose link is the row's link.
    """
    [chart] = by_class(main(parse(page)), "journal-progress-chart")
    columns = []
    for column in by_class(chart, "journal-chart-column"):
        [bar] = [el for el in column.iter() if el.get("role") == "progressbar"]
        [fill] = by_class(bar, "journal-progress-fill")
        done, total = int(bar.get("aria-valuenow") or -1), int(bar.get("aria-valuemax") or -1)
        share = round(100 * done / total) if total else 0
        assert f"height: {share}%" in (fill.get("style") or "")
        hrefs = [a.get("href") or "" for a in column.iter("a")]
        columns.append(
            (bar.get("aria-label") or "", bar.get("aria-valuetext") or "", str(share), hrefs)
        )
    [table] = by_class(chart, "journal-progress-weeks", "table")
    rows = [
        [text(cell) for cell in row if cell.tag in ("th", "td")]
        for row in table.find("tbody") or []
    ]
    assert [[label, share + "%"] for label, _, share, _ in columns] == [
        [row[0], row[3]] for row in rows
    ]
    table_links = [[a.get("href") for a in row.iter("a")] for row in table.find("tbody") or []]
    assert [hrefs for *_, hrefs in columns] == table_links
    return [
        (label, value, share, text(column))
        for (label, value, share, _), column in zip(
            columns, by_class(chart, "journal-chart-column"), strict=True
        )
    ]


def lecture_group(page: Path, view: str, name: str) -> list[str]:
    """The lecture titles listed under the group ``name`` of a view."""
    groups = lecture_table(page, view)
    assert name in groups, f"no group {name!r} in {view}: {list(groups)}"
    return [row[1] for row in groups[name]]


def every_lecture_once_per_view(page: Path, views: tuple[str, ...]) -> list[list[str]]:
    """The rows of the first view, after checking every view lists the same lectures once."""
    first: list[list[str]] = []
    for view in views:
        rows = [row for group in lecture_table(page, view).values() for row in group]
        assert len(rows) == len({tuple(r) for r in rows}), view
        if not first:
            first = rows
        assert sorted(rows) == sorted(first), view
    return first


@pytest.fixture
def site(copy_root, build):
    return build(copy_root("sections"))


def test_example_progress_lectures_and_retrospective(example_project, build) -> None:
    built = build(example_project)
    assert built.warnings == ""
    post = built.page("_posts/2021-09-24-boostcamp-day36.html")
    [bar] = [text(b) for b in by_class(main(parse(post)), "journal-progress-label")]
    assert bar == "6 / 6 done"
    lectures = built.page("journal/lectures.html")
    rows = every_lecture_once_per_view(lectures, ("by-speaker", "by-affiliation", "by-week"))
    # date, lecture, speaker, affiliation, series
    assert sorted(row[1:] for row in rows) == [
        ["AI Ethics", "오혜연", "KAIST", ""],
        ["AI 시대의 커리어 빌딩", "박은정", "Upstage", ""],
        ["Full Stack ML Engineer", "이준엽", "Upstage", ""],
        ["오피스 아워", "", "", "Office hour"],
        ["자연어 처리를 위한 언어 모델의 학습과 평가", "박성준", "Upstage", ""],
    ]
    lecture_links = [(t, h) for t, h in links(main(parse(lectures))) if "boostcamp-day36" in h]
    assert {t for t, _ in lecture_links} == {
        "Full Stack ML Engineer",
        "AI Ethics",
        "AI 시대의 커리어 빌딩",
        "자연어 처리를 위한 언어 모델의 학습과 평가",
        "오피스 아워",  # an office-hour section is a lecture of its own series
    }
    assert lecture_group(lectures, "by-series", "Office hour") == ["오피스 아워"]
    for title, href in lecture_links:
        target = resolve(lectures, href)
        anchor = unquote(href.split("#")[1])
        # survives edits, unlike docutils' idN; a title that only names a kind gets the day
        day = "-2021-09-24" if title == "오피스 아워" else ""
        assert anchor == f"lecture-{slugify(title)}{day}"
        assert f'id="{anchor}"' in target.read_text(encoding="utf-8")
    assert lecture_group(lectures, "by-affiliation", "Upstage") == [  # the post's order
        "Full Stack ML Engineer",
        "AI 시대의 커리어 빌딩",
        "자연어 처리를 위한 언어 모델의 학습과 평가",
    ]
    progress = main(parse(built.page("journal/progress.html")))
    [(_, value, _, _)] = week_chart(built.page("journal/progress.html"))
    assert value == "6 / 6 done"
    [row] = by_class(progress, "journal-progress-days")[0].findall("li")
    assert text(by_class(row, "journal-progress-label")[0]) == "6 / 6 done"
    assert "Every item is done." in text(progress)
    retros_page = built.page("journal/retrospectives.html")
    [entry] = by_class(main(parse(retros_page)), "journal-retrospective-entry")
    assert "추석 때 너무 푹 쉬었다" in text(entry)
    [(title, href)] = list(links(entry))
    assert title == "[Boostcamp AI Tech] 36일차 학습정리"
    assert resolve(retros_page, href) == post
    assert f'id="{href.split("#")[1]}"' in post.read_text(encoding="utf-8")


def test_directives_and_recognised_sections_give_the_same_records(site) -> None:
    assert site.warnings == ""
    page = site.page("journal/lectures.html")
    rows = every_lecture_once_per_view(page, ("by-speaker", "by-affiliation", "by-week"))
    assert sorted(row[1:] for row in rows) == [
        ["AI Ethics", "오혜연", "KAIST", ""],
        ["Full Stack ML Engineer", "이준엽", "Upstage", ""],
        ["어텐션의 직관", "주재걸", "KAIST", "NLP"],
    ]
    assert lecture_group(page, "by-series", "NLP") == ["어텐션의 직관"]
    tabs = [text(label) for label in by_class(main(parse(page)), "sd-tab-label")]
    assert "By series" in tabs and "By tag" in tabs
    retros = main(parse(site.page("journal/retrospectives.html")))
    entries = [text(e) for e in by_class(retros, "journal-retrospective-entry")]
    assert len(entries) == 2
    assert "과제를 끝냈다" in entries[0] and "★★★★☆" in entries[0] and "😀" in entries[0]
    assert "과제를 끝내지 못했다" in entries[1]  # newest first


def test_progress_counts_nested_items_and_open_items(site) -> None:
    day36 = main(parse(site.page("_posts/2021-09-24-day36.html")))
    assert [text(b) for b in by_class(day36, "journal-progress-label")] == ["2 / 4 done"]
    checkboxes = [i for i in day36.iter("input") if i.get("type") == "checkbox"]
    assert len(checkboxes) == 4 and all(i.get("disabled") for i in checkboxes)
    assert sum(1 for i in checkboxes if i.get("checked")) == 2
    progress = main(parse(site.page("journal/progress.html")))
    days = [text(li) for li in by_class(progress, "journal-progress-days")[0].findall("li")]
    # one row a day: day 39's recognised section and its directive add up; day 41 has none
    assert days == [
        "September 24, 2021 [Boostcamp AI Tech] 36일차 학습정리 2 / 4 done",
        "September 27, 2021 [Boostcamp AI Tech] 37일차 학습정리 1 / 2 done",
        "September 29, 2021 [Boostcamp AI Tech] 39일차 학습정리 2 / 3 done",
    ]
    # one column a week, its height the week's items against the busiest week's
    weeks = week_chart(site.page("journal/progress.html"))
    assert weeks == [
        ("Week 38, 2021", "2 / 4 done", "50", "2/4 Sep 20"),
        ("Week 39, 2021", "3 / 5 done", "60", "3/5 Sep 27"),
    ]
    bars = list(by_class(progress, "journal-chart-bar"))
    assert [b.get("style") for b in bars] == ["height: 80%", "height: 100%"]


def test_open_items_count_days_until_the_newest_post(site) -> None:
    page = site.page("journal/progress.html")
    open_list = by_class(main(parse(page)), "journal-open-items")[0]
    items = {text(li): list(links(li)) for li in open_list.findall("li")}
    # "시각화 과제" was done on day 37: closed. "논문 읽기", carried from day 37 to day 39,
    # is one item open since day 37. Days count to day 41, the newest post, which has
    # no schedule: never to the day of the build.
    assert list(items) == [
        "오혜연 (KAIST) - AI Ethics — [Boostcamp AI Tech] 36일차 학습정리 (open for 7 days)",
        "논문 읽기 — [Boostcamp AI Tech] 37일차 학습정리 (open for 4 days)",
    ]
    [(_, href)] = items["논문 읽기 — [Boostcamp AI Tech] 37일차 학습정리 (open for 4 days)"]
    post = site.page("_posts/2021-09-27-day37.html")
    assert resolve(page, href) == post
    assert f'id="{href.split("#")[1]}"' in post.read_text(encoding="utf-8")


def test_roles_and_inventory(site) -> None:
    index = site.page("index.html")
    refs = dict(links(main(parse(index))))
    assert resolve(index, refs["어텐션의 직관"]) == site.page("_posts/2021-09-27-day37.html")
    assert resolve(index, refs["the talk"]) == site.page("_posts/2021-09-24-day36.html")
    assert "[Boostcamp AI Tech] 37일차 학습정리" in refs
    lectures = inventory(site.outdir / "objects.inv", "journal:lecture")
    assert {"full-stack-ml-engineer", "ai-ethics", "어텐션의-직관"} <= lectures
    # intersphinx links land on lecture-<label>, which no edit elsewhere in the post moves
    loaded = InventoryFile.loads((site.outdir / "objects.inv").read_bytes(), uri="")
    data = loaded.data if hasattr(loaded, "data") else loaded
    for name, item in data["journal:lecture"].items():
        uri = item.uri if hasattr(item, "uri") else item[2]
        page, anchor = uri.split("#")
        assert anchor == f"lecture-{name}"
        assert f'id="{anchor}"' in (site.outdir / page).read_text(encoding="utf-8")
    assert refs["어텐션의 직관"].endswith("#lecture-어텐션의-직관")
    # search: a directive's lecture (a rubric, no section) is an object of its own there;
    # a heading's lecture is found by its heading's title
    search = js_index.loads((site.outdir / "searchindex.js").read_text(encoding="utf-8"))
    searched = {entry[4] for entries in search["objects"].values() for entry in entries}
    assert "어텐션의 직관" in searched
    assert "Full Stack ML Engineer" not in searched
    assert "Full Stack ML Engineer" in search["alltitles"]


def test_listing_directives_match_the_generated_pages(site) -> None:
    index = main(parse(site.page("index.html")))
    listing = text(by_class(index, "journal-lectures", "div")[0])
    assert "주재걸" in listing and "이준엽" in listing
    assert "과제를 끝냈다" in text(by_class(index, "journal-retrospectives", "div")[0])
    assert "Open items" in text(by_class(index, "journal-progress", "div")[0])


def test_text_and_latex_show_boxes(copy_root, build) -> None:
    built = build(copy_root("sections"), "text")
    post = (built.outdir / "_posts/2021-09-24-day36.txt").read_text(encoding="utf-8")
    assert "☑ 이준엽 (Upstage) - Full Stack ML Engineer" in post
    assert "☐ 시각화 과제" in post
    assert "2 / 4 done" in post
    latex = build(copy_root("sections", "latex-src"), "latex")
    tex = next(latex.outdir.glob("*.tex")).read_text(encoding="utf-8")
    assert "☑" in tex and "☐" in tex and "\\usepackage{sphinxjournal}" in tex
    assert (latex.outdir / "sphinxjournal.sty").is_file()


def test_course_weeks(copy_root, build) -> None:
    built = build(
        copy_root("sections"), journal_course_start="2021-07-26", journal_week_label="{n}주차"
    )
    progress = text(main(parse(built.page("journal/progress.html"))))
    assert "9주차" in progress and "10주차" in progress


def test_bad_input_is_located_and_kept(copy_root, build) -> None:
    built = build(copy_root("sections-bad"))
    found = sorted(
        (Path(path).name, int(line), kind)
        for path, line, kind in re.findall(
            r"([^\s:]+\.md):(\d+): WARNING: .*?\[(journal\.\w+)\]", built.warnings
        )
    )
    assert found == [
        ("2021-10-01-bad.md", 7, "journal.schedule"),  # a schedule section, no task list
        ("2021-10-01-bad.md", 13, "journal.schedule"),  # a {schedule}, no task list
        ("2021-10-01-bad.md", 17, "journal.lecture"),  # no title
        ("2021-10-01-bad.md", 21, "journal.retrospective"),  # rating 7
        ("2021-10-01-bad.md", 31, "journal.schedule"),  # not a date
        ("2021-10-02-dup.md", 5, "journal.lecture"),  # label of another post
        ("2021-10-02-dup.md", 10, "journal.lecture"),  # label used twice in the same post
        ("2021-10-02-dup.md", 21, "journal.lecture"),  # two lectures with one heading
        ("index.md", 3, "journal.xref"),
        ("index.md", 5, "journal.listing"),
    ]
    assert "WARNING" not in re.sub(r".*\[journal\.\w+\]\n?", "", built.warnings)
    dup = re.findall(
        r"dup\.md:(\d+): WARNING: lecture label '(.*?)' is used twice; first at (\S+)",
        built.warnings,
    )
    assert sorted(dup) == [
        ("10", "shared", "_posts/2021-10-01-bad.md:26"),
        ("21", "같은-제목", "_posts/2021-10-02-dup.md:17"),
        ("5", "shared", "_posts/2021-10-01-bad.md:26"),
    ]
    assert "2021-10-01-bad.md:26" in built.warnings  # the duplicate names the first place
    page = text(main(parse(built.page("_posts/2021-10-01-bad.html"))))
    for kept in ("Just text.", "Untitled notes.", "Too good.", "no checkboxes here"):
        assert kept in page
    dup_page = text(main(parse(built.page("_posts/2021-10-02-dup.html"))))
    assert "Second." in dup_page and "Third." in dup_page
    lectures = main(parse(built.page("journal/lectures.html")))
    [table] = by_class(lectures, "journal-lectures-by-speaker", "table")
    titles = [text(a) for a in table.iter("a")]
    assert sorted(titles) == sorted(
        ["Untitled lecture", "Shared", "Shared again", "Shared thrice", "같은 제목", "같은 제목"]
    )
    hrefs = [a.get("href") for a in table.iter("a")]
    assert len(set(hrefs)) == len(hrefs)  # every lecture, even a duplicate, has its own anchor


def roll_ups(outdir: Path) -> dict[str, bytes]:
    return {
        name: data
        for name, data in html_files(outdir).items()
        if name.startswith("journal/") or name == "index.html"
    }


def test_parallel_equals_serial(copy_root, build) -> None:
    serial = build(copy_root("sections", "serial"))
    parallel = build(copy_root("sections", "parallel"), parallel=2)
    assert serial.warnings == parallel.warnings == ""
    assert set(roll_ups(serial.outdir)) >= {
        "journal/lectures.html",
        "journal/retrospectives.html",
        "journal/progress.html",
    }
    assert html_files(serial.outdir) == html_files(parallel.outdir)


def test_parallel_reports_each_problem_once(copy_root, build) -> None:
    """Records merged from workers: the duplicate labels are found, each reported once."""

    def journal_warnings(warnings: str) -> list[tuple[str, int | None, str, str | None]]:
        return sorted(
            (w.path.rsplit("/", 1)[-1], w.line, w.message, w.type)
            for w in warnings_of(warnings)
            if (w.type or "").startswith("journal.")
        )

    serial = build(copy_root("sections-bad", "serial"))
    parallel = build(copy_root("sections-bad", "parallel"), parallel=2)
    assert journal_warnings(parallel.warnings) == journal_warnings(serial.warnings)
    assert len(journal_warnings(serial.warnings)) == 10
    assert html_files(serial.outdir) == html_files(parallel.outdir)


DAY38 = """---
title: Day 38
---

# Day 38

## 오늘 일정 정리

- [x] 논문 읽기

## 강의 내용 정리

### Transformers

Notes.

## 회고

Good day.
"""


def _replace(path: Path, old: str, new: str) -> None:
    source = path.read_text(encoding="utf-8")
    assert old in source
    path.write_text(source.replace(old, new), encoding="utf-8")


def test_incremental_roll_ups_equal_a_clean_build(copy_root, build, tmp_path: Path) -> None:
    srcdir = copy_root("sections", "incremental")
    outdir = tmp_path / "incremental-out"
    build(srcdir, outdir=outdir)
    posts = srcdir / "_posts"

    def edit() -> None:
        day36 = posts / "2021-09-24-day36.md"
        _replace(day36, "- [ ] 시각화 과제", "- [x] 시각화 과제")
        _replace(day36, "### AI Ethics", "### AI Ethics and Society")

    # each step, and what a reader must then see (so a stale page cannot pass as equal)
    steps = {
        "add": (
            lambda: (posts / "2021-09-28-day38.md").write_text(DAY38, encoding="utf-8"),
            {"journal/lectures.html": "Transformers", "journal/retrospectives.html": "Good day."},
        ),
        "edit": (
            edit,
            {"journal/lectures.html": "AI Ethics and Society", "index.html": "3 / 4 done"},
        ),
        "redate a post without a schedule": (
            lambda: _replace(
                posts / "2021-10-01-day41.md", "---\n\n#", "date: 2021-10-05\n---\n\n#"
            ),
            {"journal/progress.html": "(open for 11 days)"},
        ),
        "delete": (
            (posts / "2021-09-27-day37.md").unlink,
            {"journal/retrospectives.html": "Good day.", "index.html": "Sections"},
        ),
    }
    for step, (change, shown) in steps.items():
        change()
        incremental, _ = rebuild_and_compare(
            build,
            srcdir,
            outdir,
            tmp_path,
            label=step.replace(" ", "-"),
            keep=lambda name: name.startswith("journal/") or name == "index.html",
            same_warnings=False,
        )
        # redating warns that the file name disagrees; the index's links to the deleted
        # post's lecture and date are now unknown: nothing else may warn
        expected = (
            "disagrees with the file name",
            "unknown lecture '어텐션의-직관'",
            "unknown post",
        )
        unexpected = [
            line
            for line in incremental.warnings.splitlines()
            if "WARNING" in line and not any(words in line for words in expected)
        ]
        assert unexpected == [], step
        if step == "delete":
            assert "unknown lecture '어텐션의-직관'" in incremental.warnings
        for name, words in shown.items():
            assert words in text(main(parse(incremental.outdir / name))), (step, name)
    gone = text(main(parse(incremental.outdir / "journal/lectures.html")))
    assert "어텐션의 직관" not in gone  # the deleted post's lecture left the index
    assert "과제를 끝냈다" not in text(main(parse(incremental.page("journal/retrospectives.html"))))
