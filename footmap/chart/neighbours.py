"""Which zone an arrow key moves to: shared borders (shapely) and direction on the drawn map.

The explorer lets a reader walk the map from the keyboard: on the focused map, an arrow key
moves the selection to the neighbouring zone in that direction. "Neighbouring" means sharing a
border (within a small tolerance, as drawn zones are separated by gaps of 1-3 mm); when no
bordering zone lies that way, the nearest zone that way on the drawn map is taken instead, so
the walk crosses the gap between the feet. Pure logic: no widgets, no drawing.

Examples
--------
>>> import footmap
>>> chart = footmap.load()
>>> walk = ZoneWalk(chart.zones_on(view="plantar"), {("left", "plantar"): (0, 0),
...                                                 ("right", "plantar"): (150, 0)})
>>> walk.step("left.plantar.kidney", "up") in walk.neighbours["left.plantar.kidney"]
True
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import shapely

from footmap.chart.model import Zone

__all__ = ["DIRECTIONS", "ZoneWalk", "adjacency"]

#: Arrow key -> unit vector on the drawn map (x to the right, y up the page).
DIRECTIONS: dict[str, tuple[float, float]] = {
    "left": (-1.0, 0.0),
    "right": (1.0, 0.0),
    "up": (0.0, 1.0),
    "down": (0.0, -1.0),
}

#: Zones closer than this (chart millimetres) count as sharing a border.
TOUCH_MM = 3.0


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
    >>> "left.plantar.kidney" in adj["left.plantar.adrenal"]
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


class ZoneWalk:
    """Arrow-key moves between the zones drawn on a map.

    Parameters
    ----------
    zones : sequence of Zone
        The zones drawn.
    offsets : mapping
        ``(foot, view) -> (dx, dy)``: where each panel is drawn (data = local + offset), as
        :attr:`footmap.render.MapArtists.panels`.

    Attributes
    ----------
    zones : tuple of Zone
    neighbours : dict
        :func:`adjacency` of ``zones``.
    positions : dict
        Zone id -> its anchor on the drawn map.
    """

    def __init__(
        self, zones: Sequence[Zone], offsets: Mapping[tuple[str, str], tuple[float, float]]
    ) -> None:
        self.zones = tuple(zones)
        self.neighbours = adjacency(self.zones)
        self.positions: dict[str, tuple[float, float]] = {}
        for z in self.zones:
            dx, dy = offsets[(z.foot, z.view)]
            self.positions[z.id] = (z.anchor[0] + dx, z.anchor[1] + dy)

    def start(self) -> str | None:
        """The zone a walk starts on (nothing selected yet): the first zone drawn."""
        return self.zones[0].id if self.zones else None

    def step(self, zone_id: str | None, direction: str) -> str | None:
        """The zone an arrow key in ``direction`` moves to from ``zone_id``.

        Among the zones bordering ``zone_id`` that lie that way (within 60 degrees of the
        direction), the one whose anchor is closest, angle counted double; when none borders
        it that way, the closest zone that way on the whole map; ``zone_id`` itself at the
        edge of the map. From ``None`` (or a zone not drawn) the walk starts at :meth:`start`.

        Raises
        ------
        ValueError
            For a direction other than ``"left"``, ``"right"``, ``"up"``, ``"down"``.
        """
        if direction not in DIRECTIONS:
            raise ValueError(f"direction must be one of {sorted(DIRECTIONS)}, not {direction!r}")
        if zone_id not in self.positions:
            return self.start()
        near = self._best(zone_id, self.neighbours[zone_id], direction)
        if near is None:
            near = self._best(zone_id, self.positions, direction)
        return near or zone_id

    def _best(self, origin: str, candidates: Sequence[str] | Mapping, direction: str) -> str | None:
        ux, uy = DIRECTIONS[direction]
        x0, y0 = self.positions[origin]
        best, best_score = None, math.inf
        for c in candidates:
            if c == origin or c not in self.positions:
                continue
            x, y = self.positions[c]
            along = (x - x0) * ux + (y - y0) * uy
            across = abs((x - x0) * uy - (y - y0) * ux)
            if along <= 0 or across > along * math.sqrt(3):  # outside a 60 degree cone
                continue
            score = along + 2 * across
            if score < best_score:
                best, best_score = c, score
        return best
