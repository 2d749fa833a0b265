"""Links between posts stay true on incremental builds; a dangling link warns on every build."""

from __future__ import annotations

import zlib
from pathlib import Path

from tests.htmlutil import main, parse, text

CONF = 'project = "J"\nextensions = ["sphinx_journal"]\nhtml_theme = "furo"\n'


def write(path: Path, body: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(body, encoding="utf-8")


def target_post(title: str) -> str:
    return (
        f"---\ntitle: {title}\n---\n\n:::{{lecture}} {title} lecture\n:label: lec-a\nNotes.\n:::\n"
    )


def project(tmp_path: Path) -> Path:
    src = tmp_path / "src"
    write(src / "conf.py", CONF)
    write(src / "index.md", "# Home\n")
    write(src / "_posts/2021-10-01-target.md", target_post("First title"))
    write(
        src / "_posts/2021-10-02-linker.md",
        "---\ntitle: Linker\n---\n\nSee {post}`2021-10-01` and {lecture}`lec-a`.\n",
    )
    return src


def linker_text(outdir: Path) -> str:
    return text(main(parse(outdir / "_posts/2021-10-02-linker.html")))


def test_retitle_rename_delete_reresolve_links(tmp_path: Path, build) -> None:
    src = project(tmp_path)
    out = build(src, outdir=tmp_path / "out").outdir
    assert "First title" in linker_text(out)

    write(src / "_posts/2021-10-01-target.md", target_post("Second title"))
    built = build(src, outdir=out.parent, freshenv=False)
    assert "Second title" in linker_text(out) and "First title" not in linker_text(out)
    assert "journal.xref" not in built.warnings

    (src / "_posts/2021-10-01-target.md").rename(src / "_posts/2021-10-05-target.md")
    built = build(src, outdir=out.parent, freshenv=False)
    assert not (out / "_posts/2021-10-01-target.html").exists()  # the old page is gone
    assert not (out / "_sources/_posts/2021-10-01-target.md.txt").exists()
    assert "unknown post '2021-10-01'" in built.warnings  # the date no longer names a post
    assert "Second title lecture" in linker_text(out)  # the label still does, at its new page
    page = out / "_posts/2021-10-02-linker.html"
    assert "2021-10-05-target.html#lecture-lec-a" in page.read_text(encoding="utf-8")

    (src / "_posts/2021-10-05-target.md").unlink()
    for _ in range(2):  # nothing changed the second time: the warning is given again (-W fails)
        built = build(src, outdir=out.parent, freshenv=False)
        assert built.warnings.count("[journal.xref]") == 2, built.warnings
    assert "Second title" not in linker_text(out)
    assert not (out / "_posts/2021-10-05-target.html").exists()


def inventory_lines(outdir: Path) -> list[str]:
    data = (outdir / "objects.inv").read_bytes()
    body = data.split(b"zlib.\n", 1)[1]
    return zlib.decompress(body).decode("utf-8").splitlines()


def test_a_label_used_twice_gives_one_inventory_whatever_the_history(tmp_path: Path, build) -> None:
    src = project(tmp_path)
    out = build(src, outdir=tmp_path / "out").outdir
    write(src / "_posts/2021-09-01-earlier.md", target_post("Earlier"))  # lec-a again, earlier
    built = build(src, outdir=out.parent, freshenv=False)
    assert "lecture label 'lec-a' is used twice" in built.warnings
    assert "2021-09-01-earlier.md" in built.warnings and "2021-10-01-target.md" in built.warnings
    fresh = build(src, outdir=tmp_path / "fresh")
    assert inventory_lines(out) == inventory_lines(fresh.outdir)
    assert any("lec-a" in line and "2021-09-01-earlier" in line for line in inventory_lines(out))
