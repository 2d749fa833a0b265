"""The benchmark page shows the newest file of ``benchmarks/results/``.

A ``<!-- newest benchmark results -->`` line in the page is replaced, when
the page is read, by that file's text; the page is read again when a newer
result file appears or that one changes.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx

RESULTS = Path(__file__).resolve().parents[2] / "benchmarks" / "results"
MARKER = "<!-- newest benchmark results -->"


def _newest() -> Path | None:
    files = sorted(RESULTS.glob("*.md"))
    return files[-1] if files else None


def _on_source_read(app: Sphinx, docname: str, source: list[str]) -> None:
    if MARKER not in source[0]:
        return
    newest = _newest()
    if newest is None:
        return
    app.env.note_dependency(str(newest))
    text = f"Results of {newest.stem}:\n\n" + newest.read_text(encoding="utf-8")
    source[0] = source[0].replace(MARKER, text)


def setup(app: Sphinx) -> dict[str, bool]:
    app.connect("source-read", _on_source_read)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
