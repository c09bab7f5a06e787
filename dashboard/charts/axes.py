"""What every chart shares: its height, number formats, axes and the alphas' colours.
No Streamlit.

The x axis of a trajectory is "symlog": log-like, yet iteration 0 (the tutorial's first
printed error) has a place; it labels 0, the powers of ten and the last iteration. Every
error axis is logarithmic, so only finite positive values may reach it
(model.sampling.loggable); it fits the data, or is held at FIXED_ERROR so that two settings
compare by eye. Each alpha of the ladder has one colour and one dash on every chart.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import altair as alt

from ..model.alphas import LADDER, mantissa

HEIGHT = 300
FIRST_SCREEN_HEIGHT = 260  # the error chart beside the prediction table, on the first screen
ERROR_FORMAT = ".6g"
ERROR_TITLE = "mean |error| (log scale)"
FIXED_ERROR = (1e-4, 1.0)  # the error axis held fixed
LAST_LABEL_RATIO = 8  # a power of ten this close to the last iteration gives way to its label
SVG = {"embedOptions": {"renderer": "svg"}}  # usermeta: drawn as SVG at any size of data


def iteration_ticks(last: int) -> list[int]:
    """0, the powers of ten well below `last`, and `last` itself (the last iteration)."""
    last = max(int(last), 1)
    powers = [10**k for k in range(0, 7) if 10**k * LAST_LABEL_RATIO <= last]
    return sorted({0, *powers, last})


def iteration_axis(last: int) -> alt.X:
    """Iterations 0 to `last` on a symlog scale, ticks at 0, the powers of ten and `last`."""
    return alt.X(
        "iteration:Q",
        title="iteration (symlog scale)",
        scale=alt.Scale(type="symlog", domain=[0, max(last, 1)]),
        axis=alt.Axis(values=iteration_ticks(last), format=",d", labelFlush=True,
                      labelOverlap=False),
    )  # fmt: skip


def error_domain(values: Sequence[float], fixed: bool = False) -> tuple[float, float]:
    """The log axis' ends: FIXED_ERROR, or the powers of ten around the finite positive
    `values` (1e-3 .. 1 for the tutorial's runs)."""
    if fixed:
        return FIXED_ERROR
    finite = [v for v in values if math.isfinite(v) and v > 0]
    if not finite:
        return FIXED_ERROR
    low = 10 ** math.floor(math.log10(min(finite)))
    high = 10 ** math.ceil(math.log10(max(finite)))
    return (low, high if high > low else low * 10)


def log_axis(
    field: str, title: str = ERROR_TITLE, domain: tuple[float, float] | None = None
) -> alt.Y:
    """A quantitative y axis on a log scale (`field` is the column: error, low, value);
    `domain`: its ends, values beyond them drawn at the edge."""
    if domain is None:
        return alt.Y(f"{field}:Q", title=title, scale=alt.Scale(type="log"))
    scale = alt.Scale(type="log", domain=list(domain), clamp=True, nice=False)
    # labelled at the powers of ten only, the ends' labels kept inside the plot
    axis = alt.Axis(values=decades(domain), format="~g", labelFlush=True)
    return alt.Y(f"{field}:Q", title=title, scale=scale, axis=axis)


def decades(domain: tuple[float, float]) -> list[float]:
    """The powers of ten from domain[0] to domain[1] (both powers of ten or not)."""
    low, high = (math.log10(v) for v in domain)
    return [float(f"1e{e}") for e in range(math.ceil(low - 1e-9), math.floor(high + 1e-9) + 1)]


def series_scheme(count: int) -> str:
    """A categorical scheme with a distinct colour for each of `count` lines."""
    return "tableau10" if count <= 10 else "tableau20"


# The tutorial's seven alphas (the decades) keep the colours they always had; the 2s and 5s
# between them take twelve others, and a dash (2: dashed, 5: dotted) tells them apart.
_DECADE_COLOURS = ["#4c78a8", "#f58518", "#e45756", "#72b7b2", "#54a24b", "#eeca3b", "#b279a2"]
_OTHER_COLOURS = ["#9d755d", "#ff9da6", "#79706e", "#1b9e77", "#d95f02", "#7570b3",
                  "#e7298a", "#66a61e", "#a6761d", "#17becf", "#8c564b", "#bcbd22"]  # fmt: skip
_DASHES = {1: [1, 0], 2: [6, 3], 5: [2, 2]}


def _ladder_styles() -> dict[str, tuple[str, list[int]]]:
    decades, others = iter(_DECADE_COLOURS), iter(_OTHER_COLOURS)
    styles = {}
    for label in LADDER:
        rung = mantissa(float(label))
        styles[label] = (next(decades) if rung == 1 else next(others), _DASHES[rung])
    return styles


ALPHA_STYLES = _ladder_styles()  # alpha as a link writes it ("0.001") -> (colour, dash)


def alpha_colour(labels: Sequence[str]) -> alt.Scale:
    """The colour scale of a chart whose series are these alphas: each its fixed colour."""
    return alt.Scale(domain=list(labels), range=[ALPHA_STYLES[a][0] for a in labels])


def alpha_dash(labels: Sequence[str]) -> alt.Scale:
    """The dash scale of a chart whose series are these alphas: each its fixed dash."""
    return alt.Scale(domain=list(labels), range=[ALPHA_STYLES[a][1] for a in labels])
