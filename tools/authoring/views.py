"""Dorsal, medial and lateral panels of the footmap chart.

This authoring module draws the top of the foot (dorsal view) and the two profiles
(medial = inner side, lateral = outer side) of both feet, and lays the reflexology zones
claimed for those sides onto them.  It returns GeoJSON Feature dicts; claims are attached
later by ``body_area`` in the assembly script (``tools/make_chart.py``).

Frames (millimetres, see ``docs/design.md``):

* dorsal: seen from above, x to the right of the page, y up the page, origin at the back of
  the heel on the long axis, toes towards +y.  The left foot's big toe is on the +x side;
  the right foot is the mirror image (x -> -x).
* medial / lateral: x from the back of the heel (0) towards the toe tip (+x), y is the
  height above the floor (sole at y = 0).  The same drawing is used for both feet, heel on
  the left of the page.

Shapes are built parametrically: outlines are smooth closed curves (centripetal
Catmull-Rom splines) through a few anatomical control points, toes are rounded capsules,
and zones are simple primitives (bands, ellipses, edge strips) that are clipped to the
outline and to each other by :func:`allocate`, which keeps a margin inside the outline and a
gutter between neighbours so that no two zones overlap after rounding to 0.1 mm.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import shapely
from shapely import affinity
from shapely.geometry import LineString, MultiPolygon, Point, Polygon, box, mapping
from shapely.geometry.base import BaseGeometry
from shapely.geometry.polygon import orient
from shapely.ops import unary_union

__all__ = ["ZoneSpec", "allocate", "features", "smooth_closed"]

FEET: tuple[str, ...] = ("left", "right")
GRID = 0.1  # coordinates are snapped to this grid (mm)
MARGIN = 1.0  # zones stay this far inside their outline (mm)
GUTTER = 0.4  # empty strip between neighbouring zones (mm)
MIN_PART = 3.0  # polygon parts smaller than this (mm^2) are dropped as slivers
BIG = 1000.0  # "infinite" extent for half-plane boxes (mm)
UPPER_BACK_HALF = 17.0  # half-width of the dorsal upper-back zone; the ribs flank it (mm)

Point2 = tuple[float, float]


# --------------------------------------------------------------------------- geometry helpers


def _catmull_rom(points: np.ndarray, samples: int, closed: bool) -> np.ndarray:
    """Sample a centripetal Catmull-Rom spline through ``points`` (n x 2)."""
    pts = np.asarray(points, dtype=float)
    if closed:
        ext = np.vstack([pts[-1], pts, pts[0], pts[1]])
    else:
        ext = np.vstack([2 * pts[0] - pts[1], pts, 2 * pts[-1] - pts[-2]])
    out = []
    for i in range(1, len(ext) - 2):
        p0, p1, p2, p3 = ext[i - 1 : i + 3]
        t0 = 0.0
        t1 = t0 + np.linalg.norm(p1 - p0) ** 0.5
        t2 = t1 + np.linalg.norm(p2 - p1) ** 0.5
        t3 = t2 + np.linalg.norm(p3 - p2) ** 0.5
        t = np.linspace(t1, t2, samples, endpoint=False)[:, None]
        a1 = (t1 - t) / (t1 - t0) * p0 + (t - t0) / (t1 - t0) * p1
        a2 = (t2 - t) / (t2 - t1) * p1 + (t - t1) / (t2 - t1) * p2
        a3 = (t3 - t) / (t3 - t2) * p2 + (t - t2) / (t3 - t2) * p3
        b1 = (t2 - t) / (t2 - t0) * a1 + (t - t0) / (t2 - t0) * a2
        b2 = (t3 - t) / (t3 - t1) * a2 + (t - t1) / (t3 - t1) * a3
        out.append((t2 - t) / (t2 - t1) * b1 + (t - t1) / (t2 - t1) * b2)
    if not closed:
        out.append(pts[-1:])
    return np.vstack(out)


def smooth_closed(points: list[Point2], samples: int = 16) -> Polygon:
    """Return the polygon bounded by a smooth closed curve through ``points``.

    Parameters
    ----------
    points : list of (x, y)
        Control points in drawing order; the curve passes through each of them.
    samples : int, optional
        Vertices generated per span between two control points.

    Returns
    -------
    shapely.geometry.Polygon
        A valid polygon (self-touching artefacts are repaired with ``make_valid``).
    """
    poly = Polygon(_catmull_rom(np.asarray(points), samples, closed=True))
    if not poly.is_valid:
        poly = max(_parts(shapely.make_valid(poly)), key=lambda p: p.area)
    return poly


def _smooth_line(points: list[Point2], samples: int = 16) -> LineString:
    """Return a smooth open curve through ``points``."""
    return LineString(_catmull_rom(np.asarray(points), samples, closed=False))


def _ribbon(points: list[Point2], half_width: float) -> Polygon:
    """Return a band of ``2 * half_width`` along a smooth curve, with flat ends."""
    return _smooth_line(points).buffer(half_width, cap_style="flat", join_style="round")


def _ellipse(cx: float, cy: float, rx: float, ry: float, angle: float = 0.0) -> Polygon:
    """Return an ellipse centred on (cx, cy), rotated by ``angle`` degrees."""
    circle = Point(0.0, 0.0).buffer(1.0, quad_segs=24)
    shape = affinity.scale(circle, rx, ry, origin=(0, 0))
    return affinity.translate(affinity.rotate(shape, angle, origin=(0, 0)), cx, cy)


def _capsule(a: Point2, b: Point2, width: float) -> Polygon:
    """Return a stadium (rounded segment) of the given width from ``a`` to ``b``."""
    return LineString([a, b]).buffer(width / 2.0, quad_segs=16)


def _parts(geom: BaseGeometry) -> list[Polygon]:
    """Return the polygonal parts of any geometry."""
    if isinstance(geom, Polygon):
        return [] if geom.is_empty else [geom]
    return [p for g in getattr(geom, "geoms", []) for p in _parts(g)]


def _rows(y0: float, y1: float) -> Polygon:
    """Return a horizontal strip y0 <= y <= y1 spanning the whole panel."""
    return box(-BIG, y0, BIG, y1)


def _cols(x0: float, x1: float) -> Polygon:
    """Return a vertical strip x0 <= x <= x1 spanning the whole panel."""
    return box(x0, -BIG, x1, BIG)


def _edge_strip(outline: BaseGeometry, depth: float) -> BaseGeometry:
    """Return the rim of ``outline`` that lies within ``depth`` of its boundary."""
    return outline.difference(outline.buffer(-depth))


def _clean(geom: BaseGeometry) -> Polygon | MultiPolygon | None:
    """Snap to the grid, drop slivers and return a Polygon/MultiPolygon (or None)."""
    geom = geom.buffer(-0.2, join_style="mitre").buffer(0.2, join_style="mitre")
    geom = shapely.set_precision(geom, GRID)
    parts = [orient(p) for p in _parts(geom) if p.area >= MIN_PART]
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else MultiPolygon(parts)


def _snap_outline(geom: BaseGeometry) -> Polygon | MultiPolygon:
    """Snap an outline to the grid and orient it counter-clockwise."""
    parts = [orient(p) for p in _parts(shapely.set_precision(geom, GRID))]
    return parts[0] if len(parts) == 1 else MultiPolygon(parts)


# ------------------------------------------------------------------------------- allocation


@dataclass(frozen=True)
class ZoneSpec:
    """A zone to lay out: identity, claim keys and a rough shape.

    Attributes
    ----------
    slug : str
        Last part of the feature id (``{foot}.{view}.{slug}``).
    label : str
        Display name, at most 28 characters.
    body_area : str
        Body area claimed (lower case; the key the claims are attached by).
    system : str
        Body system id (see ``footmap.vocab.SYSTEMS``).
    shape : BaseGeometry
        Rough shape; the final zone is this shape clipped to the outline and to the zones
        laid out before it.
    """

    slug: str
    label: str
    body_area: str
    system: str
    shape: BaseGeometry


def allocate(
    outline: BaseGeometry, specs: list[ZoneSpec]
) -> list[tuple[ZoneSpec, Polygon | MultiPolygon]]:
    """Clip zone shapes to the outline and to each other, in priority order.

    Parameters
    ----------
    outline : BaseGeometry
        The panel outline; zones keep ``MARGIN`` mm inside it.
    specs : list of ZoneSpec
        Zones in priority order: earlier zones win where shapes overlap; later zones keep a
        ``GUTTER`` mm gap from earlier ones.

    Returns
    -------
    list of (ZoneSpec, Polygon or MultiPolygon)
        The laid-out zones, snapped to the 0.1 mm grid.  Zones that vanish are omitted.
    """
    inner = outline.buffer(-MARGIN)
    taken: BaseGeometry = Polygon()
    result = []
    for spec in specs:
        geom = spec.shape.intersection(inner).difference(taken.buffer(GUTTER))
        zone = _clean(geom)
        if zone is None:
            continue
        taken = unary_union([taken, zone])
        result.append((spec, zone))
    return result


# -------------------------------------------------------------------------------- dorsal view

# Toes of the LEFT foot seen from above (big toe on +x): base (x, y), tip (x, y), width.
# The tip point is the far end of the rounded toe.
_TOES: tuple[tuple[Point2, Point2, float], ...] = (
    ((24.5, 190.0), (28.0, 256.0), 27.5),  # hallux
    ((2.5, 188.0), (2.5, 248.0), 17.5),
    ((-14.5, 182.0), (-17.5, 239.0), 17.0),
    ((-30.5, 174.0), (-35.0, 228.0), 16.0),
    ((-44.5, 164.0), (-51.0, 211.0), 14.0),
)

# Outline of the left foot's body from above, counter-clockwise from the back of the heel:
# the inner edge up to the ball of the big toe, the webs between the toes, the outer edge.
_DORSAL_INNER: tuple[Point2, ...] = (
    (0.0, 0.0),  # back of the heel
    (21.0, 5.0),
    (31.0, 20.0),
    (35.5, 36.0),
    (38.5, 50.0),  # inner ankle bone (medial malleolus)
    (35.0, 64.0),
    (34.0, 90.0),  # inner edge of the arch
    (40.0, 135.0),
    (48.0, 168.0),  # ball of the big toe (1st metatarsal head)
    (42.0, 195.0),
)
_WEBS: tuple[Point2, ...] = ((13.5, 208.0), (-6.0, 204.0), (-23.0, 197.0), (-38.5, 187.0))
_DORSAL_OUTER: tuple[Point2, ...] = (
    (-52.0, 163.0),  # 5th metatarsal head
    (-52.0, 135.0),
    (-47.0, 100.0),  # base of the 5th metatarsal
    (-38.0, 74.0),
    (-38.0, 58.0),
    (-43.5, 42.0),  # outer ankle bone (lateral malleolus)
    (-39.0, 26.0),
    (-23.0, 6.0),
)


def _shorten(a: Point2, b: Point2, by: float) -> Point2:
    """Return the point ``by`` mm short of ``b`` on the segment from ``a`` to ``b``."""
    direction = np.subtract(b, a)
    x, y = np.asarray(b) - direction / np.linalg.norm(direction) * by
    return float(x), float(y)


def _toe(i: int) -> Polygon:
    """Return toe ``i`` (0 = big toe) of the left dorsal view."""
    base, tip, width = _TOES[i]
    return _capsule(base, _shorten(base, tip, width / 2.0), width)


def _dorsal_outline() -> BaseGeometry:
    """Return the left foot seen from above: body plus five toes."""
    body = smooth_closed([*_DORSAL_INNER, *_WEBS, *_DORSAL_OUTER])
    return unary_union([body] + [_toe(i) for i in range(len(_TOES))]).simplify(0.05)


def _dorsal_specs() -> list[ZoneSpec]:
    """Return the dorsal zones (left foot) in priority order."""
    webs = _WEBS
    # the free part of each toe: from just below its lower neighbouring web to the tip
    web_y = [y for _, y in webs]
    toe_roots = [min(web_y[max(i - 1, 0) : i + 1]) - 3.0 for i in range(len(_TOES))]
    free_toes = [_toe(i).intersection(_rows(toe_roots[i], BIG)) for i in range(5)]
    lymph = unary_union([_ellipse(x, y - 3.0, 4.5, 6.0) for x, y in webs[:3]])
    x45, y45 = webs[3]
    # the big toe's inner (medial) edge, on the +x side of the left foot
    (hx, hy), (tx, ty), hw = _TOES[0]
    side = hw / 2.0 - 3.0  # offset of the nose's centre line from the toe's axis

    def on_axis(y: float) -> Point2:
        return (hx + (tx - hx) * (y - hy) / (ty - hy) + side, y)

    nose = _capsule(on_axis(217.0), on_axis(241.0), 9.0)
    return [
        ZoneSpec("upper-lymph-nodes", "Upper lymph nodes", "upper lymph nodes", "lymphatic", lymph),
        ZoneSpec(
            "inner-ear",
            "Inner ear & balance",
            "inner ear and balance",
            "sensory",
            _ellipse(x45, y45 - 4.0, 6.5, 8.0, angle=-35.0),
        ),
        ZoneSpec("nose", "Nose", "nose", "respiratory", nose),
        ZoneSpec(
            "throat-tonsils",
            "Throat & tonsils",
            "throat and tonsils",
            "respiratory",
            _ellipse(hx + 2.5, web_y[0] - 12.5, hw / 2.0 - 2.0, 6.5),
        ),
        # a top-of-foot routine read for this map: jaws and teeth on the big toe, head and face
        # on the small toes
        ZoneSpec("teeth-jaw", "Teeth & jaw", "teeth and jaw", "musculoskeletal", free_toes[0]),
        ZoneSpec("face", "Face", "face", "sensory", unary_union(free_toes[1:])),
        # the shoulder at the outer edge, level with the fifth metatarsal head
        ZoneSpec(
            "shoulder",
            "Shoulder",
            "shoulder",
            "musculoskeletal",
            _edge_strip(_dorsal_outline(), 9.0).intersection(box(-BIG, 140.0, -28.0, 178.0)),
        ),
        # the shoulder blade: from the web between toes 4 and 5 straight back to the instep's
        # highest point (koukouan no. 55)
        ZoneSpec(
            "shoulder-blade",
            "Shoulder blade",
            "shoulder blade",
            "musculoskeletal",
            _ribbon([(-37.5, 182.0), (-35.0, 150.0), (-31.0, 111.0)], 3.5),
        ),
        # the breast: from the bases of toes 3 and 4 back towards the ankle (lolipop chest page);
        # anatomy texts count the breast as an accessory organ of the reproductive system
        ZoneSpec("breast", "Breast", "breast", "reproductive", _ellipse(-22.0, 160.0, 7.0, 15.0)),
        # upper back in the middle of the top of the foot, between the shoulder blades
        ZoneSpec(
            "upper-back",
            "Upper back",
            "upper back",
            "musculoskeletal",
            _rows(111.0, 160.0).intersection(_cols(-UPPER_BACK_HALF, UPPER_BACK_HALF)),
        ),
        ZoneSpec(
            "lungs-chest", "Lungs / chest", "lungs and chest", "respiratory", _rows(140.0, BIG)
        ),
        # the diaphragm at the highest point of the top of the foot (koukouan no. 56), and the
        # ribs in two hollows just behind it, one towards each ankle (koukouan no. 57)
        ZoneSpec("diaphragm", "Diaphragm", "diaphragm", "respiratory", _rows(101.0, 108.0)),
        ZoneSpec(
            "ribs",
            "Ribs",
            "ribs",
            "musculoskeletal",
            unary_union([_ellipse(16.0, 91.0, 5.0, 4.5), _ellipse(-22.0, 91.0, 5.0, 4.5)]),
        ),
        # lower back: from just below the ankle up to the high point of the instep
        ZoneSpec("lower-back", "Lower back", "lower back", "musculoskeletal", _rows(66.0, 99.0)),
        ZoneSpec(
            "groin-lymph-nodes",
            "Groin lymph nodes",
            "groin lymph nodes",
            "lymphatic",
            _rows(56.0, 64.0),
        ),
        ZoneSpec(
            "fallopian-vas",
            "Fallopian tube / vas def.",
            "fallopian tube or vas deferens",
            "reproductive",
            _ribbon([(-50.0, 38.0), (0.0, 47.0), (50.0, 50.0)], 4.5),
        ),
    ]


# ----------------------------------------------------------------------------- profile views

# Both profiles share the leg stump and the heel: counter-clockwise, the front of the shin
# comes down to the ankle crease (see each view), the back of the leg goes down the Achilles
# tendon into the rounded heel.  Points above the ankle cut are trimmed by _ankle_cut(), points
# below the floor by the floor, so the foot stands flat on y = 0 where the spline dips.
_SHIN: tuple[Point2, ...] = (
    (82.0, 104.0),
    (78.5, 118.0),
    (77.0, 150.0),  # front of the shin, above the cut
)
_HEEL_BACK: tuple[Point2, ...] = (
    (19.0, 150.0),  # back of the leg, above the cut
    (17.5, 116.0),
    (15.0, 90.0),  # Achilles tendon, narrowest just above the heel
    (13.5, 70.0),
    (9.0, 52.0),  # the heel bone bulges out behind the tendon
    (2.5, 36.0),
    (0.0, 22.0),  # back of the heel
    (2.5, 10.0),
    (10.0, 2.0),
)

# Inner side: heel pad and ball of the foot on the floor, the arch lifting clear between
# them, the big toe in front with its pad on the floor and the nail sloping down to the tip.
_MEDIAL: tuple[Point2, ...] = (
    (24.0, -2.5),  # heel pad on the floor
    (58.0, -2.0),
    (80.0, 3.5),  # the arch starts to lift
    (106.0, 14.0),
    (128.0, 17.0),  # highest point of the arch
    (150.0, 12.0),
    (170.0, 2.0),
    (186.0, -2.5),  # ball of the foot (1st metatarsal head)
    (203.0, -1.5),
    (215.5, 2.5),  # crease under the big toe's root
    (228.0, -1.0),  # big toe pad
    (244.0, 0.0),
    (253.0, 4.5),
    (256.5, 11.0),  # tip of the big toe
    (254.0, 18.0),
    (246.0, 24.0),  # front of the toenail, sloping down to the tip
    (234.0, 28.5),  # root of the toenail
    (220.0, 30.0),  # the toe's top dips a little behind its joint
    (204.0, 38.5),  # big toe joint (1st metatarsophalangeal)
    (178.0, 47.0),
    (148.0, 59.0),  # instep
    (118.0, 72.0),
    (100.0, 83.0),
    (89.0, 93.0),  # ankle crease at the front
    *_SHIN,
    *_HEEL_BACK,
)

# Outer side: the foot rests on the floor along its whole outer edge; in front of the little
# toe the pads of the longer toes show as a row of gentle bumps, the big toe's tip furthest out.
_LATERAL: tuple[Point2, ...] = (
    (24.0, -2.5),
    (110.0, -2.5),
    (196.0, -2.5),  # 5th metatarsal head
    (211.0, -1.5),  # little toe pad, on the floor
    (218.0, 3.0),  # the longer toes' pads peek out in front, each a little higher
    (225.0, 1.2),
    (231.0, 4.5),
    (237.0, 2.8),
    (242.5, 6.0),
    (248.0, 4.5),
    (254.0, 7.0),
    (256.5, 12.0),  # tip of the big toe, the furthest out
    (253.5, 18.0),
    (245.0, 22.5),
    (232.0, 25.5),
    (218.0, 27.5),  # the toes' tops dip a little behind their joints
    (202.0, 35.5),  # toe joints
    (174.0, 45.0),
    (146.0, 57.0),  # instep
    (117.0, 70.0),
    (99.0, 81.0),
    (88.0, 92.0),  # ankle crease at the front
    *_SHIN,
    *_HEEL_BACK,
)

# Ankle bones (malleoli), drawn as a round hole in the profile: centre x, y and radius.
# The inner one sits higher and further forward than the outer one.
MEDIAL_MALLEOLUS: tuple[float, float, float] = (50.0, 78.0, 6.5)
LATERAL_MALLEOLUS: tuple[float, float, float] = (43.0, 64.0, 6.5)


def _ankle_cut(shape: BaseGeometry) -> BaseGeometry:
    """Trim a profile at the floor and above the ankle with a gentle, slightly curved line."""
    cut = _smooth_line([(-BIG, 128.0), (10.0, 126.0), (50.0, 123.5), (90.0, 120.0), (BIG, 110.0)])
    below = Polygon(list(cut.coords) + [(BIG, -BIG), (-BIG, -BIG)])
    return shape.intersection(below).intersection(_rows(0.0, BIG))


def _profile_outline(view: str) -> BaseGeometry:
    """Return the medial or lateral profile outline (heel at x = 0, floor at y = 0).

    The ankle bone of the view is left out as a round hole; no zone may cover it.
    """
    if view == "medial":
        shape = smooth_closed(list(_MEDIAL))
        mx, my, mr = MEDIAL_MALLEOLUS
    else:
        shape = smooth_closed(list(_LATERAL))
        mx, my, mr = LATERAL_MALLEOLUS
    shape = _ankle_cut(shape).difference(Point(mx, my).buffer(mr, quad_segs=24))
    return shape.simplify(0.05)


HEEL_FLAT = 16.0  # x (mm) behind which heel bands stop following the sole


def _bottom(outline: BaseGeometry, x: float) -> float:
    """Return the lowest y of ``outline`` on the vertical line through ``x``."""
    hit = outline.intersection(LineString([(x, -BIG), (x, BIG)]))
    return float(hit.bounds[1])


def _sole_band(outline: BaseGeometry, x0: float, x1: float, lift: float, half: float) -> Polygon:
    """Return a band following the bottom edge of a profile between ``x0`` and ``x1``.

    The band's centre line runs ``lift`` mm above the bottom edge; it is ``2 * half`` thick.
    """
    xmin, _, xmax, _ = outline.bounds
    xs = np.linspace(max(x0 - half, xmin + 0.5), min(x1 + half, xmax - 0.5), 24)
    line = _smooth_line([(x, _bottom(outline, x) + lift) for x in xs])
    return line.buffer(half, cap_style="flat").intersection(_cols(x0, x1))


def _heel_band(outline: BaseGeometry, x1: float, lift: float, half: float) -> BaseGeometry:
    """Return a sole band from the back of the heel to ``x1`` with a level top over the heel.

    Behind ``HEEL_FLAT`` the band is a plain box up to the height its top has there, so it
    fills the rounded back of the heel instead of climbing it.
    """
    top = _bottom(outline, HEEL_FLAT) + lift + half
    return unary_union(
        [_sole_band(outline, HEEL_FLAT, x1, lift, half), box(-BIG, -BIG, HEEL_FLAT + 0.5, top)]
    )


def _ring(cx: float, cy: float, r_in: float, r_out: float) -> Polygon:
    """Return an annulus (the hole leaves room for a bone drawn by its absence)."""
    return (
        Point(cx, cy)
        .buffer(r_out, quad_segs=24)
        .difference(Point(cx, cy).buffer(r_in, quad_segs=24))
    )


def _medial_specs(outline: BaseGeometry) -> list[ZoneSpec]:
    """Return the medial zones in priority order."""
    mx, my, mr = MEDIAL_MALLEOLUS
    spine = [  # along the inner edge of the arch, big toe -> heel
        ("spine-cervical", "Cervical spine", 200.0, 228.0),
        ("spine-thoracic", "Thoracic spine", 128.0, 200.0),  # the first metatarsal
        ("spine-lumbar", "Lumbar spine", 50.0, 128.0),  # navicular to below the ankle bone
        ("spine-sacral", "Sacrum & coccyx", 12.0, 50.0),
    ]
    specs = [
        # cerebellum and brain stem on the inner side of the big toe (koukouan no. 8)
        ZoneSpec(
            "cerebellum",
            "Cerebellum / brain stem",
            "cerebellum and brain stem",
            "nervous",
            _ellipse(238.0, 10.0, 6.5, 4.5),
        ),
        ZoneSpec("head-brain", "Head / brain", "head and brain", "nervous", _cols(230.0, BIG)),
    ]
    bands = {slug: _sole_band(outline, x0, x1, lift=11.0, half=10.0) for slug, _, x0, x1 in spine}
    # thinner under the toe's root, leaving the neck room above it
    bands["spine-cervical"] = _sole_band(outline, spine[0][2], spine[0][3], lift=8.0, half=7.0)
    bands["spine-sacral"] = _heel_band(outline, spine[-1][3], lift=12.0, half=11.0)
    specs += [
        ZoneSpec(slug, label, "spine", "musculoskeletal", bands[slug])
        for slug, label, _, _ in spine
    ]
    specs += [
        ZoneSpec("neck", "Neck", "neck", "musculoskeletal", _cols(200.0, 228.0)),
        # the urethra: a band from the bladder area back to behind the inner ankle bone
        ZoneSpec(
            "urethra",
            "Urethra",
            "urethra",
            "urinary",
            _ribbon([(68.0, 47.0), (52.0, 55.0), (36.0, 63.0)], 3.0),
        ),
        ZoneSpec(
            "uterus-prostate",
            "Uterus / prostate",
            "uterus or prostate",
            "reproductive",
            _ellipse(29.0, 46.0, 22.5, 15.5),
        ),
        ZoneSpec(
            "bladder", "Bladder", "bladder", "urinary", _ellipse(82.0, 40.0, 19.5, 12.0, angle=8.0)
        ),
        # the inner hip area round the lower edge of the inner ankle bone
        ZoneSpec("hip", "Hip", "hip", "musculoskeletal", _ellipse(mx + 1.0, my - 12.0, 9.0, 4.0)),
        # lower-body lymph nodes in the hollow in front of the inner ankle bone
        ZoneSpec(
            "groin-lymph-nodes",
            "Groin lymph nodes",
            "groin lymph nodes",
            "lymphatic",
            _ellipse(mx + mr + 6.0, my, 4.5, 7.0),
        ),
        ZoneSpec(
            "fallopian-vas",
            "Fallopian tube / vas def.",
            "fallopian tube or vas deferens",
            "reproductive",
            _ribbon(
                [
                    (mx - 16.0, my + 6.0),
                    (mx - 2.0, my + 20.0),
                    (mx + 18.0, my + 21.0),
                    (mx + 42.0, my + 15.0),
                ],
                4.5,
            ),
        ),
        ZoneSpec(
            "sciatic-nerve",
            "Sciatic nerve",
            "sciatic nerve",
            "nervous",
            _ribbon([(15.0, 64.0), (20.0, 90.0), (24.0, 124.0)], 5.0),
        ),
        # the rectum and anus strip of the Chinese-school charts: from the inner ankle bone up
        # behind the shin bone (yesae, zhangyue); the profile shows its lower end, above the
        # fallopian band and in front of the sciatic strip
        ZoneSpec(
            "rectum",
            "Rectum",
            "rectum",
            "digestive",
            _ribbon([(mx - 13.5, my + 17.0), (mx - 11.0, my + 32.0), (mx - 8.5, my + 48.0)], 4.0),
        ),
    ]
    return specs


def _lateral_specs(outline: BaseGeometry) -> list[ZoneSpec]:
    """Return the lateral zones in priority order."""
    mx, my, mr = LATERAL_MALLEOLUS
    return [
        # outer edge from toes to heel: shoulder (behind the fifth toe joint), upper arm, elbow,
        # knee
        ZoneSpec(
            "shoulder",
            "Shoulder",
            "shoulder",
            "musculoskeletal",
            _sole_band(outline, 172.0, 200.0, lift=10.0, half=9.0),
        ),
        ZoneSpec(
            "arm",
            "Arm",
            "arm",
            "musculoskeletal",
            _sole_band(outline, 124.0, 172.0, lift=8.0, half=7.0),
        ),
        ZoneSpec("elbow", "Elbow", "elbow", "musculoskeletal", _ellipse(107.0, 11.0, 14.0, 10.0)),
        ZoneSpec("knee", "Knee", "knee", "musculoskeletal", _ellipse(78.0, 12.0, 15.0, 14.0)),
        ZoneSpec(
            "pelvis-lower-back",
            "Pelvis / lower back",
            "pelvis and lower back",
            "musculoskeletal",
            _heel_band(outline, 62.0, lift=12.0, half=11.0),
        ),
        # upper-body lymph nodes in the hollow in front of the outer ankle bone
        ZoneSpec(
            "lymphatic-system",
            "Lymphatic system",
            "lymphatic system",
            "lymphatic",
            _ellipse(mx + mr + 6.0, my, 4.5, 7.0),
        ),
        # the hip along the lower edge of the outer ankle bone
        ZoneSpec("hip", "Hip", "hip", "musculoskeletal", _ellipse(mx, my - 12.0, 9.0, 4.0)),
        ZoneSpec(
            "ovary-testis",
            "Ovary / testis",
            "ovary or testis",
            "reproductive",
            _ellipse(25.0, 39.0, 20.0, 14.5),
        ),
    ]


# -------------------------------------------------------------------------------- features


def _feature(fid: str, geom: BaseGeometry, props: dict[str, Any]) -> dict[str, Any]:
    """Return a GeoJSON Feature dict with plain-list coordinates."""
    geometry = mapping(geom)

    def listify(obj: Any) -> Any:
        if isinstance(obj, (tuple, list)):
            return [listify(o) for o in obj]
        return round(float(obj), 1) if isinstance(obj, float) else obj

    geometry = {"type": geometry["type"], "coordinates": listify(geometry["coordinates"])}
    return {"type": "Feature", "id": fid, "properties": props, "geometry": geometry}


def _panel(foot: str, view: str) -> tuple[BaseGeometry, list[tuple[ZoneSpec, BaseGeometry]]]:
    """Return the outline and laid-out zones of one (foot, view) panel."""
    if view == "dorsal":
        outline = _dorsal_outline()
        zones = allocate(outline, _dorsal_specs())
        if foot == "right":

            def flip(g: BaseGeometry) -> BaseGeometry:
                return affinity.scale(g, -1.0, 1.0, origin=(0, 0))

            outline = flip(outline)
            zones = [(spec, flip(geom)) for spec, geom in zones]
    else:
        outline = _profile_outline(view)
        specs = _medial_specs(outline) if view == "medial" else _lateral_specs(outline)
        zones = allocate(outline, specs)
    outline = _snap_outline(outline)
    zones = [(spec, _clean(geom)) for spec, geom in zones]
    return outline, [(spec, geom) for spec, geom in zones if geom is not None]


def features() -> list[dict[str, Any]]:
    """Return the dorsal, medial and lateral outlines and zones of both feet.

    Returns
    -------
    list of dict
        GeoJSON Feature dicts.  For each foot and view: one outline
        (id ``{foot}.{view}.outline``, properties ``role, foot, view``) followed by its zones
        (id ``{foot}.{view}.{slug}``, properties ``role, foot, view, label, body_area,
        system``; no claims).  Coordinates are millimetres on a 0.1 mm grid.
    """
    out: list[dict[str, Any]] = []
    for foot in FEET:
        for view in ("dorsal", "medial", "lateral"):
            outline, zones = _panel(foot, view)
            base = {"foot": foot, "view": view}
            out.append(_feature(f"{foot}.{view}.outline", outline, {"role": "outline", **base}))
            for spec, geom in zones:
                props = {
                    "role": "zone",
                    **base,
                    "label": spec.label,
                    "body_area": spec.body_area,
                    "system": spec.system,
                }
                out.append(_feature(f"{foot}.{view}.{spec.slug}", geom, props))
    return out
