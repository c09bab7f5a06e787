"""R's set.seed + runif, bit for bit, against draws R itself printed (fixtures/r-runif.txt)."""

from pathlib import Path

import numpy as np
import pytest

from tinynet.rrandom import RRandom, r_runif

FIXTURE = Path(__file__).parent / "fixtures" / "r-runif.txt"


def _r_rows() -> dict[int, list[float]]:
    rows = {}
    for line in FIXTURE.read_text().splitlines():
        parts = line.split()
        if parts and parts[0].lstrip("-").isdigit():
            rows[int(parts[0])] = [float(v) for v in parts[1:]]
    return rows


@pytest.mark.parametrize("seed", [1, 42, 123, 0, -7, 2147483647])
def test_runif_equals_r_exactly(seed):
    expected = _r_rows()[seed]
    assert len(expected) == 12
    assert r_runif(seed, 12, -1, 1).tolist() == expected


def test_a_long_stream_equals_r_exactly():
    # R: set.seed(1); runif(700)[620:630] (1-based, inclusive): past the first state refill at 624
    expected = [
        0.057372678304091096, 0.85166763979941607, 0.21264534583315253, 0.53946202783845365,
        0.13648758619092405, 0.32486514048650861, 0.62107629375532269, 0.25598224857822061,
        0.63487579883076251, 0.4856721069663763, 0.93817691667936742,
    ]  # fmt: skip
    assert r_runif(1, 700)[619:630].tolist() == expected


def test_matrix_fills_column_by_column_like_r():
    # R: set.seed(1); matrix(runif(6, -1, 1), 3, 2)
    expected = np.array(
        [
            [-0.46898267371580005, 0.81641557998955250],
            [-0.25575220072641969, -0.59663613792508841],
            [0.14570672670379281, 0.79677936993539333],
        ]
    )
    assert np.array_equal(RRandom(1).matrix(3, 2, -1, 1), expected)


def test_successive_calls_continue_one_stream():
    draws = RRandom(42)
    assert np.array_equal(
        np.concatenate([draws.runif(5, -1, 1), draws.runif(7, -1, 1)]), r_runif(42, 12, -1, 1)
    )


@pytest.mark.parametrize("bad", [-(2**31), 2**31, 1.5, "1", True, None])
def test_bad_r_seeds_are_rejected_with_their_value(bad):
    with pytest.raises(ValueError, match="seed"):
        RRandom(bad)
