"""The frames of "Watch it learn": a run replayed at a few of its saved iterations.

Each frame is one iteration's forward pass, computed from the run's snapshot weights with the
run's own arithmetic (tinynet.replay.step_from: the loop and matrix product that trained it),
so frame f's outputs are exactly what training computed at iterations[f], and the run's
error[iterations[f]] is their mean |target - output|. The last frame is the run's last forward
pass (run.prediction, what the tutorial prints after training and what the page's table
shows), not the weights after the final update, which no forward pass ever used.

No Streamlit here: `frames` computes, `as_json` writes the numbers the browser animates.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import numpy as np

from tinynet import decision_surface, inputs, snapshot_iterations, weights_at
from tinynet.replay import step_from
from tinynet.summary import TOLERANCE, wrong_rows
from tinynet.train import Run

FRAMES = 60  # at most this many frames: ~4 s of animation at 15 frames a second
CURVE_POINTS = 600  # the error line behind the moving marker
RESOLUTION = 21  # surface cells per side: 441 numbers a frame
SURFACE_DECIMALS = 2  # a 21-cell colour square needs no more; the JSON stays small
HIDDEN_DIGITS = 3  # significant digits of a hidden unit (a colour, a 2-decimal label)
CURVE_DIGITS = 6  # significant digits of the error line (drawn, not read)


@dataclass(frozen=True)
class Frames:
    """A run at k iterations (log-spaced among its snapshots; the first and the last always).

    iterations: (k,) ints, 0 first, the run's last forward pass (len(run.error) - 1) last.
    error: (k,) run.error at those iterations (mean |target - output| of the frame).
    curve_iterations, curve_error: (m,) the whole error line, sampled (m <= CURVE_POINTS),
    every frame's iteration among them so the marker sits on the line.
    outputs: (k, 4) the output of each training row; hidden: (k, 4, H), None for Example 1.
    surface: (k, r, r), surface[f, i, j] the output at x1 = grid[j], x2 = grid[i] (x3 = 1 if
    bias). target: the four targets; tolerance: a row farther than this from its target is
    wrong (tinynet.summary's rule).
    """

    iterations: np.ndarray
    error: np.ndarray
    curve_iterations: np.ndarray
    curve_error: np.ndarray
    outputs: np.ndarray
    hidden: np.ndarray | None
    surface: np.ndarray
    grid: np.ndarray
    target: tuple[float, ...]
    bias: bool
    tolerance: float


def frame_iterations(snapshots: np.ndarray, last: int, count: int = FRAMES) -> np.ndarray:
    """At most `count` iterations among `snapshots` (sorted) that are <= last, evenly spaced on
    a log(1 + iteration) axis (the error chart's symlog axis, so the marker moves evenly), plus
    0 and `last`. Iterations bunch up at the start, where several targets share one snapshot."""
    if count < 2:
        raise ValueError(f"a playback needs at least 2 frames, got {count!r}")
    candidates = np.union1d(snapshots[snapshots <= last], [0, last])
    if len(candidates) <= count:
        return candidates
    wanted = np.linspace(0.0, np.log1p(last), count)
    nearest = np.abs(np.log1p(candidates)[None, :] - wanted[:, None]).argmin(axis=1)
    return np.union1d(candidates[nearest], [0, last])


def frames(run: Run, count: int = FRAMES, resolution: int = RESOLUTION) -> Frames:
    """The run's frames: outputs, hidden layer and decision surface at <= count iterations."""
    last = len(run.error) - 1
    at = frame_iterations(run.snapshots.iterations, last, count)
    outputs, hidden, surface = [], [], []
    for iteration in at:
        synapse_0, synapse_1 = _weights(run, int(iteration))
        s = step_from(run, synapse_0, synapse_1)
        outputs.append(s.layer_2[:, 0])
        hidden.append(s.layer_1)
        cells = decision_surface(run.settings, synapse_0, synapse_1, resolution)
        surface.append(cells.output)
    curve_at = np.union1d(snapshot_iterations(max(last, 1), CURVE_POINTS - len(at)), at)
    curve_at = curve_at[curve_at <= last]
    return Frames(
        iterations=at,
        error=run.error[at].copy(),
        curve_iterations=curve_at,
        curve_error=run.error[curve_at].copy(),
        outputs=np.array(outputs),
        hidden=None if run.snapshots.synapse_1 is None else np.array(hidden),
        surface=np.array(surface),
        grid=cells.x1,
        target=run.settings.target,
        bias=run.settings.bias,
        tolerance=TOLERANCE,
    )


def _weights(run: Run, iteration: int) -> tuple[np.ndarray, np.ndarray | None]:
    """The weights as `iteration` starts: a snapshot's, the last finite ones of a run that
    diverged there, or replayed (exactly) from the snapshot before."""
    snaps = run.snapshots
    index = int(np.searchsorted(snaps.iterations, iteration))
    if index < len(snaps.iterations) and snaps.iterations[index] == iteration:
        synapse_1 = None if snaps.synapse_1 is None else snaps.synapse_1[index]
        return snaps.synapse_0[index], synapse_1
    if iteration == run.diverged_at:  # training kept the weights before the bad update
        return run.synapse_0, run.synapse_1
    return weights_at(run, iteration)


def as_json(f: Frames) -> str:
    """The frames as strict JSON for the browser: a non-finite number is null, never NaN.

    Outputs and errors keep every digit (the table prints 6 significant ones); the surface,
    hidden layer and error line are rounded to what a colour or a line needs. `wrong` lists,
    per frame, the 0-based rows more than `tolerance` from their target.
    """
    curve_error = np.where(f.curve_error > 0, f.curve_error, np.nan)  # a log axis shows > 0 only
    data = {
        "iterations": [int(i) for i in f.iterations],
        "error": _numbers(f.error),
        "outputs": _numbers(f.outputs),
        "wrong": [list(wrong_rows(o, f.target, f.tolerance)) for o in f.outputs],
        "hidden": None if f.hidden is None else _numbers(f.hidden, significant=HIDDEN_DIGITS),
        "hidden_top": _hidden_top(f.hidden),
        "surface": _numbers(np.round(f.surface, SURFACE_DECIMALS)),
        "grid": _numbers(f.grid),
        "curve": {
            "iterations": [int(i) for i in f.curve_iterations],
            "error": _numbers(curve_error, significant=CURVE_DIGITS),
        },
        "inputs": inputs(f.bias).tolist(),
        "target": list(f.target),
        "tolerance": f.tolerance,
    }
    return json.dumps(data, allow_nan=False, separators=(",", ":"))


def _numbers(values: np.ndarray, significant: int | None = None) -> list:
    """Nested lists of floats, None where not finite; rounded to `significant` digits."""
    values = np.asarray(values, dtype=float)
    if values.ndim > 1:
        return [_numbers(v, significant) for v in values]
    if significant is None:
        return [float(v) if np.isfinite(v) else None for v in values]
    return [float(f"{v:.{significant}g}") if np.isfinite(v) else None for v in values]


def _hidden_top(hidden: np.ndarray | None) -> float:
    """The top of the hidden layer's colour scale: 1 (sigmoid), or the largest value (relu)."""
    if hidden is None:
        return 1.0
    finite = hidden[np.isfinite(hidden)]
    return max(1.0, float(finite.max(initial=1.0)))
