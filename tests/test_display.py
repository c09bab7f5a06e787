"""Issue 10's display fixes in the Streamlit-free builders: each alpha's fixed colour and dash,
names at the ends of overlapping lines, the iteration axis' last label, the fixed error
axis, heatmaps whose legend and row names fit, the iterations ladder and its older links,
the page's own words when a band is refused, and the link to Step by step."""

from __future__ import annotations

import math

import altair as alt
import numpy as np
import pytest

from dashboard.charts import errors
from dashboard.charts.axes import (
    ALPHA_STYLES,
    FIXED_ERROR,
    decades,
    error_domain,
    iteration_ticks,
)
from dashboard.charts.heatmap import heatmap
from dashboard.model.alphas import LADDER, alpha_label
from dashboard.model.labels import GAP, end_labels, spread
from dashboard.model.limits import refusal
from dashboard.url.controls import ALPHA_OPTIONS, ITERATIONS, k_picks, step_controls
from dashboard.url.links import nearest_rung
from dashboard.url.share import step_codes
from dashboard.workshop import params
from dashboard.workshop.exercises import EXERCISES
from tinynet import SEED_ALPHAS, preset, sweep, train


@pytest.fixture(scope="module")
def tutorial_sweep():
    return sweep(preset(3), list(SEED_ALPHAS))


def chart_dict(chart: alt.TopLevelMixin) -> dict:
    with alt.data_transformers.disable_max_rows():
        return chart.to_dict()


def colours_of(spec: dict) -> dict[str, str]:
    """alpha -> colour, as the chart's lines draw it."""
    scale = spec["layer"][0]["encoding"]["color"]["scale"]
    return dict(zip(scale["domain"], scale["range"], strict=True))


# --- alpha colours -------------------------------------------------------------------------


def test_every_alpha_of_the_ladder_has_its_own_colour_and_dash():
    assert list(ALPHA_STYLES) == list(LADDER) == [alpha_label(a) for a in ALPHA_OPTIONS]
    assert len({colour for colour, _ in ALPHA_STYLES.values()}) == len(ALPHA_OPTIONS)
    # the tutorial's seven (decades) are solid; 2s dashed and 5s dotted between them
    assert {alpha_label(a) for a in SEED_ALPHAS} == {
        a for a, (_, dash) in ALPHA_STYLES.items() if dash == [1, 0]
    }
    assert ALPHA_STYLES["2"][1] != ALPHA_STYLES["5"][1] != [1, 0]


def test_an_alpha_keeps_its_colour_whatever_is_swept_beside_it(tutorial_sweep):
    labels = [alpha_label(r.settings.alpha) for r in tutorial_sweep]
    everything = colours_of(chart_dict(errors.error_chart(tutorial_sweep, labels)))
    two = [r for r in tutorial_sweep if r.settings.alpha in (10.0, 1000.0)]
    fewer = colours_of(chart_dict(errors.error_chart(two, ["10", "1000"])))
    assert fewer == {"10": everything["10"], "1000": everything["1000"]}
    assert len(set(everything.values())) == len(everything)  # distinct within a chart


# --- lines that overlap are named at their ends ----------------------------------------------


def test_lines_ending_together_share_one_name_and_names_do_not_overlap(tutorial_sweep):
    ends = [
        (alpha_label(r.settings.alpha), len(r.error) - 1, r.final_error) for r in tutorial_sweep
    ]
    placed = end_labels(ends, (1e-3, 1.0), 215)
    names = [p.text for p in placed]
    assert "100, 1000" in names  # both stuck at exactly 0.5
    assert sorted(n for p in placed for n in p.series) == sorted(a for a, _, _ in ends)
    pixels = sorted(math.log10(p.y) for p in placed)
    per_pixel = 3 / 215  # three decades over 215 pixels
    assert min(np.diff(pixels)) >= GAP * per_pixel - 1e-9
    assert all(1e-3 <= p.y <= 1.0 for p in placed)
    # 0.001 ends at 0.478, a few pixels below 0.5: the name of 100 and 1000 moves up
    assert placed[names.index("0.001")].y == pytest.approx(tutorial_sweep[0].final_error)
    assert placed[names.index("100, 1000")].y > 0.5


def test_spread_moves_names_apart_within_the_axis():
    assert spread([0, 0, 0], 10, 100) == [0, 10, 20]
    assert spread([95, 100], 10, 100) == [90, 100]  # pushed down from the top
    assert spread([5, 50], 10, 100) == [5, 50]  # far apart: untouched


def test_the_sweep_chart_names_its_lines(tutorial_sweep):
    labels = [alpha_label(r.settings.alpha) for r in tutorial_sweep]
    spec = chart_dict(errors.error_chart(tutorial_sweep, labels, highlight="10"))
    names = [row["name"] for row in spec["datasets"][spec["layer"][1]["data"]["name"]]]
    assert sorted(names) == sorted(["0.001", "0.01", "0.1", "1", "10", "100, 1000"])
    assert spec["layer"][0]["encoding"]["color"]["legend"] is None  # the names replace it


# --- axes ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("last", "ticks"),
    [(29_999, [0, 1, 10, 100, 1_000, 29_999]), (9_999, [0, 1, 10, 100, 1_000, 9_999]),
     (99_999, [0, 1, 10, 100, 1_000, 10_000, 99_999]), (199, [0, 1, 10, 199]), (1, [0, 1])],
)  # fmt: skip
def test_the_iteration_axis_labels_its_last_iteration(last, ticks):
    assert iteration_ticks(last) == ticks


def test_the_error_axis_fits_the_data_or_is_held_fixed(tutorial_sweep):
    run = tutorial_sweep[4]  # alpha 10: 0.496 down to 0.0012
    assert error_domain(run.error.tolist()) == (1e-3, 1.0)
    assert error_domain(run.error.tolist(), fixed=True) == FIXED_ERROR == (1e-4, 1.0)
    spec = chart_dict(errors.error_chart([run], fixed=True))
    scale = spec["encoding"]["y"]["scale"]
    assert scale["type"] == "log" and scale["domain"] == [1e-4, 1.0] and scale["clamp"] is True
    y = spec["encoding"]["y"]["axis"]  # labelled at the decades, the top one kept inside
    assert y["values"] == [1e-4, 1e-3, 1e-2, 0.1, 1.0] and y["labelFlush"] is True
    assert decades((0.002, 0.7)) == [0.01, 0.1]
    x = spec["encoding"]["x"]["axis"]
    assert x["values"][-1] == 29_999 and x["labelFlush"] is True


# --- heatmaps ------------------------------------------------------------------------------


def test_a_heatmap_names_every_row_and_leaves_room_for_its_legend():
    run = train(preset(2))
    for matrix, rows in ((run.synapse_0, 3), (run.synapse_1.T, 1), (run.hidden_layer, 4)):
        spec = heatmap(matrix, "input", "unit", "weight").to_dict()
        cells = spec["layer"][0]
        assert cells["encoding"]["y"]["axis"]["labelOverlap"] is False
        legend = cells["encoding"]["color"]["legend"]
        assert legend["orient"] == "bottom" and legend["direction"] == "horizontal"
        # the height is the rows' alone: the column names and the legend are added to it
        assert spec["autosize"] == {"type": "fit-x", "contains": "padding"}
        assert spec["height"] == rows * 34


def test_a_wide_heatmap_names_its_columns_by_number_under_one_title():
    run = train(preset(3))
    spec = heatmap(run.synapse_1.T, "output", "unit", "weight").to_dict()  # 1 x 32
    x = spec["encoding"]["x"]
    assert x["title"] == "unit" and "split(datum.label" in x["axis"]["labelExpr"]
    assert spec["height"] == 30 and spec["autosize"]["type"] == "fit-x"
    narrow = heatmap(run.synapse_0[:, :4], "input", "unit", "weight").to_dict()["layer"][0]
    assert narrow["encoding"]["x"]["title"] is None


# --- controls: the iterations ladder, k ------------------------------------------------------


def test_the_iterations_ladder():
    assert ITERATIONS == (100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 30_000, 50_000,
                          100_000)  # fmt: skip
    assert {preset(e).iterations for e in (1, 2, 3)} <= set(ITERATIONS)  # the tutorial's
    assert nearest_rung(ITERATIONS, 25_000) == 30_000  # log scale: 25/20 > 30/25
    assert nearest_rung(ITERATIONS, 14_000) == 10_000 and nearest_rung(ITERATIONS, 15_000) == 20_000


def test_every_exercise_link_uses_a_rung_of_the_ladder():
    for ex in EXERCISES:
        if "iterations" in ex.params:
            assert int(ex.params["iterations"]) in ITERATIONS, ex.id
        settings = params.link_settings(ex.page, ex.params)
        assert settings.run.iterations in ITERATIONS, ex.id


def test_k_quick_picks_are_a_log_ladder_ending_at_the_last_iteration():
    assert k_picks(29_999) == (0, 1, 10, 100, 1_000, 10_000, 29_999)
    assert k_picks(99) == (0, 1, 10, 99) and k_picks(1) == (0, 1)


# --- a refusal names what fits on the page ---------------------------------------------------


def test_a_refused_band_says_what_fits_on_its_page():
    wide = preset(2).but(hidden=128, iterations=100_000, activation="tanh")
    example_2 = refusal(wide, [1, 100], band=True)
    assert example_2.startswith("Training 1 + 100 networks for 100,000 iterations")
    assert "a band of at most" in example_2 and "alphas" not in example_2
    seeds = int(example_2.split("a band of at most ")[1].split()[0])
    assert refusal(wide, [1, seeds], band=True) is None  # it does fit
    assert refusal(wide, [1, seeds + 1], band=True) is not None  # and one more does not
    rung = int(example_2.split("at most ")[2].split()[0].replace(",", ""))
    assert rung in ITERATIONS and refusal(wide.but(iterations=rung), [1, 100], True) is None
    sweep_of_19 = refusal(preset(3).but(hidden=128, iterations=100_000, activation="tanh"), [19])
    assert "alphas" in sweep_of_19 and "band" not in sweep_of_19
    assert refusal(preset(2), [1, 100], band=True) is None


# --- the link to Step by step ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("settings", "codes"),
    [
        (preset(2), {}),
        (preset(3), {"example": "3"}),
        (preset(3).but(alpha=1.0, hidden=8), {"example": "3", "alpha": "1", "hidden": "8"}),
        (preset(1).but(target=(0, 1, 1, 0.5), bias=False, seed=4, iterations=2_000),
         {"example": "1", "seed": "4", "iterations": "2000", "target": "0,1,1,0.5",
          "bias": "off"}),
        (preset(2).but(target=(1, 0, 0, 1), activation="tanh", init="r"),
         {"init": "r", "target": "xnor", "activation": "tanh"}),
    ],
)  # fmt: skip
def test_step_codes_carry_a_runs_settings_in_the_step_pages_codes(settings, codes):
    assert step_codes(settings) == codes
    back = params.link_settings("step_by_step", codes)  # what that page will run
    assert back.run == settings and back.k == 0
    assert {c.key for c in step_controls(settings.example)} >= set(codes) - {"example"}
