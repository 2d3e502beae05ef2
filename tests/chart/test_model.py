"""The chart model on small charts: search on each field, the summary's counts, zone_at misses.

Literal expectations on the synthetic chart (tests/baseline/synthetic_chart.geojson) and on
grids from tests/synthetic.py.
"""

from __future__ import annotations

import json

import pytest
import synthetic

import footmap


@pytest.mark.parametrize(
    ("query", "ids"),
    [
        ("lungs", ["left.dorsal.chest"]),  # only the body area "lungs and chest"
        ("head brain", ["left.plantar.head", "right.plantar.head"]),  # only the label
        ("circulation", ["left.plantar.heart"]),  # only the system "Heart and circulation"
        ("left.dorsal", ["left.dorsal.chest"]),  # only the id
        ("GLAND", ["left.plantar.adrenal", "right.plantar.adrenal"]),  # any case
        ("heart & circulation", ["left.plantar.heart"]),  # "&" reads as "and"
        ("nowhere", []),
        ("  ", []),
    ],
)
def test_search_looks_at_label_area_system_and_id(synth, query, ids):
    assert [z.id for z in synth.search(query)] == ids


def _grid_chart(n: int = 2, **extra) -> footmap.Chart:
    doc = synthetic.synthetic_chart(n)
    meta = doc["footmap"]
    meta["sources"] += extra.get("sources", [])
    meta["caveats"] += extra.get("caveats", [])
    return footmap.loads(json.dumps(doc))


def test_summary_counts_sources_of_each_kind_and_shows_the_first_evidence_caveat():
    chart = _grid_chart(
        sources=[
            {"id": "s2", "kind": "study", "title": "S2", "citation": "S2."},
            {"id": "s3", "kind": "study", "title": "S3", "citation": "S3."},
            {"id": "a1", "kind": "article", "title": "A1", "citation": "A1."},
        ],
        caveats=[
            {"id": "ev2", "kind": "evidence", "text": "A second caveat.", "sources": ["s2"]},
        ],
    )
    assert chart.summary() == (
        "footmap chart: synthetic chart (2 zones)\n"
        "  frame:     mm, one frame per panel (not geographic)\n"
        "  left foot:  plantar 2 zones\n"
        "  zones:     2 in 1 panels, 2 body areas, 2 systems\n"
        "  sources:   5 (1 chart, 3 study, 1 article)\n"
        "  caveat:    Synthetic chart: the zones are claims about nothing at all."
    )
    assert str(chart) == chart.summary()
    assert (
        repr(chart) == "<footmap.Chart 'synthetic chart (2 zones)': 2 zones in 1 panels, 5 sources>"
    )


def test_anchor_is_the_centre_of_the_largest_part():
    """A fresh chart (no anchor cached): a zone of two squares, 4 mm and 1 mm across."""
    doc = synthetic.synthetic_chart(1)
    doc["features"][1]["geometry"] = {
        "type": "MultiPolygon",
        "coordinates": [
            [[[6, 6], [7, 6], [7, 7], [6, 7], [6, 6]]],
            [[[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]]],
        ],
    }
    zone = footmap.loads(json.dumps(doc)).zones[0]
    x, y = zone.anchor
    assert abs(x - 2.0) <= 0.25 and abs(y - 2.0) <= 0.25


def _disagreement(did: str, zones: list[str]) -> dict:
    return {
        "id": did,
        "topic": f"Topic {did}",
        "text": "Charts differ here.",
        "zones": zones,
        "variants": [
            {"text": "One place.", "sources": ["c2"]},
            {"text": "Another place.", "sources": ["synthdoc"]},
        ],
    }


def _disagreeing_chart(*disagreements: dict) -> footmap.Chart:
    doc = synthetic.synthetic_chart(2)
    meta = doc["footmap"]
    meta["sources"] += [
        {"id": "c2", "kind": "chart", "title": "C2", "citation": "C2."},
        {"id": "a1", "kind": "article", "title": "A1", "citation": "A1."},
    ]
    meta["caveats"] += [
        {"id": "s1", "kind": "safety", "text": "Long one.", "short": "Ask.", "sources": ["a1"]},
        {"id": "s2", "kind": "safety", "text": "Long two.", "sources": ["a1"]},
    ]
    meta["disagreements"] = list(disagreements)
    return footmap.loads(json.dumps(doc))


def test_summary_shows_safety_briefs_and_counts_disagreements():
    one = _disagreeing_chart(_disagreement("d1", ["left.plantar.z000001"]))
    assert one.summary().splitlines()[-2:] == [
        "  safety:    Ask. Long two.",
        "  disagree:  1 documented disagreement between charts",
    ]
    two = _disagreeing_chart(
        _disagreement("d1", ["left.plantar.z000001"]), _disagreement("d2", ["left.plantar.z000000"])
    )
    assert two.summary().splitlines()[-1] == (
        "  disagree:  2 documented disagreements between charts"
    )


def test_disagreements_for_a_zone_or_its_id_and_the_sources_they_cite():
    d1 = _disagreement("d1", ["left.plantar.z000001"])
    d2 = _disagreement("d2", ["left.plantar.z000000", "left.plantar.z000001"])
    chart = _disagreeing_chart(d1, d2)
    z0, z1 = chart.zones
    assert [d.id for d in chart.disagreements_for(z1)] == ["d1", "d2"]
    assert [d.id for d in chart.disagreements_for("left.plantar.z000000")] == ["d2"]
    assert chart.disagreements[0].source_ids == ("c2", "synthdoc")
    # the zone's own source, then its disagreements' (c2), then the caveats' sources
    assert [s.id for s in chart.cited_sources([z0])] == ["synthdoc", "c2", "synthreview", "a1"]
    assert [s.id for s in chart.cited_sources()] == ["synthreview", "a1"]
    assert [c.brief for c in chart.caveats_of("safety")] == ["Ask.", "Long two."]


def test_panels_feet_views_and_the_default_outline():
    chart = _grid_chart(4)
    assert chart.panels == (("left", "plantar"),)
    assert chart.feet == ("left",)
    assert chart.views == ("plantar",)
    assert chart.outline("left").view == "plantar"
    assert [z.id for z in chart.zones_on()] == [f"left.plantar.z00000{i}" for i in range(4)]
    assert chart.zones_on("right") == ()
    assert chart.zones_on(view="dorsal") == ()
    assert chart.zone_at("right", "plantar", 1, 1) is None


@pytest.mark.parametrize(
    ("coordinates", "box"),
    [
        # a triangle: its pole (the centre of the inscribed circle, about (-1.07, -1.07)),
        # not the midpoint of its middle row, (-1.5, 1.0)
        ([[[[-4, -4], [6, -4], [-4, 6], [-4, -4]]]], (-1.4, -0.7, -1.4, -0.7)),
        # an L: the pole to 0.25 mm is in the corner, about (-3.9, -3.9); to 1 mm, (-4, 2)
        (
            [[[[-5, -5], [7, -5], [7, -3], [-3, -3], [-3, 7], [-5, 7], [-5, -5]]]],
            (-4.2, -3.5, -4.2, -3.5),
        ),
        # a long thin strip (5 mm²) and a 2 mm square (4 mm²): the largest part is the strip,
        # although the square holds the larger circle
        (
            [
                [[[-4, -4], [6, -4], [6, -3.5], [-4, -3.5], [-4, -4]]],
                [[[-4, 0], [-2, 0], [-2, 2], [-4, 2], [-4, 0]]],
            ],
            (-4, 6, -4, -3.5),
        ),
    ],
)
def test_anchor_is_the_pole_of_the_largest_part(coordinates, box):
    doc = synthetic.synthetic_chart(1)
    doc["features"][1]["geometry"] = {"type": "MultiPolygon", "coordinates": coordinates}
    x, y = footmap.loads(json.dumps(doc)).zones[0].anchor
    assert box[0] <= x <= box[1] and box[2] <= y <= box[3]
