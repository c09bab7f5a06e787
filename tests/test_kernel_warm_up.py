"""The kernel's warm-up in the background (tinynet.kernel.warm_up_in_background): training
never waits for the compiler. While the kernel warms up, training uses the NumPy loop; after,
the kernel; both give the tutorial's numbers, and replay follows the loop that trained a run.

The warm-up is simulated by a function that waits for an Event the test sets; each test starts
from a fresh warm-up state (the module's own is left alone)."""

import threading

import numpy as np
import pytest

from tinynet import kernel, preset, train
from tinynet.reference import check_run
from tinynet.replay import step_at


@pytest.fixture
def fresh(monkeypatch):
    """A warm-up not yet started, and no TINYNET_KERNEL to choose the engine."""
    monkeypatch.delenv("TINYNET_KERNEL", raising=False)
    monkeypatch.setattr(kernel, "_warming", kernel._WarmUp())


def _agrees_with_the_tutorial(run):
    checks = check_run(run)
    assert len(checks) == 40 and all(c.matches for c in checks)
    assert np.mean(np.abs(step_at(run, 20_000).error)) == run.error[20_000]


def test_training_uses_the_numpy_loop_until_the_kernel_is_ready(fresh, monkeypatch):
    release = threading.Event()
    monkeypatch.setattr(kernel, "warm_up", lambda: release.wait(60) and 0.0)
    ready = kernel.warm_up_in_background()
    assert not ready.is_set() and kernel.engine() == "numpy"
    run = train(preset(2))
    assert run.engine == "numpy"
    _agrees_with_the_tutorial(run)
    release.set()
    assert ready.wait(60)
    assert kernel.engine() == "numba"
    after = train(preset(2))
    assert after.engine == "numba"
    _agrees_with_the_tutorial(after)
    assert kernel.engine("numpy") == "numpy"  # asked for by name, either loop


def test_the_warm_up_starts_once_however_many_threads_ask(fresh, monkeypatch):
    calls, release = [], threading.Event()

    def warm_up():
        calls.append(threading.current_thread().name)
        release.wait(60)
        return 0.0

    monkeypatch.setattr(kernel, "warm_up", warm_up)
    barrier, events = threading.Barrier(8), []

    def ask():
        barrier.wait()
        events.append(kernel.warm_up_in_background())

    threads = [threading.Thread(target=ask) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert kernel.warm_up_in_background() is events[0]  # and once more, later
    release.set()
    assert events[0].wait(60)
    assert calls == ["tinynet-kernel-warm-up"] and all(e is events[0] for e in events)
    assert kernel._warming.thread.daemon  # never keeps a server from exiting


def test_a_failed_warm_up_leaves_training_on_the_numpy_loop(fresh, monkeypatch):
    def broken():
        raise RuntimeError("no compiler here")

    monkeypatch.setattr(kernel, "warm_up", broken)
    assert kernel.warm_up_in_background().wait(60)
    assert kernel.engine() == "numpy"
    assert train(preset(1).but(iterations=10)).engine == "numpy"
    assert str(kernel._warming.failed) == "no compiler here"


def test_the_real_warm_up_makes_the_kernel_the_engine(fresh):
    assert kernel.warm_up_in_background().wait(120)
    assert kernel._warming.failed is None
    assert kernel.engine() == "numba"
    assert len(kernel.train_chunk.signatures) == 1


def test_the_environment_still_decides_while_warming(fresh, monkeypatch):
    release = threading.Event()
    monkeypatch.setattr(kernel, "warm_up", lambda: release.wait(60) and 0.0)
    kernel.warm_up_in_background()
    monkeypatch.setenv("TINYNET_KERNEL", "numba")
    assert kernel.engine() == "numba"
    release.set()
    kernel._warming.ready.wait(60)
