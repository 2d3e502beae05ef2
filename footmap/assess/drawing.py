"""The assessment map: outlines only (no system colours, no names) and numbered targets.

A number goes inside its zone when its circle fits there; otherwise it sits in a column
beside the foot with a leader line to a dot in the zone. Columns keep the numbers apart,
so no two numbers overlap and every number stays legible.
"""

from __future__ import annotations

from collections.abc import Sequence

import shapely
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection

from footmap.assess.bank import Target
from footmap.chart.model import Chart
from footmap.render import fasttext
from footmap.render.artists import MapArtists
from footmap.render.plot import plot_map

__all__ = ["NUMBER_PT", "ZONE_EDGE", "number_targets", "outline_map"]

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


def _points_per_mm(ax: Axes) -> float:
    """Printed points per chart millimetre at the Axes' current size."""
    fig = ax.get_figure()
    assert fig is not None
    (x0, _), (x1, _) = ax.transData.transform([(0.0, 0.0), (100.0, 0.0)])
    return float(abs(x1 - x0)) / 100 * 72 / fig.dpi


def _spread(desired: list[float], lo: float, hi: float, step: float) -> list[float]:
    """Positions near ``desired`` (sorted), at least ``step`` apart, within ``[lo, hi]``."""
    ys = [min(max(d, lo), hi) for d in desired]
    for i in range(1, len(ys)):
        ys[i] = max(ys[i], ys[i - 1] + step)
    if ys and ys[-1] > hi:
        ys[-1] = hi
        for i in range(len(ys) - 2, -1, -1):
            ys[i] = min(ys[i], ys[i + 1] - step)
    return ys


def number_targets(
    artists: MapArtists, targets: Sequence[Target], *, size: float = NUMBER_PT
) -> dict[int, tuple[float, float]]:
    """Print each target's number in or beside its zone; return where each number went.

    Returns
    -------
    dict
        ``number -> (x, y)``: the centre of its circle in the Axes' data coordinates.
    """
    ax = artists.ax
    layout = artists.layout
    assert layout is not None
    scale = _points_per_mm(ax)
    radius = size * 0.85 / scale  # mm from a number's centre to its circle
    step = radius * 2.5
    panel_of = {(p.foot, p.view): p for p in layout.panels}
    where: dict[int, tuple[float, float]] = {}
    outside: dict[tuple[int, int], list[tuple[Target, float, float]]] = {}
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
        k = layout.panels.index(p)
        outside.setdefault((k, side), []).append((t, ax_ + dx, ay_ + dy))
    segments, dots = [], []
    for (k, side), items in outside.items():
        p = layout.panels[k]
        x0, y0, x1, y1 = p.box
        room = p.room[side]
        dist = min(max(room - 1.5 * radius, 1.6 * radius), 14.0)
        x = x0 - dist if side == 0 else x1 + dist
        items.sort(key=lambda it: it[2])
        ys = _spread([it[2] for it in items], y0 + radius, y1 - radius, step)
        for (t, axx, ayy), y in zip(items, ys, strict=True):
            where[t.number] = (x, y)
            end = x + radius if side == 0 else x - radius
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
