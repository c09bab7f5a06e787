"""Example 2: a hidden layer learns XOR."""

import streamlit as st

from dashboard.charts.heatmap import heatmap
from dashboard.model.notes import hidden_range
from dashboard.ui import shell
from dashboard.ui.band import ensemble, ensemble_tables
from dashboard.ui.display import chart
from dashboard.ui.downloads import take_home
from dashboard.ui.run import error_section, prediction_table, seed_check, weights_section
from dashboard.ui.settings import example_run
from dashboard.ui.surfaces import decision_surfaces
from tinynet.printing import seed_printout

shell.require_app()  # a link that opens this page first still gets the whole app

st.title("Example 2: a hidden layer")
st.markdown(
    "The target is XOR of the first two columns. `layer_1 = sigmoid(X · synapse_0)` (one "
    "column per hidden unit), `layer_2 = sigmoid(layer_1 · synapse_1)`. The output's error, "
    "times its slope, is sent back through `synapse_1` to give each hidden unit its share."
)

settings, values, run = example_run(2)
band = ensemble(settings, values["ensemble"])
error_section(run, band)

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

weights_section(
    run,
    "`synapse_0`: input column → hidden unit. `synapse_1`: hidden unit → output.",
    hidden_layer=True,
)
decision_surfaces(run)
take_home(settings, [run], "example_2")
