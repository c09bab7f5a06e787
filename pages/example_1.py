"""Example 1: one layer (logistic regression trained by backpropagation)."""

import streamlit as st

from dashboard.charts.sigmoid import sigmoid_chart
from dashboard.charts.weights import weights_chart
from dashboard.ui import shell
from dashboard.ui.display import cached_chart
from dashboard.ui.downloads import take_home
from dashboard.ui.playback import watch_it_learn
from dashboard.ui.run import first_screen, tutorial_check
from dashboard.ui.settings import example_run
from dashboard.ui.tabs import TRY_THIS, lazy_tabs, try_this
from tinynet import TARGETS

shell.require_app()  # a link that opens this page first still gets the whole app

st.title("Example 1: one layer")
st.markdown(
    "No hidden layer: `output = sigmoid(X · synapse_0)`, and each iteration adds "
    "`X.T · (error × slope)` to the weights."
)

settings, values, run = example_run(1)
first_screen(run, "Output After Training", fixed=values["axis"] == "fixed")


def weights() -> None:
    if settings.target == TARGETS["first"]:
        st.caption(
            "The first column equals the target, so its weight keeps growing (separation): "
            "nothing stops it but the ever smaller slope of the sigmoid."
        )
    cached_chart(weights_chart, run)


def slope() -> None:
    st.caption(
        "The slope of the sigmoid, `out × (1 − out)`, is small where the output is confident: "
        "the error there is multiplied by almost nothing, so the weights change little."
    )
    cached_chart(sigmoid_chart, run.prediction)


lazy_tabs(
    {
        "Tutorial says / we get": lambda: tutorial_check(run),
        "Weights during training": weights,
        "The sigmoid's slope": slope,
        "Watch it learn": lambda: watch_it_learn(run, key="watch_example_1"),
        TRY_THIS: lambda: try_this("example_1"),
        "Code & downloads": lambda: take_home(settings, [run], "example_1"),
    },
    key="tabs_example_1",
)
