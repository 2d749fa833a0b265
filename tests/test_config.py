"""``journal_*`` values are validated field by field: a wrong type is a warning, never a guess."""

from __future__ import annotations

import pytest

from sphinx_journal.config import JournalConfig, validate
from tests.buildutil import warnings_of
from tests.htmlutil import by_class, main, parse, text

BAD_VALUES = {
    "journal_drafts": "false",
    "journal_jekyll_redirects": "no",
    "journal_posts": 5,
    "journal_feed_length": "20",
    "journal_recent_posts": True,
    "journal_words_per_minute": 0,
    "journal_sections": ["schedule"],
    "journal_base_url": ["https://x"],
    "journal_path": "../outside",
    "journal_week_label": "Week {m}",
    "journal_course_start": "yesterday",
    "journal_lecture_pattern": "(?P<speaker>.+",
    "journal_paper_patterns": {"https://x/(.+)": "arxiv"},
}


def titles_on(page) -> list[str]:
    return [text(el) for el in by_class(main(parse(page)), "journal-post-title")]


def with_conf(srcdir, **values: object):
    """``srcdir`` with ``values`` set in its ``conf.py``, as a user writes them."""
    with (srcdir / "conf.py").open("a", encoding="utf-8") as conf:
        for name, value in values.items():
            conf.write(f"{name} = {value!r}\n")
    return srcdir


@pytest.mark.parametrize("value", ["false", "no", "False", "0", ""])
def test_a_string_is_never_taken_for_a_boolean(copy_root, build, value: str) -> None:
    built = build(with_conf(copy_root("basic"), journal_drafts=value))
    assert "Unfinished thoughts" not in titles_on(built.page("journal/index.html"))
    assert not (built.outdir / "journal/tags/secret.html").exists()
    assert f"journal_drafts = {value!r} is not usable (expected True or False" in built.warnings
    assert "[journal.config]" in built.warnings


def test_every_bad_field_warns_once_and_the_rest_still_applies(copy_root, build) -> None:
    built = build(with_conf(copy_root("basic"), journal_title="Kept title", **BAD_VALUES))
    warned = [
        w.message.split(" = ", 1)[0]
        for w in warnings_of(built.warnings)
        if w.type == "journal.config" and " is not usable " in w.message
    ]
    assert sorted(warned) == sorted(BAD_VALUES)
    home = parse(built.page("journal/index.html"))
    assert "Kept title" in "".join(home.itertext())  # a good value next to bad ones applies
    assert titles_on(built.page("journal/index.html"))  # default journal_posts: posts listed


def test_every_field_declares_a_validator_that_accepts_its_default() -> None:
    defaults = JournalConfig()
    for field in JournalConfig.__dataclass_fields__.values():
        assert callable(field.metadata.get("validator")), field.name
        value, problem = validate(field.name, getattr(defaults, field.name))
        assert problem is None and value == getattr(defaults, field.name), field.name


def test_real_booleans_and_numbers_pass() -> None:
    assert validate("drafts", True) == (True, None)
    assert validate("feed_length", 5) == (5, None)
    assert validate("posts", "notes/*") == (("notes/*",), None)
    assert validate("feed_length", 5.0)[1] == "expected a whole number, not float"
