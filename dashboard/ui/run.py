"""A run's sections on the example pages: its error, the prediction table rounded as the seed
rounds, "seed says / we get", the note on a run that diverged, and its weights."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import streamlit as st

from tinynet.reference import check_run
from tinynet.train import Run

from ..charts.heatmap import heatmap
from ..model.ensembles import Ensemble
from ..model.notes import divergence_note
from ..tables import runs as tables
from .band import error_chart_with_band
from .display import chart, matrix, number_columns


def error_section(run: Run, band: Ensemble | None = None) -> None:
    """ "Error during training": the run's error (over its band of seeds, if there is one),
    and where it diverged, if it did."""
    st.subheader("Error during training")
    error_chart_with_band(run, band)
    diverged_note([run])


def outcome_section(run: Run, title: str, widths: Sequence[int] = (1, 1)) -> None:
    """The prediction table under `title` beside the final error, then "seed says / we get"."""
    left, right = st.columns(list(widths))
    with left:
        st.subheader(title)
        prediction_table(run)
    with right:
        st.metric("Final mean |error|", f"{run.final_error:.6g}")
    seed_check(run)


def prediction_table(run: Run) -> pd.DataFrame:
    """The prediction-vs-target table ("Output After Training"), rounded as the seed rounds."""
    decimals = tables.seed_decimals(run.settings)
    table = tables.prediction_table(run, decimals)
    config = number_columns(table, f"%.{decimals}f", ["prediction", "|error|"])
    whole = all(float(t).is_integer() for t in run.settings.target)  # a custom one may not be
    config["target"] = st.column_config.NumberColumn("target", format="%d" if whole else "%g")
    st.dataframe(table, hide_index=True, column_config=config, width="content")
    return table


def seed_check(run: Run) -> None:
    """The seed's printed numbers next to ours, where the settings are the seed's."""
    checks = check_run(run)
    st.subheader("Seed says / we get")
    if not checks:
        st.caption(
            "These are not the seed's settings, so there is nothing printed to compare with. "
            "Reset the controls (or open the page without a query string) to see the check."
        )
        return
    matched = sum(c.matches for c in checks)
    st.caption(f"{matched} of {len(checks)} printed numbers match.")
    st.dataframe(tables.checks_table(checks), hide_index=True, width="stretch")


def diverged_note(runs: Sequence[Run]) -> None:
    """Say which runs blew up (their weights overflowed), where and why."""
    for run in runs:
        note = divergence_note(run)
        if note:
            st.info(note, icon="💥")


def weights_section(run: Run, caption: str | None = None, hidden_layer: bool = False) -> None:
    """ "Weights after training": synapse_0 and synapse_1 as heatmaps, then as tables in an
    expander (the hidden layer's last forward pass first, if `hidden_layer`)."""
    st.subheader("Weights after training")
    if caption:
        st.caption(caption)
    chart(heatmap(run.synapse_0, "input", "unit", "weight"))
    chart(heatmap(run.synapse_1.T, "output", "unit", "weight"))
    title = "The same matrices as tables" if hidden_layer else "The weights as tables"
    with st.expander(title):
        if hidden_layer:
            matrix(tables.matrix_table(run.hidden_layer, "row", "unit"))
        matrix(tables.matrix_table(run.synapse_0, "input", "unit"))
        matrix(tables.matrix_table(run.synapse_1, "unit", "output"))
