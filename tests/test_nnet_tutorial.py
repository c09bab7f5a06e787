"""The tutorial's own nnet printouts, reproduced: `nnet(X, y, size = 4)` after Example 2's
24 draws and `nnet(X, y, size = 32)` after Example 3's 128 (fixtures written by R from the
tutorial's code in tests/fixtures/nnet/make_fixtures.R; no test runs R)."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from tinynet.cli import main
from tinynet.nnet import fit_nnet
from tinynet.nnet_reference import (
    TUTORIAL_FITS,
    TUTORIAL_PRINTS,
    TUTORIAL_TRACES,
    check_nnet,
    tutorial_example,
)

FIXTURES = Path(__file__).parent / "fixtures" / "nnet"


def _r(example: int) -> dict:
    return json.loads((FIXTURES / f"tutorial_example_{example}.json").read_text())


@pytest.fixture(scope="module", params=[2, 3], ids=lambda e: f"example_{e}")
def tutorial(request) -> tuple[int, dict, object]:
    """The example, R's fit from the tutorial's code, and our fit from TUTORIAL_FITS."""
    call = TUTORIAL_FITS[request.param]
    return (
        request.param,
        _r(request.param),
        fit_nnet(size=call.size, seed=call.seed, skip=call.skip),
    )


def test_presets_are_the_fixtures_calls(tutorial):
    example, r, _ = tutorial
    call = TUTORIAL_FITS[example]
    assert (call.size, call.seed, call.skip) == (r["size"], r["seed"], r["skip"])
    assert (r["decay"], r["entropy"], r["maxit"], r["target"]) == (0, False, 100, [0, 1, 1, 0])
    assert call.example == example and call.why


def test_trace_lines_exactly(tutorial):
    example, r, fit = tutorial
    assert list(fit.trace) == r["trace"]  # R's lines, R's spacing
    # the tutorial's page shows the same lines with runs of spaces collapsed
    assert [" ".join(line.split()) for line in fit.trace] == list(TUTORIAL_TRACES[example])


def test_every_coefficient_at_the_printed_precision_and_to_1e9():
    r = _r(2)
    call = TUTORIAL_FITS[2]
    fit = fit_nnet(size=call.size, seed=call.seed, skip=call.skip)
    printed = {p.quantity: p.text for p in TUTORIAL_PRINTS[2] if not p.quantity.startswith("fit")}
    assert list(printed) == list(fit.names) == r["names"]  # all 21, in nnet's order
    assert [f"{w:.3f}" for w in fit.weights] == list(printed.values())
    assert [f"{w:.3f}" for w in r["weights"]] == list(printed.values())  # R agrees with the page
    np.testing.assert_allclose(fit.weights, r["weights"], rtol=1e-9, atol=0)
    assert fit.weights[1] == pytest.approx(-49025.055, abs=5e-4)  # i1->h1: tens of thousands


def test_fitted_values(tutorial):
    example, r, fit = tutorial
    np.testing.assert_allclose(fit.fitted, r["fitted"], rtol=1e-9, atol=0)
    if example == 2:
        assert fit.fitted.tolist() == [0.0, 1.0, 1.0, 0.0]  # what fitted() prints: 0 1 1 0
    else:
        assert [f"{v:.10f}" for v in fit.fitted] == [
            "0.0001274475", "0.9933000550", "0.9959851931", "0.0019116939",
        ]  # fmt: skip


def test_value_iterations_convergence(tutorial):
    _, r, fit = tutorial
    assert fit.value == pytest.approx(r["value"], rel=1e-9, abs=1e-300)
    assert fit.iterations == r["iterations"] and fit.converged == (r["convergence"] == 0)


def test_check_nnet_marks_every_printed_line_and_number(tutorial):
    example, _, fit = tutorial
    checks = check_nnet(fit)
    expected = len(TUTORIAL_TRACES[example]) + len(TUTORIAL_PRINTS[example])
    assert len(checks) == expected == (6 + 21 + 4 if example == 2 else 6 + 4)
    assert all(c.matches for c in checks), [c for c in checks if not c.matches]
    assert checks[1].seed_says == TUTORIAL_TRACES[example][1]
    assert checks[1].we_get == fit.trace[1]  # R's own spacing, "initial  value ... "


@pytest.mark.parametrize(
    "kwargs",
    [
        {"size": 4, "seed": 1},  # a fresh set.seed(1) fit: R's 1.240842 start
        {"size": 4, "seed": 1, "skip": 128},
        {"size": 32, "seed": 1, "skip": 24},
        {"size": 4, "seed": 2, "skip": 24},
        {"size": 4, "seed": 1, "skip": 24, "decay": 0.01},
        {"size": 4, "seed": 1, "skip": 24, "entropy": True},
        {"size": 4, "seed": 1, "skip": 24, "maxit": 20},
        {"size": 4, "seed": 1, "skip": 24, "target": (0, 0, 1, 1)},
        {"size": 4, "seed": 1, "skip": 24, "x": [[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 0]]},
    ],
)
def test_check_nnet_is_empty_for_other_fits(kwargs):
    fit = fit_nnet(**kwargs)
    assert tutorial_example(fit) is None
    assert check_nnet(fit) == []


def test_a_wrong_number_is_marked():
    call = TUTORIAL_FITS[2]
    fit = fit_nnet(size=call.size, seed=call.seed, skip=call.skip)
    weights = fit.weights.copy()
    weights[0] += 0.001  # b->h1 5320.331
    trace = (*fit.trace[:2], "iter  10 value 0.998589", *fit.trace[3:])
    tampered = dataclasses.replace(fit, weights=weights, trace=trace)
    failed = {c.quantity for c in check_nnet(tampered) if not c.matches}
    assert failed == {"b->h1", "trace[2]"}


# --- the command line -------------------------------------------------------------------


def _expected_block(r: dict) -> str:
    return "\n".join(
        [
            *r["trace"],
            "data.frame(coef(fit_nnet))",
            *r["printed_coef"],
            "fitted(fit_nnet)",
            *r["printed_fitted"],
        ]
    )


def test_cli_prints_the_tutorials_size_4_block_as_r_does():
    result = subprocess.run(
        [sys.executable, "-m", "tinynet", "nnet", "--size", "4", "--seed", "1", "--skip", "24"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == _expected_block(_r(2)) + "\n"
    assert "b->h1        5320.330" in result.stdout and "[1,]    0" in result.stdout


def test_cli_prints_the_tutorials_size_32_block(capsys):
    assert main(["nnet", "--size", "32", "--seed", "1", "--skip", "128"]) == 0
    out = capsys.readouterr().out
    assert out == _expected_block(_r(3)) + "\n"
    assert out.endswith(
        "[1,] 0.0001274475\n[2,] 0.9933000550\n[3,] 0.9959851931\n[4,] 0.0019116939\n"
    )


def test_cli_json_records_skip(capsys):
    assert main(["nnet", "--size", "4", "--seed", "1", "--skip", "24", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["skip"] == 24
    assert data["trace"] == _r(2)["trace"]
    assert data["weights"][0] == ["b->h1", _r(2)["weights"][0]]


@pytest.mark.parametrize("skip", ["-1", "1000001", "1.5", "many"])
def test_cli_bad_skip_is_one_line_and_status_2(skip):
    result = subprocess.run(
        [sys.executable, "-m", "tinynet", "nnet", "--skip", skip],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert skip in result.stderr and "Traceback" not in result.stderr
