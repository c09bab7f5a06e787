"""The decision surface as an Altair chart: for a run's final weights, a snapshot's, or the
weights a step starts from. No Streamlit.

The network's output over (x1, x2) in [0, 1]^2, x3 held at 1, drawn as a heatmap of small
cells; the four training rows sit on it at the corners. A point's fill is its *target* on the
same colour scale as the surface, so a row the network gets right disappears into its
corner's colour and a row it gets wrong stands out. Viridis runs from dark to light without
passing through white or black, so it reads on Streamlit's light and dark themes alike.
"""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from tinynet import Surface, decision_surface

from ..model.step import SeedIteration
from ..model.surface import training_points
from .axes import HEIGHT

SCHEME = "viridis"
OUTPUT_FORMAT = ".4f"
LEGEND = "output (point: target)"  # one legend: the points share the surface's scale


def surface_frame(surface: Surface) -> pd.DataFrame:
    """One row per grid cell: x1, x2, output (r * r rows; 41 x 41 = 1,681 by default).

    surface.output[i, j] is at x1 = x1[j], x2 = x2[i]. Cells whose output is not finite
    (an overflowing relu network) are left out: the chart shows a hole there, not a colour.
    """
    x1, x2 = np.meshgrid(surface.x1, surface.x2)  # both (r, r), indexed like output
    frame = pd.DataFrame(
        {"x1": x1.ravel(), "x2": x2.ravel(), "output": np.asarray(surface.output).ravel()}
    )
    return frame[np.isfinite(frame["output"].to_numpy())].reset_index(drop=True)


def _half_step(values: np.ndarray) -> float:
    return float(values[1] - values[0]) / 2 if len(values) > 1 else 0.5


def surface_chart(surface: Surface, points: pd.DataFrame) -> alt.LayerChart:
    """The output over the input square as a heatmap, with the training rows drawn on it.

    surface, points: from model.surface.surface_parts (or tinynet.decision_surface and
    model.surface's training_points, run_points, points_for).
    """
    data = surface_frame(surface)
    half_x1, half_x2 = _half_step(surface.x1), _half_step(surface.x2)
    colour_scale = alt.Scale(scheme=SCHEME, domain=[0, 1])
    x_scale = alt.Scale(domain=[-half_x1, 1 + half_x1], nice=False, zero=False)
    y_scale = alt.Scale(domain=[-half_x2, 1 + half_x2], nice=False, zero=False)
    no_grid = alt.Axis(grid=False, values=[0, 0.5, 1], format="~g")
    # Each cell spans half a grid step either side of its point; computed in the browser so
    # the data sent stays three columns.
    cells = (
        alt.Chart(data)
        .transform_calculate(
            x1_low=f"datum.x1 - {half_x1}",
            x1_high=f"datum.x1 + {half_x1}",
            x2_low=f"datum.x2 - {half_x2}",
            x2_high=f"datum.x2 + {half_x2}",
        )
        .mark_rect(strokeWidth=0.6)
        .encode(
            x=alt.X("x1_low:Q", title="x1 (first input column)", scale=x_scale, axis=no_grid),
            x2="x1_high:Q",
            y=alt.Y("x2_low:Q", title="x2 (second input column)", scale=y_scale, axis=no_grid),
            y2="x2_high:Q",
            color=alt.Color(
                "output:Q", title=LEGEND, scale=colour_scale, legend=alt.Legend(gradientLength=120)
            ),
            # an outline in the cell's own colour hides the anti-aliasing seams between cells
            stroke=alt.Stroke("output:Q", scale=colour_scale, legend=None),
            tooltip=[
                alt.Tooltip("x1:Q", format=".3f"),
                alt.Tooltip("x2:Q", format=".3f"),
                alt.Tooltip("output:Q", format=OUTPUT_FORMAT),
            ],
        )
    )
    marks = (
        alt.Chart(points)
        .mark_point(size=260, filled=True, stroke="white", strokeWidth=2, opacity=1)
        .encode(
            x=alt.X("x1:Q", scale=x_scale),
            y=alt.Y("x2:Q", scale=y_scale),
            color=alt.Color(
                "target:Q", title=LEGEND, scale=colour_scale, legend=alt.Legend(gradientLength=120)
            ),
            shape=alt.Shape("label:N", title="training row"),
            tooltip=[
                alt.Tooltip("row:N"),
                alt.Tooltip("x1:Q", format="g"),
                alt.Tooltip("x2:Q", format="g"),
                alt.Tooltip("target:Q", format="g"),
                alt.Tooltip("prediction:Q", format=OUTPUT_FORMAT),
            ],
        )
    )
    return alt.layer(cells, marks).properties(width=HEIGHT + 60, height=HEIGHT)


def surface_at(it: SeedIteration) -> alt.LayerChart:
    """The surface for the weights iteration k starts from, with that forward pass's outputs."""
    surface = decision_surface(it.settings, it.synapse_0, it.synapse_1)
    return surface_chart(surface, training_points(it.settings.target, it.layer_2, it.settings.bias))
