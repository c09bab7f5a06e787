"""Which iterations of a long trajectory to draw: log-spaced, a bounded number of them.

The engine has a log-spaced sampler too, `tinynet.train.snapshot_iterations`, for another
job: which weights a run keeps (about 200, fixed before training, 0 and the final update
included). A chart's sampler must do more: use its whole budget of points (every iteration
below the point where log spacing would repeat one), and keep the iterations the tutorial
prints (tinynet.reference.PRINTED_ITERATIONS), so that a tooltip there shows the printed
number. So the two stay apart; the charts reuse the engine's list of printed iterations.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from tinynet.reference import PRINTED_ITERATIONS

MAX_POINTS = 800  # per line: more than a chart is wide; Altair refuses 5,000 rows
# Every iteration either flavour of the tutorial prints the error at: each chart keeps them.
MARKS = tuple(sorted(set().union(*PRINTED_ITERATIONS.values())))


def log_indices(n: int, max_points: int = MAX_POINTS) -> np.ndarray:
    """Sorted unique indices into a length-n trajectory: all of them if n <= max_points, else
    the first, the last, the tutorial's printed iterations (MARKS) and log-spaced ones
    between, at most max_points in all. Log spacing because training changes fastest early."""
    if n <= 0:
        return np.zeros(0, dtype=int)
    if n <= max_points:
        return np.arange(n)
    must = {0, n - 1, *(j for j in MARKS if j < n)}
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


def log_line(
    iterations: np.ndarray,
    values: np.ndarray,
    series: str,
    column: str = "error",
    max_points: int = MAX_POINTS,
) -> pd.DataFrame:
    """One line of a log-log chart in long form (iteration, `column`, series): at most
    max_points of its points (log_indices), only those a log axis can show.
    iterations, values: (n,) each."""
    at = log_indices(len(values), max_points)
    line = pd.DataFrame(
        {"iteration": np.asarray(iterations)[at], column: np.asarray(values)[at], "series": series}
    )
    return line[loggable(line[column].to_numpy())]
