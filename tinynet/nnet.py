"""R's `nnet::nnet` fit, re-implemented in NumPy and reproducing R's numbers.

The network is nnet's: `k` inputs, one hidden layer of `size` logistic units and one
logistic output unit, every hidden and output unit with its own bias. The weights live
in one flat vector in nnet's order, grouped by the unit they feed:

    b->h1, i1->h1, ..., ik->h1,  b->h2, ...,  b->h{size}, ..., ik->h{size},
    b->o, h1->o, ..., h{size}->o                     (size * (k + 1) + size + 1 weights)

The objective is nnet's: the sum of squared errors (or, with `entropy=True`, minus the
log-likelihood of the targets read as probabilities) plus `decay` times the sum of
squared weights -- all of them, biases included. It is minimised by `vmmin`, the BFGS
variable-metric method behind R's `optim(method = "BFGS")` and nnet.

Why the code adds numbers one by one, in a fixed order: R's C code does, and with no
penalty the BFGS path on XOR heads for huge weights, where a last-bit difference in any
sum can grow into a different trace. To match R bit for bit we (1) add in the same order
as R's loops (`np.cumsum` adds strictly left to right), and (2) take `exp` and `log` from
Python's `math` module, i.e. the C library R uses, because NumPy's vectorised `exp`
can differ from it in the last bit.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .checks import check_int
from .data import INPUTS, TARGETS
from .export import finite_or_none
from .rmath import ordered_sum
from .rrandom import RRandom, check_r_seed
from .vmmin import vmmin

XOR_TARGET = TARGETS["xor"]

RANG = 0.7  # nnet's default `rang`: start weights are runif(nwts, -rang, rang)
ABSTOL = 1e-4  # nnet's defaults for vmmin's stopping rules
RELTOL = 1e-8
REPORT = 10  # nnet prints a trace line every REPORT iterations
MAX_WEIGHTS = 1000  # nnet's default MaxNWts: R refuses bigger networks
MAX_SIZE = 256
MAXIT = 100  # nnet's default maxit
MAX_MAXIT = 10_000
# Draws that may be skipped before the start weights: far more than any script draws
# (the tutorial's two fits need 24 and 128) while the skipped draws stay a few MB.
MAX_SKIP = 1_000_000
SIGMOID_CLIP = 15.0  # nnet's sigmoid is exactly 0 below -15 and exactly 1 above 15
EPS = 1.0e-80  # nnet keeps log() away from 0 in the entropy with this


# ---------------------------------------------------------------------------
# The network: layout of the weights, forward pass, objective, gradient
# ---------------------------------------------------------------------------


def weight_names(n_inputs: int, size: int) -> tuple[str, ...]:
    """nnet's names of the weights, in nnet's order: `b->h1`, `i1->h1`, ..., `h{size}->o`."""
    names = []
    for h in range(1, size + 1):
        names += [f"b->h{h}"] + [f"i{i}->h{h}" for i in range(1, n_inputs + 1)]
    names += ["b->o"] + [f"h{h}->o" for h in range(1, size + 1)]
    return tuple(names)


def n_weights(n_inputs: int, size: int) -> int:
    """How many weights nnet fits: each hidden unit and the output has a bias."""
    return size * (n_inputs + 1) + size + 1


def split_weights(weights: np.ndarray, n_inputs: int, size: int) -> tuple[np.ndarray, np.ndarray]:
    """Split the flat vector (nwts,) into hidden (size, k+1) and output (size+1,) weights.

    Row h of the hidden block is [bias, w from i1, ..., w from ik] of hidden unit h+1;
    the output block is [bias, w from h1, ..., w from h{size}].
    """
    n_hidden_weights = size * (n_inputs + 1)
    hidden = weights[:n_hidden_weights].reshape(size, n_inputs + 1)
    return hidden, weights[n_hidden_weights:]


def _with_bias(values: np.ndarray) -> np.ndarray:
    """Prepend nnet's bias unit, whose output is always 1: (n, m) -> (n, m+1)."""
    return np.hstack([np.ones((values.shape[0], 1)), values])


def _weighted_sums(inputs: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Each unit's input sum, added in nnet's order (bias first, then source units).

    inputs: (n, m) unit outputs incl. the bias column; weights: (units, m) -> (n, units).
    Same as `inputs @ weights.T`, but added left to right like nnet's C loop.
    """
    total = np.zeros((inputs.shape[0], weights.shape[0]))
    for j in range(inputs.shape[1]):
        total = total + inputs[:, j : j + 1] * weights[:, j]
    return total


def _sigmoid_one(z: float) -> float:
    if z < -SIGMOID_CLIP:
        return 0.0
    if z > SIGMOID_CLIP:
        return 1.0
    return 1.0 / (1.0 + math.exp(-z))


def sigmoid(z: np.ndarray) -> np.ndarray:
    """nnet's logistic function, elementwise: exactly 0 below -15, exactly 1 above 15.

    Uses `math.exp` (the C library's, as R) rather than `np.exp`; see the module doc.
    """
    z = np.asarray(z, dtype=float)
    return np.array([_sigmoid_one(v) for v in z.ravel()]).reshape(z.shape)


def forward(weights: np.ndarray, x: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray]:
    """The forward pass: hidden outputs (n, size) and network outputs (n,) for x (n, k)."""
    hidden_w, output_w = split_weights(weights, x.shape[1], size)
    hidden = sigmoid(_weighted_sums(_with_bias(x), hidden_w))
    output = sigmoid(_weighted_sums(_with_bias(hidden), output_w[None, :]))
    return hidden, output[:, 0]


def _unit_errors(output: np.ndarray, target: np.ndarray, entropy: bool) -> np.ndarray:
    """Each case's error term E(output, target), shape (n,), as nnet's C function `E`."""
    if not entropy:
        return (output - target) * (output - target)
    errors = np.zeros(output.shape)
    for r, (y, t) in enumerate(zip(output.tolist(), target.tolist(), strict=True)):
        # minus the log-likelihood, relative to a perfect fit; EPS avoids log(0)
        if t > 0:
            errors[r] -= t * math.log((y + EPS) / t)
        if t < 1:
            errors[r] -= (1 - t) * math.log((1 - y + EPS) / (1 - t))
    return errors


def objective(
    weights: np.ndarray, x: np.ndarray, target: np.ndarray, size: int, decay: float, entropy: bool
) -> float:
    """nnet's fit criterion: sum over cases of E(output, target) + decay * sum(weights**2).

    weights: (nwts,); x: (n, k); target: (n,). The penalty covers every weight, biases too.
    """
    _, output = forward(weights, x, size)
    fit_error = ordered_sum(np.concatenate([[0.0], _unit_errors(output, target, entropy)]))
    penalty = ordered_sum(decay * weights * weights)
    return float(fit_error + penalty)


def _output_delta(output: np.ndarray, target: np.ndarray, entropy: bool) -> np.ndarray:
    """d E / d (the output unit's input sum), per case: (n,) -> (n,).

    For the entropy the logistic's slope y (1 - y) cancels, leaving y - t.
    """
    if entropy:
        return output - target
    return (2 * (output - target)) * (output * (1.0 - output))


def gradient(
    weights: np.ndarray, x: np.ndarray, target: np.ndarray, size: int, decay: float, entropy: bool
) -> np.ndarray:
    """d objective / d weights, shape (nwts,), by backpropagation (nnet's `bpass`).

    For each case, the output unit's delta (d error / d its input sum) is
        2 (y - t) y (1 - y)   for squared error,   y - t   for the entropy;
    a hidden unit's delta is (output delta * its weight to the output) * h (1 - h).
    A weight's slope is the delta of the unit it feeds times the output of the unit it
    comes from (1 for a bias). Slopes add up over cases, after the decay term 2 decay w.
    """
    hidden, output = forward(weights, x, size)
    _, output_w = split_weights(weights, x.shape[1], size)
    output_delta = _output_delta(output, target, entropy)  # (n,)
    hidden_delta = (output_delta[:, None] * output_w[None, 1:]) * (hidden * (1.0 - hidden))
    hidden_slopes = hidden_delta[:, :, None] * _with_bias(x)[:, None, :]  # (n, size, k+1)
    output_slopes = output_delta[:, None] * _with_bias(hidden)  # (n, size+1)
    per_case = np.hstack([hidden_slopes.reshape(x.shape[0], -1), output_slopes])
    slopes = 2 * decay * weights
    for case_slopes in per_case:  # add case by case, in nnet's order
        slopes = slopes + case_slopes
    return slopes


# ---------------------------------------------------------------------------
# The fit, as nnet::nnet(x, target, size, decay, entropy, maxit) does it
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class NnetFit:
    """A fitted nnet, with what R prints while fitting.

    skip: R's uniform draws taken after `set.seed(seed)` before the start weights;
    x: (n, k) the inputs, target: (n,) the targets it was fitted to;
    weights, initial_weights: (nwts,) in nnet's order, named by `names`;
    fitted: (n,) the network's outputs for the n training cases; value: the final
    objective; iterations: R's count; converged: R's `convergence == 0`;
    trace: the lines R prints; history: (m,) objective after each accepted step,
    starting with the initial value.
    """

    size: int
    seed: int
    skip: int
    decay: float
    entropy: bool
    maxit: int
    x: np.ndarray
    target: np.ndarray
    weights: np.ndarray
    names: tuple[str, ...]
    fitted: np.ndarray
    value: float
    iterations: int
    converged: bool
    trace: tuple[str, ...]
    history: np.ndarray
    initial_weights: np.ndarray


def _check_decay(decay: object) -> float:
    """Return `decay` as a float if it is finite and >= 0, else raise ValueError."""
    try:
        value = float(decay)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise ValueError(f"decay must be a number, got {decay!r}") from None
    if not math.isfinite(value) or value < 0:
        raise ValueError(f"decay must be finite and >= 0, got {decay!r}")
    return value


def _check_x(x: object) -> np.ndarray:
    """Return the inputs as an (n, k) float array, or raise ValueError."""
    array = INPUTS.copy() if x is None else np.array(x, dtype=float)
    if array.ndim != 2 or array.shape[0] < 1 or array.shape[1] < 1:
        raise ValueError(f"x must be a 2-D array with shape (n, k), got shape {array.shape}")
    if not np.all(np.isfinite(array)):
        raise ValueError(f"x must be finite, got {array.tolist()!r}")
    return array


def _check_target(target: object, n_cases: int) -> np.ndarray:
    """Return the targets as an (n,) float array of finite values in [0, 1], else raise."""
    try:
        array = np.array(target, dtype=float)
    except (TypeError, ValueError):
        raise ValueError(f"target must be {n_cases} numbers, got {target!r}") from None
    if array.shape != (n_cases,):
        raise ValueError(f"target must be {n_cases} numbers (one per row of x), got {target!r}")
    if not np.all(np.isfinite(array) & (array >= 0) & (array <= 1)):
        raise ValueError(f"target values must be finite and in [0, 1], got {target!r}")
    return array


def fit_nnet(
    size: int = 4,
    seed: int = 1,
    decay: float = 0.0,
    entropy: bool = False,
    maxit: int = MAXIT,
    target: Sequence[float] = XOR_TARGET,
    x: Sequence[Sequence[float]] | np.ndarray | None = None,
    *,
    skip: int = 0,
    max_weights: int = MAX_WEIGHTS,
) -> NnetFit:
    """Fit like R's `set.seed(seed); runif(skip); nnet::nnet(x, target, size, decay=, ...)`.

    x: (n, k), default the seed's 4x3 X (its constant third column is just input i3);
    target: (n,) in [0, 1], default XOR. `skip` (0 to MAX_SKIP) uniform draws are taken
    from R's stream after set.seed(seed), before nnet draws its start weights, as when
    other code ran in between (not nnet's own `skip`, which adds skip-layer weights).
    `max_weights` is nnet's MaxNWts (R refuses networks with more weights).
    Raises ValueError, naming the value, for bad input.
    """
    size = check_int("size", size, 1, MAX_SIZE)
    seed = check_r_seed(seed)
    skip = check_int("skip", skip, 0, MAX_SKIP)
    decay = _check_decay(decay)
    maxit = check_int("maxit", maxit, 1, MAX_MAXIT)
    inputs = _check_x(x)
    target_array = _check_target(target, inputs.shape[0])
    entropy = bool(entropy)
    nwts = n_weights(inputs.shape[1], size)
    if nwts > max_weights:
        raise ValueError(
            f"too many ({nwts}) weights for size={size}: nnet's MaxNWts is {max_weights}"
        )

    # nnet.default draws runif(nwts, -rang, rang) as is (its docs only *advise* choosing
    # rang so that rang * max(|x|) is about 1; the code does not rescale).
    stream = RRandom(seed)
    stream.unif(skip)  # the draws some earlier code took
    initial = stream.runif(nwts, -RANG, RANG)
    with np.errstate(all="ignore"):  # huge weights may overflow; R carries on with inf/nan
        result = vmmin(
            lambda w: objective(w, inputs, target_array, size, decay, entropy),
            lambda w: gradient(w, inputs, target_array, size, decay, entropy),
            initial,
            maxit=maxit,
            abstol=ABSTOL,
            reltol=RELTOL,
            trace_every=REPORT,
        )
        _, fitted = forward(result.x, inputs, size)
    return NnetFit(
        size=size,
        seed=seed,
        skip=skip,
        decay=decay,
        entropy=entropy,
        maxit=maxit,
        x=inputs,
        target=target_array,
        weights=result.x,
        names=weight_names(inputs.shape[1], size),
        fitted=fitted,
        value=result.value,
        iterations=result.iterations,
        converged=result.converged,
        trace=(f"# weights:  {nwts}",) + result.trace,
        history=result.history,
        initial_weights=initial,
    )


def nnet_json(fit: NnetFit) -> dict:
    """The fit as a JSON-ready dict (keys: size, seed, skip, decay, entropy, fitted, value,
    iterations, converged, weights as [name, value] pairs, trace)."""
    return {
        "size": fit.size,
        "seed": fit.seed,
        "skip": fit.skip,
        "decay": finite_or_none(fit.decay),
        "entropy": fit.entropy,
        "fitted": [finite_or_none(v) for v in fit.fitted],
        "value": finite_or_none(fit.value),
        "iterations": fit.iterations,
        "converged": bool(fit.converged),
        "weights": [
            [name, finite_or_none(v)] for name, v in zip(fit.names, fit.weights, strict=True)
        ],
        "trace": list(fit.trace),
    }
