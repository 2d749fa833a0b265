"""``sphinx-journal import SITE DIR``: a Jekyll site's posts and bibliography, into a journal.

Posts are copied unchanged, except where Jekyll gives them categories from
the folders above ``_posts`` (``tech/_posts/x.md`` is in ``tech``): those are
written into the copy's front matter, because the journal has no folders of
that meaning. File names become ones every system accepts (spaces, ``?``,
``:`` and brackets go; Unicode letters stay), and every rename is reported.
"""

from __future__ import annotations

import argparse
import re
import shutil
from pathlib import Path
from typing import Final

import yaml

from sphinx_journal.cli.files import safe_part
from sphinx_journal.cli.init import write_project
from sphinx_journal.cli.progress import progress
from sphinx_journal.cli.reading import (
    POST_SUFFIXES,
    PostReport,
    format_problem,
    read_post,
    slug_collisions,
)
from sphinx_journal.posts import frontmatter

_SKIPPED_DIRS: Final = frozenset({"_site", ".git", "node_modules", ".jekyll-cache", "vendor"})
_HANGUL: Final = re.compile("[\uac00-\ud7a3]")


def site_bibfiles(site: Path) -> list[str]:
    folder = site / "_bibliography"
    return sorted(path.name for path in folder.glob("*.bib")) if folder.is_dir() else []


def find_posts(site: Path) -> list[tuple[Path, tuple[str, ...], Path]]:
    """(file, categories from folders, path under its _posts) of every post of ``site``."""
    found = []
    for posts_dir in sorted(site.rglob("_posts")):
        relative = posts_dir.relative_to(site)
        if not posts_dir.is_dir() or _SKIPPED_DIRS.intersection(relative.parts):
            continue
        categories = tuple(relative.parts[:-1])
        for path in sorted(posts_dir.rglob("*")):
            if path.is_file() and path.suffix.lower() in POST_SUFFIXES:
                found.append((path, categories, path.relative_to(posts_dir)))
    return found


def with_categories(text: str, categories: tuple[str, ...]) -> str:
    """``text`` whose front matter also lists ``categories`` (Jekyll's folder categories)."""
    if not categories:
        return text
    front, problems = frontmatter.load(text)
    block = frontmatter.find_block(text)
    lines = text.split("\n")
    if front is None or block is None or problems:
        header = ["---", f"categories: {list(categories)!r}", "---"]
        return "\n".join(header + lines) if block is None else text
    existing = front.data.get("categories", front.data.get("category"))
    if existing is None:
        line = (
            "categories: "
            + yaml.safe_dump(list(categories), allow_unicode=True, default_flow_style=True).strip()
        )
        lines.insert(block[1], line)
        return "\n".join(lines)
    names = existing.split() if isinstance(existing, str) else list(existing)
    data = dict(front.data)
    data.pop("category", None)
    data["categories"] = list(dict.fromkeys([*categories, *map(str, names)]))
    dumped = yaml.safe_dump(data, allow_unicode=True, sort_keys=False).rstrip("\n")
    return "\n".join(["---", dumped, *lines[block[1] :]])


def _describe(report: PostReport, shown: Path) -> str:
    meta = report.meta
    parts = [
        f"date {meta.date.isoformat() if meta.date else 'none'}",
        f"title {meta.title!r}" if meta.title else "title from its first heading",
        f"tags {', '.join(meta.tags) or '-'}",
        f"sections {', '.join(report.sections) or '-'}",
        f"papers {len(report.papers)}"
        + (f" ({', '.join(report.papers)})" if report.papers else ""),
    ]
    return f"{shown}: " + "; ".join(parts)


def import_site(site: Path, target: Path) -> int:
    """Import ``site`` into ``target`` (made a journal first if it is not one)."""
    posts = find_posts(site)
    if not posts:
        print(f"no posts found under {site} (looked for _posts folders)")
        return 1
    bibfiles = site_bibfiles(site)
    if not (target / "conf.py").is_file():
        sample = " ".join(
            path.read_text(encoding="utf-8", errors="replace")[:2000] for path, _, _ in posts[:20]
        )
        language = "ko" if _HANGUL.search(sample) else "en"
        write_project(
            target,
            title="Study Journal",
            author="Study Journal",
            language=language,
            force=True,
            bibfiles=[f"_bibliography/{name}" for name in bibfiles],
        )
        for old in (target / "_posts").glob("*-welcome.md"):
            old.unlink()
    elif bibfiles:
        print(
            "add to bibtex_bibfiles in conf.py: "
            + ", ".join(f"_bibliography/{name}" for name in bibfiles)
        )
    for name in bibfiles:
        (target / "_bibliography").mkdir(parents=True, exist_ok=True)
        shutil.copy2(site / "_bibliography" / name, target / "_bibliography" / name)
    stems = {path.stem for path, _, _ in posts}
    reports = []
    for source, categories, relative in progress(posts, "importing", len(posts)):
        destination = target / "_posts" / Path(*(safe_part(part) for part in relative.parts))
        destination.parent.mkdir(parents=True, exist_ok=True)
        text = source.read_text(encoding="utf-8", errors="replace")
        destination.write_text(with_categories(text, categories), encoding="utf-8")
        report = read_post(source, stems)
        reports.append(report)
        print(_describe(report, destination.relative_to(target)))
        if destination.name != source.name:
            print(f"  renamed from {source.name!r}")
        if categories:
            print(f"  categories from folders: {', '.join(categories)}")
        for problem in report.problems:
            print("  " + format_problem(source, problem))
    for report, problem in slug_collisions(reports):
        print("  " + format_problem(report.path, problem))
    print(
        f"imported {len(posts)} posts into {target}; build with: "
        f"sphinx-build {target} {target / '_build' / 'html'}"
    )
    return 0


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("site", type=Path, help="the Jekyll site (the folder holding _posts)")
    parser.add_argument("dir", type=Path, help="the journal to import into (made if needed)")


def run(args: argparse.Namespace) -> int:
    return import_site(args.site, args.dir)
