"""A band of seeds on an example page: trained if the page's total fits the time bound, drawn
behind the chosen seed's error, and its final predictions and weights as tables."""

from __future__ import annotations

import streamlit as st

from tinynet import RunSettings
from tinynet.train import Run

from ..charts.errors import band_chart, error_chart
from ..model.ensembles import Ensemble, agreement_sentence
from ..tables.band import agreement_table, weight_spread_table
from . import cache
from .display import chart, number_columns

SPREAD = ["this seed", "median", "min", "max", "max − min"]


def ensemble(settings: RunSettings, members: int, alongside: int = 1) -> Ensemble | None:
    """The band of `members` seeds (None when off), beside the `alongside` networks the page
    trains (its run, or its sweep). A band that would take the page's total over the budget
    is refused with the guard's message, and the page goes on without it."""
    if members <= 0:
        return None
    message = cache.too_slow(settings, members, alongside)
    if message:
        st.error(f"No band of seeds: {message}", icon="⏱️")
        return None
    return cache.ensemble(settings, members)


def error_chart_with_band(run: Run, band: Ensemble | None) -> None:
    """The run's error chart, over its band of seeds when there is one."""
    if band is None:
        chart(error_chart([run]))
        return
    chart(band_chart(run, band.band, band.size))
    st.caption(
        f"The line is seed {run.settings.seed}; behind it, the median and the 10–90% spread of "
        f"the error of {band.size} networks that differ only in their seed (their starting "
        "weights)."
    )


def ensemble_tables(run: Run, band: Ensemble) -> None:
    """Final predictions agree across the seeds while the weights differ (the seed's remark)."""
    st.subheader(f"{band.size} seeds: similar predictions, different weights")
    st.caption(agreement_sentence(band))
    left, right = st.columns([5, 4])
    with left:
        st.markdown("**Final predictions across the seeds**")
        frame = agreement_table(run, band)
        config = number_columns(frame, "%.4f", SPREAD)
        config["target"] = st.column_config.NumberColumn("target", format="%g")
        st.dataframe(frame, hide_index=True, column_config=config, width="content")
    with right:
        st.markdown("**synapse_1 across the seeds**")
        frame = weight_spread_table(run, band)
        config = number_columns(frame, "%.3f", SPREAD)
        st.dataframe(frame, hide_index=True, column_config=config, width="content")
    st.caption(
        "The same unit number means little across runs: which hidden unit ends up doing what "
        "depends on where it started, so a unit's weight differs from seed to seed."
    )
