"""Files the journal writes besides documents (generated pages, feeds, papers.bib), and the one
manifest that remembers them.

Sphinx never deletes an output file, so a feed of a tag that no post uses
any more, or the page of that tag, would stay online. What each builder
wrote, and the digests that let a generated page be skipped when its inputs
did not change, are kept in one manifest in the doctree folder, beside the
environment. Files are written through Sphinx's ``FileAvoidWrite``, so an
unchanged file keeps its time stamp.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.util.osutil import FileAvoidWrite

if TYPE_CHECKING:
    from sphinx.application import Sphinx

MANIFEST = "sphinx-journal.json"


def write_if_changed(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` unless it already holds exactly that."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with FileAvoidWrite(str(path)) as file:
        file.write(text)


def _manifest(app: Sphinx) -> dict[str, object]:
    try:
        data = json.loads((Path(app.doctreedir) / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def remembered(app: Sphinx, key: str) -> object:
    """What the last build kept under ``key`` (``None`` the first time)."""
    return _manifest(app).get(key)


def remember(app: Sphinx, key: str, value: object) -> None:
    """Keep ``value`` under ``key`` for the next build."""
    manifest = _manifest(app)
    manifest[key] = value
    # ASCII: a file name that is not UTF-8 is kept as lone surrogates, which JSON escapes
    text = json.dumps(manifest, ensure_ascii=True, sort_keys=True)
    write_if_changed(Path(app.doctreedir) / MANIFEST, text)


def replace_outputs(app: Sphinx, kind: str, files: dict[str, str]) -> None:
    """Make ``kind``'s files under the output folder exactly ``files`` (relative path -> text)."""
    outdir = Path(app.builder.outdir).resolve()
    key = f"files:{app.builder.name}:{kind}"
    before = remembered(app, key)
    for relative in before if isinstance(before, list) else []:
        if relative not in files:
            path = (outdir / str(relative)).resolve()
            if path.is_relative_to(outdir) and path.is_file():
                path.unlink()
    for relative, text in files.items():
        path = (outdir / relative).resolve()
        if path.is_relative_to(outdir):
            write_if_changed(path, text)
    remember(app, key, sorted(files))
