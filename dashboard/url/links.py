"""A page's settings in its link, as short codes a person can type. No Streamlit.

Each control the link holds has a `Spec`: its key (the query parameter), the kind of value and
the default. `Spec.read` turns the link's raw values into a value, or says why they cannot be
used (the default is used then); `Spec.write` gives the link's text for a value, nothing for
the default (a link holds only what differs from the page's defaults). The codes:

- whole numbers (`seed=3`, `iterations=5000`): the digits 0-9 only, in range, on the step;
- a number on a ladder (`alpha=10`, `decay=0.001`, `iterations=20000`): a plain decimal number
  on the ladder; a ladder with a range (`high`) also reads the whole numbers of older links
  (`iterations=25000`, a multiple of `step` in `low..high`): the nearest rung, with a notice;
- several (`alphas=0.1,1,10`): comma-separated; older links' repeated `alphas=` are read too;
- a choice (`init=numpy|r`, `objective=sse|entropy`, `bias=on|off`): its code, any case; the
  widget labels older links hold (`init=Python (NumPy)`, `objective=least squares`) are read too;
- a switch (`reveal=on|off`); older links' true/false/1/0 are read too;
- text with its own reader (the target: a name or four numbers).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal, NamedTuple

from .untrusted import inert

Kind = Literal["whole", "ladder", "ladders", "choice", "switch", "text"]

_WHOLE = re.compile(r"-?[0-9]+", re.ASCII)
_DECIMAL = re.compile(r"([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?", re.ASCII)
_SWITCH = {"on": True, "off": False, "true": True, "false": False, "1": True, "0": False}
_LISTED = 8  # a ladder with more values is described, not listed, in a notice
_SHOWN = 3  # a notice shows the first three values a link gives for one key
_KEY_LIMIT = 20  # and at most this much of an unknown key


class Reading(NamedTuple):
    """What a link says for one control: the value to use, and why the link's own text
    could not be used (None if it could, or if the link did not mention the control)."""

    value: Any
    problem: str | None = None


def plain_number(value: float) -> str:
    """A number as a link writes it: 10, 0.001, 0.00001, 1000 (never an exponent)."""
    text = format(Decimal(repr(float(value))), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def decimal_number(text: str) -> float | None:
    """The number an ASCII decimal text (`0.001`, `10`, `1e-3`) means, or None: no sign,
    no spaces, no underscores, no digits other than 0-9."""
    return float(text) if _DECIMAL.fullmatch(text) else None


@dataclass(frozen=True)
class Spec:
    """How one control's value is written in a link (see the module docstring)."""

    key: str
    kind: Kind
    default: Any
    options: tuple = ()  # ladder, ladders, choice
    low: int = 0  # whole; ladder: the range older links' whole numbers came from (high 0: none)
    high: int = 0
    step: int = 1
    codes: Mapping[Any, str] | None = None  # choice: option -> code (None: str(option))
    labels: Callable[[Any], str] | None = None  # choice: older links' text for an option
    parse: Callable[[str], Reading] | None = None  # text: the link's text -> a reading
    # (its value is ignored when it has a problem: the default is used)
    text: Callable[[Any], str] = str  # text: a value -> the link's text

    def read(self, raw: Sequence[str]) -> Reading:
        """The value the link's raw values for this key give (all of them, in order)."""
        if not raw:
            return Reading(self.default)
        if self.kind == "ladders":
            return self._read_ladders(raw)
        if len(raw) > 1:
            return Reading(self.default, "given more than once")
        text = raw[0]
        if self.kind == "whole":
            return self._read_whole(text)
        if self.kind == "ladder":
            return self._read_ladder(text)
        if self.kind == "choice":
            return self._read_choice(text)
        if self.kind == "switch":
            switch = _SWITCH.get(text.lower())
            return Reading(self.default, "not on or off") if switch is None else Reading(switch)
        assert self.parse is not None, f"{self.key}: a text spec needs its reader"
        reading = self.parse(text)
        return Reading(self.default, reading.problem) if reading.problem else reading

    def write(self, value: Any) -> list[str]:
        """The link's values for `value`: [] for the default, else one text."""
        if self.kind == "ladders":
            value = tuple(value)
        if value == self.default:
            return []
        if self.kind == "whole":
            return [str(int(value))]
        if self.kind == "ladder":
            return [plain_number(value)]
        if self.kind == "ladders":
            return [",".join(plain_number(v) for v in value)]
        if self.kind == "choice":
            return [self._code(value)]
        if self.kind == "switch":
            return ["on" if value else "off"]
        return [self.text(value)]

    def _read_ladder(self, text: str) -> Reading:
        value = decimal_number(text)
        if value is not None and value in self.options:
            return Reading(self.options[self.options.index(value)])
        if self.high and _WHOLE.fullmatch(text):  # an older link's whole number
            whole = self._read_whole(text)
            if whole.problem:
                return whole
            rung = nearest_rung(self.options, whole.value)
            return Reading(rung, f"{self._not_on_ladder()}, so the nearest one is used")
        return Reading(self.default, self._not_on_ladder())

    def _read_whole(self, text: str) -> Reading:
        if not _WHOLE.fullmatch(text):
            return Reading(self.default, "not a whole number in the digits 0-9")
        value = int(text)
        if not self.low <= value <= self.high:
            return Reading(self.default, f"outside {self.low}..{self.high}")
        if (value - self.low) % self.step:
            return Reading(self.default, f"not a multiple of {self.step}")
        return Reading(value)

    def _read_ladders(self, raw: Sequence[str]) -> Reading:
        texts = [t for text in raw for t in text.split(",")]
        if texts == [""]:
            return Reading(())  # `alphas=`: none chosen
        values = [decimal_number(t) for t in texts]
        valid = [v for v in values if v is not None and v in self.options]
        good = tuple(dict.fromkeys(valid))  # each once, in the link's order
        if len(valid) == len(texts):
            return Reading(good)
        if not good:
            return Reading(tuple(self.default), self._not_on_ladder())
        return Reading(good, f"{self._not_on_ladder()} (some of them)")

    def _read_choice(self, text: str) -> Reading:
        wanted = text.strip().lower()
        for option in self.options:
            older = self.labels(option).lower() if self.labels else None
            if wanted in (self._code(option).lower(), older):
                return Reading(option)
        return Reading(self.default, f"not one of {', '.join(map(self._code, self.options))}")

    def _code(self, option: Any) -> str:
        return self.codes[option] if self.codes is not None else str(option)

    def _not_on_ladder(self) -> str:
        if len(self.options) <= _LISTED:
            return f"not one of {', '.join(map(plain_number, self.options))}"
        first, last = plain_number(self.options[0]), plain_number(self.options[-1])
        return f"not one of the values offered, {first} to {last}"


def nearest_rung(ladder: Sequence[float], value: float) -> float:
    """The rung of a ladder of positive numbers nearest to `value` > 0 on a log scale (the
    ladders are logarithmic: 25,000 is nearer 30,000 than 20,000); a tie goes down."""
    return min(ladder, key=lambda rung: (abs(math.log(rung / value)), rung))


def notice(key: str, raw: Sequence[str], problem: str, outcome: str) -> str:
    """One sentence (Markdown) about a link value that could not be used: what the link
    said (inert: each value shortened and escaped, the first three of them), why, and what
    the page does instead. `problem` and `outcome` are the page's own words."""
    name = inert(key, _KEY_LIMIT)
    given = "\\&".join(f"{name}\\={inert(v)}" for v in raw[:_SHOWN]) or f"{name}\\="
    more = "\\&…" if len(raw) > _SHOWN else ""
    return f"“{given}{more}” ({problem}): {outcome}."


def unknown_keys(raw: Mapping[str, Sequence[str]], known: set[str]) -> list[str]:
    """One sentence per link parameter that is no setting of this page."""
    return [
        notice(key, values, "not a setting of this page", "ignored")
        for key, values in raw.items()
        if key not in known
    ]
