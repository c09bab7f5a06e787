"""Benchmark: what a user feels in a real browser, page by page (issue 8's first figures).

    python bench/latency.py [--pages example_2,example_3] [--repeats 2] [--moves 5]
                            [--fresh home,example_2|all|none] [--url http://host:port]
                            [--markdown FILE]

Prints what lies behind each figure, then one Markdown table for README's Speed section: each
figure beside its target with pass / MISS (and --markdown writes that table to FILE). Pages:
home and workshop (first loads only: no seed there), example_1, example_2, example_3,
compare_nnet, step_by_step. A few minutes on a quiet 2-core machine.

Headless Debian Chromium (tests/e2e/browser_helpers.ARGS) at 1280x720 against a fresh
`streamlit run app.py` on a free port (or the server at --url: then no fresh-server figure, and
what that server cached before may make first loads look faster). Each page in each flavour:
`init=numpy` and `init=r` (a page's default flavour by its plain link, the other with `?init=`;
a page without an init control has one), a browser session per flavour, the flavours
interleaved step by step. Times are taken in the page (bench/browser.py), from the
navigation's start or from the key press, on the page's clock.

- fresh server: the first load of the page by the first visitor of a server just started (a
  server of its own; the page's default flavour; --fresh picks the pages). app.py starts the
  kernel's warm-up in a background thread on that first run (from numba's on-disk cache, ~1 s
  CPU, or a cold compile, ~8 s: printed), and until it is ready training runs the NumPy loop:
  so this figure holds the warm-up's CPU and GIL, and the slower loop, not a wait for the
  compiler. In brackets: the runs the load took.
- first load: a new browser session (no HTTP cache, a new Streamlit session) opens the page's
  link, the server warm (its home page was opened first and the server left until idle: the
  kernel is compiled), the page's results not computed yet. From the navigation's start until
  the page's last run is over (its script state notRunning for 0.25 s; `runs`: how many runs
  the load took) and its first screen (1280x720) is drawn: every Vega chart on it has drawn
  its marks and no element on it is still a skeleton (`charts`: the Vega charts on it).
  `run from/to`: when the first run started (before it: the frontend's code loads) and when
  the last run was over (after it: the charts' and tables' code loads, and they draw).
- reload: the same session opens the link again (HTTP cache warm, results cached): median of
  --repeats.
- move: median of --moves moves of the random seed, each to a seed no session of this run has
  used (each session starts at a random unused seed, `?seed=`, then steps by one): ArrowRight
  on a slider, or the next number typed into a number input and Enter. From the key press
  until the page's run (one started after the press) is over, both transitions seen by a
  MutationObserver. `start`: the part until the run started (the frontend's commit, the
  message, the server starting the script).
Targets (issue 8): move <= 0.3 s (Examples 1, 2, compare, step), <= 0.6 s (Example 3); first
load <= 1.5 s; the R flavour within 1.5x of NumPy (ratio of the medians). The machine's load
average is printed at the start and the end: other work on it slows every figure.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import time
from pathlib import Path

from browser import (
    ARGS,
    CHROMIUM,
    Tab,
    Timing,
    load_average,
    numba_cache_on_disk,
    server_at,
    server_pid,
    wait_idle,
)
from playwright.sync_api import sync_playwright

# page: (its flavours, the default first; the move's target in seconds, None: no move)
PAGES = {
    "home": (("numpy",), None),  # first loads only: no seed on these two
    "workshop": (("numpy",), None),
    "example_1": (("numpy", "r"), 0.3),
    "example_2": (("numpy", "r"), 0.3),
    "example_3": (("numpy", "r"), 0.6),
    "compare_nnet": (("r", "numpy"), 0.3),  # its backprop side defaults to R, as the tutorial's
    "step_by_step": (("numpy", "r"), 0.3),
}
NAMES = {
    "home": "Home",
    "workshop": "Workshop",
    "example_1": "Example 1",
    "example_2": "Example 2",
    "example_3": "Example 3",
    "compare_nnet": "Backprop vs nnet",
    "step_by_step": "Step by step",
}
LOAD_TARGET, RATIO_TARGET = 1.5, 1.5
MOVED, MOVED_LABEL = "seed", "Random seed"  # the control every move moves: key, label


def page_url(server: str, page: str, flavour: str, seed: int | None = None) -> str:
    """The page's plain link in its default flavour, else with init= (and seed= if given)."""
    params = [] if flavour == PAGES[page][0][0] else [f"init={flavour}"]
    params += [] if seed is None else [f"seed={seed}"]
    path = "" if page == "home" else page
    return f"{server}/{path}" + ("?" + "&".join(params) if params else "")


def median(timings: list[Timing]) -> float | None:
    seconds = [t.seconds for t in timings if t.seconds is not None]
    return statistics.median(seconds) if seconds else None


def fresh_loads(browser, pages: list[str]) -> dict[str, Timing]:
    """Each page's first load on a server of its own, just started (the first visitor)."""
    loads = {}
    for page in pages:
        with server_at(None) as server:
            tab = Tab(browser)
            loads[page] = tab.load(page_url(server, page, PAGES[page][0][0]))
            tab.close()
    return loads


class Seeds:
    """Blocks of seeds no session of this run has used (the tutorial's seeds stay out)."""

    def __init__(self, moves: int) -> None:
        self.size = moves + 1
        self.free = list(range(10, 990 - self.size, self.size))
        random.shuffle(self.free)

    def block(self) -> int:
        return self.free.pop()


def measure_page(browser, server: str, page: str, args, seeds: Seeds) -> dict:
    """One page's loads and moves in each of its flavours: a browser session per flavour,
    the flavours interleaved step by step."""
    flavours = PAGES[page][0]
    first, tabs = {}, {}
    for flavour in flavours:
        tabs[flavour] = Tab(browser)
        first[flavour] = tabs[flavour].load(page_url(server, page, flavour))
        if not tabs[flavour].tab.locator(".st-key-init").count():
            flavours = flavours[:1]  # no init control: one flavour
            break
    reloads = {f: [] for f in flavours}
    moves = {f: [] for f in flavours}
    for _ in range(args.repeats):
        for flavour in flavours:
            reloads[flavour].append(tabs[flavour].load(page_url(server, page, flavour)))
    moving = PAGES[page][1] is not None
    for flavour in flavours if moving else ():  # where the moves start: a seed nobody has used
        tabs[flavour].load(page_url(server, page, flavour, seeds.block()))
    for _ in range(args.moves if moving else 0):
        for flavour in flavours:
            moves[flavour].append(tabs[flavour].move(MOVED, MOVED_LABEL))
    for tab in tabs.values():
        tab.close()
    odd = []
    for flavour in flavours:
        for timing in moves[flavour]:
            if timing.seconds is None:
                odd.append(f"{page} {flavour}: a move of {MOVED} did not rerun the page")
            elif timing.runs != 1:
                odd.append(f"{page} {flavour}: a move took {timing.runs} runs")
        if any(t.error for t in [first[flavour], *reloads[flavour], *moves[flavour]]):
            odd.append(f"{page} {flavour}: the page shows an exception")
    return {"flavours": flavours, "first": first, "cached": reloads, "moves": moves, "odd": odd}


def seconds(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f} s"


def mark(value: float | None, target: float, unit: str = " s") -> str:
    """A figure beside its target, and whether it meets it: `0.25 s (<= 0.3 s) pass`."""
    if value is None:
        return f"- (<= {target:g}{unit}) MISS: not measured"
    shown = f"{value:.2f} s" if unit == " s" else f"{value:.2f}{unit}"
    return f"{shown} (<= {target:g}{unit}) {'pass' if value <= target else 'MISS'}"


def ratio(r: dict, of) -> float | None:
    """R's figure over NumPy's, or None where a page has one flavour or a side is missing."""
    if len(r["flavours"]) < 2:
        return None
    numpy, r_side = of(r, "numpy"), of(r, "r")
    return r_side / numpy if numpy and r_side else None


def move_of(r: dict, flavour: str) -> float | None:
    return median(r["moves"][flavour])


def load_of(r: dict, flavour: str) -> float | None:
    return r["first"][flavour].seconds


def markdown(results: dict, fresh: dict[str, Timing], moves: int, when: str) -> str:
    """The run's figures as one Markdown table (for README's Speed section), each beside
    its issue-8 target with pass / MISS; on a page's R row, R over NumPy (move, first load)."""
    rows = [
        f"Measured {when}: headless Chromium 1280x720, `python bench/latency.py`; move: "
        f"median of {moves} seed moves, each to a seed not seen before, from the key press "
        "until the script has finished; first load: a new session on a warm server, until "
        "the run is over and the first screen's charts are drawn.",
        "",
        "| page | flavour | first load, fresh server | first load | seed move "
        "| R / NumPy: move, first load |",
        "|---|---|---|---|---|---|",
    ]
    for page, r in results.items():
        target = PAGES[page][1]
        for flavour in r["flavours"]:
            at_fresh = fresh.get(page) if flavour == PAGES[page][0][0] else None
            ratios = "-"
            if flavour == "r":
                ratios = ", ".join(
                    mark(ratio(r, of), RATIO_TARGET, "x") for of in (move_of, load_of)
                )
            rows.append(
                f"| {NAMES[page]} | {'R' if flavour == 'r' else 'NumPy'} | "
                f"{mark(at_fresh.seconds, LOAD_TARGET) if at_fresh else '-'} | "
                f"{mark(load_of(r, flavour), LOAD_TARGET)} | "
                f"{mark(move_of(r, flavour), target) if target is not None else '-'} | "
                f"{ratios} |"
            )
    return "\n".join(rows)


def details(results: dict, fresh: dict[str, Timing]) -> None:
    """What lies behind each figure (not for the README): runs, when the first run started and
    the last ended, the cached reload, the charts on the first screen, a move's start."""
    print(
        f"{'page':13} {'flavour':7} {'fresh (runs)':>12} {'first load':>10} {'runs':>4} "
        f"{'run from/to':>11} {'reload':>7} {'charts':>6} {'move':>7} {'start':>7}"
    )
    for page, r in results.items():
        for flavour in r["flavours"]:
            first = r["first"][flavour]
            starts = [t.start for t in r["moves"][flavour] if t.start is not None]
            at_fresh = fresh.get(page) if flavour == PAGES[page][0][0] else None
            shown = f"{seconds(at_fresh.seconds)} ({at_fresh.runs})" if at_fresh else "-"
            span = "-" if first.seconds is None else f"{first.start:.2f}/{first.script:.2f}"
            print(
                f"{page:13} {flavour:7} {shown:>12} {seconds(first.seconds):>10} "
                f"{first.runs:>4} {span:>11} {seconds(median(r['cached'][flavour])):>7} "
                f"{first.charts[0]:>6} {seconds(move_of(r, flavour)):>7} "
                f"{seconds(statistics.median(starts) if starts else None):>7}"
            )
    odd = [o for r in results.values() for o in r["odd"]]
    if odd:
        print("\nodd:\n  " + "\n  ".join(dict.fromkeys(odd)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", default=",".join(PAGES), help="comma-separated url paths")
    parser.add_argument("--repeats", type=int, default=2, help="reloads per flavour")
    parser.add_argument("--moves", type=int, default=5, help="seed moves per flavour")
    parser.add_argument(
        "--fresh",
        default="home,example_2",
        help="pages to load first on a server of their own: names, all, none",
    )
    parser.add_argument("--url", help="measure this running server instead of a fresh one")
    parser.add_argument("--markdown", help="also write the Markdown table to this file")
    args = parser.parse_args()
    pages = [p for p in args.pages.split(",") if p]
    fresh_pages = {"all": pages, "none": []}.get(args.fresh, args.fresh.split(","))
    unknown = set(pages + fresh_pages) - set(PAGES)
    if unknown:
        parser.error(f"unknown pages {sorted(unknown)}; known: {', '.join(PAGES)}")

    begun = time.monotonic()
    start_load = load_average()
    print(f"load average at start: {start_load}")
    seeds = Seeds(args.moves)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        fresh = {}
        if fresh_pages and not args.url:
            cache = "on disk" if numba_cache_on_disk() else "not on disk: a cold compile"
            print(f"fresh servers: the kernel in numba's cache {cache}")
            fresh = fresh_loads(browser, fresh_pages)
        with server_at(args.url) as server:
            home = Tab(browser)
            home.load(server + "/")  # app.py's first run starts the kernel's warm-up
            waited = wait_idle(server_pid(server))
            home.close()
            print(f"server {server}: warm (idle {waited:.1f} s after the home page)")
            results = {page: measure_page(browser, server, page, args, seeds) for page in pages}
        browser.close()
    end_load = load_average()
    print(f"load average at end: {end_load}\n")
    details(results, fresh)
    when = (
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} on {os.cpu_count()} cores "
        f"(load average {start_load.split()[0]} at the start, {end_load.split()[0]} at the end)"
    )
    table = markdown(results, fresh, args.moves, when)
    print("\nMarkdown (README, Speed):\n\n" + table)
    if args.markdown:
        Path(args.markdown).write_text(table + "\n")
    print(f"\n{time.monotonic() - begun:.0f} s in all")


if __name__ == "__main__":
    main()
