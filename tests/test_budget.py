"""The bound on the work the pages and the command line accept (tinynet.budget): its logic,
not its timing (bench/engine.py measures the engine; the estimate is fitted to it)."""

import pytest

from tinynet import preset
from tinynet.budget import MAX_SECONDS, check_work, estimate_seconds, work_message
from tinynet.train import MAX_POPULATION_WORK


@pytest.mark.parametrize("engine", ["numba", "numpy"])
def test_the_tutorials_runs_fit(engine):
    for example in (1, 2, 3):
        for init in ("numpy", "r"):
            check_work(preset(example).but(init=init), engine=engine)
    check_work(preset(3), 7, engine=engine)  # its sweep
    assert estimate_seconds(preset(2), engine=engine) < 1.0


@pytest.mark.parametrize("engine", ["numba", "numpy"])
def test_the_estimate_grows_with_the_work(engine):
    small = preset(3).but(hidden=8, iterations=10_000)
    one = estimate_seconds(small, engine=engine)
    assert estimate_seconds(small.but(iterations=20_000), engine=engine) == pytest.approx(2 * one)
    ten = estimate_seconds(small, 10, engine=engine)
    # the kernel trains members one after another; NumPy's loop all at once, at little cost
    assert ten == pytest.approx(10 * one) if engine == "numba" else one < ten < 10 * one
    assert estimate_seconds(small.but(hidden=64), engine=engine) > one


def test_the_kernels_cost_follows_the_hidden_activation_and_its_exp():
    def cost(activation, init):
        settings = preset(3).but(hidden=64, activation=activation, init=init)
        return estimate_seconds(settings, engine="numba")

    # the Python flavour's sigmoid has its own exp, vectorised; the R flavour the C library's
    assert cost("relu", "numpy") < cost("sigmoid", "numpy") < cost("sigmoid", "r")
    assert cost("sigmoid", "r") < cost("tanh", "r")  # the C library's tanh is slower still
    for activation in ("tanh", "relu"):  # the same code in both flavours
        assert cost(activation, "numpy") == cost(activation, "r")


def test_a_page_total_is_the_sum_of_its_populations():
    settings = preset(3).but(hidden=128, iterations=100_000)
    sweep, band = 19, 30  # the example_3?hidden=128&iterations=100000&...&ensemble=30
    assert work_message(settings, [sweep]) is None
    message = work_message(settings, [sweep, band])
    assert message.startswith("Training 19 + 30 networks for 100,000 iterations")
    assert "would take about" in message and f"limit is {MAX_SECONDS:.0f} s" in message


def test_the_message_says_what_would_fit():
    settings = preset(3).but(hidden=1024, iterations=1_000_000, activation="tanh")
    message = work_message(settings, [1])
    fits = int(message.split("try at most ")[1].split(" iterations")[0].replace(",", ""))
    assert check_work(settings.but(iterations=fits)) is None  # what it offers does fit
    assert "fewer hidden units" in message and "networks" not in message.split("try")[1]
    many = work_message(preset(3).but(iterations=1_000_000), [40])
    networks = int(many.split("at most ")[-1].split(" networks")[0])
    assert 1 <= networks < 40
    assert check_work(preset(3).but(iterations=1_000_000), networks) is None


def test_check_work_raises_value_error_with_the_message():
    settings = preset(3).but(iterations=1_000_000)
    with pytest.raises(ValueError, match="would take about .* try at most"):
        check_work(settings, 40)


def test_memory_is_bounded_too():
    settings = preset(1).but(iterations=1_000_000)  # fast enough, but 41 x 1e6 errors kept
    assert estimate_seconds(settings, 41, engine="numba") < MAX_SECONDS
    message = work_message(settings, [41], engine="numba")
    assert message and f"> {MAX_POPULATION_WORK:,}" in message and "at most 975,609" in message
