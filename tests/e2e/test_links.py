"""Links in a real browser (issue 11): markup from a URL stays text, values are short codes
(older label links still open, rewritten), no page inherits another's settings, Back and
Forward restore a page's settings with one history entry per move, numbers are ASCII whole
numbers, and no page asks another host for anything.

Run: python -m pytest tests/e2e (needs /usr/bin/chromium; skipped without it).
"""

from __future__ import annotations

from urllib.parse import parse_qs, quote, urlsplit

import pytest
from browser_helpers import BROWSER_TEST, PAGES, wait_until_done
from playwright.sync_api import expect

from dashboard.url.untrusted import LIMIT

pytestmark = BROWSER_TEST

NOTICE = "could not be used"
TITLES = {  # url path -> its page title (what wait_until_done waits for)
    "example_1": "Example 1: one layer",
    "example_2": "Example 2: a hidden layer",
    "example_3": "Example 3: the alpha sweep",
    "compare_nnet": "Backprop vs nnet",
    "step_by_step": "Step by step",
}
# What a value from a link must never become in the page: links, images, code spans, LaTeX,
# coloured or bold text, icons and HTML.
MARKUP = (
    "a[href*='evil'], img[src*='evil'], .katex, .stMarkdownColoredText, "
    ".stMarkdownColoredBackground, strong, em, h1, blockquote, li, code, span[role='img']"
)


@pytest.fixture()
def tab(chromium):
    """A fresh tab (its own history) that records every request it makes."""
    context = chromium.new_context(viewport={"width": 1400, "height": 1600})
    page = context.new_page()
    page.requests = []  # every URL the page asked for
    page.on("request", lambda request: page.requests.append(request.url))
    yield page
    context.close()


def open_link(tab, server: str, link: str) -> None:
    """Open `link` (a path with its query, as a person would type it) and wait for the run."""
    tab.goto(f"{server}/{link}")
    wait_until_done(tab, TITLES[link.split("?")[0]])


def after(tab, action) -> None:
    """Do `action` (a move, a page switch, Back, Forward: each changes the URL) and wait
    until the page has answered it."""
    before = tab.url
    action()
    tab.wait_for_function("url => location.href !== url", arg=before, timeout=30_000)
    tab.wait_for_timeout(700)  # the rerun has started (the script state says "running")
    wait_until_done(tab, "Settings")


def query(tab) -> dict[str, list[str]]:
    return parse_qs(urlsplit(tab.url).query, keep_blank_values=True)


def path(tab) -> str:
    return urlsplit(tab.url).path


def slider(tab, label: str):
    return tab.locator(f"[data-testid='stSidebar'] input[type='range'][aria-label='{label}']")


def expect_slider(tab, label: str, value: str) -> None:
    expect(slider(tab, label)).to_have_attribute("aria-valuetext", value)


def number(tab, label: str):
    return tab.locator(f"[data-testid='stSidebar'] input[type='number'][aria-label='{label}']")


def expect_number(tab, label: str, value: str) -> None:
    expect(number(tab, label)).to_have_value(value)


def step_up(tab, label: str) -> None:
    """Press the number input's + button."""
    box = tab.locator("[data-testid='stSidebar'] [data-testid='stNumberInput']")
    field = tab.locator(f"input[type='number'][aria-label='{label}']")
    box.filter(has=field).get_by_role("button", name="Increment").click()


def notice(tab) -> str:
    """The link notice as a reader sees it ("" if there is none); word joiners removed."""
    alerts = tab.locator("[data-testid='stMain'] [data-testid='stAlert']").filter(has_text=NOTICE)
    return alerts.first.inner_text().replace("\u2060", "") if alerts.count() else ""


def shortened(value: str) -> str:
    """A link value as a notice shows it: cut with an ellipsis beyond LIMIT characters."""
    return value if len(value) <= LIMIT else value[: LIMIT - 1] + "…"


def history_length(tab) -> int:
    return tab.evaluate("() => history.length")


# --- 1. markup from a link is shown as text -----------------------------------------------------

ISSUE_LINKS = [
    "example_3?alphas=![p](https://evil.example/q.png)",
    "example_3?alphas=[Your session expired](https://evil.example/y)&alphas=:red[**PWNED**]",
]
PAYLOAD = "`[x](https://evil.example/a)` $y$ $$z$$ :red[**r**] :material/link: <b>h</b>"


def assert_inert(tab, shown: str) -> None:
    """The notice shows `shown` as plain text, and nothing from the link became markup."""
    assert shown in notice(tab)
    alert = tab.locator("[data-testid='stMain'] [data-testid='stAlert']").filter(has_text=NOTICE)
    assert alert.locator("[data-testid='stMarkdownContainer']").locator(MARKUP).count() == 0
    assert (
        tab.locator(f"[data-testid='stMain'] :is({MARKUP})").filter(has_text="PWNED").count() == 0
    )
    assert tab.locator("a[href*='evil'], img[src*='evil']").count() == 0
    assert not [url for url in tab.requests if urlsplit(url).hostname == "evil.example"]


def test_the_issues_image_link_fetches_nothing(server, tab):
    open_link(tab, server, ISSUE_LINKS[0])
    assert_inert(tab, "alphas=![p](https://evil.example/q.png)")
    assert "alphas" not in query(tab)  # and the link is rewritten to what the page uses


def test_the_issues_phishing_link_and_colour_stay_text(server, tab):
    open_link(tab, server, ISSUE_LINKS[1])
    given = "alphas=" + shortened("[Your session expired](https://evil.example/y)")
    assert_inert(tab, given + "&alphas=:red[**PWNED**]")


@pytest.mark.parametrize("page_name", list(TITLES))
def test_markup_in_any_pages_link_stays_text(server, tab, page_name):
    """Code spans, links, LaTeX, colour, icons and HTML in a value, on every page."""
    open_link(tab, server, f"{page_name}?seed={quote(PAYLOAD)}")
    assert_inert(tab, "seed=" + shortened(PAYLOAD))
    seed = "Random seed (both nets)" if page_name == "compare_nnet" else "Random seed"
    expect_number(tab, seed, "1")


# --- 2. values are short codes; older label links still open ---------------------------------


def test_the_readmes_link_opens_as_written(server, tab):
    open_link(tab, server, "example_2?seed=3&hidden=8&init=r")
    assert notice(tab) == ""
    expect_number(tab, "Random seed", "3")
    expect_slider(tab, "Hidden units", "8")
    assert tab.get_by_role("radio", name="R", exact=True).is_checked()
    assert query(tab) == {"seed": ["3"], "hidden": ["8"], "init": ["r"]}


@pytest.mark.parametrize(
    ("link", "rewritten"),
    [
        ("example_2?init=Python+%28NumPy%29&seed=3&bias=on", {"seed": ["3"]}),
        ("compare_nnet?objective=least+squares&init=Python+%28NumPy%29", {"init": ["numpy"]}),
        ("step_by_step?reveal=1&init=R", {"init": ["r"], "reveal": ["on"]}),
        ("example_3?alphas=0.1&alphas=1", {"alphas": ["0.1,1"]}),
    ],
)
def test_label_links_open_and_are_rewritten_to_codes(server, tab, link, rewritten):
    """The issue's label forms (more in tests/test_link_codes.py, through AppTest)."""
    open_link(tab, server, link)
    assert notice(tab) == ""
    assert query(tab) == rewritten


def test_moving_a_control_writes_its_code(server, tab):
    open_link(tab, server, "example_2")
    sidebar = tab.locator("[data-testid='stSidebar']")
    after(tab, lambda: sidebar.get_by_text("R", exact=True).click())
    assert query(tab) == {"init": ["r"]}
    after(tab, lambda: sidebar.get_by_text("off", exact=True).click())
    assert query(tab) == {"init": ["r"], "bias": ["off"]}
    open_link(tab, server, "compare_nnet")
    after(tab, lambda: sidebar.get_by_text("entropy", exact=True).click())
    assert query(tab) == {"objective": ["entropy"]}
    open_link(tab, server, "step_by_step")
    after(tab, lambda: sidebar.get_by_text("Predict, then reveal").click())
    assert query(tab) == {"reveal": ["on"]}


# --- 3. no page inherits another page's settings ----------------------------------------------


def nav(tab, title: str) -> None:
    after(tab, lambda: tab.locator("[data-testid='stSidebarNav'] a", has_text=title).click())


def test_example_3s_hidden_units_stay_on_example_3(server, tab):
    open_link(tab, server, "example_3")
    after(tab, lambda: slider(tab, "Hidden units").press("ArrowRight"))
    assert query(tab) == {"hidden": ["33"]}
    nav(tab, "Backprop vs nnet")
    assert path(tab) == "/compare_nnet" and query(tab) == {}
    expect_slider(tab, "Backprop: hidden units", "4")
    assert tab.get_by_role("radio", name="R", exact=True).is_checked()  # its own default


def test_example_2s_seed_and_iterations_stay_on_example_2(server, tab):
    open_link(tab, server, "example_2?seed=8&iterations=30000")
    after(tab, lambda: slider(tab, "Iterations").press("ArrowRight"))  # the next rung
    assert query(tab) == {"seed": ["8"], "iterations": ["50000"]}
    nav(tab, "Example 1: one layer")
    assert path(tab) == "/example_1" and query(tab) == {}
    expect_number(tab, "Random seed", "1")
    expect_slider(tab, "Iterations", "10,000")


# --- 4. Back and Forward ------------------------------------------------------------------------


def test_back_and_forward_restore_the_settings_one_entry_per_move(server, tab):
    open_link(tab, server, "example_2?seed=7&hidden=8")
    entries = history_length(tab)
    after(tab, lambda: step_up(tab, "Random seed"))
    assert query(tab) == {"seed": ["8"], "hidden": ["8"]}
    assert history_length(tab) == entries + 1
    nav(tab, "Example 1: one layer")
    assert history_length(tab) == entries + 2
    expect_number(tab, "Random seed", "1")

    after(tab, tab.go_back)
    assert path(tab) == "/example_2" and query(tab) == {"seed": ["8"], "hidden": ["8"]}
    expect_number(tab, "Random seed", "8")
    expect_slider(tab, "Hidden units", "8")
    after(tab, tab.go_back)
    assert query(tab) == {"seed": ["7"], "hidden": ["8"]}
    expect_number(tab, "Random seed", "7")
    after(tab, tab.go_forward)
    expect_number(tab, "Random seed", "8")
    after(tab, tab.go_forward)
    assert path(tab) == "/example_1" and query(tab) == {}
    expect_number(tab, "Random seed", "1")
    assert history_length(tab) == entries + 2  # Back and Forward add nothing


# --- 5. numbers in links --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "shown"),
    [("%D9%A1%D9%A2", "١٢"), ("1_0", "1_0"), ("%2B5", "+5"), ("5.5", "5.5")],
)
def test_numbers_are_ascii_whole_numbers(server, tab, value, shown):
    open_link(tab, server, f"example_1?seed={value}&alpha=10")
    assert f"seed={shown}" in notice(tab) and "using 1" in notice(tab)
    expect_number(tab, "Random seed", "1")
    assert query(tab) == {"alpha": ["10"]}  # rewritten to the value used: the default


def test_numbers_off_the_ladder_or_the_step_are_refused(server, tab):
    open_link(tab, server, "example_2?alpha=0.003&iterations=150&seed=12")
    assert "alpha=0.003" in notice(tab) and "iterations=150" in notice(tab)
    expect_number(tab, "Random seed", "12")
    assert query(tab) == {"seed": ["12"]}


# --- no page asks another host for anything ---------------------------------------------------


def test_no_page_asks_another_host_for_anything(server, chromium):
    context = chromium.new_context(viewport={"width": 1400, "height": 4000})
    asked: list[str] = []
    local = urlsplit(server).netloc

    def only_local(route) -> None:
        if urlsplit(route.request.url).netloc == local:
            route.continue_()
        else:
            asked.append(route.request.url)
            route.abort()

    context.route("**/*", only_local)
    tab = context.new_page()
    seen: list[str] = []
    tab.on("request", lambda request: seen.append(request.url))
    links = [path for path, _, _ in PAGES] + ISSUE_LINKS + [f"example_2?seed={quote(PAYLOAD)}"]
    try:
        for link in links:
            tab.goto(f"{server}/{link}")
            wait_until_done(tab, TITLES.get(link.split("?")[0], "backpropagation"), 0)
    finally:
        context.close()
    assert len(seen) > 50  # the interception saw the pages' own requests
    assert asked == []
