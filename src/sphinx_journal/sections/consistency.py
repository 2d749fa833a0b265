"""Lecture labels are unique across the journal: a second use names the first.

A label recognised from a heading that another post uses too is no error:
(two in one post still are)
journals repeat headings (``[3강] Optimization``), and the first one is linked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_journal.domain import journal_domain
from sphinx_journal.warnings_ import warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


def _check_labels(app: Sphinx, env: BuildEnvironment) -> None:
    for label, targets in sorted(journal_domain(env).targets("lecture").items()):
        first = targets[0]
        first_record = _record(env, first.docname, first.anchor)
        where = f"{env.doc2path(first.docname, False)}:{first_record or '?'}"
        for other in targets[1:]:
            if other.docname != first.docname and _recognised(env, other.docname, other.anchor):
                continue  # a heading another post has too (``[3강] Optimization``): the first

            warn(
                "lecture",
                f"lecture label {label!r} is used twice; first at {where}",
                (other.docname, _record(env, other.docname, other.anchor)),
            )


def _record(env: BuildEnvironment, docname: str, anchor: str) -> int | None:
    for lecture in journal_domain(env).store("lectures").get(docname, ()):
        if lecture.anchor == anchor:
            line: int | None = lecture.line
            return line
    return None


def _recognised(env: BuildEnvironment, docname: str, anchor: str) -> bool:
    return any(
        lecture.anchor == anchor and lecture.recognised
        for lecture in journal_domain(env).store("lectures").get(docname, ())
    )


def setup_consistency(app: Sphinx) -> None:
    app.connect("env-check-consistency", _check_labels)
