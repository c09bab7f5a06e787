"""Altair charts: results in, chart out. No Streamlit here.

Every error axis is logarithmic, so only finite positive errors reach it; long trajectories
are sampled log-spaced (dashboard.sampling) to at most ~2,000 points per line. The x axis of a
trajectory is "symlog": log-like, yet iteration 0 (the seed's first printed error) has a place.
Colours come from schemes that read on light and dark backgrounds; text on heatmap cells
switches between black and white with the cell's darkness.
"""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt
import numpy as np
import pandas as pd

from tinynet import Band
from tinynet.train import Run

from .sampling import MAX_POINTS, log_indices, loggable

HEIGHT = 300
ERROR_FORMAT = ".6g"
MAX_ROWS = 20_000  # all lines of a chart together: a 19-alpha sweep stays quick to draw
MAX_LABELLED_COLUMNS = 16  # wider heatmaps drop the numbers written in the cells


def _label(value: float) -> str:
    return f"{value:g}"


def trajectory_frame(runs: Sequence[Run], labels: Sequence[str] | None = None) -> pd.DataFrame:
    """Long-form sampled error trajectories: iteration, error, series (one label per run)."""
    labels = [_label(r.settings.alpha) for r in runs] if labels is None else list(labels)
    per_line = min(MAX_POINTS, MAX_ROWS // max(len(runs), 1))
    parts = []
    for run, label in zip(runs, labels, strict=True):
        at = log_indices(len(run.error), per_line)
        part = pd.DataFrame({"iteration": at, "error": run.error[at], "series": label})
        parts.append(part[loggable(part["error"].to_numpy())])
    if not parts:
        return pd.DataFrame({"iteration": [], "error": [], "series": []})
    return pd.concat(parts, ignore_index=True)


def _iteration_axis(last: int) -> alt.X:
    ticks = [0] + [10**k for k in range(0, 7) if 10**k <= max(last, 1)]
    return alt.X(
        "iteration:Q",
        title="iteration (symlog scale)",
        scale=alt.Scale(type="symlog", domain=[0, max(last, 1)]),
        axis=alt.Axis(values=ticks, format=",d"),
    )


def error_chart(
    runs: Sequence[Run],
    labels: Sequence[str] | None = None,
    series_title: str = "alpha",
    highlight: str | None = None,
) -> alt.Chart:
    """Mean |error| per iteration on a log axis, one line per run (coloured when several)."""
    data = trajectory_frame(runs, labels)
    last = max((len(r.error) for r in runs), default=1) - 1
    order = list(dict.fromkeys(data["series"]))
    encoding = {
        "x": _iteration_axis(last),
        "y": alt.Y("error:Q", title="mean |error| (log scale)", scale=alt.Scale(type="log")),
        "tooltip": [
            alt.Tooltip("series:N", title=series_title),
            alt.Tooltip("iteration:Q", title="iteration", format="d"),
            alt.Tooltip("error:Q", title="mean |error|", format=ERROR_FORMAT),
        ],
    }
    if len(runs) > 1:
        scheme = "tableau10" if len(order) <= 10 else "tableau20"
        encoding["color"] = alt.Color(
            "series:N", title=series_title, sort=order, scale=alt.Scale(scheme=scheme)
        )
        if highlight is not None:
            encoding["strokeWidth"] = alt.condition(
                alt.datum.series == highlight, alt.value(3.5), alt.value(1.5)
            )
    return alt.Chart(data).mark_line().encode(**encoding).properties(height=HEIGHT)


def band_frames(run: Run, band: Band, members: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The band's 10-90% spread (iteration, low, high, series) and two lines in long form
    (iteration, error, series): the band's median and the chosen seed's run. Each line has at
    most MAX_POINTS rows; only values a log axis can show are kept."""
    spread_label, median_label, seed_label = _band_labels(run, members)
    spread = pd.DataFrame(
        {"iteration": band.iterations, "low": band.low, "high": band.high, "series": spread_label}
    )
    spread = spread[loggable(spread["low"].to_numpy()) & loggable(spread["high"].to_numpy())]
    median = pd.DataFrame({"iteration": band.iterations, "error": band.median})
    median = median[loggable(median["error"].to_numpy())].assign(series=median_label)
    seed = trajectory_frame([run], [seed_label])
    return spread.reset_index(drop=True), pd.concat([median, seed], ignore_index=True)


def _band_labels(run: Run, members: int) -> tuple[str, str, str]:
    return f"10–90% of {members} seeds", f"median of {members} seeds", f"seed {run.settings.seed}"


def band_chart(run: Run, band: Band, members: int) -> alt.LayerChart:
    """The chosen seed's error over the band of an ensemble (median and 10-90% spread), on a
    log axis: whether this seed's run is typical, lucky or stuck."""
    spread, lines = band_frames(run, band, members)
    last = max(len(run.error), int(band.iterations[-1]) + 1 if len(band.iterations) else 1) - 1
    order = list(_band_labels(run, members))
    colour = alt.Color(
        "series:N", title=None, sort=order, scale=alt.Scale(domain=order, range=_BAND_COLOURS)
    )
    y_scale = alt.Scale(type="log")
    area = (
        alt.Chart(spread)
        .mark_area(opacity=0.3)
        .encode(
            x=_iteration_axis(last),
            y=alt.Y("low:Q", title="mean |error| (log scale)", scale=y_scale),
            y2="high:Q",
            color=colour,
            tooltip=[
                alt.Tooltip("iteration:Q", format="d"),
                alt.Tooltip("low:Q", title="10th percentile", format=ERROR_FORMAT),
                alt.Tooltip("high:Q", title="90th percentile", format=ERROR_FORMAT),
            ],
        )
    )
    tooltip = [
        alt.Tooltip("series:N", title="line"),
        alt.Tooltip("iteration:Q", format="d"),
        alt.Tooltip("error:Q", title="mean |error|", format=ERROR_FORMAT),
    ]
    y = alt.Y("error:Q", title="mean |error| (log scale)", scale=y_scale)
    median, seed = (
        alt.Chart(lines)
        .transform_filter(alt.datum.series == label)
        .mark_line(strokeDash=dash, strokeWidth=width)
        .encode(x=_iteration_axis(last), y=y, color=colour, tooltip=tooltip)
        for label, dash, width in ((order[1], [5, 3], 1.5), (order[2], [1, 0], 2.5))
    )
    return alt.layer(area, median, seed).properties(height=HEIGHT)


_BAND_COLOURS = ["#9ecae9", "#4c78a8", "#e45756"]  # spread, median, the chosen seed


def weights_chart(run: Run) -> alt.Chart:
    """Example 1: each weight of synapse_0 across training (from the run's snapshots)."""
    snaps = run.snapshots
    weights = snaps.synapse_0.reshape(len(snaps.iterations), -1)
    frames = [
        pd.DataFrame({"iteration": snaps.iterations, "weight": weights[:, i], "name": f"w{i + 1}"})
        for i in range(weights.shape[1])
    ]
    data = pd.concat(frames, ignore_index=True)
    data = data[np.isfinite(data["weight"].to_numpy())]
    return (
        alt.Chart(data)
        .mark_line(point=alt.OverlayMarkDef(size=12))
        .encode(
            x=_iteration_axis(int(snaps.iterations[-1])),
            y=alt.Y("weight:Q", title="weight value"),
            color=alt.Color(
                "name:N", title="weight (input column)", scale=alt.Scale(scheme="tableau10")
            ),
            tooltip=[
                alt.Tooltip("name:N", title="weight"),
                alt.Tooltip("iteration:Q", title="after updates", format="d"),
                alt.Tooltip("weight:Q", format=".6g"),
            ],
        )
        .properties(height=HEIGHT)
    )


def sigmoid_frames(prediction: np.ndarray) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The sigmoid and its slope on a grid, and the four outputs placed on both curves."""
    p = np.clip(np.asarray(prediction, dtype=float), 1e-12, 1 - 1e-12)
    z = np.log(p / (1 - p))  # where on the curve each output sits
    reach = float(np.clip(np.nanmax(np.abs(z), initial=0) + 1, 6, 30))
    grid = np.linspace(-reach, reach, 241)
    s = 1 / (1 + np.exp(-grid))
    curves = pd.concat(
        [
            pd.DataFrame({"z": grid, "value": s, "curve": "sigmoid(z)"}),
            pd.DataFrame({"z": grid, "value": s * (1 - s), "curve": "slope: out × (1 − out)"}),
        ],
        ignore_index=True,
    )
    rows = [f"row {i + 1}" for i in range(len(p))]
    marks = pd.concat(
        [
            pd.DataFrame({"z": z, "value": p, "curve": "sigmoid(z)", "row": rows, "output": p}),
            pd.DataFrame(
                {
                    "z": z,
                    "value": p * (1 - p),
                    "curve": "slope: out × (1 − out)",
                    "row": rows,
                    "output": p,
                }
            ),
        ],
        ignore_index=True,
    )
    return curves, marks[np.isfinite(marks["z"].to_numpy())]


def sigmoid_chart(prediction: np.ndarray) -> alt.LayerChart:
    """The sigmoid and its slope, with the final outputs marked: confident outputs (near 0
    or 1) sit where the slope is flat, so their updates are small (the seed's point)."""
    curves, marks = sigmoid_frames(prediction)
    colour = alt.Color("curve:N", title=None, scale=alt.Scale(scheme="tableau10"))
    lines = (
        alt.Chart(curves)
        .mark_line()
        .encode(
            x=alt.X("z:Q", title="z = input · weights"),
            y=alt.Y("value:Q", title="value"),
            color=colour,
        )
    )
    points = (
        alt.Chart(marks)
        .mark_point(size=90, filled=True)
        .encode(
            x="z:Q",
            y="value:Q",
            color=colour,
            shape=alt.Shape("row:N", title="final output"),
            tooltip=[
                alt.Tooltip("row:N"),
                alt.Tooltip("output:Q", format=".8f"),
                alt.Tooltip("curve:N"),
                alt.Tooltip("value:Q", format=".3g"),
                alt.Tooltip("z:Q", format=".3f"),
            ],
        )
    )
    return (lines + points).properties(height=HEIGHT)


def heatmap(
    matrix: np.ndarray,
    row_label: str,
    column_label: str,
    value_title: str = "value",
    diverging: bool = True,
    decimals: int = 3,
) -> alt.LayerChart | alt.Chart:
    """A matrix as coloured cells with their values written in. Diverging (weights: blue
    negative, red positive, centred on 0) or sequential in [0, 1] (activations)."""
    rows, columns = matrix.shape
    data = pd.DataFrame(
        [
            {
                "row": f"{row_label} {i + 1}",
                "column": f"{column_label} {j + 1}",
                "value": float(matrix[i, j]),
            }
            for i in range(rows)
            for j in range(columns)
        ]
    )
    finite = data["value"].where(np.isfinite(data["value"]))
    if diverging:
        bound = float(np.nanmax(np.abs(finite), initial=1e-12)) or 1.0
        scale = alt.Scale(scheme="redblue", reverse=True, domain=[-bound, bound])
        strength = (finite.abs() / bound).fillna(0)
    else:  # [0, 1] (sigmoid), or up to the largest value (relu)
        top = max(1.0, float(np.nanmax(finite, initial=1.0)))
        scale = alt.Scale(scheme="blues", domain=[0, top])
        strength = (finite / top).fillna(0)
    data["strength"] = strength
    data["label"] = [f"{v:.{decimals}f}" if np.isfinite(v) else "—" for v in data["value"]]
    row_order = [f"{row_label} {i + 1}" for i in range(rows)]
    column_order = [f"{column_label} {j + 1}" for j in range(columns)]
    base = alt.Chart(data).encode(
        x=alt.X(
            "column:N", title=None, sort=column_order, axis=alt.Axis(labelAngle=0, orient="top")
        ),
        y=alt.Y("row:N", title=None, sort=row_order),
    )
    cells = base.mark_rect(stroke="#888", strokeWidth=0.5).encode(
        color=alt.Color("value:Q", title=value_title, scale=scale),
        tooltip=[
            alt.Tooltip("row:N"),
            alt.Tooltip("column:N"),
            alt.Tooltip("value:Q", format=".6g"),
        ],
    )
    # A condition on a plain value, not a second colour scale (which would clash with the cells').
    dark = alt.datum.strength > 0.55
    text = base.mark_text(fontSize=11).encode(
        text="label:N", color=alt.condition(dark, alt.value("white"), alt.value("black"))
    )
    if columns > MAX_LABELLED_COLUMNS:  # too narrow for numbers: colour only, full width
        return cells.properties(height=max(rows * 30, 80))
    return (cells + text).properties(height=max(rows * 34, 80), width=columns * 56)
