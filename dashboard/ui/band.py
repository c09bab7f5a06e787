"""A band of seeds on an example page: trained if the page's total fits the time bound, drawn
behind the chosen seed's error, and its final predictions and weights as tables."""

from __future__ import annotations

import streamlit as st

from tinynet import RunSettings
from tinynet.train import Run

from ..charts.axes import HEIGHT
from ..charts.errors import band_chart, error_chart
from ..model.ensembles import Ensemble, agreement_sentence
from ..model.limits import refusal
from ..tables.band import agreement_table, weight_spread_table
from . import cache
from .display import cached_chart, significant_columns

SPREAD = ["this seed", "median", "min", "max", "max − min"]


def ensemble(settings: RunSettings, members: int, alongside: int = 1) -> Ensemble | None:
    """The band of `members` seeds (None when off), beside the `alongside` networks the page
    trains (its run, or its sweep). A band that would take the page's total over the budget
    is refused, saying what would fit on the page, and the page goes on without it."""
    if members <= 0:
        return None
    message = refusal(settings, [alongside, members], band=True)
    if message:
        st.error(f"No band of seeds: {message}", icon=":material/timer:")
        return None
    return cache.ensemble(settings, members)


def error_chart_with_band(
    run: Run, band: Ensemble | None, fixed: bool = False, height: int = HEIGHT
) -> None:
    """The run's error chart (`fixed`: on the fixed error axis), over its band of seeds
    when there is one."""
    if band is None:
        cached_chart(error_chart, [run], fixed=fixed, height=height)
        return
    cached_chart(band_chart, run, band.band, fixed, height)
    st.caption(
        f"The line is seed {run.settings.seed}; behind it, the median and the 10–90% spread of "
        f"the error of {band.size} networks that differ only in their seed (their starting "
        "weights)."
    )


def ensemble_tables(run: Run, band: Ensemble) -> None:
    """Final predictions agree across the seeds while the weights differ (the tutorial's
    remark)."""
    st.subheader(f"{band.size} seeds: similar predictions, different weights")
    st.caption(agreement_sentence(band))
    left, right = st.columns([5, 4])
    with left:
        st.markdown("**Final predictions across the seeds**")
        frame = agreement_table(run, band)
        config = significant_columns(frame, SPREAD)
        config["target"] = st.column_config.NumberColumn("target", format="%g")
        st.dataframe(frame, hide_index=True, column_config=config, width="content")
    with right:
        st.markdown("**synapse_1 across the seeds**")
        frame = weight_spread_table(run, band)
        config = significant_columns(frame, SPREAD)
        st.dataframe(frame, hide_index=True, column_config=config, width="content")
    st.caption(
        "The same unit number means little across runs: which hidden unit ends up doing what "
        "depends on where it started, so a unit's weight differs from seed to seed."
    )


def band_section(run: Run, band: Ensemble | None, members: int, with_chart: bool = False,
                 fixed: bool = False) -> None:  # fmt: skip
    """The "Band of seeds" tab: the band's tables (and, `with_chart`, the run's error over
    it), or how to ask for a band."""
    if band is None:
        if members <= 0:
            st.caption(
                "Set **Band of seeds** in the sidebar to train that many networks that differ "
                "only in their seed, and see whether this seed's run is typical."
            )
        return
    if with_chart:
        error_chart_with_band(run, band, fixed)
    ensemble_tables(run, band)
