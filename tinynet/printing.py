"""Print a run the way the seed's Python or R code prints it (and an nnet fit as R does).

The Python flavour prints NumPy reprs and errors at j % 10000 == 0 (j from 0); the R
flavour prints R matrices and errors at j %% 10000 == 0 (j from 1, so error[j - 1]).
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np

from .nnet import NnetFit
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
            *_example_2_matrices(run, "numpy", repr),
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
            *_example_2_matrices(run, "r", r_matrix),
        ]
    return [
        f"Training With Alpha: {r_number(s.alpha)}",
        *(f"Error after {j} iterations: {r_number(e)}" for j, e in errors),
        "cbind(round(fit_nn$layer_2, 4), y)",
        r_matrix(np.append(seed_round(out, 4), y, axis=1)),
    ]


# Example 2 ends by printing four matrices rounded to 3 decimals: each one's line of code in
# the tutorial's Python and R, then the matrix.
EXAMPLE_2_MATRICES = (
    ("np.round(layer_1, 3)", "round(fit_nn$layer_1, 3)"),
    ("np.round(np.append(layer_2, y, axis = 1), 3)", "round(cbind(fit_nn$layer_2, y), 3)"),
    ("np.round(synapse_0, 3)", "round(fit_nn$synapse_0, 3)"),
    ("np.round(synapse_1, 3)", "round(fit_nn$synapse_1, 3)"),
)


def _example_2_matrices(run: Run, init: str, show: Callable[[np.ndarray], str]) -> list[str]:
    """Example 2's last lines in this flavour: each matrix's line of code, then the matrix as
    `show` prints it (repr for NumPy, r_matrix for R)."""
    y = np.array(run.settings.target).reshape(4, 1)
    outputs = np.append(run.prediction.reshape(4, 1), y, axis=1)
    matrices = (run.hidden_layer, outputs, run.synapse_0, run.synapse_1)
    lines = []
    for code, values in zip(EXAMPLE_2_MATRICES, matrices, strict=True):
        lines += [code[init == "r"], show(seed_round(values, 3))]
    return lines


def nnet_printout(fit: NnetFit) -> str:
    """What the tutorial's nnet comparison prints for this fit, as R prints it:
    nnet's trace, then `data.frame(coef(fit_nnet))`, then `fitted(fit_nnet)`."""
    return "\n".join(
        [
            *fit.trace,
            "data.frame(coef(fit_nnet))",
            r_matrix(fit.weights[:, None], ["coef.fit_nnet."], rows=list(fit.names)),
            "fitted(fit_nnet)",
            r_matrix(fit.fitted[:, None]),
        ]
    )


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


def r_matrix(
    values: np.ndarray,
    columns: list[str] | None = None,
    digits: int = 7,
    rows: list[str] | None = None,
) -> str:
    """A matrix as R's print() shows it: each column to `digits` significant digits,
    in fixed or scientific notation as R chooses (see `_r_column`).

    values: (n, m). Without `rows`, rows are labelled `[1,]`, ... and right-aligned, as
    for a matrix without row names; named rows (a data frame's) are left-aligned.
    """
    n_rows, n_cols = values.shape
    headers = columns or [f"[,{j + 1}]" for j in range(n_cols)]
    cells = [_r_column(values[:, j], digits) for j in range(n_cols)]
    widths = [max(len(h), *(len(c) for c in col)) for h, col in zip(headers, cells, strict=True)]
    if rows is None:
        labels = [f"[{i + 1},]" for i in range(n_rows)]
        label_width = max(len(label) for label in labels)
        labels = [label.rjust(label_width) for label in labels]
    else:
        label_width = max(len(label) for label in rows)
        labels = [label.ljust(label_width) for label in rows]
    lines = [
        " " * label_width + "".join(f" {h:>{w}}" for h, w in zip(headers, widths, strict=True))
    ]
    for i, label in enumerate(labels):
        lines.append(label + "".join(f" {cells[j][i]:>{widths[j]}}" for j in range(n_cols)))
    return "\n".join(lines)


def _r_column(column: np.ndarray, digits: int = 7) -> list[str]:
    """One column's numbers as R prints them together (R's formatReal), unpadded.

    Each number needs some significant digits (at most `digits`, trailing zeros dropped).
    Fixed notation uses the fewest decimals that show every number so; R takes it unless
    it is wider than scientific notation with the most significant digits any number needs.
    """
    finite = [float(x) for x in column if math.isfinite(x)]
    if not finite:
        return [r_number(float(x)) for x in column]
    shapes = [_r_significant(x, digits) for x in finite]  # (exponent, significant digits)
    negative = any(x < 0 for x in finite)
    decimals = max(0, max(sig - 1 - exp for exp, sig in shapes))
    left = max(max(exp + 1, 1) + (x < 0) for x, (exp, _) in zip(finite, shapes, strict=True))
    fixed_width = left + decimals + (decimals > 0)
    mantissa = max(sig for _, sig in shapes) - 1
    wide_exponent = any(exp >= 100 or exp <= -99 for exp, _ in shapes)
    sci_width = negative + (mantissa > 0) + mantissa + 4 + (2 if wide_exponent else 1)
    text = f"{{:.{decimals}f}}" if fixed_width <= sci_width else f"{{:.{mantissa}e}}"
    return [text.format(x) if math.isfinite(x) else r_number(float(x)) for x in column]


def _r_significant(x: float, digits: int) -> tuple[int, int]:
    """x's decimal exponent and how many significant digits (<= `digits`) R shows of it."""
    if x == 0:
        return 0, 1
    mantissa, exponent = f"{x:.{digits - 1}e}".split("e")
    significant = mantissa.replace("-", "").replace(".", "").rstrip("0")
    return int(exponent), max(1, len(significant))
