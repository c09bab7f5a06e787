"""Backprop vs nnet on one chart: each method's objective during training, log-log.
No Streamlit."""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from tinynet.nnet import NnetFit
from tinynet.train import Run

from ..model.compare import BACKPROP, backprop_sse, objective_label
from ..model.sampling import log_line
from .axes import ERROR_FORMAT, HEIGHT, SVG, iteration_axis, log_axis

LEGEND_WIDTH = 160  # pixels a legend label may take: both fit a 390-wide phone's chart


def trajectory_frame(run: Run, fit: NnetFit) -> pd.DataFrame:
    """Long form (iteration, value, series): the plain net's sum of squared errors at its
    snapshots and nnet's objective after each BFGS iteration (0 = the starting weights).
    Each line is sampled by model.sampling's rules; only finite positive values stay."""
    backprop_at, backprop_value = backprop_sse(run)
    history = np.asarray(fit.history, dtype=float)
    parts = [
        log_line(backprop_at, backprop_value, f"{BACKPROP}: SSE", "value"),
        log_line(np.arange(len(history)), history, objective_label(fit), "value"),
    ]
    return pd.concat(parts, ignore_index=True)


def trajectory_chart(run: Run, fit: NnetFit, height: int = HEIGHT) -> alt.Chart:
    """Both trajectories on one chart, iterations and values on log scales, so nnet's few dozen
    iterations and backprop's 30,000 both read."""
    return trajectories_chart(trajectory_frame(run, fit), height)


def trajectories_chart(data: pd.DataFrame, height: int = HEIGHT) -> alt.Chart:
    """The chart of a trajectory_frame. The legend's short labels (SSE: the sum of squared
    errors) fit on one line above the plot, on a phone too."""
    last = int(max(data["iteration"].max(), 1)) if len(data) else 1
    order = list(dict.fromkeys(data["series"]))
    return (
        alt.Chart(data)
        .mark_line(point=alt.OverlayMarkDef(size=14))
        .encode(
            x=iteration_axis(last),
            y=log_axis("value", "objective (log scale)"),
            color=alt.Color(
                "series:N",
                title=None,
                sort=order,
                scale=alt.Scale(scheme="tableau10"),
                legend=alt.Legend(orient="top", labelLimit=LEGEND_WIDTH),
            ),
            tooltip=[
                alt.Tooltip("series:N", title="method"),
                alt.Tooltip("iteration:Q", title="iteration", format=",d"),
                alt.Tooltip("value:Q", title="value", format=ERROR_FORMAT),
            ],
        )
        .properties(
            height=height, usermeta=SVG, padding={"left": 4}
        )  # the y title sat 2 px outside
    )
