"""Redirect pages from Jekyll's permalinks to the new post pages.

With ``journal_jekyll_redirects = True``, each post's old address
(``/:categories/:year/:month/:day/:title.html``, or its ``permalink``) gets a
small HTML page that forwards to the post, so links to the old blog keep
working. Nothing is written outside the output folder or over a real page.
"""

from __future__ import annotations

import html
import posixpath
import re
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from sphinx_journal.config import journal_config
from sphinx_journal.pages.links import has_journal_pages
from sphinx_journal.pages.outputs import replace_outputs
from sphinx_journal.posts.index import post_index
from sphinx_journal.posts.slugs import jekyll_slug

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders.html import StandaloneHTMLBuilder

    from sphinx_journal.posts.record import Post


def jekyll_permalink(post: Post, custom: object = None) -> str | None:
    """The path of a post on the Jekyll site (its ``permalink``, if given), from the root."""
    if isinstance(custom, str) and custom.strip("/"):
        path = custom.strip().lstrip("/")
        return path + "index.html" if path.endswith("/") else path
    if post.meta.date is None:
        return None
    day = post.meta.date.day
    title = re.sub(r"^\d{4}-\d{2}-\d{2}-", "", PurePosixPath(post.docname).name)
    parts = [jekyll_slug(name) for name in post.categories]
    parts += [f"{day.year:04d}", f"{day.month:02d}", f"{day.day:02d}", f"{title}.html"]
    return "/".join(part for part in parts if part)


def _safe(path: str) -> bool:
    parts = PurePosixPath(path).parts
    return bool(parts) and ".." not in parts and not any(p.startswith(".") for p in parts)


def redirect_page(target: str, title: str) -> str:
    href = html.escape(target, quote=True)
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8">\n'
        f"<title>{html.escape(title)}</title>\n"
        f'<link rel="canonical" href="{href}">\n'
        f'<meta http-equiv="refresh" content="0; url={href}">\n'
        f'</head><body><p><a href="{href}">{html.escape(title)}</a></p></body></html>\n'
    )


def write_redirects(app: Sphinx) -> list[Any]:
    if not has_journal_pages(app.builder):
        return []
    files: dict[str, str] = {}
    if journal_config(app.config).jekyll_redirects:
        builder: StandaloneHTMLBuilder = app.builder  # type: ignore[assignment]
        outdir = Path(builder.outdir)
        pages = {(outdir / builder.get_outfilename(doc)).resolve() for doc in app.env.all_docs}
        for post in post_index(app.env).posts:
            path = jekyll_permalink(post, app.env.metadata[post.docname].get("permalink"))
            if path is None or not _safe(path) or (outdir / path).resolve() in pages:
                continue  # never over a real page
            target = posixpath.relpath(
                builder.get_target_uri(post.docname), posixpath.dirname(path) or "."
            )
            files[path] = redirect_page(target, post.title)
    replace_outputs(app, "redirects", files)
    return []


def setup_redirects(app: Sphinx) -> None:
    """Write redirect pages from Jekyll's permalinks when ``journal_jekyll_redirects``."""
    app.connect("html-collect-pages", write_redirects)
