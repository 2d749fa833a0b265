"""The command line on hostile input: a message, never a traceback; files whole or untouched."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
import yaml

from sphinx_journal.cli import main
from sphinx_journal.jekyll import frontmatter

POST = "---\ntitle: Day one\n---\n\n# Day one\n\nNotes.\n"


def site_with(tmp_path: Path, files: dict[str, bytes]) -> Path:
    site = tmp_path / "site"
    for name, data in files.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_bytes(data)
    return site


def test_init_title_with_newline_and_quotes_keeps_conf_py_python(tmp_path: Path) -> None:
    title = 'My\nJournal """ \' \\ end'
    assert main(["init", str(tmp_path / "j"), "--title", title, "--language", "en"]) == 0
    conf = (tmp_path / "j" / "conf.py").read_text(encoding="utf-8")
    values = {
        node.targets[0].id: ast.literal_eval(node.value)  # type: ignore[attr-defined]
        for node in ast.parse(conf).body
        if isinstance(node, ast.Assign)
    }
    assert values["project"] == title and values["html_title"] == title


def test_new_title_with_front_matter_lines_stays_the_title(tmp_path: Path, capsys) -> None:
    assert main(["init", str(tmp_path / "j"), "--language", "en"]) == 0
    title = "---\ntitle: injected\nlayout: x\n---"
    assert main(["new", str(tmp_path / "j"), "--date", "2021-01-02", "--title", title]) == 0
    path = Path(capsys.readouterr().out.strip().splitlines()[-1])
    front, problems = frontmatter.load(path.read_text(encoding="utf-8"))
    assert not problems and front is not None
    assert front.data["title"] == title and front.data["layout"] == "post"


def test_new_with_a_very_long_title_gets_a_file_name_the_disk_accepts(
    tmp_path: Path, capsys
) -> None:
    assert main(["init", str(tmp_path / "j"), "--language", "en"]) == 0
    title = "가" * 300
    assert main(["new", str(tmp_path / "j"), "--date", "2021-01-03", "--title", title]) == 0
    path = Path(capsys.readouterr().out.strip().splitlines()[-1])
    assert len(path.name.encode("utf-8")) <= 255 and path.name.startswith("2021-01-03-가")
    front, _ = frontmatter.load(path.read_text(encoding="utf-8"))
    assert front is not None and front.data["title"] == title


def test_import_into_a_file_is_a_message(tmp_path: Path, capsys) -> None:
    site = site_with(tmp_path, {"_posts/2021-01-01-a.md": POST.encode()})
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    assert main(["import", str(site), str(tmp_path / "afile")]) == 2
    assert "is a file, not a folder" in capsys.readouterr().err


def test_import_of_an_unreadable_post_is_a_message(tmp_path: Path, capsys, monkeypatch) -> None:
    site = site_with(tmp_path, {"_posts/2021-01-01-a.md": POST.encode()})
    real = Path.read_bytes

    def refuse(self: Path) -> bytes:
        if self.name == "2021-01-01-a.md":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    assert main(["import", str(site), str(tmp_path / "j")]) == 2
    err = capsys.readouterr().err
    assert "2021-01-01-a.md" in err and "Permission denied" in err and "Traceback" not in err


@pytest.mark.sphinx
def test_interrupted_import_leaves_whole_files_and_a_rerun_completes(
    tmp_path: Path, capsys, monkeypatch
) -> None:
    files = {f"_posts/2021-01-{day:02d}-d.md": POST.encode() * 50 for day in range(1, 6)}
    site = site_with(tmp_path, files)
    real = Path.replace
    calls = []

    def interrupted(self: Path, target: Path) -> Path:
        calls.append(target)
        if len(calls) == 7:  # conf.py … then some posts: Ctrl-C in the middle
            raise KeyboardInterrupt
        return real(self, target)

    monkeypatch.setattr(Path, "replace", interrupted)
    journal = tmp_path / "j"
    assert main(["import", str(site), str(journal)]) == 130
    assert "run the same command again" in capsys.readouterr().err
    written = sorted((journal / "_posts").glob("*"))
    assert written and all(p.read_bytes() == POST.encode() * 50 for p in written)
    assert not [p for p in journal.rglob("*") if p.name.endswith(".tmp")]
    monkeypatch.setattr(Path, "replace", real)
    assert main(["import", str(site), str(journal)]) == 0
    assert len(list((journal / "_posts").glob("*.md"))) == 5


@pytest.mark.sphinx
def test_reimport_into_a_folder_inside_the_site_adds_nothing(tmp_path: Path, capsys) -> None:
    site = site_with(tmp_path, {"_posts/2021-01-01-a.md": POST.encode()})
    journal = site / "journal"
    for _ in range(2):
        assert main(["import", str(site), str(journal)]) == 0
    assert sorted(p.name for p in journal.rglob("*.md") if "_posts" in p.parts) == [
        "2021-01-01-a.md"
    ]


@pytest.mark.sphinx
def test_cr_only_post_in_a_category_folder_gets_its_category(tmp_path: Path) -> None:
    text = POST.replace("\n", "\r")
    site = site_with(tmp_path, {"tech/_posts/2021-01-01-a.md": text.encode()})
    assert main(["import", str(site), str(tmp_path / "j")]) == 0
    copy = (tmp_path / "j/_posts/2021-01-01-a.md").read_bytes().decode()
    assert "\n" not in copy  # still CR-only, as written
    front = yaml.safe_load(copy.replace("\r", "\n").split("---")[1])
    assert front == {"title": "Day one", "categories": ["tech"]}
