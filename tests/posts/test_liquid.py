"""Liquid and kramdown leftovers, carried over line for line."""

from __future__ import annotations

import time

from hypothesis import given
from hypothesis import strategies as st

from sphinx_journal.jekyll.liquid import TOC_MARKER, convert


def test_raw_tags_removed_content_kept_without_warning() -> None:
    text, problems = convert("a {% raw %}{{ site.url }}{% endraw %} b")
    assert text == "a {{ site.url }} b"
    assert problems == []


def test_raw_across_lines() -> None:
    text, problems = convert("{% raw %}\n{{ x }}\n{% endraw %}\n{{ y }}", first_line=10)
    assert text == "\n{{ x }}\n\n{{ y }}"
    assert [(p.subtype, p.line) for p in problems] == [("liquid", 13)]


def test_highlight_becomes_a_code_block() -> None:
    text, problems = convert("{% highlight python linenos %}\nx = {{ a }}\n{% endhighlight %}\n")
    assert text.split("\n")[:3] == ["```python", "x = {{ a }}", "```"]
    assert problems == []


def test_other_liquid_is_kept_and_warned_at_its_line() -> None:
    text, problems = convert(
        "line\n![img]({{ site.url }}/a.png) {% include note.html %}", first_line=9
    )
    assert text == "line\n![img]({{ site.url }}/a.png) {% include note.html %}"
    assert [(p.subtype, p.line) for p in problems] == [("liquid", 10), ("liquid", 10)]
    assert "{{ site.url }}" in problems[0].message


def test_liquid_in_code_is_not_warned() -> None:
    text, problems = convert("```\n{% if x %}\n```\n`{{ inline }}`\n~~~~\n{{ y }}\n~~~~")
    assert problems == []
    assert "{% if x %}" in text


def test_kramdown_attribute_lists_removed_wherever_they_stand() -> None:
    text, problems = convert(
        '* a\n{:toc}\ntext\n{: .notice--info}\n![x](a.png){:width="5"} `{:kept}`'
    )
    assert text == f"{TOC_MARKER}\n\ntext\n\n![x](a.png) `{{:kept}}`"
    assert problems == []


def test_double_dollar_pairs_lazily_within_a_paragraph() -> None:
    text, _ = convert("두 직선 $$l$$과 $$l'$$의 교차점$$P$$가\n\n$$\nx^2\n$$\n\ntext\n$$\ny\n$$")
    lines = text.split("\n")
    assert lines[0] == "두 직선 {math}`l`과 {math}`l'`의 교차점{math}`P`가"
    assert lines[2:5] == ["$$", "x^2", "$$"]  # alone in its paragraph: display
    assert lines[6:] == ["text", "{math}`", "y", "`"]  # after a text line: inline, as kramdown


def test_double_dollar_in_code_or_escaped_is_not_math() -> None:
    text, _ = convert("`$$a$$` and \\$$b$$ c\n```\n$$d$$\n```")
    assert text.split("\n")[0].startswith("`$$a$$` and \\$$b")
    assert "$$d$$" in text


def test_site_outputs_filters_and_tags_resolve() -> None:
    def resolve(kind: str, argument: str) -> str | None:
        return {
            "root": "../",
            "link": f"L:{argument}",
            "post_url": f"P:{argument}",
            "site": "Title" if argument == "title" else None,
        }.get(kind)

    text, problems = convert(
        '<img src="{{ site.url }}{{ site.baseurl }}/a.png"> {{ "/b.pdf" | relative_url }} '
        "{% link _posts/a b.md %} {% post_url 2021-1-2-x %} {{ site.title }} "
        '{% include figure.liquid path="assets/c.png" alt="C" %}',
        resolve=resolve,
    )
    assert text == (
        '<img src="../a.png"> ../b.pdf L:_posts/a b.md P:2021-1-2-x Title ![C](../assets/c.png)'
    )
    assert problems == []


def test_site_root_before_a_link_tag_is_the_tag_alone() -> None:
    def resolve(kind: str, argument: str) -> str | None:
        return {"root": "../", "post_url": "x.md"}.get(kind)

    text, _ = convert("[a]({{ site.baseurl }}{% post_url 2017-06-21-x %}#part)", resolve=resolve)
    assert text == "[a](x.md#part)"


def test_comments_removed_and_backslash_paths_forward() -> None:
    text, problems = convert("{% comment %}\nhidden {{ x }}\n{% endcomment %}\n![a](img\\b.png)")
    assert text == "\n\n\n![a](img/b.png)" and problems == []


@given(st.text(max_size=300))
def test_line_count_is_always_kept(text: str) -> None:
    converted, problems = convert(text)
    assert converted.count("\n") == text.count("\n")
    assert all(p.subtype == "liquid" and p.line is not None for p in problems)


def test_kramdown_and_liquid_in_linear_time() -> None:
    for line in ("$$a " * 65536, "{{ a " * 52428, "`" * 3 + "x`" * 100000, "{:a " * 65536):
        started = time.perf_counter()
        convert("text " + line)
        assert time.perf_counter() - started < 2, line[:8]
