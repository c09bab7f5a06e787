"""The workshop without Streamlit: every exercise's check against answers worked out here by
another route through the engine, every link against the pages' controls, the handout and the
QR codes."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest
from workshop_answers import ANSWERS

from dashboard.model.compare import DECAYS
from dashboard.url import controls
from dashboard.workshop import handout, params
from dashboard.workshop.exercises import EXERCISES, exercise, exercises_for, progress_text
from dashboard.workshop.model import Choice, Number, Settings, shown
from dashboard.workshop.qr import qr_matrix, qr_png, qr_svg

IDS = [ex.id for ex in EXERCISES]
BASE = "https://tinynet.example.org"


@pytest.fixture(scope="module")
def answers():
    return {key: find() for key, find in ANSWERS.items()}


# --- the exercises ---------------------------------------------------------------------------


def test_at_least_twelve_exercises_in_teaching_order():
    assert len(EXERCISES) >= 12 and len(set(IDS)) == len(IDS)
    assert set(ANSWERS) == set(IDS)  # every exercise has its answers worked out below
    order = list(params.PAGES)
    pages = [order.index(ex.page) for ex in EXERCISES]
    assert pages == sorted(pages) and set(pages) == set(range(len(order)))
    for ex in EXERCISES:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)+", ex.id) and len(ex.id) <= 16
        assert exercise(ex.id) is ex and ex in exercises_for(ex.page)


def test_words_for_a_learner():
    for ex in EXERCISES:
        for text in (ex.title, ex.question, ex.hint, ex.explanation):
            # "seed" only as the random seed, never meaning the tutorial
            assert not re.search(r"\bthe seed\b|\bseed's\b", text, re.IGNORECASE), (ex.id, text)
            assert text.strip() and "\n" not in text


@pytest.mark.parametrize("exercise_id", IDS)
def test_check_accepts_the_right_answer_and_rejects_a_wrong_one(exercise_id, answers):
    ex = exercise(exercise_id)
    right, wrong = answers[exercise_id]
    accepted = ex.check(right)
    assert accepted.correct, accepted.why
    rejected = ex.check(wrong)
    assert not rejected.correct, rejected.why
    assert accepted.why and rejected.why and accepted.why != rejected.why
    if exercise_id != "e2-seed":  # one right answer: the engine's solution is it
        assert ex.check(ex.solve()).correct and shown(ex.solve()) == shown(right)
    else:  # many seeds work: the solution is one of them
        assert ex.check(ex.solve()).correct


def test_answers_of_the_wrong_shape_get_a_sentence():
    for ex in EXERCISES:
        for nonsense in (None, "abc", float("nan"), -1e9, {"seed": "x"}, ("row 9",), True):
            feedback = ex.check(nonsense)
            assert not feedback.correct and feedback.why.endswith("."), (ex.id, nonsense)
    assert "from 1 to 128" in exercise("e2-fewest").check(200).why
    assert "whole number" in exercise("e2-fewest").check(2.5).why
    assert "Random seed" in exercise("e2-seed").check({"hidden": 2, "seed": 5000}).why


def test_each_kind_of_answer_reads_its_widget_values():
    assert Number("n", 0, 10, integer=True).read(3.0) == 3
    assert Choice("c", ("a", "b", "c"), multiple=True).read(["c", "a"]) == ("a", "c")
    fields = exercise("e2-seed").answer
    assert isinstance(fields, Settings)
    assert fields.read({"hidden": 2.0, "seed": 7, "extra": 1}) == {"hidden": 2, "seed": 7}


def test_progress_counts_exercises_only():
    assert progress_text(set()) == f"0 of {len(EXERCISES)} done"
    assert progress_text({IDS[0], IDS[3], "not-an-exercise"}) == f"2 of {len(EXERCISES)} done"


def test_exercises_for_a_page():
    assert [ex.id for ex in exercises_for("example_3")] == ["e3-stuck", "e3-race"]
    with pytest.raises(ValueError, match="unknown page 'example_9'"):
        exercises_for("example_9")
    with pytest.raises(ValueError, match="no exercise 'nope'"):
        exercise("nope")


# --- the links -------------------------------------------------------------------------------


def widget_ranges_hold(ex) -> None:
    """The link's values are ones the page's widgets offer (dashboard.url.controls' ranges)."""
    p = ex.params
    if "alpha" in p:
        assert float(p["alpha"]) in controls.ALPHA_OPTIONS
    for a in p.get("alphas", "").split(",") if "alphas" in p else []:
        assert float(a) in controls.ALPHA_OPTIONS
    if "iterations" in p:
        n = int(p["iterations"])
        assert controls.MIN_ITERATIONS <= n <= controls.MAX_ITERATIONS
        assert n % controls.ITERATION_STEP == 0
    assert int(p.get("seed", 1)) <= controls.MAX_SEED
    assert int(p.get("hidden", 4)) <= controls.MAX_HIDDEN
    assert float(p.get("decay", 0)) in DECAYS


@pytest.mark.parametrize("exercise_id", IDS)
def test_every_link_opens_valid_settings(exercise_id):
    ex = exercise(exercise_id)
    opened = params.link_settings(ex.page, ex.params)
    assert opened.page == ex.page and opened.run.iterations > opened.k
    widget_ranges_hold(ex)
    link = params.url(ex.page, ex.params, BASE)
    assert link.startswith(f"{BASE}/{ex.page}")
    for key, value in ex.params.items():
        assert f"{key}={value}" in link  # short codes, written as typed


def test_link_settings_read_the_codes():
    opened = params.link_settings(
        "example_3", {"init": "r", "alphas": "0.1,1,10", "bias": "off", "target": "0,1,1,0.5"}
    )
    assert opened.run.init == "r" and not opened.run.bias and opened.run.hidden == 32
    assert opened.alphas == (0.1, 1.0, 10.0) and opened.run.target == (0, 1, 1, 0.5)
    step = params.link_settings("step_by_step", {"example": "3", "k": "7", "reveal": "on"})
    assert (step.run.example, step.k, step.reveal) == (3, 7, True)
    compare = params.link_settings("compare_nnet", {"objective": "entropy", "seed": "3"})
    assert compare.nnet == params.NnetCall(4, 3, 0.0, True) and compare.run.init == "r"


@pytest.mark.parametrize(
    ("page_name", "bad", "message"),
    [
        ("example_1", {"hidden": "4"}, "example_1 has no setting hidden"),
        ("example_2", {"init": "python"}, "init must be one of numpy, r"),
        ("example_2", {"bias": "true"}, "bias must be one of on, off"),
        ("example_2", {"seed": "-1"}, "seed must be a whole number"),
        ("example_3", {"alphas": "1,x"}, "alphas must be plain numbers"),
        ("example_2", {"target": "maybe"}, "unknown target 'maybe'"),
        ("step_by_step", {"iterations": "100", "k": "100"}, "k must be an iteration"),
        ("compare_nnet", {"objective": "least squares"}, "objective must be one of sse"),
        ("workshop", {}, "unknown page 'workshop'"),
    ],
)
def test_link_settings_refuse_what_a_page_would_not_take(page_name, bad, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        params.link_settings(page_name, bad)


def test_the_apps_address():
    assert (
        params.app_base("https://t.streamlit.app/workshop", "workshop") == "https://t.streamlit.app"
    )
    assert params.app_base("http://localhost:8501/", "workshop") == "http://localhost:8501"
    assert params.app_base("https://x.org/sub/workshop", "workshop") == "https://x.org/sub"
    for bad in (None, "", "javascript:alert(1)", 'http://x/"><script>', "https://x.org/a b"):
        assert params.app_base(bad, "workshop") == params.LOCAL
    with pytest.raises(ValueError, match="plain http"):
        params.checked_base("https://x.org/<b>")


def test_page_titles_are_app_pys():
    source = (params.__file__.rsplit("/dashboard/", 1)[0]) + "/app.py"
    with open(source, encoding="utf-8") as app:
        text = app.read()
    for page, title in params.PAGES.items():
        assert f'st.Page("pages/{page}.py", title="{title}"' in text


# --- the handout -----------------------------------------------------------------------------


class Collect(HTMLParser):
    """Tags (balanced, except void ones), links, text, and anything that would fetch."""

    VOID = {"meta", "br", "img", "link", "input", "hr", "path"}

    def __init__(self):
        super().__init__()
        self.open: list[str] = []
        self.hrefs: list[str] = []
        self.text: list[str] = []
        self.fetches: list[str] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag not in self.VOID:
            self.open.append(tag)
        if tag == "a":
            self.hrefs.append(values["href"])
        if tag in ("script", "link", "img", "iframe") or "src" in values:
            self.fetches.append(tag)

    def handle_startendtag(self, tag, attrs):
        if tag == "path" or tag in self.VOID:
            return
        self.handle_starttag(tag, attrs)
        self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        assert self.open and self.open[-1] == tag, f"</{tag}> closes <{self.open[-1:]}>"
        self.open.pop()

    def handle_data(self, data):
        self.text.append(data)


def parsed(page: str) -> Collect:
    collector = Collect()
    collector.feed(page)
    collector.close()
    assert collector.open == []
    return collector


def test_the_printable_handout():
    page = handout.html_page(BASE)
    found = parsed(page)
    text = " ".join(found.text)
    assert found.fetches == [] and "@import" not in page and "url(" not in page
    assert "@media print" in page and page.count("Your answer") == len(EXERCISES)
    for ex in EXERCISES:
        assert params.url(ex.page, ex.params, BASE) in found.hrefs
        assert ex.title in text and f'id="{ex.id}"' in page
    assert page.count("<svg") == len(EXERCISES)  # a QR code beside every link
    assert "&amp;" in page and "&iterations" not in page  # the links' & escaped in HTML


def test_the_markdown_handout():
    text = handout.markdown(BASE)
    for n, ex in enumerate(EXERCISES, start=1):
        assert f"## {n}. {ex.title}" in text and ex.question in text
        assert f"<{params.url(ex.page, ex.params, BASE)}>" in text
    assert text.count("Your answer") == len(EXERCISES) and "**Answer:**" not in text
    for ex in EXERCISES:  # on paper, the options to tick
        if isinstance(ex.answer, Choice):
            assert all(f"- [ ] {option}" in text for option in ex.answer.options)


def test_the_solutions_are_the_engines_answers(answers):
    solved = handout.solutions()
    for ex in EXERCISES:
        if ex.id != "e2-seed":
            assert solved[ex.id].answer == shown(answers[ex.id][0])
        assert solved[ex.id].facts.startswith(("Right: ", "With "))
    text = handout.markdown(BASE, solved)
    page = handout.html_page(BASE, solved, codes=False)
    parsed(page)
    for ex in EXERCISES:
        assert f"**Answer:** {solved[ex.id].answer}" in text and ex.explanation in text
    assert page.count('class="solution"') == len(EXERCISES) and "<svg" not in page


def test_handout_text_is_escaped():
    assert handout.inline_html("a <b> & **bold** *it* `x<y`") == (
        "a &lt;b&gt; &amp; <strong>bold</strong> <em>it</em> <code>x&lt;y</code>"
    )
    page = handout.html_page("https://x.org/a&b")
    assert 'href="https://x.org/a&amp;b/example_1' in page
    with pytest.raises(ValueError):
        handout.html_page('https://x.org/"onmouseover="alert(1)')


# --- QR codes --------------------------------------------------------------------------------

KNOWN = "http://localhost:8501/example_2?hidden=1&iterations=10000"
FINDER = (
    "1111111",
    "1000001",
    "1011101",
    "1011101",
    "1011101",
    "1000001",
    "1111111",
)


def test_qr_matrix_is_a_deterministic_qr_code():
    matrix = qr_matrix(KNOWN)
    size = len(matrix)
    assert size == len(matrix[0]) and (size - 17) % 4 == 0  # version v: 17 + 4v modules
    for top, left in ((0, 0), (0, size - 7), (size - 7, 0)):  # the three finder patterns
        corner = [
            "".join("1" if m else "0" for m in row[left : left + 7])
            for row in matrix[top : top + 7]
        ]
        assert tuple(corner) == FINDER
    assert qr_matrix(KNOWN) == matrix
    code = f"from dashboard.workshop.qr import qr_matrix; print(qr_matrix({KNOWN!r}))"
    fresh = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    ).stdout.strip()
    assert fresh == repr(matrix)  # the same code in a new interpreter


def test_qr_svg_and_png():
    svg = qr_svg(KNOWN)
    root = ET.fromstring(svg)  # well-formed XML
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    size = len(qr_matrix(KNOWN)) + 8  # with the 4-module quiet zone on each side
    assert int(root.get("width")) == 8 * size
    inline = qr_svg(KNOWN, scale=2, inline=True)
    assert inline.startswith("<svg") and "xmlns" not in inline
    assert qr_png(KNOWN)[:8] == b"\x89PNG\r\n\x1a\n"
    with pytest.raises(ValueError):
        qr_svg("")
