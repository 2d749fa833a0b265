"""Posts stay inside the source folder: no file from outside is read or published.

A post is someone else's text (``sphinx-journal import``). Sphinx copies
every file a document links (``[p](../../etc/passwd)`` becomes a download)
or shows as an image into the output, wherever it is; a post file that is a
symlink would publish whatever it points to; a FIFO named ``x.md`` would
hang the read. File insertion directives are turned off for posts by the
parser (see :mod:`sphinx_journal.upstream`); this module does the rest:

- :func:`_skip_unsafe_posts` drops post files that are not regular files
  inside the source folder (symlinks, FIFOs …) before they are read;
- :class:`ConfineFiles` turns download links and images that point outside
  the source folder into their text, before Sphinx collects them;
- :class:`DropScriptLinks` keeps as text any link, in any document, whose
  address would run script (``javascript:``, ``vbscript:``, ``data:``):
  such addresses come from metadata and ``.bib`` fields (sphinxcontrib-bibtex
  renders a ``url`` as it is), never from a reader's wish.

Each is a located ``journal.file`` (or ``journal.url``) warning.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.osutil import canon_path

from sphinx_journal.posts.containment import inside, safe_post_file, script_scheme
from sphinx_journal.posts.reading import is_post
from sphinx_journal.warnings_ import warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


def _skip_unsafe_posts(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    srcdir = Path(env.srcdir)
    for docname in sorted(env.found_docs):
        if not is_post(env.config, docname):
            continue
        path = env.doc2path(docname)
        reason = safe_post_file(srcdir, path)
        if reason is None:
            continue
        warn("file", f"post not built: its file {reason}", docname)
        env.found_docs.discard(docname)
        if docname in docnames:
            docnames.remove(docname)


def _is_local(target: str) -> bool:
    return bool(target) and "://" not in target and not target.startswith(("data:", "mailto:"))


class ConfineFiles(SphinxTransform):
    """Keep a post's downloads and images to files under the source folder."""

    default_priority = 10  # early: before anything records the files

    def apply(self, **kwargs: object) -> None:
        docname = self.env.docname
        if not is_post(self.config, docname):
            return
        srcdir = Path(self.env.srcdir)
        for ref in list(self.document.findall(addnodes.download_reference)):
            target = str(ref.get("reftarget", ""))
            if _is_local(target) and not self._inside(srcdir, target):
                message = f"link to a file outside the source folder not published: {target}"
                warn("file", message, ref)
                ref.replace_self(nodes.inline(ref.astext(), ref.astext()))
        for image in list(self.document.findall(nodes.image)):
            uri = str(image.get("uri", ""))
            if _is_local(uri) and not self._inside(srcdir, uri):
                warn("file", f"image outside the source folder not published: {uri}", image)
                alt = str(image.get("alt", ""))
                image.replace_self(nodes.inline(alt, alt))

    def _inside(self, srcdir: Path, target: str) -> bool:
        _, path = self.env.relfn2path(
            canon_path(target.split("?", maxsplit=1)[0]), self.env.docname
        )
        return inside(srcdir, Path(path))


class DropScriptLinks(SphinxPostTransform):
    """Keep links whose address would run script as their text."""

    default_priority = 900  # after every resolver has set its addresses

    def run(self, **kwargs: object) -> None:
        for ref in list(self.document.findall(nodes.reference)):
            uri = str(ref.get("refuri", ""))
            if script_scheme(uri):
                warn("url", f"link that would run script kept as text: {uri[:80]}", ref)
                ref.replace_self(nodes.inline(ref.astext(), ref.astext()))


def setup_confine(app: Sphinx) -> None:
    app.connect("env-before-read-docs", _skip_unsafe_posts)
    app.add_transform(ConfineFiles)
    app.add_post_transform(DropScriptLinks)
