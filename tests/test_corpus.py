"""``pytest --journal-corpus DIR -s``: build real Jekyll journals and print how they fare.

``DIR`` is one Jekyll site (a folder holding ``_posts``) or a folder of them.
Each site is built twice, as a user would: in place (a copy of the site with
a ``conf.py`` added) and through ``sphinx-journal import``. For each build
the test prints, per journal:

- posts: journal posts built / Jekyll posts on disk (dated names under
  ``_posts``, not ``published: false``);
- warnings by type (all, and those in posts);
- in-page links: of the ``#anchor`` links that work under Jekyll (a heading's
  kramdown id or an HTML ``id``/``name`` of the post), how many work here;
- images: local images posts reference that exist in the repository, and
  how many of them the built pages show;
- leftovers: ``{%``, ``{{`` or ``{:`` visible in post pages outside code;
- prose in math: math elements holding Hangul words outside ``\\text{}``;
- build time.

The figures go to ``journal-corpus-report.txt`` too. The test fails when a
build fails, a post gets no page, or a traceback is printed.
"""

from __future__ import annotations

import collections
import contextlib
import dataclasses
import html
import io
import re
import shutil
import time
from pathlib import Path
from urllib.parse import unquote

import pytest
from sphinx.testing.util import SphinxTestApp

from sphinx_journal.cli.importer import import_site
from sphinx_journal.jekyll import files as jekyll
from sphinx_journal.jekyll import frontmatter, kramdown
from sphinx_journal.jekyll.liquid import code_spans
from sphinx_journal.jekyll.slugs import safe_part
from sphinx_journal.posts.index import post_index
from tests.buildutil import warnings_of

_IGNORED = shutil.ignore_patterns("_site", ".git", "node_modules", "vendor", ".jekyll-cache")
_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"^#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_ANCHOR = re.compile(r"\]\(#([^)\s]+)\)|href=[\"']#([^\"']+)[\"']")
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\(<?([^)\s>]+)")
_HTML_IMAGE = re.compile(r"<img\b[^>]*?\bsrc\s*=\s*[\"']([^\"']+)", re.IGNORECASE)
_INCLUDE_IMAGE = re.compile(
    r"\{%-?\s*include\s+\S+[^%]*?\b(?:path|src|url|file|image|img)\s*=\s*[\"']([^\"']+)"
)
_SITE_VARIABLE = re.compile(r"\{\{-?\s*site\.(?:url|baseurl)\s*-?\}\}")
_FILTERED = re.compile(r"\{\{-?\s*[\"']([^\"']*)[\"']\s*\|[^}]*\}\}")
_HANGUL_WORD = re.compile(r"[\uac00-\ud7a3]{2,}")
_MATH = re.compile(r'<(?:span|div) class="math[^"]*">(.*?)</(?:span|div)>', re.DOTALL)
_CODE = re.compile(r"<(pre|code|script|style)\b.*?</\1>", re.DOTALL | re.IGNORECASE)


def journals_in(path: Path) -> list[Path]:
    if (path / "_posts").is_dir():
        return [path]
    return sorted(child for child in path.iterdir() if (child / "_posts").is_dir())


@pytest.fixture
def corpus(request: pytest.FixtureRequest) -> list[Path]:
    value = request.config.getoption("--journal-corpus")
    if not value:
        pytest.skip("no --journal-corpus DIR given")
    found = journals_in(Path(value).expanduser().resolve())
    if not found:
        pytest.fail(f"no Jekyll site (a folder with _posts) in {value}")
    return found


def count_by_type(warnings: str) -> collections.Counter[str]:
    counts: collections.Counter[str] = collections.Counter()
    for warned in warnings_of(warnings):
        counts[warned.type or "untyped"] += 1
    return counts


def jekyll_posts(site: Path) -> list[Path]:
    """The files Jekyll publishes as posts of ``site``."""
    found = []
    for path in sorted((site / "_posts").rglob("*")):
        relative = path.relative_to(site / "_posts")
        if (
            not path.is_file()
            or path.suffix.lower() not in jekyll.MARKDOWN_SUFFIXES
            or any(jekyll.skipped(part) for part in relative.parts)
            or not jekyll.is_dated_name(path.stem)
        ):
            continue
        front, _ = frontmatter.load(path.read_text(encoding="utf-8", errors="replace"))
        if front is not None and front.data.get("published") is False:
            continue
        found.append(path)
    return found


def _text_lines(text: str) -> list[tuple[str, list[tuple[int, int]]]]:
    """Lines outside fenced code, each with its code spans."""
    lines = []
    fence = None
    for line in text.split("\n"):
        match = _FENCE.match(line)
        if fence is None and match:
            fence = match.group(1)[0] * 3
            continue
        if fence is not None:
            if line.strip().startswith(fence):
                fence = None
            continue
        lines.append((line, code_spans(line)))
    return lines


def _outside(spans: list[tuple[int, int]], at: int) -> bool:
    return all(not low <= at < high for low, high in spans)


def jekyll_anchors(text: str) -> tuple[list[str], set[str]]:
    """The in-page link targets of a post and the ids they can reach under Jekyll."""
    counter: collections.Counter[str] = collections.Counter()
    ids: set[str] = set()
    links = []
    for line, spans in _text_lines(text):
        heading = _HEADING.match(line)
        if heading:
            title = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading.group(1))
            title = re.sub(r"[*_`]", "", re.sub(r"\{[:#][^}]*\}\s*$", "", title))
            base = kramdown.header_id(title.strip())
            ids.add(base if counter[base] == 0 else f"{base}-{counter[base]}")
            counter[base] += 1
        ids |= kramdown.html_ids(line)
        for match in _ANCHOR.finditer(line):
            if _outside(spans, match.start()):
                links.append(unquote(match.group(1) or match.group(2)))
    return links, ids


def referenced_images(text: str, post: Path, site: Path) -> list[Path]:
    """Local images a post references, resolved as Jekyll resolves them."""
    found = []
    for written, spans in _text_lines(text):
        line = _SITE_VARIABLE.sub("", _FILTERED.sub(r"\1", written))
        for pattern in (_MD_IMAGE, _HTML_IMAGE, _INCLUDE_IMAGE):
            for match in pattern.finditer(line):
                if not _outside(spans, match.start()):
                    continue
                src = html.unescape(match.group(1)).replace("\\", "/").split("?")[0].split("#")[0]
                if re.match(r"^[a-z][\w+.-]*:|^//", src, re.IGNORECASE) or "{" in src:
                    continue
                src = unquote(src)
                path = site / src.lstrip("/") if src.startswith("/") else post.parent / src
                if pattern is _INCLUDE_IMAGE and not src.startswith("/"):
                    path = site / src
                found.append(path)
    return found


@dataclasses.dataclass
class Figures:
    journal: str
    mode: str
    posts: int = 0
    jekyll_posts: int = 0
    warnings: collections.Counter[str] = dataclasses.field(default_factory=collections.Counter)
    post_warnings: collections.Counter[str] = dataclasses.field(default_factory=collections.Counter)
    links_jekyll: int = 0
    links_here: int = 0
    images_in_repo: int = 0
    images_missing_in_repo: int = 0
    images_shown: int = 0
    leftovers: int = 0
    prose_math: int = 0
    seconds: float = 0.0
    examples: list[str] = dataclasses.field(default_factory=list)

    def row(self) -> str:
        links = f"{self.links_here}/{self.links_jekyll}"
        if self.links_jekyll:
            links += f" ({100 * self.links_here / self.links_jekyll:.1f} %)"
        warnings = ", ".join(f"{k} {n}" for k, n in self.warnings.most_common()) or "none"
        in_posts = ", ".join(f"{k} {n}" for k, n in self.post_warnings.most_common()) or "none"
        return (
            f"{self.journal} [{self.mode}]: posts {self.posts}/{self.jekyll_posts}; "
            f"in-page links {links}; images shown {self.images_shown}/{self.images_in_repo} "
            f"(+{self.images_missing_in_repo} missing in the repository); "
            f"leftovers {self.leftovers}; prose in math {self.prose_math}; "
            f"{self.seconds:.0f} s\n    warnings: {warnings}\n    in posts: {in_posts}"
        )


def _build(srcdir: Path) -> tuple[SphinxTestApp, str, float]:
    warnings = io.StringIO()
    started = time.perf_counter()
    app = SphinxTestApp(
        "html",
        srcdir=srcdir,
        builddir=srcdir / "_build",
        status=None,
        warning=warnings,
        freshenv=True,
    )
    try:
        app.build()
    finally:
        app.cleanup()  # docutils' global registries, so the next journal starts clean
    return app, warnings.getvalue(), time.perf_counter() - started


def _in_place(site: Path, target: Path) -> Path:
    shutil.copytree(site, target, ignore=_IGNORED, symlinks=True)
    if not (target / "conf.py").exists():
        (target / "conf.py").write_text(
            'extensions = ["sphinx_journal"]\nhtml_theme = "furo"\n', encoding="utf-8"
        )
    return target  # as it is: no index.md added (the journal supplies the home)


def _imported(site: Path, target: Path) -> Path:
    with contextlib.redirect_stdout(io.StringIO()):
        assert import_site(site, target) == 0
    return target


def _prose(math: str) -> bool:
    """Whether ``math`` holds Hangul words outside braces and ``\\text{}`` (prose, not a label)."""
    depth = 0
    outside = []
    for char in re.sub(r"\\(?:text|mbox|mathrm)\{[^}]*\}", "", math):
        depth += char == "{"
        depth -= char == "}"
        if depth == 0:
            outside.append(char)
    return _HANGUL_WORD.search("".join(outside)) is not None


def measure(site: Path, srcdir: Path, mode: str) -> tuple[Figures, SphinxTestApp, str]:
    app, warnings, seconds = _build(srcdir)
    figures = Figures(site.name, mode, seconds=seconds)
    figures.warnings = count_by_type(warnings)
    posts = post_index(app.env).posts
    figures.posts = len(posts)
    originals = jekyll_posts(site)
    figures.jekyll_posts = len(originals)
    by_stem = {post.docname.rsplit("/", 1)[-1]: post for post in posts}
    post_files = {str(app.env.doc2path(post.docname)) for post in posts}
    for warned in warnings_of(warnings):
        if any(warned.path.startswith(name) for name in post_files):
            figures.post_warnings[warned.type or "untyped"] += 1
            if warned.type not in ("journal.date", "journal.tag") and len(figures.examples) < 6:
                where = f"{warned.path.split('/')[-1]}:{warned.line}"
                figures.examples.append(f"warning {where}: {warned.message}"[:170])
    outdir = Path(app.outdir)
    for original in originals:
        post = by_stem.get(original.stem) or by_stem.get(Path(safe_part(original.name)).stem)
        # what an HTML comment holds is not shown by Jekyll either
        text = re.sub(
            r"<!--.*?-->",
            "",
            original.read_text(encoding="utf-8", errors="replace"),
            flags=re.DOTALL,
        )
        page_file = outdir / unquote(app.builder.get_target_uri(post.docname)) if post else None
        page = page_file.read_text(encoding="utf-8") if page_file and page_file.is_file() else ""
        links, ids = jekyll_anchors(text)
        page_ids = {
            html.unescape(unquote(next(g for g in found if g)))
            for found in re.findall(r"""\s(?:id|name)=(?:"([^"]+)"|'([^']+)')""", page)
        }
        for link in links:
            if link in ids:
                figures.links_jekyll += 1
                if link in page_ids:
                    figures.links_here += 1
                elif len(figures.examples) < 12:
                    figures.examples.append(f"link #{link} in {original.name}")
        for image in referenced_images(text, original, site):
            if not image.is_file():
                figures.images_missing_in_repo += 1
                continue
            figures.images_in_repo += 1
            shown = (
                any(
                    (page_file.parent / unquote(src)).is_file()
                    and Path(unquote(src)).name.startswith(image.stem[:20])
                    for src in re.findall(r'<img\b[^>]*?src="([^"]+)"', page)
                )
                if page_file
                else False
            )
            figures.images_shown += shown
            if not shown and len(figures.examples) < 12:
                figures.examples.append(f"image {image.relative_to(site)} in {original.name}")
        article = page.split('<article role="main"', 1)[-1].split("</article>", 1)[0]
        article = re.sub(r"<!--.*?-->", "", article, flags=re.DOTALL)
        for math in _MATH.findall(article):
            if _prose(math):
                figures.prose_math += 1
                if len(figures.examples) < 12:
                    figures.examples.append(f"math {math[:60]!r} in {original.name}")
        visible = re.sub(r"<[^>]+>", " ", _MATH.sub(" ", _CODE.sub(" ", article)))
        for found in re.finditer(r"\{%|\{\{|\{:", html.unescape(visible)):
            figures.leftovers += 1
            if len(figures.examples) < 12:
                start = found.start()
                snippet = html.unescape(visible)[start : start + 50]
                figures.examples.append(f"leftover {snippet!r} in {original.name}")
    return figures, app, warnings


@pytest.mark.sphinx
def test_journal_corpus(corpus: list[Path], tmp_path: Path) -> None:
    report: list[str] = []
    failures: list[str] = []
    for site in corpus:
        for mode, prepare in (("in place", _in_place), ("import", _imported)):
            srcdir = prepare(site, tmp_path / f"{site.name}-{mode.replace(' ', '-')}")
            figures, app, warnings = measure(site, srcdir, mode)
            report.append(figures.row())
            report += [f"    e.g. {example}" for example in figures.examples]
            print(
                report[-1 - len(figures.examples)],
                *report[len(report) - len(figures.examples) :],
                sep="\n",
                flush=True,
            )
            if app.statuscode != 0 or "Traceback" in warnings:
                failures.append(f"{site.name} [{mode}] failed")
            if figures.posts < figures.jekyll_posts:
                failures.append(
                    f"{site.name} [{mode}]: {figures.posts}/{figures.jekyll_posts} posts"
                )
            shutil.rmtree(srcdir / "_build", ignore_errors=True)
    Path("journal-corpus-report.txt").write_text("\n".join(report) + "\n", encoding="utf-8")
    assert failures == []
