"""Download contents: the error trajectory as CSV, the final weights as JSON (no Streamlit)."""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from tinynet.train import Run


def trajectory_csv(runs: Sequence[Run], labels: Sequence[str] | None = None) -> str:
    """Every iteration's error (not sampled): column `error` for one run, or one column per
    run (`error alpha=10`...) for several. A diverged run's missing iterations stay empty."""
    n = max(len(r.error) for r in runs)
    table = pd.DataFrame({"iteration": np.arange(n)})
    for i, run in enumerate(runs):
        name = "error" if len(runs) == 1 else f"error {labels[i] if labels else _alpha(run)}"
        column = np.full(n, np.nan)
        column[: len(run.error)] = run.error
        table[name] = column
    return table.to_csv(index=False, float_format="%.17g")


def _alpha(run: Run) -> str:
    return f"alpha={run.settings.alpha:g}"


def finite_or_none(values: Any) -> Any:
    """Nested lists with every non-finite float as None (JSON has no NaN or Infinity)."""
    if isinstance(values, np.ndarray):
        values = values.tolist()
    if isinstance(values, list | tuple):
        return [finite_or_none(v) for v in values]
    if isinstance(values, float):
        return values if math.isfinite(values) else None
    return values


def weights_record(run: Run) -> dict[str, Any]:
    """The settings of a run and its final weights, JSON-ready."""
    s = run.settings
    return {
        "example": s.example,
        "init": s.init,
        "seed": s.seed,
        "hidden": s.hidden,
        "alpha": s.alpha,
        "iterations": s.iterations,
        "activation": s.activation,
        "target": list(s.target),
        "bias": s.bias,
        "diverged_at": run.diverged_at,
        "synapse_0": finite_or_none(run.synapse_0),
        "synapse_1": None if run.synapse_1 is None else finite_or_none(run.synapse_1),
    }


def weights_json(runs: Sequence[Run]) -> str:
    """One record (a single run) or a list of records (a sweep), as strict JSON."""
    records = [weights_record(r) for r in runs]
    return json.dumps(records[0] if len(records) == 1 else records, indent=2, allow_nan=False)
