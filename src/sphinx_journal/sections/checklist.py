"""Checklists in a doctree: MyST task lists made read-only and counted.

MyST renders ``- [x] item`` as a ``list_item`` with class
``task-list-item`` whose first paragraph starts with a raw HTML
``<input>``; that raw node exists only in HTML. Each is replaced by a
:class:`~.nodes.task_checkbox` that every builder can render, and the items
(nested ones included) become :class:`~.records.Task` records.
"""

from __future__ import annotations

from collections.abc import Callable

from docutils import nodes

from sphinx_journal.records.sections import Task
from sphinx_journal.sections.nodes import checkbox, task_checkbox


def _is_task(node: nodes.Node) -> bool:
    return isinstance(node, nodes.list_item) and "task-list-item" in node["classes"]


def _tasks(root: nodes.Node) -> list[nodes.list_item]:
    return [node for node in root.findall(nodes.list_item) if _is_task(node)]


def _item_text(item: nodes.list_item) -> str:
    first = item.children[0] if item.children else None
    if not isinstance(first, nodes.paragraph):
        return ""
    parts = [
        child.astext()
        for child in first.children
        if not isinstance(child, (nodes.raw, task_checkbox))
    ]
    return " ".join("".join(parts).split())


def _depth(item: nodes.list_item, root: nodes.Node) -> int:
    depth = 0
    parent = item.parent
    while parent is not None and parent is not root:
        if _is_task(parent):
            depth += 1
        parent = parent.parent
    return depth


def _checked(item: nodes.list_item) -> bool:
    first = item.children[0] if item.children else None
    if not isinstance(first, nodes.paragraph):
        return False
    for child in first.children:
        if isinstance(child, task_checkbox):
            return bool(child["checked"])
        if isinstance(child, nodes.raw):
            return "checked" in child.astext()
    return False


def convert_checkboxes(root: nodes.Node) -> None:
    """Replace MyST's raw HTML checkboxes below ``root`` by builder-neutral ones."""
    for item in _tasks(root):
        first = item.children[0] if item.children else None
        if not isinstance(first, nodes.paragraph):
            continue
        for child in list(first.children):
            if isinstance(child, nodes.raw) and "checkbox" in child.astext():
                child.replace_self(checkbox("checked" in child.astext()))
                break


def collect_tasks(root: nodes.Node) -> tuple[Task, ...]:
    """Every task item below ``root``, in document order, nested ones included."""
    return tuple(
        Task(_item_text(item), _checked(item), _depth(item, root)) for item in _tasks(root)
    )


def has_task_list(root: nodes.Node) -> bool:
    return bool(_tasks(root))


def tasks_by_section(
    root: nodes.Node, skip: Callable[[nodes.Node], bool]
) -> list[tuple[nodes.Element, tuple[Task, ...]]]:
    """Task items below ``root`` not under a skipped node, grouped by their nearest section.

    Every task item counts toward progress: items outside any schedule are
    the tasks of the section that holds them (the document itself for items
    above the first heading), in document order.
    """
    groups: dict[int, tuple[nodes.Element, list[Task]]] = {}
    for item in _tasks(root):
        owner: nodes.Element | None = None
        skipped = False
        parent = item.parent
        while parent is not None:
            if skip(parent):
                skipped = True
                break
            if owner is None and isinstance(parent, (nodes.section, nodes.document)):
                owner = parent
            parent = parent.parent
        if skipped or owner is None:
            continue
        task = Task(_item_text(item), _checked(item), _depth(item, owner))
        groups.setdefault(id(owner), (owner, []))[1].append(task)
    return [(owner, tuple(tasks)) for owner, tasks in groups.values()]
