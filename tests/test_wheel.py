"""The wheel ships compiled catalogues and the project templates (built offline)."""

from __future__ import annotations

import os
import shutil
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_holds_catalogues_and_templates(tmp_path: Path) -> None:
    hatchling_build = pytest.importorskip("hatchling.build")
    source = tmp_path / "source"
    shutil.copytree(
        ROOT,
        source,
        ignore=shutil.ignore_patterns(
            ".git", ".ci-venv", "*.mo", "__pycache__", "_build", "_work", ".hypothesis"
        ),
    )
    cwd = Path.cwd()
    os.chdir(source)
    try:
        name = hatchling_build.build_wheel(str(tmp_path / "dist"))
    finally:
        os.chdir(cwd)
    names = set(zipfile.ZipFile(tmp_path / "dist" / name).namelist())
    for language in ("ko", "en"):
        assert f"sphinx_journal/locale/{language}/LC_MESSAGES/sphinx_journal.mo" in names
    for template in (
        "journal/conf.py.tmpl",
        "journal/.readthedocs.yaml",
        "post-ko.md",
        "post-en.md",
        "existing-project.md",
    ):
        assert f"sphinx_journal/conf-templates/{template}" in names
    assert "sphinx_journal/sections/sphinxjournal.sty" in names
