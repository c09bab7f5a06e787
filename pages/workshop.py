"""Workshop: exercises the app checks, in teaching order, and the instructor's handout.

The exercises, their checks and the handout live in dashboard.workshop (no Streamlit); this
page draws them. Progress is kept for the session in st.session_state.
"""

from __future__ import annotations

import math
from typing import Any

import streamlit as st

from dashboard.ui import shell
from dashboard.ui.share import share_box
from dashboard.workshop import handout, params
from dashboard.workshop.exercises import EXERCISES, progress_text
from dashboard.workshop.model import Choice, Exercise, Feedback, Number, shown
from dashboard.workshop.qr import qr_svg

shell.require_app()  # a link that opens this page first still gets the whole app
share_box({}, reset=False)

DONE, TRIED = "workshop_done", "workshop_tried"  # session state: ids answered right; last tries
done: set[str] = st.session_state.setdefault(DONE, set())
tried: dict[str, Feedback] = st.session_state.setdefault(TRIED, {})
base = params.app_base(st.context.url, "workshop")


def answer_widget(ex: Exercise) -> None:
    """The answer field(s) for this exercise's kind of answer (read back by `given`)."""
    a, key = ex.answer, f"answer_{ex.id}"
    if isinstance(a, Number):
        number_input(a.label, a.low, a.high, a.step, a.integer, key)
    elif isinstance(a, Choice) and a.multiple:
        st.multiselect(a.label, a.options, key=key)
    elif isinstance(a, Choice):
        st.radio(a.label, a.options, index=None, key=key)
    else:
        for f in a.fields:
            number_input(f.label, f.low, f.high, 1, True, f"{key}_{f.key}")


def number_input(label: str, low: float, high: float, step: float, integer: bool, key: str):
    if integer:
        return st.number_input(label, int(low), int(high), None, int(step), key=key)
    decimals = max(0, -math.floor(math.log10(step)))
    return st.number_input(
        label, float(low), float(high), None, float(step), format=f"%.{decimals}f", key=key
    )


def given(ex: Exercise) -> Any:
    """What the learner has put in the exercise's answer field(s), from st.session_state."""
    key = f"answer_{ex.id}"
    if isinstance(ex.answer, Number | Choice):
        return st.session_state.get(key)
    return {f.key: st.session_state.get(f"{key}_{f.key}") for f in ex.answer.fields}


def check(ex: Exercise) -> None:
    """The Check button's callback. It runs before the page does, so the run it starts shows
    this answer's tick, feedback and progress from the top."""
    tried[ex.id] = ex.check(given(ex))
    if tried[ex.id].correct:
        done.add(ex.id)


def exercise_box(n: int, ex: Exercise) -> None:
    """One exercise: question, link, answer and Check, feedback, hint and reveal."""
    with st.container(border=True, key=f"exercise_{ex.id}"):
        tick = " :green[:material/check_circle:]" if ex.id in done else ""
        st.markdown(f"**{n}. {ex.title}**{tick}")
        st.markdown(ex.question)
        st.page_link(
            f"pages/{ex.page}.py",
            label=f"Open {params.PAGES[ex.page]} with these settings",
            icon=":material/open_in_new:",
            query_params=dict(ex.params),
        )
        with st.form(f"form_{ex.id}", border=False):
            answer_widget(ex)
            st.form_submit_button(
                "Check",
                icon=":material/task_alt:",
                key=f"check_{ex.id}",
                on_click=check,
                args=(ex,),
            )
        last = tried.get(ex.id)
        if last is not None and last.correct:
            st.success(last.why, icon=":material/check_circle:")
        elif last is not None:
            st.error(last.why, icon=":material/cancel:")
            st.info(f"Hint: {ex.hint}", icon=":material/lightbulb:")
        reveal = st.expander("Reveal the answer", key=f"reveal_{ex.id}", on_change="rerun")
        if reveal.open:
            with reveal, st.spinner("Asking the engine…"):
                st.markdown(f"**Answer:** {shown(ex.solve())}")
                st.markdown(ex.explanation)


st.title("Workshop")
st.markdown(
    "Exercises on every page of the app, in teaching order. Each opens its page with the "
    "starting settings; answer here, and **Check** asks the engine whether you are right, and "
    "why. A hint appears after a wrong try; the reveal shows the answer and explains it."
)
st.progress(len(done) / len(EXERCISES), text=progress_text(done))

with st.expander("For the instructor: handout, solutions and a code to project"):
    left, right = st.columns([3, 1])
    with left:
        st.markdown(f"Links in the handout start with `{base}`.")
        st.download_button(
            "Handout (Markdown)", handout.markdown(base), file_name="workshop.md",
            mime="text/markdown", on_click="ignore", icon=":material/description:",
            key="download_handout_md",
        )  # fmt: skip
        st.download_button(
            "Handout (printable HTML)", lambda: handout.html_page(base), file_name="workshop.html",
            mime="text/html", on_click="ignore", icon=":material/print:",
            key="download_handout_html",
        )  # fmt: skip
        st.download_button(
            "Solutions (Markdown)", lambda: handout.markdown(base, handout.solutions()),
            file_name="workshop_solutions.md", mime="text/markdown", on_click="ignore",
            icon=":material/key:", key="download_solutions_md",
        )  # fmt: skip
        st.download_button(
            "Solutions (printable HTML)", lambda: handout.html_page(base, handout.solutions()),
            file_name="workshop_solutions.html", mime="text/html", on_click="ignore",
            icon=":material/key:", key="download_solutions_html",
        )  # fmt: skip
        st.caption("The solutions are asked of the engine when you download them (a few seconds).")
    with right:
        st.image(qr_svg(params.url("workshop", {}, base)), caption="This page", width=180)

for page, title in params.PAGES.items():
    st.header(title)
    for n, ex in enumerate(EXERCISES, start=1):
        if ex.page == page:
            exercise_box(n, ex)
