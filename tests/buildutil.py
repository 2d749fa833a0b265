"""Helpers for tests that build: warnings read once, outputs compared, incremental against clean.

Every test that parses Sphinx's warning lines does it with :func:`warnings_of`;
every test that checks an incremental build against a clean one does it with
:func:`rebuild_and_compare`.
"""

from __future__ import annotations

import dataclasses
import re
import shutil
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from sphinx.util.console import strip_escape_sequences

#: ``path:line: WARNING: message [type]`` (path, line and type may be missing).
WARNING_LINE = re.compile(
    r"^(?:(?P<path>[^\n]*?):(?P<line>\d+)?:? ?)?WARNING: (?P<message>.*?)"
    r"(?: \[(?P<type>[\w.-]+)\])?$"
)


@dataclasses.dataclass(frozen=True)
class Warned:
    """One warning line, taken apart."""

    path: str
    line: int | None
    message: str
    type: str | None


def warnings_of(text: str) -> list[Warned]:
    """Every warning in Sphinx's warning output, in order."""
    found = []
    for line in strip_escape_sequences(text).splitlines():
        match = WARNING_LINE.match(line.strip())
        if match:
            number = match["line"]
            line_number = int(number) if number else None
            found.append(Warned(match["path"] or "", line_number, match["message"], match["type"]))
    return found


def warning_types(text: str) -> list[str]:
    """The ``[type]`` of every typed warning, in order."""
    return [w.type for w in warnings_of(text) if w.type]


def html_files(outdir: Path, suffixes: Iterable[str] = (".html",)) -> dict[str, bytes]:
    """Every page (and other file with one of ``suffixes``) of a build, by relative path."""
    wanted = tuple(suffixes)
    return {
        str(path.relative_to(outdir)): path.read_bytes()
        for path in sorted(outdir.rglob("*"))
        if path.is_file() and path.name.endswith(wanted) and "_static" not in path.parts
    }


def rebuild_and_compare(
    build: Callable[..., Any],
    srcdir: Path,
    outdir: Path,
    scratch: Path,
    *,
    label: str,
    suffixes: Iterable[str] = (".html",),
    keep: Callable[[str], bool] = lambda name: True,
    same_warnings: bool = True,
    **options: Any,
) -> tuple[Any, Any]:
    """Build ``srcdir`` again into ``outdir`` (incremental), then a copy of it from nothing.

    Asserts that both builds warn the same (paths aside; unless not
    ``same_warnings``: Sphinx repeats a reading warning only for documents it
    reads again, so an unchanged post's warning is the clean build's alone)
    and that every file
    the clean build wrote, for which ``keep`` holds, is byte for byte the same
    in the incremental one, and that the incremental build has no file of
    its own beyond what Sphinx itself never deletes (documents' pages are
    compared too). Returns ``(incremental, clean)``.
    """
    incremental = build(srcdir, outdir=outdir, freshenv=False, **options)
    fresh_src = scratch / f"clean-{label}"
    shutil.copytree(srcdir, fresh_src)
    clean = build(fresh_src, outdir=scratch / f"clean-{label}-out", **options)
    warned = sorted(
        strip_escape_sequences(incremental.warnings.replace(str(srcdir), "SRC")).splitlines()
    )
    clean_warned = sorted(
        strip_escape_sequences(clean.warnings.replace(str(fresh_src), "SRC")).splitlines()
    )
    if same_warnings:
        assert warned == clean_warned, label
    got, want = html_files(incremental.outdir, suffixes), html_files(clean.outdir, suffixes)
    for name in sorted(want):
        if keep(name):
            assert got.get(name) == want[name], f"{name} differs after {label}"
    extra = {name for name in got.keys() - want.keys() if keep(name)}
    assert extra == set(), f"stale files after {label}: {sorted(extra)}"
    return incremental, clean


def mtimes(outdir: Path) -> dict[str, int]:
    """When each page was last written, by relative path."""
    return {
        str(p.relative_to(outdir)): p.stat().st_mtime_ns
        for p in outdir.rglob("*.html")
        if "_static" not in p.parts
    }
