"""vmmin: the BFGS variable-metric minimiser behind R's `optim(method = "BFGS")` and nnet.

Written from Nash (1990), *Compact Numerical Methods for Computers*, Algorithm 21, and
R's documentation of optim; every sum is taken left to right (rmath.ordered_sum), as
R's C loops take them, so that traces match R's to the last printed digit.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from .rmath import ordered_sum

STEP_REDUCTION = 0.2  # line search: shrink the step by this factor until acceptable
ACCEPT_TOL = 1e-4  # accept a step achieving this fraction of the predicted decrease
REL_TEST = 10.0  # a parameter "has not moved" if 10 + old == 10 + new


@dataclass(frozen=True)
class VmminResult:
    """What `vmmin` returns.

    x: (n,) the final point; value: the objective there (as R reports it);
    iterations: R's iteration count (it starts at 1, see `vmmin`); converged: R's
    `fail == 0`, i.e. stopped before `maxit`; fn_count / gr_count: evaluations;
    trace: the lines R prints; history: (m,) the objective after each accepted step,
    starting with the initial value.
    """

    x: np.ndarray
    value: float
    iterations: int
    converged: bool
    fn_count: int
    gr_count: int
    trace: tuple[str, ...]
    history: np.ndarray


def _bfgs_update(
    inverse_hessian: np.ndarray, step: np.ndarray, grad_change: np.ndarray
) -> np.ndarray | None:
    """BFGS update of the inverse Hessian `B` (n, n), or None when it must be reset.

    step: (n,) the step taken, t; grad_change: (n,) the change in gradient, c.
    With D1 = t.c and X = B c, the update is
        B += ((1 + c.X / D1) t t' - X t' - t X') / D1.
    R only keeps the lower triangle; we compute it with R's expression and mirror it.
    """
    d1 = ordered_sum(step * grad_change)
    if not d1 > 0:  # no positive curvature along the step: start again from B = I
        return None
    b_times_c = ordered_sum(inverse_hessian * grad_change)  # X = B c
    d2 = 1.0 + ordered_sum(b_times_c * grad_change) / d1
    change = (
        (d2 * step)[:, None] * step[None, :]
        - b_times_c[:, None] * step[None, :]
        - step[:, None] * b_times_c[None, :]
    ) / d1
    lower = np.tril(inverse_hessian + change)
    return lower + np.tril(lower, -1).T


def _line_search(
    fn: Callable[[np.ndarray], float],
    x: np.ndarray,
    direction: np.ndarray,
    f_best: float,
    gradproj: float,
    f_last: float,
) -> tuple[np.ndarray, float, float, bool, int]:
    """Backtracking from step 1: shrink by 0.2 until the decrease is acceptable.

    x, direction: (n,). Returns (point, f, steplength, moved, evaluations):
    `f` is the last value computed -- `f_last` if none was -- because R tests and
    prints that one even if it was rejected; `moved` is False when the step became
    too small to change any coordinate (then `point` is the last one tried).
    """
    steplength = 1.0
    f = f_last
    evaluations = 0
    while True:
        point = x + steplength * direction
        if np.all(REL_TEST + x == REL_TEST + point):
            return point, f, steplength, False, evaluations
        f = fn(point)
        evaluations += 1
        if math.isfinite(f) and f <= f_best + gradproj * steplength * ACCEPT_TOL:
            return point, f, steplength, True, evaluations
        steplength *= STEP_REDUCTION


def vmmin(
    fn: Callable[[np.ndarray], float],
    gr: Callable[[np.ndarray], np.ndarray],
    x0: Sequence[float] | np.ndarray,
    maxit: int = 100,
    abstol: float = -math.inf,
    reltol: float = 1.490116119384765625e-8,
    trace_every: int = 10,
) -> VmminResult:
    """Minimise `fn` by R's BFGS variable-metric method (Nash 1990, Algorithm 21).

    fn: (n,) -> float; gr: (n,) -> (n,) its gradient; x0: (n,) the start.
    Defaults are `optim`'s (abstol = -Inf, reltol = sqrt(machine eps)); nnet passes
    abstol = 1e-4, reltol = 1e-8. Stops when the value drops to `abstol` or changes by
    less than `reltol` relatively, or after `maxit` iterations. Like R, the iteration
    count starts at 1 with the first gradient, so maxit = 5 allows 4 steps.
    """
    x = np.array(x0, dtype=float)
    n = x.size
    if maxit <= 0:  # R: just evaluate
        f0 = float(fn(x))
        return VmminResult(x, f0, 0, True, 0, 0, (), np.array([f0]))
    f = float(fn(x))
    if not math.isfinite(f):
        raise ValueError(f"initial value in 'vmmin' is not finite: {f}")
    lines = [f"initial  value {f:f} "]
    history = [f]
    f_best = f
    fn_count = gr_count = 1
    grad = np.asarray(gr(x), dtype=float)
    iteration = 1
    last_reset = gr_count  # gr_count at the last reset of B to the identity
    inverse_hessian = np.eye(n)  # B, the approximate inverse Hessian
    while True:
        if last_reset == gr_count:
            inverse_hessian = np.eye(n)
        x_old, grad_old = x.copy(), grad.copy()
        direction = -ordered_sum(inverse_hessian * grad)  # t = -B g
        gradproj = ordered_sum(direction * grad)  # slope along t; < 0 is downhill
        no_progress = True
        if gradproj < 0.0:
            x, f, steplength, moved, evals = _line_search(fn, x_old, direction, f_best, gradproj, f)
            fn_count += evals
            enough = f > abstol and abs(f - f_best) > reltol * (abs(f_best) + reltol)
            if not enough:
                # Value below abstol, or barely changed: count it as "no progress". As in
                # R, that ends the run only if B was just reset; else it retries from B = I.
                moved = False
                f_best = f
            if moved:
                no_progress = False
                f_best = f
                history.append(f)
                grad = np.asarray(gr(x), dtype=float)
                gr_count += 1
                iteration += 1
                updated = _bfgs_update(inverse_hessian, steplength * direction, grad - grad_old)
                if updated is None:
                    last_reset = gr_count
                else:
                    inverse_hessian = updated
            elif last_reset < gr_count:  # no acceptable point: retry from B = I
                no_progress = False
                last_reset = gr_count
        elif last_reset < gr_count:  # uphill: reset B, unless it was just reset
            no_progress = False
            last_reset = gr_count
        if iteration % trace_every == 0:
            lines.append(f"iter{iteration:4d} value {f:f}")
        if iteration >= maxit:
            break
        if gr_count - last_reset > 2 * n:  # periodic restart
            last_reset = gr_count
        if no_progress and last_reset == gr_count:
            break
    if f_best != history[-1]:  # the stopping step set the value without a new iteration
        history.append(f_best)
    converged = iteration < maxit
    lines.append(f"final  value {f_best:f} ")
    lines.append("converged" if converged else f"stopped after {iteration} iterations")
    return VmminResult(
        x, f_best, iteration, converged, fn_count, gr_count, tuple(lines), np.array(history)
    )
