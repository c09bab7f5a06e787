"""tinynet: the seed's three backpropagation examples, number by number, in NumPy.

from tinynet import preset, train
run = train(preset(2))          # Example 2 with the seed's settings
run.error[[0, 10000, 20000]]    # the seed's three "Error:" lines
"""

from .activations import ACTIVATIONS, get_activation, sigmoid
from .backprop import Step, forward, row_contributions, step
from .data import INPUTS, TARGETS, inputs, parse_target, target_label
from .init import initial_weights
from .replay import step_at, weights_at
from .settings import (
    EXAMPLES,
    INITS,
    MAX_HIDDEN,
    MAX_ITERATIONS,
    SEED_ALPHAS,
    RunSettings,
    preset,
)
from .summary import Band, Verdict, error_band, outcome, verdict
from .surface import Surface, decision_surface
from .train import Run, Snapshots, ensemble, snapshot_iterations, sweep, train, train_many

__all__ = [
    "ACTIVATIONS",
    "EXAMPLES",
    "INITS",
    "INPUTS",
    "MAX_HIDDEN",
    "MAX_ITERATIONS",
    "SEED_ALPHAS",
    "TARGETS",
    "Band",
    "Run",
    "RunSettings",
    "Snapshots",
    "Step",
    "Surface",
    "Verdict",
    "decision_surface",
    "error_band",
    "forward",
    "outcome",
    "row_contributions",
    "step_at",
    "weights_at",
    "ensemble",
    "get_activation",
    "initial_weights",
    "inputs",
    "parse_target",
    "preset",
    "sigmoid",
    "snapshot_iterations",
    "step",
    "sweep",
    "target_label",
    "train",
    "train_many",
    "verdict",
]
