"""Fixtures of the Korean search tests."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest

from sphinx_journal.search import kiwi


@pytest.fixture
def without_kiwi(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Simulate an install without the ``[ko]`` extra: ``import kiwipiepy`` fails.

    The cached analyser is forgotten before (a loaded Kiwi would hide the
    absence) and after (the cached ``None`` would outlive the test).
    """
    monkeypatch.setitem(sys.modules, "kiwipiepy", None)
    kiwi.analyzer.cache_clear()
    yield
    kiwi.analyzer.cache_clear()
