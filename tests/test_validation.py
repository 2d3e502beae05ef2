"""Loading bad charts: every defect gives one ChartError naming the file, the zone and the fault.

The catalogue of bad charts lives in ``tests/data/bad/`` (one file per kind of defect, each the
base chart ``tests/data/good_small.geojson`` with one defect; ``tests/make_bad_charts.py``
writes them).  :data:`EXPECTED` says, for every file, which feature the problem must name and
what the message must say.
"""

from __future__ import annotations

import copy
import json
import math
import re
import subprocess
import sys
from pathlib import Path

import make_bad_charts as charts
import numpy as np
import pytest
import shapely
import shapely.affinity
import synthetic

import footmap
import footmap.chart._geometry
import footmap.chart._problems
import footmap.chart._read
import footmap.chart._schema
from footmap import Chart, ChartError, Problem

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
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


# -- the catalogue itself --------------------------------------------------------------------
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


# -- the base chart loads --------------------------------------------------------------------
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


def test_the_chart_keeps_its_metadata():
    chart = footmap.load(GOOD)
    assert (chart.title, chart.units) == ("footmap test chart (small)", "mm")
    assert chart.description == (
        "A tiny chart for footmap's own tests. It is not a real reflexology chart."
    )
    assert chart.frame == (
        "Millimetres, one frame per panel: x to the right of the page, y up the page, origin at "
        "the back of the heel; toes towards +y."
    )
    assert chart.orientation == (
        "Soles seen from above through the foot: the left foot has its big toe on the +x side, "
        "the right foot is its mirror image."
    )
    assert chart.path == GOOD


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


# -- each bad chart ----------------------------------------------------------------------------
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


# -- files that cannot be read -----------------------------------------------------------------
def test_missing_file(tmp_path):
    path = tmp_path / "missing.geojson"
    with pytest.raises(ChartError) as info:
        footmap.load(path)
    assert [(p.file, p.zone, p.message) for p in info.value.problems] == [
        (str(path), None, "no such file")
    ]


def test_missing_file_relative_name(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ChartError, match=r"missing\.geojson: no such file"):
        footmap.load("missing.geojson")


def test_a_symlink_loop_cannot_be_read(tmp_path):
    path = tmp_path / "loop.geojson"
    path.symlink_to(path)
    with pytest.raises(ChartError) as info:
        footmap.load(path)
    assert [(p.file, p.zone, p.message) for p in info.value.problems] == [
        (str(path), None, "cannot read: Too many levels of symbolic links")
    ]


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (PermissionError(13, "Permission denied"), "permission denied"),
        (RuntimeError("Symlink loop from '/x'"), "cannot read: Symlink loop from '/x'"),
        (OSError(5, "Input/output error"), "cannot read: Input/output error"),
    ],
)
def test_a_file_that_cannot_be_read_is_named(tmp_path, monkeypatch, error, message):
    """Root reads any file, so the failures are made by hand (in _read_capped)."""

    def fail(*args):
        raise error

    monkeypatch.setattr(footmap.chart.loader, "_read_capped", fail)
    with pytest.raises(ChartError) as info:
        footmap.load(GOOD)
    assert [(p.file, p.zone, p.message) for p in info.value.problems] == [
        (str(GOOD), None, message)
    ]


def test_the_bundled_chart_loads_with_other_limits():
    chart = footmap.load(None, max_zones=19_999)
    assert chart.path == HERE.parent / "data" / "zones.geojson"
    assert chart is not footmap.load()  # not the cached one


def test_directory(tmp_path):
    with pytest.raises(ChartError) as info:
        footmap.load(tmp_path)
    (problem,) = info.value.problems
    assert problem.file == str(tmp_path)
    assert problem.message == "is a directory, not a chart file"


def test_deeply_nested_lists(tmp_path):
    path = tmp_path / "nested.geojson"
    path.write_bytes(charts.deeply_nested(100_000))
    with pytest.raises(ChartError) as info:
        footmap.load(path)
    assert [(p.zone, p.message) for p in info.value.problems] == [
        (None, "JSON is nested too deeply")
    ]


def test_deeply_nested_objects():
    text = '{"a": ' * 100_000 + "1" + "}" * 100_000
    with pytest.raises(ChartError, match="JSON is nested too deeply"):
        footmap.loads(text)


@pytest.mark.parametrize("where", ["geometry.type", "coordinate", "label", "source id"])
def test_nested_but_parseable_values(where):
    # deep enough to stress repr/schema code, shallow enough for the JSON parser
    doc = charts.base()
    feat = doc["features"][3]
    marker = "@@NEST@@"
    if where == "geometry.type":
        feat["geometry"]["type"] = marker
    elif where == "coordinate":
        feat["geometry"]["coordinates"][0][1] = marker
    elif where == "label":
        feat["properties"]["label"] = marker
    else:
        doc["footmap"]["sources"][0]["id"] = marker
    text = json.dumps(doc).replace(f'"{marker}"', "[" * 500 + "]" * 500)
    with pytest.raises(ChartError) as info:
        footmap.loads(text)
    zones = {p.zone for p in info.value.problems}
    assert zones == ({None} if where == "source id" else {"left.plantar.pelvis"})


# -- size limits -------------------------------------------------------------------------------
def test_100_mb_file_is_refused_without_reading_it(tmp_path, monkeypatch):
    path = tmp_path / "huge.geojson"
    size = 100 * 1024 * 1024
    head = charts.padded(0)
    with path.open("wb") as fh:  # a valid chart padded with whitespace to 100 MB
        fh.write(head)
        chunk = b" " * (1024 * 1024)
        for _ in range((size - len(head)) // len(chunk)):
            fh.write(chunk)
        fh.write(b" " * ((size - len(head)) % len(chunk)))
    assert path.stat().st_size == size

    def no_reading(self, *args, **kwargs):
        raise AssertionError("a file over the limit must be refused before it is read")

    monkeypatch.setattr(Path, "read_bytes", no_reading)
    monkeypatch.setattr(Path, "read_text", no_reading)
    monkeypatch.setattr(Path, "open", no_reading)
    with pytest.raises(ChartError) as info:
        footmap.load(path)
    (problem,) = info.value.problems
    assert problem.file == str(path)
    assert problem.message == (
        f"file is {size:,} bytes; the limit is {footmap.chart.loader.DEFAULT_MAX_BYTES:,} bytes"
    )


def test_100_mb_of_whitespace_padding_is_refused_by_loads():
    data = charts.padded(100 * 1024 * 1024)
    with pytest.raises(ChartError, match=r"104,857,600 bytes; the limit is 33,554,432"):
        footmap.loads(data)
    with pytest.raises(ChartError, match=r"over 33,554,432 bytes"):
        footmap.loads(data.decode("ascii"))


def test_padding_below_the_limit_is_fine():
    assert isinstance(footmap.loads(charts.padded(200_000)), Chart)


def test_max_bytes_is_configurable(tmp_path):
    size = GOOD.stat().st_size
    assert isinstance(footmap.load(GOOD, max_bytes=size), Chart)
    with pytest.raises(ChartError) as info:
        footmap.load(GOOD, max_bytes=size - 1)
    (problem,) = info.value.problems
    assert problem.message == f"file is {size:,} bytes; the limit is {size - 1:,} bytes"
    with pytest.raises(ChartError, match=f"the limit is {size - 1:,}"):
        footmap.loads(GOOD.read_bytes(), max_bytes=size - 1)


def test_max_zones_is_configurable():
    assert len(footmap.load(GOOD, max_zones=8).zones) == 8
    with pytest.raises(ChartError) as info:
        footmap.load(GOOD, max_zones=7)
    (problem,) = info.value.problems
    assert (problem.zone, problem.message) == (
        None,
        "chart has more than 7 zones (the configured limit)",
    )


def test_synthetic_chart_loads_and_respects_max_zones():
    text = json.dumps(synthetic.synthetic_chart(150))
    chart = footmap.loads(text)
    assert len(chart.zones) == 150
    assert chart.zone_at("left", "plantar", 1.0, 1.0).id == "left.plantar.z000000"
    with pytest.raises(ChartError, match="more than 149 zones"):
        footmap.loads(text, max_zones=149)


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


# -- the command line ----------------------------------------------------------------------------
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


# -- bounded work on hostile inputs (generated here: too big to commit) ---------------------------
def _only(err: ChartError) -> tuple[str | None, str]:
    (problem,) = err.problems
    return problem.zone, problem.message


@pytest.mark.slow
def test_a_million_zeros_is_refused_on_the_feature_count_with_bounded_memory():
    import tracemalloc

    text = '{"type":"FeatureCollection","features":[' + ",".join(["0"] * 1_000_000) + "]}"
    tracemalloc.start()
    try:
        with pytest.raises(ChartError) as info:
            footmap.loads(text)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert _only(info.value) == (
        None,
        "chart has 1,000,000 features; the limit is 20,008 (20,000 zones and 8 outlines)",
    )
    assert peak < 300 * 1024 * 1024  # a generous bound: it took 2.8 GB before the count


def test_more_features_than_zones_and_outlines_allow_is_refused():
    """The in-process twin of the million zeros (which mutation testing leaves out: slow)."""
    with pytest.raises(ChartError) as info:
        footmap.loads(
            '{"type": "FeatureCollection", "features": [' + "0, " * 10 + "0]}", max_zones=2
        )
    assert _only(info.value) == (
        None,
        "chart has 11 features; the limit is 10 (2 zones and 8 outlines)",
    )
    with pytest.raises(ChartError) as info:  # ten are allowed: the schema speaks instead
        footmap.loads(
            '{"type": "FeatureCollection", "features": [' + "0, " * 9 + "0]}", max_zones=2
        )
    assert info.value.problems[0].message == "chart: missing required 'footmap'"


def test_16_million_zeros_under_the_size_limit_are_refused_before_parsing(monkeypatch):
    text = '{"type":"FeatureCollection","features":[' + ",".join(["0"] * 16_000_000) + "]}"
    assert len(text) < footmap.chart.loader.DEFAULT_MAX_BYTES

    def no_parsing(*args, **kwargs):
        raise AssertionError("counted before parsing")

    monkeypatch.setattr(footmap.chart._read.json, "loads", no_parsing)
    with pytest.raises(ChartError) as info:
        footmap.loads(text)
    assert _only(info.value) == (None, "holds 16,000,000 JSON values; the limit is 5,000,000")


@pytest.mark.parametrize("as_bytes", [False, True])  # bytes are counted, not their text
@pytest.mark.parametrize(
    ("unit", "count", "message"),
    [
        ("{}", 1_100_000, "holds 1,100,001 JSON objects; the limit is 1,000,000"),
        ("[]", 3_100_000, "holds 3,100,001 JSON arrays; the limit is 3,000,000"),
        ('"ab"', 2_100_000, "holds 2,100,003 JSON strings; the limit is 2,000,000"),
        ("0", 5_100_000, "holds 5,100,000 JSON values; the limit is 5,000,000"),
    ],
)
def test_structure_is_counted_before_parsing(unit, count, message, as_bytes):
    text = '{"type":"FeatureCollection","features":[' + ",".join([unit] * count) + "]}"
    with pytest.raises(ChartError) as info:
        footmap.loads(text.encode() if as_bytes else text)
    assert _only(info.value) == (None, message)


@pytest.mark.parametrize("as_bytes", [False, True])
def test_escaped_quotes_are_not_counted_as_strings(as_bytes):
    """1.5 million strings of two escaped quotes: 6 million quotes, 1.5 million strings."""
    strings = ",".join(['"\\"\\""'] * 1_500_000)
    text = '{"type":"FeatureCollection","features":[],"x":[' + strings + "]}"
    with pytest.raises(ChartError) as info:
        footmap.loads(text.encode() if as_bytes else text)
    assert [p.message for p in info.value.problems] == [
        "chart: missing required 'footmap'",
        "features: needs at least 1 item(s), has 0",
    ]


def test_unknown_members_with_many_brackets_still_load():
    doc = charts.base()
    doc["footmap"]["extra"] = "{[,]}" * 1_100_000  # brackets in a string: not structure
    chart = footmap.loads(json.dumps(doc))
    assert len(chart.zones) == 8


def test_more_zones_than_allowed_is_refused_before_the_schema(monkeypatch):
    doc = charts.base()
    zone = charts.feature(doc, "left.plantar.head")
    doc["features"] += [dict(zone, id=f"z{i}") for i in range(20)]

    def no_schema(*args, **kwargs):
        raise AssertionError("the zone count comes first")

    monkeypatch.setattr(footmap.chart.loader, "_check_schema", no_schema)
    with pytest.raises(ChartError) as info:
        footmap.loads(json.dumps(doc), max_zones=27)
    assert _only(info.value) == (None, "chart has more than 27 zones (the configured limit)")


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


def test_schema_checking_stops_at_the_cap(monkeypatch):
    doc = charts.base()
    doc["features"] += [{"type": "Feature"}] * 5000
    calls = []
    original = footmap.chart._schema._feature_validator

    def counting():
        calls.append(1)
        return original()

    monkeypatch.setattr(footmap.chart._schema, "_feature_validator", counting)
    with pytest.raises(ChartError) as info:
        footmap.loads(json.dumps(doc))
    assert info.value.problems[-1].message == "... and more: checking stopped after 200 problems"
    assert len(calls) < 300  # not 5000: the bad features after the cap are not checked


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


# -- what load() reads, and its arguments ----------------------------------------------------------
def test_a_fifo_is_refused_without_hanging(tmp_path):
    import os

    fifo = tmp_path / "x.geojson"
    os.mkfifo(fifo)  # no writer: opening it for reading would block
    with pytest.raises(ChartError) as info:
        footmap.load(fifo)
    assert _only(info.value) == (None, "is a pipe (FIFO), not a chart file")


def test_a_device_is_refused():
    with pytest.raises(ChartError) as info:
        footmap.load("/dev/zero")
    assert _only(info.value) == (None, "is a character device, not a chart file")


def test_a_file_growing_past_the_limit_is_read_no_further(tmp_path, monkeypatch):
    path = tmp_path / "c.geojson"
    path.write_bytes(GOOD.read_bytes())
    size = path.stat().st_size

    def shrunk_stat(self, *args, **kwargs):  # the size checked before opening: small
        st = real_stat(self, *args, **kwargs)
        return type(st)((st[0], *st[1:6], 10, *st[7:]))

    real_stat = Path.stat
    monkeypatch.setattr(Path, "stat", shrunk_stat)
    with pytest.raises(ChartError) as info:
        footmap.load(path, max_bytes=size - 1)
    assert _only(info.value) == (
        None,
        f"file is over {size - 1:,} bytes; the limit is {size - 1:,} bytes",
    )


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: footmap.load("a\0b.geojson"), "not a usable path: it contains a NUL character"),
        (lambda: footmap.load(123), "a chart path is a str or path, not int"),
        (lambda: footmap.load(b"data/zones.geojson"), "a chart path is a str or path, not bytes"),
        (lambda: footmap.loads(None), "chart data must be str or bytes, not NoneType"),
        (lambda: footmap.loads(12.5), "chart data must be str or bytes, not float"),
        (
            lambda: footmap.load(GOOD, max_zones="x"),
            "max_zones must be a whole number of at least 1, not 'x'",
        ),
        (
            lambda: footmap.load(GOOD, max_bytes=True),
            "max_bytes must be a whole number of at least 1, not True",
        ),
        (
            lambda: footmap.loads("{}", max_zones=0),
            "max_zones must be a whole number of at least 1, not 0",
        ),
    ],
)
def test_bad_arguments_raise_chart_error(call, message):
    with pytest.raises(ChartError) as info:
        call()
    assert _only(info.value)[1] == message
    assert isinstance(info.value, footmap.FootmapError)


def test_a_bom_is_ignored_everywhere(tmp_path):
    text = GOOD.read_text("utf-8")
    path = tmp_path / "bom.geojson"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    for chart in (
        footmap.loads("\ufeff" + text),
        footmap.loads(b"\xef\xbb\xbf" + text.encode("utf-8")),
        footmap.load(path),
    ):
        assert len(chart.zones) == 8


def test_a_raw_lone_surrogate_in_text_is_reported_where_it_is():
    doc = charts.base()
    doc["footmap"]["title"] = "\udc00 title"
    with pytest.raises(ChartError) as info:
        footmap.loads(json.dumps(doc, ensure_ascii=False))
    assert _only(info.value) == (
        None,
        "footmap.title: holds a lone surrogate \\udc00 at character 0 (not valid Unicode text)",
    )


@pytest.mark.parametrize("as_bytes", [False, True])
def test_an_escaped_lone_surrogate_is_reported_where_it_is(as_bytes):
    """ASCII text or UTF-8 bytes can hold a lone surrogate only as an escape: still found."""
    doc = charts.base()
    doc["footmap"]["title"] = "\udc00 title"
    text = json.dumps(doc)  # ensure_ascii: written \\udc00
    assert text.isascii()
    with pytest.raises(ChartError) as info:
        footmap.loads(text.encode() if as_bytes else text)
    assert _only(info.value) == (
        None,
        "footmap.title: holds a lone surrogate \\udc00 at character 0 (not valid Unicode text)",
    )


def test_a_surrogate_pair_is_one_character_and_fine():
    doc = charts.base()
    charts.feature(doc, "left.plantar.head")["properties"]["label"] = "Head \U0001f9b6"
    chart = footmap.loads(json.dumps(doc))  # ensure_ascii writes the pair \\ud83e\\uddb6
    assert chart.zone("left.plantar.head").label == "Head \U0001f9b6"


def test_duplicate_keys_in_the_metadata_name_their_place():
    text = GOOD.read_text("utf-8").replace('"units": "mm",', '"units": "mm", "units": "mm",', 1)
    with pytest.raises(ChartError) as info:
        footmap.loads(text)
    assert _only(info.value) == (
        None,
        "footmap: duplicate key 'units' (only the last value would be kept)",
    )


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


# -- the loader's parts, each with literal expectations ----------------------------------------
def test_the_quick_schema_check_is_on_for_the_shipped_schema():
    """The schema parts the quick check mirrors hash to the recorded digest (so it is used)."""
    from footmap.chart import _schema as schemaerrors

    assert schemaerrors._feature_defs_digest() == (
        "bfc1c723cbcea2ce941ebfd711dc32e410c91508e7427eb369fbd10adf62c205"
    )
    assert schemaerrors._fast_rules()["foot"] == ["left", "right"]


@pytest.mark.parametrize(
    ("schema", "digest"),
    [
        ({"$defs": {}}, ""),  # no features: a KeyError
        ({"properties": {"features": 1}, "$defs": []}, ""),  # $defs not a mapping: a TypeError
        (
            {"properties": {"features": {"b": 1, "a": 2}},
             "$defs": dict.fromkeys(footmap.chart._schema._FEATURE_DEFS, 0)},
            # sha256 of '[{"a": 2, "b": 1}, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]' (keys sorted)
            "fb67bf0801697801e0ab6e752eabe995afe1c27a82fa52ad32d2394850aa6ee5",
        ),
    ],
)  # fmt: skip
def test_the_feature_defs_digest_of_other_schemas(monkeypatch, schema, digest):
    from footmap.chart import _schema as schemaerrors

    monkeypatch.setattr(schemaerrors, "schema", lambda: schema)
    assert schemaerrors._feature_defs_digest() == digest


def test_the_bundled_chart_is_found_as_package_data_then_in_the_checkout(tmp_path, monkeypatch):
    import types

    from footmap.chart import loader as io

    root = Path(io.__file__).resolve().parents[2]
    package = tmp_path / "package"
    monkeypatch.setattr(io, "resources", types.SimpleNamespace(files={"footmap": package}.get))
    # no package data (a source checkout): the repository's data/zones.geojson
    assert io.bundled_path() == root / "data" / "zones.geojson"
    # an installed wheel: footmap/data/zones.geojson
    (package / "data").mkdir(parents=True)
    (package / "data" / "zones.geojson").write_text("{}")
    assert io.bundled_path() == package / "data" / "zones.geojson"


def test_a_missing_bundled_chart_is_a_footmap_error(tmp_path, monkeypatch):
    import types

    from footmap.chart import loader as io

    monkeypatch.setattr(io, "resources", types.SimpleNamespace(files={"footmap": tmp_path}.get))
    monkeypatch.setattr(io, "__file__", str(tmp_path / "site" / "footmap" / "chart" / "loader.py"))
    with pytest.raises(footmap.FootmapError) as info:
        io.bundled_path()
    assert str(info.value) == (
        f"the bundled chart is missing (looked for {tmp_path}/data/zones.geojson and "
        f"{tmp_path}/site/data/zones.geojson); reinstall footmap"
    )


def test_a_chart_caveat_citing_an_article_names_the_three_kinds_it_may_cite():
    doc = charts.base()
    doc["footmap"]["caveats"][1]["sources"] = ["testdoc"]  # the chart caveat
    with pytest.raises(ChartError) as info:
        footmap.loads(json.dumps(doc))
    assert _only(info.value) == (
        None,
        "caveat 'chart' (chart) cites 'testdoc', an article source; a chart caveat may cite "
        "only chart, history or study sources",
    )


@pytest.mark.parametrize(
    ("mode", "kind"),
    [
        (0o010644, "a pipe (FIFO)"),
        (0o020644, "a character device"),
        (0o060644, "a block device"),
        (0o140644, "a socket"),
        (0o120777, "not a regular file"),  # a symbolic link
    ],
)
def test_file_kinds_are_named(mode, kind):
    assert footmap.chart._read._file_kind(mode) == kind


def test_a_socket_is_refused(tmp_path):
    import socket

    path = tmp_path / "s.geojson"
    with socket.socket(socket.AF_UNIX) as s:
        s.bind(str(path))
        with pytest.raises(ChartError) as info:
            footmap.load(path)
    assert _only(info.value) == (None, "is a socket, not a chart file")


def test_schema_errors_are_listed_by_path():
    from footmap.chart._schema import _schema_errors

    assert _schema_errors(charts.base()) == []
    doc = charts.base()
    del doc["footmap"]["title"]
    charts.feature(doc, "left.plantar.kidney")["properties"]["system"] = "astral"
    charts.feature(doc, "left.plantar.head")["properties"]["foot"] = "middle"
    pelvis = charts.feature(doc, "left.plantar.pelvis")["properties"]
    del pelvis["label"], pelvis["body_area"]  # two errors of one path
    found = [(path, err.validator, err.message) for path, err in _schema_errors(doc)]
    assert found == [
        (
            ["features", 1, "properties", "system"],
            "enum",
            "'astral' is not one of ['nervous', 'sensory', 'endocrine', 'respiratory', "
            "'cardiovascular', 'digestive', 'urinary', 'lymphatic', 'musculoskeletal', "
            "'reproductive']",
        ),
        (["features", 3, "properties"], "required", "'label' is a required property"),
        (["features", 3, "properties"], "required", "'body_area' is a required property"),
        (["features", 4, "properties", "foot"], "enum", "'middle' is not one of ['left', 'right']"),
        (["footmap"], "required", "'title' is a required property"),
    ]


def test_claims_citing_the_same_sources_are_each_checked_for_their_kind():
    """The loader checks each (kind, sources) once: one source, two kinds, two answers."""
    doc = synthetic.synthetic_chart(2)
    review = {"kind": "evidence", "text": "A review found this.", "sources": ["synthreview"]}
    placed = {"kind": "placement", "text": "Placed by a review.", "sources": ["synthreview"]}
    unknown = {"kind": "placement", "text": "Placed by nobody.", "sources": ["nosuch", "nosuch"]}
    doc["features"][1]["properties"]["claims"] += [review, placed, unknown]
    doc["features"][2]["properties"]["claims"] += [review, placed]
    with pytest.raises(ChartError) as info:
        footmap.loads(json.dumps(doc))
    kind = (
        "placement claim cites 'synthreview', a study source; placement claims may cite "
        "only chart sources"
    )
    assert [(p.zone, p.message) for p in info.value.problems] == [
        ("left.plantar.z000000", "claim cites unknown source 'nosuch'"),
        ("left.plantar.z000000", "claim cites unknown source 'nosuch'"),
        ("left.plantar.z000000", f"claim 3 'Placed by a review.': {kind}"),
        ("left.plantar.z000001", f"claim 3 'Placed by a review.': {kind}"),
    ]


@pytest.mark.parametrize(
    ("call", "file"),
    [
        (lambda: footmap.load(123), "123"),
        (lambda: footmap.load(max_zones=0), "<bundled chart>"),
        (lambda: footmap.load(GOOD, max_bytes=0), str(GOOD)),
        (lambda: footmap.loads("{}", name="mine", max_bytes=0), "mine"),
    ],
)
def test_a_bad_argument_names_the_chart_it_was_for(call, file):
    with pytest.raises(ChartError) as info:
        call()
    (problem,) = info.value.problems
    assert problem.file == file


def test_duplicate_keys_and_lone_surrogates_are_listed_in_document_order():
    text = json.dumps(charts.base())
    text = text.replace('"units": "mm",', '"units": "mm", "units": "mm",', 1)
    text = text.replace('"label": "Head"', '"label": "Head", "label": "Head"', 1)
    text = text.replace(
        '"body_area": "kidneys"', '"body_area": "kidneys", "x\\udc00y": 1, "n": "a\\ud800"', 1
    )
    with pytest.raises(ChartError) as info:
        footmap.loads(text)
    assert [(p.zone, p.message) for p in info.value.problems] == [
        (None, "footmap: duplicate key 'units' (only the last value would be kept)"),
        (
            "left.plantar.kidney",
            "properties: key 'x\\udc00y' holds a lone surrogate \\udc00 at character 1 "
            "(not valid Unicode text)",
        ),
        (
            "left.plantar.kidney",
            "properties.n: holds a lone surrogate \\ud800 at character 1 (not valid Unicode text)",
        ),
        (
            "left.plantar.head",
            "properties: duplicate key 'label' (only the last value would be kept)",
        ),
    ]


def test_a_file_over_the_default_size_loads_when_the_limit_allows(tmp_path):
    path = tmp_path / "big.geojson"
    path.write_bytes(charts.padded(33 * 1024 * 1024))  # over the default 32 MiB
    assert len(footmap.load(path, max_bytes=34 * 1024 * 1024).zones) == 8


def test_a_source_keeps_its_file_note_and_url():
    doc = charts.base()
    doc["footmap"]["sources"][1].update(note="Read in 2024.", url="https://example.org/a")
    chart = footmap.loads(json.dumps(doc))
    src = chart.source("testdoc")
    assert (src.file, src.note, src.url) == (
        "000_test.txt",
        "Read in 2024.",
        "https://example.org/a",
    )
    assert (chart.source("testchart").file, chart.source("testchart").url) == (None, None)


def test_disagreements_with_a_shared_id_an_unknown_source_or_a_long_variant_of_a_wrong_kind():
    doc = charts.base()
    first = charts._disagreement(["left.plantar.head"])
    first["variants"][1]["sources"] = ["nosuch2020"]
    second = charts._disagreement(["left.plantar.kidney"])
    second["variants"][0]["text"] = "A variant whose text runs well past fifty characters in all."
    second["variants"][0]["sources"] = ["testdoc"]
    doc["footmap"]["disagreements"] = [first, second]
    with pytest.raises(ChartError) as info:
        footmap.loads(json.dumps(doc))
    assert [(p.zone, p.message) for p in info.value.problems] == [
        (None, "disagreement 'head-side': variant 2 cites unknown source 'nosuch2020'"),
        (None, "disagreement 'head-side': duplicate disagreement id"),
        (
            None,
            "disagreement 'head-side': variant 1 'A variant whose text runs well past fifty "
            "char... cites 'testdoc', an article source; variants may cite only chart or study "
            "sources",
        ),
    ]


def test_caveats_keep_their_ids_kinds_sources_and_short_text():
    doc = charts.base()
    doc["footmap"]["caveats"][1]["short"] = "Charts differ."
    chart = footmap.loads(json.dumps(doc))
    assert [(c.id, c.kind, c.sources, c.short) for c in chart.caveats] == [
        ("evidence", "evidence", ("testreview",), None),
        ("chart", "chart", ("testchart",), "Charts differ."),
    ]


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


def test_system_notes_and_history_are_kept_and_checked():
    doc = charts.base()
    doc["footmap"]["system_notes"] = {
        "urinary": [{"kind": "article", "text": "Note.", "sources": ["testdoc"]}]
    }
    doc["footmap"]["history"] = [{"kind": "history", "text": "Old.", "sources": ["testchart"]}]
    chart = footmap.loads(json.dumps(doc))
    assert dict(chart.system_notes) == {
        "urinary": (footmap.Claim("Note.", ("testdoc",), "article"),)
    }
    assert chart.history == (footmap.Claim("Old.", ("testchart",), "history"),)
    long = "A note whose text runs on well past the fifty characters a message quotes."
    doc["footmap"]["system_notes"]["urinary"].append(
        {"kind": "article", "text": long, "sources": ["nosuch2020", "testchart"]}
    )
    doc["footmap"]["history"].append(
        {"kind": "history", "text": long, "sources": ["nosuch2020", "testdoc"]}
    )
    assert _problems_of(doc) == [
        (None, "system note for 'urinary' cites unknown source 'nosuch2020'"),
        (
            None,
            "system note 2 for 'urinary' 'A note whose text runs on well past the fifty ...: "
            "article claim cites 'testchart', a chart source; article claims may cite only "
            "article sources",
        ),
        (None, "history note cites unknown source 'nosuch2020'"),
        (
            None,
            "history note 2 'A note whose text runs on well past the fifty ...: history claim "
            "cites 'testdoc', an article source; history claims may cite only history or chart "
            "sources",
        ),
    ]


def _text_and_bytes(text: str) -> tuple[str, str, bytes]:
    """``_check_counts``' arguments for ``text`` read from a file named "t"."""
    return text, "t", text.encode("utf-8")


def test_json_strings_are_counted_without_their_escaped_quotes():
    from footmap.chart._read import _check_counts

    # one string holding 4,000,001 escaped quotes is one string
    assert _check_counts(*_text_and_bytes('"' + '\\"' * 4_000_001 + '"')) is None
    assert _check_counts(*_text_and_bytes('""' * 2_000_000)) is None  # exactly the limit
    with pytest.raises(ChartError) as info:
        _check_counts(*_text_and_bytes('""' * 2_000_001))
    assert _only(info.value) == (None, "holds 2,000,001 JSON strings; the limit is 2,000,000")


def _regular_stat(monkeypatch, size):
    """Make Path.stat (the check before opening) report a regular file of ``size`` bytes."""
    real_stat = Path.stat

    def fake(self, *args, **kwargs):
        st = real_stat(GOOD)
        return type(st)((st[0], *st[1:6], size, *st[7:]))

    monkeypatch.setattr(Path, "stat", fake)


def test_a_file_swapped_for_a_fifo_after_the_check_is_refused_without_hanging(
    tmp_path, monkeypatch
):
    import os
    import threading
    import time

    fifo = tmp_path / "x.geojson"
    os.mkfifo(fifo)  # no writer: a blocking open for reading would wait for one
    _regular_stat(monkeypatch, 10)

    def writer():  # after 10 s, let a blocked open go on (so a failing test ends)
        try:
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        except OSError:
            pass

    timer = threading.Timer(10, writer)
    timer.start()
    started = time.monotonic()
    try:
        with pytest.raises(ChartError) as info:
            footmap.load(fifo)
    finally:
        timer.cancel()
    assert time.monotonic() - started < 5
    assert [(p.file, p.zone, p.message) for p in info.value.problems] == [
        (str(fifo), None, "is a pipe (FIFO), not a chart file")
    ]


def test_a_file_growing_past_the_limit_is_read_one_byte_past_it(tmp_path, monkeypatch):
    """The limit a whole number of reads (two of 1 MiB): the file is still read one byte past
    it, and no further."""
    import os

    limit = 2 * 1024 * 1024
    path = tmp_path / "c.geojson"
    path.write_bytes(b" " * (limit + 100))
    _regular_stat(monkeypatch, 10)
    read = []
    real_read = os.read

    def counting_read(fd, n):
        data = real_read(fd, n)
        read.append(len(data))
        return data

    monkeypatch.setattr(os, "read", counting_read)
    with pytest.raises(ChartError) as info:
        footmap.load(path, max_bytes=limit)
    assert _only(info.value) == (None, "file is over 2,097,152 bytes; the limit is 2,097,152 bytes")
    assert sum(read) == limit + 1


def test_nul_characters_in_a_path_are_named_and_other_errors_kept():
    from footmap.chart._read import _nul_free

    assert _nul_free(ValueError("embedded null byte")) == "it contains a NUL character"
    assert _nul_free(TypeError("expected str, not bytes")) == "expected str, not bytes"


def test_a_path_like_that_fails_is_named_by_its_repr():
    class BadPath:
        def __fspath__(self):
            raise ValueError("no path today")

        def __repr__(self):
            return "BadPath()"

    with pytest.raises(ChartError) as info:
        footmap.load(BadPath())
    assert [(p.file, p.message) for p in info.value.problems] == [
        ("BadPath()", "not a usable path: no path today")
    ]


def test_structure_in_strings_is_not_counted_and_the_limit_itself_is_allowed():
    from footmap.chart._read import _check_counts

    # 1,000,001 braces, one of them in a string: exactly the 1,000,000 objects allowed
    assert _check_counts(*_text_and_bytes("{}" * 1_000_000 + '"{"')) is None
    with pytest.raises(ChartError) as info:
        _check_counts(*_text_and_bytes("{}" * 1_000_001 + '"{"'))
    assert _only(info.value) == (None, "holds 1,000,001 JSON objects; the limit is 1,000,000")


def test_chart_text_of_exactly_the_limit_is_read():
    text = GOOD.read_text("utf-8")
    assert len(footmap.loads(text, max_bytes=len(text)).zones) == 8
    with pytest.raises(ChartError) as info:
        footmap.loads(text, max_bytes=len(text) - 1)
    assert _only(info.value) == (None, f"chart text is over {len(text) - 1:,} bytes")


# -- geometry checks, each case by hand -----------------------------------------------------------
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


@pytest.mark.parametrize("bom", [b"\xff\xfe", b"\xfe\xff"])
def test_utf16_of_either_byte_order_is_named(bom):
    codec = "utf-16-le" if bom == b"\xff\xfe" else "utf-16-be"
    with pytest.raises(ChartError) as info:
        footmap.loads(bom + '{"type": "FeatureCollection"}'.encode(codec))
    assert _only(info.value) == (
        None,
        "not UTF-8 text: it is UTF-16 (starts with a UTF-16 byte-order mark)",
    )


def _kidney_with(change) -> list[tuple[str | None, str]]:
    doc = charts.base()
    change(doc, charts.feature(doc, "left.plantar.kidney"))
    return _problems_of(doc)


def _set(*keys_value):
    *keys, value = keys_value

    def change(doc, zone):
        target = zone
        for k in keys[:-1]:
            target = target[k]
        target[keys[-1]] = value

    return change


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (_set("properties", "label", 5), "properties.label: must be of type string, not int"),
        (_set("properties", "label", ""), "properties.label: '': minLength 1 not met"),
        (_set("properties", "foot", ["left"]),
         "properties.foot: ['left'] is not one of left, right"),
        (_set("geometry", "coordinates", 0, 1, [20, 60, 0]),
         "geometry.coordinates.0.1: [20, 60, 0]: maxItems 2 not met"),
        (_set("type", "feature"), "type: must be 'Feature', not 'feature'"),
    ],
)  # fmt: skip
def test_schema_messages_in_words(change, message):
    assert _kidney_with(change) == [("left.plantar.kidney", message)]


def test_several_missing_keys_are_named_once():
    def change(doc, zone):
        del zone["properties"]["label"], zone["properties"]["body_area"]
        del doc["footmap"]["title"], doc["footmap"]["units"]

    assert _kidney_with(change) == [
        (None, "footmap: missing required 'title', 'units'"),
        ("left.plantar.kidney", "properties: missing required 'label', 'body_area'"),
    ]


@pytest.mark.parametrize(
    ("key", "message"),
    [
        ("k", "Additional properties are not allowed ('k' was unexpected)"),
        # jsonschema's own words, up to 199 characters, are kept whole ...
        ("k" * 142, "Additional properties are not allowed ('" + "k" * 142 + "' was unexpected)"),
        # ... from 200 on, cut to 197 and an ellipsis
        ("k" * 143, "Additional properties are not allowed ('" + "k" * 143 + "' was unexpect..."),
    ],
)
def test_other_schema_errors_keep_jsonschemas_words_up_to_200_characters(key, message):
    def change(doc, zone):
        zone["properties"]["claims"][0][key] = 1

    assert _kidney_with(change) == [("left.plantar.kidney", f"properties.claims.0: {message}")]


def test_the_quick_check_passes_texts_of_the_shortest_and_longest_length():
    """A valid chart needs no jsonschema (a second to import): the quick check must pass it."""
    from footmap.chart._schema import _feature_ok

    zone = charts.feature(charts.base(), "left.plantar.kidney")
    assert _feature_ok(zone)
    for label in ("K", "K" * 40):
        zone["properties"]["label"] = label
        assert _feature_ok(zone), label
    zone["properties"]["label"] = "K" * 41
    assert not _feature_ok(zone)


def test_a_valid_chart_is_checked_without_jsonschema(monkeypatch):
    """jsonschema takes a second to import: the quick checks alone pass a valid chart."""
    from footmap.chart import _schema as schemaerrors

    def slow(*args, **kwargs):
        raise AssertionError("jsonschema was asked")

    for name in ("_validator", "_collection_validator", "_feature_validator"):
        monkeypatch.setattr(schemaerrors, name, slow)
    doc = charts.base()
    doc["footmap"]["disagreements"] = [charts._disagreement(["left.plantar.head"])]
    assert len(footmap.loads(json.dumps(doc)).zones) == 8


def _kidney_zone():
    return charts.feature(charts.base(), "left.plantar.kidney")


def _changed(*keys_value):
    zone = _kidney_zone()
    *keys, value = keys_value
    target = zone
    for k in keys[:-1]:
        target = target[k]
    target[keys[-1]] = value
    return zone


_RING = [[0, 0], [4, 0], [4, 4], [0, 0]]


@pytest.mark.parametrize(
    ("feature", "ok"),
    [
        (_kidney_zone(), True),
        (charts.feature(charts.base(), "left.plantar.outline"), True),  # a MultiPolygon outline
        (_changed("geometry", {"type": "MultiPolygon", "coordinates": [[_RING]]}), True),
        (_changed("properties", "label", "K" * 40), True),
        (_changed("properties", "body_area", "k" * 80), True),
        (_changed("properties", "claims", 0, "text", "t" * 2000), True),
        (_changed("geometry", "coordinates", 0, 1, [20.5, 60.25]), True),
        ("a feature", False),
        (_changed("type", "feature"), False),
        (_changed("id", "Kidney"), False),
        (_changed("properties", None), False),
        (_changed("geometry", None), False),
        (_changed("geometry", "type", "Point"), False),
        (_changed("geometry", {"type": "MultiPolygon", "coordinates": []}), False),
        (_changed("geometry", {"type": "MultiPolygon", "coordinates": [[]]}), False),
        (_changed("geometry", {"type": "MultiPolygon", "coordinates": [5]}), False),
        (_changed("geometry", "coordinates", [5]), False),
        (_changed("geometry", "coordinates", [_RING[:3]]), False),
        (_changed("geometry", "coordinates", 0, 1, [20]), False),
        (_changed("geometry", "coordinates", 0, 1, [20, 60, 0]), False),
        (_changed("geometry", "coordinates", 0, 1, [True, 60]), False),
        (_changed("geometry", "coordinates", 0, 1, [20, "60"]), False),
        (_changed("properties", "foot", "middle"), False),
        (_changed("properties", "view", "top"), False),
        (_changed("properties", "role", "note"), False),
        (_changed("properties", "label", ""), False),
        (_changed("properties", "label", "K" * 41), False),
        (_changed("properties", "label", 5), False),
        (_changed("properties", "body_area", "k" * 81), False),
        (_changed("properties", "system", "astral"), False),
        (_changed("properties", "claims", []), False),
        (_changed("properties", "claims", "a claim"), False),
        (_changed("properties", "claims", 0, "note", "x"), False),
        (_changed("properties", "claims", 0, "kind", "rumour"), False),
        (_changed("properties", "claims", 0, "kind", 5), False),
        (_changed("properties", "claims", 0, "text", ""), False),
        (_changed("properties", "claims", 0, "text", "t" * 2001), False),
        (_changed("properties", "claims", 0, "sources", []), False),
        (_changed("properties", "claims", 0, "sources", "testchart"), False),
        (_changed("properties", "claims", 0, "sources", ["Test Chart"]), False),
        (_changed("properties", "claims", 0, "sources", [5]), False),
    ],
)
def test_the_quick_feature_check_case_by_case(feature, ok):
    """True only for a feature the schema accepts (False: jsonschema decides)."""
    from footmap.chart._schema import _feature_ok

    assert _feature_ok(feature) is ok


def test_short_quotes_a_value_of_exactly_the_limit_whole():
    from footmap.chart._problems import _short

    assert _short("a" * 58) == "'" + "a" * 58 + "'"  # 60 characters with its quotes
    assert _short("a" * 59) == "'" + "a" * 56 + "..."  # 61: cut to 60
    assert _short([1, 2], limit=6) == "[1, 2]"
    assert _short([1, 2, 3], limit=6) == "[1,..."


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


def test_features_that_are_not_a_list_get_the_schemas_words():
    with pytest.raises(ChartError) as info:
        footmap.loads('{"type": "FeatureCollection", "features": {}, "footmap": {}}')
    assert [(p.zone, p.message) for p in info.value.problems] == [
        (None, "features: must be of type array, not dict"),
        (None, "footmap: missing required 'schema_version', 'title', 'description', 'units', "
               "'frame', 'orientation', 'sources', 'caveats'"),
    ]  # fmt: skip


def test_properties_that_are_not_an_object_are_named_not_raised():
    doc = charts.base()
    charts.feature(doc, "left.plantar.pelvis")["properties"] = [1]
    assert _problems_of(doc) == [
        ("left.plantar.pelvis", "properties: must be of type object, not list")
    ]


def test_the_quick_check_finds_the_bundled_chart_certainly_valid():
    # "certainly valid" is what spares a valid chart the import of jsonschema (a second)
    from footmap.chart._coords import flatten
    from footmap.chart._schema import _certainly_valid, _features_ok

    doc = json.loads(footmap.bundled_path().read_text("utf-8"))
    features = doc["features"]
    assert _features_ok(features) == [True] * 159  # 151 zones and 8 outlines
    assert _features_ok(features, flatten(features)) == [True] * 159
    assert _certainly_valid(doc, features, flatten(features)) is True


def test_the_quick_check_passes_texts_of_one_character():
    from footmap.chart._schema import _feature_ok

    f = copy.deepcopy(charts.feature(charts.base(), "left.plantar.kidney"))
    f["properties"]["body_area"] = "x"
    f["properties"]["claims"][0]["text"] = "y"
    assert _feature_ok(f) is True
    f["properties"]["body_area"] = ""
    assert _feature_ok(f) is False


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


def test_a_feature_without_properties_is_one_problem_not_a_traceback():
    doc = charts.base()
    del charts.feature(doc, "left.plantar.pelvis")["properties"]
    assert _problems_of(doc) == [("left.plantar.pelvis", "feature: missing required 'properties'")]
