"""``python -m sphinx_journal.cli``: the same as the ``sphinx-journal`` command."""

from __future__ import annotations

import sys

from sphinx_journal.cli import main

sys.exit(main())
