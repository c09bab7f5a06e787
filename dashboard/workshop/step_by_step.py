"""Exercises on Step by step: one iteration, every number. Each asks the engine
(dashboard.workshop.runs, tinynet.step_at) when it is checked or solved."""

from __future__ import annotations

import numpy as np

from tinynet import Step, inputs, row_contributions

from . import runs
from .model import Choice, Exercise, Number, near, same_as

DIRECTIONS = ("goes up", "goes down", "stays the same")


def _step(ex: Exercise) -> Step:
    """The iteration the exercise's link opens Step by step at."""
    return runs.first_step(ex.settings.run, ex.settings.k)


def _first_error() -> tuple[float, str]:
    step = _step(ERROR_0)
    error = float(np.abs(step.error).mean())
    return error, f"the first outputs are {runs.rounded(step.layer_2, 4)}; error[0] = {error:.4f}."


ERROR_0 = Exercise(
    id="st-error0",
    page="step_by_step",
    title="Predict the first error",
    question="Open *Step by step* on Example 1 at k = 0 with *Predict, then reveal* on. From the "
    "starting weights and the four rows of X, work out error[0], the mean |error| of the first "
    "forward pass (to 3 decimals), before you reveal it.",
    answer=Number("error[0]", 0.0, 1.0, step=0.001),
    **near(_first_error, 0.0005, 3),
    hint="Row n's output is sigmoid(X[n] · synapse_0); row 1 = (0, 0, 1) needs only the third "
    "weight. Then average |output − y| over the four rows.",
    explanation="Each output is sigmoid of a sum of weights: row 1 uses w3, row 2 w2 + w3, row "
    "3 w1 + w3, row 4 all three. Small random weights give outputs that know nothing yet of "
    "the targets 0, 0, 1, 1, so error[0] is close to 0.5.",
    params={"example": "1", "reveal": "on"},
)


def _first_change() -> tuple[str, str]:
    change = -float(_step(SIGN).update_0[0, 0])  # the page's convention: the update is subtracted
    right = DIRECTIONS[0] if change > 0 else DIRECTIONS[1] if change < 0 else DIRECTIONS[2]
    return right, f"synapse_0[0, 0] changes by {change:+.3g} in the first iteration."


SIGN = Exercise(
    id="st-sign",
    page="step_by_step",
    title="Which way does a weight move?",
    question="Example 2, iteration k = 0: does `synapse_0[0, 0]`, the weight from x1 to hidden "
    "unit 1, go up, go down or stay the same? Predict from the deltas, then reveal the update.",
    answer=Choice("synapse_0[0, 0]", DIRECTIONS),
    **same_as(_first_change),
    hint="Only the rows with x1 = 1 (rows 3 and 4) move this weight: add their layer_1_delta "
    "in column 1, and mind the sign convention the page states.",
    explanation="The update of synapse_0 is X.T · layer_1_delta: entry [0, 0] adds x1 × the "
    "first hidden unit's delta over the rows, and x1 is 0 in rows 1 and 2. The weight moves "
    "against the sum of rows 3 and 4's deltas (error = output − y, update subtracted).",
    params={"example": "2", "reveal": "on"},
)


def _row_1_moves() -> tuple[int, str]:
    delta = _step(ROW_1).layer_1_delta
    moved = int(np.count_nonzero(row_contributions(inputs(), delta)[0]))
    weights = inputs().shape[1] * delta.shape[1]
    return moved, f"row 1 changes {moved} of the {weights} weights of synapse_0."


ROW_1 = Exercise(
    id="st-row1",
    page="step_by_step",
    title="What row 1 can move",
    question="Example 2, k = 0, tab *Row by row*: row 1 of X is (0, 0, 1). How many of "
    "synapse_0's 12 weights does row 1's contribution change?",
    answer=Number("Weights row 1 changes", 0, 12, integer=True),
    **same_as(_row_1_moves),
    hint="Row n contributes the outer product X[n]ᵀ · layer_1_delta[n]: what does a 0 in X[n] "
    "do to a whole row of that product?",
    explanation="A row's contribution is X[n] (as a column) times its deltas (as a row). The "
    "zeros of X[n] wipe out whole rows of that product, so row 1 (0, 0, 1) moves only the 4 "
    "weights leaving x3, the constant input: without x3 it could move nothing at all.",
    params={"example": "2", "reveal": "on"},
)


def _largest_update() -> tuple[float, str]:
    s = _step(ZERO)
    largest = float(max(np.abs(s.update_0).max(), np.abs(s.update_1).max()))
    outputs = runs.rounded(s.layer_2, 4)
    return largest, f"the outputs are {outputs} and the largest update is {largest:.2g}."


ZERO = Exercise(
    id="st-zero",
    page="step_by_step",
    title="Why alpha 100 is stuck",
    question="Open Example 3 with alpha 100 at iteration k = 1,000. What is the largest update "
    "to any weight, in absolute value (to 3 decimals)?",
    answer=Number("The largest |update|", 0.0, 1e6, step=0.001),
    **near(_largest_update, 0.0005, 3),
    hint="Look at the outputs, then at the slope out × (1 − out) that multiplies the error.",
    explanation="By k = 1,000 every output is 0 to many decimals, so the sigmoid's slope "
    "out × (1 − out) is 0 too. The deltas are error × slope = 0, and so are the updates: alpha "
    "100 times nothing is nothing. The network is stuck for good, at an error of 0.5.",
    params={"example": "3", "alpha": "100", "iterations": "2000", "k": "1000"},
)

EXERCISES = (ERROR_0, SIGN, ROW_1, ZERO)
