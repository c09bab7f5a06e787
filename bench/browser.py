"""What bench/latency.py and bench/room.py share: a server, a browser tab that times itself,
and the server's CPU time. Not a script (run those two).

Times are read in the page, not from Python: a script in every tab (INSTRUMENT) records
`performance.now()` of each change of Streamlit's script state (the `data-test-script-state`
attribute of `[data-testid='stApp']`: running / notRunning) with a MutationObserver, and of
every key press (keydown, capture phase), so a run that starts and ends between two looks
from Python is still seen whole. performance.now() counts from the navigation's start.

The first screen is *drawn* when every Vega chart on it (a `[data-testid='stVegaLiteChart']`
whose box meets the viewport) has drawn its mark layer (`svg.marks`, Streamlit 1.67 draws
svg, or `canvas.marks`, with a non-zero size) and no element on it is still a skeleton
(`stSkeleton`: what Streamlit shows while an element's code, e.g. Vega's or the data grid's,
is being fetched; a new session without the HTTP cache waits ~1 s for them after the run).
Charts below the fold and the players (HTML components, not Vega) are not waited for.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "e2e"))

from browser_helpers import ARGS, CHROMIUM, streamlit_server  # noqa: E402

__all__ = ["ARGS", "CHROMIUM", "ROOT"]

VIEWPORT = {"width": 1280, "height": 720}
SETTLE_MS = 250  # a run is over when the state stays notRunning this long (a rerun may follow)

INSTRUMENT = """
(() => {
  const tn = window.__tn = {log: [], keys: [], chartsAt: null, charts: [0, 0, 0]};
  const app = () => document.querySelector("[data-testid='stApp']");
  const state = () => { const a = app(); return a ? a.getAttribute('data-test-script-state') : null; };
  const note = (now, s) => { if (!tn.log.length || tn.log[tn.log.length - 1][1] !== s) tn.log.push([now, s]); };
  const onScreen = e => {
    const r = e.getBoundingClientRect();
    return r.width > 0 && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth;
  };
  const charts = () => {  // [Vega charts on the first screen, those drawn, skeletons on it]
    let visible = 0, drawn = 0, waiting = 0;
    for (const c of document.querySelectorAll("[data-testid='stVegaLiteChart']")) {
      if (!onScreen(c)) continue;
      visible++;
      const m = c.querySelector('canvas.marks, svg.marks');
      if (m && onScreen(m)) drawn++;
    }
    for (const s of document.querySelectorAll("[data-testid='stSkeleton']")) if (onScreen(s)) waiting++;
    return [visible, drawn, waiting];
  };
  const check = now => {  // is the first screen drawn, once a run is over?
    const s = state();
    note(now, s);
    if (s !== 'notRunning' || !tn.log.some(e => e[1] === 'running')) { tn.chartsAt = null; return; }
    tn.charts = charts();
    if (tn.charts[1] < tn.charts[0] || tn.charts[2] > 0) tn.chartsAt = null;
    else if (tn.chartsAt === null) tn.chartsAt = now;
  };
  new MutationObserver(records => {  // each record's old value: no state is missed
    const now = performance.now();
    for (const r of records) if (r.oldValue !== null) note(now, r.oldValue);
    check(now);
  }).observe(document, {subtree: true, attributes: true, attributeOldValue: true,
                        attributeFilter: ['data-test-script-state']});
  setInterval(() => check(performance.now()), 10);  // charts draw after the run: look often
  addEventListener('keydown', () => tn.keys.push(performance.now()), true);
  tn.since = t0 => {  // the runs that started after t0: first start, last end, how many
    const events = tn.log.filter(e => e[0] >= t0);
    const runs = events.filter(e => e[1] === 'running');
    const start = runs.length ? runs[0][0] : null;
    const ends = events.filter(e => e[1] === 'notRunning' && start !== null && e[0] > start);
    return {runs: runs.length, start, end: ends.length ? ends[ends.length - 1][0] : null,
            state: state(), chartsAt: tn.chartsAt, charts: tn.charts,
            now: performance.now(), key: tn.keys.length ? tn.keys[tn.keys.length - 1] : null,
            error: document.querySelectorAll("[data-testid='stException']").length};
  };
})();
"""


@dataclass
class Timing:
    """One load or move, in seconds on the page's clock. seconds: the figure (None: no rerun
    came); start: until the (first) run started; script: until the last run was over (a
    load's figure waits for its first screen to be drawn too); runs: how many runs it took."""

    seconds: float | None
    start: float | None = None
    script: float | None = None
    runs: int = 0
    charts: tuple[int, ...] = (0, 0, 0)  # first screen: Vega charts, drawn, skeletons
    error: bool = False


class Tab:
    """A browser session (its own context: no cookies, no HTTP cache, its own Streamlit
    session) with one tab that times itself."""

    def __init__(self, browser) -> None:
        self.context = browser.new_context(viewport=VIEWPORT)
        self.context.add_init_script(INSTRUMENT)
        self.tab = self.context.new_page()
        self.t0 = 0.0  # the page clock's time the current load or move started
        self.last: dict = {}

    def close(self) -> None:
        self.context.close()

    def status(self) -> dict:
        self.last = self.tab.evaluate("t => __tn.since(t)", self.t0)
        return self.last

    def go(self, url: str) -> None:
        """Start loading `url` (a new document: its clock starts at the navigation)."""
        self.t0 = 0.0
        self.tab.goto(url, wait_until="commit", timeout=60_000)

    def control(self, key: str, label: str | None = None):
        """The element holding control `key` (Streamlit's `st-key-<key>` class), or else the
        number input or slider labelled `label` (pages change: look the control up both ways)."""
        box = self.tab.locator(f".st-key-{key}")
        if box.count() or label is None:
            return box
        widgets = self.tab.locator("[data-testid='stNumberInput'], [data-testid='stSlider']")
        elements = self.tab.locator("[data-testid='stElementContainer']").filter(has=widgets)
        return elements.filter(has=self.tab.get_by_text(label, exact=True)).first

    def aim(self, key: str, label: str | None = None):
        """Get control `key` ready to move one step to a value not seen before, and return
        the move: ArrowRight on a slider or select_slider, or Enter on a number input into
        which the number + 1 has been typed. The move starts at that key press (a room of
        sessions: aim them all, then fire the moves back to back)."""
        box = self.control(key, label)
        number = box.locator("[data-testid='stNumberInput'] input")
        typed = None
        if number.count():
            typed = str(int(float(number.input_value() or 0)) + 1)
            number.fill(typed)
            target, press = number, "Enter"
        else:
            slider = box.get_by_role("slider")
            if not slider.count():
                raise LookupError(f"no slider or number input with key {key!r} on {self.tab.url}")
            target, press = slider.first, "ArrowRight"

        def move() -> None:
            if typed is not None and target.input_value() != typed:
                target.fill(typed)  # the page redrew the field since it was aimed
            self.t0 = self.tab.evaluate("performance.now()")
            target.press(press)

        return move

    def press(self, key: str, label: str | None = None) -> None:
        """Move control `key` one step to a value not seen before (see aim)."""
        self.aim(key, label)()

    def done(self, charts: bool = False) -> bool:
        """Is the load or move over (a run started after t0 and ended, the state has stayed
        notRunning SETTLE_MS since, and with `charts` the first screen's charts are drawn)?"""
        s = self.status()
        if s["runs"] == 0 or s["end"] is None or s["state"] != "notRunning":
            return False
        if charts and s["chartsAt"] is None:
            return False
        return s["now"] - max(s["end"], s["chartsAt"] or 0) >= SETTLE_MS

    def result(self, charts: bool = False) -> Timing:
        """The Timing of the load or move just over (see done). A move counts from its key
        press, a load from the navigation's start."""
        s = self.last
        key = s["key"]
        begin = key if self.t0 and key is not None and key >= self.t0 else self.t0
        end = max(s["end"], s["chartsAt"] or 0) if charts else s["end"]
        return Timing(
            (end - begin) / 1000, (s["start"] - begin) / 1000, (s["end"] - begin) / 1000,
            s["runs"], tuple(s["charts"]), bool(s["error"]),
        )  # fmt: skip

    def wait(self, charts: bool = False, timeout: float = 60, no_run: float = 10) -> Timing:
        """Wait for the load or move to be over; Timing(None) if no run started within
        `no_run` seconds (a move that does not rerun the page)."""
        begun = time.monotonic()
        while not self.done(charts):
            waited = time.monotonic() - begun
            if self.last["runs"] == 0 and waited > no_run or waited > timeout:
                return Timing(None, runs=self.last["runs"])
            time.sleep(0.02)
        return self.result(charts)

    def load(self, url: str) -> Timing:
        """Open `url` and time it until its runs are over and its first screen's charts drawn."""
        self.go(url)
        return self.wait(charts=True)

    def move(self, key: str, label: str | None = None) -> Timing:
        """Move control `key` (see press) and time it until the page's runs are over."""
        self.press(key, label)
        return self.wait()


@contextmanager
def server_at(url: str | None) -> Iterator[str]:
    """A fresh `streamlit run app.py` (url None), or the server someone else runs at `url`
    (nothing to start or stop)."""
    if url is None:
        with streamlit_server() as started:
            yield started
    else:
        yield url.rstrip("/")


def server_pid(url: str) -> int | None:
    """The pid of the `streamlit run` serving `url` on this machine (its --server.port), or None."""
    port = url.rstrip("/").rsplit(":", 1)[-1].split("/")[0]
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            args = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        flag = b"--server.port"
        if flag in args and b"streamlit" in args and args[args.index(flag) + 1].decode() == port:
            return int(entry.name)
    return None


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of process `pid` so far, all its threads (/proc/<pid>/stat)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def wait_idle(pid: int | None, timeout: float = 120) -> float:
    """Wait until the server has used under 10% of a core for a second (the kernel's warm-up,
    a compile from numba's cache or cold, is over); returns the seconds waited."""
    begun = time.monotonic()
    if pid is None:
        time.sleep(3)  # not ours to watch: give the warm-up a moment
        return 3.0
    quiet = 0
    while quiet < 4 and time.monotonic() - begun < timeout:
        before = cpu_seconds(pid)
        time.sleep(0.25)
        quiet = quiet + 1 if cpu_seconds(pid) - before < 0.025 else 0
    return time.monotonic() - begun


def load_average() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def numba_cache_on_disk() -> bool:
    """Is the kernel in numba's on-disk cache next to tinynet/ (a server loads it, ~1 s,
    instead of compiling, ~8 s)?"""
    return any((ROOT / "tinynet" / "__pycache__").glob("kernel.*.nbi"))
