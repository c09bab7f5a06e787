"""The standalone script reproduces the engine's run when executed with plain Python.

The engine trains with its compiled kernel, the script with NumPy. In the R flavour both add
in R's order: bit for bit, except with tanh (NumPy computes its own, the kernel the C
library's). In the Python flavour the script's np.dot adds in its BLAS's order: 1e-12.
"""

import math
import subprocess
import sys

import numpy as np
import pytest

from tinynet import preset, sweep, train
from tinynet.script import seed_script

pytestmark = pytest.mark.slow  # each script runs in a subprocess, trains in plain NumPy


def _execute(source: str) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-c", source], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == "", result.stderr  # no warnings either
    return result.stdout.splitlines()


def _final_numbers(lines: list[str]) -> list[dict]:
    """Each block's `name: [...]` lines, parsed."""
    blocks, current = [], {}
    for line in lines:
        name, _, value = line.partition(": ")
        if name in ("error", "layer_2", "synapse_0", "synapse_1"):
            current[name] = eval(value, {"nan": math.nan, "inf": math.inf})  # printed lists
            if name == "synapse_1":
                blocks.append(current)
                current = {}
    return blocks


def _assert_matches(numbers: dict, run, rtol: float) -> None:
    np.testing.assert_allclose(numbers["layer_2"], run.prediction, rtol=rtol)
    np.testing.assert_allclose(numbers["synapse_0"], run.synapse_0, rtol=rtol)
    if run.synapse_1 is not None:
        np.testing.assert_allclose(numbers["synapse_1"], run.synapse_1, rtol=rtol)
    checkpoints = list(range(0, len(run.error), 10_000)) + [len(run.error) - 1]
    np.testing.assert_allclose(numbers["error"], run.error[checkpoints], rtol=rtol)


@pytest.mark.parametrize(
    "settings",
    [
        preset(1),
        preset(1).but(init="r"),
        preset(2),
        preset(2).but(init="r", activation="tanh", iterations=12_000),
        preset(3).but(init="r"),
        preset(2).but(activation="relu", target="0,1,1,0.5", bias=False, iterations=5000),
    ],
    ids=["ex1", "ex1-r", "ex2", "ex2-r-tanh", "ex3-r", "ex2-relu-custom"],
)
def test_script_prints_the_engines_numbers(settings):
    lines = _execute(seed_script(settings))
    (numbers,) = _final_numbers(lines)
    bit_for_bit = settings.init == "r" and settings.activation != "tanh"
    _assert_matches(numbers, train(settings), rtol=0 if bit_for_bit else 1e-12)


def test_script_prints_the_seeds_error_lines():
    lines = _execute(seed_script(preset(2).but(iterations=20_001)))
    assert lines[0] == "Error after 0 iterations:0.4964100319027255"
    assert lines[1].startswith("Error after 10000 iterations:0.00858452565324715")


@pytest.mark.parametrize(
    ("init", "alphas", "rtol"),
    # Python's alpha 10 amplifies roundoff: NumPy's BLAS and R's order part ways (README)
    [("r", [0.1, 1.0, 10.0], 0.0), ("numpy", [0.1, 1.0], 1e-12)],
)
def test_sweep_script_matches_the_population(init, alphas, rtol):
    settings = preset(3).but(init=init, iterations=10_001)
    blocks = _final_numbers(_execute(seed_script(settings, alphas)))
    assert len(blocks) == len(alphas)
    for numbers, run in zip(blocks, sweep(settings, alphas), strict=True):
        _assert_matches(numbers, run, rtol=rtol)


def test_script_reports_divergence_like_the_engine():
    settings = preset(3).but(activation="relu", alpha=1e200, iterations=100)
    lines = _execute(seed_script(settings))
    assert "Diverged at iteration 1" in lines
    (numbers,) = _final_numbers(lines)
    run = train(settings)
    np.testing.assert_allclose(numbers["synapse_0"], run.synapse_0, rtol=1e-12)
    np.testing.assert_allclose(numbers["layer_2"], run.prediction, rtol=1e-12)  # NaN: overflowed
