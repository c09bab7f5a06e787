"""The Step by step page's tables: a stage's matrices, the four rows' shares of an update,
and the weights before and after it. Numbers stay numbers: the page formats them."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..model.stages import Grid
from ..model.step import (
    SeedIteration,
    contributions,
    input_names,
    output_contributions,
    row_labels,
    unit_names,
)
from ..model.surface import training_points


def grid_frame(grid: Grid) -> pd.DataFrame:
    """A stage's matrix as a table: its row labels under the seed's name."""
    return pd.DataFrame(
        grid.values, index=pd.Index(list(grid.rows), name=grid.name), columns=list(grid.columns)
    )


def contributions_frame(it: SeedIteration) -> pd.DataFrame:
    """The four per-row outer products, long: training row, input, then one column per unit."""
    columns, inputs, rows = unit_names(it), input_names(it), row_labels(it.X)
    frames = []
    for n, part in enumerate(contributions(it)):
        frame = pd.DataFrame(part, columns=columns)
        frame.insert(0, "input", inputs)
        frame.insert(0, "training row", rows[n])
        frames.append(frame)
    return pd.concat(frames, ignore_index=True)


def update_1_frame(it: SeedIteration) -> pd.DataFrame | None:
    """synapse_1's update the same way: one column per training row and their sum, one row
    per hidden unit. None for Example 1."""
    parts = output_contributions(it)
    if parts is None:
        return None
    frame = pd.DataFrame(
        parts[:, :, 0].T,
        columns=[f"row {n + 1}" for n in range(len(parts))],
        index=pd.Index(unit_names(it), name="synapse_1"),
    )
    frame["sum"] = it.update_1[:, 0]
    return frame


def weights_frames(it: SeedIteration) -> list[tuple[str, pd.DataFrame]]:
    """(title, table) for each weight matrix: one row per weight, before, the update, after."""
    units = unit_names(it)
    out = [("synapse_0", _before_after(it, "synapse_0", input_names(it), units))]
    if it.hidden:
        out.append(("synapse_1", _before_after(it, "synapse_1", units, ["output"])))
    return out


def _before_after(
    it: SeedIteration, synapse: str, rows: list[str], columns: list[str]
) -> pd.DataFrame:
    """One row per weight of `synapse`: before, the seed's update (+= or -=), after."""
    before = getattr(it, synapse)
    update = it.update_0 if synapse == "synapse_0" else it.update_1
    after = getattr(it, f"{synapse}_after")
    op = "−= update" if it.sign > 0 else "+= update"
    return pd.DataFrame(
        {
            "weight": [f"{r} → {c}" for r in rows for c in columns],
            "before": np.ravel(before),
            op: np.ravel(update),
            "after": np.ravel(after),
        }
    )


def points_at(it: SeedIteration) -> pd.DataFrame:
    """The four training rows with iteration k's output: row, x1, x2, target, prediction."""
    points = training_points(it.settings.target, it.layer_2, it.settings.bias)
    return points[["row", "x1", "x2", "target", "prediction"]]
