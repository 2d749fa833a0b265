"""The journal's look: one stylesheet built on the theme's own variables, and a sidebar.

furo is extended only through ``html_sidebars`` fragments and the page
context, never by overriding its ``layout.html``: the journal's sidebar
(its pages and newest posts, in furo's own markup) goes after furo's
navigation when the project has not chosen its sidebars itself. Other
themes get the same stylesheet, whose colours fall back to neutral values.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from sphinx_journal.builders import has_journal_pages
from sphinx_journal.compat import user_set
from sphinx_journal.config import journal_config, journal_title
from sphinx_journal.domain import journal_domain
from sphinx_journal.i18n import _
from sphinx_journal.pagenames import PagePaths
from sphinx_journal.pages.generated import journal_pages
from sphinx_journal.posts.index import post_index
from sphinx_journal.site.registry import JournalRegistry

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

HERE: Final = Path(__file__).parent
SIDEBAR: Final = "journal/sidebar.html"
FURO_SIDEBARS: Final = (
    "sidebar/brand.html",
    "sidebar/search.html",
    "sidebar/scroll-start.html",
    "sidebar/navigation.html",
    SIDEBAR,
    "sidebar/ethical-ads.html",
    "sidebar/scroll-end.html",
    "sidebar/variant-selector.html",
)
SIDEBAR_POSTS: Final = 5


def _on_config_inited(app: Sphinx, config: Config) -> None:
    config.html_static_path = [*config.html_static_path, str(HERE / "static")]
    config.templates_path = [*config.templates_path, str(HERE / "templates")]
    if config.html_theme == "furo" and not user_set(config, "html_sidebars"):
        config.html_sidebars = {"**": list(FURO_SIDEBARS)}


def sidebar_items(env: BuildEnvironment) -> dict[str, Any]:
    """The pages and newest posts the sidebar lists (the same on every page)."""
    return journal_domain(env).derived("sidebar", lambda _: _sidebar_items(env))


def _sidebar_items(env: BuildEnvironment) -> dict[str, Any]:
    config = journal_config(env.config)
    paths = PagePaths(config.path)
    return {
        "title": journal_title(env.config),
        "home": paths.home,
        "pages": [(paths.home, str(_("Journal home"))), *journal_pages(env)],
        "posts": [(p.docname, p.title) for p in post_index(env).newest_first[:SIDEBAR_POSTS]],
        "posts_title": str(_("Newest posts")),
    }


def _page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    if not has_journal_pages(app.builder):
        return
    items = sidebar_items(app.env)
    context["journal_sidebar"] = {
        "title": items["title"],
        "pages": [{"name": n, "title": t, "current": n == pagename} for n, t in items["pages"]],
        "posts": [{"name": n, "title": t, "current": n == pagename} for n, t in items["posts"]],
        "posts_title": items["posts_title"],
    }


def _hide_unsafe_source_link(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """No "view source" link for a file whose name could end an HTML attribute.

    Themes write ``pathto('_sources/' + sourcename)`` into ``href="…"`` without
    escaping, so a post named ``a"onmouseover=….md`` would add an event handler.
    """
    if any(char in str(context.get("sourcename") or "") for char in "\"'<>&`"):
        context["show_source"] = False
        context["sourcename"] = ""


def setup_theme(app: Sphinx, registry: JournalRegistry) -> None:
    app.connect("config-inited", _on_config_inited)
    app.connect("html-page-context", _page_context)
    app.connect("html-page-context", _hide_unsafe_source_link)
    app.add_css_file("sphinx-journal.css")
    registry.add_frame("sidebar", sidebar_items, inputs=("posts",))
