"""Every defect gives one ChartError naming the file, the zone and the fault.

The catalogue of bad charts lives in ``tests/data/bad/`` (one file per kind of defect, each the
base chart ``tests/data/good_small.geojson`` with one defect; ``tests/make_bad_charts.py``
writes them). :data:`EXPECTED` says, for every file, which feature the problem must name and
what the message must say. Also: several problems reported together, the cap on their number,
how a feature is named (``footmap.chart._problems``), and ``footmap validate`` on the catalogue.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import make_bad_charts as charts
import pytest
import shapely
import shapely.affinity

import footmap
import footmap.chart._problems
from footmap import Chart, ChartError, Problem

TESTS = Path(__file__).resolve().parents[1]
DATA = TESTS / "data"
BAD = DATA / "bad"
GOOD = DATA / "good_small.geojson"
HOSTILE = DATA / "hostile.geojson"


#: kind (file stem) -> (feature the problem names, or None for the file; regex on the message)
EXPECTED: dict[str, tuple[str | None, str]] = {
    # the file as a whole
    "empty_file": (None, r"^invalid JSON at line 1, column 1: Expecting value$"),
    "invalid_json_syntax": (None, r"^invalid JSON at line 3, column \d+: Expecting ',' delimiter$"),
    "non_utf8_latin1": (None, r"^not UTF-8 text: byte \d+ is 0xe9$"),
    "nan_literal": (None, r"^invalid JSON: NaN is not a number in JSON$"),
    "infinity_literal": (None, r"^invalid JSON: Infinity is not a number in JSON$"),
    "bare_feature": (None, r"^not a GeoJSON FeatureCollection \(type is 'Feature'\)$"),
    "json_list": (None, r"^not a GeoJSON FeatureCollection \(top level is list\)$"),
    "utf16_with_bom": (
        None,
        r"^not UTF-8 text: it is UTF-16 \(starts with a UTF-16 byte-order mark\)$",
    ),
    "duplicate_key": (
        "left.plantar.kidney",
        r"^properties: duplicate key 'label' \(only the last value would be kept\)$",
    ),
    "lone_surrogate": (
        "left.plantar.head",
        r"^properties\.label: holds a lone surrogate \\ud83d at character 4 "
        r"\(not valid Unicode text\)$",
    ),
    "source_note_too_long": (
        None,
        r"^footmap\.sources\.0\.note: 'n{56}\.\.\.: maxLength 2000 not met$",
    ),
    "source_file_too_long": (
        None,
        r"^footmap\.sources\.0\.file: 'f{56}\.\.\.: maxLength 260 not met$",
    ),
    # the footmap metadata
    "missing_footmap_metadata": (None, r"^chart: missing required 'footmap'$"),
    "wrong_schema_version": (None, r"^footmap\.schema_version: must be 2, not 1$"),
    "no_evidence_caveat": (None, r"^footmap\.caveats: must include a caveat of kind 'evidence'$"),
    "unknown_source_in_caveat": (None, r"^caveat 'evidence' cites unknown source 'nosuch2020'$"),
    "duplicate_source_id": (None, r"^footmap\.sources: duplicate source id 'testchart'$"),
    "safety_caveat_cites_chart": (
        None,
        r"^caveat 'safety' \(safety\) cites 'testchart', a chart source; a safety caveat may "
        r"cite only article or study sources$",
    ),
    # provenance: claim kinds against source kinds, disagreements
    "placement_cites_article": (
        "left.plantar.kidney",
        r"^claim 1 'Charts assign the kidneys to this patch of the\.\.\.: placement claim "
        r"cites 'testdoc', an article source; placement claims may cite only chart sources$",
    ),
    "evidence_cites_article": (
        "left.plantar.head",
        r"^claim 2 'Trials found this works\.': evidence claim cites 'testdoc', an article "
        r"source; evidence claims may cite only study sources$",
    ),
    "no_placement_claim": (
        "right.plantar.pelvis",
        r"^has no placement claim \(every zone needs one saying where charts put it\)$",
    ),
    "claim_without_kind": (
        "left.plantar.pelvis",
        r"^properties\.claims\.0: missing required 'kind'$",
    ),
    "unknown_zone_in_disagreement": (
        None,
        r"^disagreement 'head-side': no zone with id 'left\.plantar\.liver'$",
    ),
    "variant_cites_article": (
        None,
        r"^disagreement 'head-side': variant 2 'Crossed\.' cites 'testdoc', an article source; "
        r"variants may cite only chart or study sources$",
    ),
    # feature ids and properties
    "duplicate_ids": ("right.plantar.pelvis", r"^duplicate id \(also used by features\[8\]\)$"),
    "missing_id": ("features[4]", r"^feature: missing required 'id'$"),
    "id_bad_pattern": ("Left Head", r"^id: 'Left Head': pattern '.+' not met$"),
    "id_trailing_newline": ("features[4]", r"^id: 'left\.plantar\.head\\n': pattern '.+' not met$"),
    "missing_body_area": ("left.plantar.kidney", r"^properties: missing required 'body_area'$"),
    "unknown_system": (
        "left.plantar.kidney",
        r"^properties\.system: 'astral' is not one of nervous, sensory, .*, reproductive$",
    ),
    "wrong_foot": (
        "left.plantar.pelvis",
        r"^properties\.foot: 'middle' is not one of left, right$",
    ),
    "wrong_view": (
        "left.plantar.pelvis",
        r"^properties\.view: 'top' is not one of plantar, dorsal, medial, lateral$",
    ),
    "claims_empty": (
        "left.plantar.adrenal",
        r"^properties\.claims: needs at least 1 item\(s\), has 0$",
    ),
    "unknown_source_in_claim": (
        "left.plantar.kidney",
        r"^claim cites unknown source 'nosuch2020'$",
    ),
    # geometry
    "geometry_point": (
        "left.plantar.pelvis",
        r"^geometry\.type: 'Point' is not one of Polygon, MultiPolygon$",
    ),
    "geometry_linestring": (
        "left.plantar.head",
        r"^geometry\.type: 'LineString' is not one of Polygon, MultiPolygon$",
    ),
    "unclosed_ring": (
        "left.plantar.kidney",
        r"^geometry: ring starting at \[-20, 60\] is not closed$",
    ),
    "self_intersecting_ring": (
        "left.plantar.pelvis",
        r"^geometry: invalid \(Self-intersection\[.+\]\)$",
    ),
    "ring_too_few_points": (
        "left.plantar.head",
        r"^geometry\.coordinates\.0: needs at least 4 item\(s\), has 3$",
    ),
    "absurd_coordinates": (
        "left.plantar.pelvis",
        r"^geometry: coordinate \[1000000000000\.0, 40\] is beyond 5000 mm",
    ),
    "empty_geometry": (
        "left.plantar.adrenal",
        r"^geometry\.coordinates: needs at least 1 item\(s\), has 0$",
    ),
    "sliver_zone": (
        "left.plantar.adrenal",
        r"^geometry: area 1e-12 mm\u00b2 is below the minimum of 1 mm\u00b2 "
        r"\(too small to see or point at\)$",
    ),
    "multipolygon_parts_overlap": (
        "left.plantar.outline",
        r"^geometry: invalid \(Self-intersection\[.+\]\)$",
    ),
    # panels: overlaps, containment, outlines
    "overlapping_zones": (
        "left.plantar.kidney",
        r"^overlaps zone 'left\.plantar\.pelvis' by 200\.00 mm\u00b2",
    ),
    "nested_zone_not_a_hole": (
        "right.plantar.kidney",
        r"^overlaps zone 'right\.plantar\.adrenal' by 256\.00 mm\u00b2 .*must be a hole",
    ),
    "zone_outside_outline": (
        "left.plantar.head",
        r"^lies partly outside the left plantar outline \(400\.00 mm\u00b2 outside\)$",
    ),
    "zone_without_outline": ("right.plantar.head", r"^no outline for the right foot, dorsal view$"),
    "two_outlines_for_one_panel": (
        "left.plantar.outline-2",
        r"^extra outline for the left plantar panel \(the first is 'left\.plantar\.outline'\)$",
    ),
}


KINDS = sorted(EXPECTED)


def _problem_text(err: ChartError) -> str:
    return "\n".join(f"{p.zone} | {p.message}" for p in err.problems)


def test_catalogue_matches_table():
    files = {p.stem for p in BAD.glob("*.geojson")}
    assert files == set(EXPECTED), "every bad file needs a row in EXPECTED, and vice versa"
    assert len(files) >= 24


@pytest.mark.parametrize("kind", KINDS)
def test_committed_file_matches_generator(kind):
    content = charts.DEFECTS[kind]()
    data = content if isinstance(content, bytes) else content.encode("utf-8")
    assert (BAD / f"{kind}.geojson").read_bytes() == data, "run tests/make_bad_charts.py"


def test_committed_good_and_hostile_match_generator():
    assert GOOD.read_text("utf-8") == charts.dumps(charts.BASE)
    assert HOSTILE.read_text("utf-8") == charts.dumps(charts.hostile())


def test_good_small_loads():
    chart = footmap.load(GOOD)
    assert isinstance(chart, Chart)
    assert chart.path == GOOD
    assert chart.panels == (("left", "plantar"), ("right", "plantar"))
    assert len(chart.zones) == 8
    assert [s.id for s in chart.sources] == ["testchart", "testdoc", "testreview"]
    assert [s.kind for s in chart.sources] == ["chart", "article", "study"]
    assert chart.zone("left.plantar.head").claims == (
        footmap.Claim("Charts place the head in the big toe.", ("testchart",), "placement"),
    )
    assert chart.disagreements == ()
    assert [c.kind for c in chart.caveats_of("evidence")] == ["evidence"]
    for foot in ("left", "right"):
        kidney = chart.zone(f"{foot}.plantar.kidney").geometry
        adrenal = chart.zone(f"{foot}.plantar.adrenal").geometry
        assert len(kidney.interiors) == 1  # the zone with a hole ...
        assert adrenal.equals(type(adrenal)(kidney.interiors[0]))  # ... that the nested zone fills
        assert chart.outline(foot).geometry.geom_type == "MultiPolygon"  # sole + toe
        head = chart.zone(f"{foot}.plantar.head")
        assert chart.zone_at(foot, "plantar", *head.anchor) is head
    # the right foot is the mirror image of the left
    for slug in ("head", "kidney", "adrenal", "pelvis"):
        left = chart.zone(f"left.plantar.{slug}").geometry
        right = chart.zone(f"right.plantar.{slug}").geometry
        assert right.equals(shapely.affinity.scale(left, xfact=-1, origin=(0, 0))), slug


def test_hostile_text_is_data():
    chart = footmap.load(HOSTILE)
    assert chart.title == "<script>alert(1)</script>"
    labels = {z.label for z in chart.zones}
    assert "<img src=x onerror=alert(1)>" in labels
    assert any("\u0007" in z.label and "\u202e" in z.label for z in chart.zones)
    text = " ".join(c.text for z in chart.zones for c in z.claims)
    for needle in ("]]>", "&amp;", '"quoted"', "\u0000", "\u202e", "${jinja}"):
        assert needle in text
    assert chart.source("testchart").title == "<script>alert(1)</script>"
    (d,) = chart.disagreements
    assert (d.topic, d.text) == ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>")
    assert d.variants[0] == footmap.Claim(charts.HOSTILE_TEXT[3], ("testchart",), "placement")


@pytest.mark.parametrize("kind", KINDS)
def test_bad_chart(kind):
    path = BAD / f"{kind}.geojson"
    zone, pattern = EXPECTED[kind]
    with pytest.raises(ChartError) as info:
        footmap.load(path)
    err = info.value
    assert type(err) is ChartError
    assert len(err.problems) == 1, _problem_text(err)  # one defect, one problem: no cascades
    (problem,) = err.problems
    assert isinstance(problem, Problem)
    assert problem.file == str(path)
    assert problem.zone == zone, _problem_text(err)
    assert re.search(pattern, problem.message), _problem_text(err)
    message = str(err)
    assert str(path) in message
    if zone is not None:
        assert f"{path}: {zone}: " in message


@pytest.mark.parametrize("kind", KINDS)
def test_bad_chart_from_text_names_the_given_name(kind):
    data = (BAD / f"{kind}.geojson").read_bytes()
    with pytest.raises(ChartError) as info:
        footmap.loads(data, name="chart-under-test")
    assert {p.file for p in info.value.problems} == {"chart-under-test"}
    assert re.search(EXPECTED[kind][1], info.value.problems[0].message)


def test_several_defects_are_reported_together(tmp_path):
    doc = charts.base()
    f = {feat["id"]: feat for feat in doc["features"]}
    f["left.plantar.kidney"]["properties"]["system"] = "astral"
    f["right.plantar.kidney"]["geometry"]["coordinates"][0].pop()
    f["left.plantar.head"]["geometry"]["coordinates"] = [charts._box(50, 210, 70, 230)]
    f["right.plantar.head"]["id"] = "right.plantar.pelvis"
    del f["left.plantar.adrenal"]["properties"]["claims"][0]["sources"][0]
    doc["footmap"]["caveats"][1]["sources"] = ["nosuch2020"]
    f["right.plantar.adrenal"]["properties"]["claims"][0]["sources"] = ["testreview"]
    doc["footmap"]["disagreements"] = [charts._disagreement(["left.plantar.toe"])]
    path = tmp_path / "many.geojson"
    path.write_text(json.dumps(doc), encoding="utf-8")
    expected = {
        ("left.plantar.kidney", r"^properties\.system: 'astral' is not one of"),
        ("right.plantar.kidney", r"^geometry: ring starting at \[20, 60\] is not closed$"),
        ("left.plantar.head", r"^lies partly outside the left plantar outline"),
        ("right.plantar.pelvis", r"^duplicate id \(also used by features\[8\]\)$"),
        (
            "left.plantar.adrenal",
            r"^properties\.claims\.0\.sources: needs at least 1 item\(s\), has 0$",
        ),
        (None, r"^caveat 'chart' cites unknown source 'nosuch2020'$"),
        (
            "right.plantar.adrenal",
            r"^claim 1 'The adrenal point is claimed to sit in the mid\.\.\.: placement claim "
            r"cites 'testreview', a study source; placement claims may cite only chart sources$",
        ),
        (None, r"^disagreement 'head-side': no zone with id 'left\.plantar\.toe'$"),
    }
    with pytest.raises(ChartError) as info:
        footmap.load(path)
    problems = info.value.problems
    assert len(problems) == len(expected), _problem_text(info.value)
    for zone, pattern in expected:
        hits = [p for p in problems if p.zone == zone and re.search(pattern, p.message)]
        assert len(hits) == 1, (zone, pattern, _problem_text(info.value))
    assert all(p.file == str(path) for p in problems)
    assert str(info.value).startswith(f"{len(expected)} problem(s) in {path}:")


def test_problem_list_is_capped():
    doc = charts.base()
    for feat in doc["features"]:
        feat["properties"]["foot"] = "middle"
    doc["features"] = doc["features"] * 30  # 300 features, each with a bad foot
    with pytest.raises(ChartError) as info:
        footmap.loads(json.dumps(doc))
    problems = info.value.problems
    assert len(problems) == footmap.chart._problems.MAX_PROBLEMS + 1
    assert problems[-1].message == "... and more: checking stopped after 200 problems"


CLI_FILES = ["invalid_json_syntax", "non_utf8_latin1", "overlapping_zones"]


@pytest.mark.parametrize("kind", KINDS)
def test_cli_validate_bad(kind, capsys):
    from footmap.cli import main

    path = BAD / f"{kind}.geojson"
    assert main(["validate", str(path)]) == 1
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert str(path) in out + err
    with pytest.raises(ChartError) as info:
        footmap.load(path)
    for problem in info.value.problems:  # the CLI shows every problem load() finds
        if problem.zone is not None:
            assert problem.zone in out + err
        assert problem.message in out + err


def test_cli_validate_good(capsys):
    from footmap.cli import main

    assert main(["validate", str(GOOD)]) == 0
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err


@pytest.mark.parametrize("kind", CLI_FILES)
def test_python_m_footmap_validate(kind):
    path = BAD / f"{kind}.geojson"
    proc = subprocess.run(
        [sys.executable, "-m", "footmap", "validate", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr
    output = proc.stdout + proc.stderr
    assert str(path) in output
    zone, _ = EXPECTED[kind]
    if zone is not None:
        assert zone in output


def test_problems_past_the_cap_are_counted():
    doc = charts.base()
    pelvis = charts.feature(doc, "left.plantar.pelvis")
    for i in range(300):  # 300 zones whose rings are not closed: schema-valid, all counted
        f = json.loads(json.dumps(pelvis))
        f["id"] = f"left.plantar.open{i:03d}"
        f["geometry"]["coordinates"][0].pop()
        doc["features"].append(f)
    with pytest.raises(ChartError) as info:
        footmap.loads(json.dumps(doc))
    problems = info.value.problems
    assert len(problems) == footmap.chart._problems.MAX_PROBLEMS + 1
    assert problems[-1].message == "... and 100 more"
    assert problems[0].message == "geometry: ring starting at [-30, 10] is not closed"


def _problems_of(doc) -> list[tuple[str | None, str]]:
    with pytest.raises(ChartError) as info:
        footmap.loads(json.dumps(doc))
    return [(p.zone, p.message) for p in info.value.problems]


def test_a_malformed_caveat_or_feature_does_not_hide_the_next_ones_problems():
    doc = charts.base()
    del doc["footmap"]["caveats"][1]["sources"]
    assert _problems_of(doc) == [(None, "footmap.caveats.1: missing required 'sources'")]
    doc = charts.base()
    doc["footmap"]["caveats"][1]["sources"] = "testchart"
    doc["footmap"]["caveats"].append(
        {"id": "extra", "kind": "chart", "text": "More.", "sources": ["nosuch2020"]}
    )
    assert _problems_of(doc) == [
        (None, "footmap.caveats.1.sources: must be of type array, not str"),
        (None, "caveat 'extra' cites unknown source 'nosuch2020'"),
    ]
    doc = charts.base()
    charts.feature(doc, "left.plantar.head")["properties"]["claims"][0]["sources"] += ["nosuch2020"]
    doc["features"].insert(1, 7)
    assert _problems_of(doc) == [
        ("features[1]", "feature: must be of type object, not int"),
        ("left.plantar.head", "claim cites unknown source 'nosuch2020'"),
    ]


def test_short_quotes_a_value_of_exactly_the_limit_whole():
    from footmap.chart._problems import _short

    assert _short("a" * 58) == "'" + "a" * 58 + "'"  # 60 characters with its quotes
    assert _short("a" * 59) == "'" + "a" * 56 + "..."  # 61: cut to 60
    assert _short([1, 2], limit=6) == "[1, 2]"
    assert _short([1, 2, 3], limit=6) == "[1,..."


def test_a_feature_is_named_by_an_id_of_up_to_80_printable_characters():
    from footmap.chart._problems import _feature_name

    features = [{"id": "a" * 80}, {"id": "b" * 81}, {"id": "tab\there"}, {"id": ""}, {}, 5]
    assert [_feature_name(features, i) for i in range(7)] == [
        "a" * 80,
        "features[1]",
        "features[2]",
        "features[3]",
        "features[4]",
        "features[5]",
        "features[6]",  # past the end
    ]
