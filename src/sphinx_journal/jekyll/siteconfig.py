"""A Jekyll site's ``_config.yml``: the values a journal takes from it.

Read with PyYAML's safe loader (nothing in it runs). Only the values of
SPEC §2 are used: ``title``, ``description``, ``author``, ``url`` +
``baseurl``, ``timezone``, ``permalink``, ``exclude``/``include``,
``defaults`` and ``markdown_ext``. A value of the wrong shape is ignored,
as Jekyll would fail on it rather than guess.
"""

from __future__ import annotations

import dataclasses
import fnmatch
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final

import yaml

from sphinx_journal.jekyll.files import markdown_suffixes

CONFIG_FILE: Final = "_config.yml"
#: Jekyll's own default ``exclude`` (``lib/jekyll/configuration.rb``).
DEFAULT_EXCLUDE: Final = (
    ".sass-cache",
    ".jekyll-cache",
    "gemfiles",
    "Gemfile",
    "Gemfile.lock",
    "node_modules",
    "vendor/bundle/",
    "vendor/cache/",
    "vendor/gems/",
    "vendor/ruby/",
)


@dataclasses.dataclass(frozen=True)
class SiteConfig:
    """What ``_config.yml`` says, typed; empty when the site has none."""

    title: str = ""
    description: str = ""
    author: str = ""
    url: str = ""
    baseurl: str = ""
    timezone: str = ""
    permalink: str = ""
    exclude: tuple[str, ...] = ()
    include: tuple[str, ...] = ()
    defaults: tuple[tuple[str, str, Mapping[str, Any]], ...] = ()
    """``(scope path, scope type, values)`` of each ``defaults`` entry, in order."""
    markdown_ext: tuple[str, ...] = markdown_suffixes()
    found: bool = False

    @property
    def absolute_url(self) -> str:
        """``url`` + ``baseurl``, no trailing slash (``https://x.github.io/blog``)."""
        return (self.url.rstrip("/") + "/" + self.baseurl.strip("/")).rstrip("/")

    def front_matter_defaults(self, relative_path: str) -> dict[str, Any]:
        """The ``defaults`` values that apply to the post at ``relative_path`` (site-relative).

        As Jekyll's ``FrontmatterDefaults``: an entry applies when its scope's
        ``path`` is empty or a prefix (or glob) of the post's path and its
        ``type`` is empty or ``posts``; later and more specific entries win.
        """
        found: dict[str, Any] = {}
        applicable = [
            (path, values)
            for path, kind, values in self.defaults
            if kind in ("", "posts") and _in_scope(path, relative_path)
        ]
        for _path, values in sorted(applicable, key=lambda item: len(item[0].strip("/"))):
            found.update(values)
        return found


def _in_scope(scope: str, relative_path: str) -> bool:
    scope = scope.strip().strip("/")
    if not scope:
        return True
    if any(char in scope for char in "*?["):
        return fnmatch.fnmatch(relative_path, scope) or fnmatch.fnmatch(relative_path, scope + "/*")
    return relative_path == scope or relative_path.startswith(scope + "/")


def _text(value: Any) -> str:
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return str(value).strip()
    if isinstance(value, Mapping):  # ``author: {name: …}`` as minima writes it
        name = value.get("name")
        return str(name).strip() if isinstance(name, str) else ""
    return ""


def _names(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        return ()
    return tuple(
        str(item).strip() for item in value if isinstance(item, (str, int)) and str(item).strip()
    )


def _defaults(value: Any) -> tuple[tuple[str, str, Mapping[str, Any]], ...]:
    found = []
    for entry in value if isinstance(value, list) else []:
        if not isinstance(entry, Mapping) or not isinstance(entry.get("values"), Mapping):
            continue
        scope: Mapping[str, Any] = entry["scope"] if isinstance(entry.get("scope"), Mapping) else {}
        found.append(
            (
                _text(scope.get("path", "")),
                _text(scope.get("type", "")),
                {str(k): v for k, v in entry["values"].items()},
            )
        )
    return tuple(found)


def parse(text: str) -> SiteConfig:
    """The :class:`SiteConfig` of a ``_config.yml`` text (empty when it is not a mapping)."""
    try:
        data = yaml.safe_load(text)
    except (yaml.YAMLError, ValueError, TypeError, OverflowError):
        data = None
    if not isinstance(data, Mapping):
        return SiteConfig(found=True)
    ext = data.get("markdown_ext")
    return SiteConfig(
        title=_text(data.get("title")),
        description=_text(data.get("description")),
        author=_text(data.get("author")),
        url=_text(data.get("url")),
        baseurl=_text(data.get("baseurl")),
        timezone=_text(data.get("timezone")),
        permalink=_text(data.get("permalink")),
        exclude=_names(data.get("exclude")),
        include=_names(data.get("include")),
        defaults=_defaults(data.get("defaults")),
        markdown_ext=markdown_suffixes(ext),
        found=True,
    )


def read(site: Path) -> SiteConfig:
    """The site config of the folder ``site`` (never following a symlinked ``_config.yml``)."""
    path = site / CONFIG_FILE
    if not path.is_file() or path.is_symlink():
        return SiteConfig()
    return parse(path.read_text(encoding="utf-8", errors="replace"))


def exclude_patterns(site: Path, config: SiteConfig) -> list[str]:
    """Sphinx ``exclude_patterns`` for what Jekyll does not read in ``site``.

    Jekyll's default and configured ``exclude``, and every top-level entry
    its entry filter skips (``_layouts``, ``_site``, ``.git`` …) except
    ``_posts`` and what ``include`` brings back.
    """
    patterns: list[str] = []
    entries = [*DEFAULT_EXCLUDE, *config.exclude]
    try:
        names = sorted(child.name for child in site.iterdir() if child.is_dir())
    except OSError:
        names = []
    entries += [
        name
        for name in names
        if name.startswith((".", "_", "#", "~")) and name != "_posts" and name not in config.include
    ]
    for written in entries:
        entry = written.strip().strip("/")
        if not entry or entry in config.include:
            continue
        patterns += [entry, f"{entry}/**"]
    return list(dict.fromkeys(patterns))
