"""Controls bound to the URL (bind="query-params"), with a notice when a link's value is bad.

Each control is a `Control` spec; `show_controls` first checks the link's raw values against
the specs (Streamlit itself silently drops a bad bound value and falls back to the default; we
say so), then draws the widgets in the sidebar. A later control (target, bias, activation,
ensemble size) is one more spec: a factory function here, plus its key in a page's list;
`settings_from` passes every key that names a RunSettings field on to the engine.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, fields
from typing import Any, Literal

import streamlit as st

from tinynet import ACTIVATIONS, EXAMPLES, SEED_ALPHAS, RunSettings, preset

Kind = Literal["slider", "select_slider", "radio", "selectbox", "multiselect", "checkbox"]

# Alpha moves on a log-like ladder (1, 2, 5 per decade) that holds the seed's seven values.
ALPHA_OPTIONS = tuple(float(f"{m}e{e}") for e in range(-3, 3) for m in (1, 2, 5)) + (1000.0,)
MAX_SEED = 1_000
MIN_ITERATIONS, MAX_ITERATIONS, ITERATION_STEP = 100, 100_000, 100
MAX_HIDDEN = 128
INIT_LABELS = {"numpy": "Python (NumPy)", "r": "R"}
_SETTINGS_FIELDS = {f.name for f in fields(RunSettings)}


def number_label(value: float) -> str:
    """How a number shows in the widget and in the URL: 10, 0.001, 1000."""
    return f"{value:g}"


@dataclass(frozen=True)
class Control:
    """One URL-bound control. `key` is the widget key and the query parameter's name."""

    key: str
    label: str
    kind: Kind
    default: Any
    options: tuple = ()  # select_slider, radio, selectbox, multiselect
    low: float = 0  # slider
    high: float = 0
    step: float = 1
    format: Callable[[Any], str] = str  # option -> its text, shown and written in the URL
    help: str | None = None
    # The link's text -> why it cannot be used, or None: for values no fixed option list holds
    # (a custom target's four numbers). Replaces the check against the options' texts.
    validate: Callable[[str], str | None] | None = None
    # False: the widget is not bound by Streamlit; `adopt` then takes the link's raw values
    # (before the widget is drawn) and the page writes the URL itself (dashboard.target_input).
    bind: bool = True
    adopt: Callable[[Control, list[str]], None] | None = None

    def url_problem(self, raw: Sequence[str]) -> str | None:
        """Why the link's raw value(s) for this control cannot be used, or None if they can.
        Mirrors what Streamlit 1.67 accepts for a bound widget of this kind."""
        if self.kind == "multiselect":
            bad = [v for v in raw if v and v not in self._texts()]
            return f"{', '.join(bad)} not offered" if bad else None
        if len(raw) != 1:
            return "given more than once"
        text = raw[0]
        if text == "":
            return "empty"
        if self.kind == "slider":
            try:
                value = float(text)
            except ValueError:
                return "not a number"
            if not math.isfinite(value) or not self.low <= value <= self.high:
                return f"outside {number_label(self.low)}..{number_label(self.high)}"
            return None
        if self.kind == "checkbox":
            return None if text.lower() in ("true", "false") else "not true or false"
        if self.validate is not None:
            return self.validate(text)
        return None if text in self._texts() else "not one of the offered values"

    def _texts(self) -> list[str]:
        return [self.format(o) for o in self.options]

    def default_text(self) -> str:
        if self.kind == "multiselect":
            return ", ".join(self.format(v) for v in self.default)
        return self.format(self.default) if self.options else number_label(self.default)

    def render(self, where: Any = st) -> Any:
        """Draw the widget (bound to the URL) in `where` and return its value."""
        common = {"key": self.key, "help": self.help}
        if self.bind:
            common["bind"] = "query-params"
        if self.kind == "slider":
            return where.slider(
                self.label,
                int(self.low),
                int(self.high),
                int(self.default),
                int(self.step),
                **common,
            )
        if self.kind == "select_slider":
            return where.select_slider(
                self.label, self.options, self.default, format_func=self.format, **common
            )
        if self.kind in ("radio", "selectbox"):
            index = self.options.index(self.default)
            extra = {"horizontal": True} if self.kind == "radio" else {}
            widget = where.radio if self.kind == "radio" else where.selectbox
            return widget(
                self.label, self.options, index, format_func=self.format, **extra, **common
            )
        if self.kind == "multiselect":
            return where.multiselect(
                self.label, self.options, list(self.default), format_func=self.format, **common
            )
        return where.checkbox(self.label, bool(self.default), **common)


def seed_control(default: int = 1) -> Control:
    return Control(
        "seed", "Random seed", "slider", default, low=0, high=MAX_SEED,
        help="np.random.seed(seed) or R's set.seed(seed), before the weights are drawn.",
    )  # fmt: skip


def iterations_control(default: int) -> Control:
    return Control(
        "iterations", "Iterations", "slider", default,
        low=MIN_ITERATIONS, high=MAX_ITERATIONS, step=ITERATION_STEP,
        help="Passes over the four rows: one forward pass and one weight update each.",
    )  # fmt: skip


def alpha_control(default: float, label: str = "Alpha (learning rate)") -> Control:
    return Control(
        "alpha", label, "select_slider", float(default), ALPHA_OPTIONS, format=number_label,
        help="The weight update is multiplied by alpha. The seed's examples 1 and 2 use 1.",
    )  # fmt: skip


def hidden_control(default: int) -> Control:
    return Control(
        "hidden", "Hidden units", "slider", default, low=1, high=MAX_HIDDEN,
        help="Columns of synapse_0 (one per hidden unit) and rows of synapse_1.",
    )  # fmt: skip


def init_control(default: str = "numpy") -> Control:
    return Control(
        "init", "Initial weights", "radio", default, tuple(INIT_LABELS),
        format=INIT_LABELS.__getitem__,
        help="Draw the starting weights as the seed's Python does (np.random) or as its R does "
        "(set.seed + runif, with R's order of summation): the seed's two columns.",
    )  # fmt: skip


def alphas_control(default: Sequence[float] = SEED_ALPHAS) -> Control:
    return Control(
        "alphas", "Alphas to sweep", "multiselect", tuple(float(a) for a in default),
        ALPHA_OPTIONS, format=number_label,
        help="Every alpha trains from the same starting weights, all together in one loop.",
    )  # fmt: skip


def activation_control(default: str = "sigmoid") -> Control:
    return Control(
        "activation", "Hidden-layer activation", "radio", default, tuple(ACTIVATIONS),
        help="The hidden layer's nonlinearity (the output stays a sigmoid). The seed: \"you "
        "could try other transformations for the first hidden layer\".",
    )  # fmt: skip


def example_control(default: int = 2) -> Control:
    return Control(
        "example", "Example", "radio", default, EXAMPLES,
        help="Start from the seed's settings for this example: its network, seed and alpha.",
    )  # fmt: skip


def k_control(last: int, default: int = 0) -> Control:
    """Iteration k of a run whose last iteration is `last` (its error has last + 1 entries)."""
    return Control(
        "k", "Iteration k", "slider", min(default, last), low=0, high=max(last, 1),
        help="Which pass of the loop to show: k = 0 is the first, with the starting weights.",
    )  # fmt: skip


def reveal_control(default: bool = False) -> Control:
    return Control(
        "reveal", "Predict, then reveal", "checkbox", default,
        help="Hide each stage's result until you open it: work it out first.",
    )  # fmt: skip


def target_control(example: int) -> Control:
    """The target: the seed's, another named one, or "custom" (a 4-row table on the page).
    Unbound: the link's `target=` is a name or four numbers, which no option list holds."""
    from . import target_input, targets  # target_input draws with Streamlit, like this module

    return Control(
        "target", "Target (y)", "selectbox", targets.seed_target_name(example),
        targets.target_choices(example), format=targets.choice_label(example),
        help="What the network should output for the four inputs. Custom: type four numbers "
        "in [0, 1] into the table on the page (a link holds them as target=0,1,1,0.5).",
        validate=targets.target_problem, bind=False, adopt=target_input.adopt_link,
    )  # fmt: skip


BIAS_LABELS = {True: "on", False: "off"}


def bias_control() -> Control:
    return Control(
        "bias", "Constant input x3 (the bias)", "radio", True, (True, False),
        format=BIAS_LABELS.__getitem__,
        help="The seed's third input column is all ones: it lets a unit's input be non-zero "
        "when x1 = x2 = 0. Turn it off to see why it is there.",
    )  # fmt: skip


MAX_ENSEMBLE = 100


def ensemble_control(default: int = 0) -> Control:
    return Control(
        "ensemble", "Band of seeds (0: off)", "slider", default, low=0, high=MAX_ENSEMBLE,
        help="Also train this many networks, seeds seed, seed + 1, ..., all together, and draw "
        "their error as a band behind the chosen seed's line.",
    )  # fmt: skip


def teaching_controls(example: int) -> list[Control]:
    """The issue 5 controls of an example page: target and bias everywhere; the hidden
    layer's activation and a band of seeds where there is a hidden layer."""
    specs = [target_control(example), bias_control()]
    if example != 1:
        specs += [activation_control(), ensemble_control()]
    return specs


def example_controls(example: int) -> list[Control]:
    """The standard controls of an example page, defaulting to the seed's settings."""
    seed = preset(example)
    controls = [
        seed_control(seed.seed),
        iterations_control(seed.iterations),
        alpha_control(
            seed.alpha, "Alpha of the detailed run" if example == 3 else "Alpha (learning rate)"
        ),
    ]
    if seed.hidden is not None:
        controls.append(hidden_control(seed.hidden))
    controls.append(init_control(seed.init))
    if example == 3:
        controls.insert(3, alphas_control())
    return controls


def url_notices(controls: Sequence[Control], params: Any = None) -> list[str]:
    """One sentence per control whose value in the link cannot be used."""
    params = st.query_params if params is None else params
    notices = []
    for control in controls:
        if control.key not in params:
            continue
        raw = params.get_all(control.key)
        problem = control.url_problem(raw)
        if problem:
            given = "&".join(f"{control.key}={v}" for v in raw) or f"{control.key}="
            fallback = (
                "ignored" if control.kind == "multiselect" else f"using {control.default_text()}"
            )
            notices.append(f"`{given}` ({problem}): {fallback}.")
    return notices


def show_controls(controls: Sequence[Control], where: Any = None) -> dict[str, Any]:
    """Check the link, draw the controls (sidebar by default) and return {key: value}.
    A notice in the page lists the link values that fell back to their defaults."""
    notices = url_notices(controls)  # before the widgets: they drop bad values from the URL
    for control in controls:
        if control.adopt is not None:
            control.adopt(control, st.query_params.get_all(control.key))
    where = st.sidebar if where is None else where
    where.header("Settings")
    values = {c.key: c.render(where) for c in controls}
    if notices:
        st.warning("Some values in the link could not be used. " + " ".join(notices), icon="🔗")
    return values


def settings_from(example: int, values: Mapping[str, Any]) -> RunSettings:
    """The seed's settings for `example`, changed by every value whose key is a RunSettings
    field (so new controls named like a field need no code here)."""
    changes = {k: v for k, v in values.items() if k in _SETTINGS_FIELDS}
    return preset(example).but(**changes)
