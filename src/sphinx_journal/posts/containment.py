"""Whether a path stays inside a folder once symlinks are resolved (pure, no Sphinx).

Shared by the build (posts, their links and images) and ``import`` (the
files it copies from someone else's site).
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path
from typing import Final

#: Browsers ignore tabs, newlines and leading spaces or controls in a scheme.
_IGNORED_IN_SCHEME: Final = re.compile(r"[\x00-\x20]")
_SCRIPT_SCHEMES: Final = ("javascript:", "vbscript:", "data:")


def script_scheme(uri: str) -> bool:
    """Whether a browser would run ``uri`` as script rather than fetch it."""
    head = _IGNORED_IN_SCHEME.sub("", uri[:64]).lower()
    return head.startswith(_SCRIPT_SCHEMES)


def inside(root: Path, path: Path) -> bool:
    """Whether ``path``, with every symlink resolved, is ``root`` or below it."""
    real_root = os.path.realpath(root)
    real = os.path.realpath(path)
    return real == real_root or real.startswith(real_root.rstrip(os.sep) + os.sep)


def reached_directly(root: Path, path: Path) -> bool:
    """Whether ``path`` under ``root`` is reached through no symlink on the way."""
    relative = os.path.relpath(path, root)
    return Path(os.path.realpath(path)) == Path(os.path.realpath(root), relative)


def safe_post_file(srcdir: Path, path: Path) -> str | None:
    """Why the post file ``path`` must not be read, or ``None`` when it may be.

    It must be a regular file reached without any symlink, so that the
    post published is the file under the source folder and nothing else.
    """
    try:
        mode = os.lstat(path).st_mode
    except OSError as exc:
        return f"cannot be read ({exc.strerror})"
    if stat.S_ISLNK(mode):
        return "is a symlink"
    if not stat.S_ISREG(mode):
        return "is not a regular file"
    if not reached_directly(srcdir, path):
        return "is reached through a symlinked folder"
    return None
