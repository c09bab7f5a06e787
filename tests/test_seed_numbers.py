"""Every number of ../shared/seed/NUMBERS.md, Python and R columns, from the engine.

Full-precision numbers agree to 1e-9 relative. Every test runs twice: with the compiled
kernel (the default engine) and with the NumPy loop (backprop.step, the fallback). The exception is Python's Example 3 at
alpha 10: that run amplifies roundoff, so its digits depend on the summation order of
the BLAS that computed it (see tinynet.reference.SENSITIVE_TOLERANCE for the spread we
measured between equally valid orders); it is held to 1e-2 relative.
"""

import dataclasses

import numpy as np
import pytest

from tinynet import SEED_ALPHAS, preset, sweep, train
from tinynet.reference import check_run

REL = 1e-9


@pytest.fixture(scope="module", autouse=True, params=["numba", "numpy"])
def engine(request):
    """Every test twice: with the compiled kernel (the default) and with the NumPy loop."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TINYNET_KERNEL", request.param)
        yield request.param


@pytest.fixture(scope="module")
def runs(engine):
    return {(e, i): train(preset(e).but(init=i)) for e in (1, 2, 3) for i in ("numpy", "r")}


def test_the_runs_come_from_the_chosen_engine(runs, engine):
    assert {run.engine for run in runs.values()} == {engine}


def test_example_1_python(runs):
    np.testing.assert_array_equal(
        runs[1, "numpy"].prediction.round(8), [0.00966449, 0.00786506, 0.99358898, 0.99211957]
    )


def test_example_1_r(runs):
    np.testing.assert_array_equal(
        runs[1, "r"].prediction.round(9), [0.009670417, 0.007864211, 0.993590571, 0.992115835]
    )


def test_example_2_python(runs):
    run = runs[2, "numpy"]
    expected = [0.4964100319027255, 0.008584525653247153, 0.005789459862507812]
    np.testing.assert_allclose(run.error[[0, 10000, 20000]], expected, rtol=REL)
    assert round(run.final_error, 5) == 0.00463
    np.testing.assert_array_equal(run.prediction.round(3), [0.004, 0.995, 0.996, 0.006])
    np.testing.assert_array_equal(
        run.hidden_layer.round(3),
        [
            [0.696, 0.124, 0.923, 0.996],
            [0.18, 0, 0.017, 0.893],
            [0.995, 0.888, 0.023, 0.822],
            [0.947, 0.026, 0, 0.122],
        ],
    )
    np.testing.assert_array_equal(
        run.synapse_0.round(3),
        [
            [4.407, 4.028, -6.225, -4.092],
            [-2.342, -5.706, -6.53, -3.506],
            [0.826, -1.959, 2.488, 5.623],
        ],
    )
    np.testing.assert_array_equal(run.synapse_1.round(3).ravel(), [-6.611, 6.857, -10.069, 7.501])


def test_example_2_r(runs):
    run = runs[2, "r"]
    expected = [0.0105538166393651, 0.00729252475321203, 0.0058973637409426]
    np.testing.assert_allclose(run.error[[9999, 19999, 29999]], expected, rtol=REL)
    assert round(run.final_error, 5) == 0.0059
    np.testing.assert_array_equal(run.prediction.round(3), [0.002, 0.993, 0.994, 0.008])
    np.testing.assert_array_equal(
        run.hidden_layer.round(3),
        [
            [0.259, 0.889, 0.364, 0.445],
            [0, 0.037, 0.978, 0.030],
            [0.946, 1, 0.984, 0.020],
            [0.016, 0.984, 1, 0.001],
        ],
    )
    np.testing.assert_array_equal(
        run.synapse_0.round(3),
        [
            [3.915, 7.364, 4.705, -3.669],
            [-6.970, -5.351, 4.337, -3.242],
            [-1.050, 2.079, -0.559, -0.221],
        ],
    )
    np.testing.assert_array_equal(run.synapse_1.round(3).ravel(), [10.988, -10.733, 5.576, -2.987])


PYTHON_SWEEP = {
    0.001: (0.49104946812904954, 0.4849763070274596),
    0.01: (0.35637906164802124, 0.14693984546475994),
    0.1: (0.030540490838554993, 0.019063872533418427),
    1: (0.007360522342493724, 0.004972517050388164),
    10: (0.0022489756615412743, 0.0015326357139237015),
    100: (0.5, 0.5),
    1000: (0.5, 0.5),
}


def test_example_3_python_sweep():
    runs = sweep(preset(3), SEED_ALPHAS)
    for run in runs:
        alpha = run.settings.alpha
        assert run.error[0] == pytest.approx(0.49643992250078794, rel=REL)
        rel = 1e-2 if alpha == 10 else REL  # roundoff-sensitive: see the module docstring
        np.testing.assert_allclose(run.error[[10000, 20000]], PYTHON_SWEEP[alpha], rtol=rel)


def test_example_3_python_alpha_10_output(runs):
    # printed to 4 decimals: 0.0011, 0.9989, 0.9989, 0.0015; roundoff moves the 4th by one unit
    np.testing.assert_allclose(
        runs[3, "numpy"].prediction, [0.0011, 0.9989, 0.9989, 0.0015], atol=1.01e-4
    )


def test_example_3_r_alpha_10_is_not_roundoff_sensitive_in_rs_summation_order(runs):
    run = runs[3, "r"]
    expected = [0.00483502508464005, 0.00207985328313795, 0.00152092933542719]
    np.testing.assert_allclose(run.error[[9999, 19999, 29999]], expected, rtol=REL)
    np.testing.assert_array_equal(run.prediction.round(4), [0.0013, 0.9985, 0.9986, 0.0018])


def test_example_3_r_sweep_equals_r_for_every_alpha():
    # R 4.2.2 running the seed's R code (transcription.R); alpha 10 is also in the seed's text
    expected = {
        0.001: (0.500017965747816, 0.500018929551505, 0.500020001921719),
        0.01: (0.500033110240843, 0.500790955539506, 0.462757149718634),
        0.1: (0.0404491965346159, 0.0225788591058638, 0.0170577589267194),
        1: (0.00825544499811019, 0.00558816126646592, 0.00447176983430391),
        10: (0.00483502508464005, 0.00207985328313795, 0.00152092933542719),
        100: (0.5, 0.5, 0.5),
        1000: (0.5, 0.5, 0.5),
    }
    for run in sweep(preset(3).but(init="r"), SEED_ALPHAS):
        np.testing.assert_allclose(
            run.error[[9999, 19999, 29999]], expected[run.settings.alpha], rtol=REL
        )


@pytest.mark.parametrize("example", [1, 2, 3])
@pytest.mark.parametrize("init", ["numpy", "r"])
def test_reference_check_marks_every_printed_number_as_matching(runs, example, init):
    checks = check_run(runs[example, init])
    assert checks, "the seed's settings must have printed numbers to compare"
    assert [c.quantity for c in checks if not c.matches] == []


def test_reference_check_flags_a_different_run(runs):
    wrong = train(preset(2).but(seed=2))
    assert check_run(wrong) == []  # not the seed's settings: nothing to compare
    seed_run = runs[2, "numpy"]
    doctored = dataclasses.replace(seed_run, prediction=seed_run.prediction + 0.01)
    assert [c.quantity for c in check_run(doctored) if not c.matches] == [
        f"prediction[{i}]" for i in range(4)
    ]
