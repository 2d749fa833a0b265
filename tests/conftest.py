"""Shared fixtures: sphinx.testing test roots under tests/roots, and the shared example."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sphinx.locale
from hypothesis import settings
from sphinx.application import Sphinx

pytest_plugins = ("sphinx.testing.fixtures",)

# The toolkit's assertions explain themselves as a test's own do.
pytest.register_assert_rewrite("tests.buildutil", "tests.htmlutil")

# Time is not what these tests test: a loaded machine must not fail them.
settings.register_profile("journal", deadline=None)
settings.load_profile("journal")

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


@pytest.fixture(autouse=True)
def _one_language_per_test() -> Iterator[None]:
    """Forget the message catalogues a test's builds loaded.

    Sphinx keeps catalogues per process and merges a later build's language
    into an earlier one's, so an English build after a Korean one would read
    Korean; a real build is one process, and each test must be too.
    """
    yield
    sphinx.locale.translators.clear()


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


#: Fixtures that build a Sphinx project: a test using one is a ``sphinx`` test.
BUILD_FIXTURES = frozenset({"build", "make_app", "app", "app_params", "example_project"})


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that builds Sphinx, so ``pytest -m "not sphinx"`` is the fast lane.

    Modules whose tests build through the command line mark themselves with
    ``pytestmark = pytest.mark.sphinx``.
    """
    for item in items:
        if BUILD_FIXTURES.intersection(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.sphinx)


_BUILDS = [0]
_sphinx_init = Sphinx.__init__


def _counted_init(self: Sphinx, *args: Any, **kwargs: Any) -> None:
    _BUILDS[0] += 1
    _sphinx_init(self, *args, **kwargs)


Sphinx.__init__ = _counted_init  # type: ignore[method-assign]


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    """Keep the fast lane honest: a test that makes a Sphinx application must be marked."""
    before = _BUILDS[0]
    result = yield
    if _BUILDS[0] > before and item.get_closest_marker("sphinx") is None:
        _UNMARKED.append(item.nodeid)
    return result


_UNMARKED: list[str] = []


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if _UNMARKED and exitstatus == 0:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if _UNMARKED:
        terminalreporter.write_line(
            "tests that build Sphinx without the sphinx marker (they slow the fast lane):"
        )
        for nodeid in _UNMARKED:
            terminalreporter.write_line(f"  {nodeid}")
