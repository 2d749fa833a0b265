"""``check`` prints exactly the journal warnings ``sphinx-build`` gives, on a messy journal."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from sphinx_journal.cli import main
from tests.htmlutil import by_class, one, parse, text
from tests.htmlutil import main as main_content

POSTS = {
    "2021-01-01-xref.md": "---\ntitle: X\n---\n\nSee {post}`2020-01-01` and {lecture}`nothing`.\n",
    "2021-01-02-label.md": ":::{lecture} Same\n:label: twice\nA.\n:::\n",
    "2021-01-03-label.md": ":::{lecture} Same again\n:label: twice\nB.\n:::\n",
    "2021-01-04-link.md": "Up: {% link ../conf.py %} and {% post_url 2020-01-01-none %}.\n",
    "2021-01-05-directive.md": ":::{retrospective}\n:rating: 9\nMeh.\n:::\n\n:::{lecture}\n:::\n",
    "2021-01-06-yaml.md": "---\ntitle: [unclosed\n---\nBody.\n",
    "2021-01-07-date.md": "---\ndate: the day after\n---\nBody.\n",
    "2021-01-08-tags.md": "---\ntags: [Machine Learning, machine-learning]\n---\nBody.\n",
    "2021-01-09-liquid.md": "{% include x.html %} and {{ page.title }}\n",
    "2021-01-10-excluded.md": "---\ndate: nope\n---\n{% include hidden.html %}\n",
    "2021-01-11-unreadable.md": "Body.\n",
    "notes.md": "No date at all.\n",
}
CONF = (
    'project = "J"\nextensions = ["sphinx_journal"]\n'
    'exclude_patterns = ["_posts/2021-01-10-excluded.md"]\n'
    "journal_posts = 5\njournal_drafts = 'no'\n"
)


def build_warnings(text: str) -> list[str]:
    found = []
    for line in re.sub(r"\x1b\[[0-9;]*m", "", text).splitlines():
        match = re.match(r"(?:(.+?): )?WARNING: (.*) \[(journal\.\w+)\]$", line)
        if match:
            where = f"{match[1]}: " if match[1] else ""
            found.append(f"{where}[{match[3]}] {match[2]}")
    return sorted(found)


def test_check_reports_line_for_line_what_the_build_reports(
    tmp_path: Path, build, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    src = tmp_path / "src"
    (src / "_posts").mkdir(parents=True)
    (src / "conf.py").write_text(CONF, encoding="utf-8")
    (src / "index.md").write_text("# Home\n", encoding="utf-8")
    for name, body in POSTS.items():
        (src / "_posts" / name).write_text(body, encoding="utf-8")
    unreadable = src / "_posts" / "2021-01-11-unreadable.md"
    unreadable.chmod(0)
    if os.geteuid() == 0:  # root reads anything: refuse that one file as the system would
        real_open = Path.open

        def refusing_open(self: Path, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
            if self.name == unreadable.name:
                raise PermissionError(13, "Permission denied", str(self))
            return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(Path, "open", refusing_open)

    assert main(["check", str(src)]) == 1
    out = capsys.readouterr().out.splitlines()
    checked = [line for line in out if "[journal." in line]
    built = build_warnings(build(src, outdir=tmp_path / "out").warnings)
    assert sorted(checked) == built
    assert out[-1] == f"{len(POSTS) - 2} posts, {len(built)} problems"  # excluded, unreadable
    kinds = {re.search(r"\[(journal\.\w+)\]", line)[1] for line in checked}  # type: ignore[index]
    assert kinds >= {
        "journal.xref",
        "journal.lecture",
        "journal.liquid",
        "journal.retrospective",
        "journal.frontmatter",
        "journal.date",
        "journal.tag",
        "journal.config",
        "journal.source",
    }
    assert not any("2021-01-10-excluded" in line for line in checked)
    assert any("twice" in line and "2021-01-02-label.md" in line for line in checked)


AGENDA_AND_TASKS = """---
title: Day 1
---

## 일정

- 10:00 회의
- 14:00 발표

## 회의 일정

- 10시 회의

## 2. 과제 제출

- [x] 과제 1
- [ ] 과제 2
"""
PLAN = "---\ntitle: Day 2\n---\n\n## 오늘 할 일\n\n- [x] 강의\n- [ ] 과제\n"


def test_check_import_and_the_build_agree_on_what_is_a_schedule(
    tmp_path: Path, build, capsys: pytest.CaptureFixture[str]
) -> None:
    """A schedule-named heading without task items is no schedule anywhere.

    The built-in ``일정`` over an agenda is nothing and owes no warning; the
    project's own ``회의 일정`` without items is the build's ``journal.schedule``
    warning and ``check``'s; items under ``2. 과제 제출`` are tasks, counted
    by the build, and ``import`` names them so, not a schedule.
    """
    site = tmp_path / "site"
    (site / "_posts").mkdir(parents=True)
    (site / "_posts" / "2021-08-02-a.md").write_text(AGENDA_AND_TASKS, encoding="utf-8")
    (site / "_posts" / "2021-08-03-b.md").write_text(PLAN, encoding="utf-8")
    project = tmp_path / "journal"
    project.mkdir()
    (project / "conf.py").write_text(
        'project = "J"\nextensions = ["sphinx_journal"]\n'
        'journal_sections = {"회의 일정": "schedule"}\n',
        encoding="utf-8",
    )
    (project / "index.md").write_text("# Home\n", encoding="utf-8")
    assert main(["import", str(site), str(project)]) == 0
    report = capsys.readouterr().out
    assert "2021-08-02-a.md: date 2021-08-02; title 'Day 1'; " in report
    assert re.search(r"2021-08-02-a\.md: .*; sections tasks; ", report)
    assert re.search(r"2021-08-03-b\.md: .*; sections schedule; ", report)

    assert main(["check", str(project)]) == 1
    checked = [line for line in capsys.readouterr().out.splitlines() if "[journal." in line]
    built = build(project, outdir=tmp_path / "out")
    assert sorted(checked) == build_warnings(built.warnings)
    post = project / "_posts" / "2021-08-02-a.md"
    assert checked == [
        f"{post}:10: [journal.schedule] section '회의 일정' has no task list "
        "('- [ ] item' lines); nothing to count"
    ]
    page = parse(built.page("_posts/2021-08-02-a.html"))
    bars = {
        text(section.find("h2")): text(one(section, "journal-progress-label"))
        for section in page.iter("section")
        if section.find("h2") is not None and by_class(section, "journal-progress-label")
    }
    assert bars == {"2. 과제 제출": "1 / 2 done"}
    progress = text(main_content(parse(built.page("journal/progress.html"))))
    assert "과제 2 — 2. 과제 제출 · Day 1" in progress and "과제 — Day 2" in progress
