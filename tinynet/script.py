"""A standalone NumPy script, in the seed's style, that reproduces a run.

The dashboard shows it ("the code") and offers it as a download; run with plain
`python`, it prints the seed's lines and then the final numbers in full precision.
"""

from __future__ import annotations

from collections.abc import Sequence

from .init import initial_weights
from .printing import PRINT_EVERY
from .settings import RunSettings

_ACTIVATION_CODE = {  # (function of x, derivative in terms of the output x)
    "sigmoid": ("1 / (1 + np.exp(-x))", "x * (1 - x)"),
    "tanh": ("np.tanh(x)", "1 - x * x"),
    "relu": ("np.maximum(x, 0.0)", "(x > 0).astype(float)"),
}

_R_DOT = """
# R adds the products of a matrix product strictly left to right (reference BLAS);
# so does this dot. It matters only where roundoff is amplified (Example 3, alpha 10).
def dot(a, b):
    return np.cumsum(a[:, :, None] * b[None, :, :], axis=1)[:, -1, :]
"""


def seed_script(settings: RunSettings, alphas: Sequence[float] | None = None) -> str:
    """Python source that trains `settings` (once per alpha in `alphas`, if given) and prints
    the error lines, then `layer_2`, `synapse_0` and `synapse_1` as full-precision lists."""
    alphas = [settings.alpha] if alphas is None else list(alphas)
    parts = [_header(settings), _weights(settings)]
    loop = _loop(settings)
    if len(alphas) == 1:
        parts.append(f"alpha = {alphas[0]!r}\n{loop}")
    else:
        body = "\n".join("    " + line if line else line for line in loop.splitlines())
        parts.append(
            f"for alpha in {alphas!r}:\n"
            f'    print("Training With Alpha:" + str(alpha))\n'
            f"    synapse_0, synapse_1 = start_0.copy(), start_1.copy()\n{body}"
        )
        parts.insert(
            2, "start_0, start_1 = synapse_0.copy(), synapse_1.copy()  # every alpha starts here\n"
        )
    return "\n".join(parts) + "\n"


def _header(s: RunSettings) -> str:
    function, slope = _ACTIVATION_CODE[s.activation if s.hidden else "sigmoid"]
    columns = (
        "[[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]]"
        if s.bias
        else "[[0, 0], [0, 1], [1, 0], [1, 1]]"
    )
    lines = [
        f'"""The tutorial\'s Example {s.example}, as tinynet ran it: init={s.init}, seed={s.seed}, '
        f'hidden={s.hidden}, iterations={s.iterations}, activation={s.activation}."""',
        "import numpy as np",
        "",
        'np.seterr(over="ignore", invalid="ignore")  # exp(-x) overflows harmlessly for x < -709',
        "",
        "",
        "def sigmoid(x):",
        "    return 1 / (1 + np.exp(-x))",
        "",
        "",
        "def sigmoid_output_to_derivative(output):",
        "    return output * (1 - output)",
        "",
        "",
        "def hidden_activation(x):",
        f"    return {function}",
        "",
        "",
        "def hidden_output_to_derivative(x):",
        f"    return {slope}",
        "",
        "",
        f"X = np.array({columns})",
        f"y = np.array([{list(s.target)!r}]).T",
    ]
    if s.init == "r":
        lines.append(_R_DOT)
    else:
        lines += ["", "dot = np.dot"]
    return "\n".join(lines)


def _weights(s: RunSettings) -> str:
    if s.init == "numpy":
        rows = s.n_inputs
        if s.hidden is None:
            drawn = f"np.random.seed({s.seed})\nsynapse_0 = 2 * np.random.random(({rows}, 1)) - 1\nsynapse_1 = None"
        else:
            drawn = (
                f"np.random.seed({s.seed})\n"
                f"synapse_0 = 2 * np.random.random(({rows}, {s.hidden})) - 1\n"
                f"synapse_1 = 2 * np.random.random(({s.hidden}, 1)) - 1"
            )
    else:
        synapse_0, synapse_1 = initial_weights(s)
        drawn = (
            f"# R's set.seed({s.seed}) and runif draws, to the last bit (matrices fill column by column)\n"
            f"synapse_0 = np.array({synapse_0.tolist()!r})\n"
            f"synapse_1 = {None if synapse_1 is None else f'np.array({synapse_1.tolist()!r})'}"
        )
    return (
        drawn
        + "\nstart_0, start_1 = synapse_0.copy(), None if synapse_1 is None else synapse_1.copy()\n"
    )


def _loop(s: RunSettings) -> str:
    r = s.init == "r"
    should_print = f"(j + 1) % {PRINT_EVERY} == 0" if r else f"j % {PRINT_EVERY} == 0"
    shown_j = "j + 1" if r else "j"
    if s.hidden is None:
        body = [
            "    layer_2 = sigmoid(dot(X, synapse_0))  # the tutorial's layer_1: here it is the output",
            "    layer_2_error = layer_2 - y",
            "    errors.append(np.mean(np.abs(layer_2_error)))",
            "    layer_2_delta = layer_2_error * sigmoid_output_to_derivative(layer_2)",
            "    synapse_0 -= alpha * dot(X.T, layer_2_delta)",
        ]
    else:
        body = [
            "    layer_1 = hidden_activation(dot(X, synapse_0))",
            "    layer_2 = sigmoid(dot(layer_1, synapse_1))",
            "    layer_2_error = layer_2 - y",
            "    errors.append(np.mean(np.abs(layer_2_error)))",
            "    layer_2_delta = layer_2_error * sigmoid_output_to_derivative(layer_2)",
            "    layer_1_error = dot(layer_2_delta, synapse_1.T)",
            "    layer_1_delta = layer_1_error * hidden_output_to_derivative(layer_1)",
            "    new_synapse_1 = synapse_1 - alpha * dot(layer_1.T, layer_2_delta)",
            "    new_synapse_0 = synapse_0 - alpha * dot(X.T, layer_1_delta)",
            "    if not (np.isfinite(new_synapse_0).all() and np.isfinite(new_synapse_1).all()):",
            '        print("Diverged at iteration " + str(j))',
            "        break",
            "    synapse_0, synapse_1 = new_synapse_0, new_synapse_1",
        ]
    return "\n".join(
        [
            "errors = []",
            f"for j in range({s.iterations}):",
            *body[:4],
            f"    if {should_print}:",
            f'        print("Error after " + str({shown_j}) + " iterations:" + str(errors[-1]))',
            *body[4:],
            "",
            'print("Output After Training:")',
            "print(np.append(layer_2, y, axis=1))",
            f'print("error:", [float(e) for e in errors[::{PRINT_EVERY}]] + [float(errors[-1])])',
            'print("layer_2:", layer_2.ravel().tolist())',
            'print("synapse_0:", synapse_0.tolist())',
            'print("synapse_1:", None if synapse_1 is None else synapse_1.tolist())',
        ]
    )
