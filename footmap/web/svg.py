"""One view of a chart as inline SVG for the HTML map.

:func:`view_svg` lays a view out with :func:`footmap.render.plot_map` (so labels, callouts and
their numbers are those of the figures) and writes what it drew as SVG elements in the page
frame (millimetres, y down): foot outlines, one ``<path id="zone-<zone id>" role="button">``
per zone, callouts and labels as real ``<text>``, one ``<g class="panel">`` per foot. Chart
text goes through :func:`footmap.text.safe.escape_html`.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from shapely.geometry.base import BaseGeometry

from footmap.chart.model import Chart, Zone
from footmap.render.artists import MapArtists
from footmap.render.layout import points_per_mm
from footmap.render.plot import plot_map
from footmap.text.describe import zone_title
from footmap.text.safe import escape_html as _e
from footmap.vocab import VIEWS

__all__ = ["FIGSIZE", "accessible_name", "path_d", "view_svg"]

#: Figure size (inches) each view is laid out for: sets which labels fit inside their zones.
FIGSIZE = (8.0, 6.5)
_FONT = "'DejaVu Sans', Verdana, 'Bitstream Vera Sans', Arial, Helvetica, sans-serif"


def _r(v: float) -> str:
    """A coordinate rounded to 0.1 mm, without a trailing ``.0``."""
    s = f"{v:.1f}"
    s = s[:-2] if s.endswith(".0") else s
    return "0" if s == "-0" else s


def path_d(geom: BaseGeometry, dx: float, dy: float) -> str:
    """SVG path data of a (multi)polygon in the page frame (y down), holes as subpaths."""
    out = []
    for poly in getattr(geom, "geoms", [geom]):
        for ring in [poly.exterior, *poly.interiors]:
            xy = np.asarray(ring.coords)[:-1]
            pts = " ".join(f"{_r(x + dx)} {_r(-(y + dy))}" for x, y in xy)
            out.append(f"M{pts}Z")
    return "".join(out)


class _Box:
    """A growing bounding box in page coordinates (mm, y down)."""

    def __init__(self) -> None:
        self.x0 = self.y0 = math.inf
        self.x1 = self.y1 = -math.inf

    def add(self, x0: float, y0: float, x1: float | None = None, y1: float | None = None) -> None:
        x1 = x0 if x1 is None else x1
        y1 = y0 if y1 is None else y1
        self.x0, self.y0 = min(self.x0, x0, x1), min(self.y0, y0, y1)
        self.x1, self.y1 = max(self.x1, x0, x1), max(self.y1, y0, y1)

    def union(self, other: _Box) -> _Box:
        box = _Box()
        for b in (self, other):
            if math.isfinite(b.x0):
                box.add(b.x0, b.y0, b.x1, b.y1)
        return box

    def viewbox(self, pad: float = 3.0) -> str:
        return " ".join(
            _r(v)
            for v in (
                self.x0 - pad,
                self.y0 - pad,
                self.x1 - self.x0 + 2 * pad,
                self.y1 - self.y0 + 2 * pad,
            )
        )


def _text(
    x: float,
    y: float,
    text: str,
    size_mm: float,
    *,
    cls: str,
    fill: str | None = None,
    weight: str = "normal",
    anchor: str = "middle",
    rotation: float = 0.0,
    extra: str = "",
) -> str:
    """One ``<text>`` element, a ``<tspan>`` per line, centred on ``(x, y)`` (page frame)."""
    lines = text.split("\n")
    lh = size_mm * 1.0
    top = y - lh * (len(lines) - 1) / 2
    attrs = f'class="{cls}" font-size="{size_mm:.2f}"'
    if fill:
        attrs += f' fill="{fill}"'
    if weight != "normal":
        attrs += f' font-weight="{weight}"'
    if anchor != "middle":
        attrs += f' text-anchor="{anchor}"'
    if rotation:
        attrs += f' transform="rotate({_r(-rotation)} {_r(x)} {_r(y)})"'
    if len(lines) == 1:
        return f'<text {attrs}{extra} x="{_r(x)}" y="{_r(y)}">{_e(text)}</text>'
    spans = "".join(
        f'<tspan x="{_r(x)}" y="{_r(top + k * lh)}">{_e(line)}</tspan>'
        for k, line in enumerate(lines)
    )
    return f"<text {attrs}{extra}>{spans}</text>"


# ------------------------------------------------------------------------------------------
# Arrow-key neighbours
# ------------------------------------------------------------------------------------------


# ------------------------------------------------------------------------------------------
# One view as SVG
# ------------------------------------------------------------------------------------------
def accessible_name(zone: Zone) -> str:
    """A zone button's accessible name: ``"Kidney: charts claim the kidneys"``."""
    return f"{zone.label}: charts claim the {zone.body_area}"


def view_svg(
    chart: Chart,
    view: str,
    feet: tuple[str, ...],
    number: dict[str, int],
    shown: tuple[bool, str] = (True, "both"),
    layers: Callable[[str, str, float, float], str] | None = None,
) -> dict:
    """Draw one view of ``chart`` with every foot in ``feet`` as inline SVG.

    Parameters
    ----------
    chart : Chart
    view : str
    feet : tuple of str
        The feet to draw (each gets a ``<g class="panel" data-foot=...>``).
    number : dict
        Zone id -> its number in the page's data (``data-z`` of its elements).
    shown : tuple of (bool, str), optional
        Whether this view shows first, and the foot (or ``"both"``) that shows first.
    layers : callable, optional
        ``layers(foot, view, dx, dy)`` -> SVG markup drawn over a panel's zones, under its
        callouts and labels (the anatomy layers of :mod:`footmap.web.anatomy`), for a panel
        whose frame is shifted by ``(dx, dy)``.

    Returns
    -------
    dict
        ``svg`` (the ``<svg>`` element as text), ``key`` (the numbered key: ``n``, ``label``,
        ``feet``) and ``at``
        (zone number -> its label point in the page frame).
    """
    fig = Figure(figsize=FIGSIZE, dpi=72)
    ax = fig.add_axes((0.0, 0.0, 1.0, 1.0))
    arts: MapArtists = plot_map(
        chart, feet=feet, views=(view,), ax=ax, legend=False, title=False, labels=True
    )
    scale = points_per_mm(ax, layout_done=True)  # points per mm
    mm = 1.0 / scale
    layout = arts.layout
    assert layout is not None
    boxes = {foot: _Box() for foot in feet}
    parts: dict[str, list[str]] = {foot: [] for foot in feet}

    for p in layout.panels:
        dx, dy = p.offset
        outline = chart.outline(p.foot, p.view).geometry
        parts[p.foot].append(f'<path class="outline" d="{path_d(outline, dx, dy)}"/>')
        x0, y0, x1, y1 = p.box
        boxes[p.foot].add(x0, -y1, x1, -y0)
    for text, x, y, weight in layout.headings:
        # the foot whose panel box is nearest the heading (side views stack their panels)
        foot = min(
            (p for p in layout.panels if p.foot in feet),
            key=lambda p: math.hypot(
                max(p.box[0] - x, 0.0, x - p.box[2]), max(p.box[1] - y, 0.0, y - p.box[3])
            ),
        ).foot
        size = (9 if weight == "bold" else 8.5) * mm
        parts[foot].append(_text(x, -y, text, size, cls="head", weight=weight))
        boxes[foot].add(
            x - size * len(text) * 0.3, -y - size, x + size * len(text) * 0.3, -y + size
        )

    # zones
    zones = arts.zones
    anchors = np.array(
        [
            [
                z.anchor[0] + arts.panels[z.foot, z.view][0],
                -(z.anchor[1] + arts.panels[z.foot, z.view][1]),
            ]
            for z in zones
        ],
        float,
    ).reshape(-1, 2)
    for z in zones:
        dx, dy = arts.panels[z.foot, z.view]
        parts[z.foot].append(
            f'<path id="zone-{_e(z.id)}" class="zone s-{_e(z.system)}" data-z="{number[z.id]}" '
            f'tabindex="-1" role="button" aria-label="{_e(accessible_name(z))}" '
            f'd="{path_d(z.geometry, dx, dy)}"><title>{_e(zone_title(chart, z))}</title></path>'
        )

    if layers is not None:
        for (foot, panel_view), (dx, dy) in arts.panels.items():
            parts[foot].append(layers(foot, panel_view, dx, dy))

    # callouts: leader, anchor dot, numbered circle (in the order place_once drew them)
    callouts = [t for t in arts.labels if (t.get_gid() or "").startswith("callout-")]
    key: dict[str, dict[str, Any]] = {}
    if callouts:
        leaders, rings = arts.leaders[0], arts.leaders[1]
        assert isinstance(leaders, LineCollection) and isinstance(rings, Line2D)
        segments = leaders.get_segments()
        radius = rings.get_markersize() / 2 * mm
        cx, cy = np.asarray(rings.get_xdata()), np.asarray(rings.get_ydata())
        for k, t in enumerate(callouts):
            z = chart.zone((t.get_gid() or "")[len("callout-") :])
            # every point of the leader: a bent one, or one run on to an outer column, has
            # three or four
            leader = np.asarray(segments[k], float)
            ax_, ay_ = float(leader[0, 0]), float(leader[0, 1])
            points = " ".join(f"{_r(px)},{_r(-py)}" for px, py in leader)
            x, y = float(cx[k]), -float(cy[k])
            n = t.get_text()
            dot = _r(max(0.9 * mm, 0.3))  # matplotlib's marker: 1.8 pt across
            parts[z.foot].append(
                f'<g class="callout" id="callout-{_e(z.id)}" data-z="{number[z.id]}">'
                f'<polyline class="leader" points="{points}"/>'
                f'<circle class="dot" cx="{_r(ax_)}" cy="{_r(-ay_)}" r="{dot}"/>'
                f'<circle class="ring" cx="{_r(x)}" cy="{_r(y)}" r="{_r(radius)}"/>'
                + _text(x, y, n, float(t.get_fontsize()) * mm, cls="num", weight="bold")
                + "</g>"
            )
            boxes[z.foot].add(x - radius, y - radius, x + radius, y + radius)
            entry = key.setdefault(n, {"n": int(n), "label": z.label, "feet": set()})
            entry["feet"].add(z.foot)

    # labels inside zones
    for t in arts.labels:
        gid = t.get_gid() or ""
        if not gid.startswith("label-"):
            continue
        z = chart.zone(gid[len("label-") :])
        x, y = t.get_position()
        parts[z.foot].append(
            _text(
                float(x),
                -float(y),
                t.get_text(),
                float(t.get_fontsize()) * mm,
                cls="lbl",
                fill=str(t.get_color()),
                rotation=float(t.get_rotation()),
                extra=f' data-z="{number[z.id]}"',
            )
        )

    # numbers written inside zones too small for their name (named in the key)
    for t in arts.labels:
        gid = t.get_gid() or ""
        if not gid.startswith("number-"):
            continue
        z = chart.zone(gid[len("number-") :])
        x, y = t.get_position()
        n = t.get_text()
        parts[z.foot].append(
            _text(
                float(x),
                -float(y),
                n,
                float(t.get_fontsize()) * mm,
                cls="znum",
                fill=str(t.get_color()),
                weight="bold",
                extra=f' data-z="{number[z.id]}"',
            )
        )
        entry = key.setdefault(n, {"n": int(n), "label": z.label, "feet": set()})
        entry["feet"].add(z.foot)

    total = _Box()
    for b in boxes.values():
        total = total.union(b)
    label = VIEWS[view]
    on, start_foot = shown
    body = "".join(
        f'<g class="panel" data-foot="{foot}" role="group" '
        + ("" if start_foot in ("both", foot) else 'display="none" ')
        + f'aria-label="{foot.capitalize()} foot, {_e(label.lower())}">{"".join(parts[foot])}</g>'
        for foot in feet
    )
    vb = {foot: boxes[foot].viewbox() for foot in feet}
    vb["both"] = total.viewbox()
    svg = (
        f'<svg id="view-{view}" class="fm-map{"" if on else " off"}" '
        'xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="{vb.get(start_foot, vb["both"])}" role="group" '
        f'aria-labelledby="view-{view}-t" '
        f'data-view="{view}" '
        + " ".join(f'data-vb-{k}="{v}"' for k, v in vb.items())
        + f' font-family="{_FONT}">'
        f'<title id="view-{view}-t">{_e(label)}: foot map, one button per zone</title>'
        f'{body}<g class="overlay"></g></svg>'
    )
    key_rows = [
        {"n": e["n"], "label": e["label"], "feet": sorted(e["feet"])}
        for e in sorted(key.values(), key=lambda e: e["n"])
    ]
    at = {
        number[z.id]: [round(float(x), 1), round(float(y), 1)]
        for z, (x, y) in zip(zones, anchors, strict=True)
    }
    return {"svg": svg, "key": key_rows, "at": at}
