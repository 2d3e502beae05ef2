"""The speed-ups keep behaviour: lazy jsonschema, paused gc, vectorised bounds, RGB PNGs.

No timings here (they live in bench/); each test checks that a faster path gives exactly
what the slow one did, or leaves the interpreter as it found it.
"""

from __future__ import annotations

import gc
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from synthetic import synthetic_chart

import footmap
from footmap.chart import _quickschema as schemacheck
from footmap.chart import _schema, loader
from footmap.chart._coords import flatten
from footmap.errors import ChartError
from footmap.export.annotate import figure, save_figure
from footmap.render import labels

ROOT = Path(__file__).resolve().parent.parent


# -- jsonschema only when something is wrong -----------------------------------------------
def _modules_after(code: str) -> list[str]:
    out = subprocess.run(
        [sys.executable, "-c", code + "\nimport sys; print(sorted(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    ).stdout
    return eval(out.strip().splitlines()[-1])  # a printed list of str


def test_a_valid_chart_loads_without_importing_jsonschema():
    mods = _modules_after(
        "import footmap, json, sys\n"
        "sys.path.insert(0, 'tests')\n"
        "from synthetic import synthetic_chart\n"
        "footmap.load()\n"
        "footmap.loads(json.dumps(synthetic_chart(30, 10.0)))"
    )
    assert "footmap.chart.loader" in mods
    assert "jsonschema" not in mods


@pytest.mark.slow
def test_a_broken_chart_still_gets_jsonschemas_messages():
    mods = _modules_after(
        "import footmap\n"
        "try:\n"
        '    footmap.loads(\'{"type": "FeatureCollection", "features": []}\')\n'
        "except footmap.ChartError as e:\n"
        "    print(e.problems)\n"
    )
    assert "jsonschema" in mods


def _bundled_doc() -> dict:
    return json.loads(footmap.bundled_path().read_text("utf-8"))


def _paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _paths(v, (*prefix, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _paths(v, (*prefix, i))


def _wrong_values(value):
    """Values of the wrong kind for where ``value`` sits (each breaks some schema rule)."""
    if isinstance(value, str):
        return [None, "", "x" * 5000, "not-an-id!"]
    if isinstance(value, bool):
        return [None, 1]
    if isinstance(value, (int, float)):
        return [None, True, 2.5, "1"]
    if isinstance(value, list):
        return [None, [], {}]
    return [None, []]


def _variants(doc: dict):
    """Broken copies of ``doc``: each value of the metadata and of the first zone replaced
    by values of the wrong kind, and each key removed."""
    text = json.dumps(doc)
    roots = [("footmap",), ("features", 1)]
    for root in roots:
        node = doc
        for k in root:
            node = node[k]
        for path in _paths(node, root):
            if not path[len(root) :]:
                continue
            value = doc
            for k in path:
                value = value[k]
            for new in [*_wrong_values(value), "<delete>"]:
                variant = json.loads(text)
                parent = variant
                for k in path[:-1]:
                    parent = parent[k]
                if new == "<delete>":
                    if not isinstance(parent, dict):
                        continue
                    del parent[path[-1]]
                else:
                    parent[path[-1]] = new
                yield path, variant


@pytest.mark.slow
def test_quick_schema_check_never_passes_what_jsonschema_rejects():
    from jsonschema import Draft202012Validator

    doc = _bundled_doc()
    assert schemacheck.is_valid(doc, footmap.schema()) is True
    # a small valid chart, quick to validate: an outline, a zone, two of each metadata list
    doc["features"] = doc["features"][:2]
    for f in doc["features"]:
        f["geometry"] = {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]}
    meta = doc["footmap"]
    for key, value in meta.items():
        if isinstance(value, list):
            meta[key] = value[:2] + [v for v in value[2:] if isinstance(v, dict)
                                     and v.get("kind") == "evidence"][:1]  # fmt: skip
        elif isinstance(value, dict):
            meta[key] = dict(list(value.items())[:2])
    validator = Draft202012Validator(footmap.schema())
    assert validator.is_valid(doc) and schemacheck.is_valid(doc, footmap.schema())
    rejected = 0
    for path, variant in _variants(doc):
        if validator.is_valid(variant):
            continue
        rejected += 1
        assert not schemacheck.is_valid(variant, footmap.schema()), path
    assert rejected > 300  # the variants really do exercise the schema


def test_quick_schema_check_accepts_every_bundled_feature():
    # the per-feature fallback used when the hand-written feature check is switched off
    feature = {"$defs": footmap.schema()["$defs"], "$ref": "#/$defs/feature"}
    assert all(schemacheck.is_valid(f, feature) for f in _bundled_doc()["features"])


@pytest.mark.parametrize(
    ("schema", "instance", "expected"),
    [
        ({"type": "integer"}, 2.0, False),  # jsonschema: an integer; unsure here
        ({"type": "integer"}, True, False),
        ({"type": "number"}, 1, True),
        ({"const": 1}, True, False),
        ({"enum": ["a", 1]}, 1.0, True),
        ({"minLength": 2}, 5, True),  # applies to strings only
        ({"$ref": "https://example.org/s.json"}, 1, False),  # outside the document: unsure
        ({"uniqueItems": True}, [1, 1], False),  # an unknown keyword: unsure
        ({"if": {"const": 1}, "then": {"type": "string"}, "else": {"type": "integer"}}, 2, True),
        ({"if": {"const": 1}, "then": {"type": "string"}}, 1, False),
        ({"additionalProperties": False, "properties": {"a": {}}}, {"a": 1, "b": 2}, False),
        ({"contains": {"const": "e"}}, ["a", "e"], True),
        ({"propertyNames": {"pattern": "^[a-z]+$"}}, {"Ab": 1}, False),
    ],
)
def test_quick_schema_check_keywords(schema, instance, expected):
    assert schemacheck.is_valid(instance, schema) is expected


# -- garbage collection paused while loading ------------------------------------------------
def test_gc_paused_while_building_and_restored_after_a_failing_build(monkeypatch):
    seen = []
    real = loader._build

    def spy(*args, **kwargs):
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(loader, "_build", spy)
    text = json.dumps(synthetic_chart(4))
    assert gc.isenabled()
    footmap.loads(text)
    assert seen == [False] and gc.isenabled()
    broken = synthetic_chart(4)
    broken["features"][1]["geometry"]["coordinates"][0][0] = [1e6, 0]
    with pytest.raises(ChartError):
        footmap.loads(json.dumps(broken))
    assert seen == [False, False] and gc.isenabled()
    with pytest.raises(ChartError):  # fails before the build: still restored
        footmap.loads("{")
    assert gc.isenabled()


def test_gc_left_off_when_the_caller_had_it_off():
    gc.disable()
    try:
        footmap.loads(json.dumps(synthetic_chart(4)))
        assert not gc.isenabled()
    finally:
        gc.enable()


# -- vectorised bounds ----------------------------------------------------------------------
def test_zone_bounds_in_one_call():
    chart = footmap.loads(json.dumps(synthetic_chart(5)))  # a 3-column grid of 2 mm squares
    np.testing.assert_array_equal(
        labels._bounds(chart.zones),
        [[0, 0, 2, 2], [2, 0, 4, 2], [4, 0, 6, 2], [0, 2, 2, 4], [2, 2, 4, 4]],
    )
    assert labels._bounds(()).shape == (0, 4)


# -- PNG pages in RGB -----------------------------------------------------------------------
def test_png_page_is_rgb_with_matplotlibs_pixels_and_metadata(chart, tmp_path):
    stock = figure(chart, highlight="urinary")
    stock.savefig(tmp_path / "stock.png", format="png", dpi=60)
    fast = figure(chart, highlight="urinary")
    save_figure(fast, tmp_path / "page.png", chart=chart, dpi=60)
    a, b = Image.open(tmp_path / "stock.png"), Image.open(tmp_path / "page.png")
    assert (a.mode, b.mode) == ("RGBA", "RGB")
    assert b.size == a.size == (701, 496)  # 11.69 x 8.27 in at 60 dpi, truncated
    np.testing.assert_array_equal(np.asarray(a.convert("RGB")), np.asarray(b))
    assert b.info["Title"] == chart.title
    assert b.info["Software"].startswith("footmap ")
    assert b.info["dpi"] == pytest.approx((60, 60), abs=0.01)


def test_png_keeps_alpha_where_the_page_is_transparent(chart, tmp_path):
    fig = figure(chart)
    fig.set_facecolor((1, 1, 1, 0.5))
    save_figure(fig, tmp_path / "see-through.png", chart=chart, dpi=40)
    img = Image.open(tmp_path / "see-through.png")
    assert img.mode == "RGBA"
    assert np.asarray(img)[0, 0, 3] == 128


def test_png_page_drawn_once_and_layout_engine_kept(chart, tmp_path, monkeypatch):
    """The layout runs once at the saving dpi; savefig's draw-disabled pre-draw is skipped."""
    from matplotlib.figure import Figure
    from matplotlib.layout_engine import ConstrainedLayoutEngine

    fig = figure(chart, highlight="urinary")
    engine = fig.get_layout_engine()
    draws = []
    real = Figure.draw
    monkeypatch.setattr(Figure, "draw", lambda self, r: draws.append(r) or real(self, r))
    save_figure(fig, tmp_path / "page.png", chart=chart, dpi=60)
    assert len(draws) == 1
    assert fig.get_layout_engine() is engine
    assert isinstance(engine, ConstrainedLayoutEngine)
    assert fig.dpi == 100


# -- geometries built together, problems still reported one by one --------------------------
def _mixed_chart(broken: bool) -> str:
    """A 16-zone grid with a multipolygon and a holed zone; ``broken`` adds seven bad geometries."""
    doc = synthetic_chart(16)
    zones = {f["id"]: f for f in doc["features"]}

    def put(i: int, gtype: str, coords: list) -> None:
        zones[f"left.plantar.z{i:06d}"]["geometry"] = {"type": gtype, "coordinates": coords}

    put(5, "MultiPolygon", [[[[2, 2], [2.9, 2], [2.9, 4], [2, 4], [2, 2]]],
                            [[[3.1, 2], [4, 2], [4, 4], [3.1, 4], [3.1, 2]]]])  # fmt: skip
    put(7, "Polygon", [[[6, 2], [8, 2], [8, 4], [6, 4], [6, 2]],
                       [[6.5, 2.5], [7.5, 2.5], [7.5, 3.5], [6.5, 3.5], [6.5, 2.5]]])  # fmt: skip
    if broken:
        put(1, "Polygon", [[[2, 0], [4, 0], [4, 2], [2, 2], [2, 0.5]]])
        put(2, "Polygon", [[[4, 0], [6, 2], [6, 0], [4, 2], [4, 0]]])
        put(3, "Polygon", [[[6, 0], [6.5, 0], [6.5, 0.5], [6, 0.5], [6, 0]]])
        put(4, "Polygon", [[[0, 2], [6000, 2], [2, 4], [0, 4], [0, 2]]])
        put(6, "MultiPolygon", [[[[4, 2], [5, 2], [5, 4], [4, 4], [4, 2]]],
                                [[[5.1, 2], [6, 2], [6, 4], [5.1, 4]]]])  # fmt: skip
        # a hole across the shell: invalid, with area enough to pass the area check
        hole = [[1.5, 4.5], [2.5, 4.5], [2.5, 5.5], [1.5, 5.5], [1.5, 4.5]]
        put(8, "Polygon", [[[0, 4], [2, 4], [2, 6], [0, 6], [0, 4]], hole])
        put(9, "Polygon", [[[2, 4], [4321.5, 4], [4, 6], [2, 6], [2, 4]]])
    return json.dumps(doc).replace("4321.5", "1e400")


def test_good_geometries_built_together_keep_their_coordinates():
    chart = footmap.loads(_mixed_chart(broken=False))
    by_id = {z.id: z.geometry.wkt for z in chart.zones}
    assert by_id["left.plantar.z000005"] == (
        "MULTIPOLYGON (((2 2, 2.9 2, 2.9 4, 2 4, 2 2)), ((3.1 2, 4 2, 4 4, 3.1 4, 3.1 2)))"
    )
    assert by_id["left.plantar.z000007"] == (
        "POLYGON ((6 2, 8 2, 8 4, 6 4, 6 2), (6.5 2.5, 7.5 2.5, 7.5 3.5, 6.5 3.5, 6.5 2.5))"
    )
    assert by_id["left.plantar.z000000"] == "POLYGON ((0 0, 2 0, 2 2, 0 2, 0 0))"
    assert len(chart.zones) == 16


def test_good_and_bad_geometries_mixed_report_every_bad_one_in_order():
    with pytest.raises(ChartError) as info:
        footmap.loads(_mixed_chart(broken=True), name="mixed.geojson")
    got = [(p.file, p.zone, p.message) for p in info.value.problems]
    f = "left.plantar.z0000"
    assert got == [
        ("mixed.geojson", f + "01", "geometry: ring starting at [2, 0] is not closed"),
        ("mixed.geojson", f + "02", "geometry: invalid (Self-intersection[5 1])"),
        ("mixed.geojson", f + "03", "geometry: area 0.25 mm\u00b2 is below the minimum of 1 "
         "mm\u00b2 (too small to see or point at)"),
        ("mixed.geojson", f + "04", "geometry: coordinate [6000, 2] is beyond 5000 mm "
         "(chart coordinates are millimetres)"),
        ("mixed.geojson", f + "06", "geometry: ring starting at [5.1, 2] is not closed"),
        ("mixed.geojson", f + "08", "geometry: invalid (Self-intersection[2 4.5])"),
        ("mixed.geojson", f + "09", "geometry: non-finite coordinate (too large for a float)"),
    ]  # fmt: skip


# -- coordinates flattened once, for the schema's quick check and the geometries ----------------
SQUARE = [[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]


def _feature(gtype: str, coords: object) -> dict:
    return {"type": "Feature", "geometry": {"type": gtype, "coordinates": coords}}


def test_flatten_takes_every_polygon_level_by_level():
    features = [
        _feature("Polygon", [SQUARE]),
        "not a feature",
        _feature("Point", [0, 0]),
        {"type": "Feature", "geometry": None},
        _feature("MultiPolygon", [[SQUARE], [SQUARE, SQUARE]]),
        _feature("MultiPolygon", {"not": "a list"}),
    ]
    flat = flatten(features)
    assert (flat.where, flat.parts.tolist(), flat.well_formed) == ([0, 4], [1, 2], True)
    assert flat.sizes.tolist() == [5, 5, 5, 5]
    assert flat.per_poly.tolist() == [1, 1, 2]
    assert flat.xy.tolist() == SQUARE * 4
    assert flatten(features, skip={0}).where == [4]


class _List(list):
    """A list that is not exactly a list."""


@pytest.mark.parametrize(
    ("coords", "valid"),
    [
        ([SQUARE[:2] + SQUARE[-1:]], False),  # a ring of 3 positions
        ([], False),  # a polygon without rings
        ([[*SQUARE[:4], [0, 0, 0]]], False),  # a position of three numbers
        ([[*SQUARE[:4], [0]]], False),  # of one
        ([[*SQUARE[:4], [True, 0]]], False),  # bool is not a number in JSON Schema
        ([[*SQUARE[:4], ["0", 0]]], False),
        ([[*SQUARE[:4], [None, 0]]], False),
        ([[*SQUARE[:4], {"0": 0, "1": 0}]], False),
        ([{"ring": SQUARE}], False),
        ([_List(SQUARE)], True),  # not exactly a list: the feature checks its own, and passes
    ],
)
def test_one_malformed_polygon_sends_every_feature_to_its_own_check(coords, valid):
    features = synthetic_chart(2)["features"]  # the outline and two zones
    features[2]["geometry"]["coordinates"] = coords
    flat = flatten(features)
    assert flat.well_formed is False and flat.xy is None
    per_feature = [_schema._feature_ok(f) for f in features]
    assert _schema._features_ok(features, flat) == per_feature == [True, True, valid]


def test_a_number_too_large_for_a_float_is_well_formed_but_not_built():
    features = synthetic_chart(2)["features"]
    features[2]["geometry"]["coordinates"][0][1][0] = 10**400
    flat = flatten(features)
    assert (flat.well_formed, flat.xy) == (True, None)
    assert _schema._features_ok(features, flat) == [True, True, True]  # the schema says a number
    with pytest.raises(ChartError) as info:
        footmap.loads(json.dumps(synthetic_chart(2)).replace("[2.0, 0.0]", "[1e400, 0.0]", 1))
    assert [p.message for p in info.value.problems] == [
        "geometry: non-finite coordinate (too large for a float)"
    ]
