"""BibTeX out and in: what the journal writes, pybtex reads back unchanged."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from pybtex.database import parse_string

from sphinx_journal.bibliography.bibtex import (
    PaperInfo,
    entry_id,
    info_from_entry,
    to_bibtex,
    unescape,
)
from sphinx_journal.papers.identifiers import PaperId

ARXIV = PaperId("arxiv", "1706.03762")


def test_entry_shape() -> None:
    text = to_bibtex(
        [PaperInfo(ARXIV, "Attention Is All You Need", ("Ashish Vaswani",), "2017", "NeurIPS")]
    )
    entry = parse_string(text, "bibtex").entries["arxiv-1706.03762"]
    assert entry.type == "article"
    assert entry.fields["title"] == "{Attention Is All You Need}"
    assert entry.fields["eprint"] == "1706.03762"
    assert entry.fields["archivePrefix"] == "arXiv"
    doi = to_bibtex([PaperInfo(PaperId("doi", "10.1145/3442188.3445922"), "Parrots")])
    assert 'doi = "10.1145/3442188.3445922"' in doi and doi.startswith("@misc{doi-10.1145-")


def test_output_is_deterministic() -> None:
    papers = [PaperInfo(ARXIV, "A"), PaperInfo(PaperId("ssrn", "1"), "B")]
    assert to_bibtex(papers) == to_bibtex(list(papers))
    assert to_bibtex([]) == ""


def test_user_entries_are_kept_as_they_are() -> None:
    text = to_bibtex([PaperInfo(ARXIV, "A", bib_key="mine")], {"mine": "@misc{mine,\n}"})
    assert text == "@misc{mine,\n}\n"


def test_entry_ids() -> None:
    assert entry_id({"doi": "10.1145/3442188.3445922"}) == PaperId("doi", "10.1145/3442188.3445922")
    assert entry_id({"eprint": "1706.03762", "archivePrefix": "arXiv"}) == ARXIV
    assert entry_id({"url": "https://arxiv.org/abs/1706.03762v3"}) == ARXIV
    assert entry_id({"title": "x"}) is None


def test_info_from_a_user_entry() -> None:
    data = parse_string(
        "@book{knuth84, title={The {\\TeX}book}, author={Knuth, Donald E.}, year=1984,"
        " publisher={Addison-Wesley}}",
        "bibtex",
    )
    info = info_from_entry("knuth84", data.entries["knuth84"])
    assert (info.title, info.authors, info.year, info.venue) == (
        "The TeXbook",
        ("Donald E. Knuth",),
        "1984",
        "Addison-Wesley",
    )
    assert info.id == PaperId("bib", "knuth84")


names = st.text(
    alphabet=st.characters(exclude_categories=["Cs", "Cc"]), min_size=1, max_size=40
).filter(lambda s: s.strip())


@settings(max_examples=150)
@given(title=names, authors=st.lists(names, max_size=3))
def test_round_trip_through_pybtex(title: str, authors: list[str]) -> None:
    info = PaperInfo(ARXIV, title, tuple(authors))
    entry = parse_string(to_bibtex([info]), "bibtex").entries["arxiv-1706.03762"]
    assert unescape(entry.fields["title"]) == " ".join(title.split())
    assert len(entry.persons.get("author", [])) == len(authors)
