"""Links (issue 11): untrusted text made inert, the codes a link holds (read, refused, written),
older label links rewritten, numbers in ASCII digits, and pages that keep their own settings.
The same findings in a real browser: tests/e2e/test_links.py."""

from __future__ import annotations

import re

import pytest
from apptest_helpers import notices, open_page, readable, table_with

from dashboard.model.compare import DECAYS
from dashboard.url.controls import ALPHA_OPTIONS, alpha_control, example_controls, init_control
from dashboard.url.links import Spec, notice, plain_number
from dashboard.url.untrusted import LIMIT, inert

MARKUP = [
    "![p](https://evil.example/q.png)",
    "[Your session expired](https://evil.example/y)",
    ":red[**PWNED**]",
    "`code` ``two`` ```",
    "<img src=x onerror=alert(1)> <b>bold</b> </p>",
    "$x^2$ and $$\\frac{1}{2}$$",
    ":material/link: :smile: :blue-background[x]",
    "https://evil.example www.evil.example a@evil.example",
    "# heading",
    "> quote",
    "- item",
    "1. item",
    "~~strike~~ *em* _em_ __strong__",
    "&lt;b&gt; &#58; &amp;",
    "a|b\n|-|-|",
    "\\[x](https://evil.example) \\\\",
    "[ref]: https://evil.example",
]
PUNCTUATION = r"[!-/:-@\[-`{-~]"


def unescaped_punctuation(markdown: str) -> list[str]:
    """The ASCII punctuation characters of `markdown` that no backslash escapes."""
    return re.findall(
        rf"(?<!\\)(?:\\\\)*({PUNCTUATION})", re.sub(rf"\\{PUNCTUATION}", "", markdown)
    )


# --- inert text -------------------------------------------------------------------------------


@pytest.mark.parametrize("text", MARKUP)
def test_inert_escapes_every_markup_character(text):
    out = inert(text, limit=200)
    assert unescaped_punctuation(out) == []
    assert readable(out) == " ".join(text.split())  # shows exactly the text, on one line
    assert "\n" not in out


@pytest.mark.parametrize("text", ["https://evil.example/x", "WWW.evil.example", "a@evil.example"])
def test_inert_breaks_bare_addresses(text):
    """GitHub's autolinks are found after escaping: a word joiner breaks them."""
    shown = re.sub(rf"\\({PUNCTUATION})", r"\1", inert(text))
    assert not re.search(r"https?://|www\.|\w@\w", shown, re.IGNORECASE)
    assert shown.replace("\u2060", "") == text


def test_inert_shortens_and_drops_what_cannot_print():
    assert readable(inert("x" * 100)) == "x" * (LIMIT - 1) + "…"
    assert readable(inert("a\tb\r\n\nc\x00\x1bd")) == "a b cd"
    assert inert("") == "" and inert(12) == "12"


def test_a_notice_escapes_the_key_and_every_value():
    text = notice(":red[k]", ["![p](https://evil.example/q.png)", "`x`"], "why", "what")
    assert unescaped_punctuation(text.split("” (")[0]) == []
    assert readable(text) == "“:red[k]=![p](https://evil.example/q.png)&:red[k]=`x`” (why): what."
    many = readable(notice("alphas", ["1"] * 5, "why", "what"))
    assert many.startswith("“alphas=1&alphas=1&alphas=1&…”")


# --- codes: read, refused, written ------------------------------------------------------------

SEED = Spec("seed", "whole", 1, low=0, high=1000)
ITERATIONS = Spec("iterations", "whole", 10_000, low=100, high=100_000, step=100)


@pytest.mark.parametrize(
    "text", ["١٢", "1_0", "+5", " 5", "5 ", "5.5", "5.0", "1e3", "0x10", "", "٥"]
)
def test_whole_numbers_are_ascii_digits_only(text):
    assert SEED.read([text]) == (1, "not a whole number in the digits 0-9")


def test_whole_numbers_in_range_and_on_the_step():
    assert SEED.read(["12"]) == (12, None) and SEED.read(["007"]) == (7, None)
    assert SEED.read(["1001"]) == (1, "outside 0..1000")
    assert SEED.read(["-5"]) == (1, "outside 0..1000")
    assert ITERATIONS.read(["150"]) == (10_000, "not a multiple of 100")
    assert ITERATIONS.read(["30000"]) == (30_000, None)
    assert SEED.read(["3", "4"]) == (1, "given more than once")
    assert SEED.read([]) == (1, None)
    assert SEED.write(1) == [] and SEED.write(12) == ["12"]


def test_numbers_on_a_ladder():
    alpha = alpha_control(1.0).link
    for text, value in [("10", 10.0), ("10.0", 10.0), ("1e1", 10.0), ("0.001", 0.001), (".5", 0.5)]:
        assert alpha.read([text]) == (value, None), text
    for text in ["0.003", "abc", "١٠", "1_0", "+10", " 10", "inf", "nan", "-1"]:
        value, problem = alpha.read([text])
        assert value == 1.0 and problem == "not one of the values offered, 0.001 to 1000", text
    assert alpha.write(1.0) == [] and alpha.write(0.5) == ["0.5"] and alpha.write(1000) == ["1000"]
    decay = Spec("decay", "ladder", 0.0, DECAYS)
    assert decay.read(["2"]).problem == "not one of 0, 0.0001, 0.001, 0.01, 0.1, 1"
    assert decay.write(1e-4) == ["0.0001"]


def test_several_numbers_comma_separated_or_repeated():
    alphas = next(c for c in example_controls(3) if c.key == "alphas").link
    assert alphas.read(["0.1,1"]) == ((0.1, 1.0), None)
    assert alphas.read(["0.1", "1"]) == ((0.1, 1.0), None)  # older links: repeated
    assert alphas.read(["1,0.1,1"]) == ((1.0, 0.1), None)
    assert alphas.read([""]) == ((), None)  # none chosen
    assert alphas.read(["0.1,abc"]) == (
        (0.1,),
        "not one of the values offered, 0.001 to 1000 (some of them)",
    )
    assert alphas.read(["abc"]).value == alphas.default
    assert alphas.write([0.1, 1.0]) == ["0.1,1"] and alphas.write([]) == [""]
    assert alphas.write(list(alphas.default)) == []


def test_choices_are_codes_and_older_labels_are_read():
    init = init_control().link
    for text, value in [("numpy", "numpy"), ("r", "r"), ("R", "r"), ("Python (NumPy)", "numpy")]:
        assert init.read([text]) == (value, None), text
    assert init.read(["julia"]) == ("numpy", "not one of numpy, r")
    assert init.write("numpy") == [] and init.write("r") == ["r"]
    bias = Spec("bias", "choice", True, (True, False), codes={True: "on", False: "off"})
    assert bias.read(["OFF"]) == (False, None) and bias.write(False) == ["off"]
    assert bias.read(["true"]).problem == "not one of on, off"


def test_switches_read_on_off_and_older_true_false():
    reveal = Spec("reveal", "switch", False)
    for text, value in [
        ("on", True),
        ("1", True),
        ("true", True),
        ("True", True),
        ("off", False),
        ("0", False),
    ]:
        assert reveal.read([text]) == (value, None), text
    assert reveal.read(["maybe"]) == (False, "not on or off")
    assert reveal.write(True) == ["on"] and reveal.write(False) == []


def test_plain_numbers_never_use_an_exponent():
    assert [plain_number(a) for a in (0.001, 1e-5, 1.0, 1000.0, 0.5, 2e-3)] == [
        "0.001", "0.00001", "1", "1000", "0.5", "0.002",
    ]  # fmt: skip
    assert all(float(plain_number(a)) == a for a in ALPHA_OPTIONS + DECAYS)


# --- pages: codes in the URL, older labels rewritten ------------------------------------------


def link(at) -> dict[str, str]:
    """The page's URL query as {key: value} (one value each, as the page writes them)."""
    return {k: v[-1] if isinstance(v, list) else v for k, v in at.query_params.items()}


@pytest.mark.slow
def test_the_readmes_link_opens_as_written():
    at = open_page("example_2", {"seed": "3", "hidden": "8", "init": "r"})
    assert not at.exception and not at.warning
    assert (at.number_input(key="seed").value, at.slider(key="hidden").value) == (3, 8)
    assert at.radio(key="init").value == "r"
    assert link(at) == {"seed": "3", "hidden": "8", "init": "r"}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("page_name", "params", "rewritten"),
    [
        ("example_2", {"init": "Python (NumPy)", "seed": "3"}, {"seed": "3"}),
        ("example_1", {"init": "R", "bias": "on"}, {"init": "r"}),
        ("example_2", {"bias": "OFF", "target": "XOR", "activation": "Tanh"},
         {"bias": "off", "activation": "tanh"}),
        ("compare_nnet", {"objective": "least squares", "init": "Python (NumPy)"}, {"init": "numpy"}),
        ("step_by_step", {"reveal": "1"}, {"reveal": "on"}),
        ("step_by_step", {"reveal": "true", "example": "3"}, {"example": "3", "reveal": "on"}),
        ("step_by_step", {"reveal": "0"}, {}),
        ("example_3", {"alphas": ["0.1", "1"], "alpha": "1"}, {"alphas": "0.1,1", "alpha": "1"}),
    ],
)  # fmt: skip
def test_label_links_open_and_are_rewritten_to_codes(page_name, params, rewritten):
    at = open_page(page_name, params)
    assert not at.exception and not at.warning
    assert link(at) == rewritten


@pytest.mark.slow
def test_every_control_writes_its_code():
    at = open_page("example_2", {"iterations": "2000"})
    at.radio(key="init").set_value("r").run()
    at.radio(key="bias").set_value(False).run()
    at.radio(key="activation").set_value("tanh").run()
    at.select_slider(key="alpha").set_value(0.5).run()
    at.selectbox(key="target").set_value("nand").run()
    assert link(at) == {"iterations": "2000", "alpha": "0.5", "init": "r", "target": "nand",
                        "bias": "off", "activation": "tanh"}  # fmt: skip
    at = open_page("compare_nnet", {"iterations": "2000"})
    at.radio(key="objective").set_value("entropy").run()
    at.select_slider(key="decay").set_value(0.001).run()
    assert link(at) == {"iterations": "2000", "decay": "0.001", "objective": "entropy"}
    at = open_page("step_by_step")
    at.checkbox(key="reveal").check().run()
    at.radio(key="example").set_value(1).run()
    assert link(at) == {"example": "1", "reveal": "on"}
    at = open_page("example_3", {"iterations": "2000"})
    at.multiselect(key="alphas").set_value([0.1, 1.0]).run()
    assert link(at) == {"iterations": "2000", "alphas": "0.1,1"}


@pytest.mark.slow
def test_a_custom_target_goes_into_the_link_as_numbers():
    at = open_page("example_2", {"target": "0,1,1,0.5", "iterations": "2000"})
    assert not at.warning and link(at)["target"] == "0,1,1,0.5"
    at = open_page("example_2", {"target": "0,1,1,0", "iterations": "2000"})
    assert at.selectbox(key="target").value == "custom" and link(at)["target"] == "0,1,1,0"


# --- numbers in links -------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("seed", ["١٢", "1_0", "+5", "5.5", " 5"])
def test_numbers_in_links_are_ascii_whole_numbers(seed):
    at = open_page("example_2", {"seed": seed, "hidden": "8"})
    assert not at.exception
    assert f"seed={seed}" in notices(at) and "using 1" in notices(at)
    assert at.number_input(key="seed").value == 1
    assert link(at) == {"hidden": "8"}  # the link now says what the page uses
    at.run()
    assert not at.warning  # said once


@pytest.mark.slow
def test_an_unknown_parameter_is_named_and_dropped():
    at = open_page("example_1", {"hidden": "8", "seeed": "3"})
    assert "hidden=8 (not a setting of this page)" in notices(at).replace("”", "").replace("“", "")
    assert "seeed=3" in notices(at) and link(at) == {}


@pytest.mark.slow
def test_typed_markup_in_a_target_cell_stays_text():
    at = open_page("example_2", {"target": "0,1,1,0", "iterations": "2000"})
    (editor,) = at.data_editor
    at.session_state[editor.key] = {
        "edited_rows": {1: {"target": "![p](https://evil.example/q.png) :red[x]"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    (message,) = [e.value for e in at.error]
    assert "“![p](https://evil.example/q.png) :red[x]” is not a number" in readable(message)
    assert unescaped_punctuation(message.split("“")[1].split("”")[0]) == []


# --- each page keeps its own settings ---------------------------------------------------------


def switch(at, page: str):
    """Open another page as the browser does: its link holds none of this page's values."""
    at.query_params.clear()
    at.switch_page(f"pages/{page}.py")
    return at.run()


@pytest.mark.slow
def test_example_3s_hidden_units_do_not_reach_backprop_vs_nnet():
    at = open_page("example_3", {"iterations": "2000"})
    at.slider(key="hidden").set_value(33).run()
    assert link(at) == {"iterations": "2000", "hidden": "33"}
    switch(at, "compare_nnet")
    assert not at.exception and not at.warning
    assert at.slider(key="hidden").value == 4 and at.radio(key="init").value == "r"
    assert at.select_slider(key="iterations").value == 30_000 and link(at) == {}


@pytest.mark.slow
def test_example_2s_seed_and_iterations_do_not_reach_example_1():
    at = open_page("example_2", {"seed": "8", "iterations": "30000"})
    at.select_slider(key="iterations").set_value(20_000).run()
    switch(at, "example_1")
    assert (at.number_input(key="seed").value, at.select_slider(key="iterations").value) == (
        1,
        10_000,
    )
    assert set(table_with(at, "match")["match"]) == {"yes"}  # the tutorial's numbers again
    switch(at, "example_2")  # and back: its own defaults, as its (empty) link says
    assert (at.number_input(key="seed").value, at.select_slider(key="iterations").value) == (
        1,
        30_000,
    )


@pytest.mark.slow
def test_a_custom_target_does_not_reach_another_page():
    at = open_page("example_2", {"target": "0,1,1,0.5", "iterations": "2000"})
    switch(at, "example_1")
    assert at.selectbox(key="target").value == "first"
    at.selectbox(key="target").set_value("custom").run()
    assert at.data_editor[0].value["target"].tolist() == ["0", "0", "1", "1"]  # Example 1's
