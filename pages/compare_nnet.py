"""Backprop vs nnet: the tutorial's plain net beside R's nnet::nnet on the same XOR. Opens on
the tutorial's own size-4 fit (after Example 2's R code); the switch shows its size-32 fit
(after Example 3's) or a fresh set.seed fit."""

import streamlit as st

from dashboard.model.nnet_fits import EXAMPLES, why_they_differ
from dashboard.ui import cache, compare, compare_controls, shell
from dashboard.ui.tabs import TRY_THIS, lazy_tabs, try_this
from dashboard.url.controls import settings_from

shell.require_app()  # a link that opens this page first still gets the whole app

st.title("Backprop vs nnet")
st.caption(
    "The tutorial ends Examples 2 and 3 by fitting the same XOR with R's `nnet::nnet`: "
    "here its plain backprop loop and a NumPy nnet that reproduces R's, trace line for trace line."
)

fit, values, link = compare_controls.show_controls()
settings = settings_from(EXAMPLES.get(fit, 2), values)
cache.guard(settings)
run, run_seconds = cache.timed_train(settings)
nnet, nnet_seconds = compare_controls.nnet_fit(fit, values)
link.finish(step=settings)

compare.headline(fit, nnet)
compare.first_screen(run, run_seconds, nnet, nnet_seconds)
if not nnet.converged:
    st.caption(f"nnet stopped at maxit = {nnet.maxit} iterations without meeting its tolerances.")
if fit in EXAMPLES:
    st.caption(why_they_differ(fit))


def why() -> None:
    st.markdown(compare.why_methods_differ(settings, run, nnet))


lazy_tabs(
    {
        "Tutorial says / we get": lambda: compare.tutorial_check(nnet),
        "What the tutorial's code prints": lambda: compare.printout(nnet),
        "Weights by name": lambda: compare.weights(run, nnet),
        "Decay": lambda: compare.decay_ladder(settings, nnet),
        "Side by side": lambda: compare.side_by_side(run, run_seconds, nnet, nnet_seconds),
        "Why the two differ": why,
        TRY_THIS: lambda: try_this("compare_nnet"),
    },
    key="tabs_compare_nnet",
)
