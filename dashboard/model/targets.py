"""Your own target, typed into a 4-row table whose cells are text: every cell is checked
here, with a sentence per bad cell. No Streamlit."""

from __future__ import annotations

import math
from collections.abc import Sequence

from tinynet import inputs

from ..url.untrusted import inert


def _short(value: float) -> str:
    text = f"{value:g}"
    return text if float(text) == value else repr(value)


def cell_problem(row: int, cell: object) -> str | None:
    """A sentence saying why the target cell of `row` (0-based) is unusable, or None."""
    x = inputs(True)[row]
    where = f"Row {row + 1} (x1 = {x[0]:g}, x2 = {x[1]:g})"
    if cell is None or (isinstance(cell, str) and not cell.strip()):
        return f"{where}: the target is blank; type a number between 0 and 1."
    try:
        value = float(cell.strip() if isinstance(cell, str) else cell)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return f"{where}: “{inert(cell)}” is not a number; type one between 0 and 1."
    if math.isnan(value):
        return f"{where}: the target is blank (NaN); type a number between 0 and 1."
    if not 0.0 <= value <= 1.0:
        return (
            f"{where}: {value:g} is outside [0, 1]; the output is a sigmoid, so it can only "
            "aim between 0 and 1."
        )
    return None


def read_cells(cells: Sequence[object]) -> tuple[tuple[float, ...] | None, list[str]]:
    """The four target cells as values, or None with one sentence per bad cell."""
    if len(cells) != 4:
        return None, [f"The table needs exactly 4 rows (one per input), it has {len(cells)}."]
    problems = [p for row, cell in enumerate(cells) if (p := cell_problem(row, cell))]
    if problems:
        return None, problems
    return tuple(float(c.strip() if isinstance(c, str) else c) for c in cells), []  # type: ignore[union-attr,arg-type]


def cell_texts(values: Sequence[float]) -> list[str]:
    """The table's cells for these values (text, so anything can be typed and then checked)."""
    return [_short(float(v)) for v in values]
