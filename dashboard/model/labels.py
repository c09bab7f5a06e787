"""Where the names at the end of a chart's lines go: lines that end together share one
name, and names are moved apart so none covers another. No Streamlit.

Example 3's alphas 100 and 1000 both end (and stay) at an error of exactly 0.5, and alpha
0.001 at 0.478: on a log axis 260 pixels tall those three lines lie on top of each other,
so a legend alone cannot say which is which.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

SAME_END = 1e-9  # relative: lines whose last values differ less end together
GAP = 13  # pixels between two names' baselines: one line of 11-pixel text


@dataclass(frozen=True)
class EndLabel:
    """One name at the end of one or more lines: the text, the series it names (the first
    gives its colour), where the lines end (iteration, value) and where the name goes (y)."""

    text: str
    series: tuple[str, ...]
    iteration: int
    value: float
    y: float


def end_labels(
    ends: Sequence[tuple[str, int, float]],
    domain: tuple[float, float],
    height: float,
    gap: float = GAP,
) -> list[EndLabel]:
    """Names for lines ending at (series, iteration, value), value > 0 and finite: one per
    group of lines ending at the same point, placed on a log axis over `domain` drawn
    `height` pixels tall, at least `gap` pixels apart and inside the axis."""
    groups: list[list[tuple[str, int, float]]] = []
    for end in sorted(ends, key=lambda e: (e[2], e[1])):
        last = groups[-1][-1] if groups else None
        if last and last[1] == end[1] and abs(end[2] - last[2]) <= SAME_END * abs(last[2]):
            groups[-1].append(end)
        else:
            groups.append([end])
    low, high = (math.log10(v) for v in domain)
    per_pixel = (high - low) / max(height, 1.0)
    wanted = [(math.log10(min(max(g[0][2], domain[0]), domain[1])) - low) / per_pixel
              for g in groups]  # fmt: skip
    placed = spread(wanted, gap, height)
    return [
        EndLabel(
            ", ".join(series for series, _, _ in group),
            tuple(series for series, _, _ in group),
            group[0][1],
            group[0][2],
            10 ** (low + y * per_pixel),
        )
        for group, y in zip(groups, placed, strict=True)
    ]


def spread(wanted: Sequence[float], gap: float, height: float) -> list[float]:
    """Positions (pixels from the bottom, sorted `wanted` in) moved as little as needed so
    that neighbours are `gap` apart and all lie in [0, height] (if they fit)."""
    placed: list[float] = []
    for y in wanted:  # upwards: each at least `gap` above the one below
        placed.append(max(y, placed[-1] + gap) if placed else max(y, 0.0))
    top = height
    for i in range(len(placed) - 1, -1, -1):  # then down from the top where they overflow
        placed[i] = min(placed[i], top)
        top = placed[i] - gap
    return placed
