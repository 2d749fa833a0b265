"""Checkboxes and progress bars that every builder can render.

Both subclass standard docutils nodes, and Sphinx's translators dispatch
along the class hierarchy: text, LaTeX and other builders render them as
the inline text / container they are (``☑``, ``5 / 6 done``); only HTML gets
visitors of its own (a read-only checkbox, a bar).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from docutils import nodes

from sphinx_journal.i18n import _
from sphinx_journal.site.nodes import NO_SEARCH

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator

CHECKED: Final = "☑"
UNCHECKED: Final = "☐"
LATEX_PACKAGE: Final = Path(__file__).parent / "sphinxjournal.sty"


class task_checkbox(nodes.inline):
    """A read-only checkbox; its text child is ``☑`` or ``☐``."""


def checkbox(done: bool) -> task_checkbox:
    mark = CHECKED if done else UNCHECKED
    return task_checkbox(mark, mark + " ", checked=done, classes=["journal-checkbox"])


class progress(nodes.container):
    """A ``done / total`` bar; its paragraph child says it in words."""


def progress_bar(done: int, total: int) -> progress:
    label = _("{done} / {total} done").format(done=done, total=total)
    node = progress(done=done, total=total, classes=["journal-progress"])
    # the journal's count, not the author's words: the search index leaves it out
    node += nodes.paragraph(label, label, classes=["journal-progress-label", NO_SEARCH])
    return node


def _visit_checkbox_html(self: HTML5Translator, node: task_checkbox) -> None:
    """An ``<input>`` through the translator's ``emptytag``: the node's ids and classes kept."""
    attributes: dict[str, Any] = {"type": "checkbox", "disabled": "disabled"}
    if node["checked"]:
        attributes["checked"] = "checked"
    attributes["aria-label"] = str(_("done") if node["checked"] else _("not done"))
    tag = self.emptytag(node, "input", "", CLASS="task-list-item-checkbox", **attributes)
    self.body.append(tag + " ")
    raise nodes.SkipNode


def _visit_progress_html(self: HTML5Translator, node: progress) -> None:
    total = max(int(node["total"]), 0)
    done = min(max(int(node["done"]), 0), total)
    percent = round(100 * done / total) if total else 0
    aria: dict[str, Any] = {
        "aria-valuemin": "0",
        "aria-valuemax": str(total),
        "aria-valuenow": str(done),
    }
    self.body.append(self.starttag(node, "div", "", role="progressbar", **aria))
    self.body.append(
        '<div class="journal-progress-track"><div class="journal-progress-fill" '
        f'style="width: {percent}%"></div></div>'
    )


def _depart_progress_html(self: HTML5Translator, node: progress) -> None:
    self.body.append("</div>\n")


def _copy_latex_package(app: Sphinx, exception: Exception | None) -> None:
    if exception is None and app.builder.format == "latex":
        target = Path(app.builder.outdir) / LATEX_PACKAGE.name
        target.write_bytes(LATEX_PACKAGE.read_bytes())


def setup_nodes(app: Sphinx) -> None:
    html: dict[str, Any] = {"html": (_visit_checkbox_html, None)}
    app.add_node(task_checkbox, override=True, **html)
    app.add_node(progress, override=True, html=(_visit_progress_html, _depart_progress_html))
    app.add_latex_package("sphinxjournal")
    app.connect("build-finished", _copy_latex_package)
