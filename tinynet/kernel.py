"""The training loop, compiled with numba: backprop.step's mirror, and the loop around it.

The same names as backprop.step (layer_1, layer_2_delta, update_0, ...), for one network of
H hidden units, 4 training rows and N inputs (3, or 2 without the constant column).

Arithmetic: every matrix product adds its terms left to right, as R's reference BLAS and
rmath.r_matmul do, one plain multiply then one add per term. numba fuses nothing into
multiply-adds unless asked for fastmath, which we never do (a test holds the kernel to
r_matmul bit for bit); exp and tanh are the C library's, as R's are. So the kernel is the R
flavour's arithmetic exactly. The Python flavour uses it too: NumPy's BLAS adds in another,
equally valid order, and the two agree to ~1e-12 (of each quantity's size) wherever training
does not amplify roundoff. One thing is fixed: the 4 training rows (ROWS), so that the
compiler unrolls their loops; the maths is otherwise general.

Speed: a call passes its arrays with reference counting (atomic operations), which costs as
much as the arithmetic of a small network, so each iteration is one call (`step_into`) whose
loops are written out; only scalar helpers are called inside it.
"""

from __future__ import annotations

import math
import os
import time

import numpy as np

from .backprop import Step

try:
    import numba
except ImportError:  # pragma: no cover - numba is in requirements.txt; training falls back
    numba = None

AVAILABLE = numba is not None
ROWS = 4  # the training rows (data.INPUTS): a constant lets the compiler unroll their loops
SIGMOID, TANH, RELU = 0, 1, 2
ACTIVATION_CODES = {"sigmoid": SIGMOID, "tanh": TANH, "relu": RELU}


def _compiled(function):
    """numba's njit: releases the GIL, compiled once and cached on disk, never fastmath.
    error_model="numpy": a division by zero gives inf or nan, as in NumPy, not an exception.
    Without numba, the plain Python function (slow, but the same maths)."""
    if not AVAILABLE:
        return function
    return numba.njit(nogil=True, cache=True, error_model="numpy")(function)


def engine(wanted: str | None = None) -> str:
    """The training loop to use: "numba" (this module) or "numpy" (backprop.step).

    wanted None: the environment's TINYNET_KERNEL, else numba where it is importable.
    """
    if wanted is None:
        wanted = os.environ.get("TINYNET_KERNEL", "numba" if AVAILABLE else "numpy")
    if wanted not in ("numba", "numpy"):
        raise ValueError(f"the training engine must be numba or numpy, got {wanted!r}")
    if wanted == "numba" and not AVAILABLE:
        raise ValueError("the numba engine needs numba, which is not installed")
    return wanted


@_compiled
def _sigmoid(x):
    return 1.0 / (1.0 + math.exp(-x))  # exp overflows to inf for x < -709: 1 / inf = 0


@_compiled
def _sigmoid_slope(out):
    return out * (1.0 - out)


@_compiled
def _hidden(x, activation):
    """The hidden activation, as activations.py computes it for one element."""
    if activation == SIGMOID:
        return _sigmoid(x)
    if activation == TANH:
        return math.tanh(x)
    return 0.0 if x < 0.0 else x  # np.maximum(x, 0.0): NaN stays NaN


@_compiled
def _hidden_slope(out, activation):
    """The hidden activation's slope from its output, as activations.py's *_slope."""
    if activation == SIGMOID:
        return _sigmoid_slope(out)
    if activation == TANH:
        return 1.0 - out * out
    return 1.0 if out > 0.0 else 0.0


@_compiled
def step_into(x, y, synapse_0, synapse_1, alpha, activation, s):
    """backprop.step for one network with a hidden layer, filling Step `s` in place.

    backprop.step's (n, 1) columns are vectors (n,) here: y, synapse_1 (H,), and s's layer_2,
    error, layer_2_delta (4,) and update_1 (H,). x (4, N); synapse_0 (N, H); s.layer_1,
    s.layer_1_error, s.layer_1_delta (4, H); s.update_0 (N, H). alpha a float; activation
    one of ACTIVATION_CODES. Each sum takes its terms left to right; loops over H innermost.
    """
    layer_1, layer_2, error, layer_2_delta, layer_1_error, layer_1_delta, update_1, update_0 = s
    inputs, hidden = synapse_0.shape
    for r in range(ROWS):  # layer_1 = activation(x @ synapse_0)
        for h in range(hidden):
            layer_1[r, h] = x[r, 0] * synapse_0[0, h]
        for i in range(1, inputs):
            for h in range(hidden):
                layer_1[r, h] += x[r, i] * synapse_0[i, h]
        for h in range(hidden):
            layer_1[r, h] = _hidden(layer_1[r, h], activation)
    for r in range(ROWS):  # layer_2 = sigmoid(layer_1 @ synapse_1): the 4 sums side by side
        layer_2[r] = layer_1[r, 0] * synapse_1[0]
    for h in range(1, hidden):
        for r in range(ROWS):
            layer_2[r] += layer_1[r, h] * synapse_1[h]
    for r in range(ROWS):
        layer_2[r] = _sigmoid(layer_2[r])
        error[r] = layer_2[r] - y[r]
        layer_2_delta[r] = error[r] * _sigmoid_slope(layer_2[r])
    for r in range(ROWS):  # layer_1_error = layer_2_delta @ synapse_1.T: one term each
        for h in range(hidden):
            layer_1_error[r, h] = layer_2_delta[r] * synapse_1[h]
            layer_1_delta[r, h] = layer_1_error[r, h] * _hidden_slope(layer_1[r, h], activation)
    for h in range(hidden):  # update_1 = alpha * (layer_1.T @ layer_2_delta)
        update_1[h] = layer_1[0, h] * layer_2_delta[0]
    for r in range(1, ROWS):
        for h in range(hidden):
            update_1[h] += layer_1[r, h] * layer_2_delta[r]
    for h in range(hidden):
        update_1[h] = alpha * update_1[h]
    for i in range(inputs):  # update_0 = alpha * (x.T @ layer_1_delta)
        for h in range(hidden):
            update_0[i, h] = x[0, i] * layer_1_delta[0, h]
        for r in range(1, ROWS):
            for h in range(hidden):
                update_0[i, h] += x[r, i] * layer_1_delta[r, h]
        for h in range(hidden):
            update_0[i, h] = alpha * update_0[i, h]


@_compiled
def single_layer_step_into(x, y, synapse_0, alpha, s):
    """backprop.step without a hidden layer (Example 1), filling s.layer_2, s.error,
    s.layer_2_delta (4,) and s.update_0 (N, 1) in place (s's other fields are None).
    x (4, N); y (4,); synapse_0 (N, 1); alpha a float."""
    layer_2, error, layer_2_delta, update_0 = s.layer_2, s.error, s.layer_2_delta, s.update_0
    inputs = synapse_0.shape[0]
    for r in range(ROWS):  # layer_2 = sigmoid(x @ synapse_0)
        layer_2[r] = x[r, 0] * synapse_0[0, 0]
        for i in range(1, inputs):
            layer_2[r] += x[r, i] * synapse_0[i, 0]
        layer_2[r] = _sigmoid(layer_2[r])
        error[r] = layer_2[r] - y[r]
        layer_2_delta[r] = error[r] * _sigmoid_slope(layer_2[r])
    for i in range(inputs):  # update_0 = alpha * (x.T @ layer_2_delta)
        update_0[i, 0] = x[0, i] * layer_2_delta[0]
        for r in range(1, ROWS):
            update_0[i, 0] += x[r, i] * layer_2_delta[r]
        update_0[i, 0] = alpha * update_0[i, 0]


@_compiled
def _train_network(x, y, synapse_0, synapse_1, alpha, activation, start, stop, error, snaps, s):
    """Iterations start..stop-1 of one network, updating its weights in place.

    Shapes as step_into's; synapse_1 None: no hidden layer (single_layer_step_into). error
    (iterations,): error[j] is iteration j's mean |error|, before its update (the 4 terms
    added left to right, as np.mean adds them). snaps = (snap_at (k,), snap_0 (k, N, H),
    snap_1 (k, H) or None): the weights as iteration snap_at[i] starts. Returns the first
    iteration whose update would make a weight non-finite (that update is not made and s
    holds its step), or -1.
    """
    snap_at, snap_0, snap_1 = snaps
    update_0, update_1 = s.update_0, s.update_1
    snap = np.searchsorted(snap_at, start)
    for j in range(start, stop):
        if snap < snap_at.size and snap_at[snap] == j:
            snap_0[snap] = synapse_0
            if synapse_1 is not None:
                snap_1[snap] = synapse_1
            snap += 1
        if synapse_1 is None:
            single_layer_step_into(x, y, synapse_0, alpha, s)
        else:
            step_into(x, y, synapse_0, synapse_1, alpha, activation, s)
        total = abs(s.error[0])
        for r in range(1, ROWS):
            total += abs(s.error[r])
        error[j] = total / ROWS
        finite = True  # the first update that would make a weight non-finite is not made
        for i in range(synapse_0.shape[0]):
            for h in range(synapse_0.shape[1]):
                finite &= math.isfinite(synapse_0[i, h] - update_0[i, h])
        if synapse_1 is not None:
            for h in range(synapse_1.shape[0]):
                finite &= math.isfinite(synapse_1[h] - update_1[h])
        if not finite:
            return j
        for i in range(synapse_0.shape[0]):
            for h in range(synapse_0.shape[1]):
                synapse_0[i, h] -= update_0[i, h]
        if synapse_1 is not None:
            for h in range(synapse_1.shape[0]):
                synapse_1[h] -= update_1[h]
    return -1


@_compiled
def train_chunk(x, y, synapse_0, synapse_1, alpha, activation, start, stop, history, last, s):
    """Iterations start..stop-1 of each member of a population that has not diverged.

    synapse_0 (P, N, H); synapse_1 (P, H), or None without a hidden layer; alpha (P,);
    history = (error (P, iterations), diverged_at (P,): -1 or the iteration where the member
    stopped, snap_at (k,), snap_0 (k, P, N, H), snap_1 (k, P, H) or None); last = (layer_1
    (P, 4, H) or None, layer_2 (P, 4)): each member's latest forward pass. x, y and s as
    step_into's. Members are trained one after another, each by the code that trains a
    single network: a member's numbers are bit for bit its own run's.
    """
    error, diverged_at, snap_at, snap_0, snap_1 = history
    layer_1, layer_2 = last
    for m in range(synapse_0.shape[0]):
        if diverged_at[m] >= 0:
            continue
        if synapse_1 is None:
            snaps = (snap_at, snap_0[:, m], None)
            args = (synapse_0[m], None, alpha[m], activation, start, stop, error[m], snaps, s)
            diverged_at[m] = _train_network(x, y, *args)
        else:
            snaps = (snap_at, snap_0[:, m], snap_1[:, m])
            args = (synapse_0[m], synapse_1[m], alpha[m], activation, start, stop, error[m])
            diverged_at[m] = _train_network(x, y, *args, snaps, s)
            layer_1[m] = s.layer_1
        layer_2[m] = s.layer_2


def train_population(
    x: np.ndarray,
    y: np.ndarray,
    weights: tuple,
    activation: str,
    iterations: tuple[int, int],
    history: tuple,
    last: tuple,
) -> None:
    """train_chunk from train.py's arrays, which keep backprop.step's shapes: x (4, N) in any
    layout; y (4, 1); weights = (synapse_0 (P, N, H), synapse_1 (P, H, 1) or None, alpha
    (P,)); iterations = (start, stop); history = (error (P, iterations), diverged_at (P,),
    snap_at (k,), snap_0 (k, P, N, H), snap_1 (k, P, H, 1) or None); last = (layer_1
    (P, 4, H) or None, layer_2 (P, 4, 1)). Updated in place."""
    synapse_0, synapse_1, alpha = weights
    hidden = None if synapse_1 is None else synapse_0.shape[-1]
    error, diverged_at, snap_at, snap_0, snap_1 = history
    history = (error, diverged_at, snap_at, snap_0, _vectors(snap_1))
    last = (last[0], _vectors(last[1]))
    s = work_step(x.shape[1], hidden)
    x = np.array(x, dtype=float)  # contiguous and writeable: the one array type compiled for
    y = y.reshape(-1)
    code = ACTIVATION_CODES[activation]
    train_chunk(x, y, synapse_0, _vectors(synapse_1), alpha, code, *iterations, history, last, s)


def _vectors(columns: np.ndarray | None) -> np.ndarray | None:
    """(..., n, 1) -> (..., n): a view, as the kernel takes backprop.step's columns."""
    return None if columns is None else columns.reshape(columns.shape[:-1])


def advance(
    x: np.ndarray,
    y: np.ndarray,
    weights: tuple[np.ndarray, np.ndarray | None],
    alpha: float,
    activation: str,
    iterations: int,
) -> None:
    """Train one network `iterations` times, its weights = (synapse_0 (N, H), synapse_1 (H, 1)
    or None) updated in place, keeping no record: replay's fast-forward. It runs as a
    population of one in train_chunk: the very code (compiled once) that trained it."""
    stack_0 = weights[0][None].copy()
    stack_1 = None if weights[1] is None else weights[1][None].copy()
    history = (
        np.empty((1, iterations)),
        np.full(1, -1),
        np.empty(0, dtype=np.int64),  # no snapshots
        np.empty((0, *stack_0.shape)),
        None if stack_1 is None else np.empty((0, *stack_1.shape)),
    )
    layer_1 = None if stack_1 is None else np.empty((1, 4, stack_0.shape[-1]))
    last = (layer_1, np.empty((1, 4, 1)))
    weights_stacks = (stack_0, stack_1, np.array([alpha], dtype=float))
    train_population(x, y, weights_stacks, activation, (0, iterations), history, last)
    weights[0][...] = stack_0[0]
    if stack_1 is not None:
        weights[1][...] = stack_1[0]


def step(
    x: np.ndarray,
    y: np.ndarray,
    synapse_0: np.ndarray,
    synapse_1: np.ndarray | None,
    alpha: float,
    activation: str,
) -> Step:
    """backprop.step's result (same shapes) as the kernel computes it; the weights are not
    changed. x (4, N); y (4, 1); synapse_0 (N, H); synapse_1 (H, 1) or None."""
    if x.shape[0] != ROWS:
        raise ValueError(f"the kernel trains on {ROWS} rows, got {x.shape[0]}")
    hidden = None if synapse_1 is None else synapse_0.shape[1]
    s = work_step(x.shape[1], hidden)
    x, y = np.array(x, dtype=float), y.reshape(-1)
    synapse_0 = np.array(synapse_0, dtype=float)
    if synapse_1 is None:
        single_layer_step_into(x, y, synapse_0, float(alpha), s)
    else:
        synapse_1 = np.array(synapse_1, dtype=float).reshape(-1)
        step_into(x, y, synapse_0, synapse_1, float(alpha), ACTIVATION_CODES[activation], s)
    return Step(*(None if a is None else a.reshape(-1, 1) if a.ndim == 1 else a for a in s))


def work_step(n_inputs: int, hidden: int | None) -> Step:
    """A Step of empty arrays for step_into (or single_layer_step_into, hidden None) to fill:
    its columns as vectors, see step_into."""
    if hidden is None:
        rows = np.empty((3, 4))
        return Step(None, rows[0], rows[1], rows[2], None, None, None, np.empty((n_inputs, 1)))
    return Step(
        np.empty((4, hidden)),
        np.empty(4),
        np.empty(4),
        np.empty(4),
        np.empty((4, hidden)),
        np.empty((4, hidden)),
        np.empty(hidden),
        np.empty((n_inputs, hidden)),
    )


def warm_up() -> float:
    """Compile, or load from numba's cache, every signature the app uses (training with and
    without a hidden layer, replay, one step), so that the first visitor does not wait for it.
    Safe to call from a background thread; returns the seconds it took (0 without numba)."""
    if not AVAILABLE:
        return 0.0
    from .replay import step_at  # here, not at the top: replay and train import this module
    from .settings import preset
    from .train import train_many

    start = time.perf_counter()
    for example in (1, 2):
        (run,) = train_many([preset(example).but(iterations=3)], engine="numba")
        step_at(run, 2)
    return time.perf_counter() - start
