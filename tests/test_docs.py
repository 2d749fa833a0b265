"""The user guide builds with -W, as Read the Docs builds it."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

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
    # The guide reads forwards: every day in the sidebar, in order, under its caption.
    days = sorted((DOCS / "_posts").glob("*.md"))
    guide = home[home.index("Guide, day by day") :]
    found = [int(n) for n in re.findall(r">Day (\d+):", guide[: guide.index("caption-text", 30)])]
    assert found == list(range(1, len(days) + 1))


def test_ruff_passes_on_the_whole_repository() -> None:
    """Bare ``ruff check``, as the README says, covers docs/ too."""
    ruff = shutil.which("ruff")
    if ruff is None:
        pytest.skip("ruff is not installed (the [dev] extra)")
    result = subprocess.run(
        [ruff, "check", "--no-cache"],
        cwd=DOCS.parent,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
