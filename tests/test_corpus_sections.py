"""``pytest --journal-corpus DIR -s``: section recognition measured against hand labels.

``DIR`` holds journals as ``DIR/<owner>+<name>/`` (or is one such journal).
``tests/corpus/sections-labels.toml`` says, for posts read by hand, which
sections each holds; the labelled posts of each journal are built (only
them, so the run stays short) and recall and precision are printed per
journal and kind. The labels are data only: paths and counts, no text.
"""

from __future__ import annotations

import shutil
import tomllib
from collections import Counter
from pathlib import Path

import pytest

from sphinx_journal.domain import journal_domain

LABELS = {
    "sample": Path(__file__).parent / "corpus" / "sections-labels.toml",
    "held out": Path(__file__).parent / "corpus" / "sections-labels-heldout.toml",
}
#: label key -> the domain store it is measured against
KINDS = {"r": "retrospectives", "p": "peer_sessions", "s": "schedules", "l": "lectures"}


@pytest.fixture
def corpus_root(request: pytest.FixtureRequest) -> Path:
    value = request.config.getoption("--journal-corpus")
    if not value:
        pytest.skip("no --journal-corpus DIR given")
    return Path(value).expanduser().resolve()


def _journals(root: Path, labels: dict[str, dict[str, dict[str, object]]]) -> list[Path]:
    if root.name in labels:
        return [root]
    return [root / name for name in labels if (root / name).is_dir()]


def _found(built: object, post: str) -> dict[str, object]:
    domain = journal_domain(built.app.env)  # type: ignore[attr-defined]
    docname = post.removesuffix(".md")
    schedules = domain.schedules.get(docname) or ()
    return {
        "r": int(bool(domain.retrospectives.get(docname))),
        "p": int(bool(domain.peer_sessions.get(docname))),
        "s": int(any(s.is_schedule for s in schedules)),
        "l": len(domain.lectures.get(docname) or ()),
        "t": [sum(s.done for s in schedules), sum(s.total for s in schedules)],
    }


@pytest.mark.parametrize("sample", list(LABELS))
def test_sections_against_labels(corpus_root: Path, tmp_path: Path, build, sample: str) -> None:
    labels = tomllib.loads(LABELS[sample].read_text(encoding="utf-8"))
    journals = _journals(corpus_root, labels)
    if not journals:
        pytest.skip(f"no labelled journal under {corpus_root}")
    report = []
    totals: Counter[str] = Counter()
    for journal in journals:
        posts = labels[journal.name]
        project = tmp_path / journal.name
        for post in posts:
            (project / post).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(journal / post, project / post)
        (project / "conf.py").write_text(
            'project = "Corpus"\nextensions = ["sphinx_journal"]\n'
            'journal_posts = ["_posts/**"]\nsuppress_warnings = ["myst", "image", "toc"]\n',
            encoding="utf-8",
        )
        (project / "index.md").write_text("# Corpus\n", encoding="utf-8")
        built = build(project)
        counts: Counter[str] = Counter()
        misses = []
        for post, want in posts.items():
            got = _found(built, post)
            for key in KINDS:
                expected, found = int(want[key]), int(got[key])  # type: ignore[call-overload]
                counts[f"{key}:hit"] += min(expected, found)
                counts[f"{key}:want"] += expected
                counts[f"{key}:got"] += found
                if expected != found:
                    misses.append(f"  {post}: {key} labelled {expected}, found {found}")
            done, total = want["t"]  # type: ignore[misc]
            counts["t:items"] += int(total)
            counts["t:counted"] += int(got["t"] == [done, total]) * int(total)  # type: ignore[comparison-overlap]
            if got["t"] != [done, total]:
                misses.append(f"  {post}: tasks labelled {[done, total]}, found {got['t']}")
        totals.update(counts)
        report.append(_line(journal.name, len(posts), counts))
        report.extend(misses)
    report.append(_line("all", sum(len(labels[j.name]) for j in journals), totals))
    text = "\n".join(report)
    name = sample.replace(" ", "-")
    Path(f"journal-corpus-sections-{name}.txt").write_text(text + "\n", encoding="utf-8")
    print(f"\n{sample}:\n{text}")


def _ratio(hit: int, of: int) -> str:
    return f"{hit / of:.2f}" if of else "  - "


def _line(name: str, posts: int, counts: Counter[str]) -> str:
    names = {"r": "retro", "p": "peer", "s": "schedule", "l": "lectures"}
    parts = [
        f"{names[k]} R {_ratio(counts[f'{k}:hit'], counts[f'{k}:want'])}"
        f" P {_ratio(counts[f'{k}:hit'], counts[f'{k}:got'])}"
        f" ({counts[f'{k}:want']}/{counts[f'{k}:got']})"
        for k in KINDS
    ]
    tasks = f"tasks {counts['t:counted']}/{counts['t:items']}"
    return f"{name} [{posts} posts]: " + "; ".join(parts) + "; " + tasks
