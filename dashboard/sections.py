"""Page sections shared by the example pages (Streamlit): tables with column formats, the
"seed says / we get" check, the code expander, downloads, a budget guard, divergence notes,
a band of seeds (its chart and tables) and the decision surfaces."""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt
import pandas as pd
import streamlit as st

from tinynet import RunSettings
from tinynet.reference import check_run
from tinynet.script import seed_script
from tinynet.train import Run

from . import budget, cache, charts, controls, downloads, surfaces, tables, target_input, targets
from .ensembles import Ensemble
from .url_state import PageLink


def chart(figure: alt.TopLevelMixin) -> None:
    """An Altair chart at container width, themed by Streamlit (light or dark)."""
    st.altair_chart(figure, width="stretch", theme="streamlit")


def number_columns(frame: pd.DataFrame, decimals: int, names: Sequence[str]) -> dict:
    """NumberColumn formats for the named columns present in `frame`."""
    fmt = f"%.{decimals}f"
    return {n: st.column_config.NumberColumn(n, format=fmt) for n in names if n in frame}


def prediction_table(run: Run) -> pd.DataFrame:
    """The prediction-vs-target table ("Output After Training"), rounded as the seed rounds."""
    decimals = tables.seed_decimals(run.settings)
    table = tables.prediction_table(run, decimals)
    config = number_columns(table, decimals, ["prediction", "|error|"])
    whole = all(float(t).is_integer() for t in run.settings.target)  # a custom one may not be
    config["target"] = st.column_config.NumberColumn("target", format="%d" if whole else "%g")
    st.dataframe(table, hide_index=True, column_config=config, width="content")
    return table


def matrix(frame: pd.DataFrame, decimals: int = 3) -> None:
    """A weight or activation matrix as a table (the heatmap's numbers, exactly)."""
    config = {c: st.column_config.NumberColumn(c, format=f"%.{decimals}f") for c in frame.columns}
    st.dataframe(frame, column_config=config, width="content")


def seed_check(run: Run) -> None:
    """The seed's printed numbers next to ours, where the settings are the seed's."""
    checks = check_run(run)
    st.subheader("Seed says / we get")
    if not checks:
        st.caption(
            "These are not the seed's settings, so there is nothing printed to compare with. "
            "Reset the controls (or open the page without a query string) to see the check."
        )
        return
    matched = sum(c.matches for c in checks)
    st.caption(f"{matched} of {len(checks)} printed numbers match.")
    st.dataframe(tables.checks_table(checks), hide_index=True, width="stretch")


def code_expander(settings: RunSettings, alphas: Sequence[float] | None = None) -> None:
    """The NumPy loop this page runs, in the seed's style, with the current settings."""
    with st.expander("The code: this page's loop as a standalone NumPy script"):
        source = seed_script(settings, alphas=list(alphas) if alphas is not None else None)
        st.caption("Run it with `python`: it prints the seed's lines, then the numbers in full.")
        st.code(source, language="python", line_numbers=False)
        st.download_button(
            "Download the script", source, file_name=f"example_{settings.example}.py",
            mime="text/x-python", on_click="ignore", key="download_script",
        )  # fmt: skip


def download_buttons(runs: Sequence[Run], name: str) -> None:
    """Error trajectory (CSV, every iteration) and final weights (JSON), built on click."""
    left, right = st.columns(2)
    left.download_button(
        "Error trajectory (CSV)", lambda: downloads.trajectory_csv(runs),
        file_name=f"{name}_error.csv", mime="text/csv", on_click="ignore", key="download_csv",
    )  # fmt: skip
    right.download_button(
        "Final weights (JSON)", lambda: downloads.weights_json(runs),
        file_name=f"{name}_weights.json", mime="application/json", on_click="ignore",
        key="download_json",
    )  # fmt: skip


def guard(settings: RunSettings, members: int = 1) -> None:
    """Stop the page with a message if this run would take too long."""
    message = budget.too_slow(settings, members)
    if message:
        st.error(message, icon="⏱️")
        st.stop()


def diverged_note(runs: Sequence[Run]) -> None:
    """Say which runs blew up (their weights overflowed), where and why."""
    for run in runs:
        note = targets.divergence_note(run)
        if note:
            st.info(note, icon="💥")


def ensemble(settings: RunSettings, members: int, alongside: int = 1) -> Ensemble | None:
    """The band of `members` seeds (None when off), beside the `alongside` networks the page
    trains (its run, or its sweep). A band that would take the page's total over the budget
    is refused with the guard's message, and the page goes on without it."""
    if members <= 0:
        return None
    message = budget.too_slow(settings, members, alongside)
    if message:
        st.error(f"No band of seeds: {message}", icon="⏱️")
        return None
    return cache.ensemble(settings, members)


def error_chart_with_band(run: Run, band: Ensemble | None) -> None:
    """The run's error chart, over its band of seeds when there is one."""
    if band is None:
        chart(charts.error_chart([run]))
        return
    chart(charts.band_chart(run, band.band, band.size))
    st.caption(
        f"The line is seed {run.settings.seed}; behind it, the median and the 10–90% spread of "
        f"the error of {band.size} networks that differ only in their seed (their starting "
        "weights)."
    )


def ensemble_tables(run: Run, band: Ensemble) -> None:
    """Final predictions agree across the seeds while the weights differ (the seed's remark)."""
    st.subheader(f"{band.size} seeds: similar predictions, different weights")
    st.caption(tables.agreement_sentence(band))
    left, right = st.columns([5, 4])
    with left:
        st.markdown("**Final predictions across the seeds**")
        frame = tables.agreement_table(run, band)
        config = number_columns(frame, 4, ["this seed", "median", "min", "max"])
        config.update(number_columns(frame, 4, ["max − min"]))
        config["target"] = st.column_config.NumberColumn("target", format="%g")
        st.dataframe(frame, hide_index=True, column_config=config, width="content")
    with right:
        st.markdown("**synapse_1 across the seeds**")
        frame = tables.weight_spread_table(run, band)
        config = number_columns(frame, 3, ["this seed", "median", "min", "max"])
        config.update(number_columns(frame, 3, ["max − min"]))
        st.dataframe(frame, hide_index=True, column_config=config, width="content")
    st.caption(
        "The same unit number means little across runs: which hidden unit ends up doing what "
        "depends on where it started, so a unit's weight differs from seed to seed."
    )


def decision_surfaces(run: Run) -> None:
    """The network's output over the input square: after training, and at a chosen snapshot."""
    st.subheader("Decision surface")
    st.caption(
        "The output over (x1, x2) in [0, 1]²"
        + (", x3 = 1" if run.settings.bias else "")
        + ". The four training rows are filled with their target's colour: a row the network "
        "gets right disappears into the surface."
    )
    choices = surfaces.snapshot_choices(run)
    left, right = st.columns(2)
    with left:
        st.markdown(f"**After training** (iteration {choices[-1]:,})")
        chart(surfaces.final_surface(run))
    with right:
        k = st.select_slider(
            "Weights after this many updates",
            choices,
            value=choices[min(len(choices) - 1, len(choices) // 2)],
            format_func=lambda v: f"{v:,}",
            key=f"surface_k_{choices[-1]}_{len(choices)}",  # new choices: a new slider
            help="One of the iterations whose weights the run kept (log-spaced).",
        )
        chart(surfaces.snapshot_surface(run, k))


def example_settings(example: int) -> tuple[RunSettings, dict]:
    """An example page's controls (the seed's defaults, the teaching tools), read into the
    engine's settings; also returns the raw values (alphas, ensemble: not RunSettings fields)."""
    link = PageLink()
    values = link.show(controls.example_controls(example) + controls.teaching_controls(example))
    target = target_input.chosen_target(values["target"], example, values["bias"])
    if values["target"] == targets.CUSTOM:
        link.set("target", target)  # the typed numbers, not "custom"
    link.finish()
    values["target"] = target
    settings = controls.settings_from(example, values)
    target_input.bias_notice(settings)
    return settings, values
