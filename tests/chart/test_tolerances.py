"""Edges of the geometry rules: hit-testing on shared edges, and the loader's area tolerance.

Every expected value here is a literal worked out by hand from the synthetic grid
(``tests/synthetic.py``): square zones of 2 mm side, row by row, ``z000000`` at the lower
left, inside a square outline 5 mm beyond the grid. The loader forgives an overlap or an
overhang of at most ``AREA_TOLERANCE`` (0.01 mm²) as rounding noise and reports anything
larger with its area.
"""

from __future__ import annotations

import json
import math

import numpy as np
import pytest
import shapely
import shapely.affinity
import shapely.geometry
import synthetic

import footmap
import footmap.chart._geometry
from footmap.errors import ChartError


def overlap(a: int, b: int, area: str) -> tuple[str, str]:
    """The problem the loader reports when zone ``a`` overlaps zone ``b`` by ``area`` mm²."""
    return (
        f"left.plantar.z{a:06d}",
        f"overlaps zone 'left.plantar.z{b:06d}' by {area} mm\u00b2 "
        "(a zone inside another must be a hole in it)",
    )


def outside(a: int, area: str) -> tuple[str, str]:
    """The problem the loader reports when zone ``a`` pokes ``area`` mm² out of the outline."""
    return (
        f"left.plantar.z{a:06d}",
        f"lies partly outside the left plantar outline ({area} mm\u00b2 outside)",
    )


def _grid(n: int = 36) -> dict:
    return synthetic.synthetic_chart(n)


def _ring(doc: dict, index: int) -> list[list[float]]:
    """The outer ring of zone ``index`` (feature 0 is the outline)."""
    return doc["features"][1 + index]["geometry"]["coordinates"][0]


def _problems(doc: dict) -> list[tuple[str | None, str]]:
    """Load ``doc``; return its problems as (zone, message) pairs ([] when it loads)."""
    try:
        footmap.loads(json.dumps(doc))
    except ChartError as err:
        return [(p.zone, p.message) for p in err.problems]
    return []


# -- zone_at on shared edges ------------------------------------------------------------------
# The 6 x 6 grid: z000007 is row 1, column 1, the square x 2..4, y 2..4. Its neighbours are
# z000006 (left), z000008 (right), z000001 (below) and z000013 (above).
@pytest.mark.parametrize(
    ("x", "y", "expected"),
    [
        (3.0, 3.0, "left.plantar.z000007"),  # inside
        (4.0, 3.0, "left.plantar.z000007"),  # edge shared with z000008: the first in file order
        (2.0, 3.0, "left.plantar.z000006"),  # edge shared with z000007
        (3.0, 2.0, "left.plantar.z000001"),  # edge shared with z000007 (the row below)
        (4.0, 4.0, "left.plantar.z000007"),  # corner of z000007, 8, 13 and 14
        (0.0, 0.0, "left.plantar.z000000"),  # the grid's outer corner
        (12.0, 12.0, "left.plantar.z000035"),  # the far corner: only z000035 touches it
        (-1.0, -1.0, None),  # inside the outline, outside every zone
        (-6.0, 3.0, None),  # outside the outline
    ],
)
def test_zone_at_on_a_shared_edge_returns_the_first_zone(x, y, expected):
    chart = footmap.loads(json.dumps(_grid()))
    hit = chart.zone_at("left", "plantar", x, y)
    assert (hit.id if hit is not None else None) == expected


def test_zone_at_a_panel_the_chart_does_not_have():
    chart = footmap.loads(json.dumps(_grid(4)))
    assert chart.zone_at("right", "plantar", 1.0, 1.0) is None
    assert chart.zone_at("left", "dorsal", 1.0, 1.0) is None


# -- overlap tolerance --------------------------------------------------------------------------
# z000001 is the square x 2..4, y 0..2 of the 2 x 2 grid; moving its left edge to 2 - d makes
# it overlap z000000 by a 2 mm tall strip of width d, so by 2 d mm².
def _widen_left(doc: dict, index: int, d: float) -> dict:
    ring = _ring(doc, index)
    x_left = min(x for x, _ in ring)
    doc["features"][1 + index]["geometry"]["coordinates"][0] = [
        [x - d if x == x_left else x, y] for x, y in ring
    ]
    return doc


@pytest.mark.parametrize(
    ("d", "area"),
    [
        (0.2, "0.40"),  # clearly over: 0.40 mm²
        (0.01, "0.02"),  # just over the tolerance: 0.02 mm²
        (0.006, "0.01"),  # 0.012 mm², over the tolerance though it prints as 0.01
    ],
)
def test_overlap_over_the_tolerance_is_reported_with_its_area(d, area):
    found = _problems(_widen_left(_grid(4), 1, d))
    assert found == [overlap(0, 1, area)]


@pytest.mark.parametrize("d", [0.004, 0.0045, 0.001])
def test_overlap_under_the_tolerance_is_rounding_noise(d):
    """0.008, 0.009 and 0.002 mm²: accepted, and the chart keeps both zones."""
    doc = _widen_left(_grid(4), 1, d)
    assert _problems(doc) == []
    chart = footmap.loads(json.dumps(doc))
    assert [z.id for z in chart.zones] == [f"left.plantar.z00000{i}" for i in range(4)]


def _tilt_left_edge(doc: dict, index: int, d: float) -> dict:
    """Move the top-left corner of zone ``index`` left by ``d``: a sliver triangle of area d."""
    ring = _ring(doc, index)
    x_left, y_top = min(x for x, _ in ring), max(y for _, y in ring)
    doc["features"][1 + index]["geometry"]["coordinates"][0] = [
        [x - d if (x, y) == (x_left, y_top) else x, y] for x, y in ring
    ]
    return doc


def test_a_sliver_under_the_tolerance_is_accepted():
    """A 2 mm tall triangle 0.008 mm wide at the top: 0.008 mm², though its box is 0.016 mm²."""
    assert _problems(_tilt_left_edge(_grid(4), 1, 0.008)) == []


def test_a_sliver_over_the_tolerance_is_reported():
    """The same triangle 0.03 mm wide: 0.03 mm² of overlap."""
    found = _problems(_tilt_left_edge(_grid(4), 1, 0.03))
    assert found == [overlap(0, 1, "0.03")]


def test_every_overlapping_pair_is_reported_once():
    """z000001 widened into z000000 and z000003 widened into z000002: two problems, in order."""
    doc = _widen_left(_widen_left(_grid(4), 1, 0.1), 3, 0.25)
    assert _problems(doc) == [overlap(0, 1, "0.20"), overlap(2, 3, "0.50")]


# -- overhang tolerance -------------------------------------------------------------------------
# The outline of the 2 x 2 grid is the square -5..9; moving z000000's left edge (x = 0) to
# -5 - d leaves a strip 2 mm tall and d wide outside it.
@pytest.mark.parametrize(("d", "problem"), [(0.004, None), (0.01, "0.02"), (0.5, "1.00")])
def test_overhang_beyond_the_outline(d, problem):
    doc = _widen_left(_grid(4), 0, 5.0 + d)
    assert _problems(doc) == ([] if problem is None else [outside(0, problem)])


# -- the separating-axis bound ------------------------------------------------------------------
# Before the exact test, the loader clears pairs of zones that lie on either side of the line
# through their box centres, give or take half the area tolerance (footmap.chart._geometry._apart).
def _apart(a: shapely.Geometry, b: shapely.Geometry) -> bool:
    """What the bound says of the pair ``a``, ``b`` (True: certainly within the tolerance)."""
    geoms = np.array([a, b], dtype=object)
    box = shapely.bounds(geoms)
    w = min(box[0, 2], box[1, 2]) - max(box[0, 0], box[1, 0])
    h = min(box[0, 3], box[1, 3]) - max(box[0, 1], box[1, 1])
    pair = np.array([0]), np.array([1])
    return bool(footmap.chart._geometry._apart(geoms, box, *pair, np.array([math.hypot(w, h)]))[0])


def _turn(geom: shapely.Geometry, angle: float = 10.0) -> shapely.Geometry:
    return shapely.affinity.rotate(geom, angle, origin=(0, 0))


SQUARE = shapely.box(0, 0, 2, 2)


@pytest.mark.parametrize(
    ("other", "apart"),
    [
        (shapely.box(2, 0, 4, 2), True),  # shares an edge
        (shapely.box(2, 2, 4, 4), True),  # shares a corner
        (shapely.box(1.997, 0, 4, 2), False),  # 0.006 mm² into it: over half the tolerance
        (shapely.box(0.5, 0.5, 1.5, 1.5), False),  # inside it, about the same centre
        (shapely.box(-1, -1, 3, 3), False),  # around it, about the same centre
    ],
)
def test_the_bound_clears_only_zones_on_either_side_of_a_line(other, apart):
    assert _apart(_turn(SQUARE), _turn(other)) is apart


@pytest.mark.parametrize("other", [shapely.box(0.5, 0.5, 1.5, 1.5), shapely.box(-1, -1, 3, 3)])
def test_zones_with_one_centre_have_no_line_between_them(other):
    """Boxes with exactly the same centre give no line of centres: the exact test decides."""
    assert _apart(SQUARE, other) is False


@pytest.mark.parametrize(("rows", "chunks"), [(500_000, 1), (5, 6), (12, 3)])
def test_the_bound_says_the_same_a_few_pairs_at_a_time(rows, chunks, monkeypatch):
    """Six pairs at once, one at a time (5 // 5 vertices) or two at a time (12 // 5)."""
    monkeypatch.setattr(footmap.chart._geometry, "_APART_ROWS", rows)
    calls = []
    real = footmap.chart._geometry._extreme
    monkeypatch.setattr(footmap.chart._geometry, "_extreme", lambda *a: calls.append(1) or real(*a))
    others = [(2, 0), (1.997, 0), (2, 2), (0.5, 0.5), (-2, 2), (1.5, -1.5)]
    geoms = np.array([SQUARE, *(shapely.box(x, y, x + 2, y + 2) for x, y in others)])
    box = shapely.bounds(geoms)
    left, right = np.zeros(len(others), dtype=int), np.arange(1, len(others) + 1)
    reach = np.full(len(others), 2.0)
    apart = footmap.chart._geometry._apart(geoms, box, left, right, reach)
    assert apart.tolist() == [True, False, True, False, True, False]
    assert len(calls) == 2 * chunks  # the far side and the near side of each chunk


def test_the_bound_leaves_a_non_convex_neighbour_to_the_exact_test():
    """An L around the square's right and top sides touches it only, but no line parts them."""
    ell = shapely.Polygon([(2, 0), (3, 0), (3, 3), (0, 3), (0, 2), (2, 2)])
    assert shapely.area(shapely.intersection(SQUARE, ell)) == 0.0
    assert _apart(SQUARE, ell) is False
    chart = footmap.loads(json.dumps(_with_zone(_grid(1), ell)))
    assert len(chart.zones) == 2


def _with_zone(doc: dict, geom: shapely.Polygon) -> dict:
    """``doc`` with one more zone, ``geom``, copied from its first zone."""
    zone = json.loads(json.dumps(doc["features"][1]))
    zone["id"] = "left.plantar.extra"
    zone["geometry"] = json.loads(shapely.to_geojson(geom))
    doc["features"].append(zone)
    return doc


def _push(doc: dict, index: int, d: float, angle: float) -> dict:
    """Move zone ``index`` of a grid turned by ``angle`` along its row by ``d`` mm."""
    c, s = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    doc["features"][1 + index]["geometry"]["coordinates"][0] = [
        [x + d * c, y + d * s] for x, y in _ring(doc, index)
    ]
    return doc


def _checked(doc: dict, monkeypatch: pytest.MonkeyPatch) -> tuple[int, int]:
    """Pairs of zones of ``doc`` that reach the touch test and the exact test, loading it."""
    seen = {"intersects": 0, "relate_pattern": 0}
    for name in seen:
        real = getattr(shapely, name)

        def counting(a, b, *args, real=real, name=name):
            seen[name] += len(a)
            return real(a, b, *args)

        monkeypatch.setattr(shapely, name, counting)
    footmap.loads(json.dumps(doc))
    monkeypatch.undo()
    return seen["intersects"], seen["relate_pattern"]


def _box_pairs(doc: dict) -> int:
    """Pairs of zones of ``doc`` whose boxes overlap by more than the tolerance."""
    boxes = [shapely.bounds(shapely.geometry.shape(f["geometry"])) for f in doc["features"][1:]]
    return sum(
        max(0, min(a[2], b[2]) - max(a[0], b[0])) * max(0, min(a[3], b[3]) - max(a[1], b[1]))
        > footmap.chart._geometry.AREA_TOLERANCE
        for i, a in enumerate(boxes)
        for b in boxes[i + 1 :]
    )


def test_only_pairs_the_bound_leaves_are_tested_further(monkeypatch):
    """A turned grid: none of its 60 pairs of overlapping boxes. An L around a zone: touching
    it, the touch test and the exact test; 0.5 mm away, the touch test only."""
    grid = synthetic.synthetic_chart(36, 10.0)
    assert _box_pairs(grid) == 60
    assert _checked(grid, monkeypatch) == (0, 0)
    ell = [(2, 0), (3, 0), (3, 3), (0, 3), (0, 2), (2, 2)]
    assert _checked(_with_zone(_grid(1), shapely.Polygon(ell)), monkeypatch) == (1, 1)
    away = [(2.5, 0), (3, 0), (3, 3), (0, 3), (0, 2.5), (2.5, 2.5)]
    assert _checked(_with_zone(_grid(1), shapely.Polygon(away)), monkeypatch) == (1, 0)


@pytest.mark.parametrize(("d", "found"), [(0.006, [overlap(7, 8, "0.01")]), (0.004, [])])
@pytest.mark.parametrize("rows", [500_000, 5])  # all pairs at once, or one pair at a time
def test_a_turned_grid_keeps_the_tolerance(d, found, rows, monkeypatch):
    """Zone 7 of a 6 x 6 grid turned 10° pushed into zone 8: 0.012 mm² reported, 0.008 not."""
    monkeypatch.setattr(footmap.chart._geometry, "_APART_ROWS", rows)
    assert _problems(synthetic.synthetic_chart(36, 10.0)) == []
    assert _problems(_push(synthetic.synthetic_chart(36, 10.0), 7, d, 10.0)) == found
