"""Example 2: a hidden layer learns XOR."""

import streamlit as st

from dashboard.charts.heatmap import heatmap
from dashboard.model.notes import hidden_range
from dashboard.tables.runs import matrix_table
from dashboard.ui import cache, shell
from dashboard.ui.band import ensemble, ensemble_tables, error_chart_with_band
from dashboard.ui.display import chart, matrix
from dashboard.ui.downloads import code_expander, download_buttons
from dashboard.ui.run import diverged_note, prediction_table, seed_check
from dashboard.ui.settings import example_settings
from dashboard.ui.surfaces import decision_surfaces
from tinynet.printing import seed_printout

shell.require_app()  # a link that opens this page first still gets the whole app

st.title("Example 2: a hidden layer")
st.markdown(
    "The target is XOR of the first two columns. `layer_1 = sigmoid(X · synapse_0)` (one "
    "column per hidden unit), `layer_2 = sigmoid(layer_1 · synapse_1)`. The output's error, "
    "times its slope, is sent back through `synapse_1` to give each hidden unit its share."
)

settings, values = example_settings(2)
cache.guard(settings)
run = cache.train(settings)
band = ensemble(settings, values["ensemble"])

st.subheader("Error during training")
error_chart_with_band(run, band)
diverged_note([run])

left, right = st.columns(2)
with left:
    st.subheader("Prediction vs target")
    prediction_table(run)
    st.metric("Final error", f"{run.final_error:.5f}")
with right:
    st.subheader("What the seed's code prints")
    st.code(seed_printout(run), language="text")
seed_check(run)

if band is not None:
    ensemble_tables(run, band)

st.subheader("Hidden layer: the last forward pass")
st.caption(
    "Rows are the four inputs, columns the hidden units "
    f"(`layer_1`, {hidden_range(settings.activation)})."
)
chart(
    heatmap(run.hidden_layer, "row", "unit", "activation", diverging=settings.activation == "tanh")
)

st.subheader("Weights after training")
st.caption("`synapse_0`: input column → hidden unit. `synapse_1`: hidden unit → output.")
chart(heatmap(run.synapse_0, "input", "unit", "weight"))
chart(heatmap(run.synapse_1.T, "output", "unit", "weight"))
with st.expander("The same matrices as tables"):
    matrix(matrix_table(run.hidden_layer, "row", "unit"))
    matrix(matrix_table(run.synapse_0, "input", "unit"))
    matrix(matrix_table(run.synapse_1, "unit", "output"))

decision_surfaces(run)

code_expander(settings)
download_buttons([run], "example_2")
