"""Post pages and the generated journal pages, as users get them (foundation, SPEC §2, §5)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.htmlutil import by_class, links, main, one, parse, resolve, text

POST = "_posts/2021-09-24-day36.html"


@pytest.fixture
def site(copy_root, build):
    return build(copy_root("basic"))


def test_builds_without_any_warning(site) -> None:
    assert site.warnings == ""


def test_post_page_header(site) -> None:
    root = parse(site.page(POST))
    assert text(root.find(".//title")).startswith("[Boostcamp AI Tech] 36일차 학습정리")
    article = main(root)
    assert text(article.find(".//h1")).startswith("[Boostcamp AI Tech] 36일차 학습정리")
    assert text(one(article, "journal-post-subtitle")) == "Naver Boostcamp AI Tech Level1 Day36"
    header = one(article, "journal-post-header")  # the connection blocks date their posts too
    assert text(one(header, "journal-post-date")) == "September 24, 2021"
    assert 'datetime="2021-09-24' in site.page(POST).read_text(encoding="utf-8")
    [stamp] = header.iter("time")
    assert (
        stamp.get("datetime", "").startswith("2021-09-24") and text(stamp) == "September 24, 2021"
    )
    assert re.fullmatch(r"\d+ min read", text(one(article, "journal-reading-time")))
    # the post's own first heading is kept, one level below the front-matter title
    assert any(text(h).startswith("부스트캠프 36일차") for h in article.iter("h2"))


def test_badges_link_to_existing_tag_and_category_pages(site) -> None:
    page = site.page(POST)
    badges = dict(links(one(main(parse(page)), "journal-post-badges")))
    assert set(badges) == {"Boostcamp-AI-Tech", "8주차", "Level2-U-Stage"}
    assert resolve(page, badges["8주차"]) == (site.outdir / "journal/tags/8주차.html").resolve()
    assert (
        resolve(page, badges["Boostcamp-AI-Tech"])
        == (site.outdir / "journal/categories/boostcamp-ai-tech.html").resolve()
    )
    for href in badges.values():
        assert resolve(page, href).is_file()


def test_previous_and_next_in_date_order(site) -> None:
    def nav(name: str) -> dict[str, str]:
        page = site.page(name)
        result = {}
        for cls in ("journal-prev", "journal-next"):
            found = by_class(main(parse(page)), cls)
            if found:
                [(title, href)] = list(links(found[0]))
                assert resolve(page, href).is_file()
                result[cls] = title
        return result

    assert nav(POST) == {"journal-next": "[Boostcamp AI Tech] 37일차 학습정리"}
    assert nav("_posts/2021-09-27-day37.html") == {
        "journal-prev": "[Boostcamp AI Tech] 36일차 학습정리",
        "journal-next": "Reading notes",
    }
    # the draft is skipped: Reading notes is followed by the 2022 post
    assert nav("_posts/2021-10-01-english-notes.html") == {
        "journal-prev": "[Boostcamp AI Tech] 37일차 학습정리",
        "journal-next": "New year",
    }


def titles_on(page: Path) -> list[str]:
    return [text(el) for el in by_class(main(parse(page)), "journal-post-title")]


def test_home_lists_newest_first_and_links_everything(site) -> None:
    home = site.page("journal/index.html")
    assert titles_on(home) == [
        "New year",
        "Reading notes",
        "[Boostcamp AI Tech] 37일차 학습정리",
        "[Boostcamp AI Tech] 36일차 학습정리",
    ]
    nav = dict(links(one(main(parse(home)), "journal-nav")))
    assert {"Tags", "Categories", "Archive"} <= set(nav)
    for href in nav.values():
        assert resolve(home, href).is_file()


def test_tag_and_category_pages(site) -> None:
    tags = site.page("journal/tags/index.html")
    counts = {name: href for name, href in links(main(parse(tags))) if name}
    assert "8주차" in counts and "PyTorch" in counts
    assert "secret" not in counts  # only a draft uses it
    assert "(2)" in text(main(parse(tags)))
    assert titles_on(site.page("journal/tags/8주차.html")) == [
        "[Boostcamp AI Tech] 37일차 학습정리",
        "[Boostcamp AI Tech] 36일차 학습정리",
    ]
    assert titles_on(site.page("journal/tags/python.html")) == ["Reading notes"]
    assert titles_on(site.page("journal/categories/life.html")) == ["New year"]
    assert not (site.outdir / "journal/tags/secret.html").exists()


def test_archive_by_year_month_and_week(site) -> None:
    archive = main(parse(site.page("journal/archive.html")))
    headings = [text(h) for h in archive.iter("h2")] + [text(h) for h in archive.iter("h3")]
    assert "2022" in headings and "2021" in headings
    assert "September 2021" in headings and "October 2021" in headings
    assert "By week" in headings
    # Weeks are labelled in words, never as raw ISO codes.
    assert "Week 38, 2021" in text(archive)
    assert "2021-W38" not in text(archive)


def test_drafts_are_not_written_nor_listed_nor_searchable(site) -> None:
    assert not (site.outdir / "_posts/2021-10-02-draft.html").exists()
    for page in site.outdir.glob("**/*.html"):
        assert "Unfinished thoughts" not in page.read_text(encoding="utf-8"), page
    assert "Unfinished thoughts" not in (site.outdir / "searchindex.js").read_text(encoding="utf-8")


def test_drafts_listed_when_asked(copy_root, build) -> None:
    built = build(copy_root("basic"), journal_drafts=True)
    draft = built.page("_posts/2021-10-02-draft.html").read_text(encoding="utf-8")
    assert "Unfinished thoughts" in draft
    assert "Unfinished thoughts" in titles_on(built.page("journal/index.html"))
    assert "Unfinished thoughts" in titles_on(built.page("journal/tags/secret.html"))


def test_a_post_turned_draft_or_published_between_builds(copy_root, build) -> None:
    """A rebuild reuses the last scan of a post's front matter only while the post is unchanged."""
    srcdir = copy_root("basic")
    build(srcdir)
    post, draft = srcdir / "_posts/2021-09-27-day37.md", srcdir / "_posts/2021-10-02-draft.md"
    post.write_text(
        post.read_text(encoding="utf-8").replace("---\n", "---\npublished: false\n", 1),
        encoding="utf-8",
    )
    draft.write_text(
        draft.read_text(encoding="utf-8").replace("published: false\n", ""), encoding="utf-8"
    )
    again = build(srcdir, freshenv=False)
    listed = titles_on(again.page("journal/index.html"))
    assert "Unfinished thoughts" in listed
    assert not any("37일차" in title for title in listed)
    published = again.page("_posts/2021-10-02-draft.html").read_text(encoding="utf-8")
    assert "Unfinished thoughts" in published


def test_the_scan_reads_again_only_what_changed(copy_root, build) -> None:
    """What the last scan found is taken for a post whose beginning is the same, not re-read."""
    from sphinx_journal.posts import site as posts_site  # noqa: PLC0415

    built = build(copy_root("basic"))
    config, site_config = built.app.config, posts_site.site_of(built.app).config
    srcdir = Path(built.app.srcdir)
    first = posts_site.scan(srcdir, config, site_config)
    relative = "_posts/2021-09-27-day37.md"
    digest, _draft, _url = first.scanned[relative]
    planted = {**first.scanned, relative: (digest, True, "/planted/")}
    reused = posts_site.scan(srcdir, config, site_config, planted)
    assert relative in reused.drafts and reused.scanned[relative][2] == "/planted/"
    stale = {**first.scanned, relative: ("another digest", True, "/planted/")}
    assert posts_site.scan(srcdir, config, site_config, stale).scanned == first.scanned


def test_listing_directive_on_a_page(site) -> None:
    assert titles_on(site.page("index.html")) == [
        "New year",
        "Reading notes",
        "[Boostcamp AI Tech] 37일차 학습정리",
    ]


def test_front_matter_date_with_offset_and_nested_posts(site) -> None:
    info = text(one(main(parse(site.page("_posts/2021-09-27-day37.html"))), "journal-post-info"))
    assert "September 27, 2021" in info
    assert "January 5, 2022" in text(main(parse(site.page("posts/2022/new-year.html"))))


def test_liquid_and_kramdown_in_the_page(site) -> None:
    body = main(parse(site.page("_posts/2021-10-01-english-notes.html")))
    assert "{{ site.url }}" in text(body)
    assert "{%" not in text(body)
    assert "{:" not in text(body)
    assert any("highlight-python" in (d.get("class") or "") for d in body.iter("div"))
    assert text(one(body, "journal-post-authors")) == "Kim, Lee"


def test_posts_need_no_toctree_and_other_pages_are_untouched(site) -> None:
    assert "toctree" not in site.warnings
    index = main(parse(site.page("index.html")))
    assert not by_class(index, "journal-post-header")


def test_dirhtml_gets_the_same_pages(copy_root, build) -> None:
    built = build(copy_root("basic"), "dirhtml")
    assert built.warnings == ""
    tag = built.page("journal/tags/8주차/index.html")
    post = built.page("_posts/2021-09-24-day36/index.html")
    badges = dict(links(one(main(parse(post)), "journal-post-badges")))
    assert resolve(post, badges["8주차"]) == tag.resolve()
    for page in ("journal/index.html", "journal/archive/index.html"):
        assert "37일차" in "".join(titles_on(built.page(page))), page


def test_non_html_builders_show_badges_as_text(copy_root, build) -> None:
    built = build(copy_root("basic"), "text")
    post = (built.outdir / "_posts/2021-09-24-day36.txt").read_text(encoding="utf-8")
    assert "8주차" in post and "Naver Boostcamp AI Tech Level1 Day36" in post
    assert "Next post" in post
    assert not (built.outdir / "journal").exists()


def test_jekyll_links_excerpt_and_inline_math(site) -> None:
    page = site.page("_posts/2021-10-01-english-notes.html")
    body = main(parse(page))
    hrefs = dict(links(body))
    assert resolve(page, hrefs["the day 36 notes"]) == site.page(POST).resolve()
    assert resolve(page, hrefs["day 37"]) == site.page("_posts/2021-09-27-day37.html").resolve()
    [image] = [img for img in body.iter("img") if img.get("alt") == "logo"]
    assert resolve(page, image.get("src") or "").is_file()
    maths = [text(m) for m in by_class(body, "math", "span")]
    assert any("e^{i\\pi} + 1 = 0" in m for m in maths)
    assert not by_class(body, "math", "div")  # inline, not display
    # Tag pages are compact (date and title); the home page's cards carry the excerpt.
    assert not by_class(main(parse(site.page("journal/tags/python.html"))), "journal-excerpt")
    [card] = [
        item
        for item in by_class(main(parse(site.page("journal/index.html"))), "journal-post-item")
        if "Reading notes" in text(one(item, "journal-post-title"))
    ]
    excerpt = text(one(card, "journal-excerpt"))
    assert excerpt.startswith("What I read this week")
    assert "the day 36 notes and day 37." in excerpt
    assert "old blog" not in excerpt
