"""Hostile posts under every builder: no code runs, nothing leaks, widgets render, nothing crashes.

Each build holds many hostile posts (one project per root, not per case);
a traceback anywhere fails the build and so the test.
"""

from __future__ import annotations

import re
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from pybtex.database import parse_file

from tests.hostile.conftest import (
    HTML_FAMILY,
    OTHERS,
    SECRET,
    add_hostile_names,
    add_unbuildable_posts,
    output_files,
)
from tests.htmlutil import by_class, parse

_SCRIPT_URL = re.compile(r"^\s*(javascript|vbscript|data):", re.IGNORECASE)


def _assert_no_script(page: Path) -> None:
    """No script element, event handler or script URL the post's author did not write."""
    root = parse(page)
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), (page, element.tag, name)
            if name in ("href", "src", "action", "formaction"):
                assert not _SCRIPT_URL.match(value), (page, element.tag, value)
        if element.tag == "script":
            assert "alert" not in "".join(element.itertext()), page
        if element.tag == "meta":
            assert "javascript" not in (element.get("content") or ""), page


def _common(built, srcdir: Path, cwd: Path) -> None:
    # item 1: nothing in a post ran (the markers would be folders beside the build)
    for marker in ("PWNED-FM", "PWNED-OLD", "PWNED-BODY"):
        assert not (cwd / marker).exists() and not (srcdir / marker).exists(), marker
    # item 2: nothing from outside the source folder in any output file
    for path in output_files(built.outdir):
        assert SECRET.encode() not in path.read_bytes(), path
    assert "journal.file" in built.warnings


@pytest.mark.parametrize("buildername", HTML_FAMILY + OTHERS)
def test_every_builder_renders_widgets_and_leaks_nothing(
    hostile_root, build, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, buildername: str
) -> None:
    monkeypatch.chdir(tmp_path)
    srcdir = hostile_root("hostile")
    add_unbuildable_posts(srcdir)
    built = build(srcdir, buildername)
    _common(built, srcdir, tmp_path)
    assert "Traceback" not in built.warnings
    files = output_files(built.outdir)
    if buildername in HTML_FAMILY:
        pages = [p for p in files if p.suffix in (".html", ".xhtml") and "_static" not in p.parts]
        post_page = {
            "html": "_posts/2021-01-03-widgets.html",
            "dirhtml": "_posts/2021-01-03-widgets/index.html",
            "singlehtml": "index.html",
            "epub": "_posts/2021-01-03-widgets.xhtml",
        }[buildername]
        root = parse(built.page(post_page))
        boxes = by_class(root, "journal-checkbox", "input")
        assert [box.get("type") for box in boxes] == ["checkbox", "checkbox"]
        assert [box.get("checked") is not None for box in boxes] == [True, False]
        assert by_class(root, "journal-progress")  # the bar, not only its label
        assert by_class(root, "sd-dropdown") or root.findall(".//details")
        assert by_class(root, "journal-lecture-meta") or "KAIST" in ET.tostring(root, "unicode")
        for page in pages:
            _assert_no_script(page)
    elif buildername == "gettext":
        catalogs = "\n".join(p.read_text(encoding="utf-8") for p in files if p.suffix == ".pot")
        assert "Read the paper" in catalogs and "Hidden until opened." in catalogs
    else:
        text = "\n".join(
            p.read_text(encoding="utf-8", errors="replace")
            for p in files
            if p.suffix in (".txt", ".tex", ".texi", ".1")
        )
        assert "☑" in text and "☐" in text, buildername
        assert "Hidden until opened." in text and "Attention in practice" in text
        assert "Query, key, value." in text


def test_papers_bib_and_feeds_parse_with_only_safe_links(
    hostile_root, build, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    srcdir = hostile_root("hostile")
    built = build(srcdir, "html")
    _common(built, srcdir, tmp_path)
    bib = parse_file(str(built.page("journal/papers.bib")), "bibtex")
    expected = {"title", "author", "year", "journal", "eprint", "archiveprefix", "doi", "url"}
    for key, entry in bib.entries.items():
        assert {name.lower() for name in entry.fields} <= expected, key
        url = entry.fields.get("url", "https://")
        assert url.startswith("https://"), (key, url)
    assert "note" not in built.page("journal/papers.bib").read_text(encoding="utf-8").split("=")[0]
    for feed in built.outdir.rglob("*.xml"):
        ET.parse(feed)
    papers = parse(built.page("journal/papers.html"))
    for element in papers.iter("a"):
        assert not _SCRIPT_URL.match(element.get("href") or "")
    assert "Evil link" in ET.tostring(papers, "unicode")  # the paper stays, without its link
    for page in built.outdir.rglob("*.html"):
        _assert_no_script(page)
    assert "journal.url" in built.warnings  # the references page's javascript: url


@pytest.mark.parametrize("buildername", ["html", "dirhtml", "text"])
def test_hostile_metadata_is_warned_never_lost_nor_crashing(
    hostile_root, build, buildername: str
) -> None:
    srcdir = hostile_root("hostile-meta")
    add_hostile_names(srcdir)
    built = build(srcdir, buildername)
    warnings = built.warnings
    for expected in (
        "journal-calendar: option :year: '-1' is not a year",
        "replaced by U+FFFD: Lone \\udc80",
        "replaced by U+FFFD: a\\x00b",
        "front matter expands to more than",  # item 6: alias bomb
        "5000 tags; only the first 100 are used",
        "2021-03-06-badtime.md:3: WARNING: bad date: '2021-02-30'",  # item 7
        "2021-03-07-leap.md:3: WARNING: bad date",
        "2021-03-08-unclosed.md:1: WARNING: front matter is never closed",
        "2021-03-10-latin1.md:5: WARNING: not UTF-8",
        "name is not valid UTF-8",
    ):
        assert expected in warnings, expected
    if buildername != "text":  # journal pages and redirects are written in HTML only
        for expected in (
            "the document is kept (journal/archive)",
            "no redirect from index.html/index.html",
            "no redirect from search.html/index.html",
            "a name in it is longer than a file system allows",  # a 300-letter permalink
        ):
            assert expected in warnings, expected
    assert "myst.topmatter" not in warnings  # empty front matter, leap second
    assert "Traceback" not in warnings
    out = built.outdir
    texts = {
        p.relative_to(out).as_posix(): p.read_text(encoding="utf-8", errors="replace")
        for p in output_files(out)
        if p.suffix in (".html", ".txt")
    }
    everything = "\n".join(texts.values())
    for kept in (
        "AFTER-THE-LIST stays.",  # a list ten levels deep keeps the rest of the post
        "Bad time keeps the title",
        "The front matter never ends.",
        "AFTER-LATIN1",
        "Empty front matter.",
        "The body survives.",
        "The last day there is.",
        "AFTER-THE-TABLE stays.",  # 300 columns: MyST's widths were 0, which stopped text
        "v299",
    ):
        assert kept in everything, kept
    if buildername == "text":
        return
    suffix = "/index.html" if buildername == "dirhtml" else ".html"
    archive = texts[f"journal/archive{suffix}"]
    assert "Written by hand." in archive
    assert "Hostile metadata" in texts["index.html"] and "search" in texts[f"search{suffix}"]
    tag_index = texts["journal/tags/index.html"]
    assert "index" in tag_index and "t99" in tag_index and "t100<" not in tag_index
    assert f"journal/tags/index-{suffix}" in texts  # the tag named index, beside the index
    for name in texts:
        assert all(len(part.encode()) <= 255 for part in name.split("/"))
    for path in out.rglob("*.xml"):
        ET.parse(path)
    for page in out.rglob("*.html"):
        _assert_no_script(page)


def test_a_post_citing_thousands_of_papers_builds_within_a_minute(tmp_path: Path, build) -> None:
    srcdir = tmp_path / "citing"
    (srcdir / "_posts").mkdir(parents=True)
    (srcdir / "conf.py").write_text('extensions = ["sphinx_journal"]\n', encoding="utf-8")
    links = " ".join(f"https://arxiv.org/abs/{1000 + i}.{i:05d}" for i in range(5000))
    same = " ".join("[the paper](https://arxiv.org/abs/1706.03762)" for _ in range(5000))
    (srcdir / "_posts/2021-01-01-links.md").write_text(
        f"---\ntitle: Links\n---\n\n{links}\n\n{same}\n", encoding="utf-8"
    )
    started = time.perf_counter()
    built = build(srcdir)
    assert time.perf_counter() - started < 60  # each citation was quadratic in their number
    assert "Traceback" not in built.warnings
    bib = parse_file(str(built.page("journal/papers.bib")), "bibtex")
    assert len(bib.entries) == 5001
