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

from docutils import nodes
from docutils.parsers.rst import directives
from docutils.parsers.rst.directives.misc import Include
from markdown_it.parser_block import ParserBlock
from markdown_it.rules_block import paragraph
from myst_parser.mdit_to_docutils.sphinx_ import SphinxRenderer
from myst_parser.parsers.mdit import create_md_parser
from myst_parser.parsers.sphinx_ import MystParser
from sphinx.transforms import SphinxTransform

from sphinx_journal import priorities
from sphinx_journal.compat import get_myst_config, set_myst_config, user_set
from sphinx_journal.jekyll.frontmatter import find_block
from sphinx_journal.jekyll.kramdown import header_id
from sphinx_journal.warnings_ import warn

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.rules_block import StateBlock
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

#: The MyST syntax extensions that Jekyll journals use.
JOURNAL_SYNTAX: Final = ("tasklist", "dollarmath", "amsmath", "colon_fence", "deflist", "linkify")

#: What posts may never enable: it evaluates ``{{ … }}`` as Jinja2 expressions.
UNSAFE_SYNTAX: Final = frozenset({"substitution"})
#: Front matter keys MyST would read as parser options.
MYST_KEYS: Final = ("myst", "mystnb", "substitutions", "html_meta")

_CONFIGS_ATTR: Final = "journal_myst_configs"
#: The mark a post's parse leaves on its document's settings.
_UNTRUSTED: Final = "journal_untrusted"
#: markdown-it's nesting levels a post is parsed with (a list level takes two): far past
#: what :mod:`sphinx_journal.posts.nesting` shows nested, far short of the recursion limit.
PARSE_NESTING: Final = 100


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


def is_untrusted(document: nodes.document | None) -> bool:
    """Whether ``document`` was parsed as a post: someone else's text."""
    settings = getattr(document, "settings", None)
    return bool(getattr(settings, _UNTRUSTED, False))


def refuse_insertion(document: nodes.document, name: str, target: str, line: int | None) -> None:
    """Warn that the directive ``name`` of a post does not insert the file ``target``."""
    docname = document.settings.env.docname
    shown = " ".join(target.split())[:120]
    warn("file", f"posts insert no files: {{{name}}} {shown} is not inserted", (docname, line))


class KeepDeepBlocks(ParserBlock):
    """markdown-it's block parser, which keeps as text what nests past ``maxNesting``.

    markdown-it itself skips from there to the end of the post, silently.
    """

    def tokenize(self, state: StateBlock, startLine: int, endLine: int) -> None:
        if state.level < state.md.options["maxNesting"]:
            super().tokenize(state, startLine, endLine)
            return
        # the block's lines as paragraphs: only paragraphs, so nothing nests further
        line = startLine
        while line < endLine:
            state.line = line = state.skipEmptyLines(line)
            if line >= endLine or state.sCount[line] < state.blkIndent:
                break
            paragraph(state, line, endLine, False)
            line = state.line


class PostRenderer(SphinxRenderer):
    """MyST's renderer, for a post: ``{include}`` is refused as a journal problem.

    MyST runs ``include`` with a mock of its own, past the directive class, so
    the refusal that :mod:`~sphinx_journal.posts.insertion` gives the other
    file-inserting directives is given here.
    """

    def run_directive(
        self,
        name: str,
        first_line: str,
        content: str,
        position: int,
        additional_options: dict[str, str] | None = None,
        *,
        block_text: str | None = None,
    ) -> list[nodes.Element]:
        directive_class, _ = directives.directive(name, self.language_module_rst, self.document)
        if directive_class is not None and issubclass(directive_class, Include):
            refuse_insertion(self.document, name, first_line, position)
            return []
        return super().run_directive(
            name, first_line, content, position, additional_options, block_text=block_text
        )


class KeepImageLines(SphinxTransform):
    """An image MyST made keeps its line: ``![](missing.png)`` is warned about where it is.

    Sphinx's ``ApplySourceWorkaround`` sets the line of an image with no raw
    source to 0 (for images in rST substitutions, which have none), and
    MyST's image with no alt text has no raw source; so Sphinx's warning for
    a missing image named the page but no line. The image's address, given
    as its raw source first, keeps the line MyST gave it.
    """

    default_priority = priorities.KEEP_IMAGE_LINES

    def apply(self, **kwargs: object) -> None:
        for image in self.document.findall(nodes.image):
            if image.line and not image.rawsource:
                image.rawsource = str(image.get("uri", ""))


def _show_as_source(document: nodes.document, source: str, docname: str) -> None:
    """Replace what was made of ``document`` by its source text (front matter left out)."""
    del document[:]
    for name in ("ids", "nameids", "nametypes", "refnames", "refids", "substitution_defs"):
        getattr(document, name).clear()
    for name in ("footnotes", "citations", "autofootnotes", "symbol_footnotes"):
        getattr(document, name).clear()
    transformer = document.transformer
    # transforms that directives queued for nodes that are gone now
    transformer.transforms = [t for t in transformer.transforms if t[2] is None]
    block = find_block(source)
    lines = source.split("\n")
    start = block[1] + 1 if block else 0
    while start < len(lines) - 1 and not lines[start].strip():
        start += 1
    text = "\n".join(lines[start:]).rstrip("\n")
    literal = nodes.literal_block(text, text, language="text")
    literal.source, literal.line = document.get("source"), start + 1
    document += literal
    warn(
        "nesting",
        "the post nests blocks deeper than can be read; it is shown as its source text",
        (docname, start + 1),
    )


class JournalMystParser(MystParser):
    """MyST's parser, which parses a post with the post configuration as it is.

    For other documents it is MyST's parser unchanged. For a post it skips
    MyST's merge of front matter options into the configuration, turns
    docutils' file insertion off for that document only, marks the document
    as untrusted (:func:`is_untrusted`), and loses no line however deep it
    nests: markdown-it keeps what passes :data:`PARSE_NESTING` as text
    (:class:`KeepDeepBlocks`), and a post of hundreds of directives inside
    directives, too deep for MyST's recursion, is shown as its source text.
    :mod:`sphinx_journal.posts.nesting` then lifts what nests too deep to show.
    """

    def parse(self, inputstring: str, document: nodes.document) -> None:
        env = document.settings.env
        config = get_myst_config(env)
        if not _is_post_config(env, config):
            super().parse(inputstring, document)
            return
        document.settings.file_insertion_enabled = False
        setattr(document.settings, _UNTRUSTED, True)
        parser = self._post_parser(config, document)
        try:
            parser.render(inputstring)
        except RecursionError:
            _show_as_source(document, inputstring, env.docname)
            # a render of nothing sets what MyST's own transforms expect of a document
            self._post_parser(config, document).render("")

    @staticmethod
    def _post_parser(config: object, document: nodes.document) -> MarkdownIt:
        parser = _PostParser.for_config(config)
        parser.options["document"] = document
        return parser


class _PostParser:
    """The markdown-it parser of posts, made once per post configuration (once a build).

    MyST makes a parser for every document: for the journal's syntax that is
    2 ms a post (linkify's patterns, the renderer's table of its methods),
    2.4 s at 1,000 posts. Nothing of a document stays in it: the renderer
    takes the document and resets its state at each render
    (``setup_render``), and holds it only until the next render. The
    configuration is held, so a new build's, a new object, is never mistaken
    for it.
    """

    cached: tuple[object, MarkdownIt] | None = None

    @classmethod
    def for_config(cls, config: object) -> MarkdownIt:
        if cls.cached is not None and cls.cached[0] is config:
            return cls.cached[1]
        parser = create_md_parser(config, PostRenderer)  # type: ignore[arg-type]
        # markdown-it stops at 20 levels (a list ten deep) and drops the rest
        parser.options["maxNesting"] = PARSE_NESTING
        keeper = KeepDeepBlocks()
        keeper.ruler = parser.block.ruler
        parser.block = keeper
        cls.cached = (config, parser)
        return parser


def setup_upstream(app: Sphinx) -> None:
    """Set up the extensions a journal needs, keeping the user's settings."""
    for name in ("myst_parser", "sphinx_design", "sphinxcontrib.bibtex"):
        app.setup_extension(name)
    if importlib.util.find_spec("sphinxcontrib.mermaid") is not None:
        app.setup_extension("sphinxcontrib.mermaid")  # mermaid blocks of posts become diagrams
    app.add_source_parser(JournalMystParser, override=True)
    app.add_transform(KeepImageLines)
    app.connect("config-inited", _on_config_inited, priority=priorities.UPSTREAM_DEFAULTS)
    app.connect("builder-inited", _on_builder_inited, priority=priorities.AFTER_MYST_CONFIG)
