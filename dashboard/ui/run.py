"""A run's sections on the example pages: the prediction table rounded as the seed rounds,
"seed says / we get", and the note on a run that diverged."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import streamlit as st

from tinynet.reference import check_run
from tinynet.train import Run

from ..model.notes import divergence_note
from ..tables import runs as tables
from .display import number_columns


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
