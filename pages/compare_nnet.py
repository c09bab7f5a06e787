"""Backprop vs nnet: the seed's plain net (Example 2) beside R's nnet::nnet on the same XOR."""

from dataclasses import replace

import streamlit as st

from dashboard.charts.compare import trajectory_chart
from dashboard.model import compare
from dashboard.tables.compare import decay_table, fitted_table, weights_table
from dashboard.ui import cache, shell
from dashboard.ui.display import chart, number_columns
from dashboard.ui.widgets import show_controls
from dashboard.url import controls
from dashboard.url.controls import Control
from dashboard.url.links import plain_number

shell.require_app()  # a link that opens this page first still gets the whole app

# The backprop side defaults to the seed's Example 2 in its R flavour: the seed's comparison
# is in its R code (set.seed(1), the loop, then nnet::nnet), so both nets draw their starting
# weights from R's generator after set.seed(seed). One seed drives both.
CONTROLS = [
    replace(
        controls.seed_control(1),
        label="Random seed (both nets)",
        help="Backprop: np.random.seed(seed) or set.seed(seed), by its initial weights. "
        "nnet: set.seed(seed), then runif(nwts, -0.7, 0.7), as R does.",
    ),
    replace(controls.init_control("r"), label="Backprop: initial weights"),
    replace(controls.hidden_control(4), label="Backprop: hidden units"),
    replace(controls.iterations_control(30_000), label="Backprop: iterations"),
    controls.alpha_control(1.0, "Backprop: alpha (learning rate)"),
    Control(
        "size", "nnet: size (hidden units)", "slider", 4, low=1, high=controls.MAX_HIDDEN,
        help="nnet's `size`: hidden units, each with its own bias; the output has one too.",
    ),
    Control(
        "decay", "nnet: weight decay", "select_slider", 0.0, compare.DECAYS, format=plain_number,
        help="nnet's `decay`: the objective adds decay × the sum of all squared weights.",
    ),
    Control(
        "objective", "nnet: objective", "radio", "sse", tuple(compare.OBJECTIVES),
        format=compare.OBJECTIVES.__getitem__,
        help="Least squares is nnet's default; entropy is `entropy = TRUE` (log-likelihood).",
    ),
]  # fmt: skip

st.title("Backprop vs nnet")
st.markdown(
    "The seed ends Examples 2 and 3 by fitting the same XOR with R's `nnet::nnet`. Here both "
    "run live: the seed's plain backprop loop, and a NumPy nnet that reproduces R's, trace "
    "line for trace line."
)

values = show_controls(CONTROLS)
settings = controls.settings_from(2, values)
cache.guard(settings)
run, run_seconds = cache.timed_train(settings)
entropy = values["objective"] == "entropy"
fit, fit_seconds = cache.nnet_fit(values["size"], values["seed"], values["decay"], entropy)
decay_fits = [cache.nnet_fit(values["size"], values["seed"], d, entropy)[0] for d in compare.DECAYS]

plain = compare.backprop_summary(run, run_seconds)
nnet = compare.nnet_summary(fit, settings.target, fit_seconds)
flavour = "R" if settings.init == "r" else "Python"
headings = {
    plain.method: f"Plain backprop ({flavour} flavour, alpha {settings.alpha:g})",
    nnet.method: "nnet (BFGS" + (", entropy" if entropy else "") + f", decay {fit.decay:g})",
}
for column, summary in zip(st.columns(2), (plain, nnet), strict=True):
    with column:
        st.subheader(headings[summary.method])
        a, b, c = st.columns(3)
        a.metric("Weights", summary.weights)
        b.metric("Iterations", f"{summary.iterations:,}")
        c.metric("Time", compare.duration(summary.seconds))
        a.metric("Sum of squared errors", f"{summary.sse:.3g}")
        b.metric("Mean |error|", f"{summary.mean_abs_error:.3g}")
        c.metric("Max |weight|", f"{summary.max_abs_weight:.4g}")
if not fit.converged:
    st.caption(f"nnet stopped at maxit = {fit.maxit} iterations without meeting its tolerances.")

st.subheader("The objective during training")
chart(trajectory_chart(run, fit))
st.caption(
    "Both lines are what the method minimises. nnet's is its objective after each BFGS "
    "iteration (0 = its starting weights). The seed's update `error × slope` is the gradient "
    "of half the sum of squared errors, so the plain net descends the same surface; its line "
    "is that sum at ~200 log-spaced iterations, from the weights saved there (the seed's own "
    "mean |error| is on Example 2's page). Both axes are logarithmic (iterations: symlog, "
    "so iteration 0 has a place); values of exactly 0 cannot be drawn and are left out. "
    "Times are measured when a result is first computed, then cached."
)

left, right = st.columns(2)
with left:
    st.subheader("Fitted values vs target")
    outputs = fitted_table(run, fit)
    config = number_columns(outputs, "%.6f", [compare.BACKPROP, compare.NNET])
    config["target"] = st.column_config.NumberColumn("target", format="%d")
    st.dataframe(outputs, hide_index=True, column_config=config, width="content")
with right:
    st.subheader("nnet's trace, as R prints it")
    st.code("\n".join(fit.trace), language="text")

left, right = st.columns(2)
with left:
    st.subheader("The weights, by nnet's names")
    st.caption("*None*: the plain net has no such weight (it has no biases of its own).")
    weights = weights_table(run, fit)
    config = number_columns(weights, "%.4f", [compare.NNET, compare.BACKPROP])
    height = 38 + 35 * min(len(weights), 25)  # every row of a 21-weight net, no inner scroll
    st.dataframe(weights, hide_index=True, column_config=config, width="content", height=height)
with right:
    st.subheader("How decay shrinks the weights")
    st.caption(f"nnet, size {fit.size}, seed {fit.seed}, refitted from the same start.")
    shrink = decay_table(decay_fits, settings.target)
    config = {
        "decay": st.column_config.NumberColumn("decay", format="%g"),
        "max |weight|": st.column_config.NumberColumn("max |weight|", format="%.4g"),
        "SSE": st.column_config.NumberColumn(help="sum of squared errors", format="%.3g"),
        "objective": st.column_config.NumberColumn(help="SSE + decay × Σw²", format="%.3g"),
    }
    st.dataframe(shrink, hide_index=True, column_config=config, width="stretch")

st.subheader("Why the two differ")
st.markdown(
    f"""
- **Biases.** nnet gives every hidden unit and the output its own bias:
  {fit.size} × (3 + 1) + {fit.size} + 1 = {nnet.weights} weights. The seed's net has only
  its constant third input, which serves as the hidden units' bias, and no output bias:
  3 × {settings.hidden} + {settings.hidden} = {plain.weights}. With the seed's X, nnet's
  `b->h` and `i3->h` both multiply a constant 1, so only their sum matters; their gradients
  are equal, and without decay their difference stays what it was at the start.
- **Second-order steps.** Backprop takes {plain.iterations:,} steps of alpha × gradient, each
  as long as the gradient says. nnet's BFGS (R's `vmmin`) learns the curvature from the
  gradients it has seen and searches along each direction for a good step length, so a few
  dozen steps go further. It stops when the objective is below 1e-4 ("converged"), when it
  stops changing, or after 100 iterations.
- **No penalty, huge weights.** Without decay nothing holds the weights back, and the surest
  way to push outputs to 0 and 1 is bigger weights: nnet's fitted values end at or near 0
  and 1 (the seed's own fit had weights in the tens of thousands). Decay adds
  decay × Σw² to the objective: the weights stay small, and a large enough decay makes the
  net give up on XOR and answer 0.5 everywhere (in the table: a sum of squared errors of 1).
"""
)
