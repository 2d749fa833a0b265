"""A new journal project's files: ``conf.py``, the home page, an example day, Read the Docs' files.

Shared by ``init`` (a new project) and ``import`` (a project around an
imported site), so both write the same project.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sphinx_journal.cli.errors import UsageError
from sphinx_journal.cli.files import write_atomic
from sphinx_journal.cli.requirement import installed_requirement
from sphinx_journal.cli.templates import markdown_text, render, yaml_string

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
