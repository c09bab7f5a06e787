"""The example pages through AppTest (issues 9 and 10): the first screen's verdict and wrong
rows, tabs that build only the open one, five significant digits in the sweep table, an
alpha's fixed colour, no emoji, and on every page "Share this setting", "Reset to the
tutorial's settings", "Open this run step by step" and "Try this"."""

from __future__ import annotations

import json
import re

import pytest
from apptest_helpers import PAGES, charts, layers, notices, open_page, open_tab, readable
from apptest_helpers import table_with as table

import tinynet
from dashboard.charts.axes import ALPHA_STYLES
from dashboard.url.share import step_codes
from dashboard.workshop import params
from dashboard.workshop.exercises import exercises_for
from tinynet import SEED_ALPHAS, preset

pytestmark = pytest.mark.slow  # every test here drives a page through AppTest

# Emoji and pictographs a lab machine without an emoji font shows as empty boxes.
EMOJI = re.compile("[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\ufe0f]")


def formats(at, *columns: str) -> dict[str, str]:
    """The number format of each column of the first table that has these columns."""
    for frame in at.dataframe:
        if all(c in frame.value.columns for c in columns):
            config = json.loads(frame.proto.columns)
            return {name: c.get("type_config", {}).get("format") for name, c in config.items()}
    raise AssertionError(f"no table with columns {columns}")


def link(at) -> dict[str, str]:
    return {k: (v[-1] if isinstance(v, list) else v) for k, v in at.query_params.items()}


def test_the_verdict_and_the_wrong_rows_on_the_page():
    # one hidden unit cannot fit XOR: the engine's verdict names the rows it gets wrong
    at = open_page("example_2", {"hidden": "1", "iterations": "10000"})
    run = tinynet.train(preset(2).but(hidden=1, iterations=10_000))
    said = tinynet.verdict(run)
    assert not said.learned and said.wrong_rows
    lines = [readable(m.value) for m in at.markdown]
    assert f":red[:material/cancel:] {said.text}" in lines
    shown = table(at, "prediction", "verdict")
    wrong = [abs(t - p) > 0.05 for t, p in zip(run.settings.target, run.prediction, strict=True)]
    assert shown["verdict"].tolist() == ["wrong" if w else "right" for w in wrong]
    assert [i for i, w in enumerate(wrong) if w] == list(said.wrong_rows)


@pytest.mark.parametrize("page_name", PAGES)
def test_the_tutorials_run_is_learned_on_every_page(page_name):
    at = open_page(page_name)
    target = {"example_1": "Target = x1"}.get(page_name, "XOR")
    lines = [readable(m.value) for m in at.markdown]
    assert f":green[:material/check_circle:] {target} learned: all 4 rows within 0.05" in lines
    assert set(table(at, "prediction", "verdict")["verdict"]) == {"right"}


@pytest.mark.parametrize("init", ["numpy", "r"])
def test_the_sweep_table_shows_five_significant_digits(init):
    at = open_page("example_3", {"init": init})
    sweep = table(at, "alpha", "print 1", "outcome")
    shown = formats(at, "alpha", "print 1", "outcome")
    numbers = ["print 1", "print 2", "print 3", "final error"]
    numbers += [f"tutorial, print {n}" for n in (1, 2, 3)]
    assert {shown[c] for c in numbers} == {"%.5g"}  # not 17 digits cut on the left
    assert shown["alpha"] == "%g"
    # ... while the table keeps every digit (its download, and the sweep the engine ran)
    runs = tinynet.sweep(preset(3).but(init=init), list(SEED_ALPHAS))
    assert sweep["final error"].tolist() == [r.final_error for r in runs]
    config = json.loads(next(f for f in at.dataframe if "print 1" in f.value.columns).proto.columns)
    first = "iteration 0" if init == "numpy" else "iteration 9,999"
    assert first in config["print 1"]["help"] and "counting from 0" in config["print 1"]["help"]


def test_an_alpha_keeps_its_colour_on_the_page():
    def colours(at) -> dict[str, str]:
        for spec, _ in charts(at):
            for unit in layers(spec):
                scale = unit.get("encoding", {}).get("color", {}).get("scale", {})
                if "range" in scale and unit["mark"]["type"] == "line":
                    return dict(zip(scale["domain"], scale["range"], strict=True))
        raise AssertionError("no sweep chart")

    at = open_page("example_3", {"alphas": "0.1,10", "iterations": "2000"})
    few = colours(at)
    at.multiselect(key="alphas").set_value([0.001, 0.01, 0.2, 10.0, 1000.0]).run()
    many = colours(at)
    assert set(few) == {"0.1", "10"} and set(many) == {"0.001", "0.01", "0.2", "10", "1000"}
    assert few["10"] == many["10"] == ALPHA_STYLES["10"][0]  # green in both sweeps
    assert len(set(many.values())) == len(many)


@pytest.mark.parametrize("page_name", PAGES)
def test_tabs_build_only_the_open_one(page_name):
    at = open_page(page_name)
    key = f"tabs_{page_name}"
    assert at.session_state[key] == "Tutorial says / we get"
    assert len(charts(at)) == 1  # the first screen's error chart, nothing from closed tabs
    assert not at.get("iframe") and not at.get("download_button")
    open_tab(at, key, "Watch it learn")
    (player,) = at.get("iframe")
    assert '"frames"' in player.proto.srcdoc or 'id="frames"' in player.proto.srcdoc
    assert not table_or_none(at, "tutorial says")
    open_tab(at, key, "Code & downloads")
    assert len(at.get("download_button")) == 3 and not at.get("iframe")


def table_or_none(at, *columns):
    try:
        return table(at, *columns) is not None
    except AssertionError:
        return False


@pytest.mark.parametrize("page_name", [*PAGES, "step_by_step"])
def test_no_emoji_anywhere_on_the_page(page_name):
    at = open_page(page_name)
    key = f"tabs_{page_name}"
    labels = at.session_state[key]  # every tab, one after another
    seen = []
    for label in [t.label for t in at.tabs] or [labels]:
        open_tab(at, key, label)
        seen += [e.value for kind in ("markdown", "caption", "error", "info", "warning",
                                      "subheader", "title") for e in getattr(at, kind)]  # fmt: skip
        seen += [str(v) for f in at.dataframe for v in f.value.astype(str).to_numpy().ravel()]
        for kind in ("error", "info", "warning", "success"):
            for alert in getattr(at, kind):
                assert alert.proto.icon.startswith(":material/"), alert.value
    assert not [text for text in seen if EMOJI.search(text)]


# --- the sidebar: share, reset, step by step ---------------------------------------------------


def test_share_this_setting_gives_the_link_and_a_qr_code():
    at = open_page("example_2", {"seed": "3", "hidden": "8"})
    assert not at.get("image")  # built only when opened
    at.session_state["share_open"] = True
    at.run()
    (shown,) = [c.value for c in at.sidebar.code]
    assert shown == params.url("example_2", {"seed": "3", "hidden": "8"}, params.LOCAL)
    assert len(at.get("image")) == 1  # the QR code, a PNG made from that link


def test_reset_goes_back_to_the_tutorials_settings():
    at = open_page("example_2", {"seed": "3", "hidden": "8", "init": "r", "target": "nand"})
    assert link(at) == {"seed": "3", "hidden": "8", "init": "r", "target": "nand"}
    at.button(key="reset_settings").click().run()
    assert not at.exception and not at.warning
    assert link(at) == {}
    assert (at.number_input(key="seed").value, at.slider(key="hidden").value) == (1, 4)
    assert at.radio(key="init").value == "numpy" and at.selectbox(key="target").value == "xor"
    assert set(table(at, "match")["match"]) == {"yes"}  # the tutorial's numbers again


@pytest.mark.parametrize(
    ("page_name", "given"),
    [("example_1", {"seed": "4", "target": "0,1,1,0.5", "bias": "off"}),
     ("example_2", {"hidden": "8", "activation": "tanh", "init": "r"}),
     ("example_3", {"alpha": "1", "alphas": "0.1,1", "hidden": "8", "iterations": "2000"})],
)  # fmt: skip
def test_open_this_run_step_by_step_carries_the_run(page_name, given):
    at = open_page(page_name, given)
    example = int(page_name[-1])
    settings = params.link_settings(page_name, given).run  # the run the page shows
    (step,) = [p for p in at.sidebar.get("page_link") if "step_by_step" in p.proto.page]
    query = dict(re.findall(r"([^&=]+)=([^&]*)", step.proto.query_string.replace("%2C", ",")))
    assert query == step_codes(settings)
    at = open_page("step_by_step", query)
    assert not at.exception and not at.warning
    assert at.radio(key="example").value == example
    assert at.number_input(key="seed").value == settings.seed
    assert at.select_slider(key="iterations").value == settings.iterations
    assert at.select_slider(key="alpha").value == settings.alpha
    assert at.number_input(key="k").value == 0
    if example != 1:
        assert at.slider(key="hidden").value == settings.hidden
        assert at.radio(key="activation").value == settings.activation
    assert at.radio(key="bias").value == settings.bias


@pytest.mark.parametrize("page_name", [*PAGES, "step_by_step"])
def test_try_this_lists_the_pages_exercises(page_name):
    at = open_tab(open_page(page_name), f"tabs_{page_name}", "Try this")
    exercises = exercises_for(page_name)
    assert exercises
    shown = [m.value for m in at.markdown]
    for ex in exercises:
        assert f"**{ex.title}**" in shown and ex.question in shown
    links = at.get("page_link")
    starts = [p for p in links if p.proto.page.endswith(page_name)]
    assert len(starts) == len(exercises)
    assert any(p.proto.page.endswith("workshop") for p in links)


def test_an_exercise_link_to_the_same_page_opens_its_settings():
    at = open_page("example_2", {"seed": "5"})
    (ex,) = [e for e in exercises_for("example_2") if e.params.get("hidden") == "1"]
    at.query_params.clear()
    at.query_params.update(ex.params)  # what following its link does, staying on the page
    at.run()
    assert not at.exception and not at.warning
    assert at.number_input(key="seed").value == 1  # the exercise's settings, nothing kept
    assert at.slider(key="hidden").value == 1
    assert link(at) == dict(ex.params)


def test_an_older_links_iterations_open_at_the_nearest_rung():
    at = open_page("example_2", {"iterations": "25000", "seed": "2"})
    assert "iterations=25000" in notices(at) and "using 30,000" in notices(at)
    assert at.select_slider(key="iterations").value == 30_000
    assert link(at) == {"seed": "2"}  # 30,000 is the default: the link no longer says it


# --- speed: a chart is built once for its arguments --------------------------------------------


def test_a_rerun_replays_the_charts_it_has_built(monkeypatch):
    import dashboard.ui.display as display

    built = []
    draw = display.chart
    monkeypatch.setattr(display, "chart", lambda figure: (built.append(figure), draw(figure)))
    at = open_page("example_2", {"seed": "7", "iterations": "1000"})
    assert len(charts(at)) == 1
    built.clear()
    at.run()  # nothing changed: the chart is replayed, Altair is not called
    ((spec, _),) = charts(at)
    assert built == [] and spec["encoding"]["y"]["scale"]["domain"] == [0.01, 1.0]
    at.radio(key="axis").set_value("fixed").run()  # other arguments: built once more
    ((spec, _),) = charts(at)
    assert len(built) == 1 and spec["encoding"]["y"]["scale"]["domain"] == [0.0001, 1.0]
    at.radio(key="axis").set_value("auto").run()  # back: replayed again
    assert len(built) == 1 and len(charts(at)) == 1
