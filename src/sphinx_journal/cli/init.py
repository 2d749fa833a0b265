"""``sphinx-journal init DIR``: a ready journal project."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from sphinx_journal.cli.errors import UsageError
from sphinx_journal.cli.files import write_atomic
from sphinx_journal.cli.requirement import installed_requirement
from sphinx_journal.cli.templates import markdown_text, render, templates_dir, yaml_string

INTRO = {
    "ko": "매일의 학습 일지입니다. 일정, 강의 노트, 읽은 논문과 회고를 기록합니다.",
    "en": "A daily study journal: schedules, lecture notes, papers read and retrospectives.",
}
EXAMPLE_TITLE = {"ko": "첫 번째 학습 일지", "en": "My first journal day"}


def write_project(
    target: Path,
    *,
    title: str,
    author: str,
    language: str,
    force: bool,
    bibfiles: list[str] | None = None,
    today: dt.date | None = None,
    example: bool = True,
) -> list[Path]:
    """Write the project files into ``target``; return what was written.

    ``example`` adds one post in the shape of a real journal day (schedule
    with speakers, lectures, a cited paper, peer session, retrospective), so
    the first build already shows every page the journal makes; ``import``
    leaves it out, the imported posts take its place.
    """
    if target.exists() and not target.is_dir():
        raise UsageError(f"{target} is a file, not a folder")
    if target.exists() and any(target.iterdir()) and not force:
        raise UsageError(f"{target} is not empty; use --force to write into it anyway")
    day = today or dt.date.today()
    values = {
        "title": markdown_text(title),  # one line; conf.py gets repr() values only
        "title_repr": repr(title),
        "copyright_repr": repr(f"{day.year}, {author}" if author.strip() else str(day.year)),
        "author_repr": repr(author),
        "language_repr": repr(language),
        "bibfiles_repr": repr(bibfiles or []),
        "intro": INTRO[language],
    }
    files: dict[str, str] = {
        "conf.py": render("journal/conf.py.tmpl", **values),
        "index.md": render("journal/index.md", **values),
        "requirements.txt": render("journal/requirements.txt", requirement=installed_requirement()),
        ".readthedocs.yaml": render("journal/.readthedocs.yaml"),
    }
    if example:
        files[f"_posts/{day.isoformat()}-welcome.md"] = render(
            f"example-{language}.md",
            title=markdown_text(EXAMPLE_TITLE[language]),
            yaml_title=yaml_string(EXAMPLE_TITLE[language]),
        )
    written = []
    for name, text in files.items():
        path = target / name
        write_atomic(path, text.encode("utf-8"))
        written.append(path)
    return written


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
    from sphinx_journal.cli.importer import import_site, site_bibfiles  # noqa: PLC0415

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
