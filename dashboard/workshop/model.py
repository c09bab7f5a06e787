"""What an exercise is: a question about one page, the link that opens that page, the kind of
answer it takes, and how an answer is judged. No Streamlit.

An exercise never stores its answer: `solve` asks the engine for it and `check` asks the engine
whether an answer is right, each time (dashboard.workshop.runs caches the engine's results).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .params import LinkSettings, link_settings


@dataclass(frozen=True)
class Feedback:
    """Whether an answer is right, and why: Markdown in our own words and numbers (never text
    the learner typed)."""

    correct: bool
    why: str


@dataclass(frozen=True)
class Number:
    """A number typed in, from `low` to `high` (whole numbers if `integer`)."""

    label: str
    low: float
    high: float
    step: float = 1.0
    integer: bool = False

    def read(self, value: object) -> float:
        """The answer as a number; ValueError with a sentence for the learner if it is none."""
        if value is None or isinstance(value, bool):
            raise ValueError("Type a number first.")
        try:
            number = float(value)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            raise ValueError("The answer must be a number.") from None
        if not math.isfinite(number) or not self.low <= number <= self.high:
            raise ValueError(f"The answer must be a number from {self.low:g} to {self.high:g}.")
        if self.integer and number != int(number):
            raise ValueError("The answer must be a whole number.")
        return int(number) if self.integer else number


@dataclass(frozen=True)
class Choice:
    """One of `options` (or, if `multiple`, any set of them, read as a tuple in their order)."""

    label: str
    options: tuple[str, ...]
    multiple: bool = False

    def read(self, value: object) -> str | tuple[str, ...]:
        if self.multiple:
            if value is not None and not isinstance(value, list | tuple | set):
                raise ValueError("Pick from the options offered.")
            picked = () if value is None else tuple(value)
            if any(v not in self.options for v in picked):
                raise ValueError("Pick from the options offered.")
            return tuple(o for o in self.options if o in picked)
        if value is None:
            raise ValueError("Pick one of the options first.")
        if value not in self.options:
            raise ValueError("Pick one of the options offered.")
        return str(value)


@dataclass(frozen=True)
class Field:
    """One whole-number setting of a Settings answer; `key` names a RunSettings field."""

    key: str
    label: str
    low: int
    high: int


@dataclass(frozen=True)
class Settings:
    """Settings the learner finds: a whole number for each field, read as {key: value}."""

    label: str
    fields: tuple[Field, ...]

    def read(self, value: object) -> dict[str, int]:
        if not isinstance(value, Mapping):
            raise ValueError("Fill in every setting first.")
        read = {}
        for f in self.fields:
            number = Number(f.label, f.low, f.high, integer=True)
            try:
                read[f.key] = int(number.read(value.get(f.key)))
            except ValueError as error:
                raise ValueError(f"{f.label}: {error}") from None
        return read


Answer = Number | Choice | Settings


def feedback(correct: bool, answer: object, facts: str) -> Feedback:
    """The usual verdict: "Right: <facts>" or "Not <answer>: <facts>". `answer` has been read
    (a number, an option, or settings of whole numbers), so it shows plainly."""
    return Feedback(correct, f"Right: {facts}" if correct else f"Not {shown(answer)}: {facts}")


def same_as(find: Callable[[], tuple[Any, str]]) -> dict[str, Callable]:
    """`judge` and `solve` for an exercise with one right answer: `find()` asks the engine for
    it and returns it with a sentence of the facts behind it. Use as Exercise(**same_as(f))."""

    def judge(answer: object) -> Feedback:
        right, facts = find()
        return feedback(answer == right, answer, facts)

    return {"judge": judge, "solve": lambda: find()[0]}


def near(
    find: Callable[[], tuple[float, str]], tolerance: float, digits: int
) -> dict[str, Callable]:
    """`judge` and `solve` for a number: right within `tolerance` of the engine's value, which
    `find()` returns with its facts; the solution is that value rounded to `digits`."""

    def judge(answer: float) -> Feedback:
        value, facts = find()
        return feedback(abs(answer - value) <= tolerance, answer, facts)

    return {"judge": judge, "solve": lambda: round(find()[0], digits)}


@dataclass(frozen=True, eq=False)
class Exercise:
    """One exercise.

    id: short and stable (progress and widget keys use it); page: the page it is about
    (example_1, example_2, example_3, compare_nnet, step_by_step); params: that page's link
    settings as short codes (dashboard.workshop.params); question, hint and explanation are
    Markdown; judge(answer) decides from the engine, given an answer already read by
    `answer`; solve() asks the engine for a right answer (the reveal and the solutions).
    """

    id: str
    page: str
    title: str
    question: str
    answer: Answer
    judge: Callable[[Any], Feedback]
    solve: Callable[[], Any]
    hint: str
    explanation: str
    params: Mapping[str, str] = field(default_factory=dict)

    def check(self, answer: object) -> Feedback:
        """Is `answer` right? An answer of the wrong shape gets a sentence, not an exception."""
        try:
            value = self.answer.read(answer)
        except ValueError as error:
            return Feedback(False, str(error))
        return self.judge(value)

    @property
    def settings(self) -> LinkSettings:
        """What the exercise's link opens its page with."""
        return link_settings(self.page, self.params)


def shown(answer: object) -> str:
    """A right answer as text for the reveal and the solutions: 4, 0.5, "x1", "rows 1 and 3"."""
    if isinstance(answer, Mapping):
        return ", ".join(f"{key} = {value}" for key, value in answer.items())
    if isinstance(answer, tuple):
        return ", ".join(answer) if answer else "none"
    if isinstance(answer, float):
        return f"{answer:g}"
    return str(answer)
