"""Benchmark sphinx-journal against plain myst-parser on the same generated posts.

For each size N, one corpus is generated and built, in the same run, by
sphinx-journal (``extensions = ["sphinx_journal"]``) and by plain
myst-parser (the same MyST syntax, the same theme, posts in a glob
toctree). Each build runs in its own process. Printed, and written to
``benchmarks/results/``:

- full build time, and the ratio journal / plain;
- no-change rebuild time, and how many HTML pages it wrote;
- one-post-edit rebuild time (a line appended to a post in the middle);
- ``-j 2`` full build time against ``-j 1`` (speed-up);
- peak RSS of the full builds, and its ratio;
- size of the pickled environment, and its ratio.

    python benchmarks/run.py [--sizes 300,1000] [--repeat 1]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import myst_parser
import sphinx

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from generate import generate  # noqa: E402

SYNTAX = ["tasklist", "dollarmath", "amsmath", "colon_fence", "deflist", "linkify"]
WRAPPER = """
import resource, subprocess, sys
code = subprocess.call(sys.argv[1:])
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
sys.exit(code)
"""


def configure(root: Path, journal: bool) -> None:
    if journal:
        conf = 'project = "Bench"\nextensions = ["sphinx_journal"]\nhtml_theme = "furo"\n'
        index = "# Bench\n\n```{journal-posts}\n:limit: 10\n```\n"
    else:
        conf = (
            f'project = "Bench"\nextensions = ["myst_parser"]\n'
            f'myst_enable_extensions = {SYNTAX!r}\nhtml_theme = "furo"\n'
        )
        index = "# Bench\n\n```{toctree}\n:glob:\n\n_posts/*\n```\n"
    (root / "conf.py").write_text(conf, encoding="utf-8")
    (root / "index.md").write_text(index, encoding="utf-8")


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
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    seconds = time.perf_counter() - start
    return seconds, int(result.stdout.strip().splitlines()[-1])


def mtimes(out: Path) -> dict[Path, int]:
    return {p: p.stat().st_mtime_ns for p in (out / "html").rglob("*.html")}


def measure(size: int, work: Path, repeat: int) -> dict[str, float]:
    corpus = work / f"corpus-{size}"
    shutil.rmtree(corpus, ignore_errors=True)
    posts = generate(size, corpus)
    results: dict[str, float] = {}
    for name, journal in (("journal", True), ("plain", False)):
        src = work / f"{name}-{size}"
        shutil.rmtree(src, ignore_errors=True)
        shutil.copytree(corpus, src)
        configure(src, journal)
        fulls, rss = [], []
        for _ in range(repeat):
            out = work / f"{name}-{size}-out"
            shutil.rmtree(out, ignore_errors=True)
            seconds, peak = build(src, out)
            fulls.append(seconds)
            rss.append(peak)
        results[f"{name}_full"] = statistics.median(fulls)
        results[f"{name}_rss"] = max(rss)
        results[f"{name}_pickle"] = (out / ".doctrees" / "environment.pickle").stat().st_size
        before = mtimes(out)
        results[f"{name}_nochange"], _ = build(src, out)
        after = mtimes(out)
        results[f"{name}_nochange_written"] = sum(
            1
            for p, t in after.items()
            if before.get(p) != t and p.name not in ("genindex.html", "search.html")
        )
        edited = src / posts[len(posts) // 2].relative_to(corpus)
        edited.write_text(
            edited.read_text(encoding="utf-8") + "\n* one more note\n", encoding="utf-8"
        )
        results[f"{name}_edit"], _ = build(src, out)
        if journal:
            out2 = work / f"{name}-{size}-j2"
            shutil.rmtree(out2, ignore_errors=True)
            results["journal_j2"], _ = build(src, out2, jobs=2)
            shutil.rmtree(out2, ignore_errors=True)
        shutil.rmtree(out, ignore_errors=True)
        shutil.rmtree(src, ignore_errors=True)
    shutil.rmtree(corpus, ignore_errors=True)
    return results


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import os  # noqa: PLC0415

    return (
        f"{cpu}, {os.cpu_count()} cores; Python {platform.python_version()}, "
        f"Sphinx {sphinx.__version__}, MyST-Parser {myst_parser.__version__}"
    )


def table(rows: dict[int, dict[str, float]]) -> str:
    lines = [
        "| posts | full: journal / plain | no-change rebuild (pages written) "
        "| one-post edit: journal / plain | -j 2 speed-up | peak RSS ratio | pickle ratio |",
        "|---|---|---|---|---|---|---|",
    ]
    for size, r in rows.items():
        lines.append(
            f"| {size} | {r['journal_full']:.1f} s / {r['plain_full']:.1f} s = "
            f"**{r['journal_full'] / r['plain_full']:.2f}×** "
            f"| {r['journal_nochange']:.1f} s ({int(r['journal_nochange_written'])}) "
            f"vs {r['plain_nochange']:.1f} s ({int(r['plain_nochange_written'])}) "
            f"| {r['journal_edit']:.1f} s / {r['plain_edit']:.1f} s = "
            f"**{r['journal_edit'] / r['plain_edit']:.2f}×** "
            f"| {r['journal_full'] / r['journal_j2']:.2f}× "
            f"| {r['journal_rss'] / r['plain_rss']:.2f} "
            f"| {r['journal_pickle'] / r['plain_pickle']:.2f} "
            f"({r['journal_pickle'] / 1e6:.1f} MB / {r['plain_pickle'] / 1e6:.1f} MB) |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="300,1000")
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    work = HERE / "_work"
    work.mkdir(exist_ok=True)
    rows = {}
    for size in (int(s) for s in args.sizes.split(",")):
        rows[size] = measure(size, work, args.repeat)
        print(json.dumps({size: rows[size]}), flush=True)
    text = f"Machine: {machine()}\n\n{table(rows)}\n"
    print(text)
    results = HERE / "results"
    results.mkdir(exist_ok=True)
    (results / f"{dt.date.today().isoformat()}.md").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
