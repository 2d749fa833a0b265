"""Hostile values through the pure readers: front matter, names, links, BibTeX (hypothesis)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st
from pybtex.database import parse_string

from sphinx_journal.bibliography.bibtex import PaperInfo, to_bibtex
from sphinx_journal.jekyll import frontmatter
from sphinx_journal.jekyll.metadata import MAX_NAMES, read_meta
from sphinx_journal.jekyll.slugs import MAX_SLUG_BYTES, slugify
from sphinx_journal.pagenames import PagePaths
from sphinx_journal.pages.heatmap import year_weeks
from sphinx_journal.papers.identifiers import PaperId, safe_link
from sphinx_journal.records.weeks import week_of

#: Any text, lone surrogates and control characters included.
hostile_text = st.text(alphabet=st.characters(), max_size=300)
yaml_scalar = st.one_of(
    hostile_text.map(lambda s: '"' + s.encode("unicode_escape").decode().replace('"', r"\"") + '"'),
    st.sampled_from(
        ["2021-02-30", "2021-03-07 23:59:60", "9999-12-31", "0001-01-01", "!!binary aGk=", "~"]
    ),
)


@settings(max_examples=200, deadline=None)
@given(
    keys=st.lists(st.sampled_from(["title", "tags", "categories", "date", "x"]), max_size=4),
    values=st.lists(yaml_scalar, min_size=4, max_size=4),
    tail=hostile_text,
)
def test_front_matter_never_raises_and_keeps_only_writable_text(
    keys: list[str], values: list[str], tail: str
) -> None:
    text = "---\n" + "".join(f"{k}: {v}\n" for k, v in zip(keys, values, strict=False))
    text += "---\n" + tail
    front, _ = frontmatter.load(text)
    meta, _ = read_meta(front, "2021-01-01-x")
    for value in (meta.title, *meta.tags, *meta.categories):
        if value:
            value.encode("utf-8")  # no lone surrogate is left to crash a writer
            assert not any(ord(c) < 32 and c not in "\t\n" for c in value)
    frontmatter.neutralize(text).encode("utf-8", "surrogatepass")


def test_alias_bomb_is_refused_in_linear_time() -> None:
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for name, previous in zip("bcdefghi", "abcdefgh", strict=True):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
    front, problems = frontmatter.load("---\n" + "\n".join(lines) + "\n---\nbody\n")
    assert front is None and "YAML aliases" in problems[0].message


def test_a_recursive_alias_is_refused() -> None:
    front, problems = frontmatter.load("---\na: &a [*a]\n---\n")
    assert front is None and problems


def test_thousands_of_tags_are_capped_with_a_warning() -> None:
    tags = ", ".join(f"t{i}" for i in range(5000))
    front, _ = frontmatter.load(f"---\ntags: [{tags}]\n---\n")
    meta, problems = read_meta(front, "2021-01-01-x")
    assert len(meta.tags) == MAX_NAMES and problems[0].subtype == "tag" and problems[0].line == 2


@settings(max_examples=300)
@given(name=hostile_text)
def test_slugs_are_file_names(name: str) -> None:
    slug = slugify(name)
    assert slug and "/" not in slug and "\\" not in slug and not slug.startswith(".")
    assert len(slug.encode("utf-8", "surrogatepass")) <= MAX_SLUG_BYTES
    assert PagePaths("journal").tag(slug) != PagePaths("journal").tags


def test_long_names_stay_distinct() -> None:
    assert slugify("가" * 90) != slugify("가" * 91)
    assert len(slugify("a" * 252).encode()) <= MAX_SLUG_BYTES


@settings(max_examples=300)
@given(url=hostile_text)
def test_only_http_links_survive(url: str) -> None:
    link = safe_link(url)
    if link is not None:
        assert link.lower().startswith(("http://", "https://"))
        assert not any(c in link for c in '"<>{}\\ \n\r\t`')


def test_safe_links() -> None:
    assert safe_link("javascript:alert(1)") is None
    assert safe_link(" JaVaScRiPt:alert(1)") is None
    assert safe_link("data:text/html,x") is None
    assert safe_link("../../etc/passwd") is None
    assert safe_link("doi:10.1145/1") == "https://doi.org/10.1145/1"
    assert safe_link("https://x.org/a}b") == "https://x.org/a%7Db"


#: Paper fields come from decoded UTF-8 (.bib, post bodies) or cleaned front matter:
#: every character but a lone surrogate.
field_text = st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=200)


@settings(max_examples=150)
@given(title=field_text, value=field_text, author=field_text)
def test_papers_bib_fields_cannot_be_injected(title: str, value: str, author: str) -> None:
    papers = [
        PaperInfo(PaperId("doi", value or "x"), title or "t", (author or "a",), "2021", title),
        PaperInfo(PaperId("arxiv", value or "x"), title or "t"),
    ]
    allowed = {"title", "author", "year", "journal", "eprint", "archiveprefix", "doi", "url"}
    text = to_bibtex(papers).encode("utf-8", "surrogatepass").decode("utf-8", "replace")
    entries = parse_string(text, "bibtex").entries
    assert len(entries) == len({p.id.key for p in papers})
    for entry in entries.values():
        assert {name.lower() for name in entry.fields} <= allowed


def test_calendar_and_weeks_at_the_calendar_edges() -> None:
    for year in (dt.MINYEAR, dt.MAXYEAR):
        weeks = year_weeks(year, {})
        days = [cell.date for column in weeks for cell in column if cell is not None]
        assert days[0] == dt.date(year, 1, 1) and days[-1] == dt.date(year, 12, 31)
    for offset in range(7):  # one of these course starts puts week 1 of 0001 before the calendar
        start = dt.date(2021, 1, 4) + dt.timedelta(days=offset)
        assert week_of(dt.date(1, 1, 1), start, "W{n}").start <= dt.date(1, 1, 7)
    assert week_of(dt.date(9999, 12, 31), dt.date(2021, 1, 5), "W{n}").label.startswith("W")
