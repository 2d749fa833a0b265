"""Built journals in headless Chromium, in light and dark mode, at 1280 and 390 px (SPEC §8).

Three kinds of site are measured the same way: the shared example, a root of
this suite (Korean, a brand colour of its own, 60 posts), and, with
``--journal-corpus DIR``, each real journal there (imported as a user would).
Colours are read from computed styles (backgrounds blended up the tree), so
what is asserted is what a reader sees.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from sphinx_journal.cli.importer import import_site
from sphinx_journal.posts.index import post_index
from tests.browser.runner import CHROMIUM, MODES, chromium, dump_dom, measure, served
from tests.test_corpus import journals_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed"),
]
Image = pytest.importorskip("PIL.Image")
ImageStat = pytest.importorskip("PIL.ImageStat")

WIDTHS = (1280, 390)
AA = 4.5
ISO_WEEK = re.compile(r"\b\d{4}-W\d{2}\b")
ENGLISH_WEEK = re.compile(r"\bweeks?\b", re.IGNORECASE)
ONE_PLURAL = re.compile(r"(?<![\d.,])1 (days|posts|lectures|papers)\b|\(s\)")
BRAND = {"light": "#b5179e", "dark": "#f28ad8"}  # tests/roots/test-frontdoor/conf.py


def generated_days(srcdir: Path, count: int) -> None:
    """``count`` weekday posts from 2021-08-02, in the shape of a bootcamp journal's days."""
    speakers = [("김하나", "Upstage"), ("이두리", "KAIST"), ("박세나", ""), ("최네오", "Naver")]
    day = dt.date(2021, 8, 2)
    for number in range(1, count + 1):
        while day.weekday() >= 5:
            day += dt.timedelta(days=1)
        speaker, affiliation = speakers[number % len(speakers)]
        who = f"{speaker} ({affiliation})" if affiliation else speaker
        week = (day - dt.date(2021, 8, 2)).days // 7 + 1
        done = "x" if number % 5 else " "
        (srcdir / "_posts" / f"{day.isoformat()}-day{number}.md").write_text(
            f'---\ntitle: "[Study] {number}일차 학습정리"\ncategories: "Study"\n'
            f"tags: [{week}주차]\n---\n\n"
            f"## 📝 오늘 일정 정리\n\n* {day.month}/{day.day}\n"
            f"  - [x] 특강\n    - [x] {who} - 특강 {number}\n"
            f"  - [x] [{number % 9 + 1}강] 강의 {number}\n  - [{done}] 과제 {number}\n\n"
            f"## 📚 강의 내용 정리\n\n### 특강 {number}\n\n* 메모.\n\n"
            f"### [{number % 9 + 1}강] 강의 {number}\n\n* 메모.\n\n"
            f"## 🚀 학습 회고\n\n* {number}일째 회고.\n",
            encoding="utf-8",
        )
        day += dt.timedelta(days=1)


class Site:
    """A built journal: where its pages are and what its posts say."""

    def __init__(self, name: str, built: Any, brand: dict[str, str] | None = None) -> None:
        self.name = name
        self.outdir = Path(built.outdir)
        self.brand = brand
        env = built.app.env
        posts = post_index(env).posts
        self.posts = len(posts)
        dated = [p for p in posts if p.meta.date is not None]
        newest = max(dated, key=lambda p: p.meta.date.day) if dated else None
        self.newest = newest.meta.date.day.isoformat() if newest and newest.meta.date else None
        self.newest_page = f"{newest.docname}.html" if newest else None
        self.korean = (env.config.language or "").startswith("ko")

    def pages(self) -> list[str]:
        names = ["index", "progress", "lectures", "archive", "retrospectives", "tags/index"]
        found = [f"journal/{name}.html" for name in names]
        digests = sorted((self.outdir / "journal/weeks").glob("*.html"))
        if digests:
            found.append(f"journal/weeks/{digests[-1].name}")
        if self.newest_page:
            found.append(self.newest_page)
        return [page for page in found if (self.outdir / page).is_file()]


def problems_of(site: Site, profile: Path) -> tuple[list[str], dict[str, float]]:
    """Everything the measurements find wrong, and the smallest contrast per mode."""
    problems: list[str] = []
    minima: dict[str, float] = {}
    for mode in MODES:
        results = measure(site.outdir, site.pages(), WIDTHS, mode, profile)
        for (page, width), result in results.items():
            where = f"{site.name} {page} {width}px {mode}"
            problems.extend(f"{where}: {p}" for p in page_problems(site, result, mode, width))
            if result["minContrast"] is not None:
                minima[mode] = min(minima.get(mode, 99.0), result["minContrast"])
    return problems, minima


def brightness(colour: str) -> float:
    """A ``#rrggbb`` colour's relative luminance (WCAG), 0 for black to 1 for white."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def page_problems(site: Site, result: dict[str, Any], mode: str, width: int) -> list[str]:
    found: list[str] = []
    if (brightness(result["bodyBackground"]) < 0.2) != (mode == "dark"):
        found.append(f"page colour {result['bodyBackground']} is not {mode}")
    if result["texts"] == 0:
        found.append("no text of the journal's markup")
    for text in result["worst"]:
        if text["ratio"] < AA:
            found.append(
                f"contrast {text['ratio']:.2f} < {AA} for {text['text']!r} "
                f"({text['where']}: {text['fg']} on {text['bg']})"
            )
    if site.brand and result["brand"] != site.brand[mode]:
        found.append(f"brand colour is {result['brand']}, not the configured {site.brand[mode]}")
    if result["fill"] is not None and result["fill"] != result["brand"]:
        found.append(f"progress fill {result['fill']} is not the brand colour {result['brand']}")
    calendar = result["calendar"]
    if calendar is not None:
        found.extend(calendar_problems(site, calendar, result["brand"], width))
    lectures = result["page"].endswith("lectures.html") and width == 1280
    # a journal of up to 60 posts, every view of its lecture index: under 4,000 px
    if lectures and 0 < site.posts <= 60 and result["height"] >= 4000:
        tabs = result["tabHeights"]
        found.append(f"the lecture page is {result['height']} px tall (tabs {tabs})")
    text = result["mainText"]
    for pattern, what in ((ISO_WEEK, "an ISO week code"), (ONE_PLURAL, "a wrong plural")):
        if match := pattern.search(text):
            found.append(f"{what}: {match.group(0)!r}")
    for words in result["weekWords"]:
        if ISO_WEEK.search(words or ""):
            found.append(f"an ISO week code in {words!r}")
        if site.korean and ENGLISH_WEEK.search(words or ""):
            found.append(f"an English week word on a Korean site: {words!r}")
    if site.korean and result["wordBreak"] != "keep-all":
        found.append(f"word-break is {result['wordBreak']!r}, not keep-all, on a Korean page")
    return found


def calendar_problems(
    site: Site, calendar: dict[str, Any], brand: str | None, width: int
) -> list[str]:
    found: list[str] = []
    levels = calendar["levels"]
    if any(level is None for level in levels):
        found.append(f"a heatmap level has no cell: {levels}")
        return found
    if levels[4]["colour"] != brand:
        found.append(f"the top heatmap level {levels[4]['colour']} is not the brand {brand}")
    contrasts = [level["contrast"] for level in levels]
    if contrasts != sorted(contrasts) or len(set(contrasts)) != 5:
        found.append(f"heatmap levels do not rise in contrast with the page: {contrasts}")
    if not len(calendar["weekdays"]) >= 3:
        found.append(f"weekday labels: {calendar['weekdays']}")
    if not calendar["months"]:
        found.append("no month label")
    if width == 1280:  # a whole year fits the column: every label whole, none scrolled away
        found.extend(
            f"month label {m['text']} of {m['year']} is {m['state']}"
            for m in calendar["months"]
            if m["state"] != "shown"
        )
    legend = calendar["legend"]
    if not legend or legend["cells"] != 5 or not legend["text"]:
        found.append(f"legend: {legend}")
    last = max(calendar["dates"], default=None)
    if last != site.newest:
        found.append(f"the heatmap ends on {last}, the newest post is {site.newest}")
    newest = calendar["newest"]
    if newest is None or newest["date"] != site.newest:
        found.append(f"the newest post's cell: {newest}")
    elif not (newest["inScroller"] and newest["inViewport"]):
        found.append(f"the newest post's cell is out of view at {width} px: {newest}")
    return found


def report(site: Site, problems: list[str], minima: dict[str, float]) -> None:
    print(
        f"\n{site.name}: {site.posts} posts, smallest contrast "
        + ", ".join(f"{mode} {value:.2f}" for mode, value in minima.items())
    )
    assert not problems, "\n".join(problems[:40])


@pytest.fixture
def example_site(example_project, build) -> Site:
    return Site("shared example", build(example_project, html_baseurl="https://example.org/"))


@pytest.fixture(params=["ko", "en"])
def own_site(request: pytest.FixtureRequest, copy_root, build) -> Site:
    """The suite's own journal, in Korean and (the same posts) with an English interface.

    Its posts run from August 2021 to January 2022: a whole year is drawn, then a
    year only days old, with English weekday names, the widest labels.
    """
    srcdir = copy_root("frontdoor")
    generated_days(srcdir, 56)
    built = build(srcdir, language=request.param)
    return Site(f"test-frontdoor ({request.param})", built, BRAND)


def test_shared_example_in_light_and_dark(example_site: Site, tmp_path: Path) -> None:
    problems, minima = problems_of(example_site, tmp_path / "profile")
    report(example_site, problems, minima)


def test_own_root_brand_colour_60_posts(own_site: Site, tmp_path: Path) -> None:
    assert own_site.posts == 60
    problems, minima = problems_of(own_site, tmp_path / "profile")
    report(own_site, problems, minima)


def test_real_journals(request: pytest.FixtureRequest, build, tmp_path: Path) -> None:
    value = request.config.getoption("--journal-corpus")
    if not value:
        pytest.skip("no --journal-corpus DIR given")
    problems: list[str] = []
    for journal in journals_in(Path(value).expanduser().resolve()):
        target = tmp_path / journal.name
        assert import_site(journal, target) == 0
        site = Site(journal.name, build(target))
        found, minima = problems_of(site, tmp_path / "profile")
        print(
            f"\n{site.name}: {site.posts} posts, smallest contrast "
            + ", ".join(f"{mode} {value:.2f}" for mode, value in minima.items())
        )
        problems.extend(found)
        shutil.rmtree(target / "_build", ignore_errors=True)
    assert not problems, "\n".join(problems[:60])


def snippets(dom: str) -> list[str]:
    found = re.findall(r'<p class="context">(.*?)</p>', dom, re.DOTALL)
    return [" ".join(html.unescape(re.sub(r"<[^>]+>", "", s)).split()) for s in found]


def test_search_snippets_leave_out_the_post_header(example_site: Site, tmp_path: Path) -> None:
    search = example_site.outdir / "search.html"
    plain = example_site.outdir / "search-without-journal.html"
    plain.write_text(
        re.sub(r"<script[^>]*sphinx-journal-search\.js[^>]*></script>", "", search.read_text()),
        encoding="utf-8",
    )
    with served(example_site.outdir) as base:
        # a word of the title: the snippet is cut from the top of the page
        ours = snippets(dump_dom(tmp_path / "p1", f"{base}search.html?q=Boostcamp"))
        sphinx = snippets(dump_dom(tmp_path / "p2", f"{base}{plain.name}?q=Boostcamp"))
    header = ("September 24, 2021", "min read", "Naver Boostcamp AI Tech Level1 Day36")
    # the same page is found; Sphinx alone opens its snippet with the header, the journal not
    assert ours and sphinx
    assert any(part in " ".join(sphinx) for part in header)
    for snippet in ours:
        assert not any(part in snippet for part in header), snippet
    assert any("부스트캠프 36일차" in snippet for snippet in ours)  # the post's own first words


def test_home_page_in_the_browser(example_site: Site, tmp_path: Path) -> None:
    home = example_site.outdir / "journal/index.html"
    dom = chromium(tmp_path / "profile", "--dump-dom", home.as_uri()).stdout
    assert 'data-date="2021-09-24"' in dom
    assert 'class="journal-day journal-level-4"' in dom  # 6 / 6 done
    assert 'type="application/atom+xml"' in dom
    assert "journal-sidebar" in dom and "[Boostcamp AI Tech] 36일차 학습정리" in dom
    assert 'class="theme-toggle"' in dom  # furo's light/dark toggle is still there


@pytest.mark.parametrize(("width", "height"), [(1280, 1000), (390, 1400)])
def test_screenshots_light_and_dark(
    example_site: Site, tmp_path: Path, width: int, height: int
) -> None:
    page = example_site.outdir / "_posts/2021-09-24-boostcamp-day36.html"
    brightness = {}
    for mode, flags in (
        ("light", []),
        ("dark", ["--force-dark-mode", "--blink-settings=preferredColorScheme=0"]),
    ):
        shot = tmp_path / f"post-{width}-{mode}.png"
        chromium(
            tmp_path / "profile",
            *flags,
            f"--screenshot={shot}",
            f"--window-size={width},{height}",
            page.as_uri(),
        )
        image = Image.open(shot).convert("RGB")
        assert image.size == (width, height)
        colours = image.getcolors(maxcolors=1_000_000) or []
        assert len(colours) > 50, "the page is blank"
        brightness[mode] = ImageStat.Stat(image.convert("L")).mean[0]
    assert brightness["dark"] < 100 < brightness["light"]
