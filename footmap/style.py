"""Colours and hatches of the body systems, chosen to stay apart for colour-blind readers.

The ten system colours are Paul Tol's *muted* scheme (nine colours plus its pale grey), which
he designed to stay distinguishable under the common colour-vision deficiencies. Hatches give
a second, colour-free cue so that a grayscale print still separates the systems. Only data
lives here: nothing draws.

References
----------
Paul Tol, "Colour schemes", SRON technical note SRON/EPS/TN/09-002, https://personal.sron.nl/~pault/
"""

from __future__ import annotations

from footmap.vocab import SYSTEMS

__all__ = [
    "DIM_ALPHA",
    "EDGE",
    "OUTLINE_EDGE",
    "OUTLINE_FACE",
    "SYSTEM_COLORS",
    "SYSTEM_HATCHES",
    "TEXT_DARK",
    "TEXT_DIM",
    "TEXT_LIGHT",
    "VALUE_CMAP",
    "contrast",
    "text_color",
]

#: Body system id -> fill colour (Paul Tol's muted scheme; pale grey for bones and joints).
SYSTEM_COLORS: dict[str, str] = {
    "nervous": "#332288",  # indigo
    "sensory": "#88CCEE",  # cyan
    "endocrine": "#AA4499",  # purple
    "respiratory": "#44AA99",  # teal
    "cardiovascular": "#CC6677",  # rose
    "digestive": "#DDCC77",  # sand
    "urinary": "#999933",  # olive
    "lymphatic": "#117733",  # green
    "musculoskeletal": "#DDDDDD",  # pale grey
    "reproductive": "#882255",  # wine
}

#: Body system id -> matplotlib hatch pattern, for grayscale print.
SYSTEM_HATCHES: dict[str, str] = {
    "nervous": "xx",
    "sensory": "oo",
    "endocrine": "..",
    "respiratory": "\\\\\\",
    "cardiovascular": "++",
    "digestive": "///",
    "urinary": "---",
    "lymphatic": "||",
    "musculoskeletal": "",
    "reproductive": "**",
}

#: Colormap for colouring zones by a value (perceptually uniform and colour-blind safe).
VALUE_CMAP = "cividis"

#: Zone edges, foot outline stroke and the skin-coloured fill under the zones.
EDGE = "#4d4d4d"
OUTLINE_EDGE = "#2b2b2b"
OUTLINE_FACE = "#f6ede4"

#: Opacity of zones that are not highlighted while a highlight is shown.
DIM_ALPHA = 0.18

#: Text colours for labels on light and dark fills.
TEXT_DARK = "#1a1a1a"
TEXT_LIGHT = "#ffffff"
#: Labels of dimmed zones while others are highlighted: visibly quieter than TEXT_DARK, yet
#: at least 4.5:1 (WCAG AA) on every dimmed fill (tests/explorer/test_overlay.py checks each).
TEXT_DIM = "#474747"

assert set(SYSTEM_COLORS) == set(SYSTEMS) == set(SYSTEM_HATCHES), "palette out of date"


def _luminance(rgb: tuple[float, ...]) -> float:
    def lin(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (lin(float(c)) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str | tuple[float, ...], b: str | tuple[float, ...]) -> float:
    """WCAG contrast ratio of two colours (1 to 21), e.g. text against its background.

    Parameters
    ----------
    a, b : str or tuple of float
        Colours: hex strings (``"#777777"``) or RGB(A) floats in ``[0, 1]``.

    Examples
    --------
    >>> round(contrast("#000000", "#ffffff"), 1)
    21.0
    >>> round(contrast("#777777", "#ffffff"), 2)
    4.48
    """
    la, lb = (_luminance(_rgb(c)) for c in (a, b))
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)


def _rgb(c: str | tuple[float, ...]) -> tuple[float, ...]:
    if isinstance(c, str):
        h = c.lstrip("#")
        if len(h) == 3:
            h = "".join(ch * 2 for ch in h)
        return tuple(int(h[i : i + 2], 16) / 255 for i in (0, 2, 4))
    return tuple(c)


def text_color(rgb: tuple[float, ...]) -> str:
    """Return a readable text colour (dark or white) for a fill colour.

    Uses the WCAG relative luminance of the fill.

    Parameters
    ----------
    rgb : tuple of float
        The fill as RGB or RGBA floats in ``[0, 1]``.

    Returns
    -------
    str
        :data:`TEXT_DARK` on light fills, :data:`TEXT_LIGHT` on dark ones.

    Examples
    --------
    >>> text_color((1.0, 1.0, 1.0))
    '#1a1a1a'
    >>> text_color((0.2, 0.13, 0.53))
    '#ffffff'
    """

    def lin(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (lin(float(c)) for c in rgb[:3])
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    # Contrast against white vs against near-black: pick the larger.
    return TEXT_DARK if (luminance + 0.05) / 0.06 > 1.05 / (luminance + 0.05) else TEXT_LIGHT
