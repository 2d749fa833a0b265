"""``sphinx-journal check DIR``: every post read, every problem reported, no build.

A build of a large journal takes minutes; ``check`` reads the posts with the
build's own pure parsers (front matter, dates, Liquid, the tag index) and
prints each problem as ``file:line: [journal.x] message``, so it can run in
an editor, a pre-commit hook or CI before anything is built.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from sphinx.util.matching import Matcher

from sphinx_journal.cli.config import add_journal_argument, post_patterns, project_values
from sphinx_journal.cli.errors import UsageError
from sphinx_journal.cli.progress import progress
from sphinx_journal.cli.reading import POST_SUFFIXES, format_problem, read_post, slug_collisions
from sphinx_journal.posts.problems import Problem

#: Folders that never hold sources (outputs, tools).
SKIPPED: tuple[str, ...] = ("_build", ".git", ".venv", "venv", "node_modules")


def post_files(project: Path) -> list[Path]:
    """The project's posts, as ``journal_posts`` selects them."""
    matcher = Matcher(list(post_patterns(project)))
    found = []
    for path in sorted(project.rglob("*")):
        if path.suffix.lower() not in POST_SUFFIXES or not path.is_file():
            continue
        relative = path.relative_to(project)
        if relative.parts[0] in SKIPPED:
            continue
        if matcher(relative.with_suffix("").as_posix()):
            found.append(path)
    return found


def check(project: Path) -> int:
    """Print every problem of every post of ``project``; 1 when there is any."""
    if not project.is_dir():
        raise UsageError(f"{project} is not a folder")
    drafts = bool(project_values(project).get("journal_drafts", False))
    files = post_files(project)
    stems = {path.stem for path in files}
    reports = [read_post(path, stems) for path in progress(files, "checking", len(files))]
    problems: dict[Path, list[Problem]] = {report.path: list(report.problems) for report in reports}
    for report, problem in slug_collisions(reports, project, drafts=drafts):
        problems[report.path].append(problem)
    count = 0
    for path, found in problems.items():
        for problem in sorted(found, key=lambda p: p.line or 0):
            print(format_problem(path, problem))
            count += 1
    print(f"{len(files)} posts, {count} problems")
    return 1 if count else 0


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_journal_argument(parser)


def run(args: argparse.Namespace) -> int:
    return check(args.dir)
