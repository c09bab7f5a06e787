"""Backprop vs nnet's controls: the fit switch, the backprop side's and nnet's.

The switch (model.nnet_fits) picks one of the tutorial's two nnet fits or a fresh one. Picking
a tutorial fit sets every control to that fit's settings; moving an nnet control away from them
switches to the fresh fit. Both happen before any widget is drawn, from st.session_state.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import streamlit as st

from tinynet.nnet import NnetFit

from ..model import compare
from ..model.nnet_fits import (
    DEFAULT_FIT,
    EXAMPLES,
    FIT_LABELS,
    NnetChoice,
    backprop_start,
    fit_arguments,
    link_fit,
    settled_fit,
    tutorial_choice,
)
from ..url import controls
from ..url.controls import Control
from ..url.links import plain_number
from . import cache
from .widgets import PageLink

NNET_KEYS = ("size", "decay", "objective")
BACKPROP_KEYS = ("hidden", "alpha", "iterations", "init")
_LAST_FIT = "_compare_fit"  # the fit the page showed last


def fit_control() -> Control:
    return Control(
        "fit", "Which nnet fit", "radio", DEFAULT_FIT, tuple(FIT_LABELS), format=FIT_LABELS.__getitem__,
        help="The tutorial's nnet fits continue R's random stream after its Example 2 or 3 "
        "code; a fresh fit starts right after set.seed(seed).",
    )  # fmt: skip


def backprop_controls(fit: str) -> list[Control]:
    """The seed and the backprop side's controls, defaulting to the R code this fit follows."""
    start = backprop_start(fit)
    return [
        replace(
            controls.seed_control(start.seed),
            label="Random seed (both nets)",
            help="Backprop: np.random.seed(seed) or set.seed(seed), by its initial weights. "
            "nnet: set.seed(seed), then runif(nwts, -0.7, 0.7), as R does.",
        ),
        replace(controls.init_control(start.init), label="Backprop: initial weights"),
        replace(controls.hidden_control(start.hidden), label="Backprop: hidden units"),
        replace(controls.iterations_control(start.iterations), label="Backprop: iterations"),
        controls.alpha_control(start.alpha, "Backprop: alpha (learning rate)"),
    ]


def nnet_controls(fit: str) -> list[Control]:
    """nnet's size, decay and objective, defaulting to the tutorial fit's settings."""
    choice = tutorial_choice(fit)
    return [
        Control(
            "size", "nnet: size (hidden units)", "slider", choice.size, low=1,
            high=controls.MAX_HIDDEN,
            help="nnet's `size`: hidden units, each with its own bias; the output has one too.",
        ),
        Control(
            "decay", "nnet: weight decay", "select_slider", 0.0, compare.DECAYS,
            format=plain_number,
            help="nnet's `decay`: the objective adds decay × the sum of all squared weights.",
        ),
        Control(
            "objective", "nnet: objective", "radio", "sse", tuple(compare.OBJECTIVES),
            format=compare.OBJECTIVES.__getitem__,
            help="Least squares is nnet's default; entropy is `entropy = TRUE` (log-likelihood).",
        ),
    ]  # fmt: skip


def _choice(values: dict[str, Any]) -> NnetChoice:
    return NnetChoice(values["size"], float(values["decay"]), values["objective"] == "entropy")


def _settle_link(link: PageLink) -> None:
    """A link opening the page: nnet settings in it that are not its tutorial fit's mean a
    fresh fit (`size=8` alone is one)."""
    raw = link.state.raw
    fit = fit_control().link.read(raw.get("fit", [])).value
    read = {c.key: c.link.read(raw.get(c.key, [])).value for c in nnet_controls(fit)}
    if settled_fit(fit, _choice(read)) != fit:
        raw["fit"] = ["fresh"]


def _settle_session() -> None:
    """A widget moved: a tutorial fit just picked sets every control to its settings; an nnet
    control moved away from a tutorial fit's settings switches to the fresh fit."""
    state = st.session_state
    fit, last = state.get("fit"), state.get(_LAST_FIT)
    if fit not in EXAMPLES or any(key not in state for key in NNET_KEYS):
        return
    if fit != last:
        start = backprop_start(fit)
        for key in BACKPROP_KEYS + ("seed",):
            state[key] = getattr(start, key)
        for control in nnet_controls(fit):
            state[control.key] = control.default
    elif settled_fit(fit, _choice({key: state[key] for key in NNET_KEYS})) != fit:
        state["fit"] = "fresh"


def show_controls() -> tuple[str, dict[str, Any], PageLink]:
    """Draw the switch and the controls; return the fit shown, every control's value and the
    page's link (to finish once the page has drawn)."""
    link = PageLink()
    if link.state.opened:
        _settle_link(link)
    else:
        _settle_session()
    fit = link.show([fit_control()])["fit"]
    values = link.show(backprop_controls(fit))
    values |= link.show(nnet_controls(fit))
    fit = settled_fit(fit, _choice(values))
    link.set("fit", link_fit(fit, _choice(values)))
    st.session_state[_LAST_FIT] = fit
    return fit, values, link


def nnet_fit(fit: str, values: dict[str, Any]) -> tuple[NnetFit, float]:
    """The fit the page shows (cached by its few arguments)."""
    arguments = fit_arguments(fit, values["seed"], _choice(values))
    return cache.nnet_fit(**arguments)
