"""The tutorial's lines of code for one iteration, as the Step by step page shows them beside
its numbers (transcription.py's spelling), and why its signs and tinynet's differ."""

from __future__ import annotations

from tinynet import RunSettings

SIGMOID_SLOPE = {2: "nonlin({out}, deriv=True)", 3: "sigmoid_output_to_derivative({out})"}
HIDDEN_LINE = {
    "sigmoid": "{f}(np.dot(X, synapse_0))",
    "tanh": "np.tanh(np.dot(X, synapse_0))",
    "relu": "np.maximum(np.dot(X, synapse_0), 0)",
}
ACTIVATION_NOTES = {
    "sigmoid": "The sigmoid squashes every sum into (0, 1), cell by cell.",
    "tanh": "tanh squashes every sum into (-1, 1): the tutorial suggests trying other "
    "transformations for the hidden layer.",
    "relu": "relu keeps positive sums and zeroes the rest: a unit at 0 passes no delta back.",
}
HIDDEN_SLOPE = {"tanh": "(1 - layer_1 ** 2)", "relu": "(layer_1 > 0)"}


def seed_lines(settings: RunSettings) -> dict[str, str]:
    """The seed's line for each stage of the chosen example, with this page's alpha written in
    where the seed has none, and the hidden activation swapped in where it is not the seed's
    sigmoid."""
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
    """Why the tutorial's sign and tinynet's differ, and why it does not matter."""
    if settings.example == 3:
        return (
            "Example 3 writes `layer_2_error = layer_2 - y` and subtracts its updates: "
            "tinynet computes every example exactly this way."
        )
    out = "layer_1" if settings.example == 1 else "layer_2"
    return (
        f"The tutorial's Example {settings.example} writes `{out}_error = y - {out}` and *adds* its "
        f"updates; tinynet computes Example 3's way (`{out} - y`, then subtracts). That is the "
        "same arithmetic: every error, delta and update below has the opposite sign in the "
        "engine, and the weights after the update are the same bit for bit. The numbers here "
        "are the tutorial's, signs included."
    )
