"""Untrusted text (a link's value, a typed cell) made inert for Markdown. No Streamlit.

Streamlit renders every message as Markdown with GitHub's extensions, LaTeX (`$..$`),
colour and icon directives (`:red[..]`, `:material/..:`) and emoji shortcodes. CommonMark
lets a backslash escape any ASCII punctuation character, and an escaped character is plain
text to every one of those syntaxes, so escaping all of them leaves nothing that can start
a link, an image, a code span, HTML, a formula or a directive. Bare addresses are the
exception: GitHub's autolinks (`https://..`, `www.x`, `a@b.c`) are found in the text after
escaping, so a word joiner (U+2060, invisible) goes after every `:` and `@` and after `www`.
"""

from __future__ import annotations

import re
import string

LIMIT = 40  # characters of untrusted text a message shows, at most
_PUNCTUATION = frozenset(string.punctuation)  # ASCII punctuation: what CommonMark can escape
_SPACE = re.compile(r"\s+")
_AUTOLINK = re.compile(r"[:@]|www(?=\.)", re.IGNORECASE)  # where an autolink could start
_JOINER = "\u2060"


def inert(text: object, limit: int = LIMIT) -> str:
    """`text` as Markdown that shows exactly its characters: whitespace runs (newlines
    included) become one space, other unprintable characters are dropped, more than `limit`
    characters are cut with an ellipsis, every ASCII punctuation character is escaped, and
    no address can become a link."""
    plain = _SPACE.sub(" ", str(text))
    plain = "".join(c for c in plain if c.isprintable())
    if len(plain) > limit:
        plain = plain[: limit - 1] + "…"
    plain = _AUTOLINK.sub(lambda m: m.group(0) + _JOINER, plain)
    return "".join("\\" + c if c in _PUNCTUATION else c for c in plain)
