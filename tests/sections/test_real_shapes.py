"""Sections written as real journals write them: numbered, unnamed, in HTML headings (SPEC §3)."""

from __future__ import annotations

from pathlib import Path

from tests.buildutil import html_files, rebuild_and_compare
from tests.htmlutil import by_class, links, main, parse, text


def _page(built, name: str) -> str:
    return text(main(parse(built.page(name))))


def test_peer_sessions_page_lists_every_note_newest_first(copy_root, build) -> None:
    built = build(copy_root("sections-real"))
    assert built.warnings == ""  # an agenda under "### 일정" is no schedule and owes nothing
    page = built.page("journal/peer-sessions.html")
    heads = [text(e) for e in by_class(main(parse(page)), "journal-peer-session-head")]
    assert [h.split(" ", 3)[-1] for h in heads] == ["Day 4", "Day_24 [스페셜피어세션]", "Day 13"]
    body = _page(built, "journal/peer-sessions.html")
    assert "코드 리뷰 했음" in body and "모델 비교" in body and "17조" in body
    hrefs = dict(links(main(parse(page))))
    assert hrefs["Day 13"].startswith("../_posts/2021-08-19-day13.html#")
    # the listing directive shows exactly what the page shows
    home = text(main(parse(built.page("index.html"))))
    assert "코드 리뷰 했음" in home and "17조" in home


def test_lectures_from_numbered_speaker_bearing_and_html_headings(copy_root, build) -> None:
    built = build(copy_root("sections-real"))
    body = _page(built, "journal/lectures.html")
    for title in ("모델 불러오기", "기본 차트의 사용", "PyTorch 소개", "AutoGrad & Optimizer"):
        assert title in body
    assert "주간 학습 정리" not in body  # a list of links holds no lecture's notes
    assert "임성빈" in body  # 마스터 클래스 (임성빈 마스터님)
    assert "최성철" in body  # from the schedule item "… 최성철 마스터님 - …"
    assert "Office hour" in body and "김태희" in body
    assert "시각화 2" in body and "Lecture 6" in body  # numbers kept within their series


def test_a_post_that_is_one_lecture(copy_root, build) -> None:
    """``Day_14 01. 파이썬 기초``, ``[3강] 최적화 기초``, a post tagged 멘토링: one lecture each."""
    built = build(copy_root("sections-real"))
    page = built.page("journal/lectures.html")
    body = text(main(parse(page)))
    assert "파이썬 기초" in body and "최적화 기초" in body and "박지민" in body
    # the lecture's own "2. 강의 목표" headings are parts of it, not lectures, and so
    # are those of a talk whose title and tag say 특강 ("… VS 수업 관점의 개발")
    assert "강의 목표" not in body and "이번 강의에서 배울 것" not in body
    assert "서비스 개발하기 특강" in body and "연구 관점" not in body
    assert "파이썬 1" not in body  # the day's overview of two lectures is neither
    [speaker_view] = by_class(main(parse(page)), "sd-tab-content")[:1]
    rows = [text(row) for row in speaker_view.iter("tr")]
    assert any("박지민" in row and "멘토" in row for row in rows)
    hrefs = dict(links(main(parse(page))))
    assert hrefs["파이썬 기초"].startswith("../_posts/week3/2021-08-20-01.%20python%20basics.html")
    assert "Python" in body  # the post's tags are the lecture's: the by-tag view has it
    assert "Lecture 3" in body
    office = by_class(main(parse(page)), "sd-tab-content")
    assert any("Office hour" in text(view) and "박지민" in text(view) for view in office)


def test_every_task_counts_labelled_by_its_section(copy_root, build) -> None:
    built = build(copy_root("sections-real"))
    post = main(parse(built.page("_posts/2021-08-19-day13.html")))
    bars = [text(b) for b in by_class(post, "journal-progress-label")]
    assert bars == ["3 / 4 done", "1 / 2 done"]
    progress = _page(built, "journal/progress.html")
    assert "4 / 6 done" in progress  # the day adds both up
    assert "선택 과제 2 — 4. 과제 제출 ·" in progress


def test_an_empty_progress_page_says_nothing_yet(copy_root, build) -> None:
    srcdir = copy_root("sections-real", "empty")
    for post in (srcdir / "_posts").glob("*.md"):
        if "day13" in post.name:
            post.unlink()
    built = build(srcdir)
    progress = _page(built, "journal/progress.html")
    assert "Every item is done" not in progress
    assert progress.count("Nothing here yet.") == 3


def test_parallel_equals_serial(copy_root, build) -> None:
    serial = build(copy_root("sections-real", "serial"))
    parallel = build(copy_root("sections-real", "parallel"), parallel=2)
    assert serial.warnings == parallel.warnings == ""
    assert html_files(serial.outdir) == html_files(parallel.outdir)


PEER_DAY = """---
title: Day 40
---

# Day 40

## 피어섹션

- 새 실험 계획

## 해야할 일 정리

- [ ] 리포트 쓰기
"""


def _replace(path: Path, old: str, new: str) -> None:
    source = path.read_text(encoding="utf-8")
    assert old in source
    path.write_text(source.replace(old, new), encoding="utf-8")


LECTURE_POST = (
    "---\ntitle: Day_40 02. 데이터 다루기\n---\n\n# 데이터 다루기\n\n## 1. 읽기\n\n- csv\n"
)
OFFICE_POST = "---\ntitle: Day_40 [오피스아워] 베이스라인 해설 - 이하늘 멘토\n---\n\n질문과 답.\n"


def test_incremental_sections_equal_a_clean_build(copy_root, build, tmp_path: Path) -> None:
    """Peer sessions, tasks, one-lecture posts and office hours: added, edited, deleted."""
    srcdir = copy_root("sections-real", "incremental")
    outdir = tmp_path / "incremental-out"
    build(srcdir, outdir=outdir)
    posts = srcdir / "_posts"
    lecture, office = posts / "week3/2021-09-30-02. data.md", posts / "2021-09-30-office.md"
    lectures = "journal/lectures.html"
    steps = {
        "add": (
            lambda: (
                (posts / "2021-09-30-day40.md").write_text(PEER_DAY, encoding="utf-8"),
                lecture.write_text(LECTURE_POST, encoding="utf-8"),
                office.write_text(OFFICE_POST, encoding="utf-8"),
            ),
            {
                "journal/peer-sessions.html": "새 실험 계획",
                "journal/progress.html": "리포트 쓰기",
                lectures: "데이터 다루기",
                "journal/lectures.html#office": "베이스라인 해설 이하늘 Office hour",
            },
            {},
        ),
        "edit": (
            lambda: (
                _replace(posts / "2021-08-19-day13.md", "- 모델 비교", "- 모델 앙상블"),
                _replace(posts / "2021-08-19-day13.md", "- [ ] 선택 과제 2", "- [x] 선택 과제 2"),
                _replace(lecture, "02. 데이터 다루기", "02. 데이터 정제"),
                _replace(office, "이하늘 멘토", "이바다 멘토"),
            ),
            {
                "journal/peer-sessions.html": "모델 앙상블",
                "journal/progress.html": "5 / 6 done",
                lectures: "데이터 정제",
                "journal/lectures.html#office": "베이스라인 해설 이바다 Office hour",
            },
            {
                "journal/peer-sessions.html": "모델 비교",
                "journal/progress.html": "선택 과제 2",
                lectures: "데이터 다루기",
                "journal/lectures.html#office": "이하늘",
            },
        ),
        "delete": (
            lambda: (
                (posts / "2021-09-30-day40.md").unlink(),
                lecture.unlink(),
                office.unlink(),
            ),
            {"journal/peer-sessions.html": "모델 앙상블", lectures: "파이썬 기초"},
            {
                "journal/peer-sessions.html": "새 실험 계획",
                "journal/progress.html": "리포트 쓰기",
                lectures: "데이터 정제",
                "journal/lectures.html#office": "베이스라인 해설",
            },
        ),
    }
    for step, (change, shown, gone) in steps.items():
        change()
        incremental, _ = rebuild_and_compare(build, srcdir, outdir, tmp_path, label=step)
        assert incremental.warnings == "", step
        for page, words in shown.items():
            assert words in _page(incremental, page.split("#")[0]), (step, page)
        for page, words in gone.items():
            assert words not in _page(incremental, page.split("#")[0]), (step, page)


def test_a_heading_another_post_repeats_is_no_label_clash(copy_root, build) -> None:
    srcdir = copy_root("sections-real", "repeat")
    (srcdir / "_posts" / "2021-08-20-day14.md").write_text(
        "---\ntitle: Day 14\n---\n\n# Day 14\n\n## 강의\n\n### [6강] 모델 불러오기\n\nAgain.\n",
        encoding="utf-8",
    )
    built = build(srcdir)
    assert built.warnings == ""
    body = _page(built, "journal/lectures.html")
    assert body.count("모델 불러오기") >= 2  # both listed, each with its own post
