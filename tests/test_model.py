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
