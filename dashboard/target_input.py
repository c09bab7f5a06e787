"""The target control's Streamlit side: a link's `target=`, and the custom-target table.

`adopt` (run by dashboard.url_state when a page is opened) lets the link's target set the
widget: a name selects it; four numbers select "custom" and fill the table. `chosen_target`
(after the widgets) draws the table when "custom" is chosen and checks every cell; the page
then writes the target into its link (dashboard.sections.example_settings).
The last valid custom target lives in st.session_state: a bad cell shows a message next to
the table and the page keeps showing the last valid target's results.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import streamlit as st

from tinynet import TARGETS, inputs
from tinynet.settings import RunSettings

from . import targets
from .targets import CUSTOM

KEY = "target"  # the widget's key and the query parameter
LAST_VALID = "_custom_target"  # the last valid custom target, four floats
EDITOR = "_custom_target_editor"  # bumped when a link replaces the table's contents


def adopt(value: str | Sequence[float]) -> None:
    """Set the target widget from a link's value: a name, or four numbers (custom)."""
    if isinstance(value, str):
        st.session_state[KEY] = value
        st.session_state.pop(LAST_VALID, None)  # a later custom table starts from the tutorial's
    else:
        st.session_state[KEY] = CUSTOM
        st.session_state[LAST_VALID] = tuple(value)
    st.session_state[EDITOR] = st.session_state.get(EDITOR, 0) + 1


def chosen_target(choice: str, example: int, bias: bool = True) -> tuple[float, ...]:
    """The target the page trains on; for "custom", draws the table here (in the page)."""
    if choice != CUSTOM:
        return TARGETS[choice]
    return _custom_table(targets.seed_target_name(example), bias)


def _custom_table(seed: str, bias: bool) -> tuple[float, ...]:
    last = tuple(st.session_state.get(LAST_VALID, TARGETS[seed]))
    st.subheader("Your own target")
    x = inputs(bias).astype(int)
    frame = pd.DataFrame(x, columns=[f"x{i + 1}" for i in range(x.shape[1])])
    frame["target"] = targets.cell_texts(last)
    left, right = st.columns([2, 3])
    with left:
        edited = st.data_editor(
            frame,
            key=f"custom_target_{st.session_state.get(EDITOR, 0)}",
            hide_index=True,
            num_rows="fixed",
            disabled=[c for c in frame.columns if c != "target"],
            column_config={
                "target": st.column_config.TextColumn(
                    "target", help="A number from 0 to 1: what the output should be for this row."
                )
            },
        )
    values, problems = targets.read_cells(edited["target"].tolist())
    with right:
        if problems:
            st.error(
                "\n\n".join(problems)
                + f"\n\nThe page keeps showing the last valid target, {targets.spec_text(last)}.",
                icon=":material/edit:",
            )
        else:
            st.caption(
                "Type a number from 0 to 1 into each target cell (the output is a sigmoid, so "
                "it can only aim there). A target of 0.5 asks the network to be unsure."
            )
    if values is None:
        return last
    st.session_state[LAST_VALID] = values
    return values


def bias_notice(settings: RunSettings) -> None:
    """Say why the tutorial keeps its column of ones, when it is turned off."""
    note = targets.bias_note(settings)
    if note:
        st.info(note, icon=":material/info:")
