"""Page sections shared by the example pages (Streamlit): tables with column formats, the
"seed says / we get" check, the code expander, downloads and a budget guard."""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt
import pandas as pd
import streamlit as st

from tinynet import RunSettings
from tinynet.reference import check_run
from tinynet.train import Run

from . import budget, downloads, tables


def chart(figure: alt.TopLevelMixin) -> None:
    """An Altair chart at container width, themed by Streamlit (light or dark)."""
    st.altair_chart(figure, width="stretch", theme="streamlit")


def number_columns(frame: pd.DataFrame, decimals: int, names: Sequence[str]) -> dict:
    """NumberColumn formats for the named columns present in `frame`."""
    fmt = f"%.{decimals}f"
    return {n: st.column_config.NumberColumn(n, format=fmt) for n in names if n in frame}


def prediction_table(run: Run) -> pd.DataFrame:
    """The prediction-vs-target table ("Output After Training"), rounded as the seed rounds."""
    decimals = tables.seed_decimals(run.settings)
    table = tables.prediction_table(run, decimals)
    config = number_columns(table, decimals, ["prediction", "|error|"])
    config["target"] = st.column_config.NumberColumn("target", format="%d")
    st.dataframe(table, hide_index=True, column_config=config, width="content")
    return table


def matrix(frame: pd.DataFrame, decimals: int = 3) -> None:
    """A weight or activation matrix as a table (the heatmap's numbers, exactly)."""
    config = {c: st.column_config.NumberColumn(c, format=f"%.{decimals}f") for c in frame.columns}
    st.dataframe(frame, column_config=config, width="content")


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


def code_expander(settings: RunSettings, alphas: Sequence[float] | None = None) -> None:
    """The NumPy loop this page runs, in the seed's style, with the current settings."""
    with st.expander("The code: this page's loop as a standalone NumPy script"):
        try:
            from tinynet.script import seed_script
        except ImportError:  # the engine's script writer is not there yet
            st.caption("The script writer (tinynet.script) is not available in this build.")
            return
        source = seed_script(settings, alphas=list(alphas) if alphas is not None else None)
        st.caption("Run it with `python`: it prints the seed's lines, then the numbers in full.")
        st.code(source, language="python", line_numbers=False)
        st.download_button(
            "Download the script", source, file_name=f"example_{settings.example}.py",
            mime="text/x-python", on_click="ignore", key="download_script",
        )  # fmt: skip


def download_buttons(runs: Sequence[Run], name: str) -> None:
    """Error trajectory (CSV, every iteration) and final weights (JSON), built on click."""
    left, right = st.columns(2)
    left.download_button(
        "Error trajectory (CSV)", lambda: downloads.trajectory_csv(runs),
        file_name=f"{name}_error.csv", mime="text/csv", on_click="ignore", key="download_csv",
    )  # fmt: skip
    right.download_button(
        "Final weights (JSON)", lambda: downloads.weights_json(runs),
        file_name=f"{name}_weights.json", mime="application/json", on_click="ignore",
        key="download_json",
    )  # fmt: skip


def guard(settings: RunSettings, members: int = 1) -> None:
    """Stop the page with a message if this run would take too long."""
    message = budget.too_slow(settings, members)
    if message:
        st.error(message, icon="⏱️")
        st.stop()


def diverged_note(runs: Sequence[Run]) -> None:
    """Say which runs blew up (their weights overflowed) and where."""
    for run in runs:
        if run.diverged_at is not None:
            st.info(
                f"alpha = {run.settings.alpha:g}: a weight became infinite at iteration "
                f"{run.diverged_at:,}; training stopped there and the last finite weights are shown.",
                icon="💥",
            )
