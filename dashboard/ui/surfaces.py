"""The decision surfaces of an example page: after training, and at a snapshot chosen with
a slider. The slider and its surface are a fragment: moving it redraws that one chart, and
each surface is computed once (ui.cache.surface)."""

from __future__ import annotations

import streamlit as st

from tinynet.train import Run

from ..charts.surface import surface_chart
from ..model.surface import snapshot_choices
from . import cache
from .display import cached_chart


def decision_surfaces(run: Run) -> None:
    """The network's output over the input square: after training, and at a chosen snapshot."""
    st.caption(
        "The output over (x1, x2) in [0, 1]²"
        + (", x3 = 1" if run.settings.bias else "")
        + ". The four training rows are filled with their target's colour: a row the network "
        "gets right disappears into the surface."
    )
    choices = snapshot_choices(run)
    left, right = st.columns(2)
    with left:
        st.markdown(f"**After training** (iteration {choices[-1]:,})")
        cached_chart(surface_figure, run)
    with right:
        snapshot(run, choices)


@st.fragment
def snapshot(run: Run, choices: list[int]) -> None:
    """The surface after a chosen number of updates (one of the snapshots the run kept)."""
    k = st.select_slider(
        "Weights after this many updates",
        choices,
        value=choices[min(len(choices) - 1, len(choices) // 2)],
        format_func=lambda v: f"{v:,}",
        key=f"surface_k_{choices[-1]}_{len(choices)}",  # new choices: a new slider
        help="One of the iterations whose weights the run kept (log-spaced).",
    )
    cached_chart(surface_figure, run, k)


def surface_figure(run: Run, k: int | None = None):
    """The surface chart of the run after training, or at snapshot `k`."""
    return surface_chart(*cache.surface(run, k))
