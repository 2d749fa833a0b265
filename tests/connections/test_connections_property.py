"""Any sequence of edits to links, series and shared papers, built incrementally, gives
what a clean build gives (SPEC §10, §11)."""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.conftest import ROOTS
from tests.test_incremental_property import outputs

PAPERS = ["https://arxiv.org/abs/1706.03762", "https://arxiv.org/abs/2010.11929", ""]
LINKS = ["post", "md", "post_url", "jekyll", ""]
SERIES = ["Transformers", "Vision", ""]

action = st.one_of(
    st.tuples(
        st.just("add"),
        st.integers(1, 28),
        st.sampled_from(LINKS),
        st.integers(0, 9),
        st.sampled_from(PAPERS),
        st.sampled_from(SERIES),
        st.integers(0, 3),
    ),
    st.tuples(
        st.just("edit"),
        st.integers(0, 9),
        st.sampled_from(LINKS),
        st.integers(0, 9),
        st.sampled_from(PAPERS),
        st.sampled_from(SERIES),
        st.integers(0, 3),
    ),
    st.tuples(st.just("delete"), st.integers(0, 9)),
)


def link(kind: str, target: Path) -> str:
    stem = target.stem
    if kind == "post":
        return f"{{post}}`_posts/{stem}`"
    if kind == "md":
        return f"[there]({target.name})"
    if kind == "post_url":
        return f"[there]({{% post_url {stem} %}})"
    if kind == "jekyll":
        return f"[there](/{stem[:4]}/{stem[5:7]}/{stem[8:10]}/{stem[11:]}.html)"
    return ""


def post_text(day: int, link_text: str, paper: str, series: str, order: int) -> str:
    front = f"---\ntitle: Day {day}\ntags: [t{day % 3}]\n"
    if series:
        front += f"series: {series}\n" + (f"series_order: {order}\n" if order else "")
    body = f"---\n\nFirst paragraph of day {day}.\n\n## 오늘 일정 정리\n\n- [ ] task {day % 4}\n\n"
    if link_text:
        body += f"See {link_text}.\n\n"
    if paper:
        body += f"Read [a paper]({paper}).\n"
    return front + body


def apply(srcdir: Path, step: tuple[object, ...], counter: itertools.count[int]) -> None:
    posts = sorted((srcdir / "_posts").glob("*.md"))
    kind = step[0]
    if kind == "delete":
        if posts:
            posts[int(step[1]) % len(posts)].unlink()  # type: ignore[call-overload]
        return
    _, where, link_kind, target, paper, series, order = step
    to = posts[int(target) % len(posts)] if posts else None  # type: ignore[call-overload]
    text = link(str(link_kind), to) if to is not None else ""
    if kind == "add":
        day = int(where)  # type: ignore[call-overload]
        path = srcdir / "_posts" / f"2021-10-{day:02d}-new{next(counter)}.md"
    elif posts:
        path = posts[int(where) % len(posts)]  # type: ignore[call-overload]
        day = int(path.stem[8:10])
    else:
        return
    if to == path:
        text = ""
    path.write_text(
        post_text(day, text, str(paper), str(series), int(order)),  # type: ignore[call-overload]
        encoding="utf-8",
    )


@settings(
    max_examples=5,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=st.lists(action, min_size=1, max_size=3))
# a {post} role to a date whose post is deleted: the linking page must lose its link
@example(steps=[("add", 1, "post", 0, PAPERS[0], "Transformers", 0), ("delete", 2)])
def test_incremental_equals_clean(tmp_path_factory, build, steps) -> None:
    tmp = tmp_path_factory.mktemp("connections-prop")
    srcdir = tmp / "src"
    shutil.copytree(ROOTS / "test-connections", srcdir)
    outdir = tmp / "incremental"
    build(srcdir, outdir=outdir)
    counter = itertools.count()
    for number, step in enumerate(steps):
        apply(srcdir, step, counter)
        incremental = build(srcdir, outdir=outdir, freshenv=False)
        fresh_src = tmp / f"fresh-{number}"
        shutil.copytree(srcdir, fresh_src)
        fresh = build(fresh_src, outdir=tmp / f"fresh-out-{number}")
        got, want = outputs(incremental.outdir), outputs(fresh.outdir)
        stale = {name for name in set(got) - set(want) if not name.startswith("_posts/")}
        assert stale == set(), (steps, stale)
        for name in want:
            assert got.get(name) == want[name], (steps[: number + 1], name)
