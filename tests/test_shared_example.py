"""The real post from a user's journal, read unchanged (issue: foundation's "done means")."""

from __future__ import annotations

from tests.htmlutil import links, main, one, parse, resolve, text

POST = "_posts/2021-09-24-boostcamp-day36.html"
TITLE = "[Boostcamp AI Tech] 36일차 학습정리"


def test_example_builds_without_warnings_and_shows_the_post(example_project, build) -> None:
    built = build(example_project)
    assert built.warnings == ""
    page = built.page(POST)
    root = parse(page)
    assert text(root.find(".//title")).startswith(TITLE)
    article = main(root)
    assert text(article.find(".//h1")) == TITLE
    assert text(one(article, "journal-post-subtitle")) == "Naver Boostcamp AI Tech Level1 Day36"
    assert text(one(article, "journal-post-date")) == "September 24, 2021"
    badges = dict(links(one(article, "journal-post-badges")))
    assert {"8주차", "Level2-U-Stage", "Boostcamp-AI-Tech"} == set(badges)
    for href in badges.values():
        listed = resolve(page, href)
        assert TITLE in text(main(parse(listed))), listed
    for listing in (
        "journal/index.html",
        "journal/archive.html",
        "journal/tags/index.html",
        "journal/categories/index.html",
    ):
        assert (TITLE in text(main(parse(built.page(listing))))) or listing.endswith(
            "s/index.html"
        ), listing
    assert "8주차 (1)" in text(main(parse(built.page("journal/tags/index.html"))))
    assert "Boostcamp-AI-Tech (1)" in text(main(parse(built.page("journal/categories/index.html"))))


def test_example_in_korean(example_project, build) -> None:
    built = build(example_project, language="ko")
    assert built.warnings == ""
    article = main(parse(built.page(POST)))
    assert text(one(article, "journal-post-date")) == "2021년 9월 24일"
    assert "2021년 9월" in text(main(parse(built.page("journal/archive.html"))))
