"""The page owns its link: read when the page is opened, written back as short codes.

A page's link decides its settings only when the page is *opened*: the session's first run,
a switch from another page, or Back/Forward (the browser restores that entry's URL). Then
every control takes the link's value or, if the link does not hold it, its default, so no
page inherits another page's settings (the widgets' keys are shared between pages). Any
other run is a widget move: the widgets stand, and the URL is written from them.

The URL is written once per run, at `PageLink.finish`, only if it changes: Streamlit's
frontend (1.67) pushes one history entry per query-string change outside Back/Forward and
replaces the entry during them, so one move adds one entry and Back restores the settings.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import streamlit as st
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

from . import links
from .controls import Control

_PAGE = "_link_page"  # the page the session ran last
_OPENED = "_link_opened"  # whether this run opened it


def note_page(page: str) -> None:
    """app.py, before a page runs: is this run opening `page` (see the module docstring)?"""
    ctx = get_script_run_ctx()
    back_or_forward = ctx is not None and ctx.is_history_navigation
    st.session_state[_OPENED] = back_or_forward or st.session_state.get(_PAGE) != page
    st.session_state[_PAGE] = page


class PageLink:
    """One run of a page's link: `show` draws controls (set from the link if the page was
    opened), `set` replaces a value the page computed later, and `finish` writes the URL
    and shows the notices about link values that could not be used."""

    def __init__(self) -> None:
        self.opened = st.session_state.get(_OPENED, True)
        self.raw = {key: st.query_params.get_all(key) for key in st.query_params}
        self.controls: dict[str, Control] = {}
        self.values: dict[str, Any] = {}
        self.notices: list[str] = []
        self._notice_box = st.empty()  # the notices show here, above what the page draws next
        st.sidebar.header("Settings")

    def show(self, controls: Sequence[Control], where: Any = None) -> dict[str, Any]:
        """Draw `controls` (in the sidebar by default) and return {key: value}."""
        where = st.sidebar if where is None else where
        values = {}
        for control in controls:
            self._settle(control)
            values[control.key] = control.render(where)
            self.controls[control.key] = control
        self.values.update(values)
        return values

    def set(self, key: str, value: Any) -> None:
        """Write `value` for `key` instead of its widget's (the target's typed numbers)."""
        self.values[key] = value

    def finish(self) -> None:
        """Write the URL (once, if it changes) and show the notices."""
        if self.opened:
            self.notices += links.unknown_keys(self.raw, set(self.controls))
        wanted = {}
        for key, control in self.controls.items():
            texts = control.link.write(self.values[key])
            if texts:
                wanted[key] = texts
        if wanted != {key: st.query_params.get_all(key) for key in st.query_params}:
            st.query_params.from_dict(wanted)
        if self.notices:
            self._notice_box.warning(
                "Some values in the link could not be used. " + " ".join(self.notices),
                icon=":material/link:",
            )

    def _settle(self, control: Control) -> None:
        """Put the control's value into st.session_state before its widget is drawn."""
        key = control.key
        if self.opened:
            raw = self.raw.get(key, [])
            value, problem = control.link.read(raw)
            if problem:
                outcome = f"using {control.shown(value)}"
                self.notices.append(links.notice(key, raw, problem, outcome))
            if control.adopt is not None:
                control.adopt(value)
            else:
                st.session_state[key] = control.widget_value(value)
        elif key not in st.session_state:  # a control this page has not drawn before
            st.session_state[key] = control.widget_value(control.default)
        elif control.kind == "slider":  # its range may have moved (k, with the iterations)
            value = min(max(st.session_state[key], int(control.low)), int(control.high))
            if value != st.session_state[key]:
                st.session_state[key] = value


def show_controls(controls: Sequence[Control]) -> dict[str, Any]:
    """A page whose controls are all widgets: draw them, write its link, return {key: value}."""
    link = PageLink()
    values = link.show(controls)
    link.finish()
    return values
