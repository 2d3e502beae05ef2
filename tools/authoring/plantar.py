"""Parametric geometry of the soles (plantar view) of both feet.

Everything is built in millimetres in the plantar chart frame of docs/design.md:
origin at the back of the heel on the foot's long axis, toes towards +y.  The
geometry is authored once for the LEFT foot, whose inner (medial, big-toe) side
is +x; the right foot is its mirror image (x -> -x) with the side-specific organs
swapped (heart, spleen, descending and sigmoid colon, rectum on the left; liver,
gallbladder, ascending colon and appendix on the right).

Shapes are made from a few parametric helpers rather than hard-coded
coordinates:

* :func:`smooth_closed` - a smooth closed curve (centripetal Catmull-Rom
  spline) through a handful of control points, used for the sole;
* :func:`capsule` / :func:`ellipse` - toes and small organs;
* :func:`band` / :func:`box` - regions between two (possibly curved) cuts,
  clipped to the sole with shapely intersection / difference.

The zone layout follows the conventional Ingham-style chart: head and sinuses
in the toes, chest organs on the ball, the diaphragm line below the ball,
abdominal organs in the arch above and below the waist line (transverse
colon), the pelvis / lower back on the heel crossed by the sciatic band, and
the spine along the inner edge.  The reproductive organs are on the sides of
the heel (``views.py``), not on the sole; tools/authoring/sources.py lists the
chart pages this layout was checked against.

Only geometry and classification are produced here; claims text is attached
by ``tools/make_chart.py`` from ``tools/authoring/text.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import shapely
from shapely import affinity
from shapely.geometry import LineString, MultiPolygon, Point, Polygon, mapping
from shapely.geometry.base import BaseGeometry
from shapely.geometry.polygon import orient

__all__ = [
    "FOOT_LENGTH",
    "Toe",
    "ZoneSpec",
    "GUTTER",
    "MARGIN",
    "band",
    "box",
    "capsule",
    "ellipse",
    "features",
    "foot_parts",
    "smooth_closed",
    "zones",
]

#: Heel-to-big-toe-tip length of the model foot (mm).
FOOT_LENGTH = 255.0
#: Width of the gutter left between neighbouring zones (mm).
GUTTER = 1.4
#: Minimum distance between a zone and the foot outline (mm).
MARGIN = 1.2
#: Smallest separate part of a zone kept (mm^2); smaller crumbs are dropped.
MIN_PART = 20.0
#: Radius of the rounded zone corners (mm).
CORNER = 1.0
#: Width of the toe creases between the sole and the toes (mm).
TOE_GAP = 2.6
#: Width of the spine strip along the inner edge (mm).
SPINE_WIDTH = 8.0
#: Depth of the trapezius band below the toe creases (mm).
TRAPEZIUS_DEPTH = 8.0
#: Geometry simplification tolerance applied to the output (mm).
SIMPLIFY = 0.15

_BIG = 400.0  # larger than any foot dimension: used for open-ended boxes
_REACH = 150.0  # half-width of the horizontal bands (feet are within +-70 mm)

Curve = Callable[[np.ndarray], np.ndarray]


# ----------------------------------------------------------------------------
# Parametric helpers
# ----------------------------------------------------------------------------


def smooth_closed(points: Sequence[tuple[float, float]], samples: int = 24) -> Polygon:
    """Return a polygon bounded by a smooth closed curve through ``points``.

    The curve is a centripetal Catmull-Rom spline, which passes through every
    control point without overshooting or forming cusps.

    Parameters
    ----------
    points : sequence of (x, y)
        Control points in order around the curve (not repeated at the end).
    samples : int, optional
        Number of curve points generated per control-point span.

    Returns
    -------
    shapely.Polygon
        The closed, valid polygon.
    """
    p = np.asarray(points, dtype=float)
    n = len(p)
    out = []
    for i in range(n):
        p0, p1, p2, p3 = p[(i - 1) % n], p[i], p[(i + 1) % n], p[(i + 2) % n]
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
    poly = Polygon(np.vstack(out))
    return poly if poly.is_valid else shapely.make_valid(poly)


def ellipse(cx: float, cy: float, rx: float, ry: float, angle: float = 0.0) -> Polygon:
    """Return an ellipse centred on (cx, cy) with semi-axes rx, ry.

    Parameters
    ----------
    cx, cy : float
        Centre (mm).
    rx, ry : float
        Semi-axes along x and y before rotation (mm).
    angle : float, optional
        Counter-clockwise rotation in degrees.

    Returns
    -------
    shapely.Polygon
    """
    circle = Point(0.0, 0.0).buffer(1.0, quad_segs=24)
    shape = affinity.scale(circle, rx, ry, origin=(0, 0))
    shape = affinity.rotate(shape, angle, origin=(0, 0))
    return affinity.translate(shape, cx, cy)


def capsule(p0: tuple[float, float], p1: tuple[float, float], r0: float, r1: float) -> Polygon:
    """Return a tapered capsule: the convex hull of two discs.

    Parameters
    ----------
    p0, p1 : (x, y)
        Centres of the two end discs.
    r0, r1 : float
        Radii of the discs at ``p0`` and ``p1``.

    Returns
    -------
    shapely.Polygon
    """
    discs = Point(p0).buffer(r0, quad_segs=24).union(Point(p1).buffer(r1, quad_segs=24))
    return discs.convex_hull


def band(
    lower: Curve | float, upper: Curve | float, x0: float = -_BIG, x1: float = _BIG
) -> Polygon:
    """Return the region between two cuts ``y = lower(x)`` and ``y = upper(x)``.

    Parameters
    ----------
    lower, upper : callable or float
        The lower and upper cut, each a function of x (vectorised over a
        numpy array) or a constant.
    x0, x1 : float, optional
        Horizontal extent of the region (mm); wider than any foot by default.

    Returns
    -------
    shapely.Polygon
        The band; intersect it with a foot region to clip it.
    """
    lo, hi = max(x0, -_REACH), min(x1, _REACH)
    xs = np.linspace(lo, hi, max(2, int(hi - lo) + 1))  # ~1 mm steps
    ring = np.vstack(
        [
            np.column_stack([xs, _evaluate(lower, xs)]),
            np.column_stack([xs, _evaluate(upper, xs)])[::-1],
        ]
    )
    return Polygon(ring)


def box(x0: float = -_BIG, y0: float = -_BIG, x1: float = _BIG, y1: float = _BIG) -> Polygon:
    """Return an axis-aligned rectangle, open-ended by default.

    Parameters
    ----------
    x0, y0, x1, y1 : float, optional
        Bounds (mm); omitted bounds extend beyond any foot.

    Returns
    -------
    shapely.Polygon
    """
    return shapely.box(x0, y0, x1, y1)


def _evaluate(curve: Curve | float, xs: np.ndarray) -> np.ndarray:
    if callable(curve):
        return np.asarray(curve(xs), dtype=float) * np.ones_like(xs)
    return np.full_like(xs, float(curve))


def _largest(geom: BaseGeometry) -> Polygon:
    """Return the largest polygon of a (multi)polygon result."""
    polys = [g for g in getattr(geom, "geoms", [geom]) if isinstance(g, Polygon)]
    return max(polys, key=lambda g: g.area)


def _clean(geom: BaseGeometry) -> Polygon | MultiPolygon:
    """Drop crumbs (< :data:`MIN_PART` mm^2) and non-polygon parts of set operations."""
    parts = [g for g in getattr(geom, "geoms", [geom]) if isinstance(g, Polygon) and g.area > 0]
    if not parts:
        raise ValueError("zone vanished during construction")
    keep = min(MIN_PART, max(g.area for g in parts))
    parts = [g for g in parts if g.area >= keep]
    return parts[0] if len(parts) == 1 else MultiPolygon(parts)


# ----------------------------------------------------------------------------
# The foot outline (left foot, inner side = +x)
# ----------------------------------------------------------------------------

#: Control points of the sole, anticlockwise from the back of the heel.
SOLE_POINTS: tuple[tuple[float, float], ...] = (
    (0.0, 0.0),  # back of the heel
    (17.0, 3.0),
    (28.5, 15.0),
    (32.5, 35.0),  # heel, inner side (heel ~65 mm wide)
    (31.0, 58.0),
    (25.5, 82.0),  # the arch: inner edge concave
    (23.5, 102.0),
    (28.0, 126.0),
    (39.0, 149.0),
    (50.0, 167.0),
    (55.5, 181.0),  # head of the first metatarsal (ball, inner side)
    (53.5, 194.0),
    (44.0, 202.5),  # under the big toe
    (28.0, 206.0),
    (12.0, 206.5),  # under toes 2-3: the natural toe line slopes outwards
    (-5.0, 203.5),
    (-21.0, 197.5),
    (-34.0, 189.0),
    (-42.0, 179.5),  # head of the fifth metatarsal (ball, outer side)
    (-44.0, 166.0),
    (-42.0, 146.0),
    (-38.5, 122.0),
    (-37.5, 104.0),  # base of the fifth metatarsal
    (-35.0, 80.0),
    (-33.5, 56.0),
    (-31.5, 34.0),
    (-27.0, 15.0),
    (-16.0, 3.0),
)


@dataclass(frozen=True)
class Toe:
    """A toe: a tapered shaft from its base ending in a rounded pad at the tip.

    Attributes
    ----------
    base : (x, y)
        Centre of the base disc (placed inside the sole; the part overlapping
        the sole is cut away with the toe crease).
    tip : (x, y)
        The extreme tip of the toe.
    base_width, neck_width, pad_width : float
        Toe widths at the base, at the narrow neck below the pad and across
        the tip pad (mm).
    """

    base: tuple[float, float]
    tip: tuple[float, float]
    base_width: float
    neck_width: float
    pad_width: float

    def shape(self) -> Polygon:
        """Return the raw toe shape (before the crease cut)."""
        base = np.asarray(self.base)
        tip = np.asarray(self.tip)
        axis = (tip - base) / np.linalg.norm(tip - base)
        r_pad = self.pad_width / 2
        pad_centre = tip - axis * r_pad
        neck = pad_centre - axis * 1.1 * r_pad
        shaft = capsule(tuple(base), tuple(neck), self.base_width / 2, self.neck_width / 2)
        pad = Point(*pad_centre).buffer(r_pad, quad_segs=24)
        blend = 0.6 * r_pad  # closing radius: fills the waist between shaft and pad
        return shaft.union(pad).buffer(blend, quad_segs=16).buffer(-blend, quad_segs=16)


#: Toes 1 (big toe, inner) to 5 (little toe, outer); tips follow the toe line.
TOES: tuple[Toe, ...] = (
    Toe(base=(40.5, 194.0), tip=(38.0, 255.0), base_width=28.5, neck_width=25.5, pad_width=28.0),
    Toe(base=(16.0, 194.0), tip=(13.8, 247.5), base_width=16.0, neck_width=12.5, pad_width=15.0),
    Toe(base=(-2.0, 190.0), tip=(-4.5, 239.5), base_width=15.5, neck_width=12.0, pad_width=14.0),
    Toe(base=(-18.5, 184.0), tip=(-19.5, 229.0), base_width=14.5, neck_width=11.0, pad_width=13.0),
    Toe(base=(-33.5, 176.0), tip=(-32.0, 214.5), base_width=13.5, neck_width=10.0, pad_width=11.5),
)


def foot_parts() -> tuple[Polygon, list[Polygon]]:
    """Return the left sole and its five toes (inner side = +x).

    Returns
    -------
    sole : shapely.Polygon
        The sole, from the back of the heel to the toe creases.
    toes : list of shapely.Polygon
        Toes 1 (big toe) to 5, each separated from the sole by the toe crease
        and from its neighbours by a small gap.
    """
    sole = smooth_closed(SOLE_POINTS)
    crease = sole.buffer(TOE_GAP, quad_segs=16)
    toes: list[Polygon] = []
    for toe in TOES:
        shape = toe.shape().difference(crease)
        for other in toes:
            shape = shape.difference(other.buffer(TOE_GAP * 0.8))
        toes.append(_largest(shape))
    return sole, toes


# ----------------------------------------------------------------------------
# Zones
# ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ZoneSpec:
    """One zone before serialisation."""

    slug: str
    label: str
    body_area: str
    system: str
    geometry: BaseGeometry


def _diaphragm(x: np.ndarray) -> np.ndarray:
    """Centre line of the diaphragm: follows the lower edge of the ball."""
    return 146.0 + 0.16 * x - 0.0035 * x**2


def _waist(x: np.ndarray) -> np.ndarray:
    """Centre line of the waist line (transverse colon)."""
    return 103.0 + 0.03 * x


def _heel_line(x: np.ndarray) -> np.ndarray:
    """The heel line: the pelvic floor / sigmoid level."""
    return 64.0 + 0.05 * x


def _sciatic(x: np.ndarray) -> np.ndarray:
    """Centre line of the sciatic band across the middle of the heel (slightly curved)."""
    return 27.0 + 0.0025 * x**2


def _shifted(curve: Curve, dy: float) -> Curve:
    """Return the cut ``curve`` moved by ``dy`` along y."""
    return lambda x: curve(x) + dy


def zones(foot: str) -> list[ZoneSpec]:
    """Return the plantar zones of one foot in the LEFT-foot frame (inner = +x).

    Regions are first laid out edge to edge (cuts along the reference lines,
    small organs carved out of the larger regions with
    ``difference``), then every region is shrunk by half a gutter, which
    leaves :data:`GUTTER` between neighbours, turns fully enclosed organs into
    holes of the enclosing zone and keeps every zone :data:`MARGIN` inside
    the outline.

    Parameters
    ----------
    foot : {"left", "right"}
        Which foot; selects the side-specific organs.  The caller mirrors the
        right foot's geometry.

    Returns
    -------
    list of ZoneSpec
        The zones of that foot, in drawing order.
    """
    left = foot == "left"
    sole, toes = foot_parts()
    g = GUTTER / 2
    usable = sole.buffer(g - MARGIN)  # the final shrink restores the margin
    specs: list[tuple[str, str, str, str, BaseGeometry]] = []

    def add(slug: str, label: str, area: str, system: str, geom: BaseGeometry) -> None:
        specs.append((slug, label, area, system, geom))

    # the cuts between the horizontal bands of the chart
    dia_lo, dia_hi = _shifted(_diaphragm, -2.5), _shifted(_diaphragm, 2.5)
    waist_lo, waist_hi = _shifted(_waist, -3.5), _shifted(_waist, 3.5)
    heel_lo = _shifted(_heel_line, -7.0)  # top of the heel proper (sigmoid band above)
    sci_lo, sci_hi = _shifted(_sciatic, -3.2), _shifted(_sciatic, 3.2)

    # -- toes ------------------------------------------------------------------
    big = toes[0].buffer(g - MARGIN)
    bx0, by0, bx1, by1 = big.bounds
    split = by0 + 0.44 * (by1 - by0)  # pad (head) above, base (neck) below
    px, py = (bx0 + bx1) / 2 - 1.0, split + 0.5 * (by1 - split)
    pituitary = ellipse(px, py, 5.2, 5.8)
    # the pineal just beyond the pituitary, the hypothalamus beside it (second-toe side)
    pineal = ellipse(px, py + 10.2, 4.2, 2.9)
    hypothalamus = ellipse(px - 9.0, py - 0.5, 3.4, 4.6)
    pad = big.intersection(box(y0=split))
    pineal, hypothalamus = pad.intersection(pineal), pad.intersection(hypothalamus)
    add(
        "head-brain",
        "Head / brain",
        "head and brain",
        "nervous",
        pad.difference(pituitary).difference(pineal).difference(hypothalamus),
    )
    add("pituitary", "Pituitary", "pituitary gland", "endocrine", pituitary)
    add("hypothalamus", "Hypothalamus", "hypothalamus", "endocrine", hypothalamus)
    add("pineal", "Pineal", "pineal gland", "endocrine", pineal)
    big_base = big.intersection(box(y1=split))
    cervical = big_base.intersection(box(x0=bx1 - 7.5))
    # the thyroid in the inner half of the big toe's neck, running down into the joint at the
    # toe's base (netplaces); the neck in the outer half of the toe's base
    mid = (bx0 + bx1) / 2
    thyroid_toe = big_base.difference(cervical).intersection(box(x0=mid))
    neck = big_base.difference(cervical).intersection(box(x1=mid))
    add("neck", "Neck", "neck", "musculoskeletal", neck)
    add("spine-cervical", "Cervical spine", "spine", "musculoskeletal", cervical)

    tips, eyes, ears = [], [], []
    for number, toe in enumerate(toes[1:], start=2):
        t = toe.buffer(g - MARGIN)
        _, y0, _, y1 = t.bounds
        cut = y0 + 0.47 * (y1 - y0)
        tips.append(t.intersection(box(y0=cut)))
        (eyes if number <= 3 else ears).append(t.intersection(box(y1=cut)))
    add("sinuses", "Sinuses", "sinuses", "respiratory", MultiPolygon(tips))
    add("eyes", "Eyes", "eyes", "sensory", MultiPolygon(eyes))
    add("ears", "Ears", "ears", "sensory", MultiPolygon(ears))

    # -- spine: a strip along the inner edge of the sole -------------------------
    rim = usable.difference(sole.buffer(g - MARGIN - SPINE_WIDTH))
    spine = _largest(rim.intersection(box(x0=15.0, y0=12.0, y1=190.0)))
    # the sacro-iliac joint on the sole between the navicular and the talus (moor-isg): across the
    # joint line of the two bones (y ~ 87 in foot-anatomy.geojson), notching the lumbar spine strip
    # without cutting it; the bladder below it and the ureter beside it keep their shapes (below)
    sacroiliac = ellipse(14.8, 88.3, 5.4, 4.4)
    spine = spine.difference(sacroiliac)
    add(
        "spine-thoracic",
        "Thoracic spine",
        "spine",
        "musculoskeletal",
        spine.intersection(band(waist_hi, _BIG)),
    )
    add(
        "spine-lumbar",
        "Lumbar spine",
        "spine",
        "musculoskeletal",
        spine.intersection(band(heel_lo, waist_hi)),
    )
    add(
        "spine-sacrum",
        "Sacrum & coccyx",
        "spine",
        "musculoskeletal",
        spine.intersection(band(-_BIG, heel_lo)),
    )
    body = usable.difference(spine)

    # -- ball of the foot ----------------------------------------------------------
    ball = body.intersection(band(dia_hi, _BIG))
    shoulder = ball.intersection(box(x1=-31.0, y0=155.0))
    esophagus = ball.intersection(band(_shifted(_diaphragm, 10.0), _BIG, 21.0, 25.0))
    # the thyroid's lobe in the joint at the big toe's base; the parathyroids just under it
    thyroid = ball.intersection(ellipse(40.0, 192.0, 11.0, 6.5))
    parathyroid = ellipse(41.0, 181.0, 3.1, 4.2, angle=-25.0)
    # trapezius: a band just below the toes, between the shoulder and the esophagus
    top_strip = ball.difference(affinity.translate(ball, 0.0, -TRAPEZIUS_DEPTH))
    trapezius = _largest(top_strip.intersection(box(x0=-31.0, x1=21.0)))
    # bronchi: a lengthwise strip from under toes 2-3 into the middle of the lungs
    bronchi = ball.intersection(box(x0=3.0, y0=172.0, x1=9.0)).difference(trapezius)
    thymus = ellipse(16.0, 155.0, 4.4, 3.2)
    lungs = (
        ball.intersection(box(x1=25.0))
        .difference(esophagus)
        .difference(shoulder)
        .difference(trapezius)
        .difference(bronchi)
        .difference(thymus)
    )
    add(
        "thyroid",
        "Thyroid",
        "thyroid",
        "endocrine",
        thyroid_toe.union(thyroid.difference(parathyroid)),
    )
    add("parathyroid", "Parathyroids", "parathyroid glands", "endocrine", parathyroid)
    add("esophagus", "Esophagus", "esophagus", "digestive", esophagus)
    add("trapezius", "Trapezius", "trapezius", "musculoskeletal", trapezius)
    add("bronchi", "Bronchi", "bronchi", "respiratory", bronchi)
    add("thymus", "Thymus", "thymus", "lymphatic", thymus)
    if left:
        # where a line down between toes 4 and 5 meets one from below the little toe's base
        heart = ball.intersection(ellipse(-23.0, 158.0, 7.5, 7.0)).difference(shoulder)
        lungs = lungs.difference(heart)
    add("lungs", "Lungs / chest", "lungs and chest", "respiratory", lungs)
    if left:
        add("heart", "Heart", "heart", "cardiovascular", heart)
    add("shoulder", "Shoulder", "shoulder", "musculoskeletal", shoulder)
    add(
        "diaphragm",
        "Diaphragm",
        "diaphragm",
        "respiratory",
        body.intersection(band(dia_lo, dia_hi)),
    )

    # -- organs straddling the arch: carved out of whatever they sit on ------------
    solar = ellipse(1.0, _diaphragm(np.array([1.0]))[0] - 11.0, 5.5, 5.0)
    # the kidney where the arch begins, straight down from between toes 2 and 3 (koukouan,
    # peekme); the adrenal beside it, a little towards the inner side (netplaces)
    kidney = ellipse(-4.0, 118.0, 7.5, 11.0, angle=-8.0)
    adrenal = ellipse(7.5, 126.0, 3.2, 4.2, angle=-8.0)
    bladder = _largest(ellipse(13.5, 78.0, 8.0, 7.5).intersection(body))
    ureter_path = LineString([(-1.5, 106.0), (5.0, 95.0), (10.0, 85.5)])
    ureter = ureter_path.buffer(2.0, cap_style="flat").difference(kidney).difference(bladder)
    sacroiliac = sacroiliac.intersection(usable).difference(bladder).difference(ureter)
    organs = shapely.union_all([solar, kidney, adrenal, bladder, ureter, sacroiliac])
    add("solar-plexus", "Solar plexus", "solar plexus", "nervous", solar)
    add("adrenal", "Adrenal gland", "adrenal glands", "endocrine", adrenal)
    add("kidney", "Kidney", "kidneys", "urinary", kidney)
    add("ureter", "Ureter", "ureters", "urinary", ureter)
    add("bladder", "Bladder", "bladder", "urinary", bladder)
    add(
        "sacro-iliac-joint",
        "Sacro-iliac joint",
        "sacro-iliac joint",
        "musculoskeletal",
        sacroiliac,
    )

    # -- upper arch: between the diaphragm and the waist line ----------------------
    upper = body.intersection(band(waist_hi, dia_lo)).difference(organs)
    if left:
        # the spleen in the outer corner just below the diaphragm line, under the heart
        spleen = upper.intersection(box(x1=-17.0, y0=124.0))
        stomach = upper.intersection(box(x0=-17.0, y0=122.5))
        pancreas = upper.intersection(box(x0=-17.0, y0=113.5, y1=122.5))
        duodenum = upper.intersection(box(x0=3.0, y1=113.5))
        add("spleen", "Spleen", "spleen", "lymphatic", spleen)
    else:
        gallbladder = ellipse(-19.0, 121.0, 5.5, 4.5, angle=20.0)
        liver = upper.intersection(box(x1=6.0))
        add("liver", "Liver", "liver", "digestive", liver.difference(gallbladder))
        add("gallbladder", "Gallbladder", "gallbladder", "digestive", gallbladder)
        stomach = upper.intersection(box(x0=6.0, y0=127.0))
        pancreas = upper.intersection(box(x0=6.0, y0=117.0, y1=127.0))
        duodenum = upper.intersection(box(x0=6.0, y1=117.0))
    add("stomach", "Stomach", "stomach", "digestive", stomach)
    add("pancreas", "Pancreas", "pancreas", "digestive", pancreas)
    add("duodenum", "Duodenum", "duodenum", "digestive", duodenum)

    # -- waist line and lower arch ------------------------------------------------------
    add(
        "colon-transverse",
        "Transverse colon",
        "transverse colon",
        "digestive",
        body.intersection(band(waist_lo, waist_hi)).difference(organs),
    )
    outer_strip = body.difference(body.buffer(-9.0)).intersection(box(x1=-20.0))
    lower = body.intersection(band(heel_lo, waist_lo)).difference(organs)
    if left:
        descending = outer_strip.intersection(band(_heel_line, waist_lo))
        sigmoid_band = lower.intersection(band(heel_lo, _heel_line))
        rectum = lower.intersection(box(x0=5.0, y1=bladder.bounds[1]))  # up to the bladder
        sigmoid = sigmoid_band.difference(rectum)
        small = lower.difference(descending).difference(sigmoid_band).difference(rectum)
        add("colon-descending", "Descending colon", "descending colon", "digestive", descending)
        add("colon-sigmoid", "Sigmoid colon", "sigmoid colon", "digestive", sigmoid)
        add("rectum", "Rectum", "rectum", "digestive", rectum)
    else:
        appendix = lower.intersection(box(x1=-21.0)).intersection(
            band(heel_lo, _shifted(_heel_line, 4.0))
        )
        ascending = outer_strip.intersection(band(_shifted(_heel_line, 4.0), waist_lo))
        small = lower.difference(appendix).difference(ascending)
        add("colon-ascending", "Ascending colon", "ascending colon", "digestive", ascending)
        add(
            "appendix",
            "Appendix / ileocecal",
            "appendix and ileocecal valve",
            "digestive",
            appendix,
        )
    add("small-intestine", "Small intestine", "small intestine", "digestive", small)

    # -- heel: the pelvis and lower back, crossed by the sciatic band -----------------------
    # Conventional (Ingham-descended) charts keep the reproductive organs on the sides of the
    # heel (medial and lateral views); the sole of the heel is pelvis / lower back.
    heel = body.intersection(band(-_BIG, heel_lo))
    sciatic = heel.intersection(band(sci_lo, sci_hi))
    pelvis = heel.difference(sciatic)
    add("pelvis", "Pelvis / lower back", "pelvis and lower back", "musculoskeletal", pelvis)
    add("sciatic", "Sciatic nerve", "sciatic nerve", "nervous", sciatic)

    return [
        ZoneSpec(slug, label, area, system, _clean(_shrink_round(geom, g, CORNER)))
        for slug, label, area, system, geom in specs
    ]


def _shrink_round(geom: BaseGeometry, inset: float, radius: float) -> BaseGeometry:
    """Shrink a region by ``inset`` and round its convex corners to ``radius``."""
    # simplify first: runs of nearly collinear vertices upset GEOS's negative buffer
    geom = geom.simplify(0.02)
    return geom.buffer(-inset - radius, quad_segs=8).buffer(radius, quad_segs=8)


# ----------------------------------------------------------------------------
# Features
# ----------------------------------------------------------------------------


def _mirror(geom: BaseGeometry) -> BaseGeometry:
    return affinity.scale(geom, xfact=-1.0, yfact=1.0, origin=(0.0, 0.0))


def _finish(geom: BaseGeometry, mirror: bool) -> Polygon | MultiPolygon:
    """Mirror (right foot), simplify and orient a geometry for output."""
    if mirror:
        geom = _mirror(geom)
    geom = geom.simplify(SIMPLIFY, preserve_topology=True)
    if isinstance(geom, Polygon):
        return orient(geom, sign=1.0)
    return MultiPolygon([orient(p, sign=1.0) for p in geom.geoms])


def features() -> list[dict]:
    """Return the plantar outline and zone features of both feet.

    Returns
    -------
    list of dict
        GeoJSON Feature dicts with ``id``, ``properties`` (role, foot, view and,
        for zones, label, body_area, system) and ``geometry`` (a GeoJSON
        mapping in mm).  Claims are attached later by ``make_chart``.
    """
    sole, toes = foot_parts()
    outline = MultiPolygon([sole, *toes])
    out: list[dict] = []
    for foot in ("left", "right"):
        mirror = foot == "right"
        out.append(
            {
                "type": "Feature",
                "id": f"{foot}.plantar.outline",
                "properties": {"role": "outline", "foot": foot, "view": "plantar"},
                "geometry": mapping(_finish(outline, mirror)),
            }
        )
        for z in zones(foot):
            out.append(
                {
                    "type": "Feature",
                    "id": f"{foot}.plantar.{z.slug}",
                    "properties": {
                        "role": "zone",
                        "foot": foot,
                        "view": "plantar",
                        "label": z.label,
                        "body_area": z.body_area,
                        "system": z.system,
                    },
                    "geometry": mapping(_finish(z.geometry, mirror)),
                }
            )
    return out
