"""Download contents: the error trajectory as CSV, the final weights as JSON (no Streamlit)."""

from __future__ import annotations

import json
from collections.abc import Sequence

import numpy as np
import pandas as pd

from tinynet.export import weights_dict
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


def weights_json(runs: Sequence[Run]) -> str:
    """One record (a single run) or a list of records (a sweep), as strict JSON."""
    records = [weights_dict(r) for r in runs]
    return json.dumps(records[0] if len(records) == 1 else records, indent=2, allow_nan=False)
