"""A band of seeds as tables: the final predictions agree across the seeds while the weights
differ (the seed's remark). Over the runs that learned: stuck ones would only widen it."""

from __future__ import annotations

import numpy as np
import pandas as pd

from tinynet.train import Run

from ..model.ensembles import Ensemble
from .runs import training_rows


def agreement_table(run: Run, ensemble: Ensemble) -> pd.DataFrame:
    """One row per input: the chosen seed's final prediction beside the median, min and max
    over the ensemble's runs that learned."""
    table = training_rows(run.settings)
    kept = ensemble.prediction[ensemble.learned()]
    table["this seed"] = run.prediction
    table["median"] = np.median(kept, axis=0)
    table["min"] = kept.min(axis=0)
    table["max"] = kept.max(axis=0)
    table["max − min"] = table["max"] - table["min"]
    return table


def weight_spread_table(run: Run, ensemble: Ensemble) -> pd.DataFrame:
    """One row per hidden unit: synapse_1's weight in the chosen seed and its median, min and
    max over the runs that learned. The same unit number means nothing across runs (which
    unit ends up doing what depends on the starting weights), so the spread is wide."""
    kept = ensemble.synapse_1[ensemble.learned()]
    return pd.DataFrame(
        {
            "unit": [f"unit {h + 1}" for h in range(kept.shape[1])],
            "this seed": run.synapse_1.reshape(-1),
            "median": np.median(kept, axis=0),
            "min": kept.min(axis=0),
            "max": kept.max(axis=0),
            "max − min": kept.max(axis=0) - kept.min(axis=0),
        }
    )
