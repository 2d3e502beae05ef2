"""Checking a chart against its JSON Schema, and wording the errors.

A large chart is mostly valid features, and jsonschema is slow on them (and slow to import),
so features go through a quick check first (:func:`_feature_ok`, held to jsonschema's answer
by ``tests/test_fuzz.py``) and :func:`footmap.chart._quickschema.is_valid`; only what these are
unsure of goes to jsonschema, which names every problem.
"""

from __future__ import annotations

import copy
import hashlib
import json
import re
from collections.abc import Iterator
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # jsonschema takes about a second to import: only when validating
    import jsonschema

from footmap.chart import _quickschema as schemacheck
from footmap.chart._coords import Flat, flatten
from footmap.chart._problems import _Problems, _short, _where


@cache
def schema() -> dict[str, Any]:
    """Return the chart JSON Schema shipped with footmap (``footmap/schema.json``)."""
    return json.loads(resources.files("footmap").joinpath("schema.json").read_text("utf-8"))


@cache
def _validator() -> jsonschema.Draft202012Validator:
    from jsonschema import Draft202012Validator

    return Draft202012Validator(schema())


# -- schema fast path: a large chart is mostly valid features, and jsonschema is slow on them
#: The schema parts :func:`_feature_ok` mirrors, and their sha256. Any change to them turns the
#: quick check off (every feature then goes through jsonschema) until it is brought up to date.
_FEATURE_DEFS = ("feature", "geometry", "polygon", "ring", "position", "id", "text", "system",
                 "claim", "claim_kind", "source_ids")  # fmt: skip
_FEATURE_DEFS_SHA256 = "bfc1c723cbcea2ce941ebfd711dc32e410c91508e7427eb369fbd10adf62c205"


def _feature_defs_digest() -> str:
    s = schema()
    try:
        chart = s["$defs"].get("reflexology_chart", s)  # the reflexology chart's own part
        part = [chart["properties"]["features"], *(s["$defs"][k] for k in _FEATURE_DEFS)]
    except (AttributeError, KeyError, TypeError):
        return ""
    return hashlib.sha256(json.dumps(part, sort_keys=True).encode()).hexdigest()


@cache
def _fast_rules() -> dict[str, Any] | None:
    """What :func:`_feature_ok` checks, read from the schema; None when the schema changed."""
    if _feature_defs_digest() != _FEATURE_DEFS_SHA256:
        return None
    d = schema()["$defs"]
    props = d["feature"]["properties"]["properties"]
    zone = props["then"]["properties"]
    return {
        "id": re.compile(d["id"]["pattern"]),
        "foot": props["properties"]["foot"]["enum"],
        "view": props["properties"]["view"]["enum"],
        "system": d["system"]["enum"],
        "label": zone["label"]["maxLength"],
        "body_area": zone["body_area"]["maxLength"],
        "text": d["text"]["maxLength"],
        "claim_kind": d["claim_kind"]["enum"],
    }


@cache
def _collection_schema() -> dict[str, Any]:
    """The chart schema without the reflexology chart's per-feature part.

    A reflexology chart's features are validated one by one (:func:`_feature_ok`, then
    jsonschema for the few it is unsure of); body and foot-anatomy charts, small, whole.
    """
    s = copy.deepcopy(schema())
    del s["$defs"]["reflexology_chart"]["properties"]["features"]["items"]
    return s


#: The kinds of chart the schema holds (``footmap.chart``; absent means a reflexology chart).
CHART_KINDS = ("reflexology", "body", "foot-anatomy")


def chart_kind(doc: Any) -> str:
    """The kind of chart a parsed document says it is (``footmap.chart``).

    ``"reflexology"`` when absent or not one of :data:`CHART_KINDS` (the schema then names
    the unknown value).
    """
    meta = doc.get("footmap") if isinstance(doc, dict) else None
    kind = meta.get("chart") if isinstance(meta, dict) else None
    return kind if isinstance(kind, str) and kind in CHART_KINDS else "reflexology"


@cache
def _collection_validator() -> jsonschema.Draft202012Validator:
    from jsonschema import Draft202012Validator

    return Draft202012Validator(_collection_schema())


def _certainly_valid(doc: dict[str, Any], features: list[Any], flat: Flat | None = None) -> bool:
    """Whether ``doc`` certainly satisfies the schema, without importing jsonschema.

    jsonschema takes about a second to import, so a valid chart is checked by the quick
    checks alone: :func:`_feature_ok` per feature, and :func:`footmap.chart._quickschema.is_valid`
    for the rest of the document and for any feature the quick check is unsure of.
    """
    if not schemacheck.is_valid(doc, _collection_schema()):
        return False
    feature = {"$defs": schema()["$defs"], "$ref": "#/$defs/feature"}
    return all(
        ok or schemacheck.is_valid(f, feature)
        for f, ok in zip(features, _features_ok(features, flat), strict=True)
    )


@cache
def _feature_validator() -> jsonschema.Draft202012Validator:
    from jsonschema import Draft202012Validator

    return Draft202012Validator({"$defs": schema()["$defs"], "$ref": "#/$defs/feature"})


def _schema_errors(doc: dict[str, Any]) -> list[tuple[list[Any], jsonschema.ValidationError]]:
    """Every schema error of ``doc`` with its path, sorted by path.

    The same errors as validating ``doc`` with :func:`_validator`, but features that pass the
    quick :func:`_feature_ok` skip jsonschema.
    """
    found = [pe for batch in _iter_schema_errors(doc) for pe in batch]
    return sorted(found, key=lambda pe: list(map(str, pe[0])))


def _iter_schema_errors(
    doc: dict[str, Any], flat: Flat | None = None
) -> Iterator[list[tuple[list[Any], jsonschema.ValidationError]]]:
    """Schema errors in batches: the chart's own, then each feature's (each batch sorted).

    Lazy, so that a caller with enough problems can stop before checking every feature.
    """

    def by_path(
        found: list[tuple[list[Any], jsonschema.ValidationError]],
    ) -> list[tuple[list[Any], jsonschema.ValidationError]]:
        return sorted(found, key=lambda pe: list(map(str, pe[0])))

    features = doc.get("features")
    if chart_kind(doc) != "reflexology":  # a body or foot-anatomy chart: small, checked whole
        if not schemacheck.is_valid(doc, schema()):
            yield by_path([(list(e.absolute_path), e) for e in _validator().iter_errors(doc)])
        return
    if isinstance(features, list) and _certainly_valid(doc, features, flat):
        return
    if _fast_rules() is None or not isinstance(features, list):
        yield by_path([(list(e.absolute_path), e) for e in _validator().iter_errors(doc)])
        return
    yield by_path([(list(e.absolute_path), e) for e in _collection_validator().iter_errors(doc)])
    for i, (f, ok) in enumerate(zip(features, _features_ok(features, flat), strict=True)):
        if not ok:
            errors = _feature_validator().iter_errors(f)
            yield by_path([(["features", i, *e.absolute_path], e) for e in errors])


#: The keys of a claim (all required, no other allowed).
_CLAIM_KEYS = frozenset({"kind", "text", "sources"})


def _features_ok(features: list[Any], flat: Flat | None = None) -> list[bool]:
    """:func:`_feature_ok` of each feature, the coordinates of all checked at once.

    A large chart is mostly coordinates: when every polygon of every feature is well formed
    (``Flat.well_formed``; ``flat`` is ``flatten`` of ``features``, computed when not
    given), each feature's own check skips its coordinates.
    """
    coordinates = not (flatten(features) if flat is None else flat).well_formed
    return [_feature_ok(f, coordinates=coordinates) for f in features]


def _feature_ok(f: Any, *, coordinates: bool = True) -> bool:
    """Quick check of a feature against ``$defs/feature`` of the schema.

    True only when jsonschema would find nothing wrong; False means "ask jsonschema" (which
    may still find nothing). ``tests/test_fuzz.py`` holds it to that against jsonschema.
    ``coordinates=False`` skips the polygons' rings and positions, for a feature whose
    coordinates are known to be well formed (see :func:`_features_ok`).
    """
    r = _fast_rules()
    if r is None or not (isinstance(f, dict) and f.get("type") == "Feature"):
        return False
    props, geom, fid = f.get("properties"), f.get("geometry"), f.get("id")
    is_id = r["id"].search
    if not (isinstance(fid, str) and is_id(fid) and isinstance(props, dict)):
        return False
    if not isinstance(geom, dict):
        return False
    coords = geom.get("coordinates")
    if geom.get("type") == "Polygon":
        polys = [coords]
    elif geom.get("type") == "MultiPolygon" and isinstance(coords, list) and coords:
        polys = coords
    else:
        return False
    for poly in polys if coordinates else ():
        if not (isinstance(poly, list) and poly):
            return False
        for ring in poly:
            if not (isinstance(ring, list) and len(ring) >= 4):
                return False
            for pos in ring:  # exact types: bool is not a number in JSON Schema
                if not (
                    type(pos) is list
                    and len(pos) == 2
                    and type(pos[0]) in (int, float)
                    and type(pos[1]) in (int, float)
                ):
                    return False
    if props.get("foot") not in r["foot"] or props.get("view") not in r["view"]:
        return False
    role = props.get("role")
    if role == "outline":
        return True
    claims, label, area = props.get("claims"), props.get("label"), props.get("body_area")
    if not (
        role == "zone"
        and isinstance(label, str)
        and 1 <= len(label) <= r["label"]
        and isinstance(area, str)
        and 1 <= len(area) <= r["body_area"]
        and props.get("system") in r["system"]
        and isinstance(claims, list)
        and claims
    ):
        return False
    kinds, longest = r["claim_kind"], r["text"]
    for c in claims:
        if not (isinstance(c, dict) and c.keys() == _CLAIM_KEYS):
            return False
        kind, text, sources = c["kind"], c["text"], c["sources"]
        if not (
            isinstance(kind, str)
            and kind in kinds
            and isinstance(text, str)
            and 1 <= len(text) <= longest
            and isinstance(sources, list)
            and sources
        ):
            return False
        for sid in sources:
            if not (isinstance(sid, str) and is_id(sid)):
                return False
    return True


def _check_schema(doc: dict[str, Any], problems: _Problems, flat: Flat | None = None) -> None:
    """Report schema errors; stop (and raise) once the problem list is full."""
    features = doc.get("features")
    for errors in _iter_schema_errors(doc, flat):
        # a wrong geometry type is the whole story: skip that geometry's coordinate errors
        bad_type = {tuple(path[:2]) for path, _ in errors if _is_geometry_type_path(path)}
        said = set()  # jsonschema reports each missing key, and each names them all: say it once
        for path, err in errors:
            where = list(path)
            if tuple(where[:2]) in bad_type and where[2:4] == ["geometry", "coordinates"]:
                continue
            if len(where) >= 2 and where[0] == "features" and isinstance(where[1], int):
                problems.schema_bad.add(where[1])
                if where[2:3] == ["geometry"]:
                    problems.geometry_bad.add(where[1])
            zone, field = _where(features, where)
            problem = (zone, f"{field}: {_schema_message(err)}")
            if problem not in said:
                said.add(problem)
                problems.add(*problem)
        if problems.full:
            problems.stopped = True
            problems.raise_if_any()


def _is_geometry_type_path(path: list[Any]) -> bool:
    return len(path) == 4 and path[0] == "features" and path[2:] == ["geometry", "type"]


def _schema_message(err: jsonschema.ValidationError) -> str:
    v = err.validator
    if v == "required":
        missing = [p for p in err.validator_value if p not in (err.instance or {})]
        return "missing required " + ", ".join(repr(m) for m in missing)
    if v == "enum":
        return f"{_short(err.instance)} is not one of {', '.join(map(str, err.validator_value))}"
    if v == "const":
        return f"must be {err.validator_value!r}, not {_short(err.instance)}"
    if v == "type":
        return f"must be of type {err.validator_value}, not {type(err.instance).__name__}"
    if v == "minItems":
        return f"needs at least {err.validator_value} item(s), has {len(err.instance)}"
    if v in ("minLength", "maxLength", "pattern", "maxItems"):
        return f"{_short(err.instance)}: {v} {err.validator_value!r} not met"
    if v == "contains":
        return "must include a caveat of kind 'evidence'"
    return err.message if len(err.message) < 200 else err.message[:197] + "..."
