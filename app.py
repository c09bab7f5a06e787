"""tinynet's dashboard: `streamlit run app.py` from the repository root.

The pages live in pages/; PAGES is the one list of them (add a page: one line here).
Each page owns its link (dashboard.url.state): it needs to know which page runs.
"""

from pathlib import Path

import streamlit as st

from dashboard.ui.warm_up import warm_up_in_background
from dashboard.url import state as link_state

# Compile the training kernel (or load it from numba's cache) and import the pages' modules once
# per server, off every request: until the kernel is ready, training runs the NumPy loop, so
# nobody waits for the compiler, and no page's first visitor waits for pandas and Altair.
warm_up_in_background()

st.set_page_config(
    page_title="tinynet: backprop, number by number",
    # a file of ours: a :material/ favicon is fetched from fonts.gstatic.com, and an emoji
    # shows as an empty box where no emoji font is installed
    page_icon=str(Path(__file__).parent / "dashboard" / "ui" / "favicon.png"),
    layout="wide",
)

PAGES = [
    st.Page("pages/home.py", title="Home", icon=":material/home:", default=True),
    st.Page("pages/example_1.py", title="Example 1: one layer", icon=":material/looks_one:"),
    st.Page("pages/example_2.py", title="Example 2: a hidden layer", icon=":material/looks_two:"),
    st.Page("pages/example_3.py", title="Example 3: the alpha sweep", icon=":material/looks_3:"),
    st.Page("pages/compare_nnet.py", title="Backprop vs nnet", icon=":material/compare_arrows:"),
    st.Page("pages/step_by_step.py", title="Step by step", icon=":material/footprint:"),
    st.Page("pages/workshop.py", title="Workshop", icon=":material/school:"),
]

page = st.navigation(PAGES)
link_state.note_page(page.url_path)
page.run()
