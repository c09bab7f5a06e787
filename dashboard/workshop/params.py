"""An exercise's link: the page it opens and that page's settings, as the short codes a person
can type (`init=r`, `bias=off`, `alphas=0.1,1,10`, `target=0,1,1,0.5`). No Streamlit.

`link_settings` reads the codes into what the page will run, raising ValueError for anything
a page would not take, so a test can hold every exercise's link to it; `url` writes the link.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit

from tinynet import RunSettings, parse_target, preset
from tinynet.checks import check_int

from ..model.nnet_fits import (
    DEFAULT_FIT,
    FIT_LABELS,
    NnetChoice,
    backprop_start,
    fit_arguments,
    tutorial_choice,
)

# The pages an exercise can be about, with the titles app.py gives them.
PAGES = {
    "example_1": "Example 1: one layer",
    "example_2": "Example 2: a hidden layer",
    "example_3": "Example 3: the alpha sweep",
    "compare_nnet": "Backprop vs nnet",
    "step_by_step": "Step by step",
}
_RUN_KEYS = {"seed", "iterations", "alpha", "init", "target", "bias"}
_KEYS = {
    "example_1": _RUN_KEYS,
    "example_2": _RUN_KEYS | {"hidden", "activation", "ensemble"},
    "example_3": _RUN_KEYS | {"hidden", "activation", "ensemble", "alphas"},
    "compare_nnet": {"seed", "init", "hidden", "iterations", "alpha"}
    | {"size", "decay", "objective", "fit"},
    "step_by_step": {"example", "seed", "iterations", "alpha", "hidden", "init", "activation"}
    | {"target", "bias"}
    | {"k", "reveal"},
}
_SWITCH = {"on": True, "off": False}
_OBJECTIVES = ("sse", "entropy")


@dataclass(frozen=True)
class NnetCall:
    """The nnet side of Backprop vs nnet: `fit_nnet(size, seed, decay, entropy, skip)`."""

    size: int = 4
    seed: int = 1
    decay: float = 0.0
    entropy: bool = False
    skip: int = 0


@dataclass(frozen=True)
class LinkSettings:
    """What a page opens with. run: the run it trains (on Backprop vs nnet, the backprop side;
    on Example 3, the detailed alpha); alphas: Example 3's sweep; k, reveal: Step by step's
    iteration and reveal switch; nnet: Backprop vs nnet's fit."""

    page: str
    run: RunSettings
    alphas: tuple[float, ...] = ()
    k: int = 0
    reveal: bool = False
    nnet: NnetCall | None = None


def link_settings(page: str, params: Mapping[str, str]) -> LinkSettings:
    """Read a link's parameters for `page`; ValueError naming anything the page would not take."""
    if page not in PAGES:
        raise ValueError(f"unknown page {page!r}: use one of {', '.join(PAGES)}")
    unknown = sorted(set(params) - _KEYS[page])
    if unknown:
        raise ValueError(f"{page} has no setting {', '.join(unknown)}")
    example = {"example_1": 1, "example_3": 3}.get(page, 2)
    if page == "step_by_step":
        example = _whole(params, "example", 2)
    if page == "compare_nnet":
        return _compare_settings(params)
    run = preset(example)
    run = run.but(**_run_changes(params, run))
    alphas = ()
    if page == "example_3":
        text = params.get("alphas")
        alphas = tuple(_float("alphas", t) for t in text.split(",")) if text else ()
    k = _whole(params, "k", 0)
    if not 0 <= k < run.iterations:
        raise ValueError(f"k must be an iteration of the run (0 to {run.iterations - 1}), got {k}")
    reveal = _SWITCH[_choice(params, "reveal", tuple(_SWITCH), "off")]
    return LinkSettings(page, run, alphas, k, reveal)


def _compare_settings(params: Mapping[str, str]) -> LinkSettings:
    """Backprop vs nnet's link: a tutorial fit (the default) or a fresh one (model.nnet_fits:
    nnet settings other than the tutorial fit's mean a fresh fit)."""
    fit = _choice(params, "fit", tuple(FIT_LABELS), DEFAULT_FIT)
    run = backprop_start(fit)
    run = run.but(**_run_changes(params, run))
    choice = NnetChoice(
        size=_whole(params, "size", tutorial_choice(fit).size),
        decay=_number(params, "decay", 0.0),
        entropy=_choice(params, "objective", _OBJECTIVES, "sse") == "entropy",
    )
    # one seed drives both nets on that page
    return LinkSettings("compare_nnet", run, nnet=NnetCall(**fit_arguments(fit, run.seed, choice)))


def url(page: str, params: Mapping[str, str], base: str = "") -> str:
    """The link: `base/page?key=value&...` (the parameters in the exercise's order)."""
    query = urlencode(dict(params), safe=",")
    return f"{base.rstrip('/')}/{page}" + (f"?{query}" if query else "")


LOCAL = "http://localhost:8501"  # where `streamlit run app.py` serves the app


def checked_base(base: str) -> str:
    """`base` if it is a plain http(s) address (scheme, host, optional path; no query, no
    fragment, no spaces or quotes), without its trailing slash; else ValueError."""
    parts = urlsplit(base)
    plain = re.fullmatch(r"[A-Za-z0-9._~:/%@!$&()*+,;=-]+", base) is not None
    if parts.scheme not in ("http", "https") or not parts.netloc or not plain:
        raise ValueError(f"the app's address must be a plain http(s) URL, got {base!r}")
    if parts.query or parts.fragment:
        raise ValueError(f"the app's address cannot have a query or fragment, got {base!r}")
    return base.rstrip("/")


def app_base(page_url: str | None, page: str, fallback: str = LOCAL) -> str:
    """The app's address from a page's (st.context.url: scheme, host and path, no query),
    with the page's own path removed; `fallback` if it is not a plain http(s) address."""
    try:
        address = checked_base(page_url or "")
    except ValueError:
        return fallback
    if address.endswith("/" + page):
        address = address[: -len(page) - 1]
    return checked_base(address) if urlsplit(address).netloc else fallback


def _run_changes(params: Mapping[str, str], base: RunSettings) -> dict[str, object]:
    changes: dict[str, object] = {}
    for key in ("seed", "iterations"):
        if key in params:
            changes[key] = _whole(params, key, 0)
    if "hidden" in params and base.example != 1:
        changes["hidden"] = _whole(params, "hidden", 0)
    if "alpha" in params:
        changes["alpha"] = _number(params, "alpha", base.alpha)
    if "init" in params:
        changes["init"] = _choice(params, "init", ("numpy", "r"), base.init)
    if "bias" in params:
        changes["bias"] = _SWITCH[_choice(params, "bias", tuple(_SWITCH), "on")]
    if "activation" in params:
        changes["activation"] = params["activation"]  # RunSettings checks the name
    if "target" in params:
        changes["target"] = parse_target(params["target"])
    return changes


def _whole(params: Mapping[str, str], key: str, default: int) -> int:
    text = params.get(key)
    if text is None:
        return default
    if not text.isascii() or not text.isdigit():
        raise ValueError(f"{key} must be a whole number, got {text!r}")
    return check_int(key, int(text), 0, 10**9)


def _float(key: str, text: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise ValueError(f"{key} must be plain numbers, got {text!r}") from None


def _number(params: Mapping[str, str], key: str, default: float) -> float:
    return _float(key, params[key]) if key in params else default


def _choice(params: Mapping[str, str], key: str, codes: tuple[str, ...], default: str) -> str:
    text = params.get(key, default)
    if text not in codes:
        raise ValueError(f"{key} must be one of {', '.join(codes)}, got {text!r}")
    return text
