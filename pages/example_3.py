"""Example 3: the learning rate alpha, swept over one population of networks."""

import streamlit as st

from dashboard.charts.errors import error_chart
from dashboard.tables.sweep import sweep_table
from dashboard.ui import cache, shell
from dashboard.ui.band import ensemble, ensemble_tables, error_chart_with_band
from dashboard.ui.display import chart, number_columns
from dashboard.ui.downloads import take_home
from dashboard.ui.run import diverged_note, outcome_section, weights_section
from dashboard.ui.settings import example_settings
from dashboard.ui.surfaces import decision_surfaces
from dashboard.url.links import plain_number
from tinynet.reference import is_seed_run

shell.require_app()  # a link that opens this page first still gets the whole app

st.title("Example 3: the alpha sweep")
st.markdown(
    "Thirty-two hidden units, and the update is multiplied by alpha. Every alpha starts from "
    "the same weights; all of them train together in one loop (the engine's population "
    "training). Too small and the network barely moves; too large and the sigmoids saturate."
)

settings, values = example_settings(3)
if not values["alphas"]:
    st.info("Pick at least one alpha to sweep in the sidebar; showing the detailed alpha only.")
alphas = cache.sweep_alphas(values["alphas"], settings.alpha)
cache.guard(settings, len(alphas))
runs = cache.sweep(settings, alphas)
detail = runs[alphas.index(settings.alpha)]
band = ensemble(settings, values["ensemble"], alongside=len(alphas))
labels = [plain_number(a) for a in alphas]

st.subheader("Error during training, one line per alpha")
chart(error_chart(runs, labels, highlight=plain_number(settings.alpha)))
diverged_note(runs)

st.subheader("Error at the seed's checkpoints")
seed_settings = is_seed_run(settings.but(alpha=10.0))
sweep = sweep_table(runs, seed_settings)
if sweep["diverged at"].isna().all():
    sweep = sweep.drop(columns="diverged at")
error_columns = [c for c in sweep.columns if "error" in c]
# %.17g: every digit the seed prints (sprintf's %g drops trailing zeros, so 0.5 stays 0.5)
config = number_columns(sweep, "%.17g", error_columns)
config["alpha"] = st.column_config.NumberColumn("alpha", format="%g")
st.dataframe(sweep, hide_index=True, column_config=config, width="stretch")
st.caption(
    "Outcome: *learned*; *stuck* (the error stays far from 0 and stops moving: at alpha 100 the "
    "sigmoids saturate, their slope is 0 and the updates vanish); or *diverged* (a weight "
    "became infinite)."
)
if seed_settings:
    st.caption(
        "Seed columns: what the seed prints (Python) or its R code prints. The alpha = 10 run "
        "amplifies floating-point roundoff, so it is compared to 1e-2 relative."
    )

st.header(f"The detailed run: alpha = {plain_number(settings.alpha)}")
outcome_section(detail, "Prediction vs target")
if band is not None:
    st.subheader(f"alpha = {plain_number(settings.alpha)} over a band of seeds")
    error_chart_with_band(detail, band)
    ensemble_tables(detail, band)
weights_section(detail)
decision_surfaces(detail)
take_home(settings, runs, "example_3", alphas)
