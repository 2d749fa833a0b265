"""A Jekyll site built in place and through ``import``: posts read as Jekyll reads them."""

from __future__ import annotations

import importlib.util
import io
import re
import shutil
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from sphinx_journal.cli.importer import import_site
from tests.htmlutil import main, parse, resolve, text

#: Every test reads a build of the root (the module's ``site``) or builds one.
pytestmark = pytest.mark.sphinx

DAY1 = "_posts/boostcamp/Week_1/2021-08-04-day1.html"
DAY2 = "_posts/boostcamp/Week_1/2021-8-5-day two.html"


def _build(srcdir: Path) -> tuple[SphinxTestApp, Path, str]:
    warnings = io.StringIO()
    app = SphinxTestApp("html", srcdir=srcdir, status=None, warning=warnings, freshenv=True)
    try:
        app.build()
    finally:
        app.cleanup()  # docutils' global registries, so the next app starts clean
    return app, Path(app.outdir), warnings.getvalue()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    srcdir = tmp_path_factory.mktemp("jekyll") / "site"
    shutil.copytree(Path(__file__).parent / "roots" / "test-jekyll", srcdir)
    return _build(srcdir)


def page(site, name: str) -> Path:
    path = site[1] / name
    assert path.is_file(), name
    return path


def warnings(site) -> list[str]:
    return [line for line in re.sub(r"\x1b\[[0-9;]*m", "", site[2]).splitlines() if line]


def test_only_the_real_mistake_is_warned(site) -> None:
    [only] = warnings(site)
    assert "2021-08-04-day1.md:20" in only and "#no-such-heading" in only
    assert only.endswith("[journal.link]")


def test_posts_in_sub_folders_with_every_extension_and_jekyll_dates(site) -> None:
    article = main(parse(page(site, DAY2)))  # .markdown, 2021-8-5, tabs in the front matter
    assert text(article.find(".//h1")).startswith("Day two")
    assert text(next(article.iter("time"))) == "August 5, 2021"
    old = main(parse(page(site, "_posts/2017-4-9-old-post.html")))
    assert text(old.find(".//h1")).startswith("Old Post")  # Jekyll's title from the slug
    assert next(old.iter("time")).get("datetime") == "2017-04-09"
    archive = page(site, "journal/archive.html").read_text(encoding="utf-8")
    for title in ("Day two", "Old Post", "단어의 개수"):
        assert title in archive


def test_what_jekyll_skips_is_not_built(site) -> None:
    out = site[1]
    for name in ("_posts/_skipped.html", "_posts/2021-08-06-secret.html", "README.html"):
        assert not (out / name).exists(), name
    assert not list(out.glob("_drafts/**/*.html")) and not list(out.glob("_layouts/**/*.html"))
    assert "secret draft" not in (out / "searchindex.js").read_text(encoding="utf-8")


def test_config_yml_values(site) -> None:
    home = page(site, "journal/index.html").read_text(encoding="utf-8")
    assert "Magical Study Notes" in home  # _config.yml's title
    day1 = main(parse(page(site, DAY1)))
    assert "boostcamp" in text(day1)  # defaults: categories for _posts/boostcamp
    assert "Site: Magical Study Notes." in text(day1)


def test_title_as_written_and_date_element(site) -> None:
    root = parse(page(site, DAY1))
    assert text(main(root).find(".//h1")).startswith("'단어의 개수' 세기")
    assert text(root.find(".//title")).startswith("'단어의 개수' 세기")
    stamp = next(main(root).iter("time"))
    assert stamp.get("datetime") == "2021-08-04T10:00:00+09:00"


def test_kramdown_heading_ids_and_in_page_links(site) -> None:
    path = page(site, DAY1)
    html = path.read_text(encoding="utf-8")
    for anchor in ("1-용어", "2-코드-예시", "same", "same-1"):
        assert f'id="{anchor}"' in html, anchor
    article = main(parse(path))
    hrefs = {text(a): a.get("href") for a in article.iter("a")}
    ids = {e.get("id") for e in article.iter() if e.get("id")}
    for label in ("용어", "나중", "the second"):
        assert hrefs[label].startswith("#") and hrefs[label][1:] in ids, label
    assert "nowhere" in text(article) and "nowhere" not in hrefs


def test_toc_list_becomes_the_contents_and_attribute_lists_go(site) -> None:
    article = main(parse(page(site, DAY1)))
    [toc] = [n for n in article.iter("nav") if "journal-toc" in n.get("class", "")]
    assert [text(a) for a in toc.iter("a")] == ["1. 용어", "Same", "Same", "2. 코드 예시"]
    # furo flags a table of contents in the page red with an ERROR banner, unless it
    # carries furo's class for one the page means to have
    assert "this-will-duplicate-information-and-it-is-still-useful-here" in toc.get("class", "")
    body = text(article)
    assert "TOC" not in body and "{:" not in body and "{%" not in body and "{{" not in body
    assert "important text" in body.replace("\n", " ")


def test_double_dollar_as_kramdown_reads_it(site) -> None:
    html = page(site, DAY1).read_text(encoding="utf-8")
    inline = re.findall(r'<span class="math notranslate nohighlight">(.*?)</span>', html)
    assert inline[:3] == [r"\(l\)", r"\(l'\)", r"\(P\)"]
    assert "과" not in "".join(inline) and "교차점" in html
    assert re.search(
        r'<div class="math notranslate nohighlight">\s*\\\[a\^2 \+ b\^2 = c\^2\\\]', html
    )
    old = page(site, "_posts/2017-4-9-old-post.html").read_text(encoding="utf-8")
    assert "$$ not math" in old and 'class="math' not in old


def test_images_from_markdown_and_raw_html_are_in_the_output(site) -> None:
    path = page(site, DAY1)
    sources = [img.get("src") for img in main(parse(path)).iter("img")]
    names = sorted(Path(src).name for src in sources)
    assert names == ["a.png", "b.png", "b.png", "c.png", "c.png", "fig.png", "local.png"]
    for src in sources:
        assert resolve(path, src).is_file(), src


def test_liquid_links_files_and_jekyll_urls(site) -> None:
    path = page(site, DAY1)
    hrefs = {text(a): a.get("href") for a in main(parse(path)).iter("a")}
    assert resolve(path, hrefs["notes"]).name == "notes.pdf"
    for label in ("day two", "Jekyll URL", "post_url", "deep dive"):
        assert resolve(path, hrefs[label]) == page(site, DAY2).resolve(), label
    # another post's raw HTML anchor (<a name="deep-dive" />), as the browser finds it
    assert hrefs["deep dive"].endswith("#deep-dive")
    assert 'name="deep-dive"' in page(site, DAY2).read_text(encoding="utf-8")


def test_unknown_and_unlexable_code_shown_plain(site) -> None:
    html = page(site, DAY1).read_text(encoding="utf-8")
    assert "x := y" in html and "def" in html  # and no highlighting warning (see above)


def test_import_copies_what_posts_reference_and_builds_with_W(tmp_path: Path, capsys) -> None:
    site = tmp_path / "site"
    shutil.copytree(Path(__file__).parent / "roots" / "test-jekyll", site)
    (site / "conf.py").unlink()
    (site / "assets" / "linked.png").symlink_to(site / "assets" / "img" / "a.png")
    post = site / "_posts" / "2021-08-07-symlink.md"
    post.write_text("---\ntitle: s\n---\n![x](/assets/linked.png)\n", encoding="utf-8")
    target = tmp_path / "journal"
    assert import_site(site, target) == 0
    for name in (
        "assets/img/a.png",
        "assets/img/week1/b.png",
        "assets/img/fig.png",
        "assets/notes.pdf",
        "_posts/boostcamp/Week_1/local.png",
        "_config.yml",
    ):
        assert (target / name).is_file(), name
    assert not (target / "assets/linked.png").exists()  # a symlink is never followed
    assert not (target / "assets/img/d e.png").exists()  # no post references it
    conf = (target / "conf.py").read_text(encoding="utf-8")
    assert "project = 'Magical Study Notes'" in conf and "journal_timezone = 'Asia/Seoul'" in conf
    post.unlink()
    (target / "_posts" / "2021-08-07-symlink.md").unlink()
    _app, out, warned = _build(target)
    assert [w for w in warned.splitlines() if "WARNING" in w] == [
        w for w in warned.splitlines() if "#no-such-heading" in w
    ]
    imported = (out / "_posts/boostcamp/Week_1/2021-08-04-day1.html").read_text(encoding="utf-8")
    assert imported.count("<img") == 7


def test_parallel_build_links_the_same(copy_root, build) -> None:
    built = build(copy_root("jekyll"), parallel=2)
    path = built.page(DAY1)
    hrefs = {text(a): a.get("href") for a in main(parse(path)).iter("a")}
    for label in ("day two", "Jekyll URL", "post_url"):
        assert resolve(path, hrefs[label]) == built.page(DAY2).resolve(), label
    assert "[journal.link]" in built.warnings  # the one real mistake, reported once
    assert built.warnings.count("WARNING") == 1


def test_incremental_build_follows_a_removed_and_a_restored_post(copy_root, build) -> None:
    srcdir = copy_root("jekyll")
    outdir = srcdir.parent / "out"
    build(srcdir, outdir=outdir)
    day2 = srcdir / "_posts/boostcamp/Week_1/2021-8-5-day two.markdown"
    saved = day2.read_text(encoding="utf-8")
    day2.unlink()
    gone = build(srcdir, outdir=outdir, freshenv=False)
    assert "{% post_url 2021-8-5-day two %}" in gone.warnings  # day1 was read again
    assert "{% link _posts/boostcamp/Week_1/2021-8-5-day two.markdown %}" in gone.warnings
    day2.write_text(saved, encoding="utf-8")
    back = build(srcdir, outdir=outdir, freshenv=False)
    assert back.warnings.count("WARNING") == 1
    path = back.page(DAY1)
    hrefs = {text(a): a.get("href") for a in main(parse(path)).iter("a")}
    assert resolve(path, hrefs["Jekyll URL"]) == back.page(DAY2).resolve()


def test_mermaid_is_a_diagram_when_installed_else_plain_code(site) -> None:
    html = page(site, DAY2).read_text(encoding="utf-8")
    if importlib.util.find_spec("sphinxcontrib.mermaid") is None:
        assert "graph TD; A--&gt;B;" in html and "highlight-text" in html
    else:
        assert re.search(r'<pre[^>]*class="mermaid[^"]*"[^>]*>\s*graph TD; A--&gt;B;', html)
