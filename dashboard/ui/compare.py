"""Backprop vs nnet's sections: the headline, the first screen (the objective chart beside
the fitted values) and what its tabs draw. Its controls: ui.compare_controls."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from tinynet import RunSettings
from tinynet.nnet import NnetFit
from tinynet.nnet_reference import check_nnet
from tinynet.printing import nnet_printout
from tinynet.train import Run

from ..charts.axes import FIRST_SCREEN_HEIGHT
from ..charts.compare import trajectories_chart, trajectory_frame
from ..model import compare
from ..model.nnet_fits import EXAMPLES
from ..tables.compare import decay_table, fitted_table, summary_table, weights_table
from ..tables.runs import checks_table
from . import cache
from .display import chart, significant, significant_columns
from .run import LEARNED, NOT_LEARNED


def fit_key(fit: NnetFit) -> tuple:
    """What decides everything computed from an nnet fit, small and hashable: its call."""
    call = (fit.size, fit.seed, fit.skip, fit.decay, fit.entropy, fit.maxit)
    return call + (fit.x.tobytes(), fit.target.tobytes())


@st.cache_data(
    max_entries=32, show_spinner=False, hash_funcs={Run: cache.run_key, NnetFit: fit_key}
)
def trajectories(run: Run, nnet: NnetFit) -> pd.DataFrame:
    """charts.compare.trajectory_frame, cached by the run's settings and the fit's call (the
    plain net's line replays ~200 forward passes): a rerun that changes neither reuses it."""
    return trajectory_frame(run, nnet)


def headline(fit: str, nnet: NnetFit) -> None:
    """One line: a tutorial fit's printed numbers all matching (or how many do not), or which
    fresh fit this is."""
    checks = check_nnet(nnet)
    if checks:
        wrong = sum(not c.matches for c in checks)
        mark = NOT_LEARNED if wrong else LEARNED
        said = (
            f"{wrong} of the {len(checks)} numbers the tutorial prints for this fit differ"
            if wrong
            else f"Every number the tutorial prints for this fit matches: all {len(checks)}"
        )
        st.markdown(f"{mark} {said} (see *Tutorial says / we get* below).")
    elif fit in EXAMPLES:
        st.markdown(
            f":material/info: The tutorial's size-{nnet.size} call, continued from "
            f"`set.seed({nnet.seed})`: the tutorial printed this only for seed 1."
        )
    else:
        st.markdown(
            f":material/casino: A fresh fit: `set.seed({nnet.seed})`, then nnet with size "
            f"{nnet.size}, decay {nnet.decay:g}" + (", entropy" if nnet.entropy else "") + "."
        )


def first_screen(run: Run, run_seconds: float, nnet: NnetFit, nnet_seconds: float) -> None:
    """The objective chart beside the fitted values and the two methods' headline numbers."""
    left, right = st.columns(2, gap="medium")
    with left, st.container(key="first_chart"):
        st.subheader("The objective during training")
        chart(trajectories_chart(trajectories(run, nnet), FIRST_SCREEN_HEIGHT))
    with right, st.container(key="first_answer"):
        st.subheader("Fitted values vs target")
        outputs = fitted_table(run, nnet)
        config = significant_columns(outputs, [compare.BACKPROP, compare.NNET])
        config["target"] = st.column_config.NumberColumn("target", format="%d")
        st.dataframe(outputs, hide_index=True, column_config=config, width="content")
        plain = compare.backprop_summary(run, run_seconds)
        fitted = compare.nnet_summary(nnet, run.settings.target, nnet_seconds)
        help_sse = "Sum of squared errors of the final outputs (what both methods minimise)."
        a, b = st.columns(2)
        a.metric("Backprop iterations", f"{plain.iterations:,}")
        b.metric("nnet iterations", f"{fitted.iterations:,}", help="BFGS iterations")
        a.metric("Backprop SSE", f"{plain.sse:.3g}", help=help_sse)
        b.metric("nnet SSE", f"{fitted.sse:.3g}", help=help_sse)


def tutorial_check(nnet: NnetFit) -> None:
    """The tutorial's printout of this fit beside ours, line by line and number by number."""
    checks = check_nnet(nnet)
    if not checks:
        st.caption(
            "This is not one of the tutorial's nnet fits, so there is nothing printed to compare "
            "with. Pick one of the tutorial's fits in the sidebar (and seed 1)."
        )
        return
    matched = sum(c.matches for c in checks)
    st.caption(
        f"{matched} of {len(checks)} printed numbers match. The tutorial's page lost R's "
        "spacing, so trace lines are compared word by word; every digit is shown as printed."
    )
    st.dataframe(checks_table(checks), hide_index=True, width="stretch", height="content")


def printout(nnet: NnetFit) -> None:
    st.caption("nnet's trace, `data.frame(coef(fit_nnet))` and `fitted(fit_nnet)`, as R prints.")
    st.code(nnet_printout(nnet), language="text")


def weights(run: Run, nnet: NnetFit) -> None:
    st.caption(
        "Every weight by nnet's name. *None*: the plain net has no such weight (it has no "
        "biases of its own). Five significant digits; every digit in the download."
    )
    table = weights_table(run, nnet)
    config = significant_columns(table, [compare.NNET, compare.BACKPROP])
    st.dataframe(table, hide_index=True, column_config=config, width="content", height="content")
    download(table, "compare_nnet_weights.csv", "download_weights")


def decay_ladder(settings: RunSettings, nnet: NnetFit) -> None:
    """nnet refitted from the same start with each decay (computed only when this tab opens)."""
    fits = [
        cache.nnet_fit(nnet.size, nnet.seed, d, nnet.entropy, nnet.skip)[0] for d in compare.DECAYS
    ]
    st.caption(f"nnet, size {nnet.size}, seed {nnet.seed}, refitted from the same start.")
    shrink = decay_table(fits, settings.target)
    config = significant_columns(shrink, ["max |weight|", "SSE", "objective"])
    config["decay"] = st.column_config.NumberColumn("decay", format="%g")
    config["SSE"] = st.column_config.NumberColumn(
        help="sum of squared errors", format=significant()
    )
    st.dataframe(shrink, hide_index=True, column_config=config, width="content")


def side_by_side(run: Run, run_seconds: float, nnet: NnetFit, nnet_seconds: float) -> None:
    plain = compare.backprop_summary(run, run_seconds)
    fitted = compare.nnet_summary(nnet, run.settings.target, nnet_seconds)
    st.caption("Times are measured when a result is first computed, then cached.")
    table = summary_table(plain, fitted)
    st.dataframe(table, hide_index=True, width="content", height="content")


def download(table: pd.DataFrame, name: str, key: str) -> None:
    st.download_button(
        "Download every digit (CSV)", lambda: table.to_csv(index=False, float_format="%.17g"),
        file_name=name, mime="text/csv", on_click="ignore", key=key, icon=":material/download:",
    )  # fmt: skip


def why_methods_differ(settings: RunSettings, run: Run, nnet: NnetFit) -> str:
    """Why plain backprop and nnet end differently (Markdown, the page's own words)."""
    plain = compare.backprop_summary(run, 0.0)
    weights = compare.nnet_summary(nnet, settings.target, 0.0).weights
    return f"""
- **Biases.** nnet gives every hidden unit and the output its own bias:
  {nnet.size} × (3 + 1) + {nnet.size} + 1 = {weights} weights. The tutorial's net has only
  its constant third input, which serves as the hidden units' bias, and no output bias:
  3 × {settings.hidden} + {settings.hidden} = {plain.weights}. With the tutorial's X, nnet's
  `b->h` and `i3->h` both multiply a constant 1, so only their sum matters; their gradients
  are equal, and without decay their difference stays what it was at the start.
- **Second-order steps.** Backprop takes {plain.iterations:,} steps of alpha × gradient, each
  as long as the gradient says. nnet's BFGS (R's `vmmin`) learns the curvature from the
  gradients it has seen and searches along each direction for a good step length, so a few
  dozen steps go further. It stops when the objective is below 1e-4 ("converged"), when it
  stops changing, or after 100 iterations.
- **No penalty, huge weights.** Without decay nothing holds the weights back, and the surest
  way to push outputs to 0 and 1 is bigger weights: nnet's fitted values end at or near 0
  and 1 (the tutorial's size-4 fit has weights in the tens of thousands). Decay adds
  decay × Σw² to the objective: the weights stay small, and a large enough decay makes the
  net give up on XOR and answer 0.5 everywhere (in the *Decay* tab: a sum of squared
  errors of 1).
- **The objective chart.** Both lines are what the method minimises. nnet's is its objective
  after each BFGS iteration (0 = its starting weights). The tutorial's update `error × slope`
  is the gradient of half the sum of squared errors, so the plain net descends the same
  surface; its line is that sum at ~200 log-spaced iterations. Both axes are logarithmic
  (iterations: symlog, so iteration 0 has a place); values of exactly 0 are left out.
"""
