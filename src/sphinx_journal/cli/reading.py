"""Read posts without building: what ``check`` and ``import`` report.

Uses the same pure functions as a build (front matter, metadata, Liquid),
plus the section and paper recognisers, so a report matches what the
build will say.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Final

from sphinx_journal.bibliography.identifiers import recognize
from sphinx_journal.config import DEFAULT_SECTIONS
from sphinx_journal.posts import frontmatter, liquid, siteconfig
from sphinx_journal.posts.index import build_index
from sphinx_journal.posts.jekyll import MARKDOWN_SUFFIXES
from sphinx_journal.posts.metadata import PostMeta, read_meta
from sphinx_journal.posts.problems import Problem
from sphinx_journal.posts.record import Post
from sphinx_journal.posts.slugs import safe_part
from sphinx_journal.sections.headings import section_kind

_HEADING: Final = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$", re.MULTILINE)
_LINK: Final = re.compile(r"\]\((https?://[^)\s]+)")
POST_SUFFIXES: Final = MARKDOWN_SUFFIXES
_SITE_TEXT: Final = frozenset({"title", "description", "author"})


@dataclasses.dataclass(frozen=True)
class PostReport:
    """What reading one post found."""

    path: Path
    meta: PostMeta
    sections: tuple[str, ...]
    papers: tuple[str, ...]
    problems: tuple[Problem, ...]


def read_post(
    path: Path,
    known_posts: Iterable[str] = (),
    *,
    sections: Mapping[str, str] = DEFAULT_SECTIONS,
) -> PostReport:
    """Read ``path`` as the build would, and report it.

    ``sections`` is the project's ``journal_sections``: which headings are
    recognised depends on it, exactly as in a build.
    """
    text = path.read_text(encoding="utf-8", errors="replace")
    front, problems = frontmatter.load(text)
    block = frontmatter.find_block(text)
    start = block[1] + 1 if block else 0
    posts = set(known_posts)

    site = siteconfig.read(_site_root(path))
    data = front.data if front is not None else {}

    def resolve(kind: str, argument: str) -> str | None:
        if kind == "post_url":
            name = argument.strip("/").rsplit("/", 1)[-1]
            return name if name in posts or safe_part(name) in posts else None
        if kind == "site":  # as the build: _config.yml's text, or nothing
            text: str = getattr(site, argument, "") if argument in _SITE_TEXT else ""
            return text or None
        if kind == "page":
            value = data.get(argument)
            ok = isinstance(value, (str, int, float)) and not isinstance(value, bool)
            return str(value) if ok else None
        return "" if kind == "root" else argument

    body, liquid_problems = liquid.convert("\n".join(text.split("\n")[start:]), start + 1, resolve)
    meta, meta_problems = read_meta(front, path.stem)
    kinds = tuple(
        kind
        for heading in _HEADING.findall(body)
        if (kind := section_kind(heading, sections)) is not None
    )
    papers = tuple(
        dict.fromkeys(
            str(paper) for url in _LINK.findall(body) if (paper := recognize(url)) is not None
        )
    )
    return PostReport(path, meta, kinds, papers, (*problems, *meta_problems, *liquid_problems))


def _site_root(path: Path) -> Path:
    """The folder above the post's ``_posts`` folder (the site), else the post's folder."""
    for parent in path.parents:
        if parent.name == "_posts":
            return parent.parent
    return path.parent


def slug_collisions(
    reports: Iterable[PostReport], project: Path, *, drafts: bool = False
) -> list[tuple[PostReport, Problem]]:
    """Tag or category names sharing a slug across posts, reported as the build reports them.

    The posts go through the build's own index (:func:`build_index`), so the
    spelling that wins, the post that is blamed and the message are the
    build's: ``check`` never disagrees with ``sphinx-build`` about a tag.
    """
    by_docname = {docname_of(report.path, project): report for report in reports}
    posts = [
        Post(docname, report.meta.title or docname, report.meta, "", "")
        for docname, report in by_docname.items()
    ]
    index = build_index(posts, drafts=drafts)
    found = []
    for kind, keys, taxa in (
        ("tag", ("tags", "tag"), index.tags),
        ("category", ("categories", "category"), index.categories),
    ):
        for taxon in taxa.values():
            for alias in taxon.aliases:
                post = next(
                    p
                    for p in reversed(taxon.posts)
                    if alias in (p.tags if kind == "tag" else p.categories)
                )
                line = next(
                    (post.meta.key_lines[k] for k in keys if k in post.meta.key_lines), None
                )
                message = (
                    f"{kind} {alias!r} has the same URL slug {taxon.slug!r} as "
                    f"{taxon.name!r}; they are listed as one {kind}"
                )
                found.append((by_docname[post.docname], Problem("tag", message, line)))
    return found


def docname_of(path: Path, project: Path) -> str:
    """The Sphinx docname of a post file of ``project`` (``_posts/2021-09-24-x``)."""
    try:
        relative = path.relative_to(project)
    except ValueError:
        relative = Path(path.name)
    return relative.with_suffix("").as_posix()


def format_problem(path: Path, problem: Problem) -> str:
    """``file:line: [journal.x] message``, as Sphinx prints it."""
    where = f"{path}:{problem.line}" if problem.line else str(path)
    return f"{where}: [journal.{problem.subtype}] {problem.message}"
