"""A run's sections on the example pages: the first screen (the error chart beside the
prediction table and its verdict), "tutorial says / we get", the note on a run that
diverged, and its weights."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import streamlit as st

from tinynet import verdict
from tinynet.reference import check_run
from tinynet.summary import TOLERANCE
from tinynet.train import Run

from ..charts.axes import FIRST_SCREEN_HEIGHT
from ..charts.heatmap import heatmap
from ..model.ensembles import Ensemble
from ..model.notes import divergence_note
from ..tables import runs as tables
from ..url.untrusted import inert
from .band import error_chart_with_band
from .display import cached_chart, matrix, number_columns

LEARNED, NOT_LEARNED = ":green[:material/check_circle:]", ":red[:material/cancel:]"


def first_screen(run: Run, title: str, band: Ensemble | None = None, fixed: bool = False) -> None:
    """The page's answer without scrolling: its error during training (over its band of
    seeds, if there is one; `fixed`: on the fixed error axis) beside the prediction table
    under `title`, with its verdict and the final error."""
    left, right = first_columns(run)
    with left, st.container(key="first_chart"):
        st.subheader("Error during training")
        error_chart_with_band(run, band, fixed, FIRST_SCREEN_HEIGHT)
        diverged_note([run])
    with right, st.container(key="first_answer"):
        outcome(run, title)


def first_columns(run: Run) -> list:
    """The first screen's two columns: the chart's, and the table's (wider for Example 1's
    eight or nine decimals)."""
    widths = [5, 6] if tables.seed_decimals(run.settings) > 4 else [1, 1]
    return st.columns(widths, gap="medium")


def outcome(run: Run, title: str) -> None:
    """The run's answer: `title`, the verdict line, the prediction table, the final error."""
    st.subheader(title)
    verdict_line(run)
    prediction_table(run)
    # as the tutorial prints it: Example 2's "Final error: 0.00463", else six digits
    shown = f"{run.final_error:.5f}" if run.settings.example == 2 else f"{run.final_error:.6g}"
    st.metric("Final mean |error|", shown)


def verdict_line(run: Run) -> None:
    """One line: whether the run learned its target (tinynet.verdict), with a mark."""
    said = verdict(run)
    st.markdown(f"{LEARNED if said.learned else NOT_LEARNED} {inert(said.text, 200)}")


def prediction_table(run: Run) -> pd.DataFrame:
    """The prediction-vs-target table ("Output After Training"), rounded as the tutorial
    rounds, each row marked right or wrong."""
    decimals = tables.seed_decimals(run.settings)
    table = tables.prediction_table(run, decimals)
    config = number_columns(table, f"%.{decimals}f", ["prediction", "|error|"])
    for x in ("x1", "x2", "x3"):  # narrow: the table fits beside the chart
        config[x] = st.column_config.NumberColumn(x, format="%d", width=40)
    whole = all(float(t).is_integer() for t in run.settings.target)  # a custom one may not be
    config["target"] = st.column_config.NumberColumn(
        "target", format="%d" if whole else "%g", width=58
    )
    config["verdict"] = st.column_config.TextColumn(
        "verdict", width=64,
        help=f"right: the output is within {TOLERANCE:g} of the target; else wrong.",
    )  # fmt: skip
    st.dataframe(table, hide_index=True, column_config=config, width="content")
    return table


def tutorial_check(run: Run) -> None:
    """The tutorial's printed numbers next to ours, where the settings are the tutorial's."""
    checks = check_run(run)
    if not checks:
        st.caption(
            "These are not the tutorial's settings, so there is nothing printed to compare "
            "with. **Reset to the tutorial's settings** (in the sidebar) to see the check."
        )
        return
    matched = sum(c.matches for c in checks)
    st.caption(
        f"{matched} of {len(checks)} printed numbers match. Every digit is shown as printed: "
        "*how* says how closely they must agree."
    )
    st.dataframe(tables.checks_table(checks), hide_index=True, width="stretch")


def diverged_note(runs: Sequence[Run]) -> None:
    """Say which runs blew up (their weights overflowed), where and why."""
    for run in runs:
        note = divergence_note(run)
        if note:
            st.info(note, icon=":material/trending_up:")


def weights_section(run: Run, caption: str | None = None, hidden_layer: bool = False) -> None:
    """The weights after training: synapse_0 and synapse_1 as heatmaps, then as tables in an
    expander (the hidden layer's last forward pass first, if `hidden_layer`)."""
    if caption:
        st.caption(caption)
    cached_chart(heatmap, run.synapse_0, "input", "unit", "weight")
    cached_chart(heatmap, run.synapse_1.T, "output", "unit", "weight")
    title = "The same matrices as tables" if hidden_layer else "The weights as tables"
    with st.expander(title):
        if hidden_layer:
            matrix(tables.matrix_table(run.hidden_layer, "row", "unit"))
        matrix(tables.matrix_table(run.synapse_0, "input", "unit"))
        matrix(tables.matrix_table(run.synapse_1, "unit", "output"))
