"""Summaries of runs for tables and charts: a run's outcome, and the band of an ensemble."""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from typing import NamedTuple

import numpy as np

from .train import Run

STUCK_ERROR = 0.1  # a mean |error| this large is far from the targets (XOR at 0.5 is 0.5) ...
STUCK_CHANGE = 1e-3  # ... and if it hardly moves over the last half of the run, it is stuck


def outcome(run: Run) -> str:
    """The run's fate: "diverged" (weights went non-finite), "stuck" (error stays far from 0
    and stops moving: saturated outputs, as at alpha 100, or a constant guess), or "learned"."""
    if run.diverged_at is not None:
        return "diverged"
    late = run.error[len(run.error) // 2 :]
    if late.min() >= STUCK_ERROR and late.max() - late.min() < STUCK_CHANGE:
        return "stuck"
    return "learned"


class Band(NamedTuple):
    """An ensemble's error at chosen iterations: median and the 10th-90th percentile band.

    All (m,) for m iterations; members that diverged before an iteration are left out.
    """

    iterations: np.ndarray
    median: np.ndarray
    low: np.ndarray
    high: np.ndarray


def error_band(runs: Sequence[Run], iterations: np.ndarray) -> Band:
    """The spread of the members' error trajectories at `iterations` (indices into error)."""
    errors = np.full((len(runs), len(iterations)), np.nan)
    for i, run in enumerate(runs):
        seen = iterations < len(run.error)
        errors[i, seen] = run.error[iterations[seen]]
    errors[~np.isfinite(errors)] = np.nan
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # where every member has diverged
        low, median, high = np.nanpercentile(errors, [10, 50, 90], axis=0)
    return Band(iterations, median, low, high)
