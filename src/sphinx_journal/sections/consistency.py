"""Lecture labels are unique across the journal: a second use names the first.

A label recognised from a heading that another post uses too is no error
(journals repeat headings such as ``[3강] Optimization``; two in one post still
are), and the first one is linked.

The winner of a label used twice is the journal's (the earliest lecture:
date, post, line), never the order documents happened to be read in: the
standard domain's ``lecture-<label>`` target, which Sphinx gives to the
document read last, is pointed at that winner too, so ``objects.inv`` and
``{ref}`` links are the same after any history of incremental builds.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes

from sphinx_journal.domain import journal_domain
from sphinx_journal.warnings_ import warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


def _check_labels(app: Sphinx, env: BuildEnvironment) -> None:
    std: Any = env.domains["std"]
    for label, targets in sorted(journal_domain(env).targets("lecture").items()):
        first = targets[0]
        if len(targets) > 1:
            name = nodes.fully_normalize_name(f"lecture-{label}")
            if name in std.anonlabels:
                std.anonlabels[name] = (first.docname, first.anchor)
            if name in std.labels:
                std.labels[name] = (first.docname, first.anchor, std.labels[name][2])
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
