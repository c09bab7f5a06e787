"""How long training will take, estimated before it starts: the one bound on the work that
the dashboard's pages and the command line accept.

A page may train several populations with the same settings (Example 3: a sweep of alphas,
then a band of seeds); the bound is on their total. Memory is bounded too: a population
keeps every member's error at every iteration (train.MAX_POPULATION_WORK).
"""

from __future__ import annotations

from collections.abc import Sequence

from . import kernel
from .settings import RunSettings
from .train import MAX_POPULATION_WORK

MAX_SECONDS = 12.0  # refuse above this estimate: leaves room under ~15 s for a slower machine

# The compiled kernel: nanoseconds per network and iteration, base + per_unit * H, fitted to
# runs on the 2-core dev machine (CPU time, shared with other work; bench/engine.py's cases).
# The hidden activation dominates: the Python flavour's sigmoid has its own exp, vectorised,
# about 1.8 times as fast as the C library's, which the R flavour calls (as R does); both call
# the C library's tanh, three times as slow again.
_KERNEL_BASE_NS = 200.0
_KERNEL_PER_UNIT_NS = {
    ("sigmoid", "numpy"): 22.0,
    ("sigmoid", "r"): 40.0,
    ("tanh", "numpy"): 115.0,
    ("tanh", "r"): 115.0,
    ("relu", "numpy"): 12.0,
    ("relu", "r"): 12.0,
}
_KERNEL_EXAMPLE_1_NS = 150.0

# NumPy's loop (without numba): microseconds per iteration, base + per_member * P
# + per_unit * P * H for a population of P networks of H hidden units. The R flavour sums
# products in R's order with cumsum, which is slower.
_NUMPY_COST_US = {"numpy": (15.0, 0.6, 0.02), "r": (25.0, 3.0, 0.25)}
_NUMPY_EXAMPLE_1_US = {"numpy": 6.0, "r": 13.0}


def estimate_seconds(settings: RunSettings, members: int = 1, engine: str | None = None) -> float:
    """Estimated seconds to train `members` networks like `settings` together, with `engine`
    ("numba" or "numpy"; None: the one training would use, kernel.engine())."""
    if kernel.engine(engine) == "numba":
        if settings.hidden is None:
            per_network = _KERNEL_EXAMPLE_1_NS
        else:
            per_unit = _KERNEL_PER_UNIT_NS[settings.activation, settings.init]
            per_network = _KERNEL_BASE_NS + per_unit * settings.hidden
        return per_network * members * settings.iterations * 1e-9
    if settings.hidden is None:
        per_iteration = _NUMPY_EXAMPLE_1_US[settings.init] * (1 + 0.5 * (members - 1))
    else:
        base, per_member, per_unit = _NUMPY_COST_US[settings.init]
        per_iteration = base + per_member * members + per_unit * members * settings.hidden
    return per_iteration * settings.iterations * 1e-6


def work_message(
    settings: RunSettings, populations: Sequence[int], engine: str | None = None
) -> str | None:
    """None if training these populations (their sizes; one after another, each like
    `settings`) fits the bound; else one sentence saying why not and what would fit."""
    networks = sum(populations)
    counts = " + ".join(f"{p:,}" for p in populations)
    what = f"{counts} networks" if networks > 1 else "one network"
    what += f" for {settings.iterations:,} iterations"
    biggest = max(populations)
    if biggest * settings.iterations > MAX_POPULATION_WORK:
        most = MAX_POPULATION_WORK // biggest
        return (
            f"Training {what} would keep too many errors in memory ({biggest:,} networks x "
            f"{settings.iterations:,} iterations > {MAX_POPULATION_WORK:,}): "
            f"try at most {most:,} iterations, or fewer networks."
        )
    seconds = sum(estimate_seconds(settings, p, engine) for p in populations)
    if seconds <= MAX_SECONDS:
        return None
    fits = int(settings.iterations * MAX_SECONDS / seconds) // 1000 * 1000
    fewer = int(networks * MAX_SECONDS / seconds)
    options = [f"at most {fits:,} iterations"] if fits else []
    if settings.hidden is not None and settings.hidden > 1:
        options.append("fewer hidden units")
    if networks > 1:
        options.append(f"at most {fewer:,} networks" if fewer > 1 else "one network")
    return (
        f"Training {what} would take about {seconds:.0f} s here (the limit is "
        f"{MAX_SECONDS:.0f} s): try {', or '.join(options)}."
    )


def check_work(settings: RunSettings, *populations: int, engine: str | None = None) -> None:
    """Raise ValueError (saying what would fit) if training these populations, each like
    `settings`, would go over the bound. No populations given: one network."""
    message = work_message(settings, populations or (1,), engine)
    if message is not None:
        raise ValueError(message)
