"""A run's tables: the training rows, the prediction beside its target (the rows it gets
wrong marked), a weight matrix, and the tutorial's printed numbers beside ours. Numbers stay
numbers: the pages format them. Marks are words, never emoji (a lab machine may have no
emoji font)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from tinynet import RunSettings, inputs
from tinynet.reference import Check
from tinynet.summary import wrong_rows
from tinynet.train import Run

MATCH, MISMATCH = "yes", "no"
RIGHT, WRONG = "right", "wrong"  # a row within summary.TOLERANCE of its target, or not


def inputs_frame(bias: bool = True) -> pd.DataFrame:
    """The four rows of X as whole numbers: columns x1, x2 (and x3, the constant one)."""
    x = inputs(bias).astype(int)
    return pd.DataFrame(x, columns=[f"x{i + 1}" for i in range(x.shape[1])])


def training_rows(settings: RunSettings) -> pd.DataFrame:
    """The four training rows: x1, x2 (x3), and the target."""
    table = inputs_frame(settings.bias)
    table["target"] = np.array(settings.target, dtype=float)
    return table


def seed_decimals(settings: RunSettings) -> int:
    """Decimals the tutorial rounds predictions to: Example 1 prints NumPy's 8 or R's 9 digits,
    Example 2 rounds to 3 and Example 3 to 4."""
    if settings.example == 1:
        return 9 if settings.init == "r" else 8
    return 3 if settings.example == 2 else 4


def prediction_table(run: Run, decimals: int | None = None) -> pd.DataFrame:
    """One row per input: x1 x2 (x3), target, prediction, |error|, rounded as the tutorial
    rounds, and the row's verdict: right (within summary.TOLERANCE of its target) or wrong."""
    settings = run.settings
    decimals = seed_decimals(settings) if decimals is None else decimals
    table = training_rows(settings)
    table["prediction"] = np.round(run.prediction, decimals)
    table["|error|"] = np.round(np.abs(table["target"].to_numpy() - run.prediction), decimals)
    wrong = set(wrong_rows(run.prediction, settings.target))
    table["verdict"] = [WRONG if i in wrong else RIGHT for i in range(len(table))]
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
    """The tutorial's printed numbers beside ours ("tutorial says / we get"), as printed
    (every digit: the numbers are text here), and whether they match."""
    return pd.DataFrame(
        {
            "quantity": [c.quantity for c in checks],
            "tutorial says": [c.seed_says for c in checks],
            "we get": [c.we_get for c in checks],
            "match": [MATCH if c.matches else MISMATCH for c in checks],
            "how": [c.note for c in checks],
        }
    )
