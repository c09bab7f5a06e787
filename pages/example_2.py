"""Example 2: a hidden layer learns XOR."""

import streamlit as st

from dashboard import cache, charts, sections, shell, tables, targets
from tinynet.printing import seed_printout

shell.require_app()  # a link that opens this page first still gets the whole app

st.title("Example 2: a hidden layer")
st.markdown(
    "The target is XOR of the first two columns. `layer_1 = sigmoid(X · synapse_0)` (one "
    "column per hidden unit), `layer_2 = sigmoid(layer_1 · synapse_1)`. The output's error, "
    "times its slope, is sent back through `synapse_1` to give each hidden unit its share."
)

settings, values = sections.example_settings(2)
sections.guard(settings)
run = cache.train(settings)
band = sections.ensemble(settings, values["ensemble"])

st.subheader("Error during training")
sections.error_chart_with_band(run, band)
sections.diverged_note([run])

left, right = st.columns(2)
with left:
    st.subheader("Prediction vs target")
    sections.prediction_table(run)
    st.metric("Final error", f"{run.final_error:.5f}")
with right:
    st.subheader("What the seed's code prints")
    st.code(seed_printout(run), language="text")
sections.seed_check(run)

if band is not None:
    sections.ensemble_tables(run, band)

st.subheader("Hidden layer: the last forward pass")
st.caption(
    "Rows are the four inputs, columns the hidden units "
    f"(`layer_1`, {targets.hidden_range(settings.activation)})."
)
sections.chart(
    charts.heatmap(
        run.hidden_layer, "row", "unit", "activation", diverging=settings.activation == "tanh"
    )
)

st.subheader("Weights after training")
st.caption("`synapse_0`: input column → hidden unit. `synapse_1`: hidden unit → output.")
sections.chart(charts.heatmap(run.synapse_0, "input", "unit", "weight"))
sections.chart(charts.heatmap(run.synapse_1.T, "output", "unit", "weight"))
with st.expander("The same matrices as tables"):
    sections.matrix(tables.matrix_table(run.hidden_layer, "row", "unit"))
    sections.matrix(tables.matrix_table(run.synapse_0, "input", "unit"))
    sections.matrix(tables.matrix_table(run.synapse_1, "unit", "output"))

sections.decision_surfaces(run)

sections.code_expander(settings)
sections.download_buttons([run], "example_2")
