"""JSON-ready runs: non-finite numbers become null, keys keep their meanings."""

import json

import numpy as np

from tinynet import preset, train
from tinynet.export import finite_or_none, run_dict, weights_dict


def test_non_finite_numbers_become_none_at_any_depth():
    assert finite_or_none([1.0, np.nan, [np.inf, -np.inf, 2.5]]) == [1.0, None, [None, None, 2.5]]
    assert finite_or_none(np.array([[1.0, np.nan]])) == [[1.0, None]]
    assert finite_or_none(3) == 3 and finite_or_none("xor") == "xor"


def test_weights_dict_is_the_settings_and_final_weights():
    run = train(preset(2).but(iterations=50))
    record = weights_dict(run)
    assert list(record) == [
        "example", "init", "seed", "hidden", "alpha", "iterations", "activation", "target",
        "bias", "synapse_0", "synapse_1", "diverged_at",
    ]  # fmt: skip
    assert record["synapse_0"] == run.synapse_0.tolist()
    assert json.loads(json.dumps(run_dict(run), allow_nan=False))["error"] == run.error.tolist()
