"""A journal project's configuration, read the way Sphinx reads it (without building)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from sphinx.config import eval_config_file
from sphinx.errors import ConfigError
from sphinx.util.tags import Tags

from sphinx_journal.cli.errors import UsageError


def project_values(project: Path) -> dict[str, Any]:
    """The values ``conf.py`` sets (empty when there is none)."""
    conf = (project / "conf.py").resolve()  # Sphinx evaluates it from its own folder
    if not conf.is_file():
        return {}
    try:
        return dict(eval_config_file(conf, Tags()))
    except ConfigError as error:
        raise UsageError(f"{conf} cannot be read: {error}") from None


def add_journal_argument(parser: argparse.ArgumentParser) -> None:
    """The optional ``DIR`` of the verbs that work on an existing journal."""
    parser.add_argument(
        "dir",
        type=Path,
        nargs="?",
        default=Path(),
        help="the journal's folder (default: the current folder)",
    )
