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
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, Final

from sphinx_journal.builders import has_journal_pages
from sphinx_journal.config import journal_config
from sphinx_journal.jekyll import files as jekyll
from sphinx_journal.posts.index import post_index
from sphinx_journal.site.outputs import replace_outputs
from sphinx_journal.warnings_ import warn

if TYPE_CHECKING:
    from collections.abc import Mapping

    from sphinx.application import Sphinx
    from sphinx.builders.html import StandaloneHTMLBuilder

    from sphinx_journal.records.post import Post

#: Pages every HTML build writes at the top of the output folder.
_SPHINX_PAGES: Final = frozenset({"genindex.html", "search.html", "py-modindex.html", "index.html"})


def jekyll_permalink(
    post: Post, front: Mapping[str, Any] | None = None, site_permalink: object = None
) -> str | None:
    """The output file of ``post`` on the Jekyll site, relative to the site's root."""
    front = front or {}
    day = post.meta.date.day if post.meta.date is not None else None
    url = jekyll.permalink(
        PurePosixPath(post.docname).name, day, post.categories, front, site_permalink
    )
    return None if url is None else jekyll.output_file(url)


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


#: Longest file or folder name most file systems take, in bytes.
_NAME_BYTES = 255


def _clash(outdir: Path, path: str, taken: set[str], folders: set[str]) -> str | None:
    """Why the redirect file ``path`` cannot be written without hiding a page, if so.

    A redirect at ``search.html/index.html`` would need a folder where Sphinx
    writes ``search.html``; one at ``index.html`` a file where another page
    needs a folder.
    """
    parents = [str(parent) for parent in PurePosixPath(path).parents if str(parent) != "."]
    if any(parent in taken or (outdir / parent).is_file() for parent in parents):
        return "a page is written where it needs a folder"
    if path in folders or (outdir / path).is_dir():
        return "a folder of pages is where it would be written"
    return None


def _too_long(path: str) -> bool:
    """Whether a name in ``path`` is longer than file systems take (even a look at it fails)."""
    return any(len(part.encode("utf-8", "surrogatepass")) > _NAME_BYTES for part in path.split("/"))


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
        taken = {
            page.relative_to(outdir).as_posix() for page in pages if page.is_relative_to(outdir)
        }
        taken.update(_SPHINX_PAGES)
        folders = {str(parent) for name in taken for parent in PurePosixPath(name).parents}
        for post in post_index(app.env).posts:
            path = jekyll_permalink(post, app.env.metadata[post.docname], config.permalink)
            if path is None or not _allowed(path, config.path):
                continue
            if _too_long(path):
                shown = path if len(path) <= 80 else path[:77] + "..."
                reason = "a name in it is longer than a file system allows"
                warn("page", f"no redirect from {shown}: {reason}", post.docname)
                continue
            destination = (outdir / path).resolve()
            if not destination.is_relative_to(outdir) or destination in pages or path in files:
                continue  # never outside the output, over a real page or over another redirect
            clash = _clash(outdir, path, taken, folders)
            if clash:
                warn("page", f"no redirect from {path}: {clash}", post.docname)
                continue
            taken.add(path)
            folders.update(str(parent) for parent in PurePosixPath(path).parents)
            target = posixpath.relpath(
                builder.get_target_uri(post.docname), posixpath.dirname(path) or "."
            )
            files[path] = redirect_page(target, post.title)
    replace_outputs(app, "redirects", files)
    return []


def setup_redirects(app: Sphinx) -> None:
    """Write redirect pages from Jekyll's permalinks when ``journal_jekyll_redirects``."""
    app.connect("html-collect-pages", write_redirects)
