"""How long a run will take, estimated before it starts, so the pages can refuse the few
control combinations that would keep a workshop waiting (the issue's bound: ~15 s)."""

from __future__ import annotations

from tinynet import RunSettings

MAX_SECONDS = 12.0  # refuse above this estimate: leaves room under ~15 s for a slower machine
SHOW_PROGRESS_SECONDS = 0.4  # estimates above this get a progress bar

# Microseconds per iteration: base + per_member * P + per_unit * P * H, for a population of P
# networks with H hidden units, fitted to timings on the 2-core dev machine (bench/pages.py
# and dashboard budget notes). The R flavour sums products in R's order (slower).
_COST_US = {
    "numpy": (15.0, 0.6, 0.02),
    "r": (25.0, 3.0, 0.25),
}
_EXAMPLE_1_US = {"numpy": 6.0, "r": 13.0}  # one network, no hidden layer


def estimate_seconds(settings: RunSettings, members: int = 1) -> float:
    """Estimated seconds to train `members` networks like `settings` together."""
    if settings.hidden is None:
        per_iteration = _EXAMPLE_1_US[settings.init] * (1 + 0.5 * (members - 1))
    else:
        base, per_member, per_unit = _COST_US[settings.init]
        per_iteration = base + per_member * members + per_unit * members * settings.hidden
    return per_iteration * settings.iterations * 1e-6


def too_slow(settings: RunSettings, members: int = 1) -> str | None:
    """A message saying why this run is refused and what would fit, or None if it is fine."""
    seconds = estimate_seconds(settings, members)
    if seconds <= MAX_SECONDS:
        return None
    fits = int(settings.iterations * MAX_SECONDS / seconds) // 1000 * 1000
    what = f"{members} networks" if members > 1 else "this network"
    return (
        f"Training {what} with these settings would take about {seconds:.0f} s here "
        f"(the dashboard stops at {MAX_SECONDS:.0f} s). Try at most {fits:,} iterations, "
        "fewer hidden units"
        + (", fewer alphas" if members > 1 else "")
        + (
            ", or the Python (NumPy) flavour (R's summation order is slower)."
            if settings.init == "r"
            else "."
        )
    )
