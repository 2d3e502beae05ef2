"""Fuzzing ``footmap.loads``: whatever the input, it returns a Chart or raises ChartError.

Nothing else may escape: no KeyError, TypeError, OverflowError, RecursionError or shapely
error, whatever bytes, JSON or mutated chart it is given.
"""

from __future__ import annotations

import copy
import json
import math
import os
import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import footmap
from footmap import Chart, ChartError, Problem
from footmap.chart import _read, _schema

GOOD = Path(__file__).resolve().parent / "data" / "good_small.geojson"
BASE_TEXT = GOOD.read_text("utf-8")
BASE: dict[str, Any] = json.loads(BASE_TEXT)

#: Examples per property; raise it for a long hunt: FOOTMAP_FUZZ_EXAMPLES=5000 pytest ...
EXAMPLES = int(os.environ.get("FOOTMAP_FUZZ_EXAMPLES", "250"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,  # leave no .hypothesis directory in the tree
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def check(data: str | bytes) -> Chart | None:
    """Load ``data``; only a Chart or a well-formed ChartError may come out."""
    try:
        chart = footmap.loads(data)
    except ChartError as err:
        assert err.problems
        for p in err.problems:
            assert isinstance(p, Problem)
            assert p.file == "<string>"
            assert isinstance(p.message, str) and p.message
            assert p.zone is None or (isinstance(p.zone, str) and p.zone)
        assert str(err)
        return None
    assert isinstance(chart, Chart)
    assert chart.summary()
    return chart


# -- strategies ----------------------------------------------------------------------------------
SPECIAL_NUMBERS = [
    0, -0.0, 1, -1, 5e-324, -5e-324, 1e-300, 1e-9, 4999.999, 5000.0, 5000.0001, -5000.0001,
    1e12, -1e12, 1e308, -1e308, 2**53 + 1, 2**63, 2**64, 10**30, -(10**30), 10**400,
]  # fmt: skip
#: Number tokens that json.dumps cannot write, put into the text directly.
NUMBER_TOKENS = ["1e400", "-1e400", "1e-400", "-0", "1E+2", "1" + "0" * 400, "1" + "0" * 5000]

numbers = st.one_of(
    st.sampled_from(SPECIAL_NUMBERS),
    st.integers(),
    st.floats(allow_nan=False, allow_infinity=False),
)
scalars = st.one_of(st.none(), st.booleans(), numbers, st.text(max_size=12))
json_values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=10), inner, max_size=5)
    ),
    max_leaves=25,
)


#: Values close to the schema's edges (lengths, patterns, enums, types).
NEAR_MISSES: list[Any] = [
    "", "x", "x" * 28, "x" * 40, "x" * 41, "x" * 80, "x" * 81, "x" * 2000, "x" * 2001,
    "abc\n", "Abc", "a" * 80, "a" * 81, "a b", "-a", "a.b_c-d", True, False, 0, 1, 1.0, -0.0,
    None, [], {}, [[]], "Polygon", "MultiPolygon", "Point", "zone", "outline", "left", "right",
    "plantar", "dorsal", "urinary", "Urinary", "Feature", "FeatureCollection", [0, 0], [0, 0, 0],
    [True, 0], [[0, 0]] * 4, [[[0, 0]] * 4], {"text": "t", "sources": ["testdoc"]},
    {"text": "t", "sources": ["testdoc"], "note": "n"}, {"text": "t"}, ["testdoc"], ["Bad Id"],
]  # fmt: skip


def _locations(node: Any, path: tuple = ()) -> list[tuple]:
    out = [path]
    if isinstance(node, dict):
        for k, v in node.items():
            out += _locations(v, (*path, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out += _locations(v, (*path, i))
    return out


def _parent(doc: Any, path: tuple) -> Any:
    for step in path[:-1]:
        doc = doc[step]
    return doc


def _swap_type(value: Any) -> Any:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return {str(i): v for i, v in enumerate(value)}
    if isinstance(value, dict):
        return list(value.values())
    return False


def _mutate(doc: Any, path: tuple, op: str, data: st.DataObject) -> Any:
    if not path:
        return data.draw(json_values) if op == "replace" else doc
    parent, key = _parent(doc, path), path[-1]
    if op == "delete":
        del parent[key]
    elif op == "replace":
        parent[key] = data.draw(json_values)
    elif op == "swap_type":
        parent[key] = _swap_type(parent[key])
    elif op == "empty":
        parent[key] = type(parent[key])() if isinstance(parent[key], list | dict | str) else None
    elif op == "duplicate" and isinstance(parent, list):
        parent.insert(key, copy.deepcopy(parent[key]))
    elif op == "number":
        parent[key] = data.draw(numbers)
    elif op == "near_miss":
        parent[key] = copy.deepcopy(data.draw(st.sampled_from(NEAR_MISSES)))
    elif op == "add_key" and isinstance(parent[key], dict):
        extra = data.draw(
            st.sampled_from(["note", "extra", "type", "id", "text", "sources", "kind"])
        )
        parent[key][extra] = copy.deepcopy(data.draw(st.sampled_from(NEAR_MISSES)))
    return doc


# -- the schema fast path in footmap.chart._schema -------------------------------------------
def test_schema_fast_path_is_on():
    assert _schema._fast_rules() is not None, (
        "schema.json changed: bring footmap.chart._schema._feature_ok up to date, then "
        "_FEATURE_DEFS_SHA256"
    )
    assert all(_schema._feature_ok(f) for f in BASE["features"])


def _slow_errors(doc: Any) -> list[tuple[str, str]]:
    return sorted(
        (str(list(e.absolute_path)), e.message) for e in _schema._validator().iter_errors(doc)
    )


@FUZZ
@given(st.data())
def test_schema_fast_path_agrees_with_jsonschema(data):
    doc = copy.deepcopy(BASE)
    for _ in range(data.draw(st.integers(1, 3), label="mutations")):
        paths = [p for p in _locations(doc) if p[:1] == ("features",) and len(p) > 1]
        path = data.draw(st.sampled_from(paths), label="path")
        op = data.draw(
            st.sampled_from(["near_miss", "add_key", "delete", "swap_type", "number", "replace"]),
            label="op",
        )
        doc = _mutate(doc, path, op, data)
    for f in doc["features"]:
        if _schema._feature_ok(f):
            assert not list(_schema._feature_validator().iter_errors(f)), f
    # the batch, coordinates checked all at once, answers as each feature's own check does
    assert _schema._features_ok(doc["features"]) == [
        _schema._feature_ok(f) for f in doc["features"]
    ]
    fast = sorted((str(path), e.message) for path, e in _schema._schema_errors(doc))
    assert fast == _slow_errors(doc)


# -- properties ------------------------------------------------------------------------------------
@FUZZ
@given(st.binary(max_size=2048))
def test_arbitrary_bytes(data):
    check(data)


@FUZZ
@given(st.text(max_size=512))
def test_arbitrary_text(text):
    check(text)


@FUZZ
@given(st.integers(0, len(BASE_TEXT)), st.integers(0, 64), st.binary(max_size=16))
def test_corrupted_base_bytes(at, cut, junk):
    raw = BASE_TEXT.encode("utf-8")
    check(raw[:at] + junk + raw[at + cut :])


@FUZZ
@given(json_values)
def test_arbitrary_json(value):
    check(json.dumps(value))


@FUZZ
@given(
    st.one_of(json_values, st.just(BASE["footmap"])),
    st.lists(st.one_of(json_values, st.sampled_from(BASE["features"])), max_size=8),
)
def test_chart_shaped_json(meta, features):
    check(json.dumps({"type": "FeatureCollection", "footmap": meta, "features": features}))


@FUZZ
@given(st.data())
def test_mutated_base(data):
    doc = copy.deepcopy(BASE)
    for _ in range(data.draw(st.integers(1, 3), label="mutations")):
        path = data.draw(st.sampled_from(_locations(doc)), label="path")
        op = data.draw(
            st.sampled_from(["delete", "replace", "swap_type", "empty", "duplicate", "number"]),
            label="op",
        )
        doc = _mutate(doc, path, op, data)
    check(json.dumps(doc))


def _rings(doc: dict[str, Any]) -> list[list[Any]]:
    out = []
    for f in doc["features"]:
        g = f["geometry"]
        polys = [g["coordinates"]] if g["type"] == "Polygon" else g["coordinates"]
        out += [ring for poly in polys for ring in poly]
    return out


claim_like = st.one_of(
    json_values,
    st.fixed_dictionaries(
        {
            "text": st.text(max_size=5),
            "sources": st.lists(
                st.sampled_from(["testdoc", "testreview", "nosuch", 1]), max_size=2
            ),
        }
    ),
)


@FUZZ
@given(
    st.one_of(
        json_values,
        st.dictionaries(
            st.sampled_from(["urinary", "nervous", "astral", ""]), st.lists(claim_like, max_size=3)
        ),
    ),
    st.one_of(json_values, st.lists(claim_like, max_size=3)),
)
def test_optional_metadata(system_notes, history):
    doc = copy.deepcopy(BASE)
    doc["footmap"]["system_notes"] = system_notes
    doc["footmap"]["history"] = history
    check(json.dumps(doc))


def _scaled(value, factor):
    """``value * factor``, or ``value`` unchanged when it is an int too big for a float (an
    earlier "point" step may have put 10**400 there; the loader must still see it)."""
    try:
        return value * factor
    except OverflowError:
        return value


@FUZZ
@given(st.data())
def test_perturbed_geometry(data):
    doc = copy.deepcopy(BASE)
    rings = _rings(doc)
    for _ in range(data.draw(st.integers(1, 3), label="perturbations")):
        ring = data.draw(st.sampled_from(rings), label="ring")
        op = data.draw(
            st.sampled_from(
                ["shuffle", "reverse", "rotate", "unclose", "point", "scale", "shift", "collapse"]
            ),
            label="op",
        )
        if op == "shuffle":
            body = ring[:-1]
            order = data.draw(st.permutations(range(len(body))), label="order")
            ring[:] = [body[i] for i in order] + [body[order[0]]]
        elif op == "reverse":
            ring.reverse()
        elif op == "rotate":
            k = data.draw(st.integers(1, len(ring) - 2), label="k")
            body = ring[:-1]
            ring[:] = body[k:] + body[:k] + [body[k]]
        elif op == "unclose":
            ring.pop()
        elif op == "point":
            i = data.draw(st.integers(0, len(ring) - 1), label="i")
            ring[i] = [data.draw(numbers, label="x"), data.draw(numbers, label="y")]
        elif op == "scale":
            factor = data.draw(st.sampled_from([0.0, 1e-300, 1e-9, 1 + 1e-12, 1.5, 1e9, 1e300]))
            ring[:] = [[_scaled(x, factor), _scaled(y, factor)] for x, y in ring]
        elif op == "shift":
            dx = data.draw(st.floats(-6000, 6000), label="dx")
            ring[:] = [[x + dx, y] for x, y in ring]
        else:
            ring[:] = [list(ring[0]) for _ in ring]
    check(json.dumps(doc))


@FUZZ
@given(st.data())
def test_odd_number_tokens(data):
    doc = copy.deepcopy(BASE)
    ring = data.draw(st.sampled_from(_rings(doc)), label="ring")
    i = data.draw(st.integers(0, len(ring) - 1), label="i")
    j = data.draw(st.integers(0, 1), label="j")
    ring[i][j] = "@@NUMBER@@"
    token = data.draw(st.sampled_from(NUMBER_TOKENS), label="token")
    check(json.dumps(doc).replace('"@@NUMBER@@"', token))


@FUZZ
@given(st.permutations(range(len(BASE["features"]))))
def test_feature_order_does_not_matter(order):
    doc = copy.deepcopy(BASE)
    doc["features"] = [doc["features"][i] for i in order]
    chart = check(json.dumps(doc))
    assert chart is not None, "a reordered valid chart must stay valid"
    want = [f["id"] for f in doc["features"] if f["properties"]["role"] == "zone"]
    assert [z.id for z in chart.zones] == want


@FUZZ
@given(st.floats(-1000, 1000), st.floats(-1000, 1000))
def test_translated_chart_stays_valid(dx, dy):
    doc = copy.deepcopy(BASE)
    for ring in _rings(doc):
        ring[:] = [[x + dx, y + dy] for x, y in ring]
    chart = check(json.dumps(doc))
    assert chart is not None
    kidney = chart.zone("left.plantar.kidney").geometry
    assert math.isclose(kidney.area, 40 * 40 - 16 * 16, rel_tol=1e-9)


# -- text-level hostility: BOMs, duplicate keys, surrogates, controls -----------------------------
def _texts_of(chart: Chart) -> list[str]:
    out = [chart.title, chart.description, chart.frame, chart.orientation]
    out += [t for s in chart.sources for t in (s.title, s.citation, s.note or "", s.file or "")]
    out += [c.text for c in chart.caveats]
    for z in chart.zones:
        out += [z.id, z.label, z.body_area, *(c.text for c in z.claims)]
    return out


TEXT_EDITS = ["bom", "duplicate_key", "surrogate_escape", "raw_surrogate", "control", "newline_id"]


@FUZZ
@given(st.data())
def test_text_level_edits(data):
    text = BASE_TEXT
    for _ in range(data.draw(st.integers(1, 3), label="edits")):
        edit = data.draw(st.sampled_from(TEXT_EDITS), label="edit")
        if edit == "bom":
            text = "\ufeff" + text.lstrip("\ufeff")
            continue
        quoted = [m.start() for m in re.finditer(r'": "', text)]
        at = data.draw(st.sampled_from(quoted), label="at") + 4  # inside a string value
        if edit == "duplicate_key":
            key = data.draw(st.sampled_from(['"label"', '"id"', '"note"', '"x"']), label="key")
            brace = text.rfind("{", 0, at)
            text = text[: brace + 1] + f"{key}: 1, " + text[brace + 1 :]
        elif edit == "surrogate_escape":
            code = data.draw(st.integers(0xD800, 0xDFFF), label="code")
            text = text[:at] + f"\\u{code:04x}" + text[at:]
        elif edit == "raw_surrogate":
            text = text[:at] + chr(data.draw(st.integers(0xD800, 0xDFFF))) + text[at:]
        elif edit == "control":
            code = data.draw(st.sampled_from([0, 7, 8, 0x1B, 0x7F, 0x9B, 0x202E]), label="c")
            text = text[:at] + f"\\u{code:04x}" + text[at:]
        else:
            text = text.replace('"id": "left.plantar.head"', '"id": "left.plantar.head\\n"', 1)
    chart = check(text)
    if chart is not None:  # what loads holds no lone surrogate and no duplicate key won
        assert not any(_read._SURROGATE.search(t) for t in _texts_of(chart))
        assert all(not z.id.endswith("\n") for z in chart.zones)


@FUZZ
@given(st.text(max_size=64), st.booleans())
def test_terminal_text_leaves_nothing_a_terminal_acts_on(text, multiline):
    from footmap.text.safe import terminal_text

    out = terminal_text(text, multiline=multiline)
    bad = [c for c in out if unicodedata.category(c) in ("Cc", "Cs") and c != "\n"]
    bidi = ("LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI")
    bad += [c for c in out if unicodedata.bidirectional(c) in bidi]
    assert not bad, (text, out)
    if not multiline:
        assert "\n" not in out
    assert out.count("\n") <= text.replace("\r\n", "\n").count("\n")


@FUZZ
@given(
    st.lists(
        st.one_of(st.text(alphabet="WMil. ", max_size=12), st.text(alphabet="Wm", min_size=40)),
        max_size=8,
    ),
    st.floats(20, 300),
)
def test_wrapped_lines_fit_their_column(words, width):
    from footmap.export.pagetext import WRAP_SLACK, _wrap
    from footmap.render.layout import text_size

    text = " ".join(words)
    lines = _wrap(text, width, 7.5)
    for line in lines:
        assert text_size(line, 7.5)[0] <= width / WRAP_SLACK or len(line) == 1, line
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")


def test_rings_collapsed_by_a_tiny_scale_are_reported_not_raised():
    """Found by test_perturbed_geometry: rings scaled by 1e-300 collapse onto their own
    vertices and GEOS raised from ``is_valid`` ("Segment vertex does not intersect ring")
    instead of judging them; each is now reported against its zone."""
    doc = copy.deepcopy(BASE)
    targets = (
        [[8, 72], [-8, 72], [-8, 88], [8, 88], [8, 72]],
        [[20, 60], [20, 100], [-20, 100], [-20, 60], [20, 60]],
    )
    shrunk = []
    for f in doc["features"]:
        g = f["geometry"]
        polys = [g["coordinates"]] if g["type"] == "Polygon" else g["coordinates"]
        for ring in (r for poly in polys for r in poly):
            if ring in targets:
                ring[:] = [[x * 1e-300, y * 1e-300] for x, y in ring]
                shrunk.append(f["id"])
            elif f["properties"].get("role") == "outline":
                ring.reverse()
    assert len(shrunk) == 2, shrunk
    with pytest.raises(ChartError) as err:
        footmap.loads(json.dumps(doc))
    by_zone = {p.zone: p.message for p in err.value.problems}
    for zid in shrunk:
        assert by_zone[zid].startswith("geometry: "), by_zone
    check(json.dumps(doc))
