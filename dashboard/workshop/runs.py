"""The engine, as the exercises ask it: runs, sweeps and nnet fits, kept by their settings.

Results are shared by every session of a server: in a room of thirty, the first learner to
check an answer pays for its runs (under a second each), the others get them at once. The
caches are small and bounded; the engine's results are never changed in place.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import numpy as np

import tinynet
from tinynet import RunSettings, Step, step_at
from tinynet.nnet import NnetFit, fit_nnet
from tinynet.train import Run


@lru_cache(maxsize=64)
def run(settings: RunSettings) -> Run:
    """tinynet.train(settings)."""
    return tinynet.train(settings)


@lru_cache(maxsize=16)
def sweep(settings: RunSettings, alphas: tuple[float, ...]) -> tuple[Run, ...]:
    """tinynet.sweep: one run per alpha, trained together."""
    return tuple(tinynet.sweep(settings, list(alphas)))


@lru_cache(maxsize=32)
def nnet(size: int, seed: int, decay: float = 0.0, entropy: bool = False, skip: int = 0) -> NnetFit:
    """fit_nnet on the tutorial's X and XOR, as Backprop vs nnet fits it."""
    return fit_nnet(size=size, seed=seed, decay=decay, entropy=entropy, skip=skip)


def first_step(settings: RunSettings, k: int = 0) -> Step:
    """Iteration k of the run with these settings (trained only as far as k needs)."""
    return step_at(run(settings.but(iterations=k + 1)), k)


def learned(settings: RunSettings) -> bool:
    """Whether the run learns its target (tinynet.verdict, the pages' verdict line)."""
    return tinynet.verdict(run(settings)).learned


def rounded(values: Sequence[float] | np.ndarray, digits: int = 3) -> str:
    """Numbers for a sentence: 0.004, 0.995, 0.996, 0.006."""
    return ", ".join(f"{float(v):.{digits}f}" for v in np.ravel(values))


def clear() -> None:
    """Forget every result (tests measure a check from cold with it)."""
    for cached in (run, sweep, nnet):
        cached.cache_clear()
