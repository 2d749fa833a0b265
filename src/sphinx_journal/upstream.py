"""The extensions a journal stands on, set up so that ``extensions = ["sphinx_journal"]`` suffices.

``myst_parser``, ``sphinx_design`` and ``sphinxcontrib.bibtex`` are set up
when the project does not list them. A value the user set in ``conf.py`` is
never changed: ``myst_enable_extensions`` gets the journal's syntax only
when it is unset, and ``bibtex_bibfiles`` defaults to ``[]`` only when unset.

Posts always get the journal's MyST syntax (task lists, dollar math …),
whatever the project chose for its other pages: each post is parsed with a
copy of the project's MyST configuration that adds them (see
:func:`use_syntax_for`), so adding the extension to an existing project that
set ``myst_enable_extensions`` leaves its pages exactly as they were.

Posts are untrusted (``import`` takes in someone else's site), so their
configuration can do less than a page's: no ``substitution`` extension
(MyST renders ``{{ … }}`` with unsandboxed Jinja2), no MyST options from
their front matter (``myst:``, ``substitutions``, ``html_meta``), and no
file insertion (``include``, ``literalinclude``, ``raw``/``csv-table``
``:file:`` and ``:url:``), whatever the project chose for its own pages.
"""

from __future__ import annotations

import dataclasses
import importlib.util
from typing import TYPE_CHECKING, Final

from myst_parser.mdit_to_docutils.sphinx_ import SphinxRenderer
from myst_parser.parsers.mdit import create_md_parser
from myst_parser.parsers.sphinx_ import MystParser

from sphinx_journal import priorities
from sphinx_journal.compat import get_myst_config, set_myst_config, user_set
from sphinx_journal.jekyll.kramdown import header_id

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

#: The MyST syntax extensions that Jekyll journals use.
JOURNAL_SYNTAX: Final = ("tasklist", "dollarmath", "amsmath", "colon_fence", "deflist", "linkify")

#: What posts may never enable: it evaluates ``{{ … }}`` as Jinja2 expressions.
UNSAFE_SYNTAX: Final = frozenset({"substitution"})
#: Front matter keys MyST would read as parser options.
MYST_KEYS: Final = ("myst", "mystnb", "substitutions", "html_meta")

#: Blocks inside blocks that a post may have (markdown-it's default is 20).
MAX_NESTING: Final = 50

_CONFIGS_ATTR: Final = "journal_myst_configs"


def _on_config_inited(app: Sphinx, config: Config) -> None:
    if not user_set(config, "myst_enable_extensions"):
        config.myst_enable_extensions = list(JOURNAL_SYNTAX)
    if config.bibtex_bibfiles is None:
        config.bibtex_bibfiles = []


def _on_builder_inited(app: Sphinx) -> None:
    """Prepare the post-specific MyST configuration once MyST has made its own."""
    page_config = get_myst_config(app.env)
    extensions = (set(page_config.enable_extensions) | set(JOURNAL_SYNTAX)) - UNSAFE_SYNTAX
    post_config = dataclasses.replace(
        page_config,
        enable_extensions=extensions,
        # every heading of a post gets kramdown's id, as on the Jekyll site
        heading_anchors=6,
        heading_slug_func=header_id,
    )
    setattr(app.env, _CONFIGS_ATTR, (page_config, post_config))


def use_syntax_for(env: BuildEnvironment, *, post: bool) -> None:
    """Make the MyST parser use the journal syntax for the document about to be parsed."""
    configs = getattr(env, _CONFIGS_ATTR, None)
    if configs is not None:
        set_myst_config(env, configs[1] if post else configs[0])


def _is_post_config(env: BuildEnvironment, config: object) -> bool:
    configs = getattr(env, _CONFIGS_ATTR, None)
    return configs is not None and config is configs[1]


class JournalMystParser(MystParser):
    """MyST's parser, which parses a post with the post configuration as it is.

    For other documents it is MyST's parser unchanged. For a post it skips
    MyST's merge of front matter options into the configuration and turns
    docutils' file insertion off for that document only.
    """

    def parse(self, inputstring: str, document: nodes.document) -> None:
        env = document.settings.env
        config = get_myst_config(env)
        if not _is_post_config(env, config):
            super().parse(inputstring, document)
            return
        document.settings.file_insertion_enabled = False
        parser = create_md_parser(config, SphinxRenderer)
        # markdown-it stops reading a post at its 20th level of nesting (a list ten
        # levels deep) and drops the rest silently; real notes nest deeper than that
        parser.options["maxNesting"] = MAX_NESTING
        parser.options["document"] = document
        parser.render(inputstring)


def setup_upstream(app: Sphinx) -> None:
    """Set up the extensions a journal needs, keeping the user's settings."""
    for name in ("myst_parser", "sphinx_design", "sphinxcontrib.bibtex"):
        app.setup_extension(name)
    if importlib.util.find_spec("sphinxcontrib.mermaid") is not None:
        app.setup_extension("sphinxcontrib.mermaid")  # mermaid blocks of posts become diagrams
    app.add_source_parser(JournalMystParser, override=True)
    app.connect("config-inited", _on_config_inited, priority=priorities.UPSTREAM_DEFAULTS)
    app.connect("builder-inited", _on_builder_inited, priority=priorities.AFTER_MYST_CONFIG)
