"""``sphinx-journal check DIR``: every journal problem a build would report, and nothing else.

``check`` runs the build's own reading phase (see :mod:`.reading`): the same
configuration, ``exclude_patterns``, Liquid links, directives,
cross-references and duplicate labels, so it never disagrees with
``sphinx-build``. It writes nothing into the project, and prints each
problem as ``file:line: [journal.x] message``, so it can run in an editor,
a pre-commit hook or CI before anything is built.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from sphinx_journal.cli.config import add_journal_argument
from sphinx_journal.cli.errors import UsageError
from sphinx_journal.cli.reading import read_project


def check(project: Path) -> int:
    """Print every journal problem of ``project``; 1 when there is any."""
    if not project.is_dir():
        raise UsageError(f"{project} is not a folder")
    reading = read_project(project)
    for problem in reading.problems:
        print(problem)
    if reading.error:
        print(f"sphinx-build would stop here: {reading.error}")
    print(f"{len(reading.posts)} posts, {len(reading.problems)} problems")
    return 1 if reading.problems or reading.error else 0


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_journal_argument(parser)


def run(args: argparse.Namespace) -> int:
    return check(args.dir)
