"""Sphinx glue that makes a post's body read as Jekyll and kramdown show it.

Transforms, applied to posts and to the pages of a Jekyll site (the pages
of other projects stay exactly as Sphinx reads them):

- :class:`KramdownBody` (before Sphinx collects images): ``<img src>`` of raw
  HTML whose file is in the project becomes an image node (so the file is
  copied into the output); image paths written with ``\\`` or as the site's
  own absolute URL resolve against the site root; the ``{:toc}`` marker
  becomes the post's table of contents; a thematic break that opens a
  section gets an empty comment before it, so docutils keeps it without its
  "may not begin with a transition" error; code in a language Pygments does
  not know is plain text, and code it cannot lex is shown as Rouge shows it
  (highlighted as far as it goes, no warning); ``mermaid`` code is a diagram
  when ``sphinxcontrib.mermaid`` is set up; a table of more than 100
  columns keeps a width for each (MyST's would be 0, which the text
  builder cannot lay out).
- :class:`InPageLinks` (just before MyST resolves ``#anchor`` links): a link to
  a heading id or to an ``id``/``name`` of raw HTML works; one to nothing is
  warned ``journal.link`` and its text kept; a link to another post's Jekyll
  URL (``/2021/09/24/day36.html``) becomes a link to that post.

MyST's own ``myst.header`` warning (a post may start at ``##`` and skip
levels: its front-matter title is its H1) is not raised for posts, nor for
the other pages of a Jekyll site (Markdown with front matter beside a
``_config.yml``), whose layout prints their title the same way.
"""

from __future__ import annotations

import importlib.util
import logging
import posixpath
import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final
from urllib.parse import unquote

from docutils import nodes
from docutils.transforms import parts
from pygments.lexers import get_lexer_by_name  # type: ignore[import-untyped]
from pygments.util import ClassNotFound  # type: ignore[import-untyped]
from sphinx import addnodes
from sphinx.highlighting import lexer_classes
from sphinx.transforms import SphinxTransform

from sphinx_journal import priorities
from sphinx_journal.jekyll import kramdown
from sphinx_journal.jekyll.files import url_key
from sphinx_journal.jekyll.liquid import TOC_MARKER
from sphinx_journal.posts.reading import JEKYLL_PAGES, is_post, reads_as_jekyll
from sphinx_journal.posts.site import post_by_url, site_of
from sphinx_journal.warnings_ import warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

_SCHEME: Final = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)
_SIZE: Final = re.compile(r"^\d+(?:\.\d+)?(?:px|%|em|rem)?$")
#: The widest a column too narrow to lay out is made: its longest word, at most this.
_WORD_WIDTH: Final = 20
#: Whether ``sphinxcontrib.mermaid`` is installed (then :mod:`sphinx_journal.upstream` sets it up).
MERMAID: Final = importlib.util.find_spec("sphinxcontrib.mermaid") is not None
_MYST_LOGGER: Final = "sphinx.myst_parser.warnings_"


@lru_cache(maxsize=512)
def _lexer_known(language: str) -> bool:
    if language in lexer_classes or language in ("default", "none"):
        return True
    try:
        get_lexer_by_name(language)
    except ClassNotFound:
        return False
    return True


def site_path(env: BuildEnvironment, docname: str, uri: str) -> str | None:
    """``uri`` (a file a post names) as a path relative to the site root, or ``None``.

    Site-absolute paths (``/assets/x.png``, with or without ``baseurl``), the
    site's own absolute URL, relative paths (to the post's folder) and
    Windows ``\\`` separators are accepted; a path leaving the site is not.
    """
    config = site_of(env).config
    uri = uri.strip().replace("\\", "/")
    own = config.absolute_url
    if own and uri.startswith(own + "/"):
        uri = uri[len(own) :]
    if _SCHEME.match(uri) or not uri or uri.startswith("#"):
        return None
    uri = unquote(uri.split("#", 1)[0].split("?", 1)[0])
    if uri.startswith("/"):
        base = config.baseurl.strip("/")
        path = uri.lstrip("/")
        if base and path.startswith(base + "/") and not (Path(env.srcdir) / path).exists():
            path = path[len(base) + 1 :]
    else:
        path = posixpath.join(posixpath.dirname(docname), uri)
    path = posixpath.normpath(path)
    if path.startswith("../") or path == ".." or path.startswith("/"):
        return None
    return path


#: furo's class for a table of contents that belongs in the page (its CSS flags others)
FURO_KEEP_TOC: Final = "this-will-duplicate-information-and-it-is-still-useful-here"


class KramdownBody(SphinxTransform):
    """Images, ``{:toc}``, leading transitions and code of a post, as Jekyll shows them."""

    default_priority = priorities.KRAMDOWN_BODY

    def apply(self, **kwargs: Any) -> None:
        if not reads_as_jekyll(self.env):
            return
        for raw in list(self.document.findall(nodes.raw)):
            if "html" not in raw.get("format", "").split():
                continue
            if raw.astext().strip() == TOC_MARKER:
                self._contents(raw)
            elif "<img" in raw.astext().lower():
                self._raw_images(raw)
        for image in self.document.findall(nodes.image):
            self._image(image)
        for block in list(self.document.findall(nodes.literal_block)):
            self._code(block)
        for transition in list(self.document.findall(nodes.transition)):
            self._transition(transition)
        for group in self.document.findall(nodes.tgroup):
            self._widths(group)

    def _contents(self, raw: nodes.raw) -> None:
        # the author asked for this table of contents; furo paints any in-page one red
        # with an "ERROR" banner unless it carries furo's documented escape-hatch class
        topic = nodes.topic(classes=["contents", "local", "journal-toc", FURO_KEEP_TOC])
        pending = nodes.pending(parts.Contents, {"local": True})
        topic += pending
        self.document.set_id(topic)
        self.document.note_pending(pending)
        raw.replace_self(topic)

    def _raw_images(self, raw: nodes.raw) -> None:
        text = raw.astext()
        pieces: list[nodes.Node] = []
        position = 0
        for found in kramdown.html_images(text):
            image = self._html_image(found.attributes)
            if image is None:
                continue
            if found.start > position:
                pieces.append(nodes.raw("", text[position : found.start], format="html"))
            image.source, image.line = raw.source, raw.line
            pieces.append(image)
            position = found.end
        if not pieces:
            return
        if position < len(text):
            pieces.append(nodes.raw("", text[position:], format="html"))
        raw.replace_self(pieces)

    def _html_image(self, attributes: dict[str, str]) -> nodes.image | None:
        src = attributes.get("src", "")
        path = site_path(self.env, self.env.docname, src)
        if path is None or not (Path(self.env.srcdir) / path).is_file():
            return None
        image = nodes.image(uri="/" + path, alt=attributes.get("alt", ""))
        for key in ("width", "height"):
            value = attributes.get(key, "").strip()
            if _SIZE.match(value):
                image[key] = value if not value[-1].isdigit() else value + "px"
        classes = attributes.get("class", "").split()
        image["classes"] += [name for name in classes if re.fullmatch(r"[\w-]+", name)]
        return image

    def _image(self, image: nodes.image) -> None:
        uri = image.get("uri", "")
        if _SCHEME.match(uri) and not uri.startswith(site_of(self.env).config.absolute_url or "\0"):
            return
        if "\\" not in uri and "%" not in uri and not _SCHEME.match(uri):
            return
        path = site_path(self.env, self.env.docname, uri)
        if path is not None and (Path(self.env.srcdir) / path).is_file():
            image["uri"] = "/" + path

    def _code(self, block: nodes.literal_block) -> None:
        language = block.get("language")
        if not language:
            return
        if language.lower() == "mermaid" and MERMAID:
            from sphinxcontrib.mermaid import mermaid  # noqa: PLC0415

            diagram = mermaid()
            diagram["code"] = block.astext()
            diagram["options"] = {}
            block.replace_self(diagram)
            return
        if not _lexer_known(language.lower()):
            block["language"] = "text"
        block["force"] = True  # Rouge shows code it cannot lex as it is, without a word

    @staticmethod
    def _widths(group: nodes.tgroup) -> None:
        """Columns too narrow to lay out get the width of their longest word.

        MyST gives each of n columns ``100 // n``: past 100 columns that is 0,
        which stops the text builder; kramdown shows such a table.
        """
        columns = [child for child in group.children if isinstance(child, nodes.colspec)]
        if all(int(column.get("colwidth", 1) or 0) >= 1 for column in columns):
            return
        longest = [1] * len(columns)
        for row in group.findall(nodes.row):
            for index, entry in enumerate(row.children[: len(columns)]):
                words = entry.astext().split() or [""]
                longest[index] = max(longest[index], min(_WORD_WIDTH, max(map(len, words))))
        for column, width in zip(columns, longest, strict=True):
            if int(column.get("colwidth", 1) or 0) < 1:
                column["colwidth"] = width

    def _transition(self, transition: nodes.transition) -> None:
        parent = transition.parent
        index = parent.index(transition)
        before = parent[:index]
        if all(
            isinstance(child, (nodes.title, nodes.subtitle, nodes.Invisible)) for child in before
        ) or (index > 0 and isinstance(parent[index - 1], nodes.transition)):
            parent.insert(index, nodes.comment())


class InPageLinks(SphinxTransform):
    """``#anchor`` links of a post as kramdown ids make them work, and Jekyll URLs of posts."""

    default_priority = priorities.IN_PAGE_LINKS

    def apply(self, **kwargs: Any) -> None:
        if not reads_as_jekyll(self.env):
            return
        self._kramdown_ids()
        html_ids: set[str] = set().union(
            *(kramdown.html_ids(raw.astext()) for raw in self.document.findall(nodes.raw))
        )
        self._publish(html_ids)
        for reference in list(self.document.findall(nodes.reference)):
            if not reference.get("id_link"):
                continue
            target = unquote(reference.get("refuri", "").lstrip("#"))
            if target in self.document.ids:
                del reference["id_link"], reference["refuri"]
                reference["refid"] = target
                continue
            if target in html_ids:
                del reference["id_link"]
                reference["refuri"] = "#" + target
                continue
            if self._elsewhere(target):
                continue
            warn(
                "link",
                f"in-page link '#{target}' points to no heading or id of this post; kept as text",
                reference,
            )
            reference.replace_self(nodes.inline("", "", *reference.children))
        for xref in list(self.document.findall(addnodes.pending_xref)):
            if xref.get("reftype") == "myst":
                self._jekyll_url(xref)

    def _kramdown_ids(self) -> None:
        """Give every section the id kramdown gives its heading, math and all.

        MyST's slugs leave inline math out of a heading's text; kramdown reads
        ``$f$`` as text, so ``k-NN 에서 $f$ 를`` is ``k-nn-에서-f-를``.
        """
        counter: dict[str, int] = {}
        for section in self.document.findall(nodes.section):
            if not section.children or not isinstance(section[0], nodes.title):
                continue
            base = kramdown.header_id(section[0].astext())
            number = counter.get(base, -1) + 1
            counter[base] = number
            found = base if number == 0 else f"{base}-{number}"
            if found and found not in self.document.ids and not re.search(r"\s", found):
                section["ids"].append(found)
                self.document.ids[found] = section

    def _publish(self, html_ids: set[str]) -> None:
        """Let links from other posts reach this post's raw HTML anchors (``<a name="x">``).

        MyST resolves ``other-post.md#x`` against the other document's heading
        slugs (``myst_slugs``); under Jekyll the browser finds any ``id`` or
        ``name``, so those join the slugs (headings keep theirs).
        """
        metadata = self.env.metadata[self.env.docname]
        slugs = dict(metadata.get("myst_slugs", {}))
        for anchor in sorted(html_ids):
            slugs.setdefault(anchor, (None, anchor, ""))
        if slugs:
            metadata["myst_slugs"] = slugs

    def _elsewhere(self, target: str) -> bool:
        """Whether ``target`` is a label MyST will find in another document (``(label)=``)."""
        return target in self.env.domaindata.get("std", {}).get("labels", {})

    def _jekyll_url(self, xref: addnodes.pending_xref) -> None:
        target = xref.get("reftarget", "")
        docname = self.env.docname
        if target.startswith("/"):
            url = target
        else:
            path = site_path(self.env, docname, target)
            if path is None:
                return
            url = "/" + path
        found = post_by_url(self.env, url)
        if found is None and _is_site_root(self.env, url):
            found = self.config.root_doc  # ``{{ site.url }}/``: the site's home
        if found is None:
            return
        self.env.note_dependency(str(self.env.doc2path(found)))
        xref["refdomain"] = "std"
        xref["reftype"] = "doc"
        xref["reftarget"] = "/" + found
        xref["refexplicit"] = True
        for child in xref.findall(nodes.inline):
            child["classes"] = [c for c in child["classes"] if c != "myst"] + ["doc"]
            break


def _is_site_root(env: BuildEnvironment, url: str) -> bool:
    """Whether the site-absolute ``url`` is the home (``/``, ``/index.html``, the baseurl)."""
    key = url_key(url)
    return key in ("", ".", site_of(env).config.baseurl.strip("/")) and "#" not in url


class _PostHeadingFilter(logging.Filter):
    """Drop MyST's ``myst.header`` for posts: their front-matter title is their H1.

    Sphinx holds warnings back while reading and filters ``suppress_warnings``
    only when it prints them, so the record is dropped where MyST logs it.
    """

    def __init__(self, app: Sphinx) -> None:
        super().__init__()
        self.app = app

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "type", "") != "myst" or getattr(record, "subtype", "") != "header":
            return True
        location = getattr(record, "location", None)
        docname = location[0] if isinstance(location, tuple) and location else None
        if not isinstance(docname, str):
            return True
        return not is_post(self.app.config, docname) and docname not in JEKYLL_PAGES


def setup_body(app: Sphinx) -> None:
    """Read post bodies as kramdown shows them."""
    app.add_transform(KramdownBody)
    app.add_transform(InPageLinks)
    logger = logging.getLogger(_MYST_LOGGER)
    for old in [f for f in logger.filters if isinstance(f, _PostHeadingFilter)]:
        logger.removeFilter(old)
    logger.addFilter(_PostHeadingFilter(app))
