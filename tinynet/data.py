"""The seed's data: four inputs of three columns, and the targets the dashboard offers."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

# The seed's X. Its third column is the constant 1 that plays the role of a bias.
INPUTS = np.array([[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]], dtype=float)
INPUTS.flags.writeable = False

# Named targets, one value per row of INPUTS.
TARGETS: dict[str, tuple[float, ...]] = {
    "first": (0.0, 0.0, 1.0, 1.0),  # the first column: Example 1
    "xor": (0.0, 1.0, 1.0, 0.0),  # Examples 2 and 3
    "and": (0.0, 0.0, 0.0, 1.0),
    "or": (0.0, 1.0, 1.0, 1.0),
    "nand": (1.0, 1.0, 1.0, 0.0),
    "xnor": (1.0, 0.0, 0.0, 1.0),
}


def inputs(bias: bool = True) -> np.ndarray:
    """The input matrix: shape (4, 3) with the constant column, (4, 2) without it."""
    return INPUTS if bias else INPUTS[:, :2]


def parse_target(spec: str | Sequence[float]) -> tuple[float, ...]:
    """Four target values in [0, 1] from a name ("xor"), a string ("0,1,1,0.5") or numbers.

    Raises ValueError naming the bad value.
    """
    if isinstance(spec, str):
        name = spec.strip().lower()
        if name in TARGETS:
            return TARGETS[name]
        if "," not in name:
            raise ValueError(
                f"unknown target {spec!r}: use one of {', '.join(TARGETS)} "
                "or four comma-separated numbers in [0, 1]"
            )
        values = [_number(part, spec) for part in name.split(",")]
    else:
        values = [_number(v, spec) for v in spec]
    if len(values) != 4:
        raise ValueError(
            f"a target needs 4 values (one per input row), got {len(values)}: {spec!r}"
        )
    for v in values:
        if not (math.isfinite(v) and 0.0 <= v <= 1.0):
            raise ValueError(f"target values must be numbers in [0, 1], got {v!r} in {spec!r}")
    return tuple(values)


def _number(value: object, spec: object) -> float:
    try:
        return float(value.strip() if isinstance(value, str) else value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise ValueError(f"target value {value!r} in {spec!r} is not a number") from None


def target_label(values: Sequence[float]) -> str:
    """The target's name if it has one, else its four values joined by commas."""
    for name, named in TARGETS.items():
        if tuple(values) == named:
            return name
    return ",".join(f"{v:g}" for v in values)
