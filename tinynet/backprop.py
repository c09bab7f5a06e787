"""One iteration of the seed's loop: forward pass, error, deltas and weight updates.

Works on one network (2-D weights) or on a stack of networks (3-D weights, the
first axis indexing members): NumPy's `@` broadcasts over the stack.

Conventions (Example 3's, which Example 2 equals bit for bit at alpha = 1):
`error = output - y`, and the updates are *subtracted* from the weights.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

import numpy as np

from .activations import Activation, sigmoid, sigmoid_slope


class Step(NamedTuple):
    """The seed's named quantities for one iteration. Shapes for one network of H hidden units
    (a stack adds a leading member axis); the layer_1 fields are None without a hidden layer."""

    layer_1: np.ndarray | None  # (4, H) hidden layer
    layer_2: np.ndarray  # (4, 1) output (Example 1 calls it layer_1)
    error: np.ndarray  # (4, 1) output - y
    layer_2_delta: np.ndarray  # (4, 1) error * slope of the output
    layer_1_error: np.ndarray | None  # (4, H) layer_2_delta @ synapse_1.T
    layer_1_delta: np.ndarray | None  # (4, H) layer_1_error * slope of the hidden layer
    update_1: np.ndarray | None  # (H, 1) alpha * layer_1.T @ layer_2_delta
    update_0: np.ndarray  # (n_inputs, H) alpha * X.T @ layer_1_delta


def step(
    x: np.ndarray,
    y: np.ndarray,
    synapse_0: np.ndarray,
    synapse_1: np.ndarray | None,
    alpha: float | np.ndarray,
    activation: Activation,
    dot: Callable[[np.ndarray, np.ndarray], np.ndarray] = np.matmul,
) -> Step:
    """One full-batch iteration, without changing the weights.

    x: (4, n_inputs); y: (4, 1); synapse_0: (n_inputs, H); synapse_1: (H, 1) or None for a
    single layer (then synapse_0 is (n_inputs, 1)); alpha: a number, or (P, 1, 1) for a stack.
    dot: the matrix product (np.dot as the seed, np.matmul for stacks, or r_matmul).
    Call it under np.errstate(over="ignore"): sigmoid's exp overflows, harmlessly, for x < -709.
    """
    layer_1, layer_2 = forward(x, synapse_0, synapse_1, activation, dot)
    error = layer_2 - y
    layer_2_delta = error * sigmoid_slope(layer_2)
    if synapse_1 is None:  # Example 1: one layer, no hidden units
        update_0 = alpha * dot(x.T, layer_2_delta)
        return Step(None, layer_2, error, layer_2_delta, None, None, None, update_0)

    layer_1_error = dot(layer_2_delta, synapse_1.mT)
    layer_1_delta = layer_1_error * activation.slope_from_output(layer_1)
    update_1 = alpha * dot(layer_1.mT, layer_2_delta)
    update_0 = alpha * dot(x.T, layer_1_delta)
    return Step(
        layer_1, layer_2, error, layer_2_delta, layer_1_error, layer_1_delta, update_1, update_0
    )


def forward(
    x: np.ndarray,
    synapse_0: np.ndarray,
    synapse_1: np.ndarray | None,
    activation: Activation,
    dot: Callable[[np.ndarray, np.ndarray], np.ndarray] = np.matmul,
) -> tuple[np.ndarray | None, np.ndarray]:
    """(layer_1, layer_2): the hidden layer (n, H) (None without one) and the output (n, 1)
    for inputs x (n, n_inputs); n is 4 for the training rows, more for a surface."""
    if synapse_1 is None:
        return None, sigmoid(dot(x, synapse_0))
    layer_1 = activation.function(dot(x, synapse_0))
    return layer_1, sigmoid(dot(layer_1, synapse_1))


def row_contributions(x: np.ndarray, delta: np.ndarray) -> np.ndarray:
    """What each training row adds to x.T @ delta: one outer product per row.

    x: (4, n_inputs); delta: (4, H). Returns (4, n_inputs, H); summed over its first axis
    it is x.T @ delta, so row n's slice shows which weights that row pushes, and how hard.
    """
    return x[:, :, None] * delta[:, None, :]
