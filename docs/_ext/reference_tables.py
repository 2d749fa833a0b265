"""Reference tables generated from the code, so the docs cannot drift from it.

``{journal-config-table}`` lists every ``journal_*`` value with its default and
the docstring written under its field in :class:`sphinx_journal.config.JournalConfig`;
``{journal-warning-table}`` lists every ``journal.*`` warning type.
"""

from __future__ import annotations

import ast
import dataclasses
import inspect
import itertools
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from sphinx_journal import config as config_module
from sphinx_journal.warnings_ import SUBTYPES


def _field_docs() -> dict[str, str]:
    """Docstrings written under each dataclass field (the attribute-docstring convention)."""
    tree = ast.parse(inspect.getsource(config_module.JournalConfig))
    body = tree.body[0].body  # type: ignore[attr-defined]
    docs: dict[str, str] = {}
    for node, following in itertools.pairwise(body):
        if (
            isinstance(node, ast.AnnAssign)
            and isinstance(node.target, ast.Name)
            and isinstance(following, ast.Expr)
            and isinstance(following.value, ast.Constant)
        ):
            docs[node.target.id] = " ".join(str(following.value.value).split())
    return docs


def _table(headers: list[str], rows: list[list[str]]) -> nodes.table:
    table = nodes.table()
    group = nodes.tgroup(cols=len(headers))
    table += group
    group.extend(nodes.colspec(colwidth=1) for _ in headers)
    head = nodes.thead()
    group += head
    body = nodes.tbody()
    group += body
    for part, lines, code_first in ((head, [headers], False), (body, rows, True)):
        for line in lines:
            row = nodes.row()
            for column, cell in enumerate(line):
                content = (
                    nodes.literal(cell, cell) if code_first and column < 2 else nodes.Text(cell)
                )
                row += nodes.entry("", nodes.paragraph("", "", content))
            part.append(row)
    return table


def _default(value: Any) -> str:
    if dataclasses.is_dataclass(value):
        return repr(value)
    if isinstance(value, dict) and len(value) > 3:
        return "see below"
    return repr(list(value) if isinstance(value, tuple) else value)


class ConfigTable(SphinxDirective):
    def run(self) -> list[nodes.Node]:
        docs = _field_docs()
        defaults = config_module.JournalConfig()
        rows = [
            [f"journal_{f.name}", _default(getattr(defaults, f.name)), docs.get(f.name, "")]
            for f in dataclasses.fields(config_module.JournalConfig)
        ]
        return [_table(["name", "default", "meaning"], rows)]


class WarningTable(SphinxDirective):
    def run(self) -> list[nodes.Node]:
        rows = [[f"journal.{name}", text] for name, text in SUBTYPES.items()]
        return [_table(["type", "reported when"], rows)]


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("journal-config-table", ConfigTable)
    app.add_directive("journal-warning-table", WarningTable)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
