"""The sidebar's last block on every page, under the controls: "Reset to the tutorial's
settings", "Open this run step by step" (example pages), and "Share this setting": the
page's current link as text to copy and as a QR code to project.

The link is built from the app's own address (st.context.url, checked by
workshop.params.app_base) and the codes the page has just written, never from text a user
typed; the QR code is a PNG made by segno (workshop.qr). Both are built only while the
expander is open.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import streamlit as st

from tinynet import RunSettings

from ..url.share import step_codes
from ..url.state import current_page, reset_link
from ..workshop.params import app_base, url
from ..workshop.qr import qr_png

QR_WIDTH = 220  # pixels in the sidebar: a room reads it from the projector


def page_address(codes: Mapping[str, Sequence[str]]) -> str:
    """The address of this page with these link codes (one value each)."""
    page = current_page()
    params = {key: values[-1] for key, values in codes.items() if values}
    return url(page, params, app_base(st.context.url, page))


def share_box(
    codes: Mapping[str, Sequence[str]], reset: bool = True, step: RunSettings | None = None
) -> None:
    """Draw the block in the sidebar: the reset button (`reset`: the page has settings), the
    link to Step by step with the run of `step`, and the lazy "Share this setting"."""
    sidebar = st.sidebar
    if reset:
        sidebar.button(
            "Reset to the tutorial's settings", icon=":material/restart_alt:",
            on_click=reset_link, key="reset_settings", width="stretch",
            help="Back to the settings the tutorial uses on this page (clears the link).",
        )  # fmt: skip
    if step is not None:
        sidebar.page_link(
            "pages/step_by_step.py", label="Open this run step by step",
            icon=":material/footprint:", query_params=step_codes(step),
            help="Step by step with this run's settings, from iteration k = 0.",
        )  # fmt: skip
    box = sidebar.expander(
        "Share this setting", icon=":material/qr_code_2:", key="share_open", on_change="rerun"
    )
    if not box.open:
        return
    address = page_address(codes)
    with box:
        st.caption("This page with these settings: copy the link, or project the code.")
        st.code(address, language=None, wrap_lines=True)
        st.image(qr_png(address), width=QR_WIDTH, caption="Scan to open this setting")
