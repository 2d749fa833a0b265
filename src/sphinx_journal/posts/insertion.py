"""Posts insert no files: ``include``, ``literalinclude``, ``raw``/``csv-table`` ``:file:``.

A post is someone else's text (``sphinx-journal import``), and these
directives would put any file the build can read into a page (``../../``
reaches out of the source folder; ``:url:`` reaches the network). docutils'
file insertion is turned off for posts (see :mod:`sphinx_journal.upstream`),
which makes them refuse with a bare docutils message; in posts the journal
refuses them first, with a located ``journal.file`` warning that names what
was not inserted. Other documents keep the directives exactly as they are.

Jekyll posts have no such directives (Liquid's ``{% include %}`` reads the
theme's ``_includes``, which is not content), so refusing them all keeps the
rule simple: nothing is read into a post but the post.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, ClassVar

from docutils.parsers.rst.directives.misc import Raw
from sphinx.directives.code import LiteralInclude
from sphinx.directives.other import Include
from sphinx.directives.patches import CSVTable

from sphinx_journal.upstream import is_untrusted, refuse_insertion

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx


class _Refusing:
    """A file-inserting directive that, in a post, inserts nothing and says so."""

    #: Options that make the directive read a file; empty: it always does.
    file_options: ClassVar[tuple[str, ...]] = ()

    name: str
    arguments: list[str]
    options: dict[str, Any]
    lineno: int
    state: Any
    state_machine: Any

    def _refused(self) -> bool:
        document = self.state.document
        if not is_untrusted(document):
            return False
        if self.file_options:
            used = [f":{o}: {self.options[o]}" for o in self.file_options if o in self.options]
            if not used:
                return False
            target = " ".join(used)
        else:
            target = self.arguments[0] if self.arguments else ""
        line = self.state_machine.get_source_and_line(self.lineno)[1]
        refuse_insertion(document, self.name, target, line)
        return True


class PostInclude(_Refusing, Include):
    def run(self) -> Sequence[nodes.Node]:
        return [] if self._refused() else super().run()


class PostLiteralInclude(_Refusing, LiteralInclude):
    def run(self) -> list[nodes.Node]:
        return [] if self._refused() else super().run()


class PostRaw(_Refusing, Raw):
    file_options = ("file", "url")

    def run(self) -> Sequence[nodes.Node]:
        return [] if self._refused() else super().run()


class PostCSVTable(_Refusing, CSVTable):
    file_options = ("file", "url")

    def run(self) -> list[nodes.Node]:  # type: ignore[override]  # as Sphinx's own
        return [] if self._refused() else super().run()


def setup_insertion(app: Sphinx) -> None:
    for name, directive in (
        ("include", PostInclude),
        ("literalinclude", PostLiteralInclude),
        ("raw", PostRaw),
        ("csv-table", PostCSVTable),
    ):
        app.add_directive(name, directive, override=True)
