"""What a decision surface shows besides the surface itself: the four training rows with the
network's output for the same weights, and the iterations whose weights a run kept."""

from __future__ import annotations

import numpy as np
import pandas as pd

from tinynet import (
    RunSettings,
    Surface,
    decision_surface,
    forward,
    get_activation,
    inputs,
    weights_at,
)
from tinynet.train import Run


def training_points(
    target: np.ndarray | tuple[float, ...], prediction: np.ndarray, bias: bool = True
) -> pd.DataFrame:
    """The four training rows: row, x1, x2, target, prediction, label (the target as text).

    target, prediction: (4,) or (4, 1), e.g. a Step's layer_2 for the weights of iteration k.
    """
    x = inputs(bias)
    target = np.asarray(target, dtype=float).reshape(4)
    return pd.DataFrame(
        {
            "row": [f"row {i + 1}" for i in range(4)],
            "x1": x[:, 0],
            "x2": x[:, 1],
            "target": target,
            "prediction": np.asarray(prediction, dtype=float).reshape(4),
            "label": [f"target {t:g}" for t in target],
        }
    )


def run_points(run: Run) -> pd.DataFrame:
    """training_points for a run's last forward pass (run.prediction, the seed's printout)."""
    return training_points(run.settings.target, run.prediction, run.settings.bias)


def points_for(
    settings: RunSettings, synapse_0: np.ndarray, synapse_1: np.ndarray | None
) -> pd.DataFrame:
    """training_points with the outputs of these weights (a forward pass; an overflowing
    network's outputs are NaN, without a warning)."""
    with np.errstate(all="ignore"):
        activation = get_activation(settings.activation)
        _, output = forward(inputs(settings.bias), synapse_0, synapse_1, activation)
    return training_points(settings.target, output, settings.bias)


def surface_parts(run: Run, k: int | None = None) -> tuple[Surface, pd.DataFrame]:
    """The decision surface and the four rows (points_for) for the run's weights after k
    updates (exact: replayed from the snapshots), or after training (k None)."""
    s = run.settings
    synapse_0, synapse_1 = (run.synapse_0, run.synapse_1) if k is None else weights_at(run, k)
    return decision_surface(s, synapse_0, synapse_1), points_for(s, synapse_0, synapse_1)


def snapshot_choices(run: Run) -> list[int]:
    """The iterations whose weights the run kept (0: the start, last: the final weights)."""
    return [int(k) for k in run.snapshots.iterations]
