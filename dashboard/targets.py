"""Your own targets, the bias column and what goes wrong: checks and sentences. No Streamlit.

A target is a name (tinynet.TARGETS) or four numbers in [0, 1]; in a link it is the name or
the numbers joined by commas (`target=0,1,1,0.5`). A custom target is typed into a 4-row table
whose cells are text, so every cell is checked here, with a sentence per bad cell.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from tinynet import TARGETS, inputs
from tinynet.settings import RunSettings
from tinynet.train import Run

from .links import Reading, decimal_number, plain_number
from .untrusted import inert

CUSTOM = "custom"


def seed_target_name(example: int) -> str:
    """The tutorial's target: the first column for Example 1, XOR for Examples 2 and 3."""
    return "first" if example == 1 else "xor"


def target_choices(example: int) -> tuple[str, ...]:
    """The target selectbox's options: the tutorial's first, the other names, then "custom"."""
    seed = seed_target_name(example)
    return (seed, *(name for name in TARGETS if name != seed), CUSTOM)


def choice_label(example: int):
    """format_func for the choices: the tutorial's marked, the others with their four values."""
    seed = seed_target_name(example)

    def label(choice: str) -> str:
        if choice == CUSTOM:
            return "custom: type your own"
        values = ", ".join(f"{v:g}" for v in TARGETS[choice])
        return f"{choice} ({values})" + (", the tutorial's" if choice == seed else "")

    return label


def spec_text(values: Sequence[float]) -> str:
    """Four numbers as a link writes them: `0,1,1,0.5` (plain decimals that read back exactly)."""
    return ",".join(plain_number(v) for v in values)


def _short(value: float) -> str:
    text = f"{value:g}"
    return text if float(text) == value else repr(value)


def read_link(text: str) -> Reading:
    """A link's `target=`: a name (any case) selects it; four numbers in [0, 1], in the
    digits 0-9, open the custom table (even a named target's numbers)."""
    name = text.strip().lower()
    if name in TARGETS:
        return Reading(name)
    parts = text.split(",")
    if len(parts) != 4:
        return Reading(None, f"not a target name ({', '.join(TARGETS)}) nor four numbers")
    values = tuple(decimal_number(part) for part in parts)
    if any(v is None or not 0.0 <= v <= 1.0 for v in values):
        return Reading(None, "not four numbers in [0, 1], in the digits 0-9")
    return Reading(values)


def link_text(value: str | Sequence[float]) -> str:
    """`target=` for a target name, or for a custom target's four numbers."""
    return value if isinstance(value, str) else spec_text(value)


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


def bias_note(settings: RunSettings) -> str | None:
    """Why the tutorial keeps its constant third column, when it is dropped; None when it is on."""
    if settings.bias:
        return None
    if settings.hidden is None:
        return (
            "Without the constant column x3, the input (0, 0) is all zeros, so `X · synapse_0` "
            "is 0 there whatever the weights: its output is stuck at sigmoid(0) = 0.5, whatever "
            "the target. The tutorial's third column of ones is the bias that lets it move."
        )
    if settings.activation == "sigmoid":
        return (
            "Without the constant column x3, every hidden unit gives sigmoid(0) = 0.5 for the "
            "input (0, 0), whatever its weights; only `synapse_1` can move that row's output, "
            "so the network must fit (0, 0) through the output weights alone."
        )
    return (
        f"Without the constant column x3, {settings.activation}(0) = 0 for every hidden unit at "
        "the input (0, 0), so the output there is sigmoid(0) = 0.5, whatever the target: "
        "the tutorial's third column of ones is the bias that lets it move."
    )


def divergence_note(run: Run) -> str | None:
    """At which iteration a run blew up and why, or None if it did not."""
    if run.diverged_at is None:
        return None
    s = run.settings
    why = (
        "relu is unbounded, so each update can make the next one larger"
        if s.activation == "relu"
        else "the update grew without bound"
    )
    return (
        f"alpha = {s.alpha:g}, {s.activation}: at iteration {run.diverged_at:,} a weight "
        f"became infinite (or NaN) — {why}, until alpha times the gradient overflowed. "
        f"Training stopped there: the charts show iterations 0 to {run.diverged_at:,} and the "
        "tables the last finite weights."
    )


def hidden_range(activation: str) -> str:
    """Where a hidden unit's value lies, for a heatmap's caption."""
    return {"sigmoid": "in [0, 1]", "tanh": "in [-1, 1]", "relu": "0 or more"}[activation]
