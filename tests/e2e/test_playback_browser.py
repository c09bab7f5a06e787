"""Watch it learn in Chromium (issue 9): Play draws >= 8 frames a second with no rerun,
Pause and the space bar stop it, reduced motion starts paused, the player follows the app's
theme, and nothing asks another host. Served from tests/playback_app.py (Example 3: 32 hidden
units, the largest frames of the three examples).

Run: python -m pytest tests/e2e/test_playback_browser.py (needs /usr/bin/chromium).
"""

from __future__ import annotations

import time
from urllib.parse import urlsplit

import pytest
from browser_helpers import BROWSER_TEST, streamlit_server

pytestmark = BROWSER_TEST

SECONDS = 1.5  # how long a frame rate is sampled


@pytest.fixture(scope="module")
def player_server():
    """A Streamlit server running the test-only player script."""
    with streamlit_server("tests/playback_app.py") as url:
        yield url


def open_player(chromium, url: str, motion: str):
    """A new tab on the player, recording the requests it makes and the messages it sends.
    Returns (context, tab, the player's frame, the URLs asked for, the messages sent)."""
    context = chromium.new_context(viewport={"width": 1280, "height": 1100}, reduced_motion=motion)
    asked, sent = [], []
    context.on("request", lambda request: asked.append(request.url))
    tab = context.new_page()
    # a rerun is a message on Streamlit's websocket from the browser to the server
    tab.on("websocket", lambda ws: ws.on("framesent", lambda _: sent.append(time.monotonic())))
    tab.goto(url)
    tab.wait_for_selector(".st-key-watch_3 iframe", timeout=60_000)
    frame = next(f for f in tab.frames if f.parent_frame is not None)
    frame.wait_for_function("() => Number(document.body.dataset.drawn) >= 1", timeout=30_000)
    return context, tab, frame, asked, sent


def other_hosts(asked: list[str], url: str) -> set[str]:
    """The hosts other than the server's that were asked for something (data: URLs aside)."""
    hosts = {urlsplit(u).netloc for u in asked if not u.startswith(("data:", "blob:", "about:"))}
    return hosts - {urlsplit(url).netloc}


def drawn(frame) -> tuple[int, float]:
    """Frames drawn so far and the page's clock (ms), read together."""
    return tuple(frame.evaluate("() => [Number(document.body.dataset.drawn), performance.now()]"))


def frame_rate(frame) -> float:
    before, start = drawn(frame)
    time.sleep(SECONDS)
    after, stop = drawn(frame)
    return (after - before) / ((stop - start) / 1000)


def test_play_draws_8_frames_a_second_pause_stops_it_and_nothing_leaves(
    chromium, player_server, tmp_path
):
    context, tab, frame, asked, reruns = open_player(chromium, player_server, "reduce")
    try:
        play = frame.locator("#play")
        time.sleep(0.5)
        assert drawn(frame)[0] == 1 and play.text_content() == "Play"  # reduced motion: paused
        assert "iteration 0 ·" in frame.locator("#counter").text_content()
        frame.locator("#loop").check()  # 55 frames at 15 a second outlast the sample anyway
        messages = len(reruns)
        assert messages > 0  # the page's own first run was seen: the count below means something
        play.click()
        assert play.text_content() == "Pause" and play.get_attribute("aria-pressed") == "true"
        rate = frame_rate(frame)
        print(f"frames drawn per second at 15 requested: {rate:.1f}")
        assert rate >= 8
        assert len(reruns) == messages  # the browser plays alone: nothing sent to the server
        tab.screenshot(path=str(tmp_path / "playing.png"))
        play.click()
        paused = drawn(frame)[0]
        time.sleep(0.5)
        assert drawn(frame)[0] == paused and play.text_content() == "Play"
        # space toggles from anywhere in the player but its own controls
        frame.locator("#scrub").focus()
        tab.keyboard.press(" ")
        assert play.text_content() == "Pause"
        tab.keyboard.press(" ")
        assert play.text_content() == "Play"
        frame.locator("#scrub").fill("54")  # scrubbing to the end shows the last forward pass
        assert "iteration 29,999 ·" in frame.locator("#counter").text_content()
        assert frame.locator("td.wrong").count() == 0  # XOR learned: no row marked wrong
        frame.locator("#scrub").fill("0")
        assert frame.locator("td.wrong").count() == 8  # at the start all four rows are
    finally:
        context.close()
    assert len(asked) > 10 and other_hosts(asked, player_server) == set()


def test_without_reduced_motion_it_plays_by_itself_and_follows_the_theme(chromium, player_server):
    context, tab, frame, asked, _ = open_player(chromium, player_server, "no-preference")
    try:
        assert frame.locator("#play").text_content() == "Pause"
        assert frame_rate(frame) >= 8
        assert frame.evaluate("document.documentElement.classList.contains('dark')") is False
        tab.evaluate("document.querySelector('.stApp').style.background = 'rgb(14, 17, 23)'")
        frame.wait_for_function("document.documentElement.classList.contains('dark')", timeout=5000)
    finally:
        context.close()
    assert len(asked) > 10 and other_hosts(asked, player_server) == set()
