"""Redirect pages from Jekyll's permalinks to the new post pages.

With ``journal_jekyll_redirects = True``, each post's old address gets a
small HTML page that forwards to the post, so links to the old blog keep
working. The old address is computed the way Jekyll computes it:

- the default ``/:categories/:year/:month/:day/:title.html``, where
  ``:categories`` is the post's categories lower-cased and joined with ``/``
  (Jekyll does *not* slugify them: ``Deep Learning`` stays a folder with a
  space, https://github.com/jekyll/jekyll/issues/5813) and ``:title`` is the
  post's ``slug`` (front matter) or the file name after its date, slugified in
  Jekyll's ``pretty`` mode with case kept;
- a ``permalink`` in the front matter, with the same placeholders expanded;
  one ending in ``/`` becomes ``…/index.html``, one without an extension gets
  ``.html`` (Jekyll's own output rules).

Redirects are HTML pages, so only addresses ending in ``.html`` get one; an
address is skipped when it would leave the output folder, start with a dot
or ``_`` (Sphinx's ``_static``, ``_sources`` …), fall under ``journal_path``,
or land on a page Sphinx writes itself: a redirect never hides a real page.
"""

from __future__ import annotations

import html
import posixpath
import re
import unicodedata
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, Final

from sphinx_journal.config import journal_config
from sphinx_journal.pages.links import has_journal_pages
from sphinx_journal.pages.outputs import replace_outputs
from sphinx_journal.posts.index import post_index

if TYPE_CHECKING:
    from collections.abc import Mapping

    from sphinx.application import Sphinx
    from sphinx.builders.html import StandaloneHTMLBuilder

    from sphinx_journal.posts.record import Post

#: Besides letters, marks and decimal digits, what Jekyll's ``pretty`` slugs keep.
_PRETTY_KEPT: Final = frozenset("._~!$&'()+,;=@")
#: Jekyll's ``DATE_FILENAME_MATCHER``: the post's slug is what follows the date.
_DATED_NAME: Final = re.compile(r"^\d{2,4}-\d{1,2}-\d{1,2}-(.*)$")
_PLACEHOLDER: Final = re.compile(r":([a-z_]+)")
#: Pages every HTML build writes at the top of the output folder.
_SPHINX_PAGES: Final = frozenset({"genindex.html", "search.html", "py-modindex.html", "index.html"})


def jekyll_pretty_slug(text: str) -> str:
    """Jekyll's ``slugify(text, mode: "pretty", cased: true)`` (its ``:title``).

    Letters, marks and decimal digits of any script stay (``8주차`` stays), as
    do ``._~!$&'()+,;=@``; every run of other characters becomes one ``-``;
    one leading and one trailing ``-`` go.
    """
    kept = "".join(
        char
        if unicodedata.category(char)[0] in "LM"
        or unicodedata.category(char) == "Nd"
        or char in _PRETTY_KEPT
        else "\0"
        for char in text
    )
    slug = re.sub("\0+", "-", kept)
    return re.sub(r"^-|-$", "", slug)


def jekyll_slug_of(docname: str, front_slug: object = None) -> str:
    """The raw slug Jekyll gives a post: its ``slug`` key, else its file name after the date."""
    if isinstance(front_slug, str) and front_slug.strip():
        return front_slug.strip()
    name = PurePosixPath(docname).name
    match = _DATED_NAME.match(name)
    return (match.group(1) if match else name).rstrip(".")


def jekyll_placeholders(post: Post, front: Mapping[str, Any]) -> dict[str, str] | None:
    """The values of Jekyll's URL placeholders for ``post`` (``None`` when it has no date)."""
    if post.meta.date is None:
        return None
    day = post.meta.date.day
    title = jekyll_pretty_slug(jekyll_slug_of(post.docname, front.get("slug")))
    categories = "/".join(dict.fromkeys(name.lower() for name in post.categories))
    return {
        "categories": categories,
        "year": f"{day.year:04d}",
        "month": f"{day.month:02d}",
        "day": f"{day.day:02d}",
        "i_month": str(day.month),
        "i_day": str(day.day),
        "short_year": f"{day.year % 100:02d}",
        "y_day": f"{day.timetuple().tm_yday:03d}",
        "short_month": day.strftime("%b"),
        "long_month": day.strftime("%B"),
        "title": title,
        "slug": title.lower(),
        "output_ext": ".html",
    }


def jekyll_permalink(post: Post, front: Mapping[str, Any] | None = None) -> str | None:
    """The output file of ``post`` on the Jekyll site, relative to the site's root."""
    front = front or {}
    values = jekyll_placeholders(post, front)
    custom = front.get("permalink")
    template = (
        custom.strip()
        if isinstance(custom, str) and custom.strip()
        else "/:categories/:year/:month/:day/:title:output_ext"
    )
    if values is None:
        if ":" in template or template is not custom:
            return None
        values = {}
    url = _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), template)
    return jekyll_output_file(url)


def jekyll_output_file(url: str) -> str:
    """The file Jekyll writes for the site path ``url`` (relative to the site's root).

    ``/a/b/`` is ``a/b/index.html``, ``/a/b`` is ``a/b.html`` (Jekyll's output
    rules); the same rule turns a link to a post's old address into the file
    that address names.
    """
    url = re.sub(r"/{2,}", "/", url)
    if url.endswith("/"):
        url += "index.html"
    elif not PurePosixPath(url).suffix:
        url += ".html"
    return url.lstrip("/")


def _allowed(path: str, journal_path: str) -> bool:
    parts = PurePosixPath(path).parts
    return (
        bool(parts)
        and path.endswith(".html")
        and not any(p in ("..", "") or p.startswith((".", "_")) for p in parts)
        and "\\" not in path
        and parts[0] != journal_path.split("/", maxsplit=1)[0]
        and path not in _SPHINX_PAGES
    )


def redirect_page(target: str, title: str) -> str:
    """A page that forwards to ``target`` at once, and links to it for readers without refresh."""
    href = html.escape(target, quote=True)
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8">\n'
        f"<title>{html.escape(title)}</title>\n"
        f'<link rel="canonical" href="{href}">\n'
        f'<meta http-equiv="refresh" content="0; url={href}">\n'
        '<meta name="robots" content="noindex">\n'
        f'</head><body><p><a href="{href}">{html.escape(title)}</a></p></body></html>\n'
    )


def write_redirects(app: Sphinx) -> list[Any]:
    """Write (or remove, when switched off) the redirect pages of this build."""
    if not has_journal_pages(app.builder):
        return []
    files: dict[str, str] = {}
    config = journal_config(app.config)
    if config.jekyll_redirects:
        builder: StandaloneHTMLBuilder = app.builder  # type: ignore[assignment]
        outdir = Path(builder.outdir).resolve()
        pages = {(outdir / builder.get_outfilename(doc)).resolve() for doc in app.env.all_docs}
        for post in post_index(app.env).posts:
            path = jekyll_permalink(post, app.env.metadata[post.docname])
            if path is None or not _allowed(path, config.path):
                continue
            destination = (outdir / path).resolve()
            if not destination.is_relative_to(outdir) or destination in pages or path in files:
                continue  # never outside the output, over a real page or over another redirect
            target = posixpath.relpath(
                builder.get_target_uri(post.docname), posixpath.dirname(path) or "."
            )
            files[path] = redirect_page(target, post.title)
    replace_outputs(app, "redirects", files)
    return []


def setup_redirects(app: Sphinx) -> None:
    """Write redirect pages from Jekyll's permalinks when ``journal_jekyll_redirects``."""
    app.connect("html-collect-pages", write_redirects)
