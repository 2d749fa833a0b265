"""Fixtures of the Korean search tests."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from functools import cache

import pytest

from sphinx_journal.search import kiwi


@pytest.fixture
def without_kiwi(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Simulate an install without the ``[ko]`` extra: ``import kiwipiepy`` fails.

    The test sees an analyser cache of its own (a loaded Kiwi would hide the
    absence); the process's cache, with the model it may hold, comes back
    afterwards, so the model is loaded once per run, not after every such test.
    """
    monkeypatch.setitem(sys.modules, "kiwipiepy", None)
    monkeypatch.setattr(kiwi, "analyzer", cache(kiwi.analyzer.__wrapped__))
    yield
