"""Cross-post pages under -j 2, incremental builds and repeated builds (SPEC §10)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.buildutil import html_files, mtimes, rebuild_and_compare, warnings_of

JOURNAL_PAGES = "journal"


def test_parallel_equals_serial(copy_root, build, tmp_path: Path) -> None:
    serial = build(copy_root("basic", "serial"))
    parallel = build(copy_root("basic", "parallel"), parallel=2)
    assert parallel.warnings == serial.warnings == ""
    assert html_files(parallel.outdir) == html_files(serial.outdir)


def test_two_clean_builds_are_byte_identical(copy_root, build) -> None:
    first = build(copy_root("basic", "one"))
    second = build(copy_root("basic", "two"))
    assert html_files(first.outdir) == html_files(second.outdir)


NEW_POST = """---
title: Brand new
tags: [8주차, fresh]
---

# Brand new

Fresh content.
"""


def edit(srcdir: Path, step: str) -> None:
    posts = srcdir / "_posts"
    if step == "add":
        (posts / "2021-09-30-new.md").write_text(NEW_POST, encoding="utf-8")
    elif step == "edit":
        path = posts / "2021-09-27-day37.md"
        path.write_text(
            path.read_text(encoding="utf-8")
            .replace("37일차 학습정리", "37일차 (edited)")
            .replace('tags: "PyTorch, 8주차"', "tags: [PyTorch, renamed]"),
            encoding="utf-8",
        )
    elif step == "delete":
        (posts / "2021-09-24-day36.md").unlink()


@pytest.mark.parametrize("parallel", [0, 2])
def test_incremental_builds_leave_nothing_stale(
    copy_root, build, tmp_path: Path, parallel: int
) -> None:
    srcdir = copy_root("basic", "incremental")
    outdir = tmp_path / "incremental-out"
    build(srcdir, outdir=outdir, parallel=parallel)
    for step in ("add", "edit", "delete"):
        edit(srcdir, step)
        # every page equal to a clean build's, and a deleted post's own page removed too
        # (Sphinx would leave it on disk)
        incremental, _ = rebuild_and_compare(
            build, srcdir, outdir, tmp_path, label=step, parallel=parallel
        )
        # deleting the post that another links to with {% post_url %} is the only warning
        assert [w.type for w in warnings_of(incremental.warnings)] == (
            ["journal.liquid"] if step == "delete" else []
        )


SPHINX_OWN = {"genindex.html", "search.html"}  # Sphinx rewrites these on every build


def test_rebuilds_write_only_what_changed(copy_root, build, tmp_path: Path) -> None:
    srcdir = copy_root("basic")
    outdir = tmp_path / "out"
    first = build(srcdir, outdir=outdir)
    before = mtimes(first.outdir)
    build(srcdir, outdir=outdir, freshenv=False)
    after = mtimes(first.outdir)
    assert {name for name in after if after[name] != before[name]} <= SPHINX_OWN

    post = srcdir / "posts/2022/new-year.md"  # a post no other post links to
    post.write_text(post.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    build(srcdir, outdir=outdir, freshenv=False)
    edited = mtimes(first.outdir)
    rewritten = {name for name in edited if edited[name] != after[name]} - SPHINX_OWN
    assert rewritten == {"posts/2022/new-year.html"}


def test_a_retitled_post_rewrites_the_pages_that_list_it_only(
    copy_root, build, tmp_path: Path
) -> None:
    """Every post's record is one store, yet another tag's page shows nothing that changed."""
    srcdir = copy_root("connections")
    outdir = tmp_path / "out"
    first = build(srcdir, outdir=outdir)
    before = mtimes(first.outdir)
    path = srcdir / "_posts/2021-09-20-attention.md"  # the oldest: not in the sidebar
    path.write_text(
        path.read_text(encoding="utf-8").replace("Attention day", "Attention (retitled)"),
        encoding="utf-8",
    )
    incremental, _ = rebuild_and_compare(build, srcdir, outdir, tmp_path, label="retitle")
    after = mtimes(incremental.outdir)
    rewritten = {name for name in after if after[name] != before[name]}
    assert {"journal/tags/nlp.html", "journal/tags/pytorch.html", "journal/archive.html"} <= (
        rewritten
    )
    page = incremental.page("journal/tags/pytorch.html").read_text(encoding="utf-8")
    assert "Attention (retitled)" in page
    # the other tags' pages, and the index of tags (the same counts), stay as they were
    assert not {"journal/tags/cv.html", "journal/tags/misc.html"} & rewritten
    assert "journal/tags/index.html" not in rewritten
