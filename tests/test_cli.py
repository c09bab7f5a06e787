"""The command line: the seed's printouts, JSON for other tools, one-line errors with status 2."""

import json
import re
import subprocess
import sys

import pytest

from tinynet.cli import main


def _cli(*args: str) -> subprocess.CompletedProcess:
    """`python -m tinynet ...` in a subprocess (its tests are marked slow: each starts Python,
    NumPy and the kernel afresh)."""
    return subprocess.run(
        [sys.executable, "-m", "tinynet", *args], capture_output=True, text=True, timeout=120
    )


@pytest.mark.slow
def test_run_example_2_prints_the_seeds_numbers():
    result = _cli("run", "--example", "2")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    # the kernel adds in R's order, NumPy's BLAS (the seed's) otherwise: the last digit may move
    assert float(lines[0].removeprefix("Error:")) == pytest.approx(0.4964100319027255, rel=1e-15)
    assert float(lines[1].removeprefix("Error:")) == pytest.approx(0.008584525653247153, rel=1e-9)
    assert float(lines[2].removeprefix("Error:")) == pytest.approx(0.005789459862507812, rel=1e-9)
    assert lines[3] == "Final error: 0.00463"
    assert "array([[0.696, 0.124, 0.923, 0.996]," in result.stdout
    assert "[0.995, 1.   ]," in result.stdout  # layer_2 beside y
    assert "[-2.342, -5.706, -6.53 , -3.506]," in result.stdout
    assert "[-10.069]," in result.stdout


def test_run_example_2_r_prints_rs_lines(capsys):
    assert main(["run", "--example", "2", "--init", "r"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[:4] == [
        "Error: 0.0105538166393651",
        "Error: 0.00729252475321203",
        out[2],  # R's long-double mean prints ...426; ours 1 ulp away: checked below
        "Final error: 0.0059",
    ]
    assert float(out[2].removeprefix("Error: ")) == pytest.approx(0.0058973637409426, rel=1e-9)
    assert "[3,] 0.946 1.000 0.984 0.020" in out
    assert "[1,]  3.915  7.364  4.705 -3.669" in out


def test_run_example_1_in_both_flavours(capsys):
    assert main(["run", "--example", "1"]) == 0
    assert "[[0.00966449 0.        ]" in capsys.readouterr().out
    assert main(["run", "--example", "1", "--init", "r"]) == 0
    assert "[1,] 0.009670417 0" in capsys.readouterr().out


def test_run_example_3_r_alpha_10(capsys):
    assert main(["run", "--example", "3", "--init", "r"]) == 0
    out = capsys.readouterr().out
    assert "Training With Alpha: 10" in out
    assert "[2,] 0.9985    1" in out
    line = next(x for x in out.splitlines() if x.startswith("Error after 10000"))
    assert float(line.split(": ")[1]) == pytest.approx(0.00483502508464005, rel=1e-9)


def test_run_json_keeps_its_keys_and_meanings(capsys):
    assert main(["run", "--example", "2", "--iterations", "20001", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {
        "example",
        "init",
        "seed",
        "hidden",
        "alpha",
        "iterations",
        "activation",
        "target",
    } <= data.keys()
    assert (data["example"], data["init"], data["seed"], data["hidden"]) == (2, "numpy", 1, 4)
    assert data["target"] == [0, 1, 1, 0] and data["activation"] == "sigmoid"
    assert len(data["error"]) == 20001
    assert data["error"][10000] == pytest.approx(0.008584525653247153, rel=1e-9)
    assert len(data["prediction"]) == 4
    assert len(data["hidden_layer"]) == 4 and len(data["hidden_layer"][0]) == 4
    assert len(data["synapse_0"]) == 3 and len(data["synapse_0"][0]) == 4
    assert len(data["synapse_1"]) == 4 and len(data["synapse_1"][0]) == 1
    assert data["diverged_at"] is None


def test_run_json_for_example_1_has_nulls(capsys):
    assert main(["run", "--example", "1", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["hidden"] is None and data["hidden_layer"] is None and data["synapse_1"] is None
    assert len(data["synapse_0"]) == 3 and len(data["synapse_0"][0]) == 1
    assert round(data["prediction"][0], 8) == 0.00966449


def test_a_diverged_run_gives_null_not_nan(capsys):
    args = ["run", "--example", "3", "--activation", "relu", "--alpha", "1e200", "--json"]
    assert main(args) == 0
    text = capsys.readouterr().out
    assert "NaN" not in text and "Infinity" not in text
    data = json.loads(text)
    assert data["diverged_at"] == 1 and data["prediction"] == [None] * 4


def test_sweep_trains_the_alphas_together(capsys):
    assert main(["sweep", "--alphas", "0.1,1", "--iterations", "20001", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["alphas"] == [0.1, 1.0]
    errors = [run["error"][10000] for run in data["runs"]]
    assert errors == pytest.approx([0.030540490838554993, 0.007360522342493724], rel=1e-9)
    assert [run["hidden"] for run in data["runs"]] == [32, 32]


def test_sweep_prints_the_seeds_blocks(capsys):
    assert main(["sweep", "--alphas", "0.001,100", "--iterations", "20001"]) == 0
    out = capsys.readouterr().out
    assert "Training With Alpha:0.001\nError after 0 iterations:0.49643992250078794" in out
    assert "Training With Alpha:100" in out and "Error after 20000 iterations:0.5" in out


def test_custom_target_and_activation(capsys):
    assert (
        main(
            [
                "run",
                "--target",
                "0,1,1,0.5",
                "--activation",
                "tanh",
                "--iterations",
                "100",
                "--json",
            ]
        )
        == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert data["target"] == [0, 1, 1, 0.5] and data["activation"] == "tanh"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["run", "--hidden", "0"], "0"),
        (["run", "--iterations", "0"], "0"),
        (["run", "--iterations", "2000000"], "2000000"),
        (["run", "--alpha", "0"], "0"),
        (["run", "--alpha", "nan"], "nan"),
        (["run", "--alpha", "-3"], "-3"),
        (["run", "--target", "sometimes"], "sometimes"),
        (["run", "--target", "0,1,1"], "0,1,1"),
        (["run", "--target", "0,1,1,7"], "7"),
        (["run", "--target", "0,1,1,nan"], "nan"),
        (["run", "--activation", "swish"], "swish"),
        (["run", "--init", "julia"], "julia"),
        (["run", "--example", "9"], "9"),
        (["run", "--seed", "abc"], "abc"),
        (["sweep", "--alphas", "1,fast"], "fast"),
        (["nnet", "--size", "0"], "0"),
        (["nnet", "--decay", "-1"], "-1"),
        (["nnet", "--maxit", "0"], "0"),
        # work above the dashboard's bound (tinynet.budget): refused before training
        (["sweep", "--iterations", "1000000", "--alphas", ",".join(["0.5"] * 40)], "at most"),
        (["run", "--hidden", "1024", "--iterations", "1000000"], "would take about"),
    ],
)
def test_bad_input_is_one_line_on_stderr_and_status_2(args, named):
    result = _cli(*args)
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert named in result.stderr and "Traceback" not in result.stderr


def _numbers(block: str) -> list[float]:
    """The numbers of a printed matrix: a NumPy repr or an R matrix (its [i,] labels dropped)."""
    tokens = re.split(r"[\s,\[\]()]+", re.sub(r"\[\d*,\d*\]", " ", block))
    return [float(t) for t in tokens if re.fullmatch(r"-?[\d.]+(e[-+]?\d+)?|-?inf|nan", t)]


@pytest.mark.slow
@pytest.mark.parametrize("init", ["numpy", "r"])
def test_a_huge_alpha_prints_finite_weights_without_warnings(init):
    """alpha 1e308 makes weights near 1e305: np.round(w, 3) would overflow to -inf and warn."""
    import numpy as np

    from tinynet import preset, train

    result = _cli("run", "--alpha", "1e308", "--iterations", "100", "--init", init)
    assert result.returncode == 0 and result.stderr == ""
    run = train(preset(2).but(alpha=1e308, iterations=100, init=init))
    assert np.isfinite(run.synapse_0).all() and np.abs(run.synapse_0).max() > 1e305
    block = result.stdout.split("synapse_0, 3)")[1].split("synapse_1, 3)")[0]
    printed = np.array(_numbers(block))
    assert np.isfinite(printed).all()
    np.testing.assert_allclose(printed, run.synapse_0.ravel(), rtol=1e-6)
    assert "inf" not in result.stdout.lower()


def test_seed_round_keeps_numbers_too_big_to_scale():
    import numpy as np

    from tinynet.printing import seed_round

    values = np.array([1e308, -1.5e306, 1.23456, -0.0004, np.inf, np.nan])
    rounded = seed_round(values, 3)
    np.testing.assert_array_equal(rounded[:5], [1e308, -1.5e306, 1.235, -0.0, np.inf])
    assert np.isnan(rounded[5])
    assert seed_round(0.123456, 5) == 0.12346 and seed_round(1e308, 5) == 1e308


@pytest.mark.slow
def test_help_names_the_choices_and_the_program():
    result = _cli("run", "--help")
    assert result.returncode == 0 and result.stderr == ""
    assert result.stdout.startswith("usage: python -m tinynet run ")
    for choices in ("--example {1,2,3}", "--init {numpy,r}", "--activation {sigmoid,tanh,relu}"):
        assert choices in result.stdout
    assert "--target TARGET" in result.stdout  # free text: a name or four numbers


@pytest.mark.slow
def test_the_console_script_is_called_tinynet():
    """The `tinynet` command runs `sys.exit(main())` from a script of its own (pyproject)."""
    script = "import sys; from tinynet.cli import main; sys.exit(main())"
    result = subprocess.run(
        [sys.executable, "-c", script, "--help"], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0
    assert result.stdout.startswith("usage: tinynet [-h]")
    assert "  tinynet run --example 2\n" in result.stdout  # the examples name it too


@pytest.mark.slow
def test_a_reader_that_stops_early_gets_no_traceback():
    """`tinynet run --json | head -c 20`: the reader closes the pipe; we stop quietly."""
    process = subprocess.Popen(
        [sys.executable, "-m", "tinynet", "run", "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout.read(20).startswith(b'{"example": 2')
    process.stdout.close()
    _, stderr = process.communicate(timeout=120)
    assert stderr == b""
    assert process.returncode == 1
