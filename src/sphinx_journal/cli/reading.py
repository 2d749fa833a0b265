"""Read a journal the way ``sphinx-build`` reads it: what ``check`` and ``import`` report.

There is one reading pipeline, the build's. Rather than a second parser
that would have to agree with the build on front matter, Liquid links,
directives, ``exclude_patterns``, cross-references and duplicate labels,
the command line runs Sphinx itself with the ``dummy`` builder (it reads,
resolves every cross-reference and writes nothing) on a fresh environment in
a temporary folder, and keeps the ``journal.*`` warnings Sphinx logs with
their locations. What it reports is therefore exactly what a build reports,
and its cost is a build's reading phase (run in parallel on every core).
"""

from __future__ import annotations

import contextlib
import dataclasses
import io
import os
import re
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Final

from sphinx_journal.cli.errors import UsageError
from sphinx_journal.jekyll.files import MARKDOWN_SUFFIXES

POST_SUFFIXES: Final = MARKDOWN_SUFFIXES
_ANSI: Final = re.compile(r"\x1b\[[0-9;]*m")
#: ``location: WARNING: message [journal.subtype]``, as Sphinx's warning stream prints it.
_WARNING: Final = re.compile(
    r"^(?:(?P<location>.*?): )?(?:WARNING|ERROR|CRITICAL): (?P<message>.*?)"
    r"(?: \[(?P<type>[\w.-]+)\])?$"
)


@dataclasses.dataclass(frozen=True)
class Problem:
    """One warning of the build: where, which ``journal.*`` type, what."""

    location: str
    type: str
    message: str

    def __str__(self) -> str:
        where = f"{self.location}: " if self.location else ""
        return f"{where}[{self.type}] {self.message}"

    @property
    def path(self) -> str:
        """The file part of the location (``/x/_posts/a.md`` of ``/x/_posts/a.md:3``)."""
        return re.sub(r":\d+$", "", self.location)


@dataclasses.dataclass(frozen=True)
class PostSummary:
    """What the build recognised in one post."""

    docname: str
    path: Path
    date: str | None
    title: str | None
    tags: tuple[str, ...]
    categories: tuple[str, ...]
    sections: tuple[str, ...]
    papers: tuple[str, ...]


@dataclasses.dataclass(frozen=True)
class Reading:
    """The outcome of reading a project: its posts and every journal problem, in order."""

    posts: tuple[PostSummary, ...]
    problems: tuple[Problem, ...]
    error: str = ""
    """Why a build of the project would stop (no root document, say), after reading."""


def parse_warnings(text: str) -> list[Problem]:
    """The ``journal.*`` warnings in Sphinx's warning output ``text`` (colours removed)."""
    found = []
    for line in _ANSI.sub("", text).splitlines():
        match = _WARNING.match(line)
        if match and (match["type"] or "").startswith("journal."):
            found.append(Problem(match["location"] or "", match["type"], match["message"]))
    return found


def _parallel() -> int:
    """Worker processes for reading: every core, as ``sphinx-build -j auto``."""
    return max(1, min(os.cpu_count() or 1, 8))


def read_project(project: Path, *, parallel: int | None = None) -> Reading:
    """Read ``project`` as a fresh ``sphinx-build`` would, writing nothing into it."""
    from sphinx.application import Sphinx  # noqa: PLC0415 (a second of imports, only here)
    from sphinx.errors import SphinxError  # noqa: PLC0415
    from sphinx.util.docutils import docutils_namespace, patch_docutils  # noqa: PLC0415

    if not (project / "conf.py").is_file():
        raise UsageError(f"{project} is not a journal (no conf.py)")
    warnings = io.StringIO()
    error = ""
    with tempfile.TemporaryDirectory(prefix="sphinx-journal-") as tmp:
        app = None
        try:
            # as sphinx-build does: docutils' registries are restored afterwards
            with _quiet(), patch_docutils(project), docutils_namespace():
                app = Sphinx(
                    str(project),
                    str(project),
                    str(Path(tmp, "out")),
                    str(Path(tmp, "doctrees")),
                    "dummy",
                    status=None,
                    warning=warnings,
                    freshenv=True,
                    keep_going=True,
                    parallel=_parallel() if parallel is None else parallel,
                )
                app.build()
        except SphinxError as exc:
            if app is None or not getattr(app.env, "all_docs", None):
                raise UsageError(f"{project} cannot be read: {exc}") from None
            error = str(exc)  # the sources were read; the build stops before writing
        posts = _summaries(app)
    problems = parse_warnings(warnings.getvalue())
    return Reading(posts, tuple(sorted(problems, key=_order)), error)


def _order(problem: Problem) -> tuple[str, int]:
    """File, then line: parallel reading logs in no fixed order, a report should not vary."""
    path, _, line = problem.location.rpartition(":")
    if line.isdigit():
        return path, int(line)
    return problem.location, 0


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """Keep Sphinx's progress messages (not its warnings) off the terminal."""
    with contextlib.redirect_stdout(io.StringIO()):
        yield


def _summaries(app: Any) -> tuple[PostSummary, ...]:
    from sphinx_journal.domain import journal_domain  # noqa: PLC0415
    from sphinx_journal.i18n import _  # noqa: PLC0415

    env = app.env
    domain = journal_domain(env)
    office_hour = str(_("Office hour"))  # the series recognition gives office hours
    kinds: dict[str, set[str]] = {}
    held: tuple[tuple[Iterable[tuple[str, tuple[object, ...]]], str], ...] = (
        (domain.retrospectives.items(), "retrospective"),
        (domain.peer_sessions.items(), "peer-session"),
    )
    for records, kind in held:
        for docname, value in records:
            if value:
                kinds.setdefault(docname, set()).add(kind)
    for docname, schedules in domain.schedules.items():
        for schedule in schedules:  # a schedule, or task items of another section
            kind = "schedule" if schedule.is_schedule else "tasks"
            kinds.setdefault(docname, set()).add(kind)
    for docname, lectures in domain.lectures.items():
        for lecture in lectures:
            kind = "office-hour" if lecture.series == office_hour else "lectures"
            kinds.setdefault(docname, set()).add(kind)
    order = ("schedule", "tasks", "lectures", "peer-session", "office-hour", "retrospective")
    sections = {
        docname: [kind for kind in order if kind in found] for docname, found in kinds.items()
    }
    papers: dict[str, list[str]] = {}
    for docname, citations in domain.citations.items():
        papers[docname] = list(dict.fromkeys(str(citation.paper) for citation in citations))
    found = []
    for docname, post in domain.posts.items():
        meta = post.meta
        found.append(
            PostSummary(
                docname=docname,
                path=Path(env.doc2path(docname)),
                date=meta.date.isoformat() if meta.date else None,
                title=meta.title,
                tags=tuple(meta.tags),
                categories=tuple(meta.categories),
                sections=tuple(sections.get(docname, ())),
                papers=tuple(papers.get(docname, ())),
            )
        )
    return tuple(found)
