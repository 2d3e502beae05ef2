"""The assessment map: outlines only (no system colours, no names) and numbered targets.

A number goes inside its zone when its circle fits there; otherwise it sits in a column
beside the foot with a leader line to a dot in the zone. Columns keep the numbers apart,
so no two numbers overlap and every number stays legible.
"""

from __future__ import annotations

from collections.abc import Sequence

import shapely
import shapely.affinity
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection

from footmap.assess.bank import Target
from footmap.chart.model import Chart
from footmap.render import fasttext
from footmap.render.artists import MapArtists
from footmap.render.labels import spread
from footmap.render.plot import plot_map

__all__ = ["NUMBER_PT", "ZONE_EDGE", "number_targets", "outline_map", "points_per_mm"]

#: Size of the printed numbers (points).
NUMBER_PT = 9.0
#: Zone edges: dark enough to print on any office printer (contrast about 10:1 on white).
ZONE_EDGE = "#555555"


def outline_map(
    chart: Chart, ax: Axes, *, feet: Sequence[str], views: Sequence[str], gap_mm: float = 40.0
) -> MapArtists:
    """Draw the feet as outlines on ``ax``: white zones, grey edges, no labels, no legend."""
    artists = plot_map(
        chart,
        feet=feet,
        views=views,
        ax=ax,
        color_by=None,
        labels=False,
        legend=False,
        title=False,
        key=False,
        gap_mm=gap_mm,
    )
    artists.collection.set_facecolor("white")
    artists.collection.set_edgecolor(ZONE_EDGE)
    artists.collection.set_linewidth(0.6)
    return artists


def points_per_mm(ax: Axes) -> float:
    """Printed points per chart millimetre at the Axes' current size (the map's scale)."""
    fig = ax.get_figure()
    assert fig is not None
    (x0, _), (x1, _) = ax.transData.transform([(0.0, 0.0), (100.0, 0.0)])
    return float(abs(x1 - x0)) / 100 * 72 / fig.dpi


def _place(
    artists: MapArtists, targets: Sequence[Target], size: float
) -> tuple[float, dict[int, tuple[float, float]], list[tuple[float, float, float, float]]]:
    """Where each number goes at the Axes' current scale.

    Returns the numbers' radius (mm), their centres, and the leaders ``(zone x, zone y,
    number x, number y)`` of those put beside their foot. A number put beside goes to the
    nearer side of its foot, unless its circle would touch a foot there (the gap between two
    feet is often narrower than a circle): then to the other side.
    """
    ax = artists.ax
    layout = artists.layout
    assert layout is not None
    scale = points_per_mm(ax)
    radius = size * 0.85 / scale  # mm from a number's centre to its circle
    step = radius * 2.5
    panel_of = {(p.foot, p.view): p for p in layout.panels}
    feet = shapely.union_all(
        [
            shapely.affinity.translate(artists.chart.outline(p.foot, p.view).geometry, *p.offset)
            for p in layout.panels
        ]
    )
    shapely.prepare(feet)
    where: dict[int, tuple[float, float]] = {}
    beside: list[tuple[Target, int, int, float, float]] = []  # target, panel, side, x, y
    for t in targets:
        z = t.zone
        p = panel_of[z.foot, z.view]
        dx, dy = p.offset
        ax_, ay_ = z.anchor
        room = z.geometry.exterior.distance(shapely.Point(ax_, ay_))
        if room >= radius * 1.15:
            where[t.number] = (ax_ + dx, ay_ + dy)
            continue
        bx0, _, bx1, _ = p.box
        side = 0 if ax_ + dx - bx0 < bx1 - (ax_ + dx) else 1
        beside.append((t, layout.panels.index(p), side, ax_ + dx, ay_ + dy))
    moved: set[int] = set()
    for _ in range(3):
        columns: dict[tuple[int, int], list[tuple[Target, float, float]]] = {}
        for t, k, side, x, y in beside:
            side = 1 - side if t.number in moved else side
            columns.setdefault((k, side), []).append((t, x, y))
        placed: dict[int, tuple[float, float]] = {}
        leaders = []
        # columns at about the same x (a view above another) are spread as one, so that
        # numbers near the end of one panel's column keep apart from the next panel's
        stacks: list[tuple[float, float, float, list[tuple[Target, float, float, float]]]] = []
        for (k, side), items in sorted(columns.items()):
            p = layout.panels[k]
            x0, y0, x1, y1 = p.box
            dist = min(max(p.room[side] - 1.5 * radius, 1.6 * radius), 14.0)
            x = x0 - dist if side == 0 else x1 + dist
            near = [s for s in stacks if abs(s[0] - x) < 2 * radius]
            if near:
                sx, lo, hi, members = near[0]
                stacks.remove(near[0])
                stacks.append((sx, min(lo, y0), max(hi, y1), members))
            else:
                stacks.append((x, y0, y1, []))
            stacks[-1][3].extend((t, x, axx, ayy) for t, axx, ayy in items)
        for _, lo, hi, members in stacks:
            members.sort(key=lambda it: it[3])
            ys = spread([it[3] for it in members], lo + radius, hi - radius, step)
            for (t, x, axx, ayy), y in zip(members, ys, strict=True):
                placed[t.number] = (x, y)
                leaders.append((axx, ayy, x, y))
        clash = {
            n
            for n, (x, y) in placed.items()
            if n not in moved and feet.intersects(shapely.Point(x, y).buffer(radius * 1.1))
        }
        if not clash:
            break
        moved |= clash
    where.update(placed)
    return radius, where, leaders


def _widen(ax: Axes, margin: float) -> None:
    """Widen the data limits by ``margin`` (mm) left and right, keeping the box's aspect."""
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    grow = (x1 - x0 + 2 * margin) / (x1 - x0)
    cy, half = (y0 + y1) / 2, (y1 - y0) / 2 * grow
    ax.set_xlim(x0 - margin, x1 + margin)
    ax.set_ylim(cy - half, cy + half)
    ax.apply_aspect()


def number_targets(
    artists: MapArtists, targets: Sequence[Target], *, size: float = NUMBER_PT
) -> dict[int, tuple[float, float]]:
    """Print each target's number in or beside its zone; return where each number went.

    A number beside a foot keeps its whole circle on the Axes: the map is drawn a little
    smaller when the columns need the room.

    Returns
    -------
    dict
        ``number -> (x, y)``: the centre of its circle in the Axes' data coordinates.
    """
    ax = artists.ax
    for _ in range(4):
        radius, where, leaders = _place(artists, targets, size)
        x0, x1 = ax.get_xlim()
        xs = [x for _, _, x, _ in leaders]
        need = max(
            [0.0] + [x0 - (x - radius * 1.2) for x in xs] + [x + radius * 1.2 - x1 for x in xs]
        )
        if need <= 1e-6:
            break
        _widen(ax, need)
    scale = points_per_mm(ax)
    segments, dots = [], []
    for axx, ayy, x, y in leaders:
        end = x + radius if x < axx else x - radius
        segments.append([(axx, ayy), (end, y)])
        dots.append((axx, ayy))
    if segments:
        lines = LineCollection(segments, colors="#222222", linewidths=0.7, zorder=5)
        lines.set_in_layout(False)
        ax.add_collection(lines, autolim=False)
        (dot_line,) = ax.plot(
            [d[0] for d in dots], [d[1] for d in dots], "o", markersize=2.4, color="#111111",
            zorder=5.1,
        )  # fmt: skip
        dot_line.set_in_layout(False)
    numbers = sorted(where)
    if numbers:
        (rings,) = ax.plot(
            [where[n][0] for n in numbers],
            [where[n][1] for n in numbers],
            linestyle="none",
            marker="o",
            markersize=2 * radius * scale,
            markerfacecolor="white",
            markeredgecolor="#111111",
            markeredgewidth=0.9,
            zorder=6,
        )
        rings.set_in_layout(False)
    for n in numbers:
        txt = fasttext.adopt(
            ax.text(
                *where[n],
                str(n),
                ha="center",
                va="center_baseline",
                fontsize=size,
                fontweight="bold",
                color="#111111",
                zorder=7,
                clip_on=False,
            )
        )
        txt.set_in_layout(False)
    return where
