"""Print a run the way the seed's Python or R code prints it.

The Python flavour prints NumPy reprs and errors at j % 10000 == 0 (j from 0); the R
flavour prints R matrices and errors at j %% 10000 == 0 (j from 1, so error[j - 1]).
"""

from __future__ import annotations

import math

import numpy as np

from .train import Run

PRINT_EVERY = 10_000


def printed_iterations(iterations: int, init: str) -> list[int]:
    """Indices j of error[j] that the seed's loop prints for this flavour."""
    if init == "r":
        return [j - 1 for j in range(PRINT_EVERY, iterations + 1, PRINT_EVERY)]
    return list(range(0, iterations, PRINT_EVERY))


def seed_printout(run: Run) -> str:
    """The lines the seed's code prints for this run (its example and flavour)."""
    lines = _r_printout(run) if run.settings.init == "r" else _python_printout(run)
    if run.diverged_at is not None:
        lines.append(
            f"# diverged: the update of iteration {run.diverged_at} made a weight non-finite; "
            "training stopped there"
        )
    return "\n".join(lines)


def _python_printout(run: Run) -> list[str]:
    s = run.settings
    y = np.array(s.target).reshape(4, 1)
    errors = [(j, float(run.error[j])) for j in printed_iterations(len(run.error), "numpy")]
    if s.example == 1:
        return ["Output After Training:", str(np.append(run.prediction.reshape(4, 1), y, axis=1))]
    if s.example == 2:
        return [
            *(f"Error:{e!r}" for _, e in errors),
            f"Final error: {seed_round(run.final_error, 5)}",
            "np.round(layer_1, 3)",
            repr(seed_round(run.hidden_layer, 3)),
            "np.round(np.append(layer_2, y, axis = 1), 3)",
            repr(seed_round(np.append(run.prediction.reshape(4, 1), y, axis=1), 3)),
            "np.round(synapse_0, 3)",
            repr(seed_round(run.synapse_0, 3)),
            "np.round(synapse_1, 3)",
            repr(seed_round(run.synapse_1, 3)),
        ]
    return [
        f"Training With Alpha:{_python_number(s.alpha)}",
        *(f"Error after {j} iterations:{e!r}" for j, e in errors),
        "np.append(np.round(layer_2, 4), y, axis = 1)",
        repr(np.append(seed_round(run.prediction.reshape(4, 1), 4), y, axis=1)),
    ]


def _r_printout(run: Run) -> list[str]:
    s = run.settings
    y = np.array(s.target).reshape(4, 1)
    out = run.prediction.reshape(4, 1)
    errors = [(j + 1, float(run.error[j])) for j in printed_iterations(len(run.error), "r")]
    if s.example == 1:
        return ["Output After Training: ", r_matrix(np.append(out, y, axis=1), ["", "y"])]
    if s.example == 2:
        return [
            *(f"Error: {r_number(e)}" for _, e in errors),
            f"Final error: {r_number(round(run.final_error, 5))}",
            "round(fit_nn$layer_1, 3)",
            r_matrix(seed_round(run.hidden_layer, 3)),
            "round(cbind(fit_nn$layer_2, y), 3)",
            r_matrix(seed_round(np.append(out, y, axis=1), 3)),
            "round(fit_nn$synapse_0, 3)",
            r_matrix(seed_round(run.synapse_0, 3)),
            "round(fit_nn$synapse_1, 3)",
            r_matrix(seed_round(run.synapse_1, 3)),
        ]
    return [
        f"Training With Alpha: {r_number(s.alpha)}",
        *(f"Error after {j} iterations: {r_number(e)}" for j, e in errors),
        "cbind(round(fit_nn$layer_2, 4), y)",
        r_matrix(np.append(seed_round(out, 4), y, axis=1)),
    ]


def seed_round(values: np.ndarray | float, decimals: int) -> np.ndarray | np.float64:
    """np.round(values, decimals), without its overflow: np.round scales by 10**decimals, so
    a finite x above ~1e305 would become inf (and warn). Such an x is already a whole number
    (every float above 2**53 is), so it is returned as it is; inf and NaN stay inf and NaN."""
    x = np.asarray(values, dtype=float)
    with np.errstate(over="ignore", invalid="ignore"):
        scalable = np.isfinite(x * 10.0**decimals)
    rounded = np.where(scalable, np.round(np.where(scalable, x, 0.0), decimals), x)
    return rounded[()] if rounded.ndim == 0 else rounded


def _python_number(x: float) -> str:
    """str() of a Python number as the seed's alphas list holds it (1, not 1.0)."""
    return str(int(x)) if float(x).is_integer() else repr(x)


def r_number(x: float) -> str:
    """A number as R's as.character / glue shows it: 15 significant digits."""
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "Inf" if x > 0 else "-Inf"
    return f"{x:.15g}"


def r_matrix(values: np.ndarray, columns: list[str] | None = None, digits: int = 7) -> str:
    """A matrix as R's print() shows it: each column to `digits` significant digits,
    with the fewest decimals that show every entry of the column that precisely."""
    rows, cols = values.shape
    headers = columns or [f"[,{j + 1}]" for j in range(cols)]
    cells = [_r_column(values[:, j], digits) for j in range(cols)]
    widths = [max(len(h), *(len(c) for c in col)) for h, col in zip(headers, cells, strict=True)]
    label_width = len(f"[{rows},]")
    lines = [
        " " * label_width + "".join(f" {h:>{w}}" for h, w in zip(headers, widths, strict=True))
    ]
    for i in range(rows):
        row = "".join(f" {cells[j][i]:>{widths[j]}}" for j in range(cols))
        lines.append(f"{f'[{i + 1},]':<{label_width}}{row}")
    return "\n".join(lines)


def _r_column(column: np.ndarray, digits: int) -> list[str]:
    decimals = max(_r_decimals(x, digits) for x in column)
    return [f"{x:.{decimals}f}" for x in column]


def _r_decimals(x: float, digits: int) -> int:
    """Decimals R needs to show x to `digits` significant digits, trailing zeros dropped."""
    if x == 0 or not math.isfinite(x):
        return 0
    text = f"{x:.{digits - 1}e}"
    mantissa, exponent = text.split("e")
    significant = mantissa.replace("-", "").replace(".", "").rstrip("0") or "0"
    return max(0, len(significant) - 1 - int(exponent))
