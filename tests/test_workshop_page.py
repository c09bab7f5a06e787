"""The Workshop page through AppTest: each exercise's Check on the page accepts the right
answer and rejects a wrong one (both worked out in tests/workshop_answers.py by another route
through the engine), the hint, the reveal, the progress line, and the handout downloads."""

from __future__ import annotations

import html
import re

import pytest
import streamlit
from apptest_helpers import open_page
from workshop_answers import ANSWERS

from dashboard.workshop import params
from dashboard.workshop.exercises import EXERCISES
from dashboard.workshop.model import Choice, Number

pytestmark = pytest.mark.slow  # every test here drives the page through AppTest

TOTAL = len(EXERCISES)


def give(at, ex, answer) -> None:
    """Put `answer` into the exercise's answer field(s) and press its Check button."""
    key = f"answer_{ex.id}"
    if isinstance(ex.answer, Number):
        at.number_input(key=key).set_value(answer)
    elif isinstance(ex.answer, Choice) and ex.answer.multiple:
        at.multiselect(key=key).set_value(list(answer))
    elif isinstance(ex.answer, Choice):
        at.radio(key=key).set_value(answer)
    else:
        for field, value in answer.items():
            at.number_input(key=f"{key}_{field}").set_value(value)
    at.button(key=f"check_{ex.id}").click().run()


def messages(at, kind: str) -> list[str]:
    return [m.value for m in getattr(at, kind)]


def progress(at) -> str:
    (bar,) = at.get("progress")
    return bar.proto.text


@pytest.fixture(scope="module")
def workshop_page():
    at = open_page("workshop")
    assert not at.exception
    return at


def test_the_page_lists_every_exercise_in_order(workshop_page):
    assert [h.value for h in workshop_page.header] == list(params.PAGES.values())
    assert progress(workshop_page) == f"0 of {TOTAL} done"
    titles = [m.value for m in workshop_page.markdown if re.match(r"\*\*\d+\. ", m.value)]
    assert titles == [f"**{n}. {ex.title}**" for n, ex in enumerate(EXERCISES, start=1)]
    links = workshop_page.get("page_link")
    assert len(links) == TOTAL
    for link, ex in zip(links, EXERCISES, strict=True):
        assert link.proto.page.endswith(ex.page) or ex.page in link.proto.page
        query = link.proto.query_string
        assert all(
            f"{key}={value}".replace(",", "%2C") in query for key, value in ex.params.items()
        )


def test_every_check_through_the_page(workshop_page):
    at = workshop_page
    for n, ex in enumerate(EXERCISES, start=1):
        right, wrong = ANSWERS[ex.id]()
        give(at, ex, wrong)
        assert not at.exception
        # the page shows the check's sentence as an error (every earlier exercise is right)
        assert messages(at, "error") == [ex.check(wrong).why], ex.id
        assert messages(at, "info") == [f"Hint: {ex.hint}"], ex.id
        assert len(messages(at, "success")) == n - 1
        give(at, ex, right)
        assert not at.exception and not messages(at, "error")
        assert messages(at, "success")[-1] == ex.check(right).why, ex.id
        assert f"Hint: {ex.hint}" not in messages(at, "info")
        assert f"**{n}. {ex.title}** :green[:material/check_circle:]" in [
            m.value for m in at.markdown
        ]
        assert progress(at) == f"{n} of {TOTAL} done"


def test_a_wrong_shape_says_so_and_the_reveal_explains():
    at = open_page("workshop")
    ex = EXERCISES[0]
    at.button(key=f"check_{ex.id}").click().run()  # nothing picked
    assert "Pick one of the options first." in messages(at, "error")
    assert progress(at) == f"0 of {TOTAL} done"
    at.session_state[f"reveal_{ex.id}"] = True
    at.run()
    shown = [m.value for m in at.markdown]
    assert f"**Answer:** {ANSWERS[ex.id]()[0]}" in shown and ex.explanation in shown


def test_the_handout_downloads_hold_every_exercise(monkeypatch):
    downloads: dict[str, object] = {}
    original = streamlit.download_button

    def spy(label, data, *args, **kwargs):
        downloads[kwargs["key"]] = data
        return original(label, data, *args, **kwargs)

    monkeypatch.setattr(streamlit, "download_button", spy)
    at = open_page("workshop")
    assert not at.exception
    markdown, page = downloads["download_handout_md"], downloads["download_handout_html"]()
    solutions = downloads["download_solutions_md"]()  # made on click: the engine answers
    solutions_page = downloads["download_solutions_html"]()
    base = params.LOCAL  # AppTest has no browser address
    for ex in EXERCISES:
        link = params.url(ex.page, ex.params, base)
        assert f"<{link}>" in markdown and f"<{link}>" in solutions
        assert html.escape(link) in page and html.escape(link) in solutions_page
        assert ex.question in markdown and html.escape(ex.title) in page
    assert solutions.count("**Answer:**") == TOTAL
    assert solutions_page.count('class="solution"') == TOTAL
