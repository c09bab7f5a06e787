"""One iteration of the seed's loop in the seed's names and signs: the Step by step page's
model (the tutorial's lines are in model.code_lines, its stages in model.stages).

The engine computes every example Example 3's way: `error = output - y`, updates subtracted.
The seed's Examples 1 and 2 write `error = y - output` and *add* their updates. Negating a
float is exact, so the two are the same arithmetic: every error, delta and update flips
sign and the weights after the update are bit for bit the same. `seed_iteration` turns the
engine's Step into the chosen example's signs, so each number shown is what the seed's line
beside it computes.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

import tinynet
from tinynet import RunSettings
from tinynet.activations import sigmoid_slope
from tinynet.train import Run


@dataclass(frozen=True)
class SeedIteration:
    """Iteration k of a run in the seed's names, with the signs of the chosen example.

    Shapes for n_in input columns (3, or 2 without the constant one) and H hidden units.
    Example 1 has no hidden layer: its output (the seed's `layer_1`) is in layer_2 here, and
    every hidden-layer field is None.
    """

    settings: RunSettings
    k: int
    sign: float  # -1: the seed writes y - output and adds (Examples 1, 2); +1: Example 3
    X: np.ndarray  # (4, n_in)
    y: np.ndarray  # (4, 1)
    synapse_0: np.ndarray  # (n_in, H), or (n_in, 1) in Example 1: before the update
    synapse_1: np.ndarray | None  # (H, 1)
    z_1: np.ndarray  # (4, H) X · synapse_0, before the activation (Example 1: (4, 1))
    layer_1: np.ndarray | None  # (4, H) the hidden layer
    z_2: np.ndarray | None  # (4, 1) layer_1 · synapse_1
    layer_2: np.ndarray  # (4, 1) the output
    layer_2_error: np.ndarray  # (4, 1) in the seed's sign
    output_slope: np.ndarray  # (4, 1) layer_2 * (1 - layer_2)
    layer_2_delta: np.ndarray  # (4, 1)
    layer_1_error: np.ndarray | None  # (4, H)
    hidden_slope: np.ndarray | None  # (4, H)
    layer_1_delta: np.ndarray | None  # (4, H)
    update_1: np.ndarray | None  # (H, 1) what the seed's line adds to (or takes from) synapse_1
    update_0: np.ndarray  # (n_in, H) ... to synapse_0
    synapse_0_after: np.ndarray  # (n_in, H)
    synapse_1_after: np.ndarray | None  # (H, 1)

    @property
    def hidden(self) -> bool:
        return self.layer_1 is not None

    @property
    def delta_0(self) -> np.ndarray:
        """The delta whose X.T product updates synapse_0: layer_1_delta, or Example 1's l1_delta."""
        return self.layer_1_delta if self.layer_1_delta is not None else self.layer_2_delta

    @property
    def finite_after(self) -> bool:
        """Whether every weight after this update is finite (False: the run diverges here)."""
        after = [self.synapse_0_after] + (
            [] if self.synapse_1_after is None else [self.synapse_1_after]
        )
        return all(np.isfinite(a).all() for a in after)

    @property
    def mean_abs_error(self) -> float:
        """What the seed prints as "Error": mean |layer_2_error| of this forward pass."""
        return float(np.mean(np.abs(self.layer_2_error)))


def seed_sign(example: int) -> float:
    """+1 where the seed writes `layer_2 - y` and subtracts (Example 3), else -1."""
    return 1.0 if example == 3 else -1.0


def last_iteration(run: Run) -> int:
    """The last iteration that can be shown: the run's last, or the one where it diverged."""
    return len(run.error) - 1


def seed_iteration(run: Run, k: int) -> SeedIteration:
    """Iteration k of `run` (0 <= k <= last_iteration(run)), exact: replayed by the engine."""
    settings = run.settings
    step = tinynet.step_at(run, k)
    synapse_0, synapse_1 = tinynet.weights_at(run, k)
    x = tinynet.inputs(settings.bias)
    activation = tinynet.get_activation(settings.activation)
    s = seed_sign(settings.example)
    with np.errstate(all="ignore"):  # a diverging step overflows: its numbers show as inf/nan
        z_1 = np.dot(x, synapse_0)
        z_2 = None if synapse_1 is None else np.dot(step.layer_1, synapse_1)
        after_0 = synapse_0 - step.update_0  # the engine subtracts; the seed's += of -u is the same
        after_1 = None if synapse_1 is None else synapse_1 - step.update_1

        def seed(a: np.ndarray | None) -> np.ndarray | None:
            return None if a is None else s * a

        return SeedIteration(
            settings=settings,
            k=k,
            sign=s,
            X=x,
            y=np.array(settings.target, dtype=float).reshape(4, 1),
            synapse_0=synapse_0,
            synapse_1=synapse_1,
            z_1=z_1,
            layer_1=step.layer_1,
            z_2=z_2,
            layer_2=step.layer_2,
            layer_2_error=s * step.error,
            output_slope=sigmoid_slope(step.layer_2),  # the output is always a sigmoid
            layer_2_delta=s * step.layer_2_delta,
            layer_1_error=seed(step.layer_1_error),
            hidden_slope=None
            if step.layer_1 is None
            else activation.slope_from_output(step.layer_1),
            layer_1_delta=seed(step.layer_1_delta),
            update_1=seed(step.update_1),
            update_0=s * step.update_0,
            synapse_0_after=after_0,
            synapse_1_after=after_1,
        )


def row_labels(x: np.ndarray) -> list[str]:
    """'row 1 · [0 0 1]': the training row and its inputs, so a learner sees which is which."""
    return [f"row {n + 1} · [{' '.join(str(int(v)) for v in x[n])}]" for n in range(len(x))]


def input_names(it: SeedIteration) -> list[str]:
    """x1, x2 (x3): the rows of synapse_0."""
    return [f"x{i + 1}" for i in range(it.X.shape[1])]


def unit_names(it: SeedIteration) -> list[str]:
    """The columns of synapse_0: unit 1, unit 2, ... (Example 1: its one output)."""
    return [f"unit {j + 1}" if it.hidden else "output" for j in range(it.synapse_0.shape[1])]


def contributions(it: SeedIteration) -> np.ndarray:
    """(4, n_in, H): what each training row adds to the update of synapse_0 (alpha and the
    seed's sign included). Summed over the first axis it is the update shown (update_0)."""
    return it.settings.alpha * tinynet.row_contributions(it.X, it.delta_0)


def output_contributions(it: SeedIteration) -> np.ndarray | None:
    """(4, H, 1): what each training row adds to the update of synapse_1 (layer_1[n] x
    layer_2_delta[n] x alpha); None for Example 1."""
    if not it.hidden:
        return None
    return it.settings.alpha * tinynet.row_contributions(it.layer_1, it.layer_2_delta)
