"""Redirect pages from Jekyll's permalinks (``journal_jekyll_redirects``)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from sphinx_journal.jekyll.dates import PostDate
from sphinx_journal.jekyll.metadata import PostMeta
from sphinx_journal.jekyll.slugs import pretty_slug as jekyll_pretty_slug
from sphinx_journal.pages.redirects import jekyll_permalink
from sphinx_journal.records.post import Post
from tests.conftest import ROOTS


def post(docname: str, *categories: str, day: str | None = "2021-09-24") -> Post:
    date = PostDate(dt.date.fromisoformat(day)) if day else None
    meta = PostMeta(title="t", date=date, categories=categories)
    return Post(docname, "t", meta, "")


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("boostcamp-day36", "boostcamp-day36"),
        ("what? [draft]: notes", "what-draft-notes"),
        ("Hello World!", "Hello-World!"),  # pretty mode keeps case and !
        ("시각화 정리 (1)", "시각화-정리-(1)"),
        ("a_ b", "a_-b"),
        ("--x--", "x"),  # a run of dashes is one dash, then one goes at each end
    ],
)
def test_jekyll_pretty_slug(text: str, slug: str) -> None:
    assert jekyll_pretty_slug(text) == slug


def test_default_permalink_lower_cases_categories_without_slugifying() -> None:
    # Jekyll issue 5813: categories are lower-cased and joined, never slugified
    p = post(
        "_posts/2021-09-24-boostcamp-day36", "Boostcamp-AI-Tech", "Deep Learning", "deep learning"
    )
    assert jekyll_permalink(p) == "boostcamp-ai-tech/deep learning/2021/09/24/boostcamp-day36.html"
    assert jekyll_permalink(post("_posts/x/2021-09-24-a")) == "2021/09/24/a.html"
    assert jekyll_permalink(post("_posts/2021-09-24-a", day=None)) is None


def test_front_matter_permalink_and_slug() -> None:
    p = post("_posts/2021-09-24-a", "ML")
    assert jekyll_permalink(p, {"permalink": "/:categories/:title/"}) == "ml/a/index.html"
    assert jekyll_permalink(p, {"permalink": "/old/page"}) == "old/page.html"
    assert jekyll_permalink(p, {"slug": "Old Name"}) == "ml/2021/09/24/Old-Name.html"
    undated = post("_posts/x", day=None)
    assert jekyll_permalink(undated, {"permalink": "/old/x.html"}) == "old/x.html"
    assert jekyll_permalink(undated, {"permalink": "/:year/x.html"}) is None


def test_redirect_pages_in_a_build(tmp_path: Path, build) -> None:
    src = tmp_path / "src"
    shutil.copytree(ROOTS / "test-redirects", src)
    out = tmp_path / "out"
    built = build(src, outdir=out)
    assert "journal.date" in built.warnings and built.warnings.count("WARNING") == 1
    html = built.outdir

    def target_of(page: Path) -> Path:
        href = page.read_text(encoding="utf-8").split("url=")[1].split('"')[0]
        return (page.parent / href).resolve()

    expected = {
        "deep learning/nlp/2021/09/24/day-one.html": "_posts/2021-09-24-day-one.html",
        "blog/2021/custom/index.html": "_posts/2021-09-25-custom.html",
        "2021/09/28/Old-Name-(1).html": "_posts/2021-09-28-slugged.html",
        "old/undated.html": "_posts/undated.html",
    }
    for old, new in expected.items():
        assert target_of(html / old) == (html / new).resolve(), old
    # never outside the output, over a Sphinx or journal page, or as a non-HTML file
    assert not (tmp_path / "outside.html").exists() and not (out.parent / "outside.html").exists()
    assert (
        "On index" not in (html / "index.html").read_text(encoding="utf-8").split("<title>")[1][:40]
    )
    assert "refresh" not in (html / "other.html").read_text(encoding="utf-8")
    assert "refresh" not in (html / "journal/tags/index.html").read_text(encoding="utf-8")
    assert not (html / "_static/x.html").exists()
    assert not (html / "feed.xml").exists()

    # switched off: the redirect pages of the last build are removed
    conf = src / "conf.py"
    conf.write_text(conf.read_text(encoding="utf-8").replace("True", "False"), encoding="utf-8")
    build(src, outdir=out, freshenv=False)
    assert not (html / "blog/2021/custom/index.html").exists()


def test_no_redirects_outside_html(tmp_path: Path, build) -> None:
    src = tmp_path / "src"
    shutil.copytree(ROOTS / "test-redirects", src)
    text = build(src, "text", outdir=tmp_path / "out")
    assert not (text.outdir / "blog").exists()
    dirhtml = build(src, "dirhtml", outdir=tmp_path / "dir")
    page = dirhtml.outdir / "blog/2021/custom/index.html"
    href = page.read_text(encoding="utf-8").split("url=")[1].split('"')[0]
    assert (page.parent / href).resolve() == (dirhtml.outdir / "_posts/2021-09-25-custom").resolve()
