"""Backprop vs nnet's tables: fitted values, the weights by nnet's names, and how decay
shrinks them."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from tinynet.nnet import NnetFit, weight_names
from tinynet.train import Run

from ..model.compare import BACKPROP, NNET, Summary, backprop_weights, duration
from .runs import training_rows


def fitted_table(run: Run, fit: NnetFit) -> pd.DataFrame:
    """One row per input: x1 x2 x3, target, the plain net's output and nnet's fitted value."""
    table = training_rows(run.settings)
    table[BACKPROP] = run.prediction
    table[NNET] = fit.fitted
    return table


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


def summary_table(plain: Summary, nnet: Summary, digits: int = 5) -> pd.DataFrame:
    """The two methods' headline numbers side by side, one row per measure, as text (whole
    numbers with thousands separators, the others to `digits` significant digits)."""
    rows = {
        "weights": lambda s: f"{s.weights:,}",
        "iterations": lambda s: f"{s.iterations:,}",
        "time": lambda s: duration(s.seconds),
        "sum of squared errors": lambda s: f"{s.sse:.{digits}g}",
        "mean |error|": lambda s: f"{s.mean_abs_error:.{digits}g}",
        "max |weight|": lambda s: f"{s.max_abs_weight:.{digits}g}",
    }
    return pd.DataFrame(
        {
            "measure": list(rows),
            BACKPROP: [show(plain) for show in rows.values()],
            NNET: [show(nnet) for show in rows.values()],
        }
    )
