"""The bundled chart and the model's lookups: ids, reverse lookup, hit-testing, summary."""

from __future__ import annotations

import json
import re
import sys

import pytest
import shapely

import footmap
from footmap.vocab import FEET, SYSTEMS

REQUIRED_PLANTAR_AREAS = [
    "head and brain", "sinuses", "eyes", "ears", "neck", "thyroid", "lungs and chest",
    "shoulder", "diaphragm", "solar plexus", "stomach", "pancreas", "adrenal glands", "kidneys",
    "ureters", "bladder", "small intestine", "transverse colon", "spine", "sciatic nerve",
    "pelvis and lower back", "trapezius", "bronchi", "thymus", "hypothalamus", "pineal gland",
]  # fmt: skip
LEFT_ONLY = ["heart", "spleen", "descending colon", "sigmoid colon"]
RIGHT_ONLY = ["liver", "gallbladder", "ascending colon", "appendix and ileocecal valve"]


def test_bundled_chart_loads_with_readable_summary(chart):
    text = str(chart)
    assert text.startswith("footmap chart: ")
    assert "left foot:" in text and "right foot:" in text
    assert re.search(r"zones:\s+\d+ in \d+ panels", text)
    assert "caveat:" in text
    assert "footmap.Chart" in repr(chart)


def test_load_is_cached_and_equivalent_to_explicit_path(chart):
    assert footmap.load() is chart
    again = footmap.load(footmap.bundled_path())
    assert again is not chart
    assert [z.id for z in again.zones] == [z.id for z in chart.zones]


@pytest.mark.parametrize("foot", FEET)
def test_each_sole_has_at_least_30_zones(chart, foot):
    assert len(chart.zones_on(foot, "plantar")) >= 30


@pytest.mark.parametrize("area", REQUIRED_PLANTAR_AREAS)
def test_conventional_areas_on_both_soles(chart, area):
    feet = {z.foot for z in chart.zones_for(area) if z.view == "plantar"}
    assert feet == {"left", "right"}, area


@pytest.mark.parametrize(("areas", "foot"), [(LEFT_ONLY, "left"), (RIGHT_ONLY, "right")])
def test_conventional_asymmetries(chart, areas, foot):
    for area in areas:
        zones = [z for z in chart.zones_for(area) if z.view == "plantar"]
        assert zones, area
        assert {z.foot for z in zones} == {foot}, area


def test_spine_runs_along_the_inner_edge_in_segments(chart):
    for foot in FEET:
        spine = [z for z in chart.zones_for("spine") if z.foot == foot and z.view == "plantar"]
        assert len(spine) >= 4
        outline = chart.outline(foot, "plantar").geometry
        cx = outline.centroid.x
        # the inner edge is +x on the left foot (big toe side) and -x on the right
        sign = 1 if foot == "left" else -1
        assert all(sign * (z.geometry.centroid.x - cx) > 0 for z in spine)


def test_every_zone_is_hit_at_its_anchor(chart):
    for z in chart.zones:
        assert z.geometry.contains(shapely.Point(z.anchor)), z.id
        assert chart.zone_at(z.foot, z.view, *z.anchor) is z, z.id


def test_points_outside_the_feet_hit_nothing(chart):
    for foot, view in chart.panels:
        outline = chart.outline(foot, view).geometry
        minx, miny, maxx, maxy = outline.bounds
        for x, y in [(minx - 5, miny - 5), (maxx + 5, maxy + 5), (minx - 50, (miny + maxy) / 2)]:
            assert chart.zone_at(foot, view, x, y) is None
    assert chart.zone_at("left", "no-such-view", 0, 0) is None


def test_reverse_lookup_tolerates_case_and_plural(chart):
    kidneys = chart.zones_for("kidneys")
    assert {z.foot for z in kidneys} == {"left", "right"}
    assert chart.zones_for("Kidney") == kidneys
    assert chart.zones_for("no such organ") == ()
    assert chart.zones_for("") == ()


def test_lookup_by_system_and_search(chart):
    digestive = chart.zones_in_system("digestive")
    assert digestive and all(z.system == "digestive" for z in digestive)
    colon = chart.search("colon")
    assert {z.body_area for z in colon} >= {"transverse colon", "ascending colon"}
    assert chart.search("   ") == ()


def test_lookup_by_id_and_errors(chart):
    z = chart.zone("left.plantar.kidney")
    assert (z.foot, z.view, z.body_area, z.system) == ("left", "plantar", "kidneys", "urinary")
    with pytest.raises(KeyError, match="no zone with id"):
        chart.zone("nope")
    with pytest.raises(KeyError, match="no source"):
        chart.source("nope")
    with pytest.raises(KeyError, match="no left"):
        chart.outline("left", "nowhere")


def test_model_is_immutable(chart):
    z = chart.zones[0]
    with pytest.raises(AttributeError):
        z.label = "changed"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        chart.title = "changed"  # type: ignore[misc]
    with pytest.raises(TypeError):
        chart.system_notes["nervous"] = ()  # type: ignore[index]


def test_sources_cover_the_five_documents_and_the_reviews(chart):
    docs = [s for s in chart.sources if s.kind == "article"]
    assert len(docs) == 5
    assert {s.file[:3] for s in docs} == {"000", "001", "002", "003", "004"}
    assert "Benefits of a Foot Massage" in {s.title for s in docs}
    studies = {s.id for s in chart.sources if s.kind == "study"}
    assert {"ernst2009", "ernst2011", "white2000"} <= studies


def test_caveats_cover_evidence_safety_and_chart(chart):
    kinds = {c.kind for c in chart.caveats}
    assert kinds == {"evidence", "safety", "chart"}
    evidence = " ".join(c.text for c in chart.caveats_of("evidence")).lower()
    assert "evidence" in evidence
    safety = " ".join(c.text for c in chart.caveats_of("safety")).lower()
    for word in ("diabet", "wound", "wart", "surgery", "clot", "fever", "infect"):
        assert word in safety, word


def test_every_zone_has_a_chart_placement_and_claims_read_as_claims(chart):
    hedges = re.compile(
        r"\b(chart|claim|believ|suggest|theor|assign|said|say|practitioner|propos|link"
        r"|according|hold|describ|attribut|argu|credit|tie|say)",
        re.I,
    )
    for z in chart.zones:
        placements = [c for c in z.claims if c.kind == "placement"]
        assert placements, z.id
        assert {chart.source(s).kind for c in placements for s in c.sources} == {"chart"}, z.id
        for c in z.claims:
            if c.kind == "evidence":
                continue  # a published finding about the evidence, not a reflexology claim
            assert hedges.search(c.text), (z.id, c.text)


def test_no_text_copies_the_source_documents(chart, root):
    sys.path.insert(0, str(root / "tools" / "authoring"))
    try:
        from originality import load_seed_texts, shared_runs
    finally:
        sys.path.pop(0)
    seeds_dir = root.parent / "shared" / "seeds"
    if not seeds_dir.is_dir():
        pytest.skip(f"the seed documents are not beside this checkout ({seeds_dir}); CI has them")
    seeds = load_seed_texts(seeds_dir)
    assert len(seeds) == 5, f"expected the five seed documents in {seeds_dir}"
    texts = [c.text for z in chart.zones for c in z.claims]
    texts += [c.text for c in chart.caveats] + [chart.description]
    texts += [c.short for c in chart.caveats if c.short]
    texts += [s.note for s in chart.sources if s.note]
    texts += [v.text for d in chart.disagreements for v in d.variants]
    texts += [d.text for d in chart.disagreements]
    texts += [c.text for notes in chart.system_notes.values() for c in notes]
    texts += [c.text for c in chart.history]
    # a run of 8 or more words shared with a seed text would be copying; the chart keeps under 6
    copied = {t: runs for t in set(texts) if (runs := shared_runs(t, seeds, n=6))}
    assert not copied


def test_schema_vocabulary_matches_the_package(root):
    schema = footmap.schema()
    assert schema["$defs"]["system"]["enum"] == list(SYSTEMS)
    props = schema["$defs"]["feature"]["properties"]["properties"]["properties"]
    assert props["foot"]["enum"] == list(FEET)
    assert props["view"]["enum"] == list(footmap.VIEWS)


def test_committed_geojson_is_hand_editable(root):
    text = (root / "data" / "zones.geojson").read_text("utf-8")
    doc = json.loads(text)
    # rounded to 0.1 mm and every feature's keys in the documented order
    # (numbers in the texts, such as a DOI or a kappa of 0.11, are not coordinates)
    coords = re.findall(r"\[(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)\]", text)
    assert len(coords) > 1000
    assert all(len(n.split(".")[1]) <= 1 for pair in coords for n in pair if "." in n)
    for f in doc["features"]:
        assert list(f)[:2] == ["type", "id"]
        assert list(f["properties"])[:3] == ["role", "foot", "view"]
    assert text.count("\n") > len(doc["features"])  # not one giant line


def test_four_views_of_both_feet(chart):
    assert chart.views == ("plantar", "dorsal", "medial", "lateral")
    assert len(chart.panels) == 8
    for foot, view in chart.panels:
        assert len(chart.zones_on(foot, view)) >= 8, (foot, view)


def test_zones_continuing_across_views_share_one_body_area(chart):
    spine = chart.zones_for("spine")
    assert {(z.foot, z.view) for z in spine} >= {
        ("left", "plantar"), ("right", "plantar"), ("left", "medial"), ("right", "medial")
    }  # fmt: skip
    assert {z.view for z in chart.zones_for("shoulder")} >= {"plantar", "dorsal", "lateral"}
    assert {z.view for z in chart.zones_in_system("lymphatic")} >= {"dorsal", "lateral"}
