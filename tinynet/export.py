"""Runs as plain JSON-ready dicts: the command line's --json and the dashboard's downloads."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from .train import Run


def finite_or_none(values: Any) -> Any:
    """Nested lists of floats with every non-finite number replaced by None (JSON null)."""
    if isinstance(values, np.ndarray):
        values = values.tolist()
    if isinstance(values, list | tuple):
        return [finite_or_none(v) for v in values]
    if isinstance(values, float):
        return values if math.isfinite(values) else None
    return values


def run_dict(run: Run) -> dict[str, Any]:
    """One run: its settings, then error (one per iteration), prediction (4), hidden_layer
    (4 x H, None for Example 1), synapse_0 (3 x H, or 3 x 1), synapse_1 (H x 1, None for
    Example 1), diverged_at. Non-finite numbers become None."""
    s = run.settings
    return {
        "example": s.example,
        "init": s.init,
        "seed": s.seed,
        "hidden": s.hidden,
        "alpha": finite_or_none(s.alpha),
        "iterations": s.iterations,
        "activation": s.activation,
        "target": finite_or_none(list(s.target)),
        "bias": s.bias,
        "error": finite_or_none(run.error),
        "prediction": finite_or_none(run.prediction),
        "hidden_layer": None if run.hidden_layer is None else finite_or_none(run.hidden_layer),
        "synapse_0": finite_or_none(run.synapse_0),
        "synapse_1": None if run.synapse_1 is None else finite_or_none(run.synapse_1),
        "diverged_at": run.diverged_at,
    }


def weights_dict(run: Run) -> dict[str, Any]:
    """The final weights with the settings that produced them (the dashboards' download)."""
    full = run_dict(run)
    keep = (
        "example",
        "init",
        "seed",
        "hidden",
        "alpha",
        "iterations",
        "activation",
        "target",
        "bias",
    )
    return {
        **{k: full[k] for k in keep},
        "synapse_0": full["synapse_0"],
        "synapse_1": full["synapse_1"],
        "diverged_at": full["diverged_at"],
    }
