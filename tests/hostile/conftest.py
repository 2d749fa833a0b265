"""Hostile projects: static test roots plus what git cannot hold (symlinks, FIFOs, names)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOTS

SECRET = "TOPSECRET-7f3a"
#: Every HTML-family builder and every other builder of the SPEC's build list.
HTML_FAMILY = ("html", "dirhtml", "singlehtml", "epub")
OTHERS = ("latex", "text", "man", "texinfo", "gettext")


def add_outside_files(srcdir: Path) -> None:
    """Files beside (not in) the source folder, which posts reach with ``../../``."""
    outside = srcdir.parent
    for name in ("secret.txt", "secret.png", "secret.md"):
        (outside / name).write_text(f"{SECRET}\n", encoding="utf-8")
    (outside / "secret.csv").write_text(f"{SECRET},1\n", encoding="utf-8")


def add_unbuildable_posts(srcdir: Path) -> None:
    """A symlink to a file outside, a FIFO, and a symlinked folder of posts."""
    posts = srcdir / "_posts"
    (posts / "2021-01-05-link.md").symlink_to(srcdir.parent / "secret.md")
    os.mkfifo(posts / "2021-01-06-fifo.md")
    folder = srcdir.parent / "elsewhere"
    folder.mkdir()
    (folder / "2021-01-07-away.md").write_text(f"---\ntitle: Away\n---\n\n{SECRET}\n")
    (posts / "linked").symlink_to(folder, target_is_directory=True)


def add_hostile_names(srcdir: Path) -> None:
    """File names and encodings that git or a test root cannot carry."""
    posts = srcdir / "_posts"
    (posts / '2021-03-12-a"onmouseover="alert(1).md').write_text(
        "---\ntitle: Quote name\n---\n\nQuote in the file name.\n", encoding="utf-8"
    )
    (posts / "2021-03-10-latin1.md").write_bytes(
        "---\ntitle: Latin-1\n---\n\nCaf\xe9 au lait, AFTER-LATIN1.\n".encode("latin-1")
    )
    os.close(os.open(os.fsencode(posts) + b"/2021-03-11-\xff-name.md", os.O_CREAT | os.O_WRONLY))
    tags = ", ".join(f"t{i}" for i in range(5000))
    (posts / "2021-03-02-many-tags.md").write_text(
        f"---\ntitle: Many tags\ntags: [{tags}]\n---\n\nFive thousand tags.\n", encoding="utf-8"
    )


@pytest.fixture
def hostile_root(tmp_path: Path):
    """A copy of a hostile test root with its runtime-only files, in its own folder."""

    def make(name: str) -> Path:
        srcdir = tmp_path / "project" / "src"
        shutil.copytree(ROOTS / f"test-{name}", srcdir)
        add_outside_files(srcdir)
        return srcdir

    return make


def output_files(outdir: Path) -> list[Path]:
    return [
        path
        for path in outdir.rglob("*")
        if path.is_file() and not path.is_symlink() and ".doctrees" not in path.parts
    ]
