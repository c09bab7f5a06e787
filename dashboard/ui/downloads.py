"""What a page lets you take home: the loop it runs as a standalone script, the error
trajectory (CSV) and the final weights (JSON), each built when its button is pressed."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from tinynet import RunSettings
from tinynet.script import seed_script
from tinynet.train import Run

from ..model.downloads import trajectory_csv, weights_json


def take_home(
    settings: RunSettings, runs: Sequence[Run], name: str, alphas: Sequence[float] | None = None
) -> None:
    """The code expander, then the download buttons: the end of every example page."""
    code_expander(settings, alphas)
    download_buttons(runs, name)


def code_expander(settings: RunSettings, alphas: Sequence[float] | None = None) -> None:
    """The NumPy loop this page runs, in the seed's style, with the current settings."""
    with st.expander("The code: this page's loop as a standalone NumPy script"):
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
        "Error trajectory (CSV)", lambda: trajectory_csv(runs),
        file_name=f"{name}_error.csv", mime="text/csv", on_click="ignore", key="download_csv",
    )  # fmt: skip
    right.download_button(
        "Final weights (JSON)", lambda: weights_json(runs),
        file_name=f"{name}_weights.json", mime="application/json", on_click="ignore",
        key="download_json",
    )  # fmt: skip
