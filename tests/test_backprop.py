"""One iteration of backprop: worked out by hand, and checked against the loss's gradient."""

import numpy as np
import pytest

from tinynet import INPUTS, get_activation, initial_weights, preset, step

XOR = np.array([[0.0], [1.0], [1.0], [0.0]])


def _sigmoid(v: float) -> float:
    return 1 / (1 + np.exp(-v))


def test_first_iteration_of_example_2_by_hand():
    """Example 2's first update, one number at a time with plain Python loops."""
    synapse_0, synapse_1 = initial_weights(preset(2))
    x, y, hidden = INPUTS.tolist(), XOR.ravel().tolist(), 4
    s0, s1 = synapse_0.tolist(), synapse_1.ravel().tolist()
    layer_1 = [
        [_sigmoid(sum(x[n][i] * s0[i][h] for i in range(3))) for h in range(hidden)]
        for n in range(4)
    ]
    layer_2 = [_sigmoid(sum(layer_1[n][h] * s1[h] for h in range(hidden))) for n in range(4)]
    delta_2 = [(layer_2[n] - y[n]) * layer_2[n] * (1 - layer_2[n]) for n in range(4)]
    delta_1 = [
        [delta_2[n] * s1[h] * layer_1[n][h] * (1 - layer_1[n][h]) for h in range(hidden)]
        for n in range(4)
    ]
    update_1 = [sum(layer_1[n][h] * delta_2[n] for n in range(4)) for h in range(hidden)]
    update_0 = [
        [sum(x[n][i] * delta_1[n][h] for n in range(4)) for h in range(hidden)] for i in range(3)
    ]

    s = step(INPUTS, XOR, synapse_0, synapse_1, 1.0, get_activation("sigmoid"), np.dot)
    np.testing.assert_allclose(s.layer_1, layer_1, rtol=1e-14)
    np.testing.assert_allclose(s.layer_2.ravel(), layer_2, rtol=1e-14)
    np.testing.assert_allclose(s.layer_2_delta.ravel(), delta_2, rtol=1e-13)
    np.testing.assert_allclose(s.layer_1_delta, delta_1, rtol=1e-12, atol=1e-18)
    np.testing.assert_allclose(s.update_1.ravel(), update_1, rtol=1e-12)
    np.testing.assert_allclose(s.update_0, update_0, rtol=1e-12, atol=1e-18)
    # the seed's first printed error, from these same numbers
    assert np.mean(np.abs(np.array(layer_2) - y)) == pytest.approx(0.4964100319027255, rel=1e-15)


def _loss(synapse_0, synapse_1, activation):
    layer_1 = activation.function(INPUTS @ synapse_0)
    output = 1 / (1 + np.exp(-(layer_1 @ synapse_1)))
    return 0.5 * np.sum((output - XOR) ** 2)


@pytest.mark.parametrize("name", ["sigmoid", "tanh", "relu"])
def test_updates_are_alpha_times_the_gradient_of_half_the_squared_error(name):
    activation = get_activation(name)
    synapse_0, synapse_1 = initial_weights(preset(2).but(seed=3))
    alpha = 0.5
    s = step(INPUTS, XOR, synapse_0, synapse_1, alpha, activation)
    h = 1e-6
    for weights, update in ((synapse_0, s.update_0), (synapse_1, s.update_1)):
        numeric = np.zeros_like(weights)
        for index in np.ndindex(weights.shape):
            original = weights[index]
            weights[index] = original + h
            up = _loss(synapse_0, synapse_1, activation)
            weights[index] = original - h
            down = _loss(synapse_0, synapse_1, activation)
            weights[index] = original
            numeric[index] = (up - down) / (2 * h)
        np.testing.assert_allclose(update, alpha * numeric, rtol=1e-6, atol=1e-10)


def test_single_layer_step_is_examples_1_update():
    synapse_0, _ = initial_weights(preset(1))
    y = np.array([[0.0], [0.0], [1.0], [1.0]])
    s = step(INPUTS, y, synapse_0, None, 1.0, get_activation("sigmoid"))
    output = 1 / (1 + np.exp(-(INPUTS @ synapse_0)))
    expected = INPUTS.T @ ((output - y) * output * (1 - output))
    np.testing.assert_allclose(s.update_0, expected, rtol=1e-14)
    assert s.layer_1 is None and s.update_1 is None
