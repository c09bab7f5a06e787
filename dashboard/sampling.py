"""Which iterations of a long trajectory to draw: log-spaced, a bounded number of them."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

MAX_POINTS = 2_000  # per line: Altair refuses 5,000 rows, and browsers slow down long before
# The iterations the seed prints: Python's error[0], [10000], [20000] and R's [9999], [19999], [29999].
SEED_MARKS = (0, 9_999, 10_000, 19_999, 20_000, 29_999)


def checkpoints(n: int) -> list[int]:
    """The seed's printed iterations that exist in a trajectory of length n."""
    return [j for j in SEED_MARKS if j < n]


def log_indices(n: int, max_points: int = MAX_POINTS, keep: Iterable[int] = ()) -> np.ndarray:
    """Sorted unique indices into a length-n trajectory: all of them if n <= max_points, else
    the first, the last, the seed's checkpoints, `keep`, and log-spaced ones between, at most
    max_points in all. Log spacing because training changes fastest early on."""
    if n <= 0:
        return np.zeros(0, dtype=int)
    if n <= max_points:
        return np.arange(n)
    must = {0, n - 1, *checkpoints(n), *(j for j in keep if 0 <= j < n)}
    budget = max_points - len(must)
    dense = _dense_prefix(n, budget)
    # Every index below `dense`, then log-spaced ones: early iterations change fastest.
    spaced = np.geomspace(dense, n - 1, num=budget - dense)
    between = np.concatenate([np.arange(dense), np.round(spaced)]).astype(int)
    # At most `budget` distinct indices plus len(must): never over max_points.
    return np.unique(np.concatenate([between, sorted(must)]))


def _dense_prefix(n: int, budget: int) -> int:
    """The smallest m such that log-spacing budget - m points over [m, n - 1] leaves gaps
    of at least one index: below m, log spacing would only repeat indices."""
    for m in range(1, budget - 1):
        ratio = ((n - 1) / m) ** (1 / (budget - m - 1))
        if m * (ratio - 1) >= 1:
            return m
    return budget - 2


def loggable(values: np.ndarray) -> np.ndarray:
    """Mask of values a log axis can show: finite and strictly positive."""
    values = np.asarray(values, dtype=float)
    return np.isfinite(values) & (values > 0)
