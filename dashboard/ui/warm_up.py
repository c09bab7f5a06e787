"""Warm a server once, off every request, so that the first visitor of each page pays for
neither the compiler nor the imports.

Measured with AppTest on this 2-core machine: the first run of a page in a server that had
only shown Home took 0.8-1.2 s, nearly all of it importing pandas, Altair and the dashboard's
modules (about 1.2 s in all); with them imported it took 0.06-0.3 s.
"""

from __future__ import annotations

import importlib
import pkgutil
import threading

import dashboard
from tinynet import kernel

_lock = threading.Lock()
_started: list[threading.Thread] = []


def warm_up_in_background() -> None:
    """Start the kernel's warm-up (tinynet.kernel) and, in a daemon thread of its own, import
    every module of the dashboard. Idempotent: the threads start once per process."""
    kernel.warm_up_in_background()
    with _lock:
        if not _started:
            thread = threading.Thread(target=import_dashboard, name="tinynet-imports", daemon=True)
            _started.append(thread)
            thread.start()


def import_dashboard() -> list[str]:
    """Import every module under dashboard/ (pandas and Altair with them); return their names."""
    names = [m.name for m in pkgutil.walk_packages(dashboard.__path__, "dashboard.")]
    for name in names:
        importlib.import_module(name)
    return names
