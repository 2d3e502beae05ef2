"""Author ``data/foot-anatomy.geojson``: the foot's own anatomy in the foot chart's frame.

Run by hand from the repository root::

    python tools/authoring/foot_anatomy.py          # write data/foot-anatomy.geojson
    python tools/authoring/foot_anatomy.py --check  # check the written file, write nothing

The chart uses the frame and panels of ``data/zones.geojson`` (README, "The chart"): millimetres,
origin at the back of the heel, toes up (+y); the soles are footprints seen from above through
the foot, the left foot's big toe on its +x side, the right foot mirrored. The outlines are
copied unchanged from ``data/zones.geojson``, so the two charts line up exactly.

Structures (``role: "structure"``), on the sole (plantar) and top (dorsal) panels of both feet:

* ``nerve`` - cutaneous nerve territories. Within a panel they tile the outline exactly: each
  territory is the part of the outline, left over by the territories before it, that falls in a
  cutting region, computed with shapely on a 0.1 mm grid (``grid_size``), so that after rounding
  the territories still cover the outline without overlapping (``--check`` measures it). Each
  rounded piece is then clipped to the outline (rounding can push the point where a cut meets
  the outline a few hundredths of a mm^2 past it); the vertices that clipping adds lie on the
  outline's edges and are kept to 0.001 mm.
* ``bone`` - the 26 bones of each foot as seen from below and from above, drawn as rounded
  bone shapes sized and placed in proportion to the outline; bones lie inside the outline and do
  not overlap each other (a 0.5 mm joint space is left between neighbours). From below only the
  head of the talus is drawn: the rest of it sits on top of the calcaneus. A proximal phalanx
  that crosses the toe crease of the sole is cut by the crease (the sole's toes are separate
  polygons) and so has two parts.
* ``dermatome`` - approximate L4 / L5 / S1 bands; within a panel they tile the outline too.

Every structure carries one ``anatomy`` claim, in the project's own words, citing the records of
``anatomy_sources_foot.py``. The geometry is schematic: nerve boundaries vary between people and
between textbooks, and dermatome maps disagree with each other (the texts say so).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np
import shapely
from shapely import affinity
from shapely.geometry import LineString, MultiPolygon, Point, Polygon, box, mapping, shape
from shapely.geometry.base import BaseGeometry
from shapely.geometry.polygon import orient
from shapely.ops import unary_union

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))
sys.path.insert(1, str(ROOT))  # this checkout's footmap (check_under uses its anatomy_under)

import anatomy_sources_foot as srcs  # noqa: E402
import plantar  # noqa: E402
import views  # noqa: E402

ZONES = ROOT / "data" / "zones.geojson"
OUT = ROOT / "data" / "foot-anatomy.geojson"

GRID = 0.1  # coordinates are snapped to this grid (mm)
CLIP_DECIMALS = 3  # a vertex where a tiled piece is clipped to the outline: 0.001 mm
JOINT = 0.5  # space left between neighbouring bones (mm)
INSIDE = 0.8  # bones stay this far inside the outline (mm)
TOL_AREA = 0.5  # tiling tolerance: uncovered or overlapping area per panel (mm^2)
ID_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{0,79}$")
FEET = ("left", "right")
VIEWS = ("plantar", "dorsal")  # sole and top: every nerve territory, all 26 bones
SIDES = ("medial", "lateral")  # inner and outer profiles: the territories and the bones seen there
ALL_VIEWS = VIEWS + SIDES

Point2 = tuple[float, float]

# =============================================================================== geometry helpers


def snap(geom: BaseGeometry) -> BaseGeometry:
    """Return ``geom`` with its vertices on the 0.1 mm grid."""
    return shapely.set_precision(geom, GRID)


def polys(geom: BaseGeometry) -> list[Polygon]:
    """Return the polygons of ``geom`` (dropping points and lines)."""
    if geom.is_empty:
        return []
    if isinstance(geom, Polygon):
        return [geom]
    return [p for g in getattr(geom, "geoms", []) for p in polys(g)]


def as_area(geom: BaseGeometry) -> Polygon | MultiPolygon:
    """Return the polygonal part of ``geom`` as a Polygon or MultiPolygon."""
    parts = [p for p in polys(geom) if p.area > 0]
    return parts[0] if len(parts) == 1 else MultiPolygon(parts)


def mirror(geom: BaseGeometry) -> BaseGeometry:
    """Mirror a left-foot geometry onto the right foot (x -> -x)."""
    return affinity.scale(geom, xfact=-1.0, yfact=1.0, origin=(0.0, 0.0))


def smooth(points: Iterable[Point2], samples: int = 10) -> Polygon:
    """Return the smooth closed shape through ``points`` (centripetal Catmull-Rom)."""
    return views.smooth_closed(list(points), samples=samples)


def rounded(points: Iterable[Point2], r: float = 1.5) -> Polygon:
    """Return the polygon through ``points`` with its corners rounded by ``r``."""
    return Polygon(list(points)).buffer(-r, quad_segs=6).buffer(r, quad_segs=6)


def long_bone(
    a: Point2, b: Point2, w_base: float, w_shaft: float, w_head: float, tuft: bool = False
) -> Polygon:
    """Return a long bone (metatarsal or phalanx) from base ``a`` to head ``b``.

    The outline has a broad base, a waisted shaft and a rounded head (a distal phalanx ends in a
    small flared tuft instead), drawn as a smooth curve through points on both sides of the axis.
    """
    pa, pb = np.asarray(a, float), np.asarray(b, float)
    axis = pb - pa
    length = float(np.linalg.norm(axis))
    u = axis / length
    n = np.array([-u[1], u[0]])
    head = w_base * 0.5 if tuft else w_head
    # (position along the axis as a fraction, half-width)
    profile = [
        (0.0, w_base * 0.42),
        (0.12, w_base * 0.5),
        (0.32, w_shaft * 0.5),
        (0.62, w_shaft * 0.5),
        (0.85, (head if not tuft else w_shaft * 0.9) * 0.5),
        (0.97, head * 0.42),
    ]
    left = [pa + u * f * length + n * h for f, h in profile]
    right = [pa + u * f * length - n * h for f, h in reversed(profile)]
    tip = pb + u * (0.0 if tuft else 0.01 * length)
    back = pa - u * 0.02 * length
    # counter-clockwise: back, down the -n side to the head, the tip, back up the +n side
    ring = [
        tuple(back),
        *[tuple(p) for p in reversed(right)],
        tuple(tip),
        *[tuple(p) for p in reversed(left)],
    ]
    return smooth(ring, samples=8)


def along(a: Point2, b: Point2, f: float) -> Point2:
    """Return the point at fraction ``f`` of the way from ``a`` to ``b``."""
    return (a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f)


def _grid_point_on(p: Point2, a: Point2, b: Point2) -> Point2:
    """Return the 0.1 mm grid point near ``p`` (within 0.5 mm) closest to the segment ``ab``.

    Used for the points where a cut meets the outline: an edge of the outline rarely passes
    through a grid point, but one a few tenths of a millimetre away lies almost on it, so the
    rounded cut end stays on the outline and the pieces still cover it exactly.
    """
    seg = LineString([a, b])
    best, best_d = (round(p[0], 1), round(p[1], 1)), math.inf
    cx, cy = round(p[0] * 10), round(p[1] * 10)
    for i in range(-5, 6):
        for j in range(-5, 6):
            q = ((cx + i) / 10.0, (cy + j) / 10.0)
            if math.dist(q, p) > 0.5:
                continue
            d = seg.distance(Point(q))
            if d < best_d - 1e-12 or (
                abs(d - best_d) <= 1e-12 and math.dist(q, p) < math.dist(best, p)
            ):
                best, best_d = q, d
    return best


def tile(
    outline: BaseGeometry, regions: list[tuple[str, BaseGeometry | None]]
) -> dict[str, BaseGeometry]:
    """Split ``outline`` into pieces, one per region, that tile it exactly after rounding.

    Each piece is the part of the outline inside its region and not in an earlier piece; the
    last region must be ``None`` and takes the remainder. The outline's boundary and the cuts
    are noded together and polygonized into faces, each face goes to the first region holding
    it, and every vertex is moved to the 0.1 mm grid once, so that neighbouring pieces share
    exactly the same rounded edges. The outline's own vertices are already on the grid; a point
    where a cut meets the outline goes to the grid point lying closest to that outline edge.
    """
    if regions[-1][1] is not None:
        raise ValueError("the regions must end with a remainder (None)")
    cuts = [r.boundary for _, r in regions if r is not None]
    edges = unary_union([outline.boundary, *cuts])
    faces = [
        f for f in shapely.get_parts(shapely.polygonize(shapely.get_parts(edges))) if f.area > 1e-9
    ]
    faces = [f for f in faces if outline.contains(f.representative_point())]
    outline_edges = [
        (ring.coords[k], ring.coords[k + 1])
        for poly in polys(outline)
        for ring in (poly.exterior, *poly.interiors)
        for k in range(len(ring.coords) - 1)
    ]
    edge_index = shapely.STRtree([LineString(e) for e in outline_edges])
    cache: dict[Point2, Point2] = {}

    def to_grid(p: Point2) -> Point2:
        if p not in cache:
            q = (round(p[0], 1), round(p[1], 1))
            if math.dist(q, p) > 1e-9:
                near = edge_index.query(Point(p), predicate="dwithin", distance=1e-7)
                if len(near):
                    a, b = outline_edges[int(near[0])]
                    q = _grid_point_on(p, a, b)
            cache[p] = q
        return cache[p]

    def rounded_face(f: Polygon) -> BaseGeometry:
        shell = [to_grid(c) for c in f.exterior.coords]
        holes = [[to_grid(c) for c in r.coords] for r in f.interiors]
        return shapely.make_valid(Polygon(shell, holes))

    owner: dict[str, list[BaseGeometry]] = {slug: [] for slug, _ in regions}
    for f in faces:
        rp = f.representative_point()
        slug = next(s for s, r in regions if r is None or r.contains(rp))
        owner[slug].append(rounded_face(f))
    out: dict[str, BaseGeometry] = {}
    for slug, parts in owner.items():
        piece = as_area(unary_union(parts))
        if piece.is_empty or piece.area < 1.0:
            raise ValueError(f"piece {slug!r} is empty")
        out[slug] = piece
    return out


def edge_strip(body: Polygon, depth: float, keep: BaseGeometry) -> BaseGeometry:
    """Return the part of ``keep`` within ``depth`` mm of the outline ``body``'s edge."""
    return keep.difference(body.buffer(-depth, quad_segs=16))


def halfplane_left(line: list[Point2], far: float = 300.0) -> Polygon:
    """Return the region to the -x side of a (roughly upward) polyline, closed far away."""
    y0, y1 = line[0][1], line[-1][1]
    return Polygon([(-far, y0), *line, (-far, y1)])


# =============================================================================== outlines


def load_outlines() -> tuple[dict[str, Any], dict[tuple[str, str], dict[str, Any]]]:
    """Return zones.geojson and its outline features keyed by (foot, view)."""
    chart = json.loads(ZONES.read_text(encoding="utf-8"))
    outlines = {
        (f["properties"]["foot"], f["properties"]["view"]): f
        for f in chart["features"]
        if f["properties"]["role"] == "outline"
    }
    return chart, outlines


def main_part(geom: BaseGeometry) -> Polygon:
    """Return the largest polygon of ``geom`` (the sole without its toes)."""
    return max(polys(geom), key=lambda p: p.area)


# =============================================================================== nerves


def nerve_regions_plantar(outline: BaseGeometry) -> list[tuple[str, BaseGeometry | None]]:
    """Cutting regions for the LEFT sole's nerve territories (inner side +x), in tiling order."""
    sole = main_part(outline)
    toe4 = plantar.TOES[3]
    return [
        # sural: a strip about 7 mm wide along the outer edge, from the heel to the 5th
        # metatarsal head (the lateral calcaneal branches and the lateral dorsal cutaneous nerve)
        ("sural", edge_strip(sole, 7.0, box(-100.0, 14.0, -6.0, 172.0))),
        # saphenous: a thin strip along the inner edge of the arch, to the big toe's base joint
        ("saphenous", edge_strip(sole, 6.0, box(6.0, 50.0, 100.0, 158.0))),
        # medial calcaneal branches: the heel, the boundary rising a little on the inner side
        ("medial-calcaneal", Polygon([(-100, -10), (100, -10), (100, 62), (-100, 50)])),
        # lateral plantar: the outer quarter of the sole, the 5th toe and the outer half of the
        # 4th (the boundary runs up the 4th toe's axis)
        (
            "lateral-plantar",
            halfplane_left(
                [
                    (-9.0, 0.0),
                    (-9.0, 56.0),
                    (-12.0, 100.0),
                    (-16.0, 150.0),
                    (-18.6, 176.0),
                    toe4.base,
                    toe4.tip,
                    along(toe4.base, toe4.tip, 1.6),
                ]
            ),
        ),
        ("medial-plantar", None),
    ]


def nerve_regions_dorsal(outline: BaseGeometry) -> list[tuple[str, BaseGeometry | None]]:
    """Cutting regions for the LEFT foot's top (inner side +x), in tiling order."""
    body = main_part(outline)
    (b1, t1, _), (b2, t2, _), _, _, (b5, t5, _) = views._TOES
    x1 = lambda y: b1[0] + (t1[0] - b1[0]) * (y - b1[1]) / (t1[1] - b1[1])  # noqa: E731
    x5 = lambda y: b5[0] + (t5[0] - b5[0]) * (y - b5[1]) / (t5[1] - b5[1])  # noqa: E731
    return [
        # deep fibular: the first web space and the facing sides of the big and second toes
        (
            "deep-fibular",
            # the top edge crosses the two toes' facing sides exactly at outline vertices (the
            # sides are long straight edges: a crossing between vertices would not round onto them)
            Polygon(
                [
                    (13.0, 176.0),
                    (x1(196.0), 196.0),
                    (x1(243.0), 243.0),
                    (13.5, 243.0),
                    (11.2, 240.1),
                    (b2[0], 240.1),
                    (b2[0], 196.0),
                ]
            ),
        ),
        # sural: the outer edge and the outer side of the little toe (its axis is the boundary),
        # and the outer half of the back of the heel
        (
            "sural",
            unary_union(
                [
                    edge_strip(body, 9.0, box(-100.0, -10.0, -8.0, 156.0)),
                    halfplane_left([(x5(150.0), 150.0), b5, t5, (x5(280.0), 280.0)]),
                    box(-100.0, -10.0, 0.0, 22.0),
                ]
            ),
        ),
        # the back of the heel seen from above, inner half: medial calcaneal branches
        ("medial-calcaneal", box(0.0, -10.0, 100.0, 22.0)),
        # saphenous: the inner edge from the ankle to the big toe's base joint
        ("saphenous", edge_strip(body, 9.0, box(8.0, -10.0, 100.0, 176.0))),
        ("superficial-fibular", None),
    ]


def dermatome_regions_plantar(outline: BaseGeometry) -> list[tuple[str, BaseGeometry | None]]:
    """Approximate dermatome bands of the LEFT sole, in tiling order."""
    sole = main_part(outline)
    t1 = plantar.TOES[0]
    return [
        # L4: the inner edge of the arch and the inner side of the big toe
        (
            "l4",
            unary_union(
                [
                    edge_strip(sole, 8.0, box(4.0, 40.0, 100.0, 186.0)),
                    Polygon(
                        [
                            (40.0, 180.0),
                            (100.0, 180.0),
                            (100.0, 270.0),
                            (t1.tip[0], 270.0),
                            t1.tip,
                            t1.base,
                        ]
                    ),
                ]
            ),
        ),
        # L5: the inner forefoot and the first three toes
        (
            "l5",
            Polygon([(100, 60), (10, 96), (0, 130), (-8, 165), (-12, 185), (-12, 270), (100, 270)]),
        ),
        # S1: the heel, the outer sole and the 4th and 5th toes
        ("s1", None),
    ]


def dermatome_regions_dorsal(outline: BaseGeometry) -> list[tuple[str, BaseGeometry | None]]:
    """Approximate dermatome bands of the LEFT foot's top, in tiling order."""
    body = main_part(outline)
    (b1, t1, _) = views._TOES[0]
    return [
        # L4: the inner edge and the inner side of the big toe
        (
            "l4",
            unary_union(
                [
                    edge_strip(body, 10.0, box(10.0, 20.0, 100.0, 182.0)),
                    Polygon(
                        [(36.0, 168.0), (100.0, 168.0), (100.0, 270.0), (t1[0], 270.0), t1, b1]
                    ),
                ]
            ),
        ),
        # S1: the outer edge, the little toe and the back of the heel
        (
            "s1",
            unary_union(
                [
                    edge_strip(body, 10.0, box(-100.0, -10.0, -8.0, 160.0)),
                    Polygon(
                        [
                            (-100.0, 140.0),
                            (-42.0, 140.0),
                            (-38.5, 187.0),
                            (-41.0, 270.0),
                            (-100.0, 270.0),
                        ]
                    ),
                    box(-100.0, -10.0, 100.0, 20.0),
                ]
            ),
        ),
        # L5: the middle of the top of the foot and the first four toes
        ("l5", None),
    ]


def _above(line: list[Point2], far: float = 400.0) -> Polygon:
    """Return the region above a (left-to-right) polyline, closed far away."""
    return Polygon([(line[0][0], far), *line, (line[-1][0], far)])


def _below(line: list[Point2], far: float = 400.0) -> Polygon:
    """Return the region below a (left-to-right) polyline, closed far away."""
    return Polygon([(line[0][0], -far), *line, (line[-1][0], -far)])


# The line between the top of the foot (seen from the side) and its side: from the front of the
# ankle along the instep to the toes, a little below the profile's top edge.
_TOP_LINE_MEDIAL = [
    (60.0, 400.0),
    (72.0, 104.0),
    (96.0, 70.0),
    (130.0, 54.0),
    (170.0, 38.0),
    (204.0, 28.0),
    (232.0, 20.0),
    (300.0, 16.0),
]
_TOP_LINE_LATERAL = [
    (60.0, 400.0),
    (70.0, 100.0),
    (94.0, 68.0),
    (128.0, 52.0),
    (168.0, 36.0),
    (202.0, 26.0),
    (230.0, 16.0),
    (300.0, 12.0),
]


def nerve_regions_side(view: str) -> list[tuple[str, BaseGeometry | None]]:
    """Cutting regions of the inner (medial) or outer (lateral) profile, in tiling order.

    Profiles have x from the back of the heel to the toes and y the height; both feet share them.
    """
    if view == "medial":
        return [
            # the top of the foot and of the big toe: medial dorsal cutaneous branch
            ("superficial-fibular", _above(_TOP_LINE_MEDIAL)),
            # the inner heel and the back of the ankle above it
            (
                "medial-calcaneal",
                Polygon([(-10, -10), (50, -10), (44, 26), (30, 50), (26, 90), (-10, 90)]),
            ),
            # the rim of the sole along the arch and the ball, and the inner side of the big toe
            # (its proper digital branch), from the crease under the toe's root forwards
            (
                "medial-plantar",
                unary_union(
                    [
                        _below(
                            [
                                (40.0, 12.0),
                                (80.0, 14.0),
                                (110.0, 24.0),
                                (150.0, 22.0),
                                (186.0, 10.0),
                                (206.0, 11.0),
                                (300.0, 11.0),
                            ]
                        ),
                        box(206.0, -10.0, 400.0, 400.0),
                    ]
                ),
            ),
            # the inner side of the ankle and foot as far as the big toe's base joint
            ("saphenous", None),
        ]
    return [
        ("superficial-fibular", _above(_TOP_LINE_LATERAL)),
        # the outer heel, the outer edge of the foot and the little toe
        ("sural", None),
    ]


def dermatome_regions_side(view: str) -> list[tuple[str, BaseGeometry | None]]:
    """Approximate dermatome bands of the inner or outer profile, in tiling order."""
    if view == "medial":
        return [
            ("l5", _above(_TOP_LINE_MEDIAL)),
            ("s1", Polygon([(-10, -10), (46, -10), (40, 30), (28, 56), (24, 90), (-10, 90)])),
            ("l4", None),
        ]
    return [
        ("l5", _above(_TOP_LINE_LATERAL)),
        ("s1", None),
    ]


# =============================================================================== bones

# Each panel's skeleton for the LEFT foot (inner side +x): tarsal shapes as control points of a
# smooth (or rounded) outline, metatarsals as (base centre, head centre, base width, shaft width,
# head width), and for each toe the direction its phalanges follow (towards the toe's tip).

SKELETON: dict[str, dict[str, Any]] = {
    "plantar": {
        "calcaneus": (
            "smooth",
            [
                (-2, 9),
                (9, 11),
                (16, 19),
                (18, 32),
                (16, 46),
                (22, 55),
                (20, 63),
                (11, 68),
                (3, 74),
                (-5, 83),
                (-15, 87),
                (-24, 84),
                (-26, 72),
                (-24, 52),
                (-22, 30),
                (-18, 17),
                (-11, 11),
            ],
        ),
        # only the head of the talus shows from below, between calcaneus and navicular
        "talus": ("smooth", [(5, 76), (12, 71), (20, 73), (22, 80), (18, 86), (8, 86), (3, 82)]),
        "navicular": (
            "smooth",
            [(-3, 92), (5, 88), (15, 86), (21, 89), (21, 96), (13, 100), (3, 102), (-4, 99)],
        ),
        "cuboid": (
            "rounded",
            [(-28, 88), (-10, 91), (-6, 97), (-6, 114), (-20, 120), (-32, 112), (-33, 96)],
        ),
        "lateral-cuneiform": ("rounded", [(-5, 103), (2, 104), (2, 121), (-5, 122)]),
        "intermediate-cuneiform": ("rounded", [(3, 104), (9, 103), (9, 118), (3, 118)]),
        "medial-cuneiform": (
            "smooth",
            [(10, 103), (17, 102), (21, 106), (22, 124), (16, 126), (10, 124)],
        ),
        "metatarsals": [
            ((18.0, 130.5), (36.0, 176.0), 13.0, 8.5, 14.0),
            ((6.5, 123.0), (15.5, 183.0), 8.0, 4.6, 8.5),
            ((-2.5, 125.0), (-0.5, 179.0), 7.5, 4.4, 8.0),
            ((-11.0, 122.0), (-15.5, 172.0), 8.0, 4.4, 8.0),
            ((-21.0, 120.5), (-30.0, 164.0), 9.0, 4.8, 8.0),
        ],
        "tuberosity5": ((-26.0, 118.0), 4.5, 3.5),
        "toe_tips": [t.tip for t in plantar.TOES],
        "toe_widths": [t.neck_width for t in plantar.TOES],
    },
    "dorsal": {
        "calcaneus": (
            "smooth",
            [
                (0, 6),
                (12, 8),
                (18, 16),
                (17, 27),
                (8, 33),
                (-6, 36),
                (-14, 44),
                (-19, 60),
                (-22, 76),
                (-26, 89),
                (-33, 91),
                (-36, 80),
                (-34, 56),
                (-31, 36),
                (-25, 18),
                (-14, 9),
            ],
        ),
        "talus": (
            "smooth",
            [
                (-11, 40),
                (0, 35),
                (14, 37),
                (22, 45),
                (22, 60),
                (20, 71),
                (24, 80),
                (25, 89),
                (19, 94),
                (8, 92),
                (0, 86),
                (-6, 77),
                (-13, 66),
                (-15, 50),
            ],
        ),
        "navicular": (
            "smooth",
            [(2, 99), (12, 96), (24, 94), (31, 98), (29, 105), (18, 108), (6, 109), (0, 105)],
        ),
        "cuboid": (
            "rounded",
            [(-30, 94), (-12, 97), (-10, 117), (-22, 124), (-38, 118), (-41, 104)],
        ),
        "lateral-cuneiform": ("rounded", [(-9, 109), (-1, 111), (0, 130), (-8, 130)]),
        "intermediate-cuneiform": ("rounded", [(1, 112), (9, 112), (9, 126), (1, 126)]),
        "medial-cuneiform": (
            "smooth",
            [(10, 112), (20, 110), (29, 110), (31, 118), (29, 130), (19, 133), (10, 129)],
        ),
        "metatarsals": [
            ((21.0, 137.0), (30.0, 178.0), 14.0, 9.0, 14.0),
            ((5.0, 130.0), (8.0, 187.0), 8.0, 4.8, 8.5),
            ((-4.5, 133.0), (-10.0, 182.0), 7.5, 4.6, 8.0),
            ((-15.5, 126.0), (-25.0, 174.0), 8.0, 4.6, 8.0),
            ((-27.0, 124.0), (-39.0, 165.0), 9.0, 4.8, 8.0),
        ],
        "tuberosity5": ((-33.0, 121.0), 5.0, 4.0),
        "toe_tips": [t for (_, t, _) in views._TOES],
        "toe_widths": [w * 0.75 for (_, _, w) in views._TOES],
    },
}

# The bones seen from the sides (both feet share the profiles): the inner column (calcaneus,
# talus, navicular, medial cuneiform, first ray) from the inner side, the outer column
# (calcaneus, talus, cuboid, lateral cuneiform, fifth ray) from the outer side; the others are
# hidden behind them. Long bones as (slug, base, head, base width, shaft width, head width).
SIDE_SKELETON: dict[str, dict[str, Any]] = {
    "medial": {
        "tarsals": [
            (
                "calcaneus",
                (
                    "smooth",
                    [
                        (7, 22),
                        (12, 9),
                        (28, 4),
                        (55, 6),
                        (74, 14),
                        (82, 26),
                        (70, 34),
                        (52, 38),
                        (36, 44),
                        (20, 42),
                        (10, 34),
                    ],
                ),
            ),
            (
                "talus",
                (
                    "smooth",
                    [
                        (36, 48),
                        (52, 43),
                        (72, 40),
                        (88, 44),
                        (100, 50),
                        (102, 58),
                        (95, 64),
                        (78, 66),
                        (60, 68),
                        (44, 66),
                        (35, 58),
                    ],
                ),
            ),
            (
                "navicular",
                (
                    "smooth",
                    [(99, 44), (108, 38), (118, 40), (121, 52), (115, 62), (105, 62), (99, 55)],
                ),
            ),
            (
                "medial-cuneiform",
                (
                    "smooth",
                    [(122, 36), (138, 31), (147, 34), (148, 50), (140, 56), (125, 58), (121, 48)],
                ),
            ),
        ],
        "long": [
            ("metatarsal-1", (151.0, 40.0), (191.0, 14.0), 16.0, 9.0, 15.0, False),
            ("proximal-phalanx-1", (201.0, 13.5), (228.0, 16.0), 13.0, 8.5, 11.0, False),
            ("distal-phalanx-1", (230.5, 16.0), (250.0, 12.5), 11.0, 7.0, 9.0, True),
        ],
    },
    "lateral": {
        "tarsals": [
            (
                "calcaneus",
                (
                    "smooth",
                    [
                        (6, 22),
                        (12, 8),
                        (30, 4),
                        (60, 4),
                        (84, 8),
                        (93, 18),
                        (88, 30),
                        (68, 36),
                        (48, 46),
                        (28, 46),
                        (12, 38),
                    ],
                ),
            ),
            (
                "talus",
                (
                    "smooth",
                    [
                        (52, 50),
                        (70, 42),
                        (90, 44),
                        (101, 52),
                        (98, 62),
                        (82, 68),
                        (62, 70),
                        (52, 62),
                    ],
                ),
            ),
            (
                "cuboid",
                (
                    "smooth",
                    [(95, 9), (114, 6), (124, 12), (124, 28), (110, 33), (97, 30), (93, 20)],
                ),
            ),
            (
                "lateral-cuneiform",
                ("smooth", [(112, 38), (126, 35), (134, 40), (132, 52), (116, 54), (110, 46)]),
            ),
        ],
        "long": [
            ("metatarsal-5", (128.0, 13.0), (190.0, 8.5), 13.0, 7.0, 10.0, False),
            ("proximal-phalanx-5", (197.5, 9.0), (209.0, 9.5), 7.5, 5.0, 6.5, False),
            ("middle-phalanx-5", (210.5, 9.5), (215.5, 9.5), 6.0, 4.2, 5.5, False),
            ("distal-phalanx-5", (217.0, 9.5), (221.5, 8.8), 5.5, 4.0, 4.5, True),
        ],
        "tuberosity5": ((126.0, 9.0), 5.0, 4.0),
    },
}

ORDINAL = ("first", "second", "third", "fourth", "fifth")
TOE_NAME = ("big toe", "second toe", "third toe", "fourth toe", "little toe")


def tarsal(spec: tuple[str, list[Point2]]) -> Polygon:
    """Return a tarsal bone from its spec ('smooth' or 'rounded', control points)."""
    kind, pts = spec
    return smooth(pts) if kind == "smooth" else rounded(pts, 2.5)


def skeleton(view: str) -> list[tuple[str, Polygon]]:
    """Return the LEFT foot's bones in ``view`` as (slug, raw shape), tarsals first."""
    if view in SIDES:
        side = SIDE_SKELETON[view]
        out = [(slug, tarsal(spec)) for slug, spec in side["tarsals"]]
        for slug, a, b, wb, ws, wh, tuft in side["long"]:
            g = long_bone(a, b, wb, ws, wh, tuft=tuft)
            if slug == "metatarsal-5":
                (cx, cy), rx, ry = side["tuberosity5"]
                g = unary_union([g, views._ellipse(cx, cy, rx, ry, 0.0)]).buffer(1.0).buffer(-1.0)
            out.append((slug, g))
        return out
    sk = SKELETON[view]
    bones: list[tuple[str, Polygon]] = []
    for slug in (
        "calcaneus",
        "talus",
        "navicular",
        "cuboid",
        "medial-cuneiform",
        "intermediate-cuneiform",
        "lateral-cuneiform",
    ):
        bones.append((slug, tarsal(sk[slug])))
    for i, (base, head, wb, ws, wh) in enumerate(sk["metatarsals"]):
        shape_ = long_bone(base, head, wb, ws, wh)
        if i == 4:  # the tuberosity at the base of the 5th metatarsal sticks out sideways
            (cx, cy), rx, ry = sk["tuberosity5"]
            shape_ = unary_union([shape_, views._ellipse(cx, cy, rx, ry, 20.0)])
            shape_ = shape_.buffer(1.0).buffer(-1.0)
        bones.append((f"metatarsal-{i + 1}", shape_))
    for i, ((_, head, _, _, wh), tip, width) in enumerate(
        zip(sk["metatarsals"], sk["toe_tips"], sk["toe_widths"], strict=True)
    ):
        start = along(head, tip, (wh * 0.5 + 1.6) / math.dist(head, tip))
        end = along(head, tip, 1.0 - 6.0 / math.dist(head, tip))
        fractions = (0.56, 0.44) if i == 0 else (0.48, 0.27, 0.25)
        names = ("proximal", "distal") if i == 0 else ("proximal", "middle", "distal")
        w = width * (0.62 if i == 0 else 0.6)
        gap = 1.6 / math.dist(start, end)
        f0 = 0.0
        for name, frac in zip(names, fractions, strict=True):
            a = along(start, end, f0)
            b = along(start, end, f0 + frac - gap)
            scale = {"proximal": 1.0, "middle": 0.85, "distal": 0.8}[name]
            bones.append(
                (
                    f"{name}-phalanx-{i + 1}",
                    long_bone(
                        a, b, w * scale, w * scale * 0.62, w * scale * 0.85, tuft=name == "distal"
                    ),
                )
            )
            f0 += frac
    return bones


def place_bones(outline: BaseGeometry, view: str, foot: str) -> dict[str, BaseGeometry]:
    """Return the bones of one panel, inside the outline and not overlapping each other."""
    inner = outline.buffer(-INSIDE, quad_segs=8)
    placed: dict[str, BaseGeometry] = {}
    taken = Polygon()
    for slug, raw in skeleton(view):
        g = mirror(raw) if foot == "right" and view in VIEWS else raw
        g = g.intersection(inner).difference(taken.buffer(JOINT, quad_segs=8))
        g = snap(as_area(g))
        g = shapely.intersection(g, snap(inner), grid_size=GRID)
        g = as_area(MultiPolygon([p for p in polys(g) if p.area >= 2.0]))
        if g.is_empty:
            raise ValueError(f"{foot} {view}: bone {slug} vanished")
        placed[slug] = g
        taken = unary_union([taken, g])
    return placed


# =============================================================================== texts

NERVES: dict[str, dict[str, Any]] = {
    "medial-plantar": {
        "name": "Medial plantar nerve",
        "roots": "L4–L5",
        "plantar": (
            "The medial plantar nerve, the larger end branch of the tibial nerve, is the main "
            "nerve of feeling in the sole: it serves the skin of most of the front two-thirds of "
            "the sole on the inner side and the undersides of the big, second and third toes and "
            "the inner half of the fourth. Sources give its share as about three quarters of the "
            "sole's front; the boundary with the lateral plantar nerve varies between people.",
            ["radiopaedia-medial-plantar", "elsevier-medial-plantar", "wheeless-foot-innervation"],
        ),
        "medial": (
            "Seen from the inner side, the medial plantar nerve serves the rim of the sole under "
            "the arch and the ball, and the big toe, whose inner side gets its own digital branch "
            "of this nerve.",
            ["radiopaedia-medial-plantar", "elsevier-medial-plantar"],
        ),
    },
    "lateral-plantar": {
        "name": "Lateral plantar nerve",
        "roots": None,
        "plantar": (
            "The lateral plantar nerve, the smaller end branch of the tibial nerve, crosses the "
            "sole towards the outer side; it serves a strip of skin on the outer side of the "
            "sole's front two-thirds, about its outer quarter, and the underside of the little "
            "toe and of the fourth toe's outer half.",
            ["radiopaedia-lateral-plantar", "wheeless-foot-innervation"],
        ),
    },
    "medial-calcaneal": {
        "name": "Medial calcaneal branches of the tibial nerve",
        "roots": None,
        "plantar": (
            "The skin of the heel is served by the medial calcaneal branches, which leave the "
            "tibial nerve behind the inner ankle bone, before it divides into the two plantar "
            "nerves. Where exactly the heel area ends towards the arch varies between people; "
            "the outer rim of the heel belongs to the sural nerve.",
            ["teachme-medial-calcaneal", "wheeless-foot-innervation", "aneskey-ankle-blocks"],
        ),
        "dorsal": (
            "Seen from above, the back of the heel shows behind the ankle. Its inner half is "
            "drawn here as the medial calcaneal branches of the tibial nerve, which serve the "
            "inner heel; the outer half belongs to the sural nerve.",
            ["teachme-medial-calcaneal", "qut-sural"],
        ),
        "medial": (
            "The inner side of the heel is served by the medial calcaneal branches of the tibial "
            "nerve, which come off behind the inner ankle bone.",
            ["teachme-medial-calcaneal", "aneskey-ankle-blocks"],
        ),
    },
    "sural": {
        "name": "Sural nerve",
        "roots": "S1–S2",
        "plantar": (
            "The sural nerve runs down behind the outer ankle bone and along the outer edge of "
            "the foot, and serves the outer heel through its lateral calcaneal branch. This chart "
            "gives it a narrow rim along the outer edge of the sole; how far it reaches onto the "
            "sole varies.",
            ["qut-sural", "radiopaedia-sural"],
        ),
        "dorsal": (
            "The sural nerve curls forward behind the outer ankle bone and, under the name lateral "
            "dorsal cutaneous nerve, serves the outer edge of the foot, the little toe's outer "
            "side and "
            "the outer heel.",
            [
                "qut-sural",
                "radiopaedia-sural",
                "elsevier-superficial-fibular",
                "wheeless-foot-innervation",
            ],
        ),
        "lateral": (
            "Seen from the outer side, most of the skin belongs to the sural nerve: the outer "
            "ankle, the outer heel (lateral calcaneal branch), the outer edge of the foot and the "
            "little toe (its continuation, the lateral dorsal cutaneous nerve). The top of the "
            "foot is the superficial "
            "fibular nerve's; where one ends and the other begins varies.",
            ["qut-sural", "radiopaedia-sural", "wheeless-foot-innervation"],
        ),
    },
    "saphenous": {
        "name": "Saphenous nerve",
        "roots": "L3–L4",
        "plantar": (
            "The saphenous nerve, the end of the femoral nerve, passes in front of the inner ankle "
            "bone and serves the inner side of the foot forward to the big toe's base joint; on "
            "the sole only the inner rim of the arch is its skin.",
            ["radiopaedia-saphenous", "selfstudy-ankle-block"],
        ),
        "dorsal": (
            "The saphenous nerve, the end of the femoral nerve (the only one of the foot's five "
            "nerves not from the sciatic nerve), serves the inner side of the top of the foot from "
            "the ankle to about the big toe's base joint.",
            [
                "radiopaedia-saphenous",
                "wheeless-foot-innervation",
                "aneskey-ankle-blocks",
                "selfstudy-ankle-block",
            ],
        ),
        "medial": (
            "Seen from the inner side, the saphenous nerve serves the skin of the inner ankle and "
            "of the foot's inner side, reaching forward to the big toe's base joint; it passes in "
            "front of the inner ankle bone.",
            ["radiopaedia-saphenous", "selfstudy-ankle-block"],
        ),
    },
    "superficial-fibular": {
        "name": "Superficial fibular (peroneal) nerve",
        "roots": "L5–S2",
        "dorsal": (
            "The superficial fibular nerve, through its medial and intermediate dorsal cutaneous "
            "branches, serves most of the top of the foot and of the toes, except the first web "
            "space (deep fibular nerve), the outer edge and little toe (sural nerve) and the inner "
            "edge (saphenous nerve). Its branches vary: some of the outer ones are often missing.",
            [
                "elsevier-superficial-fibular",
                "wikipedia-superficial-fibular",
                "wheeless-foot-innervation",
            ],
        ),
        "medial": (
            "Seen from the inner side, the strip along the top of the foot and the top of the big "
            "toe belongs to the superficial fibular nerve, which serves most of the top of the "
            "foot and of the toes.",
            ["elsevier-superficial-fibular", "wikipedia-superficial-fibular"],
        ),
        "lateral": (
            "Seen from the outer side, the strip along the top of the foot and the tops of the "
            "toes belong to the superficial fibular nerve, which serves most of the top of the "
            "foot and of the toes; the outer edge is the sural nerve's.",
            ["elsevier-superficial-fibular", "wikipedia-superficial-fibular"],
        ),
    },
    "deep-fibular": {
        "name": "Deep fibular (peroneal) nerve",
        "roots": "L4–L5",
        "dorsal": (
            "The deep fibular nerve reaches the skin of the top of the foot only in the web space "
            "between the big and second toes and on the facing sides of those two toes.",
            [
                "elsevier-superficial-fibular",
                "wikipedia-superficial-fibular",
                "wheeless-foot-innervation",
                "selfstudy-ankle-block",
            ],
        ),
    },
}

DERMATOMES: dict[str, dict[str, Any]] = {
    "l4": {
        "name": "L4 dermatome",
        "roots": "L4",
        "text": (
            "Approximate: the skin fed by the fourth lumbar nerve root. One common map brings L4 "
            "down the inner edge of the foot to the inner side of the big toe; other maps stop "
            "it at the inner leg. Maps of dermatomes disagree, and neighbouring dermatomes "
            "overlap and vary between people.",
            [
                "mednemo-dermatomes",
                "gpnotebook-dermatomes",
                "downs-laporte-2011",
                "lee-2008-dermatomes",
            ],
        ),
    },
    "l5": {
        "name": "L5 dermatome",
        "roots": "L5",
        "plantar": (
            "Approximate: the fifth lumbar root's skin, drawn here on the inner forefoot and the "
            "first three toes. Maps disagree here most: some give almost the whole sole to S1. "
            "Dermatomes overlap and vary between people.",
            [
                "gpnotebook-dermatomes",
                "mednemo-dermatomes",
                "downs-laporte-2011",
                "lee-2008-dermatomes",
            ],
        ),
        "dorsal": (
            "Approximate: the fifth lumbar root's skin covers most of the top of the foot, "
            "including the web between the big and second toes. Maps of dermatomes disagree in "
            "the details, and neighbouring dermatomes overlap and vary between people.",
            ["gpnotebook-dermatomes", "mednemo-dermatomes", "lee-2008-dermatomes"],
        ),
        "medial": (
            "Approximate: the fifth lumbar root's skin, drawn here along the top of the foot and "
            "the big toe's top. Maps of dermatomes disagree, and neighbouring dermatomes overlap "
            "and vary between people.",
            ["gpnotebook-dermatomes", "downs-laporte-2011", "lee-2008-dermatomes"],
        ),
        "lateral": (
            "Approximate: the fifth lumbar root's skin covers the outer leg and, drawn here, the "
            "top of the foot. Maps of dermatomes disagree, and neighbouring dermatomes overlap and "
            "vary between people.",
            ["gpnotebook-dermatomes", "lee-2008-dermatomes"],
        ),
    },
    "s1": {
        "name": "S1 dermatome",
        "roots": "S1",
        "plantar": (
            "Approximate: the first sacral root's skin covers the heel, the outer sole and the "
            "outer toes; one guide gives it most of the sole. Maps of dermatomes disagree, and "
            "neighbouring dermatomes overlap and vary between people.",
            [
                "gpnotebook-dermatomes",
                "mednemo-dermatomes",
                "downs-laporte-2011",
                "lee-2008-dermatomes",
            ],
        ),
        "dorsal": (
            "Approximate: the first sacral root's skin covers the outer edge of the foot and the "
            "little toe, and the heel. Maps of dermatomes disagree, and neighbouring dermatomes "
            "overlap and vary between people.",
            ["gpnotebook-dermatomes", "mednemo-dermatomes", "lee-2008-dermatomes"],
        ),
        "medial": (
            "Approximate: the first sacral root's skin includes the heel. Maps of dermatomes "
            "disagree, and neighbouring dermatomes overlap and vary between people.",
            ["gpnotebook-dermatomes", "lee-2008-dermatomes"],
        ),
        "lateral": (
            "Approximate: the first sacral root's skin covers the heel, the little toe and the "
            "outer side of the foot. Maps of dermatomes disagree, and neighbouring dermatomes "
            "overlap and vary between people.",
            ["gpnotebook-dermatomes", "mednemo-dermatomes", "lee-2008-dermatomes"],
        ),
    },
}

BONE_SOURCES = ["nursinglecture-foot-bones", "222health-foot-bones", "anatomyapp-tarsals"]


def bone_name(slug: str) -> str:
    """Return the display name of a bone slug."""
    fixed = {
        "calcaneus": "Calcaneus",
        "talus": "Talus",
        "navicular": "Navicular",
        "cuboid": "Cuboid",
        "medial-cuneiform": "Medial cuneiform",
        "intermediate-cuneiform": "Intermediate cuneiform",
        "lateral-cuneiform": "Lateral cuneiform",
    }
    if slug in fixed:
        return fixed[slug]
    kind, _, n = slug.rpartition("-")
    i = int(n) - 1
    if kind == "metatarsal":
        return f"{ORDINAL[i].capitalize()} metatarsal"
    row = kind.split("-")[0]
    return f"{row.capitalize()} phalanx of the {TOE_NAME[i]}"


def bone_text(slug: str, view: str) -> tuple[str, list[str]]:
    """Return the anatomy claim of a bone (own words) and the sources it cites."""
    seen = {
        "plantar": "from below",
        "dorsal": "from above",
        "medial": "from the inner side",
        "lateral": "from the outer side",
    }[view]
    if slug == "calcaneus":
        return (
            f"The calcaneus is the heel bone, the largest of the seven tarsal bones; seen {seen} "
            "it fills the back of the foot.",
            ["nursinglecture-foot-bones", "anatomyapp-tarsals"],
        )
    if slug == "talus":
        if view == "plantar":
            return (
                "The talus rests on top of the calcaneus, which hides most of it from below; this "
                "chart draws only its head, which points forwards to the navicular on the inner "
                "side.",
                ["222health-foot-bones", "anatomyapp-tarsals"],
            )
        return (
            "The talus links the leg to the foot at the ankle joint; it rests on top of the "
            "calcaneus and meets the navicular in front.",
            ["222health-foot-bones", "anatomyapp-tarsals"],
        )
    if slug == "navicular":
        return (
            "The boat-shaped navicular sits on the inner side of the foot in front of the talus "
            "and "
            "links it to the three cuneiforms; it is part of the inner long arch.",
            ["anatomyapp-tarsals", "222health-foot-bones", "nursinglecture-arches"],
        )
    if slug == "cuboid":
        return (
            "The cuboid is the outermost tarsal bone, in front of the calcaneus; the fourth and "
            "fifth metatarsals meet it, and it carries the outer long arch.",
            ["anatomyapp-tarsals", "222health-foot-bones", "nursinglecture-arches"],
        )
    if slug.endswith("cuneiform"):
        which = slug.split("-")[0]
        return (
            f"The {which} cuneiform is one of three wedge-shaped tarsal bones lined up ahead of "
            "the navicular, with the cuboid beside them on the outer side; metatarsals meet them "
            "in front.",
            ["222health-foot-bones", "nursinglecture-foot-bones"],
        )
    kind, _, n = slug.rpartition("-")
    i = int(n) - 1
    if kind == "metatarsal":
        front = "the cuneiforms" if i < 3 else "the cuboid"
        return (
            f"The {ORDINAL[i]} metatarsal (numbered from the inner side) is a long bone with a "
            f"base "
            f"that meets {front} and a head that meets the toe bones; the heads lie under the ball "
            "of the foot.",
            ["nursinglecture-foot-bones", "anatomyapp-tarsals", "nursinglecture-arches"],
        )
    row = kind.split("-")[0]
    count = (
        "two toe bones, a proximal and a distal phalanx"
        if i == 0
        else "three toe bones: a proximal, a middle and a distal phalanx"
    )
    return (
        f"A toe bone, the {row} phalanx of the {TOE_NAME[i]}: the {TOE_NAME[i]} has {count}.",
        ["nursinglecture-foot-bones"],
    )


# =============================================================================== features


def rounded_coords(geom: BaseGeometry, decimals: int = 1) -> dict[str, Any]:
    """Return the GeoJSON geometry of ``geom`` with counter-clockwise shells, rounded coordinates.

    Coordinates are rounded to ``decimals`` decimals of a millimetre (0.1 mm by default).
    """
    geom = (
        orient(geom, 1.0)
        if isinstance(geom, Polygon)
        else MultiPolygon([orient(p, 1.0) for p in geom.geoms])
    )
    gj = mapping(geom)

    def r(obj: Any) -> Any:
        if isinstance(obj, (list, tuple)):
            if obj and isinstance(obj[0], float | int):
                return [round(float(v), decimals) + 0.0 for v in obj]
            return [r(o) for o in obj]
        return obj

    return {"type": gj["type"], "coordinates": r(gj["coordinates"])}


def clipped_coords(geom: BaseGeometry, outline: BaseGeometry) -> dict[str, Any]:
    """Return the GeoJSON geometry of a tiled piece: rounded to 0.1 mm, then clipped to ``outline``.

    Rounding moves the point where a cut meets the outline to a grid point beside the outline's
    edge, so a piece may reach a few hundredths of a mm^2 past the outline (the loader refuses
    more than 0.01 mm^2). The rounded piece is therefore cut by the outline; the only new
    vertices lie on the outline's edges and are kept to 0.001 mm, which leaves at most a few
    millionths of a mm^2 outside. Neighbouring pieces share their cut edge, so they are cut at
    the same point and still tile the outline.
    """
    on_grid = shape(rounded_coords(geom))
    clipped = as_area(shapely.make_valid(on_grid.intersection(outline)))
    out = rounded_coords(clipped, CLIP_DECIMALS)
    if not shape(out).is_valid:
        raise ValueError("a clipped piece is not valid after rounding")
    return out


def structure(
    foot: str,
    view: str,
    kind: str,
    slug: str,
    name: str,
    roots: str | None,
    text: str,
    sources: list[str],
    geom: BaseGeometry,
    outline: BaseGeometry | None = None,
) -> dict[str, Any]:
    """Return one structure feature (a tiled piece, given its ``outline``, is clipped to it)."""
    props: dict[str, Any] = {
        "role": "structure",
        "foot": foot,
        "view": view,
        "kind": kind,
        "name": name,
    }
    if roots:
        props["roots"] = roots
    if kind == "dermatome":
        props["approximate"] = True
    props["claims"] = [{"kind": "anatomy", "text": text, "sources": sources}]
    return {
        "type": "Feature",
        "id": f"{foot}.{view}.{kind}.{slug}",
        "properties": props,
        "geometry": rounded_coords(geom) if outline is None else clipped_coords(geom, outline),
    }


def panel_structures(foot: str, view: str, outline: BaseGeometry) -> list[dict[str, Any]]:
    """Return the nerve, bone and dermatome features of one panel."""
    if view in SIDES:  # both feet share the profiles, heel at x = 0
        nerve_regions, derm_regions = nerve_regions_side(view), dermatome_regions_side(view)
    else:
        left_outline = mirror(outline) if foot == "right" else outline
        nerve_regions = (nerve_regions_plantar if view == "plantar" else nerve_regions_dorsal)(
            left_outline
        )
        derm_regions = (
            dermatome_regions_plantar if view == "plantar" else dermatome_regions_dorsal
        )(left_outline)
    if foot == "right" and view in VIEWS:
        nerve_regions = [(s, None if r is None else mirror(r)) for s, r in nerve_regions]
        derm_regions = [(s, None if r is None else mirror(r)) for s, r in derm_regions]
    feats = []
    for slug, geom in tile(outline, nerve_regions).items():
        info = NERVES[slug]
        text, sources = info[view]
        feats.append(
            structure(
                foot, view, "nerve", slug, info["name"], info["roots"], text, sources, geom, outline
            )
        )
    for slug, geom in place_bones(outline, view, foot).items():
        text, sources = bone_text(slug, view)
        feats.append(
            structure(foot, view, "bone", slug, bone_name(slug), None, text, sources, geom)
        )
    for slug, geom in tile(outline, derm_regions).items():
        info = DERMATOMES[slug]
        text, sources = info.get(view, info.get("text"))
        feats.append(
            structure(
                foot,
                view,
                "dermatome",
                slug,
                info["name"],
                info["roots"],
                text,
                sources,
                geom,
                outline,
            )
        )
    return feats


def build() -> dict[str, Any]:
    """Return the whole foot-anatomy chart."""
    zones, outlines = load_outlines()
    meta = zones["footmap"]
    chart = {
        "type": "FeatureCollection",
        "footmap": {
            "schema_version": 2,
            "chart": "foot-anatomy",
            "title": "What is under the zones: the foot's own anatomy (schematic)",
            "description": (
                "The foot's own anatomy drawn in the same frame and panels as the reflexology "
                "chart: the skin areas of the foot's cutaneous nerves, the bones of each foot and "
                "approximate L4, L5 and S1 dermatomes, on the sole, the top and both sides of both "
                "feet. It is schematic: bones are sized and placed in proportion to the chart's "
                "outline, nerve boundaries vary between people and between textbooks, and "
                "dermatome maps disagree with each other. On every panel the nerve areas, and "
                "the dermatomes, each cover the outline once; where sources show overlap or "
                "variation the usual boundary is drawn. The sole and the top show all 26 bones "
                "(from below only the head of the talus, the rest being hidden by the "
                "calcaneus); the sides show the bones of the inner or the outer column."
            ),
            "units": "mm",
            "frame": meta["frame"],
            "orientation": meta["orientation"],
            "sources": srcs.chart_records(),
        },
        "features": [],
    }
    features: list[dict[str, Any]] = []
    for foot in FEET:
        for view in ("plantar", "dorsal", "medial", "lateral"):
            features.append(outlines[(foot, view)])
    for foot in FEET:
        for view in ALL_VIEWS:
            outline = shape(outlines[(foot, view)]["geometry"])
            features.extend(panel_structures(foot, view, outline))
    chart["features"] = features
    return chart


# =============================================================================== checks


def check(chart: dict[str, Any], zones: dict[str, Any] | None = None) -> list[str]:
    """Return the problems of a foot-anatomy chart (empty when it passes).

    Checks: ids (pattern, ``{foot}.{view}.{kind}.{slug}``, unique), outlines identical to
    zones.geojson's, every structure valid and inside its panel's outline, per panel the nerve
    territories and the dermatomes each tile the outline (uncovered and overlapping areas below
    0.5 mm^2), bones not overlapping, 26 bones per panel (25 plus the talus's head from below),
    every claim citing known anatomy sources, coordinates on the 0.1 mm grid (0.001 mm where a
    tiled piece was clipped to the outline).
    """
    problems: list[str] = []
    if zones is None:
        zones = json.loads(ZONES.read_text(encoding="utf-8"))
    z_out = {f["id"]: f for f in zones["features"] if f["properties"]["role"] == "outline"}
    meta = chart.get("footmap", {})
    source_ids = {s["id"] for s in meta.get("sources", []) if s.get("kind") == "anatomy"}
    if (
        meta.get("frame") != zones["footmap"]["frame"]
        or meta.get("orientation") != zones["footmap"]["orientation"]
    ):
        problems.append("frame/orientation differ from zones.geojson")
    seen: set[str] = set()
    outlines: dict[tuple[str, str], BaseGeometry] = {}
    groups: dict[tuple[str, str, str], list[tuple[str, BaseGeometry]]] = {}
    for f in chart["features"]:
        fid = f.get("id")
        if not isinstance(fid, str) or not ID_RE.match(fid):
            problems.append(f"bad id {fid!r}")
            continue
        if fid in seen:
            problems.append(f"duplicate id {fid}")
        seen.add(fid)
        p = f["properties"]
        g = shape(f["geometry"])
        if p["role"] == "outline":
            if fid not in z_out or z_out[fid]["geometry"] != f["geometry"]:
                problems.append(f"{fid}: outline differs from zones.geojson")
            outlines[(p["foot"], p["view"])] = g
            continue
        if p.get("role") != "structure":
            problems.append(f"{fid}: role {p.get('role')!r}")
            continue
        parts = fid.split(".")
        if len(parts) != 4 or parts[:3] != [p["foot"], p["view"], p["kind"]]:
            problems.append(f"{fid}: id is not {{foot}}.{{view}}.{{kind}}.{{slug}}")
        if p["kind"] not in ("nerve", "bone", "dermatome"):
            problems.append(f"{fid}: kind {p['kind']!r}")
        if not g.is_valid or g.is_empty:
            problems.append(f"{fid}: invalid or empty geometry")
        if p["kind"] == "dermatome" and p.get("approximate") is not True:
            problems.append(f"{fid}: dermatome not marked approximate")
        claims = p.get("claims") or []
        if not claims or any(c.get("kind") != "anatomy" or not c.get("sources") for c in claims):
            problems.append(f"{fid}: needs an anatomy claim with sources")
        for c in claims:
            for s in c.get("sources", []):
                if s not in source_ids:
                    problems.append(f"{fid}: unknown source {s}")
        # bones lie on the 0.1 mm grid; a nerve or dermatome piece too, except where it was
        # clipped to the outline (those vertices lie on the outline's edges, to 0.001 mm)
        scale = 10 if p["kind"] == "bone" else 10**CLIP_DECIMALS
        for ring_coords in _all_coords(f["geometry"]["coordinates"]):
            if any(abs(v * scale - round(v * scale)) > 1e-6 for v in ring_coords):
                problems.append(f"{fid}: coordinates not on the {1 / scale:g} mm grid")
                break
        groups.setdefault((p["foot"], p["view"], p["kind"]), []).append((fid, g))
    for (foot, view, kind), items in sorted(groups.items()):
        outline = outlines.get((foot, view))
        if outline is None:
            problems.append(f"{foot}.{view}: no outline")
            continue
        for fid, g in items:
            outside = g.difference(outline).area
            if outside > 0.01:  # the loader's tolerance (footmap.chart._geometry.AREA_TOLERANCE)
                problems.append(f"{fid}: {outside:.2f} mm^2 outside the outline")
        overlap = sum(
            items[i][1].intersection(items[j][1]).area
            for i in range(len(items))
            for j in range(i + 1, len(items))
        )
        if overlap >= TOL_AREA:
            problems.append(f"{foot}.{view}.{kind}: overlapping area {overlap:.2f} mm^2")
        if kind in ("nerve", "dermatome"):
            uncovered = outline.difference(unary_union([g for _, g in items])).area
            if uncovered >= TOL_AREA:
                problems.append(
                    f"{foot}.{view}.{kind}: {uncovered:.2f} mm^2 of the outline uncovered"
                )
        if kind == "bone" and view in VIEWS and len(items) != 26:
            problems.append(f"{foot}.{view}: {len(items)} bones, not 26")
    for foot in FEET:
        for view in ALL_VIEWS:
            for kind in ("nerve", "bone", "dermatome"):
                if (foot, view, kind) not in groups:
                    problems.append(f"{foot}.{view}: no {kind}")
    problems += check_under(chart, zones)
    return problems


#: Textbook facts a reader can check, as (zone slug, view, nerve that must be under it, must it
#: be the largest share?): the heel is supplied by the medial calcaneal branches, the big toe by
#: the medial plantar nerve, the outer edge by the sural nerve.
FACTS: tuple[tuple[str, str, str, bool], ...] = (
    ("pelvis", "plantar", "Medial calcaneal branches of the tibial nerve", True),
    ("sciatic", "plantar", "Medial calcaneal branches of the tibial nerve", True),
    ("spine-sacrum", "plantar", "Medial calcaneal branches of the tibial nerve", True),
    ("head-brain", "plantar", "Medial plantar nerve", True),
    ("pituitary", "plantar", "Medial plantar nerve", True),
    ("pineal", "plantar", "Medial plantar nerve", True),
    ("hypothalamus", "plantar", "Medial plantar nerve", True),
    ("neck", "plantar", "Medial plantar nerve", True),
    ("spine-cervical", "plantar", "Medial plantar nerve", True),
    ("shoulder", "plantar", "Sural nerve", False),
    ("colon-descending", "plantar", "Sural nerve", True),  # left foot only
    ("colon-ascending", "plantar", "Sural nerve", True),  # right foot only
    ("shoulder", "dorsal", "Sural nerve", True),
)


def check_under(chart: dict[str, Any], zones: dict[str, Any]) -> list[str]:
    """Return the problems of :func:`footmap.anatomy_under` over every sole and top zone.

    The chart is loaded by the package's own loader (a problem it finds is returned here), and
    the zones are ``zones`` loaded the same way. Every zone of a sole or top must have at least
    one nerve territory and one bone under it, and the textbook facts of :data:`FACTS` must hold
    on both feet.
    """
    import tempfile  # noqa: PLC0415

    import footmap  # noqa: PLC0415 (the package of this repository, on PYTHONPATH)

    with tempfile.TemporaryDirectory() as tmp:
        anatomy_path = Path(tmp) / "foot-anatomy.geojson"
        zones_path = Path(tmp) / "zones.geojson"
        anatomy_path.write_text(json.dumps(chart), encoding="utf-8")
        zones_path.write_text(json.dumps(zones), encoding="utf-8")
        try:
            anatomy = footmap.load_anatomy(anatomy_path)
            reflexology = footmap.load(zones_path)
        except footmap.ChartError as exc:
            return [f"loader: {p.zone or ''}: {p.message}" for p in exc.problems]
    problems: list[str] = []
    found: dict[tuple[str, str, str], list[Any]] = {}
    for zone in reflexology.zones:
        items = footmap.anatomy_under(reflexology, zone.id, anatomy)
        kinds = {it.kind for it in items}
        for kind in ("nerve", "bone"):
            if kind not in kinds:
                problems.append(f"{zone.id}: no {kind} under it")
        found[(zone.foot, zone.view, zone.id.split(".")[-1])] = items
    for slug, view, nerve, largest in FACTS:
        feet = [foot for foot in FEET if (foot, view, slug) in found]  # some zones are one-sided
        if not feet:
            problems.append(f"{view}.{slug}: no such zone on either foot")
        for foot in feet:
            nerves = [it.name for it in found[(foot, view, slug)] if it.kind == "nerve"]
            ok = bool(nerves) and (nerves[0] == nerve if largest else nerve in nerves)
            if not ok:
                problems.append(
                    f"{foot}.{view}.{slug}: expected {nerve} {'first' if largest else 'among'} "
                    f"{nerves}"
                )
    return problems


def tiling_report(chart: dict[str, Any]) -> list[str]:
    """Return one line per panel and kind: the outline area left uncovered and the overlap."""
    outlines: dict[tuple[str, str], BaseGeometry] = {}
    groups: dict[tuple[str, str, str], list[BaseGeometry]] = {}
    for f in chart["features"]:
        p = f["properties"]
        if p["role"] == "outline":
            outlines[(p["foot"], p["view"])] = shape(f["geometry"])
        elif p.get("kind") in ("nerve", "dermatome"):
            groups.setdefault((p["foot"], p["view"], p["kind"]), []).append(shape(f["geometry"]))
    lines = []
    for (foot, view, kind), items in sorted(groups.items()):
        outline = outlines[(foot, view)]
        uncovered = outline.difference(unary_union(items)).area
        overlap = sum(
            items[i].intersection(items[j]).area
            for i in range(len(items))
            for j in range(i + 1, len(items))
        )
        lines.append(
            f"{foot}.{view}.{kind}: {len(items)} pieces, uncovered {uncovered:.3f} mm^2, "
            f"overlap {overlap:.3f} mm^2"
        )
    return lines


def _all_coords(coords: Any) -> Iterable[list[float]]:
    """Yield every [x, y] position of a nested GeoJSON coordinate list."""
    if coords and isinstance(coords[0], float | int):
        yield coords
    else:
        for c in coords:
            yield from _all_coords(c)


def dumps(chart: dict[str, Any]) -> str:
    """Serialise the chart as zones.geojson is: one member per line, each ring on one line."""
    spec = importlib.util.spec_from_file_location("make_chart", ROOT / "tools" / "make_chart.py")
    assert spec is not None and spec.loader is not None
    make_chart = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_chart)
    return make_chart.to_json(chart) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "--check", action="store_true", help="check data/foot-anatomy.geojson, write nothing"
    )
    args = ap.parse_args(argv)
    if args.check:
        chart = json.loads(OUT.read_text(encoding="utf-8"))
    else:
        chart = build()
    problems = check(chart)
    for p in problems:
        print("problem:", p)
    if not args.check and not problems:
        OUT.write_text(dumps(chart), encoding="utf-8")
        print(f"wrote {OUT.relative_to(ROOT)}: {len(chart['features'])} features")
    elif args.check and not problems:
        for line in tiling_report(chart):
            print(line)
        print(f"{OUT.relative_to(ROOT)}: ok ({len(chart['features'])} features)")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
