"""What follows a page's first screen: tabs that build only the open one, and the "Try this"
tab (the page's workshop exercises)."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import streamlit as st

from ..workshop.exercises import exercises_for

TRY_THIS = "Try this"


def lazy_tabs(sections: Mapping[str, Callable[[], None]], key: str) -> str:
    """One tab per section (label -> what draws it); only the open tab's section runs
    (st.tabs with on_change="rerun": opening another tab reruns the page). `key` holds the
    open tab's label in st.session_state. Returns that label."""
    labels = list(sections)
    opened = labels[0]
    for label, tab in zip(labels, st.tabs(labels, key=key, on_change="rerun"), strict=True):
        if tab.open:
            opened = label
            with tab:
                sections[label]()
    return opened


def try_this(page: str) -> None:
    """The page's workshop exercises: each question with a link that opens this page at its
    starting settings, then the way to the Workshop page, where answers are checked."""
    st.caption(
        "Questions about this page, from the workshop. Open one's starting settings here, "
        "then answer it on the Workshop page: **Check** asks the engine."
    )
    for ex in exercises_for(page):
        with st.container(border=True, key=f"try_{ex.id}"):
            st.markdown(f"**{ex.title}**")
            st.markdown(ex.question)
            st.page_link(
                f"pages/{page}.py", label="Start from these settings", icon=":material/tune:",
                query_params=dict(ex.params),
            )  # fmt: skip
    st.page_link(
        "pages/workshop.py", label="Answer and check them on the Workshop page",
        icon=":material/school:",
    )  # fmt: skip
