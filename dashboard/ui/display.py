"""How a page shows a chart or a table: charts at the container's width in Streamlit's theme,
tables with their number columns formatted (numbers stay numbers: sortable, copyable)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import altair as alt
import pandas as pd
import streamlit as st

from . import cache

# Room around every chart for what Vega measures smaller than the browser draws it (the top
# axis label, a rotated axis title): without it their last pixels are cut off.
PADDING = {"left": 6, "top": 8, "right": 6, "bottom": 6}
SIGNIFICANT = 5  # digits a table shows (every digit is in its download and the page's files)
FIT_ROWS = 40  # a table with up to this many rows is shown whole; a longer one scrolls


def significant(digits: int = SIGNIFICANT) -> str:
    """The tables' one number format: `digits` significant digits ("%.5g")."""
    return f"%.{digits}g"


STEP_FORMAT = significant(6)  # the step page's matrices, worked through by hand
MATRIX_FORMAT = significant()


def chart(figure: alt.TopLevelMixin) -> None:
    """An Altair chart at container width, themed by Streamlit (light or dark), with room
    around it (PADDING)."""
    st.altair_chart(figure.properties(padding=PADDING), width="stretch", theme="streamlit")


def cached_chart(build: Callable[..., alt.TopLevelMixin], *args: Any, **kwargs: Any) -> None:
    """`chart(build(*args, **kwargs))`, built once for these arguments (cache.chart): a
    rerun that draws the same chart again (a slider moved elsewhere) skips Altair."""
    name = f"{build.__module__}.{build.__qualname__}"
    cache.chart(name, args, kwargs, lambda: chart(build(*args, **kwargs)))


def number_columns(frame: pd.DataFrame, fmt: str, names: Sequence[str] | None = None) -> dict:
    """NumberColumn(fmt) for the named columns present in `frame` (None: every column that
    holds numbers). fmt: printf-style, "%.4f", "%.6g"."""
    if names is None:
        names = [c for c in frame.columns if pd.api.types.is_numeric_dtype(frame[c])]
    return {n: st.column_config.NumberColumn(str(n), format=fmt) for n in names if n in frame}


def significant_columns(
    frame: pd.DataFrame, names: Sequence[str] | None = None, digits: int = SIGNIFICANT
) -> dict:
    """number_columns in the tables' format: `digits` significant digits."""
    return number_columns(frame, significant(digits), names)


def table(
    frame: pd.DataFrame, fmt: str = STEP_FORMAT, hide_index: bool = False, whole: bool = True
) -> None:
    """A small table of numbers, every number column in `fmt`, at its content's width;
    `whole`: all rows shown up to FIT_ROWS (then it scrolls)."""
    height = "content" if whole and len(frame) <= FIT_ROWS else "auto"
    config = number_columns(frame, fmt)
    st.dataframe(frame, column_config=config, hide_index=hide_index, width="content", height=height)


def matrix(frame: pd.DataFrame) -> None:
    """A weight or activation matrix as a table (the heatmap's numbers, exactly)."""
    table(frame, MATRIX_FORMAT, whole=False)
