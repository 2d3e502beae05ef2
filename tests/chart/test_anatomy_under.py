"""What really lies under a zone (footmap.anatomy_under): geometry, and textbook facts to check."""

from __future__ import annotations

import pytest
from shapely.geometry import Polygon, box

import footmap
from footmap.chart.anatomy import _under
from footmap.chart.model import Structure

HEEL = "Medial calcaneal branches of the tibial nerve"


@pytest.fixture(scope="module")
def chart() -> footmap.Chart:
    return footmap.load()


@pytest.fixture(scope="module")
def anatomy() -> footmap.AnatomyChart:
    return footmap.load_anatomy()


def _nerves(chart, zone_id):
    return [
        (it.name, it.share) for it in footmap.anatomy_under(chart, zone_id) if it.kind == "nerve"
    ]


def test_the_kidney_zone(chart, anatomy):
    items = footmap.anatomy_under(chart, "left.plantar.kidney", anatomy)
    assert items == [
        footmap.UnderItem(
            "nerve", "Medial plantar nerve", "L4–L5", 1.0, "left.plantar.nerve.medial-plantar"
        ),
        footmap.UnderItem(
            "bone", "Lateral cuneiform", None, 0.369, "left.plantar.bone.lateral-cuneiform"
        ),
        footmap.UnderItem(
            "bone", "Third metatarsal", None, 0.107, "left.plantar.bone.metatarsal-3"
        ),
        footmap.UnderItem("bone", "Cuboid", None, 0.106, "left.plantar.bone.cuboid"),
        footmap.UnderItem(
            "dermatome", "S1 dermatome", "S1", 0.996, "left.plantar.dermatome.s1", approximate=True
        ),
    ]


def test_the_bundled_anatomy_is_the_default(chart, anatomy):
    assert footmap.anatomy_under(chart, "right.plantar.liver") == footmap.anatomy_under(
        chart, "right.plantar.liver", anatomy
    )


@pytest.mark.parametrize("foot", ["left", "right"])
@pytest.mark.parametrize("slug", ["pelvis", "sciatic", "spine-sacrum"])
def test_a_heel_zone_is_supplied_by_the_medial_calcaneal_branches(chart, foot, slug):
    nerves = _nerves(chart, f"{foot}.plantar.{slug}")
    assert nerves[0][0] == HEEL
    assert nerves[0][1] > 0.5


def test_the_heel_shares(chart):
    assert _nerves(chart, "left.plantar.pelvis") == [(HEEL, 0.908), ("Sural nerve", 0.087)]


@pytest.mark.parametrize("foot", ["left", "right"])
@pytest.mark.parametrize("slug", ["head-brain", "pituitary", "pineal", "hypothalamus", "neck"])
def test_a_big_toe_zone_is_supplied_by_the_medial_plantar_nerve(chart, foot, slug):
    assert _nerves(chart, f"{foot}.plantar.{slug}") == [("Medial plantar nerve", 1.0)]


@pytest.mark.parametrize(
    ("zone_id", "share"),
    [
        ("left.plantar.shoulder", 0.317),
        ("right.plantar.shoulder", 0.317),
        ("left.dorsal.shoulder", 0.894),
        ("right.dorsal.shoulder", 0.892),
    ],
)
def test_the_lateral_edge_is_supplied_by_the_sural_nerve(chart, zone_id, share):
    assert ("Sural nerve", share) in _nerves(chart, zone_id)


@pytest.mark.parametrize(
    "zone_id", ["left.plantar.colon-descending", "right.plantar.colon-ascending"]
)
def test_the_outer_colon_zones_lie_mostly_on_sural_skin(chart, zone_id):
    assert _nerves(chart, zone_id)[0][0] == "Sural nerve"


def test_every_zone_of_the_sole_and_top_has_a_nerve_and_a_bone(chart, anatomy):
    zones = [z for z in chart.zones if z.view in ("plantar", "dorsal")]
    assert len(zones) == 109
    for zone in zones:
        items = footmap.anatomy_under(chart, zone.id, anatomy)
        kinds = [it.kind for it in items]
        assert "nerve" in kinds and "bone" in kinds, zone.id
        assert kinds == sorted(kinds, key=("nerve", "bone", "dermatome").index), zone.id
        shares = [it.share for it in items if it.kind == "nerve"]
        assert shares == sorted(shares, reverse=True), zone.id
        assert 0.9 <= sum(shares) <= 1.01, zone.id  # shares of 2 % or more, rounded
        assert all(it.id.startswith(f"{zone.foot}.{zone.view}.") for it in items), zone.id


def test_every_zone_of_the_sides_has_a_nerve_too(chart, anatomy):
    for zone in chart.zones_on(view="medial") + chart.zones_on(view="lateral"):
        assert any(it.kind == "nerve" for it in footmap.anatomy_under(chart, zone.id, anatomy))


def test_an_unknown_zone(chart):
    with pytest.raises(KeyError):
        footmap.anatomy_under(chart, "left.plantar.nowhere")


def _structure(kind, name, geom, sid="left.plantar.x.y"):
    return Structure(sid, "left", "plantar", kind, name, (), geom)


def test_an_empty_zone_has_nothing_under_it():
    assert _under(Polygon(), [_structure("bone", "Calcaneus", box(0, 0, 1, 1))]) == []


def test_small_shares_are_left_out_but_the_largest_stays():
    zone = box(0, 0, 10, 10)  # area 100
    nerves = [
        _structure("nerve", "A", box(0, 0, 10, 9.9)),  # 99 %
        _structure("nerve", "B", box(0, 9.9, 10, 10)),  # 1 %: below MIN_SHARE
    ]
    assert [(it.name, it.share) for it in _under(zone, nerves)] == [("A", 0.99)]
    only_small = [_structure("nerve", "B", box(0, 9.9, 10, 10))]
    assert [(it.name, it.share) for it in _under(zone, only_small)] == [("B", 0.01)]


def test_the_bone_under_the_middle_when_none_covers_five_percent():
    zone = box(0, 0, 10, 10)
    point = zone.representative_point()
    bones = [
        _structure("bone", "Edge", box(9.8, 0, 10, 10)),  # 2 %
        _structure("bone", "Middle", point.buffer(0.5)),  # < 1 %, under the middle
    ]
    assert [(it.name, it.nearest) for it in _under(zone, bones)] == [("Middle", False)]


def test_the_nearest_bone_when_none_is_under():
    items = _under(box(0, 0, 2, 2), [_structure("bone", "Calcaneus", box(10, 0, 20, 5))])
    assert items == [
        footmap.UnderItem("bone", "Calcaneus", None, 0.0, "left.plantar.x.y", nearest=True)
    ]
