"""Backprop vs nnet in a real browser (issues 10 and 12), at 1280x720 (a laptop, a projector)
and at 390x844 (a phone): the tutorial's size-4 fit matches on opening, no metric's label or
value is cut ("Sum of squared er...", "8.21e..."), the objective chart is whole and its legend
(and every text of it) lies inside it, and the page is not many screens long. The size-32 fit
is one click away. Saves each first screen: in a temporary folder, or with --screenshots=DIR.

Run: python -m pytest tests/e2e/test_compare_browser.py (needs /usr/bin/chromium).
"""

from __future__ import annotations

import test_first_screen_browser as first_screen
from browser_helpers import BROWSER_TEST, FINISHED, rerun_after
from test_first_screen_browser import FIRST_SCREEN, assert_nothing_cut

pytestmark = BROWSER_TEST

sized = first_screen.sized  # a tab at 1280x720, then at 390x844

PATH = "compare_nnet"
MAX_SCREENS = 4  # the page's height, in screens, with its first tab open

# Each metric's label and value: the text, and whether any element of it is cut (its content
# wider than its box: Streamlit cuts a metric with an ellipsis).
METRICS = """() => Array.from(document.querySelectorAll(
    "[data-testid='stMain'] [data-testid='stMetricLabel'], "
    + "[data-testid='stMain'] [data-testid='stMetricValue']"))
  .map(e => ({text: e.textContent, box: e.getBoundingClientRect().width,
              cut: [e, ...e.querySelectorAll('*')].some(c => c.scrollWidth > c.clientWidth + 1)}))"""

HEIGHT = "() => document.querySelector('[data-testid=stMain]').scrollHeight / innerHeight"


def open_compare(tab, server: str, query: str = "") -> None:
    tab.goto(f"{server}/{PATH}{query}")
    tab.get_by_text("Fitted values vs target").first.wait_for(timeout=60_000)
    tab.locator(FINISHED).wait_for(timeout=60_000)
    tab.wait_for_function(
        "() => document.querySelector(\".st-key-first_chart [data-testid='stVegaLiteChart'] svg"
        ' .role-legend") !== null',
        timeout=60_000,
    )
    tab.get_by_text("Backprop iterations").first.wait_for(timeout=60_000)
    tab.wait_for_timeout(800)  # Vega lays the chart out after it appears


def assert_metrics_whole(tab, where: str) -> None:
    shown = tab.evaluate(METRICS)
    texts = [m["text"] for m in shown]
    assert {"Backprop iterations", "nnet iterations", "Backprop SSE", "nnet SSE"} <= set(texts)
    assert all(m["box"] > 0 for m in shown), f"{where}: a metric is not drawn"
    cut = [m["text"] for m in shown if m["cut"]]
    assert cut == [], f"{where}: metrics cut: {cut}"


def test_opens_on_the_tutorials_fit_and_nothing_is_cut(server, sized, screenshots):
    name, tab = sized
    open_compare(tab, server)
    tab.get_by_text("Every number the tutorial prints for this fit matches: all 31").wait_for()
    # the first tab's table (a canvas: its cells are in the page, hidden, for screen readers)
    tab.get_by_text("initial value 1.152323", exact=True).first.wait_for(state="attached")
    shown = tab.evaluate(FIRST_SCREEN)
    chart, table = shown["chart"], shown["table"]
    assert chart["left"] >= 0 and chart["right"] <= shown["width"], chart
    if name == "laptop":  # chart whole, fitted values beside it, on the first screen
        assert chart["top"] >= 0 and chart["bottom"] <= shown["height"], chart
        assert table["left"] >= chart["right"] and 0 <= table["top"] < shown["height"] - 40
    tab.screenshot(path=str(screenshots / f"{PATH}_{shown['width']}x{shown['height']}.png"))
    assert_metrics_whole(tab, f"{PATH} at {name}")
    charts = assert_nothing_cut(tab, f"{PATH} at {name}")
    assert sum(c["legends"] for c in charts) >= 1, "no legend drawn"
    assert tab.evaluate(HEIGHT) <= MAX_SCREENS, "the page is too long"


def test_size_32_fit_is_one_click_away(server, sized):
    name, tab = sized
    open_compare(tab, server)
    if name == "phone":  # the sidebar is folded away on a phone
        tab.locator("[data-testid='stExpandSidebarButton']").click()
    option = tab.get_by_text("Tutorial's, size 32 (Example 3)")
    rerun_after(tab, option.click)
    cell = tab.get_by_text("initial value 1.851187", exact=True).first
    cell.wait_for(state="attached", timeout=60_000)
    tab.get_by_text("0.0001274475", exact=True).first.wait_for(state="attached")
    assert tab.url.endswith(f"/{PATH}?fit=ex3")
    if name == "phone":
        tab.keyboard.press("Escape")
        tab.locator("[data-testid='stSidebarCollapseButton'] button").first.click()
    tab.wait_for_timeout(1200)
    assert_metrics_whole(tab, f"{PATH}?fit=ex3 at {name}")
    assert_nothing_cut(tab, f"{PATH}?fit=ex3 at {name}")
