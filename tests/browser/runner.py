"""The one way the browser tests drive headless Chromium.

Pages are served over HTTP from 127.0.0.1 (Sphinx's search fetches pages, which
``file://`` forbids). :func:`measure` loads pages in iframes of a given width (an
iframe is its own viewport, so a 390 px phone layout is exact whatever the
headless window's minimum size) and reads what ``measure.js`` found, in light or
dark mode: furo's ``data-theme`` set on the page and the browser's colour scheme
preference both say the same.
"""

from __future__ import annotations

import contextlib
import functools
import html
import json
import re
import shutil
import subprocess
import threading
from collections.abc import Iterable, Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
MEASURE_JS = Path(__file__).with_name("measure.js")
MODES = ("light", "dark")
_PROBE = re.compile(r'<pre id="journal-probe">(.*?)</pre>', re.DOTALL)


def _scheme(mode: str) -> list[str]:
    # Blink's preferredColorScheme: 0 is dark, 1 is light
    if mode == "dark":
        return ["--force-dark-mode", "--blink-settings=preferredColorScheme=0"]
    return ["--blink-settings=preferredColorScheme=1"]


def chromium(profile: Path, *args: str, timeout: int = 180) -> subprocess.CompletedProcess[str]:
    """Run headless Chromium once, with a throwaway profile and no network of its own."""
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
        "--disable-extensions",
        "--hide-scrollbars",
        f"--user-data-dir={profile}",
        *args,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextlib.contextmanager
def served(root: Path) -> Iterator[str]:
    """Serve ``root`` on a free port of 127.0.0.1; yields the base URL."""
    handler = functools.partial(_Quiet, directory=str(root))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def dump_dom(profile: Path, url: str, mode: str = "light", budget_ms: int = 20_000) -> str:
    """The page's DOM once its scripts have run (``--virtual-time-budget``)."""
    result = chromium(
        profile, *_scheme(mode), f"--virtual-time-budget={budget_ms}", "--dump-dom", url
    )
    return result.stdout


def measure(
    outdir: Path, pages: Iterable[str], widths: Iterable[int], mode: str, profile: Path
) -> dict[tuple[str, int], dict[str, Any]]:
    """Measure every page at every width in ``mode``; keyed by (page, width)."""
    frames = "".join(
        f'<iframe src="../{html.escape(page, quote=True)}" data-width="{width}" '
        f'style="width: {width}px; height: 1000px; border: 0; display: block"></iframe>'
        for page in pages
        for width in widths
    )
    probe = outdir / "_probe"
    probe.mkdir(exist_ok=True)
    (probe / "measure.js").write_text(MEASURE_JS.read_text(encoding="utf-8"), encoding="utf-8")
    harness = probe / f"harness-{mode}.html"
    harness.write_text(
        f"<!doctype html><html><head><meta charset='utf-8'></head><body>"
        f"<script>const PROBE = {json.dumps({'theme': mode})};</script>"
        f"<script src='measure.js'></script>{frames}</body></html>",
        encoding="utf-8",
    )
    with served(outdir) as base:
        dom = dump_dom(profile, f"{base}_probe/{harness.name}", mode, 5_000)
    found = _PROBE.search(dom)
    assert found, f"the measuring script did not finish:\n{dom[-2000:]}"
    results = json.loads(html.unescape(found.group(1)))
    by_job: dict[tuple[str, int], dict[str, Any]] = {}
    for result in results:
        assert "error" not in result, result
        by_job[(result["page"].removeprefix("../"), result["width"])] = result
    return by_job
