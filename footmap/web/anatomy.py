"""Real anatomy in the HTML map: the body panel and the anatomy layers, as inline SVG.

* :func:`body_svg` draws the body figure (``footmap.load_body()``: its regions in
  :func:`footmap.render.plot_body`'s order, largest first so small organs lie on top) as
  one ``<svg>`` with a group per view. Each region is a focusable
  ``<path id="body-<region id>" data-body-area=... role="button">``; the page's script marks
  the regions of a selected zone's body area and selects the zones claimed for a region.
  :func:`body_data` gives the script what it needs: the regions, their zones, the arrow
  keys' targets (nearest region in each direction, from the regions' centroids) and the
  figure's zooms (:data:`BODY_ZOOMS`: the head, neck, chest, belly, pelvis...), in which the
  script gives every small region a round tap target of 24 px or more.
* :func:`layer_svg` draws the foot's own nerves, bones and dermatomes
  (``footmap.load_anatomy()``) of one panel, as hidden groups the page's switch shows, in the
  style of :func:`footmap.render.anatomy.plot_anatomy_layer`; :func:`layer_legend` is their
  legend.

Chart text goes through :func:`footmap.text.safe.escape_html`.
"""

from __future__ import annotations

import math
from typing import Any

import shapely
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

from footmap.chart.model import AnatomyChart, BodyChart, Chart, Region, Structure
from footmap.render.anatomy import (
    BONE_EDGE,
    BONE_FACE,
    DERMATOME_COLOR,
    LAYER_ALPHA,
    LEGEND_NOTES,
    LEGEND_TITLES,
    NERVE_EDGE,
    NERVE_STYLES,
)
from footmap.render.body import SIDE_NOTES
from footmap.text.safe import escape_html as _e
from footmap.web.svg import path_d

__all__ = [
    "BODY_ZOOMS",
    "LAYERS",
    "body_data",
    "body_order",
    "body_name",
    "body_svg",
    "layer_css",
    "layer_legend",
    "layer_svg",
    "nearest_in_direction",
]

#: The anatomy layers the page offers: structure kind -> the switch's word.
LAYERS = {"nerve": "Nerves", "bone": "Bones", "dermatome": "Dermatomes"}
#: Geometry is simplified to this tolerance (mm) before it is written: far below a pixel.
_SIMPLIFY = {"body": 1.0, "foot": 0.12}
_PAD = 12.0  # mm around the body outline

#: The body figure's zooms, per view: ``(key, the button's word, the regions it is for)``;
#: regions by their id without the view. A zoom shows the box of its regions, and there
#: every one of them too small to tap gets a round target (the page's script), so that each
#: region is a target of 24 x 24 CSS px or more in at least one zoom, at 390 x 844 and at
#: 1280 x 800 (tests/web/test_body_targets_browser.py measures it). The first zoom of a view
#: is the whole figure.
BODY_ZOOMS: dict[str, tuple[tuple[str, str, tuple[str, ...]], ...]] = {
    "front": (
        (
            "whole",
            "Whole body",
            ("arms", "elbows", "knees", "shoulders", "hips", "lymphatic-system"),
        ),
        (
            "head",
            "Head",
            ("brain", "face", "eyes", "nose", "ears", "inner-ears", "sinuses", "teeth-jaw"),
        ),
        ("mid-head", "Centre of the head", ("pituitary-gland", "pineal-gland", "hypothalamus")),
        (
            "neck",
            "Neck",
            ("neck", "throat-tonsils", "thyroid", "parathyroid-glands", "upper-lymph-nodes"),
        ),
        (
            "chest",
            "Chest",
            ("lungs", "heart", "bronchi", "esophagus", "thymus", "breasts", "diaphragm"),
        ),
        (
            "upper-belly",
            "Upper belly",
            (
                "liver",
                "stomach",
                "spleen",
                "pancreas",
                "gallbladder",
                "duodenum",
                "kidneys",
                "adrenal-glands",
                "solar-plexus",
                "transverse-colon",
            ),
        ),
        (
            "lower-belly",
            "Lower belly",
            ("small-intestine", "ascending-colon", "descending-colon", "ureters", "appendix"),
        ),
        (
            "pelvis",
            "Pelvis",
            (
                "bladder",
                "uterus",
                "ovaries",
                "fallopian-tubes",
                "rectum",
                "urethra",
                "sigmoid-colon",
                "groin-lymph-nodes",
            ),
        ),
    ),
    "back": (
        ("whole", "Whole body", ("sciatic-nerves", "trapezius", "spine")),
        ("head", "Head", ("cerebellum-brain-stem",)),
        (
            "upper-back",
            "Upper back",
            ("upper-back", "ribs", "shoulder-blades", "trapezius", "spine", "kidneys"),
        ),
        (
            "lower-back",
            "Lower back",
            ("lower-back", "pelvis-lower-back", "sacro-iliac-joints", "sciatic-nerves"),
        ),
    ),
}
_ZOOM_PAD = 0.08  # of a zoom's box, around its regions
_ZOOM_MIN = 90.0  # mm: a zoom's box is at least this wide and high
_NOMINAL_PX = (240.0, 438.0)  # CSS px: the body figure on screen at 1280 x 800
_TARGET_PX = 25.0  # CSS px across a round target: 24 and half a pixel each side


def body_name(region: Region) -> str:
    """A body region button's accessible name.

    Examples
    --------
    >>> import footmap
    >>> body_name(footmap.load_body().region("front.liver"))
    'Liver (body, front view): show the foot zones charts claim for it'
    """
    return f"{region.label} (body, {region.view} view): show the foot zones charts claim for it"


def _simple(geom: BaseGeometry, tolerance: float) -> BaseGeometry:
    out = geom.simplify(tolerance, preserve_topology=True)
    return geom if out.is_empty else out


def body_order(body: BodyChart) -> tuple[Region, ...]:
    """The regions in :func:`footmap.render.plot_body`'s drawing order.

    View by view, the largest first, so that small organs lie on top of the areas around
    them (``plot_body(body).regions``, without drawing a figure).
    """
    return tuple(
        r
        for view in body.views
        for r in sorted(body.regions_on(view), key=lambda r: -r.geometry.area)
    )


def nearest_in_direction(points: list[tuple[float, float]]) -> list[list[int]]:
    """For each point, the nearest other point up, down, left and right (screen frame, y down).

    A point qualifies for a direction when it lies within 45 degrees of it (else, failing any,
    anywhere on that side); the nearest is the one with the least ``along + 2 * across``.
    ``-1`` where no point lies on that side.

    Examples
    --------
    >>> nearest_in_direction([(0, 0), (0, 10), (10, 0)])
    [[-1, 1, -1, 2], [0, -1, -1, 2], [-1, 1, 0, -1]]
    """
    dirs = ((0.0, -1.0), (0.0, 1.0), (-1.0, 0.0), (1.0, 0.0))
    out = []
    for i, (x, y) in enumerate(points):
        row = []
        for ux, uy in dirs:
            best: tuple[int, float, int] = (2, math.inf, -1)
            for j, (x2, y2) in enumerate(points):
                if j == i:
                    continue
                along = (x2 - x) * ux + (y2 - y) * uy
                across = abs((x2 - x) * uy - (y2 - y) * ux)
                if along <= 1e-9:
                    continue
                cand = (0 if across <= along else 1, along + 2 * across, j)
                best = min(best, cand)
            row.append(best[2])
        out.append(row)
    return out


def _body_box(body: BodyChart) -> tuple[float, float, float, float]:
    """The whole figure's box ``(x, y, width, height)`` in the page frame (y down)."""
    x0 = min(body.outline(v).geometry.bounds[0] for v in body.views) - _PAD
    x1 = max(body.outline(v).geometry.bounds[2] for v in body.views) + _PAD
    y0 = min(body.outline(v).geometry.bounds[1] for v in body.views) - _PAD
    y1 = max(body.outline(v).geometry.bounds[3] for v in body.views) + _PAD
    return (round(x0), round(-y1), round(x1 - x0), round(y1 - y0))


def body_svg(body: BodyChart) -> str:
    """The body figure as one ``<svg id="fm-body">``: a group per view, front shown first.

    Each region is ``<path id="body-<region id>" class="breg s-<system>" data-r=<n>
    data-body-area=... role="button" tabindex="-1" aria-label=...>`` with a ``<title>``; ``n``
    is the region's index in :func:`body_data`'s ``regions``. Diffuse regions (nerves, node
    groups) are classed ``diffuse``.
    """
    order = body_order(body)
    index = {r.id: n for n, r in enumerate(order)}
    groups = []
    for k, view in enumerate(body.views):
        outline = _simple(body.outline(view).geometry, _SIMPLIFY["body"])
        paths = [f'<path class="boutline" d="{path_d(outline, 0.0, 0.0)}"/>']
        for r in order:
            if r.view != view:
                continue
            cls = f"breg s-{_e(r.system)}" + (" diffuse" if r.diffuse else "")
            paths.append(
                f'<path id="body-{_e(r.id)}" class="{cls}" data-r="{index[r.id]}" '
                f'data-body-area="{_e(r.body_area)}" role="button" tabindex="-1" '
                f'aria-label="{_e(body_name(r))}" '
                f'd="{path_d(_simple(r.geometry, _SIMPLIFY["body"]), 0.0, 0.0)}">'
                f"<title>{_e(r.label)}</title></path>"
            )
        hidden = "" if k == 0 else ' display="none"'
        groups.append(
            f'<g class="bview" data-view="{view}" role="group" '
            f'aria-label="Body, {view} view"{hidden}>{"".join(paths)}</g>'
        )
    vb = " ".join(f"{v:.0f}" for v in _body_box(body))
    return (
        f'<svg id="fm-body" class="fm-body" xmlns="http://www.w3.org/2000/svg" viewBox="{vb}" '
        'role="group" aria-labelledby="fm-body-t">'
        '<title id="fm-body-t">The body: where the organs really are, one button per organ'
        f'</title>{"".join(groups)}<g class="bhits" aria-hidden="true"></g>'
        '<g class="overlay"></g></svg>'
    )


def _polygons(geom: BaseGeometry) -> list[Any]:
    """The polygons of a geometry (of a collection too), without empty ones."""
    return [g for g in getattr(geom, "geoms", [geom]) if g.geom_type == "Polygon" and g.area]


def _tap_points(free: BaseGeometry) -> list[tuple[float, float, float]]:
    """Points well inside a region's free area: ``(x, y, radius)`` (page frame, y down).

    Per polygon its largest inscribed circle's centre, then points of a grid over it whose
    distance to its edge is at least half that circle's radius.
    """
    out = []
    for part in _polygons(free):
        circle = shapely.maximum_inscribed_circle(part, 0.2)
        (cx, cy), _ = circle.coords
        out.append((cx, -cy, circle.length))
        x0, y0, x1, y1 = part.bounds
        step = max(0.5, max(x1 - x0, y1 - y0) / 16)
        edge = part.boundary
        for i in range(int((x1 - x0) / step) + 1):
            for j in range(int((y1 - y0) / step) + 1):
                p = shapely.Point(x0 + i * step, y0 + j * step)
                if part.contains(p) and (d := edge.distance(p)) >= circle.length / 2:
                    out.append((p.x, -p.y, d))
    return out


def _spread_targets(
    frees: list[BaseGeometry],
    at: list[list[float]],
    disc: list[float],
    zooms: list[list[Any]],
) -> None:
    """Move the tap points of small regions apart where their round targets would overlap.

    In each zoom shown at :data:`_NOMINAL_PX`, a region whose own circle is under
    :data:`_TARGET_PX` across gets a round target that size at its tap point; where two such
    points are closer than that, the smaller region's point moves to the point of its free
    area farthest from the others (``at`` and ``disc`` updated in place).
    """
    need: dict[int, list[tuple[int, float]]] = {}
    for _, _, box, ids in zooms:
        scale = min(_NOMINAL_PX[0] / box[2], _NOMINAL_PX[1] / box[3])
        small = [n for n in ids if disc[n] * scale < _TARGET_PX / 2]
        for n in small:
            need.setdefault(n, []).extend((m, _TARGET_PX / scale) for m in small if m != n)

    def room(n: int, x: float, y: float) -> float:
        return min((math.dist((x, y), at[m]) - d for m, d in need[n]), default=math.inf)

    for n in sorted(need, key=lambda n: disc[n]):
        if room(n, *at[n]) >= 0:
            continue
        best = max(_tap_points(frees[n]), key=lambda p: (min(room(n, p[0], p[1]), 0), p[2]))
        at[n], disc[n] = [round(best[0], 1), round(best[1], 1)], round(best[2], 1)


def body_data(body: BodyChart, chart: Chart) -> dict[str, Any]:
    """What the page's script needs of the body figure (JSON-ready).

    Returns
    -------
    dict
        ``regions``: ``[id, view, body area, label]`` per region (in :func:`body_svg`'s
        order); ``nav``: per region the region the arrow keys up, down, left and right go to
        (``-1``: none), within its view; ``at``: per region a point (page frame, y down) that
        no region drawn over it covers, where a tap reaches it (the centre of the largest
        circle that fits in what of the region shows); ``disc``: per region that circle's
        radius (mm); ``zooms``: view -> ``[key, word, [x, y, width, height], [regions]]`` per
        zoom of :data:`BODY_ZOOMS` (the first, the whole figure); ``start``: view -> the region
        Tab reaches first (the topmost); ``zr``: per zone (chart order) the regions of its
        body area; ``rz``: per region the zones claimed for its body area; ``views``: the
        views, front first; ``notes``: view -> which side of the page the body's right is on.
    """
    order = body_order(body)
    index = {r.id: n for n, r in enumerate(order)}
    screen = [(r.geometry.centroid.x, -r.geometry.centroid.y) for r in order]
    nav = [[-1] * 4 for _ in order]
    start: dict[str, int] = {}
    for view in body.views:
        members = [n for n, r in enumerate(order) if r.view == view]
        near = nearest_in_direction([screen[n] for n in members])
        for k, n in enumerate(members):
            nav[n] = [members[t] if t >= 0 else -1 for t in near[k]]
        if members:
            start[view] = min(members, key=lambda n: (screen[n][1], screen[n][0]))
    at: list[list[float]] = [[]] * len(order)
    disc: list[float] = [0.0] * len(order)
    frees: list[BaseGeometry] = [shapely.Point()] * len(order)
    above: dict[str, BaseGeometry] = {}  # per view, the regions drawn over the one at hand
    for n in range(len(order) - 1, -1, -1):  # a point of each region no later region covers
        r = order[n]
        geom = _simple(r.geometry, _SIMPLIFY["body"])
        over = above.get(r.view)
        free = geom.difference(over) if over is not None else geom
        parts = _polygons(free) or _polygons(geom)
        frees[n] = unary_union(parts)
        big = max(parts, key=lambda g: g.area)
        circle = shapely.maximum_inscribed_circle(big, 0.2)
        (cx, cy), _ = circle.coords
        at[n] = [round(cx, 1), round(-cy, 1)]
        disc[n] = round(circle.length, 1)
        above[r.view] = geom if over is None else over.union(geom)
    zooms: dict[str, list[list[Any]]] = {}
    for view in body.views:
        zooms[view] = []
        for k, (key, word, names) in enumerate(BODY_ZOOMS.get(view, ())):
            ids = [index[f"{view}.{m}"] for m in names if f"{view}.{m}" in index]
            if k == 0:
                box = list(_body_box(body))
            else:
                x0, y0, x1, y1 = unary_union([order[n].geometry for n in ids]).bounds
                pad = _ZOOM_PAD * max(x1 - x0, y1 - y0)
                w, h = max(x1 - x0 + 2 * pad, _ZOOM_MIN), max(y1 - y0 + 2 * pad, _ZOOM_MIN)
                cx, cy = (x0 + x1) / 2, -(y0 + y1) / 2
                box = [round(cx - w / 2), round(cy - h / 2), round(w), round(h)]
            zooms[view].append([key, word, box, ids])
    _spread_targets(frees, at, disc, [z for view in body.views for z in zooms[view][1:]])
    by_area: dict[str, list[int]] = {}
    zr = []
    for z in chart.zones:
        if z.body_area not in by_area:
            by_area[z.body_area] = sorted(index[r.id] for r in body.regions_for(z.body_area))
        zr.append(by_area[z.body_area])
    rz: list[list[int]] = [[] for _ in order]
    for i, regions in enumerate(zr):
        for n in regions:
            rz[n].append(i)
    return {
        "regions": [[r.id, r.view, r.body_area, r.label] for r in order],
        "nav": nav,
        "at": at,
        "disc": disc,
        "zooms": zooms,
        "start": start,
        "zr": zr,
        "rz": rz,
        "views": list(body.views),
        "notes": {v: SIDE_NOTES[v] for v in body.views if v in SIDE_NOTES},
    }


# ------------------------------------------------------------------------------------------
# The anatomy layers over the feet
# ------------------------------------------------------------------------------------------
def _slug(s: Structure) -> str:
    return s.id.rsplit(".", 1)[-1]


def _nerve_fill(s: Structure) -> str:
    return NERVE_STYLES.get(_slug(s), ("#e6e6e6", ""))[0]


def _dermatomes(members: tuple[Structure, ...], outline: BaseGeometry, dx: float, dy: float) -> str:
    """Dashed boundaries between one panel's dermatome bands, and each band's root."""
    inner = unary_union([m.geometry.boundary for m in members]).difference(
        outline.boundary.buffer(0.4)
    )
    lines = []
    for g in getattr(inner, "geoms", [inner]):
        if g.is_empty or g.length < 2.0 or not hasattr(g, "coords"):
            continue
        g = g.simplify(_SIMPLIFY["foot"])
        pts = "L".join(f"{x + dx:.1f} {-(y + dy):.1f}" for x, y in g.coords)
        lines.append(f"M{pts}")
    out = [f'<path class="dline" d="{"".join(lines)}"/>'] if lines else []
    for m in members:
        parts = list(getattr(m.geometry, "geoms", [m.geometry]))
        p = max(parts, key=lambda q: q.area).representative_point()
        out.append(
            f'<text class="dlbl" x="{p.x + dx:.1f}" y="{-(p.y + dy):.1f}">'
            f"{_e(m.roots or m.name)}</text>"
        )
    return "".join(out)


def layer_svg(anatomy: AnatomyChart, foot: str, view: str, dx: float, dy: float) -> str:
    """One panel's anatomy layers: a hidden ``<g class="anat anat-<kind>">`` per kind.

    Nerve territories as pale fills with blue-grey boundaries, bones in ivory outlined in
    brown, dermatomes as dashed dark-red boundaries labelled with their roots; the colours
    are :mod:`footmap.render.anatomy`'s. The groups are ``aria-hidden``: what lies under a
    zone is said in words in the panel. Empty for a panel the anatomy chart does not draw.
    """
    out = []
    for kind in LAYERS:
        members = anatomy.structures_on(foot, view, kind)
        if not members:
            continue
        if kind == "dermatome":
            body = _dermatomes(members, anatomy.outline(foot, view).geometry, dx, dy)
        else:
            paths = []
            for s in members:
                d = path_d(_simple(s.geometry, _SIMPLIFY["foot"]), dx, dy)
                fill = _nerve_fill(s) if kind == "nerve" else BONE_FACE
                paths.append(f'<path class="a-{kind}" fill="{fill}" d="{d}"/>')
            body = "".join(paths)
        out.append(f'<g class="anat anat-{kind}" aria-hidden="true">{body}</g>')
    return "".join(out)


def layer_legend(anatomy: AnatomyChart, views: tuple[str, ...]) -> str:
    """The layers' own legend: one ``<div class="anat-key" data-kind=...>`` per kind, hidden.

    Nerves are listed per view (``<li data-view=...>``: the territories that view shows), each
    with its pale swatch and spinal roots; bones and dermatomes have one entry each. Every
    legend carries its title (schematic anatomy) and its note (boundaries vary).
    """
    out = []
    for kind in LAYERS:
        title = _e(LEGEND_TITLES[kind].replace("\n", " "))
        note = _e(LEGEND_NOTES[kind].replace("\n", " "))
        items: list[str] = []
        if kind == "nerve":
            seen: dict[tuple[str, str], Structure] = {}
            for view in views:
                for s in anatomy.structures:
                    if s.kind == "nerve" and s.view == view:
                        seen.setdefault((view, _slug(s)), s)
            for (view, _), s in seen.items():
                name = s.name + (f" ({s.roots})" if s.roots else "")
                items.append(
                    f'<li data-view="{view}"><span class="asw asw-{_e(_slug(s))}"></span> '
                    f"{_e(name)}</li>"
                )
        elif kind == "bone":
            items.append('<li><span class="asw asw-bone"></span> Bone</li>')
        else:
            items.append('<li><span class="asw asw-derm"></span> Dermatome boundary</li>')
        out.append(
            f'<div class="anat-key" data-kind="{kind}" hidden><h3>{title}</h3>'
            f'<ul>{"".join(items)}</ul><p class="small">{note}</p></div>'
        )
    return "".join(out)


def layer_css() -> str:
    """The layers' CSS: strokes of nerves, bones and dermatomes, and the legend's swatches."""
    swatches = "".join(
        f".asw-{slug}{{background:{fill}}}" for slug, (fill, _) in NERVE_STYLES.items()
    )
    return (
        f".a-nerve{{stroke:{NERVE_EDGE};stroke-width:.35;fill-opacity:{LAYER_ALPHA['nerve']}}}"
        f".a-bone{{stroke:{BONE_EDGE};stroke-width:.3;fill-opacity:{LAYER_ALPHA['bone']}}}"
        f".dline{{stroke:{DERMATOME_COLOR};fill:none;stroke-width:.55;stroke-dasharray:1.8 1.1}}"
        f".dlbl{{fill:{DERMATOME_COLOR}}}.asw{{border-color:{NERVE_EDGE}}}"
        f".asw-bone{{background:{BONE_FACE};border-color:{BONE_EDGE}}}"
        f".asw-derm{{border:0;border-top:2px dashed {DERMATOME_COLOR};height:0}}{swatches}"
    )
