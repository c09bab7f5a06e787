"""Benchmark: a room of learners on one server (issue 8's third figure).

    python bench/room.py [--sessions 10] [--rounds 5] [--pages example_2] [--no-cores]
                         [--url http://host:port]

One `streamlit run app.py` on a free port (or the server at --url), headless Debian Chromium,
1280x720, a browser session per learner (bench/browser.py times each in its page).

- room: --sessions sessions open the page, each at a seed no session has used; then rounds,
  each of them first one session moving the random seed alone, then every session moving
  it at once (the key presses back to back, each move to a seed not seen before). A move's
  time: from its key press until the page's run is over. Reported: the median move in the
  room over the median move alone, measured in the same interleaved rounds (target <= 3x).
  The browser runs on the same machine as the server: in a real room each learner has a
  machine of their own, so this figure is on the pessimistic side.
- cores: two sessions train at once (Example 3, 128 hidden units, 100,000 iterations: a few
  seconds each), against one session alone, interleaved; the server process's CPU seconds
  (all its threads, /proc) over the wall seconds say how many cores it used. Training that
  releases the GIL uses ~2 with two sessions, and the two finish in about the time of one.
  Beside it, bench/engine.py's own figure: two threads training at once over one thread.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

from browser import (
    ARGS,
    CHROMIUM,
    Tab,
    Timing,
    cpu_seconds,
    load_average,
    server_at,
    server_pid,
    wait_idle,
)
from engine import threads_figure
from latency import MOVED, MOVED_LABEL, NAMES, PAGES, Seeds, page_url, seconds
from playwright.sync_api import sync_playwright

ROOM_TARGET = 3.0
HEAVY = "hidden=128&iterations=100000"  # Example 3: a few seconds of training per run


def wait_all(
    tabs: list[Tab], charts: bool = False, timeout: float = 180, no_run: float = 20
) -> list[Timing]:
    """Wait until every tab's load or move is over (see Tab.done); Timing(None) for a tab
    still not done after `timeout` seconds, or with no run started after `no_run`."""
    begun = time.monotonic()
    results: dict[int, Timing] = {}
    while len(results) < len(tabs) and time.monotonic() - begun < timeout:
        waited = time.monotonic() - begun
        for i, tab in enumerate(tabs):
            if i in results:
                continue
            if tab.done(charts):
                results[i] = tab.result(charts)
            elif waited > no_run and tab.last["runs"] == 0:
                results[i] = Timing(None)
        time.sleep(0.02)
    return [results.get(i, Timing(None)) for i in range(len(tabs))]


def move_all(tabs: list[Tab]) -> list[Timing]:
    """Every tab moves the seed at once: all aimed first, then the key presses back to back."""
    moves = [tab.aim(MOVED, MOVED_LABEL) for tab in tabs]
    for move in moves:
        move()
    return wait_all(tabs)


def open_all(browser, server: str, page: str, seeds: Seeds, count: int, extra: str = ""):
    """`count` new sessions opening `page` at once, each at a seed no session has used."""
    tabs = [Tab(browser) for _ in range(count)]
    for tab in tabs:
        url = page_url(server, page, PAGES[page][0][0], seeds.block())
        tab.go(url + (f"&{extra}" if extra else ""))
    loads = wait_all(tabs, charts=True, no_run=120)
    if any(t.seconds is None for t in loads):
        raise RuntimeError(f"{page}: a session did not finish loading")
    return tabs


def room(browser, server: str, page: str, sessions: int, rounds: int, seeds: Seeds) -> dict:
    """The median move alone and in the room, in interleaved rounds (see the docstring)."""
    tabs = open_all(browser, server, page, seeds, sessions)
    alone, together = [], []
    for _ in range(rounds):
        alone += move_all(tabs[:1])
        together += move_all(tabs)
    for tab in tabs:
        tab.close()
    odd = sum(t.seconds is None for t in alone + together)
    one = statistics.median(t.seconds for t in alone if t.seconds is not None)
    many = statistics.median(t.seconds for t in together if t.seconds is not None)
    return {"alone": one, "room": many, "ratio": many / one, "missed": odd}


def cores(browser, server: str, rounds: int, seeds: Seeds) -> dict:
    """Server cores used (CPU seconds over wall seconds) and wall time, one session training
    alone and two at once, in interleaved rounds; each side's median."""
    pid = server_pid(server)
    if pid is None:
        raise RuntimeError(f"no server process of ours at {server}: cores need /proc")
    tabs = open_all(browser, server, "example_3", seeds, 2, HEAVY)
    sides: dict[str, list[tuple[float, float]]] = {"one": [], "two": []}
    for _ in range(rounds):
        for side, moving in (("one", tabs[:1]), ("two", tabs)):
            wait_idle(pid, timeout=30)
            cpu = cpu_seconds(pid)
            moves = move_all(moving)
            cpu = cpu_seconds(pid) - cpu
            if all(t.seconds is not None for t in moves):
                # wall: from the first key press until the last run was over (the server idles
                # in the settling time that follows, and the presses are milliseconds apart)
                wall = max(t.seconds for t in moves)
                sides[side].append((cpu / wall, wall))
    for tab in tabs:
        tab.close()
    return {
        side: (statistics.median(c for c, _ in got), statistics.median(w for _, w in got))
        for side, got in sides.items()
        if got
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=10, help="browser sessions in the room")
    parser.add_argument("--rounds", type=int, default=5, help="rounds of moves")
    parser.add_argument("--pages", default="example_2", help="comma-separated pages with a seed")
    parser.add_argument("--no-cores", action="store_true", help="skip the two-session check")
    parser.add_argument("--url", help="measure this running server instead of a fresh one")
    args = parser.parse_args()
    pages = [p for p in args.pages.split(",") if p]
    if any(PAGES.get(p, (None, None))[1] is None for p in pages):
        moving = [p for p, (_, target) in PAGES.items() if target is not None]
        parser.error(f"pages with a seed to move: {', '.join(moving)}")

    begun = time.monotonic()
    start_load = load_average()
    seeds = Seeds(2 * args.rounds)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        with server_at(args.url) as server:
            home = Tab(browser)
            home.load(server + "/")  # app.py's first run starts the kernel's warm-up
            wait_idle(server_pid(server))
            home.close()
            rooms = {page: room(browser, server, page, args.sessions, args.rounds, seeds)
                     for page in pages}  # fmt: skip
            used = None if args.no_cores else cores(browser, server, min(args.rounds, 3), seeds)
        browser.close()
    threads = None if args.no_cores else threads_figure("numba", args.rounds)
    print(
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, load average "
        f"{start_load.split()[0]} at the start, {load_average().split()[0]} at the end "
        "(the browser sessions run on the same machine as the server)\n"
    )
    print(f"| page | one user, seed move | {args.sessions} at once | ratio |")
    print("|---|---|---|---|")
    for page, r in rooms.items():
        met = "pass" if r["ratio"] <= ROOM_TARGET else "MISS"
        missed = f", {r['missed']} moves not rerun" if r["missed"] else ""
        print(
            f"| {NAMES[page]} | {seconds(r['alone'])} | {seconds(r['room'])} | "
            f"{r['ratio']:.2f}x (<= {ROOM_TARGET:g}x) {met}{missed} |"
        )
    if used:
        print("\nTwo sessions training at once (Example 3, 128 hidden, 100,000 iterations):")
        for side, (share, wall) in used.items():
            print(f"  {side} session(s): server used {share:.2f} cores, moves done in {wall:.2f} s")
        if {"one", "two"} <= used.keys():
            ratio = used["two"][1] / used["one"][1]
            both = "yes" if used["two"][0] >= 1.5 and ratio <= 1.4 else "NO"
            print(f"  two at once / one alone: {ratio:.2f}x the time; both cores used: {both}")
    if used and float(start_load.split()[0]) > os.cpu_count():
        print("  (the machine was busy at the start: other work takes cores from the server)")
    if threads is not None:
        print(f"  engine (bench/engine.py): two threads at once / one thread {threads:.2f}x "
              "(1.0 = both cores, 2.0 = one)")  # fmt: skip
    print(f"\n{time.monotonic() - begun:.0f} s in all")


if __name__ == "__main__":
    main()
