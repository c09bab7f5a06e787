"""What the browser tests share besides their fixtures (tests/e2e/conftest.py): the pages,
Debian's Chromium, a `streamlit run app.py` on a free port, and waiting for a page to finish.

Run: python -m pytest tests/e2e (needs /usr/bin/chromium; skipped without it, failed in CI).
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

ROOT = Path(__file__).resolve().parents[2]
PAGES = [  # (url path, what the page must show, how many charts at least)
    ("", "backpropagation, number by number", 0),
    ("example_1", "Output After Training", 1),
    ("example_2", "Prediction vs target", 1),
    ("example_3", "Detailed run: alpha 10", 1),
    ("compare_nnet", "Why the two differ", 1),
    ("step_by_step", "one iteration, every number", 0),
]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# CI installs Chromium (.ci/run): there a missing browser must fail, not skip.
needs_chromium = pytest.mark.skipif(
    not Path(CHROMIUM).exists() and not os.environ.get("CI"), reason=f"no Chromium at {CHROMIUM}"
)
# Every browser test: slow (python -m pytest -m "not slow" leaves them out) and needs Chromium.
BROWSER_TEST = [pytest.mark.slow, needs_chromium]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def streamlit_server(script: str = "app.py") -> Iterator[str]:
    """A fresh `streamlit run <script>` (a path from the repository root) on a free port, run
    from the root (so its .streamlit/config.toml applies); yields its address."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", script, "--server.headless", "true",
         "--server.port", str(port), "--server.address", "127.0.0.1"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
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


FINISHED = "[data-testid='stApp'][data-test-script-state='notRunning']"  # the run is over


def wait_until_done(tab, text: str, charts: int = 0, timeout: float = 60) -> None:
    """Wait until the page shows `text` and `charts` drawn charts, and the run has finished.
    The text is drawn by the run, so once it shows, the run has started: the app's script
    state (Streamlit's own attribute on its root) then says when it is over."""
    tab.get_by_text(text, exact=False).first.wait_for(timeout=timeout * 1000)
    tab.locator(FINISHED).wait_for(timeout=timeout * 1000)
    if charts:
        tab.wait_for_function(
            "n => document.querySelectorAll(\"[data-testid='stVegaLiteChart'] canvas, "
            "[data-testid='stVegaLiteChart'] svg\").length >= n",
            arg=charts,
            timeout=timeout * 1000,
        )
        tab.wait_for_timeout(1000)  # Vega draws asynchronously after the element appears


# Records the app's script state: the time of the first "running" after it was installed,
# and of the "notRunning" that follows it.
_OBSERVE = """() => {
  const app = document.querySelector("[data-testid='stApp']");
  window.__rerun = {running: null, done: null, start: performance.now()};
  if (window.__rerunObserver) window.__rerunObserver.disconnect();
  window.__rerunObserver = new MutationObserver(() => {
    const state = app.getAttribute('data-test-script-state');
    if (state === 'running' && window.__rerun.running === null)
      window.__rerun.running = performance.now();
    else if (state === 'notRunning' && window.__rerun.running !== null)
      window.__rerun.done = performance.now();
  });
  window.__rerunObserver.observe(app, {attributes: true,
                                       attributeFilter: ['data-test-script-state']});
}"""


def rerun_after(tab, action, timeout: float = 60) -> None:
    """Do `action` (a click, a key press) and wait until the run it starts has finished: the
    app's script state goes to running and back, watched from before the action."""
    tab.evaluate(_OBSERVE)
    action()
    tab.wait_for_function("() => window.__rerun.done !== null", timeout=timeout * 1000)
