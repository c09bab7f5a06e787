"""The page owns its link: read into st.session_state when the page is opened, written back
from it as short codes. The one Streamlit module of url/: it draws nothing (ui.widgets does).

A page's link decides its settings only when the page is *opened*: the session's first run,
a switch from another page, Back/Forward (the browser restores that entry's URL), a link to
the same page with other settings, or "Reset to the tutorial's settings" (an empty link). Then
every control takes the link's value or, if the link does not hold it, its default, so no
page inherits another page's settings (the widgets' keys are shared between pages). Any
other run is a widget move: the widgets stand, and the URL is written from them.

The URL is written once per run, at `LinkState.write`, only if it changes: Streamlit's
frontend (1.67) pushes one history entry per query-string change outside Back/Forward and
replaces the entry during them, so one move adds one entry and Back restores the settings.

A control whose link may hold a value no option holds (the target's four numbers) has its
widget set to its `custom` option, and the value kept beside it (`custom_value`).
"""

from __future__ import annotations

from typing import Any

import streamlit as st
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

from . import links
from .controls import Control

_PAGE = "_link_page"  # the page the session ran last
_OPENED = "_link_opened"  # whether this run opened it
_RESET = "_link_reset"  # "Reset to the tutorial's settings" was pressed
_WRITTEN = "_link_written"  # the link the page wrote last: {key: [values]}


def note_page(page: str) -> None:
    """app.py, before a page runs: is this run opening `page` (see the module docstring)?"""
    ctx = get_script_run_ctx()
    back_or_forward = ctx is not None and ctx.is_history_navigation
    reset = st.session_state.pop(_RESET, False)
    st.session_state[_OPENED] = reset or back_or_forward or st.session_state.get(_PAGE) != page
    st.session_state[_PAGE] = page


def current_page() -> str:
    """The URL path of the page this run shows ("" for the home page)."""
    return st.session_state.get(_PAGE, "")


def reset_link() -> None:
    """A button's callback: the run it starts opens the page afresh, as a link without
    settings does, so every control takes its default (the tutorial's settings)."""
    st.query_params.clear()
    st.session_state[_RESET] = True


def custom_value(key: str, default: Any = None) -> Any:
    """The custom value (no option holds it) last set for control `key`, or `default`."""
    return st.session_state.get(f"_custom_{key}", default)


def set_custom_value(key: str, value: Any) -> None:
    """Keep `value` as control `key`'s custom value (None: forget it)."""
    if value is None:
        st.session_state.pop(f"_custom_{key}", None)
    else:
        st.session_state[f"_custom_{key}"] = value


def custom_edition(key: str) -> int:
    """How many times a link has set control `key`'s custom value: an editor of that value
    takes it into its widget key, so a link's value replaces what was typed."""
    return st.session_state.get(f"_custom_{key}_editor", 0)


class LinkState:
    """One run of a page's link: `settle` puts a control's value into st.session_state before
    its widget is drawn, `record` notes the value shown, and `write` writes the URL and
    returns the notices about link values that could not be used."""

    def __init__(self) -> None:
        self.raw = {key: st.query_params.get_all(key) for key in st.query_params}
        # A link to this same page with other settings (a "Try this" exercise) opens it too:
        # the URL is then not the one the page wrote last.
        written = st.session_state.get(_WRITTEN)
        changed = written is not None and written != self.raw
        self.opened = st.session_state.get(_OPENED, True) or changed
        self.controls: dict[str, Control] = {}
        self.values: dict[str, Any] = {}
        self.notices: list[str] = []
        self.codes: dict[str, list[str]] = {}  # what `write` put in the URL

    def settle(self, control: Control) -> None:
        """The control's value from the link (page opened), its default (a control this page
        has not drawn before), or the widget's own, kept in range."""
        key = control.key
        if self.opened:
            raw = self.raw.get(key, [])
            value, problem = control.link.read(raw)
            if problem:
                outcome = f"using {control.shown(value)}"
                self.notices.append(links.notice(key, raw, problem, outcome))
            if control.custom is not None:
                self._set_custom(control, value)
            st.session_state[key] = control.widget_value(value)
        elif key not in st.session_state:  # a control this page has not drawn before
            st.session_state[key] = control.widget_value(control.default)
        elif control.kind in ("slider", "number"):  # its range may move (k, with iterations)
            value = min(max(st.session_state[key], int(control.low)), int(control.high))
            if value != st.session_state[key]:
                st.session_state[key] = value

    def record(self, control: Control, value: Any) -> None:
        """The value the page uses for `control` (what its link will say)."""
        self.controls[control.key] = control
        self.values[control.key] = value

    def write(self) -> list[str]:
        """Write the URL (once, if it changes); return the notices for the page to show."""
        if self.opened:
            self.notices += links.unknown_keys(self.raw, set(self.controls))
        wanted = {}
        for key, control in self.controls.items():
            texts = control.link.write(self.values[key])
            if texts:
                wanted[key] = texts
        if wanted != {key: st.query_params.get_all(key) for key in st.query_params}:
            st.query_params.from_dict(wanted)
        self.codes = wanted
        st.session_state[_WRITTEN] = wanted
        return self.notices

    @staticmethod
    def _set_custom(control: Control, value: Any) -> None:
        """A link's value for a control with a custom option: keep the value if no option
        holds it (else forget the last one), and let its editor start afresh."""
        set_custom_value(control.key, None if value in control.options else value)
        edition = f"_custom_{control.key}_editor"
        st.session_state[edition] = custom_edition(control.key) + 1
