"""The server's warm-up (dashboard.ui.warm_up): every dashboard module imported off the
request path, and app.py starting it."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def modules_on_disk() -> set[str]:
    names = set()
    for path in (ROOT / "dashboard").rglob("*.py"):
        parts = path.relative_to(ROOT).with_suffix("").parts
        names.add(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names - {"dashboard"}


def test_import_dashboard_imports_every_module_with_pandas_and_altair():
    # a fresh interpreter, so that nothing was imported before
    code = (
        "import sys; from dashboard.ui.warm_up import import_dashboard; "
        "names = import_dashboard(); "
        "print(','.join(sorted(names))); "
        "print(all(m in sys.modules for m in names + ['pandas', 'altair']))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert set(out[0].split(",")) == modules_on_disk()
    assert out[1] == "True"


def test_app_starts_the_warm_up_once():
    from streamlit.testing.v1 import AppTest

    import dashboard.ui.warm_up as warm_up

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.run()
    at.run()
    assert not at.exception
    assert len(warm_up._started) == 1
    warm_up._started[0].join(60)
    assert not warm_up._started[0].is_alive()
