"""What a page shares: a run's settings as the Step by step page's link. No Streamlit.

The example pages link to Step by step with the run they show, in that page's own codes
(`example=3&alpha=10&hidden=32`); only what differs from its defaults for that example is
written, as the page itself would write its link.
"""

from __future__ import annotations

from tinynet import RunSettings
from tinynet.data import TARGETS, target_label

from .controls import example_control, step_controls


def step_codes(settings: RunSettings) -> dict[str, str]:
    """The Step by step page's link parameters for the run of `settings` (at k = 0)."""
    codes = {}
    for control in [example_control(), *step_controls(settings.example)]:
        value = getattr(settings, control.key)
        if control.key == "target":  # a name if the four numbers have one, else the numbers
            label = target_label(value)
            value = label if label in TARGETS else tuple(value)
        for text in control.link.write(value):
            codes[control.key] = text
    return codes
