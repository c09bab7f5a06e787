"""Backprop vs nnet: what the comparison page shows of each method, side by side.

Both methods are compared by the *sum of squared errors*: nnet minimises it (plus decay x
the sum of squared weights), and the seed's update `error * slope` is the gradient of half
of it, so the plain net descends the same surface. The plain net only records its mean
|error| every iteration; its sum of squared errors comes from the forward pass of its ~200
weight snapshots (log-spaced, exact weights), which is plenty for a log-scaled line.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from tinynet.nnet import NnetFit
from tinynet.replay import step_from
from tinynet.train import Run

DECAYS = (0.0, 1e-4, 1e-3, 0.01, 0.1, 1.0)  # the decay control's ladder and the shrink table's rows
OBJECTIVES = {"sse": "least squares", "entropy": "entropy"}  # key -> label (and URL text)
BACKPROP = "plain backprop"
NNET = "nnet"


@dataclass(frozen=True)
class Summary:
    """One method's headline numbers, side by side on the page."""

    method: str
    weights: int
    iterations: int
    seconds: float
    sse: float  # sum of squared errors of the final outputs (no penalty)
    mean_abs_error: float  # the seed's measure, of the same outputs
    max_abs_weight: float


def _summary(
    method: str,
    target: Sequence[float],
    outputs: np.ndarray,
    weights: np.ndarray,
    iterations: int,
    seconds: float,
) -> Summary:
    """outputs: (4,), the final ones; weights: every weight of the net, flat."""
    error = np.asarray(target, dtype=float) - outputs
    return Summary(
        method,
        weights=int(weights.size),
        iterations=iterations,
        seconds=seconds,
        sse=float(np.sum(error**2)),
        mean_abs_error=float(np.mean(np.abs(error))),
        max_abs_weight=float(np.max(np.abs(weights))),
    )


def backprop_summary(run: Run, seconds: float) -> Summary:
    """The plain net's numbers: its outputs are the last forward pass (what the seed prints)."""
    weights = np.concatenate([run.synapse_0.ravel(), output_weights(run).ravel()])
    return _summary(BACKPROP, run.settings.target, run.prediction, weights, len(run.error), seconds)


def nnet_summary(fit: NnetFit, target: Sequence[float], seconds: float) -> Summary:
    """nnet's numbers: `iterations` is R's count of BFGS iterations."""
    return _summary(NNET, target, fit.fitted, fit.weights, fit.iterations, seconds)


def duration(seconds: float) -> str:
    """A run's time as people read it: 7 ms, 0.89 s, 12 s."""
    if seconds < 1:
        return f"{seconds * 1000:.0f} ms"
    return f"{seconds:.2f} s" if seconds < 10 else f"{seconds:.0f} s"


def output_weights(run: Run) -> np.ndarray:
    """synapse_1 (H, 1); ValueError for a net without a hidden layer (Example 1)."""
    if run.synapse_1 is None:
        raise ValueError("the comparison needs a hidden layer (Example 2 or 3 settings)")
    return run.synapse_1


def backprop_sse(run: Run) -> tuple[np.ndarray, np.ndarray]:
    """(iterations, sum of squared errors) at the run's weight snapshots: the forward pass that
    iteration k starts with, done with the run's own arithmetic (so its mean |error| is
    run.error[k] exactly). The last snapshot is the weights after the final update."""
    snaps = run.snapshots
    if snaps.synapse_1 is None:
        output_weights(run)
    sse = np.empty(len(snaps.iterations))
    with np.errstate(all="ignore"):  # a diverged run's last weights may overflow: dropped later
        for i in range(len(snaps.iterations)):
            error = step_from(run, snaps.synapse_0[i], snaps.synapse_1[i]).error
            sse[i] = np.sum(error**2)
    return snaps.iterations.astype(int), sse


def objective_label(fit: NnetFit) -> str:
    """What nnet minimises, in short words: the chart's legend for its line (SSE: the sum of
    squared errors)."""
    what = "entropy" if fit.entropy else "SSE"
    penalty = f" + {fit.decay:g}·Σw²" if fit.decay > 0 else ""
    return f"{NNET}: {what}{penalty}"


def backprop_weights(run: Run) -> dict[str, float]:
    """The plain net's weights under nnet's names: synapse_0[i, h] is `i{i+1}->h{h+1}` (its
    constant third input is what stands in for a hidden bias), synapse_1[h] is `h{h+1}->o`.
    It has no `b->h` and no `b->o`."""
    synapse_0, synapse_1 = run.synapse_0, output_weights(run)
    named = {
        f"i{i + 1}->h{h + 1}": float(synapse_0[i, h])
        for h in range(synapse_0.shape[1])
        for i in range(synapse_0.shape[0])
    }
    named.update({f"h{h + 1}->o": float(synapse_1[h, 0]) for h in range(synapse_1.shape[0])})
    return named
