"""The bundled chart's content: the heel, the added zones, left/right asymmetries, system
assignments, placement sources and the documented disagreements between charts.

Expected values are literal: coordinates are points of the model foot described in
tools/authoring/plantar.py (left foot, inner side +x, heel at y = 0; the right foot is its
mirror image), body areas and source ids are the ones the chart is meant to carry.
"""

from __future__ import annotations

import pytest

from footmap.vocab import FEET

NEW_ZONES = [
    ("hypothalamus", "plantar"),
    ("pineal gland", "plantar"),
    ("trapezius", "plantar"),
    ("thymus", "plantar"),
    ("bronchi", "plantar"),
    ("shoulder blade", "dorsal"),
    ("cerebellum and brain stem", "medial"),
    ("urethra", "medial"),
    ("upper back", "dorsal"),
    ("lower back", "dorsal"),
    ("sacro-iliac joint", "plantar"),
    ("rectum", "medial"),
]


def _at(chart, foot, view, x, y):
    """Body area of the zone at (x, y) of the LEFT-foot frame (mirrored for the right foot)."""
    zone = chart.zone_at(foot, view, x if foot == "left" else -x, y)
    return zone.body_area if zone is not None else None


@pytest.mark.parametrize("foot", FEET)
def test_plantar_heel_is_pelvis_crossed_by_the_sciatic_band(chart, foot):
    # middle of the heel: the sciatic band; above and below it: pelvis / lower back
    assert _at(chart, foot, "plantar", 0.0, 27.0) == "sciatic nerve"
    assert _at(chart, foot, "plantar", -2.0, 45.0) == "pelvis and lower back"
    assert _at(chart, foot, "plantar", 0.0, 12.0) == "pelvis and lower back"
    reproductive = [z.id for z in chart.zones_on(foot, "plantar") if z.system == "reproductive"]
    assert reproductive == []
    sciatic = [z for z in chart.zones_on(foot, "plantar") if z.body_area == "sciatic nerve"]
    assert len(sciatic) == 1
    minx, _, maxx, _ = sciatic[0].geometry.bounds
    assert maxx - minx > 40.0  # a band across the heel, not a spot


@pytest.mark.parametrize("foot", FEET)
def test_reproductive_organs_sit_on_the_sides_of_the_heel(chart, foot):
    assert {z.body_area for z in chart.zones_on(foot, "medial")} >= {"uterus or prostate"}
    assert {z.body_area for z in chart.zones_on(foot, "lateral")} >= {"ovary or testis"}
    assert not chart.zones_for("reproductive organs")


@pytest.mark.parametrize(("area", "view"), NEW_ZONES)
def test_added_zones_are_on_both_feet_in_their_view(chart, area, view):
    assert {z.foot for z in chart.zones_for(area) if z.view == view} == {"left", "right"}


@pytest.mark.parametrize("foot", FEET)
def test_added_plantar_zones_sit_where_charts_put_them(chart, foot):
    assert _at(chart, foot, "plantar", 6.0, 185.0) == "bronchi"  # under toes 2-3
    assert _at(chart, foot, "plantar", -10.0, 198.5) == "trapezius"  # just below the toes
    assert _at(chart, foot, "plantar", 16.0, 155.0) == "thymus"  # beside the lungs
    pineal = chart.zones_for("pineal gland")
    pituitary = chart.zones_for("pituitary gland")
    for a, b in zip(
        sorted(pineal, key=lambda z: z.foot), sorted(pituitary, key=lambda z: z.foot), strict=True
    ):
        assert a.foot == b.foot
        assert a.geometry.centroid.y > b.geometry.centroid.y  # just beyond the pituitary
    big_toe = {z.foot: z for z in chart.zones_for("head and brain") if z.view == "plantar"}
    for z in chart.zones_for("hypothalamus"):
        assert z.geometry.centroid.y > 223.0  # on the big toe's pad
        assert z.geometry.distance(big_toe[z.foot].geometry) < 2.0


def test_heart_is_on_the_left_sole_only(chart):
    hearts = chart.zones_for("heart")
    assert [(z.foot, z.view) for z in hearts] == [("left", "plantar")]
    # between the fourth and fifth metatarsals, just below the little toe's base
    assert _at(chart, "left", "plantar", -23.0, 158.0) == "heart"
    assert _at(chart, "right", "plantar", -23.0, 158.0) == "lungs and chest"


@pytest.mark.parametrize(
    ("area", "foot"),
    [
        ("spleen", "left"),
        ("descending colon", "left"),
        ("sigmoid colon", "left"),
        ("liver", "right"),
        ("gallbladder", "right"),
        ("ascending colon", "right"),
        ("appendix and ileocecal valve", "right"),
    ],
)
def test_one_sided_organs_keep_their_side(chart, area, foot):
    assert {z.foot for z in chart.zones_for(area)} == {foot}


@pytest.mark.parametrize(
    ("area", "system"),
    [
        ("breast", "reproductive"),
        ("bronchi", "respiratory"),
        ("thymus", "lymphatic"),
        ("trapezius", "musculoskeletal"),
        ("hypothalamus", "endocrine"),
        ("pineal gland", "endocrine"),
        ("shoulder blade", "musculoskeletal"),
        ("urethra", "urinary"),
        ("sacro-iliac joint", "musculoskeletal"),
        ("upper back", "musculoskeletal"),
        ("lower back", "musculoskeletal"),
        ("sciatic nerve", "nervous"),
        ("pelvis and lower back", "musculoskeletal"),
    ],
)
def test_system_assignments(chart, area, system):
    zones = chart.zones_for(area)
    assert zones, area
    assert {z.system for z in zones} == {system}


def test_no_breast_or_chest_wall_zone_is_called_respiratory(chart):
    for z in chart.zones:
        if "breast" in z.body_area or z.body_area in {"ribs", "upper back", "trapezius"}:
            assert z.system != "respiratory", z.id


def test_every_zone_opens_with_a_placement_citing_only_chart_sources(chart):
    for z in chart.zones:
        assert z.claims[0].kind == "placement", z.id
        for c in z.claims:
            if c.kind == "placement":
                kinds = {chart.source(s).kind for s in c.sources}
                assert kinds == {"chart"}, (z.id, c.text)
                assert not any(s.startswith("doc") for s in c.sources), z.id


@pytest.mark.parametrize(
    ("area", "source"),
    [
        ("heart", "koukouan"),
        ("spleen", "netplaces-spleen"),
        ("sciatic nerve", "sportsrec"),
        ("pelvis and lower back", "reflexologyplus2025"),
        ("ovary or testis", "solidavis-2011"),
        ("trapezius", "koukouan"),
        ("shoulder blade", "koukouan"),
        ("solar plexus", "netplaces-solar-plexus"),
        ("thymus", "healthcare-natural-thymus"),
        ("sacro-iliac joint", "moor-isg"),
    ],
)
def test_placements_cite_the_chart_pages_that_describe_them(chart, area, source):
    placements = [c for z in chart.zones_for(area) for c in z.claims if c.kind == "placement"]
    assert placements
    assert all(source in c.sources for c in placements)


def test_placements_without_a_read_chart_page_say_so(chart):
    for area in ("esophagus", "duodenum"):
        (claim,) = {c for z in chart.zones_for(area) for c in z.claims if c.kind == "placement"}
        assert claim.sources == ("conventional",)
        assert "no chart page read" in claim.text


def test_chart_sources_say_where_they_were_read(chart):
    charts = [s for s in chart.sources if s.kind == "chart"]
    assert len(charts) >= 40
    for s in charts:
        if s.id not in {"conventional", "ingham1938"}:
            assert s.url and s.url.startswith("http"), s.id


def test_at_least_five_documented_disagreements(chart):
    assert len(chart.disagreements) >= 5
    assert {
        "heart-one-or-both-feet",
        "head-crossed-or-same-side",
        "eyes-and-ears",
        "heel-pelvis-or-gonads",
        "thyroid-position",
        "spine-path",
    } <= {d.id for d in chart.disagreements}


def test_each_disagreement_has_variants_from_distinct_chart_or_study_sources(chart):
    zone_ids = {z.id for z in chart.zones}
    for d in chart.disagreements:
        assert len(d.variants) >= 2, d.id
        assert len({frozenset(v.sources) for v in d.variants}) == len(d.variants), d.id
        assert all(v.sources for v in d.variants), d.id
        for v in d.variants:
            assert {chart.source(s).kind for s in v.sources} <= {"chart", "study"}, d.id
        assert set(d.zones) <= zone_ids, d.id
        assert d.topic and len(d.topic) <= 80


def test_disagreements_reach_the_zones_they_name(chart):
    heart = chart.zone("left.plantar.heart")
    assert {d.id for d in chart.disagreements_for(heart)} == {
        "heart-one-or-both-feet",
        "heart-position",
    }
    heel = {d.id for d in chart.disagreements_for("right.plantar.pelvis")}
    assert heel == {"heel-pelvis-or-gonads"}
    assert chart.disagreements_for("left.plantar.small-intestine") == ()


def test_heart_disagreement_cites_both_sides(chart):
    (d,) = [d for d in chart.disagreements if d.id == "heart-one-or-both-feet"]
    cited = [set(v.sources) for v in d.variants]
    assert any("jakuseki" in s for s in cited)  # left foot only
    assert any("marquardt-ch2" in s for s in cited)  # both feet


def test_number_key_stays_in_the_room_reserved_for_it(chart):
    from footmap.export.annotate import figure

    fig = figure(chart)  # both soles on A4: more than 30 numbered zones
    fig.canvas.draw()
    artists = fig.footmap_artists
    assert artists.key is not None
    renderer = fig.canvas.get_renderer()
    key_right = max(t.get_window_extent(renderer).x1 for t in artists.key.get_texts())
    ring = artists.leaders[1]  # the callout circles
    xs = ring.get_transform().transform(ring.get_xydata())[:, 0]
    circle_r = ring.get_markersize() / 72 * fig.dpi / 2
    assert key_right < xs.min() - circle_r


def test_one_label_per_body_area(chart):
    labels: dict[str, set[str]] = {}
    for z in chart.zones:
        labels.setdefault(z.body_area, set()).add(z.label)
    spine = labels.pop("spine")  # the spine's segments are named by segment, the same everywhere
    assert spine == {"Cervical spine", "Thoracic spine", "Lumbar spine", "Sacrum & coccyx"}
    assert {area: names for area, names in labels.items() if len(names) > 1} == {}


def test_no_source_is_uncited_or_listed_as_unreadable(chart):
    cited = {s for z in chart.zones for c in z.claims for s in c.sources}
    cited |= {s for notes in chart.system_notes.values() for c in notes for s in c.sources}
    cited |= {s for c in chart.history for s in c.sources}
    cited |= {s for c in chart.caveats for s in c.sources}
    cited |= {s for d in chart.disagreements for v in d.variants for s in v.sources}
    assert {s.id for s in chart.sources} - cited == set()
    dropped = {"zzszq", "anke-prehn", "chart-360doc", "naturehealth", "reflexology-manual"}
    assert not dropped & {s.id for s in chart.sources}


def test_safety_caveat_says_not_to_diagnose_in_full_and_short(chart):
    from footmap.text import caveat

    for text in (caveat.safety_text(chart), caveat.safety_line(chart)):
        assert "diagnose" in text and "instead of" in text and "treatment" in text
    assert "Ernst 2009" in caveat.safety_text(chart)


@pytest.mark.parametrize("foot", FEET)
def test_spine_divides_at_the_waistline_and_the_kidney_sits_where_the_arch_begins(chart, foot):
    assert _at(chart, foot, "plantar", 23.0, 125.0) == "spine"  # thoracic, first metatarsal
    (thoracic,) = [z for z in chart.zones_on(foot, "plantar") if z.label == "Thoracic spine"]
    assert thoracic.geometry.bounds[1] < 112.0  # runs down to about the waistline
    (kidney,) = [z for z in chart.zones_on(foot, "plantar") if z.body_area == "kidneys"]
    assert kidney.geometry.centroid.y > 112.0


@pytest.mark.parametrize("foot", FEET)
def test_sacro_iliac_joint_sits_between_navicular_and_talus_on_the_sole(chart, foot):
    import footmap

    assert _at(chart, foot, "plantar", 15.0, 89.0) == "sacro-iliac joint"
    (joint,) = [z for z in chart.zones_for("sacro-iliac joint") if z.foot == foot]
    assert joint.view == "plantar"
    bones = {
        s.name
        for s in footmap.load_anatomy().structures
        if (s.foot, s.view, s.kind) == (foot, "plantar", "bone")
        and s.geometry.intersects(joint.geometry)
    }
    assert bones == {"Talus", "Navicular"}  # on the joint line of the two bones
    # the notch it makes in the lumbar spine strip leaves the strip whole
    (lumbar,) = [z for z in chart.zones_on(foot, "plantar") if z.label == "Lumbar spine"]
    assert lumbar.geometry.geom_type == "Polygon"
    assert {d.id for d in chart.disagreements_for(joint)} == {"sacro-iliac-place"}


@pytest.mark.parametrize("foot", FEET)
def test_inner_side_rectum_strip_runs_up_behind_the_shin_above_the_ankle_bone(chart, foot):
    (strip,) = [z for z in chart.zones_on(foot, "medial") if z.body_area == "rectum"]
    # the profiles are one drawing for both feet (heel on the left), not mirrored
    assert chart.zone_at(foot, "medial", 39.0, 110.0) is strip
    minx, miny, maxx, _ = strip.geometry.bounds
    assert miny > 84.5  # above the inner ankle bone (centre y 78, radius 6.5)
    (sciatic,) = [z for z in chart.zones_on(foot, "medial") if z.body_area == "sciatic nerve"]
    assert minx > sciatic.geometry.bounds[2]  # in front of the sciatic strip
    assert maxx < 50.0  # behind the line of the ankle bone's centre, i.e. behind the shin bone
    inner = [c for c in strip.claims if c.kind == "placement" and "yesae-rectum" in c.sources]
    assert len(inner) == 1 and "inner side" in inner[0].text
