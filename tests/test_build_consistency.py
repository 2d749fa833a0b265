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
        # a deleted post's own page stays on disk, as Sphinx leaves every deleted page
        stale_pages = {name for name in got.keys() - want.keys() if name.startswith("_posts/")}
        assert step != "delete" or stale_pages == {"_posts/2021-09-24-day36.html"}
        for name in sorted(want):
            assert got.get(name) == want[name], f"{name} differs after {step}"
        assert {n for n in got.keys() - want.keys() if n.startswith(JOURNAL_PAGES)} == set()
