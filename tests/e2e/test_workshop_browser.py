"""The Workshop in Chromium (issue 9's "Done when"): the exercises listed, one answered right
and one wrong with their Check verdicts, the QR codes drawn, the handout downloaded and
parsed (Markdown and HTML), and Play running on an example page. What a Check says is the
engine's (asked here too, and compared), never a stored constant.

Play's frame rate, Pause, the space bar and reduced motion are held by
tests/e2e/test_playback_browser.py (on a test-only player app); here Play runs a few frames on
a real example page. Screenshots go to a temporary folder, or with --screenshots=docs to docs/.

Run: python -m pytest tests/e2e/test_workshop_browser.py -q -p no:cacheprovider
"""

from __future__ import annotations

import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest
from browser_helpers import BROWSER_TEST, FINISHED, rerun_after, wait_until_done

from dashboard.workshop import handout
from dashboard.workshop.exercises import EXERCISES, exercise, progress_text
from dashboard.workshop.params import PAGES, url

pytestmark = BROWSER_TEST

RIGHT, WRONG = "e1-trust", "e1-no-bias"  # a choice answered right, a number answered wrong
WRONG_ANSWER = 0.9


@pytest.fixture(scope="module")
def workshop(chromium, server):
    """A session of its own on the Workshop page, tall enough to hold its first exercises."""
    context = chromium.new_context(viewport={"width": 1280, "height": 1600}, accept_downloads=True)
    tab = context.new_page()
    tab.goto(f"{server}/workshop")
    wait_until_done(tab, "Exercises on every page of the app")
    yield tab
    context.close()


def box(tab, ex_id: str):
    return tab.locator(f".st-key-exercise_{ex_id}")


def alerts(tab, ex_id: str) -> list[tuple[str, str]]:
    """The alerts (verdict, hint) an exercise shows: (kind, text with whitespace folded)."""
    found = []
    for alert in box(tab, ex_id).locator("[data-testid='stAlert']").all():
        kind = alert.locator("[data-testid^='stAlertContent']").first.get_attribute("data-testid")
        text = alert.locator("[data-testid='stMarkdownContainer']").inner_text()
        found.append((kind.removeprefix("stAlertContent"), folded(text)))
    return found


def folded(text: str) -> str:
    return " ".join(text.split())


def check(tab, ex_id: str) -> None:
    rerun_after(tab, lambda: tab.locator(f".st-key-check_{ex_id} button").click())
    tab.locator(FINISHED).wait_for()


def test_every_exercise_is_listed_under_its_page(workshop):
    assert len(EXERCISES) >= 12
    for title in PAGES.values():
        assert workshop.get_by_role("heading", name=title).count() >= 1, title
    for n, ex in enumerate(EXERCISES, start=1):
        shown = box(workshop, ex.id)
        assert shown.count() == 1, ex.id
        assert f"{n}. {ex.title}" in shown.inner_text()
        assert shown.get_by_role("button", name="Check").count() == 1
        link = shown.get_by_role("link", name=f"Open {PAGES[ex.page]} with these settings")
        href = urlsplit(link.get_attribute("href"))
        assert href.path.rsplit("/", 1)[-1] == ex.page and dict(parse_qsl(href.query)) == ex.params
    assert workshop.get_by_text(progress_text(set())).count() == 1


def test_check_says_right_and_wrong_with_the_engines_reasons(workshop, screenshots):
    right_ex, wrong_ex = exercise(RIGHT), exercise(WRONG)
    right = right_ex.solve()  # the engine's answer, and its reason
    assert right_ex.check(right).correct and not wrong_ex.check(WRONG_ANSWER).correct

    box(workshop, RIGHT).get_by_role("radiogroup").get_by_text(right, exact=True).click()
    check(workshop, RIGHT)
    assert alerts(workshop, RIGHT) == [("Success", folded(right_ex.check(right).why))]
    title = box(workshop, RIGHT).locator("[data-testid='stMarkdownContainer']").first
    assert "check_circle" in title.inner_text()  # the tick beside the exercise's title
    assert workshop.get_by_text(progress_text({RIGHT})).count() == 1

    field = box(workshop, WRONG).get_by_role("spinbutton")
    field.fill(str(WRONG_ANSWER))
    check(workshop, WRONG)
    assert alerts(workshop, WRONG) == [
        ("Error", folded(wrong_ex.check(WRONG_ANSWER).why)),
        ("Info", folded(f"Hint: {wrong_ex.hint}")),
    ]
    title = box(workshop, WRONG).locator("[data-testid='stMarkdownContainer']").first
    assert "check_circle" not in title.inner_text()
    assert workshop.get_by_text(progress_text({RIGHT})).count() == 1  # no tick for a wrong try
    box(workshop, WRONG).scroll_into_view_if_needed()
    workshop.screenshot(path=str(screenshots / "workshop_checked.png"))


def drawn_size(image) -> tuple[float, float]:
    """The drawn size of an <img> (after it loaded: naturalWidth > 0) or an <svg>."""
    image.wait_for(timeout=30_000)
    image.evaluate(
        "e => e.tagName !== 'IMG' || e.complete || new Promise(r => e.onload = r)", timeout=30_000
    )
    natural = image.evaluate("e => e.tagName === 'IMG' ? e.naturalWidth : 1")
    shape = image.bounding_box()
    return (shape["width"], shape["height"]) if natural and shape else (0.0, 0.0)


def open_instructor(tab):
    """Open the instructor's box (a plain expander: its content is there, hidden) and return it."""
    instructor = tab.locator("[data-testid='stExpander']").filter(has_text="For the instructor")
    if not instructor.get_by_role("button", name="Handout (Markdown)").is_visible():
        instructor.locator("summary").click()
    return instructor


def test_the_qr_codes_are_drawn(workshop, screenshots):
    instructor = open_instructor(workshop)
    code = instructor.locator("[data-testid='stImage'] img, [data-testid='stImage'] svg").first
    width, height = drawn_size(code)
    assert width >= 100 and abs(width - height) < 2  # a square code, at least 100 px
    instructor.screenshot(path=str(screenshots / "workshop_instructor.png"))

    share = workshop.locator("[data-testid='stSidebar'] [data-testid='stExpander']").filter(
        has_text="Share this setting"
    )
    rerun_after(workshop, lambda: share.locator("summary").click())
    code = share.locator("[data-testid='stImage'] img").first
    width, height = drawn_size(code)
    assert width >= 100 and abs(width - height) < 2
    assert share.get_by_text("/workshop").count() >= 1  # the link beside the code


def download(tab, name: str) -> str:
    """Click the download button labelled `name` (the instructor's box is open) and return
    the downloaded file's text."""
    with tab.expect_download(timeout=60_000) as got:
        tab.get_by_role("button", name=name).click()
    return Path(got.value.path()).read_text(encoding="utf-8")


class Outline(HTMLParser):
    """A page's title, its h2 headings and its links' targets."""

    def __init__(self) -> None:
        super().__init__()
        self.title, self.h2, self.links, self._in = "", [], [], None

    def handle_starttag(self, tag, attrs):
        if tag in ("title", "h2"):
            self._in = tag
            if tag == "h2":
                self.h2.append("")
        if tag == "a":
            self.links.append(dict(attrs).get("href"))

    def handle_endtag(self, tag):
        if tag == self._in:
            self._in = None

    def handle_data(self, data):
        if self._in == "title":
            self.title += data
        elif self._in == "h2":
            self.h2[-1] += data


def test_the_handout_downloads_and_holds_every_exercise(workshop, server):
    open_instructor(workshop)
    links = [url(ex.page, ex.params, server) for ex in EXERCISES]

    text = download(workshop, "Handout (Markdown)")
    assert text.startswith(f"# {handout.TITLE}\n")
    for n, (ex, link) in enumerate(zip(EXERCISES, links, strict=True), start=1):
        assert f"## {n}. {ex.title}" in text and ex.question in text
        assert f"<{link}>" in text, link

    page = Outline()
    page.feed(download(workshop, "Handout (printable HTML)"))
    assert page.title == handout.TITLE
    assert page.h2 == [f"{n}. {ex.title}" for n, ex in enumerate(EXERCISES, start=1)]
    assert set(links) <= set(page.links)


def test_play_runs_on_an_example_page(chromium, server, screenshots):
    context = chromium.new_context(
        viewport={"width": 1280, "height": 1600}, reduced_motion="reduce"
    )
    try:
        tab = context.new_page()
        tab.goto(f"{server}/example_2")
        wait_until_done(tab, "Prediction vs target", charts=1)
        rerun_after(tab, lambda: tab.get_by_role("tab", name="Watch it learn").click())
        tab.wait_for_selector(".st-key-watch_example_2 iframe", timeout=60_000)
        frame = next(f for f in tab.frames if f.parent_frame is not None)
        frame.wait_for_function("() => Number(document.body.dataset.drawn) >= 1", timeout=30_000)
        play = frame.locator("#play")
        assert play.text_content() == "Play"  # reduced motion: paused until asked
        first = frame.locator("#counter").text_content()
        play.click()
        frame.wait_for_function("() => Number(document.body.dataset.drawn) >= 4", timeout=10_000)
        assert play.text_content() == "Pause"
        assert frame.locator("#counter").text_content() != first  # the iteration moved on
        time.sleep(0.2)
        tab.locator(".st-key-watch_example_2").screenshot(
            path=str(screenshots / "example_2_playing.png")
        )
    finally:
        context.close()
