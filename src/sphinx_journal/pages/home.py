"""The site's home: the root document shows the journal, as a Jekyll home page does.

A Jekyll site's home is usually ``index.html``, a Liquid template whose
layout lists the posts, or an ``index.md``/``index.markdown`` page with
``layout: home`` and little or no text of its own. Sphinx needs a root
document (``index``) and would stop without one, so:

- a root document whose front matter says ``layout: home`` shows, after its
  own text, the journal's calendar and newest posts, under its title or the
  journal's (:func:`_on_source_read`);
- when the project has no root document at all (and ``conf.py`` names none),
  the journal supplies one, that same empty home page, from a file it keeps
  beside the doctrees (:func:`_on_env_get_outdated`): nothing is written into
  the source folder, which may be a Jekyll site that Jekyll still builds.

That file is the journal's, not the author's: when the doctrees lie inside
the source folder (a site built in place, ``sphinx-build . site``), Sphinx
finds it there as a document of its own on the next build, and it is taken
back (:func:`_forget_own_file`); its page offers no source to show or edit,
since Sphinx would name the copy after the file's path on the build machine
(:func:`_on_html_page_context`).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Final

from sphinx.util import logging

from sphinx_journal import priorities
from sphinx_journal.compat import add_document, forget_document, user_set
from sphinx_journal.config import journal_config, journal_title
from sphinx_journal.jekyll import frontmatter
from sphinx_journal.posts.reading import is_post, page_title, set_page_title

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

logger: Final = logging.getLogger(__name__)

#: Jekyll's layout of a home page: its content, then the posts.
HOME_LAYOUT: Final = "home"
#: The source of the root document the journal supplies: an empty home page.
HOME_SOURCE: Final = f"---\nlayout: {HOME_LAYOUT}\n---\n"
_FOLDER: Final = "journal-home"


def home_listing(limit: int) -> str:
    """The Markdown a home page ends with: the calendar and the newest posts."""
    return f"\n\n```{{journal-calendar}}\n```\n\n```{{journal-posts}}\n:limit: {limit}\n```\n"


def _is_home(text: str) -> bool:
    front, _ = frontmatter.load(text)
    return front is not None and front.data.get("layout") == HOME_LAYOUT


def _on_source_read(app: Sphinx, docname: str, source: list[str]) -> None:
    if docname != app.config.root_doc or is_post(app.config, docname):
        return
    if not _is_home(source[0]):
        return
    # appended, so that the page's own lines keep their numbers
    limit = journal_config(app.config).recent_posts
    source[0] = source[0].rstrip("\n") + home_listing(limit)
    if page_title(app.env) is None and not re.search(r"^#\s", source[0], re.MULTILINE):
        set_page_title(app.env, journal_title(app.config))


def _home_path(app: Sphinx) -> Path:
    return Path(app.doctreedir) / _FOLDER / f"{app.config.root_doc}.md"


def _home_file(app: Sphinx) -> Path:
    """The file of the supplied root document, rewritten only when its text changes."""
    path = _home_path(app)
    if not path.is_file() or path.read_text(encoding="utf-8") != HOME_SOURCE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(HOME_SOURCE, encoding="utf-8")
    return path


def _on_env_get_outdated(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """Supply the root document when the project has none (after Sphinx looked for files)."""
    _forget_own_file(app, env, added, changed, removed)
    root = app.config.root_doc
    if root in env.found_docs or user_set(app.config, "root_doc"):
        return []
    path = _home_file(app)
    add_document(env, root, path)
    removed.discard(root)
    if root not in env.all_docs:
        added.add(root)
        logger.info("no %s document: the journal's home is the site's home", root)
    elif path.stat().st_mtime_ns // 1_000 > env.all_docs[root]:
        changed.add(root)
    return []


def _forget_own_file(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> None:
    """Take the supplied home's file back from the documents Sphinx found in the source folder.

    It is there when the doctrees are, and it stays when a later build has a
    root document of its own; read, it would be a second home page.
    """
    path = _home_path(app)
    if not path.is_relative_to(app.srcdir):
        return
    found = env.path2doc(path)
    if found is None or found not in env.found_docs:
        return
    forget_document(env, found)
    added.discard(found)
    changed.discard(found)
    if found in env.all_docs:  # read by a build before this one
        removed.add(found)


def _on_html_page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, object], doctree: object
) -> None:
    """The supplied home has no source of the author's to show, copy or edit."""
    if pagename == app.config.root_doc and Path(app.env.doc2path(pagename)) == _home_path(app):
        context["sourcename"] = ""
        context["page_source_suffix"] = ""


def setup_home(app: Sphinx) -> None:
    app.connect("source-read", _on_source_read, priority=priorities.HOME_LISTING)
    app.connect("env-get-outdated", _on_env_get_outdated)
    app.connect("html-page-context", _on_html_page_context)
