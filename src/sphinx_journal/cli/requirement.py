"""The line of ``requirements.txt`` that installs this sphinx-journal on Read the Docs.

Before a release on PyPI the bare name installs nothing; when the running
copy was installed from a Git repository, pip recorded where (PEP 610
``direct_url.json``), and that address with its commit installs the same
code on Read the Docs.
"""

from __future__ import annotations

import json
from importlib import metadata
from typing import Final

NAME: Final = "sphinx-journal"


def requirement_line(direct_url: str | None) -> str:
    """``sphinx-journal @ git+URL@COMMIT`` for a Git install, else the bare name.

    A local folder or an editable checkout has no address another machine can
    reach, so it gives the bare name (the template's comment says how to point
    it at the repository).
    """
    if not direct_url:
        return NAME
    try:
        record = json.loads(direct_url)
    except ValueError:
        return NAME
    if not isinstance(record, dict):
        return NAME
    url, vcs = record.get("url"), record.get("vcs_info")
    if not isinstance(url, str) or not isinstance(vcs, dict) or vcs.get("vcs") != "git":
        return NAME
    if not url.startswith(("https://", "ssh://", "git://")):
        return NAME
    commit = vcs.get("commit_id")
    suffix = f"@{commit}" if isinstance(commit, str) and commit.isalnum() else ""
    return f"{NAME} @ git+{url}{suffix}"


def installed_requirement() -> str:
    """The requirement line of the sphinx-journal that is running."""
    try:
        direct_url = metadata.distribution(NAME).read_text("direct_url.json")
    except metadata.PackageNotFoundError:
        direct_url = None
    return requirement_line(direct_url)
