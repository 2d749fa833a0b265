"""Jekyll's own rules for post files: which files are posts, their date, slug, title and URL.

Each rule is written once, as Jekyll states it, and used by the build and
the command line alike:

- ``DATE_FILENAME_MATCHER`` (``lib/jekyll/document.rb``): a post's file name
  is ``\\d{2,4}-\\d{1,2}-\\d{1,2}-SLUG.EXT``; the date, the slug and the
  default title (``Utils.titleize_slug``: each ``-`` part capitalised) all
  come from it.
- ``EntryFilter`` (``lib/jekyll/entry_filter.rb``): names starting with
  ``.``, ``_``, ``#`` or ``~`` and names ending with ``~`` are skipped.
- Jekyll's default ``markdown_ext``: ``markdown,mkdown,mkdn,mkd,md``.
- GitHub Pages (``jekyll-optional-front-matter``, on by default) makes a page
  of Markdown without front matter too, except repository files named
  ``README``, ``LICENSE``, ``LICENCE``, ``COPYING``, ``CODE_OF_CONDUCT``,
  ``CONTRIBUTING``, ``ISSUE_TEMPLATE`` or ``PULL_REQUEST_TEMPLATE``.
- Permalinks (``lib/jekyll/url.rb``, ``drops/url_drop.rb``): the built-in
  styles ``date`` (default), ``pretty``, ``ordinal``, ``weekdate`` and
  ``none``, or a template of ``:placeholders``; ``:title`` is the slug in
  ``slugify``'s ``pretty`` mode with case kept, ``:categories`` the
  categories lower-cased and joined with ``/`` (not slugified).
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from collections.abc import Iterable, Mapping
from typing import Any, Final

from sphinx_journal.jekyll.slugs import pretty_slug

#: Jekyll's ``DATE_FILENAME_MATCHER``, on a file name without its folder and extension.
DATED_NAME: Final = re.compile(r"^(?P<date>\d{2,4}-\d{1,2}-\d{1,2})-(?P<slug>.*)$")
#: Jekyll's default ``markdown_ext``, each with its dot.
MARKDOWN_SUFFIXES: Final = (".md", ".markdown", ".mkdown", ".mkdn", ".mkd")
#: Jekyll's built-in permalink styles, for ``_config.yml``'s (or a post's) ``permalink``.
PERMALINK_STYLES: Final[Mapping[str, str]] = {
    "date": "/:categories/:year/:month/:day/:title:output_ext",
    "pretty": "/:categories/:year/:month/:day/:title/",
    "ordinal": "/:categories/:year/:y_day/:title:output_ext",
    "weekdate": "/:categories/:year/W:week/:short_day/:title:output_ext",
    "none": "/:categories/:title:output_ext",
}
DEFAULT_PERMALINK: Final = PERMALINK_STYLES["date"]
#: Besides letters, marks and decimal digits, what ``slugify``'s ``pretty`` mode keeps.
_PLACEHOLDER: Final = re.compile(r":([a-z_]+)")


def markdown_suffixes(markdown_ext: object = None) -> tuple[str, ...]:
    """The suffixes of Markdown files: Jekyll's default, or ``_config.yml``'s ``markdown_ext``."""
    if isinstance(markdown_ext, str) and markdown_ext.strip():
        names = [name.strip().lstrip(".").lower() for name in markdown_ext.split(",")]
        found = tuple(dict.fromkeys(f".{name}" for name in names if name))
        if found:
            return found
    return MARKDOWN_SUFFIXES


#: Repository files GitHub Pages does not make pages of when they have no front matter.
REPOSITORY_FILES: Final = frozenset(
    {
        "README",
        "LICENSE",
        "LICENCE",
        "COPYING",
        "CODE_OF_CONDUCT",
        "CONTRIBUTING",
        "ISSUE_TEMPLATE",
        "PULL_REQUEST_TEMPLATE",
    }
)


def repository_file(stem: str) -> bool:
    """Whether a Markdown file called ``stem`` (no suffix) is a repository file, not a page."""
    return stem.upper() in REPOSITORY_FILES


def skipped(name: str) -> bool:
    """Whether Jekyll's entry filter skips a file or folder called ``name``."""
    return name.startswith((".", "_", "#", "~")) or name.endswith("~")


def is_dated_name(stem: str) -> bool:
    """Whether ``stem`` (a file name without extension) is a Jekyll post name."""
    return DATED_NAME.match(stem) is not None


def filename_day(stem: str) -> dt.date | None:
    """The day of a dated file name (``2017-4-9-x``), or ``None`` when it has no valid one.

    A two-digit year is read as Ruby's ``Time.parse`` reads it (``69``–``99``
    in the 1900s, the rest in the 2000s).
    """
    match = DATED_NAME.match(stem)
    if match is None:
        return None
    year, month, day = (int(part) for part in match["date"].split("-"))
    if len(match["date"].split("-")[0]) == 2:
        year += 1900 if year >= 69 else 2000
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def slug_of(stem: str, front_slug: object = None) -> str:
    """The slug Jekyll gives a post: its ``slug`` key, else its file name after the date."""
    if isinstance(front_slug, str) and front_slug.strip():
        return front_slug.strip()
    match = DATED_NAME.match(stem)
    return match["slug"] if match else stem


def title_of(stem: str) -> str:
    """Jekyll's title for a post without one (``Utils.titleize_slug``)."""
    slug = slug_of(stem)
    return " ".join(part.capitalize() for part in slug.split("-") if part) or stem


def permalink_template(value: object) -> str:
    """The template of a ``permalink`` value: a style name expanded, else the value itself."""
    if isinstance(value, str) and value.strip():
        text = value.strip()
        return PERMALINK_STYLES.get(text, text)
    return DEFAULT_PERMALINK


def placeholders(day: dt.date, slug: str, categories: Iterable[str]) -> dict[str, str]:
    """The values of Jekyll's URL placeholders for a post of ``day``."""
    title = pretty_slug(slug)
    iso = day.isocalendar()
    return {
        "categories": "/".join(dict.fromkeys(name.lower() for name in categories)),
        "year": f"{day.year:04d}",
        "month": f"{day.month:02d}",
        "day": f"{day.day:02d}",
        "i_month": str(day.month),
        "i_day": str(day.day),
        "short_year": f"{day.year % 100:02d}",
        "y_day": f"{day.timetuple().tm_yday:03d}",
        "week": f"{iso.week:02d}",
        "short_day": day.strftime("%a"),
        "long_day": day.strftime("%A"),
        "short_month": day.strftime("%b"),
        "long_month": day.strftime("%B"),
        "title": title,
        "slug": title.lower(),
        "output_ext": ".html",
    }


def permalink(
    stem: str,
    day: dt.date | None,
    categories: Iterable[str],
    front: Mapping[str, Any],
    site_permalink: object = None,
) -> str | None:
    """The URL path of a post on its Jekyll site (``/tech/2021/09/24/day36.html``).

    ``front`` is the post's front matter (``permalink``, ``slug``);
    ``site_permalink`` is ``_config.yml``'s ``permalink``. ``None`` when the
    URL needs a date the post does not have.
    """
    custom = front.get("permalink")
    template = permalink_template(
        custom if isinstance(custom, str) and custom.strip() else site_permalink
    )
    if day is None:
        if _PLACEHOLDER.search(template):
            return None
        values: dict[str, str] = {}
    else:
        values = placeholders(day, slug_of(stem, front.get("slug")), categories)
    url = _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), template)
    url = "/" + re.sub(r"/{2,}", "/", url).lstrip("/")
    return url


def page_permalink(front: Mapping[str, Any]) -> str | None:
    """The URL path a page's front matter gives it (``permalink: /week-1/``), if a literal one.

    A page's placeholders (``:path``, ``:basename``) are left alone: such a
    page keeps the URL of its file.
    """
    custom = front.get("permalink")
    if not isinstance(custom, str) or not custom.strip() or _PLACEHOLDER.search(custom):
        return None
    return "/" + re.sub(r"/{2,}", "/", custom.strip()).lstrip("/")


def output_file(url: str) -> str:
    """The file Jekyll writes for ``url``, relative to the site root (``…/index.html``)."""
    if url.endswith("/"):
        url += "index.html"
    elif not posixpath.splitext(url)[1]:
        url += ".html"
    return url.lstrip("/")


def url_key(url: str) -> str:
    """A site-absolute URL as it is looked up: no slashes around, no ``.html`` or ``index.html``."""
    path = url.split("#", 1)[0].split("?", 1)[0].strip("/")
    if path.endswith("index.html"):
        path = path[: -len("index.html")].rstrip("/")
    elif path.endswith(".html"):
        path = path[: -len(".html")]
    return path
