"""Every verb of ``sphinx-journal``, end to end (SPEC §7)."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from sphinx_journal.cli import main
from sphinx_journal.cli.requirement import requirement_line
from tests.conftest import ROOTS
from tests.htmlutil import main as main_content
from tests.htmlutil import parse, text

#: Every test here runs a verb, and the verbs build (check and import read through Sphinx).
pytestmark = pytest.mark.sphinx


def sphinx_build(src: Path, out: Path, *options: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "-q", "-b", "html", *options, str(src), str(out)],
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize("language", ["ko", "en"])
def test_init_builds_without_warnings(tmp_path: Path, language: str) -> None:
    project = tmp_path / "journal"
    assert (
        main(
            [
                "init",
                str(project),
                "--title",
                "My <Notes>",
                "--author",
                "Kim",
                "--language",
                language,
            ]
        )
        == 0
    )
    for name in ("conf.py", "index.md", "requirements.txt", ".readthedocs.yaml"):
        assert (project / name).is_file()
    [post] = (project / "_posts").glob("*-welcome.md")
    assert post.name.startswith(dt.date.today().isoformat())
    result = sphinx_build(project, tmp_path / "out", "-D", "html_baseurl=https://example.org/j/")
    assert result.returncode == 0, result.stderr
    assert "My &lt;Notes&gt;" in (tmp_path / "out/index.html").read_text(encoding="utf-8")
    # --title names the home and the feed; the footer names the author, not a bare "Copyright ©"
    home = parse(tmp_path / "out/journal/index.html")
    assert text(next(main_content(home).iter("h1"))).startswith("My <Notes>")
    feed = ET.parse(tmp_path / "out/journal/atom.xml").getroot()
    assert feed.findtext("{http://www.w3.org/2005/Atom}title") == "My <Notes>"
    [footer] = [d for d in home.iter("div") if d.get("class") == "copyright"]
    assert text(footer) == f"Copyright © {dt.date.today().year}, Kim"
    requirements = (project / "requirements.txt").read_text(encoding="utf-8")
    [line] = [r for r in requirements.splitlines() if r.strip() and not r.startswith("#")]
    assert line.startswith("sphinx-journal")
    assert "git+https://" in requirements and "PyPI" in requirements  # says how, before a release


def test_init_refuses_to_overwrite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = tmp_path / "journal"
    assert main(["init", str(project)]) == 0
    conf = (project / "conf.py").read_text(encoding="utf-8")
    (project / "conf.py").write_text(conf + "\n# mine\n", encoding="utf-8")
    assert main(["init", str(project)]) == 2
    assert "--force" in capsys.readouterr().err
    assert (project / "conf.py").read_text(encoding="utf-8").endswith("# mine\n")
    assert main(["init", str(project), "--force"]) == 0
    assert not (project / "conf.py").read_text(encoding="utf-8").endswith("# mine\n")


def test_new_post_from_the_template(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = tmp_path / "journal"
    main(["init", str(project), "--language", "ko"])
    capsys.readouterr()
    assert main(["new", str(project), "--date", "2021-09-27", "--title", "37일차 학습정리"]) == 0
    path = Path(capsys.readouterr().out.strip())
    assert path == project / "_posts" / "2021-09-27-37일차-학습정리.md"
    text_ = path.read_text(encoding="utf-8")
    for heading in (
        "## 📝 오늘 일정 정리",
        "## 📚 강의 내용 정리",
        "## 🌱 피어 세션 정리",
        "## 🚀 학습 회고",
    ):
        assert heading in text_
    assert main(["new", str(project), "--date", "2021-09-27", "--title", "37일차 학습정리"]) == 2
    assert path.read_text(encoding="utf-8") == text_
    result = sphinx_build(project, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert "2021년 9월 27일" in (tmp_path / "out/_posts/2021-09-27-37일차-학습정리.html").read_text(
        encoding="utf-8"
    )


def test_import_the_shared_example_and_build(
    tmp_path: Path, shared_example: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "my-journal"
    assert main(["import", str(shared_example), str(target)]) == 0
    report = capsys.readouterr().out
    assert "date 2021-09-24" in report and "tags 8주차, Level2-U-Stage" in report
    kinds = "sections schedule, lectures, peer-session, office-hour, retrospective"
    assert kinds in report and "papers 8" in report
    assert list((target / "_posts").iterdir()) == [target / "_posts/2021-09-24-boostcamp-day36.md"]
    original = next((shared_example / "_posts").iterdir()).read_bytes()
    assert (target / "_posts/2021-09-24-boostcamp-day36.md").read_bytes() == original
    result = sphinx_build(target, tmp_path / "out")
    assert result.returncode == 0, result.stderr


def make_site(root: Path) -> Path:
    site = root / "site"
    posts = site / "tech" / "ai" / "_posts" / "deep dive"
    posts.mkdir(parents=True)
    (posts / "2021-09-24-what? [draft]: notes.md").write_text(
        "---\ntitle: Odd name\ntags: [x]\n---\n\n# Odd\n\nSee {% include a.html %}.\n",
        encoding="utf-8",
    )
    (site / "_posts").mkdir()
    (site / "_posts" / "2021-09-25-시각화.md").write_text(
        "---\ntitle: 시각화\ncategories: viz\n---\n\n# 시각화\n\n"
        "[paper](https://arxiv.org/abs/1706.03762)\n",
        encoding="utf-8",
    )
    (site / "_bibliography").mkdir()
    (site / "_bibliography" / "refs.bib").write_text(
        "@misc{x, title={X}, year={2020}}\n", encoding="utf-8"
    )
    return site


def test_import_messy_names_folder_categories_and_bib(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = make_site(tmp_path)
    target = tmp_path / "journal"
    assert main(["import", str(site), str(target)]) == 0
    out = capsys.readouterr().out
    moved = target / "_posts/deep-dive/2021-09-24-what-draft-notes.md"
    assert moved.is_file()
    assert "renamed from 'tech/ai/_posts/deep dive/2021-09-24-what? [draft]: notes.md'" in out
    assert "categories from folders: tech, ai" in out
    assert "categories: [tech, ai]" in moved.read_text(encoding="utf-8")
    # the copy's line (one categories line was added above it): where the build will say it
    assert f"{moved}:9: [journal.liquid]" in out
    assert (target / "_posts/2021-09-25-시각화.md").is_file()
    assert (target / "_bibliography/refs.bib").is_file()
    assert "_bibliography/refs.bib" in (target / "conf.py").read_text(encoding="utf-8")
    result = sphinx_build(target, tmp_path / "out")
    assert "journal.liquid" in result.stderr  # the include, and only that
    assert result.stderr.count("WARNING") == 1
    tech = tmp_path / "out/journal/categories/tech.html"
    assert "Odd name" in text(main_content(parse(tech)))


def test_check_reports_located_problems(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = tmp_path / "journal"
    main(["init", str(project), "--language", "en"])
    capsys.readouterr()
    assert main(["check", str(project)]) == 0
    (project / "_posts/2021-01-01-bad.md").write_text(
        "---\ntitle: x\ndate: someday\ntags: [A B, a-b]\n---\n\n{{ site.title }}\n",
        encoding="utf-8",
    )
    assert main(["check", str(project)]) == 1
    out = capsys.readouterr().out
    bad = project / "_posts/2021-01-01-bad.md"
    assert f"{bad}:3: [journal.date]" in out
    assert f"{bad}:7: [journal.liquid]" in out
    assert f"{bad}:4: [journal.tag]" in out
    assert main(["check", str(tmp_path / "missing")]) == 2


def test_console_script_help_and_exit_codes(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    for verb in ("", "init", "new", "import", "check"):
        args = [sys.executable, "-m", "sphinx_journal.cli", *([verb] if verb else []), "--help"]
        result = subprocess.run(args, capture_output=True, text=True, env=env, check=False)
        assert result.returncode == 0 and "exit codes" in result.stdout
    bad = subprocess.run(
        [sys.executable, "-m", "sphinx_journal.cli", "new", "--date", "x"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert bad.returncode == 2


def test_redirects_from_jekyll_permalinks(
    tmp_path: Path, shared_example: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "journal"
    main(["import", str(shared_example), str(target)])
    with (target / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write("\njournal_jekyll_redirects = True\n")
    out = tmp_path / "out"
    assert sphinx_build(target, out).returncode == 0
    page = out / "boostcamp-ai-tech/2021/09/24/boostcamp-day36.html"
    html = page.read_text(encoding="utf-8")
    href = html.split("url=")[1].split('"')[0]
    assert (page.parent / href).resolve() == (
        out / "_posts/2021-09-24-boostcamp-day36.html"
    ).resolve()


def test_check_says_what_the_build_says(
    tmp_path: Path, build, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every journal.* warning of a build, and no other line, from ``check`` (same file:line)."""
    src = tmp_path / "src"
    shutil.copytree(ROOTS / "test-warnings", src)
    assert main(["check", str(src)]) == 1
    checked = {line for line in capsys.readouterr().out.splitlines() if "[journal." in line}
    built = build(src, outdir=tmp_path / "out").warnings
    warned = set()
    for line in re.sub(r"\x1b\[[0-9;]*m", "", built).splitlines():
        match = re.match(r"(.+?): WARNING: (.*) \[(journal\.\w+)\]$", line)
        if match:
            warned.add(f"{match[1]}: [{match[3]}] {match[2]}")
    assert checked == warned and len(checked) == 5


def test_new_needs_a_journal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", str(tmp_path)]) == 2
    assert "sphinx-journal init" in capsys.readouterr().err
    assert not (tmp_path / "_posts").exists()


def test_every_verb_through_the_console_script(tmp_path: Path, shared_example: Path) -> None:
    """The installed ``sphinx-journal`` command, as a user runs it (README's quick start)."""
    script = Path(sys.executable).with_name("sphinx-journal")
    if not script.is_file():
        pytest.skip("the console script is not installed beside this Python")
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(script), *args], capture_output=True, text=True, env=env, cwd=tmp_path, check=False
        )

    imported = run("import", str(shared_example), "my-journal")
    assert imported.returncode == 0, imported.stderr
    kinds = "sections schedule, lectures, peer-session, office-hour, retrospective"
    assert kinds in imported.stdout
    new = run("new", "my-journal", "--date", "2021-09-27", "--title", "37일차")
    assert new.returncode == 0, new.stderr
    assert Path(tmp_path, new.stdout.strip()).is_file()
    checked = run("check", "my-journal")
    assert checked.returncode == 0 and "2 posts, 0 problems" in checked.stdout
    assert run("init", "my-journal").returncode == 2  # not empty: refused
    assert run("init", "fresh", "--language", "en").returncode == 0
    result = sphinx_build(tmp_path / "my-journal", tmp_path / "out")
    assert result.returncode == 0, result.stderr


def _article(path: Path) -> str:
    return text(main_content(parse(path)))


@pytest.mark.parametrize("language", ["ko", "en"])
def test_new_template_hints_are_comments_and_the_date_is_named_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], language: str
) -> None:
    project = tmp_path / "journal"
    main(["init", str(project), "--language", language])
    for welcome in (project / "_posts").glob("*-welcome.md"):
        welcome.unlink()
    capsys.readouterr()
    assert main(["new", str(project), "--date", "2021-09-27"]) == 0
    path = Path(capsys.readouterr().out.strip())
    slug = {"ko": "학습-일지", "en": "journal-of"}[language]
    assert path.name.startswith("2021-09-27-") and path.name.count("2021-09-27") == 1
    assert slug in path.name
    source = path.read_text(encoding="utf-8")
    hints = [line for line in source.splitlines() if line.startswith("%")]
    assert any("- [ ]" in line for line in hints) and any("###" in line for line in hints)
    assert not [line for line in source.splitlines() if line.lstrip().startswith("- [")]
    out = tmp_path / "out"
    result = sphinx_build(project, out)
    assert result.returncode == 0, result.stderr
    page = _article(out / "_posts" / (path.stem + ".html"))
    assert not any(line.lstrip("% ")[:12] in page for line in hints if line.lstrip("% "))
    empty = {"ko": "아직", "en": "No "}[language]
    for generated in ("lectures", "retrospectives", "peer-sessions"):
        listing = _article(out / "journal" / f"{generated}.html")
        assert empty in listing and path.stem not in listing, generated
    progress = main_content(parse(out / "journal/progress.html"))
    [open_section] = [s for s in progress.iter("section") if "open" in (s.get("id") or "")]
    assert not list(open_section.iter("li"))
    # The hints are the shape to write: uncommented, they are a lecture and a task.
    filled = "\n".join(
        line[2:] if line.startswith("% ###") or line.startswith("% - [ ]") else line
        for line in source.splitlines()
    )
    path.write_text(filled + "\n", encoding="utf-8")
    result = sphinx_build(project, tmp_path / "out2")
    assert result.returncode == 0, result.stderr
    lectures = main_content(parse(tmp_path / "out2/journal/lectures.html"))
    assert (
        len([a for a in lectures.iter("a") if "journal-lecture-link" in (a.get("class") or "")])
        >= 1
    )
    progress = main_content(parse(tmp_path / "out2/journal/progress.html"))
    [open_section] = [s for s in progress.iter("section") if "open" in (s.get("id") or "")]
    assert len(list(open_section.iter("li"))) == 1


def test_requirement_points_at_a_git_install() -> None:
    git = {
        "url": "https://github.com/someone/sphinx-journal",
        "vcs_info": {"vcs": "git", "commit_id": "0123abcd", "requested_revision": "main"},
    }
    assert requirement_line(json.dumps(git)) == (
        "sphinx-journal @ git+https://github.com/someone/sphinx-journal@0123abcd"
    )
    # nothing another machine can reach: the name, with the template's comment saying how
    for direct_url in (
        None,
        "not json",
        json.dumps({"url": "file:///home/me/sphinx-journal", "dir_info": {"editable": True}}),
        json.dumps({**git, "url": "file:///home/me/sphinx-journal"}),
        json.dumps({"url": "https://files.example/sphinx_journal-0.1.tar.gz", "archive_info": {}}),
    ):
        assert requirement_line(direct_url) == "sphinx-journal", direct_url
