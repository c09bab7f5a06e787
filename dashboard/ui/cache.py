"""Cached engine calls, and the time guard in front of them.

Keys are small hashable settings (RunSettings is frozen), never arrays; max_entries bounds the
memory (a 100,000-iteration sweep of 19 alphas holds ~30 MB).

A run that will take a while shows a progress bar. The bar is created *inside* the cached
function and emptied at its end: Streamlit replays a cached function's elements on a cache
hit, and an element created outside it could not be replayed.

The guard is the engine's bound (tinynet.budget) on all that a page trains: one network or
a sweep, and maybe a band of seeds beside it. A band is refused when the two together would
go over the bound, so the page never waits longer than that.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

import pandas as pd
import streamlit as st

import tinynet
from tinynet import RunSettings, Surface
from tinynet.budget import estimate_seconds, work_message
from tinynet.nnet import NnetFit, fit_nnet
from tinynet.train import Run

from ..model.ensembles import Ensemble, ensemble_seeds, summarize
from ..model.limits import refusal
from ..model.surface import surface_parts

SHOW_PROGRESS_SECONDS = 0.4  # estimates above this get a progress bar


def too_slow(settings: RunSettings, members: int = 1, alongside: int = 0) -> str | None:
    """Why training `members` networks like `settings` is refused (a sentence saying what
    would fit), or None if it is fine. alongside: the networks the page trains besides them
    with the same settings (a band's run or sweep), counted in the total."""
    return work_message(settings, [alongside, members] if alongside else [members])


def guard(settings: RunSettings, members: int = 1) -> None:
    """Stop the page with a message (what would fit, in the page's terms: members > 1 is a
    sweep of alphas) if this run would take too long."""
    message = refusal(settings, [members])
    if message:
        st.error(message, icon=":material/timer:")
        st.stop()


@contextmanager
def _progress(settings: RunSettings, members: int) -> Iterator[Callable[[float], None] | None]:
    """A progress callback for the engine, drawing a bar if the run is expected to be slow."""
    if estimate_seconds(settings, members) < SHOW_PROGRESS_SECONDS:
        yield None
        return
    what = f"{members} networks" if members > 1 else "the network"
    text = f"Training {what} for {settings.iterations:,} iterations…"
    slot = st.empty()
    bar = slot.progress(0.0, text=text)
    try:
        yield lambda fraction: bar.progress(min(max(fraction, 0.0), 1.0), text=text)
    finally:
        slot.empty()


@st.cache_data(max_entries=32, show_spinner=False)
def train(settings: RunSettings) -> Run:
    """tinynet.train, cached by settings."""
    with _progress(settings, 1) as report:
        return tinynet.train(settings, progress=report)


@st.cache_data(max_entries=8, show_spinner=False)
def sweep(settings: RunSettings, alphas: tuple[float, ...]) -> list[Run]:
    """tinynet.sweep (one population, trained together), cached by settings and alphas."""
    with _progress(settings, len(alphas)) as report:
        return tinynet.sweep(settings, list(alphas), progress=report)


@st.cache_data(max_entries=4, show_spinner=False)
def ensemble(settings: RunSettings, members: int) -> Ensemble:
    """tinynet.ensemble over seeds settings.seed .. settings.seed + members - 1 (one population,
    trained together), cached by settings and size as its summary: the band, the final
    predictions and weights (100 full runs would be ~50 MB to pickle on every rerun)."""
    with _progress(settings, members) as report:
        seeds = ensemble_seeds(settings.seed, members)
        return summarize(tinynet.ensemble(settings, seeds, progress=report))


@st.cache_data(max_entries=8, show_spinner=False)
def timed_train(settings: RunSettings) -> tuple[Run, float]:
    """tinynet.train and the seconds it took. Timed inside the cached call, so a cache hit
    reports how long the run took when it was computed, not how long the hit took."""
    with _progress(settings, 1) as report:
        start = time.perf_counter()
        run = tinynet.train(settings, progress=report)
        return run, time.perf_counter() - start


@st.cache_data(max_entries=64, show_spinner=False)
def nnet_fit(
    size: int, seed: int, decay: float, entropy: bool, skip: int = 0
) -> tuple[NnetFit, float]:
    """R's `set.seed(seed); runif(skip); nnet::nnet(X, y, size, decay, entropy)` on the seed's
    XOR data (tinynet.nnet.fit_nnet) and the seconds it took. A fit is small (<= 1,000
    weights, <= 101 objective values), so 64 entries hold a few decay ladders."""
    start = time.perf_counter()
    fit = fit_nnet(size=size, seed=seed, decay=decay, entropy=entropy, skip=skip)
    return fit, time.perf_counter() - start


def run_key(run: Run) -> tuple:
    """What decides everything computed from a run, small and hashable: its settings
    (RunSettings is frozen) and the loop that trained it. Never its arrays, which would be
    hashed on every rerun."""
    return (run.settings, run.engine)


@st.cache_data(max_entries=64, show_spinner=False, hash_funcs={Run: run_key})
def surface(run: Run, k: int | None = None) -> tuple[Surface, pd.DataFrame]:
    """model.surface.surface_parts, cached by the run's settings and k: a surface is
    computed (and a snapshot replayed) once, whichever page or rerun asks again."""
    return surface_parts(run, k)


def sweep_alphas(selected: Sequence[float], detail: float) -> tuple[float, ...]:
    """The alphas a sweep trains: those selected plus the detailed one, sorted, as a cache key."""
    return tuple(sorted({float(a) for a in selected} | {float(detail)}))


@st.cache_data(max_entries=128, show_spinner=False, hash_funcs={Run: run_key})
def chart(name: str, args: tuple, kwargs: Mapping[str, Any], _draw: Callable[[], None]) -> None:
    """Draw a chart with `_draw()` once for the builder `name` and its `args` and `kwargs`
    (runs by run_key): on a cache hit Streamlit replays the element it drew, so a rerun
    skips Altair, which takes 0.05-0.2 s to build and validate a chart."""
    _draw()
