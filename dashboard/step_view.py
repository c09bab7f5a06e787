"""One iteration of the seed's loop, stage by stage, in the seed's names and signs: builders for
the step-by-step page (results in, DataFrames and charts out; no Streamlit here).

The engine computes every example Example 3's way: `error = output - y`, updates subtracted.
The seed's Examples 1 and 2 write `error = y - output` and *add* their updates. Negating a
float is exact, so the two are the same arithmetic: every error, delta and update flips
sign and the weights after the update are bit for bit the same. `seed_iteration` turns the
engine's Step into the chosen example's signs, so each number shown is what the seed's line
beside it computes.
"""

from __future__ import annotations

from dataclasses import dataclass

import altair as alt
import numpy as np
import pandas as pd

import tinynet
from tinynet import RunSettings
from tinynet.activations import sigmoid_slope
from tinynet.train import Run

from .charts import error_chart
from .surface_chart import surface_chart, training_points
from .tables import matrix_table

SIGMOID_SLOPE = {2: "nonlin({out}, deriv=True)", 3: "sigmoid_output_to_derivative({out})"}


@dataclass(frozen=True)
class SeedIteration:
    """Iteration k of a run in the seed's names, with the signs of the chosen example.

    Shapes for n_in input columns (3, or 2 without the constant one) and H hidden units.
    Example 1 has no hidden layer: its output (the seed's `layer_1`) is in layer_2 here, and
    every hidden-layer field is None.
    """

    settings: RunSettings
    k: int
    sign: float  # -1: the seed writes y - output and adds (Examples 1, 2); +1: Example 3
    X: np.ndarray  # (4, n_in)
    y: np.ndarray  # (4, 1)
    synapse_0: np.ndarray  # (n_in, H), or (n_in, 1) in Example 1: before the update
    synapse_1: np.ndarray | None  # (H, 1)
    z_1: np.ndarray  # (4, H) X · synapse_0, before the activation (Example 1: (4, 1))
    layer_1: np.ndarray | None  # (4, H) the hidden layer
    z_2: np.ndarray | None  # (4, 1) layer_1 · synapse_1
    layer_2: np.ndarray  # (4, 1) the output
    layer_2_error: np.ndarray  # (4, 1) in the seed's sign
    output_slope: np.ndarray  # (4, 1) layer_2 * (1 - layer_2)
    layer_2_delta: np.ndarray  # (4, 1)
    layer_1_error: np.ndarray | None  # (4, H)
    hidden_slope: np.ndarray | None  # (4, H)
    layer_1_delta: np.ndarray | None  # (4, H)
    update_1: np.ndarray | None  # (H, 1) what the seed's line adds to (or takes from) synapse_1
    update_0: np.ndarray  # (n_in, H) ... to synapse_0
    synapse_0_after: np.ndarray  # (n_in, H)
    synapse_1_after: np.ndarray | None  # (H, 1)

    @property
    def hidden(self) -> bool:
        return self.layer_1 is not None

    @property
    def delta_0(self) -> np.ndarray:
        """The delta whose X.T product updates synapse_0: layer_1_delta, or Example 1's l1_delta."""
        return self.layer_1_delta if self.layer_1_delta is not None else self.layer_2_delta

    @property
    def finite_after(self) -> bool:
        """Whether every weight after this update is finite (False: the run diverges here)."""
        after = [self.synapse_0_after] + (
            [] if self.synapse_1_after is None else [self.synapse_1_after]
        )
        return all(np.isfinite(a).all() for a in after)

    @property
    def mean_abs_error(self) -> float:
        """What the seed prints as "Error": mean |layer_2_error| of this forward pass."""
        return float(np.mean(np.abs(self.layer_2_error)))


def seed_sign(example: int) -> float:
    """+1 where the seed writes `layer_2 - y` and subtracts (Example 3), else -1."""
    return 1.0 if example == 3 else -1.0


def last_iteration(run: Run) -> int:
    """The last iteration that can be shown: the run's last, or the one where it diverged."""
    return len(run.error) - 1


def seed_iteration(run: Run, k: int) -> SeedIteration:
    """Iteration k of `run` (0 <= k <= last_iteration(run)), exact: replayed by the engine."""
    settings = run.settings
    step = tinynet.step_at(run, k)
    synapse_0, synapse_1 = tinynet.weights_at(run, k)
    x = tinynet.inputs(settings.bias)
    activation = tinynet.get_activation(settings.activation)
    s = seed_sign(settings.example)
    with np.errstate(all="ignore"):  # a diverging step overflows: its numbers show as inf/nan
        z_1 = np.dot(x, synapse_0)
        z_2 = None if synapse_1 is None else np.dot(step.layer_1, synapse_1)
        after_0 = synapse_0 - step.update_0  # the engine subtracts; the seed's += of -u is the same
        after_1 = None if synapse_1 is None else synapse_1 - step.update_1

        def seed(a: np.ndarray | None) -> np.ndarray | None:
            return None if a is None else s * a

        return SeedIteration(
            settings=settings,
            k=k,
            sign=s,
            X=x,
            y=np.array(settings.target, dtype=float).reshape(4, 1),
            synapse_0=synapse_0,
            synapse_1=synapse_1,
            z_1=z_1,
            layer_1=step.layer_1,
            z_2=z_2,
            layer_2=step.layer_2,
            layer_2_error=s * step.error,
            output_slope=sigmoid_slope(step.layer_2),  # the output is always a sigmoid
            layer_2_delta=s * step.layer_2_delta,
            layer_1_error=seed(step.layer_1_error),
            hidden_slope=None
            if step.layer_1 is None
            else activation.slope_from_output(step.layer_1),
            layer_1_delta=seed(step.layer_1_delta),
            update_1=seed(step.update_1),
            update_0=s * step.update_0,
            synapse_0_after=after_0,
            synapse_1_after=after_1,
        )


# --- the seed's lines -------------------------------------------------------------------------

HIDDEN_LINE = {
    "sigmoid": "{f}(np.dot(X, synapse_0))",
    "tanh": "np.tanh(np.dot(X, synapse_0))",
    "relu": "np.maximum(np.dot(X, synapse_0), 0)",
}
ACTIVATION_NOTES = {
    "sigmoid": "The sigmoid squashes every sum into (0, 1), cell by cell.",
    "tanh": "tanh squashes every sum into (-1, 1): the seed suggests trying other "
    "transformations for the hidden layer.",
    "relu": "relu keeps positive sums and zeroes the rest: a unit at 0 passes no delta back.",
}
HIDDEN_SLOPE = {"tanh": "(1 - layer_1 ** 2)", "relu": "(layer_1 > 0)"}


def seed_lines(settings: RunSettings) -> dict[str, str]:
    """The seed's line for each stage of the chosen example (transcription.py's spelling),
    with this page's alpha written in where the seed has none, and the hidden activation
    swapped in where it is not the seed's sigmoid."""
    alpha = "" if settings.alpha == 1.0 else "alpha * "
    if settings.example == 1:  # layer_0 = X; the output is called layer_1
        return {
            "z_1": "np.dot(layer_0, synapse_0)",
            "output": "layer_1 = nonlin(np.dot(layer_0, synapse_0))",
            "error": "layer_1_error = y - layer_1",
            "output_delta": "l1_delta = layer_1_error * nonlin(layer_1, True)",
            "update_0": f"synapse_0 += {alpha}np.dot(layer_0.T, l1_delta)",
        }
    f = "nonlin" if settings.example == 2 else "sigmoid"
    slope = SIGMOID_SLOPE[settings.example]
    hidden_slope = HIDDEN_SLOPE.get(settings.activation, slope.format(out="layer_1"))
    lines = {
        "z_1": "np.dot(X, synapse_0)",
        "hidden": "layer_1 = " + HIDDEN_LINE[settings.activation].format(f=f),
        "output": f"layer_2 = {f}(np.dot(layer_1, synapse_1))",
        "error": "layer_2_error = y - layer_2",
        "output_delta": f"layer_2_delta = layer_2_error * {slope.format(out='layer_2')}",
        "hidden_error": "layer_1_error = layer_2_delta.dot(synapse_1.T)",
        "hidden_delta": f"layer_1_delta = layer_1_error * {hidden_slope}",
        "update_1": f"synapse_1 += {alpha}layer_1.T.dot(layer_2_delta)",
        "update_0": f"synapse_0 += {alpha}X.T.dot(layer_1_delta)",
    }
    if settings.example == 3:
        lines["error"] = "layer_2_error = layer_2 - y"
        lines["update_1"] = "synapse_1 -= alpha * (layer_1.T.dot(layer_2_delta))"
        lines["update_0"] = "synapse_0 -= alpha * (X.T.dot(layer_1_delta))"
    return lines


def sign_note(settings: RunSettings) -> str:
    """Why the seed's sign and tinynet's differ, and why it does not matter."""
    if settings.example == 3:
        return (
            "Example 3 writes `layer_2_error = layer_2 - y` and subtracts its updates: "
            "tinynet computes every example exactly this way."
        )
    out = "layer_1" if settings.example == 1 else "layer_2"
    return (
        f"The seed's Example {settings.example} writes `{out}_error = y - {out}` and *adds* its "
        f"updates; tinynet computes Example 3's way (`{out} - y`, then subtracts). That is the "
        "same arithmetic: every error, delta and update below has the opposite sign in the "
        "engine, and the weights after the update are the same bit for bit. The numbers here "
        "are the seed's, signs included."
    )


# --- tables -------------------------------------------------------------------------------

ROWS = ["row 1", "row 2", "row 3", "row 4"]


def row_labels(x: np.ndarray) -> list[str]:
    """'row 1 · [0 0 1]': the training row and its inputs, so a learner sees which is which."""
    return [f"row {n + 1} · [{' '.join(str(int(v)) for v in x[n])}]" for n in range(len(x))]


def named_frame(matrix: np.ndarray, name: str, rows: list[str], column_label: str) -> pd.DataFrame:
    """A matrix as a table with the seed's name over its row labels. Columns: "x1".. for
    inputs, "unit 1".. for hidden units, "output" for the one output."""
    frame = matrix_table(matrix, "r", column_label)
    frame.index = pd.Index(rows, name=name)
    if column_label == "x":
        frame.columns = [f"x{j + 1}" for j in range(matrix.shape[1])]
    elif column_label == "output":
        frame.columns = ["output"] if matrix.shape[1] == 1 else list(frame.columns)
    return frame


def columns_frame(columns: dict[str, np.ndarray], rows: list[str]) -> pd.DataFrame:
    """(4, 1) vectors side by side, one named column each (y, layer_2, layer_2_error ...)."""
    return pd.DataFrame(
        {name: np.asarray(v, dtype=float).reshape(-1) for name, v in columns.items()},
        index=pd.Index(rows, name="training row"),
    )


def shape_text(a: np.ndarray, b: np.ndarray, out: np.ndarray, op: str = "·") -> str:
    """'(4, 3) · (3, 4) → (4, 4)': a product's (·) or an elementwise (×) operation's shapes."""
    return f"{a.shape} {op} {b.shape} → {out.shape}"


@dataclass(frozen=True)
class Stage:
    """One line of the seed's loop: its code, the shapes it combines, what it starts from
    (operands, always shown) and what it computes (results: hidden until revealed)."""

    key: str
    part: str  # "forward", "backward" or "update"
    title: str
    code: str
    shapes: str
    operands: tuple[pd.DataFrame, ...]
    results: tuple[pd.DataFrame, ...]
    note: str = ""


def stages(it: SeedIteration) -> list[Stage]:
    """The stages of one iteration, in the seed's order."""
    lines = seed_lines(it.settings)
    rows = row_labels(it.X)
    inputs_ = [f"x{i + 1}" for i in range(it.X.shape[1])]
    if not it.hidden:
        return _single_layer_stages(it, lines, rows, inputs_)
    units = [f"unit {j + 1}" for j in range(it.layer_1.shape[1])]
    x_frame = named_frame(it.X, "X", rows, "x")
    s0_frame = named_frame(it.synapse_0, "synapse_0", inputs_, "unit")
    s1_frame = named_frame(it.synapse_1, "synapse_1", units, "output")
    layer_1 = named_frame(it.layer_1, "layer_1", rows, "unit")
    act = it.settings.activation
    return [
        Stage(
            "z_1", "forward", "X · synapse_0: each hidden unit's weighted sum", lines["z_1"],
            shape_text(it.X, it.synapse_0, it.z_1), (x_frame, s0_frame),
            (named_frame(it.z_1, "np.dot(X, synapse_0)", rows, "unit"),),
            "Row n of X times column j of synapse_0: the input of hidden unit j for training row n.",
        ),
        Stage(
            "hidden", "forward", f"The activation ({act}): the hidden layer", lines["hidden"],
            f"{it.z_1.shape} → {it.layer_1.shape}, cell by cell", (),
            (layer_1,),
            ACTIVATION_NOTES[act],
        ),
        Stage(
            "output", "forward", "layer_1 · synapse_1, then the sigmoid: the output",
            lines["output"], shape_text(it.layer_1, it.synapse_1, it.layer_2), (s1_frame,),
            (columns_frame({"np.dot(layer_1, synapse_1)": it.z_2, "layer_2": it.layer_2}, rows),),
        ),
        Stage(
            "error", "backward", "How much did we miss?", lines["error"],
            shape_text(it.y, it.layer_2, it.layer_2_error, "−"),
            (columns_frame({"y": it.y, "layer_2": it.layer_2}, rows),),
            (columns_frame({"layer_2_error": it.layer_2_error}, rows),),
            f"The seed prints the mean of |layer_2_error|: here {it.mean_abs_error:.6g}.",
        ),
        Stage(
            "output_delta", "backward", "The output's delta: error × slope of the sigmoid",
            lines["output_delta"], shape_text(it.layer_2_error, it.output_slope, it.layer_2_delta, "×"),
            (columns_frame({"slope: layer_2 * (1 - layer_2)": it.output_slope}, rows),),
            (columns_frame({"layer_2_delta": it.layer_2_delta}, rows),),
            "A confident output (near 0 or 1) has a flat slope, so its delta is small.",
        ),
        Stage(
            "hidden_error", "backward", "Send the delta back through synapse_1",
            lines["hidden_error"],
            shape_text(it.layer_2_delta, it.synapse_1.T, it.layer_1_error),
            (),
            (named_frame(it.layer_1_error, "layer_1_error", rows, "unit"),),
            "Each hidden unit's share of the output's delta, weighted by its synapse_1 weight.",
        ),
        Stage(
            "hidden_delta", "backward", f"The hidden deltas: error × slope of {act}",
            lines["hidden_delta"], shape_text(it.layer_1_error, it.hidden_slope, it.layer_1_delta, "×"),
            (named_frame(it.hidden_slope, "slope", rows, "unit"),),
            (named_frame(it.layer_1_delta, "layer_1_delta", rows, "unit"),),
        ),
        Stage(
            "update_1", "update", "The update of synapse_1", lines["update_1"],
            shape_text(it.layer_1.T, it.layer_2_delta, it.update_1), (),
            (named_frame(it.update_1, _update_name(it, "synapse_1"), units, "output"),),
        ),
        Stage(
            "update_0", "update", "The update of synapse_0", lines["update_0"],
            shape_text(it.X.T, it.layer_1_delta, it.update_0), (),
            (named_frame(it.update_0, _update_name(it, "synapse_0"), inputs_, "unit"),),
            "Row by row below: this product is the sum of four outer products, one per training row.",
        ),
    ]  # fmt: skip


def _single_layer_stages(
    it: SeedIteration, lines: dict[str, str], rows: list[str], inputs_: list[str]
) -> list[Stage]:
    """Example 1: one layer, named as the seed names it (layer_0 = X, output layer_1)."""
    return [
        Stage(
            "z_1", "forward", "layer_0 · synapse_0: the weighted sum", lines["z_1"],
            shape_text(it.X, it.synapse_0, it.z_1),
            (named_frame(it.X, "layer_0 (X)", rows, "x"),
             named_frame(it.synapse_0, "synapse_0", inputs_, "output")),
            (named_frame(it.z_1, "np.dot(layer_0, synapse_0)", rows, "output"),),
        ),
        Stage(
            "output", "forward", "The sigmoid: the output", lines["output"],
            f"{it.z_1.shape} → {it.layer_2.shape}, cell by cell", (),
            (columns_frame({"layer_1": it.layer_2}, rows),),
        ),
        Stage(
            "error", "backward", "How much did we miss?", lines["error"],
            shape_text(it.y, it.layer_2, it.layer_2_error, "−"),
            (columns_frame({"y": it.y, "layer_1": it.layer_2}, rows),),
            (columns_frame({"layer_1_error": it.layer_2_error}, rows),),
            f"Mean |layer_1_error|: {it.mean_abs_error:.6g}.",
        ),
        Stage(
            "output_delta", "backward", "The delta: error × slope of the sigmoid",
            lines["output_delta"], shape_text(it.layer_2_error, it.output_slope, it.layer_2_delta, "×"),
            (columns_frame({"slope: layer_1 * (1 - layer_1)": it.output_slope}, rows),),
            (columns_frame({"l1_delta": it.layer_2_delta}, rows),),
        ),
        Stage(
            "update_0", "update", "The update of synapse_0", lines["update_0"],
            shape_text(it.X.T, it.layer_2_delta, it.update_0), (),
            (named_frame(it.update_0, _update_name(it, "synapse_0"), inputs_, "output"),),
            "Row by row below: this product is the sum of four outer products, one per training row.",
        ),
    ]  # fmt: skip


def _update_name(it: SeedIteration, synapse: str) -> str:
    how = "subtracted from" if it.sign > 0 else "added to"
    return f"{how} {synapse}"


# --- row by row ----------------------------------------------------------------------------


def contributions(it: SeedIteration) -> np.ndarray:
    """(4, n_in, H): what each training row adds to the update of synapse_0 (alpha and the
    seed's sign included). Summed over the first axis it is the update shown (update_0)."""
    return it.settings.alpha * tinynet.row_contributions(it.X, it.delta_0)


def contributions_frame(it: SeedIteration) -> pd.DataFrame:
    """The four per-row outer products, long: training row, input, then one column per unit."""
    parts = contributions(it)
    columns = _unit_names(it)
    rows = row_labels(it.X)
    frames = []
    for n, part in enumerate(parts):
        frame = pd.DataFrame(part, columns=columns)
        frame.insert(0, "input", [f"x{i + 1}" for i in range(part.shape[0])])
        frame.insert(0, "training row", rows[n])
        frames.append(frame)
    return pd.concat(frames, ignore_index=True)


def contributions_chart(it: SeedIteration) -> alt.FacetChart:
    """Four small heatmaps, one per training row, and their sum (= the update), on one shared
    diverging colour scale, so the rows that push hardest stand out."""
    parts = contributions(it)
    columns = _unit_names(it)
    rows = [label.replace(" · ", ": ") for label in row_labels(it.X)]
    panels = [*zip(rows, parts, strict=True), ("sum = the update", it.update_0)]
    data = pd.DataFrame(
        [
            {"panel": panel, "input": f"x{i + 1}", "unit": columns[j], "value": float(m[i, j])}
            for panel, m in panels
            for i in range(m.shape[0])
            for j in range(m.shape[1])
        ]
    )
    values = data["value"].to_numpy()
    bound = float(np.abs(values[np.isfinite(values)]).max(initial=0.0)) or 1.0
    data["label"] = [_short(v) for v in data["value"]]
    base = alt.Chart().encode(
        x=alt.X("unit:N", title=None, sort=columns, axis=alt.Axis(labelAngle=0, orient="top")),
        y=alt.Y("input:N", title=None),
    )
    cells = base.mark_rect(stroke="#888", strokeWidth=0.5).encode(
        color=alt.Color(
            "value:Q",
            title="pushes the weight",
            scale=alt.Scale(scheme="redblue", reverse=True, domain=[-bound, bound]),
        ),
        tooltip=["panel:N", "input:N", "unit:N", alt.Tooltip("value:Q", format=".6g")],
    )
    layers = [cells]
    if len(columns) <= 8:  # room for numbers in the cells
        layers.append(
            base.mark_text(fontSize=10).encode(
                text="label:N",
                # white on dark cells; a condition, as `scale=None` breaks a faceted chart
                color=alt.condition(
                    f"abs(datum.value) > {0.55 * bound}", alt.value("white"), alt.value("black")
                ),
            )
        )
    width = max(60, len(columns) * (52 if len(columns) <= 8 else 14))
    per_line = max(1, min(5, 900 // (width + 30)))
    return (
        alt.layer(*layers, data=data)
        .properties(width=width, height=3 * 26 if it.X.shape[1] == 3 else 2 * 26)
        .facet(
            facet=alt.Facet("panel:N", title="", sort=[p for p, _ in panels]),
            columns=per_line,
        )
    )


def update_1_frame(it: SeedIteration) -> pd.DataFrame | None:
    """synapse_1's update the same way: one column per training row (layer_1[n] × layer_2_delta[n]
    × alpha), and their sum, one row per hidden unit. None for Example 1."""
    if not it.hidden:
        return None
    parts = it.settings.alpha * tinynet.row_contributions(it.layer_1, it.layer_2_delta)
    frame = pd.DataFrame(
        parts[:, :, 0].T, columns=ROWS, index=pd.Index(_unit_names(it), name="synapse_1")
    )
    frame["sum"] = it.update_1[:, 0]
    return frame


def _unit_names(it: SeedIteration) -> list[str]:
    return [f"unit {j + 1}" if it.hidden else "output" for j in range(it.synapse_0.shape[1])]


def _short(value: float) -> str:
    if not np.isfinite(value):
        return "—"
    return "0" if value == 0 else f"{value:.2g}"


# --- weights before and after ---------------------------------------------------------------


def weights_frames(it: SeedIteration) -> list[tuple[str, pd.DataFrame]]:
    """(title, table) for each weight matrix: before, the update, after; side by side per unit."""
    inputs_ = [f"x{i + 1}" for i in range(it.X.shape[1])]
    units = _unit_names(it)
    out = [
        (
            "synapse_0",
            _before_after(it.synapse_0, it.update_0, it.synapse_0_after, inputs_, units, it.sign),
        )
    ]
    if it.hidden:
        out.append(
            (
                "synapse_1",
                _before_after(
                    it.synapse_1, it.update_1, it.synapse_1_after, units, ["output"], it.sign
                ),
            )
        )
    return out


def _before_after(
    before: np.ndarray,
    update: np.ndarray,
    after: np.ndarray,
    rows: list[str],
    columns: list[str],
    sign: float,
) -> pd.DataFrame:
    """One row per weight: before, the seed's update (+= or -=), after."""
    op = "−= update" if sign > 0 else "+= update"
    return pd.DataFrame(
        {
            "weight": [f"{r} → {c}" for r in rows for c in columns],
            "before": before.ravel(),
            op: update.ravel(),
            "after": after.ravel(),
        }
    )


# --- the decision surface at k ---------------------------------------------------------------


def points_at(it: SeedIteration) -> pd.DataFrame:
    """The four training rows with iteration k's output: row, x1, x2, target, prediction."""
    points = training_points(it.settings.target, it.layer_2, it.settings.bias)
    return points[["row", "x1", "x2", "target", "prediction"]]


def surface_at(it: SeedIteration) -> alt.LayerChart:
    """The decision surface for the weights iteration k starts from (its forward pass)."""
    surface = tinynet.decision_surface(it.settings, it.synapse_0, it.synapse_1)
    points = training_points(it.settings.target, it.layer_2, it.settings.bias)
    return surface_chart(surface, points)


def error_at_k_chart(run: Run, k: int) -> alt.LayerChart:
    """The run's error trajectory with a rule at iteration k: where in training this step is."""
    rule = (
        alt.Chart(pd.DataFrame({"iteration": [k], "label": [f"k = {k:,}"]}))
        .mark_rule(color="#e45756", strokeWidth=2)
        .encode(x="iteration:Q", tooltip=[alt.Tooltip("label:N", title="this step")])
    )
    return alt.layer(error_chart([run]), rule)
