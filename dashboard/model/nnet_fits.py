"""Which nnet fit Backprop vs nnet shows: one of the tutorial's two, or a fresh one. No Streamlit.

The tutorial ran `nnet::nnet(X, y, size = 4)` right after Example 2's R code and
`nnet::nnet(X, y, size = 32)` right after Example 3's, so R's random stream had already given
24 and 128 numbers (tinynet.nnet_reference.TUTORIAL_FITS). The page opens on the first of
them; `fit=ex3` shows the second, `fit=fresh` a fit straight after `set.seed(seed)`.

A tutorial fit is nnet's defaults at the tutorial's size (no decay, least squares), so nnet
settings that differ from those *are* a fresh fit: a link that changes them (`size=8`) needs
no `fit=fresh`, and moving one of them switches the page to the fresh fit (`settled_fit`).
The backprop side starts from the same example's R code (`backprop_start`).
"""

from __future__ import annotations

from dataclasses import dataclass

from tinynet import RunSettings, preset
from tinynet.nnet_reference import TUTORIAL_FITS

FIT_LABELS = {
    "ex2": "Tutorial's, size 4 (Example 2)",
    "ex3": "Tutorial's, size 32 (Example 3)",
    "fresh": "Fresh: set.seed(seed), nnet",
}  # the link's code -> the switch's label
EXAMPLES = {"ex2": 2, "ex3": 3}  # a tutorial fit's code -> the example whose R code ran before it
DEFAULT_FIT = "ex2"


@dataclass(frozen=True)
class NnetChoice:
    """The nnet settings the page's controls hold: size, decay, and the objective
    (entropy or least squares)."""

    size: int = TUTORIAL_FITS[2].size
    decay: float = 0.0
    entropy: bool = False


def tutorial_choice(fit: str) -> NnetChoice:
    """The nnet settings of a tutorial fit (`fit`: ex2 or ex3); a fresh fit starts from ex2's."""
    return NnetChoice(size=TUTORIAL_FITS[EXAMPLES.get(fit, 2)].size)


def settled_fit(fit: str, choice: NnetChoice) -> str:
    """`fit`, unless it names a tutorial fit whose settings `choice` does not hold: then
    "fresh" (the tutorial never made that fit)."""
    return fit if fit == "fresh" or choice == tutorial_choice(fit) else "fresh"


def link_fit(fit: str, choice: NnetChoice) -> str:
    """What the link says for `fit`: the default (nothing written) when the nnet settings
    already say "fresh" by differing from the default tutorial fit's."""
    implied = settled_fit(DEFAULT_FIT, choice) == "fresh"
    return DEFAULT_FIT if fit == "fresh" and implied else fit


def fit_arguments(fit: str, seed: int, choice: NnetChoice) -> dict[str, object]:
    """tinynet.nnet.fit_nnet's keyword arguments for this fit: a tutorial fit skips the draws
    its example took from R's stream after set.seed(seed); a fresh one skips none."""
    fit = settled_fit(fit, choice)
    skip = TUTORIAL_FITS[EXAMPLES[fit]].skip if fit in EXAMPLES else 0
    return {"size": choice.size, "seed": seed, "decay": choice.decay, "entropy": choice.entropy,
            "skip": skip}  # fmt: skip


def backprop_start(fit: str) -> RunSettings:
    """The backprop side's starting settings: the R code of the example this fit follows
    (Example 2 for a fresh fit), in the R flavour, as the tutorial's comparison ran it."""
    return preset(EXAMPLES.get(fit, 2)).but(init="r")


def why_they_differ(fit: str) -> str:
    """Two sentences (Markdown, the page's own words): why the tutorial's fit is not a fresh
    `set.seed(1)` fit, and why its weights are so large."""
    example = EXAMPLES.get(fit, 2)
    call = TUTORIAL_FITS[example]
    return (
        f"**Why not a fresh `set.seed(1)` fit?** In the tutorial's R session, "
        f"`nnet(X, y, size = {call.size})` ran right after Example {example}'s code, which had "
        f"already taken {call.skip} numbers from R's random stream, so nnet's starting weights "
        f"are the stream's next ones. **Why are its weights so large?** There is no decay: "
        "once the outputs are 0 and 1, nothing stops BFGS from making the weights larger still."
    )
