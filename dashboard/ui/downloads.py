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
    """The "Code & downloads" tab of every example page: the download buttons, then the code."""
    download_buttons(runs, name)
    code(settings, alphas)


def code(settings: RunSettings, alphas: Sequence[float] | None = None) -> None:
    """The NumPy loop this page runs, in the tutorial's style, with the current settings."""
    source = seed_script(settings, alphas=list(alphas) if alphas is not None else None)
    st.caption(
        "This page's loop as a standalone NumPy script. Run it with `python`: it prints the "
        "tutorial's lines, then the numbers in full."
    )
    st.download_button(
        "Download the script", source, file_name=f"example_{settings.example}.py",
        mime="text/x-python", on_click="ignore", key="download_script",
        icon=":material/download:",
    )  # fmt: skip
    st.code(source, language="python", line_numbers=False)


def download_buttons(runs: Sequence[Run], name: str) -> None:
    """Error trajectory (CSV, every iteration, every digit) and final weights (JSON), built
    on click."""
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
