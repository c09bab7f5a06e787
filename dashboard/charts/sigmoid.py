"""The sigmoid and its slope, with a run's four outputs placed on both. No Streamlit."""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from .axes import HEIGHT

CURVES = {  # name -> the curve's value for sigmoid outputs s
    "sigmoid(z)": lambda s: s,
    "slope: out × (1 − out)": lambda s: s * (1 - s),
}


def sigmoid_frames(prediction: np.ndarray) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The sigmoid and its slope on a grid (z, value, curve), and the four outputs placed on
    both curves (z, value, curve, row, output). prediction: (4,)."""
    p = np.clip(np.asarray(prediction, dtype=float), 1e-12, 1 - 1e-12)
    z = np.log(p / (1 - p))  # where on the curve each output sits
    reach = float(np.clip(np.nanmax(np.abs(z), initial=0) + 1, 6, 30))
    grid = np.linspace(-reach, reach, 241)
    s = 1 / (1 + np.exp(-grid))
    rows = [f"row {i + 1}" for i in range(len(p))]
    curves = pd.concat(
        [pd.DataFrame({"z": grid, "value": f(s), "curve": name}) for name, f in CURVES.items()],
        ignore_index=True,
    )
    marks = pd.concat(
        [
            pd.DataFrame({"z": z, "value": f(p), "curve": name, "row": rows, "output": p})
            for name, f in CURVES.items()
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
