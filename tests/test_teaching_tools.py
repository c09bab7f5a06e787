"""Issue 5, items 3-6 on the example pages: your own targets (a named one, or a custom table
that survives bad cells), the bias switch, the hidden-layer activation with divergence
reported, a band of seeds, the downloadable script, and the decision surface."""

from __future__ import annotations

import ast
import subprocess
import sys

import numpy as np
import pytest
import streamlit
from apptest_helpers import PAGES, charts, layers, notices, open_page, open_tab, table_with
from streamlit.testing.v1 import AppTest

import tinynet
from dashboard.charts.errors import band_chart, band_frames
from dashboard.model import ensembles
from dashboard.model.notes import bias_note, divergence_note
from dashboard.model.sampling import MAX_POINTS
from dashboard.model.targets import read_cells
from dashboard.tables.band import agreement_table, weight_spread_table
from dashboard.url.controls import MAX_ENSEMBLE, target_control
from dashboard.url.targets import read_link, seed_target_name, spec_text
from tinynet import TARGETS, preset

EXAMPLE = {"example_1": 1, "example_2": 2, "example_3": 3}
BAD_CELLS = ["", None, "NaN", float("nan"), "abc", "-1", "2", "1e308"]


def link(at: AppTest, key: str) -> str | None:
    """The URL's value for `key` (AppTest keeps a string, or the list a test put there)."""
    value = at.query_params.get(key)
    return value[-1] if isinstance(value, list) else value


def targets_shown(at: AppTest) -> list[float]:
    return table_with(at, "prediction", "target")["target"].tolist()


def predictions(at: AppTest) -> list[float]:
    return table_with(at, "prediction", "target")["prediction"].tolist()


def edit_target(at: AppTest, row: int, text: object) -> AppTest:
    """Type `text` into the custom table's target cell of `row` (0-based), then rerun."""
    (editor,) = at.data_editor
    at.session_state[editor.key] = {
        "edited_rows": {row: {"target": text}},
        "added_rows": [],
        "deleted_rows": [],
    }
    return at.run()


# --- the pure pieces ---------------------------------------------------------------------------


@pytest.mark.parametrize("cell", BAD_CELLS)
def test_every_bad_cell_gets_a_sentence_naming_its_row(cell):
    cells = ["0", cell, "1", "0"]
    values, problems = read_cells(cells)
    assert values is None
    assert len(problems) == 1 and problems[0].startswith("Row 2 (x1 = 0, x2 = 1)")


def test_good_cells_read_as_numbers():
    assert read_cells(["0", " 0.25", 1, 0.0]) == ((0.0, 0.25, 1.0, 0.0), [])
    assert read_cells(["0", "1"])[0] is None  # not four rows


def test_link_targets():
    assert read_link("xor") == ("xor", None)
    assert read_link("AND") == ("and", None)
    assert read_link("0,1,1,0.5") == ((0.0, 1.0, 1.0, 0.5), None)
    assert read_link("0,1,1,0") == ((0.0, 1.0, 1.0, 0.0), None)  # numbers: custom
    for bad in ("zzz", "custom", "0,1,1", "0,1,1,2", "0,1,x,0", "nan,0,0,0", "0,1,1,١",
                "0,1,1_0,0", "0, 1,1,0", "+0,1,1,0", "0,1,1,1e9"):  # fmt: skip
        assert read_link(bad).problem, bad
    for values in [(0.0, 1.0, 1.0, 0.5), (0.1, 1 / 3, 0.999, 1e-9)]:
        assert read_link(spec_text(values)).value == values  # read back exactly
    assert spec_text((0.0, 1.0, 1.0, 0.5)) == "0,1,1,0.5"
    assert spec_text((1e-9, 0, 0, 0)) == "0.000000001,0,0,0"  # never an exponent


def test_target_control_reads_the_link_with_its_reader():
    link = target_control(2).link
    assert link.read(["0,1,1,0.5"]) == ((0.0, 1.0, 1.0, 0.5), None)
    assert link.read(["nand"]) == ("nand", None)
    assert link.read(["zzz"]).value == "xor" and "nor four numbers" in link.read(["zzz"]).problem
    assert link.read(["xor", "and"]) == ("xor", "given more than once")
    assert link.write("xor") == [] and link.write("nand") == ["nand"]
    assert link.write((0.0, 1.0, 1.0, 0.5)) == ["0,1,1,0.5"]


def test_bias_note_says_why_the_seed_keeps_its_column():
    assert bias_note(preset(1)) is None
    note = bias_note(preset(1).but(bias=False))
    assert "0.5" in note and "whatever the target" in note
    assert "0.5" in bias_note(preset(2).but(bias=False, activation="relu"))


def test_a_single_layer_without_bias_is_stuck_at_one_half_for_zero_zero():
    for target in TARGETS.values():
        run = tinynet.train(preset(1).but(bias=False, target=target, iterations=500))
        assert run.prediction[0] == 0.5


# --- your own targets on the pages -------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("page_name", PAGES)
def test_new_controls_at_their_defaults(page_name):
    at = open_page(page_name)
    assert not at.exception and not at.warning
    example = EXAMPLE[page_name]
    assert at.selectbox(key="target").value == seed_target_name(example)
    assert at.radio(key="bias").value is True
    assert not at.data_editor and not link(at, "target")
    if example == 1:
        assert not [r for r in at.radio if r.key == "activation"]
    else:
        assert at.radio(key="activation").value == "sigmoid"
        assert at.slider(key="ensemble").value == 0


@pytest.mark.slow
@pytest.mark.parametrize("page_name", PAGES)
def test_a_named_target_trains_on_it_and_goes_into_the_link(page_name):
    at = open_page(page_name, {"iterations": "2000"})
    at.selectbox(key="target").set_value("nand").run()
    assert not at.exception
    assert targets_shown(at) == list(TARGETS["nand"])
    assert link(at, "target") == "nand"
    assert "nothing printed to compare" in " ".join(c.value for c in at.caption)


@pytest.mark.slow
def test_custom_target_table_trains_on_what_is_typed():
    at = open_page("example_2", {"iterations": "2000"})
    at.selectbox(key="target").set_value("custom").run()
    (editor,) = at.data_editor
    assert editor.value["target"].tolist() == ["0", "1", "1", "0"]  # starts from the seed's
    edit_target(at, 1, "0.5")
    assert not at.exception and not at.error
    assert targets_shown(at) == [0.0, 0.5, 1.0, 0.0]
    assert link(at, "target") == "0,0.5,1,0"


@pytest.mark.slow
@pytest.mark.parametrize("page_name", ["example_1", "example_2"])
def test_custom_target_fuzzing_keeps_the_last_valid_result(page_name):
    at = open_page(page_name, {"target": "0,1,1,0.5", "iterations": "2000"})
    assert not at.exception
    valid_targets, valid_predictions = targets_shown(at), predictions(at)
    assert valid_targets == [0.0, 1.0, 1.0, 0.5]
    for cell in BAD_CELLS:
        edit_target(at, 2, cell)
        assert not at.exception, cell
        message = " ".join(e.value for e in at.error)
        assert "Row 3 (x1 = 1, x2 = 0)" in message, cell
        assert "last valid target, 0,1,1,0.5" in message
        assert targets_shown(at) == valid_targets  # the results stay on the page
        assert predictions(at) == valid_predictions
        assert charts(at)
        assert link(at, "target") == "0,1,1,0.5"
    edit_target(at, 2, "0.75")  # and a good cell is taken again
    assert not at.error and targets_shown(at) == [0.0, 1.0, 0.75, 0.5]


@pytest.mark.slow
def test_target_and_bias_from_the_link():
    at = open_page("example_1", {"target": "0,1,1,0.5", "bias": "off"})
    assert not at.exception and not at.warning
    assert at.selectbox(key="target").value == "custom"
    assert at.data_editor[0].value["target"].tolist() == ["0", "1", "1", "0.5"]
    assert at.radio(key="bias").value is False
    table = table_with(at, "prediction", "target")
    assert "x3" not in table and table["target"].tolist() == [0.0, 1.0, 1.0, 0.5]
    assert table["prediction"][0] == 0.5  # the input (0, 0) is stuck at one half
    assert any("stuck at sigmoid(0) = 0.5" in i.value for i in at.info)
    at = open_page("example_2", {"target": "or"})
    assert at.selectbox(key="target").value == "or" and targets_shown(at) == list(TARGETS["or"])


@pytest.mark.slow
@pytest.mark.parametrize("page_name", PAGES)
def test_garbage_in_the_link_falls_back_with_notices(page_name):
    garbage = {"target": "zzz", "bias": "maybe", "activation": "foo", "ensemble": "-3"}
    at = open_page(page_name, garbage)
    assert not at.exception
    text = notices(at)
    for key in ("target=zzz", "bias=maybe"):
        assert key in text
    assert at.selectbox(key="target").value == seed_target_name(EXAMPLE[page_name])
    assert at.radio(key="bias").value is True
    if page_name != "example_1":
        assert "activation=foo" in text and "ensemble=-3" in text
        assert at.radio(key="activation").value == "sigmoid"
        assert at.slider(key="ensemble").value == 0
    assert set(table_with(at, "match")["match"]) == {"yes"}  # back at the tutorial's settings
    at.run()  # the link no longer holds the garbage: no notice the second time
    assert not at.warning and "target" not in at.query_params


@pytest.mark.slow
def test_bad_custom_numbers_in_the_link_fall_back():
    at = open_page("example_2", {"target": "0,1,2,0"})
    assert "target=0,1,2,0" in notices(at)
    assert at.selectbox(key="target").value == "xor" and not at.data_editor


# --- activation and divergence -----------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("page_name", ["example_2", "example_3"])
def test_activation_changes_the_run(page_name):
    at = open_page(page_name, {"iterations": "2000"})
    before = predictions(at)
    at.radio(key="activation").set_value("tanh").run()
    assert not at.exception
    assert predictions(at) != before
    assert at.radio(key="activation").value == "tanh"
    if page_name == "example_2":
        open_tab(at, "tabs_example_2", "Weights")
        assert any("in [-1, 1]" in c.value for c in at.caption)  # the hidden layer's range


def diverged_page():
    """A page section test: a relu run with an enormous alpha, shown with the page's builders."""
    import streamlit as st

    from dashboard.charts.errors import error_chart
    from dashboard.charts.heatmap import heatmap
    from dashboard.tables.sweep import sweep_table
    from dashboard.ui.display import chart
    from dashboard.ui.run import diverged_note, prediction_table
    from dashboard.ui.surfaces import decision_surfaces
    from tinynet import preset, train

    run = train(preset(2).but(activation="relu", alpha=1e200, iterations=3000))
    st.write(f"diverged_at={run.diverged_at}")
    diverged_note([run])
    chart(error_chart([run]))
    prediction_table(run)
    chart(heatmap(run.hidden_layer, "row", "unit", "activation", diverging=False))
    chart(heatmap(run.synapse_0, "input", "unit", "weight"))
    decision_surfaces(run)
    st.dataframe(sweep_table([run], False))


@pytest.mark.slow
def test_a_diverging_relu_run_is_reported_with_its_iteration():
    run = tinynet.train(preset(2).but(activation="relu", alpha=1e200, iterations=3000))
    assert run.diverged_at is not None
    note = divergence_note(run)
    assert f"iteration {run.diverged_at:,}" in note and "relu is unbounded" in note
    at = AppTest.from_function(diverged_page, default_timeout=60).run()
    assert not at.exception
    (info,) = at.info
    assert f"at iteration {run.diverged_at:,} a weight became infinite" in info.value
    spec, datasets = charts(at)[0]
    data = next(iter(datasets.values()))
    # the run up to there: its last forward pass may already be NaN, which a log axis drops
    assert len(run.error) == run.diverged_at + 1
    assert len(data) > 0 and data["iteration"].max() <= run.diverged_at
    assert table_with(at, "outcome")["outcome"].tolist() == ["diverged"]


@pytest.mark.slow
@pytest.mark.parametrize("init", ["numpy", "r"])
def test_example_3_sweep_marks_stuck_and_slow_alphas(init):
    at = open_page("example_3", {"init": init})
    sweep = table_with(at, "alpha", "outcome")
    outcomes = dict(zip(sweep["alpha"], sweep["outcome"], strict=True))
    assert outcomes[100.0] == outcomes[1000.0] == "stuck"  # error stays at 0.5
    assert outcomes[10.0] == outcomes[1.0] == outcomes[0.1] == "learned"
    # 0.001 ends at an error of 0.478 (Python) or 0.500 (R): not learned, yet still moving
    assert outcomes[0.001] == outcomes[0.01] == "still learning"
    for alpha, shown in outcomes.items():  # the page's label is the engine's
        run = tinynet.sweep(preset(3).but(init=init), [alpha])[0]
        assert shown == tinynet.outcome(run)
    captions = " ".join(c.value for c in at.caption)
    for label in ("*learned*", "*still learning*", "*stuck*", "*diverged*"):
        assert label in captions


# --- a band of seeds ---------------------------------------------------------------------------


def test_ensemble_summary_and_its_tables():
    settings = preset(2).but(iterations=2000)
    runs = tinynet.ensemble(settings, ensembles.ensemble_seeds(1, 5))
    band = ensembles.summarize(runs)
    assert band.seeds == (1, 2, 3, 4, 5) and band.size == 5
    sampled = band.band.iterations  # log-spaced, as the charts draw it
    assert sampled[0] == 0 and sampled[-1] == 1999 and len(sampled) <= MAX_POINTS
    assert band.prediction.shape == (5, 4)
    agree = agreement_table(runs[0], band)
    assert agree.columns.tolist()[:4] == ["x1", "x2", "x3", "target"]
    kept = band.prediction[band.learned()]
    assert np.allclose(agree["median"], np.median(kept, axis=0))
    assert (agree["min"] <= agree["median"]).all() and (agree["median"] <= agree["max"]).all()
    weights = weight_spread_table(runs[0], band)
    assert len(weights) == 4 and np.allclose(weights["this seed"], runs[0].synapse_1.ravel())
    assert "different weights, similar predictions" in ensembles.agreement_sentence(band)


def test_band_chart_is_log_scaled_and_bounded():
    settings = preset(2).but(iterations=30_000)
    runs = tinynet.ensemble(settings, [1, 2, 3])
    chart = band_chart(runs[0], ensembles.summarize(runs).band).to_dict()
    for unit in layers(chart):
        assert unit["encoding"]["y"]["scale"]["type"] == "log"
    spread, lines = band_frames(runs[0], ensembles.summarize(runs).band)
    assert len(spread) <= MAX_POINTS
    assert lines.groupby("series").size().max() <= MAX_POINTS
    assert (lines["error"] > 0).all() and (spread["low"] > 0).all()


@pytest.mark.slow
@pytest.mark.parametrize("page_name", ["example_2", "example_3"])
def test_a_band_of_seeds_on_the_page(page_name):
    at = open_page(page_name, {"ensemble": "8", "iterations": "5000"})
    open_tab(at, f"tabs_{page_name}", "Band of seeds")
    assert not at.exception and not at.warning and not at.error
    assert at.slider(key="ensemble").value == 8
    found = False
    for spec, datasets in charts(at):
        units = layers(spec)
        if not any(u.get("mark", {}).get("type") == "area" for u in units):
            continue
        found = True
        for unit in units:
            assert unit["encoding"]["y"]["scale"]["type"] == "log"
            data = datasets[unit["data"]["name"]]
            assert data.groupby("series").size().max() <= MAX_POINTS
        lines = [datasets[u["data"]["name"]] for u in units if u["mark"]["type"] == "line"][0]
        assert set(lines["series"]) == {"median", "seed 1"}
    assert found
    agree = table_with(at, "this seed", "median", "min", "max", "x1")
    assert np.allclose(
        agree["this seed"].round(4 if page_name == "example_3" else 3), predictions(at)
    )
    assert len(table_with(at, "unit", "this seed", "max − min")) == (
        32 if page_name == "example_3" else 4
    )
    at.slider(key="ensemble").set_value(0).run()  # and off again
    assert not [s for s, _ in charts(at) if "area" in str(s)]


@pytest.mark.slow
def test_too_big_a_band_is_refused_and_the_page_goes_on():
    at = open_page(
        "example_3", {"ensemble": str(MAX_ENSEMBLE), "hidden": "128", "iterations": "100000"}
    )
    open_tab(at, "tabs_example_3", "Band of seeds")
    assert not at.exception
    (refused,) = [e.value for e in at.error if "No band of seeds" in e.value]
    assert "a band of at most" in refused and "seeds" in refused  # what fits, in seeds
    assert table_with(at, "prediction", "verdict") is not None  # the page goes on
    assert any(
        "series" in str(u["encoding"].get("color", {})) for s, _ in charts(at) for u in layers(s)
    )  # fmt: skip  (the sweep's chart)


# --- the decision surface ----------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("page_name", ["example_2", "example_3"])
def test_decision_surfaces_final_and_at_a_snapshot(page_name):
    at = open_page(page_name, {"iterations": "2000"})
    open_tab(at, f"tabs_{page_name}", "Decision surface")

    def surfaces():
        return [
            d
            for s, ds in charts(at)
            for u in layers(s)
            if "output" in str(u["encoding"].get("color", {}).get("field"))
            for d in [ds[u["data"]["name"]]]
        ]

    final, middle = surfaces()[:2]
    (slider,) = [s for s in at.select_slider if s.key and s.key.startswith("surface_k")]
    slider.set_value(0).run()
    assert not at.exception
    start = surfaces()[1]
    assert not np.allclose(start["output"], middle["output"])
    assert len(final) == 41 * 41


# --- take it home: the downloaded script -------------------------------------------------------


def run_script(source: str) -> dict[str, object]:
    out = subprocess.run(
        [sys.executable, "-c", source], capture_output=True, text=True, check=True, timeout=300
    ).stdout
    printed = {}
    for line in out.splitlines():
        name, sep, rest = line.partition(": ")
        if sep and name in ("error", "layer_2", "synapse_0", "synapse_1"):
            printed[name] = ast.literal_eval(rest)
    return printed


@pytest.mark.slow
@pytest.mark.parametrize(
    ("page_name", "params"),
    [
        ("example_1", {"target": "0,1,1,0.5", "bias": "off", "iterations": "5000"}),
        ("example_2", {"target": "nand", "activation": "tanh", "iterations": "5000"}),
        ("example_2", {"target": "0.2,0.9,0.8,0.1", "activation": "relu", "seed": "7"}),
    ],
)
def test_the_downloaded_script_prints_the_pages_numbers(page_name, params, monkeypatch):
    downloads: dict[str, object] = {}
    original = streamlit.download_button

    def spy(label, data, *args, **kwargs):
        downloads[kwargs.get("key", label)] = data
        return original(label, data, *args, **kwargs)

    monkeypatch.setattr(streamlit, "download_button", spy)
    at = open_page(page_name, params)
    open_tab(at, f"tabs_{page_name}", "Code & downloads")
    assert not at.exception and not at.warning
    source = downloads["download_script"]
    assert isinstance(source, str) and source.startswith('"""The tutorial')
    assert f"activation={params.get('activation', 'sigmoid')}" in source
    printed = run_script(source)
    table = table_with(at, "prediction", "target")
    decimals = 8 if page_name == "example_1" else 3
    assert table["prediction"].tolist() == np.round(printed["layer_2"], decimals).tolist()
    assert table["target"].tolist() == list(tinynet.parse_target(params["target"]))
    assert len(printed["synapse_0"]) == (2 if params.get("bias") == "off" else 3)
    shown = (
        f"{printed['error'][-1]:.6g}" if page_name == "example_1" else f"{printed['error'][-1]:.5f}"
    )
    assert at.metric[0].value == shown


def test_the_script_takes_its_target_bias_and_activation_from_the_settings():
    from tinynet.script import seed_script

    source = seed_script(preset(2).but(target=(0, 1, 1, 0.5), bias=False, activation="relu"))
    assert "[0.0, 1.0, 1.0, 0.5]" in source and "[[0, 0], [0, 1], [1, 0], [1, 1]]" in source
    assert "np.maximum(x, 0.0)" in source
