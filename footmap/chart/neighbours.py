"""The arrow keys' walk: which zone an arrow key moves to, the same on every surface.

The explorer and the HTML map both let a reader walk the map from the keyboard; both ask
:func:`walk` (the HTML map embeds its answers), so a key press lands on the same zone in the
notebook and in the browser.

What a person pressing an arrow expects, and so what :func:`walk` does:

1. **Stay on the foot, move to a zone that touches this one** and lies that way: among the
   zones of the same foot and view closer than :data:`TOUCH_MM` (drawn zones are separated by
   gaps of 1-3 mm), those whose anchor lies within 60 degrees of the arrow; the winner is the
   one with the smallest ``along + 2 * across`` (distance along the arrow plus twice the
   sideways distance), so a zone straight ahead beats a nearer one off to the side.
2. Where nothing touching lies that way, **the nearest zone that way on the same foot**, by
   the same score (the walk crosses a gap between two zones that do not touch).
3. At the edge of a foot, **left and right cross to the other foot** of the same view when it
   is shown, as the feet are drawn side by side: the left foot on the left.
4. Otherwise the walk stays where it is.

Pure logic on the chart's geometry (shapely): no drawing, no widgets.

Examples
--------
>>> import footmap
>>> chart = footmap.load()
>>> walk(chart, "left.plantar.kidney", "down")
'left.plantar.colon-transverse'
>>> walk(chart, "left.plantar.spine-sacrum", "right")
'right.plantar.spine-sacrum'
>>> walk(chart, "left.plantar.spine-sacrum", "right", feet=("left",))
'left.plantar.spine-sacrum'
"""

from __future__ import annotations

import math
import weakref
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import shapely

from footmap.chart.model import Chart, Zone

__all__ = ["DIRECTIONS", "TOUCH_MM", "adjacency", "walk"]

#: Arrow key -> unit vector in the chart frame (x to the right of the page, y up the page),
#: in the order the HTML map lists its targets.
DIRECTIONS: dict[str, tuple[float, float]] = {
    "up": (0.0, 1.0),
    "down": (0.0, -1.0),
    "left": (-1.0, 0.0),
    "right": (1.0, 0.0),
}

#: Zones closer than this (chart millimetres) count as sharing a border.
TOUCH_MM = 3.0
#: Room between the two feet of one view when they are placed side by side (millimetres).
GAP_MM = 20.0


def adjacency(zones: Sequence[Zone], tolerance: float = TOUCH_MM) -> dict[str, tuple[str, ...]]:
    """Zone id -> ids of the zones of the same panel (foot and view) that border it.

    Parameters
    ----------
    zones : sequence of Zone
    tolerance : float, optional
        Gap (chart units) still counted as a shared border.

    Returns
    -------
    dict
        Every zone of ``zones`` is a key; neighbours are listed in ``zones`` order.

    Examples
    --------
    >>> import footmap
    >>> chart = footmap.load()
    >>> adj = adjacency(chart.zones_on("left", "plantar"))
    >>> "left.plantar.kidney" in adj["left.plantar.stomach"]
    True
    """
    out: dict[str, list[str]] = {z.id: [] for z in zones}
    panels: dict[tuple[str, str], list[Zone]] = {}
    for z in zones:
        panels.setdefault((z.foot, z.view), []).append(z)
    for group in panels.values():
        geoms = [z.geometry for z in group]
        pairs = shapely.STRtree(geoms).query(geoms, predicate="dwithin", distance=tolerance)
        for i, j in zip(*pairs, strict=True):
            if i < j:
                out[group[i].id].append(group[j].id)
                out[group[j].id].append(group[i].id)
    order = {z.id: k for k, z in enumerate(zones)}
    return {k: tuple(sorted(v, key=order.__getitem__)) for k, v in out.items()}


@dataclass(frozen=True)
class _Board:
    """A chart's zones placed for walking: every view's feet side by side, left foot first."""

    position: dict[str, tuple[float, float]]
    neighbours: dict[str, tuple[str, ...]]


_BOARDS: weakref.WeakKeyDictionary[Chart, _Board] = weakref.WeakKeyDictionary()


def _board(chart: Chart) -> _Board:
    board = _BOARDS.get(chart)
    if board is None:
        position: dict[str, tuple[float, float]] = {}
        for view in chart.views:
            dx = 0.0
            for foot in chart.feet:
                if (foot, view) not in chart.panels:
                    continue
                x0, _, x1, _ = chart.outline(foot, view).geometry.bounds
                shift = dx - x0
                for z in chart.zones_on(foot, view):
                    position[z.id] = (z.anchor[0] + shift, z.anchor[1])
                dx += (x1 - x0) + GAP_MM
        board = _Board(position, adjacency(chart.zones))
        _BOARDS[chart] = board
    return board


def _best(board: _Board, origin: str, candidates: Iterable[str], direction: str) -> str | None:
    ux, uy = DIRECTIONS[direction]
    x0, y0 = board.position[origin]
    best, best_score = None, math.inf
    for c in candidates:
        if c == origin:
            continue
        x, y = board.position[c]
        along = (x - x0) * ux + (y - y0) * uy
        across = abs((x - x0) * uy - (y - y0) * ux)
        if along <= 0 or across > along * math.sqrt(3):  # outside a 60 degree cone
            continue
        score = along + 2 * across
        if score < best_score:
            best, best_score = c, score
    return best


def walk(chart: Chart, zone_id: str, direction: str, *, feet: Sequence[str] | None = None) -> str:
    """The zone an arrow key in ``direction`` moves to from ``zone_id``.

    Parameters
    ----------
    chart : Chart
    zone_id : str
        The zone the walk is on.
    direction : {"up", "down", "left", "right"}
    feet : sequence of str, optional
        The feet shown (default: every foot of the chart); the walk never moves to a foot
        that is not shown.

    Returns
    -------
    str
        The id of the zone moved to: ``zone_id`` itself at the edge of what is shown. The
        rules, and why, are in the module's description.

    Raises
    ------
    ValueError
        For a direction other than ``"up"``, ``"down"``, ``"left"``, ``"right"``.
    KeyError
        For a zone id the chart does not have.

    Examples
    --------
    >>> import footmap
    >>> walk(footmap.load(), "left.plantar.kidney", "up")
    'left.plantar.stomach'
    """
    if direction not in DIRECTIONS:
        raise ValueError(f"direction must be one of {sorted(DIRECTIONS)}, not {direction!r}")
    zone = chart.zone(zone_id)
    board = _board(chart)
    step = _best(board, zone_id, board.neighbours[zone_id], direction)
    if step is None:
        same = (z.id for z in chart.zones_on(zone.foot, zone.view))
        step = _best(board, zone_id, same, direction)
    if step is None and direction in ("left", "right"):
        shown = chart.feet if feet is None else tuple(feet)
        other = (
            z.id for z in chart.zones_on(view=zone.view) if z.foot != zone.foot and z.foot in shown
        )
        step = _best(board, zone_id, other, direction)
    return step or zone_id
