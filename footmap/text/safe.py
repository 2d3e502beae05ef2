"""Text made safe to show: in a drawn page or a file, in a terminal, in HTML.

The one rule for chart text on every surface: :func:`display_text` for drawn text (PNG, SVG,
PDF), :func:`terminal_text` for what the command line prints, :func:`escape_html` for HTML.
"""

from __future__ import annotations

import html
import re

__all__ = ["display_text", "escape_html", "terminal_text"]


# Characters never drawn as they are: C0/C1 controls (NUL, BEL, ...; XML 1.0 forbids most of
# them), bidirectional overrides and isolates (which would reorder text in an SVG viewer),
# lone surrogates (which no encoder accepts) and the byte-order mark.
_UNSAFE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069"
    "\ufeff\ud800-\udfff\ufffe\uffff]"
)


def display_text(text: str, *, multiline: bool = False) -> str:
    r"""Chart text made safe to draw and to write into SVG, PDF and PNG files.

    Control characters, bidirectional overrides and lone surrogates become U+FFFD (the
    replacement character, so a reader sees that something was there); tabs become spaces;
    line breaks are kept only when ``multiline``. Markup such as ``<script>`` is left as it
    is: it is drawn as text, and the SVG writer escapes it.

    Parameters
    ----------
    text : str
    multiline : bool, optional
        Keep line breaks (``\n``); otherwise they become spaces.

    Returns
    -------
    str

    Examples
    --------
    >>> display_text("bell\x07 rlo\u202eevil\nnext") == "bell\ufffd rlo\ufffdevil next"
    True
    """
    text = str(text).replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    if not multiline:
        text = text.replace("\n", " ")
    return _UNSAFE.sub("\ufffd", text)


# Characters a terminal must never receive raw: C0 and C1 controls (ESC starts the CSI/OSC
# sequences that clear screens, retitle windows or hide links; 0x9b is a one-byte CSI),
# DEL, bidirectional marks, overrides and isolates, line/paragraph separators, the BOM,
# noncharacters and lone surrogates (which no encoder accepts).
_TERMINAL_UNSAFE = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069"
    "\ufeff\ud800-\udfff\ufffe\uffff]"
)
_TERMINAL_UNSAFE_LINE = re.compile(
    _TERMINAL_UNSAFE.pattern[:1] + "\n" + _TERMINAL_UNSAFE.pattern[1:]
)


def _escape_char(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal_text(text: str, *, multiline: bool = False) -> str:
    r"""Text made inert for a terminal: unsafe characters shown escaped, never raw.

    The one rule for everything footmap prints (chart text, file names, echoed input):
    control characters, bidirectional controls and lone surrogates become visible escapes
    such as ``\x1b`` or ``\u202e``; line breaks are kept only when ``multiline``.
    Encoding for a particular stream is the printer's job (see :mod:`footmap.cli`).

    Parameters
    ----------
    text : str
    multiline : bool, optional
        Keep line breaks (a CR LF pair counts as one); otherwise they are escaped too.

    Returns
    -------
    str

    Examples
    --------
    >>> print(terminal_text("title\x1b]0;owned\x07 rlo\u202e"))
    title\x1b]0;owned\x07 rlo\u202e
    >>> print(terminal_text("a\nb"))
    a\x0ab
    """
    text = str(text)
    if not multiline:
        return _TERMINAL_UNSAFE_LINE.sub(_escape_char, text)
    lines = text.replace("\r\n", "\n").split("\n")
    return "\n".join(_TERMINAL_UNSAFE.sub(_escape_char, line) for line in lines)


def escape_html(text: str) -> str:
    """Chart text made safe for HTML: unsafe characters replaced, then escaped.

    Unsafe characters are those :func:`display_text` replaces; line breaks are kept.

    Examples
    --------
    >>> escape_html("<img src=x onerror=alert(1)>\u202e")
    '&lt;img src=x onerror=alert(1)&gt;\ufffd'
    """
    return html.escape(display_text(text, multiline=True), quote=True)
