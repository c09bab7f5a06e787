"""The dashboard in a real browser: `streamlit run app.py` on a free port, driven with
Debian's Chromium through every page. Saves a screenshot of each page under docs/.

Run: python -m pytest tests/e2e (needs /usr/bin/chromium; skipped without it).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

playwright = pytest.importorskip("playwright.sync_api")

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PAGES = [  # (url path, what the page must show, how many charts at least)
    ("", "backpropagation, number by number", 0),
    ("example_1", "Output After Training", 3),
    ("example_2", "Prediction vs target", 4),
    ("example_3", "Error at the seed's checkpoints", 3),
    ("compare_nnet", "Why the two differ", 1),
    ("step_by_step", "one iteration, every number", 1),
]

# CI installs Chromium (.ci/run): there a missing browser must fail, not skip.
pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists() and not os.environ.get("CI"), reason=f"no Chromium at {CHROMIUM}"
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def streamlit_server() -> Iterator[str]:
    """A fresh `streamlit run app.py` on a free port; yields its address."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
         "--server.port", str(port), "--server.address", "127.0.0.1"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"{url}/_stcore/health", timeout=2)
                break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError("streamlit did not start") from None
                time.sleep(0.3)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.fixture(scope="module")
def server():
    with streamlit_server() as url:
        yield url


@pytest.fixture(scope="module")
def page():
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        tab = browser.new_page(viewport={"width": 1400, "height": 4000})  # tall: draws all charts
        yield tab
        browser.close()


def wait_until_done(tab, text: str, charts: int = 0, timeout: float = 60) -> None:
    """Wait until the page shows `text` and `charts` drawn charts, and the run has finished
    (Streamlit's status widget shows "Running..." while the script runs)."""
    tab.get_by_text(text, exact=False).first.wait_for(timeout=timeout * 1000)
    tab.wait_for_function(
        "() => !document.querySelector(\"[data-testid='stStatusWidget']\")",
        timeout=timeout * 1000,
    )
    tab.wait_for_function(
        "n => document.querySelectorAll(\"[data-testid='stVegaLiteChart'] canvas, "
        "[data-testid='stVegaLiteChart'] svg\").length >= n",
        arg=charts,
        timeout=timeout * 1000,
    )
    tab.wait_for_timeout(1000)  # Vega draws asynchronously after the element appears


@pytest.mark.parametrize(("path", "text", "charts"), PAGES)
def test_page_in_browser(server, page, path, text, charts):
    page.goto(f"{server}/{path}")
    wait_until_done(page, text, charts)
    assert page.locator("[data-testid='stException']").count() == 0
    if charts:
        assert page.locator("[data-testid='stDataFrame']").count() >= 1
    DOCS.mkdir(exist_ok=True)
    screenshot(page, DOCS / f"{path or 'home'}.png")


def test_link_sets_controls_and_garbage_falls_back(server, page):
    page.goto(f"{server}/example_2?alpha=abc&hidden=-5&iterations=1e99&seed=")
    wait_until_done(page, "could not be used", 4)
    assert page.locator("[data-testid='stException']").count() == 0
    page.goto(f"{server}/example_2?hidden=8")
    wait_until_done(page, "nothing printed to compare", 4)
    assert page.locator("[data-testid='stException']").count() == 0
    assert "hidden=8" in page.url


def test_a_link_that_opens_a_fresh_server_still_gets_the_whole_app(page):
    """A workshop link is often a new server's first request: Streamlit's legacy pages/ mode
    would run the page alone (no titles, no layout); the page must still come with app.py."""
    with streamlit_server() as url:
        page.goto(f"{url}/example_3?alphas=1&alphas=10&alpha=1")
        wait_until_done(page, "Error at the seed's checkpoints", 2)
        navigation = page.locator("[data-testid='stSidebarNav']").inner_text()
        assert "Example 3: the alpha sweep" in navigation  # app.py's titles, not file names
        assert "example 3" not in navigation
        assert "alpha=1" in page.url and page.locator("[data-testid='stException']").count() == 0


def screenshot(tab, path: Path) -> None:
    """The whole page: Streamlit scrolls inside its main block, so grow the viewport to it."""
    height = tab.evaluate(
        "() => document.querySelector(\"[data-testid='stMain']\")?.scrollHeight ?? 1000"
    )
    tab.set_viewport_size({"width": 1400, "height": min(max(int(height), 1000), 8000)})
    tab.wait_for_timeout(1500)  # let the charts redraw at the new size
    tab.screenshot(path=str(path), full_page=True)
    tab.set_viewport_size({"width": 1400, "height": 4000})
