"""File insertion in posts is refused, each refusal a located ``journal.file`` warning.

The root's files post tries ``{include}``, ``{literalinclude}``, ``{raw} :file:``
and ``{csv-table} :file:`` in Markdown and ``include``/``raw`` in ``{eval-rst}``,
all reaching out of the source folder; a page of the project includes a file
of its own, which it keeps doing.
"""

from __future__ import annotations

from pathlib import Path

from tests.hostile.conftest import SECRET, output_files

REFUSED = (
    (10, "{include} ../../secret.txt"),
    (13, "{literalinclude} ../../secret.txt"),
    (16, "{raw} :file: ../../secret.txt"),
    (20, "{csv-table} :file: ../../secret.csv"),
    (25, "{include} ../../secret.txt"),  # in {eval-rst}
    (27, "{raw} :file: ../../secret.txt"),
)


def test_each_refusal_is_a_located_journal_warning(hostile_root, build) -> None:
    built = build(hostile_root("hostile"), "html")
    post = "_posts/2021-01-02-files.md"
    for line, what in REFUSED:
        expected = f"{post}:{line}: WARNING: posts insert no files: {what} is not inserted"
        assert f"{expected} [journal.file]" in built.warnings, expected
    files_post = [line for line in built.warnings.splitlines() if post in line]
    assert not [line for line in files_post if "[docutils]" in line]
    for path in output_files(Path(built.outdir)):
        assert SECRET.encode() not in path.read_bytes(), path
    page = built.page("page-include.html").read_text(encoding="utf-8")
    assert "PAGE-INCLUDE-OK, inserted into a page." in page
    assert "page-include.md" not in built.warnings
