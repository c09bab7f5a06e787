"""The decision surface: a network's output over the input square, x3 held at 1."""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from .activations import get_activation
from .backprop import forward
from .settings import RunSettings


class Surface(NamedTuple):
    """output[i, j] is the network's output at x1 = x1[j], x2 = x2[i]."""

    x1: np.ndarray  # (r,)
    x2: np.ndarray  # (r,)
    output: np.ndarray  # (r, r)


def decision_surface(
    settings: RunSettings,
    synapse_0: np.ndarray,
    synapse_1: np.ndarray | None,
    resolution: int = 41,
) -> Surface:
    """The output over (x1, x2) in [0, 1]^2, with the constant input 1 if the run has it.

    At the four corners it equals the run's predictions for the same weights.
    """
    if not 2 <= resolution <= 401:
        raise ValueError(f"resolution must be between 2 and 401, got {resolution!r}")
    axis = np.linspace(0.0, 1.0, resolution)
    x1, x2 = np.meshgrid(axis, axis)
    columns = [x1.ravel(), x2.ravel()] + ([np.ones(x1.size)] if settings.bias else [])
    grid = np.stack(columns, axis=1)  # (r*r, n_inputs)
    with np.errstate(all="ignore"):
        _, output = forward(grid, synapse_0, synapse_1, get_activation(settings.activation))
    return Surface(axis, axis, output.reshape(resolution, resolution))
