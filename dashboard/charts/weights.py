"""Example 1's weights across training, one line per weight. No Streamlit."""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from tinynet.train import Run

from .axes import HEIGHT, iteration_axis


def weights_chart(run: Run) -> alt.Chart:
    """Each weight of synapse_0 across training (from the run's snapshots)."""
    snaps = run.snapshots
    weights = snaps.synapse_0.reshape(len(snaps.iterations), -1)
    frames = [
        pd.DataFrame({"iteration": snaps.iterations, "weight": weights[:, i], "name": f"w{i + 1}"})
        for i in range(weights.shape[1])
    ]
    data = pd.concat(frames, ignore_index=True)
    data = data[np.isfinite(data["weight"].to_numpy())]
    return (
        alt.Chart(data)
        .mark_line(point=alt.OverlayMarkDef(size=12))
        .encode(
            x=iteration_axis(int(snaps.iterations[-1])),
            y=alt.Y("weight:Q", title="weight value"),
            color=alt.Color(
                "name:N", title="weight (input column)", scale=alt.Scale(scheme="tableau10")
            ),
            tooltip=[
                alt.Tooltip("name:N", title="weight"),
                alt.Tooltip("iteration:Q", title="after updates", format="d"),
                alt.Tooltip("weight:Q", format=".6g"),
            ],
        )
        .properties(height=HEIGHT)
    )
