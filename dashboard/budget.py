"""The pages' time guard: the engine's bound (tinynet.budget), on all that a page trains.

A page trains one network or a sweep, and maybe a band of seeds beside it: a band is refused
when the two together would go over the bound, so the page never waits longer than that.
"""

from __future__ import annotations

from tinynet import RunSettings
from tinynet.budget import MAX_SECONDS, estimate_seconds, work_message

__all__ = ["MAX_SECONDS", "SHOW_PROGRESS_SECONDS", "estimate_seconds", "too_slow"]

SHOW_PROGRESS_SECONDS = 0.4  # estimates above this get a progress bar


def too_slow(settings: RunSettings, members: int = 1, alongside: int = 0) -> str | None:
    """Why training `members` networks like `settings` is refused (a sentence saying what
    would fit), or None if it is fine. alongside: the networks the page trains besides them
    with the same settings (a band's run or sweep), counted in the total."""
    return work_message(settings, [alongside, members] if alongside else [members])
