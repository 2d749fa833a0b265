"""Which builder is writing, and whether it gets the journal's generated pages."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx.builders.html import StandaloneHTMLBuilder

from sphinx_journal.compat import EpubBuilder, app_of

if TYPE_CHECKING:
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment


def builder_of(env: BuildEnvironment) -> Builder:
    """The builder writing ``env``."""
    builder: Builder = app_of(env).builder
    return builder


def has_journal_pages(builder: Builder) -> bool:
    """Generated pages exist in HTML builds that write one file per page (not EPUB)."""
    return isinstance(builder, StandaloneHTMLBuilder) and not isinstance(builder, EpubBuilder)
