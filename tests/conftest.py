"""Shared fixtures: sphinx.testing test roots under tests/roots, and the shared example."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytest_plugins = ("sphinx.testing.fixtures",)

ROOTS = Path(__file__).parent / "roots"
#: The real journal post the project is checked against (present beside the checkout).
SHARED_EXAMPLE = Path(__file__).resolve().parents[2] / "shared" / "examples" / "jekyll-site"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--journal-corpus",
        metavar="DIR",
        default=None,
        help="build a real Jekyll journal (a site folder or its _posts folder) and report "
        "its warnings per type",
    )


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return ROOTS


@pytest.fixture
def shared_example() -> Path:
    """The shared Jekyll site; tests that need it skip when it is not beside the checkout."""
    if not (SHARED_EXAMPLE / "_posts").is_dir():
        pytest.skip("../shared/examples/jekyll-site is not present")
    return SHARED_EXAMPLE


@pytest.fixture
def example_project(tmp_path: Path, shared_example: Path) -> Path:
    """A journal project holding the shared example's posts, unchanged."""
    project = tmp_path / "example"
    project.mkdir()
    shutil.copytree(shared_example / "_posts", project / "_posts")
    (project / "conf.py").write_text(
        'project = "Study Journal"\nextensions = ["sphinx_journal"]\nhtml_theme = "furo"\n',
        encoding="utf-8",
    )
    (project / "index.md").write_text("# Study Journal\n\nNotes of every day.\n", encoding="utf-8")
    return project


class Built:
    """A finished build: its app, output folder and warning text."""

    def __init__(self, app: object, outdir: Path, warnings: str) -> None:
        self.app = app
        self.outdir = outdir
        self.warnings = warnings

    def page(self, name: str) -> Path:
        path = self.outdir / name
        assert path.is_file(), f"{name} was not written"
        return path


@pytest.fixture
def copy_root(tmp_path: Path):
    """Copy a test root to a fresh folder (so a test may edit its sources)."""

    def copy(name: str, dest: str = "src") -> Path:
        target = tmp_path / dest
        shutil.copytree(ROOTS / f"test-{name}", target)
        return target

    return copy


@pytest.fixture
def build(make_app):
    """Build a source folder with sphinx.testing and return a :class:`Built`."""

    def run(
        srcdir: Path,
        buildername: str = "html",
        *,
        outdir: Path | None = None,
        parallel: int = 0,
        freshenv: bool = True,
        **confoverrides: object,
    ) -> Built:
        builddir = outdir or (srcdir.parent / f"_build-{srcdir.name}")
        app = make_app(
            buildername,
            srcdir=srcdir,
            builddir=builddir,
            freshenv=freshenv,
            parallel=parallel,
            confoverrides=confoverrides,
        )
        try:
            app.build()
        finally:
            app.cleanup()  # docutils' global registries, so the next app starts clean
        return Built(app, Path(app.outdir), app._warning.getvalue())

    return run
