"""The dashboard in a real browser: `streamlit run app.py` on a free port, driven with
Debian's Chromium through every page. Saves a screenshot of each page: in a temporary folder,
or in docs/ (the README's) with `python -m pytest tests/e2e --screenshots=docs`.

Run: python -m pytest tests/e2e (needs /usr/bin/chromium; skipped without it).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from browser_helpers import BROWSER_TEST, PAGES, streamlit_server, wait_until_done

pytestmark = BROWSER_TEST


@pytest.mark.parametrize(("path", "text", "charts"), PAGES)
def test_page_in_browser(server, shared_tab, screenshots, path, text, charts):
    shared_tab.goto(f"{server}/{path}")
    wait_until_done(shared_tab, text, charts)
    assert shared_tab.locator("[data-testid='stException']").count() == 0
    if charts:
        assert shared_tab.locator("[data-testid='stDataFrame']").count() >= 1
    screenshot(shared_tab, screenshots / f"{path or 'home'}.png")


def test_link_sets_controls_and_garbage_falls_back(server, shared_tab):
    tab = shared_tab
    tab.goto(f"{server}/example_2?alpha=abc&hidden=-5&iterations=1e99&seed=")
    wait_until_done(tab, "could not be used", 1)  # the first screen's chart; tabs are lazy
    assert tab.locator("[data-testid='stException']").count() == 0
    tab.goto(f"{server}/example_2?hidden=8")
    wait_until_done(tab, "nothing printed to compare", 1)
    assert tab.locator("[data-testid='stException']").count() == 0
    assert "hidden=8" in tab.url


def test_a_link_that_opens_a_fresh_server_still_gets_the_whole_app(shared_tab):
    """A workshop link is often a new server's first request: Streamlit's legacy pages/ mode
    would run the page alone (no titles, no layout); the page must still come with app.py.
    So this test starts a server of its own, which no other test has visited."""
    tab = shared_tab
    with streamlit_server() as url:
        tab.goto(f"{url}/example_3?alphas=1&alphas=10&alpha=1")
        wait_until_done(tab, "Each alpha at the tutorial's checkpoints", 1)
        navigation = tab.locator("[data-testid='stSidebarNav']").inner_text()
        assert "Example 3: the alpha sweep" in navigation  # app.py's titles, not file names
        assert "example 3" not in navigation
        assert "alpha=1" in tab.url and tab.locator("[data-testid='stException']").count() == 0


def screenshot(tab, path: Path) -> None:
    """The whole page: Streamlit scrolls inside its main block, so grow the viewport to it."""
    height = tab.evaluate(
        "() => document.querySelector(\"[data-testid='stMain']\")?.scrollHeight ?? 1000"
    )
    tab.set_viewport_size({"width": 1400, "height": min(max(int(height), 1000), 8000)})
    tab.wait_for_timeout(1500)  # let the charts redraw at the new size
    tab.screenshot(path=str(path), full_page=True)
    tab.set_viewport_size({"width": 1400, "height": 4000})
