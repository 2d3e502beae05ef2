"""The body chart (data/body.geojson): loaded and checked by the same loader as the zones."""

import copy
import json
import subprocess
import sys
from pathlib import Path

import pytest

import footmap

ROOT = Path(__file__).resolve().parents[2]
BODY = ROOT / "data" / "body.geojson"


@pytest.fixture(scope="module")
def body():
    return footmap.load_body()


@pytest.fixture(scope="module")
def doc():
    return json.loads(BODY.read_text("utf-8"))


def test_the_bundled_body_chart_validates(body):
    assert isinstance(body, footmap.BodyChart)
    assert body.views == ("front", "back")
    assert len(body.regions) == 63
    assert body.attribution.startswith("Body artwork adapted from the EBI Expression Atlas")
    assert body.region("back.spine").side == "midline"
    assert footmap.load_body(BODY).path == BODY.resolve()


def test_every_body_area_of_the_foot_chart_has_a_region(body):
    areas = set(footmap.load().body_areas)
    assert len(areas) == 62
    assert areas == set(body.body_areas)
    for area in areas:
        assert body.regions_for(area), area


@pytest.mark.parametrize(
    ("region_id", "side"),
    [
        ("front.liver", "right"),
        ("front.gallbladder", "right"),
        ("front.appendix", "right"),
        ("front.ascending-colon", "right"),
        ("front.spleen", "left"),
        ("front.descending-colon", "left"),
        ("front.sigmoid-colon", "left"),
    ],
)
def test_sides_agree_with_the_drawing(body, region_id, side):
    region = body.region(region_id)
    assert region.side == side
    x = region.geometry.centroid.x
    # front view: the body's right is on the viewer's left (x < 0)
    assert (x < 0) if side == "right" else (x > 0)


def test_every_region_cites_an_anatomy_source(body):
    for r in body.regions:
        assert r.claims, r.id
        for c in r.claims:
            assert c.kind == "anatomy"
            assert {body.source(s).kind for s in c.sources} == {"anatomy"}, r.id


def _problems(tmp_path, doc):
    path = tmp_path / "bad-body.geojson"
    path.write_text(json.dumps(doc), "utf-8")
    with pytest.raises(footmap.ChartError) as exc:
        footmap.load_body(path)
    return [str(p).removeprefix(f"{path}: ") for p in exc.value.problems]


def _feature(doc, fid):
    return next(f for f in doc["features"] if f["id"] == fid)


def test_a_region_citing_a_chart_source(tmp_path, doc):
    bad = copy.deepcopy(doc)
    bad["footmap"]["sources"].append(
        {"id": "doc003", "kind": "chart", "title": "A chart", "citation": "A chart."}
    )
    _feature(bad, "front.liver")["properties"]["claims"][0]["sources"] = ["doc003"]
    assert _problems(tmp_path, bad) == [
        "front.liver: claim 1 'The liver lies mostly on the right, under the ...: "
        "anatomy claim cites 'doc003', a chart source; anatomy claims may cite only "
        "anatomy sources"
    ]


def test_a_region_outside_its_outline(tmp_path, doc):
    bad = copy.deepcopy(doc)
    _feature(bad, "front.spleen")["geometry"] = {
        "type": "Polygon",
        "coordinates": [[[600, 1000], [700, 1000], [700, 1100], [600, 1100], [600, 1000]]],
    }
    assert _problems(tmp_path, bad) == [
        "front.spleen: lies partly outside the front outline "
        "(10000.00 mm\u00b2 more than 1 mm outside)"
    ]


def test_a_region_just_past_its_outline_is_within_the_tolerance(tmp_path, doc):
    from shapely.geometry import mapping

    ok = copy.deepcopy(doc)
    outline = footmap.load_body().outline("front").geometry
    grown = (
        footmap.load_body()
        .region("front.arms")
        .geometry.buffer(0.5)
        .intersection(outline.buffer(0.5))
    )
    _feature(ok, "front.arms")["geometry"] = json.loads(json.dumps(mapping(grown)))
    path = tmp_path / "ok-body.geojson"
    path.write_text(json.dumps(ok), "utf-8")
    assert footmap.load_body(path).region("front.arms").geometry.area > 0


def test_an_unknown_side(tmp_path, doc):
    bad = copy.deepcopy(doc)
    _feature(bad, "front.heart")["properties"]["side"] = "centre"
    assert _problems(tmp_path, bad) == [
        "front.heart: properties.side: 'centre' is not one of right, left, midline, both"
    ]


def test_load_on_the_body_chart_says_to_use_load_body():
    with pytest.raises(footmap.ChartError) as exc:
        footmap.load(BODY)
    assert [p.message for p in exc.value.problems] == [
        "is a body chart, not a reflexology chart: load it with footmap.load_body()"
    ]


def test_load_body_on_the_foot_chart_says_to_use_load():
    with pytest.raises(footmap.ChartError) as exc:
        footmap.load_body(ROOT / "data" / "zones.geojson")
    assert [p.message for p in exc.value.problems] == [
        "is a reflexology chart, not a body chart: load it with footmap.load()"
    ]


def test_footmap_validate_the_body_chart():
    run = subprocess.run(
        [sys.executable, "-m", "footmap", "validate", str(BODY)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout == f"ok: {BODY}: body chart, 63 regions in 2 views, 37 sources\n"
