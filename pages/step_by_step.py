"""Step by step: one iteration of the tutorial's loop, every number shown next to its line of
code."""

from __future__ import annotations

from typing import Any

import streamlit as st

from dashboard.charts.errors import error_at_k_chart
from dashboard.charts.heatmap import contributions_chart, heatmap
from dashboard.charts.surface import surface_at
from dashboard.model.code_lines import sign_note
from dashboard.model.stages import Stage, stages
from dashboard.model.step import last_iteration, seed_iteration
from dashboard.tables.step import (
    contributions_frame,
    grid_frame,
    points_at,
    update_1_frame,
    weights_frames,
)
from dashboard.ui import cache, shell
from dashboard.ui.display import cached_chart, table
from dashboard.ui.tabs import TRY_THIS, lazy_tabs, try_this
from dashboard.ui.target_input import chosen_target
from dashboard.ui.widgets import PageLink, k_picks
from dashboard.url import controls
from dashboard.url.targets import CUSTOM

STEP_KEYS = ("seed", "iterations", "alpha", "hidden", "init", "target", "bias", "activation", "k")

shell.require_app()  # a link that opens this page first still gets the whole app

st.title("Step by step: one iteration, every number")
st.markdown(
    "Pass `k` of the tutorial's loop over the four rows, stage by stage: its line of code, "
    "the shapes it combines, the matrices. **Predict, then reveal** hides each result."
)


def result_box(key: str, label: str = "Reveal the result") -> Any:
    """Where a result goes: the page itself, or (reveal on) a lazy expander whose content is
    only computed and sent once it is opened. The key carries k, so moving k closes it."""
    if not reveal:
        return st.container()
    return st.expander(label, key=f"open_{key}_{settings.example}_{k}", on_change="rerun")


def stage(number: int, s: Stage) -> None:
    """One stage: its line of the tutorial's code, its shapes, what it starts from, what it
    computes."""
    st.markdown(f"##### {number}. {s.title}")
    st.code(s.code, language="python")
    st.caption(f"Shapes: {s.shapes}")
    if s.operands:
        for column, operand in zip(st.columns(len(s.operands)), s.operands, strict=True):
            with column:
                table(grid_frame(operand))
    box = result_box(s.key)
    if box.open is False:
        return
    with box:
        for result in s.results:
            table(grid_frame(result))
        if s.note:
            st.caption(s.note)


top = st.sidebar.container()  # k and "predict, then reveal": the top of the sidebar
link = PageLink()
example = link.show([controls.example_control()])["example"]
# Each example keeps its own tutorial settings: switching examples starts from the new one's.
if st.session_state.get("_step_example", example) != example:
    for key in STEP_KEYS:
        st.session_state.pop(key, None)
st.session_state["_step_example"] = example
values = link.show(controls.step_controls(example))  # one run: no sweep, no band
target = chosen_target(values["target"], example, values["bias"])
if values["target"] == CUSTOM:
    link.set("target", target)  # the typed numbers, not "custom"
values["target"] = target
settings = controls.settings_from(example, values)
top.subheader("Iteration")
picked = link.show([controls.k_control(settings.iterations - 1), controls.reveal_control()], top)
k_picks(top, settings.iterations - 1)
link.finish()
cache.guard(settings)
run = cache.train(settings)
reveal = bool(picked["reveal"])
last = last_iteration(run)
k = min(int(picked["k"]), last)
if picked["k"] > last:
    st.warning(
        f"This run diverged at iteration {run.diverged_at:,} (a weight became infinite), so "
        f"there is no iteration {picked['k']:,}: showing iteration {k:,}, the one that blew up.",
        icon=":material/warning:",
    )
it = seed_iteration(run, k)

st.subheader(f"Example {example}, iteration k = {k:,} of {len(run.error):,}")
st.info(sign_note(settings), icon=":material/swap_vert:")
where = st.expander("Where this step is in training", key="step_where", on_change="rerun")
if where.open:
    with where:
        cached_chart(error_at_k_chart, run, k)


def stages_of(part: str) -> None:
    """The stages of one part of the iteration (forward, backward, update), numbered."""
    for number, s in enumerate(stages(it), start=1):
        if s.part == part:
            stage(number, s)


def rows() -> None:
    delta = "layer_1_delta" if it.hidden else "l1_delta"
    st.markdown(
        f"`X.T.dot({delta})` adds up one outer product per training row: row n contributes "
        f"`X[n]` (as a column) times `{delta}[n]` (as a row). X holds only 0s and 1s, so a row "
        "pushes exactly the weights of the inputs that are 1 in it, by its delta: row 1 "
        "(inputs 0, 0, 1) moves only the weights leaving x3, the constant input."
        + ("" if settings.alpha == 1.0 else f" Each is multiplied by alpha = {settings.alpha:g}.")
    )
    box = result_box("rows", "Reveal the four rows and their sum")
    if box.open is False:
        return
    with box:
        # a faceted chart has a fixed width per panel: it cannot stretch
        st.altair_chart(contributions_chart(it), width="content", theme="streamlit")
        with st.expander("The same as tables: the four rows, then their sum"):
            table(contributions_frame(it), hide_index=True)
            table(grid_frame(stages(it)[-1].results[0]))
        frame = update_1_frame(it)
        if frame is not None:
            st.markdown(
                "`layer_1.T.dot(layer_2_delta)`, synapse_1's update, is the same kind of "
                "sum: one column per training row, then their sum."
            )
            table(frame)


def weights() -> None:
    st.caption(
        "The weights iteration k starts from, the tutorial's update, and the weights the next "
        "iteration starts from."
    )
    box = result_box("weights", "Reveal the weights after the update")
    if box.open is False:
        return
    with box:
        for name, frame in weights_frames(it):
            st.markdown(f"**{name}**")
            table(frame, hide_index=True)
        unit = "unit" if it.hidden else "output"
        if not it.finite_after:
            st.error(
                "This update makes weights infinite (or NaN): the run diverges here.",
                icon=":material/trending_up:",
            )
            return
        left, right = st.columns(2)
        with left:
            st.caption("synapse_0 before")
            cached_chart(heatmap, it.synapse_0, "input", unit, "weight")
        with right:
            st.caption("synapse_0 after")
            cached_chart(heatmap, it.synapse_0_after, "input", unit, "weight")


def surface() -> None:
    st.caption(
        "The network's output over the input square (x3 = 1) for the weights iteration k "
        "starts from. The four training rows are drawn on it, filled with their target's "
        "colour: a row the network already gets right disappears into the surface."
    )
    left, right = st.columns([3, 2])
    with left:
        cached_chart(surface_at, it)
    with right:
        st.caption("The four rows at iteration k")
        table(points_at(it), hide_index=True)


lazy_tabs(
    {
        "1 · Forward pass": lambda: stages_of("forward"),
        "2 · Error and deltas": lambda: stages_of("backward"),
        "3 · Weight updates": lambda: stages_of("update"),
        "4 · Row by row": rows,
        "5 · Weights before → after": weights,
        "6 · Decision surface": surface,
        TRY_THIS: lambda: try_this("step_by_step"),
    },
    key="tabs_step_by_step",
)
