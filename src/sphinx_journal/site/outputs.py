"""Files the journal writes besides pages (feeds, papers.bib): written when changed,
removed when no longer produced.

Sphinx never deletes an output file, so a feed of a tag that no post uses
any more would stay online. The list of files written by each builder is
kept in the doctree folder, beside the environment.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx

MANIFEST = "sphinx-journal-files.json"


def write_if_changed(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` unless it already holds exactly that."""
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def replace_outputs(app: Sphinx, kind: str, files: dict[str, str]) -> None:
    """Make ``kind``'s files under the output folder exactly ``files`` (relative path -> text)."""
    outdir = Path(app.builder.outdir).resolve()
    manifest_path = Path(app.doctreedir) / MANIFEST
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        manifest = {}
    key = f"{app.builder.name}:{kind}"
    for relative in manifest.get(key, []):
        if relative not in files:
            path = (outdir / relative).resolve()
            if path.is_relative_to(outdir) and path.is_file():
                path.unlink()
    for relative, text in files.items():
        path = (outdir / relative).resolve()
        if path.is_relative_to(outdir):
            write_if_changed(path, text)
    manifest[key] = sorted(files)
    manifest_path.parent.mkdir(parents=True, exist_ok=True)
    manifest_path.write_text(
        json.dumps(manifest, ensure_ascii=False, sort_keys=True), encoding="utf-8"
    )
