"""The dashboard through AppTest: every page runs, shows the seed's numbers, reacts to its
controls and to the URL, and draws bounded log-scale error charts."""

from __future__ import annotations

import math

import numpy as np
import pytest
from apptest_helpers import PAGES, charts, layers, notices, open_page, open_tab, table_with

from dashboard.model.sampling import MAX_POINTS
from dashboard.url.controls import ALPHA_OPTIONS
from tinynet.reference import SEED_PRINTS, SEED_SWEEP, agrees

pytestmark = pytest.mark.slow  # every test here drives a page through AppTest

SEED_PREDICTIONS = {
    "example_1": [float(p.text) for p in SEED_PRINTS[(1, "numpy")]],
    "example_2": [0.004, 0.995, 0.996, 0.006],
    "example_3": [0.0011, 0.9989, 0.9989, 0.0015],
}


def test_home_runs():
    at = open_page()
    assert not at.exception
    assert "tinynet" in at.title[0].value


@pytest.mark.parametrize("page_name", PAGES)
def test_page_runs_at_defaults(page_name):
    at = open_page(page_name)
    assert not at.exception, at.exception
    assert not at.warning  # no link notices, no refusals
    assert charts(at)


@pytest.mark.parametrize("page_name", PAGES)
def test_prediction_table_carries_the_seeds_numbers(page_name):
    at = open_page(page_name)
    table = table_with(at, "x1", "target", "prediction", "|error|")
    got = table["prediction"].tolist()
    if (
        page_name == "example_3"
    ):  # alpha 10 is roundoff-sensitive: within one unit of the 4th decimal
        assert np.allclose(got, SEED_PREDICTIONS[page_name], atol=1e-4 + 1e-12)
    else:
        assert got == SEED_PREDICTIONS[page_name]


@pytest.mark.parametrize("page_name", PAGES)
def test_seed_check_all_match(page_name):
    at = open_page(page_name)  # "Tutorial says / we get": the first tab, open
    check = table_with(at, "tutorial says", "we get", "match")
    assert len(check) >= 4
    assert set(check["match"]) == {"yes"}


def test_r_flavour_shows_the_seeds_r_numbers():
    at = open_page("example_1", {"init": "R"})
    assert at.radio(key="init").value == "r"
    table = table_with(at, "prediction")
    assert table["prediction"].tolist() == [float(p.text) for p in SEED_PRINTS[(1, "r")]]
    assert set(table_with(at, "match")["match"]) == {"yes"}


@pytest.mark.parametrize("init", ["numpy", "r"])
def test_example_3_sweep_table_carries_the_seeds_sweep(init):
    at = open_page("example_3", {"init": init})
    sweep = table_with(at, "alpha", "best", "print 2")
    assert sorted(sweep["alpha"]) == sorted(SEED_SWEEP[init])
    for _, row in sweep.iterrows():
        texts = SEED_SWEEP[init][row["alpha"]]
        sensitive = init == "numpy" and row["alpha"] == 10.0
        for k in range(3):  # the same headers in both flavours: the tutorial's 1st..3rd print
            assert agrees(row[f"print {k + 1}"], texts[k], sensitive)
            assert row[f"tutorial, print {k + 1}"] == float(texts[k])
        assert row["tutorial match"] == "yes"
    assert sweep.loc[sweep["best"] != "", "alpha"].tolist() == [10.0]


@pytest.mark.parametrize(
    ("page_name", "kind", "key", "value"),
    [("example_1", "number_input", "seed", 2), ("example_2", "slider", "hidden", 8),
     ("example_3", "select_slider", "iterations", 20_000)],
)  # fmt: skip
def test_moving_a_control_changes_the_result(page_name, kind, key, value):
    at = open_page(page_name)
    before = table_with(at, "prediction")["prediction"].tolist()
    getattr(at, kind)(key=key).set_value(value).run()
    assert not at.exception
    assert table_with(at, "prediction")["prediction"].tolist() != before
    assert "nothing printed to compare" in " ".join(c.value for c in at.caption)


def test_alpha_select_slider_changes_the_result():
    at = open_page("example_2")
    before = table_with(at, "prediction")["prediction"].tolist()
    at.select_slider(key="alpha").set_value(0.1).run()
    assert table_with(at, "prediction")["prediction"].tolist() != before


@pytest.mark.parametrize("page_name", PAGES)
def test_every_error_chart_is_log_scaled_and_bounded(page_name):
    at = open_page(page_name, {"iterations": "100000"})
    found = 0
    for spec, datasets in charts(at):
        for unit in layers(spec):
            y = unit.get("encoding", {}).get("y", {})
            if y.get("field") != "error":
                continue
            found += 1
            assert y["scale"]["type"] == "log"
            data = datasets[unit.get("data", spec.get("data"))["name"]]
            assert np.isfinite(data["error"]).all() and (data["error"] > 0).all()
            assert data.groupby("series").size().max() <= MAX_POINTS
            assert {0, 9_999, 10_000, 99_999} <= set(data["iteration"])
    assert found >= 1


def test_query_params_set_the_controls():
    at = open_page("example_2", {"seed": "3", "iterations": "5000", "alpha": "0.5", "hidden": "6"})
    assert not at.exception and not at.warning
    assert at.number_input(key="seed").value == 3
    assert at.select_slider(key="iterations").value == 5000
    assert at.select_slider(key="alpha").value == 0.5
    assert at.slider(key="hidden").value == 6


def test_example_3_alphas_from_the_link():
    at = open_page("example_3", {"alphas": ["0.1", "1"], "alpha": "1"})
    assert not at.exception
    assert at.multiselect(key="alphas").value == [0.1, 1.0]
    assert table_with(at, "alpha", "best")["alpha"].tolist() == [0.1, 1.0]


@pytest.mark.parametrize("page_name", PAGES)
def test_garbage_query_params_fall_back_with_a_notice(page_name):
    garbage = {"alpha": "abc", "hidden": "-5", "iterations": "1e99", "seed": "", "init": "x"}
    if page_name == "example_3":
        garbage["alphas"] = "abc"
    at = open_page(page_name, garbage)
    assert not at.exception
    notice = notices(at)
    for key in ("alpha=abc", "iterations=1e99", "seed=", "init=x"):
        assert key in notice
    assert at.number_input(key="seed").value == 1
    assert set(table_with(at, "match")["match"]) == {"yes"}  # back at the tutorial's settings


ALL_ALPHAS = [f"{a:g}" for a in ALPHA_OPTIONS]


def test_too_slow_a_combination_is_refused():
    slow = {"hidden": "128", "iterations": "100000", "activation": "tanh", "alphas": ALL_ALPHAS}
    at = open_page("example_3", slow)
    assert not at.exception
    assert any("would take about" in e.value for e in at.error)
    assert not charts(at)


def test_a_band_is_refused_when_the_page_total_would_be_too_slow():
    # one alpha (0.3 s) fits; with a band of 60 seeds beside it (~18 s) the page would not
    at = open_page("example_3", {"hidden": "128", "iterations": "100000", "alphas": ["10"],
                                 "ensemble": "60"})  # fmt: skip
    open_tab(at, "tabs_example_3", "Band of seeds")  # the band is trained when its tab opens
    assert not at.exception
    assert any(e.value.startswith("No band of seeds: Training 1 + 60 networks") for e in at.error)
    assert charts(at)  # the sweep is shown


def test_no_alpha_selected_still_shows_the_detail():
    at = open_page("example_3")
    at.multiselect(key="alphas").set_value([]).run()
    assert not at.exception
    assert table_with(at, "alpha", "best")["alpha"].tolist() == [10.0]
    assert math.isclose(table_with(at, "prediction")["prediction"][0], 0.0011, abs_tol=1e-4)
