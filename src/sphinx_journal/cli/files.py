"""File names that Sphinx, URLs and every file system accept, keeping Unicode letters."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import Final

from sphinx_journal.jekyll.slugs import safe_part

__all__ = ["NAME_BYTES", "fit_name", "safe_part", "write_atomic"]

#: Bytes of a file name most file systems accept (ext4, APFS, NTFS: 255).
NAME_BYTES: Final = 255


def fit_name(stem: str, suffix: str, limit: int = NAME_BYTES) -> str:
    """``stem + suffix``, the stem cut (never inside a character) so the name fits ``limit``."""
    room = limit - len(suffix.encode("utf-8"))
    data = stem.encode("utf-8")[:room]
    return data.decode("utf-8", errors="ignore").rstrip("-.") + suffix


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` all at once: a file is either as it was or complete.

    The bytes go to a temporary file beside ``path`` that replaces it in one
    rename, so an interrupted ``import`` (Ctrl-C, a full disk) never leaves a
    truncated post, and running it again completes the work.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(
        dir=path.parent, prefix=f".{path.name[:50]}.", suffix=".tmp"
    )
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        Path(temporary).replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            Path(temporary).unlink()
        raise
