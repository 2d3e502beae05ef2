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
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
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

    ids: tuple[str, ...]
    xy: np.ndarray  # (n, 2) anchors on the board
    index: dict[str, int]
    panel: dict[str, tuple[str, str]]
    neighbours: dict[str, tuple[str, ...]]
    trees: dict[tuple[str, str], tuple[shapely.STRtree, np.ndarray]]  # points, their rows


_BOARDS: weakref.WeakKeyDictionary[Chart, _Board] = weakref.WeakKeyDictionary()


def _board(chart: Chart) -> _Board:
    board = _BOARDS.get(chart)
    if board is None:
        by_panel: dict[tuple[str, str], list[Zone]] = {}
        for z in chart.zones:
            by_panel.setdefault((z.foot, z.view), []).append(z)
        ids: list[str] = []
        xy: list[tuple[float, float]] = []
        rows: dict[tuple[str, str], list[int]] = {}
        for view in chart.views:
            dx = 0.0
            for foot in chart.feet:
                if (foot, view) not in chart.panels:
                    continue
                x0, _, x1, _ = chart.outline(foot, view).geometry.bounds
                for z in by_panel.get((foot, view), ()):
                    rows.setdefault((foot, view), []).append(len(ids))
                    ids.append(z.id)
                    xy.append((z.anchor[0] + dx - x0, z.anchor[1]))
                dx += (x1 - x0) + GAP_MM
        pts = np.array(xy, float).reshape(-1, 2)
        trees = {
            panel: (shapely.STRtree(shapely.points(pts[r])), np.array(r, int))
            for panel, r in rows.items()
        }
        board = _Board(
            ids=tuple(ids),
            xy=pts,
            index={zid: k for k, zid in enumerate(ids)},
            panel={z.id: (z.foot, z.view) for z in chart.zones},
            neighbours=adjacency(chart.zones),
            trees=trees,
        )
        _BOARDS[chart] = board
    return board


def _score(board: _Board, origin: int, rows: np.ndarray, direction: str) -> tuple[int, float]:
    """The best row of ``rows`` that way from ``origin`` and its score, or ``(-1, inf)``."""
    if rows.size == 0:
        return -1, math.inf
    ux, uy = DIRECTIONS[direction]
    d = board.xy[rows] - board.xy[origin]
    along = d[:, 0] * ux + d[:, 1] * uy
    across = np.abs(d[:, 0] * uy - d[:, 1] * ux)
    ok = (along > 0) & (across <= along * math.sqrt(3)) & (rows != origin)  # a 60 degree cone
    if not ok.any():
        return -1, math.inf
    score = np.where(ok, along + 2 * across, np.inf)
    k = int(np.argmin(score))
    return int(rows[k]), float(score[k])


def _nearest_that_way(board: _Board, origin: int, panel: tuple[str, str], direction: str) -> int:
    """The best zone of ``panel`` that way from ``origin``: windows grow until none can beat it.

    A zone outside a window of radius ``r`` scores more than ``r`` (the score is at least the
    distance), so a best score within ``r`` is the best of the panel.
    """
    if panel not in board.trees:
        return -1
    tree, rows = board.trees[panel]
    x, y = board.xy[origin]
    r = 16.0
    while True:
        hits = tree.query(shapely.box(x - r, y - r, x + r, y + r))
        best, score = _score(board, origin, rows[hits], direction)
        if score <= r or hits.size == rows.size:
            return best
        r *= 4


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
    board = _board(chart)
    if zone_id not in board.index:
        chart.zone(zone_id)  # raises KeyError naming the zone
    origin = board.index[zone_id]
    near = np.array([board.index[n] for n in board.neighbours[zone_id]], int)
    step, _ = _score(board, origin, near, direction)
    foot, view = board.panel[zone_id]
    if step < 0:
        step = _nearest_that_way(board, origin, (foot, view), direction)
    if step < 0 and direction in ("left", "right"):
        shown = chart.feet if feet is None else tuple(feet)
        best = math.inf
        for other in shown:
            if other != foot:
                cand = _nearest_that_way(board, origin, (other, view), direction)
                if cand >= 0:
                    _, sc = _score(board, origin, np.array([cand]), direction)
                    if sc < best:
                        step, best = cand, sc
    return board.ids[step] if step >= 0 else zone_id
