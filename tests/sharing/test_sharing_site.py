"""Sharing a journal, as readers and crawlers see it (SPEC §12).

Cards are read from the HTML users get; the sitemap is parsed as XML and
every address in it must be a file of the output.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from urllib.parse import unquote
from xml.etree import ElementTree as ET

import pytest
import yaml

from sphinx_journal.cli import main
from tests.htmlutil import by_class, parse

BASE = "https://example.org/journal/"
RTD = "https://sharing.readthedocs.io/ko/latest/"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
ATOM = "{http://www.w3.org/2005/Atom}"
DAY = "_posts/2021-09-24-day36.html"
QUOTES = "_posts/2021-09-25-quotes.html"
DRAFT = "_posts/2021-09-26-draft.html"
GISCUS = {
    "repo": "octo/journal",
    "repo_id": "R_kgDO",
    "category": "Comments",
    "category_id": "DIC_kwDO",
}


def metas(page: Path) -> list[tuple[str, str]]:
    head = parse(page).find("head")
    assert head is not None
    return [
        (el.get("property") or el.get("name") or "", el.get("content") or "")
        for el in head.iter("meta")
        if el.get("property") or el.get("name")
    ]


def card(page: Path) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for key, value in metas(page):
        found.setdefault(key, []).append(value)
    return found


def single(page: Path) -> dict[str, str]:
    """Every card key once (article:tag aside), as a dict (furo's own tags left aside)."""
    found = {
        k: v
        for k, v in card(page).items()
        if k.startswith(("og:", "twitter:", "article:")) or k in ("description", "robots")
    }
    for key, values in found.items():
        assert len(values) == 1 or key == "article:tag", (key, values)
    return {key: values[0] for key, values in found.items()}


def sitemap_locs(outdir: Path) -> list[str]:
    root = ET.fromstring((outdir / "sitemap.xml").read_bytes())
    return [loc.text or "" for loc in root.iter(f"{SITEMAP}loc")]


@pytest.fixture
def site(copy_root, build):
    built = build(copy_root("sharing"), html_baseurl=BASE, journal_comments={"giscus": GISCUS})
    assert built.warnings == ""
    return built


def test_post_card(site) -> None:
    tags = single(site.page(DAY))
    assert tags["og:title"] == tags["twitter:title"] == "[부스트캠프] 36일차 학습정리"
    assert tags["og:type"] == "article"
    assert tags["og:url"] == BASE + DAY
    excerpt = "오늘은 특강을 듣고 시각화 오피스아워에 참여했다."
    assert tags["og:description"] == tags["twitter:description"] == tags["description"] == excerpt
    assert tags["article:published_time"] == "2021-09-24T10:30:00+09:00"
    assert card(site.page(DAY))["article:tag"] == ["8주차", "PyTorch"]
    assert tags["article:section"] == "부스트캠프"
    assert tags["og:image"] == tags["twitter:image"] == BASE + "_static/card.png"
    assert (site.outdir / "_static/card.png").is_file()
    assert tags["twitter:card"] == "summary_large_image"
    assert tags["og:site_name"] == "Sharing Journal" and tags["og:locale"] == "ko_KR"


def test_title_with_quotes_and_ampersand_as_written(site) -> None:
    page = site.page(QUOTES)
    tags = single(page)
    title = 'Tom & Jerry: "quotes" <b>and</b> &amp; more'
    assert tags["og:title"] == tags["twitter:title"] == title
    assert tags["og:description"] == 'Cats & "mice" <script>alert(1)</script>'
    assert card(page)["article:tag"] == ["R&D"]
    assert tags["article:published_time"] == "2021-09-25"
    root = parse(page)
    assert not [s for s in root.iter("script") if "alert" in "".join(s.itertext())]
    h1 = next(root.iter("h1"))
    assert "".join(h1.itertext()).replace("¶", "") == title


def test_journal_pages_have_website_cards_other_pages_none(site) -> None:
    tags = single(site.page("journal/tags/index.html"))
    assert tags["og:type"] == "website" and tags["og:title"] == "태그"
    assert tags["og:url"] == BASE + "journal/tags/index.html"
    assert not [k for k in tags if k.startswith("article:")]
    assert single(site.page("journal/index.html"))["og:url"] == BASE + "journal/index.html"
    assert not [k for k, _ in metas(site.page("about.html")) if k.startswith(("og:", "twitter:"))]
    assert not (site.outdir / DRAFT).exists()  # a draft is not written at all
    assert ("robots", "noindex") not in metas(site.page(DAY))


def test_sitemap_lists_every_page_and_post_absolute(site) -> None:
    locs = sitemap_locs(site.outdir)
    assert len(locs) == len(set(locs)) and locs == sorted(locs)
    for loc in locs:
        assert loc.startswith(BASE), loc
        assert (site.outdir / unquote(loc[len(BASE) :])).is_file(), loc
    paths = {unquote(loc[len(BASE) :]) for loc in locs}
    assert {
        DAY,
        QUOTES,
        "index.html",
        "about.html",
        "journal/index.html",
        "journal/tags/8주차.html",
        "journal/archive.html",
    } <= paths
    assert DRAFT not in paths
    html_pages = {p.relative_to(site.outdir).as_posix() for p in site.outdir.rglob("*.html")}
    assert html_pages - {"search.html", DRAFT} - paths == set()


def test_copy_buttons_on_code_blocks(site) -> None:
    for name in (DAY, "about.html"):
        root = parse(site.page(name))
        scripts = [s.get("src") or "" for s in root.iter("script")]
        styles = [s.get("href") or "" for s in root.iter("link")]
        assert any("copybutton.js" in src for src in scripts), name
        assert any("clipboard.min.js" in src for src in scripts), name
        assert any("copybutton.css" in href for href in styles), name
        assert [pre for div in by_class(root, "highlight", "div") for pre in div.iter("pre")]
    assert (site.outdir / "_static/copybutton.js").is_file()
    settings = (site.outdir / "_static/copybutton.js").read_text(encoding="utf-8")
    # journals' "$ " and ">>> " prompts are not copied
    assert "formatCopyText(text, '>>> |\\\\.\\\\.\\\\. |\\\\$ |" in settings
    assert "In \\\\[\\\\d*\\\\]: | {2,5}\\\\.\\\\.\\\\.: | {5,8}: ', true," in settings


def widgets(page: Path) -> list[dict[str, str]]:
    return [dict(el.attrib) for el in by_class(parse(page), "journal-comments-widget")]


def test_comments_on_posts_only(site) -> None:
    for name in (DAY, QUOTES):
        (widget,) = widgets(site.page(name))
        assert widget["data-provider"] == "giscus"
        attributes = json.loads(widget["data-attributes"])
        assert attributes["data-repo"] == "octo/journal"
        assert attributes["data-repo-id"] == "R_kgDO"
        assert attributes["data-category-id"] == "DIC_kwDO"
        assert attributes["data-lang"] == "ko" and attributes["data-loading"] == "lazy"
        assert (widget["data-theme-light"], widget["data-theme-dark"]) == ("light", "dark")
        scripts = [s.get("src") or "" for s in parse(site.page(name)).iter("script")]
        assert any("sphinx-journal-comments.js" in src for src in scripts)
        # the provider's script is the reader's browser's to load, never the build's
        assert not any("giscus.app" in src for src in scripts)
    pages = ["about.html", "index.html", "journal/index.html", "journal/tags/index.html"]
    for name in pages:
        assert widgets(site.page(name)) == [], name
        assert "sphinx-journal-comments.js" not in site.page(name).read_text(encoding="utf-8")


def test_utterances_and_bad_comments(copy_root, build) -> None:
    built = build(copy_root("sharing"), journal_comments={"utterances": {"repo": "octo/blog"}})
    (widget,) = widgets(built.page(DAY))
    assert widget["data-provider"] == "utterances"
    assert json.loads(widget["data-attributes"])["repo"] == "octo/blog"
    assert widget["data-theme-dark"] == "github-dark"
    bad = build(copy_root("sharing", "bad"), journal_comments={"giscus": {"repo": "x"}})
    assert "journal_comments['giscus']['repo'] = 'x' is not usable" in bad.warnings
    assert "[journal.config]" in bad.warnings
    assert widgets(bad.page(DAY)) == []


def test_read_the_docs_canonical_url_is_the_base(copy_root, build, monkeypatch) -> None:
    monkeypatch.setenv("READTHEDOCS_CANONICAL_URL", RTD)
    built = build(copy_root("sharing"))
    assert built.warnings == ""
    feed = ET.fromstring(built.page("journal/atom.xml").read_bytes())
    hrefs = [link.get("href") or "" for link in feed.iter(f"{ATOM}link")]
    assert hrefs and all(href.startswith(RTD) for href in hrefs), hrefs
    assert RTD + DAY in hrefs
    assert single(built.page(DAY))["og:url"] == RTD + DAY
    assert RTD + DAY in sitemap_locs(built.outdir)


def test_no_base_url_no_sitemap_no_warning(copy_root, build) -> None:
    built = build(copy_root("sharing"))
    assert built.warnings == ""
    assert not (built.outdir / "sitemap.xml").exists()
    tags = single(built.page(DAY))
    assert "og:url" not in tags and "og:image" not in tags  # never a relative address
    assert tags["og:title"] == "[부스트캠프] 36일차 학습정리"


def test_with_sphinxext_opengraph_nothing_twice(copy_root, build) -> None:
    pytest.importorskip("sphinxext.opengraph")
    srcdir = copy_root("sharing")
    conf = srcdir / "conf.py"
    conf.write_text(
        conf.read_text(encoding="utf-8").replace(
            '["sphinx_journal"]', '["sphinx_journal", "sphinxext.opengraph"]'
        )
        + "ogp_social_cards = {'enable': False}\n",
        encoding="utf-8",
    )
    built = build(srcdir, html_baseurl=BASE)
    assert built.warnings == ""
    for name, title in (
        (DAY, "[부스트캠프] 36일차 학습정리"),
        (QUOTES, 'Tom & Jerry: "quotes" <b>and</b> &amp; more'),
    ):
        tags = single(built.page(name))  # every key once: nothing emitted twice
        assert tags["og:title"] == tags["twitter:title"] == title
        assert tags["og:type"] == "article"
        assert tags["og:url"] == BASE + name
        assert tags["og:description"] == tags["description"]
        assert tags["og:image"] == BASE + "_static/card.png"
        assert "article:published_time" in tags and "twitter:card" in tags
    excerpt = "오늘은 특강을 듣고 시각화 오피스아워에 참여했다."
    assert single(built.page(DAY))["og:description"] == excerpt
    # sphinxext.opengraph keeps its own pages: the journal adds nothing to them
    about = single(built.page("about.html"))
    assert about["og:type"] == "website" and "twitter:title" not in about


def test_sitemap_parallel_equals_serial(copy_root, build) -> None:
    serial = build(copy_root("sharing", "serial"), html_baseurl=BASE)
    parallel = build(copy_root("sharing", "parallel"), html_baseurl=BASE, parallel=2)
    assert (serial.outdir / "sitemap.xml").read_bytes() == (
        parallel.outdir / "sitemap.xml"
    ).read_bytes()


def test_sitemap_after_incremental_builds(copy_root, build, tmp_path: Path) -> None:
    srcdir = copy_root("sharing")
    outdir = tmp_path / "out"

    def rebuild() -> set[str]:
        built = build(srcdir, outdir=outdir, freshenv=False, html_baseurl=BASE)
        assert built.warnings == ""
        return {unquote(loc[len(BASE) :]) for loc in sitemap_locs(built.outdir)}

    first = build(srcdir, outdir=outdir, html_baseurl=BASE)
    full = {unquote(loc[len(BASE) :]) for loc in sitemap_locs(first.outdir)}
    added = srcdir / "_posts/2021-09-27-new.md"
    added.write_text("---\ntitle: New day\ntags: [fresh]\n---\n\nNew.\n", encoding="utf-8")
    after_add = rebuild()
    week = "journal/weeks/2021-W39.html"  # the new post's week, which had no post: its digest
    assert after_add == full | {"_posts/2021-09-27-new.html", "journal/tags/fresh.html", week}
    added.write_text("---\ntitle: New day, edited\n---\n\nNew.\n", encoding="utf-8")
    after_edit = rebuild()
    assert after_edit == full | {"_posts/2021-09-27-new.html", week}
    added.unlink()
    assert rebuild() == full
    shutil.rmtree(outdir)


def test_init_project_on_read_the_docs(tmp_path: Path, build, monkeypatch) -> None:
    """What `init` writes builds on Read the Docs as it is, with absolute links."""
    project = tmp_path / "journal"
    assert main(["init", str(project), "--language", "en"]) == 0
    rtd = yaml.safe_load((project / ".readthedocs.yaml").read_text(encoding="utf-8"))
    assert rtd["version"] == 2
    assert (project / rtd["sphinx"]["configuration"]).is_file()
    assert (project / rtd["python"]["install"][0]["requirements"]).is_file()
    monkeypatch.setenv("READTHEDOCS_CANONICAL_URL", RTD)
    built = build(project)
    assert built.warnings == ""
    [post] = (project / "_posts").glob("*-welcome.md")
    page = f"_posts/{post.stem}.html"
    assert single(built.page(page))["og:url"] == RTD + page
    assert RTD + page in sitemap_locs(built.outdir)
    feed = ET.fromstring(built.page("journal/atom.xml").read_bytes())
    assert RTD + page in [link.get("href") for link in feed.iter(f"{ATOM}link")]
