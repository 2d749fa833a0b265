"""Adding the extension to an existing project (SPEC §1).

A project that sets ``myst_enable_extensions`` keeps every page and every
warning exactly as it was, under the basic theme and under furo. A project
that does not set it gets the journal's MyST syntax on its MyST pages too
(the extension enables it when the value is unset, SPEC §1): the second
test pins down exactly what that changes, so a change of that rule is a
visible decision and not an accident. rST pages never change.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOTS

PAGES = ("index.html", "guide/usage.html", "api.html", "journal.html", "tags.html")


def body(path: Path) -> str:
    """The page's main content: furo's ``<article>``, or the basic theme's ``div.body``."""
    html = path.read_text(encoding="utf-8")
    match = re.search(r"<article[^>]*>(.*?)</article>", html, re.S) or re.search(
        r'<div class="body" role="main">(.*?)</div>\s*</div>\s*</div>', html, re.S
    )
    assert match, path
    return match.group(1)


def twin_projects(tmp_path: Path, *, keep_myst_setting: bool) -> tuple[Path, Path]:
    """The existing project as it is, and the same with ``sphinx_journal`` added."""
    projects = []
    for name, extensions in (
        ("without", '["myst_parser"]'),
        ("with", '["myst_parser", "sphinx_journal"]'),
    ):
        project = tmp_path / name
        shutil.copytree(ROOTS / "test-existing", project)
        conf = (project / "conf.py").read_text(encoding="utf-8")
        conf = conf.replace('["myst_parser"]', extensions)
        if not keep_myst_setting:
            conf = re.sub(r"(?m)^myst_enable_extensions.*\n", "", conf)
        (project / "conf.py").write_text(conf, encoding="utf-8")
        projects.append(project)
    return projects[0], projects[1]


@pytest.mark.parametrize("theme", ["alabaster", "furo"])
def test_pages_and_warnings_unchanged(tmp_path: Path, build, theme: str) -> None:
    without, with_ = twin_projects(tmp_path, keep_myst_setting=True)
    before = build(without, html_theme=theme)
    after = build(with_, html_theme=theme)
    assert after.warnings.replace(str(with_), "SRC") == before.warnings.replace(str(without), "SRC")
    assert after.warnings == ""
    for name in PAGES:
        assert body(after.page(name)) == body(before.page(name)), name
    # the journal's own pages are added beside them
    assert "journal-nav" in after.page("journal/index.html").read_text(encoding="utf-8")


def test_unset_myst_extensions_give_myst_pages_the_journal_syntax(tmp_path: Path, build) -> None:
    without, with_ = twin_projects(tmp_path, keep_myst_setting=False)
    before = build(without, html_theme="alabaster")
    after = build(with_, html_theme="alabaster")
    assert after.warnings == before.warnings == ""
    for name in ("index.html", "api.html"):  # rST pages: unchanged
        assert body(after.page(name)) == body(before.page(name)), name
    for name in ("journal.html", "tags.html"):  # plain MyST: only dollarmath's section class
        changed = body(after.page(name)).replace(' class="tex2jax_ignore mathjax_ignore"', "")
        assert changed == body(before.page(name)), name
    old, new = body(before.page("guide/usage.html")), body(after.page("guide/usage.html"))
    # tasklist: "- [ ]" items become disabled checkboxes
    assert "<li><p>[ ] not a task list" in old and "task-list-item-checkbox" in new
    # dollarmath: "$5 to $6" becomes inline math (the price text is lost)
    assert "Costs $5 to $6." in old and '<span class="math' in new
    # linkify: a bare address becomes a link
    assert '<a class="reference external" href="https://example.org">' in new
    assert 'href="https://example.org"' not in old
    # colon_fence: ":::{note}" becomes an admonition
    assert ":::{note}" in old and '<div class="admonition note">' in new
