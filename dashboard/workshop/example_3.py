"""Exercises on Example 3 (the alpha sweep). Each asks the engine (dashboard.workshop.runs)
when it is checked or solved."""

from __future__ import annotations

import numpy as np

from tinynet import SEED_ALPHAS
from tinynet.summary import outcome

from . import runs
from .model import Choice, Exercise, Feedback, feedback, same_as

LADDER = tuple(f"{a:g}" for a in SEED_ALPHAS)  # the tutorial's sweep, as options
RACERS = ("alpha 1", "alpha 10", "both at the same iteration", "neither of them")


def _swept(alphas: tuple[float, ...]) -> list[tuple[str, str]]:
    """(outcome, a sentence) per alpha of STUCK's sweep."""
    return [
        (outcome(r), f"at alpha {r.settings.alpha:g} the error ends at {r.final_error:.4g} "
         f"({outcome(r)})")
        for r in runs.sweep(STUCK.settings.run, alphas)
    ]  # fmt: skip


def _judge_stuck(answer: str) -> Feedback:
    index = LADDER.index(answer)
    alphas = SEED_ALPHAS[max(index - 1, 0) : index + 1]  # the answer and the rung below it
    (*below, (fate, facts)) = _swept(alphas)
    if fate != "stuck":
        return feedback(False, answer, f"{facts}.")
    if below and below[0][0] == "stuck":
        return Feedback(False, f"A smaller one is stuck too: {below[0][1]}.")
    return feedback(True, answer, "; ".join(f for _, f in [*below, (fate, facts)]) + ".")


STUCK = Exercise(
    id="e3-stuck",
    page="example_3",
    title="Too big a step",
    question="Sweep the tutorial's alphas for **10,000 iterations** (Python flavour). What is "
    "the smallest alpha at which the network gets stuck at an error of 0.5?",
    answer=Choice("Alpha", LADDER),
    judge=_judge_stuck,
    solve=lambda: LADDER[[fate for fate, _ in _swept(SEED_ALPHAS)].index("stuck")],
    hint="Read the outcome column of the table: *stuck* is not the same as *still learning*.",
    explanation="With a huge alpha the first updates throw the weights so far that every "
    "output saturates at 0 (or 1), where the sigmoid's slope out × (1 − out) is 0. Every later "
    "update is multiplied by that 0: the network keeps guessing 0 for every row, an error of "
    "exactly 0.5 on XOR. Tiny alphas also end near 0.5, but they are still moving.",
    params={"iterations": "10000"},
)


def _race() -> tuple[str, str]:
    """Which of alphas 1 and 10 first has an error below 0.1. The first n iterations of a run
    do not depend on how many follow, so it trains only as far as the answer needs."""
    settings = RACE.settings.run
    n = min(1000, settings.iterations)
    while True:
        swept = runs.sweep(settings.but(iterations=n), (1.0, 10.0))
        first = [np.flatnonzero(r.error < 0.1) for r in swept]
        if any(f.size for f in first) or n == settings.iterations:
            break
        n = min(2 * n, settings.iterations)
    if not any(f.size for f in first):
        return RACERS[3], f"neither error is below 0.1 by iteration {n:,}."
    at = [int(f[0]) if f.size else n for f in first]  # n: not by the end
    facts = ", ".join(
        f"alpha {a}: " + (f"below 0.1 at iteration {j:,}" if f.size else f"not below 0.1 by {n:,}")
        for a, j, f in zip((1, 10), at, first, strict=True)
    )
    right = RACERS[0] if at[0] < at[1] else RACERS[1] if at[1] < at[0] else RACERS[2]
    return right, f"{facts}."


RACE = Exercise(
    id="e3-race",
    page="example_3",
    title="Best is not fastest",
    question="The tutorial calls alpha 10 the best: it ends with the lowest error. In the **R** "
    "flavour, which of alpha 1 and alpha 10 is the first to bring the error below 0.1?",
    answer=Choice("First below 0.1", RACERS),
    **same_as(_race),
    hint="Hover over the two lines where they fall; the iteration axis is logarithmic.",
    explanation="Alpha 10 takes bigger steps and ends lower, but in the R flavour its first "
    "steps push every output hard against 1 (R draws synapse_1 with `runif`: 32 positive "
    "weights). With all four outputs on one side, XOR's mean |error| is 0.5 whatever they are "
    "exactly, and the sigmoid there is nearly flat, so the updates are tiny: the error sits at "
    "0.5 for thousands of iterations before the outputs come apart. Alpha 1 walks down "
    "steadily. *Best* depends on what you measure, and a flat error is not always a stuck "
    "network.",
    params={"init": "r", "alphas": "1,10", "iterations": "10000"},
)

EXERCISES = (STUCK, RACE)
