"""What a page says when the work it is asked for is over the time bound: the engine's
reason (tinynet.budget), then what would fit, in the page's own terms. No Streamlit.

The engine counts networks; a page offers seeds in a band, alphas in a sweep, iterations on
its ladder and hidden units. So Example 2 is never told to pick "fewer alphas", and a
suggested number of iterations is one the control offers.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from tinynet import RunSettings
from tinynet.budget import work_message

from ..url.controls import ITERATIONS


def refusal(settings: RunSettings, populations: Sequence[int], band: bool = False) -> str | None:
    """None if training `populations` (network counts, one after another, like `settings`)
    fits the bound; else the engine's reason and what would fit on the page. `band`: the
    last population is a band of seeds beside the first (one run, or a sweep of alphas);
    a first population of several networks is a sweep of alphas."""
    populations = list(populations)
    message = work_message(settings, populations)
    if message is None:
        return None
    options = []
    if band:
        seeds = _most(settings, lambda m: [*populations[:-1], m], populations[-1])
        options.append(f"a band of at most {seeds} seeds" if seeds > 1 else "no band of seeds")
    rung = _fewer_iterations(settings, populations)
    if rung is not None:
        options.append(f"at most {rung:,} iterations")
    if settings.hidden is not None and settings.hidden > 1:
        options.append("fewer hidden units")
    if populations[0] > 1:
        alphas = _most(settings, lambda a: [a, *populations[1:]], populations[0])
        if alphas:
            options.append(f"at most {alphas} alphas" if alphas > 1 else "one alpha")
    reason = message.partition(": try ")[0]
    return f"{reason}: try {', or '.join(options)}." if options else f"{reason}."


def _fewer_iterations(settings: RunSettings, populations: list[int]) -> int | None:
    """The largest rung of the iterations ladder below the settings' that fits, or None."""
    below = [rung for rung in ITERATIONS if rung < settings.iterations]
    for rung in reversed(below):
        if work_message(settings.but(iterations=rung), populations) is None:
            return rung
    return None


def _most(settings: RunSettings, populations: Callable[[int], list[int]], limit: int) -> int:
    """The largest n below `limit` for which populations(n) fits the bound (0 if none):
    the work grows with n, so a binary search finds it."""
    low, high = 0, limit - 1  # populations(low) fits (or low is 0); the answer is in [low, high]
    while low < high:
        middle = (low + high + 1) // 2
        if work_message(settings, populations(middle)) is None:
            low = middle
        else:
            high = middle - 1
    return low
