"""Read posts without building: what ``check`` and ``import`` report.

Uses the same pure functions as a build (front matter, metadata, Liquid),
plus the section and paper recognisers, so a report matches what the
build will say.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Final

from sphinx_journal.bibliography.identifiers import recognize
from sphinx_journal.config import DEFAULT_SECTIONS
from sphinx_journal.posts import frontmatter, liquid
from sphinx_journal.posts.metadata import PostMeta, read_meta
from sphinx_journal.posts.problems import Problem
from sphinx_journal.posts.slugs import slugify
from sphinx_journal.sections.headings import section_kind

_HEADING: Final = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$", re.MULTILINE)
_LINK: Final = re.compile(r"\]\((https?://[^)\s]+)")
POST_SUFFIXES: Final = (".md", ".markdown")


@dataclasses.dataclass(frozen=True)
class PostReport:
    """What reading one post found."""

    path: Path
    meta: PostMeta
    sections: tuple[str, ...]
    papers: tuple[str, ...]
    problems: tuple[Problem, ...]


def read_post(path: Path, known_posts: Iterable[str] = ()) -> PostReport:
    """Read ``path`` as the build would, and report it."""
    text = path.read_text(encoding="utf-8", errors="replace")
    front, problems = frontmatter.load(text)
    block = frontmatter.find_block(text)
    start = block[1] + 1 if block else 0
    posts = set(known_posts)

    def resolve(kind: str, argument: str) -> str | None:
        if kind == "post_url":
            name = argument.strip("/").rsplit("/", 1)[-1]
            return name if name in posts else None
        return "" if kind == "root" else argument

    body, liquid_problems = liquid.convert("\n".join(text.split("\n")[start:]), start + 1, resolve)
    meta, meta_problems = read_meta(front, path.stem)
    sections = tuple(
        kind
        for heading in _HEADING.findall(body)
        if (kind := section_kind(heading, DEFAULT_SECTIONS)) is not None
    )
    papers = tuple(
        dict.fromkeys(
            str(paper) for url in _LINK.findall(body) if (paper := recognize(url)) is not None
        )
    )
    return PostReport(path, meta, sections, papers, (*problems, *meta_problems, *liquid_problems))


def slug_collisions(reports: Iterable[PostReport]) -> list[tuple[PostReport, Problem]]:
    """Tag or category names sharing a slug across posts, as the build warns them."""
    seen: dict[tuple[str, str], str] = {}
    found = []
    for report in reports:
        for kind, names in (("tag", report.meta.tags), ("category", report.meta.categories)):
            for name in names:
                first = seen.setdefault((kind, slugify(name)), name)
                if first != name:
                    key = "tags" if kind == "tag" else "categories"
                    line = report.meta.key_lines.get(key)
                    found.append(
                        (
                            report,
                            Problem(
                                "tag",
                                f"{kind} {name!r} has the same URL slug as {first!r}; "
                                f"they are listed as one {kind}",
                                line,
                            ),
                        )
                    )
    return found


def format_problem(path: Path, problem: Problem) -> str:
    """``file:line: [journal.x] message``, as Sphinx prints it."""
    where = f"{path}:{problem.line}" if problem.line else str(path)
    return f"{where}: [journal.{problem.subtype}] {problem.message}"
