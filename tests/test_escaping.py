"""Hostile titles and tags are text on every generated page, never markup."""

from __future__ import annotations

import html5lib

from tests.htmlutil import parse


def test_titles_and_tags_are_escaped_everywhere(copy_root, build) -> None:
    built = build(copy_root("xss"))
    pages = [p for p in built.outdir.rglob("*.html") if "_static" not in p.parts]
    assert len(pages) >= 8
    for page in pages:
        root = parse(page)
        for element in root.iter():
            assert element.tag not in ("script",) or not "".join(element.itertext()).count(
                "alert"
            ), page
            assert element.tag not in ("iframe", "svg", "img") or "onerror" not in str(
                element.attrib
            ), page
            for name in element.attrib:
                assert not name.startswith("on"), (page, element.tag, name)
    lectures = (built.outdir / "journal/lectures.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&#x27;speaker&#x27;)&lt;/script&gt;" in lectures or (
        "&lt;script&gt;alert(" in lectures
    )
    papers = (built.outdir / "journal/papers.html").read_text(encoding="utf-8")
    assert "&lt;img src=x onerror=alert(3)&gt; paper" in papers
    home = (built.outdir / "journal/index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(" in home and "&amp; &lt;b&gt;bold&lt;/b&gt;" in home
    assert "&lt;svg onload=alert(1)&gt;" in home
    # the <title> holds the literal text too
    title = parse(built.outdir / "_posts/2021-01-01-evil.html").find(".//title")
    assert title is not None and "<script>alert(" in (title.text or "")
    # slugs of hostile names stay inside journal/tags
    tag_pages = sorted(p.name for p in (built.outdir / "journal/tags").iterdir())
    assert all("/" not in name and not name.startswith(".") for name in tag_pages)


def snapshot(folder) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_pages_parse_without_errors_and_the_source_folder_is_untouched(copy_root, build) -> None:
    for root in ("xss", "basic"):
        srcdir = copy_root(root, f"src-{root}")
        before = snapshot(srcdir)
        built = build(srcdir, outdir=srcdir.parent / f"out-{root}")
        assert snapshot(srcdir) == before  # nothing written into the sources (autobuild loops)
        parser = html5lib.HTMLParser()
        for page in built.outdir.rglob("*.html"):
            parser.parse(page.read_text(encoding="utf-8"))
            assert parser.errors == [], (page, parser.errors[:3])
