"""The training loop, compiled with numba: backprop.step's mirror, and the loop around it.

The same names as backprop.step (layer_1, layer_2_delta, update_0, ...), for one network of
H hidden units, 4 training rows and N inputs (3, or 2 without the constant column).

Arithmetic: every matrix product adds its terms left to right, as R's reference BLAS and
rmath.r_matmul do, one plain multiply then one add per term (numba fuses nothing into
multiply-adds without fastmath, which we never ask for). The flavours differ in exp only:
- R flavour: the C library's exp, as R's: the NumPy reference loop, bit for bit.
- Python flavour: `_exp` below, the C library's algorithm written out in plain arithmetic, so
  that the compiler computes four at a time over a whole hidden layer (AVX2). It is within
  1 ulp of the C library's exp (they differ for about 1 argument in 500), and NumPy's BLAS
  adds in another, equally valid order anyway: the kernel and the NumPy loop agree to ~1e-12
  (of each quantity's size) wherever training does not amplify roundoff.
tanh is the C library's in both (NumPy's own differs from it in the last bit).

Compiling: one function, `train_chunk`, does all of it (training, replay's fast-forward, one
step), for every example, activation and flavour, which are arguments, not specialisations:
numba compiles one signature, once, and loads it from its cache on disk after that. Until it
is ready, warm_up_in_background lets training use the NumPy loop. Every compiled function
lives in this file: numba's cache notices a change of this file, not of a module it calls.
"""

from __future__ import annotations

import math
import os
import threading
import time
from decimal import Decimal, localcontext

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
PYTHON, R = 0, 1
FLAVOUR_CODES = {"numpy": PYTHON, "r": R}  # by RunSettings.init


def _compiled(function):
    """numba's njit: releases the GIL, compiled once and cached on disk, never fastmath.
    error_model="numpy": a division by zero gives inf or nan, as in NumPy, not an exception
    (and no check in the loops, which stay vectorisable). _nrt=False: no reference counting,
    as the kernel allocates nothing and keeps no array beyond a call (and compiles a second
    faster without). Without numba, the plain Python function (slow, but the same maths)."""
    if not AVAILABLE:
        return function
    return numba.njit(nogil=True, cache=True, error_model="numpy", _nrt=False)(function)


def _helper(function):
    """A function compiled on its own and linked into train_chunk (cached with it): _exp, which
    LLVM inlines, and _step, which train_chunk calls once per iteration (inlined into that
    loop, its vectorised sigmoid ran 1.4 times as slow). No wrappers to call it from Python,
    and as in train_chunk, no reference counting (a view made inside costs no atomic op)."""
    if not AVAILABLE:
        return function
    options = {"no_cpython_wrapper": True, "no_cfunc_wrapper": True, "_nrt": False}
    return numba.njit(nogil=True, error_model="numpy", **options)(function)


def _inlined(function):
    """A function that numba inlines itself, wherever it is called: LLVM would not inline a
    function whose loops it has vectorised (and a call passes every array field by field),
    and fewer functions compile faster."""
    if not AVAILABLE:
        return function
    return numba.njit(inline="always")(function)


# --- The engine, and its warm-up -------------------------------------------------------------


class _WarmUp:
    """The background warm-up: started at most once (under the lock); `ready` set when over."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.thread: threading.Thread | None = None
        self.ready = threading.Event()
        self.failed: Exception | None = None


_warming = _WarmUp()


def engine(wanted: str | None = None) -> str:
    """The training loop to use: "numba" (this module) or "numpy" (backprop.step).

    wanted None: the environment's TINYNET_KERNEL, else numba where it is importable, except
    while warm_up_in_background is still compiling it (or if that failed): numpy then.
    """
    if wanted is None:
        wanted = os.environ.get("TINYNET_KERNEL") or _default_engine()
    if wanted not in ("numba", "numpy"):
        raise ValueError(f"the training engine must be numba or numpy, got {wanted!r}")
    if wanted == "numba" and not AVAILABLE:
        raise ValueError("the numba engine needs numba, which is not installed")
    return wanted


def _default_engine() -> str:
    state = _warming
    started = state.thread is not None
    if not AVAILABLE or started and (not state.ready.is_set() or state.failed is not None):
        return "numpy"
    return "numba"


def warm_up_in_background() -> threading.Event:
    """Compile the kernel (or load it from numba's cache) in a daemon thread, started once
    however often this is called, from however many threads. Until it is ready, engine()
    says "numpy", so training never waits for the compiler. Returns the Event set when the
    warm-up is over."""
    state = _warming
    with state.lock:
        if state.thread is None:
            state.thread = threading.Thread(
                target=_warm_up_into, args=(state,), name="tinynet-kernel-warm-up", daemon=True
            )
            state.thread.start()
    return state.ready


def _warm_up_into(state: _WarmUp) -> None:
    try:
        warm_up()
    except Exception as error:  # the NumPy loop carries on; the cause is kept for a developer
        state.failed = error
    finally:
        state.ready.set()


def warm_up() -> float:
    """Compile, or load from numba's cache, the kernel: its one signature serves training,
    replay and single steps, for every example, activation and flavour. Thread-safe; returns
    the seconds it took (0 without numba)."""
    if not AVAILABLE:
        return 0.0
    start = time.perf_counter()
    x, y = np.ones((ROWS, 3)), np.zeros((ROWS, 1))
    step(x, y, np.zeros((3, 1)), np.zeros((1, 1)), (1.0, "sigmoid", "numpy"))
    return time.perf_counter() - start


# --- exp, four at a time ---------------------------------------------------------------------
# The C library's algorithm (glibc's and musl's exp): k = round(x N / ln 2) = n N + j and
# r = x - k ln 2 / N (|r| <= ln 2 / 2N), so that exp(x) = 2^n 2^(j / N) exp(r): 2^(j / N) from a
# table of N doubles (with their rounding errors, the tails), exp(r) from its Taylor series to
# r^5 / 5! (which leaves 6e-19), 2^n written into the exponent bits. Without a branch, so the
# compiler vectorises it: every x takes the same path, large and NaN ones included.

_N_BITS = 7
_N = 1 << _N_BITS
_SHIFT = 6755399441055744.0  # 1.5 * 2^52: adding it rounds to an integer, found in its low bits


def _exp_constants():
    """(2^(j / N) as the bits of its double (N,) int64, their relative rounding errors (N,),
    N / ln 2, ln 2 / N in two parts: the first has 33 bits, so k times it is exact)."""
    with localcontext() as context:
        context.prec = 50
        powers = [Decimal(2) ** (Decimal(j) / _N) for j in range(_N)]
        doubles = [float(p) for p in powers]
        tails = [float((p - Decimal(d)) / Decimal(d)) for p, d in zip(powers, doubles, strict=True)]
        ln2_n = Decimal(2).ln() / _N
        hi = round(float(ln2_n) * 2.0**40) / 2.0**40
        lo = float(ln2_n - Decimal(hi))
    return np.array(doubles).view(np.int64), np.array(tails), _N / math.log(2), hi, lo


_TABLE_BITS, _TABLE_TAILS, _N_OVER_LN2, _LN2_OVER_N_HI, _LN2_OVER_N_LO = _exp_constants()


@_helper
def _exp(x):
    """exp(x), within 1 ulp of the C library's: 0 below -745.2 (exp(-inf) = 0), inf above
    709.8, NaN for NaN. Vectorised by the compiler where a loop calls it."""
    x = -746.0 if x < -746.0 else x  # the clamps keep 2^n in range; NaN passes them
    x = 710.0 if x > 710.0 else x
    shifted = x * _N_OVER_LN2 + _SHIFT
    k = np.float64(shifted).view(np.int64) - np.float64(_SHIFT).view(np.int64)
    kd = shifted - _SHIFT  # k as a double
    r = (x - kd * _LN2_OVER_N_HI) - kd * _LN2_OVER_N_LO
    j = k & (_N - 1)
    n = k >> _N_BITS
    half = n >> 1  # 2^n as 2^half 2^(n - half): each factor normal, even where exp(x) is not
    scale = np.int64(_TABLE_BITS[j] + (half << 52)).view(np.float64)  # 2^(j / N) 2^half
    r2 = r * r
    tmp = _TABLE_TAILS[j] + r + r2 * (0.5 + r * (1 / 6)) + r2 * r2 * (1 / 24 + r * (1 / 120))
    return (scale + scale * tmp) * np.int64((n - half + 1023) << 52).view(np.float64)


# --- One iteration: backprop.step -------------------------------------------------------------
# Written for speed as well as for reading. Inside the loop over iterations nothing makes a view
# of an array (a reshape is a call into numba's runtime); the loops over the hidden units have
# no branch inside (the activation and the flavour are chosen outside them) and the numbers
# they reuse are held in local variables, so that the compiler vectorises them; the sums over
# the 4 rows are written out (ROWS is 4), left to right as everywhere.


@_inlined
def _activate(z, activation, flavour):
    """The hidden activation in place, as activations.py computes it; z a contiguous vector."""
    if activation == SIGMOID and flavour == PYTHON:
        for i in range(z.size):
            z[i] = 1.0 / (1.0 + _exp(-z[i]))
    elif activation == SIGMOID:
        for i in range(z.size):
            z[i] = 1.0 / (1.0 + math.exp(-z[i]))
    elif activation == TANH:
        for i in range(z.size):
            z[i] = math.tanh(z[i])
    else:
        for i in range(z.size):
            z[i] = 0.0 if z[i] < 0.0 else z[i]  # np.maximum(z, 0.0): NaN stays NaN


@_inlined
def _weighted_inputs(x, synapse_0, layer_1):
    """layer_1 = x @ synapse_0: x (4, N), synapse_0 (N, H). The tutorial's 3 inputs in one
    pass over H with x's 12 numbers in registers; any other N, one pass per input."""
    inputs, hidden = synapse_0.shape
    if inputs == 3:
        x00, x01, x02 = x[0, 0], x[0, 1], x[0, 2]
        x10, x11, x12 = x[1, 0], x[1, 1], x[1, 2]
        x20, x21, x22 = x[2, 0], x[2, 1], x[2, 2]
        x30, x31, x32 = x[3, 0], x[3, 1], x[3, 2]
        for h in range(hidden):
            w0, w1, w2 = synapse_0[0, h], synapse_0[1, h], synapse_0[2, h]
            layer_1[0, h] = x00 * w0 + x01 * w1 + x02 * w2
            layer_1[1, h] = x10 * w0 + x11 * w1 + x12 * w2
            layer_1[2, h] = x20 * w0 + x21 * w1 + x22 * w2
            layer_1[3, h] = x30 * w0 + x31 * w1 + x32 * w2
        return
    for r in range(ROWS):
        for h in range(hidden):
            layer_1[r, h] = x[r, 0] * synapse_0[0, h]
        for i in range(1, inputs):
            for h in range(hidden):
                layer_1[r, h] += x[r, i] * synapse_0[i, h]


@_inlined
def _output(y, layer_2, error, layer_2_delta, flavour):
    """layer_2 = sigmoid(layer_2), which holds its input; error; layer_2_delta. All (4,)."""
    if flavour == PYTHON:
        for r in range(ROWS):
            layer_2[r] = 1.0 / (1.0 + _exp(-layer_2[r]))
    else:
        for r in range(ROWS):
            layer_2[r] = 1.0 / (1.0 + math.exp(-layer_2[r]))
    for r in range(ROWS):
        error[r] = layer_2[r] - y[r]
        layer_2_delta[r] = error[r] * (layer_2[r] * (1.0 - layer_2[r]))


@_inlined
def _hidden_deltas(layer_2_delta, synapse_1, layer_1, activation, layer_1_error, layer_1_delta):
    """layer_1_error = layer_2_delta @ synapse_1.T (one term each); layer_1_delta =
    layer_1_error * the activation's slope from its output layer_1 (activations.py's)."""
    for r in range(ROWS):
        d = layer_2_delta[r]
        if activation == SIGMOID:
            for h in range(synapse_1.size):
                layer_1_error[r, h] = d * synapse_1[h]
                layer_1_delta[r, h] = layer_1_error[r, h] * (layer_1[r, h] * (1.0 - layer_1[r, h]))
        elif activation == TANH:
            for h in range(synapse_1.size):
                layer_1_error[r, h] = d * synapse_1[h]
                layer_1_delta[r, h] = layer_1_error[r, h] * (1.0 - layer_1[r, h] * layer_1[r, h])
        else:
            for h in range(synapse_1.size):
                layer_1_error[r, h] = d * synapse_1[h]
                layer_1_delta[r, h] = layer_1_error[r, h] * (1.0 if layer_1[r, h] > 0.0 else 0.0)


@_inlined
def _updates(x, layer_1, layer_2_delta, layer_1_delta, alpha, update_1, update_0):
    """update_1 = alpha * (layer_1.T @ layer_2_delta); update_0 = alpha * (x.T @ layer_1_delta)."""
    d0, d1, d2, d3 = layer_2_delta[0], layer_2_delta[1], layer_2_delta[2], layer_2_delta[3]
    for h in range(update_1.size):
        total = layer_1[0, h] * d0 + layer_1[1, h] * d1 + layer_1[2, h] * d2 + layer_1[3, h] * d3
        update_1[h] = alpha * total
    delta = layer_1_delta
    for i in range(update_0.shape[0]):
        x0, x1, x2, x3 = x[0, i], x[1, i], x[2, i], x[3, i]
        for h in range(update_0.shape[1]):
            total = x0 * delta[0, h] + x1 * delta[1, h] + x2 * delta[2, h] + x3 * delta[3, h]
            update_0[i, h] = alpha * total


@_helper
def _step(x, y, synapse_0, synapse_1, alpha, codes, s, layer_1_flat):
    """backprop.step for one network with a hidden layer, into Step `s` (see work_step); the
    weights unchanged. x (4, N); y (4,); synapse_0 (N, H); synapse_1 (H,); codes =
    (activation, flavour); layer_1_flat: s.layer_1 as a (4 H,) view."""
    activation, flavour = codes
    layer_1, layer_2, error, layer_2_delta, layer_1_error, layer_1_delta, update_1, update_0 = s
    _weighted_inputs(x, synapse_0, layer_1)  # layer_1 = activation(x @ synapse_0)
    _activate(layer_1_flat, activation, flavour)
    a0 = layer_1[0, 0] * synapse_1[0]  # layer_2 = sigmoid(layer_1 @ synapse_1): 4 sums at once
    a1 = layer_1[1, 0] * synapse_1[0]
    a2 = layer_1[2, 0] * synapse_1[0]
    a3 = layer_1[3, 0] * synapse_1[0]
    for h in range(1, synapse_1.size):
        w = synapse_1[h]
        a0 += layer_1[0, h] * w
        a1 += layer_1[1, h] * w
        a2 += layer_1[2, h] * w
        a3 += layer_1[3, h] * w
    layer_2[0], layer_2[1], layer_2[2], layer_2[3] = a0, a1, a2, a3
    _output(y, layer_2, error, layer_2_delta, flavour)
    _hidden_deltas(layer_2_delta, synapse_1, layer_1, activation, layer_1_error, layer_1_delta)
    _updates(x, layer_1, layer_2_delta, layer_1_delta, alpha, update_1, update_0)


@_inlined
def _single_layer_step(x, y, synapse_0, alpha, flavour, s):
    """backprop.step without a hidden layer (Example 1), into s.layer_2, s.error,
    s.layer_2_delta (4,) and s.update_0 (N, 1). x (4, N); y (4,); synapse_0 (N, 1)."""
    layer_2, layer_2_delta, update_0 = s.layer_2, s.layer_2_delta, s.update_0
    for r in range(ROWS):  # layer_2 = sigmoid(x @ synapse_0)
        total = x[r, 0] * synapse_0[0, 0]
        for i in range(1, synapse_0.shape[0]):
            total += x[r, i] * synapse_0[i, 0]
        layer_2[r] = total
    _output(y, layer_2, s.error, layer_2_delta, flavour)
    for i in range(synapse_0.shape[0]):  # update_0 = alpha * (x.T @ layer_2_delta)
        total = x[0, i] * layer_2_delta[0]
        for r in range(1, ROWS):
            total += x[r, i] * layer_2_delta[r]
        update_0[i, 0] = alpha * total


# --- The loop ---------------------------------------------------------------------------------


@_inlined
def _finite_after(weights, update):
    """Whether weights - update is finite everywhere (contiguous vectors)."""
    finite = True
    for i in range(weights.size):
        finite &= math.isfinite(weights[i] - update[i])
    return finite


@_inlined
def _subtract(weights, update):
    for i in range(weights.size):
        weights[i] -= update[i]


@_inlined
def _copy(into, values):
    """into[...] = values, both C-contiguous of one size: a loop, as numba's slice assignment
    compiles a shape check whose error message costs seconds to compile."""
    into, values = into.reshape(-1), values.reshape(-1)
    for i in range(into.size):
        into[i] = values[i]


@_compiled
def train_chunk(x, y, weights, codes, history, last, s):
    """Iterations start..stop-1 of each member of a population that has not diverged.

    weights = (synapse_0 (P, N, H), synapse_1 (P, H) or (P, 0) without a hidden layer, alpha
    (P,)); codes = (activation, flavour, start, stop); history = (error (P, iterations): each
    iteration's mean |error| before its update (the 4 terms added left to right, as np.mean
    adds them), diverged_at (P,): -1 or the first iteration whose update would make a weight
    non-finite (not made; s holds its step), snap_at (k,), snap_0 (k, P, N, H), snap_1 (k, P,
    H) or (k, P, 0): the weights as iteration snap_at[i] starts); last = (layer_1 (P, 4, H) or
    (P, 4, 0), layer_2 (P, 4)): each member's latest forward pass. x (4, N), y (4,); s a Step
    of work arrays (work_step); every array C-contiguous. Members are trained one after
    another by the same code: a member's numbers are bit for bit its own run's.
    """
    synapse_0, synapse_1, alpha = weights
    activation, flavour, start, stop = codes
    error, diverged_at, snap_at, snap_0, snap_1 = history
    layer_1, layer_2, errors, update_1 = s.layer_1, s.layer_2, s.error, s.update_1
    layer_1_flat, update_0 = layer_1.reshape(-1), s.update_0.reshape(-1)  # views: made once
    for m in range(synapse_0.shape[0]):
        if diverged_at[m] >= 0:
            continue
        weights_0, weights_1 = synapse_0[m], synapse_1[m]
        weights_0_flat = weights_0.reshape(-1)
        snap = 0
        while snap < snap_at.size and snap_at[snap] < start:
            snap += 1
        for j in range(start, stop):
            if snap < snap_at.size and snap_at[snap] == j:
                _copy(snap_0[snap, m], weights_0)
                _copy(snap_1[snap, m], weights_1)
                snap += 1
            if weights_1.size == 0:
                _single_layer_step(x, y, weights_0, alpha[m], flavour, s)
            else:
                _step(x, y, weights_0, weights_1, alpha[m], (activation, flavour), s, layer_1_flat)
            total = abs(errors[0])
            for r in range(1, ROWS):
                total += abs(errors[r])
            error[m, j] = total / ROWS
            if not (_finite_after(weights_0_flat, update_0) and _finite_after(weights_1, update_1)):
                diverged_at[m] = j
                break
            _subtract(weights_0_flat, update_0)
            _subtract(weights_1, update_1)
        _copy(last[0][m], layer_1)
        _copy(last[1][m], layer_2)


# --- From train.py's and replay's arrays --------------------------------------------------------


def train_population(
    x: np.ndarray,
    y: np.ndarray,
    weights: tuple,
    settings: tuple[str, str],
    iterations: tuple[int, int],
    history: tuple,
    last: tuple,
) -> Step:
    """train_chunk from train.py's arrays, which keep backprop.step's shapes: x (4, N) in any
    layout; y (4, 1); weights = (synapse_0 (P, N, H), synapse_1 (P, H, 1) or None, alpha
    (P,)); settings = (activation, init); iterations = (start, stop); history = (error (P,
    iterations), diverged_at (P,), snap_at (k,), snap_0 (k, P, N, H), snap_1 (k, P, H, 1) or
    None); last = (layer_1 (P, 4, H) or None, layer_2 (P, 4, 1)). Updated in place. Returns
    the last iteration's Step (work_step's arrays: the last member's, columns as vectors)."""
    synapse_0, synapse_1, alpha = weights
    error, diverged_at, snap_at, snap_0, snap_1 = history
    members, hidden = len(alpha), 0 if synapse_1 is None else synapse_0.shape[-1]
    activation, init = settings
    codes = (ACTIVATION_CODES[activation], FLAVOUR_CODES[init], *iterations)
    weights = (synapse_0, _vectors(synapse_1, (members, 0)), alpha)
    history = (error, diverged_at, snap_at, snap_0, _vectors(snap_1, (len(snap_at), members, 0)))
    layer_1 = np.empty((members, ROWS, 0)) if last[0] is None else last[0]
    last = (layer_1, _vectors(last[1], None))
    s = work_step(x.shape[1], hidden)
    x = np.array(x, dtype=float)  # contiguous and writeable: the one array type compiled for
    train_chunk(x, y.reshape(-1), weights, codes, history, last, s)
    return s


def _vectors(columns: np.ndarray | None, empty: tuple | None) -> np.ndarray:
    """(..., n, 1) -> (..., n): a view, as the kernel takes backprop.step's columns; None -> an
    empty array of shape `empty` (what the kernel takes for "no hidden layer")."""
    return np.empty(empty) if columns is None else columns.reshape(columns.shape[:-1])


def advance(
    x: np.ndarray,
    y: np.ndarray,
    weights: tuple[np.ndarray, np.ndarray | None],
    settings: tuple[float, str, str],
    iterations: int,
) -> Step:
    """Train one network `iterations` times, its weights = (synapse_0 (N, H), synapse_1 (H, 1)
    or None) updated in place, keeping no record: replay's fast-forward. settings = (alpha,
    activation, init). It runs as a population of one in train_chunk: the very code that
    trained it. Returns the last iteration's Step (see train_population)."""
    stack_0 = weights[0][None].copy()
    stack_1 = None if weights[1] is None else weights[1][None].copy()
    history = (
        np.empty((1, iterations)),
        np.full(1, -1),
        np.empty(0, dtype=np.int64),  # no snapshots
        np.empty((0, *stack_0.shape)),
        None if stack_1 is None else np.empty((0, *stack_1.shape)),
    )
    layer_1 = None if stack_1 is None else np.empty((1, ROWS, stack_0.shape[-1]))
    alpha, activation, init = settings
    stacks = (stack_0, stack_1, np.array([alpha], dtype=float))
    last = (layer_1, np.empty((1, ROWS, 1)))
    s = train_population(x, y, stacks, (activation, init), (0, iterations), history, last)
    weights[0][...] = stack_0[0]
    if stack_1 is not None:
        weights[1][...] = stack_1[0]
    return s


def step(
    x: np.ndarray,
    y: np.ndarray,
    synapse_0: np.ndarray,
    synapse_1: np.ndarray | None,
    settings: tuple[float, str, str],
) -> Step:
    """backprop.step's result (same shapes) as the kernel computes it; the weights are not
    changed. x (4, N); y (4, 1); synapse_0 (N, H); synapse_1 (H, 1) or None; settings =
    (alpha, activation, init): init "numpy" or "r" picks the flavour."""
    if x.shape[0] != ROWS:
        raise ValueError(f"the kernel trains on {ROWS} rows, got {x.shape[0]}")
    weights = (np.array(synapse_0, dtype=float), None)
    if synapse_1 is not None:
        weights = (weights[0], np.array(synapse_1, dtype=float))
    s = advance(x, y, weights, settings, 1)
    if synapse_1 is None:
        s = s._replace(layer_1=None, layer_1_error=None, layer_1_delta=None, update_1=None)
    return Step(*(None if a is None else a.reshape(-1, 1) if a.ndim == 1 else a for a in s))


def work_step(n_inputs: int, hidden: int) -> Step:
    """A Step of empty arrays for _step to fill: its columns as vectors (see _step). hidden 0:
    no hidden layer (layer_1 and its kin (4, 0), update_1 (0,), update_0 (N, 1))."""
    return Step(
        np.empty((ROWS, hidden)),
        np.empty(ROWS),
        np.empty(ROWS),
        np.empty(ROWS),
        np.empty((ROWS, hidden)),
        np.empty((ROWS, hidden)),
        np.empty(hidden),
        np.empty((n_inputs, max(hidden, 1))),
    )
