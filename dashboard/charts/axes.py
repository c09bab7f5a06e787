"""What every chart shares: its height, number formats and axes. No Streamlit.

The x axis of a trajectory is "symlog": log-like, yet iteration 0 (the seed's first printed
error) has a place. Every error axis is logarithmic, so only finite positive values may
reach it (model.sampling.loggable). Colours come from schemes that read on light and dark
backgrounds.
"""

from __future__ import annotations

import altair as alt

HEIGHT = 300
ERROR_FORMAT = ".6g"
ERROR_TITLE = "mean |error| (log scale)"


def iteration_axis(last: int) -> alt.X:
    """Iterations 0 to `last` on a symlog scale, ticks at 0 and the powers of ten."""
    ticks = [0] + [10**k for k in range(0, 7) if 10**k <= max(last, 1)]
    return alt.X(
        "iteration:Q",
        title="iteration (symlog scale)",
        scale=alt.Scale(type="symlog", domain=[0, max(last, 1)]),
        axis=alt.Axis(values=ticks, format=",d"),
    )


def log_axis(field: str, title: str = ERROR_TITLE) -> alt.Y:
    """A quantitative y axis on a log scale (`field` is the column: error, low, value)."""
    return alt.Y(f"{field}:Q", title=title, scale=alt.Scale(type="log"))


def series_scheme(count: int) -> str:
    """A categorical scheme with a distinct colour for each of `count` lines."""
    return "tableau10" if count <= 10 else "tableau20"
