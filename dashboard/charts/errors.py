"""Error trajectories: mean |error| per iteration on a log axis, for one run, a sweep, or a
run over its band of seeds. Long trajectories are sampled log-spaced (model.sampling) to at
most ~2,000 points per line. No Streamlit.
"""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt
import numpy as np
import pandas as pd

from tinynet import Band
from tinynet.train import Run

from ..model.sampling import MAX_POINTS, log_line, loggable
from .axes import ERROR_FORMAT, HEIGHT, iteration_axis, log_axis, series_scheme

MAX_ROWS = 20_000  # all lines of a chart together: a 19-alpha sweep stays quick to draw
BAND_COLOURS = ["#9ecae9", "#4c78a8", "#e45756"]  # spread, median, the chosen seed


def trajectory_frame(runs: Sequence[Run], labels: Sequence[str] | None = None) -> pd.DataFrame:
    """Long-form sampled error trajectories: iteration, error, series (one label per run)."""
    labels = [f"{r.settings.alpha:g}" for r in runs] if labels is None else list(labels)
    per_line = min(MAX_POINTS, MAX_ROWS // max(len(runs), 1))
    parts = [
        log_line(np.arange(len(run.error)), run.error, label, max_points=per_line)
        for run, label in zip(runs, labels, strict=True)
    ]
    if not parts:
        return pd.DataFrame({"iteration": [], "error": [], "series": []})
    return pd.concat(parts, ignore_index=True)


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
        "x": iteration_axis(last),
        "y": log_axis("error"),
        "tooltip": [
            alt.Tooltip("series:N", title=series_title),
            alt.Tooltip("iteration:Q", title="iteration", format="d"),
            alt.Tooltip("error:Q", title="mean |error|", format=ERROR_FORMAT),
        ],
    }
    if len(runs) > 1:
        encoding["color"] = alt.Color(
            "series:N",
            title=series_title,
            sort=order,
            scale=alt.Scale(scheme=series_scheme(len(order))),
        )
        if highlight is not None:
            encoding["strokeWidth"] = alt.condition(
                alt.datum.series == highlight, alt.value(3.5), alt.value(1.5)
            )
    return alt.Chart(data).mark_line().encode(**encoding).properties(height=HEIGHT)


def error_at_k_chart(run: Run, k: int) -> alt.LayerChart:
    """The run's error trajectory with a rule at iteration k: where in training a step is."""
    rule = (
        alt.Chart(pd.DataFrame({"iteration": [k], "label": [f"k = {k:,}"]}))
        .mark_rule(color="#e45756", strokeWidth=2)
        .encode(x="iteration:Q", tooltip=[alt.Tooltip("label:N", title="this step")])
    )
    return alt.layer(error_chart([run]), rule)


def band_labels(run: Run, members: int) -> tuple[str, str, str]:
    """The band chart's three series: the spread, the median, the chosen seed."""
    return f"10–90% of {members} seeds", f"median of {members} seeds", f"seed {run.settings.seed}"


def band_frames(run: Run, band: Band, members: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The band's 10-90% spread (iteration, low, high, series) and two lines in long form
    (iteration, error, series): the band's median and the chosen seed's run. Each line has at
    most MAX_POINTS rows; only values a log axis can show are kept."""
    spread_label, median_label, seed_label = band_labels(run, members)
    spread = pd.DataFrame(
        {"iteration": band.iterations, "low": band.low, "high": band.high, "series": spread_label}
    )
    spread = spread[loggable(spread["low"].to_numpy()) & loggable(spread["high"].to_numpy())]
    median = pd.DataFrame({"iteration": band.iterations, "error": band.median})
    median = median[loggable(median["error"].to_numpy())].assign(series=median_label)
    seed = trajectory_frame([run], [seed_label])
    return spread.reset_index(drop=True), pd.concat([median, seed], ignore_index=True)


def band_chart(run: Run, band: Band, members: int) -> alt.LayerChart:
    """The chosen seed's error over the band of an ensemble (median and 10-90% spread), on a
    log axis: whether this seed's run is typical, lucky or stuck."""
    spread, lines = band_frames(run, band, members)
    last = max(len(run.error), int(band.iterations[-1]) + 1 if len(band.iterations) else 1) - 1
    order = list(band_labels(run, members))
    colour = alt.Color(
        "series:N", title=None, sort=order, scale=alt.Scale(domain=order, range=BAND_COLOURS)
    )
    area = (
        alt.Chart(spread)
        .mark_area(opacity=0.3)
        .encode(
            x=iteration_axis(last),
            y=log_axis("low"),
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
    median, seed = (
        alt.Chart(lines)
        .transform_filter(alt.datum.series == label)
        .mark_line(strokeDash=dash, strokeWidth=width)
        .encode(x=iteration_axis(last), y=log_axis("error"), color=colour, tooltip=tooltip)
        for label, dash, width in ((order[1], [5, 3], 1.5), (order[2], [1, 0], 2.5))
    )
    return alt.layer(area, median, seed).properties(height=HEIGHT)
