"""One iteration as the tutorial's lines, stage by stage: each line of code, the shapes it
combines, the matrices it starts from and those it computes, in the seed's names. No
Streamlit, no pandas: a matrix is a `Grid` (values and labels); tables.step makes tables.

Example 1 has no hidden layer and its own names: X is `layer_0`, the output `layer_1`, its
delta `l1_delta`. Examples 2 and 3 call them X, `layer_2` and `layer_2_delta`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from .code_lines import ACTIVATION_NOTES, seed_lines
from .step import SeedIteration, input_names, row_labels, unit_names


@dataclass(frozen=True)
class Grid:
    """A matrix as the page shows it: its values (rows x columns), its row labels under a
    name (the seed's, e.g. "layer_1_delta"), and its column labels."""

    name: str
    rows: tuple[str, ...]
    columns: tuple[str, ...]
    values: np.ndarray


def named(matrix: np.ndarray, name: str, rows: Sequence[str], column_label: str) -> Grid:
    """A matrix under the seed's name. Columns: "x1".. for inputs ("x"), "unit 1".. for
    hidden units, "output" for the one output."""
    count = matrix.shape[1]
    if column_label == "x":
        columns = [f"x{j + 1}" for j in range(count)]
    elif column_label == "output" and count == 1:
        columns = ["output"]
    else:
        columns = [f"{column_label} {j + 1}" for j in range(count)]
    return Grid(name, tuple(rows), tuple(columns), matrix)


def side_by_side(columns: Mapping[str, np.ndarray], rows: Sequence[str]) -> Grid:
    """(4, 1) vectors side by side, one named column each (y, layer_2, layer_2_error ...)."""
    values = np.column_stack([np.asarray(v, dtype=float).reshape(-1) for v in columns.values()])
    return Grid("training row", tuple(rows), tuple(columns), values)


def shape_text(a: np.ndarray, b: np.ndarray, out: np.ndarray, op: str = "·") -> str:
    """'(4, 3) · (3, 4) → (4, 4)': a product's (·) or an elementwise (×) operation's shapes."""
    return f"{a.shape} {op} {b.shape} → {out.shape}"


@dataclass(frozen=True)
class Stage:
    """One line of the seed's loop: its code, the shapes it combines, what it starts from
    (operands, always shown) and what it computes (results: hidden until revealed)."""

    key: str
    part: str  # "forward", "backward" or "update"
    title: str
    code: str
    shapes: str
    operands: tuple[Grid, ...]
    results: tuple[Grid, ...]
    note: str = ""


def stages(it: SeedIteration) -> list[Stage]:
    """The stages of one iteration, in the seed's order."""
    lines = seed_lines(it.settings)
    rows, inputs = row_labels(it.X), input_names(it)
    hidden = it.hidden
    out, delta = ("layer_2", "layer_2_delta") if hidden else ("layer_1", "l1_delta")
    per_unit = "unit" if hidden else "output"  # what synapse_0's columns are
    x_name = "X" if hidden else "layer_0"
    return [
        Stage(
            "z_1", "forward",
            f"{x_name} · synapse_0: " + ("each hidden unit's weighted sum" if hidden else "the weighted sum"),
            lines["z_1"], shape_text(it.X, it.synapse_0, it.z_1),
            (named(it.X, x_name if hidden else "layer_0 (X)", rows, "x"),
             named(it.synapse_0, "synapse_0", inputs, per_unit)),
            (named(it.z_1, f"np.dot({x_name}, synapse_0)", rows, per_unit),),
            "Row n of X times column j of synapse_0: the input of hidden unit j for training "
            "row n." if hidden else "",
        ),
        *(_hidden_forward(it, lines, rows) if hidden else [
            Stage(
                "output", "forward", "The sigmoid: the output", lines["output"],
                f"{it.z_1.shape} → {it.layer_2.shape}, cell by cell", (),
                (side_by_side({"layer_1": it.layer_2}, rows),),
            ),
        ]),
        Stage(
            "error", "backward", "How much did we miss?", lines["error"],
            shape_text(it.y, it.layer_2, it.layer_2_error, "−"),
            (side_by_side({"y": it.y, out: it.layer_2}, rows),),
            (side_by_side({f"{out}_error": it.layer_2_error}, rows),),
            (f"The tutorial prints the mean of |layer_2_error|: here {it.mean_abs_error:.6g}."
             if hidden else f"Mean |layer_1_error|: {it.mean_abs_error:.6g}."),
        ),
        Stage(
            "output_delta", "backward",
            ("The output's delta" if hidden else "The delta") + ": error × slope of the sigmoid",
            lines["output_delta"],
            shape_text(it.layer_2_error, it.output_slope, it.layer_2_delta, "×"),
            (side_by_side({f"slope: {out} * (1 - {out})": it.output_slope}, rows),),
            (side_by_side({delta: it.layer_2_delta}, rows),),
            "A confident output (near 0 or 1) has a flat slope, so its delta is small."
            if hidden else "",
        ),
        *(_hidden_backward(it, lines, rows) if hidden else []),
        Stage(
            "update_0", "update", "The update of synapse_0", lines["update_0"],
            shape_text(it.X.T, it.delta_0, it.update_0), (),
            (named(it.update_0, _update_name(it, "synapse_0"), inputs, per_unit),),
            "Row by row below: this product is the sum of four outer products, one per "
            "training row.",
        ),
    ]  # fmt: skip


def _hidden_forward(it: SeedIteration, lines: dict[str, str], rows: list[str]) -> list[Stage]:
    """The hidden layer, then the output computed from it (Examples 2 and 3)."""
    act = it.settings.activation
    units = unit_names(it)
    return [
        Stage(
            "hidden", "forward", f"The activation ({act}): the hidden layer", lines["hidden"],
            f"{it.z_1.shape} → {it.layer_1.shape}, cell by cell", (),
            (named(it.layer_1, "layer_1", rows, "unit"),),
            ACTIVATION_NOTES[act],
        ),
        Stage(
            "output", "forward", "layer_1 · synapse_1, then the sigmoid: the output",
            lines["output"], shape_text(it.layer_1, it.synapse_1, it.layer_2),
            (named(it.synapse_1, "synapse_1", units, "output"),),
            (side_by_side({"np.dot(layer_1, synapse_1)": it.z_2, "layer_2": it.layer_2}, rows),),
        ),
    ]  # fmt: skip


def _hidden_backward(it: SeedIteration, lines: dict[str, str], rows: list[str]) -> list[Stage]:
    """The delta sent back through synapse_1, the hidden deltas, and synapse_1's update."""
    act = it.settings.activation
    units = unit_names(it)
    return [
        Stage(
            "hidden_error", "backward", "Send the delta back through synapse_1",
            lines["hidden_error"],
            shape_text(it.layer_2_delta, it.synapse_1.T, it.layer_1_error), (),
            (named(it.layer_1_error, "layer_1_error", rows, "unit"),),
            "Each hidden unit's share of the output's delta, weighted by its synapse_1 weight.",
        ),
        Stage(
            "hidden_delta", "backward", f"The hidden deltas: error × slope of {act}",
            lines["hidden_delta"],
            shape_text(it.layer_1_error, it.hidden_slope, it.layer_1_delta, "×"),
            (named(it.hidden_slope, "slope", rows, "unit"),),
            (named(it.layer_1_delta, "layer_1_delta", rows, "unit"),),
        ),
        Stage(
            "update_1", "update", "The update of synapse_1", lines["update_1"],
            shape_text(it.layer_1.T, it.layer_2_delta, it.update_1), (),
            (named(it.update_1, _update_name(it, "synapse_1"), units, "output"),),
        ),
    ]  # fmt: skip


def _update_name(it: SeedIteration, synapse: str) -> str:
    how = "subtracted from" if it.sign > 0 else "added to"
    return f"{how} {synapse}"
