"""Bad input: a located journal.* warning, the content kept, the build finished (SPEC §10)."""

from __future__ import annotations

import pytest

from tests.buildutil import warnings_of
from tests.htmlutil import main, parse, text


@pytest.fixture
def built(copy_root, build):
    return build(copy_root("warnings"))


def warning_lines(warnings: str) -> list[tuple[str, int, str]]:
    """(file, line, type) of every warning."""
    return sorted(
        (w.path.rsplit("/", 1)[-1], w.line or 0, w.type)
        for w in warnings_of(warnings)
        if w.path.endswith(".md") and w.line is not None and (w.type or "").startswith("journal.")
    )


def test_every_problem_is_located_and_typed(built) -> None:
    assert warning_lines(built.warnings) == [
        ("2021-01-01-malformed.md", 3, "journal.frontmatter"),
        ("2021-01-02-bad-date.md", 3, "journal.date"),
        ("2021-01-03-slugs.md", 3, "journal.tag"),
        ("2021-01-03-slugs.md", 8, "journal.liquid"),
        ("undated-notes.md", 1, "journal.date"),
    ]
    assert "footer.html" in built.warnings  # {{ site.url }} is a link, {% include %} is not
    assert built.warnings.count("WARNING") == 5  # nothing else, and MyST does not repeat them


def test_content_is_never_lost(built) -> None:
    malformed = main(parse(built.page("_posts/2021-01-01-malformed.html")))
    assert "The body survives." in text(malformed)
    assert "Body of bad date." in text(main(parse(built.page("_posts/2021-01-02-bad-date.html"))))
    home = text(main(parse(built.page("journal/index.html"))))
    for title in ("Broken front matter", "Bad date", "Undated notes", "Slug collision"):
        assert title in home
    # the bad date falls back to the file name; the undated post is listed as undated
    assert "January 2, 2021" in home
    assert "undated" in home


def test_one_slug_one_tag(built) -> None:
    tag = text(main(parse(built.page("journal/tags/machine-learning.html"))))
    assert "Undated notes" in tag and "Slug collision" in tag


def test_suppress_warnings_and_minus_w(copy_root, build) -> None:
    quiet = build(
        copy_root("warnings"),
        suppress_warnings=["journal.liquid", "journal.date", "journal.tag", "journal.frontmatter"],
    )
    assert "journal." not in quiet.warnings


def test_warnings_are_fatal_with_minus_w(copy_root, make_app) -> None:
    app = make_app("html", srcdir=copy_root("warnings"), warningiserror=True, freshenv=True)
    app.build()
    assert app.statuscode == 1


def test_a_missing_image_is_located_with_or_without_alt_text(tmp_path, build) -> None:
    """Sphinx's own warning names the line, for ``![](…)`` too, in a post as in a page."""
    srcdir = tmp_path / "images"
    (srcdir / "_posts").mkdir(parents=True)
    (srcdir / "conf.py").write_text('extensions = ["sphinx_journal"]\n', encoding="utf-8")
    (srcdir / "_posts/2021-08-02-shots.md").write_text(
        "---\ntitle: Shots\n---\n\nBefore.\n\n![](gone-a.png)\n\n![a shot](gone-b.png)\n\n"
        "Inline ![](gone-c.png) too.\n",
        encoding="utf-8",
    )
    (srcdir / "index.md").write_text("# Home\n\nA page.\n\n![](gone-d.png)\n", encoding="utf-8")
    built = build(srcdir)
    located = sorted(
        (w.path.rsplit("/", 1)[-1], w.line, w.message.split()[-1].rsplit("/", 1)[-1])
        for w in warnings_of(built.warnings)
        if w.type == "image.not_readable"
    )
    post = "2021-08-02-shots.md"
    assert located == [
        (post, 7, "gone-a.png"),
        (post, 9, "gone-b.png"),
        (post, 11, "gone-c.png"),
        ("index.md", 5, "gone-d.png"),
    ]
    page = built.page("_posts/2021-08-02-shots.html").read_text(encoding="utf-8")
    assert page.count("<img") == 3  # each image is kept on the page
