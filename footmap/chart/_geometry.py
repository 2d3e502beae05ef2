"""Building and checking zone geometries: rings, validity, area, containment, overlaps.

Geometries that pass every check are built together (:func:`_geometries`); the others go
through :func:`_geometry`, which names each problem. :func:`_check_panels` then checks that
each zone lies inside its panel's outline and overlaps no other zone, within a budget of
bounding-box pairs per panel.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from typing import Any

import numpy as np
import shapely
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry
from shapely.validation import explain_validity

from footmap.chart._coords import Flat, flatten
from footmap.chart._problems import _Problems, _short
from footmap.chart.model import Outline, Zone

#: Coordinates are millimetres; anything farther from the origin is not a foot chart.
MAX_COORD_MM = 5_000.0
#: Overlap or overhang smaller than this (mm^2) is rounding noise, not an error.
AREA_TOLERANCE = 0.01
#: Smallest area (mm^2) of a zone or outline: anything smaller cannot be seen or pointed at.
MIN_AREA_MM2 = 1.0
#: Most pairs of zones with overlapping bounding boxes the overlap check looks at, per panel
#: (a real chart has a few per zone; nested rings of zones can have every pair).
MAX_BOX_PAIRS = 2_000_000
#: Vertices the separating-axis bound (:func:`_apart`) projects at a time, per side.
_APART_ROWS = 100_000


def _rings(coords: Any, gtype: str) -> Iterator[list[Any]]:
    polys = [coords] if gtype == "Polygon" else coords
    for poly in polys:
        yield from poly


def _geometry(feature: Mapping[str, Any], fid: str, problems: _Problems) -> BaseGeometry | None:
    gj = feature["geometry"]
    ok = True
    for ring in _rings(gj["coordinates"], gj["type"]):
        if ring[0] != ring[-1]:
            problems.add(fid, f"geometry: ring starting at {_short(ring[0])} is not closed")
            ok = False
        for x, y in ring:
            # ints are exact (and may be too big for a float); 1e400 in JSON reads as inf
            if not all(isinstance(v, int) or math.isfinite(v) for v in (x, y)):
                problems.add(fid, "geometry: non-finite coordinate (too large for a float)")
                return None
            if abs(x) > MAX_COORD_MM or abs(y) > MAX_COORD_MM:
                problems.add(
                    fid,
                    f"geometry: coordinate {_short([x, y])} is beyond {MAX_COORD_MM:g} mm "
                    "(chart coordinates are millimetres)",
                )
                return None
    if not ok:
        return None
    try:
        geom = shape(gj)
    except (ValueError, TypeError, shapely.errors.ShapelyError) as exc:
        problems.add(fid, f"geometry: cannot be built ({exc})")
        return None
    if geom.is_empty:
        problems.add(fid, "geometry: empty (no area)")
        return None
    try:  # before the area: a bow-tie's two halves cancel to area 0
        why = None if geom.is_valid else explain_validity(geom)
    except shapely.errors.GEOSException as exc:  # GEOS cannot even judge it (a ring scaled
        why = str(exc)  # to 1e-300 collapses onto its own vertices)
    if why is not None:
        problems.add(fid, f"geometry: invalid ({why})")
        return None
    if geom.area <= 0:
        problems.add(fid, "geometry: empty (no area)")
        return None
    if geom.area < MIN_AREA_MM2:
        problems.add(
            fid,
            f"geometry: area {geom.area:.3g} mm\u00b2 is below the minimum of "
            f"{MIN_AREA_MM2:g} mm\u00b2 (too small to see or point at)",
        )
        return None
    return geom


def _geometries(
    features: list[Any], problems: _Problems, flat: Flat | None = None
) -> dict[int, BaseGeometry]:
    """Build at once every geometry that passes all of :func:`_geometry`'s checks.

    Returns the geometries by feature position. Only features the schema passed are tried; a
    feature missing from the result (an odd shape, a failed check, or everything when the
    coordinates do not form one numeric array) goes through :func:`_geometry`, which reports
    its problems with the same words and in the same order as always. Nothing is reported here.
    ``flat``, :func:`footmap.chart._coords.flatten` of all ``features``, is used when the schema
    passed every feature (else the features it passed are flattened here).
    """
    if flat is None or problems.schema_bad:
        flat = flatten(features, skip=problems.schema_bad)
    where, counts, polys = flat.where, flat.parts, flat.polys
    if not where or flat.xy is None or flat.sizes is None or flat.per_poly is None:
        return {}
    xy, sizes, per_poly = flat.xy, flat.sizes, flat.per_poly
    ring_end = np.cumsum(sizes)
    ring_start = ring_end - sizes
    # a ring passes when it has 4+ positions, is closed, finite and within range
    with np.errstate(invalid="ignore"):
        in_range = np.isfinite(xy).all(axis=1) & (np.abs(xy) <= MAX_COORD_MM).all(axis=1)
    ring_ok = sizes >= 4
    nonempty = sizes > 0
    ring_ok[nonempty] &= np.logical_and.reduceat(in_range, ring_start[nonempty])
    last = np.maximum(ring_end - 1, 0)
    ring_ok &= (xy[np.minimum(ring_start, len(xy) - 1)] == xy[last]).all(axis=1)
    poly_of_ring = np.repeat(np.arange(len(polys)), per_poly)
    poly_ok = (per_poly > 0) & (
        np.bincount(poly_of_ring, weights=~ring_ok, minlength=len(polys)) == 0
    )
    feature_of_poly = np.repeat(np.arange(len(where)), counts)
    feature_ok = (counts > 0) & (
        np.bincount(feature_of_poly, weights=~poly_ok, minlength=len(where)) == 0
    )
    # build only the features that passed, one ragged array per geometry type
    keep_poly = feature_ok[feature_of_poly]
    keep_ring = keep_poly[poly_of_ring]
    keep_xy = np.repeat(keep_ring, sizes)
    ring_offsets = np.concatenate([[0], np.cumsum(sizes[keep_ring])])
    poly_offsets = np.concatenate([[0], np.cumsum(per_poly[keep_poly])])
    kept = [i for i, ok in zip(where, feature_ok, strict=True) if ok]
    if not kept:
        return {}
    multi = np.array([features[i]["geometry"]["type"] == "MultiPolygon" for i in kept], dtype=bool)
    built = shapely.from_ragged_array(
        shapely.GeometryType.POLYGON, xy[keep_xy], (ring_offsets, poly_offsets)
    )
    geoms = np.empty(len(kept), dtype=object)
    polygon_at = np.concatenate([[0], np.cumsum(counts[feature_ok])])[:-1]
    geoms[~multi] = built[polygon_at[~multi]]
    if multi.any():
        multi_counts = counts[feature_ok][multi]
        members = np.concatenate(
            [np.arange(a, a + n) for a, n in zip(polygon_at[multi], multi_counts, strict=True)]
        )
        owner = np.repeat(np.arange(int(multi.sum())), multi_counts)
        geoms[multi] = shapely.multipolygons(built[members], indices=owner)
    try:
        valid = shapely.is_valid(geoms)
    except shapely.errors.GEOSException:  # one shape GEOS cannot judge: ask each on its own
        valid = np.array([_judged_valid(g) for g in geoms], dtype=bool)
    good = ~shapely.is_empty(geoms) & valid & (shapely.area(geoms) >= MIN_AREA_MM2)
    return {i: g for i, g, ok in zip(kept, geoms, good, strict=True) if ok}


def _judged_valid(geom: BaseGeometry) -> bool:
    """``geom.is_valid``, False where GEOS raises (:func:`_geometry` then reports why)."""
    try:
        return bool(geom.is_valid)
    except shapely.errors.GEOSException:
        return False


def _candidate_pairs(geoms: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
    """Pairs ``i < j`` of geometries whose bounding boxes meet; None past the budget.

    Queried a few zones at a time so that a hostile panel (thousands of nested zones, every
    box holding every other) costs neither the memory nor the time of all its pairs.
    """
    tree = shapely.STRtree(geoms)
    lefts, rights, total = [], [], 0
    for start in range(0, len(geoms), 64):
        chunk = np.arange(start, min(start + 64, len(geoms)))
        ci, tj = tree.query(geoms[chunk])
        total += len(ci)
        if total > MAX_BOX_PAIRS:
            return None
        keep = chunk[ci] < tj
        lefts.append(chunk[ci][keep])
        rights.append(tj[keep])
    if not lefts:
        return np.zeros(0, dtype=np.intp), np.zeros(0, dtype=np.intp)
    return np.concatenate(lefts), np.concatenate(rights)


def _apart(
    geoms: np.ndarray, box: np.ndarray, left: np.ndarray, right: np.ndarray, reach: np.ndarray
) -> np.ndarray:
    """Pairs that certainly overlap by at most half the area tolerance: a separating-axis bound.

    Each pair's shapes are projected on the line through the centres of their bounding
    boxes. Zone ``left`` lies on the near side of its farthest vertex, zone ``right`` on the
    far side of its nearest, so their intersection lies in the strip between the two, of
    width ``overlap`` (none when negative), and inside the overlap of their bounding boxes,
    whose diagonal is ``reach``; its area is at most ``overlap * reach``. Zones that only
    touch along a line across the line of centres (convex neighbours sharing an edge or a
    corner, such as the cells of a grid) give a strip of width zero, give or take rounding.
    A pair passes when the bound (its strip widened by 1e-9 mm, far more than the rounding
    of coordinates within :data:`MAX_COORD_MM`) is at most half of :data:`AREA_TOLERANCE`,
    so that no pair within the tolerance's reach of being reported is left out.

    Work is proportional to the vertices of the pairs, done :data:`_APART_ROWS` at a time.
    """
    apart = np.zeros(len(left), dtype=bool)
    if not len(left):
        return apart
    xy, owner = shapely.get_coordinates(geoms, return_index=True)
    count = np.bincount(owner, minlength=len(geoms))
    first = np.concatenate([[0], np.cumsum(count)[:-1]])
    centre = (box[:, :2] + box[:, 2:]) / 2
    axis = centre[right] - centre[left]
    length = np.hypot(axis[:, 0], axis[:, 1])
    usable = length > 0  # concentric boxes: no line of centres
    axis[usable] /= length[usable, None]
    step = max(1, _APART_ROWS // int(count.max()))
    for start in range(0, len(left), step):
        part = slice(start, start + step)
        far = _extreme(xy, first, count, left[part], axis[part], np.maximum)
        near = _extreme(xy, first, count, right[part], axis[part], np.minimum)
        overlap = np.maximum(far - near, 0.0)
        apart[part] = (overlap + 1e-9) * reach[part] <= AREA_TOLERANCE / 2
    return apart & usable


def _extreme(
    xy: np.ndarray,
    first: np.ndarray,
    count: np.ndarray,
    which: np.ndarray,
    axis: np.ndarray,
    reduce: np.ufunc,
) -> np.ndarray:
    """For each pair, the largest (or smallest) projection of geometry ``which`` on ``axis``."""
    n = count[which]
    starts = np.concatenate([[0], np.cumsum(n)[:-1]])
    pair = np.repeat(np.arange(len(which)), n)
    rows = np.arange(int(n.sum())) + np.repeat(first[which] - starts, n)
    proj = xy[rows, 0] * axis[pair, 0] + xy[rows, 1] * axis[pair, 1]
    return reduce.reduceat(proj, starts)


def _check_panels(
    zones: list[Zone],
    outlines: dict[tuple[str, str], Outline],
    declared: set[tuple[str, str]],
    problems: _Problems,
) -> None:
    panels: dict[tuple[str, str], list[Zone]] = {}
    for z in zones:
        panels.setdefault((z.foot, z.view), []).append(z)
    for panel, members in panels.items():
        outline = outlines.get(panel)
        if outline is None:
            if panel not in declared:  # else the broken outline's own problem says it
                for z in members:
                    problems.add(z.id, f"no outline for the {panel[0]} foot, {panel[1]} view")
            continue
        where = f"{panel[0]} {panel[1]}"
        _check_inside(members, outline.geometry, where, problems)
        _check_overlaps(members, where, problems)


def _check_inside(
    members: list[Any],
    outline: BaseGeometry,
    where: str,
    problems: _Problems,
    tolerance_mm: float = 0.0,
) -> None:
    """Report each member (a zone, region or structure) that reaches outside ``outline``.

    ``tolerance_mm``: a member may reach this far past the outline (the body chart's organs,
    drawn from artwork, may touch its skin line).
    """
    if not members:
        return
    geoms = np.array([m.geometry for m in members], dtype=object)
    area = outline.buffer(tolerance_mm) if tolerance_mm > 0 else outline
    shapely.prepare(area)
    inside = shapely.contains(area, geoms)
    beyond = f" more than {tolerance_mm:g} mm" if tolerance_mm > 0 else ""
    for k in np.flatnonzero(~inside).tolist():
        outside = members[k].geometry.difference(area).area
        if outside > AREA_TOLERANCE:
            problems.add(
                members[k].id,
                f"lies partly outside the {where} outline ({outside:.2f} mm\u00b2{beyond} outside)",
            )


def _check_overlaps(
    members: list[Any],
    where: str,
    problems: _Problems,
    noun: str = "zone",
    rule: str = "a zone inside another must be a hole in it",
) -> None:
    """Report each pair of ``members`` (of one panel) whose interiors overlap."""
    if len(members) < 2:
        return
    geoms = np.array([m.geometry for m in members], dtype=object)
    pairs = _candidate_pairs(geoms)
    if pairs is None:
        problems.add(
            None,
            f"the {where} panel has too many {noun}s whose bounding boxes "
            f"overlap to check (over {MAX_BOX_PAIRS:,} pairs, the limit)",
        )
        return
    left, right = pairs
    # Two zones overlap by no more than their bounding boxes do, so zones that only
    # share an edge or a corner with a box-aligned neighbour need no exact test.
    box = shapely.bounds(geoms)
    w = np.minimum(box[left, 2], box[right, 2]) - np.maximum(box[left, 0], box[right, 0])
    h = np.minimum(box[left, 3], box[right, 3]) - np.maximum(box[left, 1], box[right, 1])
    maybe = (w > 0) & (h > 0) & (w * h > AREA_TOLERANCE)
    left, right, w, h = left[maybe], right[maybe], w[maybe], h[maybe]
    # Nor do zones on either side of a line: neighbours that only touch, when convex.
    maybe = ~_apart(geoms, box, left, right, np.hypot(w, h))
    left, right = left[maybe], right[maybe]
    # Then only pairs whose interiors meet (cheaper to ask than the overlap itself), of
    # those that meet at all (cheaper still).
    touch = shapely.intersects(geoms[left], geoms[right])
    left, right = left[touch], right[touch]
    meet = shapely.relate_pattern(geoms[left], geoms[right], "T********")
    left, right = left[meet], right[meet]
    areas = shapely.area(shapely.intersection(geoms[left], geoms[right]))
    for a, b, area in zip(left.tolist(), right.tolist(), areas.tolist(), strict=True):
        if area > AREA_TOLERANCE:
            problems.add(
                members[a].id,
                f"overlaps {noun} {members[b].id!r} by {area:.2f} mm\u00b2 ({rule})",
            )
