"""Example 3: the learning rate alpha, swept over one population of networks."""

import streamlit as st

from dashboard.model.alphas import alpha_label
from dashboard.ui import cache, shell
from dashboard.ui.band import band_section, ensemble
from dashboard.ui.downloads import take_home
from dashboard.ui.playback import watch_it_learn
from dashboard.ui.run import first_columns, outcome, tutorial_check, weights_section
from dashboard.ui.settings import example_settings
from dashboard.ui.surfaces import decision_surfaces
from dashboard.ui.sweep import checkpoints, sweep_chart
from dashboard.ui.tabs import TRY_THIS, lazy_tabs, try_this

shell.require_app()  # a link that opens this page first still gets the whole app

st.title("Example 3: the alpha sweep")
st.markdown(
    "Thirty-two hidden units, the update times alpha, every alpha from the same start: too "
    "small barely moves, too large saturates the sigmoids."
)

settings, values = example_settings(3)
if not values["alphas"]:
    st.info("Pick at least one alpha to sweep in the sidebar; showing the detailed alpha only.")
alphas = cache.sweep_alphas(values["alphas"], settings.alpha)
cache.guard(settings, len(alphas))
runs = cache.sweep(settings, alphas)
detail = runs[alphas.index(settings.alpha)]
fixed = values["axis"] == "fixed"

left, right = first_columns(detail)
with left, st.container(key="first_chart"):
    st.subheader("Error for each alpha")
    sweep_chart(runs, settings.alpha, fixed)
with right, st.container(key="first_answer"):
    outcome(detail, f"Detailed run: alpha {alpha_label(settings.alpha)}")


def tutorial() -> None:
    checkpoints(runs, settings)
    st.markdown(f"**The detailed run (alpha = {alpha_label(settings.alpha)})**")
    tutorial_check(detail)


def band() -> None:
    members = values["ensemble"]
    band_section(detail, ensemble(settings, members, len(alphas)), members, True, fixed)


lazy_tabs(
    {
        "Tutorial says / we get": tutorial,
        "Weights": lambda: weights_section(detail),
        "Decision surface": lambda: decision_surfaces(detail),
        "Watch it learn": lambda: watch_it_learn(detail, key="watch_example_3"),
        "Band of seeds": band,
        TRY_THIS: lambda: try_this("example_3"),
        "Code & downloads": lambda: take_home(settings, runs, "example_3", alphas),
    },
    key="tabs_example_3",
)
