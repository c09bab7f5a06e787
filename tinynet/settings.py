"""The settings of one training run, checked, and the seed's three examples as presets."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from .activations import get_activation
from .checks import check_int
from .data import TARGETS, parse_target
from .rrandom import check_r_seed

EXAMPLES = (1, 2, 3)
INITS = ("numpy", "r")  # the seed's Python draws, or its R draws
MAX_ITERATIONS = 1_000_000
MAX_HIDDEN = 1024
MAX_ALPHA = 1.7e308  # any finite alpha: huge ones are how a run diverges
SEED_ALPHAS = (0.001, 0.01, 0.1, 1.0, 10.0, 100.0, 1000.0)  # Example 3's sweep


@dataclass(frozen=True)
class RunSettings:
    """Everything that decides a run. Frozen and hashable: a good cache key.

    example: 1 (no hidden layer), 2 or 3 (one hidden layer; they differ in the R
    code's draws for synapse_1 and in their defaults). hidden is None for Example 1.
    bias=False drops the constant third input column.
    """

    example: int = 2
    init: str = "numpy"
    seed: int = 1
    hidden: int | None = 4
    alpha: float = 1.0
    iterations: int = 30_000
    activation: str = "sigmoid"
    target: tuple[float, ...] = TARGETS["xor"]
    bias: bool = True

    def __post_init__(self) -> None:
        check_int("example", self.example, 1, 3)
        if self.init not in INITS:
            raise ValueError(f"unknown init {self.init!r}: use one of {', '.join(INITS)}")
        _check_seed(self.seed, self.init)
        if self.example == 1:
            if self.hidden is not None:
                raise ValueError(
                    f"Example 1 has no hidden layer: hidden must be None, got {self.hidden!r}"
                )
        else:
            check_int("hidden", self.hidden, 1, MAX_HIDDEN)
        _check_alpha(self.alpha)
        check_int("iterations", self.iterations, 1, MAX_ITERATIONS)
        get_activation(self.activation)
        object.__setattr__(self, "target", parse_target(self.target))
        object.__setattr__(self, "alpha", float(self.alpha))

    def but(self, **changes: object) -> RunSettings:
        """A copy with some settings changed (and checked)."""
        return replace(self, **changes)

    @property
    def n_inputs(self) -> int:
        return 3 if self.bias else 2


def preset(example: int) -> RunSettings:
    """The seed's settings for Example 1, 2 or 3 (Example 3: its detailed run, alpha 10)."""
    check_int("example", example, 1, 3)
    if example == 1:
        return RunSettings(example=1, hidden=None, iterations=10_000, target=TARGETS["first"])
    if example == 2:
        return RunSettings(example=2, hidden=4)
    return RunSettings(example=3, hidden=32, alpha=10.0)


def _check_seed(seed: object, init: str) -> None:
    if init == "r":
        check_r_seed(seed)  # type: ignore[arg-type]
    else:
        check_int("seed", seed, 0, 2**32 - 1)  # what np.random.seed accepts


def _check_alpha(alpha: object) -> None:
    try:
        value = float(alpha)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise ValueError(f"alpha must be a number, got {alpha!r}") from None
    if isinstance(alpha, bool) or not math.isfinite(value) or not 0 < value <= MAX_ALPHA:
        raise ValueError(f"alpha must be a finite number in (0, {MAX_ALPHA:g}], got {alpha!r}")
