"""The target control's Streamlit side: the link's `target=`, and the custom-target table.

The target selectbox is not bound to the URL by Streamlit (a custom target's four numbers are
not one of its options), so this module keeps `target=` itself:
- `adopt_link` (run by controls.show_controls before the widget is drawn) lets a *new* link
  value set the widget: a name selects it; four numbers select "custom" and fill the table;
  garbage selects the seed's target (controls.url_notices says so).
- `chosen_target` (after the widgets) draws the table when "custom" is chosen, checks every cell,
  and writes the URL: the name, or the custom numbers, or nothing for the seed's target.
The last valid custom target lives in st.session_state: a bad cell shows a message next to
the table and the page keeps showing the last valid target's results.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd
import streamlit as st

from tinynet import TARGETS, inputs
from tinynet.settings import RunSettings

from . import targets
from .targets import CUSTOM

if TYPE_CHECKING:
    from .controls import Control

KEY = "target"  # the widget's key and the query parameter
WRITTEN = "_target_link"  # what this page last wrote to target= (None: nothing)
LAST_VALID = "_custom_target"  # the last valid custom target, four floats
EDITOR = "_custom_target_editor"  # bumped when a link replaces the table's contents


def adopt_link(control: Control, raw: list[str]) -> None:
    """Let the link's target= set the widget, if it is not what this page wrote itself."""
    written = st.session_state.get(WRITTEN)
    if not raw or raw == [written]:
        return  # nothing new in the link: the widget (or its default) stands
    st.session_state[WRITTEN] = raw[-1]
    if control.url_problem(raw):
        st.session_state[KEY] = control.default  # url_notices tells the reader
        return
    choice, values = targets.link_target(raw[0])
    st.session_state[KEY] = choice
    if values is not None:
        st.session_state[LAST_VALID] = values
        st.session_state[EDITOR] = st.session_state.get(EDITOR, 0) + 1


def chosen_target(choice: str, example: int, bias: bool = True) -> tuple[float, ...]:
    """The target the page trains on; for "custom", draws the table here (in the page)."""
    seed = targets.seed_target_name(example)
    if choice != CUSTOM:
        _write_link(None if choice == seed else choice)
        return TARGETS[choice]
    values = _custom_table(seed, bias)
    _write_link(targets.spec_text(values))
    return values


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
                icon="✏️",
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


def _write_link(text: str | None) -> None:
    """Put the target into the URL (None removes it), remembering what was written."""
    if text is None:
        if KEY in st.query_params:
            del st.query_params[KEY]
    elif st.query_params.get(KEY) != text:
        st.query_params[KEY] = text
    st.session_state[WRITTEN] = text


def bias_notice(settings: RunSettings) -> None:
    """Say why the seed keeps its column of ones, when it is turned off."""
    note = targets.bias_note(settings)
    if note:
        st.info(note, icon=":material/info:")
