"""Example 3's sweep: the error chart with a line per alpha, and the table at the tutorial's
checkpoints with each alpha's outcome."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from tinynet import RunSettings
from tinynet.reference import is_seed_run
from tinynet.summary import MOVING, TOLERANCE
from tinynet.train import Run

from ..charts.axes import FIRST_SCREEN_HEIGHT
from ..charts.errors import error_chart
from ..model.alphas import alpha_label
from ..tables.sweep import checkpoint_names, sweep_table
from .display import cached_chart, significant, significant_columns
from .run import diverged_note

OUTCOMES = (
    f"*learned*: every output within {TOLERANCE:g} of its target. *still learning*: not "
    "yet, but a wrong output is still moving toward its target (its sum before the sigmoid "
    f"moved by {MOVING:g} or more over the last half of the run): more iterations would help. "
    "*stuck*: the wrong outputs have stopped moving (at alpha 100 the sigmoids saturate, their "
    "slope is 0 and the updates vanish). *diverged*: a weight became infinite."
)


def sweep_chart(runs: Sequence[Run], detail: float, fixed: bool = False) -> None:
    """Every alpha's error during training, named at the end of its line; the detailed
    alpha's line is thicker."""
    labels = [alpha_label(r.settings.alpha) for r in runs]
    cached_chart(error_chart, runs, labels, highlight=alpha_label(detail), fixed=fixed,
                 height=FIRST_SCREEN_HEIGHT)  # fmt: skip
    diverged_note(runs)


def checkpoints(runs: Sequence[Run], settings: RunSettings) -> None:
    """The sweep at the tutorial's checkpoints, five significant digits (every digit in the
    table's download, top right), the outcomes explained."""
    seed_settings = is_seed_run(settings.but(alpha=10.0))
    table = sweep_table(runs, seed_settings)
    if table["diverged at"].isna().all():
        table = table.drop(columns="diverged at")
    config = significant_columns(table)
    for name, meaning in checkpoint_names(runs).values():
        config[name] = st.column_config.NumberColumn(name, help=meaning, format=significant())
    config["alpha"] = st.column_config.NumberColumn("alpha", format="%g")
    config["outcome"] = st.column_config.TextColumn("outcome", help=OUTCOMES)
    st.markdown("**Each alpha at the tutorial's checkpoints**")
    st.dataframe(table, hide_index=True, column_config=config, width="stretch")
    st.caption("Outcome: " + OUTCOMES)
    if seed_settings:
        st.caption(
            "*tutorial* columns: what the tutorial's Python or R code prints. The alpha = 10 "
            "run amplifies floating-point roundoff, so it is compared to 1e-2 relative."
        )
