"""Example 3's sweep as a table: one row per alpha, the error where the tutorial prints it,
the outcome, the tutorial's own values beside ours, and the best alpha marked."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from tinynet import outcome
from tinynet.reference import PRINTED_ITERATIONS, SEED_SWEEP, agrees, sweep_value
from tinynet.train import Run

from .runs import MATCH, MISMATCH

INIT_NAMES = {"numpy": "Python", "r": "R"}
ORDINALS = {1: "first", 2: "second", 3: "third"}


def sweep_checkpoints(runs: Sequence[Run]) -> list[int]:
    """Where the sweep table reads the error: the tutorial's printed iterations (for the
    flavour) that every run reached, else just the first and the last iteration."""
    settings = runs[0].settings
    printed = [j for j in PRINTED_ITERATIONS[settings.init] if j < settings.iterations]
    return printed or sorted({0, settings.iterations - 1})


def checkpoint_names(runs: Sequence[Run]) -> dict[int, tuple[str, str]]:
    """Each checkpoint iteration -> (its column's name, what the name means). The names
    are the same in both flavours ("print 1": the tutorial's first printed error, which
    Python prints at iteration 0 and R at 9,999); the help says which iteration it is."""
    settings = runs[0].settings
    printed = PRINTED_ITERATIONS[settings.init]
    flavour = INIT_NAMES[settings.init]
    names = {}
    for j in sweep_checkpoints(runs):
        if j in printed:
            n = printed.index(j) + 1
            names[j] = (f"print {n}", f"The error where the tutorial's {flavour} code prints it "
                        f"the {ORDINALS[n]} time: iteration {j:,}, counting from 0.")  # fmt: skip
        else:
            names[j] = (f"iteration {j:,}", f"The error at iteration {j:,}, counting from 0.")
    return names


def sweep_table(runs: Sequence[Run], seed_settings: bool) -> pd.DataFrame:
    """One row per alpha: the error at the checkpoints, the final error, the outcome, the
    tutorial's values and whether they match (when the settings are the tutorial's), and the
    best alpha marked. Numbers stay numbers: the page formats them."""
    names = checkpoint_names(runs)
    init = runs[0].settings.init
    rows = []
    for run in runs:
        alpha = run.settings.alpha
        row: dict[str, object] = {"alpha": alpha}
        for j, (name, _) in names.items():
            row[name] = float(run.error[j]) if j < len(run.error) else np.nan
        row["final error"] = run.final_error
        row["outcome"] = outcome(run)  # learned, still learning, stuck or diverged
        row["diverged at"] = run.diverged_at
        if seed_settings and alpha in SEED_SWEEP.get(init, {}):
            sensitive = init == "numpy" and alpha == 10.0
            seen = [
                agrees(row[name], sweep_value(init, alpha, k), sensitive)
                for k, (name, _) in enumerate(names.values())
            ]
            row["tutorial match"] = MATCH if all(seen) else MISMATCH  # before the numbers:
            for k, (name, _) in enumerate(names.values()):  # the table scrolls to them
                row[f"tutorial, {name}"] = float(sweep_value(init, alpha, k))
        rows.append(row)
    table = pd.DataFrame(rows)
    table.insert(1, "best", best_marks(runs))
    return table


def best_marks(runs: Sequence[Run]) -> list[str]:
    """ "best" beside the run with the lowest final error among those that did not diverge."""
    finals = [
        r.final_error if r.diverged_at is None and np.isfinite(r.final_error) else np.inf
        for r in runs
    ]
    best = int(np.argmin(finals)) if np.isfinite(min(finals, default=np.inf)) else -1
    return ["best" if i == best else "" for i in range(len(runs))]
