""" "The code" expander: the script a page shows, executed, prints the page's numbers."""

from __future__ import annotations

import ast
import subprocess
import sys

import numpy as np
import pytest
from apptest_helpers import open_page, table_with

from dashboard.ui import cache
from dashboard.url.controls import example_controls, settings_from
from tinynet import SEED_ALPHAS, sweep, train
from tinynet.reference import FULL_TOLERANCE, SENSITIVE_TOLERANCE

pytestmark = pytest.mark.slow  # pages through AppTest, and their scripts run in a subprocess

script = pytest.importorskip("tinynet.script")


def run_script(source: str) -> list[dict[str, object]]:
    """Execute the script; one dict per trained network: error, layer_2, synapse_0/1."""
    out = subprocess.run(
        [sys.executable, "-c", source], capture_output=True, text=True, check=True, timeout=300
    ).stdout
    blocks, current = [], {}
    for line in out.splitlines():
        name, sep, rest = line.partition(": ")
        if sep and name in ("error", "layer_2", "synapse_0", "synapse_1"):
            current[name] = ast.literal_eval(rest)
            if name == "synapse_1":
                blocks.append(current)
                current = {}
    return blocks


def defaults(example: int):
    values = {c.key: c.default for c in example_controls(example)}
    return settings_from(example, values), values


def assert_close(ours, theirs, sensitive: bool) -> None:
    tolerance = SENSITIVE_TOLERANCE if sensitive else FULL_TOLERANCE
    np.testing.assert_allclose(np.asarray(theirs, float), np.asarray(ours, float), rtol=tolerance)


@pytest.mark.parametrize("example", [1, 2])
def test_script_prints_the_pages_numbers(example):
    settings, _ = defaults(example)
    (printed,) = run_script(script.seed_script(settings))
    run = train(settings)
    page = table_with(open_page(f"example_{example}"), "prediction")
    decimals = 8 if example == 1 else 3
    assert page["prediction"].tolist() == np.round(printed["layer_2"], decimals).tolist()
    assert_close(list(run.error[::10_000]) + [run.error[-1]], printed["error"], False)
    assert_close(run.synapse_0, printed["synapse_0"], False)


def test_example_3_script_prints_the_pages_sweep():
    settings, values = defaults(3)
    alphas = cache.sweep_alphas(values["alphas"], settings.alpha)
    assert alphas == SEED_ALPHAS
    printed = run_script(script.seed_script(settings, alphas=alphas))
    runs = sweep(settings, alphas)
    assert len(printed) == len(runs)
    at = open_page("example_3")
    table = table_with(at, "alpha", "best", "print 2")
    for run, numbers, (_, row) in zip(runs, printed, table.iterrows(), strict=True):
        sensitive = run.settings.alpha == 10.0  # the population's sums differ from np.dot's
        assert_close(
            row[["print 1", "print 2", "print 3"]].tolist(),
            numbers["error"][:3],
            sensitive,
        )
        assert_close(run.error[-1], numbers["error"][-1], sensitive)
    detail = table_with(at, "prediction")["prediction"].to_numpy()
    np.testing.assert_allclose(
        detail, np.round(printed[alphas.index(10.0)]["layer_2"], 4), atol=1e-4 + 1e-12
    )
