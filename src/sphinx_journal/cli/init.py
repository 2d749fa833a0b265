"""``sphinx-journal init DIR``: a ready journal project."""

from __future__ import annotations

import argparse
from pathlib import Path

from sphinx_journal.cli.errors import UsageError
from sphinx_journal.cli.importer import import_site, site_bibfiles
from sphinx_journal.cli.project import write_project
from sphinx_journal.cli.templates import templates_dir


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("dir", type=Path, help="folder of the new journal")
    parser.add_argument("--title", default="Study Journal", help="the journal's title")
    parser.add_argument("--author", default="", help="your name")
    parser.add_argument(
        "--language",
        choices=("ko", "en"),
        default="ko",
        help="language of the interface and the post template (default: ko)",
    )
    parser.add_argument(
        "--from-jekyll",
        type=Path,
        metavar="SITE",
        help="import the _posts (and _bibliography) of a Jekyll site",
    )
    parser.add_argument(
        "--force", action="store_true", help="write into a folder that is not empty"
    )


def run(args: argparse.Namespace) -> int:

    if args.from_jekyll and not args.from_jekyll.is_dir():
        raise UsageError(f"{args.from_jekyll} is not a folder")
    bibfiles = site_bibfiles(args.from_jekyll) if args.from_jekyll else []
    written = write_project(
        args.dir,
        title=args.title,
        author=args.author or args.title,
        language=args.language,
        force=args.force,
        bibfiles=[f"_bibliography/{name}" for name in bibfiles],
        example=not args.from_jekyll,
    )
    for path in written:
        print(f"wrote {path}")
    if args.from_jekyll:
        return import_site(args.from_jekyll, args.dir, force=args.force)
    print(f"build it with: sphinx-build {args.dir} {args.dir / '_build' / 'html'}")
    return 0


__all__ = ["UsageError", "add_arguments", "run", "templates_dir", "write_project"]
