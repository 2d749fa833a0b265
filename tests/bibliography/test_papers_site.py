"""The bibliography of cited papers as users get it (SPEC §6)."""

from __future__ import annotations

import shutil
from pathlib import Path

from pybtex.database import parse_file

from tests.buildutil import html_files, mtimes
from tests.htmlutil import by_class, inventory, links, main, parse, resolve, text


def test_example_cites_exactly_eight_papers(example_project, build) -> None:
    built = build(example_project)
    assert built.warnings == ""
    page = built.page("journal/papers.html")
    papers = by_class(main(parse(page)), "journal-paper", "li")
    assert len(papers) == 8
    idents = [text(by_class(p, "journal-paper-id")[0]) for p in papers]
    assert idents == [
        "ssrn:2477899",
        "arxiv:2003.11511",
        "doi:10.1038/s41591-020-0931-3",
        "doi:10.1145/3442188.3445922",
        "arxiv:1906.05433",
        "pii:S0360544217320388",
        "doi:10.1038/s41467-018-05690-8",
        "arxiv:2009.12975",
    ]
    for paper in papers:
        [(title, href)] = [(t, h) for t, h in links(by_class(paper, "journal-cited-in")[0])]
        assert title == "[Boostcamp AI Tech] 36일차 학습정리"
        anchor = href.split("#")[1]
        assert f'id="{anchor}"' in resolve(page, href).read_text(encoding="utf-8")
    body = text(main(parse(page)))
    for not_a_paper in ("AI Now", "AI for Health", "DeepMind", "breast cancer"):
        assert not_a_paper not in body
    bib = parse_file(str(built.page("journal/papers.bib")), "bibtex")
    assert len(bib.entries) == 8
    assert bib.entries["arxiv-1906.05433"].fields["eprint"] == "1906.05433"
    post = main(parse(built.page("_posts/2021-09-24-boostcamp-day36.html")))
    assert len(by_class(post, "journal-cited-here")[0].findall(".//li")) == 8


def test_bib_entries_merge_with_links_and_cite(copy_root, build) -> None:
    built = build(copy_root("papers"))
    assert built.warnings == ""
    page = built.page("journal/papers.html")
    papers = {
        text(by_class(p, "journal-paper-id")[0]): p
        for p in by_class(main(parse(page)), "journal-paper", "li")
    }
    assert list(papers) == ["arxiv:1706.03762", "doi:10.1145/3442188.3445922", "bib:knuth84"]
    transformer = text(papers["arxiv:1706.03762"])
    assert "Attention Is All You Need" in transformer and "Ashish Vaswani" in transformer
    assert "2017" in transformer and "Attention day" in transformer
    assert "Attention again" in transformer  # two URLs of one paper, one entry
    assert "The TeXbook" in text(papers["bib:knuth84"])
    bib = parse_file(str(built.page("journal/papers.bib")), "bibtex")
    assert list(bib.entries) == ["vaswani2017", "doi-10.1145-3442188.3445922", "knuth84"]


def test_paper_role_and_inventory(copy_root, build) -> None:
    built = build(copy_root("papers"))
    index = built.page("index.html")
    hrefs = [h for _, h in links(main(parse(index)))]
    assert "journal/papers.html#arxiv-1706.03762" in hrefs
    assert "journal/papers.html#doi-10.1145-3442188.3445922" in hrefs
    papers = inventory(built.outdir / "objects.inv", "journal:paper")
    assert {"arxiv:1706.03762", "doi:10.1145/3442188.3445922"} <= papers


def test_unknown_paper_is_warned(copy_root, build) -> None:
    srcdir = copy_root("papers")
    (srcdir / "index.md").write_text("# P\n\n{paper}`arxiv:9999.99999`\n", encoding="utf-8")
    built = build(srcdir)
    assert "index.md:3: WARNING: unknown paper 'arxiv:9999.99999'" in built.warnings
    assert "[journal.xref]" in built.warnings


def test_latex_links_papers_to_the_citing_post(copy_root, build) -> None:
    built = build(copy_root("papers"), "latex")
    assert built.warnings == ""
    tex = next(built.outdir.glob("*.tex")).read_text(encoding="utf-8")
    assert "paper-arxiv-1706-03762" in tex


def test_parallel_equals_serial(copy_root, build) -> None:
    serial = build(copy_root("papers", "serial"))
    parallel = build(copy_root("papers", "parallel"), parallel=2)
    assert html_files(serial.outdir) == html_files(parallel.outdir)
    assert (serial.outdir / "journal/papers.bib").read_bytes() == (
        parallel.outdir / "journal/papers.bib"
    ).read_bytes()


def test_bibliography_rewritten_when_citations_change_and_only_then(
    copy_root, build, tmp_path: Path
) -> None:
    srcdir = copy_root("papers")
    outdir = tmp_path / "out"
    out = build(srcdir, outdir=outdir).outdir
    papers = out / "journal/papers.html"
    before = mtimes(out)["journal/papers.html"]
    post = srcdir / "_posts/2021-09-25-again.md"
    post.write_text(post.read_text(encoding="utf-8") + "\nNo new citation.\n", encoding="utf-8")
    build(srcdir, outdir=outdir, freshenv=False)
    assert mtimes(out)["journal/papers.html"] == before
    for change, expected in (
        ("\n[OpenReview](https://openreview.net/forum?id=abc123)\n", "openreview:abc123"),
        (None, None),
    ):
        if change:
            post.write_text(post.read_text(encoding="utf-8") + change, encoding="utf-8")
        else:
            post.unlink()
        incremental = build(srcdir, outdir=outdir, freshenv=False)
        fresh_src = tmp_path / f"fresh-{expected}"
        shutil.copytree(srcdir, fresh_src)
        fresh = build(fresh_src, outdir=tmp_path / f"fresh-out-{expected}")
        assert papers.read_bytes() == (fresh.outdir / "journal/papers.html").read_bytes()
        assert (incremental.outdir / "journal/papers.bib").read_bytes() == (
            fresh.outdir / "journal/papers.bib"
        ).read_bytes()
        body = text(main(parse(papers)))
        if expected:
            assert expected in body
        else:
            assert "bib:knuth84" not in body and "Attention again" not in body


GENERIC_POST = "---\ntitle: Generic\n---\n\n# Generic\n\n[논문](https://arxiv.org/abs/1512.03385)\n"
TITLED_POST = (
    "---\ntitle: Titled\n---\n\n# Titled\n\n"
    "[Deep Residual Learning](https://arxiv.org/pdf/1512.03385v1.pdf) again.\n"
)


def test_a_paper_is_titled_by_another_posts_citation_in_every_build(tmp_path: Path, build) -> None:
    """The title another post gives a paper comes and goes with that post, in -j 2 too."""
    srcdir = tmp_path / "src"
    (srcdir / "_posts").mkdir(parents=True)
    (srcdir / "conf.py").write_text('extensions = ["sphinx_journal"]\n', encoding="utf-8")
    (srcdir / "index.md").write_text("# Home\n", encoding="utf-8")
    (srcdir / "_posts/2021-01-01-generic.md").write_text(GENERIC_POST, encoding="utf-8")
    titled = srcdir / "_posts/2021-01-02-titled.md"
    outdir = tmp_path / "out"
    build(srcdir, outdir=outdir)
    steps = [
        (lambda: titled.write_text(TITLED_POST, encoding="utf-8"), "Deep Residual Learning"),
        (
            lambda: titled.write_text(TITLED_POST.replace("Deep", "Deeper"), encoding="utf-8"),
            "Deeper Residual Learning",
        ),
        (titled.unlink, "arxiv:1512.03385"),
    ]
    for number, (change, title) in enumerate(steps):
        change()
        incremental = build(srcdir, outdir=outdir, freshenv=False)
        fresh_src = tmp_path / f"fresh-{number}"
        shutil.copytree(srcdir, fresh_src, ignore=shutil.ignore_patterns("_build"))
        parallel = build(fresh_src, outdir=tmp_path / f"fresh-out-{number}", parallel=2)
        papers = incremental.page("journal/papers.html")
        assert papers.read_bytes() == parallel.page("journal/papers.html").read_bytes()
        [entry] = by_class(main(parse(papers)), "journal-paper", "li")
        assert text(entry).startswith(f"{title} arxiv:1512.03385"), number
        assert "논문" not in text(entry)
