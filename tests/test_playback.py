"""Watch it learn: the frames (dashboard.model.frames) hold to the run they replay, their JSON
is strict, and the player's page (dashboard.ui.playback) embeds them, cached by the run's
settings. tests/e2e/test_playback_browser.py plays it in Chromium."""

from __future__ import annotations

import json
import re

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

import dashboard.ui.playback as playback
from dashboard.model.frames import (
    CURVE_POINTS,
    FRAMES,
    RESOLUTION,
    as_json,
    frame_iterations,
    frames,
)
from tinynet import forward, get_activation, initial_weights, inputs, preset, train, train_many
from tinynet.train import single_network_dot

TUTORIAL_ERROR_0 = 0.4964100319027255  # Example 2's first printed error (the tutorial's Python)
# (example, init, engine): both flavours, both loops; shortened runs keep the test quick
CASES = [(e, i, g) for e in (1, 2, 3) for i in ("numpy", "r") for g in ("numba", "numpy")]


@pytest.fixture(scope="module")
def example_2():
    run = train(preset(2))
    return run, frames(run)


def short_run(example: int, init: str, engine: str):
    settings = preset(example).but(init=init, iterations=3_000)
    return train_many([settings], engine=engine)[0]


def test_frames_have_the_documented_shapes(example_2):
    run, f = example_2
    k = len(f.iterations)
    assert 40 <= k <= FRAMES
    assert f.iterations[0] == 0 and f.iterations[-1] == len(run.error) - 1 == 29_999
    assert (np.diff(f.iterations) > 0).all()
    assert set(f.iterations[:-1]) <= set(run.snapshots.iterations)  # snapshots, then the last pass
    assert f.error.shape == (k,) and f.outputs.shape == (k, 4)
    assert f.hidden.shape == (k, 4, 4)
    assert f.surface.shape == (k, RESOLUTION, RESOLUTION)
    assert len(f.curve_iterations) <= CURVE_POINTS
    assert set(f.iterations) <= set(f.curve_iterations)  # the marker sits on the line
    np.testing.assert_array_equal(f.curve_error, run.error[f.curve_iterations])
    assert f.target == (0.0, 1.0, 1.0, 0.0) and f.bias and f.tolerance == 0.05


def test_frame_iterations_are_log_spaced_and_keep_both_ends():
    snaps = np.array([0, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987, 1000])
    at = frame_iterations(snaps, 999, count=6)
    assert at[0] == 0 and at[-1] == 999 and len(at) <= 6
    assert set(at[:-1]) <= set(snaps)
    # wanted: e^(k ln(1000) / 5) - 1 = 0, 3.0, 14.8, 62.2, 250, 999; the nearest on a log axis
    np.testing.assert_array_equal(at, [0, 3, 13, 55, 233, 999])
    np.testing.assert_array_equal(frame_iterations(snaps, 999, count=100), [*snaps[:-1], 999])
    with pytest.raises(ValueError, match="at least 2 frames"):
        frame_iterations(snaps, 999, count=1)


def test_first_frame_is_the_starting_weights_forward_pass(example_2):
    run, f = example_2
    settings = run.settings
    synapse_0, synapse_1 = initial_weights(settings)
    dot = single_network_dot(settings.init == "r")
    layer_1, layer_2 = forward(
        inputs(), synapse_0, synapse_1, get_activation(settings.activation), dot
    )
    np.testing.assert_allclose(f.outputs[0], layer_2[:, 0], rtol=1e-15)
    np.testing.assert_allclose(f.hidden[0], layer_1, rtol=1e-15)
    assert f.error[0] == pytest.approx(TUTORIAL_ERROR_0, rel=1e-12)


def test_last_frame_is_the_runs_last_forward_pass(example_2):
    """Not the weights after the final update (which no forward pass used): the outputs the
    tutorial prints after training and the page's prediction table shows."""
    run, f = example_2
    np.testing.assert_array_equal(f.outputs[-1], run.prediction)
    np.testing.assert_array_equal(f.hidden[-1], run.hidden_layer)
    assert f.error[-1] == run.final_error


@pytest.mark.parametrize(("example", "init", "engine"), CASES)
def test_every_frame_is_what_training_computed(example, init, engine):
    run = short_run(example, init, engine)
    f = frames(run)
    assert run.engine == engine
    np.testing.assert_array_equal(f.error, run.error[f.iterations])
    recomputed = np.abs(np.array(run.settings.target) - f.outputs).mean(axis=1)
    np.testing.assert_allclose(recomputed, f.error, rtol=0, atol=1e-12)
    np.testing.assert_array_equal(f.outputs[-1], run.prediction)
    assert (f.hidden is None) == (example == 1)


@pytest.mark.parametrize("engine", ["numba", "numpy"])
def test_a_sweep_member_replays_exactly(engine):
    """Example 3's page plays its detailed run: one member of a population trained together
    (stacked matrix products), replayed here as one network."""
    settings = preset(3).but(iterations=3_000)
    for run in train_many([settings.but(alpha=a) for a in (0.1, 10.0)], engine=engine):
        f = frames(run)
        np.testing.assert_array_equal(f.outputs[-1], run.prediction)
        np.testing.assert_array_equal(f.hidden[-1], run.hidden_layer)
        recomputed = np.abs(np.array(settings.target) - f.outputs).mean(axis=1)
        np.testing.assert_allclose(recomputed, run.error[f.iterations], rtol=0, atol=1e-12)


@pytest.mark.parametrize(("example", "init", "engine"), CASES[::3])
def test_surface_corners_are_the_frames_outputs(example, init, engine):
    f = frames(short_run(example, init, engine))
    # surface[f, i, j] is at x1 = grid[j], x2 = grid[i]; rows are (0,0), (0,1), (1,0), (1,1)
    corners = f.surface[:, [0, -1, 0, -1], [0, 0, -1, -1]]
    np.testing.assert_allclose(corners, f.outputs, rtol=0, atol=1e-12)
    np.testing.assert_array_equal(f.grid, np.linspace(0, 1, RESOLUTION))


def test_without_the_bias_column_the_surface_has_no_x3():
    run = train(preset(2).but(bias=False, iterations=2_000))
    f = frames(run)
    np.testing.assert_allclose(f.surface[:, [0, -1, 0, -1], [0, 0, -1, -1]], f.outputs, atol=1e-12)
    assert json.loads(as_json(f))["inputs"] == [[0, 0], [0, 1], [1, 0], [1, 1]]


def strict_loads(text: str):
    def refuse(constant):
        raise AssertionError(f"non-strict JSON constant {constant}")

    return json.loads(text, parse_constant=refuse)


def test_a_diverged_run_gives_strict_json_with_nulls():
    run = train(preset(2).but(activation="relu", alpha=1e200))
    assert run.diverged_at is not None
    f = frames(run)
    np.testing.assert_array_equal(f.outputs[-1], run.prediction)  # NaN where training had NaN
    assert not np.isfinite(f.outputs).all()
    data = strict_loads(as_json(f))
    assert data["iterations"] == [0, 1] == [0, run.diverged_at]
    assert data["outputs"][-1] == [0.5, 0.0, 1.0, None]  # XOR's target: 0, 1, 1, 0
    assert data["wrong"][-1] == [0, 1, 3]  # a missing output is wrong
    assert all(e is None or e > 0 for e in data["curve"]["error"])  # a log axis gets > 0 or nothing


def test_json_carries_every_digit_of_outputs_and_rounds_the_pictures(example_2):
    run, f = example_2
    data = strict_loads(as_json(f))
    assert data["outputs"] == f.outputs.tolist() and data["error"] == f.error.tolist()
    assert data["wrong"][0] == [0, 1, 2, 3]  # XOR: every row wrong at the start ...
    assert data["wrong"][-1] == []  # ... and none at the end
    np.testing.assert_allclose(data["surface"], f.surface, atol=0.005 + 1e-12)
    np.testing.assert_allclose(data["hidden"], f.hidden, rtol=0.005)  # 3 significant digits
    assert data["hidden_top"] == 1.0 and data["tolerance"] == 0.05
    assert data["target"] == [0.0, 1.0, 1.0, 0.0] and len(data["inputs"][0]) == 3


def test_example_3_json_stays_small():
    text = as_json(frames(train(preset(3))))
    assert len(text) < 250_000  # 55 frames of 32 hidden units and a 21 x 21 surface


def test_the_page_embeds_the_frames_and_fetches_nothing(example_2):
    _, f = example_2
    text = as_json(f)
    html = playback.page_html(text, "dark")
    found = re.search(r'<script type="application/json" id="frames">(.*?)</script>', html, re.S)
    assert strict_loads(found.group(1)) == strict_loads(text)
    assert 'data-theme="dark"' in html and "__" not in html.replace("__proto__", "")
    # the only URL is the SVG namespace, an identifier the browser never fetches
    assert set(re.findall(r"https?://[^\s\"'`)]+", html)) == {"http://www.w3.org/2000/svg"}
    for fetching in ("@import", "url(", "fetch(", "XMLHttpRequest", "WebSocket", " src="):
        assert fetching not in html
    assert 'data-theme=""' in playback.page_html(text, "<b>")  # only light or dark get in


def test_nothing_in_the_json_can_close_its_script_element():
    html = playback.page_html('{"x": "</script><script>alert(1)</script>"}', None)
    assert html.count("</script>") == 2  # the JSON's and the player's own
    assert "\\u003c/script\\u003e" in html


def test_the_player_is_cached_by_the_runs_settings(monkeypatch):
    """tests/playback_app.py trains a new Run on every rerun: the frames are computed once per
    settings all the same (the cache hashes the settings, never the arrays)."""
    computed = []

    def counting(run, count):
        computed.append(run.settings)
        return frames(run, count)

    monkeypatch.setattr(playback, "frames", counting)
    playback.frames_json.clear()
    at = AppTest.from_file("playback_app.py", default_timeout=60)
    at.query_params["example"] = "1"
    at.run()
    at.run()
    assert computed == [preset(1)]
    (element,) = at.get("iframe")
    srcdoc = element.proto.srcdoc
    embedded = re.search(r'id="frames">(.*?)</script>', srcdoc, re.S).group(1)
    assert strict_loads(embedded) == strict_loads(as_json(frames(train(preset(1)))))
    at.query_params["example"] = "2"
    at.run()
    assert computed == [preset(1), preset(2)]
    assert not at.exception
