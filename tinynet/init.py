"""Starting weights, drawn exactly as the seed's Python or R code draws them."""

from __future__ import annotations

import numpy as np

from .rrandom import RRandom
from .settings import RunSettings


def initial_weights(settings: RunSettings) -> tuple[np.ndarray, np.ndarray | None]:
    """(synapse_0, synapse_1) before any update.

    synapse_0: (n_inputs, H), or (n_inputs, 1) for Example 1; synapse_1: (H, 1), None for Example 1.
    """
    n_in, hidden = settings.n_inputs, settings.hidden
    if settings.init == "numpy":
        return _numpy_draws(settings.seed, n_in, hidden)
    return _r_draws(settings.seed, n_in, hidden, settings.example)


def _numpy_draws(seed: int, n_in: int, hidden: int | None) -> tuple[np.ndarray, np.ndarray | None]:
    # RandomState(seed) is the stream np.random.seed(seed) starts, without touching global state.
    draws = np.random.RandomState(seed)
    if hidden is None:
        return 2 * draws.random_sample((n_in, 1)) - 1, None
    synapse_0 = 2 * draws.random_sample((n_in, hidden)) - 1
    synapse_1 = 2 * draws.random_sample((hidden, 1)) - 1
    return synapse_0, synapse_1


def _r_draws(
    seed: int, n_in: int, hidden: int | None, example: int
) -> tuple[np.ndarray, np.ndarray | None]:
    draws = RRandom(seed)
    if hidden is None:  # matrix(runif(3, min = -1, max = 1), 3, 1)
        return draws.matrix(n_in, 1, -1, 1), None
    synapse_0 = draws.matrix(n_in, hidden, -1, 1)  # matrix(runif(3 * H, -1, 1), 3, H)
    if example == 2:  # matrix(runif(12, -1, 1), 4, 1): R keeps the first 4 draws
        synapse_1 = draws.matrix(hidden, 1, -1, 1)
    else:  # Example 3: matrix(runif(H), H, 1), on [0, 1)
        synapse_1 = draws.matrix(hidden, 1, 0, 1)
    return synapse_0, synapse_1
