"""Options for the whole suite (pytest reads them from this top-level conftest only)."""

from __future__ import annotations


def pytest_addoption(parser) -> None:
    parser.addoption(
        "--screenshots",
        metavar="DIR",
        default=None,
        help="keep the browser tests' page screenshots in DIR (docs: the README's); "
        "by default they go to a temporary folder, never into the repository",
    )
