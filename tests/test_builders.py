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
