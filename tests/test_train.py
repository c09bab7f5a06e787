"""Training runs: population == single runs, snapshots, divergence, and bad input."""

import warnings

import numpy as np
import pytest

from tinynet import (
    RunSettings,
    ensemble,
    initial_weights,
    preset,
    snapshot_iterations,
    sweep,
    train,
    train_many,
)
from tinynet.rmath import r_matmul


def _assert_same_run(a, b, rtol=1e-9):
    np.testing.assert_allclose(a.error, b.error, rtol=rtol)
    np.testing.assert_allclose(a.prediction, b.prediction, rtol=rtol)
    np.testing.assert_allclose(a.synapse_0, b.synapse_0, rtol=rtol)
    if a.synapse_1 is not None:
        np.testing.assert_allclose(a.synapse_1, b.synapse_1, rtol=rtol)
        np.testing.assert_allclose(a.hidden_layer, b.hidden_layer, rtol=rtol)
    assert a.diverged_at == b.diverged_at


@pytest.mark.parametrize("init", ["numpy", "r"])
def test_a_sweep_equals_one_run_per_alpha(init):
    settings = preset(3).but(init=init, iterations=3000, hidden=8)
    alphas = [0.01, 0.1, 1.0, 3.0]
    for member, alpha in zip(sweep(settings, alphas), alphas, strict=True):
        _assert_same_run(member, train(settings.but(alpha=alpha)))


def test_an_ensemble_equals_one_run_per_seed():
    settings = preset(2).but(iterations=2000, activation="tanh")
    seeds = [1, 2, 3, 17]
    for member, seed in zip(ensemble(settings, seeds), seeds, strict=True):
        _assert_same_run(member, train(settings.but(seed=seed)))


def test_seeds_and_alphas_together():
    settings = preset(2).but(iterations=1500)
    members = [settings.but(seed=s, alpha=a) for s in (1, 5) for a in (0.5, 2.0)]
    for member, run in zip(train_many(members), members, strict=True):
        _assert_same_run(member, train(run))


def test_example_1_population():
    settings = preset(1).but(iterations=500)
    for member, alpha in zip(sweep(settings, [0.5, 1, 4]), [0.5, 1, 4], strict=True):
        _assert_same_run(member, train(settings.but(alpha=alpha)))


@pytest.mark.parametrize("engine", ["numba", "numpy"])
def test_errors_are_measured_before_each_update(engine):
    (run,) = train_many([preset(2).but(iterations=3)], engine=engine)
    synapse_0, synapse_1 = initial_weights(preset(2))
    x = np.array([[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]], dtype=float)
    output = 1 / (1 + np.exp(-(1 / (1 + np.exp(-(x @ synapse_0))) @ synapse_1)))
    before = np.mean(np.abs(np.array([[0], [1], [1], [0]]) - output))
    if engine == "numpy":  # NumPy's own products, as here
        assert run.error[0] == before
    assert run.error[0] == pytest.approx(before, rel=1e-15)  # the kernel adds in R's order
    assert abs(run.error[1] - before) > 1e-6  # after one update, it has moved
    assert run.error.shape == (3,)


def test_snapshots_hold_the_weights_after_k_updates():
    settings = preset(2).but(iterations=5000)
    run = train(settings)
    snaps = run.snapshots
    assert snaps.iterations[0] == 0 and snaps.iterations[-1] == 5000
    assert len(snaps.iterations) <= 200 and np.all(np.diff(snaps.iterations) > 0)
    start_0, start_1 = initial_weights(settings)
    np.testing.assert_array_equal(snaps.synapse_0[0], start_0)
    np.testing.assert_array_equal(snaps.synapse_1[0], start_1)
    np.testing.assert_array_equal(snaps.synapse_0[-1], run.synapse_0)
    k_index = len(snaps.iterations) // 2
    k = int(snaps.iterations[k_index])
    np.testing.assert_array_equal(
        snaps.synapse_0[k_index], train(settings.but(iterations=k)).synapse_0
    )


def test_snapshot_iterations_are_log_spaced_and_bounded():
    its = snapshot_iterations(100_000)
    assert its[0] == 0 and its[-1] == 100_000 and len(its) <= 200
    assert {1, 2, 3}.issubset(set(its.tolist()))  # dense near the start, where learning is fast
    assert snapshot_iterations(1).tolist() == [0, 1]


def test_divergence_is_caught_at_its_iteration_and_the_run_stops():
    # relu's hidden layer is unbounded: with a huge alpha, update 1 overflows synapse_1.
    # (alpha 1000 does not diverge: the sigmoid output saturates to exactly 0 or 1 and every
    # delta becomes exactly 0, a dead network rather than an infinite one.)
    settings = preset(3).but(activation="relu", alpha=1e200, iterations=5000)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        run = train(settings)
    assert run.diverged_at == 1
    assert len(run.error) == 2
    assert np.isfinite(run.synapse_0).all() and np.isfinite(run.synapse_1).all()
    assert run.snapshots.iterations.tolist() == [0, 1]
    # the weights kept are those before the diverging update: one update from the start
    one_step = train(settings.but(iterations=1))
    np.testing.assert_array_equal(run.synapse_0, one_step.synapse_0)


def test_a_diverging_member_does_not_disturb_the_others():
    settings = preset(3).but(activation="relu", iterations=3000)
    runs = sweep(settings, [1.0, 1e200, 10.0])
    assert [r.diverged_at for r in runs] == [None, 1, None]
    _assert_same_run(runs[0], train(settings.but(alpha=1.0)))
    _assert_same_run(runs[1], train(settings.but(alpha=1e200)))
    _assert_same_run(runs[2], train(settings.but(alpha=10.0)))


def test_training_never_touches_numpys_global_random_state():
    np.random.seed(123)  # noqa: NPY002 - the legacy global state is what must stay untouched
    before = np.random.get_state()[1].copy()  # noqa: NPY002
    train(preset(2).but(iterations=10))
    assert np.array_equal(np.random.get_state()[1], before)  # noqa: NPY002


def test_r_matmul_sums_left_to_right():
    a = np.array([[1e16, 1.0, -1e16]])
    b = np.array([[1.0], [1.0], [1.0]])
    # left to right: (1e16 + 1) rounds to 1e16, then - 1e16 gives 0
    assert r_matmul(a, b)[0, 0] == 0.0
    np.testing.assert_allclose(r_matmul(np.eye(3)[:2], b), [[1.0], [1.0]])


@pytest.mark.parametrize(
    ("changes", "named"),
    [
        ({"hidden": 0}, "0"),
        ({"hidden": -5}, "-5"),
        ({"hidden": 2.5}, "2.5"),
        ({"iterations": 0}, "0"),
        ({"iterations": 10**9}, "1000000000"),
        ({"alpha": 0}, "0"),
        ({"alpha": -1.0}, "-1.0"),
        ({"alpha": float("nan")}, "nan"),
        ({"alpha": float("inf")}, "inf"),
        ({"alpha": "fast"}, "'fast'"),
        ({"target": "maybe"}, "'maybe'"),
        ({"target": (0, 1, 1)}, "3"),
        ({"target": (0, 1, 1, 2)}, "2"),
        ({"target": (0, 1, 1, float("nan"))}, "nan"),
        ({"target": "0,1,abc,0"}, "'abc'"),
        ({"activation": "softplus"}, "'softplus'"),
        ({"init": "matlab"}, "'matlab'"),
        ({"example": 4}, "4"),
        ({"seed": -1}, "-1"),
        ({"seed": 2**32}, "4294967296"),
        ({"seed": "one"}, "'one'"),
    ],
)
def test_bad_settings_raise_value_error_naming_the_value(changes, named):
    with pytest.raises(ValueError, match=named.replace(".", r"\.").replace("(", r"\(")):
        preset(2).but(**changes)


def test_example_1_takes_no_hidden_size():
    with pytest.raises(ValueError, match="no hidden layer"):
        RunSettings(example=1, hidden=4)


def test_populations_must_share_their_shape():
    with pytest.raises(ValueError, match="hidden"):
        train_many([preset(2), preset(2).but(hidden=5)])
    with pytest.raises(ValueError, match="at least one"):
        train_many([])


def test_custom_targets_and_no_bias_column():
    run = train(
        RunSettings(example=1, hidden=None, iterations=2000, target="0,1,1,0.5", bias=False)
    )
    assert run.synapse_0.shape == (2, 1)
    # without the constant column, a single layer's output at input (0, 0) is stuck at 0.5
    assert run.prediction[0] == 0.5
