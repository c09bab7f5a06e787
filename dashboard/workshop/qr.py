"""A QR code for a link, to project or print (segno: pure Python, no network). No Streamlit.

qr_svg("https://example.org/example_2?hidden=1")   # an SVG document, as a string
qr_png(url)                                        # PNG bytes
"""

from __future__ import annotations

import io

import segno

ERROR = "m"  # recovers ~15% of a damaged or badly lit code: fine on a projector


def qr_code(url: str) -> segno.QRCode:
    """The QR code of `url`: a full-size code (never a micro one), error level M."""
    if not url:
        raise ValueError("a QR code needs a non-empty URL")
    return segno.make(url, error=ERROR, micro=False)


def qr_matrix(url: str) -> tuple[tuple[bool, ...], ...]:
    """The code's modules, row by row (True: dark), without the quiet zone."""
    return tuple(tuple(bool(m) for m in row) for row in qr_code(url).matrix)


def qr_svg(url: str, scale: int = 8, inline: bool = False) -> str:
    """An SVG of the code: a standalone document (with its namespace), or for `inline` use
    inside an HTML page. Dark modules black on white, with the standard 4-module quiet zone."""
    code = qr_code(url)
    if inline:
        return code.svg_inline(scale=scale, dark="#000", light="#fff")
    out = io.BytesIO()
    code.save(out, kind="svg", scale=scale, dark="#000", light="#fff", xmldecl=False)
    return out.getvalue().decode("utf-8")


def qr_png(url: str, scale: int = 8) -> bytes:
    """A PNG of the code, `scale` pixels per module."""
    out = io.BytesIO()
    qr_code(url).save(out, kind="png", scale=scale, dark="#000", light="#fff")
    return out.getvalue()
