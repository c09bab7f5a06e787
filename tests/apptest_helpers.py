"""Helpers for driving the dashboard with streamlit.testing (AppTest)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
from streamlit.testing.v1 import AppTest

APP = Path(__file__).resolve().parents[1] / "app.py"
PAGES = ("example_1", "example_2", "example_3")
TIMEOUT = 60  # seconds per script run: a cold Example 3 sweep on a busy 2-core machine


def open_page(page: str | None = None, params: dict[str, Any] | None = None) -> AppTest:
    """A fresh session of app.py, on `page` (None: home), loaded with `params` in the URL."""
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.run()
    if params:
        at.query_params.update(params)
    if page is not None:
        at.switch_page(f"pages/{page}.py")
    at.run()
    return at


def open_tab(at: AppTest, key: str, label: str) -> AppTest:
    """Open the tab `label` of the lazy tabs `key` (ui.tabs.lazy_tabs) and rerun: only the
    open tab is built."""
    at.session_state[key] = label
    return at.run()


def charts(at: AppTest) -> list[tuple[dict, dict[str, pd.DataFrame]]]:
    """Each Vega-Lite chart on the page: its spec and its named datasets as DataFrames."""
    found = []
    for element in at.get("vega_lite_chart"):
        proto = element.proto
        datasets = {
            d.name: pa.ipc.open_stream(d.data.data).read_all().to_pandas() for d in proto.datasets
        }
        found.append((json.loads(proto.spec), datasets))
    return found


def layers(spec: dict) -> list[dict]:
    """The unit specs of a (possibly layered) chart."""
    if "layer" in spec:
        return [u for layer in spec["layer"] for u in layers(layer)]
    return [spec]


def table_with(at: AppTest, *columns: str) -> pd.DataFrame:
    """The first rendered DataFrame that has all these columns."""
    for frame in at.dataframe:
        if all(c in frame.value.columns for c in columns):
            return frame.value
    raise AssertionError(f"no table with columns {columns}")


def readable(markdown: str) -> str:
    """Markdown as a reader sees it: backslash escapes and word joiners removed."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown).replace("\u2060", "")


def notices(at: AppTest) -> str:
    """The page's warnings (link notices among them), as a reader sees them."""
    return " ".join(readable(w.value) for w in at.warning)
