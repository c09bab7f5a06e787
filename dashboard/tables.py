"""Tables as pandas DataFrames: results in, DataFrame out (numbers stay numbers; the pages
format them with st.column_config)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from tinynet import RunSettings, inputs, outcome
from tinynet.printing import printed_iterations
from tinynet.reference import PRINTED_ITERATIONS, SEED_SWEEP, Check, agrees, sweep_value
from tinynet.train import Run

from .ensembles import Ensemble

MATCH, MISMATCH = "✅", "❌"


def seed_decimals(settings: RunSettings) -> int:
    """Decimals the seed rounds predictions to: Example 1 prints NumPy's 8 or R's 9 digits,
    Example 2 rounds to 3 and Example 3 to 4."""
    if settings.example == 1:
        return 9 if settings.init == "r" else 8
    return 3 if settings.example == 2 else 4


def prediction_table(run: Run, decimals: int | None = None) -> pd.DataFrame:
    """One row per input: x1 x2 (x3), target, prediction, |error|, rounded as the seed rounds."""
    settings = run.settings
    decimals = seed_decimals(settings) if decimals is None else decimals
    x = inputs(settings.bias).astype(int)
    table = pd.DataFrame(x, columns=[f"x{i + 1}" for i in range(x.shape[1])])
    target = np.array(settings.target, dtype=float)
    table["target"] = target
    table["prediction"] = np.round(run.prediction, decimals)
    table["|error|"] = np.round(np.abs(target - run.prediction), decimals)
    return table


def matrix_table(matrix: np.ndarray, row_label: str, column_label: str) -> pd.DataFrame:
    """A 2-D array as a DataFrame with named rows and columns (e.g. input 1.., unit 1..)."""
    rows, columns = matrix.shape
    return pd.DataFrame(
        matrix,
        index=[f"{row_label} {i + 1}" for i in range(rows)],
        columns=[f"{column_label} {j + 1}" for j in range(columns)],
    )


def checks_table(checks: Sequence[Check]) -> pd.DataFrame:
    """The seed's printed numbers beside ours ("seed says / we get") with a match mark."""
    return pd.DataFrame(
        {
            "quantity": [c.quantity for c in checks],
            "seed says": [c.seed_says for c in checks],
            "we get": [c.we_get for c in checks],
            "match": [MATCH if c.matches else MISMATCH for c in checks],
            "how": [c.note for c in checks],
        }
    )


def error_lines_table(run: Run) -> pd.DataFrame:
    """The errors the seed's loop prints for this flavour (every 10000 iterations)."""
    shown = printed_iterations(len(run.error), run.settings.init)
    return pd.DataFrame({"iteration": shown, "error": [float(run.error[j]) for j in shown]})


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


def agreement_table(run: Run, ensemble: Ensemble) -> pd.DataFrame:
    """One row per input: the chosen seed's final prediction beside the median, min and max
    over the ensemble's runs that learned (stuck ones would only widen it)."""
    x = inputs(run.settings.bias).astype(int)
    table = pd.DataFrame(x, columns=[f"x{i + 1}" for i in range(x.shape[1])])
    table["target"] = np.array(run.settings.target, dtype=float)
    kept = ensemble.prediction[ensemble.learned()]
    table["this seed"] = run.prediction
    table["median"] = np.median(kept, axis=0)
    table["min"] = kept.min(axis=0)
    table["max"] = kept.max(axis=0)
    table["max − min"] = table["max"] - table["min"]
    return table


def weight_spread_table(run: Run, ensemble: Ensemble) -> pd.DataFrame:
    """One row per hidden unit: synapse_1's weight in the chosen seed and its median, min and
    max over the runs that learned. The same unit number means nothing across runs (which
    unit ends up doing what depends on the starting weights), so the spread is wide."""
    kept = ensemble.synapse_1[ensemble.learned()]
    return pd.DataFrame(
        {
            "unit": [f"unit {h + 1}" for h in range(kept.shape[1])],
            "this seed": run.synapse_1.reshape(-1),
            "median": np.median(kept, axis=0),
            "min": kept.min(axis=0),
            "max": kept.max(axis=0),
            "max − min": kept.max(axis=0) - kept.min(axis=0),
        }
    )


def agreement_sentence(ensemble: Ensemble) -> str:
    """How the band's runs ended, and how far their predictions and weights spread."""
    counts = ", ".join(f"{n} {what}" for what, n in ensemble.counts().items())
    learned = ensemble.learned()
    predictions = ensemble.prediction[learned]
    weights = ensemble.synapse_1[learned]
    which = " that learned" if learned.sum() < ensemble.size else ""
    return (
        f"Seeds {ensemble.seeds[0]} to {ensemble.seeds[-1]}: {counts}. Across the "
        f"{int(learned.sum())} runs{which}, the four predictions differ by at most "
        f"{float((predictions.max(axis=0) - predictions.min(axis=0)).max()):.3g}, while "
        f"synapse_1's weights range from {float(weights.min()):.3g} to "
        f"{float(weights.max()):.3g}: different weights, similar predictions."
    )
