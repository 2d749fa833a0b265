"""URL -> paper identifier, table-driven, with junk that must never be a paper."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sphinx_journal.papers.identifiers import PaperId, parse_target, recognize

PAPERS = [
    ("https://arxiv.org/abs/1706.03762", "arxiv:1706.03762"),
    ("https://arxiv.org/abs/1706.03762v5", "arxiv:1706.03762"),
    ("http://arxiv.org/pdf/1706.03762v5.pdf", "arxiv:1706.03762"),
    ("https://arxiv.org/pdf/1706.03762", "arxiv:1706.03762"),
    ("https://arxiv.org/html/2402.01234v2", "arxiv:2402.01234"),
    ("https://export.arxiv.org/abs/2003.11511", "arxiv:2003.11511"),
    ("https://www.arxiv.org/abs/2003.11511?context=cs#x", "arxiv:2003.11511"),
    ("https://arxiv.org/abs/hep-th/9901001", "arxiv:hep-th/9901001"),
    ("https://arxiv.org/abs/math.GT/0309136v1", "arxiv:math.GT/0309136"),
    ("https://doi.org/10.1145/3442188.3445922", "doi:10.1145/3442188.3445922"),
    ("https://dx.doi.org/10.1038/NATURE14539", "doi:10.1038/nature14539"),
    ("https://dl.acm.org/doi/10.1145/3442188.3445922", "doi:10.1145/3442188.3445922"),
    ("https://dl.acm.org/doi/abs/10.1145/3442188.3445922", "doi:10.1145/3442188.3445922"),
    ("https://dl.acm.org/doi/pdf/10.1145/3442188.3445922", "doi:10.1145/3442188.3445922"),
    ("https://dl.acm.org/doi/epdf/10.1145/3442188.3445922", "doi:10.1145/3442188.3445922"),
    ("https://dl.acm.org/doi/fullHtml/10.1145/3442188.3445922", "doi:10.1145/3442188.3445922"),
    (
        "https://link.springer.com/article/10.1007/s10994-021-05946-3",
        "doi:10.1007/s10994-021-05946-3",
    ),
    ("https://onlinelibrary.wiley.com/doi/full/10.1002/asi.24750", "doi:10.1002/asi.24750"),
    ("https://www.nature.com/articles/s41591-020-0931-3", "doi:10.1038/s41591-020-0931-3"),
    ("https://www.nature.com/articles/s41467-018-05690-8.pdf", "doi:10.1038/s41467-018-05690-8"),
    ("https://papers.ssrn.com/sol3/papers.cfm?abstract_id=2477899", "ssrn:2477899"),
    ("https://ssrn.com/abstract=2477899", "ssrn:2477899"),
    (
        "https://www.sciencedirect.com/science/article/abs/pii/S0360544217320388",
        "pii:S0360544217320388",
    ),
    (
        "https://www.sciencedirect.com/science/article/pii/S0360544217320388",
        "pii:S0360544217320388",
    ),
    ("https://aclanthology.org/2020.acl-main.1/", "acl:2020.acl-main.1"),
    ("https://aclanthology.org/2020.acl-main.1.pdf", "acl:2020.acl-main.1"),
    ("https://www.aclweb.org/anthology/P19-1001", "acl:P19-1001"),
    ("https://openreview.net/forum?id=YicbFdNTTy", "openreview:YicbFdNTTy"),
    ("https://openreview.net/pdf?id=YicbFdNTTy", "openreview:YicbFdNTTy"),
    # venues without DOIs in their links
    (
        "https://papers.nips.cc/paper/2017/hash/3f5ee243547dee91fbd053c1c4a845aa-Abstract.html",
        "neurips:2017/3f5ee243547dee91fbd053c1c4a845aa",
    ),
    (
        "https://proceedings.neurips.cc/paper_files/paper/2017/file/"
        "3f5ee243547dee91fbd053c1c4a845aa-Paper.pdf",
        "neurips:2017/3f5ee243547dee91fbd053c1c4a845aa",
    ),
    ("https://papers.nips.cc/paper/7181-attention-is-all-you-need.pdf", "neurips:7181"),
    ("http://proceedings.mlr.press/v37/ioffe15.pdf", "pmlr:v37/ioffe15"),
    ("https://proceedings.mlr.press/v139/radford21a/radford21a.pdf", "pmlr:v139/radford21a"),
    ("https://jmlr.org/papers/v15/srivastava14a.html", "jmlr:v15/srivastava14a"),
    ("http://jmlr.org/papers/volume15/srivastava14a/srivastava14a.pdf", "jmlr:v15/srivastava14a"),
    (
        "https://openaccess.thecvf.com/content_cvpr_2016/papers/"
        "He_Deep_Residual_Learning_CVPR_2016_paper.pdf",
        "cvf:content_cvpr_2016/He_Deep_Residual_Learning_CVPR_2016",
    ),
    (
        "https://openaccess.thecvf.com/content/CVPR2022/html/Rombach_High-Resolution_CVPR_2022_paper.html",
        "cvf:content/CVPR2022/Rombach_High-Resolution_CVPR_2022",
    ),
    ("https://ieeexplore.ieee.org/abstract/document/726791/", "ieee:726791"),
    ("https://ieeexplore.ieee.org/stamp/stamp.jsp?arnumber=726791", "ieee:726791"),
    (
        "https://www.semanticscholar.org/paper/Attention-is-All-you-Need-Vaswani-Shazeer/"
        "204e3073870fae3d05bcbc2f6a8e263d9b72e776",
        "s2:204e3073870fae3d05bcbc2f6a8e263d9b72e776",
    ),
    ("https://dl.acm.org/citation.cfm?id=2999257", "acm:2999257"),
]

NOT_PAPERS = [
    "https://ainowinstitute.org/AI_Now_2016_Report.pdf",
    "https://www.microsoft.com/en-us/ai/ai-for-health",
    "https://youtu.be/Mur70YjInmI",
    "https://www.youtube.com/watch?v=Mur70YjInmI",
    "https://deepmind.com/blog/article/deepmind-ai-reduces-google-data-centre-cooling-bill-40",
    "https://paperswithcode.com/rc2021",
    "https://github.com/huggingface/transformers",
    "https://arxiv.org/list/cs.CL/recent",
    "https://www.nature.com/nature/volumes",
    "https://openreview.net/group?id=ICLR.cc",
    "mailto:someone@example.com",
    "ftp://arxiv.org/abs/1706.03762",
    "not a url",
    "",
]


@pytest.mark.parametrize(("url", "expected"), PAPERS)
def test_papers_are_recognised(url: str, expected: str) -> None:
    assert str(recognize(url)) == expected


@pytest.mark.parametrize("url", NOT_PAPERS)
def test_other_links_are_not_papers(url: str) -> None:
    assert recognize(url) is None


def test_the_real_post_cites_exactly_eight_papers(shared_example) -> None:
    text = next((shared_example / "_posts").glob("*.md")).read_text(encoding="utf-8")
    urls = re.findall(r"\]\((https?://[^)\s]+)\)", text)
    found = {str(p) for p in map(recognize, urls) if p is not None}
    assert found == {
        "ssrn:2477899",
        "arxiv:2003.11511",
        "arxiv:1906.05433",
        "arxiv:2009.12975",
        "doi:10.1145/3442188.3445922",
        "doi:10.1038/s41591-020-0931-3",
        "doi:10.1038/s41467-018-05690-8",
        "pii:S0360544217320388",
    }


def test_extra_patterns_come_first() -> None:
    patterns = {r"https://example\.org/papers/(?P<id>\d+)": "example"}
    assert recognize("https://example.org/papers/42", patterns) == PaperId("example", "42")


def test_parse_target() -> None:
    assert parse_target("arxiv:1706.03762v2") == PaperId("arxiv", "1706.03762")
    assert parse_target("doi:10.1145/3442188.3445922") == PaperId("doi", "10.1145/3442188.3445922")
    assert parse_target("https://ssrn.com/abstract=2477899") == PaperId("ssrn", "2477899")
    assert parse_target("isbn:123") is None
    assert parse_target("arxiv:<script>") is None


@pytest.mark.parametrize(("url", "expected"), PAPERS)
def test_canonical_url_round_trips(url: str, expected: str) -> None:
    paper = recognize(url)
    assert paper is not None
    assert recognize(paper.url) == paper
    assert re.fullmatch(r"[a-z][a-z0-9]*-[A-Za-z0-9.-]+", paper.key)


@given(st.text(max_size=120))
def test_junk_never_raises(junk: str) -> None:
    for text in (
        junk,
        "https://" + junk,
        "https://arxiv.org/abs/" + junk,
        "https://doi.org/" + junk,
    ):
        paper = recognize(text)
        assert paper is None or (paper.scheme and paper.value and "\n" not in paper.value)


@given(st.from_regex(r"https://[a-z]{1,10}\.(com|org|net)/[a-z0-9/._-]{0,40}", fullmatch=True))
def test_random_web_pages_are_not_papers(url: str) -> None:
    assert recognize(url) is None or "/10." in url
