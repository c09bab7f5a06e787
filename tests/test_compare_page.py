"""The Backprop vs nnet page: through AppTest (defaults, R's trace, controls, the URL, the
chart's axes) and its builders without Streamlit."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from apptest_helpers import charts, layers, notices, open_page, table_with

from dashboard.charts.compare import trajectory_chart, trajectory_frame
from dashboard.model import compare
from dashboard.model.sampling import MAX_POINTS
from dashboard.tables.compare import decay_table, fitted_table, weights_table
from tinynet import preset, step_at, train
from tinynet.nnet import XOR_TARGET, fit_nnet

PAGE = "compare_nnet"
FIXTURE = Path(__file__).parent / "fixtures" / "nnet" / "xor_size4_seed1.json"


@pytest.fixture(scope="module")
def at_defaults():
    return open_page(PAGE)


def metrics(at) -> list[tuple[str, str]]:
    """(label, value) of every metric, the plain net's first, then nnet's."""
    return [(m.label, m.value) for m in at.metric]


def nnet_outputs(at) -> list[float]:
    return table_with(at, "target", compare.NNET)[compare.NNET].tolist()


def the_chart(at) -> tuple[dict, dict]:
    """The objective chart's spec and its data."""
    for spec, datasets in charts(at):
        for unit in layers(spec):
            if unit.get("encoding", {}).get("y", {}).get("field") == "value":
                return unit, datasets[unit.get("data", spec.get("data"))["name"]]
    raise AssertionError("no objective chart")


# ---------------------------------------------------------------------------
# The page through AppTest
# ---------------------------------------------------------------------------


@pytest.mark.slow
def test_page_runs_at_defaults(at_defaults):
    assert not at_defaults.exception, at_defaults.exception
    assert not at_defaults.warning
    assert at_defaults.title[0].value == "Backprop vs nnet"


@pytest.mark.slow
def test_shows_16_and_21_weights_and_the_iterations(at_defaults):
    shown = metrics(at_defaults)
    assert [v for label, v in shown if label == "Weights"] == ["16", "21"]
    assert [v for label, v in shown if label == "Iterations"] == ["30,000", "44"]
    assert len([v for label, v in shown if label == "Time"]) == 2


@pytest.mark.slow
def test_defaults_are_the_seeds_r_example_2(at_defaults):
    assert at_defaults.radio(key="init").value == "r"
    # R's Example 2 ends with a mean |error| of 0.0059 (NUMBERS.md)
    assert ("Mean |error|", "0.0059") in metrics(at_defaults)


@pytest.mark.slow
def test_trace_is_rs_own(at_defaults):
    r_trace = json.loads(FIXTURE.read_text())["trace"]
    traces = [c.value for c in at_defaults.code]
    assert "\n".join(r_trace) in traces
    assert r_trace[0] == "# weights:  21" and r_trace[-1] == "converged"


@pytest.mark.slow
def test_weights_table_uses_nnets_names(at_defaults):
    table = table_with(at_defaults, "weight", compare.NNET, compare.BACKPROP)
    assert table["weight"].tolist()[:2] == ["b->h1", "i1->h1"]
    assert table["weight"].tolist()[-1] == "h4->o"
    assert table[compare.NNET].notna().sum() == 21
    assert table[compare.BACKPROP].notna().sum() == 16


@pytest.mark.slow
def test_decay_table_covers_the_ladder(at_defaults):
    table = table_with(at_defaults, "decay", "max |weight|")
    assert table["decay"].tolist() == list(compare.DECAYS)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("widget", "key", "value"),
    [("select_slider", "decay", 0.01), ("slider", "size", 8), ("radio", "objective", "entropy")],
)
def test_nnet_controls_change_the_result(at_defaults, widget, key, value):
    at = open_page(PAGE)
    before = nnet_outputs(at)
    trace_before = [c.value for c in at.code]
    getattr(at, widget)(key=key).set_value(value).run()
    assert not at.exception
    assert nnet_outputs(at) != before
    assert [c.value for c in at.code] != trace_before


@pytest.mark.slow
def test_backprop_control_changes_the_result():
    at = open_page(PAGE, {"iterations": "2000"})
    before = table_with(at, compare.BACKPROP)[compare.BACKPROP].tolist()
    at.slider(key="hidden").set_value(6).run()
    assert not at.exception
    assert table_with(at, compare.BACKPROP)[compare.BACKPROP].tolist() != before
    assert [v for label, v in metrics(at) if label == "Weights"] == ["24", "21"]


@pytest.mark.slow
def test_query_params_set_the_controls():
    params = {"seed": "2", "iterations": "5000", "alpha": "0.5", "hidden": "3", "init": "Python (NumPy)",
              "size": "2", "decay": "0.001", "objective": "entropy"}  # fmt: skip
    at = open_page(PAGE, params)
    assert not at.exception and not at.warning
    assert at.number_input(key="seed").value == 2
    assert at.select_slider(key="iterations").value == 5000
    assert at.select_slider(key="alpha").value == 0.5
    assert at.slider(key="hidden").value == 3
    assert at.radio(key="init").value == "numpy"
    assert at.slider(key="size").value == 2
    assert at.select_slider(key="decay").value == 0.001
    assert at.radio(key="objective").value == "entropy"
    assert [v for label, v in metrics(at) if label == "Weights"] == ["12", "11"]


@pytest.mark.slow
def test_garbage_params_fall_back_with_a_notice():
    at = open_page(PAGE, {"size": "abc", "decay": "-1", "objective": "zzz"})
    assert not at.exception
    notice = notices(at)
    assert "could not be used" in notice
    assert all(k in notice for k in ("size=abc", "decay=-1", "objective=zzz"))
    assert at.slider(key="size").value == 4
    assert at.select_slider(key="decay").value == 0.0
    assert at.radio(key="objective").value == "sse"
    r_trace = json.loads(FIXTURE.read_text())["trace"]
    assert "\n".join(r_trace) in [c.value for c in at.code]


@pytest.mark.slow
def test_chart_is_log_log_and_bounded(at_defaults):
    unit, data = the_chart(at_defaults)
    assert unit["encoding"]["y"]["scale"]["type"] == "log"
    # symlog: logarithmic like the other pages' iteration axes, with a place for iteration 0
    assert unit["encoding"]["x"]["scale"]["type"] in ("log", "symlog")
    assert np.isfinite(data["value"]).all() and (data["value"] > 0).all()
    sizes = data.groupby("series").size()
    assert len(sizes) == 2 and sizes.max() <= MAX_POINTS
    nnet_line = data[data["series"].str.startswith(compare.NNET)]
    assert nnet_line["iteration"].max() == 44
    assert data["iteration"].max() == 30_000


@pytest.mark.slow
def test_cold_and_warm_runs(at_defaults):
    """A second run in the same session is served from the cache."""
    import time

    start = time.perf_counter()
    at_defaults.run()
    assert not at_defaults.exception
    assert time.perf_counter() - start < 2.0


# ---------------------------------------------------------------------------
# The builders, without Streamlit
# ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def run():
    return train(preset(2).but(init="r", iterations=3_000))


@pytest.fixture(scope="module")
def fit():
    return fit_nnet(size=4, seed=1)


def test_summaries(run, fit):
    plain = compare.backprop_summary(run, 0.5)
    nnet = compare.nnet_summary(fit, XOR_TARGET, 0.01)
    assert (plain.weights, plain.iterations) == (16, 3_000)
    assert (nnet.weights, nnet.iterations) == (21, 44)
    assert nnet.sse == pytest.approx(fit.value)  # no decay: the objective is the SSE
    assert plain.mean_abs_error == pytest.approx(run.final_error)
    assert nnet.max_abs_weight == pytest.approx(np.max(np.abs(fit.weights)))


def test_backprop_sse_is_the_runs_own_forward_pass(run):
    at, sse = compare.backprop_sse(run)
    assert at[0] == 0 and at[-1] == 3_000
    assert sse.shape == at.shape and np.all(sse > 0)
    # the very forward pass the run made at those iterations (replayed by the engine), bit for bit
    for i in (0, len(at) // 2, len(at) - 2):
        assert sse[i] == np.sum(step_at(run, int(at[i])).error ** 2)


def test_trajectory_frame_drops_what_a_log_axis_cannot_show(run, fit):
    history = fit.history.copy()
    history[[1, 2, 3]] = [0.0, np.nan, np.inf]
    broken = type(fit)(**{**fit.__dict__, "history": history})
    frame = trajectory_frame(run, broken)
    assert np.isfinite(frame["value"]).all() and (frame["value"] > 0).all()
    line = frame[frame["series"] == compare.objective_label(broken)]
    assert not {1, 2, 3} & set(line["iteration"])
    assert {0, len(history) - 1} <= set(line["iteration"])


def test_long_lines_are_sampled(fit):
    long_fit = type(fit)(**{**fit.__dict__, "history": np.geomspace(1, 1e-4, 10_000)})
    frame = trajectory_frame(train(preset(2).but(iterations=200)), long_fit)
    line = frame[frame["series"] == compare.objective_label(long_fit)]
    assert len(line) <= MAX_POINTS and {0, 9_999} <= set(line["iteration"])


def test_chart_spec(run, fit):
    spec = trajectory_chart(run, fit).to_dict()
    assert spec["encoding"]["y"]["scale"]["type"] == "log"
    assert spec["encoding"]["x"]["scale"]["type"] == "symlog"
    assert [t["field"] for t in spec["encoding"]["tooltip"]] == ["series", "iteration", "value"]


def test_objective_label():
    assert compare.objective_label(fit_nnet(size=1, maxit=1)) == "nnet: sum of squared errors"
    label = compare.objective_label(fit_nnet(size=1, maxit=1, decay=0.01, entropy=True))
    assert label == "nnet: entropy + 0.01·Σw²"


def test_weights_table_joins_by_name(run, fit):
    table = weights_table(run, fit)
    assert len(table) == 21
    row = table.set_index("weight")
    assert row.loc["i2->h3", compare.BACKPROP] == run.synapse_0[1, 2]
    assert row.loc["h4->o", compare.BACKPROP] == run.synapse_1[3, 0]
    assert row.loc["b->o", compare.NNET] == fit.weights[16]
    assert np.isnan(row.loc["b->h1", compare.BACKPROP])


def test_weights_table_with_different_sizes(run):
    table = weights_table(run, fit_nnet(size=2, seed=1))
    assert len(table) == 16 + 3  # the plain net's 16, plus nnet's 2 hidden biases and b->o
    assert table[compare.NNET].notna().sum() == 11


def test_fitted_table(run, fit):
    table = fitted_table(run, fit)
    assert table["target"].tolist() == list(XOR_TARGET)
    assert table[compare.NNET].tolist() == fit.fitted.tolist()
    assert table[compare.BACKPROP].tolist() == run.prediction.tolist()


def test_decay_shrinks_the_largest_weight():
    fits = [fit_nnet(size=4, seed=1, decay=d) for d in compare.DECAYS]
    table = decay_table(fits, XOR_TARGET)
    largest = table["max |weight|"].to_numpy()
    assert largest[0] > 100  # no penalty: huge weights
    assert largest[0] > largest[1] > largest[2] > 1  # small decays: smaller, still useful
    assert np.all(largest[3:] < 1e-3)  # large decays: XOR given up, every weight near 0
    assert table["SSE"].iloc[-1] == pytest.approx(1.0, abs=1e-6)  # all 0.5


@pytest.mark.parametrize(("seconds", "text"), [(0.0093, "9 ms"), (0.893, "893 ms"),
                                               (1.5, "1.50 s"), (12.4, "12 s")])  # fmt: skip
def test_duration(seconds, text):
    assert compare.duration(seconds) == text
