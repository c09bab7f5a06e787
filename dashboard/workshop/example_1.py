"""Exercises on Example 1 (one layer). Each asks the engine (dashboard.workshop.runs) when it
is checked or solved: the numbers in a `why` are the engine's, never stored here."""

from __future__ import annotations

import numpy as np

from . import runs
from .model import Choice, Exercise, Feedback, Number, feedback, near, same_as

COLUMNS = ("x1", "x2", "x3 (the constant column)")
GAPS = ("less than 0.01", "between 0.01 and 1", "more than 1")


def _trusted() -> tuple[str, str]:
    weights = runs.run(TRUST.settings.run).synapse_0[:, 0]
    facts = ", ".join(f"{c.split()[0]} {w:.3g}" for c, w in zip(COLUMNS, weights, strict=True))
    return COLUMNS[int(np.argmax(weights))], f"after training the weights are {facts}."


TRUST = Exercise(
    id="e1-trust",
    page="example_1",
    title="Which input does it trust?",
    question="Example 1 has one weight per input column and no hidden layer. After the "
    "tutorial's 10,000 iterations, which column has the **largest** weight: the input the "
    "network has learned to trust?",
    answer=Choice("The column with the largest weight", COLUMNS),
    **same_as(_trusted),
    hint="Put the first column of X beside the target y, row by row.",
    explanation="x1 equals the target in every row, so every update pushes its weight up. x2 "
    "says nothing about y (it is 0 and 1 once for each target value), and x3's weight turns "
    "negative to hold the rows with x1 = 0 near 0. Nothing stops x1's weight from growing: "
    "the tutorial calls this *separation*; only the sigmoid's ever smaller slope slows it.",
)


def _flavour_gap() -> tuple[str, str]:
    settings = ONE_VALLEY.settings.run
    python, r = (runs.run(settings.but(init=init)).synapse_0 for init in ("numpy", "r"))
    gap = float(np.abs(python - r).max())
    right = GAPS[0] if gap < 0.01 else GAPS[1] if gap <= 1 else GAPS[2]
    facts = f"the largest difference between a Python and an R weight is {gap:.2g}."
    return right, facts


ONE_VALLEY = Exercise(
    id="e1-flavours",
    page="example_1",
    title="Python and R: different starts",
    question="The R flavour draws its starting weights with `set.seed(1)` and `runif`: they "
    "have nothing in common with Python's. After 10,000 iterations, what is the largest "
    "difference between a Python weight and the same R weight? Switch *Initial weights* "
    "between Python and R to compare.",
    answer=Choice("The largest difference", GAPS),
    **same_as(_flavour_gap),
    hint="Look at where the weights end, not where they start: the weights chart, last iteration.",
    explanation="A single sigmoid unit has one valley to descend: wherever it starts, gradient "
    "descent heads the same way, and after 10,000 iterations the start is forgotten. A hidden "
    "layer changes that (Example 2).",
    params={"init": "r"},
)


def _row_1() -> tuple[float, str]:
    out = runs.run(NO_BIAS.settings.run).prediction
    return float(out[0]), f"row 1's output is {out[0]:.4f} (the four rows: {runs.rounded(out)})."


NO_BIAS = Exercise(
    id="e1-no-bias",
    page="example_1",
    title="Without the constant column",
    question="Turn the constant input x3 **off**. What does the trained network output for "
    "row 1, where x1 = x2 = 0 (to 2 decimals)?",
    answer=Number("Row 1's output", 0.0, 1.0, step=0.01),
    **near(_row_1, 0.005, 2),
    hint="Without x3, what is row 1's input sum, x1 · w1 + x2 · w2, whatever the weights are?",
    explanation="Row 1's input sum is 0 · w1 + 0 · w2 = 0 for any weights, and sigmoid(0) = "
    "0.5: no amount of training moves it, and the page's verdict names row 1. The constant "
    "column is there to give every row a non-zero input: it plays the role of a bias.",
    params={"bias": "off"},
)


def _judge_one_layer_xor(answer: float) -> Feedback:
    out = runs.run(ONE_LAYER_XOR.settings.run).prediction
    right = bool(np.all(np.abs(out - answer) <= 0.005))
    return feedback(right, answer, f"the four outputs are {runs.rounded(out, 4)}.")


ONE_LAYER_XOR = Exercise(
    id="e1-xor",
    page="example_1",
    title="One layer meets XOR",
    question="Give Example 1, which has no hidden layer, the **XOR** target. After 10,000 "
    "iterations its four outputs are all the same number. Which (to 2 decimals)?",
    answer=Number("The output for every row", 0.0, 1.0, step=0.01),
    judge=_judge_one_layer_xor,
    solve=lambda: round(float(np.mean(runs.run(ONE_LAYER_XOR.settings.run).prediction)), 2),
    hint="Which single straight line through the input square puts (0, 1) and (1, 0) on one "
    "side and (0, 0) and (1, 1) on the other?",
    explanation="One sigmoid unit can only split the input square with one straight line, and "
    "no line separates XOR's 1s from its 0s. Each row's push on the weights is cancelled by "
    "another's, the weights shrink toward 0, and every output settles at sigmoid(0) = 0.5: "
    "the error stays at 0.5. That is why Example 2 adds a hidden layer.",
    params={"target": "xor"},
)

EXERCISES = (TRUST, ONE_VALLEY, NO_BIAS, ONE_LAYER_XOR)
