"""Summaries of runs for tables, charts and the workshop: a run's outcome, a one-line verdict
on whether it learned its target, and the band of an ensemble.

One rule decides "learned" everywhere: every one of the four outputs lies within `tolerance`
of its target (`wrong_rows` names the others). The mean |error| alone cannot say it: XOR's
error is 0.5 both for a constant guess of 0.5 and for outputs of 0.9999 on every row.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from .activations import get_activation
from .backprop import forward
from .data import inputs, target_label
from .train import Run, single_network_dot

TOLERANCE = 0.05  # an output this close to its target counts as right
# A wrong row "is still learning" if its output's input sum (its logit) moved this much toward
# the target over the last half of the run. Logits, not outputs: a saturated output (R's
# alpha 0.001 starts with every output near 1) creeps in the 4th decimal while its logit
# moves by 0.09; rows stuck on a plateau (one hidden unit: outputs at 0.5, 1/3, 2/3) move
# theirs by less than 0.04, and saturated ones (alpha 100: outputs exactly 0) not at all.
MOVING = 0.06
OUTCOMES = ("learned", "still learning", "stuck", "diverged")


def wrong_rows(prediction: np.ndarray, target: Sequence[float], tolerance: float = TOLERANCE):
    """Indices (0-based) of the rows whose output is not within `tolerance` of its target.

    prediction, target: (4,). A non-finite output is wrong.
    """
    distance = np.abs(np.asarray(prediction, dtype=float) - np.asarray(target, dtype=float))
    return tuple(int(i) for i in np.flatnonzero(~(distance <= tolerance)))


def classify(
    earlier: np.ndarray,
    final: np.ndarray,
    target: Sequence[float],
    diverged: bool = False,
    tolerance: float = TOLERANCE,
) -> str:
    """The outcome of a run from its outputs half-way (`earlier`) and at the end (`final`),
    both (4,), and its target (4,): one of OUTCOMES.

    "learned": every output within `tolerance` of its target. Otherwise "still learning" if
    some wrong row's logit moved at least MOVING toward its target between the two, else
    "stuck" (a plateau, a constant guess, or saturated outputs whose slope is 0).
    """
    final = np.asarray(final, dtype=float)
    if diverged or not np.isfinite(final).all():
        return "diverged"
    wrong = list(wrong_rows(final, target, tolerance))
    if not wrong:
        return "learned"
    toward = np.sign(np.asarray(target, dtype=float) - final)  # which way is right, per row
    with np.errstate(invalid="ignore"):  # inf - inf: an output pinned at exactly 0 or 1
        moved = (_logit(final) - _logit(np.asarray(earlier, dtype=float))) * toward
    moved = np.nan_to_num(moved, nan=0.0)  # pinned: not moving; off a pin: +-inf -> +-max
    return "still learning" if moved[wrong].max() >= MOVING else "stuck"


def outcome(run: Run, tolerance: float = TOLERANCE) -> str:
    """The run's fate, one of OUTCOMES: "diverged" (a weight went non-finite), "learned" (every
    output within `tolerance` of its target), "still learning" (a wrong output still moves
    toward its target over the last half of the run) or "stuck" (the wrong outputs stay put)."""
    if run.diverged_at is not None:
        return "diverged"
    return classify(_halfway_prediction(run), run.prediction, run.settings.target, False, tolerance)


@dataclass(frozen=True)
class Verdict:
    """Whether a run learned its target, in one line.

    wrong_rows: 0-based indices of the rows more than `tolerance` from their target; the
    text numbers rows from 1 (row 1 is x1 = x2 = 0), as the prediction tables do.
    """

    learned: bool
    wrong_rows: tuple[int, ...]
    tolerance: float
    text: str


def verdict(run: Run, tolerance: float = TOLERANCE) -> Verdict:
    """E.g. "XOR learned: all 4 rows within 0.05" or "XOR not learned: rows 2 and 3 wrong,
    more than 0.05 from the target"."""
    name = target_name(run.settings.target)
    wrong = wrong_rows(run.prediction, run.settings.target, tolerance)
    if run.diverged_at is not None:
        why = f"the run diverged at iteration {run.diverged_at:,} (a weight became infinite)"
        return Verdict(False, wrong, tolerance, f"{name} not learned: {why}")
    if not wrong:
        return Verdict(True, (), tolerance, f"{name} learned: all 4 rows within {tolerance:g}")
    rows = _rows_text([i + 1 for i in wrong])
    text = f"{name} not learned: {rows} wrong, more than {tolerance:g} from the target"
    return Verdict(False, wrong, tolerance, text)


def target_name(target: Sequence[float]) -> str:
    """How a sentence names a target: "XOR", "AND", "Target = x1", "Target 0,1,1,0.5"."""
    label = target_label(target)
    if label == "first":
        return "Target = x1"
    return label.upper() if "," not in label else f"Target {label}"


def _rows_text(rows: list[int]) -> str:
    if len(rows) == 1:
        return f"row {rows[0]}"
    return "rows " + ", ".join(map(str, rows[:-1])) + f" and {rows[-1]}"


def _logit(p: np.ndarray) -> np.ndarray:
    """log(p / (1 - p)): -inf at 0, inf at 1 (no warning)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.log(p) - np.log1p(-p)


def _halfway_prediction(run: Run) -> np.ndarray:
    """The outputs (4,) from the latest snapshot at or before the middle of the run."""
    snaps = run.snapshots
    index = int(np.searchsorted(snaps.iterations, len(run.error) // 2, side="right")) - 1
    synapse_1 = None if snaps.synapse_1 is None else snaps.synapse_1[index]
    s = run.settings
    with np.errstate(all="ignore"):  # sigmoid's exp overflows harmlessly for huge inputs
        _, output = forward(
            inputs(s.bias),
            snaps.synapse_0[index],
            synapse_1,
            get_activation(s.activation),
            single_network_dot(s.init == "r"),
        )
    return output[:, 0]


class Band(NamedTuple):
    """An ensemble's error at chosen iterations: median and the 10th-90th percentile band.

    All (m,) for m iterations; members that diverged before an iteration are left out
    (NaN where every member had).
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
    spread = np.full((3, len(iterations)), np.nan)
    any_finite = ~np.isnan(errors).all(axis=0)  # nanpercentile warns on an all-NaN column
    if any_finite.any():
        spread[:, any_finite] = np.nanpercentile(errors[:, any_finite], [10, 50, 90], axis=0)
    low, median, high = spread
    return Band(iterations, median, low, high)
