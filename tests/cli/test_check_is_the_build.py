"""``check`` prints exactly the journal warnings ``sphinx-build`` gives, on a messy journal."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from sphinx_journal.cli import main

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
