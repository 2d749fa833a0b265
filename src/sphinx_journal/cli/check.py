"""``sphinx-journal check DIR``: every post read, every problem reported, no build."""

from __future__ import annotations

import argparse
from pathlib import Path

from sphinx.util.matching import Matcher

from sphinx_journal.cli.config import add_journal_argument, post_patterns
from sphinx_journal.cli.errors import UsageError
from sphinx_journal.cli.progress import progress
from sphinx_journal.cli.reading import POST_SUFFIXES, format_problem, read_post, slug_collisions


def post_files(project: Path) -> list[Path]:
    """The project's posts, as ``journal_posts`` selects them."""
    matcher = Matcher(list(post_patterns(project)))
    found = []
    for path in sorted(project.rglob("*")):
        if path.suffix.lower() not in POST_SUFFIXES or not path.is_file():
            continue
        relative = path.relative_to(project)
        if relative.parts[0] in ("_build", ".git"):
            continue
        if matcher(relative.with_suffix("").as_posix()):
            found.append(path)
    return found


def check(project: Path) -> int:
    if not project.is_dir():
        raise UsageError(f"{project} is not a folder")
    files = post_files(project)
    stems = {path.stem for path in files}
    reports = [read_post(path, stems) for path in progress(files, "checking", len(files))]
    lines = [
        format_problem(report.path, problem) for report in reports for problem in report.problems
    ]
    lines += [format_problem(report.path, problem) for report, problem in slug_collisions(reports)]
    for line in lines:
        print(line)
    print(f"{len(files)} posts, {len(lines)} problems")
    return 1 if lines else 0


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_journal_argument(parser)


def run(args: argparse.Namespace) -> int:
    return check(args.dir)
