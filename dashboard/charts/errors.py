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

from ..model.labels import end_labels
from ..model.sampling import MAX_POINTS, log_line, loggable
from .axes import (
    ALPHA_STYLES,
    ERROR_FORMAT,
    HEIGHT,
    SVG,
    alpha_colour,
    alpha_dash,
    error_domain,
    iteration_axis,
    log_axis,
    series_scheme,
)

MAX_ROWS = 6_000  # all lines of a chart together: a 19-alpha sweep stays quick to draw
AXIS_ROOM = 45  # pixels of a chart's height taken by its x axis and its title
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
    fixed: bool = False,
    height: int = HEIGHT,
) -> alt.Chart | alt.LayerChart:
    """Mean |error| per iteration on a log axis (`fixed`: held at axes.FIXED_ERROR), one
    line per run. Several runs (a sweep: labels are alphas) each keep their alpha's colour
    and dash, and are named at their ends (model.labels), so lines that overlap still read."""
    data = trajectory_frame(runs, labels)
    last = max((len(r.error) for r in runs), default=1) - 1
    domain = error_domain(data["error"].tolist(), fixed)
    encoding = {
        "x": iteration_axis(last),
        "y": log_axis("error", domain=domain),
        "tooltip": [
            alt.Tooltip("series:N", title=series_title),
            alt.Tooltip("iteration:Q", title="iteration", format=",d"),
            alt.Tooltip("error:Q", title="mean |error|", format=ERROR_FORMAT),
        ],
    }
    if len(runs) <= 1:
        chart = alt.Chart(data).mark_line().encode(**encoding)
        return chart.properties(height=height, usermeta=SVG)
    order = list(dict.fromkeys(data["series"]))
    colour, dash = series_styles(order)
    encoding["color"] = alt.Color("series:N", title=series_title, scale=colour, legend=None)
    encoding["strokeDash"] = alt.StrokeDash("series:N", scale=dash, legend=None)
    if highlight is not None:
        encoding["strokeWidth"] = alt.condition(
            alt.datum.series == highlight, alt.value(3.5), alt.value(1.5)
        )
    lines = alt.Chart(data).mark_line().encode(**encoding)
    names = end_names(data, domain, height, colour, highlight)
    return alt.layer(lines, names).properties(height=height, usermeta=SVG)


def series_styles(order: Sequence[str]) -> tuple[alt.Scale, alt.Scale]:
    """Colour and dash scales: each alpha its own (axes.ALPHA_STYLES); other series (not
    alphas) a categorical scheme and solid lines."""
    if all(label in ALPHA_STYLES for label in order):
        return alpha_colour(order), alpha_dash(order)
    solid = alt.Scale(domain=list(order), range=[[1, 0]] * len(order))
    return alt.Scale(domain=list(order), scheme=series_scheme(len(order))), solid


def end_names(
    data: pd.DataFrame,
    domain: tuple[float, float],
    height: int,
    colour: alt.Scale,
    highlight: str | None,
) -> alt.LayerChart:
    """Each line's name at its last point, in its colour (lines ending together share one
    name, "100, 1000"), moved apart so that no name covers another."""
    ends = data.groupby("series", sort=False).last().reset_index()
    spots = [(r.series, int(r.iteration), float(r.error)) for r in ends.itertuples()]
    plot_height = max(height - AXIS_ROOM, 60)
    placed = end_labels(spots, domain, plot_height)
    frame = pd.DataFrame(
        {
            "iteration": [p.iteration for p in placed],
            "y": [p.y for p in placed],
            "name": [p.text for p in placed],
            "series": [p.series[0] for p in placed],
            "bold": [highlight in p.series for p in placed],
        }
    )
    base = alt.Chart(frame).encode(
        x=alt.X("iteration:Q"),
        y=alt.Y("y:Q", scale=alt.Scale(type="log", domain=list(domain), clamp=True, nice=False)),
        text="name:N",
        color=alt.Color("series:N", scale=colour, legend=None),
    )
    text = {"align": "left", "baseline": "middle", "dx": 6, "fontSize": 11}
    return alt.layer(
        base.transform_filter(~alt.datum.bold).mark_text(**text),
        base.transform_filter(alt.datum.bold).mark_text(fontWeight="bold", **text),
    )


def error_at_k_chart(run: Run, k: int) -> alt.LayerChart:
    """The run's error trajectory with a rule at iteration k: where in training a step is."""
    rule = (
        alt.Chart(pd.DataFrame({"iteration": [k], "label": [f"k = {k:,}"]}))
        .mark_rule(color="#e45756", strokeWidth=2)
        .encode(x="iteration:Q", tooltip=[alt.Tooltip("label:N", title="this step")])
    )
    line = error_chart([run])
    line.usermeta = alt.Undefined  # a top-level property: the layer carries it
    return alt.layer(line, rule).properties(usermeta=SVG)


def band_labels(run: Run) -> tuple[str, str, str]:
    """The band chart's three series: the spread, the median, the chosen seed. Short, so
    that the legend's one row, which starts at the plot's left edge, fits a phone's width
    (the page's caption says how many seeds)."""
    return "10–90% of seeds", "median", f"seed {run.settings.seed}"


def band_frames(run: Run, band: Band) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The band's 10-90% spread (iteration, low, high, series) and two lines in long form
    (iteration, error, series): the band's median and the chosen seed's run. Each line has at
    most MAX_POINTS rows; only values a log axis can show are kept."""
    spread_label, median_label, seed_label = band_labels(run)
    spread = pd.DataFrame(
        {"iteration": band.iterations, "low": band.low, "high": band.high, "series": spread_label}
    )
    spread = spread[loggable(spread["low"].to_numpy()) & loggable(spread["high"].to_numpy())]
    median = pd.DataFrame({"iteration": band.iterations, "error": band.median})
    median = median[loggable(median["error"].to_numpy())].assign(series=median_label)
    seed = trajectory_frame([run], [seed_label])
    return spread.reset_index(drop=True), pd.concat([median, seed], ignore_index=True)


def band_chart(run: Run, band: Band, fixed: bool = False, height: int = HEIGHT) -> alt.LayerChart:
    """The chosen seed's error over the band of an ensemble (median and 10-90% spread), on a
    log axis (`fixed`: held at axes.FIXED_ERROR): whether this seed's run is typical, lucky
    or stuck."""
    spread, lines = band_frames(run, band)
    last = max(len(run.error), int(band.iterations[-1]) + 1 if len(band.iterations) else 1) - 1
    order = list(band_labels(run))
    values = [*spread["low"], *spread["high"], *lines["error"]]
    domain = error_domain(values, fixed)
    legend = alt.Legend(orient="top", direction="horizontal", columns=3, labelLimit=140)
    colour = alt.Color(
        "series:N", title=None, sort=order, scale=alt.Scale(domain=order, range=BAND_COLOURS),
        legend=legend,
    )  # fmt: skip
    area = (
        alt.Chart(spread)
        .mark_area(opacity=0.3)
        .encode(
            x=iteration_axis(last),
            y=log_axis("low", domain=domain),
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
        .encode(
            x=iteration_axis(last),
            y=log_axis("error", domain=domain),
            color=colour,
            tooltip=tooltip,
        )
        for label, dash, width in ((order[1], [5, 3], 1.5), (order[2], [1, 0], 2.5))
    )
    return alt.layer(area, median, seed).properties(height=height, usermeta=SVG)
