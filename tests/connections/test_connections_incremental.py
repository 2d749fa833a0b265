"""Incremental builds rewrite every page that shows a changed connection, and only those.

Each step edits the sources of the connections root and rebuilds into the
same output; the files whose bytes changed must be exactly the expected
ones (Sphinx's own index and search pages aside), and the result must
equal a clean build of the same sources.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.buildutil import html_files

ROOT = Path(__file__).parents[1] / "roots" / "test-connections"
SPHINX_OWN = {"genindex.html", "search.html"}
P = "_posts/2021-"


def outputs(outdir: Path) -> dict[str, bytes]:
    files = html_files(outdir)
    for extra in ("journal/weeks.xml", "journal/atom.xml"):
        if (outdir / extra).is_file():
            files[extra] = (outdir / extra).read_bytes()
    return {name: data for name, data in files.items() if name not in SPHINX_OWN}


def changed(before: dict[str, bytes], after: dict[str, bytes]) -> set[str]:
    return {name for name in before.keys() | after.keys() if before.get(name) != after.get(name)}


@pytest.mark.parametrize("parallel", [0, 2])
def test_each_edit_rewrites_exactly_the_pages_that_show_it(
    tmp_path: Path, build, parallel: int
) -> None:
    srcdir = tmp_path / "src"
    shutil.copytree(ROOT, srcdir)
    outdir = tmp_path / "out"
    html = build(srcdir, outdir=outdir, parallel=parallel).outdir
    state = outputs(html)

    def step(edit: object) -> set[str]:
        nonlocal state
        assert callable(edit)
        edit()
        build(srcdir, outdir=outdir, freshenv=False, parallel=parallel)
        now = outputs(html)
        fresh = tmp_path / f"fresh-{len(list(tmp_path.iterdir()))}"
        shutil.copytree(srcdir, fresh)
        clean = build(fresh, outdir=fresh.parent / (fresh.name + "-out"))
        want = outputs(clean.outdir)
        # incremental equals clean; only a deleted post's own page stays (Sphinx removes none)
        assert {name: now[name] for name in want} == want
        assert set(now) - set(want) <= {f"{P}09-22-bert.html"}
        result = changed(state, now)
        state = now
        return result

    misc = srcdir / "_posts/2021-10-14-misc.md"
    text = misc.read_text(encoding="utf-8")

    # a link is added: the linking post and the linked post, nothing else (no listing
    # shows Misc's excerpt, its first paragraph, which stays as it was)
    linking = text + "\nLater: [Vision](2021-09-30-vision.md).\n"  # not the excerpt
    assert step(lambda: misc.write_text(linking, encoding="utf-8")) == {
        f"{P}10-14-misc.html",
        f"{P}09-30-vision.html",
    }

    # the link is removed again: the same two pages
    assert step(lambda: misc.write_text(text, encoding="utf-8")) == {
        f"{P}10-14-misc.html",
        f"{P}09-30-vision.html",
    }

    # Misc starts citing ViT (first cited in W39, by Vision): Misc itself, the papers page,
    # and the posts whose related lists change; not W41's digest, nor any series page
    cites = text + "\nAlso [ViT](https://arxiv.org/abs/2010.11929).\n"
    rewritten = step(lambda: misc.write_text(cites, encoding="utf-8"))
    assert f"{P}10-14-misc.html" in rewritten
    assert "journal/papers.html" in rewritten
    assert not any(name.startswith("journal/series/") for name in rewritten)
    assert "journal/weeks/2021-W41.html" not in rewritten
    assert f"{P}09-20-attention.html" not in rewritten  # shares nothing with Misc

    # Misc joins the series: every member's series box, the series pages; not Vision
    joined = cites.replace("tags: [misc]", "tags: [misc]\nseries: Transformers")
    rewritten = step(lambda: misc.write_text(joined, encoding="utf-8"))
    members = {f"{P}{s}.html" for s in ("09-20-attention", "09-22-bert", "09-28-gpt", "10-14-misc")}
    assert members <= rewritten
    assert {"journal/series/index.html", "journal/series/transformers.html"} <= rewritten
    assert f"{P}09-30-vision.html" not in rewritten
    assert not any(name.startswith("journal/weeks/") for name in rewritten)

    # a post that links and is in the series is deleted (an old one: the sidebar's newest
    # posts stay): its page stays (Sphinx removes no output); the post it linked to, the
    # other members, Recap (BERT was related to it), its week's digest and the feed change,
    # and W41's digest: Recap is now the first to cite the BERT paper
    rewritten = step((srcdir / "_posts/2021-09-22-bert.md").unlink)
    assert {
        f"{P}09-20-attention.html",
        f"{P}09-28-gpt.html",
        f"{P}10-14-misc.html",
        f"{P}10-15-recap.html",
        "journal/weeks/2021-W38.html",
        "journal/weeks.xml",
        "journal/series/transformers.html",
        "journal/weeks/2021-W41.html",
    } <= rewritten
    assert f"{P}10-12-review.html" not in rewritten
    assert "journal/weeks/2021-W39.html" not in rewritten

    # an older post in a new week: its page, its digest, the next week's links, the post it
    # links to and its next post; not the digests of later weeks
    new = srcdir / "_posts/2021-09-08-new.md"
    rewritten = step(
        lambda: new.write_text(
            "---\ntitle: New day\ntags: [misc]\n---\n\nSee {post}`_posts/2021-09-30-vision`.\n",
            encoding="utf-8",
        )
    )
    assert {
        f"{P}09-08-new.html",
        f"{P}09-30-vision.html",
        f"{P}09-20-attention.html",
        "journal/weeks/2021-W36.html",
        "journal/weeks/2021-W38.html",
    } <= rewritten
    assert "journal/weeks/2021-W39.html" not in rewritten
    assert "journal/weeks/2021-W41.html" not in rewritten
