"""The decision surface of a run, for its final weights or a snapshot's. No Streamlit.

Builds on dashboard.surface_chart (the chart) and tinynet.decision_surface (the numbers):
the four training rows are drawn with the network's output for the same weights.
"""

from __future__ import annotations

import altair as alt
import numpy as np

from tinynet import decision_surface, forward, get_activation, inputs, weights_at
from tinynet.train import Run

from .surface_chart import surface_chart as _surface_chart
from .surface_chart import training_points


def snapshot_choices(run: Run) -> list[int]:
    """The iterations whose weights the run kept (0: the start, last: the final weights)."""
    return [int(k) for k in run.snapshots.iterations]


def surface_for(run: Run, synapse_0: np.ndarray, synapse_1: np.ndarray | None) -> alt.LayerChart:
    """The surface for these weights, with the four rows and the outputs for the same weights."""
    s = run.settings
    with np.errstate(all="ignore"):
        _, output = forward(inputs(s.bias), synapse_0, synapse_1, get_activation(s.activation))
    points = training_points(s.target, output, s.bias)
    return _surface_chart(decision_surface(s, synapse_0, synapse_1), points)


def final_surface(run: Run) -> alt.LayerChart:
    """The surface for the weights after training (the page's synapse tables)."""
    return surface_for(run, run.synapse_0, run.synapse_1)


def snapshot_surface(run: Run, k: int) -> alt.LayerChart:
    """The surface for the weights after k updates (exact: replayed from the snapshots)."""
    return surface_for(run, *weights_at(run, k))
