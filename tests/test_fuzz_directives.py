"""Fuzzing directive options and post text: no traceback, no lost post, every problem located.

Each example is a real build of a post whose front matter, directive
options and body text are drawn by hypothesis.
"""

from __future__ import annotations

import re
import shutil

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import ROOTS

printable = st.text(
    alphabet=st.characters(exclude_categories=["Cs", "Cc"], exclude_characters="\n\r`:"),
    max_size=20,
)
WARNING = re.compile(r"^(?P<where>[^\s]+):(?P<line>\d+): WARNING: .*\[(?P<type>[\w.]+)\]$")


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
    assert built.page("_posts/2021-09-24-fuzz.html")
    for line in re.sub(r"\x1b\[[0-9;]*m", "", built.warnings).splitlines():
        if "journal." in line:
            assert WARNING.match(line), line
