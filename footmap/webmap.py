"""A standalone interactive HTML map: one file, no server, no network, no Python to view it.

:func:`write_html` writes a single self-contained HTML file (inline SVG, CSS and JavaScript;
no CDN, no fetch, no external font; a Content-Security-Policy forbids any external load). It
opens from ``file://`` on a phone or a laptop. Every view of the chart is drawn as an inline
SVG that looks like the PNG export (system colours, labels inside zones, numbered callouts
with a key) with real ``<text>``. Each zone is a focusable ``role="button"`` element
``id="zone-<zone id>"``. A click, tap or Enter shows what charts claim for the zone, with
numbered sources; the evidence and safety caveats stay on screen. The search box matches as
the explorer's does (:mod:`footmap.search`), and the selection lives in the URL fragment
(``map.html#left.plantar.kidney``).

The map is laid out by :func:`footmap.render.plot_map` (labels, callouts and numbers exactly
as the figures have them) and written out here as SVG elements; chart text goes through
:func:`footmap.describe.escape_html`, the project's one escaping rule.
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
import os
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import shapely
from matplotlib.figure import Figure
from shapely.geometry.base import BaseGeometry

from . import __version__, describe, palette
from .chart import Chart, Claim, Zone
from .describe import escape_html as _e
from .errors import FootmapError
from .layout import normalise_feet, normalise_views, points_per_mm
from .render import MapArtists, plot_map
from .search import search_index
from .vocab import SYSTEMS, VIEWS

__all__ = ["FIGSIZE", "html_document", "neighbours", "write_html"]

#: Figure size (inches) each view is laid out for: sets which labels fit inside their zones.
FIGSIZE = (8.0, 6.5)
#: Directions of the arrow keys, in the order :func:`neighbours` lists targets.
DIRECTIONS = ("up", "down", "left", "right")
_UNIT = {"up": (0.0, -1.0), "down": (0.0, 1.0), "left": (-1.0, 0.0), "right": (1.0, 0.0)}
_FONT = "'DejaVu Sans', Verdana, 'Bitstream Vera Sans', Arial, Helvetica, sans-serif"
TOUCH_MM = 2.0  #: zones closer than this (mm) count as neighbours for the arrow keys


def _asset(name: str) -> str:
    return resources.files("footmap").joinpath("web", name).read_text(encoding="utf-8")


def _r(v: float) -> str:
    """A coordinate rounded to 0.1 mm, without a trailing ``.0``."""
    s = f"{v:.1f}"
    s = s[:-2] if s.endswith(".0") else s
    return "0" if s == "-0" else s


def _path_d(geom: BaseGeometry, dx: float, dy: float) -> str:
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
def neighbours(
    zones: Sequence[Zone], anchors: np.ndarray, panel: Sequence[int]
) -> tuple[list[list[int]], list[list[int]]]:
    """The zone each arrow key moves to, within a panel and across panels of one view.

    A zone's neighbours are the zones of its panel it touches (closer than
    :data:`TOUCH_MM`, by shapely). An arrow moves to the neighbour best placed in that
    direction (within 60 degrees of it, nearest first, straightest on ties); with none
    there, to the nearest zone of the panel in that direction; ``-1`` when there is none.

    Parameters
    ----------
    zones : sequence of Zone
        The zones of one view.
    anchors : numpy.ndarray
        ``(n, 2)`` label points in the page frame (mm, y down).
    panel : sequence of int
        Panel number of each zone.

    Returns
    -------
    within, across : list of list of int
        Per zone, the target index for up, down, left and right (:data:`DIRECTIONS`):
        ``within`` its own panel, ``across`` in the other panels (used when both feet show
        and ``within`` has none).
    """
    n = len(zones)
    geoms = np.array([z.geometry for z in zones], dtype=object)
    tree = shapely.STRtree(geoms)
    touching: list[set[int]] = [set() for _ in range(n)]
    if n:
        left, right = tree.query(geoms, predicate="dwithin", distance=TOUCH_MM)
        for a, b in zip(left.tolist(), right.tolist(), strict=True):
            if a != b and panel[a] == panel[b]:
                touching[a].add(b)
    panel_arr = np.asarray(panel, int)

    def best(i: int, cands: np.ndarray, u: tuple[float, float]) -> int:
        if cands.size == 0:
            return -1
        v = anchors[cands] - anchors[i]
        dist = np.hypot(v[:, 0], v[:, 1])
        ok = dist > 1e-9
        cos = np.where(ok, (v[:, 0] * u[0] + v[:, 1] * u[1]) / np.where(ok, dist, 1), -1)
        good = cos >= 0.5
        if not good.any():
            return -1
        score = dist * (2.0 - cos)
        score[~good] = np.inf
        return int(cands[int(np.argmin(score))])

    within: list[list[int]] = []
    across: list[list[int]] = []
    for i in range(n):
        near = np.array(sorted(touching[i]), int)
        same = np.flatnonzero((panel_arr == panel_arr[i]) & (np.arange(n) != i))
        other = np.flatnonzero(panel_arr != panel_arr[i])
        row_in, row_out = [], []
        for d in DIRECTIONS:
            u = _UNIT[d]
            t = best(i, near, u)
            row_in.append(t if t >= 0 else best(i, same, u))
            row_out.append(best(i, other, u))
        within.append(row_in)
        across.append(row_out)
    return within, across


# ------------------------------------------------------------------------------------------
# One view as SVG
# ------------------------------------------------------------------------------------------
def _accessible_name(zone: Zone) -> str:
    return f"{zone.label}: charts claim the {zone.body_area}"


def _view_svg(
    chart: Chart,
    view: str,
    feet: tuple[str, ...],
    number: dict[str, int],
    shown: tuple[bool, str] = (True, "both"),
) -> dict:
    """Draw one view with every foot; return its SVG, key entries, boxes and neighbours."""
    fig = Figure(figsize=FIGSIZE, dpi=72)
    ax = fig.add_axes((0.0, 0.0, 1.0, 1.0))
    arts: MapArtists = plot_map(
        chart, feet=feet, views=(view,), ax=ax, legend=False, title=False, labels=True
    )
    scale = points_per_mm(ax, layout_done=True)  # points per mm
    mm = 1.0 / scale
    layout = arts._layout
    assert layout is not None
    boxes = {foot: _Box() for foot in feet}
    parts: dict[str, list[str]] = {foot: [] for foot in feet}

    for p in layout.panels:
        dx, dy = p.offset
        outline = chart.outline(p.foot, p.view).geometry
        parts[p.foot].append(f'<path class="outline" d="{_path_d(outline, dx, dy)}"/>')
        x0, y0, x1, y1 = p.box
        boxes[p.foot].add(x0, -y1, x1, -y0)
    for text, x, y, weight in layout.headings:
        foot = min(
            feet,
            key=lambda f: abs(arts.panels[f, view][0] - x) if (f, view) in arts.panels else 1e9,
        )
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
            f'tabindex="-1" role="button" aria-label="{_e(_accessible_name(z))}" '
            f'd="{_path_d(z.geometry, dx, dy)}"><title>{_e(z.label)} \u2014 '
            f"{_e(z.body_area)}</title></path>"
        )

    # callouts: leader, anchor dot, numbered circle (in the order place_once drew them)
    callouts = [t for t in arts.labels if (t.get_gid() or "").startswith("callout-")]
    key: dict[str, dict[str, Any]] = {}
    if callouts:
        segments = arts.leaders[0].get_segments()
        rings = arts.leaders[1]
        radius = rings.get_markersize() / 2 * mm
        cx, cy = rings.get_xdata(), rings.get_ydata()
        for k, t in enumerate(callouts):
            z = chart.zone(t.get_gid()[len("callout-") :])
            (ax_, ay_), (ex, ey) = segments[k]
            x, y = float(cx[k]), -float(cy[k])
            n = t.get_text()
            dot = _r(max(0.9 * mm, 0.3))  # matplotlib's marker: 1.8 pt across
            parts[z.foot].append(
                f'<g class="callout" data-z="{number[z.id]}">'
                f'<path class="leader" d="M{_r(ax_)} {_r(-ay_)}L{_r(ex)} {_r(-ey)}"/>'
                f'<circle class="dot" cx="{_r(ax_)}" cy="{_r(-ay_)}" r="{dot}"/>'
                f'<circle class="ring" cx="{_r(x)}" cy="{_r(y)}" r="{_r(radius)}"/>'
                + _text(x, y, n, t.get_fontsize() * mm, cls="num", weight="bold")
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
                t.get_fontsize() * mm,
                cls="lbl",
                fill=str(t.get_color()),
                rotation=float(t.get_rotation()),
                extra=f' data-z="{number[z.id]}"',
            )
        )

    total = _Box()
    for b in boxes.values():
        total = total.union(b)
    panel_no = [feet.index(z.foot) for z in zones]
    within, across = neighbours(zones, anchors, panel_no)
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
    order = [number[z.id] for z in zones]
    nav = {
        number[z.id]: [
            [order[t] if t >= 0 else -1 for t in within[i]],
            [order[t] if t >= 0 else -1 for t in across[i]],
        ]
        for i, z in enumerate(zones)
    }
    key_rows = [
        {"n": e["n"], "label": e["label"], "feet": sorted(e["feet"])}
        for e in sorted(key.values(), key=lambda e: e["n"])
    ]
    at = {
        number[z.id]: [round(float(x), 1), round(float(y), 1)]
        for z, (x, y) in zip(zones, anchors, strict=True)
    }
    return {"svg": svg, "key": key_rows, "nav": nav, "at": at}


# ------------------------------------------------------------------------------------------
# Panel content
# ------------------------------------------------------------------------------------------
def _cites(ids: Sequence[str], numbers: dict[str, int]) -> str:
    nums = [numbers[i] for i in ids if i in numbers]
    return f' <span class="cite">[{", ".join(map(str, nums))}]</span>' if nums else ""


def _claim_list(claims: Sequence[Claim], numbers: dict[str, int]) -> str:
    return (
        "<ul>"
        + "".join(f"<li>{_e(c.text)}{_cites(c.sources, numbers)}</li>" for c in claims)
        + "</ul>"
    )


def _zone_template(chart: Chart, zone: Zone, numbers: dict[str, int]) -> str:
    """The panel's content for one zone: a ``<template>`` (inert until shown).

    The sections of :func:`footmap.describe.zone_html`, in its order: what charts claim,
    where charts disagree (if they do), what the evidence says, safety; then the zone's
    numbered sources. Chart text is escaped by :func:`footmap.describe.escape_html`.
    """
    where = f"{zone.foot.capitalize()} foot, {VIEWS[zone.view].lower()}"
    claims = describe.charts_claims(zone)
    parts = [
        f'<h3 class="zname">{_e(zone.label)}</h3>',
        f'<p class="where">{_e(where)} \u00b7 body system: {_e(zone.system_label)}</p>',
        f'<p class="area">Charts claim this zone for the <strong>{_e(zone.body_area)}'
        "</strong>.</p>",
        f'<h4 class="charts">{_e(describe.CHARTS_HEADING)}</h4>',
        _claim_list(claims, numbers),
    ]
    disagreements = chart.disagreements_for(zone)
    cited_ids = [i for c in claims for i in c.sources]
    if disagreements:
        parts.append(f'<h4 class="disagree">{_e(describe.DISAGREE_HEADING)}</h4>')
        for d in disagreements:
            parts.append(f"<p><strong>{_e(d.topic)}:</strong> {_e(d.text)}</p>")
            parts.append(_claim_list(d.variants, numbers))
            cited_ids += list(d.source_ids)
    evidence = describe.evidence_claims(zone)
    parts.append(f'<h4 class="evidence">{_e(describe.EVIDENCE_HEADING)}</h4>')
    if evidence:
        parts.append(_claim_list(evidence, numbers))
        cited_ids += [i for c in evidence for i in c.sources]
    else:
        caveat_ids = [i for c in chart.caveats_of("evidence") for i in c.sources]
        parts.append(f"<p>{_e(describe.caveat_line(chart))}{_cites(caveat_ids, numbers)}</p>")
        cited_ids += caveat_ids
    safety = describe.safety_line(chart)
    if safety.strip():
        parts.append(
            f'<p class="safety"><strong>{_e(describe.SAFETY_HEADING)}:</strong> {_e(safety)}</p>'
        )
    # The citations themselves are in the page's source list once; the script copies them.
    refs = " ".join(str(n) for n in sorted({numbers[i] for i in cited_ids if i in numbers}))
    parts.append(f'<h4>Sources</h4><ul class="refs" data-refs="{refs}"></ul>')
    return f'<template id="info-{_e(zone.id)}">{"".join(parts)}</template>'


# ------------------------------------------------------------------------------------------
# The document
# ------------------------------------------------------------------------------------------
def _json_script(data: Any) -> str:
    """JSON safe inside ``<script type="application/json">``: no ``<``, ``>``, ``&``."""
    text = json.dumps(data, ensure_ascii=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


def html_document(
    chart: Chart,
    *,
    feet: str | Sequence[str] = "both",
    views: str | Sequence[str] | None = None,
    title: str | None = None,
) -> str:
    """The standalone interactive map as one HTML document (a string).

    Parameters
    ----------
    chart : Chart
    feet : str or sequence of str, optional
        Which foot shows first: ``"left"``, ``"right"`` or ``"both"`` (every foot is in the
        file either way).
    views : str, sequence of str or None, optional
        The first of these views shows first (every view is in the file).
    title : str, optional
        Page heading (default: the chart's title).

    Returns
    -------
    str

    Raises
    ------
    FootmapError
        When the chart has no evidence caveat, or unknown feet or views.

    Examples
    --------
    >>> import footmap
    >>> page = html_document(footmap.load())
    >>> 'id="zone-left.plantar.kidney"' in page
    True
    """
    caveat = describe.caveat_line(chart)
    if not caveat.strip():
        raise FootmapError("the chart has no evidence caveat; footmap will not export without one")
    first_feet = normalise_feet(chart, feet)
    start_foot = "both" if len(first_feet) > 1 else first_feet[0]
    first_view = normalise_views(chart, views)[0]
    all_feet = chart.feet
    if start_foot != "both" and len(all_feet) == 1:
        start_foot = all_feet[0]
    zones = chart.zones
    number = {z.id: i for i, z in enumerate(zones)}
    numbers = describe.citation_numbers(chart, zones)

    svgs, keys, nav, at = [], {}, {}, {}
    for view in chart.views:
        drawn = _view_svg(chart, view, all_feet, number, (view == first_view, start_foot))
        svgs.append(drawn["svg"])
        keys[view] = drawn["key"]
        nav.update(drawn["nav"])
        at.update(drawn["at"])

    data = {
        "zones": [[z.id, z.view, z.foot] for z in zones],
        "names": [_accessible_name(z) for z in zones],
        "labels": [z.label for z in zones],
        "where": [f"{z.foot} foot, {VIEWS[z.view].lower()}" for z in zones],
        "nav": [nav.get(i, [[-1] * 4, [-1] * 4]) for i in range(len(zones))],
        "at": [at.get(i) for i in range(len(zones))],
        "views": {v: VIEWS[v] for v in chart.views},
        "feet": list(all_feet),
        "start": {"foot": start_foot, "view": first_view},
        "search": search_index(chart),
    }
    script = _asset("map.js")
    css = _asset("map.css") + "".join(
        f".s-{s}{{fill:{c}}}.sw-{s}{{background:{c}}}" for s, c in palette.SYSTEM_COLORS.items()
    )
    csp = (
        "default-src 'none'; "
        f"script-src '{_sha256(script)}'; "
        f"style-src '{_sha256(css)}'; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )
    page_title = title if title is not None else chart.title

    foot_opts = "".join(
        f'<label><input type="radio" name="foot" value="{f}"'
        f"{' checked' if f == start_foot else ''}> {label}</label>"
        for f, label in (
            [("left", "Left"), ("right", "Right"), ("both", "Both")]
            if len(all_feet) > 1
            else [(all_feet[0], all_feet[0].capitalize())]
        )
    )
    view_opts = "".join(
        f'<label><input type="radio" name="view" value="{v}"'
        f"{' checked' if v == first_view else ''}> {_e(VIEWS[v])}</label>"
        for v in chart.views
    )
    options = "".join(f'<option value="{_e(o[1])}"></option>' for o in data["search"]["options"])
    key_html = "".join(
        f'<div class="key" data-view="{v}"{"" if v == first_view else " hidden"}>'
        "<h3>Key to numbers</h3><ol>"
        + "".join(
            f'<li data-feet="{" ".join(r["feet"])}"'
            + ("" if start_foot in ("both", *r["feet"]) else " hidden")
            + f'><span class="n">{r["n"]}</span> '
            f"{_e(r['label'])}</li>"
            for r in rows
        )
        + "</ol></div>"
        for v, rows in keys.items()
        if rows
    )
    present = {z.system for z in zones}
    legend = "".join(
        f'<li><span class="sw sw-{s}"></span> {_e(label)}</li>'
        for s, label in SYSTEMS.items()
        if s in present
    )
    evidence = "".join(
        f"<p><strong>Caveat:</strong> {_e(c.brief)}{_cites(c.sources, numbers)}</p>"
        for c in chart.caveats_of("evidence")
    )
    evidence_full = "".join(
        f"<p>{_e(c.text)}{_cites(c.sources, numbers)}</p>" for c in chart.caveats_of("evidence")
    )
    chart_notes = "".join(
        f"<p>{_e(c.text)}{_cites(c.sources, numbers)}</p>" for c in chart.caveats_of("chart")
    )
    safety = describe.safety_line(chart)
    safety_html = f"<p><strong>Safety:</strong> {_e(safety)}</p>" if safety.strip() else ""
    refs = "".join(
        f'<li id="src-{numbers[s.id]}" value="{numbers[s.id]}">{_e(s.citation)}</li>'
        for s in chart.cited_sources(zones)
        if s.id in numbers
    )
    templates = "".join(_zone_template(chart, z, numbers) for z in zones)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="footmap {__version__}">
<title>{_e(page_title)}</title>
<style>{css}</style>
</head>
<body>
<a class="skip" href="#fm-panel-h">Skip to the selected zone</a>
<header>
<h1>{_e(page_title)}</h1>
</header>
<section class="caveat" aria-label="Caveats">{evidence}{safety_html}</section>
<div class="controls">
<fieldset><legend>Foot</legend>{foot_opts}</fieldset>
<fieldset><legend>View</legend>{view_opts}</fieldset>
<div class="search"><label for="fm-search">Search a body area, zone or system</label>
<input id="fm-search" type="search" list="fm-options" autocomplete="off" spellcheck="false"
 placeholder="e.g. kidneys, system: urinary">
<datalist id="fm-options">{options}</datalist>
<p id="fm-search-status" role="status"></p></div>
</div>
<main class="layout">
<section class="map" aria-label="Foot map">
{"".join(svgs)}
<p class="hint">Click or tap a zone, or press Tab to reach the map, arrow keys to move between
neighbouring zones, Enter to select and Esc to clear.</p>
</section>
<aside class="panel" aria-labelledby="fm-panel-h">
<ul id="fm-results" aria-label="Search results"></ul>
<h2 id="fm-panel-h" tabindex="-1">Selected zone</h2>
<div id="fm-panel"><p class="prompt">No zone selected yet. Click, tap or tab to a zone to see
what reflexology charts claim for it.</p></div>
</aside>
<section class="legend" aria-label="Key and legend">
{key_html}
<div><h3>Body system (as charts assign it)</h3><ul class="systems">{legend}</ul></div>
</section>
</main>
<footer>
<h2>About this chart</h2>
<p>{_e(chart.description)}</p>
<h3>What the evidence says</h3>
{evidence_full}
{chart_notes}
<h2>Sources</h2>
<ol class="sources">{refs}</ol>
<p class="small">{_e(chart.orientation)}</p>
<p class="small">Made with footmap {__version__}. This page works offline; nothing is loaded
from the network.</p>
</footer>
<div id="fm-live" class="sr-only" aria-live="polite"></div>
{templates}
<script type="application/json" id="fm-data">{_json_script(data)}</script>
<script>{script}</script>
</body>
</html>
"""


def write_html(
    chart: Chart,
    path: str | os.PathLike[str],
    *,
    feet: str | Sequence[str] = "both",
    views: str | Sequence[str] | None = None,
    title: str | None = None,
) -> Path:
    """Write the standalone interactive map to ``path``, atomically.

    Parameters
    ----------
    chart : Chart
    path : str or path-like
        The ``.html`` file to write.
    feet, views, title
        See :func:`html_document`.

    Returns
    -------
    pathlib.Path

    Examples
    --------
    >>> import footmap, tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "map.html"
    >>> write_html(footmap.load(), out).name
    'map.html'
    """
    from .export import atomic_write

    page = html_document(chart, feet=feet, views=views, title=title)
    target = Path(path)
    with atomic_write(target) as f:
        f.write(page.encode("utf-8"))
    return target
