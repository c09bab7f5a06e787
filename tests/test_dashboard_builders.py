"""The dashboard's Streamlit-free builders: sampling, charts, tables, downloads, budget, and
the URL checks of the controls."""

from __future__ import annotations

import json

import altair as alt
import numpy as np
import pytest

from dashboard.charts import errors, heatmap, sigmoid
from dashboard.charts.weights import weights_chart
from dashboard.model import downloads
from dashboard.model.sampling import MAX_POINTS, log_indices, loggable
from dashboard.tables.runs import prediction_table
from dashboard.tables.sweep import sweep_table
from dashboard.ui.cache import too_slow
from dashboard.url.controls import ALPHA_OPTIONS, Control, alphas_control, example_controls
from tinynet import SEED_ALPHAS, preset, sweep, train
from tinynet.budget import estimate_seconds


@pytest.fixture(scope="module")
def ex1():
    return train(preset(1))


@pytest.fixture(scope="module")
def ex2():
    return train(preset(2))


@pytest.fixture(scope="module")
def ex3():
    return sweep(preset(3).but(iterations=3_000), [0.1, 10.0, 1000.0])


@pytest.mark.parametrize("n", [1, 2, 1_999, 2_000, 2_001, 10_000, 30_000, 100_000, 1_000_000])
def test_log_indices_bounded_sorted_and_keep_the_marks(n):
    at = log_indices(n)
    assert len(at) <= MAX_POINTS
    assert np.all(np.diff(at) > 0)
    assert at[0] == 0 and at[-1] == n - 1
    assert {j for j in (9_999, 10_000, 19_999, 20_000, 29_999) if j < n} <= set(at)
    if n > MAX_POINTS:
        assert len(at) > 0.95 * MAX_POINTS  # the budget is used, not wasted on duplicates


def test_loggable_drops_zero_nan_inf():
    assert loggable(np.array([0.5, 0.0, -1.0, np.nan, np.inf, 1e-300])).tolist() == [
        True, False, False, False, False, True,
    ]  # fmt: skip


def test_trajectory_frame_filters_what_a_log_axis_cannot_show(ex1):
    bad = ex1.error.copy()
    bad[[1, 2, 3]] = [0.0, np.nan, np.inf]
    run = type(ex1)(**{**ex1.__dict__, "error": bad})
    frame = errors.trajectory_frame([run])
    assert (frame["error"] > 0).all() and np.isfinite(frame["error"]).all()
    assert not {1, 2, 3} & set(frame["iteration"])


def test_error_chart_spec(ex3):
    with alt.data_transformers.disable_max_rows():  # Streamlit sends the data its own way
        spec = errors.error_chart(ex3, highlight="10").to_dict()
    lines = spec["layer"][0]  # then the lines' names, at their ends
    assert lines["encoding"]["y"]["scale"]["type"] == "log"
    assert lines["encoding"]["x"]["scale"]["type"] == "symlog"
    assert lines["encoding"]["color"]["field"] == "series"
    assert lines["encoding"]["strokeDash"]["field"] == "series"
    assert {t["field"] for t in lines["encoding"]["tooltip"]} == {"series", "iteration", "error"}
    rows = spec["datasets"][lines["data"]["name"]]
    per_line = [sum(r["series"] == s for r in rows) for s in ("0.1", "10", "1000")]
    assert max(per_line) <= MAX_POINTS and sum(per_line) <= errors.MAX_ROWS


def test_weights_sigmoid_and_heatmap_charts(ex1, ex2):
    weights = weights_chart(ex1).to_dict()
    names = {r["name"] for r in next(iter(weights["datasets"].values()))}
    assert names == {"w1", "w2", "w3"}
    curves, marks = sigmoid.sigmoid_frames(ex1.prediction)
    assert len(marks) == 8 and set(curves["curve"]) == set(marks["curve"])
    sigmoid.sigmoid_chart(ex1.prediction).to_dict()
    heat = heatmap.heatmap(ex2.synapse_0, "input", "unit").to_dict()
    cells = next(iter(heat["datasets"].values()))
    assert len(cells) == 12 and {c["label"] for c in cells} >= {"4.407", "-6.530"}
    wide = heatmap.heatmap(np.ones((3, 64)), "input", "unit").to_dict()
    assert "layer" not in wide  # no numbers written in narrow cells


def test_prediction_table_rounds_as_the_seed(ex1, ex2):
    t1 = prediction_table(ex1)
    assert list(t1.columns) == ["x1", "x2", "x3", "target", "prediction", "|error|", "verdict"]
    assert t1["prediction"].tolist() == [0.00966449, 0.00786506, 0.99358898, 0.99211957]
    assert t1["verdict"].tolist() == ["right"] * 4
    assert prediction_table(ex2)["prediction"].tolist() == [0.004, 0.995, 0.996, 0.006]
    no_bias = train(preset(2).but(bias=False, iterations=100))
    assert "x3" not in prediction_table(no_bias)


def test_prediction_table_marks_the_wrong_rows():
    # one hidden unit cannot fit XOR: seed 1 after 10,000 iterations gets rows 2 and 3 wrong
    run = train(preset(2).but(hidden=1, iterations=10_000))
    table = prediction_table(run)
    far = (table["target"] - run.prediction).abs() > 0.05  # the verdict's rule, by hand
    assert far.any() and not far.all()
    assert table["verdict"].tolist() == ["wrong" if f else "right" for f in far]


def test_sweep_table_marks_the_best_and_the_seed(ex3):
    table = sweep_table(ex3, seed_settings=False)
    assert table.loc[table["best"] != "", "alpha"].tolist() == [10.0]
    assert table["best"].tolist() == ["", "best", ""]  # a word, not a symbol
    assert "tutorial match" not in table
    assert list(table.filter(like="print").columns) == ["print 1"]  # the tutorial's, in range
    assert table["print 1"].tolist() == [r.error[0] for r in ex3]
    assert table["final error"].tolist() == [r.final_error for r in ex3]


def test_downloads(ex2, ex3):
    csv = downloads.trajectory_csv([ex2]).splitlines()
    assert csv[0] == "iteration,error" and len(csv) == 30_001
    assert float(csv[10_001].split(",")[1]) == ex2.error[10_000]
    wide = downloads.trajectory_csv(ex3).splitlines()[0]
    assert wide == "iteration,error alpha=0.1,error alpha=10,error alpha=1000"
    record = json.loads(downloads.weights_json([ex2]))
    assert np.allclose(record["synapse_0"], ex2.synapse_0)
    assert record["bias"] is True and record["diverged_at"] is None


def test_budget_refuses_only_the_slow_corner():
    widest = preset(3).but(iterations=100_000, hidden=128)
    assert too_slow(widest, len(ALPHA_OPTIONS)) is None  # every alpha the page offers
    # ... but not with a band of 30 seeds beside them: the page took 38 s
    slow = too_slow(widest, 30, alongside=len(ALPHA_OPTIONS))
    assert slow and "19 + 30 networks" in slow and "iterations" in slow
    assert estimate_seconds(preset(2)) < 1.0


@pytest.mark.parametrize(
    ("raw", "value", "problem"),
    [(["30000"], 30_000, None), (["20000"], 20_000, None), (["1e99"], 30_000, "not one of"),
     (["abc"], 30_000, "not one of"), ([""], 30_000, "not one of"),
     (["100", "200"], 30_000, "more than once"), (["nan"], 30_000, "not one of"),
     (["200000"], 30_000, "outside"), (["30050"], 30_000, "multiple of 100"),
     # older links' multiples of 100 open at the nearest rung, on the log scale
     (["25000"], 30_000, "nearest"), (["1500"], 2_000, "nearest"), (["700"], 500, "nearest"),
     (["100000"], 100_000, None), (["100"], 100, None)],
)  # fmt: skip
def test_iterations_link_check(raw, value, problem):
    iterations = next(c for c in example_controls(2) if c.key == "iterations").link
    got, found = iterations.read(raw)
    assert found is None if problem is None else problem in found
    assert got == value and isinstance(got, int)


@pytest.mark.parametrize(
    ("raw", "problem"),
    [(["7"], None), (["1e3"], "whole number"), (["1001"], "outside"), (["-1"], "outside")],
)
def test_seed_link_check(raw, problem):
    seed = next(c for c in example_controls(2) if c.key == "seed")
    assert seed.kind == "number"  # a number input with steps, not a slider
    value, found = seed.link.read(raw)
    assert found is None if problem is None else problem in found
    assert value == (int(raw[0]) if problem is None else 1)


def test_select_radio_multiselect_link_checks():
    alpha, init = (next(c for c in example_controls(2) if c.key == k) for k in ("alpha", "init"))
    assert alpha.link.read(["10"]) == (10.0, None) and alpha.link.read(["0.001"]) == (0.001, None)
    assert alpha.link.read(["10.0"]) == (10.0, None)  # a plain number, however it is written
    assert alpha.link.read(["abc"]).problem and alpha.link.read(["0.3"]).problem
    assert init.link.read(["r"]) == ("r", None) and init.link.read(["numpy"]) == ("numpy", None)
    assert init.link.read(["R"]) == ("r", None)  # older links: the widget's labels
    assert init.link.read(["Python (NumPy)"]) == ("numpy", None)
    assert init.link.read(["julia"]).problem
    assert alphas_control().link.read(["0.1", "1"]) == ((0.1, 1.0), None)
    assert alphas_control().link.read(["0.1", "abc"]).value == (0.1,)
    flag = Control("bias", "Bias", "checkbox", True)
    assert flag.link.read(["False"]) == (False, None) and flag.link.read(["maybe"]).problem


def test_alpha_ladder_holds_the_seeds_alphas():
    assert set(SEED_ALPHAS) <= set(ALPHA_OPTIONS)
    assert list(ALPHA_OPTIONS) == sorted(ALPHA_OPTIONS)
