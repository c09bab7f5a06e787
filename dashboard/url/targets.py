"""The target control: its options, their labels, and the target in a link. No Streamlit.

A target is a name (tinynet.TARGETS) or four numbers in [0, 1]; in a link it is the name or
the numbers joined by commas (`target=0,1,1,0.5`). Four numbers select the option "custom",
whose table (ui.target_input) holds them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from tinynet import TARGETS

from .links import Reading, decimal_number, plain_number

CUSTOM = "custom"


def seed_target_name(example: int) -> str:
    """The tutorial's target: the first column for Example 1, XOR for Examples 2 and 3."""
    return "first" if example == 1 else "xor"


def target_choices(example: int) -> tuple[str, ...]:
    """The target selectbox's options: the tutorial's first, the other names, then "custom"."""
    seed = seed_target_name(example)
    return (seed, *(name for name in TARGETS if name != seed), CUSTOM)


def choice_label(example: int) -> Callable[[str], str]:
    """format_func for the choices: the tutorial's marked, the others with their four values."""
    seed = seed_target_name(example)

    def label(choice: str) -> str:
        if choice == CUSTOM:
            return "custom: type your own"
        values = ", ".join(f"{v:g}" for v in TARGETS[choice])
        return f"{choice} ({values})" + (", the tutorial's" if choice == seed else "")

    return label


def spec_text(values: Sequence[float]) -> str:
    """Four numbers as a link writes them: `0,1,1,0.5` (plain decimals that read back exactly)."""
    return ",".join(plain_number(v) for v in values)


def read_link(text: str) -> Reading:
    """A link's `target=`: a name (any case) selects it; four numbers in [0, 1], in the
    digits 0-9, open the custom table (even a named target's numbers)."""
    name = text.strip().lower()
    if name in TARGETS:
        return Reading(name)
    parts = text.split(",")
    if len(parts) != 4:
        return Reading(None, f"not a target name ({', '.join(TARGETS)}) nor four numbers")
    values = tuple(decimal_number(part) for part in parts)
    if any(v is None or not 0.0 <= v <= 1.0 for v in values):
        return Reading(None, "not four numbers in [0, 1], in the digits 0-9")
    return Reading(values)


def link_text(value: str | Sequence[float]) -> str:
    """`target=` for a target name, or for a custom target's four numbers."""
    return value if isinstance(value, str) else spec_text(value)
