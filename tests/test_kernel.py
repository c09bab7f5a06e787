"""The compiled kernel (tinynet.kernel) against the NumPy reference loop (backprop.step).

R flavour: the same sums in the same order, so bit for bit (tanh aside: NumPy computes its own
tanh, the kernel the C library's, as R does). Python flavour: NumPy's BLAS adds in another
order, and the kernel's exp may differ from the C library's in the last bit, so to 1e-12 where
training does not amplify roundoff. Populations: each member is trained by the code that
trains one network, so bit for bit its own run. The vectorised exp: tests/test_kernel_exp.py.
"""

import numpy as np
import pytest

from tinynet import kernel, preset, train, train_many
from tinynet.activations import get_activation
from tinynet.backprop import step
from tinynet.data import inputs
from tinynet.init import initial_weights
from tinynet.replay import step_at, weights_at
from tinynet.rmath import r_matmul


def _same(a, b, rtol=0.0):
    """Two runs agree: same divergence, and every array to rtol of its largest value (0: bit
    for bit; NaN equals NaN). Of its largest value: a weight that cancels down to 3e-6 from
    terms of order 1 carries their roundoff, ~1e-16, which is 3e-11 of its own size."""
    assert a.diverged_at == b.diverged_at
    pairs = [
        (a.error, b.error),
        (a.prediction, b.prediction),
        (a.hidden_layer, b.hidden_layer),
        (a.synapse_0, b.synapse_0),
        (a.synapse_1, b.synapse_1),
        (a.snapshots.iterations, b.snapshots.iterations),
        (a.snapshots.synapse_0, b.snapshots.synapse_0),
        (a.snapshots.synapse_1, b.snapshots.synapse_1),
    ]
    for ours, theirs in pairs:
        assert (ours is None) == (theirs is None)
        if ours is not None:
            scale = np.nanmax(np.abs(theirs), initial=0.0)
            np.testing.assert_allclose(ours, theirs, rtol=rtol, atol=rtol * scale)


def _both(settings):
    (kernel_run,) = train_many([settings], engine="numba")
    (numpy_run,) = train_many([settings], engine="numpy")
    assert (kernel_run.engine, numpy_run.engine) == ("numba", "numpy")
    return kernel_run, numpy_run


SETTINGS = [  # Examples 1-3, seeds, activations, targets, the constant column, hidden sizes
    preset(1).but(iterations=4000),
    preset(1).but(seed=5, target="0,1,1,0.5", bias=False, iterations=3000),
    preset(2).but(iterations=6000),
    preset(2).but(seed=7, activation="relu", iterations=4000),
    preset(2).but(seed=11, hidden=9, target="and", bias=False, iterations=3000),
    preset(3).but(alpha=1.0, iterations=5000),
    preset(3).but(seed=3, hidden=5, alpha=0.5, target="0.2,0.9,0.9,0.1", iterations=3000),
    preset(3).but(seed=2, hidden=64, alpha=0.1, activation="relu", iterations=2000),
    preset(3).but(hidden=1, alpha=2.0, iterations=2000),
]
NAMES = [
    "ex1",
    "ex1-custom-nobias",
    "ex2",
    "ex2-relu",
    "ex2-h9-and-nobias",
    "ex3-a1",
    "ex3-h5-custom",
    "ex3-h64-relu",
    "ex3-h1",
]


@pytest.mark.parametrize("settings", SETTINGS, ids=NAMES)
def test_r_flavour_is_the_reference_bit_for_bit(settings):
    _same(*_both(settings.but(init="r")))


@pytest.mark.parametrize("settings", SETTINGS, ids=NAMES)
def test_python_flavour_agrees_with_numpys_blas_to_1e_12(settings):
    _same(*_both(settings), rtol=1e-12)


@pytest.mark.parametrize("init", ["numpy", "r"])
def test_tanh_agrees_to_1e_12(init):
    settings = preset(2).but(init=init, seed=4, activation="tanh", hidden=6, iterations=5000)
    _same(*_both(settings), rtol=1e-12)


@pytest.mark.parametrize(
    "settings",
    [preset(3), preset(2).but(init="r", seed=6)],  # (R's draws for seed 1 do not blow up)
    ids=["python", "r"],
)
def test_a_diverging_run_stops_where_the_reference_stops(settings):
    # relu's hidden layer is unbounded: a huge alpha overflows a weight at update 1
    settings = settings.but(activation="relu", alpha=1e200, iterations=3000)
    kernel_run, numpy_run = _both(settings)
    assert kernel_run.diverged_at == 1
    assert np.isfinite(kernel_run.synapse_0).all() and np.isfinite(kernel_run.synapse_1).all()
    _same(kernel_run, numpy_run, rtol=0 if settings.init == "r" else 1e-12)


@pytest.mark.parametrize("init", ["numpy", "r"])
def test_a_population_member_is_its_own_run_bit_for_bit(init):
    settings = preset(2).but(init=init, activation="relu", iterations=3000)
    members = [settings.but(seed=s, alpha=a) for s in (6, 10) for a in (0.1, 1e200, 3.0)]
    runs = train_many(members, engine="numba")
    assert 1 in [r.diverged_at for r in runs]  # alpha 1e200 blows up some of them at once
    for member, run in zip(members, runs, strict=True):
        _same(run, train(member))


def test_a_population_of_mixed_alphas_agrees_with_the_reference_population():
    members = [preset(3).but(init="r", alpha=a, iterations=4000) for a in (0.01, 0.5, 10.0)]
    numpy_runs = train_many(members, engine="numpy")
    for ours, theirs in zip(train_many(members, engine="numba"), numpy_runs, strict=True):
        _same(ours, theirs)


def test_no_fused_multiply_add():
    """(1 + 2^-30)^2 - (1 + 2^-29) is 2^-60 exactly, but rounds to 0 when the product is
    rounded before the subtraction, as R does. relu lets the difference through."""
    a = 1 + 2.0**-30
    x = np.array([[a, 1.0, 0.0]] * 4)
    synapse_0 = np.array([[a, 0.0], [-(1 + 2.0**-29), 0.0], [0.0, 1.0]])
    synapse_1 = np.array([[1.0], [1.0]])
    y = np.zeros((4, 1))
    ours = kernel.step(x, y, synapse_0, synapse_1, (1.0, "relu", "r"))
    reference = step(x, y, synapse_0, synapse_1, 1.0, get_activation("relu"), r_matmul)
    assert (x @ synapse_0)[0, 0] in (0.0, 2.0**-60)  # whatever BLAS does
    assert ours.layer_1[0, 0] == reference.layer_1[0, 0] == 0.0
    for name in reference._fields:
        np.testing.assert_array_equal(getattr(ours, name), getattr(reference, name))


@pytest.mark.parametrize("example", [1, 2])
@pytest.mark.parametrize("bias", [True, False])  # 3 inputs (a pass of their own) or 2
def test_one_step_is_backprop_step_in_rs_order(example, bias):
    settings = preset(example).but(seed=3, bias=bias)
    synapse_0, synapse_1 = initial_weights(settings)
    x, y = inputs(bias), np.array(settings.target).reshape(4, 1)
    ours = kernel.step(x, y, synapse_0, synapse_1, (0.7, "sigmoid", "r"))
    with np.errstate(over="ignore"):
        reference = step(x, y, synapse_0, synapse_1, 0.7, get_activation("sigmoid"), r_matmul)
    for name in reference._fields:
        theirs = getattr(reference, name)
        if theirs is None:
            assert getattr(ours, name) is None
        else:
            assert getattr(ours, name).shape == theirs.shape
            np.testing.assert_array_equal(getattr(ours, name), theirs)


def test_from_the_same_weights_the_flavours_differ_in_exp_only():
    """Both flavours add in R's order; the Python flavour's exp differs from the C library's in
    the last bit now and then. So 500 iterations from the same weights are not the R flavour's
    bit for bit, but agree to 1e-12."""
    settings = preset(3).but(alpha=1.0)
    synapse_0, synapse_1 = initial_weights(settings)
    x, y = inputs(True), np.array(settings.target).reshape(4, 1)
    after = {}
    for init in ("numpy", "r"):
        after[init] = (synapse_0.copy(), synapse_1.copy())
        kernel.advance(x, y, after[init], (1.0, "sigmoid", init), 500)
    assert not np.array_equal(after["numpy"][0], after["r"][0])
    for ours, theirs in zip(after["numpy"], after["r"], strict=True):
        np.testing.assert_allclose(ours, theirs, rtol=1e-12, atol=1e-12 * np.abs(theirs).max())


@pytest.mark.parametrize("engine", ["numba", "numpy"])
def test_replay_uses_the_loop_that_trained_the_run(engine):
    settings = preset(3).but(iterations=3000)
    (run,) = train_many([settings], engine=engine)
    assert run.engine == engine
    for k in (0, 1, 777, 2999):
        (shorter,) = train_many([settings.but(iterations=max(k, 1))], engine=engine)
        expected = shorter.snapshots.synapse_0[-1 if k else 0]
        np.testing.assert_array_equal(weights_at(run, k)[0], expected)
        assert np.mean(np.abs(step_at(run, k).error)) == run.error[k]


def test_the_engine_is_chosen_by_the_environment(monkeypatch):
    monkeypatch.setenv("TINYNET_KERNEL", "numpy")
    assert train(preset(1).but(iterations=10)).engine == "numpy"
    monkeypatch.setenv("TINYNET_KERNEL", "numba")
    assert train(preset(1).but(iterations=10)).engine == "numba"
    monkeypatch.setenv("TINYNET_KERNEL", "fortran")
    with pytest.raises(ValueError, match="'fortran'"):
        train(preset(1).but(iterations=10))


def test_one_compiled_signature_serves_every_example_activation_flavour_and_replay():
    assert kernel.warm_up() > 0
    assert len(kernel.train_chunk.signatures) == 1
    for settings in (preset(1), preset(2).but(bias=False, activation="tanh"), preset(3)):
        for init in ("numpy", "r"):
            (run,) = train_many([settings.but(init=init, iterations=50)], engine="numba")
            step_at(run, 49)
    assert len(kernel.train_chunk.signatures) == 1  # nothing else was compiled
