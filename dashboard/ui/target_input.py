"""Your own target: the custom-target table, drawn when "custom" is chosen.

The link's four numbers (url.state keeps them as the target's custom value) fill the table;
every cell is checked (model.targets), a bad cell shows a message next to the table, and the
page keeps showing the last valid target's results. The page then writes the target into
its link (ui.settings.example_settings).
"""

from __future__ import annotations

import streamlit as st

from tinynet import TARGETS
from tinynet.settings import RunSettings

from ..model.notes import bias_note
from ..model.targets import cell_texts, read_cells
from ..tables.runs import inputs_frame
from ..url.state import custom_edition, custom_value, set_custom_value
from ..url.targets import CUSTOM, seed_target_name, spec_text

KEY = "target"  # the widget's key and the query parameter


def chosen_target(choice: str, example: int, bias: bool = True) -> tuple[float, ...]:
    """The target the page trains on; for "custom", draws the table here (in the page)."""
    if choice != CUSTOM:
        return TARGETS[choice]
    return _custom_table(seed_target_name(example), bias)


def _custom_table(seed: str, bias: bool) -> tuple[float, ...]:
    last = tuple(custom_value(KEY, TARGETS[seed]))
    st.subheader("Your own target")
    frame = inputs_frame(bias)
    frame["target"] = cell_texts(last)
    left, right = st.columns([2, 3])
    with left:
        edited = st.data_editor(
            frame,
            key=f"custom_target_{custom_edition(KEY)}",
            hide_index=True,
            num_rows="fixed",
            disabled=[c for c in frame.columns if c != "target"],
            column_config={
                "target": st.column_config.TextColumn(
                    "target", help="A number from 0 to 1: what the output should be for this row."
                )
            },
        )
    values, problems = read_cells(edited["target"].tolist())
    with right:
        if problems:
            st.error(
                "\n\n".join(problems)
                + f"\n\nThe page keeps showing the last valid target, {spec_text(last)}.",
                icon=":material/edit:",
            )
        else:
            st.caption(
                "Type a number from 0 to 1 into each target cell (the output is a sigmoid, so "
                "it can only aim there). A target of 0.5 asks the network to be unsure."
            )
    if values is None:
        return last
    set_custom_value(KEY, values)
    return values


def bias_notice(settings: RunSettings) -> None:
    """Say why the tutorial keeps its column of ones, when it is turned off."""
    note = bias_note(settings)
    if note:
        st.info(note, icon=":material/info:")
