"""The alpha ladder as charts and tables name it: each alpha's label (as a link writes it,
"0.001") and its rung's mantissa (1, 2 or 5). No Streamlit.

Charts give every alpha of the ladder one colour and one dash (charts.axes), so an alpha
looks the same whichever others are swept beside it.
"""

from __future__ import annotations

from ..url.controls import ALPHA_OPTIONS
from ..url.links import plain_number


def alpha_label(alpha: float) -> str:
    """10 -> "10", 0.001 -> "0.001": the label a chart's line and a link use."""
    return plain_number(alpha)


LADDER = tuple(alpha_label(a) for a in ALPHA_OPTIONS)  # every alpha the pages offer, in order


def mantissa(alpha: float) -> int:
    """1, 2 or 5: the rung of the 1-2-5 ladder (1 for the tutorial's decades)."""
    return int(f"{alpha:e}"[0])
