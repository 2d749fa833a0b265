"""Any sequence of edits, built incrementally, gives what a clean build gives (SPEC §10).

Hypothesis drives adds, edits, retitles, renames and deletes of posts, tags,
lectures, citations, ``{post}``/``{lecture}`` links between posts and .bib
entries on a small journal (few days, so lecture labels collide and links
find, lose and regain their targets); after every step the incremental
output (pages, feeds, papers.bib, objects.inv) and its cross-reference and
duplicate-label warnings must equal a clean build of the same sources.
"""

from __future__ import annotations

import itertools
import re
import shutil
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import ROOTS

TAGS = ["8주차", "pytorch", "Level2-U-Stage", "시각화"]
PAPERS = [
    "https://arxiv.org/abs/1706.03762",
    "https://doi.org/10.1145/3442188.3445922",
    "https://arxiv.org/pdf/1810.04805v2.pdf",
]
BIB = (
    "@article{{vaswani2017, title={{{title}}}, author={{Vaswani, Ashish}}, year={{2017}},"
    " eprint={{1706.03762}}, archivePrefix={{arXiv}}}}\n"
)

DAYS = st.integers(1, 5)
VARIANTS = st.sampled_from(["", "revised"])

action = st.one_of(
    st.tuples(
        st.just("add"),
        DAYS,
        st.sampled_from(TAGS),
        st.sampled_from(PAPERS),
        st.booleans(),
        DAYS,
        VARIANTS,
    ),
    st.tuples(
        st.just("edit"),
        st.integers(0, 9),
        st.sampled_from(TAGS),
        st.sampled_from(PAPERS),
        st.booleans(),
        DAYS,
        VARIANTS,
    ),
    st.tuples(st.just("retitle"), st.integers(0, 9)),
    st.tuples(st.just("rename"), st.integers(0, 9), DAYS),
    st.tuples(st.just("delete"), st.integers(0, 9)),
    st.tuples(st.just("bib"), st.sampled_from(["Attention Is All You Need", "Attention"])),
)


def post_text(day: int, tag: str, paper: str, done: bool, link: int = 1, variant: str = "") -> str:
    """A day with a lecture labelled ``lec-<day>`` (a label two posts of one day share),
    linking the post of October ``link`` by its date and that day's lecture by its label."""
    return (
        f"---\ntitle: Day {day} {tag} {variant}\ntags: [{tag}]\n---\n\n# Day {day}\n\n"
        f"## 오늘 일정 정리\n\n- [{'x' if done else ' '}] Kim (KAIST) - Lecture {day}\n\n"
        f"## 강의 내용 정리\n\n:::{{lecture}} Lecture {day} {variant}\n:label: lec-{day}\n"
        f"Read [a paper]({paper}).\n:::\n\n"
        f"See {{post}}`2021-10-{link:02d}` and {{lecture}}`lec-{link}`.\n\n"
        f"## 회고\n\nDay {day} went well.\n"
    )


def apply(srcdir: Path, step: tuple[object, ...], counter: itertools.count[int]) -> None:
    posts = sorted((srcdir / "_posts").glob("*.md"))
    kind = step[0]
    if kind == "add":
        _, day, tag, paper, done, link, variant = step
        name = f"2021-10-{day:02d}-new{next(counter)}.md"
        (srcdir / "_posts" / name).write_text(
            post_text(day, tag, paper, done, link, variant),
            encoding="utf-8",  # type: ignore[arg-type]
        )
    elif kind == "bib":
        (srcdir / "refs.bib").write_text(BIB.format(title=step[1]), encoding="utf-8")
    elif posts:
        path = posts[int(step[1]) % len(posts)]  # type: ignore[call-overload]
        if kind == "edit":
            _, _, tag, paper, done, link, variant = step
            path.write_text(
                post_text(int(path.stem[8:10]), tag, paper, done, link, variant),  # type: ignore[arg-type]
                encoding="utf-8",
            )
        elif kind == "retitle":  # the post's and its lecture's titles; the label stays
            old = path.read_text(encoding="utf-8")
            new = re.sub(r"^(title: .*)$", r"\1 again", old, count=1, flags=re.M)
            new = re.sub(r"^(:::\{lecture\} .*)$", r"\1 again", new, count=1, flags=re.M)
            path.write_text(new, encoding="utf-8")
        elif kind == "rename":  # to another month: its date links now find another post
            path.rename(path.with_name(f"2021-11-{step[2]:02d}-moved{next(counter)}.md"))
        elif kind == "delete":
            path.unlink()


def outputs(outdir: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(outdir)): p.read_bytes()
        for p in sorted(outdir.rglob("*"))
        if p.is_file()
        and (p.suffix in (".html", ".xml", ".bib", ".txt") or p.name == "objects.inv")
        and "_static" not in p.parts
        and ".doctrees" not in p.parts
    }


@settings(
    max_examples=10,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=st.lists(action, min_size=1, max_size=3))
def test_incremental_equals_clean(tmp_path_factory, build, steps) -> None:
    tmp = tmp_path_factory.mktemp("prop")
    srcdir = tmp / "src"
    shutil.copytree(ROOTS / "test-sections", srcdir)
    (srcdir / "refs.bib").write_text(
        BIB.format(title="Attention Is All You Need"), encoding="utf-8"
    )
    overrides = {"bibtex_bibfiles": ["refs.bib"], "html_baseurl": "https://example.org/"}
    outdir = tmp / "incremental"
    build(srcdir, outdir=outdir, **overrides)
    counter = itertools.count()
    for number, step in enumerate(steps):
        apply(srcdir, step, counter)
        incremental = build(srcdir, outdir=outdir, freshenv=False, **overrides)
        fresh_src = tmp / f"fresh-{number}"
        shutil.copytree(srcdir, fresh_src)
        fresh = build(fresh_src, outdir=tmp / f"fresh-out-{number}", **overrides)
        got, want = outputs(incremental.outdir), outputs(fresh.outdir)
        assert set(got) == set(want), (steps[: number + 1], set(got) ^ set(want))
        for name in want:
            assert got.get(name) == want[name], (steps[: number + 1], name)
        assert link_warnings(incremental.warnings, srcdir) == link_warnings(
            fresh.warnings, fresh_src
        ), steps[: number + 1]


def link_warnings(text: str, srcdir: Path) -> list[str]:
    """The journal.xref and journal.lecture warnings, with the source folder left out."""
    text = re.sub(r"\x1b\[[0-9;]*m", "", text).replace(str(srcdir), "SRC")
    return sorted(
        line
        for line in text.splitlines()
        if "[journal.xref]" in line or "[journal.lecture]" in line
    )
