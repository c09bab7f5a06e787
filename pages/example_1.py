"""Example 1: one layer (logistic regression trained by backpropagation)."""

import streamlit as st

from dashboard import cache, charts, sections, shell
from tinynet import TARGETS

shell.require_app()  # a link that opens this page first still gets the whole app

st.title("Example 1: one layer")
st.markdown(
    "One weight per input column, no hidden layer: `output = sigmoid(X · synapse_0)`. Each "
    "iteration adds "
    "`X.T · (error × slope)` to the weights, where the slope of the sigmoid, `out × (1 − out)`, "
    "is small when the output is confident."
)

settings, values = sections.example_settings(1)
sections.guard(settings)
run = cache.train(settings)

st.subheader("Error during training")
sections.chart(charts.error_chart([run]))
sections.diverged_note([run])

left, right = st.columns([3, 2])
with left:
    st.subheader("Output After Training")
    sections.prediction_table(run)
with right:
    st.metric("Final mean |error|", f"{run.final_error:.6g}")
sections.seed_check(run)

st.subheader(f"The {settings.n_inputs} weights during training")
if settings.target == TARGETS["first"]:
    st.caption(
        "The first column equals the target, so its weight keeps growing (separation): "
        "nothing stops it but the ever smaller slope of the sigmoid."
    )
sections.chart(charts.weights_chart(run))

st.subheader("The sigmoid and its slope, with the four final outputs")
st.caption(
    "Confident outputs sit where the slope is nearly flat: the error there is multiplied by "
    "almost nothing, so the weights change little."
)
sections.chart(charts.sigmoid_chart(run.prediction))

sections.code_expander(settings)
sections.download_buttons([run], "example_1")
