"""A messy real-world journal under all six builders (SPEC §10)."""

from __future__ import annotations

import pytest

from tests.buildutil import warning_types
from tests.htmlutil import by_class, links, main, one, parse, resolve, text

ODD = "_posts/2021 week 38/2021-09-20-what? a day"


def journal_warnings(warnings: str) -> list[str]:
    return [kind for kind in warning_types(warnings) if kind.startswith("journal.")]


def test_messy_posts_in_html(copy_root, build) -> None:
    built = build(copy_root("messy"))
    assert journal_warnings(built.warnings) == ["journal.date"]  # 2021-09-21 vs the file name
    assert built.warnings.count("WARNING") == 1
    page = built.page(ODD + ".html")
    body = main(parse(page))
    hrefs = dict(links(body))
    assert resolve(page, hrefs["next"]) == built.page("_posts/2021-09-22-emoji.html").resolve()
    [image] = list(body.iter("img"))
    assert resolve(page, image.get("src") or "").is_file()
    assert {"nested", "list", "8주차"} <= set(hrefs)  # tags given as nested lists
    assert "\\(x | y\\)" in [text(m) for m in by_class(body, "math", "span")]
    emoji = main(parse(built.page("_posts/2021-09-22-emoji.html")))
    assert [text(b) for b in by_class(emoji, "journal-progress-label")] == ["1 / 1 done"]
    home = main(parse(built.page("journal/index.html")))
    excerpts = [text(e) for e in by_class(home, "journal-excerpt")]
    assert "Intro paragraph for the excerpt." in excerpts
    # a post of a checklist and links has no prose: no excerpt rather than a task or a box
    [emoji_card] = [
        item for item in by_class(home, "journal-post-item") if "Emoji day" in text(item)
    ]
    assert not by_class(emoji_card, "journal-excerpt")
    assert not any("family emoji item" in e for e in excerpts)
    assert "A very long post" in text(one(home, "journal-post-list"))


@pytest.mark.parametrize("buildername", ["dirhtml", "singlehtml", "epub", "latex", "text"])
def test_every_builder(copy_root, build, buildername: str) -> None:
    built = build(copy_root("messy"), buildername)
    assert journal_warnings(built.warnings) == ["journal.date"]
    assert built.warnings.count("WARNING") == 1
    written = "".join(
        path.read_text(encoding="utf-8", errors="replace")
        for path in built.outdir.rglob("*")
        if path.suffix in {".html", ".xhtml", ".tex", ".txt"}
    )
    for title in ("What? A day", "Emoji day", "A very long post"):  # every post, by its title
        assert title in written, (buildername, title)
