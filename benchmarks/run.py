"""Benchmark sphinx-journal against the floor and against ABlog, on the same posts.

For each size N, one corpus is generated (``benchmarks/generate.py``) and
built, interleaved in one run, by:

- **journal**: ``extensions = ["sphinx_journal"]``;
- **floor**: the same stack without the journal (myst-parser,
  sphinx-design, sphinxcontrib-bibtex, furo, the same MyST syntax
  extensions), every post an orphan (``orphan: true`` front matter) and no
  toctree: what building these posts costs at the least;
- **ablog** (when ABlog is installed): each post an ABlog post
  (``blogpost: true`` and its date in the front matter), furo.

Each round builds every system once, in an order that rotates from round to
round, so the machine's noise falls on all of them alike; medians of the
rounds are reported. Every build runs in its own process. Measured:

- full build (``-j 1``) and its peak RSS;
- no-change rebuild, and one-post edit (a line appended to a middle post);
- size of the pickled environment and of ``searchindex.js``;
- full build with ``-j 2`` (journal and floor), against ``-j 1``.

Printed, and written to ``benchmarks/results/<date>.md`` with ratios to the
floor and to ABlog::

    python benchmarks/run.py [--sizes 300,1000,3000] [--rounds 3] [--systems journal,floor,ablog]
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import myst_parser
import sphinx

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from generate import generate  # noqa: E402

SYNTAX = ["tasklist", "dollarmath", "amsmath", "colon_fence", "deflist", "linkify"]
STACK = ["myst_parser", "sphinx_design", "sphinxcontrib.bibtex"]
WRAPPER = """
import resource, subprocess, sys
code = subprocess.call(sys.argv[1:])
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
sys.exit(code)
"""
J2_SYSTEMS = ("journal", "floor")

CONF = {
    "journal": 'project = "Bench"\nextensions = ["sphinx_journal"]\nhtml_theme = "furo"\n',
    "floor": (
        f'project = "Bench"\nextensions = {STACK!r}\nmyst_enable_extensions = {SYNTAX!r}\n'
        'bibtex_bibfiles = []\nhtml_theme = "furo"\n'
    ),
    "ablog": (
        f'project = "Bench"\nextensions = ["ablog", *{STACK!r}]\n'
        f"myst_enable_extensions = {SYNTAX!r}\nbibtex_bibfiles = []\n"
        'html_theme = "furo"\npost_date_format = "%Y-%m-%d"\nblog_title = "Bench"\n'
    ),
}
INDEX = {
    "journal": "# Bench\n\n```{journal-posts}\n:limit: 10\n```\n",
    "floor": "# Bench\n",
    "ablog": "# Bench\n\n```{postlist} 10\n```\n",
}
_DATE_LINE = re.compile(r"^date:.*\n", re.MULTILINE)
_FILE_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})-")


def _floor_post(text: str, name: str) -> str:
    return text.replace("---\n", "---\norphan: true\n", 1)


def _ablog_post(text: str, name: str) -> str:
    match = _FILE_DATE.match(name)
    day = match.group(1) if match else "2021-01-01"
    text = _DATE_LINE.sub("", text)
    category = re.search(r'^categories:\s*"?([^"\n]*)"?$', text, re.MULTILINE)
    extra = f"blogpost: true\ndate: {day}\n"
    if category:
        extra += f"category: {category.group(1)}\n"
    return text.replace("---\n", f"---\n{extra}", 1)


POST_SHAPES: dict[str, Callable[[str, str], str]] = {
    "journal": lambda text, name: text,
    "floor": _floor_post,
    "ablog": _ablog_post,
}


def prepare(system: str, corpus: Path, src: Path) -> None:
    """``src`` as ``system``'s project over the posts of ``corpus``."""
    shutil.rmtree(src, ignore_errors=True)
    shutil.copytree(corpus, src)
    shape = POST_SHAPES[system]
    for path in sorted((src / "_posts").glob("*.md")):
        path.write_text(shape(path.read_text(encoding="utf-8"), path.name), encoding="utf-8")
    (src / "conf.py").write_text(CONF[system], encoding="utf-8")
    (src / "index.md").write_text(INDEX[system], encoding="utf-8")


def build(src: Path, out: Path, jobs: int = 1) -> tuple[float, int]:
    """Seconds and peak RSS (KiB) of one ``sphinx-build`` in its own process."""
    command = [
        sys.executable,
        "-c",
        WRAPPER,
        sys.executable,
        "-m",
        "sphinx",
        "-q",
        "-b",
        "html",
        "-d",
        str(out / ".doctrees"),
        "-j",
        str(jobs),
        str(src),
        str(out / "html"),
    ]
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if result.returncode:
        sys.exit(f"build of {src} failed:\n{result.stderr[-4000:]}")
    return seconds, int(result.stdout.strip().splitlines()[-1])


def written(out: Path, before: dict[Path, int]) -> int:
    """How many HTML pages changed since ``before`` (a map of modification times)."""
    return sum(1 for p, t in mtimes(out).items() if before.get(p) != t)


def mtimes(out: Path) -> dict[Path, int]:
    return {p: p.stat().st_mtime_ns for p in (out / "html").rglob("*.html")}


def one_round(system: str, src: Path, edited: Path, work: Path) -> dict[str, float]:
    """Every measurement of ``system`` once."""
    out = work / f"{src.name}-out"
    shutil.rmtree(out, ignore_errors=True)
    r: dict[str, float] = {}
    r["full"], r["rss"] = build(src, out)
    r["pickle"] = (out / ".doctrees" / "environment.pickle").stat().st_size
    search = out / "html" / "searchindex.js"
    r["searchindex"] = search.stat().st_size if search.is_file() else 0
    before = mtimes(out)
    r["nochange"], _ = build(src, out)
    r["nochange_written"] = written(out, before)
    original = edited.read_text(encoding="utf-8")
    edited.write_text(original + "\n* one more note\n", encoding="utf-8")
    before = mtimes(out)
    try:
        r["edit"], _ = build(src, out)
    finally:
        edited.write_text(original, encoding="utf-8")
    r["edit_written"] = written(out, before)
    shutil.rmtree(out, ignore_errors=True)
    if system in J2_SYSTEMS:
        r["j2"], _ = build(src, out, jobs=2)
        shutil.rmtree(out, ignore_errors=True)
    return r


def measure(size: int, work: Path, rounds: int, systems: list[str]) -> dict[str, dict[str, float]]:
    """Medians (peak RSS: the largest) of ``rounds`` interleaved rounds at ``size`` posts."""
    corpus = work / f"corpus-{size}"
    shutil.rmtree(corpus, ignore_errors=True)
    posts = generate(size, corpus)
    middle = posts[len(posts) // 2].relative_to(corpus)
    sources = {system: work / f"{system}-{size}" for system in systems}
    for system, src in sources.items():
        prepare(system, corpus, src)
    samples: dict[str, list[dict[str, float]]] = {system: [] for system in systems}
    for number in range(rounds):
        order = systems[number % len(systems) :] + systems[: number % len(systems)]
        for system in order:
            sample = one_round(system, sources[system], sources[system] / middle, work)
            samples[system].append(sample)
            print(json.dumps({"size": size, "round": number + 1, system: sample}), flush=True)
    for src in sources.values():
        shutil.rmtree(src, ignore_errors=True)
    shutil.rmtree(corpus, ignore_errors=True)
    result: dict[str, dict[str, float]] = {}
    for system, runs in samples.items():
        result[system] = {
            key: (max if key == "rss" else statistics.median)(run[key] for run in runs)
            for key in runs[0]
        }
    return result


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    versions = [f"Python {platform.python_version()}", f"Sphinx {sphinx.__version__}"]
    versions.append(f"MyST-Parser {myst_parser.__version__}")
    for name in ("furo", "ablog"):
        if importlib.util.find_spec(name) is not None:
            module = __import__(name)
            versions.append(f"{name} {getattr(module, '__version__', '?')}")
    return f"{cpu}, {os.cpu_count()} cores; " + ", ".join(versions)


ROWS = (
    ("full build", "full", "s"),
    ("no-change rebuild", "nochange", "s"),
    ("one-post edit", "edit", "s"),
    ("peak RSS", "rss", "MB"),
    ("environment pickle", "pickle", "MB"),
    ("searchindex.js", "searchindex", "MB"),
    ("full build, -j 2", "j2", "s"),
)


def _value(key: str, unit: str, value: float) -> str:
    if unit == "s":
        return f"{value:.1f} s"
    scale = 1e3 if key == "rss" else 1e6  # ru_maxrss is in KiB
    return f"{value / scale:.2f} MB" if value < 10 * scale else f"{value / scale:.0f} MB"


def table(size: int, r: dict[str, dict[str, float]]) -> str:
    systems = [s for s in ("journal", "floor", "ablog") if s in r]
    lines = [
        f"| {size:,} posts | " + " | ".join(systems) + " |",
        "|---" * (len(systems) + 1) + "|",
    ]
    for label, key, unit in ROWS:
        cells = []
        for system in systems:
            value = r[system].get(key)
            if not value:
                cells.append("—")
                continue
            cell = _value(key, unit, value)
            ratios = []
            if system != "floor" and r.get("floor", {}).get(key):
                ratios.append(f"{value / r['floor'][key]:.2f}× floor")
            if system == "journal" and r.get("ablog", {}).get(key):
                ratios.append(f"{value / r['ablog'][key]:.2f}× ABlog")
            if ratios:
                cell += " (" + ", ".join(ratios) + ")"
            cells.append(cell)
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    speedups = [
        f"{system} {r[system]['full'] / r[system]['j2']:.2f}×"
        for system in systems
        if r[system].get("j2")
    ]
    pages = [
        f"{system} {int(r[system]['nochange_written'])} / {int(r[system]['edit_written'])}"
        for system in systems
    ]
    lines += [
        "",
        f"`-j 2` speed-up over `-j 1`: {', '.join(speedups)}. "
        f"HTML pages written by the no-change rebuild / the edit: {', '.join(pages)}.",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", default="300,1000,3000")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--systems", default="journal,floor,ablog")
    parser.add_argument("--output", type=Path, default=None, help="results file to write")
    args = parser.parse_args()
    systems = [s for s in args.systems.split(",") if s in CONF]
    if "ablog" in systems and importlib.util.find_spec("ablog") is None:
        print("ABlog is not installed (pip install ablog==0.11.13): measuring without it")
        systems.remove("ablog")
    work = HERE / "_work"
    work.mkdir(exist_ok=True)
    sections = []
    for size in (int(s) for s in args.sizes.split(",")):
        result = measure(size, work, args.rounds, systems)
        sections.append(table(size, result))
        print(sections[-1], flush=True)
    command = " ".join(["python benchmarks/run.py", *sys.argv[1:]])
    text = (
        f"Machine: {machine()}\n\n`{command}`: medians of {args.rounds} interleaved rounds "
        "(peak RSS: the largest).\n\n" + "\n\n".join(sections) + "\n"
    )
    print(text)
    output = args.output or HERE / "results" / f"{dt.date.today().isoformat()}.md"
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
