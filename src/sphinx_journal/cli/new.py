"""``sphinx-journal new [DIR]``: today's post from the template."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from sphinx_journal.cli.config import add_journal_argument, project_values
from sphinx_journal.cli.errors import UsageError
from sphinx_journal.cli.files import fit_name, write_atomic
from sphinx_journal.cli.templates import markdown_text, render, yaml_string
from sphinx_journal.jekyll.slugs import slugify

DEFAULT_TITLE = {"ko": "{date} 학습 일지", "en": "Journal of {date}"}


def new_post(target: Path, *, date: dt.date, title: str | None) -> Path:
    """Write the post of ``date`` from the template of the journal's language; return its path.

    The file name is Jekyll's (``YYYY-MM-DD-<slug>.md``) with a slug that
    keeps Unicode letters, so the post sorts by date in any file browser
    and its URL reads like its title.
    """
    if not (target / "conf.py").is_file():
        raise UsageError(
            f"{target} is not a journal (no conf.py); write one with `sphinx-journal init {target}`"
        )
    language = (
        "en" if str(project_values(target).get("language") or "ko").startswith("en") else "ko"
    )
    title = title or DEFAULT_TITLE[language].format(date=date.isoformat())
    path = target / "_posts" / fit_name(f"{date.isoformat()}-{_slug(title, date)}", ".md")
    if path.exists():
        raise UsageError(f"{path} already exists; it was left as it is")
    text = render(f"post-{language}.md", yaml_title=yaml_string(title), title=markdown_text(title))
    write_atomic(path, text.encode("utf-8"))
    return path


def _slug(title: str, date: dt.date) -> str:
    """The title's slug without the date the file name already starts with.

    The default title names the date; ``2026-12-01-2026-12-01-…`` would say
    it twice.
    """
    parts = slugify(title).replace(date.isoformat(), "").split("-")
    return "-".join(part for part in parts if part) or "journal"


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_journal_argument(parser)
    parser.add_argument("--date", type=_date, default=None, help="YYYY-MM-DD (default: today)")
    parser.add_argument("--title", default=None, help="the post's title")


def run(args: argparse.Namespace) -> int:
    print(new_post(args.dir, date=args.date or dt.date.today(), title=args.title))
    return 0
