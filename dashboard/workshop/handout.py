"""The instructor's handout: every exercise with its question, its full link and room for the
answer, as Markdown or as a printable standalone HTML page (inline CSS and inline QR codes, no
external requests). The solutions version adds each answer, asked of the engine when the
handout is made, with the engine's facts and the explanation. No Streamlit.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .exercises import EXERCISES
from .model import Choice, Exercise, Number, shown
from .params import PAGES, checked_base, url
from .qr import qr_svg

TITLE = "tinynet workshop: backpropagation, number by number"
INTRO = (
    "Each exercise opens a page of the app with its starting settings: follow the link (or "
    "scan its code), explore, and write your answer below the question. The Workshop page of "
    "the app checks every answer and says why."
)


@dataclass(frozen=True)
class Solution:
    """An exercise's answer as the engine gives it, and the engine's facts behind it."""

    answer: str
    facts: str


def solutions(exercises: Sequence[Exercise] = EXERCISES) -> dict[str, Solution]:
    """Each exercise's right answer, asked of the engine now (the slow part: a few seconds)."""
    found = {}
    for ex in exercises:
        answer = ex.solve()
        found[ex.id] = Solution(shown(answer), ex.check(answer).why)
    return found


def markdown(base: str, answers: dict[str, Solution] | None = None) -> str:
    """The handout as Markdown, its links under the app's address `base`; with `answers`
    (see `solutions`), the solutions version."""
    base = checked_base(base)
    lines = [f"# {TITLE}" + (": solutions" if answers else ""), "", INTRO, ""]
    lines += [f"Check your answers on the Workshop page: <{url('workshop', {}, base)}>", ""]
    for n, ex in enumerate(EXERCISES, start=1):
        lines += [f"## {n}. {ex.title}", "", f"*{PAGES[ex.page]}*", "", ex.question, ""]
        lines += [f"Open: <{url(ex.page, ex.params, base)}>", ""]
        if answers is None:
            lines += [*prompt_lines(ex), ""]
            continue
        solution = answers[ex.id]
        lines += [f"**Answer:** {solution.answer}", "", f"*The engine:* {solution.facts}", ""]
        lines += [f"**Why:** {ex.explanation}", ""]
    return "\n".join(lines)


def html_page(base: str, answers: dict[str, Solution] | None = None, codes: bool = True) -> str:
    """The handout as one printable HTML page; `codes`: a QR code beside each link."""
    base = checked_base(base)
    title = TITLE + (": solutions" if answers else "")
    workshop = url("workshop", {}, base)
    body = [
        f"<h1>{html.escape(title)}</h1>",
        f"<p>{html.escape(INTRO)}</p>",
        f'<p>Check your answers: <a href="{html.escape(workshop)}">{html.escape(workshop)}</a></p>',
    ]
    for n, ex in enumerate(EXERCISES, start=1):
        body.append(_exercise_html(n, ex, base, None if answers is None else answers[ex.id], codes))
    return _PAGE.format(title=html.escape(title), body="\n".join(body))


def _exercise_html(n: int, ex: Exercise, base: str, solution: Solution | None, codes: bool) -> str:
    link = url(ex.page, ex.params, base)
    parts = [
        f'<section class="exercise" id="{html.escape(ex.id)}">',
        f"<h2>{n}. {html.escape(ex.title)}</h2>",
        f'<p class="page">{html.escape(PAGES[ex.page])}</p>',
        '<div class="ask">',
        f"<div><p>{inline_html(ex.question)}</p>",
        f'<p class="link">Open: <a href="{html.escape(link)}">{html.escape(link)}</a></p></div>',
    ]
    if codes:
        parts.append(f'<div class="qr">{qr_svg(link, scale=2, inline=True)}</div>')
    parts.append("</div>")
    if solution is None:
        lines = "".join(f"<p>{html.escape(line)}</p>" for line in prompt_lines(ex, markdown=False))
        parts.append(f'<div class="answer">{lines}</div>')
    else:
        parts += [
            f'<p class="solution"><strong>Answer:</strong> {html.escape(solution.answer)}</p>',
            f"<p><em>The engine:</em> {inline_html(solution.facts)}</p>",
            f"<p><strong>Why:</strong> {inline_html(ex.explanation)}</p>",
        ]
    parts.append("</section>")
    return "\n".join(parts)


def prompt_lines(ex: Exercise, markdown: bool = True) -> list[str]:
    """Where the answer goes on paper: the options to tick, or a line per number to fill in
    (as Markdown list items, or as plain lines for the HTML page)."""
    a = ex.answer
    if isinstance(a, Choice):
        how = "tick all that apply" if a.multiple else "tick one"
        items = [f"{'- [ ]' if markdown else '☐'} {option}" for option in a.options]
        return [f"Your answer ({how}):", *items]
    labels = [a.label] if isinstance(a, Number) else [f.label for f in a.fields]
    return [
        "Your answer:",
        *(f"{'- ' if markdown else ''}{label}: ____________" for label in labels),
    ]


_CODE = re.compile(r"`([^`]*)`")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_ITALIC = re.compile(r"\*(.+?)\*")


def inline_html(text: str) -> str:
    """Our Markdown's inline marks (`code`, **bold**, *italic*) as HTML, all text escaped."""
    pieces = _CODE.split(text)  # odd pieces are code spans
    out = []
    for i, piece in enumerate(pieces):
        escaped = html.escape(piece)
        if i % 2:
            out.append(f"<code>{escaped}</code>")
        else:
            out.append(_ITALIC.sub(r"<em>\1</em>", _BOLD.sub(r"<strong>\1</strong>", escaped)))
    return "".join(out)


_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
body {{ font-family: system-ui, -apple-system, "Segoe UI", sans-serif; max-width: 48rem;
  margin: 2rem auto; padding: 0 1rem; line-height: 1.45; color: #111; }}
h1 {{ font-size: 1.6rem; }}
h2 {{ font-size: 1.15rem; margin: 0 0 0.2rem; }}
.exercise {{ border: 1px solid #bbb; border-radius: 6px; padding: 0.8rem 1rem; margin: 1rem 0;
  break-inside: avoid; page-break-inside: avoid; }}
.page {{ color: #555; font-size: 0.9rem; margin: 0; }}
.ask {{ display: flex; gap: 1rem; align-items: flex-start; justify-content: space-between; }}
.link {{ font-size: 0.85rem; word-break: break-all; }}
.qr svg {{ display: block; }}
.answer {{ border: 1px dashed #888; min-height: 5rem; padding: 0.4rem; color: #666; }}
.solution {{ background: #eef6ee; padding: 0.3rem 0.5rem; }}
code {{ font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 0.92em; }}
@media print {{
  body {{ margin: 0; max-width: none; font-size: 11pt; }}
  a {{ color: #000; text-decoration: none; }}
  .exercise {{ border-color: #000; }}
  .answer {{ min-height: 7rem; }}
}}
</style>
</head>
<body>
{body}
</body>
</html>
"""
