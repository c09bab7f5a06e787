"""Each workshop exercise's right answer and a wrong one, worked out here by a route of our own
through the engine (tinynet's train, sweep, ensemble, step, fit_nnet and arrays by hand): not
through the helpers the exercises check with. Shared by the unit tests and the page tests."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

import tinynet
from tinynet import INPUTS, SEED_ALPHAS, initial_weights, preset
from tinynet.backprop import step
from tinynet.nnet import fit_nnet, n_weights

TOLERANCE = 0.05  # the verdict's: every row within this of its target
XOR = np.array([0.0, 1.0, 1.0, 0.0])
ROWS = ("row 1 (0, 0)", "row 2 (0, 1)", "row 3 (1, 0)", "row 4 (1, 1)")


def sigmoid(z: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-z))


def learns(settings: tinynet.RunSettings) -> bool:
    run = tinynet.train(settings)
    return bool(np.all(np.abs(run.prediction - np.array(settings.target)) <= TOLERANCE))


def trust():
    weights = tinynet.train(preset(1)).synapse_0.ravel()
    columns = ("x1", "x2", "x3 (the constant column)")
    right = columns[int(np.argmax(weights))]
    return right, next(c for c in columns if c != right)


def flavours_1():
    python, r = (tinynet.train(preset(1).but(init=i)).synapse_0 for i in ("numpy", "r"))
    gap = np.abs(python - r).max()
    options = ("less than 0.01", "between 0.01 and 1", "more than 1")
    right = options[0] if gap < 0.01 else options[1] if gap <= 1 else options[2]
    return right, next(o for o in options if o != right)


def no_bias():
    out = tinynet.train(preset(1).but(bias=False)).prediction[0]
    return round(float(out), 2), round(float(out), 2) + 0.1


def one_layer_xor():
    out = tinynet.train(preset(1).but(target="xor")).prediction
    assert np.ptp(out) < 0.005  # the question says the four outputs are the same
    return round(float(out[0]), 2), 0.25


def flavours_2():
    python, r = (tinynet.train(preset(2).but(iterations=2000, init=i)) for i in ("numpy", "r"))
    same_weights = np.allclose(python.synapse_1, r.synapse_1, atol=0.01)
    close = np.abs(python.prediction - r.prediction).max() <= 0.01
    options = (
        "the same weights and the same predictions",
        "different weights, predictions within 0.01 of each other",
        "different weights and predictions more than 0.01 apart",
    )
    right = options[0] if same_weights else options[1] if close else options[2]
    return right, next(o for o in options if o != right)


def one_unit():
    out = tinynet.train(preset(2).but(hidden=1, iterations=10_000)).prediction
    wrong = [ROWS[i] for i in range(4) if abs(out[i] - XOR[i]) > TOLERANCE]
    return tuple(wrong), tuple(wrong[:-1])


def fewest():
    settings = preset(2).but(iterations=5000)
    right = next(h for h in range(1, 17) if learns(settings.but(hidden=h)))
    return right, right - 1 if right > 1 else right + 1


def lucky_seed():
    members = tinynet.ensemble(preset(2).but(hidden=2, iterations=5000), range(30))
    good = [r.settings.seed for r in members if np.abs(r.prediction - XOR).max() <= TOLERANCE]
    bad = [r.settings.seed for r in members if np.abs(r.prediction - XOR).max() > TOLERANCE]
    return {"hidden": 2, "seed": good[-1]}, {"hidden": 2, "seed": bad[0]}


def activation():
    errors = {
        a: tinynet.train(preset(2).but(iterations=2000, activation=a)).error[-1]
        for a in ("sigmoid", "tanh", "relu")
    }
    right = min(errors, key=errors.__getitem__)
    return right, max(errors, key=errors.__getitem__)


def stuck_alpha():
    runs = tinynet.sweep(preset(3).but(iterations=10_000), SEED_ALPHAS)
    # stuck at 0.5: the error ends at 0.5 and did not move over the last half
    stuck = [
        r.settings.alpha
        for r in runs
        if abs(r.error[-1] - 0.5) < 1e-6 and np.ptp(r.error[len(r.error) // 2 :]) < 1e-6
    ]
    return f"{min(stuck):g}", f"{max(stuck):g}"


def race():
    runs = tinynet.sweep(preset(3).but(init="r", iterations=10_000), [1.0, 10.0])
    first = [int(np.argmax(r.error < 0.1)) for r in runs]
    assert all(r.error.min() < 0.1 for r in runs)
    right = "alpha 1" if first[0] < first[1] else "alpha 10"
    return right, "alpha 10" if right == "alpha 1" else "alpha 1"


def nnet_iterations():
    # the page's default: the tutorial's size-4 fit, after Example 2's 24 draws
    iterations = fit_nnet(size=4, seed=1, skip=24).iterations
    return iterations, iterations + 1


def nnet_weights():
    return n_weights(3, 8), 3 * 8 + 8  # nnet's count; the plain net's, a wrong answer


def bias_pair():
    fit = fit_nnet(size=4, seed=1, skip=24)
    before, after = fit.initial_weights, fit.weights  # b->h1 is weight 0, i3->h1 weight 3
    assert np.isclose(before[0] - before[3], after[0] - after[3], rtol=1e-9)
    assert not np.isclose(before[0] + before[3], after[0] + after[3], rtol=1e-3)
    return "b->h1 − i3->h1", "b->h1 + i3->h1"


def decay():
    decays = (0.0, 1e-4, 1e-3, 0.01, 0.1, 1.0)
    gives_up = [
        np.abs(fit_nnet(size=4, seed=1, decay=d).fitted - 0.5).max() <= 0.005 for d in decays
    ]
    index = gives_up.index(True)
    return f"{decays[index]:g}", f"{decays[index + 1]:g}"


def error_0():
    synapse_0, _ = initial_weights(preset(1))
    out = sigmoid(INPUTS @ synapse_0).ravel()
    error = np.abs(out - np.array([0.0, 0.0, 1.0, 1.0])).mean()
    return round(float(error), 3), round(float(error), 3) + 0.05


def first_sign():
    synapse_0, synapse_1 = initial_weights(preset(2))
    layer_1 = sigmoid(INPUTS @ synapse_0)
    layer_2 = sigmoid(layer_1 @ synapse_1)
    delta_2 = (layer_2 - XOR.reshape(4, 1)) * layer_2 * (1 - layer_2)
    delta_1 = (delta_2 @ synapse_1.T) * layer_1 * (1 - layer_1)
    change = -(INPUTS[:, 0] @ delta_1[:, 0])  # the update is subtracted
    return ("goes up", "goes down") if change > 0 else ("goes down", "goes up")


def row_1():
    synapse_0, synapse_1 = initial_weights(preset(2))
    layer_1 = sigmoid(INPUTS @ synapse_0)
    layer_2 = sigmoid(layer_1 @ synapse_1)
    delta_1 = (((layer_2 - XOR.reshape(4, 1)) * layer_2 * (1 - layer_2)) @ synapse_1.T) * (
        layer_1 * (1 - layer_1)
    )
    moved = np.count_nonzero(np.outer(INPUTS[0], delta_1[0]))
    return int(moved), 12


def saturated():
    settings = preset(3).but(alpha=100.0, iterations=1001)
    synapse_0, synapse_1 = tinynet.weights_at(tinynet.train(settings), 1000)
    with np.errstate(over="ignore"):
        s = step(
            INPUTS, XOR.reshape(4, 1), synapse_0, synapse_1, 100.0, tinynet.ACTIVATIONS["sigmoid"]
        )
    largest = max(np.abs(s.update_0).max(), np.abs(s.update_1).max())
    return round(float(largest), 3), 0.5


ANSWERS: dict[str, Callable[[], tuple[object, object]]] = {
    "e1-trust": trust,
    "e1-flavours": flavours_1,
    "e1-no-bias": no_bias,
    "e1-xor": one_layer_xor,
    "e2-flavours": flavours_2,
    "e2-one-unit": one_unit,
    "e2-fewest": fewest,
    "e2-seed": lucky_seed,
    "e2-activation": activation,
    "e3-stuck": stuck_alpha,
    "e3-race": race,
    "nn-iterations": nnet_iterations,
    "nn-weights": nnet_weights,
    "nn-bias": bias_pair,
    "nn-decay": decay,
    "st-error0": error_0,
    "st-sign": first_sign,
    "st-row1": row_1,
    "st-zero": saturated,
}
