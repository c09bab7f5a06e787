"""Benchmark: how long each workshop exercise's Check takes from cold (no cached runs).

    python bench/workshop.py [--rounds 3]

Every round checks every exercise once, in turn (interleaved rounds, so a busy moment of the
machine spreads over all of them), with the engine cache emptied before each check. Reported:
the fastest and the median of the rounds, beside the target of one second, and, for scale,
one Example 2 run of the tutorial (30,000 iterations) timed in the same rounds. Last, the
solutions handout (every exercise solved and checked, cache warm from the rounds).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dashboard.workshop import handout, runs  # noqa: E402
from dashboard.workshop.exercises import EXERCISES  # noqa: E402
from tinynet import preset, train  # noqa: E402

TARGET = 1.0  # seconds: a check must answer within this


def timed(function) -> float:
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    rounds = parser.parse_args().rounds

    answers = {ex.id: ex.solve() for ex in EXERCISES}
    times: dict[str, list[float]] = {ex.id: [] for ex in EXERCISES}
    scale: list[float] = []
    for _ in range(rounds):
        scale.append(timed(lambda: train(preset(2))))
        for ex in EXERCISES:
            runs.clear()
            times[ex.id].append(timed(lambda ex=ex: ex.check(answers[ex.id])))
    solutions = timed(lambda: handout.markdown("http://localhost:8501", handout.solutions()))

    print(f"{rounds} interleaved rounds, cache emptied before each check; target < {TARGET:g} s")
    print(f"{'exercise':16} {'page':14} {'fastest':>8} {'median':>8}  x Example 2 run")
    one_run = min(scale)
    for ex in EXERCISES:
        fastest, median = min(times[ex.id]), statistics.median(times[ex.id])
        flag = "" if fastest < TARGET else "  over target"
        ratio = fastest / one_run
        print(f"{ex.id:16} {ex.page:14} {fastest:7.3f}s {median:7.3f}s  {ratio:5.2f}{flag}")
    print(f"Example 2, tutorial's run (30,000 iterations): fastest {one_run:.3f}s")
    print(f"solutions handout, cache warm: {solutions:.3f}s")


if __name__ == "__main__":
    main()
