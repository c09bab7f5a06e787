"""An example page's settings: its controls in the sidebar (the tutorial's defaults, then the
teaching tools and the error axis), the custom target's table when it is chosen, and the
link written back."""

from __future__ import annotations

from tinynet import RunSettings
from tinynet.train import Run

from ..url import controls
from ..url.targets import CUSTOM
from . import cache
from .target_input import bias_notice, chosen_target
from .widgets import PageLink


def example_settings(example: int) -> tuple[RunSettings, dict]:
    """An example page's controls read into the engine's settings; also returns the raw
    values (alphas, ensemble, axis: not RunSettings fields)."""
    link = PageLink()
    specs = controls.example_controls(example) + controls.teaching_controls(example)
    values = link.show([*specs, controls.axis_control()])
    target = chosen_target(values["target"], example, values["bias"])
    if values["target"] == CUSTOM:
        link.set("target", target)  # the typed numbers, not "custom"
    values["target"] = target
    settings = controls.settings_from(example, values)
    link.finish(step=settings)
    bias_notice(settings)
    return settings, values


def example_run(example: int) -> tuple[RunSettings, dict, Run]:
    """example_settings, then the run they ask for (stopped first if it would take too long)."""
    settings, values = example_settings(example)
    cache.guard(settings)
    return settings, values, cache.train(settings)
