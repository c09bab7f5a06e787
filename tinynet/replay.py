"""Any iteration of a run, exactly as it happened: replayed from the nearest snapshot."""

from __future__ import annotations

import numpy as np

from . import kernel
from .activations import get_activation
from .backprop import Step, step
from .data import inputs
from .train import Run, single_network_dot


def weights_at(run: Run, k: int) -> tuple[np.ndarray, np.ndarray | None]:
    """(synapse_0, synapse_1) after k updates, i.e. as iteration k starts (0 <= k <= last).

    Replays from the latest snapshot at or before k with the loop and arithmetic that trained
    the run, so the weights are bit for bit those of `train(run.settings)`.
    """
    last = int(run.snapshots.iterations[-1])
    if not 0 <= k <= last:
        raise ValueError(f"iteration must be between 0 and {last}, got {k!r}")
    index = int(np.searchsorted(run.snapshots.iterations, k, side="right")) - 1
    synapse_0 = run.snapshots.synapse_0[index].copy()
    synapse_1 = None if run.snapshots.synapse_1 is None else run.snapshots.synapse_1[index].copy()
    iterations = k - int(run.snapshots.iterations[index])
    if run.engine == "numba" and iterations > 0:
        s = run.settings
        weights = (synapse_0, synapse_1)
        how = (s.alpha, s.activation, s.init)
        kernel.advance(inputs(s.bias), _target(run), weights, how, iterations)
        return synapse_0, synapse_1
    for _ in range(iterations):
        s = step_from(run, synapse_0, synapse_1)
        synapse_0 -= s.update_0
        if synapse_1 is not None:
            synapse_1 -= s.update_1
    return synapse_0, synapse_1


def step_at(run: Run, k: int) -> Step:
    """Iteration k of the run: its forward pass, error, deltas and updates (0 <= k < len(error))."""
    if not 0 <= k < len(run.error):
        raise ValueError(f"iteration must be between 0 and {len(run.error) - 1}, got {k!r}")
    return step_from(run, *weights_at(run, k))


def step_from(run: Run, synapse_0: np.ndarray, synapse_1: np.ndarray | None) -> Step:
    """One iteration of the run's own arithmetic from these weights (left unchanged)."""
    s = run.settings
    if run.engine == "numba":
        how = (s.alpha, s.activation, s.init)
        return kernel.step(inputs(s.bias), _target(run), synapse_0, synapse_1, how)
    alpha = np.array(s.alpha)  # 0-d, as in training: same arithmetic
    with np.errstate(all="ignore"):
        return step(
            inputs(s.bias),
            _target(run),
            synapse_0,
            synapse_1,
            alpha,
            get_activation(s.activation),
            single_network_dot(s.init == "r"),
        )


def _target(run: Run) -> np.ndarray:
    return np.array(run.settings.target, dtype=float).reshape(4, 1)
