"""The built example in headless Chromium: calendar, feed link, sidebar, light and dark."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed"),
]
Image = pytest.importorskip("PIL.Image")
ImageStat = pytest.importorskip("PIL.ImageStat")


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        f"--user-data-dir={tmp_path / 'profile'}",
        *args,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


@pytest.fixture
def site(example_project, build):
    return build(example_project, html_baseurl="https://example.org/journal/")


def test_home_page_in_the_browser(site, tmp_path: Path) -> None:
    home = site.page("journal/index.html")
    dom = chromium(tmp_path, "--dump-dom", home.as_uri()).stdout
    assert 'data-date="2021-09-24"' in dom
    assert 'class="journal-day journal-level-4"' in dom  # 6 / 6 done
    assert 'type="application/atom+xml"' in dom
    assert "journal-sidebar" in dom and "[Boostcamp AI Tech] 36일차 학습정리" in dom
    assert 'class="theme-toggle"' in dom  # furo's light/dark toggle is still there


@pytest.mark.parametrize(("width", "height"), [(1280, 1000), (390, 1400)])
def test_screenshots_light_and_dark(site, tmp_path: Path, width: int, height: int) -> None:
    page = site.page("_posts/2021-09-24-boostcamp-day36.html")
    brightness = {}
    for mode, flags in (
        ("light", []),
        ("dark", ["--force-dark-mode", "--blink-settings=preferredColorScheme=0"]),
    ):
        shot = tmp_path / f"post-{width}-{mode}.png"
        chromium(
            tmp_path,
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
