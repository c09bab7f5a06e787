"""The Backprop vs nnet page: through AppTest (defaults, R's trace, controls, the URL, the
chart's axes) and its builders without Streamlit."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from apptest_helpers import charts, layers, notices, open_page, open_tab, table_with

from dashboard.charts.compare import trajectory_chart, trajectory_frame
from dashboard.model import compare
from dashboard.model.sampling import MAX_POINTS
from dashboard.tables.compare import decay_table, fitted_table, weights_table
from tinynet import preset, step_at, train
from tinynet.nnet import XOR_TARGET, fit_nnet

PAGE = "compare_nnet"


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

TUTORIAL = Path(__file__).parent / "fixtures" / "nnet"
TABS = "tabs_compare_nnet"


def fixture(name: str) -> dict:
    return json.loads((TUTORIAL / f"{name}.json").read_text())


def checks(at) -> pd.DataFrame:
    """The "Tutorial says / we get" table (the first tab, open by default), by quantity."""
    return table_with(at, "quantity", "tutorial says", "we get", "match").set_index("quantity")


def metric(at, label: str) -> str:
    return next(v for name, v in metrics(at) if name == label)


def printout(at) -> str:
    open_tab(at, TABS, "What the tutorial's code prints")
    return next(c.value for c in at.code if c.value.startswith("# weights"))


@pytest.mark.slow
def test_page_runs_at_defaults(at_defaults):
    assert not at_defaults.exception, at_defaults.exception
    assert not at_defaults.warning
    assert at_defaults.title[0].value == "Backprop vs nnet"
    assert at_defaults.radio(key="fit").value == "ex2" and dict(at_defaults.query_params) == {}


@pytest.mark.slow
def test_defaults_show_the_tutorials_size_4_fit_every_mark_matching(at_defaults):
    table = checks(at_defaults)
    assert len(table) == 6 + 21 + 4 and set(table["match"]) == {"yes"}
    assert table.loc["trace[1]", "tutorial says"] == "initial value 1.152323"
    assert table.loc["trace[1]", "we get"].split() == ["initial", "value", "1.152323"]
    assert table.loc["trace[4]", "we get"].split() == ["final", "value", "0.000000"]
    assert table.loc["trace[5]", "we get"] == "converged"
    for name, printed in [("b->h1", "5320.330"), ("i1->h1", "-49025.055"), ("h4->o", "-18446.081"),
                          ("b->o", "34687.508")]:  # fmt: skip
        assert table.loc[name, "tutorial says"] == printed == table.loc[name, "we get"]
    assert [float(table.loc[f"fitted[{i}]", "we get"]) for i in range(4)] == [0, 1, 1, 0]
    headline = at_defaults.markdown[0].value
    assert ":material/check_circle:" in headline and "all 31" in headline
    assert "24 numbers" in " ".join(c.value for c in at_defaults.caption)
    # the fitted values beside the plain net's (Example 2's R run: 0.0059 mean |error|)
    outputs = table_with(at_defaults, "target", compare.NNET, compare.BACKPROP)
    assert outputs[compare.NNET].tolist() == [0.0, 1.0, 1.0, 0.0]
    assert np.mean(np.abs(outputs[compare.BACKPROP] - outputs["target"])) == pytest.approx(
        0.0059, abs=5e-5
    )
    assert metric(at_defaults, "nnet iterations") == "21"
    assert metric(at_defaults, "Backprop iterations") == "30,000"


@pytest.mark.slow
def test_printout_is_rs_own_for_the_tutorials_fit():
    at = open_page(PAGE)
    r = fixture("tutorial_example_2")
    shown = printout(at).splitlines()
    assert shown[: len(r["trace"])] == r["trace"]  # R's spacing, line for line
    assert "b->h1        5320.330" in shown and "i1->h1     -49025.055" in shown


@pytest.mark.slow
def test_size_32_fit_is_one_click_away():
    at = open_page(PAGE)
    at.radio(key="fit").set_value("ex3").run()
    assert not at.exception and dict(at.query_params) == {"fit": "ex3"}
    assert at.slider(key="size").value == 32 and at.slider(key="hidden").value == 32
    assert at.select_slider(key="alpha").value == 10.0
    table = checks(at)
    assert set(table["match"]) == {"yes"} and len(table) == 6 + 4
    assert table.loc["trace[1]", "we get"].split() == ["initial", "value", "1.851187"]
    assert table.loc["fitted[0]", "we get"] == "0.0001274475"
    assert [table.loc[f"fitted[{i}]", "we get"] for i in (1, 2, 3)] == [
        "0.9933000550", "0.9959851931", "0.0019116939"]  # fmt: skip
    assert "128 numbers" in " ".join(c.value for c in at.caption)
    fitted = table_with(at, "target", compare.NNET)[compare.NNET].tolist()
    assert fitted == pytest.approx(fixture("tutorial_example_3")["fitted"], abs=1e-12)
    # the same from its link
    linked = open_page(PAGE, {"fit": "ex3"})
    assert not linked.warning and checks(linked).loc["trace[1]", "we get"] == table.loc[
        "trace[1]", "we get"]  # fmt: skip


@pytest.mark.slow
def test_fresh_fit_switch_shows_set_seed_fit():
    at = open_page(PAGE)
    at.radio(key="fit").set_value("fresh").run()
    assert not at.exception and dict(at.query_params) == {"fit": "fresh"}
    r = fixture("xor_size4_seed1")  # set.seed(1); nnet(X, y, size = 4): 1.240842 ...
    assert printout(at).splitlines()[: len(r["trace"])] == r["trace"]
    open_tab(at, TABS, "Tutorial says / we get")
    assert "nothing printed to compare" in " ".join(c.value for c in at.caption)
    assert ":material/casino:" in at.markdown[0].value


@pytest.mark.slow
@pytest.mark.parametrize(
    ("widget", "key", "value"),
    [("select_slider", "decay", 0.01), ("slider", "size", 8), ("radio", "objective", "entropy")],
)
def test_an_nnet_control_switches_to_a_fresh_fit(at_defaults, widget, key, value):
    at = open_page(PAGE)
    before = nnet_outputs(at)
    getattr(at, widget)(key=key).set_value(value).run()
    assert not at.exception
    assert at.radio(key="fit").value == "fresh"
    assert nnet_outputs(at) != before
    assert "fit" not in at.query_params  # the changed setting says "fresh" already
    r = fixture(f"xor_size4_seed1_{'entropy' if key == 'objective' else 'decay0.01'}")
    if key != "size":
        assert nnet_outputs(at) == pytest.approx(r["fitted"], abs=1e-9)


@pytest.mark.slow
def test_backprop_control_changes_the_result():
    at = open_page(PAGE, {"iterations": "2000"})
    before = table_with(at, compare.BACKPROP)[compare.BACKPROP].tolist()
    at.slider(key="hidden").set_value(6).run()
    assert not at.exception
    assert table_with(at, compare.BACKPROP)[compare.BACKPROP].tolist() != before
    assert at.radio(key="fit").value == "ex2"  # the backprop side leaves nnet's fit alone
    open_tab(at, TABS, "Side by side")
    side = table_with(at, "measure").set_index("measure")
    assert side.loc["weights"].tolist() == ["24", "21"]


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
    assert at.radio(key="fit").value == "fresh"  # nnet settings not the tutorial's
    open_tab(at, TABS, "Side by side")
    assert table_with(at, "measure").set_index("measure").loc["weights"].tolist() == ["12", "11"]


@pytest.mark.slow
def test_garbage_params_fall_back_with_a_notice():
    at = open_page(PAGE, {"size": "abc", "decay": "-1", "objective": "zzz", "fit": "ex9[x](y)"})
    assert not at.exception
    notice = notices(at)
    assert "could not be used" in notice
    assert all(k in notice for k in ("size=abc", "decay=-1", "objective=zzz", "fit=ex9[x](y)"))
    assert "\\[" not in notice and all("](" not in w.value for w in at.warning)  # inert
    assert at.slider(key="size").value == 4
    assert at.select_slider(key="decay").value == 0.0
    assert at.radio(key="objective").value == "sse"
    assert at.radio(key="fit").value == "ex2"
    assert set(checks(at)["match"]) == {"yes"}  # the tutorial's fit, every mark matching


@pytest.mark.slow
def test_tabs_build_the_weights_and_the_decay_ladder():
    at = open_page(PAGE)
    assert not [f for f in at.dataframe if "decay" in f.value.columns]  # built only when open
    open_tab(at, TABS, "Weights by name")
    table = table_with(at, "weight", compare.NNET, compare.BACKPROP)
    assert table["weight"].tolist()[:2] == ["b->h1", "i1->h1"] and len(table) == 21
    assert table.set_index("weight").loc["i1->h1", compare.NNET] == pytest.approx(
        -49025.055, abs=5e-4
    )
    assert table[compare.BACKPROP].notna().sum() == 16
    open_tab(at, TABS, "Decay")
    decay = table_with(at, "decay", "max |weight|")
    assert decay["decay"].tolist() == list(compare.DECAYS)
    assert decay["max |weight|"].iloc[0] == pytest.approx(49025.055, abs=5e-4)
    open_tab(at, TABS, "Try this")
    assert not at.exception
    assert any("How many steps does nnet take?" in m.value for m in at.markdown)


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
    assert nnet_line["iteration"].max() < 21  # its final value 0 cannot be drawn
    assert nnet_line["value"].iloc[0] == pytest.approx(1.152323, abs=5e-7)
    assert data["iteration"].max() == 30_000


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
    assert compare.objective_label(fit_nnet(size=1, maxit=1)) == "nnet: SSE"
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


# ---------------------------------------------------------------------------
# Which fit: model.nnet_fits
# ---------------------------------------------------------------------------


def test_tutorial_fits_skip_their_examples_draws():
    from dashboard.model.nnet_fits import NnetChoice, fit_arguments

    ex2 = fit_nnet(**fit_arguments("ex2", 1, NnetChoice()))
    assert ex2.trace[1].split() == ["initial", "value", "1.152323"]
    assert f"{ex2.weights[ex2.names.index('b->h1')]:.3f}" == "5320.330"
    ex3 = fit_nnet(**fit_arguments("ex3", 1, NnetChoice(size=32)))
    assert [f"{v:.10f}" for v in ex3.fitted] == [
        "0.0001274475", "0.9933000550", "0.9959851931", "0.0019116939"]  # fmt: skip
    fresh = fit_arguments("fresh", 1, NnetChoice())
    assert fresh["skip"] == 0 and fit_nnet(**fresh).trace[1].split()[-1] == "1.240842"


def test_nnet_settings_other_than_the_tutorials_are_a_fresh_fit():
    from dashboard.model.nnet_fits import NnetChoice, fit_arguments, link_fit, settled_fit

    assert settled_fit("ex2", NnetChoice()) == "ex2"
    assert settled_fit("ex3", NnetChoice(size=32)) == "ex3"
    assert settled_fit("ex3", NnetChoice()) == "fresh"  # size 4 is not the size-32 fit
    assert settled_fit("ex2", NnetChoice(decay=0.01)) == "fresh"
    assert settled_fit("ex2", NnetChoice(entropy=True)) == "fresh"
    assert fit_arguments("ex2", 1, NnetChoice(size=8))["skip"] == 0
    # the link says fit=fresh only where the nnet settings do not say it already
    assert link_fit("fresh", NnetChoice()) == "fresh"
    assert link_fit("fresh", NnetChoice(size=8)) == "ex2"
    assert link_fit("ex3", NnetChoice(size=32)) == "ex3"


def test_backprop_starts_from_the_examples_r_code():
    from dashboard.model.nnet_fits import backprop_start

    assert backprop_start("ex2") == preset(2).but(init="r")
    assert backprop_start("fresh") == preset(2).but(init="r")
    start = backprop_start("ex3")
    assert (start.hidden, start.alpha, start.init) == (32, 10.0, "r")


def test_why_they_differ_names_the_draws():
    from dashboard.model.nnet_fits import why_they_differ

    assert "24 numbers" in why_they_differ("ex2") and "Example 2" in why_they_differ("ex2")
    assert "128 numbers" in why_they_differ("ex3") and "size = 32" in why_they_differ("ex3")
    assert "no decay" in why_they_differ("ex2")


def test_summary_table(run, fit):
    from dashboard.tables.compare import summary_table

    plain = compare.backprop_summary(run, 0.5)
    nnet = compare.nnet_summary(fit, XOR_TARGET, 0.0123)
    table = summary_table(plain, nnet).set_index("measure")
    assert table.loc["weights"].tolist() == ["16", "21"]
    assert table.loc["iterations"].tolist() == ["3,000", "44"]
    assert table.loc["time"].tolist() == ["500 ms", "12 ms"]
    assert table.loc["max |weight|", compare.NNET] == f"{np.max(np.abs(fit.weights)):.5g}"


def test_workshop_link_reads_the_fit():
    from dashboard.workshop import params

    assert params.link_settings("compare_nnet", {}).nnet == params.NnetCall(4, 1, skip=24)
    ex3 = params.link_settings("compare_nnet", {"fit": "ex3"})
    assert ex3.nnet == params.NnetCall(32, 1, skip=128) and ex3.run.hidden == 32
    assert params.link_settings("compare_nnet", {"size": "8"}).nnet == params.NnetCall(8, 1)
    fresh = params.link_settings("compare_nnet", {"fit": "fresh"})
    assert fresh.nnet == params.NnetCall(4, 1)
    with pytest.raises(ValueError, match="fit must be one of ex2, ex3, fresh"):
        params.link_settings("compare_nnet", {"fit": "tutorial"})
