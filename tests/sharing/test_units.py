"""The pure parts of sharing: card tags, their escaping, and journal_comments' checks."""

from __future__ import annotations

import json

import html5lib

from sphinx_journal.sharing.cards import (
    Card,
    card_tags,
    missing_tags,
    og_locale,
    present_keys,
    render_tags,
)
from sphinx_journal.sharing.comments import parse_comments, widget_html

GISCUS = {"repo": "octo/journal", "repo_id": "R_1", "category_id": "DIC_1"}


def meta_of(markup: str) -> list[tuple[str, str]]:
    root = html5lib.parse(f"<head>{markup}</head>", namespaceHTMLElements=False)
    return [
        (el.get("property") or el.get("name") or "", el.get("content") or "")
        for el in root.iter("meta")
    ]


def test_hostile_values_survive_escaping_exactly() -> None:
    title = "Tom & Jerry: \"quotes\" <b>x</b> &amp; 'single' &copy 2021"
    card = Card(title=title, type="article", description='<script>alert("x")</script>')
    parsed = dict(meta_of(render_tags(card_tags(card))))
    assert parsed["og:title"] == parsed["twitter:title"] == title
    assert parsed["og:description"] == '<script>alert("x")</script>'
    assert "<script>" not in render_tags(card_tags(card))


def test_article_tags_only_on_articles() -> None:
    article = dict(
        meta_of(
            render_tags(card_tags(Card("a", "article", published="2021-09-24", tags=("x", "y"))))
        )
    )
    assert article["article:published_time"] == "2021-09-24"
    website = [key for key, _ in meta_of(render_tags(card_tags(Card("a", tags=("x",)))))]
    assert not [key for key in website if key.startswith("article:")]
    assert "og:url" not in website  # no base URL: no relative og:url


def test_tags_already_present_are_left_out() -> None:
    present = present_keys('<meta property="og:title" content="x">\n<meta name="Twitter:Card">')
    assert present == {"og:title", "twitter:card"}
    kept = {key for _, key, _ in missing_tags(card_tags(Card("a")), present)}
    assert "og:title" not in kept and "twitter:card" not in kept and "og:type" in kept


def test_locale_from_language() -> None:
    likely = {"ko": "ko_Kore_KR", "en": "en_Latn_US"}
    assert og_locale("ko", likely) == "ko_KR"
    assert og_locale("en_GB", likely) == "en_GB"
    assert og_locale("xx", likely) == "" and og_locale(None, likely) == ""


def test_giscus_settings_in_any_spelling_with_defaults() -> None:
    settings = {
        "data-repo": "octo/journal",
        "repo-id": "R_1",
        "category_id": "DIC_1",
        "strict": True,
        "theme_dark": "dark_dimmed",
    }
    comments, problems = parse_comments({"giscus": settings}, "ko")
    assert problems == [] and comments is not None
    attributes = dict(comments.attributes)
    assert attributes["data-repo"] == "octo/journal" and attributes["data-strict"] == "1"
    assert attributes["data-mapping"] == "pathname" and attributes["data-lang"] == "ko"
    assert (comments.theme_light, comments.theme_dark) == ("light", "dark_dimmed")


def test_utterances_settings() -> None:
    comments, problems = parse_comments(
        {"utterances": {"repo": "octo/journal", "label": "comments"}}, "en"
    )
    assert problems == [] and comments is not None
    assert dict(comments.attributes) == {
        "repo": "octo/journal",
        "issue-term": "pathname",
        "label": "comments",
    }
    assert (comments.theme_light, comments.theme_dark) == ("github-light", "github-dark")


def test_bad_settings_are_problems() -> None:
    for value, message in (
        ("a string", "journal_comments must be a mapping"),
        ({"disqus": {}}, "one key, 'giscus' or 'utterances'"),
    ):
        comments, problems = parse_comments(value, None)
        assert comments is None and message in problems[0]
    comments, problems = parse_comments({"giscus": {**GISCUS, "repo": "not a repo"}}, None)
    assert comments is None and "owner/name" in problems[0]
    comments, problems = parse_comments({"giscus": {"repo": "a/b"}}, None)
    assert comments is None and "lacks repo_id, category_id" in problems[0]
    comments, problems = parse_comments({"giscus": {**GISCUS, "mapping": "specific"}}, None)
    assert comments is None and "needs a term" in problems[0]
    comments, problems = parse_comments(
        {"giscus": {**GISCUS, "input_position": "left", "colour": "red", "theme": "a b"}}, None
    )
    assert comments is not None and len(problems) == 3
    assert dict(comments.attributes)["data-input-position"] == "bottom"
    assert parse_comments({}, None) == (None, [])


def test_widget_values_escaped() -> None:
    comments, _ = parse_comments(
        {"giscus": {**GISCUS, "category": '"><script>alert(1)</script>'}}, None
    )
    assert comments is not None
    markup = widget_html(comments, "Comments <&>", "wait")
    assert "<script>" not in markup
    root = html5lib.parse(markup, namespaceHTMLElements=False)
    box = next(el for el in root.iter("div") if el.get("data-provider") == "giscus")
    assert json.loads(box.get("data-attributes") or "")["data-category"] == (
        '"><script>alert(1)</script>'
    )
