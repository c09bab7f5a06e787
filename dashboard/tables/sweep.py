"""Example 3's sweep as a table: one row per alpha, the error where the seed prints it, the
outcome, the seed's own values beside ours, and the best alpha marked."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from tinynet import outcome
from tinynet.reference import PRINTED_ITERATIONS, SEED_SWEEP, agrees, sweep_value
from tinynet.train import Run

from .runs import MATCH, MISMATCH


def sweep_checkpoints(runs: Sequence[Run]) -> list[int]:
    """Where the sweep table reads the error: the seed's printed iterations (for the flavour)
    that every run reached, else just the first and the last iteration."""
    settings = runs[0].settings
    printed = [j for j in PRINTED_ITERATIONS[settings.init] if j < settings.iterations]
    return printed or sorted({0, settings.iterations - 1})


def sweep_table(runs: Sequence[Run], seed_settings: bool) -> pd.DataFrame:
    """One row per alpha: the error at the checkpoints, the final error, the seed's values
    and a match mark (when the settings are the seed's), and the best alpha marked."""
    columns = sweep_checkpoints(runs)
    init = runs[0].settings.init
    rows = []
    for run in runs:
        alpha = run.settings.alpha
        row: dict[str, object] = {"alpha": alpha}
        for j in columns:
            row[f"error[{j}]"] = float(run.error[j]) if j < len(run.error) else np.nan
        row["final error"] = run.final_error
        row["outcome"] = outcome(run)  # learned, still learning, stuck or diverged
        row["diverged at"] = run.diverged_at
        if seed_settings and alpha in SEED_SWEEP.get(init, {}):
            sensitive = init == "numpy" and alpha == 10.0
            seen = [
                agrees(row[f"error[{j}]"], sweep_value(init, alpha, k), sensitive)
                for k, j in enumerate(columns)
            ]
            for k, j in enumerate(columns):
                row[f"seed error[{j}]"] = float(sweep_value(init, alpha, k))
            row["seed match"] = MATCH if all(seen) else MISMATCH
        rows.append(row)
    table = pd.DataFrame(rows)
    table.insert(1, "best", best_marks(runs))
    return table


def best_marks(runs: Sequence[Run]) -> list[str]:
    """ "★ best" beside the run with the lowest final error among those that did not diverge."""
    finals = [
        r.final_error if r.diverged_at is None and np.isfinite(r.final_error) else np.inf
        for r in runs
    ]
    best = int(np.argmin(finals)) if np.isfinite(min(finals, default=np.inf)) else -1
    return ["★ best" if i == best else "" for i in range(len(runs))]
