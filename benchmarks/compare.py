"""Compare two versions of sphinx-journal on the one-post-edit rebuild, interleaved.

The machine this runs on is shared and noisy, so the two versions' rebuilds
alternate (A B, B A, A B …) on copies of one generated corpus, and the
medians are compared. ``--before`` is the ``src`` folder of another
checkout (``git archive main src | tar -x -C /tmp/before``); the version
installed here is "after".

    python benchmarks/compare.py --before /tmp/before/src [--size 1000] [--rounds 6]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from generate import generate  # noqa: E402
from run import configure  # noqa: E402


def build(src: Path, out: Path, pythonpath: str | None) -> float:
    env = dict(os.environ)
    if pythonpath:
        env["PYTHONPATH"] = pythonpath
    command = [sys.executable, "-m", "sphinx", "-q", "-b", "html", "-d", str(out / ".doctrees")]
    command += [str(src), str(out / "html")]
    start = time.perf_counter()
    subprocess.run(command, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", required=True, help="src folder of the other version")
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=6)
    args = parser.parse_args()
    work = HERE / "_work" / "compare"
    shutil.rmtree(work, ignore_errors=True)
    corpus = work / "corpus"
    posts = generate(args.size, corpus)
    versions = {"before": args.before, "after": None}
    results: dict[str, dict[str, object]] = {}
    for name, path in versions.items():
        shutil.copytree(corpus, work / f"{name}-src")
        configure(work / f"{name}-src", journal=True)
        results[name] = {"full": build(work / f"{name}-src", work / f"{name}-out", path)}
        results[name]["edits"] = []
    for number in range(args.rounds):
        order = ("before", "after") if number % 2 == 0 else ("after", "before")
        for name in order:
            edited = work / f"{name}-src" / posts[len(posts) // 2].relative_to(corpus)
            text = edited.read_text(encoding="utf-8") + f"\n* one more note {number}\n"
            edited.write_text(text, encoding="utf-8")
            seconds = build(work / f"{name}-src", work / f"{name}-out", versions[name])
            results[name]["edits"].append(seconds)  # type: ignore[attr-defined]
    for result in results.values():
        result["median_edit"] = statistics.median(result["edits"])  # type: ignore[arg-type]
    ratio = results["after"]["median_edit"] / results["before"]["median_edit"]  # type: ignore[operator]
    print(json.dumps(results, indent=1))
    print(f"one-post edit, median of {args.rounds}: after / before = {ratio:.3f}")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
