"""Backprop vs nnet: the comparison page's builders. Results in, DataFrame or chart out; no
Streamlit here.

Both methods are drawn on one chart as the *sum of squared errors*: nnet minimises it (plus
decay x the sum of squared weights), and the seed's update `error * slope` is the gradient of
half of it, so the plain net descends the same surface. The plain net only records its mean
|error| every iteration; its sum of squared errors comes from the forward pass of its ~200
weight snapshots (log-spaced, exact weights), which is plenty for a log-scaled line.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import altair as alt
import numpy as np
import pandas as pd

from tinynet import inputs
from tinynet.nnet import NnetFit, weight_names
from tinynet.replay import step_from
from tinynet.train import Run

from .charts import ERROR_FORMAT, HEIGHT, _iteration_axis
from .sampling import log_indices, loggable

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


def _target(run: Run) -> np.ndarray:
    return np.array(run.settings.target, dtype=float)


def backprop_summary(run: Run, seconds: float) -> Summary:
    """The plain net's numbers: its outputs are the last forward pass (what the seed prints)."""
    error = _target(run) - run.prediction
    weights = np.concatenate([run.synapse_0.ravel(), _synapse_1(run).ravel()])
    return Summary(
        BACKPROP,
        weights=int(weights.size),
        iterations=len(run.error),
        seconds=seconds,
        sse=float(np.sum(error**2)),
        mean_abs_error=float(np.mean(np.abs(error))),
        max_abs_weight=float(np.max(np.abs(weights))),
    )


def nnet_summary(fit: NnetFit, target: Sequence[float], seconds: float) -> Summary:
    """nnet's numbers: `iterations` is R's count of BFGS iterations."""
    error = np.asarray(target, dtype=float) - fit.fitted
    return Summary(
        NNET,
        weights=len(fit.weights),
        iterations=fit.iterations,
        seconds=seconds,
        sse=float(np.sum(error**2)),
        mean_abs_error=float(np.mean(np.abs(error))),
        max_abs_weight=float(np.max(np.abs(fit.weights))),
    )


def duration(seconds: float) -> str:
    """A run's time as people read it: 7 ms, 0.89 s, 12 s."""
    if seconds < 1:
        return f"{seconds * 1000:.0f} ms"
    return f"{seconds:.2f} s" if seconds < 10 else f"{seconds:.0f} s"


# ---------------------------------------------------------------------------
# The trajectory chart: both methods' sum of squared errors, log-log
# ---------------------------------------------------------------------------


def _synapse_1(run: Run) -> np.ndarray:
    if run.synapse_1 is None:
        raise ValueError("the comparison needs a hidden layer (Example 2 or 3 settings)")
    return run.synapse_1


def backprop_sse(run: Run) -> tuple[np.ndarray, np.ndarray]:
    """(iterations, sum of squared errors) at the run's weight snapshots: the forward pass that
    iteration k starts with, done with the run's own arithmetic (so its mean |error| is
    run.error[k] exactly). The last snapshot is the weights after the final update."""
    snaps = run.snapshots
    if snaps.synapse_1 is None:
        _synapse_1(run)
    sse = np.empty(len(snaps.iterations))
    with np.errstate(all="ignore"):  # a diverged run's last weights may overflow: dropped later
        for i in range(len(snaps.iterations)):
            error = step_from(run, snaps.synapse_0[i], snaps.synapse_1[i]).error
            sse[i] = np.sum(error**2)
    return snaps.iterations.astype(int), sse


def objective_label(fit: NnetFit) -> str:
    """What nnet minimises, in words: the chart's legend for its line."""
    what = "entropy" if fit.entropy else "sum of squared errors"
    penalty = f" + {fit.decay:g}·Σw²" if fit.decay > 0 else ""
    return f"{NNET}: {what}{penalty}"


def trajectory_frame(run: Run, fit: NnetFit) -> pd.DataFrame:
    """Long form (iteration, value, series): the plain net's sum of squared errors at its
    snapshots and nnet's objective after each BFGS iteration (0 = the starting weights).
    Each line is sampled by dashboard.sampling's rules; only finite positive values stay."""
    backprop_at, backprop_value = backprop_sse(run)
    lines = [
        (backprop_at, backprop_value, f"{BACKPROP}: sum of squared errors"),
        (np.arange(len(fit.history)), np.asarray(fit.history, dtype=float), objective_label(fit)),
    ]
    parts = []
    for at, value, series in lines:
        keep = log_indices(len(value))
        part = pd.DataFrame({"iteration": at[keep], "value": value[keep], "series": series})
        parts.append(part[loggable(part["value"].to_numpy())])
    return pd.concat(parts, ignore_index=True)


def trajectory_chart(run: Run, fit: NnetFit) -> alt.Chart:
    """Both trajectories on one chart, iterations and values on log scales, so nnet's few dozen
    iterations and backprop's 30,000 both read."""
    data = trajectory_frame(run, fit)
    last = int(max(data["iteration"].max(), 1)) if len(data) else 1
    order = list(dict.fromkeys(data["series"]))
    return (
        alt.Chart(data)
        .mark_line(point=alt.OverlayMarkDef(size=14))
        .encode(
            x=_iteration_axis(last),
            y=alt.Y("value:Q", title="objective (log scale)", scale=alt.Scale(type="log")),
            color=alt.Color(
                "series:N",
                title=None,
                sort=order,
                scale=alt.Scale(scheme="tableau10"),
                legend=alt.Legend(orient="top", labelLimit=400),
            ),
            tooltip=[
                alt.Tooltip("series:N", title="method"),
                alt.Tooltip("iteration:Q", title="iteration", format=",d"),
                alt.Tooltip("value:Q", title="value", format=ERROR_FORMAT),
            ],
        )
        .properties(height=HEIGHT)
    )


# ---------------------------------------------------------------------------
# Tables
# ---------------------------------------------------------------------------


def fitted_table(run: Run, fit: NnetFit) -> pd.DataFrame:
    """One row per input: x1 x2 x3, target, the plain net's output and nnet's fitted value."""
    x = inputs(run.settings.bias).astype(int)
    table = pd.DataFrame(x, columns=[f"x{i + 1}" for i in range(x.shape[1])])
    table["target"] = _target(run)
    table[BACKPROP] = run.prediction
    table[NNET] = fit.fitted
    return table


def backprop_weights(run: Run) -> dict[str, float]:
    """The plain net's weights under nnet's names: synapse_0[i, h] is `i{i+1}->h{h+1}` (its
    constant third input is what stands in for a hidden bias), synapse_1[h] is `h{h+1}->o`.
    It has no `b->h` and no `b->o`."""
    synapse_0, synapse_1 = run.synapse_0, _synapse_1(run)
    named = {
        f"i{i + 1}->h{h + 1}": float(synapse_0[i, h])
        for h in range(synapse_0.shape[1])
        for i in range(synapse_0.shape[0])
    }
    named.update({f"h{h + 1}->o": float(synapse_1[h, 0]) for h in range(synapse_1.shape[0])})
    return named


def weights_table(run: Run, fit: NnetFit) -> pd.DataFrame:
    """Every weight by nnet's name and order: nnet's value and the plain net's (NaN where that
    net has no such weight: the biases, or units beyond its size)."""
    plain = backprop_weights(run)
    fitted = dict(zip(fit.names, fit.weights.tolist(), strict=True))
    units = max(fit.size, run.synapse_0.shape[1])
    n_inputs = max(run.synapse_0.shape[0], sum(n.endswith("->h1") for n in fit.names) - 1)
    names = [n for n in weight_names(n_inputs, units) if n in plain or n in fitted]
    return pd.DataFrame(
        {
            "weight": names,
            NNET: [fitted.get(n, np.nan) for n in names],
            BACKPROP: [plain.get(n, np.nan) for n in names],
        }
    )


def decay_table(fits: Sequence[NnetFit], target: Sequence[float]) -> pd.DataFrame:
    """nnet refitted from the same start with each decay: how the penalty shrinks the largest
    |weight|, and what it costs in fit (SSE: the sum of squared errors, without the penalty)."""
    y = np.asarray(target, dtype=float)
    return pd.DataFrame(
        {
            "decay": [f.decay for f in fits],
            "max |weight|": [float(np.max(np.abs(f.weights))) for f in fits],
            "SSE": [float(np.sum((y - f.fitted) ** 2)) for f in fits],
            "objective": [f.value for f in fits],
            "iterations": [f.iterations for f in fits],
            "converged": [bool(f.converged) for f in fits],
        }
    )
