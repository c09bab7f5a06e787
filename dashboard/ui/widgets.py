"""The controls drawn as widgets (a url.controls.Control each), and a page's link around them:
`PageLink` sets each widget from the link before drawing it (url.state), then writes the link
and shows a notice about any value it could not use."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import streamlit as st

from tinynet import RunSettings

from ..url.controls import Control
from ..url.controls import k_picks as k_choices
from ..url.state import LinkState
from .share import share_box


def render(control: Control, where: Any = st) -> Any:
    """Draw the control's widget in `where` and return its value. Its value is in
    st.session_state under its key already (url.state puts it there): no default is passed."""
    c = control
    common = {"key": c.key, "help": c.help}
    if c.kind == "slider":
        return where.slider(c.label, int(c.low), int(c.high), step=int(c.step), **common)
    if c.kind == "number":
        return where.number_input(c.label, int(c.low), int(c.high), step=int(c.step), **common)
    if c.kind == "select_slider":
        return where.select_slider(c.label, c.options, format_func=c.format, **common)
    if c.kind == "radio":
        return where.radio(c.label, c.options, format_func=c.format, horizontal=True, **common)
    if c.kind == "selectbox":
        return where.selectbox(c.label, c.options, format_func=c.format, **common)
    if c.kind == "multiselect":
        return where.multiselect(c.label, c.options, format_func=c.format, **common)
    return where.checkbox(c.label, **common)


class PageLink:
    """One run of a page's link: `show` draws controls (set from the link if the page was
    opened), `set` replaces a value the page computed later, and `finish` writes the URL,
    shows the notices about link values that could not be used, and draws the sidebar's
    reset and share block under the controls (ui.share)."""

    def __init__(self) -> None:
        self.state = LinkState()
        self._notice_box = st.empty()  # the notices show here, above what the page draws next
        st.sidebar.header("Settings")

    def show(self, controls: Sequence[Control], where: Any = None) -> dict[str, Any]:
        """Draw `controls` (in the sidebar by default) and return {key: value}."""
        where = st.sidebar if where is None else where
        values = {}
        for control in controls:
            self.state.settle(control)
            values[control.key] = render(control, where)
            self.state.record(control, values[control.key])
        return values

    def set(self, key: str, value: Any) -> None:
        """Write `value` for `key` instead of its widget's (the target's typed numbers)."""
        self.state.values[key] = value

    def finish(self, step: RunSettings | None = None) -> None:
        """Write the URL (once, if it changes), show the notices, then the reset and share
        block (with a link to Step by step for the run of `step`, on an example page)."""
        notices = self.state.write()
        if notices:
            self._notice_box.warning(
                "Some values in the link could not be used. " + " ".join(notices),
                icon=":material/link:",
            )
        share_box(self.state.codes, step=step)


def show_controls(controls: Sequence[Control]) -> dict[str, Any]:
    """A page whose controls are all widgets: draw them, write its link, return {key: value}."""
    link = PageLink()
    values = link.show(controls)
    link.finish()
    return values


def k_picks(where: Any, last: int) -> None:
    """Quick picks for the iteration k on a log ladder (url.controls.k_picks): a pick sets
    k's widget, and the picks stand ready for the next one."""

    def jump() -> None:
        picked = st.session_state.get("k_pick")
        if picked is not None:
            st.session_state["k"] = picked
            st.session_state["k_pick"] = None

    where.pills(
        "Jump to k", k_choices(last), key="k_pick", on_change=jump, format_func="{:,}".format,
        help="0 is the first pass, from the starting weights; the last is the run's last.",
    )  # fmt: skip
