"""``sphinx-journal import``: what changes in a copy, what never does, when nothing is written."""

from __future__ import annotations

from pathlib import Path

import pytest

from sphinx_journal.cli import main
from sphinx_journal.cli.importer import adapt, find_posts

FRONT = """---
# my comment stays
title:   "Keep  my spacing"
category: Deep Learning
tags: [a, b]
date: 2021-09-24 10:00:00 +0900
---

# Body
"""


def test_only_the_categories_entry_changes() -> None:
    copy = adapt(FRONT, ("tech",), None)
    before, after = FRONT.split("\n"), copy.split("\n")
    assert [line for line in before if line not in after] == ["category: Deep Learning"]
    assert [line for line in after if line not in before] == [
        "categories: [tech, Deep, Learning]"  # Jekyll splits a string on whitespace
    ]


def test_block_list_categories_replaced_whole() -> None:
    text = "---\ncategories:\n- ml\n- nlp\ntitle: x\n---\nbody\n"
    assert adapt(text, ("tech",), None) == "---\ncategories: [tech, ml, nlp]\ntitle: x\n---\nbody\n"


def test_post_without_front_matter_and_with_broken_yaml() -> None:
    assert adapt("# Hi\n", ("tech",), None) == "---\ncategories: [tech]\n---\n# Hi\n"
    broken = "---\ntags: [a\n---\n# Hi\n"
    assert adapt(broken, ("tech",), None) == broken  # copied as is; check and build say why


@pytest.mark.sphinx
def test_renamed_file_keeps_its_jekyll_slug(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "_posts").mkdir(parents=True)
    (site / "_posts" / "2021-09-24-Notes (draft) v2.md").write_text(
        "---\ntitle: t\n---\n# t\n", encoding="utf-8"
    )
    (site / "_posts" / "2021-09-25-a b.md").write_text("# one\n", encoding="utf-8")
    (site / "_posts" / "2021-09-25-a-b.md").write_text("# two\n", encoding="utf-8")
    target = tmp_path / "journal"
    assert main(["import", str(site), str(target)]) == 0
    copy = (target / "_posts/2021-09-24-Notes-draft-v2.md").read_text(encoding="utf-8")
    assert "slug: Notes (draft) v2" in copy  # Jekyll's :title was Notes-(draft)-v2
    # two names that become one: both kept, the second numbered
    names = sorted(path.name for path in (target / "_posts").iterdir())
    assert "2021-09-25-a-b.md" in names and "2021-09-25-a-b-2.md" in names
    # "a b" and "a-b" have the same Jekyll slug: no slug line is needed for the rename
    assert "slug" not in (target / "_posts/2021-09-25-a-b.md").read_text(encoding="utf-8")


def test_find_posts_categories_only_from_folders_above_posts(tmp_path: Path) -> None:
    inner = tmp_path / "tech" / "_posts" / "2021"
    inner.mkdir(parents=True)
    (inner / "2021-01-01-x.md").write_text("# x\n", encoding="utf-8")
    (tmp_path / "_site" / "_posts").mkdir(parents=True)  # Jekyll's output: never read
    (tmp_path / "_site" / "_posts" / "2021-01-01-y.md").write_text("# y\n", encoding="utf-8")
    [post] = find_posts(tmp_path)
    assert post.categories == ("tech",)
    assert post.destination == Path("_posts/2021/2021-01-01-x.md")


@pytest.mark.sphinx
def test_import_never_clobbers(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = tmp_path / "site"
    (site / "_posts").mkdir(parents=True)
    (site / "_posts" / "2021-01-01-x.md").write_text("# x\n", encoding="utf-8")
    target = tmp_path / "journal"
    assert main(["import", str(site), str(target)]) == 0
    assert main(["import", str(site), str(target)]) == 0  # the same copy again: nothing to lose
    copy = target / "_posts/2021-01-01-x.md"
    copy.write_text("# x, edited in the journal\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["import", str(site), str(target)]) == 2
    assert "_posts/2021-01-01-x.md" in capsys.readouterr().err
    assert copy.read_text(encoding="utf-8") == "# x, edited in the journal\n"
    assert main(["import", str(site), str(target), "--force"]) == 0
    assert copy.read_text(encoding="utf-8") == "# x\n"


def test_import_refuses_a_folder_that_is_not_a_journal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path / "site"
    (site / "_posts").mkdir(parents=True)
    (site / "_posts" / "2021-01-01-x.md").write_text("# x\n", encoding="utf-8")
    other = tmp_path / "other"
    other.mkdir()
    (other / "index.md").write_text("# mine\n", encoding="utf-8")
    assert main(["import", str(site), str(other)]) == 2
    assert "neither empty nor a journal" in capsys.readouterr().err
    assert sorted(p.name for p in other.iterdir()) == ["index.md"]
    assert main(["import", str(tmp_path / "missing"), str(other)]) == 2
    empty = tmp_path / "empty-site"
    empty.mkdir()
    assert main(["import", str(empty), str(tmp_path / "j")]) == 1


@pytest.mark.sphinx
def test_import_into_an_existing_journal_says_what_to_configure(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path / "site"
    (site / "_posts" / "2021").mkdir(parents=True)
    (site / "_posts" / "2021" / "2021-01-01-x.md").write_text("# x\n", encoding="utf-8")
    (site / "_bibliography").mkdir()
    (site / "_bibliography" / "refs.bib").write_text("@misc{x, title={X}}\n", encoding="utf-8")
    project = tmp_path / "docs"
    project.mkdir()
    (project / "conf.py").write_text('extensions = ["sphinx_journal"]\n', encoding="utf-8")
    assert main(["import", str(site), str(project)]) == 0
    out = capsys.readouterr().out
    assert "add to bibtex_bibfiles in conf.py: _bibliography/refs.bib" in out
    # posts in sub-folders of _posts are posts by default, as in Jekyll
    assert "not posts under this journal's journal_posts" not in out
    assert not (project / "index.md").exists()  # an existing project gets no new pages


def test_jekyll_ignored_files_and_crlf(tmp_path: Path) -> None:
    posts = tmp_path / "tech" / "_posts"
    posts.mkdir(parents=True)
    for junk in ("._2021-01-01-x.md", "#2021-01-01-x.md#", "2021-01-01-x.md~", "_draft.md"):
        (posts / junk).write_bytes(b"\x00\x05junk")
    (posts / "2021-01-01-x.md").write_bytes(b"---\r\ntitle: x\r\n---\r\n# x\r\n")
    [post] = find_posts(tmp_path)
    assert post.source.name == "2021-01-01-x.md"
    copy = adapt(post.source.read_bytes().decode(), post.categories, None)
    assert copy == "---\r\ntitle: x\r\ncategories: [tech]\r\n---\r\n# x\r\n"


@pytest.mark.sphinx
def test_import_skips_symlinks_and_keeps_bytes_that_are_not_utf8(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path / "site"
    (site / "_posts").mkdir(parents=True)
    (tmp_path / "passwd").write_text("root:x:0:0\n", encoding="utf-8")
    (site / "_posts" / "2021-01-01-link.md").symlink_to(tmp_path / "passwd")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "2021-01-03-away.md").write_text("---\ntitle: Away\n---\n", encoding="utf-8")
    (site / "_posts" / "linked").symlink_to(elsewhere, target_is_directory=True)
    latin = "---\ntitle: Café\n---\n\nCafé au lait.\n".encode("latin-1")
    (site / "_posts" / "2021-01-02-latin.md").write_bytes(latin)
    target = tmp_path / "journal"
    assert main(["import", str(site), str(target)]) == 0
    copied = sorted(p.name for p in (target / "_posts").rglob("*.md"))
    assert copied == ["2021-01-02-latin.md"]
    assert (target / "_posts" / "2021-01-02-latin.md").read_bytes() == latin
    err = capsys.readouterr().err
    assert "_posts/2021-01-01-link.md: a symlink is not imported" in err
    assert "_posts/linked: a symlink is not imported" in err
