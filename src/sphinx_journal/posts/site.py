"""Sphinx glue for the Jekyll site around the posts: ``_config.yml``, drafts, Jekyll URLs.

At ``config-inited``, before anything is read:

- Jekyll's Markdown extensions (and ``_config.yml``'s ``markdown_ext``) are
  registered as MyST sources;
- ``_config.yml`` supplies ``project``, ``author``, ``html_baseurl``,
  ``journal_title``, ``journal_timezone`` and ``journal_permalink`` when
  ``conf.py`` does not set them, and what Jekyll does not read is excluded;
- the posts are scanned once (front matter only): drafts are excluded unless
  ``journal_drafts``, so they are never written nor indexed, and the Jekyll URL
  of every post is kept, so that a link to ``/2021/09/24/day36.html`` links to
  that post (:func:`post_by_url`); so is the ``permalink`` a page of the site
  gives itself (``/week-1/``);
- Markdown repository files without front matter (``README.md``,
  ``LICENSE.md`` …) are excluded: GitHub Pages makes no page of them, and
  every other page of the site is read as a Jekyll page (see
  :mod:`~sphinx_journal.posts.reading`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import os
import stat
from collections.abc import Iterator, Mapping
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, Final

from sphinx.util.matching import Matcher

from sphinx_journal import priorities
from sphinx_journal.compat import user_set
from sphinx_journal.config import journal_config
from sphinx_journal.jekyll import files as jekyll
from sphinx_journal.jekyll import frontmatter, siteconfig
from sphinx_journal.jekyll.metadata import read_meta
from sphinx_journal.site.outputs import remember, remembered
from sphinx_journal.version import __version__

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config


@dataclasses.dataclass(frozen=True)
class Site:
    """What the journal knows of the Jekyll site before reading: its config and its posts."""

    config: siteconfig.SiteConfig = dataclasses.field(default_factory=siteconfig.SiteConfig)
    urls: dict[str, str] = dataclasses.field(default_factory=dict)
    """:func:`~.jekyll.url_key` of each post's Jekyll URL -> its docname."""
    drafts: tuple[str, ...] = ()
    """Files of the drafts (``published: false``, ``draft: true``), relative to the source."""
    repository_files: tuple[str, ...] = ()
    """Markdown files no page is made of (``README.md`` without front matter)."""
    scanned: Mapping[str, Scanned] = dataclasses.field(default_factory=dict)
    """Per post or page file: what :func:`scan` found in it, kept for the next build's scan."""


#: A post file's scan: a digest of its beginning, whether it is a draft, its Jekyll URL.
Scanned = tuple[str, bool, str | None]


#: The :class:`Site` of each build, by ``id`` of its configuration.
_sites: dict[int, Site] = {}
#: Enough of a post's beginning to hold any real front matter.
_HEAD_BYTES: Final = 64 * 1024
#: The manifest's key for the last scan (see :func:`scan`).
_SCAN: Final = "scan"


def site_of(app_or_env: Any) -> Site:
    """The :class:`Site` of this build (an empty one before ``config-inited``)."""
    return _sites.get(id(app_or_env.config)) or Site()


def post_by_url(app_or_env: Any, url: str) -> str | None:
    """The docname of the post whose Jekyll URL is ``url`` (site-absolute), if any."""
    site = site_of(app_or_env)
    path = url.split("#", 1)[0]
    base = site.config.baseurl.strip("/")
    key = jekyll.url_key(path)
    if base and key.startswith(base + "/"):
        key = key[len(base) + 1 :]
    return site.urls.get(key)


def _markdown_files(
    srcdir: Path, suffixes: tuple[str, ...], excluded: list[str]
) -> Iterator[tuple[str, str, Path]]:
    """``(docname, relative path, path)`` of every Markdown file the build would read."""
    skip = Matcher(excluded)
    for root, dirs, files in os.walk(srcdir, followlinks=False):
        relative_root = Path(root).relative_to(srcdir).as_posix()
        relative_root = "" if relative_root == "." else relative_root
        dirs[:] = sorted(
            d
            for d in dirs
            if not skip(f"{relative_root}/{d}".lstrip("/")) and not d.startswith(".")
        )
        for name in sorted(files):
            stem, suffix = os.path.splitext(name)  # noqa: PTH122
            if suffix.lower() not in suffixes:
                continue
            relative = f"{relative_root}/{name}".lstrip("/")
            docname = f"{relative_root}/{stem}".lstrip("/")
            if not skip(relative):
                yield docname, relative, Path(root) / name


def _head(path: Path) -> str:
    """The beginning of ``path``, or nothing when it is no regular file or cannot be read.

    A FIFO would block the build and an unreadable file would stop it here,
    before reading; the reading phase reports both, located.
    """
    try:
        if not stat.S_ISREG(path.lstat().st_mode):
            return ""
        with path.open("rb") as stream:
            return stream.read(_HEAD_BYTES).decode("utf-8", errors="replace")
    except OSError:
        return ""


def _front_data(head: str, docname: str, site_config: siteconfig.SiteConfig) -> dict[str, Any]:
    """The front matter of the file beginning with ``head``, over ``_config.yml``'s defaults."""
    front, _ = frontmatter.load(head)
    return {**site_config.front_matter_defaults(docname), **(front.data if front else {})}


def _read_head(
    head: str, docname: str, site_config: siteconfig.SiteConfig, zone: dt.tzinfo | None
) -> tuple[bool, str | None]:
    """Whether the post beginning with ``head`` is a draft, and its Jekyll URL."""
    data = _front_data(head, docname, site_config)
    stem = PurePosixPath(docname).name
    meta, _ = read_meta(
        frontmatter.FrontMatter(data, 1, 1, {}) if data else None,
        stem,
        zone,
    )
    url = jekyll.permalink(
        stem,
        meta.date.day if meta.date else None,
        meta.categories,
        data,
        site_config.permalink,
    )
    return meta.draft, url


def _page_url(head: str, docname: str, site_config: siteconfig.SiteConfig) -> str | None:
    """The URL a page of the site beginning with ``head`` asks for in its front matter."""
    return jekyll.page_permalink(_front_data(head, docname, site_config))


def scan(
    srcdir: Path,
    config: Config,
    site_config: siteconfig.SiteConfig,
    known: Mapping[str, Scanned] | None = None,
) -> Site:
    """Read every post's front matter: its Jekyll URL, and whether it is a draft.

    A page of a Jekyll site is read for the ``permalink`` it may give itself.

    In a Jekyll site, Markdown repository files without front matter
    (``README.md`` …) are found too: GitHub Pages makes no page of them.
    ``known`` is the last scan's :attr:`Site.scanned` under the same rules and
    settings: a post whose beginning is byte for byte what it was is not read
    as YAML again, so a rebuild parses the front matter of the edited posts only.
    """
    journal = journal_config(config)
    suffixes = tuple(s for s in config.source_suffix if s.lower() in _markdown(site_config))
    urls: dict[str, str] = {}
    drafts: list[str] = []
    repository: list[str] = []
    scanned: dict[str, Scanned] = {}
    is_post = Matcher(list(journal.posts))
    for docname, relative, path in _markdown_files(
        srcdir, suffixes or jekyll.MARKDOWN_SUFFIXES, list(config.exclude_patterns)
    ):
        post = is_post(docname)
        if not post and not site_config.found:
            continue
        head = _head(path)
        if (
            not post
            and jekyll.repository_file(PurePosixPath(docname).name)
            and frontmatter.find_block(head) is None
        ):
            repository.append(relative)
            continue
        key = hashlib.blake2b(head.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
        before = (known or {}).get(relative)
        if before is not None and before[0] == key:
            draft, url = before[1], before[2]
        elif post:
            draft, url = _read_head(head, docname, site_config, journal.zone)
        else:
            draft, url = False, _page_url(head, docname, site_config)
        scanned[relative] = (key, draft, url)
        if draft:
            drafts.append(relative)
        if url is not None:
            urls.setdefault(jekyll.url_key(url), docname)
    return Site(site_config, urls, tuple(drafts), tuple(repository), scanned)


def _scan_key(config: Config, site_config: siteconfig.SiteConfig) -> str:
    """What a scan's findings depend on besides the files: the rules and the settings."""
    text = f"{__version__}\0{site_config!r}\0{journal_config(config)!r}"
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def _known(app: Sphinx, key: str) -> dict[str, Scanned]:
    """The last scan's findings, if made under ``key`` (read back from JSON, so checked)."""
    kept = remembered(app, _SCAN)
    if not isinstance(kept, dict) or kept.get("key") != key:
        return {}
    posts = kept.get("posts")
    known: dict[str, Scanned] = {}
    for relative, entry in posts.items() if isinstance(posts, dict) else ():
        if (
            isinstance(entry, list)
            and len(entry) == 3
            and isinstance(entry[0], str)
            and isinstance(entry[1], bool)
            and (entry[2] is None or isinstance(entry[2], str))
        ):
            known[str(relative)] = (entry[0], entry[1], entry[2])
    return known


def _markdown(site_config: siteconfig.SiteConfig) -> tuple[str, ...]:
    return tuple(dict.fromkeys((*jekyll.MARKDOWN_SUFFIXES, *site_config.markdown_ext)))


def _on_config_inited(app: Sphinx, config: Config) -> None:
    srcdir = Path(app.srcdir)
    site_config = siteconfig.read(srcdir)
    for suffix in _markdown(site_config):
        if suffix not in app.registry.source_suffix:
            app.registry.add_source_suffix(suffix, "markdown")
    if site_config.found:
        _apply(config, site_config, srcdir)
    _sites[id(config)] = Site(site_config)


def _apply(config: Config, site_config: siteconfig.SiteConfig, srcdir: Path) -> None:
    """``_config.yml``'s values where ``conf.py`` set none (``conf.py`` wins)."""
    defaults = {
        "project": site_config.title,
        "journal_title": site_config.title,
        "author": site_config.author,
        "html_baseurl": site_config.absolute_url if site_config.url else "",
        "journal_timezone": site_config.timezone,
        "journal_permalink": site_config.permalink,
    }
    for name, value in defaults.items():
        if value and not user_set(config, name) and name in config:
            setattr(config, name, value)
    excluded = siteconfig.exclude_patterns(srcdir, site_config)
    config.exclude_patterns = list(dict.fromkeys([*config.exclude_patterns, *excluded]))


def _on_config_ready(app: Sphinx, config: Config) -> None:
    """Scan the posts; keep drafts out of the build unless ``journal_drafts``.

    Drafts go into ``exclude_patterns`` here, before the environment compares
    its configuration with the last build's, so they are never read, written
    or indexed, and the same drafts give the same configuration every build.
    """
    # names Jekyll's entry filter skips under _posts are no posts, nor pages
    skipped = [f"_posts/{glob}{first}*" for glob in ("", "**/") for first in ("_", ".", "#", "~")]
    config.exclude_patterns = list(dict.fromkeys([*config.exclude_patterns, *skipped]))
    site_config = site_of(app).config
    key = _scan_key(config, site_config)
    site = scan(Path(app.srcdir), config, site_config, _known(app, key))
    remember(app, _SCAN, {"key": key, "posts": {k: list(v) for k, v in site.scanned.items()}})
    _sites[id(config)] = site
    left_out = list(site.repository_files)
    if not journal_config(config).drafts:
        left_out += site.drafts
    if left_out:
        config.exclude_patterns = list(dict.fromkeys([*config.exclude_patterns, *left_out]))


def setup_site(app: Sphinx) -> None:
    """Read ``_config.yml`` and scan the posts before the build reads anything."""
    app.connect("config-inited", _on_config_inited, priority=priorities.SITE_CONFIG)
    app.connect("config-inited", _on_config_ready, priority=priorities.SCAN_POSTS)
