"""The sphinx-journal user guide: itself a journal, built with the extension it documents."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "_ext"))

project = "sphinx-journal"
author = "sphinx-journal contributors"
copyright = "2026, sphinx-journal contributors"

extensions = ["sphinx_journal", "reference_tables", "benchmark_results"]
html_theme = "furo"
html_title = "sphinx-journal"
journal_title = "The sphinx-journal guide"
exclude_patterns = ["_build"]
