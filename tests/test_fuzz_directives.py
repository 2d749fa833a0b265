"""Fuzzing directive options and post text: no traceback, no lost post, every problem located.

Each example is a real build of a post whose front matter, directive
options and body text are drawn by hypothesis.
"""

from __future__ import annotations

import shutil

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.buildutil import warnings_of
from tests.conftest import ROOTS

printable = st.text(
    alphabet=st.characters(exclude_categories=["Cs", "Cc"], exclude_characters="\n\r`:"),
    max_size=20,
)


@settings(
    max_examples=15,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    title=printable,
    tag=printable,
    rating=printable,
    date=printable,
    speaker=printable,
    label=printable,
    body=printable,
    fmt=printable,
    limit=printable,
)
def test_hostile_directives_and_front_matter(
    tmp_path_factory, build, title, tag, rating, date, speaker, label, body, fmt, limit
) -> None:
    srcdir = tmp_path_factory.mktemp("fuzz") / "src"
    shutil.copytree(ROOTS / "test-warnings", srcdir)
    for extra in srcdir.glob("_posts/*.md"):
        extra.unlink()
    post = srcdir / "_posts" / "2021-09-24-fuzz.md"
    post.write_text(
        "---\n"
        f"title: {title!r}\n"
        f"tags: [{tag!r}]\n"
        "---\n\n"
        "# Fuzz\n\n"
        f":::{{schedule}} {date}\n- [x] {body}\n:::\n\n"
        f":::{{lecture}} {title}\n:speaker: {speaker}\n:label: {label}\n{body}\n:::\n\n"
        f":::{{retrospective}}\n:rating: {rating}\n{body}\n:::\n\n"
        f"```{{journal-posts}}\n:format: {fmt}\n:limit: {limit}\n```\n",
        encoding="utf-8",
    )
    built = build(srcdir)
    assert built.app.statuscode == 0
    assert "Traceback" not in built.warnings and "Exception" not in built.warnings
    assert "<h1>" in built.page("_posts/2021-09-24-fuzz.html").read_text(encoding="utf-8")
    journal = [w for w in warnings_of(built.warnings) if (w.type or "").startswith("journal.")]
    assert len(journal) == built.warnings.count("[journal.")  # every one is a warning line
    for warned in journal:
        assert warned.path.endswith(".md") and warned.line is not None, warned
