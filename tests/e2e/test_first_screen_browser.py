"""The example pages' first screen in a real browser (issue 10), at 1280x720 (a laptop, a
projector) and at 390x844 (a phone): the error chart is whole and the prediction table
starts on the first screen, and no chart's legend (nor any of its text) is cut, on the
first screen and in the tabs that hold charts. Saves each first screen: in a temporary
folder, or with --screenshots=DIR in DIR.

Run: python -m pytest tests/e2e (needs /usr/bin/chromium; skipped without it).
"""

from __future__ import annotations

import pytest
from browser_helpers import BROWSER_TEST, FINISHED, PAGES, rerun_after

pytestmark = BROWSER_TEST

VIEWPORTS = {"laptop": (1280, 720), "phone": (390, 844)}
EXAMPLES = [(path, text) for path, text, _ in PAGES if path.startswith("example_")]
TABS_WITH_CHARTS = {
    "example_1": ["Weights during training", "The sigmoid's slope"],
    "example_2": ["Weights", "Decision surface"],
    "example_3": ["Weights", "Decision surface"],
}

FIRST_SCREEN = """() => {
  const box = e => { const b = e.getBoundingClientRect();
                     return {top: b.top, bottom: b.bottom, left: b.left, right: b.right}; };
  const chart = document.querySelector(".st-key-first_chart [data-testid='stVegaLiteChart']");
  const table = document.querySelector(".st-key-first_answer [data-testid='stDataFrame']");
  return {chart: box(chart), table: box(table), width: innerWidth, height: innerHeight};
}"""

# Every chart in the main area: how many legends it has, and the legends and texts that lie
# outside what it shows (the chart's element and its SVG, whichever is smaller).
CUT = """() => Array.from(
    document.querySelectorAll("[data-testid='stMain'] [data-testid='stVegaLiteChart']"))
  .filter(c => c.getBoundingClientRect().width > 0)
  .map(c => {
    const svg = c.querySelector('svg');
    if (!svg) return {svg: false, legends: 0, cut: []};
    const a = c.getBoundingClientRect(), b = svg.getBoundingClientRect();
    const left = Math.max(a.left, b.left), right = Math.min(a.right, b.right);
    const top = Math.max(a.top, b.top), bottom = Math.min(a.bottom, b.bottom);
    const cut = [];
    for (const e of svg.querySelectorAll('.role-legend, text')) {
      const r = e.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (r.left < left - 1 || r.right > right + 1 || r.top < top - 1 || r.bottom > bottom + 1)
        cut.push(e.textContent || e.getAttribute('class'));
    }
    return {svg: true, legends: svg.querySelectorAll('.role-legend').length, cut};
  })"""


@pytest.fixture(params=list(VIEWPORTS), scope="module")
def sized(request, chromium):
    """A tab of the viewport's size (the same size for the whole check)."""
    width, height = VIEWPORTS[request.param]
    context = chromium.new_context(viewport={"width": width, "height": height})
    tab = context.new_page()
    yield request.param, tab
    context.close()


def open_example(tab, server: str, path: str, text: str) -> None:
    tab.goto(f"{server}/{path}")
    tab.get_by_text(text, exact=False).first.wait_for(timeout=60_000)
    tab.locator(FINISHED).wait_for(timeout=60_000)
    tab.wait_for_function(
        "() => document.querySelector(\".st-key-first_chart [data-testid='stVegaLiteChart'] svg"
        ' .role-axis") !== null',
        timeout=60_000,
    )
    tab.wait_for_timeout(800)  # Vega lays the chart out after it appears


def assert_nothing_cut(tab, where: str) -> list[dict]:
    charts = tab.evaluate(CUT)
    assert charts, f"{where}: no chart drawn"
    for n, chart in enumerate(charts):
        assert chart["svg"], f"{where}: chart {n} is not drawn as SVG"
        assert chart["cut"] == [], f"{where}: chart {n} cuts {chart['cut']}"
    return charts


@pytest.mark.parametrize(("path", "text"), EXAMPLES)
def test_the_first_screen_answers_and_nothing_is_cut(server, sized, screenshots, path, text):
    name, tab = sized
    open_example(tab, server, path, text)
    shown = tab.evaluate(FIRST_SCREEN)
    chart, table = shown["chart"], shown["table"]
    # the error chart whole, on the first screen
    assert chart["top"] >= 0 and chart["bottom"] <= shown["height"], chart
    assert chart["left"] >= 0 and chart["right"] <= shown["width"], chart
    # the prediction table starts on it (beside the chart, or below it on a phone)
    assert 0 <= table["top"] < shown["height"] - 40, table
    if name == "laptop":  # beside the chart, and whole
        assert table["left"] >= chart["right"] and table["bottom"] <= shown["height"], table
        assert table["right"] <= shown["width"]
    tab.screenshot(path=str(screenshots / f"{path}_{shown['width']}x{shown['height']}.png"))
    assert_nothing_cut(tab, f"{path} at {name}")
    for label in TABS_WITH_CHARTS[path]:
        rerun_after(tab, lambda label=label: tab.get_by_role("tab", name=label).click())
        tab.wait_for_timeout(1200)  # Vega draws after the run
        charts = assert_nothing_cut(tab, f"{path}, {label}, at {name}")
        assert sum(c["legends"] for c in charts) >= 1, f"{path}, {label}: no legend drawn"


def test_the_band_of_seeds_legend_fits_beside_the_table(server, sized, screenshots):
    """Example 2 with a band of seeds: its legend (three entries in one row above the plot)
    is not cut, on a laptop or a phone."""
    name, tab = sized
    open_example(tab, server, "example_2?ensemble=10", "Prediction vs target")
    tab.wait_for_function(
        '() => document.querySelector(".st-key-first_chart svg .role-legend") !== null',
        timeout=60_000,
    )
    tab.wait_for_timeout(500)
    charts = assert_nothing_cut(tab, f"example_2 with a band at {name}")
    assert charts[0]["legends"] == 1
    tab.screenshot(path=str(screenshots / f"example_2_band_{name}.png"))
