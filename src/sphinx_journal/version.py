"""The package's version, on its own: any module may name it without importing the package."""

from __future__ import annotations

__version__ = "0.1.0"
