"""Zoom to a part of the foot: the toes, the ball, the arch or the heel (pure functions).

Where the map is small (JupyterLab at 1280 x 720 with the file browser open), most zones are
numbers with a key; zoomed to one part, the map is drawn two to three times larger and most of
those zones get their names inside. :func:`zoom_box` says which rectangle of the map's data
frame to show for a part; the explorer sets the Axes' limits to it and places the labels again
for the new scale (:meth:`footmap.explorer.Explorer.zoom`). Nothing here imports ipywidgets.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["MIN_GAIN", "PARTS", "ZOOM_LABELS", "fit_box", "part_box", "zoom_box"]

#: Each part as a share of the foot's length, from the back of the heel (0) to the tip of the
#: longest toe (1). Neighbouring parts overlap a little, so a zone on a border shows whole in
#: one of them (the bundled chart: toes from the necks of the toes, ball down to the
#: diaphragm line, arch from the diaphragm line to the heel pad, heel below it).
PARTS: dict[str, tuple[float, float]] = {
    "toes": (0.70, 1.0),
    "ball": (0.50, 0.80),
    "arch": (0.21, 0.55),
    "heel": (0.0, 0.27),
}

#: The zoom buttons' labels, in their order (``"whole"``: the whole map, no zoom).
ZOOM_LABELS: dict[str, str] = {
    "whole": "Whole foot",
    "toes": "Toes",
    "ball": "Ball",
    "arch": "Arch",
    "heel": "Heel",
}

#: Both feet stay in a zoomed view when that draws them at least this many times larger than
#: the whole map; else the view zooms into one foot (the other is one click away).
MIN_GAIN = 1.4

Box = tuple[float, float, float, float]


def part_box(box: Box, view: str, part: str) -> Box:
    """The rectangle of one panel's outline box ``box`` that holds ``part`` of the foot.

    Soles and tops (toes up) are cut along y; the side views (heel at the left) along x.

    Examples
    --------
    >>> part_box((0.0, 0.0, 100.0, 200.0), "plantar", "heel")
    (0.0, 0.0, 100.0, 54.0)
    >>> part_box((0.0, 0.0, 200.0, 100.0), "medial", "toes")
    (140.0, 0.0, 200.0, 100.0)
    """
    lo, hi = PARTS[part]
    x0, y0, x1, y1 = box
    if view in ("medial", "lateral"):
        w = x1 - x0
        return (x0 + lo * w, y0, x0 + hi * w, y1)
    h = y1 - y0
    return (x0, y0 + lo * h, x1, y0 + hi * h)


def _union(boxes: Sequence[Box]) -> Box:
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def _scale(box: Box, aspect: float) -> float:
    """Relative drawing scale of ``box`` in an Axes of width / height ``aspect``."""
    w, h = max(box[2] - box[0], 1e-6), max(box[3] - box[1], 1e-6)
    return min(aspect / w, 1.0 / h)


def zoom_box(
    panels: Sequence[tuple[str, str, Box]],
    extent: Box,
    part: str,
    aspect: float,
    foot: str | None = None,
) -> tuple[Box, tuple[str, ...]]:
    """The rectangle to show for ``part`` of the feet drawn, and the feet it shows.

    Parameters
    ----------
    panels : sequence of (foot, view, box)
        The map's panels with their outline boxes in data coordinates.
    extent : tuple
        The whole map's data extent (what "Whole foot" shows).
    part : str
        A key of :data:`PARTS`, or ``"whole"``.
    aspect : float
        The Axes' width / height on screen.
    foot : str, optional
        The foot to zoom into when both cannot be shown larger (the selection's); by
        default the first panel's.

    Returns
    -------
    (box, feet)

    Examples
    --------
    >>> panels = [("left", "plantar", (0.0, 0.0, 100.0, 250.0)),
    ...           ("right", "plantar", (150.0, 0.0, 250.0, 250.0))]
    >>> zoom_box(panels, (0.0, 0.0, 250.0, 250.0), "toes", 1.0)  # both: no larger: one foot
    ((0.0, 175.0, 100.0, 250.0), ('left',))
    >>> zoom_box(panels, (0.0, 0.0, 250.0, 250.0), "heel", 0.5, foot="right")[1]
    ('right',)
    >>> zoom_box(panels, (0.0, 0.0, 250.0, 250.0), "whole", 1.0)
    ((0.0, 0.0, 250.0, 250.0), ('left', 'right'))
    """
    feet = tuple(dict.fromkeys(f for f, _, _ in panels))
    if part == "whole" or not panels:
        return extent, feet
    if part not in PARTS:
        raise ValueError(f"part must be one of {['whole', *PARTS]}, not {part!r}")
    boxes = [(f, part_box(b, v, part)) for f, v, b in panels]
    both = _union([b for _, b in boxes])
    if len(feet) < 2 or _scale(both, aspect) >= MIN_GAIN * _scale(extent, aspect):
        return both, feet
    one = foot if foot in feet else feet[0]
    return _union([b for f, b in boxes if f == one]), (one,)


def fit_box(box: Box, aspect: float, extent: Box) -> Box:
    """``box`` widened to the Axes' shape (width / height ``aspect``), kept inside ``extent``.

    The extra room shows more of the feet around the part rather than empty paper: the box
    grows about its centre, then slides back inside the map's extent where it can.

    Examples
    --------
    >>> fit_box((0.0, 180.0, 100.0, 250.0), 1.0, (0.0, 0.0, 250.0, 250.0))
    (0.0, 150.0, 100.0, 250.0)
    """
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    if w / max(h, 1e-6) < aspect:
        grow = (h * aspect - w) / 2
        x0, x1 = x0 - grow, x1 + grow
    else:
        grow = (w / max(aspect, 1e-6) - h) / 2
        y0, y1 = y0 - grow, y1 + grow

    def slide(lo: float, hi: float, elo: float, ehi: float) -> tuple[float, float]:
        if hi - lo >= ehi - elo:
            mid = (elo + ehi) / 2
            return mid - (hi - lo) / 2, mid + (hi - lo) / 2
        shift = max(elo - lo, 0.0) - max(hi - ehi, 0.0)
        return lo + shift, hi + shift

    x0, x1 = slide(x0, x1, extent[0], extent[2])
    y0, y1 = slide(y0, y1, extent[1], extent[3])
    return (x0, y0, x1, y1)
