"""The workshop's exercises, in teaching order: Examples 1, 2 and 3, Backprop vs nnet, then
Step by step. No Streamlit: the Workshop page, the handout and other pages' "Try this" blocks
all read them from here.

    from dashboard.workshop.exercises import EXERCISES, exercises_for
    for ex in exercises_for("example_2"):   # the "Try this" block of Example 2's page
        ex.question, url(ex.page, ex.params), ex.check(answer).why
"""

from __future__ import annotations

from collections.abc import Collection

from . import compare_nnet, example_1, example_2, example_3, step_by_step
from .model import Exercise
from .params import PAGES

EXERCISES: tuple[Exercise, ...] = (
    example_1.EXERCISES
    + example_2.EXERCISES
    + example_3.EXERCISES
    + compare_nnet.EXERCISES
    + step_by_step.EXERCISES
)


def exercises_for(page: str) -> list[Exercise]:
    """The exercises about `page` (example_1, ..., step_by_step), in teaching order."""
    if page not in PAGES:
        raise ValueError(f"unknown page {page!r}: use one of {', '.join(PAGES)}")
    return [ex for ex in EXERCISES if ex.page == page]


def exercise(exercise_id: str) -> Exercise:
    """The exercise with this id; ValueError naming it if there is none."""
    for ex in EXERCISES:
        if ex.id == exercise_id:
            return ex
    raise ValueError(f"no exercise {exercise_id!r}")


def progress_text(done: Collection[str]) -> str:
    """The progress line: "5 of 19 done", counting the ids of `done` that are exercises."""
    right = sum(ex.id in done for ex in EXERCISES)
    return f"{right} of {len(EXERCISES)} done"
