"""Replaying an iteration, per-row updates, the decision surface, and run summaries."""

import numpy as np
import pytest

from tinynet import INPUTS, ensemble, initial_weights, preset, train
from tinynet.backprop import row_contributions
from tinynet.replay import step_at, weights_at
from tinynet.summary import error_band
from tinynet.surface import decision_surface


@pytest.fixture(scope="module")
def example_2():
    return train(preset(2))


def test_iteration_0_of_example_2_by_hand(example_2):
    """The step page's k = 0: the first iteration, worked by hand from the starting weights."""
    s = step_at(example_2, 0)
    synapse_0, synapse_1 = initial_weights(preset(2))
    layer_1 = 1 / (1 + np.exp(-(INPUTS @ synapse_0)))
    layer_2 = 1 / (1 + np.exp(-(layer_1 @ synapse_1)))
    y = np.array([[0.0], [1.0], [1.0], [0.0]])
    delta_2 = (layer_2 - y) * layer_2 * (1 - layer_2)
    delta_1 = (delta_2 * synapse_1.T) * layer_1 * (1 - layer_1)
    np.testing.assert_allclose(s.layer_1, layer_1, rtol=1e-14)
    np.testing.assert_allclose(s.layer_2, layer_2, rtol=1e-14)
    np.testing.assert_allclose(s.update_1, layer_1.T @ delta_2, rtol=1e-12)
    np.testing.assert_allclose(s.update_0, INPUTS.T @ delta_1, rtol=1e-12, atol=1e-18)
    assert np.mean(np.abs(s.error)) == example_2.error[0]
    assert example_2.error[0] == pytest.approx(0.4964100319027255, rel=1e-15)  # the seed's


@pytest.mark.parametrize("k", [0, 1, 7, 1234, 29_999])
def test_replayed_weights_are_exactly_the_trained_ones(example_2, k):
    synapse_0, synapse_1 = weights_at(example_2, k)
    shorter = train(preset(2).but(iterations=k)) if k else None
    if shorter is not None:
        np.testing.assert_array_equal(synapse_0, shorter.synapse_0)
        np.testing.assert_array_equal(synapse_1, shorter.synapse_1)
    assert np.mean(np.abs(step_at(example_2, k).error)) == example_2.error[k]


def test_replay_in_the_r_flavour_is_exact_too():
    run = train(preset(3).but(init="r", iterations=3000))
    assert np.mean(np.abs(step_at(run, 2500).error)) == run.error[2500]


def test_replay_rejects_iterations_outside_the_run(example_2):
    with pytest.raises(ValueError, match="30000"):
        step_at(example_2, 30_000)
    with pytest.raises(ValueError, match="-1"):
        weights_at(example_2, -1)


def test_row_outer_products_sum_to_the_update(example_2):
    s = step_at(example_2, 5)
    rows = row_contributions(INPUTS, s.layer_1_delta)
    assert rows.shape == (4, 3, 4)
    np.testing.assert_allclose(rows.sum(axis=0), s.update_0, rtol=1e-12, atol=1e-18)
    # row 0 is (0, 0, 1): it can only push the third input's weights
    assert np.all(rows[0, :2] == 0) and np.all(rows[0, 2] == s.layer_1_delta[0])


@pytest.mark.parametrize("activation", ["sigmoid", "tanh", "relu"])
def test_decision_surface_at_the_corners_is_the_prediction(activation):
    run = train(preset(2).but(activation=activation, iterations=3000))
    synapse_0, synapse_1 = weights_at(run, 2999)  # the weights of the last forward pass
    surface = decision_surface(run.settings, synapse_0, synapse_1, resolution=11)
    corners = [
        surface.output[0, 0],
        surface.output[-1, 0],
        surface.output[0, -1],
        surface.output[-1, -1],
    ]
    # rows of X: (0,0), (0,1), (1,0), (1,1); output[i, j] is at x1 = x1[j], x2 = x2[i]
    np.testing.assert_allclose(corners, run.prediction, rtol=1e-12)


def test_decision_surface_without_the_constant_column():
    run = train(preset(1).but(bias=False, iterations=500))
    surface = decision_surface(run.settings, run.synapse_0, None, resolution=5)
    assert surface.output[0, 0] == 0.5  # the seed's point: (0, 0) is stuck at 0.5


def test_error_band_brackets_the_members():
    runs = ensemble(preset(2).but(iterations=2000), range(20))
    at = np.array([0, 10, 100, 1999])
    band = error_band(runs, at)
    errors = np.array([r.error[at] for r in runs])
    np.testing.assert_allclose(band.median, np.median(errors, axis=0))
    assert np.all(band.low <= band.median) and np.all(band.median <= band.high)
    assert np.all(band.low >= errors.min(axis=0)) and np.all(band.high <= errors.max(axis=0))
