"""Example 1: one layer (logistic regression trained by backpropagation)."""

import streamlit as st

from dashboard.charts.sigmoid import sigmoid_chart
from dashboard.charts.weights import weights_chart
from dashboard.ui import shell
from dashboard.ui.display import chart
from dashboard.ui.downloads import take_home
from dashboard.ui.run import error_section, outcome_section
from dashboard.ui.settings import example_run
from tinynet import TARGETS

shell.require_app()  # a link that opens this page first still gets the whole app

st.title("Example 1: one layer")
st.markdown(
    "One weight per input column, no hidden layer: `output = sigmoid(X · synapse_0)`. Each "
    "iteration adds "
    "`X.T · (error × slope)` to the weights, where the slope of the sigmoid, `out × (1 − out)`, "
    "is small when the output is confident."
)

settings, values, run = example_run(1)
error_section(run)
outcome_section(run, "Output After Training", widths=(3, 2))

st.subheader(f"The {settings.n_inputs} weights during training")
if settings.target == TARGETS["first"]:
    st.caption(
        "The first column equals the target, so its weight keeps growing (separation): "
        "nothing stops it but the ever smaller slope of the sigmoid."
    )
chart(weights_chart(run))

st.subheader("The sigmoid and its slope, with the four final outputs")
st.caption(
    "Confident outputs sit where the slope is nearly flat: the error there is multiplied by "
    "almost nothing, so the weights change little."
)
chart(sigmoid_chart(run.prediction))

take_home(settings, [run], "example_1")
