"""The foot-anatomy chart (data/foot-anatomy.geojson) and what lies under each zone.

These tests read the committed GeoJSON directly and use ``tools/authoring/under.py`` (the lead
moves ``anatomy_under`` into the package; then only the import below changes).
"""

from __future__ import annotations

import importlib.util
import json
import sys
from itertools import combinations
from pathlib import Path

import pytest
from shapely.geometry import shape
from shapely.ops import unary_union

ROOT = Path(__file__).resolve().parent.parent
AUTHORING = ROOT / "tools" / "authoring"


def _module(name: str):
    spec = importlib.util.spec_from_file_location(name, AUTHORING / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(name, module)
    spec.loader.exec_module(module)
    return module


under = _module("under")
PANELS = [(foot, view) for foot in ("left", "right") for view in ("plantar", "dorsal")]
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
    assert union.difference(outline).area < TOL  # nothing outside
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


def test_every_zone_has_a_nerve_and_a_bone(zones, structures):
    for f in zones["features"]:
        p = f["properties"]
        if p["role"] != "zone":
            continue
        items = under.anatomy_under(
            shape(f["geometry"]), p["foot"], p["view"], structures[(p["foot"], p["view"])]
        )
        kinds = [it["kind"] for it in items]
        assert "nerve" in kinds and "bone" in kinds, f["id"]
        nerve_shares = [it["share"] for it in items if it["kind"] == "nerve"]
        assert nerve_shares == sorted(nerve_shares, reverse=True)
        assert 0.9 <= sum(nerve_shares) <= 1.01, f["id"]  # shares are rounded to 0.001


def _nerves(zones, structures, zone_id):
    f = next(f for f in zones["features"] if f["id"] == zone_id)
    p = f["properties"]
    items = under.anatomy_under(
        shape(f["geometry"]), p["foot"], p["view"], structures[(p["foot"], p["view"])]
    )
    return [it["name"] for it in items if it["kind"] == "nerve"]


@pytest.mark.parametrize("foot", ["left", "right"])
@pytest.mark.parametrize("slug", ["pelvis", "sciatic"])
def test_heel_zone_is_supplied_by_the_calcaneal_branches(zones, structures, foot, slug):
    assert (
        _nerves(zones, structures, f"{foot}.plantar.{slug}")[0]
        == "Medial calcaneal branches of the tibial nerve"
    )


@pytest.mark.parametrize("foot", ["left", "right"])
@pytest.mark.parametrize("slug", ["head-brain", "pituitary", "pineal", "neck"])
def test_big_toe_zone_is_supplied_by_the_medial_plantar_nerve(zones, structures, foot, slug):
    assert _nerves(zones, structures, f"{foot}.plantar.{slug}")[0] == "Medial plantar nerve"


@pytest.mark.parametrize(
    "zone_id",
    [
        "left.plantar.shoulder",
        "right.plantar.shoulder",
        "left.plantar.colon-descending",
        "right.plantar.colon-ascending",
        "left.dorsal.shoulder",
        "right.dorsal.shoulder",
    ],
)
def test_outer_edge_zone_is_supplied_by_the_sural_nerve(zones, structures, zone_id):
    assert "Sural nerve" in _nerves(zones, structures, zone_id)


def test_describe_under_reads_as_a_sentence():
    items = [
        {"kind": "nerve", "name": "Medial plantar nerve", "roots": "L4–L5", "share": 1.0},
        {"kind": "bone", "name": "Navicular", "roots": None, "share": 0.4},
        {"kind": "bone", "name": "Intermediate cuneiform", "roots": None, "share": 0.2},
        {"kind": "dermatome", "name": "L5 dermatome", "roots": "L5", "share": 1.0},
    ]
    assert under.describe_under(items) == (
        "skin of the medial plantar nerve (L4–L5) over the navicular and the intermediate "
        "cuneiform; approximate dermatome L5"
    )


def test_anatomy_under_empty_zone_and_bad_kind():
    from shapely.geometry import Polygon, box

    assert under.anatomy_under(Polygon(), "left", "plantar", []) == []
    with pytest.raises(ValueError, match="unknown structure kind"):
        under.anatomy_under(
            box(0, 0, 1, 1), "left", "plantar", [("muscle", "x", None, box(0, 0, 1, 1))]
        )


def test_nearest_bone_when_none_is_under(structures):
    from shapely.geometry import box

    zone = box(0, 0, 2, 2)
    items = under.anatomy_under(
        zone, "left", "plantar", [("bone", "Calcaneus", None, box(10, 0, 20, 5))]
    )
    assert items == [
        {"kind": "bone", "name": "Calcaneus", "roots": None, "share": 0.0, "nearest": True}
    ]
    assert under.describe_under(items) == "near the calcaneus"
