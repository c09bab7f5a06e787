"""Exercises on Backprop vs nnet. Each asks the engine (dashboard.workshop.runs) when it is
checked or solved."""

from __future__ import annotations

from dataclasses import asdict

import numpy as np

from tinynet.nnet import NnetFit

from ..model.compare import DECAYS
from . import runs
from .model import Choice, Exercise, Feedback, Number, feedback, same_as

PAIRS = ("b->h1 + i3->h1", "b->h1 − i3->h1", "neither: both change freely")
DECAY_OPTIONS = tuple(f"{d:g}" for d in DECAYS)  # the page's decay slider


def _fit(ex: Exercise, **changes: object) -> NnetFit:
    """The fit the exercise's link shows, with some arguments of fit_nnet changed (a changed
    nnet setting makes it a fresh fit, as on the page: model.nnet_fits)."""
    call = ex.settings.nnet
    assert call is not None, f"{ex.id} is about Backprop vs nnet"
    arguments = {**asdict(call), **changes}
    if any(arguments[key] != getattr(call, key) for key in changes):
        arguments["skip"] = 0
    return runs.nnet(**arguments)


def _iterations() -> tuple[int, str]:
    fit = _fit(BFGS)
    stop = "converged" if fit.converged else f"stopped at maxit = {fit.maxit}"
    plain = BFGS.settings.run.iterations
    facts = f"nnet takes {fit.iterations} iterations ({stop}); the plain net takes {plain:,}."
    return fit.iterations, facts


BFGS = Exercise(
    id="nn-iterations",
    page="compare_nnet",
    title="How many steps does nnet take?",
    question="On *Backprop vs nnet* with its default settings (the tutorial's size-4 fit), how "
    "many iterations does nnet take to fit XOR?",
    answer=Number("nnet's iterations", 1, 10_000, integer=True),
    **same_as(_iterations),
    hint="Read nnet's *Iterations* metric, or the last lines of its trace.",
    explanation="Plain backprop takes steps of alpha × gradient, as long as the gradient says. "
    "nnet's BFGS (R's `vmmin`) builds up a picture of the curvature from the gradients it has "
    "seen, and searches along each direction for a good step length: a few dozen such steps go "
    "further than thousands of plain ones. It stops once the objective is below 1e-4.",
)


def _weights() -> tuple[int, str]:
    fit = _fit(WEIGHTS)
    names = ", ".join(fit.names[:5])
    return int(fit.weights.size), f"nnet fits {fit.weights.size} weights ({names}, …)."


WEIGHTS = Exercise(
    id="nn-weights",
    page="compare_nnet",
    title="Counting nnet's weights",
    question="Set nnet's size to **8** hidden units. How many weights does nnet fit?",
    answer=Number("Weights", 1, 1000, integer=True),
    **same_as(_weights),
    hint="Each hidden unit has a weight from each of the 3 inputs and a bias; so has the "
    "output, from each hidden unit.",
    explanation="8 hidden units × (3 inputs + 1 bias) + (8 hidden units + 1 bias) for the "
    "output = 41. The tutorial's plain net with 8 units has 3 × 8 + 8 = 32: no biases of its "
    "own, only the constant input x3.",
    params={"size": "8"},
)


def _pair() -> tuple[str, str]:
    fit = _fit(BIAS_PAIR)
    start, end = fit.initial_weights, fit.weights
    b, i3 = fit.names.index("b->h1"), fit.names.index("i3->h1")
    sums = start[b] + start[i3], end[b] + end[i3]
    differences = start[b] - start[i3], end[b] - end[i3]
    kept = [
        abs(after - before) <= 1e-9 * max(1.0, abs(before)) for before, after in (sums, differences)
    ]
    right = PAIRS[0] if kept[0] else PAIRS[1] if kept[1] else PAIRS[2]
    facts = (
        f"b->h1 + i3->h1 goes from {sums[0]:.6g} to {sums[1]:.6g}, b->h1 − i3->h1 from "
        f"{differences[0]:.10g} to {differences[1]:.10g}."
    )
    return right, facts


BIAS_PAIR = Exercise(
    id="nn-bias",
    page="compare_nnet",
    title="Two weights on one constant",
    question="nnet gives each hidden unit a bias, `b->h1`, and the tutorial's X already has a "
    "constant input, so `i3->h1` also multiplies a 1. With no decay, what stays the same from "
    "nnet's start weights to its fitted weights?",
    answer=Choice("What stays the same", PAIRS),
    **same_as(_pair),
    hint="Both weights multiply the same 1 in every row: compare their gradients.",
    explanation="The two weights enter every row's input sum only as b + i3, so the objective "
    "depends on their sum alone and their gradients are equal. Every BFGS step then moves them "
    "by the same amount: their sum is fitted, their difference stays where the random start "
    "put it. (A decay penalty would pull both toward 0 and shrink the difference.)",
)


def _gave_up(decay: float) -> tuple[bool, str]:
    fitted = _fit(DECAY, decay=decay).fitted
    gave_up = bool(np.all(np.abs(fitted - 0.5) <= 0.005))
    return gave_up, f"at decay {decay:g} nnet fits {runs.rounded(fitted)}"


def _judge_decay(answer: str) -> Feedback:
    index = DECAY_OPTIONS.index(answer)
    gave_up, facts = _gave_up(DECAYS[index])
    if not gave_up:
        return feedback(False, answer, f"{facts}.")
    if index:
        smaller, before = _gave_up(DECAYS[index - 1])
        if smaller:
            return Feedback(False, f"A smaller one does: {before}.")
        facts = f"{facts}; {before}"
    return feedback(True, answer, f"{facts}.")


DECAY = Exercise(
    id="nn-decay",
    page="compare_nnet",
    title="Decay until it gives up",
    question="Raise nnet's weight decay step by step. What is the smallest decay on the slider "
    "at which nnet gives up on XOR and answers 0.5 for every row (to 2 decimals)?",
    answer=Choice("Decay", DECAY_OPTIONS),
    judge=_judge_decay,
    solve=lambda: next(o for o, d in zip(DECAY_OPTIONS, DECAYS, strict=True) if _gave_up(d)[0]),
    hint="Watch the fitted values and the *How decay shrinks the weights* table.",
    explanation="Decay adds decay × the sum of squared weights to the objective. Learning XOR "
    "needs large weights; once they cost more than the errors they remove, the cheapest answer "
    "is all weights near 0 and every output 0.5: a sum of squared errors of 1.",
)

EXERCISES = (BFGS, WEIGHTS, BIAS_PAIR, DECAY)
