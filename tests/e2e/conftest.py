"""The browser tests' fixtures: one `streamlit run app.py` and one Chromium for the whole
session (a test that needs a fresh server starts its own), a tab per module, and the folder
the screenshots go to. Their names avoid pytest-playwright's (`page`, `browser`, ...), which
would parametrize every test that uses them by browser."""

from __future__ import annotations

from pathlib import Path

import pytest
from browser_helpers import ARGS, CHROMIUM, streamlit_server

playwright = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="session")
def server():
    """The address of a `streamlit run app.py` shared by every browser test."""
    with streamlit_server() as url:
        yield url


@pytest.fixture(scope="session")
def chromium():
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def shared_tab(chromium):
    """One tab for the module, tall enough to draw every chart."""
    tab = chromium.new_page(viewport={"width": 1400, "height": 4000})
    yield tab
    tab.close()


@pytest.fixture(scope="session")
def screenshots(request, tmp_path_factory) -> Path:
    """Where the page screenshots go: a temporary folder, or the one given with
    --screenshots (`python -m pytest tests/e2e --screenshots=docs` renews the README's)."""
    chosen = request.config.getoption("--screenshots")
    if chosen is None:
        return tmp_path_factory.mktemp("screenshots")
    folder = Path(request.config.invocation_params.dir, chosen)
    folder.mkdir(parents=True, exist_ok=True)
    return folder
