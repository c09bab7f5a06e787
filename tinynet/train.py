"""Training: the seed's loop, for one network or for many at once (a population).

A population is a stack of networks that share their shape, data and number of
iterations, but may differ in alpha, seed and initialisation: one loop over the
iterations trains them all, which costs little more than training one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from . import kernel
from .activations import get_activation
from .backprop import Step, step
from .data import inputs
from .init import initial_weights
from .rmath import r_matmul
from .settings import RunSettings

CHUNK = 2048  # iterations between checks for non-finite weights and progress reports
MAX_SNAPSHOTS = 200
MAX_POPULATION_WORK = 40_000_000  # members x iterations: bounds the error history's memory

Progress = Callable[[float], None]


@dataclass(frozen=True)
class Snapshots:
    """Weights at a few iterations: entry i holds the weights after `iterations[i]` updates.

    iterations: (k,) from 0 (the starting weights) to the run's last update;
    synapse_0: (k, n_inputs, H); synapse_1: (k, H, 1), or None for Example 1.
    """

    iterations: np.ndarray
    synapse_0: np.ndarray
    synapse_1: np.ndarray | None


@dataclass(frozen=True)
class Run:
    """What one training run leaves behind.

    error[j] is the mean |y - output| of iteration j's forward pass, measured before
    iteration j's update; shape (iterations,), or (diverged_at + 1,) if the run diverged.
    hidden_layer (4, H) and prediction (4,) are the last forward pass (what the seed prints
    after training); synapse_0 and synapse_1 are the weights after the final update.
    diverged_at is the first iteration whose update made a weight non-finite: the run
    stops there and keeps the last finite weights. engine is the loop that trained it
    ("numba" or "numpy", see kernel.engine): replay uses the same.
    """

    settings: RunSettings
    error: np.ndarray
    hidden_layer: np.ndarray | None
    prediction: np.ndarray
    synapse_0: np.ndarray
    synapse_1: np.ndarray | None
    snapshots: Snapshots
    diverged_at: int | None
    engine: str

    @property
    def final_error(self) -> float:
        """Mean |error| of the last forward pass."""
        return float(self.error[-1])


def train(settings: RunSettings, progress: Progress | None = None) -> Run:
    """Train one network with `settings`."""
    return train_many([settings], progress)[0]


def sweep(
    settings: RunSettings, alphas: Sequence[float], progress: Progress | None = None
) -> list[Run]:
    """One run per alpha, trained together (Example 3's sweep)."""
    return train_many([settings.but(alpha=a) for a in alphas], progress)


def ensemble(
    settings: RunSettings, seeds: Sequence[int], progress: Progress | None = None
) -> list[Run]:
    """One run per seed, trained together (a band of seeds)."""
    return train_many([settings.but(seed=s) for s in seeds], progress)


def single_network_dot(r_arithmetic: bool):
    """The matrix product one network trains with: R's ordered sums, or np.dot as the seed."""
    return r_matmul if r_arithmetic else np.dot


def snapshot_iterations(iterations: int, count: int = MAX_SNAPSHOTS) -> np.ndarray:
    """0, `iterations` and log-spaced iterations between: at most `count` sorted ints."""
    between = np.geomspace(1, iterations, num=count - 1)
    return np.unique(np.concatenate([[0], np.round(between).astype(int), [iterations]]))


def train_many(
    members: Sequence[RunSettings], progress: Progress | None = None, engine: str | None = None
) -> list[Run]:
    """Train a population together; member i's Run equals train(members[i]).

    Members must share example shape, hidden size, iterations, activation, target and bias.
    engine: "numba" (the compiled kernel) or "numpy" (backprop.step); None for kernel.engine().
    """
    members = list(members)
    _check_population(members)
    first = members[0]
    population = _Population.start(members, kernel.engine() if engine is None else engine)
    with np.errstate(all="ignore"):  # diverging members overflow; they are caught, not warned
        population.run(first.iterations, progress)
    return population.results(members)


def _check_population(members: list[RunSettings]) -> None:
    if not members:
        raise ValueError("a population needs at least one member, got none")
    shared = ("init", "hidden", "iterations", "activation", "target", "bias")
    first = members[0]
    for member in members[1:]:
        for name in shared:
            if getattr(member, name) != getattr(first, name):
                raise ValueError(
                    f"population members must share {name}: {getattr(first, name)!r} "
                    f"vs {getattr(member, name)!r}"
                )
        if (member.example == 1) != (first.example == 1):
            raise ValueError("population members must all have, or all lack, a hidden layer")
    work = len(members) * first.iterations
    if work > MAX_POPULATION_WORK:
        raise ValueError(
            f"population too large: {len(members)} members x {first.iterations} iterations "
            f"= {work} > {MAX_POPULATION_WORK}"
        )


@dataclass
class _Population:
    """Training state of P stacked networks (internal; mutated in place)."""

    x: np.ndarray  # (4, n_inputs)
    y: np.ndarray  # (4, 1)
    synapse_0: np.ndarray  # (P, n_inputs, H)
    synapse_1: np.ndarray | None  # (P, H, 1)
    alpha: np.ndarray  # (P,)
    activation_name: str
    r_arithmetic: bool  # sum products in R's order (the R flavour)
    engine: str  # "numba" or "numpy"
    error: np.ndarray  # (P, iterations)
    snap_at: np.ndarray  # (k,) iterations of the snapshots
    snap_0: np.ndarray  # (k, P, n_inputs, H)
    snap_1: np.ndarray | None  # (k, P, H, 1)
    diverged_at: np.ndarray  # (P,) the iteration of the first non-finite update, -1 if none
    last_pass: dict  # "layer_1", "layer_2", "synapse_0", "synapse_1": (P, ...) each

    @classmethod
    def start(cls, members: list[RunSettings], engine: str) -> _Population:
        first = members[0]
        drawn = [initial_weights(m) for m in members]
        synapse_0 = np.stack([s0 for s0, _ in drawn])
        synapse_1 = None if first.hidden is None else np.stack([s1 for _, s1 in drawn])
        snap_at = snapshot_iterations(first.iterations)
        population = cls(
            x=inputs(first.bias),
            y=np.array(first.target, dtype=float).reshape(4, 1),
            synapse_0=synapse_0,
            synapse_1=synapse_1,
            alpha=np.array([m.alpha for m in members]),
            activation_name=first.activation,
            r_arithmetic=first.init == "r",
            engine=kernel.engine(engine),
            error=np.empty((len(members), first.iterations)),
            snap_at=snap_at,
            snap_0=np.empty((len(snap_at), *synapse_0.shape)),
            snap_1=None if synapse_1 is None else np.empty((len(snap_at), *synapse_1.shape)),
            diverged_at=np.full(len(members), -1),
            last_pass={},
        )
        population._start_last_pass()
        return population

    def _start_last_pass(self) -> None:
        """The arrays that keep each member's last forward pass and the weights to report.
        The kernel stops a diverging member before its update, so its weights are the live
        ones; the NumPy loop goes on with all members and keeps copies."""
        size, hidden = self.size, self.synapse_0.shape[-1]
        self.last_pass["layer_2"] = np.full((size, 4, 1), np.nan)
        if self.synapse_1 is not None:
            self.last_pass["layer_1"] = np.full((size, 4, hidden), np.nan)
        copies = self.engine == "numpy"
        self.last_pass["synapse_0"] = self.synapse_0.copy() if copies else self.synapse_0
        if self.synapse_1 is not None:
            self.last_pass["synapse_1"] = self.synapse_1.copy() if copies else self.synapse_1

    @property
    def size(self) -> int:
        return len(self.alpha)

    def run(self, iterations: int, progress: Progress | None) -> None:
        for start in range(0, iterations, CHUNK):
            stop = min(start + CHUNK, iterations)
            if self.engine == "numba":
                self._compiled_chunk(start, stop)
            else:
                self._numpy_chunk(start, stop)
            if progress is not None:
                progress(stop / iterations)
            if (self.diverged_at >= 0).all():
                return
        self._snapshot(len(self.snap_at) - 1)

    def _compiled_chunk(self, start: int, stop: int) -> None:
        """Iterations start..stop-1 in the kernel, which stops each member where it diverges."""
        weights = (self.synapse_0, self.synapse_1, self.alpha)
        history = (self.error, self.diverged_at, self.snap_at, self.snap_0, self.snap_1)
        last = (self.last_pass.get("layer_1"), self.last_pass["layer_2"])
        how = (self.activation_name, "r" if self.r_arithmetic else "numpy")
        kernel.train_population(self.x, self.y, weights, how, (start, stop), history, last)

    def _numpy_chunk(self, start: int, stop: int) -> None:
        """Iterations start..stop-1 with backprop.step; if a member diverged, the chunk is
        replayed checking every update, to find where."""
        saved = self._copy_weights()
        self._iterate(start, stop, watch=False)
        if self._newly_diverged().any():
            self.synapse_0[...], saved_1 = saved
            if saved_1 is not None:
                self.synapse_1[...] = saved_1
            self._iterate(start, stop, watch=True)

    def _iterate(self, start: int, stop: int, watch: bool) -> None:
        """Iterations start..stop-1. With watch, note each member's first non-finite update."""
        x, y, activation = self.x, self.y, get_activation(self.activation_name)
        synapse_0, synapse_1 = self.synapse_0, self.synapse_1
        alpha = self.alpha.reshape(-1, 1, 1)
        dot = r_matmul if self.r_arithmetic else np.matmul
        if self.size == 1:  # one network: 2-D views and np.dot, the seed's own arithmetic
            synapse_0, alpha = synapse_0[0], alpha.reshape(())  # 0-d: see activations.ONE
            synapse_1 = None if synapse_1 is None else synapse_1[0]
            dot = single_network_dot(self.r_arithmetic)
        errors = np.empty((stop - start, *synapse_0.shape[:-2], 4, 1))
        snap_index = int(np.searchsorted(self.snap_at, start))
        for j in range(start, stop):
            if j == self.snap_at[snap_index]:
                self._snapshot(snap_index)
                snap_index += 1
            s = step(x, y, synapse_0, synapse_1, alpha, activation, dot)
            errors[j - start] = s.error
            before = self._copy_weights() if watch else None
            synapse_0 -= s.update_0
            if synapse_1 is not None:
                synapse_1 -= s.update_1
            if watch:
                self._note_divergence(j, s, before)
        mean = np.abs(errors).mean(axis=(-2, -1)).reshape(stop - start, -1)
        self.error[:, start:stop] = mean.T
        self._keep_last_pass(s, (self.synapse_0, self.synapse_1), self.diverged_at < 0)

    def _note_divergence(self, j: int, s: Step, before: tuple) -> None:
        new = self._newly_diverged()
        if new.any():
            self.diverged_at[new] = j
            self._keep_last_pass(s, before, new)

    def _keep_last_pass(self, s: Step, weights: tuple, members: np.ndarray) -> None:
        """Record, for the chosen members, forward pass `s` and the weights to report."""
        values = {
            "layer_1": s.layer_1,
            "layer_2": s.layer_2,
            "synapse_0": weights[0],
            "synapse_1": weights[1],
        }
        for name, value in values.items():
            if value is not None:
                stacked = value.reshape(self.size, *value.shape[-2:])
                self.last_pass[name][members] = stacked[members]

    def _newly_diverged(self) -> np.ndarray:
        finite = np.isfinite(self.synapse_0).all(axis=(1, 2))
        if self.synapse_1 is not None:
            finite &= np.isfinite(self.synapse_1).all(axis=(1, 2))
        return ~finite & (self.diverged_at < 0)

    def _copy_weights(self) -> tuple[np.ndarray, np.ndarray | None]:
        return self.synapse_0.copy(), None if self.synapse_1 is None else self.synapse_1.copy()

    def _snapshot(self, index: int) -> None:
        self.snap_0[index] = self.synapse_0
        if self.synapse_1 is not None:
            self.snap_1[index] = self.synapse_1

    def results(self, members: list[RunSettings]) -> list[Run]:
        return [self._result(m, settings) for m, settings in enumerate(members)]

    def _result(self, m: int, settings: RunSettings) -> Run:
        diverged = int(self.diverged_at[m])
        last = self.diverged_at[m] if diverged >= 0 else self.error.shape[1] - 1
        kept_snaps = self.snap_at <= (diverged if diverged >= 0 else self.snap_at[-1])
        has_hidden = self.synapse_1 is not None
        return Run(
            settings=settings,
            error=self.error[m, : last + 1].copy(),
            hidden_layer=self.last_pass["layer_1"][m] if has_hidden else None,
            prediction=self.last_pass["layer_2"][m, :, 0],
            synapse_0=self.last_pass["synapse_0"][m],
            synapse_1=self.last_pass["synapse_1"][m] if has_hidden else None,
            snapshots=Snapshots(
                iterations=self.snap_at[kept_snaps],
                synapse_0=self.snap_0[kept_snaps, m],
                synapse_1=self.snap_1[kept_snaps, m] if has_hidden else None,
            ),
            diverged_at=diverged if diverged >= 0 else None,
            engine=self.engine,
        )
