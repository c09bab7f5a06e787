"""Watch it learn: a Play / Pause player through a run's saved snapshots, drawn in the browser.

The frames (dashboard.model.frames) are computed once per run and cached by the run's
settings; the page (playback.html + playback.js, no external request) animates them itself,
so playing costs no rerun. Drawn with st.iframe, which replaces the deprecated
st.components.v1.html in Streamlit 1.67 and sizes itself to its content.
"""

from __future__ import annotations

import functools
from pathlib import Path

import streamlit as st

from dashboard.model.frames import FRAMES, as_json, frames
from tinynet.train import Run

from .cache import run_key

HERE = Path(__file__).parent


@st.cache_data(max_entries=16, show_spinner=False, hash_funcs={Run: run_key})
def frames_json(run: Run, count: int = FRAMES) -> str:
    """dashboard.model.frames.as_json(frames(run, count)), cached by the run's settings
    (~170 kB for Example 3's 32 hidden units; 16 entries stay under 3 MB)."""
    return as_json(frames(run, count))


@functools.cache
def _template() -> str:
    """playback.html with playback.js inlined: one self-contained page, read once."""
    script = (HERE / "playback.js").read_text(encoding="utf-8")
    if "</script" in script.lower():
        raise ValueError("playback.js must not contain '</script': it is inlined in a <script>")
    return (HERE / "playback.html").read_text(encoding="utf-8").replace("__SCRIPT__", script)


def page_html(frames: str, theme: str | None) -> str:
    """The player's page for frames (as_json's text) on a "light" or "dark" theme (None:
    the browser decides). "<", ">" and "&" are escaped inside the JSON (still the same JSON)
    so that nothing in it can close the <script> element that holds it."""
    safe = frames.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    told = theme if theme in ("light", "dark") else ""
    return _template().replace("__THEME__", told).replace("__FRAMES__", safe)


def watch_it_learn(run: Run, key: str) -> None:
    """Draw the player for `run`, in a container keyed `key` (one per page section)."""
    with st.container(key=key):
        st.iframe(page_html(frames_json(run), st.context.theme.type), height="content")
