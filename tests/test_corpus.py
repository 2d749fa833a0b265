"""``pytest --journal-corpus DIR``: build any Jekyll journal and report its warnings per type.

Users run this on their own journal: every post must get a page, the build
must finish, and every warning must be located and typed. The counts per
warning type are printed (``-s``) and written to ``journal-corpus-report.txt``.
"""

from __future__ import annotations

import collections
import re
import shutil
from pathlib import Path

import pytest

WARNING = re.compile(
    r"^(?P<file>[^\n]*?):(?P<line>\d+)?:? ?WARNING: .*?(?:\[(?P<type>[\w.-]+)\])?$"
)


@pytest.fixture
def corpus(request: pytest.FixtureRequest) -> Path:
    value = request.config.getoption("--journal-corpus")
    if not value:
        pytest.skip("no --journal-corpus DIR given")
    path = Path(value).expanduser().resolve()
    posts = path / "_posts" if (path / "_posts").is_dir() else path
    if not any(posts.rglob("*.md")):
        pytest.fail(f"no Markdown posts under {posts}")
    return posts


def count_by_type(warnings: str) -> collections.Counter[str]:
    counts: collections.Counter[str] = collections.Counter()
    for line in re.sub(r"\x1b\[[0-9;]*m", "", warnings).splitlines():
        match = WARNING.match(line)
        if match:
            counts[match["type"] or "untyped"] += 1
    return counts


def test_journal_corpus(corpus: Path, tmp_path: Path, build) -> None:
    project = tmp_path / "journal"
    site = corpus.parent
    if corpus.name == "_posts":  # the whole site, so that its images and files resolve
        shutil.copytree(
            site,
            project,
            ignore=shutil.ignore_patterns(
                "_site", ".git", "node_modules", "vendor", ".jekyll-cache", "conf.py"
            ),
        )
    else:
        shutil.copytree(corpus, project / "_posts")
    bibs = site / "_bibliography"
    bibfiles = (
        sorted(f"_bibliography/{p.name}" for p in bibs.glob("*.bib")) if bibs.is_dir() else []
    )
    if bibfiles and not (project / "_bibliography").is_dir():
        shutil.copytree(bibs, project / "_bibliography")
    (project / "conf.py").write_text(
        'project = "Corpus"\nextensions = ["sphinx_journal"]\n'
        'journal_posts = ["_posts/**"]\ninclude_patterns = ["_posts/**", "index.md"]\n'
        f"bibtex_bibfiles = {bibfiles!r}\n",
        encoding="utf-8",
    )
    (project / "index.md").write_text("# Corpus\n", encoding="utf-8")
    built = build(project)
    counts = count_by_type(built.warnings)
    posts = sorted(p for p in (project / "_posts").rglob("*.md"))
    report = [f"posts: {len(posts)}", *(f"{kind}: {n}" for kind, n in counts.most_common())]
    Path("journal-corpus-report.txt").write_text("\n".join(report) + "\n", encoding="utf-8")
    print("\n".join(report))
    missing = [
        p
        for p in posts
        if not (built.outdir / p.relative_to(project).with_suffix(".html")).is_file()
    ]
    assert missing == [], "posts without a page"
    assert built.app.statuscode == 0
    assert "Traceback" not in built.warnings
