"""File names that Sphinx, URLs and every file system accept, keeping Unicode letters."""

from __future__ import annotations

from sphinx_journal.posts.slugs import safe_part

__all__ = ["safe_part"]
