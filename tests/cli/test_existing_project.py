"""Adding the extension to an existing project changes none of its pages and adds no warning."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from tests.conftest import ROOTS


def body(path: Path) -> str:
    """The page's content area (the basic theme's div.body), ids of generated targets kept."""
    html = path.read_text(encoding="utf-8")
    match = re.search(r'<div class="body" role="main">(.*?)</div>\s*</div>\s*</div>', html, re.S)
    assert match, path
    return match.group(1)


def test_pages_and_warnings_unchanged(tmp_path: Path, build) -> None:
    without = tmp_path / "without"
    shutil.copytree(ROOTS / "test-existing", without)
    with_ = tmp_path / "with"
    shutil.copytree(ROOTS / "test-existing", with_)
    conf = with_ / "conf.py"
    conf.write_text(
        conf.read_text(encoding="utf-8").replace(
            '["myst_parser"]', '["myst_parser", "sphinx_journal"]'
        ),
        encoding="utf-8",
    )
    before = build(without, html_theme="alabaster")
    after = build(with_, html_theme="alabaster")
    assert after.warnings.replace(str(with_), "SRC") == before.warnings.replace(str(without), "SRC")
    assert after.warnings == ""
    for name in ("index.html", "guide/usage.html", "api.html", "journal.html", "tags.html"):
        assert body(after.page(name)) == body(before.page(name)), name
    assert after.page("journal/index.html")  # the journal's own pages are added beside them
