"""What the seed prints, and a side-by-side check of a run against it.

Values are copied from ../shared/seed/NUMBERS.md (the seed's own printouts). The R sweep
for alphas other than 10 is not in the seed's text; it comes from running the seed's R
code (transcription.R, R 4.2.2) and is marked as such.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .printing import printed_iterations
from .settings import INITS, SEED_ALPHAS, RunSettings, preset
from .train import Run

# Where each flavour prints the error in the tutorial's 30,000-iteration runs (the rule is
# tinynet.printing.printed_iterations): Python (0, 10000, 20000), R (9999, 19999, 29999).
PRINTED_ITERATIONS = {init: tuple(printed_iterations(preset(2).iterations, init)) for init in INITS}


@dataclass(frozen=True)
class Printed:
    """One number as the seed prints it: `decimals` None means printed in full."""

    quantity: str  # e.g. "error[10000]", "prediction[2]", "synapse_0[1, 3]"
    text: str  # the seed's digits, as printed
    decimals: int | None = None
    sensitive: bool = False  # roundoff-sensitive (Example 3, alpha 10): see SENSITIVE_TOLERANCE


@dataclass(frozen=True)
class Check:
    """A printed number beside ours, printed the same way."""

    quantity: str
    seed_says: str
    we_get: str
    matches: bool
    note: str = ""


def _full(name: str, texts: tuple[str, ...], iterations: tuple[int, ...], sensitive=()) -> list:
    return [
        Printed(f"{name}[{j}]", t, None, j in sensitive)
        for j, t in zip(iterations, texts, strict=True)
        if t
    ]


def _rounded(name: str, texts: str, decimals: int, columns: int = 1) -> list[Printed]:
    values = texts.split()
    if columns == 1:
        return [Printed(f"{name}[{i}]", v, decimals) for i, v in enumerate(values)]
    return [
        Printed(f"{name}[{i // columns}, {i % columns}]", v, decimals) for i, v in enumerate(values)
    ]


_PY, _R = PRINTED_ITERATIONS["numpy"], PRINTED_ITERATIONS["r"]
SEED_PRINTS: dict[tuple[int, str], list[Printed]] = {
    (1, "numpy"): _rounded("prediction", "0.00966449 0.00786506 0.99358898 0.99211957", 8),
    (1, "r"): _rounded("prediction", "0.009670417 0.007864211 0.993590571 0.992115835", 9),
    (2, "numpy"): [
        *_full(
            "error", ("0.4964100319027255", "0.008584525653247153", "0.005789459862507812"), _PY
        ),
        Printed("final error", "0.00463", 5),
        *_rounded("prediction", "0.004 0.995 0.996 0.006", 3),
        *_rounded(
            "hidden_layer",
            "0.696 0.124 0.923 0.996 0.18 0 0.017 0.893 0.995 0.888 0.023 0.822 0.947 0.026 0 0.122",
            3,
            4,
        ),
        *_rounded(
            "synapse_0",
            "4.407 4.028 -6.225 -4.092 -2.342 -5.706 -6.53 -3.506 0.826 -1.959 2.488 5.623",
            3,
            4,
        ),
        *_rounded("synapse_1", "-6.611 6.857 -10.069 7.501", 3),
    ],
    (2, "r"): [
        *_full("error", ("0.0105538166393651", "0.00729252475321203", "0.0058973637409426"), _R),
        Printed("final error", "0.0059", 5),
        *_rounded("prediction", "0.002 0.993 0.994 0.008", 3),
        *_rounded(
            "hidden_layer",
            "0.259 0.889 0.364 0.445 0 0.037 0.978 0.030 0.946 1 0.984 0.020 0.016 0.984 1 0.001",
            3,
            4,
        ),
        *_rounded(
            "synapse_0",
            "3.915 7.364 4.705 -3.669 -6.970 -5.351 4.337 -3.242 -1.050 2.079 -0.559 -0.221",
            3,
            4,
        ),
        *_rounded("synapse_1", "10.988 -10.733 5.576 -2.987", 3),
    ],
    (3, "numpy"): [
        *_full(
            "error",
            ("0.49643992250078794", "0.0022489756615412743", "0.0015326357139237015"),
            _PY,
            sensitive=(10_000, 20_000),
        ),
        *[
            Printed(p.quantity, p.text, p.decimals, sensitive=True)
            for p in _rounded("prediction", "0.0011 0.9989 0.9989 0.0015", 4)
        ],
    ],
    (3, "r"): [
        *_full("error", ("0.00483502508464005", "0.00207985328313795", "0.00152092933542719"), _R),
        *_rounded("prediction", "0.0013 0.9985 0.9986 0.0018", 4),
    ],
}

# Example 3's sweep: error at the printed iterations, per alpha. Python: the seed's text.
# R: the seed's R code run with R 4.2.2 (the seed itself prints only alpha 10).
SEED_SWEEP: dict[str, dict[float, tuple[str, str, str]]] = {
    "numpy": {
        0.001: ("0.49643992250078794", "0.49104946812904954", "0.4849763070274596"),
        0.01: ("0.49643992250078794", "0.35637906164802124", "0.14693984546475994"),
        0.1: ("0.49643992250078794", "0.030540490838554993", "0.019063872533418427"),
        1.0: ("0.49643992250078794", "0.007360522342493724", "0.004972517050388164"),
        10.0: ("0.49643992250078794", "0.0022489756615412743", "0.0015326357139237015"),
        100.0: ("0.49643992250078794", "0.5", "0.5"),
        1000.0: ("0.49643992250078794", "0.5", "0.5"),
    },
    "r": {
        0.001: ("0.500017965747816", "0.500018929551505", "0.500020001921719"),
        0.01: ("0.500033110240843", "0.500790955539506", "0.462757149718634"),
        0.1: ("0.0404491965346159", "0.0225788591058638", "0.0170577589267194"),
        1.0: ("0.00825544499811019", "0.00558816126646592", "0.00447176983430391"),
        10.0: ("0.00483502508464005", "0.00207985328313795", "0.00152092933542719"),
        100.0: ("0.5", "0.5", "0.5"),
        1000.0: ("0.5", "0.5", "0.5"),
    },
}
SENSITIVE_ALPHA = {"numpy": 10.0}  # Python's alpha-10 run depends on the BLAS's summation order
FULL_TOLERANCE = 1e-9
# Python's alpha-10 numbers depend on the summation order of the BLAS that computed them.
# Equally valid orders on one machine move error[20000] by up to 6e-3 relative (the seed's
# own code with this machine's OpenBLAS: 5.5e-3; sequential sums: 3e-3; the transcription's
# regrouped products: 1.5e-3), so agreement is judged at 1e-2 there.
SENSITIVE_TOLERANCE = 1e-2


def is_seed_run(settings: RunSettings) -> bool:
    """Whether `settings` are the seed's for its example (seed, init aside, as printed)."""
    seed = preset(settings.example).but(init=settings.init)
    if settings.example == 3 and settings.alpha in SEED_ALPHAS:
        seed = seed.but(alpha=settings.alpha)
    return settings == seed


def check_run(run: Run) -> list[Check]:
    """The seed's printed numbers beside this run's; empty unless the settings are the seed's."""
    settings = run.settings
    if not is_seed_run(settings):
        return []
    if settings.example == 3 and settings.alpha != 10.0:
        texts = SEED_SWEEP[settings.init][settings.alpha]
        sensitive = settings.alpha == SENSITIVE_ALPHA.get(settings.init)
        printed = _full("error", texts, PRINTED_ITERATIONS[settings.init])
        printed = [Printed(p.quantity, p.text, None, sensitive) for p in printed]
    else:
        printed = SEED_PRINTS[(settings.example, settings.init)]
    return [check_printed(p, _our_value(run, p.quantity)) for p in printed]


def sweep_value(init: str, alpha: float, k: int) -> str | None:
    """The seed's k-th printed error (k = 0, 1, 2) for this alpha, or None if it has none."""
    texts = SEED_SWEEP.get(init, {}).get(alpha)
    return None if texts is None else texts[k]


def agrees(ours: float, seed_text: str, sensitive: bool = False) -> bool:
    """Whether our number agrees with the seed's: 1e-9 relative, SENSITIVE_TOLERANCE if sensitive."""
    seed = float(seed_text)
    tolerance = SENSITIVE_TOLERANCE if sensitive else FULL_TOLERANCE
    return math.isfinite(ours) and abs(ours - seed) <= tolerance * abs(seed)


def check_printed(p: Printed, ours: float) -> Check:
    """Our number beside a printed one, printed the same way, and whether they match."""
    we_get = repr(ours) if p.decimals is None else f"{ours:.{p.decimals}f}"
    if p.sensitive and p.decimals is not None:  # within one unit of the last printed digit
        matches = abs(ours - float(p.text)) <= 10.0**-p.decimals
        return Check(p.quantity, p.text, we_get, matches, "roundoff-sensitive: within 1 unit")
    if p.sensitive:
        note = f"roundoff-sensitive: agrees to {SENSITIVE_TOLERANCE:g}"
        return Check(p.quantity, p.text, we_get, agrees(ours, p.text, sensitive=True), note)
    if p.decimals is None:
        return Check(p.quantity, p.text, we_get, agrees(ours, p.text), "agrees to 1e-9")
    matches = float(we_get) == float(p.text)
    return Check(p.quantity, p.text, we_get, matches, f"rounded to {p.decimals} decimals")


def _our_value(run: Run, quantity: str) -> float:
    name, _, index = quantity.partition("[")
    if name == "final error":
        return run.final_error
    array = {
        "error": run.error,
        "prediction": run.prediction,
        "hidden_layer": run.hidden_layer,
        "synapse_0": run.synapse_0,
        "synapse_1": run.synapse_1,
    }[name]
    indices = tuple(int(i) for i in index.rstrip("]").split(","))
    return float(
        array.reshape(array.shape[0], -1)[indices]
        if len(indices) == 2
        else array.ravel()[indices[0]]
    )
