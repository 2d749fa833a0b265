"""Cross-post pages under -j 2, incremental builds and repeated builds (SPEC §10)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

JOURNAL_PAGES = "journal"


def html_files(outdir: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(outdir)): path.read_bytes()
        for path in sorted(outdir.rglob("*.html"))
        if "_static" not in path.parts
    }


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
        incremental = build(srcdir, outdir=outdir, freshenv=False, parallel=parallel)
        fresh_src = tmp_path / f"fresh-{step}"
        shutil.copytree(srcdir, fresh_src)
        fresh = build(fresh_src, outdir=tmp_path / f"fresh-out-{step}")
        assert incremental.warnings.replace(str(srcdir), "SRC") == fresh.warnings.replace(
            str(fresh_src), "SRC"
        )
        # deleting the post that another links to with {% post_url %} is the only warning
        assert incremental.warnings.count("WARNING") == (step == "delete")
        got, want = html_files(incremental.outdir), html_files(fresh.outdir)
        # a deleted post's own page is removed too (Sphinx would leave it on disk)
        stale_pages = {name for name in got.keys() - want.keys() if name.startswith("_posts/")}
        assert stale_pages == set()
        for name in sorted(want):
            assert got.get(name) == want[name], f"{name} differs after {step}"
        assert {n for n in got.keys() - want.keys() if n.startswith(JOURNAL_PAGES)} == set()


def mtimes(outdir: Path) -> dict[str, int]:
    return {
        str(p.relative_to(outdir)): p.stat().st_mtime_ns
        for p in outdir.rglob("*.html")
        if "_static" not in p.parts
    }


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
