"""Example 2: a hidden layer learns XOR."""

import streamlit as st

from dashboard.charts.heatmap import heatmap
from dashboard.model.notes import hidden_range
from dashboard.ui import shell
from dashboard.ui.band import band_section, ensemble
from dashboard.ui.display import cached_chart
from dashboard.ui.downloads import take_home
from dashboard.ui.playback import watch_it_learn
from dashboard.ui.run import first_screen, tutorial_check, weights_section
from dashboard.ui.settings import example_run
from dashboard.ui.surfaces import decision_surfaces
from dashboard.ui.tabs import TRY_THIS, lazy_tabs, try_this
from tinynet.printing import seed_printout

shell.require_app()  # a link that opens this page first still gets the whole app

st.title("Example 2: a hidden layer")
st.markdown(
    "XOR of the first two columns, through hidden units: the output's error, times its "
    "slope, is sent back through `synapse_1` to give each hidden unit its share."
)

settings, values, run = example_run(2)
band = ensemble(settings, values["ensemble"])
first_screen(run, "Prediction vs target", band, fixed=values["axis"] == "fixed")


def weights() -> None:
    st.markdown("**Hidden layer: the last forward pass**")
    st.caption(
        "Rows are the four inputs, columns the hidden units "
        f"(`layer_1`, {hidden_range(settings.activation)})."
    )
    diverging = settings.activation == "tanh"
    cached_chart(heatmap, run.hidden_layer, "row", "unit", "activation", diverging=diverging)
    st.markdown("**Weights after training**")
    caption = "`synapse_0`: input column → hidden unit. `synapse_1`: hidden unit → output."
    weights_section(run, caption, hidden_layer=True)


lazy_tabs(
    {
        "Tutorial says / we get": lambda: tutorial_check(run),
        "What the tutorial's code prints": lambda: st.code(seed_printout(run), language="text"),
        "Weights": weights,
        "Decision surface": lambda: decision_surfaces(run),
        "Watch it learn": lambda: watch_it_learn(run, key="watch_example_2"),
        "Band of seeds": lambda: band_section(run, band, values["ensemble"]),
        TRY_THIS: lambda: try_this("example_2"),
        "Code & downloads": lambda: take_home(settings, [run], "example_2"),
    },
    key="tabs_example_2",
)
