"""Input checks shared by the engine: a ValueError that names the bad value."""

from __future__ import annotations

import numpy as np


def check_int(name: str, value: object, low: int, high: int) -> int:
    """`value` as an int if it is an integer in [low, high]; else ValueError naming it."""
    if isinstance(value, bool) or not isinstance(value, int | np.integer):
        raise ValueError(f"{name} must be an integer, got {value!r}")
    if not low <= int(value) <= high:
        raise ValueError(f"{name} must be between {low} and {high}, got {value!r}")
    return int(value)
