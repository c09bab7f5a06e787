"""Heatmaps with their numbers written in: a weight or activation matrix, and the Step by
step page's four per-row shares of an update beside their sum. No Streamlit.

Both are built by `annotated_cells`: coloured cells, and each cell's label in black or
white by the cell's darkness (a condition on a plain value, not a second colour scale,
which would clash with the cells' and breaks a faceted chart).
"""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt
import numpy as np
import pandas as pd

from ..model.step import SeedIteration, contributions, row_labels, unit_names

MAX_LABELLED_COLUMNS = 16  # wider heatmaps drop the numbers written in the cells
ROW, ROW_UNLABELLED = 34, 30  # pixels per row of cells (with or without numbers written in)
FIT_WIDTH = alt.AutoSizeParams(type="fit-x", contains="padding")  # the height is the content's
LEGEND = alt.Legend(orient="bottom", direction="horizontal", titleOrient="left",
                    gradientLength=160, gradientThickness=10)  # fmt: skip
DARK = 0.55  # cells whose |value| is above this share of the scale's bound get white text


def bound(values: np.ndarray) -> float:
    """The largest finite |value| (1 if there is none, or it is 0): a diverging scale's end."""
    values = np.asarray(values, dtype=float)
    return float(np.abs(values[np.isfinite(values)]).max(initial=0.0)) or 1.0


def diverging_scale(top: float) -> alt.Scale:
    """Blue negative, red positive, white at 0, from -top to top."""
    return alt.Scale(scheme="redblue", reverse=True, domain=[-top, top])


def grid_axes(
    base: alt.Chart,
    x: str,
    x_order: Sequence[str],
    y: str,
    y_order: Sequence[str] | None,
    numbered: str | None = None,
) -> alt.Chart:
    """Nominal axes for a matrix: the columns (`x`) labelled on top, the rows (`y`) down.
    `numbered`: the columns ("unit 32") are named by their number only, under this title,
    so that a narrow column's name fits it."""
    top = alt.Axis(labelAngle=0, orient="top")
    if numbered is not None:
        top = alt.Axis(labelAngle=0, orient="top", labelExpr="split(datum.label, ' ')[1]")
    return base.encode(
        x=alt.X(f"{x}:N", title=numbered, sort=list(x_order), axis=top),
        y=alt.Y(
            f"{y}:N",
            title=None,
            sort=alt.Undefined if y_order is None else list(y_order),
            axis=alt.Axis(labelOverlap=False),  # every row named, however short the chart
        ),
    )


def annotated_cells(
    base: alt.Chart, colour: alt.Color, tooltip: list, font_size: int, labelled: bool
) -> list[alt.Chart]:
    """The layers of an annotated heatmap: cells coloured by `colour`, then (if `labelled`)
    the data's `label` column written in each cell, white where `strength` > DARK."""
    cells = base.mark_rect(stroke="#888", strokeWidth=0.5).encode(color=colour, tooltip=tooltip)
    if not labelled:
        return [cells]
    dark = alt.datum.strength > DARK
    text = base.mark_text(fontSize=font_size).encode(
        text="label:N", color=alt.condition(dark, alt.value("white"), alt.value("black"))
    )
    return [cells, text]


def heatmap(
    matrix: np.ndarray,
    row_label: str,
    column_label: str,
    value_title: str = "value",
    diverging: bool = True,
    decimals: int = 3,
) -> alt.LayerChart | alt.Chart:
    """A matrix (rows, columns) as coloured cells with their values written in. Diverging
    (weights: blue negative, red positive, centred on 0) or sequential from 0 (activations:
    [0, 1] for the sigmoid, up to the largest value for relu)."""
    rows, columns = matrix.shape
    row_order = [f"{row_label} {i + 1}" for i in range(rows)]
    column_order = [f"{column_label} {j + 1}" for j in range(columns)]
    values = np.asarray(matrix, dtype=float).ravel()
    data = pd.DataFrame(
        {
            "row": np.repeat(row_order, columns),
            "column": np.tile(column_order, rows),
            "value": values,
        }
    )
    finite = data["value"].where(np.isfinite(data["value"]))
    if diverging:
        top = bound(values)
        scale = diverging_scale(top)
        strength = finite.abs() / top
    else:
        top = max(1.0, float(np.nanmax(finite, initial=1.0)))
        scale = alt.Scale(scheme="blues", domain=[0, top])
        strength = finite / top
    data["strength"] = strength.fillna(0)
    data["label"] = [f"{v:.{decimals}f}" if np.isfinite(v) else "—" for v in values]
    labelled = columns <= MAX_LABELLED_COLUMNS  # narrower cells: colour only, full width
    numbered = None if labelled else column_label
    base = grid_axes(alt.Chart(data), "column", column_order, "row", row_order, numbered)
    tooltip = [alt.Tooltip("row:N"), alt.Tooltip("column:N"), alt.Tooltip("value:Q", format=".6g")]
    colour = alt.Color("value:Q", title=value_title, scale=scale, legend=LEGEND)
    layers = annotated_cells(base, colour, tooltip, 11, labelled)
    # Only the width is fitted to the page: the height is the rows', and the column names
    # above them and the legend below add to it, so that neither is ever squeezed or cut.
    size = {"height": rows * (ROW if labelled else ROW_UNLABELLED), "autosize": FIT_WIDTH}
    if not labelled:
        return layers[0].properties(**size)
    return alt.layer(*layers).properties(**size)


def contributions_chart(it: SeedIteration) -> alt.FacetChart:
    """Four small heatmaps, one per training row, and their sum (= the update), on one shared
    diverging colour scale, so the rows that push hardest stand out."""
    columns = unit_names(it)
    rows = [label.replace(" · ", ": ") for label in row_labels(it.X)]
    panels = [*zip(rows, contributions(it), strict=True), ("sum = the update", it.update_0)]
    data = pd.DataFrame(
        [
            {"panel": panel, "input": f"x{i + 1}", "unit": columns[j], "value": float(m[i, j])}
            for panel, m in panels
            for i in range(m.shape[0])
            for j in range(m.shape[1])
        ]
    )
    top = bound(data["value"].to_numpy())
    data["strength"] = data["value"].abs() / top
    data["label"] = [_short(v) for v in data["value"]]
    base = grid_axes(alt.Chart(), "unit", columns, "input", None)
    colour = alt.Color("value:Q", title="pushes the weight", scale=diverging_scale(top))
    tooltip = ["panel:N", "input:N", "unit:N", alt.Tooltip("value:Q", format=".6g")]
    layers = annotated_cells(base, colour, tooltip, 10, len(columns) <= 8)
    width = max(60, len(columns) * (52 if len(columns) <= 8 else 14))
    per_line = max(1, min(5, 900 // (width + 30)))
    return (
        alt.layer(*layers, data=data)
        .properties(width=width, height=3 * 26 if it.X.shape[1] == 3 else 2 * 26)
        .facet(facet=alt.Facet("panel:N", title="", sort=[p for p, _ in panels]), columns=per_line)
    )


def _short(value: float) -> str:
    if not np.isfinite(value):
        return "—"
    return "0" if value == 0 else f"{value:.2g}"
