"""Activation functions, each beside its derivative.

As in the seed, the derivative is written in terms of the layer's *output*
(sigmoid: out * (1 - out)), because backprop has the output at hand.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

# The number 1 as a 0-d array: NumPy combines it with a small array twice as fast as the
# Python number 1 (about 0.3 against 0.6 microseconds), with bit-for-bit the same result.
# The training loop does six such operations per iteration, so this is worth its oddity.
ONE = np.array(1.0)


def sigmoid(x: np.ndarray) -> np.ndarray:
    """The seed's 1 / (1 + exp(-x)).

    For x < -709, exp overflows to inf and 1/inf is the right 0: tinynet's entry points
    run under np.errstate(over="ignore") so that this never warns (a context per call
    would cost as much as the sigmoid itself in the training loop).
    """
    return ONE / (ONE + np.exp(-x))


def sigmoid_slope(out: np.ndarray) -> np.ndarray:
    return out * (ONE - out)


def tanh_slope(out: np.ndarray) -> np.ndarray:
    return ONE - out * out


def relu(x: np.ndarray) -> np.ndarray:
    return np.maximum(x, 0.0)


def relu_slope(out: np.ndarray) -> np.ndarray:
    return (out > 0).astype(out.dtype)


@dataclass(frozen=True)
class Activation:
    """An activation and its slope as a function of its output."""

    name: str
    function: Callable[[np.ndarray], np.ndarray]
    slope_from_output: Callable[[np.ndarray], np.ndarray]


ACTIVATIONS: dict[str, Activation] = {
    "sigmoid": Activation("sigmoid", sigmoid, sigmoid_slope),
    "tanh": Activation("tanh", np.tanh, tanh_slope),
    "relu": Activation("relu", relu, relu_slope),
}


def get_activation(name: str) -> Activation:
    """The activation called `name`; ValueError naming it if there is none."""
    try:
        return ACTIVATIONS[name]
    except (KeyError, TypeError):
        raise ValueError(
            f"unknown activation {name!r}: use one of {', '.join(ACTIVATIONS)}"
        ) from None
