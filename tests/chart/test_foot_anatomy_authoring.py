"""The foot-anatomy chart (data/foot-anatomy.geojson) as its authoring script writes it.

These tests read the committed GeoJSON directly, on every panel (the sides too). The loaded
chart is tested in ``tests/chart/test_anatomy.py``, what lies under each zone
(:func:`footmap.anatomy_under`) in ``tests/chart/test_anatomy_under.py`` and its words in
``tests/test_anatomy_text.py``.
"""

from __future__ import annotations

import json
from itertools import combinations
from pathlib import Path

import pytest
from shapely.geometry import shape
from shapely.ops import unary_union

ROOT = Path(__file__).resolve().parents[2]
ALL_PANELS = [(f, v) for f in ("left", "right") for v in ("plantar", "dorsal", "medial", "lateral")]
TOL = 0.5  # mm^2


@pytest.fixture(scope="module")
def anatomy() -> dict:
    return json.loads((ROOT / "data" / "foot-anatomy.geojson").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def zones() -> dict:
    return json.loads((ROOT / "data" / "zones.geojson").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def structures(anatomy) -> dict:
    out: dict = {}
    for f in anatomy["features"]:
        p = f["properties"]
        if p["role"] == "structure":
            out.setdefault((p["foot"], p["view"]), []).append(
                (p["kind"], p["name"], p.get("roots"), shape(f["geometry"]))
            )
    return out


def _outline(chart: dict, foot: str, view: str):
    return next(
        shape(f["geometry"])
        for f in chart["features"]
        if f["properties"]["role"] == "outline" and f["id"] == f"{foot}.{view}.outline"
    )


def test_outlines_are_the_zone_charts(anatomy, zones):
    mine = {
        f["id"]: f["geometry"] for f in anatomy["features"] if f["properties"]["role"] == "outline"
    }
    theirs = {
        f["id"]: f["geometry"] for f in zones["features"] if f["properties"]["role"] == "outline"
    }
    assert mine == theirs
    assert anatomy["footmap"]["frame"] == zones["footmap"]["frame"]


@pytest.mark.parametrize(("foot", "view"), ALL_PANELS)
@pytest.mark.parametrize("kind", ["nerve", "dermatome"])
def test_territories_tile_the_outline(anatomy, structures, foot, view, kind):
    outline = _outline(anatomy, foot, view)
    pieces = [g for k, _, _, g in structures[(foot, view)] if k == kind]
    assert len(pieces) >= (3 if view in ("plantar", "dorsal") else 2)
    union = unary_union(pieces)
    assert outline.difference(union).area < TOL  # covered
    # nothing outside: each piece within the loader's 0.01 mm^2 (rounding once pushed some out)
    assert max(g.difference(outline).area for g in pieces) <= 0.01
    assert sum(a.intersection(b).area for a, b in combinations(pieces, 2)) < TOL  # no overlap


@pytest.mark.parametrize(("foot", "view"), ALL_PANELS)
def test_bones_inside_and_apart(anatomy, structures, foot, view):
    outline = _outline(anatomy, foot, view)
    bones = [(n, g) for k, n, _, g in structures[(foot, view)] if k == "bone"]
    # all 26 from below and above; from the sides only the inner or outer column is in view
    assert len(bones) == {"plantar": 26, "dorsal": 26, "medial": 7, "lateral": 8}[view]
    for name, g in bones:
        assert g.difference(outline).area < 0.05, name
    assert sum(a.intersection(b).area for (_, a), (_, b) in combinations(bones, 2)) < 0.05


def test_every_structure_is_cited(anatomy):
    ids = {s["id"] for s in anatomy["footmap"]["sources"] if s["kind"] == "anatomy"}
    for f in anatomy["features"]:
        p = f["properties"]
        if p["role"] != "structure":
            continue
        assert f["id"] == f"{p['foot']}.{p['view']}.{p['kind']}.{f['id'].split('.')[-1]}"
        assert p["claims"] and all(c["kind"] == "anatomy" for c in p["claims"])
        assert {s for c in p["claims"] for s in c["sources"]} <= ids
        if p["kind"] == "dermatome":
            assert p["approximate"] is True
