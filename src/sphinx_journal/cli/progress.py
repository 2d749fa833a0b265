"""A progress bar for long runs, only when a person is watching (stderr is a terminal)."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

from tqdm import tqdm

T = TypeVar("T")


def progress(items: Iterable[T], description: str, total: int | None = None) -> Iterator[T]:
    yield from tqdm(
        items,
        desc=description,
        total=total,
        unit="post",
        disable=not sys.stderr.isatty(),
        leave=False,
    )
