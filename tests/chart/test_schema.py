"""The schema check (``footmap.chart._schema`` and ``_quickschema``): messages in words, the
quick check that spares a valid chart jsonschema, and the cap on what is checked.
"""

from __future__ import annotations

import copy
import json

import make_bad_charts as charts
import pytest

import footmap
import footmap.chart._schema
from footmap import ChartError


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


def _problems_of(doc) -> list[tuple[str | None, str]]:
    with pytest.raises(ChartError) as info:
        footmap.loads(json.dumps(doc))
    return [(p.zone, p.message) for p in info.value.problems]


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
    assert _features_ok(features) == [True] * 163  # 155 zones and 8 outlines
    assert _features_ok(features, flatten(features)) == [True] * 163
    assert _certainly_valid(doc, features, flatten(features)) is True


def test_the_quick_check_passes_texts_of_one_character():
    from footmap.chart._schema import _feature_ok

    f = copy.deepcopy(charts.feature(charts.base(), "left.plantar.kidney"))
    f["properties"]["body_area"] = "x"
    f["properties"]["claims"][0]["text"] = "y"
    assert _feature_ok(f) is True
    f["properties"]["body_area"] = ""
    assert _feature_ok(f) is False


def test_a_feature_without_properties_is_one_problem_not_a_traceback():
    doc = charts.base()
    del charts.feature(doc, "left.plantar.pelvis")["properties"]
    assert _problems_of(doc) == [("left.plantar.pelvis", "feature: missing required 'properties'")]
