"""A deterministic journal of N posts shaped like a real study journal.

Korean and English, front matter like Jekyll's, a schedule checklist with
``Speaker (Affiliation) - Title`` items, lecture subsections, paper links
from a shared pool (so papers repeat across posts), other links, a peer
session and a retrospective. The same N and seed give byte-identical files.

    python benchmarks/generate.py N DIR
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path

SPEAKERS = [
    ("이준엽", "Upstage"),
    ("오혜연", "KAIST"),
    ("박은정", "Upstage"),
    ("주재걸", "KAIST"),
    ("Ada Park", "NAVER"),
    ("Min Lee", "Seoul National University"),
]
TOPICS = [
    "Attention",
    "Transformer",
    "시각화",
    "언어 모델",
    "추천 시스템",
    "Object Detection",
    "MLOps",
    "데이터 엔지니어링",
    "Graph Neural Networks",
    "강화 학습",
    "Optimization",
    "Semantic Segmentation",
]
PAPERS = [
    "https://arxiv.org/abs/1706.03762",
    "https://arxiv.org/pdf/1810.04805v2.pdf",
    "https://arxiv.org/abs/2003.11511",
    "https://doi.org/10.1145/3442188.3445922",
    "https://dl.acm.org/doi/abs/10.1145/3292500.3330701",
    "https://www.nature.com/articles/s41591-020-0931-3",
    "https://papers.ssrn.com/sol3/papers.cfm?abstract_id=2477899",
    "https://aclanthology.org/2020.acl-main.747/",
    "https://openreview.net/forum?id=YicbFdNTTy",
    "https://www.sciencedirect.com/science/article/abs/pii/S0360544217320388",
]
OTHER_LINKS = [
    "https://youtu.be/Mur70YjInmI",
    "https://jalammar.github.io/illustrated-transformer/",
    "https://pytorch.org/docs/stable/index.html",
]
SENTENCES = [
    "처음부터 끝까지 내 손으로 만들 수 있어서 재밌다.",
    "데이터에 맞는 시각화를 고민해야 한다.",
    "The loss curve flattened after the warm-up steps.",
    "질문에 대한 답을 찾는 태스크를 정리했다.",
    "Batch normalization stabilises training of deep networks.",
    "모델의 일반화 성능을 검증 데이터로 확인했다.",
    "We compared `AdamW` with `SGD` and a cosine schedule.",
    "수식 $\\alpha + \\beta$ 로 정규화 항을 표현한다.",
    "**핵심**은 작은 실험을 빠르게 반복하는 것이다.",
    "Gradient accumulation lets a small GPU mimic a large batch.",
]


def post(number: int, day: dt.date, rng: random.Random) -> str:
    week = number // 5 + 1
    lectures = [f"{topic} {number}-{part}" for part, topic in enumerate(rng.sample(TOPICS, 3))]
    speakers = [rng.choice(SPEAKERS) for _ in lectures]
    done = [rng.random() < 0.85 for _ in range(len(lectures) + 2)]
    korean = number % 3 != 2
    date_line = (
        f"date: {day.isoformat()} 21:{number % 60:02d}:00 +0900\n" if number % 4 == 0 else ""
    )
    lines = [
        "---",
        "layout: post",
        f'title:  "[Boostcamp AI Tech] {number}일차 학습정리"',
        f'subtitle:   "Naver Boostcamp AI Tech Day{number}"',
        'categories: "Boostcamp-AI-Tech"',
        f"tags: [{week}주차, Level{1 + number // 40}-U-Stage]",
        "use_math: true",
        date_line.rstrip("\n"),
        "---",
        "",
        f"# 부스트캠프 {number}일차" if korean else f"# Boostcamp day {number}",
        "",
        "## 📝 오늘 일정 정리" if korean else "## Today's schedule",
        "",
        f"* {day.month}/{day.day}",
    ]
    lines = [line for index, line in enumerate(lines) if line or index > 8]  # no empty date
    lines.append(f"  - [{'x' if done[0] else ' '}] 특강")
    for (speaker, affiliation), topic, mark in zip(speakers, lectures, done[1:], strict=False):
        lines.append(f"    - [{'x' if mark else ' '}] {speaker} ({affiliation}) - {topic}")
    lines.append(f"  - [{'x' if done[-1] else ' '}] 과제 {number}")
    lines += ["", "## 📚 강의 내용 정리" if korean else "## Lecture notes", ""]
    for topic in lectures:
        lines += [f"### {topic}", ""]
        for _ in range(rng.randint(6, 12)):
            lines.append(f"* {rng.choice(SENTENCES)}")
            if rng.random() < 0.5:
                lines.append(f"  * {rng.choice(SENTENCES)}")
        if rng.random() < 0.6:
            paper = rng.choice(PAPERS)
            lines.append(f"* 참고 논문: [{topic} paper]({paper})")
        lines.append(f"* 영상: [{topic} video]({rng.choice(OTHER_LINKS)})")
        lines.append("")
    lines += [
        "## 🌱 피어 세션 정리",
        "",
        f"* {rng.choice(SENTENCES)}",
        "",
        "## 🚀 학습 회고" if korean else "## Retrospective",
        "",
        f"* {rng.choice(SENTENCES)}",
        "",
    ]
    return "\n".join(lines)


def generate(count: int, target: Path, seed: int = 36) -> list[Path]:
    rng = random.Random(seed)
    posts = target / "_posts"
    posts.mkdir(parents=True, exist_ok=True)
    day = dt.date(2021, 7, 26)
    written = []
    for number in range(1, count + 1):
        path = posts / f"{day.isoformat()}-day{number}.md"
        path.write_text(post(number, day, rng), encoding="utf-8")
        written.append(path)
        day += dt.timedelta(days=1 if day.weekday() < 4 else 3)
    return written


if __name__ == "__main__":
    generate(int(sys.argv[1]), Path(sys.argv[2]))
