"""What a page says about a run beside its numbers: why the tutorial keeps its column of ones,
where and why a run diverged, and where a hidden unit's value lies. No Streamlit."""

from __future__ import annotations

from tinynet import RunSettings
from tinynet.train import Run


def bias_note(settings: RunSettings) -> str | None:
    """Why the tutorial keeps its constant third column, when it is dropped; None when it is on."""
    if settings.bias:
        return None
    if settings.hidden is None:
        return (
            "Without the constant column x3, the input (0, 0) is all zeros, so `X · synapse_0` "
            "is 0 there whatever the weights: its output is stuck at sigmoid(0) = 0.5, whatever "
            "the target. The tutorial's third column of ones is the bias that lets it move."
        )
    if settings.activation == "sigmoid":
        return (
            "Without the constant column x3, every hidden unit gives sigmoid(0) = 0.5 for the "
            "input (0, 0), whatever its weights; only `synapse_1` can move that row's output, "
            "so the network must fit (0, 0) through the output weights alone."
        )
    return (
        f"Without the constant column x3, {settings.activation}(0) = 0 for every hidden unit at "
        "the input (0, 0), so the output there is sigmoid(0) = 0.5, whatever the target: "
        "the tutorial's third column of ones is the bias that lets it move."
    )


def divergence_note(run: Run) -> str | None:
    """At which iteration a run blew up and why, or None if it did not."""
    if run.diverged_at is None:
        return None
    s = run.settings
    why = (
        "relu is unbounded, so each update can make the next one larger"
        if s.activation == "relu"
        else "the update grew without bound"
    )
    return (
        f"alpha = {s.alpha:g}, {s.activation}: at iteration {run.diverged_at:,} a weight "
        f"became infinite (or NaN) — {why}, until alpha times the gradient overflowed. "
        f"Training stopped there: the charts show iterations 0 to {run.diverged_at:,} and the "
        "tables the last finite weights."
    )


def hidden_range(activation: str) -> str:
    """Where a hidden unit's value lies, for a heatmap's caption."""
    return {"sigmoid": "in [0, 1]", "tanh": "in [-1, 1]", "relu": "0 or more"}[activation]
