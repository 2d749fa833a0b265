"""``sphinx-journal import SITE DIR``: a Jekyll site's posts and bibliography, into a journal.

Posts are read as Jekyll wrote them, so they are copied byte for byte, with
two exceptions, both written into the copy's front matter because that is
where a reader of the post (and Jekyll itself, were the post taken back)
looks for them:

- categories Jekyll takes from the folders above ``_posts``
  (``tech/_posts/x.md`` is in ``tech``): the journal has no folders of that
  meaning, so the names are added to ``categories`` (folder ones first, as
  Jekyll orders them). Only that one key is rewritten; every other line of
  the front matter stays as written.
- a file renamed because its name is not safe as a Sphinx docname and URL
  (spaces, ``?``, ``:``, brackets …; Unicode letters stay) gets ``slug:``
  with its old name, so its Jekyll permalink, and the redirect page of
  ``journal_jekyll_redirects``, stay what they were.

A configuration mapping (``journal_categories = {"docname": [...]}``) was
the alternative; it was not chosen because the categories would then live
far from the post they describe, and because editing a post later would
have to keep two files in step.

Nothing is written when a copy would replace a different file already in
the journal (unless ``--force``): exit code 2, and the files are named.
"""

from __future__ import annotations

import argparse
import dataclasses
import re
import shutil
import sys
from pathlib import Path
from typing import Final

import yaml

from sphinx_journal.cli import assets
from sphinx_journal.cli.config import project_values
from sphinx_journal.cli.errors import UsageError
from sphinx_journal.cli.files import safe_part, write_atomic
from sphinx_journal.cli.project import write_project
from sphinx_journal.cli.reading import POST_SUFFIXES, PostSummary, read_project
from sphinx_journal.jekyll import files as jekyll
from sphinx_journal.jekyll import frontmatter, siteconfig
from sphinx_journal.jekyll.metadata import split_names
from sphinx_journal.jekyll.slugs import pretty_slug
from sphinx_journal.posts.containment import reached_directly

_SKIPPED_DIRS: Final = frozenset({"_site", ".git", "node_modules", ".jekyll-cache", "vendor"})
_HANGUL: Final = re.compile("[\uac00-\ud7a3]")


@dataclasses.dataclass(frozen=True)
class SitePost:
    """One post of the Jekyll site and where its copy goes."""

    source: Path
    categories: tuple[str, ...]
    """Jekyll's categories from the folders above ``_posts``."""
    destination: Path
    """Relative to the journal: ``_posts/<safe sub-folders>/<safe name>``."""


def site_bibfiles(site: Path) -> list[str]:
    """The ``.bib`` files of the site's ``_bibliography`` (jekyll-scholar's folder)."""
    folder = site / "_bibliography"
    if not folder.is_dir() or folder.is_symlink():
        return []
    return sorted(path.name for path in folder.glob("*.bib") if _plain(site, path))


def _ignored(name: str) -> bool:
    """Names Jekyll skips: hidden, private, editor backups (``._x.md`` of macOS too)."""
    return jekyll.skipped(name)


def _plain(site: Path, path: Path) -> bool:
    """Whether ``path`` is a regular file of ``site`` reached through no symlink.

    A symlink in someone else's site may point anywhere (``/etc/passwd``);
    importing it would copy that file into the journal.
    """
    if path.is_symlink() or not path.is_file():
        return False
    return reached_directly(site, path)


def symlinks(site: Path) -> list[Path]:
    """The symlinks under ``site`` that import leaves out, for its report."""
    return sorted(path for path in site.rglob("*") if path.is_symlink())


def find_posts(site: Path, skip: Path | None = None) -> list[SitePost]:
    """Every post of ``site``, each with a destination no other post of the site shares.

    ``skip`` is the journal being imported into: when it lies inside the
    site, its own ``_posts`` (the copies of a previous run) are not posts of
    the site, or every re-run would import them again.
    """
    found: list[SitePost] = []
    taken: set[str] = set()
    skipped = skip.resolve() if skip is not None else None
    for posts_dir in sorted(site.rglob("_posts")):
        relative = posts_dir.relative_to(site)
        if not posts_dir.is_dir() or _SKIPPED_DIRS.intersection(relative.parts):
            continue
        if skipped is not None and posts_dir.resolve().is_relative_to(skipped):
            continue
        categories = tuple(relative.parts[:-1])
        for path in sorted(posts_dir.rglob("*")):
            if path.suffix.lower() not in POST_SUFFIXES or not _plain(site, path):
                continue
            if any(_ignored(part) for part in path.relative_to(posts_dir).parts):
                continue
            parts = [safe_part(part) for part in path.relative_to(posts_dir).parts]
            destination = Path("_posts", *parts)
            stem, suffix = destination.stem, destination.suffix
            number = 1
            while destination.as_posix().lower() in taken:  # also safe on case-blind disks
                number += 1
                destination = destination.with_name(f"{stem}-{number}{suffix}")
            taken.add(destination.as_posix().lower())
            found.append(SitePost(path, categories, destination))
    return found


def _replace_key(text: str, keys: tuple[str, ...], line: str | None) -> str:
    """``text`` with the front-matter entries ``keys`` replaced by ``line`` (or removed).

    Only the lines of those entries change (the YAML nodes give their exact
    extent), so comments, quoting and key order elsewhere stay as written.
    """
    block = frontmatter.find_block(text)
    assert block is not None
    lines = text.split("\n")
    if line is not None and lines[0].endswith("\r"):
        line += "\r"  # keep a CRLF file CRLF
    yaml_lines = lines[block[0] + 1 : block[1]]
    node = yaml.compose("\n".join(yaml_lines), Loader=yaml.SafeLoader)
    spans: list[tuple[int, int]] = []
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if str(key_node.value) in keys:
                end = value_node.end_mark.line + (1 if value_node.end_mark.column else 0)
                spans.append((key_node.start_mark.line, max(end, key_node.start_mark.line + 1)))
    offset = block[0] + 1
    if not spans:
        insert_at = block[1]
        return "\n".join([*lines[:insert_at], *([line] if line else []), *lines[insert_at:]])
    for index, (start, end) in enumerate(sorted(spans, reverse=True)):
        replacement = [line] if line and index == len(spans) - 1 else []
        lines[offset + start : offset + end] = replacement
    return "\n".join(lines)


def _flow(key: str, names: list[str]) -> str:
    dumped = yaml.safe_dump(names, allow_unicode=True, default_flow_style=True, width=10_000)
    return f"{key}: {dumped.strip()}"


def adapt(text: str, categories: tuple[str, ...], old_slug: str | None) -> str:
    """The copy of a post: folder ``categories`` and the ``slug`` of a renamed file added.

    A post without front matter gets a block; a post whose front matter is
    not valid YAML is copied unchanged (``check`` and the build say why).
    """
    if not categories and old_slug is None:
        return text
    if "\r" in text and "\n" not in text:  # old Mac line endings: edit as lines, keep them
        return adapt(text.replace("\r", "\n"), categories, old_slug).replace("\n", "\r")
    front, problems = frontmatter.load(text)
    if problems:
        return text
    if front is None:
        text = "---\n---\n" + text
        data: dict[str, object] = {}
    else:
        data = front.data
    if categories:
        existing = split_names(data.get("categories")) + split_names(data.get("category"))
        names = list(dict.fromkeys([*categories, *existing]))
        text = _replace_key(text, ("categories", "category"), _flow("categories", names))
    if old_slug is not None and "slug" not in data and "permalink" not in data:
        text = _replace_key(
            text,
            ("slug",),
            "slug: " + yaml.safe_dump(old_slug, allow_unicode=True, width=10_000).split("\n")[0],
        )
    return text


def _read(path: Path) -> str:
    """The text of ``path`` with its line endings as they are (a copy keeps CRLF).

    Bytes that are not UTF-8 are kept as they are (surrogate escapes), so the
    copy is byte for byte the post and the build reports where they are.
    """
    return path.read_bytes().decode("utf-8", errors="surrogateescape")


def _copy_text(post: SitePost) -> str:
    """What the copy of ``post`` holds (see the module's docstring for the two changes)."""
    text = _read(post.source)
    renamed = post.destination.name != post.source.name
    old = jekyll.slug_of(post.source.stem)
    new = jekyll.slug_of(post.destination.stem)
    keep_slug = old if renamed and pretty_slug(old) != pretty_slug(new) else None
    return adapt(text, post.categories, keep_slug)


def _describe(post: PostSummary, shown: Path) -> str:
    parts = [
        f"date {post.date or 'none'}",
        f"title {post.title!r}" if post.title else "title from its first heading",
        f"tags {', '.join(post.tags) or '-'}",
        f"categories {', '.join(post.categories) or '-'}",
        f"sections {', '.join(post.sections) or '-'}",
        f"papers {len(post.papers)}" + (f" ({', '.join(post.papers)})" if post.papers else ""),
    ]
    return f"{shown}: " + "; ".join(parts)


def _prepare_target(site: Path, target: Path, posts: list[SitePost], bibfiles: list[str]) -> None:
    """Make ``target`` a journal when it is not one yet (what ``init`` would write)."""
    if (target / "conf.py").is_file():
        return
    if target.exists() and any(target.iterdir()):
        raise UsageError(
            f"{target} is neither empty nor a journal (no conf.py); "
            "import into a new folder, or run `sphinx-journal init` there first"
        )
    sample = " ".join(
        post.source.read_text(encoding="utf-8", errors="replace")[:2000] for post in posts[:20]
    )
    config = siteconfig.read(site)
    written = write_project(
        target,
        title=config.title or "Study Journal",
        author=config.author or config.title or "Study Journal",
        language="ko" if _HANGUL.search(sample) else "en",
        force=False,
        bibfiles=[f"_bibliography/{name}" for name in bibfiles],
        example=False,
    )
    _carry_config(target, config)
    print(f"wrote a new journal into {target} ({len(written)} files)")


def _carry_config(target: Path, config: siteconfig.SiteConfig) -> None:
    """``_config.yml``'s values written into the new ``conf.py``, where a reader looks for them."""
    values = {
        "html_baseurl": config.absolute_url + "/" if config.url else "",
        "journal_timezone": config.timezone,
        "journal_permalink": config.permalink,
    }
    lines = [f"{name} = {value!r}" for name, value in values.items() if value]
    if not lines:
        return
    conf = target / "conf.py"
    with conf.open("a", encoding="utf-8") as stream:
        stream.write("\n# From the Jekyll site's _config.yml:\n" + "\n".join(lines) + "\n")


def site_files(site: Path, posts: list[SitePost]) -> dict[Path, Path]:
    """Every image and file the posts reference: its copy in the journal -> the site's file.

    A site-absolute reference keeps its site path; a relative one is copied
    next to the post's copy, so the reference still works when a folder was
    renamed on import.
    """
    found: dict[Path, Path] = {}
    for post in posts:
        text = post.source.read_text(encoding="utf-8", errors="replace")
        folder = post.source.parent.relative_to(site).as_posix()
        for reference in assets.references(text):
            path = assets.site_file(site, folder, reference)
            if path is None:
                continue
            source = site / path
            if reference.replace("\\", "/").startswith("/"):
                found.setdefault(Path(path), source)
            else:
                relative = Path(path).relative_to(folder) if path.startswith(folder + "/") else None
                destination = (
                    post.destination.parent / relative if relative is not None else Path(path)
                )
                found.setdefault(destination, source)
    return found


def import_site(site: Path, target: Path, *, force: bool = False) -> int:
    """Import ``site`` into ``target`` (made a journal first if it is not one)."""
    if not site.is_dir():
        raise UsageError(f"{site} is not a folder")
    if target.exists() and not target.is_dir():
        raise UsageError(f"{target} is a file, not a folder")
    posts = find_posts(site, skip=target)
    for link in symlinks(site):
        print(f"skipped {link.relative_to(site)}: a symlink is not imported", file=sys.stderr)
    if not posts:
        print(f"no posts found under {site} (looked for _posts folders)")
        return 1
    bibfiles = site_bibfiles(site)
    is_new = not (target / "conf.py").is_file()
    texts = {post.destination: _copy_text(post) for post in posts}
    files = site_files(site, posts)
    clobbered = (
        [
            relative
            for relative, text in texts.items()
            if (target / relative).is_file() and _read(target / relative) != text
        ]
        + [
            Path("_bibliography", name)
            for name in bibfiles
            if (target / "_bibliography" / name).is_file()
            and (target / "_bibliography" / name).read_bytes()
            != (site / "_bibliography" / name).read_bytes()
        ]
        + [
            relative
            for relative, source in files.items()
            if (target / relative).is_file()
            and (target / relative).read_bytes() != source.read_bytes()
        ]
    )
    if clobbered and not force:
        names = ", ".join(str(path) for path in clobbered[:5])
        more = f" and {len(clobbered) - 5} more" if len(clobbered) > 5 else ""
        raise UsageError(
            f"{target} already holds different {names}{more}; nothing was written "
            "(use --force to replace them)"
        )
    _prepare_target(site, target, posts, bibfiles)
    conf = project_values(target)
    if bibfiles and not is_new:
        configured = conf.get("bibtex_bibfiles") or []
        missing = [f"_bibliography/{name}" for name in bibfiles]
        missing = [name for name in missing if name not in configured]
        if missing:
            print("add to bibtex_bibfiles in conf.py: " + ", ".join(missing))
    for name in bibfiles:
        write_atomic(target / "_bibliography" / name, (site / "_bibliography" / name).read_bytes())
    for post in posts:
        write_atomic(
            target / post.destination, texts[post.destination].encode("utf-8", "surrogateescape")
        )
    for relative, source in files.items():
        destination = target / relative
        if destination.is_file() and destination.read_bytes() == source.read_bytes():
            continue
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, destination, follow_symlinks=False)
    config_file = site / siteconfig.CONFIG_FILE
    copy_config = config_file.is_file() and not config_file.is_symlink()
    if copy_config and not (target / siteconfig.CONFIG_FILE).exists():
        shutil.copyfile(config_file, target / siteconfig.CONFIG_FILE, follow_symlinks=False)
    if files:
        print(f"copied {len(files)} images and files the posts reference")
    _report(site, target, posts)
    return 0


def _report(site: Path, target: Path, posts: list[SitePost]) -> None:
    """Print, per post, what the build recognised in its copy and every warning it gives.

    The journal is read by the build's own reading phase (as ``check`` reads
    it), so what is printed here is what ``sphinx-build`` will say.
    """
    reading = read_project(target)
    summaries = {summary.path.resolve(): summary for summary in reading.posts}
    problems: dict[str, list[str]] = {}
    for problem in reading.problems:
        problems.setdefault(str(Path(problem.path).resolve()), []).append(str(problem))
    not_posts = []
    for post in posts:
        destination = (target / post.destination).resolve()
        summary = summaries.get(destination)
        if summary is None:
            not_posts.append(post.destination)
            print(f"{post.destination}: not a post of this journal")
        else:
            print(_describe(summary, post.destination))
        if post.destination.name != post.source.name:
            print(f"  renamed from {post.source.relative_to(site).as_posix()!r}")
        if post.categories:
            print(f"  categories from folders: {', '.join(post.categories)}")
        for line in problems.get(str(destination), []):
            print("  " + line)
    copied = {str((target / post.destination).resolve()) for post in posts}
    for path, lines in problems.items():
        if path not in copied:
            for line in lines:
                print("  " + line)
    if reading.error:
        print(f"sphinx-build would stop: {reading.error}")
    if not_posts:
        print(
            f"{len(not_posts)} imported files are not posts under this journal's journal_posts "
            f"(first: {not_posts[0]}); add '_posts/**' to journal_posts in conf.py"
        )
    print(
        f"imported {len(posts)} posts ({len(reading.problems)} warnings) into {target}; "
        f"build with: sphinx-build {target} {target / '_build' / 'html'}"
    )


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("site", type=Path, help="the Jekyll site (the folder holding _posts)")
    parser.add_argument(
        "dir", type=Path, help="the journal to import into (a new journal is written if needed)"
    )
    parser.add_argument(
        "--force", action="store_true", help="replace posts the journal already holds"
    )


def run(args: argparse.Namespace) -> int:
    return import_site(args.site, args.dir, force=args.force)
