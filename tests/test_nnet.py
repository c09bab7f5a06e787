"""tinynet.nnet against R's own nnet::nnet (fixtures from tests/fixtures/nnet/make_fixtures.R).

No test runs R: the fixtures hold R's trace lines, weights, fitted values and final
objective, written to 17 significant digits.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest

from tinynet.data import INPUTS as SEED_X
from tinynet.nnet import (
    MAX_SKIP,
    fit_nnet,
    gradient,
    n_weights,
    nnet_json,
    objective,
    sigmoid,
    weight_names,
)
from tinynet.printing import nnet_printout, r_matrix
from tinynet.rrandom import RRandom
from tinynet.vmmin import vmmin

FIXTURES = Path(__file__).parent / "fixtures" / "nnet"
NNET_CASES = sorted(p for p in FIXTURES.glob("*.json") if not p.name.startswith("rosenbrock"))


def _load(path: Path) -> dict:
    return json.loads(path.read_text())


@pytest.fixture(scope="module", params=NNET_CASES, ids=lambda p: p.stem)
def case(request) -> tuple[dict, object]:
    """One R fixture and our fit of the same call."""
    r = _load(request.param)
    fit = fit_nnet(
        size=r["size"],
        seed=r["seed"],
        skip=r["skip"],
        decay=r["decay"],
        entropy=r["entropy"],
        maxit=r["maxit"],
        target=r["target"],
        x=r["x"],
    )
    return r, fit


def test_fixture_set_covers_the_brief():
    names = {p.stem for p in NNET_CASES}
    for seed in (1, 2, 42):
        assert {f"xor_size4_seed{seed}", f"xor_size32_seed{seed}"} <= names
    assert {"xor_size1_seed1", "xor_size2_seed1", "xor_size4_seed1_maxit5"} <= names
    assert {"xor_size4_seed1_decay0.01", "xor_size4_seed1_decay0.1"} <= names
    assert {"xor_size4_seed1_entropy", "first_column_size4_seed1"} <= names
    assert {"xor_size4_seed1_skip1", "tutorial_example_2", "tutorial_example_3"} <= names


def test_start_weights_are_rs_runif(case):
    r, fit = case
    assert np.array_equal(fit.initial_weights, np.array(r["initial_weights"]))


def test_trace_lines_equal_rs(case):
    r, fit = case
    assert list(fit.trace) == r["trace"]


def test_final_objective_and_fitted_values(case):
    r, fit = case
    assert fit.value == pytest.approx(r["value"], abs=1e-6)
    np.testing.assert_allclose(fit.fitted, r["fitted"], rtol=0, atol=1e-6)
    assert fit.converged == (r["convergence"] == 0)
    assert fit.iterations == r["iterations"]  # R's count, found by make_fixtures.R


def test_printout_is_rs_print(case):
    """data.frame(coef(fit_nnet)) and fitted(fit_nnet), character for character as R prints
    them (fixed or scientific notation included: several fixtures print fitted values in e)."""
    r, fit = case
    expected = [
        *r["trace"], "data.frame(coef(fit_nnet))", *r["printed_coef"],
        "fitted(fit_nnet)", *r["printed_fitted"],
    ]  # fmt: skip
    assert nnet_printout(fit).splitlines() == expected


def test_skip_takes_that_many_draws_before_the_start_weights():
    fit = fit_nnet(size=2, seed=5, skip=7, maxit=1)
    draws = RRandom(5).unif(7 + fit.initial_weights.size)[7:]
    np.testing.assert_array_equal(fit.initial_weights, -0.7 + 1.4 * draws)
    assert fit.skip == 7 and fit_nnet(size=2, seed=5, maxit=1).skip == 0
    assert fit_nnet(size=1, maxit=1, skip=MAX_SKIP).skip == MAX_SKIP


def test_weights_and_names(case):
    r, fit = case
    assert fit.names == tuple(r["names"])
    # Relative tolerance: without decay, R drives some fits to weights in the hundreds.
    np.testing.assert_allclose(fit.weights, r["weights"], rtol=1e-6, atol=1e-8)


def test_reproduces_r_bit_for_bit(case):
    """Stronger than the brief asks: same additions in the same order give the same doubles."""
    r, fit = case
    assert fit.value == r["value"]
    assert fit.weights.tolist() == r["weights"]
    assert fit.fitted.tolist() == r["fitted"]


def test_history_starts_at_initial_value_and_ends_at_final(case):
    _, fit = case
    assert f"initial  value {fit.history[0]:f} " == fit.trace[1]
    assert fit.history[-1] == fit.value
    assert np.all(np.diff(fit.history) <= 0)  # vmmin only accepts steps that go down


def test_iterations_match_stopped_line():
    fit = fit_nnet(size=4, seed=1, maxit=5)
    assert fit.iterations == 5
    assert fit.trace[-1] == "stopped after 5 iterations"
    assert not fit.converged


# --- the objective and its gradient -------------------------------------------------


def _central_difference(f, w: np.ndarray, h: float = 1e-6) -> np.ndarray:
    grad = np.zeros_like(w)
    for i in range(w.size):
        step = np.zeros_like(w)
        step[i] = h
        grad[i] = (f(w + step) - f(w - step)) / (2 * h)
    return grad


@pytest.mark.parametrize(
    ("size", "decay", "entropy", "target"),
    [
        (4, 0.1, False, (0, 1, 1, 0)),
        (3, 0.01, True, (0, 1, 1, 0)),
        (2, 0.0, True, (0.2, 0.9, 0.5, 0.0)),
        (5, 0.05, False, (0, 0, 1, 1)),
    ],
)
def test_gradient_matches_central_differences(size, decay, entropy, target):
    x = SEED_X
    t = np.array(target, dtype=float)
    w = RRandom(7).runif(n_weights(3, size), -2, 2)  # inside +-15: sigmoid is smooth there

    def f(v):
        return objective(v, x, t, size, decay, entropy)

    numeric = _central_difference(f, w)
    analytic = gradient(w, x, t, size, decay, entropy)
    np.testing.assert_allclose(analytic, numeric, rtol=1e-6, atol=1e-8)


def test_decay_penalises_every_weight_biases_included():
    x, t = SEED_X, np.array([0.0, 1.0, 1.0, 0.0])
    w = RRandom(3).runif(n_weights(3, 2), -0.7, 0.7)
    plain = objective(w, x, t, 2, 0.0, False)
    assert objective(w, x, t, 2, 0.5, False) == pytest.approx(plain + 0.5 * np.sum(w**2))
    slope_gap = gradient(w, x, t, 2, 0.5, False) - gradient(w, x, t, 2, 0.0, False)
    np.testing.assert_allclose(slope_gap, 2 * 0.5 * w)


def test_sigmoid_is_exactly_zero_or_one_beyond_15():
    values = sigmoid(np.array([-15.000001, -15.0, 0.0, 15.0, 15.000001]))
    assert values[0] == 0.0 and values[-1] == 1.0
    assert 0.0 < values[1] < 1e-6 and values[2] == 0.5 and 1 - 1e-6 < values[3] < 1.0


def test_weight_names_in_nnet_order():
    names = weight_names(3, 2)
    assert names == (
        "b->h1", "i1->h1", "i2->h1", "i3->h1",
        "b->h2", "i1->h2", "i2->h2", "i3->h2",
        "b->o", "h1->o", "h2->o",
    )  # fmt: skip
    assert n_weights(3, 4) == 21 and n_weights(3, 32) == 161


# --- vmmin on its own -----------------------------------------------------------------


def _rosenbrock(p: np.ndarray) -> float:
    return 100 * (p[1] - p[0] * p[0]) ** 2 + (1 - p[0]) ** 2


def _rosenbrock_gradient(p: np.ndarray) -> np.ndarray:
    return np.array(
        [-400 * p[0] * (p[1] - p[0] * p[0]) - 2 * (1 - p[0]), 200 * (p[1] - p[0] * p[0])]
    )


def test_vmmin_reaches_rosenbrock_minimum():
    result = vmmin(_rosenbrock, _rosenbrock_gradient, [-1.2, 1.0])
    np.testing.assert_allclose(result.x, [1.0, 1.0], atol=1e-6)
    assert result.value < 1e-12
    assert result.converged


def test_vmmin_is_rs_optim_bfgs():
    r = _load(FIXTURES / "rosenbrock_optim_bfgs.json")
    result = vmmin(_rosenbrock, _rosenbrock_gradient, r["start"], maxit=100, trace_every=10)
    assert list(result.trace) == r["trace"]
    assert result.x.tolist() == r["par"]
    assert [result.fn_count, result.gr_count] == r["counts"]
    assert result.value == r["value"]


def test_vmmin_on_a_quadratic_stops_at_abstol():
    result = vmmin(lambda p: float(p @ p), lambda p: 2 * p, [3.0, -4.0], abstol=1e-4)
    assert result.value <= 1e-4
    assert result.trace[-1] == "converged"


# --- bad input --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "shown"),
    [
        ({"size": 0}, "0"),
        ({"size": 257}, "257"),
        ({"size": 2.5}, "2.5"),
        ({"size": True}, "True"),
        ({"decay": -0.1}, "-0.1"),
        ({"decay": math.inf}, "inf"),
        ({"decay": math.nan}, "nan"),
        ({"maxit": 0}, "0"),
        ({"maxit": 10001}, "10001"),
        ({"target": (0, 1, 1)}, "(0, 1, 1)"),
        ({"target": (0, 1, 1, 2)}, "(0, 1, 1, 2)"),
        ({"target": (0, 1, math.nan, 0)}, "nan"),
        ({"target": "abcd"}, "abcd"),
        ({"seed": 2**31}, str(2**31)),
        ({"seed": -(2**31)}, str(-(2**31))),
        ({"skip": -1}, "-1"),
        ({"skip": 1_000_001}, "1000001"),
        ({"skip": 2.0}, "2.0"),
        ({"skip": "24"}, "'24'"),
        ({"skip": False}, "False"),
        ({"size": 200}, "1001"),  # R: too many (1001) weights
        ({"x": [[0, 1], [1, math.inf], [0, 0], [1, 1]]}, "inf"),
        ({"x": [0, 1, 1, 0]}, "(4,)"),
    ],
)
def test_bad_input_raises_value_error_naming_it(kwargs, shown):
    with pytest.raises(ValueError) as error:
        fit_nnet(**kwargs)
    assert shown in str(error.value)


def test_max_weights_is_nnets_maxnwts_and_can_be_lifted():
    fit = fit_nnet(size=256, maxit=3, max_weights=2000)
    assert fit.weights.shape == (256 * 4 + 257,)


def test_two_column_x_and_matching_target_length():
    fit = fit_nnet(size=2, x=SEED_X[:, :2])
    assert fit.names[:3] == ("b->h1", "i1->h1", "i2->h1")
    assert fit.trace[0] == "# weights:  9"
    with pytest.raises(ValueError, match="3 numbers"):
        fit_nnet(x=SEED_X[:3])


# --- output ------------------------------------------------------------------------------


def test_json_keys_and_values():
    fit = fit_nnet(size=4, seed=1)
    data = nnet_json(fit)
    assert set(data) == {
        "size", "seed", "skip", "decay", "entropy", "fitted", "value",
        "iterations", "converged", "weights", "trace",
    }  # fmt: skip
    assert data["skip"] == 0 and nnet_json(fit_nnet(size=1, maxit=1, skip=3))["skip"] == 3
    assert isinstance(data["converged"], bool) and data["converged"]
    assert len(data["fitted"]) == 4 and all(isinstance(v, float) for v in data["fitted"])
    assert data["weights"][0] == ["b->h1", fit.weights[0]]
    assert data["trace"] == list(fit.trace)
    json.dumps(data, allow_nan=False)  # strict JSON


@pytest.mark.parametrize(
    ("values", "kwargs", "r_prints"),
    [  # R 4.2.2's print() of matrix(values) / data.frame(x = values)
        (np.arange(1.0, 11.0), {}, "      [,1]\n [1,]    1\n [2,]    2\n [3,]    3\n [4,]    4\n"
         " [5,]    5\n [6,]    6\n [7,]    7\n [8,]    8\n [9,]    9\n[10,]   10"),
        ([1e-100, 1.0], {}, "       [,1]\n[1,] 1e-100\n[2,]  1e+00"),
        ([-0.5, math.nan, math.inf, 2.0], {}, "     [,1]\n[1,] -0.5\n[2,]  NaN\n[3,]  Inf\n[4,]  2.0"),
        ([-1.5e-5, 2e4, 3.0], {"columns": ["x"], "rows": ["1", "2", "3"]},
         "         x\n1 -1.5e-05\n2  2.0e+04\n3  3.0e+00"),
    ],
)  # fmt: skip
def test_r_matrix_is_rs_print_beyond_the_fixtures(values, kwargs, r_prints):
    assert r_matrix(np.array(values)[:, None], **kwargs) == r_prints


def test_no_numpy_warnings_with_huge_weights():
    # seed 42 drives weights towards 1e3 (R does the same); the pytest config turns
    # RuntimeWarning into an error, so merely running is the check.
    fit = fit_nnet(size=4, seed=42)
    assert np.all(np.isfinite(fit.weights))
