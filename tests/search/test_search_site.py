"""Korean search on the built example: the index and the browser (SPEC §9)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from tests.browser.runner import CHROMIUM, dump_dom, served
from tests.htmlutil import inventory

POST = "_posts/2021-09-24-boostcamp-day36"
#: The post only says 질문에, 유튜브부터, 엣지를, 강점을, 시각화를 …
QUERIES = ["질문", "유튜브", "엣지", "강점", "시각화", "시각화를"]


def index_of(outdir: Path) -> dict[str, object]:
    text = (outdir / "searchindex.js").read_text(encoding="utf-8")
    return json.loads(text[text.index("(") + 1 : text.rindex(")")])


def docs_for(index: dict, term: str) -> set[str]:
    docnames = index["docnames"]
    found = set()
    for table in ("terms", "titleterms"):
        value = index[table].get(term)
        if value is None:
            continue
        found |= {docnames[i] for i in ([value] if isinstance(value, int) else value)}
    return found


@pytest.mark.parametrize("analyzer", ["rules", "auto"])
def test_index_holds_stems(example_project, build, analyzer: str) -> None:
    built = build(example_project, language="ko", html_search_options={"analyzer": analyzer})
    assert built.warnings == ""
    index = index_of(built.outdir)
    for stem in ("질문", "유튜브", "엣지", "강점", "시각화"):
        assert POST in docs_for(index, stem), stem
    assert POST in docs_for(index, "engin")  # English keeps Porter stemming


def test_other_languages_keep_sphinx_search(example_project, build) -> None:
    built = build(example_project, language="en")
    index = index_of(built.outdir)
    assert POST not in docs_for(index, "질문")  # Sphinx's default indexes 질문에 as is
    assert POST in docs_for(index, "질문에")


@pytest.mark.browser
@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed")
def test_search_page_in_the_browser(example_project, build, tmp_path: Path) -> None:
    built = build(example_project, language="ko")
    with served(built.outdir) as base:
        for query in [*QUERIES, "Engineer"]:
            dom = dump_dom(tmp_path / "profile", f"{base}search.html?q={quote(query)}")
            assert "2021-09-24-boostcamp-day36.html" in dom, query


def test_post_header_stays_out_of_the_index(example_project, build) -> None:
    """The header (date, reading time, badges) and the previous/next links are shown,
    not indexed: a post is found for what it says, not for its "min read"."""
    built = build(example_project, language="en")
    page = (built.outdir / f"{POST}.html").read_text(encoding="utf-8")
    assert "min read" in page and "journal-post-header" in page
    index = index_of(built.outdir)
    assert POST not in docs_for(index, "min")
    assert POST not in docs_for(index, "read")
    assert POST in docs_for(index, "engin")  # the body is still indexed


def test_posts_and_heading_lectures_are_in_the_inventory_not_twice_in_the_index(
    example_project, build
) -> None:
    """A post is found by its page's title, a lecture read from a heading by that heading;
    ``objects.inv`` still lists both for intersphinx."""
    built = build(example_project, language="en")
    assert POST in inventory(built.outdir / "objects.inv", "journal:post")
    assert "full-stack-ml-engineer" in inventory(built.outdir / "objects.inv", "journal:lecture")
    index: dict[str, Any] = index_of(built.outdir)
    assert "[Boostcamp AI Tech] 36일차 학습정리" in index["titles"]
    assert "Full Stack ML Engineer" in index["alltitles"]
    kinds = {int(number): name for number, name in index["objtypes"].items()}
    listed = [kinds[entry[1]] for entries in index["objects"].values() for entry in entries]
    assert "journal:post" not in listed
    assert "journal:lecture" not in listed


def test_the_schedule_count_stays_out_of_the_index(example_project, build) -> None:
    """ "5 / 6 done" is the journal's count under the schedule, not the author's words."""
    built = build(example_project, language="en")
    page = (built.outdir / f"{POST}.html").read_text(encoding="utf-8")
    assert " done</p>" in page
    assert POST not in docs_for(index_of(built.outdir), "done")
