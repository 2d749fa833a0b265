"""Posts nested deeper than a page can show keep every line, under html, text and LaTeX.

The root ``test-nesting`` holds lists 10, 30, 60 and 200 levels deep, quotes
and notes 40 deep, and notes 300 deep (deeper than MyST can render). Each
line is marked (``L30x17`` is line 17 of the 30-level list), so the tests
check that every one reaches the output, and that only the 10-level list is
shown without a ``journal.nesting`` warning.
"""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree.ElementTree import Element

import pytest

from sphinx_journal.posts.nesting import MAX_DEPTH
from tests.htmlutil import main, parse

#: Each list's post, by depth.
LISTS = {
    10: "2021-01-10-list-10",
    30: "2021-01-11-list-30",
    60: "2021-01-12-list-60",
    200: "2021-01-13-list-200",
}
_BLOCKS = {"ul", "ol", "blockquote", "dl"}


def _markers(n: int) -> list[str]:
    return [f"L{n}x{i}" for i in range(1, n + 1)]


def _depth(element: Element) -> int:
    """How many lists, quotes and boxes nest inside ``element`` at most."""
    below = max((_depth(child) for child in element), default=0)
    classes = (element.get("class") or "").split()
    counts = element.tag in _BLOCKS or "admonition" in classes
    return below + counts


def _outputs(built, buildername: str) -> dict[str, str]:
    suffix = {"html": ".html", "text": ".txt", "latex": ".tex"}[buildername]
    found = {
        path.name: path.read_text(encoding="utf-8")
        for path in Path(built.outdir).rglob(f"*{suffix}")
        if ".doctrees" not in path.parts
    }
    # LaTeX writes hyphens as macros, in text and in verbatim code
    return {
        name: text.replace("\\sphinxhyphen{}", "-").replace("\\PYGZhy{}", "-")
        for name, text in found.items()
    }


def _warned(warnings: str, post: str, line: int) -> bool:
    pattern = rf"_posts/{re.escape(post)}\.md:{line}: WARNING: .*\[journal\.nesting\]"
    return re.search(pattern, warnings) is not None


@pytest.mark.parametrize("buildername", ["html", "text", "latex"])
def test_every_line_of_a_deep_post_survives_with_a_located_warning(
    copy_root, build, buildername: str
) -> None:
    built = build(copy_root("nesting"), buildername)
    warnings = built.warnings
    assert "Traceback" not in warnings and "Recursion" not in warnings
    outputs = _outputs(built, buildername)
    everything = "\n".join(outputs.values())
    for n, post in LISTS.items():
        # LaTeX writes one book; the others a page per post
        text = (
            everything
            if buildername == "latex"
            else outputs[f"{post}{Path(next(iter(outputs))).suffix}"]
        )
        missing = [marker for marker in _markers(n) if marker not in text]
        assert missing == [], (n, missing[:5])
        assert f"AFTER-list-{n} stays." in text
    for kept in ("Q40 deepest", "N1", "N40", "N-inner", "D-inner"):
        assert kept in everything, kept
    for after in ("quotes-40", "notes-40", "notes-300"):
        assert f"AFTER-{after} stays." in everything, after
    # the 10-level list is shown as it is; deeper posts say where they were unnested
    assert "2021-01-10-list-10.md" not in warnings
    for n in (30, 60, 200):  # line 7 is the first item: the warning names the 11th
        assert _warned(warnings, LISTS[n], 7 + MAX_DEPTH), n
    assert _warned(warnings, "2021-02-01-quotes-40", 7)
    assert _warned(warnings, "2021-02-02-notes-40", 7 + 3 * MAX_DEPTH)
    # too deep for MyST: the post is its source text, from its first line on
    assert re.search(r"2021-02-03-notes-300\.md:5: WARNING: the post nests blocks deeper", warnings)


def test_html_nests_no_deeper_than_the_limit_and_latex_compiles_its_lists(copy_root, build) -> None:
    html = build(copy_root("nesting"), "html")
    for name in ("2021-01-10-list-10", "2021-01-13-list-200", "2021-02-01-quotes-40"):
        body = main(parse(html.page(f"_posts/{name}.html")))
        assert _depth(body) == (10 if name.endswith("list-10") else MAX_DEPTH), name
    latex = build(copy_root("nesting", "src-latex"), "latex")
    tex = "\n".join(_outputs(latex, "latex").values())
    depth = deepest = 0
    for found in re.finditer(r"\\(begin|end)\{(itemize|enumerate|quote|description)\}", tex):
        depth += 1 if found[1] == "begin" else -1
        deepest = max(deepest, depth)
    assert deepest <= MAX_DEPTH  # Sphinx's maxlistdepth
