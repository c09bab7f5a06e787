"""The pages' controls: one `Control` spec per widget. No Streamlit: ui.widgets draws them.

A control's value lives in its link as a short code (url.links: `Control.link` is its pure
`Spec`); the page owns its URL (url.state reads the link when a page is opened, sets the
widgets, and writes the codes back). No widget is bound to the URL by Streamlit, whose
binding writes widget labels into the link and carries them over to other pages. A later
control is one more spec: a factory function here, plus its key in a page's list;
`settings_from` passes every key that names a RunSettings field on to the engine.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, fields
from typing import Any, Literal

from tinynet import ACTIVATIONS, EXAMPLES, SEED_ALPHAS, RunSettings, preset

from .links import Reading, Spec, plain_number
from .targets import CUSTOM, choice_label, link_text, read_link, seed_target_name, target_choices

Kind = Literal["slider", "number", "select_slider", "radio", "selectbox", "multiselect", "checkbox"]

# Alpha moves on a log-like ladder (1, 2, 5 per decade) that holds the tutorial's seven values.
ALPHA_OPTIONS = tuple(float(f"{m}e{e}") for e in range(-3, 3) for m in (1, 2, 5)) + (1000.0,)
MAX_SEED = 1_000
# Iterations on the same kind of ladder, 100 to 100,000, with the tutorial's 30,000: eleven
# positions a keyboard crosses in a moment. Older links held any multiple of 100 in that
# range: they open at the nearest rung, with a notice.
MIN_ITERATIONS, MAX_ITERATIONS, ITERATION_STEP = 100, 100_000, 100
ITERATIONS = tuple(sorted({m * 10**e for e in range(2, 5) for m in (1, 2, 5)} | {30_000, 100_000}))
MAX_HIDDEN = 128
INIT_LABELS = {"numpy": "Python (NumPy)", "r": "R"}
_SETTINGS_FIELDS = {f.name for f in fields(RunSettings)}
_LINK_KINDS = {"slider": "whole", "number": "whole", "select_slider": "ladder",
               "multiselect": "ladders", "radio": "choice", "selectbox": "choice",
               "checkbox": "switch"}  # fmt: skip


@dataclass(frozen=True)
class Control:
    """One control. `key` is the widget key and the link's parameter."""

    key: str
    label: str
    kind: Kind
    default: Any
    options: tuple = ()  # select_slider, radio, selectbox, multiselect
    low: float = 0  # slider, number; select_slider: older links' whole numbers (url.links)
    high: float = 0
    step: float = 1
    format: Callable[[Any], str] = str  # option -> the text the widget shows
    help: str | None = None
    codes: Mapping[Any, str] | None = None  # option -> its code in a link (None: str(option))
    # For a value no option list holds (a custom target's four numbers): the link's text ->
    # a Reading, a value -> the link's text, and the option that stands for such a value
    # (url.state keeps the value itself beside the widget's).
    read: Callable[[str], Reading] | None = None
    text: Callable[[Any], str] = str
    custom: Any = None

    @property
    def link(self) -> Spec:
        """How this control's value is read from and written to a link."""
        kind = "text" if self.read is not None else _LINK_KINDS[self.kind]
        return Spec(
            self.key, kind, self.default, self.options, int(self.low), int(self.high),
            int(self.step), self.codes, self.format, self.read, self.text,
        )  # fmt: skip

    def shown(self, value: Any) -> str:
        """A value as a sentence names it (what a notice says is used instead)."""
        if self.kind == "multiselect":
            return ", ".join(self.format(v) for v in value) or "none"
        if self.kind == "checkbox":
            return "on" if value else "off"
        if self.read is not None and value not in self.options:
            return self.text(value)
        return self.format(value) if self.options else str(value)

    def widget_value(self, value: Any) -> Any:
        """A value as the widget holds it in st.session_state (a custom value: its option)."""
        if self.kind == "multiselect":
            return list(value)
        if self.custom is not None and value not in self.options:
            return self.custom
        return value


def seed_control(default: int = 1) -> Control:
    return Control(
        "seed", "Random seed", "number", default, low=0, high=MAX_SEED,
        help="np.random.seed(seed) or R's set.seed(seed), before the weights are drawn. "
        f"Type a number from 0 to {MAX_SEED:,}, or step with − and +.",
    )  # fmt: skip


def iterations_control(default: int) -> Control:
    return Control(
        "iterations", "Iterations", "select_slider", default, ITERATIONS,
        low=MIN_ITERATIONS, high=MAX_ITERATIONS, step=ITERATION_STEP, format="{:,}".format,
        help="Passes over the four rows: one forward pass and one weight update each.",
    )  # fmt: skip


def alpha_control(default: float, label: str = "Alpha (learning rate)") -> Control:
    return Control(
        "alpha", label, "select_slider", float(default), ALPHA_OPTIONS, format=plain_number,
        help="The weight update is multiplied by alpha. The tutorial's examples 1 and 2 use 1.",
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
        help="Draw the starting weights as the tutorial's Python does (np.random) or as its R "
        "does (set.seed + runif, with R's order of summation): the tutorial's two columns.",
    )  # fmt: skip


def alphas_control(default: Sequence[float] = SEED_ALPHAS) -> Control:
    return Control(
        "alphas", "Alphas to sweep", "multiselect", tuple(float(a) for a in default),
        ALPHA_OPTIONS, format=plain_number,
        help="Every alpha trains from the same starting weights, all together in one loop.",
    )  # fmt: skip


def activation_control(default: str = "sigmoid") -> Control:
    return Control(
        "activation", "Hidden-layer activation", "radio", default, tuple(ACTIVATIONS),
        help="The hidden layer's nonlinearity (the output stays a sigmoid). The tutorial: "
        "\"you could try other transformations for the first hidden layer\".",
    )  # fmt: skip


def example_control(default: int = 2) -> Control:
    return Control(
        "example", "Example", "radio", default, EXAMPLES,
        help="Start from the tutorial's settings for this example: its network, seed and alpha.",
    )  # fmt: skip


def k_control(last: int, default: int = 0) -> Control:
    """Iteration k of a run whose last iteration is `last` (its error has last + 1 entries)."""
    return Control(
        "k", "Iteration k", "number", min(default, last), low=0, high=max(last, 1),
        help="Which pass of the loop to show: k = 0 is the first, with the starting weights. "
        "Type it, step with − and +, or jump with the quick picks below.",
    )  # fmt: skip


def k_picks(last: int) -> tuple[int, ...]:
    """Quick picks for k on a log ladder: 0, 1, 10, 100, ... below `last`, and `last`."""
    return tuple(sorted({0, last} | {10**e for e in range(7) if 10**e < last}))


def reveal_control(default: bool = False) -> Control:
    return Control(
        "reveal", "Predict, then reveal", "checkbox", default,
        help="Hide each stage's result until you open it: work it out first.",
    )  # fmt: skip


def target_control(example: int) -> Control:
    """The target: the tutorial's, another named one, or "custom" (a 4-row table on the
    page). In a link, `target=` is a name or four numbers, which no option list holds."""
    return Control(
        "target", "Target (y)", "selectbox", seed_target_name(example),
        target_choices(example), format=choice_label(example),
        help="What the network should output for the four inputs. Custom: type four numbers "
        "in [0, 1] into the table on the page (a link holds them as target=0,1,1,0.5).",
        read=read_link, text=link_text, custom=CUSTOM,
    )  # fmt: skip


BIAS_LABELS = {True: "on", False: "off"}


def bias_control() -> Control:
    return Control(
        "bias", "Constant input x3 (the bias)", "radio", True, (True, False),
        format=BIAS_LABELS.__getitem__, codes=BIAS_LABELS,
        help="The tutorial's third input column is all ones: it lets a unit's input be non-zero "
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
    """The standard controls of an example page, defaulting to the tutorial's settings."""
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


AXIS_LABELS = {"auto": "fit the data", "fixed": "fixed, 0.0001 to 1"}


def axis_control() -> Control:
    return Control(
        "axis", "Error axis", "radio", "auto", tuple(AXIS_LABELS),
        format=AXIS_LABELS.__getitem__,
        help="Hold the error axis at 0.0001 to 1 so two settings compare by eye (values "
        "outside it are drawn at its edge).",
    )  # fmt: skip


def step_controls(example: int) -> list[Control]:
    """The Step by step page's controls of one run of `example` (its iteration and reveal
    aside): the example page's, without a sweep (Example 3's alpha is the run's) or a band."""
    specs = [
        alpha_control(c.default) if c.key == "alpha" else c
        for c in example_controls(example) + teaching_controls(example)
        if c.key not in ("alphas", "ensemble")
    ]
    return specs


def settings_from(example: int, values: Mapping[str, Any]) -> RunSettings:
    """The tutorial's settings for `example`, changed by every value whose key is a RunSettings
    field (so new controls named like a field need no code here)."""
    changes = {k: v for k, v in values.items() if k in _SETTINGS_FIELDS}
    return preset(example).but(**changes)
