"""Sharing a journal: link previews, a sitemap, copy buttons, comments, Read the Docs URLs.

What every blog engine gives a post, wired into Sphinx here; what each
part *is* lives in pure modules beside this one (:mod:`.cards`,
:mod:`.comments`), and the sitemap's set-up in :mod:`.sitemap`.

- Post pages get OpenGraph, ``article:*`` and Twitter card tags, the
  journal's generated pages ``website`` ones. When ``sphinxext.opengraph``
  is in the project, it is configured instead of repeated: the journal
  hands it the post's title, excerpt, type and image through the page
  metadata it reads (``og:*`` fields), runs before it so its ``description``
  is the excerpt, and afterwards adds only the tags no one wrote.
- On Read the Docs, ``READTHEDOCS_CANONICAL_URL`` is ``html_baseurl`` when
  neither it nor ``journal_base_url`` is set, so feeds, cards and the
  sitemap have absolute links on every version.
- Copy buttons come from sphinx-copybutton; its prompt settings default to
  the prompts journals paste (``$``, ``>>>``, ``In [1]:``).
"""

from __future__ import annotations

import functools
import html
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from babel.core import get_global

from sphinx_journal import priorities
from sphinx_journal.builders import has_journal_pages
from sphinx_journal.compat import app_of, user_set
from sphinx_journal.config import journal_config
from sphinx_journal.domain import journal_domain
from sphinx_journal.feeds import base_url
from sphinx_journal.i18n import _
from sphinx_journal.sharing.cards import (
    Card,
    card_tags,
    missing_tags,
    og_locale,
    present_keys,
    render_tags,
)
from sphinx_journal.sharing.comments import Comments, parse_comments, widget_html
from sphinx_journal.sharing.sitemap import SITE_BUILDERS, complete_sitemap, setup_sitemap
from sphinx_journal.site.registry import JournalRegistry
from sphinx_journal.warnings_ import warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

    from sphinx_journal.records.post import Post

STATIC: Final = Path(__file__).parent / "static"
RTD_CANONICAL: Final = "READTHEDOCS_CANONICAL_URL"
OPENGRAPH: Final = "sphinxext.opengraph"
#: Prompts stripped when a reader copies a code block (sphinx-copybutton's documented regex).
PROMPTS: Final = r">>> |\.\.\. |\$ |In \[\d*\]: | {2,5}\.\.\.: | {5,8}: "
DESCRIPTION_LENGTH: Final = 300
#: The ``og:*`` values sphinxext.opengraph takes from a page's metadata.
_OPENGRAPH_FIELDS: Final = ("og:title", "og:type", "og:description", "og:image")
_CARD: Final = "journal_card"


def _copybutton_defaults(app: Sphinx, config: Config) -> None:
    """Before sphinx-copybutton reads them: strip prompts unless the user chose otherwise."""
    if not user_set(config, "copybutton_prompt_text"):
        config.copybutton_prompt_text = PROMPTS
        if not user_set(config, "copybutton_prompt_is_regexp"):
            config.copybutton_prompt_is_regexp = True


def _on_config_inited(app: Sphinx, config: Config) -> None:
    canonical = os.environ.get(RTD_CANONICAL, "").strip()
    if canonical and not user_set(config, "html_baseurl") and not journal_config(config).base_url:
        config.html_baseurl = canonical
    base = base_url(app)
    if base:
        setup_sitemap(app, config, base)
        if OPENGRAPH in app.extensions and not user_set(config, "ogp_site_url"):
            config.ogp_site_url = base
    _, problems = parse_comments(journal_config(config).comments, config.language)
    for problem in problems:
        warn("config", problem, None)
    config.html_static_path = [*config.html_static_path, str(STATIC)]


def comments_of(config: Config) -> Comments | None:
    """The checked ``journal_comments`` (problems were reported when the build started)."""
    return parse_comments(journal_config(config).comments, config.language)[0]


def image_url(config: Config, base: str) -> str:
    """``journal_image`` as an absolute address (a path is relative to the output's root)."""
    image = journal_config(config).image.strip()
    if image.startswith(("https://", "http://")):
        return image
    return base + image.lstrip("/") if image and base else ""


def _description(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= DESCRIPTION_LENGTH:
        return text
    cut = text[:DESCRIPTION_LENGTH].rsplit(" ", 1)[0]
    return cut.rstrip(" ,.;:") + "…"


def _card(app: Sphinx, pagename: str, context: dict[str, Any], post: Post | None) -> Card | None:
    """The link preview of ``pagename``: a post, a generated page, or none (other pages)."""
    if post is None and not context.get("journal_page"):
        return None
    config = app.config
    base = base_url(app)
    common: dict[str, Any] = {
        "url": base + app.builder.get_target_uri(pagename) if base else "",
        "site_name": journal_config(config).title or config.project,
        "locale": og_locale(config.language, get_global("likely_subtags")),
        "image": image_url(config, base),
    }
    if post is None:
        return Card(title=html.unescape(str(context.get("title", ""))), **common)
    meta = post.meta
    return Card(
        title=post.title,
        type="article",
        description=_description(post.excerpt),
        published=meta.date.isoformat() if meta.date is not None else "",
        section=meta.categories[0] if meta.categories else "",
        tags=meta.tags,
        **common,
    )


@functools.cache
def _opengraph_escapes_ampersands() -> bool:
    """Whether sphinxext.opengraph escapes ``&`` itself (0.13 escapes only ``"``)."""
    try:
        from sphinxext.opengraph import make_tag  # noqa: PLC0415
    except ImportError:
        return True
    return "&amp;" in make_tag("p", "&")


def _for_opengraph(value: str) -> str:
    return value if _opengraph_escapes_ampersands() else html.escape(value, quote=False)


def _post_of(env: BuildEnvironment, pagename: str) -> Post | None:
    post: Post | None = journal_domain(env).posts.get(pagename)
    return post


def _before_opengraph(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """Work out the page's card; hand sphinxext.opengraph what it should say."""
    if not has_journal_pages(app.builder):
        return
    meta = dict(context.get("meta") or {})
    if "ogp_disable" in meta:
        return
    card = _card(app, pagename, context, _post_of(app.env, pagename))
    if card is None:
        return
    context[_CARD] = card
    metatags = str(context.get("metatags", ""))
    if card.description and "description" not in present_keys(metatags):
        context["metatags"] = metatags + render_tags([("name", "description", card.description)])
    if OPENGRAPH in app.extensions and doctree is not None:
        for _attribute, key, value in card_tags(card):
            if key in _OPENGRAPH_FIELDS and key not in meta:
                meta[key] = _for_opengraph(value)
        context["meta"] = meta


def _after_others(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """Add the tags no one wrote, a draft's ``noindex``, and the comments of a post."""
    card = context.get(_CARD)
    if not isinstance(card, Card):
        return
    metatags = str(context.get("metatags", ""))
    extra = missing_tags(card_tags(card), present_keys(metatags))
    post = _post_of(app.env, pagename)
    if post is not None and post.meta.draft:
        extra.append(("name", "robots", "noindex"))
    context["metatags"] = metatags + render_tags(extra)
    comments = comments_of(app.config)
    if (
        comments is not None
        and post is not None
        and not post.meta.draft
        and app.builder.name in SITE_BUILDERS
    ):
        context["body"] = str(context.get("body", "")) + widget_html(
            comments, str(_("Comments")), str(_("Comments load from GitHub when you reach them."))
        )
        builder: Any = app.builder
        builder.add_css_file("sphinx-journal-comments.css")
        builder.add_js_file("sphinx-journal-comments.js", defer="defer")


def _frame(env: BuildEnvironment) -> object:
    """What the cards of every page depend on beyond the page: a change rewrites them all."""
    app = app_of(env)
    base = base_url(app)
    return [base, image_url(env.config, base), env.config.project]


def setup_sharing(app: Sphinx, registry: JournalRegistry) -> None:
    """Cards, sitemap, copy buttons, comments and Read the Docs' base URL."""
    app.setup_extension("sphinx_copybutton")
    app.connect("config-inited", _copybutton_defaults, priority=priorities.COPYBUTTON_DEFAULTS)
    app.connect("config-inited", _on_config_inited, priority=priorities.SHARING_CONFIG)
    app.connect("html-page-context", _before_opengraph, priority=priorities.BEFORE_OPENGRAPH)
    app.connect("html-page-context", _after_others, priority=priorities.AFTER_OTHER_TAGS)
    app.connect("build-finished", complete_sitemap, priority=priorities.COMPLETE_SITEMAP)
    registry.add_frame("sharing", _frame)
