"""Recall and precision of Korean search: Sphinx's default, the rule set, and kiwipiepy.

Builds one Korean journal three ways and asks each ``searchindex.js`` the
queries of ``search_queries.tsv`` (hand-labelled; most are words the pages
only say with a particle). Each query goes through what ``searchtools.js``
does in the browser: split, lower-case, drop stopwords, stem with the
language's stemmer (the Korean one is proven equal to its JavaScript twin
by tests/search/test_javascript.py), then look the stem up in the text and
title terms, with the browser's substring fallback for words longer than
two characters that are not a term themselves. Title-only and index-entry
matches are left out: they are the same for every index. Results are
counted among the posts (the labels' universe), not the journal's home page.

    python benchmarks/search_recall.py [--copies N] [--repeat R] [--misses]
                                       [--corpus DIR] [--queries TSV]

``--copies`` writes every post N times (the relevance of a copy is its
original's), so build time and index size are measured on a bigger journal
without changing recall or precision. Prints Markdown tables.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sphinx.search import SearchLanguage, js_index
from sphinx.search.en import SearchEnglish

from sphinx_journal.search import kiwi
from sphinx_journal.search.language import SearchKorean

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests/roots/test-search-ko/_posts"
QUERIES = Path(__file__).with_name("search_queries.tsv")
#: searchtools.js's splitQuery: runs of letters, numbers, ``_`` (and emoji).
SPLIT = re.compile(r"[^\w]+")


@dataclass(frozen=True)
class Mode:
    name: str
    conf: dict[str, object]
    language: SearchLanguage


def modes() -> list[Mode]:
    found = [
        Mode("Sphinx default", {"html_search_language": "en"}, SearchEnglish({})),
        Mode(
            "rule set",
            {"html_search_options": {"analyzer": "rules"}},
            SearchKorean({"analyzer": "rules"}),
        ),
    ]
    if kiwi.available():
        # the browser has only the rules: the query is stemmed the same way
        found.append(
            Mode("kiwipiepy", {"html_search_options": {"analyzer": "kiwi"}}, found[1].language)
        )
    else:
        print("kiwipiepy is not installed: its row is left out\n")
    return found


def read_queries(path: Path) -> list[tuple[str, str, set[str]]]:
    queries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            query, kind, relevant = line.split("\t")
            queries.append((query, kind, set(relevant.split())))
    return queries


def write_corpus(source: Path, src: Path, copies: int) -> dict[str, str]:
    """Write the journal; return each post's docname -> the original post's name."""
    (src / "_posts").mkdir(parents=True)
    origin = {}
    for path in sorted(source.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        for copy in range(copies):
            name = path.stem if copy == 0 else f"{path.stem}-{copy}"
            # a lecture heading names a label, which must stay unique
            copied = text if copy == 0 else re.sub(r"(?m)^(### .*)$", rf"\1 {copy}", text)
            (src / "_posts" / f"{name}.md").write_text(copied, encoding="utf-8")
            origin[f"_posts/{name}"] = path.stem
    (src / "index.md").write_text("# 공부 기록\n\n매일 배운 것을 남긴다.\n", encoding="utf-8")
    return origin


def build(src: Path, out: Path, conf: dict[str, object]) -> float:
    lines = ['project = "검색 일지"', 'extensions = ["sphinx_journal"]', 'language = "ko"']
    lines += [f"{key} = {value!r}" for key, value in conf.items()]
    (src / "conf.py").write_text("\n".join(lines) + "\n", encoding="utf-8")
    shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "sphinx", "-q", "-E", "-b", "html", str(src), str(out)],
        check=True,
    )
    return time.perf_counter() - start


def search(index: dict[str, Any], language: SearchLanguage, query: str) -> set[str]:
    """The docnames searchtools.js lists for ``query`` from its term tables."""
    results: set[str] | None = None
    for word in filter(None, SPLIT.split(query.strip())):
        lower = word.lower()
        if lower in language.stopwords or lower.isdigit():
            continue
        term = language.stem(lower).lower()
        files: set[int] = set()
        for table in (index["terms"], index["titleterms"]):
            keys = [term] if term in table or len(term) <= 2 else [k for k in table if term in k]
            for key in keys:
                ids = table.get(key, [])
                files |= {ids} if isinstance(ids, int) else set(ids)
        found = {index["docnames"][i] for i in files}
        results = found if results is None else results & found
    return results or set()


@dataclass
class Row:
    name: str
    seconds: float
    size: int
    terms: int
    hits: int = 0
    true: int = 0
    wanted: int = 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="a folder of posts")
    parser.add_argument("--queries", type=Path, default=QUERIES)
    parser.add_argument("--copies", type=int, default=10, help="write each post N times")
    parser.add_argument("--repeat", type=int, default=3, help="builds per index (fastest kept)")
    parser.add_argument("--misses", action="store_true", help="list the queries each index misses")
    args = parser.parse_args()
    queries = read_queries(args.queries)
    rows: list[Row] = []
    misses: dict[str, list[str]] = defaultdict(list)
    by_kind: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "src"
        origin = write_corpus(args.corpus, src, args.copies)
        for mode in modes():
            out = Path(tmp) / "out"
            seconds = min(build(src, out, mode.conf) for _ in range(args.repeat))
            text = (out / "searchindex.js").read_text(encoding="utf-8")
            index = js_index.loads(text)
            row = Row(mode.name, seconds, len(text.encode()), len(index["terms"]))
            for query, kind, relevant in queries:
                found = {doc for doc in search(index, mode.language, query) if doc in origin}
                wanted = {doc for doc in origin if origin[doc] in relevant}
                if found != wanted:
                    misses[mode.name].append(query)
                row.hits += len(found)
                row.true += len(found & wanted)
                row.wanted += len(wanted)
                by_kind[kind][mode.name][0] += len(found & wanted)
                by_kind[kind][mode.name][1] += len(wanted)
            rows.append(row)

    posts = len(origin)
    print(f"{len(queries)} queries over {posts} posts ({args.copies} copies of each)\n")
    print("| index | recall | precision | terms | searchindex.js | build (fastest) |")
    print("|---|---|---|---|---|---|")
    for row in rows:
        recall = row.true / row.wanted if row.wanted else 0.0
        precision = row.true / row.hits if row.hits else 1.0
        print(
            f"| {row.name} | {recall:.2f} | {precision:.2f} | {row.terms} "
            f"| {row.size / 1024:.1f} KiB | {row.seconds:.2f} s |"
        )
    print("\nrecall by kind of query\n")
    print("| kind | queries | " + " | ".join(row.name for row in rows) + " |")
    print("|---|---|" + "---|" * len(rows))
    for kind, counts in by_kind.items():
        n = sum(1 for _, k, _ in queries if k == kind)
        cells = " | ".join(f"{counts[r.name][0] / counts[r.name][1]:.2f}" for r in rows)
        print(f"| {kind} | {n} | {cells} |")
    if args.misses:
        print()
        for row in rows:
            print(f"{row.name} misses: {' '.join(misses[row.name]) or '-'}")


if __name__ == "__main__":
    main()
