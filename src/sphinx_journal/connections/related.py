"""Related posts (pure): what two posts share, weighted by how rare it is.

Every post has *features*: the papers it cites, the lecture series of its
lectures, its tags. A feature shared by two posts adds to their score

    weight(feature) = KIND_WEIGHTS[kind] × ln(1 + N / df)

where ``N`` is the number of posts and ``df`` the number of posts having
the feature, so a paper two posts cite says more than a tag every post has
(the idea of tf-idf). Scores are summed through an inverted index (feature
-> posts): only pairs that share something are ever visited, and a feature
shared by more than :data:`MAX_SHARED_BY` posts is left out, being too
common to tell posts apart, so the work grows with the journal and never
with the square of it.
"""

from __future__ import annotations

import dataclasses
import heapq
import math
from collections.abc import Mapping, Set
from typing import Final

#: A feature: ``(kind, key)``, ``kind`` one of :data:`KIND_WEIGHTS`.
Feature = tuple[str, str]

KIND_WEIGHTS: Final[Mapping[str, float]] = {"paper": 2.0, "series": 1.5, "tag": 1.0}
MAX_SHARED_BY: Final = 100


@dataclasses.dataclass(frozen=True)
class Match:
    """A related post: its docname, its score, and what it shares (sorted)."""

    docname: str
    score: float
    shared: tuple[Feature, ...]


def weight(kind: str, shared_by: int, total: int) -> float:
    """What sharing a feature of ``kind`` weighs, when ``shared_by`` of ``total`` posts have it."""
    return KIND_WEIGHTS[kind] * math.log(1 + total / shared_by)


def related(
    features: Mapping[str, Set[Feature]],
    count: int,
    exclude: Mapping[str, Set[str]],
) -> dict[str, tuple[Match, ...]]:
    """Up to ``count`` matches per post, strongest first (ties: docname order).

    ``features`` maps each post to its features; ``exclude`` names, per post,
    the posts it must not list (those it already links to as previous/next).
    """
    index: dict[Feature, list[str]] = {}
    for docname in sorted(features):
        for feature in features[docname]:
            index.setdefault(feature, []).append(docname)
    total = len(features)
    scores: dict[str, dict[str, float]] = {}
    for feature in sorted(index):
        members = index[feature]
        if len(members) < 2 or len(members) > MAX_SHARED_BY:
            continue
        value = weight(feature[0], len(members), total)
        for docname in members:
            row = scores.setdefault(docname, {})
            for other in members:
                if other != docname:
                    row[other] = row.get(other, 0.0) + value
    result: dict[str, tuple[Match, ...]] = {}
    for docname, row in scores.items():
        skip = exclude.get(docname, frozenset())
        candidates = ((-round(s, 9), other) for other, s in row.items() if other not in skip)
        best = heapq.nsmallest(count, candidates)
        if best:
            mine = features[docname]
            result[docname] = tuple(
                Match(other, -score, tuple(sorted(mine & features[other]))) for score, other in best
            )
    return result
