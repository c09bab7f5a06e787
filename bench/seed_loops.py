# ruff: noqa: NPY002 - the seed draws from the legacy global generator; so does its baseline
"""The seed's Python loops as they stand (Examples 2 and 3): the benchmark's baseline.

Only the printing is left out, and each loop is wrapped in a function so it can be timed.
"""

import numpy as np


def nonlin(x, deriv=False):
    if deriv:
        return x * (1 - x)
    return 1 / (1 + np.exp(-x))


def sigmoid(x):
    output = 1 / (1 + np.exp(-x))
    return output


def sigmoid_output_to_derivative(output):
    return output * (1 - output)


X = np.array([[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]])
y = np.array([[0], [1], [1], [0]])


def example_2(seed=1, iterations=30000):
    np.random.seed(seed)
    synapse_0 = 2 * np.random.random((3, 4)) - 1
    synapse_1 = 2 * np.random.random((4, 1)) - 1
    for j in np.arange(iterations):
        layer_1 = nonlin(np.dot(X, synapse_0))
        layer_2 = nonlin(np.dot(layer_1, synapse_1))
        layer_2_error = y - layer_2
        if (j % 10000) == 0:
            error = np.mean(np.abs(layer_2_error))  # the seed prints this
        layer_2_delta = layer_2_error * nonlin(layer_2, deriv=True)
        layer_1_error = layer_2_delta.dot(synapse_1.T)
        layer_1_delta = layer_1_error * nonlin(layer_1, deriv=True)
        synapse_1 += layer_1.T.dot(layer_2_delta)
        synapse_0 += X.T.dot(layer_1_delta)
    return error, layer_2


def example_3(
    alphas=(0.001, 0.01, 0.1, 1, 10, 100, 1000), hidden_size=32, iterations=30000, seed=1
):
    results = []
    for alpha in alphas:
        np.random.seed(seed)
        synapse_0 = 2 * np.random.random((3, hidden_size)) - 1
        synapse_1 = 2 * np.random.random((hidden_size, 1)) - 1
        for j in np.arange(iterations):
            layer_1 = sigmoid(np.dot(X, synapse_0))
            layer_2 = sigmoid(np.dot(layer_1, synapse_1))
            layer_2_error = layer_2 - y
            if (j % 10000) == 0:
                error = np.mean(np.abs(layer_2_error))  # the seed prints this
            layer_2_delta = layer_2_error * sigmoid_output_to_derivative(layer_2)
            layer_1_error = layer_2_delta.dot(synapse_1.T)
            layer_1_delta = layer_1_error * sigmoid_output_to_derivative(layer_1)
            synapse_1 -= alpha * (layer_1.T.dot(layer_2_delta))
            synapse_0 -= alpha * (X.T.dot(layer_1_delta))
        results.append((error, layer_2))
    return results
