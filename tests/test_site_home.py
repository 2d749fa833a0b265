"""A Jekyll site built in place, as it is: its home, its pages, its repository files.

The root ``test-jekyll-home`` is a site whose home is ``index.html`` (a
Liquid template, no Sphinx document), with a page with front matter, a page
without (GitHub Pages makes a page of it), a ``README.md`` (a repository
file, no page) and a ``LICENSE.md`` with front matter (a page).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.htmlutil import by_class, links, main, parse, text


def _home(built) -> tuple[str, list[str]]:
    """The home page's heading, and the titles of the posts it lists."""
    body = main(parse(built.page("index.html")))
    heading = text(body.find(".//h1"))
    listed = [text(item) for item in by_class(body, "journal-post-title")]
    return heading, listed


def test_a_site_without_index_md_builds_clean_with_the_journal_as_its_home(
    copy_root, build
) -> None:
    srcdir = copy_root("jekyll-home")
    built = build(srcdir)
    assert built.warnings == ""  # no toctree, header or missing-root complaint
    heading, listed = _home(built)
    assert heading == "Home of the Days"  # _config.yml's title
    assert listed == ["Second day", "First day"]
    body = main(parse(built.page("index.html")))
    assert by_class(body, "journal-calendar")
    hrefs = dict(links(body))
    assert hrefs["First day"] == "_posts/week1/2021-08-02-first.html"
    # nothing was written into the site, which Jekyll still builds
    assert sorted(p.name for p in srcdir.iterdir()) == sorted(
        p.name for p in (Path(__file__).parent / "roots" / "test-jekyll-home").iterdir()
    )


def test_pages_with_and_without_front_matter_and_repository_files(copy_root, build) -> None:
    built = build(copy_root("jekyll-home"))
    about = main(parse(built.page("about.html")))
    assert text(about.find(".//h1")) == "About me"  # its front matter's title, as its layout
    assert text(about.find(".//h2")) == "Why a journal"
    notes = main(parse(built.page("notes.html")))
    assert "GitHub Pages makes a page of it" in text(notes)
    # read as Jekyll content: {{ site.url }} links reach a post's Jekyll URL and the home
    hrefs = dict(links(notes))
    assert hrefs["first day"] == "_posts/week1/2021-08-02-first.html"
    assert hrefs["home"] == "index.html"
    # a theme's template page stays text, with no warning (the journal's archive lists posts)
    archive = text(main(parse(built.page("archive.html"))))
    assert "{% for post in site.posts %}" in archive
    licence = main(parse(built.page("LICENSE.html")))
    assert text(licence.find(".//h1")) == "Licence" and "LICENSE-PAGE" in text(licence)
    assert not (Path(built.outdir) / "README.html").exists()
    assert "REPOSITORY-README" not in (Path(built.outdir) / "searchindex.js").read_text("utf-8")


def test_a_home_page_of_its_own_keeps_its_text_then_lists_the_posts(copy_root, build) -> None:
    srcdir = copy_root("jekyll-home")
    (srcdir / "index.html").unlink()
    (srcdir / "index.markdown").write_text(
        "---\nlayout: home\n---\n\nWelcome: HOME-TEXT of my own.\n", encoding="utf-8"
    )
    built = build(srcdir)
    assert built.warnings == ""
    heading, listed = _home(built)
    assert heading == "Home of the Days" and listed == ["Second day", "First day"]
    body = text(main(parse(built.page("index.html"))))
    assert body.index("HOME-TEXT") < body.index("Second day")


@pytest.mark.parametrize("buildername", ["latex", "text", "singlehtml"])
def test_the_supplied_home_serves_every_builder(copy_root, build, buildername: str) -> None:
    built = build(copy_root("jekyll-home"), buildername)
    assert "WARNING" not in built.warnings
    output = "\n".join(
        path.read_text(encoding="utf-8", errors="replace")
        for path in Path(built.outdir).rglob("*")
        if path.suffix in (".tex", ".txt", ".html")
    )
    assert "Home of the Days" in output and "Second day" in output


def test_the_home_follows_new_posts_and_parallel_builds_agree(
    copy_root, build, tmp_path: Path
) -> None:
    srcdir = copy_root("jekyll-home")
    outdir = tmp_path / "out"
    build(srcdir, outdir=outdir)
    (srcdir / "_posts/week1/2021-08-04-third.md").write_text(
        "---\ntitle: Third day\n---\n\nThe third day.\n", encoding="utf-8"
    )
    again = build(srcdir, outdir=outdir, freshenv=False)
    assert again.warnings == ""
    assert _home(again)[1] == ["Third day", "Second day", "First day"]
    parallel = build(srcdir, outdir=tmp_path / "parallel", parallel=2)
    assert _home(parallel) == _home(again)
    unchanged = build(srcdir, outdir=outdir, freshenv=False)
    assert "0 added, 0 changed, 0 removed" in unchanged.app._status.getvalue()


def test_a_folder_of_posts_alone_needs_no_home_either(tmp_path: Path, build) -> None:
    srcdir = tmp_path / "plain"
    (srcdir / "_posts").mkdir(parents=True)
    (srcdir / "conf.py").write_text('extensions = ["sphinx_journal"]\n', encoding="utf-8")
    (srcdir / "_posts/2021-08-02-only.md").write_text(
        "---\ntitle: The only day\n---\n\nJust one.\n", encoding="utf-8"
    )
    built = build(srcdir, journal_title="Plain journal")
    assert built.warnings == ""
    assert _home(built) == ("Plain journal", ["The only day"])


def test_a_site_built_in_place_keeps_one_home_and_shows_no_path_of_the_build(
    copy_root, build
) -> None:
    """``sphinx-build . site``: the doctrees, and the home's file beside them, are in the site."""
    srcdir = copy_root("jekyll-home")
    outdir = srcdir / "site" / "html"  # its doctrees: site/doctrees, inside the source folder
    build(srcdir, outdir=srcdir / "site")
    assert (srcdir / "site" / "doctrees").is_dir()
    again = build(srcdir, outdir=srcdir / "site", freshenv=False)
    assert again.warnings == ""
    assert "0 added, 0 changed, 0 removed" in again.app._status.getvalue()
    pages = sorted(p.relative_to(outdir).as_posix() for p in outdir.rglob("*.html"))
    assert not [page for page in pages if page.startswith("site/")]
    assert _home(again)[1] == ["Second day", "First day"]
    # the supplied home has no source of the author's: no copy of it, no link to one
    home = again.page("index.html").read_text(encoding="utf-8")
    assert "_sources/index" not in home
    assert not list((outdir / "_sources").glob("index*"))
    assert str(srcdir) not in home and str(srcdir.parent) not in home


def test_the_home_file_left_by_an_earlier_build_is_no_page_once_the_site_has_its_own(
    copy_root, build
) -> None:
    srcdir = copy_root("jekyll-home")
    build(srcdir, outdir=srcdir / "site")
    (srcdir / "index.md").write_text("# My own home\n\nOWN-HOME\n", encoding="utf-8")
    again = build(srcdir, outdir=srcdir / "site", freshenv=False)
    assert again.warnings == ""
    assert "OWN-HOME" in again.page("index.html").read_text(encoding="utf-8")
    assert not list((srcdir / "site" / "html").rglob("journal-home"))


def test_a_link_to_the_permalink_a_page_gives_itself_reaches_that_page(
    copy_root, build, tmp_path: Path
) -> None:
    """``permalink: /week-1/`` in a page: Jekyll serves it there, and links by it arrive."""
    srcdir = copy_root("jekyll-home")
    (srcdir / "_pages").mkdir()
    (srcdir / "_config.yml").write_text(
        "title: Home of the Days\ninclude: [_pages]\n", encoding="utf-8"
    )
    (srcdir / "_pages/week-one.md").write_text(
        "---\ntitle: Week one\npermalink: /week-1/\n---\n\nWEEK-ONE-PAGE\n", encoding="utf-8"
    )
    (srcdir / "_posts/week1/2021-08-05-links.md").write_text(
        "---\ntitle: Links\n---\n\nSee [the week](/week-1/) and [by file](/week-1/index.html).\n",
        encoding="utf-8",
    )
    built = build(srcdir)
    assert built.warnings == ""
    hrefs = dict(links(main(parse(built.page("_posts/week1/2021-08-05-links.html")))))
    assert hrefs["the week"] == "../../_pages/week-one.html"
    assert hrefs["by file"] == "../../_pages/week-one.html"
    # -j 2 and a rebuild after the page moves: the link follows it
    assert (
        dict(
            links(
                main(
                    parse(
                        build(srcdir, parallel=2, outdir=tmp_path / "j2").page(
                            "_posts/week1/2021-08-05-links.html"
                        )
                    )
                )
            )
        )
        == hrefs
    )
    outdir = tmp_path / "moved"
    build(srcdir, outdir=outdir)
    (srcdir / "_pages/week-one.md").write_text(
        "---\ntitle: Week one\npermalink: /weeks/1/\n---\n\nWEEK-ONE-PAGE\n", encoding="utf-8"
    )
    (srcdir / "_pages/week-two.md").write_text(
        "---\ntitle: Week two\npermalink: /week-1/\n---\n\nWEEK-TWO-PAGE\n", encoding="utf-8"
    )
    again = build(srcdir, outdir=outdir, freshenv=False)
    moved = dict(links(main(parse(again.page("_posts/week1/2021-08-05-links.html")))))
    assert moved["the week"] == "../../_pages/week-two.html"
