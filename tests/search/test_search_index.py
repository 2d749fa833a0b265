"""A Korean journal built by Sphinx: searchindex.js holds stems, on both analysers (SPEC §9).

The pages of tests/roots/test-search-ko only ever say 시각화를, 질문에,
유튜브부터, 엣지를, 강점을 …; the index must map the bare words to them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sphinx.search import js_index
from sphinx.testing.util import SphinxTestApp

OFFICE_HOUR = "_posts/2021-09-24-office-hour"
PEER_SESSION = "_posts/2021-09-27-peer-session"
PYTORCH = "_posts/2021-09-28-pytorch"
TRANSFORMER = "_posts/2021-09-29-transformer"
CAREER = "_posts/2021-09-30-career"
INTERVIEW = "_posts/2021-10-01-interview"
SERVING = "_posts/2021-10-05-serving"

#: Stem -> the posts that say it, only ever with a particle or an ending.
STEMS = {
    "시각화": {OFFICE_HOUR, PYTORCH},
    "질문": {PEER_SESSION},
    "유튜브": {TRANSFORMER},
    "엣지": {CAREER},
    "강점": {CAREER, INTERVIEW},
    "대시보드": {OFFICE_HOUR},
    "논문": {PEER_SESSION, TRANSFORMER},
    "이력서": {INTERVIEW},
    "공부": {TRANSFORMER, INTERVIEW},
    "구현": {TRANSFORMER, SERVING},
}
#: English words keep Sphinx's (Snowball) stemming.
ENGLISH = {"dashboard": {OFFICE_HOUR}, "engin": {CAREER}, "attent": {TRANSFORMER}}


def search_index(app: SphinxTestApp) -> dict[str, Any]:
    index: dict[str, Any] = js_index.loads(
        (Path(app.outdir) / "searchindex.js").read_text(encoding="utf-8")
    )
    return index


def posts_for(index: dict[str, Any], term: str) -> set[str]:
    """The posts whose text or titles hold ``term``, as searchtools.js looks it up."""
    found: set[str] = set()
    for table in ("terms", "titleterms"):
        ids = index[table].get(term, [])
        found |= {index["docnames"][i] for i in ([ids] if isinstance(ids, int) else ids)}
    return {docname for docname in found if docname.startswith("_posts/")}


def assert_stems(index: dict[str, Any]) -> None:
    for term, posts in {**STEMS, **ENGLISH}.items():
        assert posts_for(index, term) == posts, term
    # the forms with particles are not terms of their own
    for form in ("시각화를", "질문에", "유튜브부터", "엣지를", "강점을", "dashboards"):
        assert form not in index["terms"], form


@pytest.mark.sphinx("html", testroot="search-ko", srcdir="search-ko-rules", freshenv=True)
def test_rules_index(app: SphinxTestApp, without_kiwi: None) -> None:
    app.build()
    assert app.builder.indexer is not None
    assert app.builder.indexer.label() == "Korean (code: ko)"
    assert "WARNING" not in app.warning.getvalue()
    index = search_index(app)
    assert_stems(index)
    # 언어모델의 is one word to the rules: 모델 alone is found where it stands alone
    assert posts_for(index, "모델") == {PYTORCH, SERVING}
    assert posts_for(index, "언어모델") == {PEER_SESSION}


@pytest.mark.sphinx("html", testroot="search-ko", srcdir="search-ko-kiwi", freshenv=True)
def test_kiwi_index(app: SphinxTestApp) -> None:
    pytest.importorskip("kiwipiepy")
    app.build()
    assert "WARNING" not in app.warning.getvalue()
    index = search_index(app)
    assert_stems(index)
    # Kiwi splits the compound, and the rule stem of the whole word stays
    assert posts_for(index, "모델") == {PEER_SESSION, PYTORCH, SERVING}
    assert posts_for(index, "언어모델") == {PEER_SESSION}
    assert posts_for(index, "배우") >= {PYTORCH}


@pytest.mark.sphinx(
    "html",
    testroot="search-ko",
    srcdir="search-ko-kr",
    freshenv=True,
    confoverrides={"language": "ko_KR", "html_search_options": {"analyzer": "rules"}},
)
def test_a_regional_code_gets_korean_search(app: SphinxTestApp) -> None:
    app.build()
    assert app.builder.indexer is not None
    assert app.builder.indexer.label() == "Korean (code: ko)"
    assert_stems(search_index(app))


@pytest.mark.sphinx(
    "html",
    testroot="search-ko",
    srcdir="search-ko-en",
    freshenv=True,
    confoverrides={"html_search_language": "en"},
)
def test_without_korean_search_particles_stay_glued(app: SphinxTestApp) -> None:
    """What §9 fixes: Sphinx's default indexes 질문에, and 질문 finds nothing."""
    app.build()
    index = search_index(app)
    assert posts_for(index, "질문") == set()
    assert posts_for(index, "질문에") == {PEER_SESSION}
    assert "KoreanStemmer" not in (Path(app.outdir) / "_static/language_data.js").read_text(
        encoding="utf-8"
    )
