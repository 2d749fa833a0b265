"""Sphinx glue for posts: from a Jekyll file to a page with a header and a record.

1. ``source-read``: the front matter is loaded and typed, Liquid and
   kramdown are handled line for line, problems are warned at their line,
   and the post is parsed with the journal's MyST syntax.
2. :class:`PostTransform`: the front-matter title becomes the page's title
   (the post's own first heading stays, one level below), and the header and
   the previous/next placeholder are added.
3. ``doctree-read``: the post's :class:`~.record.Post` goes into the domain
   and the post is marked orphan (it needs no toctree entry).
"""

from __future__ import annotations

import dataclasses
import posixpath
import re
from collections.abc import Iterable, Mapping
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, Final

from docutils import nodes
from sphinx.transforms import SphinxTransform
from sphinx.util.matching import Matcher

from sphinx_journal import priorities
from sphinx_journal.config import journal_config
from sphinx_journal.domain import journal_domain
from sphinx_journal.jekyll import files as jekyll
from sphinx_journal.jekyll import frontmatter, liquid
from sphinx_journal.jekyll.metadata import PostMeta, read_meta
from sphinx_journal.jekyll.slugs import safe_part
from sphinx_journal.pagenames import PagePaths
from sphinx_journal.pickling import share_attributes, shared
from sphinx_journal.posts.header import build_header
from sphinx_journal.posts.site import site_of
from sphinx_journal.records.post import Post
from sphinx_journal.site.nodes import post_neighbours
from sphinx_journal.upstream import MYST_KEYS, use_syntax_for
from sphinx_journal.warnings_ import warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

_META_KEY: Final = "journal_post_meta"
TAXONOMY_KEYS: Final = frozenset({"tags", "tag", "categories", "category"})
_MORE_KEY: Final = "journal_post_more"
_JEKYLL_PAGE_KEY: Final = "journal_jekyll_page"
_PAGE_TITLE_KEY: Final = "journal_page_title"
_JEKYLL_BODY_KEY: Final = "journal_jekyll_body"
#: Docnames of the Jekyll pages read in this process (see :func:`_on_source_read`).
JEKYLL_PAGES: set[str] = set()
EXCERPT_LENGTH: Final = 280

_matchers: dict[tuple[str, ...], Matcher] = {}
#: ``{{ site.KEY }}`` outputs that mean ``_config.yml``'s text.
_SITE_TEXT: Final = {"title": "title", "description": "description", "author": "author"}


def is_post(config: Config, docname: str) -> bool:
    """Whether ``docname`` matches one of ``journal_posts``."""
    patterns = journal_config(config).posts
    matcher = _matchers.get(patterns)
    if matcher is None:
        matcher = _matchers[patterns] = Matcher(list(patterns))
    return matcher(docname)


def title_from_stem(stem: str) -> str:
    """Jekyll's title for a post without one: the slug after the date, words capitalised."""
    return jekyll.title_of(stem)


def link_resolver(
    env: BuildEnvironment, docname: str, front: Mapping[str, Any] | None = None
) -> liquid.Resolver:
    """Resolve Jekyll's link tags to paths relative to ``docname``'s source file.

    ``{% post_url name %}`` finds the post whose file name (or path under its
    posts folder) is ``name``; ``{% link path %}`` a file under the source
    folder; ``{{ site.url }}`` the source folder itself. MyST then turns the
    relative paths into ordinary document and file links. ``{{ site.title }}``
    and the like give ``_config.yml``'s text, ``{{ page.x }}`` the front
    matter's (``front``) when it is a plain value.
    """
    here = posixpath.dirname(docname)
    site_config = site_of(env).config

    def relative(target: str) -> str:
        return posixpath.relpath(target, here or ".")

    def resolve(kind: str, argument: str) -> str | None:
        if kind == "root":
            return relative(".") + "/"
        if kind == "post_url":
            name = argument.strip("/")
            names = {name, "/".join(safe_part(part) for part in name.split("/"))}
            for candidate in sorted(env.found_docs):
                if any(candidate == n or candidate.endswith(f"/{n}") for n in names) and is_post(
                    env.config, candidate
                ):
                    target = env.doc2path(candidate, False).as_posix()
                    env.note_dependency(target)  # re-read this post if that one goes
                    found = relative(target)
                    return f"<{found}>" if " " in found else found
            # a missing dependency makes Sphinx re-read this post until the target exists
            env.note_dependency(f"_posts/{name}.md")
            return None
        if kind == "link":
            path = argument.strip().strip("\"'").strip("/")
            if ".." in path.split("/") or not path:
                return None
            if not (Path(env.srcdir) / path).is_file():  # or under the name import gave it
                path = "/".join(safe_part(part) for part in path.split("/"))
            env.note_dependency(path)
            if not (Path(env.srcdir) / path).is_file():
                return None
            target = relative(path)
            return f"<{target}>" if " " in target else target
        if kind == "site":
            key = _SITE_TEXT.get(argument)
            text: str = getattr(site_config, key) if key else ""
            return text or None
        if kind == "page":
            value = (front or {}).get(argument)
            if isinstance(value, (str, int, float)) and not isinstance(value, bool):
                return str(value)
        return None

    return resolve


def _on_source_read(app: Sphinx, docname: str, source: list[str]) -> None:
    env = app.env
    post = is_post(app.config, docname)
    # a page of a Jekyll site is Jekyll content too: front matter, Liquid and
    # kramdown are read as for a post; it needs no toctree entry, and its title is
    # its front matter's, as its layout shows it (with front matter or without:
    # GitHub Pages makes a page of both)
    page = not post and site_of(env).config.found
    use_syntax_for(env, post=post or page)
    if not post and not page:
        return
    text = source[0]
    front, problems = frontmatter.load(text)
    if problems or (front is not None and (front.repaired or not front.data)):
        text = frontmatter.neutralize(text)  # MyST must not read what the journal refused
    else:
        text = frontmatter.readable(text)
    block = frontmatter.find_block(text)
    body_start = block[1] + 1 if block else 0
    lines = text.split("\n")
    if post:
        front = _with_defaults(env, docname, front)
    body, liquid_problems = liquid.convert(
        "\n".join(lines[body_start:]),
        body_start + 1,
        link_resolver(env, docname, front.data if front else None),
    )
    source[0] = "\n".join([*lines[:body_start], body])
    env.temp_data[_JEKYLL_BODY_KEY] = True
    if page:
        env.temp_data[_JEKYLL_PAGE_KEY] = True
        JEKYLL_PAGES.add(docname)
        # a theme's template page ({% for post in site.posts %} …) is Liquid the
        # journal cannot run: it stays text, as it always did, and no mistake of the
        # author's is warned (the journal's own archive and tag pages list the posts)
        for problem in problems:
            warn(problem.subtype, problem.message, (docname, problem.line))
        title = front.data.get("title") if front is not None else None
        if isinstance(title, (str, int, float)) and not isinstance(title, bool):
            set_page_title(env, str(title))
        return
    zone = journal_config(app.config).zone
    meta, meta_problems = read_meta(front, PurePosixPath(docname).name, zone)
    for problem in [*problems, *meta_problems, *liquid_problems]:
        warn(problem.subtype, problem.message, (docname, problem.line))
    for key in MYST_KEYS:
        if front is not None and key in front.data:
            warn(
                "frontmatter",
                f"{key!r} in a post's front matter is ignored: posts take MyST options "
                "from conf.py only",
                (docname, front.line_of(key)),
            )
    env.temp_data[_META_KEY] = meta
    env.temp_data[_MORE_KEY] = MORE in body.replace(" ", "")


def reads_as_jekyll(env: BuildEnvironment) -> bool:
    """Whether the document being read is Jekyll content: a post, or a page of a Jekyll site.

    Its body is then read as kramdown and Liquid show it (see :mod:`.body`).
    """
    return bool(env.temp_data.get(_JEKYLL_BODY_KEY))


def _with_defaults(
    env: BuildEnvironment, docname: str, front: frontmatter.FrontMatter | None
) -> frontmatter.FrontMatter | None:
    """``front`` with ``_config.yml``'s ``defaults`` for this post under it (the post wins)."""
    defaults = site_of(env).config.front_matter_defaults(docname)
    if not defaults:
        return front
    if front is None:
        return frontmatter.FrontMatter(defaults, 1, 1, {})
    return dataclasses.replace(front, data={**defaults, **front.data})


def set_page_title(env: BuildEnvironment, title: str) -> None:
    """Give the page being read (not a post) ``title`` as its heading, as its layout would."""
    title = " ".join(title.split())
    if title:
        env.temp_data[_PAGE_TITLE_KEY] = title


def page_title(env: BuildEnvironment) -> str | None:
    """The title :func:`set_page_title` gave the page being read."""
    title: str | None = env.temp_data.get(_PAGE_TITLE_KEY)
    return title


def post_meta(env: BuildEnvironment) -> PostMeta | None:
    """The metadata of the post being read, or ``None`` when the document is not a post."""
    meta: PostMeta | None = env.temp_data.get(_META_KEY)
    return meta


def _leading(document: nodes.document) -> int:
    """How many children open the document before its content (docinfo, comments …)."""
    count = 0
    for child in document.children:
        if isinstance(child, (nodes.docinfo, nodes.PreBibliographic)):
            count += 1
        else:
            break
    return count


def _first_section(document: nodes.document) -> nodes.section | None:
    for child in document.children:
        if isinstance(child, nodes.section):
            return child
    return None


class PostTransform(SphinxTransform):
    """Give a post its title, header and neighbour links."""

    default_priority = priorities.POST_TITLE

    def apply(self, **kwargs: object) -> None:
        meta: PostMeta | None = self.env.temp_data.get(_META_KEY)
        if meta is None:
            return
        section = self._top_section(meta)
        words = len(self.document.astext().split())
        config = journal_config(self.config)
        header = build_header(
            meta, words, config.words_per_minute, self.config.language, PagePaths(config.path)
        )
        section.insert(1, header)
        section += post_neighbours()

    def _top_section(self, meta: PostMeta) -> nodes.section:
        first = _first_section(self.document)
        title = meta.title
        if title is None and first is not None:
            return first
        if title is None:
            title = title_from_stem(PurePosixPath(self.env.docname).name)
        return titled(self.document, title)


class PageTitle(SphinxTransform):
    """Give a page of a Jekyll site the title of its front matter, as its layout shows it."""

    default_priority = priorities.PAGE_TITLE

    def apply(self, **kwargs: object) -> None:
        title = page_title(self.env)
        if title is not None and post_meta(self.env) is None:
            titled(self.document, title)


def titled(document: nodes.document, title: str) -> nodes.section:
    """The document's top section, titled ``title`` as written: its own, or a new one around it.

    A first heading with that text is the title itself; any other stays,
    one level below.
    """
    first = _first_section(document)
    if first is not None and first[0].astext().strip() == title:
        first[0]["support_smartquotes"] = False  # type: ignore[index]
        return first
    section = nodes.section()
    section += nodes.title(title, title, support_smartquotes=False)
    start = _leading(document)
    section.extend(document.children[start:])
    del document.children[start:]
    document += section
    section["names"].append(nodes.fully_normalize_name(title))
    document.note_implicit_target(section, section)
    return section


MORE: Final = "<!--more-->"
#: Classes of what the journal itself adds to a post; never part of an excerpt.
GENERATED_CLASSES: Final = frozenset(
    {
        "journal-post-header",
        "journal-progress",
        "journal-lecture-meta",
        "journal-checkbox",
        "journal-retrospective-meta",
        "journal-cited-here",
    }
)


def _excerpt(meta: PostMeta, section: nodes.Element | None, *, more: bool) -> str:
    """The description, else the text before ``<!--more-->``, else the first paragraph.

    One walk in document order that does not look into what the journal added
    nor into lists, tables and boxes (whose paragraphs are never prose) for
    paragraphs, only for the ``<!--more-->`` mark.
    """
    if meta.description:
        return meta.description
    if section is None:
        return ""
    paragraphs: list[str] = []
    pending: list[tuple[nodes.Node, bool]] = [(section, False)]
    while pending:
        node, hidden = pending.pop()
        if isinstance(node, nodes.raw):
            if more and MORE in node.astext().replace(" ", ""):
                return " ".join(paragraphs)
            continue
        if not isinstance(node, nodes.Element):
            continue
        hidden = (
            hidden
            or isinstance(node, _NOT_PROSE)
            or bool(GENERATED_CLASSES.intersection(node["classes"]))
        )
        if isinstance(node, nodes.paragraph) and not hidden and not _all_emphasis(node):
            text = " ".join(
                "".join(
                    t.astext() for t in node.findall(nodes.Text) if not _generated(t.parent)
                ).split()
            )
            if text and not _label_like(text):
                paragraphs.append(text)
                if not more:
                    break
        pending.extend((child, hidden) for child in reversed(node.children))
    return _shorten(paragraphs[0]) if paragraphs else ""


#: What an author writes above a hand-made table of contents; never an excerpt.
CONTENTS_WORDS: Final = frozenset({"목차", "차례", "contents", "table of contents", "toc", "index"})
_DATE_LIKE: Final = re.compile(r"^[\s\d/.\-:()~년월일요]*(\([^)]{1,3}\))?[\s\d/.\-:()~]*$")
#: Where a paragraph is never the author's prose; a ``system_message`` is a parser's
#: warning (MyST's "headings start at H2"), kept in the doctree until Sphinx filters it.
_NOT_PROSE: Final = (
    nodes.list_item,
    nodes.table,
    nodes.topic,
    nodes.sidebar,
    nodes.admonition,
    nodes.system_message,
)


def _all_emphasis(node: nodes.Element) -> bool:
    """A paragraph that is one bold (or italic) run: a pseudo-heading, not prose.

    Nor are the paragraphs of lists, tables and boxes (:data:`_NOT_PROSE`): a
    schedule's date bullet ("9/30(목)") or a list of links is not what a post
    is about; the excerpt is the first paragraph of running text.
    """
    children = [c for c in node.children if not (isinstance(c, nodes.Text) and not c.strip())]
    return len(children) == 1 and isinstance(children[0], (nodes.strong, nodes.emphasis))


def _label_like(text: str) -> bool:
    """Only a date, or a "Contents" label: text that says nothing about the post."""
    bare = text.strip(" :*#-").casefold()
    return bare in CONTENTS_WORDS or bool(_DATE_LIKE.match(text))


def _generated(node: nodes.Node) -> bool:
    """Whether ``node`` is part of what the journal added (header, progress bar …)."""
    for element in [node, *_ancestors(node)]:
        if isinstance(element, nodes.Element) and GENERATED_CLASSES.intersection(
            element["classes"]
        ):
            return True
    return False


def _ancestors(node: nodes.Node) -> list[nodes.Node]:
    found = []
    parent = node.parent
    while parent is not None:
        found.append(parent)
        parent = parent.parent
    return found


def _shorten(text: str) -> str:
    if len(text) <= EXCERPT_LENGTH:
        return text
    cut = text[:EXCERPT_LENGTH].rsplit(" ", 1)[0]
    return cut.rstrip(" ,.;:") + "…"


def _on_doctree_read(app: Sphinx, doctree: nodes.document) -> None:
    env = app.env
    meta: PostMeta | None = env.temp_data.get(_META_KEY)
    docname = env.docname
    if env.temp_data.get(_JEKYLL_PAGE_KEY):
        env.metadata[docname]["orphan"] = True
    if meta is None:
        return
    section = _first_section(doctree)
    title = section[0].astext() if section is not None else docname
    record = Post(
        docname=docname,
        title=meta.title if meta.title == title else title,  # one string in the pickle
        # the rest of the front matter stays in env.metadata (MyST keeps it for templates)
        meta=dataclasses.replace(
            meta,
            extra={},
            key_lines={k: v for k, v in meta.key_lines.items() if k in TAXONOMY_KEYS},
        ),
        excerpt=_excerpt(meta, section, more=bool(env.temp_data.get(_MORE_KEY))),
    )
    journal_domain(env).posts.set(docname, record)
    env.metadata[docname]["orphan"] = True


def _share_saved(env: BuildEnvironment, docname: str) -> None:
    """Save once the strings that repeat from document to document (see ``shared``).

    The front matter's keys and words, and the attribute names and anchors
    of the table of contents (see ``share_attributes``).
    """
    if docname in env.metadata:
        env.metadata[docname] = shared(env.metadata[docname])
    toc = env.tocs.get(docname)
    if toc is not None:
        share_attributes(toc)


def _share_read(app: Sphinx, doctree: nodes.document) -> None:
    _share_saved(app.env, app.env.docname)


def _share_merged(
    app: Sphinx, env: BuildEnvironment, docnames: Iterable[str], other: BuildEnvironment
) -> None:
    """Share again what a parallel build's worker read: it comes back as strings of its own."""
    for docname in docnames:
        _share_saved(env, docname)


def setup_reading(app: Sphinx) -> None:
    """Read posts: source text, title transform, record."""
    app.connect("source-read", _on_source_read)
    app.add_transform(PostTransform)
    app.add_transform(PageTitle)
    app.connect("doctree-read", _on_doctree_read)
    app.connect("doctree-read", _share_read, priority=priorities.SHARE_SAVED)
    app.connect("env-merge-info", _share_merged, priority=priorities.SHARE_MERGED)
