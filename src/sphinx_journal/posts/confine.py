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

import codecs
import functools
import re
from encodings import utf_8_sig
from pathlib import Path
from typing import TYPE_CHECKING, Final

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.osutil import canon_path

from sphinx_journal import priorities
from sphinx_journal.config import journal_config
from sphinx_journal.posts.containment import inside, safe_post_file, script_scheme
from sphinx_journal.posts.reading import is_post
from sphinx_journal.warnings_ import warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


#: A UTF-8 codec that replaces what is not UTF-8, so one bad byte costs one character.
LENIENT_UTF8: Final = "sphinx_journal_utf8"


class _LenientDecoder(utf_8_sig.IncrementalDecoder):
    def __init__(self, errors: str = "strict") -> None:
        super().__init__("replace")


def _find_codec(name: str) -> codecs.CodecInfo | None:
    if name != LENIENT_UTF8:
        return None
    return codecs.CodecInfo(
        name=LENIENT_UTF8,
        encode=utf_8_sig.encode,
        decode=lambda data, errors="strict": utf_8_sig.decode(data, "replace"),
        incrementalencoder=utf_8_sig.IncrementalEncoder,
        incrementaldecoder=_LenientDecoder,
    )


@functools.cache
def _install_codec() -> None:
    """Make :data:`LENIENT_UTF8` known to Python, once per process."""
    codecs.register(_find_codec)


def _not_utf8(path: Path) -> int | None:
    """The line of the first byte of ``path`` that is not UTF-8, if there is one."""
    data = path.read_bytes()
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return data[: exc.start].count(b"\n") + 1
    return None


def _skip_unsafe_posts(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """Leave out posts that are not plain files; read the others even if not UTF-8.

    Only the posts about to be read are looked at: one that is not read keeps
    what was read from it when it was a plain file, and one left out is new
    again to the next build, so it is looked at again.
    """
    srcdir = Path(env.srcdir)
    utf8 = codecs.lookup(env.config.source_encoding).name in ("utf-8", "utf-8-sig")
    if utf8:  # Sphinx would stop the whole build at the first post that is not UTF-8
        env.settings["input_encoding"] = LENIENT_UTF8
    folders = _post_folders(env)
    for docname in sorted(docnames):
        if not is_post(env.config, docname) and not docname.startswith(folders):
            continue
        path = env.doc2path(docname)
        reason = safe_post_file(srcdir, path)
        if reason is None and not _encodable(docname):
            reason = "name is not valid UTF-8"
        if reason is None:
            line = _not_utf8(path) if utf8 else None
            if line is not None:
                warn("file", "not UTF-8: each bad byte is read as U+FFFD", (docname, line))
            continue
        warn("file", f"post not built: its file {reason}", docname)
        env.found_docs.discard(docname)
        docnames.remove(docname)


def _post_folders(env: BuildEnvironment) -> tuple[str, ...]:
    """The folders posts are taken from (``_posts/``): everything in them is someone else's."""
    folders = []
    for pattern in journal_config(env.config).posts:
        head = re.split(r"[*?\[]", pattern, maxsplit=1)[0]
        if "/" in head:
            folders.append(head.rsplit("/", 1)[0] + "/")
    return tuple(folders)


def _encodable(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _is_local(target: str) -> bool:
    return bool(target) and "://" not in target and not target.startswith(("data:", "mailto:"))


class ConfineFiles(SphinxTransform):
    """Keep a post's downloads and images to files under the source folder."""

    default_priority = priorities.CONFINE_FILES

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

    default_priority = priorities.DROP_SCRIPT_LINKS

    def run(self, **kwargs: object) -> None:
        for ref in list(self.document.findall(nodes.reference)):
            uri = str(ref.get("refuri", ""))
            if script_scheme(uri):
                warn("url", f"link that would run script kept as text: {uri[:80]}", ref)
                ref.replace_self(nodes.inline(ref.astext(), ref.astext()))


def setup_confine(app: Sphinx) -> None:
    _install_codec()
    app.connect("env-before-read-docs", _skip_unsafe_posts)
    app.add_transform(ConfineFiles)
    app.add_post_transform(DropScriptLinks)
