"""Every page runs inside app.py's navigation, even when a link opens it first.

Streamlit starts each server in its legacy "pages/ folder" mode: until some session has
run `st.navigation`, a link straight to /example_2 runs pages/example_2.py on its own,
without app.py (no page titles, no layout, no navigation). So on Community Cloud, after
a restart, the first visitor who follows a workshop link would see a broken app. A page
that finds itself run that way switches the server to app.py's navigation and reruns;
the rerun keeps the page and its query string.
"""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager


def require_app() -> None:
    """Call first in every page: rerun through app.py if Streamlit ran this page alone."""
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False  # what st.navigation sets once it has run
        st.rerun()
