"""Recall and precision of Korean search: Sphinx's default, the rule set, and kiwipiepy.

Builds one Korean journal three ways and asks each index the same queries,
stemmed as the browser stems them. A document is relevant to a query when
one of its words starts with the query (``시각화`` is relevant where the text
says ``시각화를``): what a reader typing the bare word wants to find.

    python benchmarks/search_recall.py [JOURNAL_DIR]

Without an argument, the shared example post and the project's Korean test
posts are used. Prints a Markdown table.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import snowballstemmer

from sphinx_journal.search import rules

ROOT = Path(__file__).resolve().parents[1]
QUERIES = [
    "질문",
    "유튜브",
    "엣지",
    "강점",
    "시각화",
    "데이터",
    "모델",
    "대시보드",
    "논문",
    "스택",
    "회사",
    "능력",
    "경험",
    "과제",
    "회고",
    "강의",
    "평가",
    "문장",
    "추론",
    "자연어",
]
MODES = {
    "sphinx default": {"html_search_language": "en"},
    "rule set": {"language": "ko", "html_search_options": {"analyzer": "rules"}},
    "kiwipiepy": {"language": "ko", "html_search_options": {"analyzer": "auto"}},
}


def corpus(source: Path | None, into: Path) -> None:
    posts = into / "_posts"
    posts.mkdir(parents=True)
    if source is not None:
        for path in source.rglob("*.md"):
            shutil.copy(path, posts / path.name)
        return
    for path in [
        *(ROOT.parent / "shared/examples/jekyll-site/_posts").glob("*.md"),
        *(ROOT / "tests/roots/test-sections/_posts").glob("*.md"),
    ]:
        shutil.copy(path, posts / path.name)


def build(src: Path, out: Path, overrides: dict[str, object]) -> float:
    conf = ['project = "Search"', 'extensions = ["sphinx_journal"]']
    conf += [f"{key} = {value!r}" for key, value in overrides.items()]
    (src / "conf.py").write_text("\n".join(conf) + "\n", encoding="utf-8")
    (src / "index.md").write_text("# Search\n", encoding="utf-8")
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "sphinx", "-Q", "-E", "-b", "html", str(src), str(out)], check=True
    )
    return time.perf_counter() - start


def lookup(out: Path, term: str) -> set[str]:
    text = (out / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(text[text.index("(") + 1 : text.rindex(")")])
    found: set[str] = set()
    for table in ("terms", "titleterms"):
        value = index[table].get(term)
        if value is not None:
            ids = [value] if isinstance(value, int) else value
            found |= {index["docnames"][i] for i in ids}
    return found


def relevant(src: Path, query: str) -> set[str]:
    result = set()
    for path in (src / "_posts").glob("*.md"):
        words = re.findall(r"\w+", path.read_text(encoding="utf-8"))
        if any(word.startswith(query) for word in words):
            result.add(f"_posts/{path.stem}")
    return result


def main() -> None:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else None
    english = snowballstemmer.stemmer("english")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "src"
        corpus(source, src)
        gold = {query: relevant(src, query) for query in QUERIES}
        for name, overrides in MODES.items():
            out = Path(tmp) / name.replace(" ", "-")
            seconds = build(src, out, overrides)
            hits = tp = want = 0
            for query in QUERIES:
                stem = english.stemWord(query) if name == "sphinx default" else rules.stem(query)
                found = lookup(out, stem.lower())
                hits += len(found)
                tp += len(found & gold[query])
                want += len(gold[query])
            size = (out / "searchindex.js").stat().st_size
            rows.append((name, tp / want if want else 0, tp / hits if hits else 1, size, seconds))
    print(
        f"{len(QUERIES)} queries, {sum(len(g) for g in gold.values())} relevant (query, post)"
        " pairs\n"
    )
    print("| index | recall | precision | searchindex.js | build |")
    print("|---|---|---|---|---|")
    for name, recall, precision, size, seconds in rows:
        print(
            f"| {name} | {recall:.2f} | {precision:.2f} | {size / 1024:.1f} KiB | {seconds:.1f} s |"
        )


if __name__ == "__main__":
    main()
