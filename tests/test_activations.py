"""Each activation's slope, taken from its output as the seed does, against central differences."""

import math

import numpy as np
import pytest

from tinynet.activations import ACTIVATIONS, get_activation, sigmoid

POINTS = np.array([-6.0, -2.5, -0.7, -0.1, 0.3, 1.1, 2.0, 5.5])  # away from relu's kink at 0


@pytest.mark.parametrize("name", sorted(ACTIVATIONS))
def test_slope_from_output_matches_central_difference(name):
    activation = get_activation(name)
    h = 1e-6
    numeric = (activation.function(POINTS + h) - activation.function(POINTS - h)) / (2 * h)
    analytic = activation.slope_from_output(activation.function(POINTS))
    np.testing.assert_allclose(analytic, numeric, rtol=1e-7, atol=1e-10)


def test_sigmoid_is_the_seeds_formula_and_saturates_without_warning():
    x = np.array([-1000.0, -30.0, 0.0, 30.0, 1000.0])
    with np.errstate(over="ignore"):
        values = sigmoid(x)
    assert values[1] == 1 / (1 + math.exp(30.0))  # the seed's formula, bit for bit
    assert values[3] == 1 / (1 + math.exp(-30.0))
    assert values[0] == 0.0 and values[2] == 0.5 and values[-1] == 1.0


def test_unknown_activation_names_the_value():
    with pytest.raises(ValueError, match="'softplus'"):
        get_activation("softplus")
