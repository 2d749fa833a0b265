"""Which posts link to which (pure): the "Linked from" block of every post."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Set

from sphinx_journal.records.connections import OutLink


def backlinks(
    links: Mapping[str, Iterable[OutLink]],
    resolve: Callable[[OutLink], str | None],
    listed: Set[str],
) -> dict[str, set[str]]:
    """Target docname -> the listed posts that link to it (itself never counted).

    ``resolve`` names the document a link points to, or ``None``; a post
    linking to another several times, or in several ways, counts once.
    """
    found: dict[str, set[str]] = {}
    for source, outlinks in links.items():
        if source not in listed:
            continue
        for link in outlinks:
            target = resolve(link)
            if target is not None and target != source and target in listed:
                found.setdefault(target, set()).add(source)
    return found
