"""The user guide builds with -W, as Read the Docs builds it."""

from __future__ import annotations

import shutil
from pathlib import Path

DOCS = Path(__file__).resolve().parents[1] / "docs"


def test_user_guide_builds_without_warnings(tmp_path: Path, make_app) -> None:
    srcdir = tmp_path / "docs"
    shutil.copytree(DOCS, srcdir, ignore=shutil.ignore_patterns("_build"))
    shutil.copy(DOCS.parent / "CHANGELOG.md", tmp_path / "CHANGELOG.md")
    app = make_app("html", srcdir=srcdir, freshenv=True, warningiserror=True)
    try:
        app.build()
    finally:
        app.cleanup()
    assert app.statuscode == 0, app._warning.getvalue()
    config = (Path(app.outdir) / "reference/configuration.html").read_text(encoding="utf-8")
    assert "journal_posts" in config and "journal_week_label" in config
    home = (Path(app.outdir) / "journal/index.html").read_text(encoding="utf-8")
    assert "Day 1: install and build" in home
