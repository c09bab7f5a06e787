"""A band of seeds, boiled down to what the pages draw, and the sentence that sums it up.

An ensemble of N runs holds N error trajectories (N x iterations floats) and N sets of
snapshots: far more than a page shows. `summarize` keeps the error band at the sampled
iterations (model.sampling.log_indices, at most 2,000), the final predictions and the final
weights; that is small enough to cache and to pickle on every rerun.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from tinynet import Band, error_band, outcome
from tinynet.summary import OUTCOMES
from tinynet.train import Run

from .sampling import log_indices


@dataclass(frozen=True)
class Ensemble:
    """N runs that differ only in their seed.

    seeds, outcomes, diverged_at: (N,) each; band: the error's median and 10-90% spread at
    sampled iterations; prediction: (N, 4); synapse_0: (N, n_inputs, H); synapse_1: (N, H).
    """

    seeds: tuple[int, ...]
    outcomes: tuple[str, ...]
    diverged_at: tuple[int | None, ...]
    band: Band
    prediction: np.ndarray
    synapse_0: np.ndarray
    synapse_1: np.ndarray

    @property
    def size(self) -> int:
        return len(self.seeds)

    def counts(self) -> dict[str, int]:
        """How many runs learned, are still learning, got stuck or diverged (only the outcomes
        that occur, in tinynet.summary.OUTCOMES' order)."""
        return {o: self.outcomes.count(o) for o in OUTCOMES if o in self.outcomes}

    def learned(self) -> np.ndarray:
        """Mask of the runs that learned (all runs, if none did)."""
        mask = np.array([o == "learned" for o in self.outcomes])
        return mask if mask.any() else np.ones(self.size, dtype=bool)


def ensemble_seeds(seed: int, members: int) -> list[int]:
    """The chosen seed and the next ones: seed, seed + 1, ..., members in all."""
    return list(range(seed, seed + members))


def summarize(runs: Sequence[Run]) -> Ensemble:
    """The band, outcomes, final predictions and weights of an ensemble's runs."""
    iterations = max(len(r.error) for r in runs)
    band = error_band(runs, log_indices(iterations))
    return Ensemble(
        seeds=tuple(r.settings.seed for r in runs),
        outcomes=tuple(outcome(r) for r in runs),
        diverged_at=tuple(r.diverged_at for r in runs),
        band=band,
        prediction=np.stack([r.prediction for r in runs]),
        synapse_0=np.stack([r.synapse_0 for r in runs]),
        synapse_1=np.stack([r.synapse_1.reshape(-1) for r in runs]),
    )


def agreement_sentence(ensemble: Ensemble) -> str:
    """How the band's runs ended, and how far their predictions and weights spread."""
    counts = ", ".join(f"{n} {what}" for what, n in ensemble.counts().items())
    learned = ensemble.learned()
    predictions = ensemble.prediction[learned]
    weights = ensemble.synapse_1[learned]
    which = " that learned" if learned.sum() < ensemble.size else ""
    return (
        f"Seeds {ensemble.seeds[0]} to {ensemble.seeds[-1]}: {counts}. Across the "
        f"{int(learned.sum())} runs{which}, the four predictions differ by at most "
        f"{float((predictions.max(axis=0) - predictions.min(axis=0)).max()):.3g}, while "
        f"synapse_1's weights range from {float(weights.min()):.3g} to "
        f"{float(weights.max()):.3g}: different weights, similar predictions."
    )
