"""The decision-surface chart, without Streamlit: its data at the four corners is the network's
prediction for the same weights, its colour scale is sequential on [0, 1], and it stays small."""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd
import pytest

from dashboard.charts.surface import surface_chart, surface_frame
from dashboard.model.surface import run_points, training_points
from tinynet import decision_surface, preset, train, weights_at

CORNERS = [(0.0, 0.0), (0.0, 1.0), (1.0, 0.0), (1.0, 1.0)]  # the four rows of X, in order


@pytest.fixture(
    scope="module",
    params=[
        preset(1),
        preset(2),
        preset(3).but(iterations=2_000),
        preset(2).but(activation="tanh", iterations=3_000),
        preset(2).but(init="r", seed=3, iterations=2_000),
    ],
    ids=["ex1", "ex2", "ex3", "tanh", "r"],
)
def run(request):
    return train(request.param)


def layer_data(chart: alt.LayerChart) -> list[pd.DataFrame]:
    """The inline data of each layer, as the browser receives it."""
    spec = chart.to_dict()
    return [pd.DataFrame(spec["datasets"][layer["data"]["name"]]) for layer in spec["layer"]]


def test_surface_at_the_corners_equals_the_last_forward_pass(run):
    last = len(run.error) - 1
    surface = decision_surface(run.settings, *weights_at(run, last))
    cells, points = layer_data(surface_chart(surface, run_points(run)))
    for (x1, x2), prediction in zip(CORNERS, run.prediction, strict=True):
        at = cells[(cells["x1"] == x1) & (cells["x2"] == x2)]
        assert len(at) == 1
        assert at["output"].iloc[0] == pytest.approx(prediction, rel=1e-12, abs=1e-15)
    assert points["prediction"].tolist() == run.prediction.tolist()
    assert points["target"].tolist() == list(run.settings.target)


def test_points_frame_from_a_run():
    run = train(preset(2))
    points = run_points(run)
    assert list(points.columns[:5]) == ["row", "x1", "x2", "target", "prediction"]
    assert points[["x1", "x2"]].to_numpy().tolist() == [list(c) for c in CORNERS]
    assert points["target"].tolist() == [0.0, 1.0, 1.0, 0.0]


def test_training_points_takes_a_column_of_predictions():
    points = training_points((0, 1, 1, 0.5), np.array([[0.1], [0.9], [0.8], [0.4]]))
    assert points["prediction"].tolist() == [0.1, 0.9, 0.8, 0.4]
    assert points["label"].tolist() == ["target 0", "target 1", "target 1", "target 0.5"]


def test_frame_layout_matches_the_surface():
    run = train(preset(2).but(iterations=200))
    surface = decision_surface(run.settings, run.synapse_0, run.synapse_1, resolution=5)
    frame = surface_frame(surface)
    assert len(frame) == 25
    # output[i, j] is at x1 = x1[j], x2 = x2[i]
    row = frame[(frame["x1"] == surface.x1[3]) & (frame["x2"] == surface.x2[1])]
    assert row["output"].iloc[0] == surface.output[1, 3]


def test_non_finite_cells_are_left_out():
    surface = decision_surface(preset(2), *weights_at(train(preset(2).but(iterations=100)), 0))
    output = surface.output.copy()
    output[0, :3] = [np.nan, np.inf, -np.inf]
    frame = surface_frame(surface._replace(output=output))
    assert len(frame) == 41 * 41 - 3
    assert np.isfinite(frame["output"]).all()


def test_chart_spec_is_small_and_sequential_on_0_1():
    run = train(preset(2))
    surface = decision_surface(run.settings, run.synapse_0, run.synapse_1)
    chart = surface_chart(surface, run_points(run))
    spec = chart.to_dict()
    cells, points = spec["layer"]
    assert cells["mark"]["type"] == "rect"
    colour = cells["encoding"]["color"]
    assert colour["field"] == "output"
    assert colour["scale"] == {"scheme": "viridis", "domain": [0, 1]}
    # the points share the surface's colour scale: right rows blend in, wrong ones stand out
    assert points["encoding"]["color"]["scale"] == colour["scale"]
    assert points["encoding"]["shape"]["field"] == "label"
    tips = {t["field"] for t in points["encoding"]["tooltip"]}
    assert {"target", "prediction"} <= tips
    assert len(spec["datasets"][cells["data"]["name"]]) == 41 * 41
