"""Every builder: posts render, and book builders get the posts as chapters by date."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

CHAPTERS = [
    "[Boostcamp AI Tech] 36일차 학습정리",
    "[Boostcamp AI Tech] 37일차 학습정리",
    "Reading notes",
    "New year",
]


def latex_chapters(outdir: Path) -> list[str]:
    [tex] = outdir.glob("*.tex")
    found = re.findall(r"\\chapter\{(.*)\}", tex.read_text(encoding="utf-8"))
    return [re.sub(r"[{}]", "", title) for title in found]


def test_latex_is_a_book_of_posts_by_date(copy_root, build) -> None:
    built = build(copy_root("basic"), "latex")
    assert built.warnings == ""
    assert latex_chapters(built.outdir) == CHAPTERS  # the draft is left out


def test_latex_book_follows_added_posts(copy_root, build, tmp_path: Path) -> None:
    srcdir = copy_root("basic")
    outdir = tmp_path / "latex"
    build(srcdir, "latex", outdir=outdir)
    (srcdir / "_posts/2021-09-25-day36b.md").write_text(
        "---\ntitle: Saturday\n---\n\nWeekend notes.\n", encoding="utf-8"
    )
    built = build(srcdir, "latex", outdir=outdir, freshenv=False)
    assert latex_chapters(built.outdir) == [*CHAPTERS[:1], "Saturday", *CHAPTERS[1:]]


@pytest.mark.parametrize("buildername", ["singlehtml", "epub", "text", "dirhtml", "html"])
def test_builders_succeed_and_show_posts(copy_root, build, buildername: str) -> None:
    built = build(copy_root("basic"), buildername, copyright="2021, Kim", version="1")
    assert "WARNING" not in built.warnings
    outputs = [p for p in built.outdir.rglob("*") if p.is_file() and "_static" not in p.parts]
    text = "\n".join(
        p.read_text(encoding="utf-8", errors="ignore")
        for p in outputs
        if p.suffix in (".html", ".xhtml", ".txt")
    )
    for title in ("Naver Boostcamp AI Tech Level1 Day36", "Reading notes", "New year"):
        assert title in text, (buildername, title)


def test_man_page_has_each_post_as_a_section_titled_by_its_front_matter(copy_root, build) -> None:
    built = build(copy_root("basic"), "man")
    assert "WARNING" not in built.warnings
    [page] = built.outdir.glob("*.1")
    text = page.read_text(encoding="utf-8")
    sections = re.findall(r"^\.SH (.*)$", text, flags=re.MULTILINE)
    # man's level-one headings are upper case; the root's own title is the page's NAME
    assert sections[1:-1] == [title.upper() for title in CHAPTERS], sections
    assert ".SS 부스트캠프 36일차" in text  # the post's own first heading, one level below
    assert "\\%<>" not in text.split(".SH [BOOSTCAMP")[0]  # listing links: no empty address


def test_texinfo_and_text_have_posts_titled_by_their_front_matter(copy_root, build) -> None:
    texinfo = build(copy_root("basic"), "texinfo")
    [texi] = texinfo.outdir.glob("*.texi")
    chapters = re.findall(r"^@chapter (.*)$", texi.read_text(encoding="utf-8"), re.MULTILINE)
    assert chapters == CHAPTERS
    text = build(copy_root("basic", "src-text"), "text")
    page = text.page("_posts/2021-09-24-day36.txt").read_text(encoding="utf-8")
    assert page.splitlines()[0] == CHAPTERS[0]
