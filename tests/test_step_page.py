"""The step-by-step page through AppTest: it runs and reacts to its controls, its numbers at k = 0
are a hand-worked first iteration of the seed's Example 2, the four per-row outer products add
up to the update shown, "predict, then reveal" hides results until opened, and bad links or a
diverged run fall back with a notice."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from apptest_helpers import charts, layers, notices, open_page, open_tab, table_with

import tinynet
from dashboard.ui import cache
from tinynet import INPUTS, initial_weights, preset

pytestmark = pytest.mark.slow  # every test here drives the page through AppTest

PAGE = "step_by_step"
TABS = "tabs_step_by_step"
FORWARD, BACKWARD, UPDATE = "1 · Forward pass", "2 · Error and deltas", "3 · Weight updates"
ROWS, WEIGHTS, SURFACE = "4 · Row by row", "5 · Weights before → after", "6 · Decision surface"
EXACT = {"rtol": 1e-14, "atol": 0.0}


def by_index_name(at, name: str) -> pd.DataFrame:
    """The rendered table whose row labels carry this seed name (e.g. "layer_1_delta")."""
    for frame in at.dataframe:
        if frame.value.index.name == name:
            return frame.value
    raise AssertionError(f"no table named {name!r}")


def sigmoid(x: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-x))


def seed_first_iteration() -> dict[str, np.ndarray]:
    """The seed's Example 2 loop body, once, by hand, from the seed's starting weights."""
    synapse_0, synapse_1 = initial_weights(preset(2))
    X = INPUTS
    y = np.array([[0], [1], [1], [0]], dtype=float)
    layer_1 = sigmoid(np.dot(X, synapse_0))
    layer_2 = sigmoid(np.dot(layer_1, synapse_1))
    layer_2_error = y - layer_2
    layer_2_delta = layer_2_error * (layer_2 * (1 - layer_2))
    layer_1_error = layer_2_delta.dot(synapse_1.T)
    layer_1_delta = layer_1_error * (layer_1 * (1 - layer_1))
    return {
        "synapse_0": synapse_0,
        "synapse_1": synapse_1,
        "layer_1": layer_1,
        "layer_2": layer_2,
        "layer_2_error": layer_2_error,
        "layer_2_delta": layer_2_delta,
        "layer_1_error": layer_1_error,
        "layer_1_delta": layer_1_delta,
        "update_1": layer_1.T.dot(layer_2_delta),
        "update_0": X.T.dot(layer_1_delta),
        "synapse_1_after": synapse_1 + layer_1.T.dot(layer_2_delta),
        "synapse_0_after": synapse_0 + X.T.dot(layer_1_delta),
    }


@pytest.fixture(scope="module")
def default_page():
    return open_page(PAGE)


def test_page_runs_at_defaults(default_page):
    at = default_page
    assert not at.exception, at.exception
    assert not at.warning
    assert at.radio(key="example").value == 2
    assert at.number_input(key="k").value == 0
    assert at.checkbox(key="reveal").value is False
    assert len(at.tabs) == 7  # the six parts of the iteration, and "Try this"
    assert "layer_1 = nonlin(np.dot(X, synapse_0))" in [c.value for c in at.code]
    assert "layer_2_error = y - layer_2" not in [c.value for c in at.code]  # a closed tab
    open_tab(at, TABS, SURFACE)
    found = charts(at)
    surface = [s for s, _ in found if any(u.get("mark", {}).get("type") == "rect" and
               u.get("encoding", {}).get("color", {}).get("field") == "output" for u in layers(s))]  # fmt: skip
    assert len(surface) == 1


def test_k_0_is_the_seeds_first_iteration_by_hand(default_page):
    at = open_tab(default_page, TABS, FORWARD)
    hand = seed_first_iteration()
    np.testing.assert_allclose(
        by_index_name(at, "synapse_0").to_numpy(), hand["synapse_0"], **EXACT
    )
    np.testing.assert_allclose(by_index_name(at, "layer_1").to_numpy(), hand["layer_1"], **EXACT)
    np.testing.assert_allclose(
        table_with(at, "np.dot(layer_1, synapse_1)", "layer_2")["layer_2"].to_numpy(),
        hand["layer_2"][:, 0],
        **EXACT,
    )
    open_tab(at, TABS, BACKWARD)
    columns = {
        "layer_2_error": table_with(at, "layer_2_error")["layer_2_error"],
        "layer_2_delta": table_with(at, "layer_2_delta")["layer_2_delta"],
    }
    for name, shown in columns.items():
        np.testing.assert_allclose(shown.to_numpy(), hand[name][:, 0], **EXACT, err_msg=name)
    for name in ("layer_1_error", "layer_1_delta"):
        np.testing.assert_allclose(by_index_name(at, name).to_numpy(), hand[name], **EXACT)
    open_tab(at, TABS, UPDATE)
    np.testing.assert_allclose(
        by_index_name(at, "added to synapse_0").to_numpy(), hand["update_0"], **EXACT
    )
    np.testing.assert_allclose(
        by_index_name(at, "added to synapse_1").to_numpy(), hand["update_1"], **EXACT
    )
    open_tab(at, TABS, WEIGHTS)
    weights = [f.value for f in at.dataframe if "+= update" in f.value.columns]
    assert len(weights) == 2
    np.testing.assert_allclose(weights[0]["after"], hand["synapse_0_after"].ravel(), **EXACT)
    np.testing.assert_allclose(weights[1]["after"], hand["synapse_1_after"].ravel(), **EXACT)
    # and the weights after are those the engine starts iteration 1 from, bit for bit
    run = tinynet.train(preset(2))
    np.testing.assert_array_equal(weights[0]["after"], tinynet.weights_at(run, 1)[0].ravel())


def test_the_four_rows_sum_to_the_update_shown(default_page):
    update = by_index_name(open_tab(default_page, TABS, UPDATE), "added to synapse_0")
    at = open_tab(default_page, TABS, ROWS)
    rows = table_with(at, "training row", "input", "unit 1")
    assert rows["training row"].nunique() == 4
    summed = rows.groupby("input", sort=True)[[f"unit {j}" for j in range(1, 5)]].sum()
    np.testing.assert_allclose(summed.to_numpy(), update.to_numpy(), rtol=1e-13, atol=1e-17)
    # row 1 is (0, 0, 1): it pushes only the weights leaving x3
    first = rows[rows["training row"] == rows["training row"].iloc[0]]
    assert (first.iloc[:2, 2:].to_numpy() == 0).all()
    per_row_1 = table_with(at, "row 1", "row 4", "sum")
    np.testing.assert_allclose(
        per_row_1[["row 1", "row 2", "row 3", "row 4"]].sum(axis=1), per_row_1["sum"], rtol=1e-13
    )


@pytest.mark.parametrize(
    ("change", "tab", "check"),
    [
        (lambda at: at.radio(key="example").set_value(1), BACKWARD, "l1_delta = layer_1_error * nonlin(layer_1, True)"),
        (lambda at: at.radio(key="example").set_value(3), UPDATE, "synapse_0 -= alpha * (X.T.dot(layer_1_delta))"),
        (lambda at: at.radio(key="activation").set_value("tanh"), FORWARD, "layer_1 = np.tanh(np.dot(X, synapse_0))"),
        (lambda at: at.radio(key="activation").set_value("relu"), BACKWARD, "layer_1_delta = layer_1_error * (layer_1 > 0)"),
        (lambda at: at.number_input(key="k").set_value(29_999), BACKWARD, "layer_2_error = y - layer_2"),
        (lambda at: at.select_slider(key="alpha").set_value(0.5), UPDATE, "synapse_0 += alpha * X.T.dot(layer_1_delta)"),
    ],
    ids=["example 1", "example 3", "tanh", "relu", "last k", "alpha"],
)  # fmt: skip
def test_page_reacts_to_its_controls(change, tab, check):
    at = open_page(PAGE)
    change(at).run()
    assert not at.exception, at.exception
    open_tab(at, TABS, tab)
    assert check in [c.value for c in at.code]
    open_tab(at, TABS, SURFACE)
    assert charts(at)


def test_k_moves_the_numbers():
    at = open_page(PAGE, {"k": "1"})
    assert at.number_input(key="k").value == 1
    run = tinynet.train(preset(2))
    shown = by_index_name(at, "synapse_0").to_numpy()
    np.testing.assert_array_equal(shown, tinynet.weights_at(run, 1)[0])


def test_where_this_step_is_marks_k_on_the_error_curve():
    at = open_page(PAGE, {"k": "100", "iterations": "1000"})
    assert not charts(at)  # built only when opened
    at.session_state["step_where"] = True
    at.run()
    assert not at.exception
    ((spec, datasets),) = charts(at)
    line, rule = spec["layer"]
    assert rule["mark"]["type"] == "rule" and "usermeta" not in line
    assert datasets[rule["data"]["name"]]["iteration"].tolist() == [100]
    assert spec["usermeta"] == {"embedOptions": {"renderer": "svg"}}


def test_switching_example_starts_from_its_seed_settings():
    at = open_page(PAGE)
    at.slider(key="hidden").set_value(8).run()
    at.radio(key="example").set_value(3).run()
    assert not at.exception
    assert at.slider(key="hidden").value == 32
    assert at.select_slider(key="alpha").value == 10.0
    assert not at.multiselect  # one run here: no sweep of alphas


def test_reveal_hides_results_until_opened():
    at = open_page(PAGE, {"reveal": "true"})
    assert not at.exception
    assert at.checkbox(key="reveal").value is True
    names = {f.value.index.name for f in at.dataframe}
    assert "synapse_0" in names  # what a stage starts from stays visible
    assert not {"layer_1", "layer_1_delta", "added to synapse_0"} & names
    open_tab(at, TABS, WEIGHTS)
    assert not [f for f in at.dataframe if "+= update" in f.value.columns]
    open_tab(at, TABS, FORWARD)
    at.session_state["open_hidden_delta_2_0"] = True
    open_tab(at, TABS, BACKWARD)
    names = {f.value.index.name for f in at.dataframe}
    assert "layer_1_delta" in names and "layer_1" not in names  # only the opened one


def test_garbage_link_falls_back_with_a_notice():
    at = open_page(PAGE, {"k": "abc", "example": "9"})
    assert not at.exception, at.exception
    notice = notices(at)
    assert "k=abc" in notice and "example=9" in notice
    assert at.radio(key="example").value == 2
    assert at.number_input(key="k").value == 0


def test_k_beyond_a_diverged_run_is_clamped(monkeypatch):
    # No control reaches a diverging alpha (the ladder stops at 1000), so the cached call
    # returns a relu run with alpha 1e200, which blows up at its update 1.
    monkeypatch.setattr(
        cache, "train", lambda s: tinynet.train(s.but(activation="relu", alpha=1e200))
    )
    at = open_page(PAGE, {"k": "50"})
    assert not at.exception, at.exception
    notice = notices(at)
    assert "diverged at iteration 1" in notice and "showing iteration 1" in notice
