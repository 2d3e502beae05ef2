"""Geometry checks (``footmap.chart._geometry``): rings, validity, finite coordinates, the
batch build, containment in the outline, overlaps within a pair budget, panel by panel.
"""

from __future__ import annotations

import json
import math

import make_bad_charts as charts
import numpy as np
import pytest
import shapely
import shapely.affinity
import synthetic

import footmap
import footmap.chart._geometry
import footmap.chart._problems
from footmap import ChartError


@pytest.mark.parametrize("angle", [0.0, 10.0, 45.0])
def test_touching_grid_is_clean_and_one_shifted_zone_is_caught(angle):
    """The overlap check's bounding-box shortcut never hides a real overlap.

    An axis-aligned grid is cleared by the boxes, a turned one by the line of centres (a
    separating-axis bound); in both, one zone pushed 0.5 mm into its neighbour is reported
    with its true overlap.
    """
    data = synthetic.synthetic_chart(36, angle)
    assert len(footmap.loads(json.dumps(data)).zones) == 36
    zone = data["features"][1 + 7]  # row 1, column 1 of the 6 x 6 grid
    ring = zone["geometry"]["coordinates"][0]
    c, s = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    zone["geometry"]["coordinates"][0] = [[x + 0.5 * c, y + 0.5 * s] for x, y in ring]
    with pytest.raises(ChartError) as info:
        footmap.loads(json.dumps(data))
    found = {(p.zone, p.message) for p in info.value.problems}
    # 0.5 mm x 2 mm into the zone on its right (and a sliver of its corner neighbours,
    # which are below the area tolerance).
    assert found == {
        (
            "left.plantar.z000007",
            "overlaps zone 'left.plantar.z000008' by 1.00 mm\u00b2 "
            "(a zone inside another must be a hole in it)",
        )
    }


def _only(err: ChartError) -> tuple[str | None, str]:
    (problem,) = err.problems
    return problem.zone, problem.message


def test_nested_zones_beyond_the_pair_budget_are_refused(monkeypatch):
    doc = synthetic.synthetic_chart(1)
    template = doc["features"][1]
    doc["features"] = doc["features"][:1]
    for i in range(30):  # square rings around one centre: every box holds the inner ones
        a, b = 1 + i, 2 + i
        f = json.loads(json.dumps(template))
        f["id"] = f"left.plantar.ring{i:02d}"
        f["geometry"]["coordinates"] = [
            [[-b, -b], [b, -b], [b, b], [-b, b], [-b, -b]],
            [[-a, -a], [-a, a], [a, a], [a, -a], [-a, -a]],
        ]
        doc["features"].append(f)
    outline = doc["features"][0]["geometry"]
    outline["coordinates"] = [[[-40, -40], [40, -40], [40, 40], [-40, 40], [-40, -40]]]
    assert len(footmap.loads(json.dumps(doc)).zones) == 30  # valid: rings only touch
    monkeypatch.setattr(footmap.chart._geometry, "MAX_BOX_PAIRS", 100)
    with pytest.raises(ChartError) as info:
        footmap.loads(json.dumps(doc))
    assert _only(info.value) == (
        None,
        "the left plantar panel has too many zones whose bounding boxes overlap to check "
        "(over 100 pairs, the limit)",
    )


def test_overlap_found_across_query_chunks():
    data = synthetic.synthetic_chart(100)  # a 10 x 10 grid, queried 64 zones at a time
    zone = data["features"][1 + 63]  # the last zone of the first chunk ...
    ring = zone["geometry"]["coordinates"][0]
    zone["geometry"]["coordinates"][0] = [[x + 0.5, y] for x, y in ring]  # ... into the next
    with pytest.raises(ChartError) as info:
        footmap.loads(json.dumps(data))
    assert {(p.zone, p.message) for p in info.value.problems} == {
        (
            "left.plantar.z000063",
            "overlaps zone 'left.plantar.z000064' by 1.00 mm\u00b2 "
            "(a zone inside another must be a hole in it)",
        )
    }


def test_geometry_is_checked_beside_other_errors():
    doc = charts.base()
    pelvis = charts.feature(doc, "left.plantar.pelvis")
    pelvis["properties"]["system"] = "astral"
    pelvis["geometry"]["coordinates"] = [[[-30, 10], [30, 40], [30, 10], [-30, 40], [-30, 10]]]
    with pytest.raises(ChartError) as info:
        footmap.loads(json.dumps(doc))
    messages = sorted(p.message for p in info.value.problems)
    assert {p.zone for p in info.value.problems} == {"left.plantar.pelvis"}
    assert len(messages) == 2
    assert messages[0] == "geometry: invalid (Self-intersection[0 25])"
    assert messages[1].startswith("properties.system: 'astral' is not one of nervous")


def _problems_of(doc) -> list[tuple[str | None, str]]:
    with pytest.raises(ChartError) as info:
        footmap.loads(json.dumps(doc))
    return [(p.zone, p.message) for p in info.value.problems]


def _square(x0, y0, x1, y1):
    return [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]


def _one_geometry(geometry):
    from footmap.chart._geometry import _geometry
    from footmap.chart._problems import _Problems

    problems = _Problems("t")
    geom = _geometry({"geometry": geometry}, "z", problems)
    return geom, [(p.zone, p.message) for p in problems.items]


@pytest.mark.parametrize(
    ("coordinates", "problems"),
    [
        ([_square(-5000, -5000, 5000, 5000)], []),  # the edge of the allowed range
        ([_square(0, 0, 1, 1)], []),  # exactly the smallest area
        ([[[0, 0], [5000.5, 0], [1, 1], [0, 1], [0, 0]]],
         [("z", "geometry: coordinate [5000.5, 0] is beyond 5000 mm (chart coordinates are "
                "millimetres)")]),
        ([[[0, 0], [1, -5000.5], [1, 1], [0, 1], [0, 0]]],
         [("z", "geometry: coordinate [1, -5000.5] is beyond 5000 mm (chart coordinates are "
                "millimetres)")]),
        ([[[0, 0], [math.inf, 0], [1, 1], [0, 1], [0, 0]]],
         [("z", "geometry: non-finite coordinate (too large for a float)")]),
        ([], [("z", "geometry: empty (no area)")]),
        # valid, but its area underflows to 0.0 (1e-340 mm²): not the "below the minimum" words
        ([_square(0, 0, 1e-170, 1e-170)], [("z", "geometry: empty (no area)")]),
        ([_square(0, 0, 1, 0.99)],
         [("z", "geometry: area 0.99 mm\u00b2 is below the minimum of 1 mm\u00b2 (too small to "
                "see or point at)")]),
    ],
)  # fmt: skip
def test_a_geometry_is_checked_case_by_case(coordinates, problems):
    geom, found = _one_geometry({"type": "Polygon", "coordinates": coordinates})
    assert found == problems
    assert (geom is None) == bool(problems)


def test_a_geometry_shapely_cannot_build_is_named(monkeypatch):
    def broken(gj):
        raise ValueError("boom")

    monkeypatch.setattr(footmap.chart._geometry, "shape", broken)
    assert _one_geometry({"type": "Polygon", "coordinates": [_square(0, 0, 2, 2)]}) == (
        None,
        [("z", "geometry: cannot be built (boom)")],
    )


def test_a_geometry_geos_cannot_judge_is_reported_invalid_with_geos_words(monkeypatch):
    class Unjudgeable:  # as a ring scaled to 1e-300 once made GEOS raise from is_valid
        is_empty = False

        @property
        def is_valid(self):
            raise shapely.errors.GEOSException("Segment vertex does not intersect ring")

    monkeypatch.setattr(footmap.chart._geometry, "shape", lambda gj: Unjudgeable())
    assert _one_geometry({"type": "Polygon", "coordinates": [_square(0, 0, 2, 2)]}) == (
        None,
        [("z", "geometry: invalid (Segment vertex does not intersect ring)")],
    )


def test_a_non_finite_coordinate_in_a_chart_is_named():
    doc = charts.base()
    charts.feature(doc, "left.plantar.kidney")["geometry"]["coordinates"][0][2] = [1234.5, 100]
    text = json.dumps(doc).replace("1234.5", "1e400")  # read as inf
    with pytest.raises(ChartError) as info:
        footmap.loads(text)
    assert [(p.zone, p.message) for p in info.value.problems] == [
        ("left.plantar.kidney", "geometry: non-finite coordinate (too large for a float)")
    ]


def test_geometries_are_built_at_once_for_the_features_the_schema_passed():
    from footmap.chart._geometry import _geometries
    from footmap.chart._problems import _Problems

    features = charts.base()["features"]
    problems = _Problems("t")
    assert sorted(_geometries(features, problems)) == list(range(10))
    problems.schema_bad.update({2, 7})
    assert sorted(_geometries([*features, 5], problems)) == [0, 1, 3, 4, 5, 6, 8, 9]
    # no geometry, or not a polygon: left to _geometry, which names the problem
    odd = [{"geometry": None}, {"geometry": {"type": "Point", "coordinates": [1, 2]}}]
    assert sorted(_geometries([*odd, *features], _Problems("t"))) == list(range(2, 12))


def test_candidate_pairs_across_chunks_each_once_within_the_budget(monkeypatch):
    import numpy as np
    from shapely.geometry import box

    from footmap.chart._geometry import _candidate_pairs

    # 130 boxes in a row, each overlapping the next: queried 64 at a time
    geoms = np.array([box(i, 0, i + 1.5, 1) for i in range(130)], dtype=object)
    left, right = _candidate_pairs(geoms)
    assert sorted(zip(left.tolist(), right.tolist(), strict=True)) == [
        (i, i + 1) for i in range(129)
    ]
    # the budget counts every box pair the queries return: 130 self pairs, 2 x 129 neighbours
    monkeypatch.setattr(footmap.chart._geometry, "MAX_BOX_PAIRS", 388)
    assert _candidate_pairs(geoms) is not None
    monkeypatch.setattr(footmap.chart._geometry, "MAX_BOX_PAIRS", 387)
    assert _candidate_pairs(geoms) is None
    none_left, none_right = _candidate_pairs(np.array([], dtype=object))
    assert none_left.shape == none_right.shape == (0,)
    assert none_left.dtype == none_right.dtype == np.intp


def _batch_features():
    """Features for the batch geometry build: the edges of each check, both sides."""
    polygons = [
        [_square(0, 0, 2, 2)],  # 0: plain
        [[[0, 0], [2, 0], [0, 1], [0, 0]]],  # 1: 4 positions, area exactly the minimum
        [_square(4990, -5000, 5000, 10)],  # 2: on the edge of the allowed range
        [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0.5]]],  # 3: not closed
        [[[0, 0], [5000.5, 0], [1, 1], [0, 1], [0, 0]]],  # 4: beyond the range
        [_square(0, 0, 1, 0.99)],  # 6: area 0.99
    ]
    features = [{"geometry": {"type": "Polygon", "coordinates": c}} for c in polygons]
    features.insert(
        5,
        {
            "geometry": {
                "type": "MultiPolygon",
                "coordinates": [[_square(10, 10, 12, 12)], [_square(20, 20, 21, 21)]],
            }
        },
    )  # 5: two parts
    return features


def _built_wkt(built):
    return {i: g.wkt for i, g in sorted(built.items())}


BATCH_WKT = {
    0: "POLYGON ((0 0, 2 0, 2 2, 0 2, 0 0))",
    1: "POLYGON ((0 0, 2 0, 0 1, 0 0))",
    2: "POLYGON ((4990 -5000, 5000 -5000, 5000 10, 4990 10, 4990 -5000))",
    5: "MULTIPOLYGON (((10 10, 12 10, 12 12, 10 12, 10 10)), "
    "((20 20, 21 20, 21 21, 20 21, 20 20)))",
}


def test_the_batch_build_takes_each_edge_case_and_only_good_shapes():
    from footmap.chart._geometry import _geometries
    from footmap.chart._problems import _Problems

    problems = _Problems("t")
    assert _built_wkt(_geometries(_batch_features(), problems)) == BATCH_WKT
    assert problems.items == []  # the batch build reports nothing: _geometry does


def test_the_batch_build_asks_each_shape_when_geos_cannot_judge_them_together(monkeypatch):
    from shapely.geometry.base import BaseGeometry

    from footmap.chart._geometry import _geometries
    from footmap.chart._problems import _Problems

    real, plain = shapely.is_valid, shapely.box(0, 0, 2, 2)
    words = "Segment vertex does not intersect ring"

    def is_valid(geoms):  # GEOS raising for the whole array ...
        if isinstance(geoms, np.ndarray):
            raise shapely.errors.GEOSException(words)
        return real(geoms)

    def one_is_valid(geom):  # ... and for one shape alone
        if shapely.equals(geom, plain):
            raise shapely.errors.GEOSException(words)
        return bool(real(geom))

    monkeypatch.setattr(shapely, "is_valid", is_valid)
    monkeypatch.setattr(BaseGeometry, "is_valid", property(one_is_valid))
    # the shape GEOS cannot judge is left out, for _geometry to report; the others are built
    expected = {i: wkt for i, wkt in BATCH_WKT.items() if i != 0}
    assert _built_wkt(_geometries(_batch_features(), _Problems("t"))) == expected


def _panel_zone(zid, foot, geom):
    from footmap.chart.model import Zone

    return Zone(zid, foot, "plantar", zid, "area", "nervous", (), geom)


def _panel_problems(zones, outlines, monkeypatch=None, max_pairs=None):
    from footmap.chart import _geometry as geomcheck
    from footmap.chart._problems import _Problems
    from footmap.chart.model import Outline

    if max_pairs is not None:
        monkeypatch.setattr(geomcheck, "MAX_BOX_PAIRS", max_pairs)
    problems = _Problems("t")
    found = {(o[0], "plantar"): Outline(o[0], "plantar", o[1]) for o in outlines}
    geomcheck._check_panels(zones, found, set(found), problems)
    return [(p.zone, p.message) for p in problems.items]


def test_an_overlap_whose_boxes_meet_by_less_than_a_millimetre_in_height_is_reported():
    # a strip 0.5 mm high and 10 mm wide: 5 mm² of overlap
    zones = [
        _panel_zone("a", "left", shapely.box(0, 0, 10, 10)),
        _panel_zone("b", "left", shapely.box(0, 9.5, 10, 20)),
    ]
    assert _panel_problems(zones, [("left", shapely.box(-1, -1, 30, 30))]) == [
        ("a", "overlaps zone 'b' by 5.00 mm\u00b2 (a zone inside another must be a hole in it)")
    ]


def test_every_panel_is_checked_after_one_without_an_outline():
    zones = [
        _panel_zone("lonely", "right", shapely.box(0, 0, 5, 5)),  # no right outline
        _panel_zone("a", "left", shapely.box(0, 0, 10, 10)),
        _panel_zone("b", "left", shapely.box(5, 0, 15, 10)),
    ]
    outlines = [("left", shapely.box(-1, -1, 30, 30))]
    with_declared = _panel_problems(zones, outlines)
    assert with_declared == [
        ("lonely", "no outline for the right foot, plantar view"),
        ("a", "overlaps zone 'b' by 50.00 mm\u00b2 (a zone inside another must be a hole in it)"),
    ]


def test_every_panel_is_checked_after_one_over_the_pair_budget(monkeypatch):
    zones = [
        _panel_zone("r1", "right", shapely.box(0, 0, 5, 5)),
        _panel_zone("r2", "right", shapely.box(4, 0, 9, 5)),  # 2 box pairs: over a budget of 1
        _panel_zone("a", "left", shapely.box(0, 0, 10, 10)),
    ]
    outlines = [("right", shapely.box(-1, -1, 30, 30)), ("left", shapely.box(-1, -1, 5, 30))]
    assert _panel_problems(zones, outlines, monkeypatch, max_pairs=1) == [
        (None, "the right plantar panel has too many zones whose bounding boxes overlap to "
               "check (over 1 pairs, the limit)"),
        ("a", "lies partly outside the left plantar outline (50.00 mm\u00b2 outside)"),
    ]  # fmt: skip


def test_a_feature_of_an_unknown_role_does_not_stand_in_for_a_missing_outline():
    doc = charts.base()
    doc["features"] = [f for f in doc["features"] if f["id"] != "left.plantar.outline"]
    charts.feature(doc, "left.plantar.head")["properties"]["role"] = "Outline"
    assert _problems_of(doc) == [
        ("left.plantar.head", "properties.role: 'Outline' is not one of outline, zone"),
        ("left.plantar.kidney", "no outline for the left foot, plantar view"),
        ("left.plantar.adrenal", "no outline for the left foot, plantar view"),
        ("left.plantar.pelvis", "no outline for the left foot, plantar view"),
    ]
