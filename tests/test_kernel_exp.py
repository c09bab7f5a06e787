"""The Python flavour's exp (tinynet.kernel._exp, written out so that loops of it vectorise)
against the C library's, which numba's math.exp calls (and Python's math.exp, which raises
instead of overflowing): within 1 ulp everywhere, and the same at the edges."""

import math

import numba
import numpy as np
import pytest

from tinynet import kernel
from tinynet.data import inputs


def _elementwise(exp):
    """A compiled function applying `exp` to each element of an array."""

    @numba.njit
    def apply(x):
        out = np.empty_like(x)
        for i in range(x.size):
            out[i] = exp(x[i])
        return out

    return apply


_ours, _c_library = _elementwise(kernel._exp), _elementwise(math.exp)


def _ulps(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """How many doubles apart a and b are (both >= 0: their bits are in the same order)."""
    return np.abs(a.view(np.int64) - b.view(np.int64))


def _arguments() -> np.ndarray:
    rng = np.random.default_rng(2024)
    ln2_n = math.log(2) / 128  # where the reduction's k rounds one way or the other
    halfway = (np.arange(-137_000, 131_000, 37) + 0.5) * ln2_n
    return np.concatenate(
        [
            rng.uniform(-750, 712, 1_000_000),
            rng.normal(0, 5, 1_000_000),
            rng.uniform(-745.2, -708.3, 200_000),  # results below the smallest normal
            rng.uniform(708, 709.79, 100_000),  # up to the largest double
            rng.uniform(-1e-9, 1e-9, 10_000),
            halfway,
            np.nextafter(halfway, np.inf),
            np.arange(-745.0, 710.0),
        ]
    )


def test_within_one_ulp_of_the_c_librarys_exp():
    x = _arguments()
    ours, theirs = _ours(x), _c_library(x)
    overflow = np.isinf(theirs)
    assert 0 < overflow.sum() < 10_000 and (ours[overflow] == np.inf).all()
    ulps = _ulps(ours[~overflow], theirs[~overflow])
    assert ulps.max() == 1
    assert (ulps > 0).mean() < 0.01  # one argument in a few hundred is a bit away


@pytest.mark.parametrize(
    ("x", "expected"),
    [
        (-math.inf, 0.0),
        (-1e308, 0.0),
        (-746.0, 0.0),
        (-745.2, 0.0),
        (-745.1, 5e-324),  # the smallest double
        (0.0, 1.0),
        (-0.0, 1.0),
        (5e-324, 1.0),
        (1.0, math.e),
        (709.78, math.exp(709.78)),
        (709.79, math.inf),
        (1e308, math.inf),
        (math.inf, math.inf),
    ],
)
def test_the_edges_are_the_c_librarys(x, expected):
    assert _ours(np.array([x]))[0] == _c_library(np.array([x]))[0] == expected


def test_nan_stays_nan():
    assert np.isnan(_ours(np.array([math.nan, -math.nan]))).all()


@pytest.mark.parametrize("init", ["numpy", "r"])
def test_the_sigmoid_reaches_exactly_0_and_1(init):
    """Hidden pre-activations of +-800: exp(-800) = 0 gives 1 / (1 + 0) = 1, exp(800) = inf
    gives 1 / inf = 0, in both flavours, without a warning (pytest makes warnings errors)."""
    x = inputs(True)  # the rows (x0, x1, 1): (0, 0), (0, 1), (1, 0), (1, 1)
    synapse_0 = np.array([[0, 0, 1600, -1600], [1600, -1600, 0, 0], [-800, 800, -800, 800]])
    y = np.array([[0.0], [1.0], [1.0], [0.0]])
    s = kernel.step(x, y, synapse_0, np.ones((4, 1)), (1.0, "sigmoid", init))
    x0, x1 = x[:, 0], x[:, 1]
    np.testing.assert_array_equal(s.layer_1, np.stack([x1, 1 - x1, x0, 1 - x0], axis=1))
