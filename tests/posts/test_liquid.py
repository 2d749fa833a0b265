"""Liquid and kramdown leftovers, carried over line for line."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from sphinx_journal.posts.liquid import convert


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


def test_kramdown_attribute_lines_removed_silently() -> None:
    text, problems = convert("* a\n{:toc}\ntext\n{: .notice--info}\n")
    assert text == "* a\n\ntext\n\n"
    assert problems == []


@given(st.text(max_size=300))
def test_line_count_is_always_kept(text: str) -> None:
    converted, problems = convert(text)
    assert converted.count("\n") == text.count("\n")
    assert all(p.subtype == "liquid" and p.line is not None for p in problems)
