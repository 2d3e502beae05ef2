"""Read and validate chart files: the one place a chart is checked.

:func:`load` reads a GeoJSON chart, checks everything at once (size, encoding, JSON syntax,
the JSON Schema, geometry validity, overlaps, containment, ids and cross-references) and either
returns a frozen :class:`~footmap.chart.Chart` or raises one :class:`~footmap.errors.ChartError`
listing every problem, each naming the file, the zone id and what is wrong.
"""

from __future__ import annotations

import copy
import functools
import gc
import hashlib
import json
import math
import os
import re
import stat
from collections.abc import Callable, Iterator, Mapping
from functools import cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, TypeVar

import numpy as np
import shapely
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry
from shapely.validation import explain_validity

if TYPE_CHECKING:  # jsonschema takes about a second to import: only when validating
    import jsonschema

from . import schemacheck
from .chart import CLAIM_KINDS, Caveat, Chart, Claim, Disagreement, Outline, Source, Zone
from .errors import ChartError, FootmapError, Problem

__all__ = [
    "CAVEAT_SOURCE_KINDS",
    "SCHEMA_VERSION",
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_ZONES",
    "bundled_path",
    "load",
    "loads",
    "schema",
]

#: The chart schema version this footmap reads (``footmap.schema_version`` in a chart file).
SCHEMA_VERSION = 2
#: Kinds of source each kind of caveat may cite.
CAVEAT_SOURCE_KINDS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "evidence": ("study", "article"),
        "safety": ("article",),
        "chart": ("chart", "history", "study"),
    }
)
#: Kinds of source the variants of a disagreement may cite.
VARIANT_SOURCE_KINDS = ("chart", "study")

#: Largest chart file :func:`load` reads unless told otherwise (bytes).
DEFAULT_MAX_BYTES = 32 * 1024 * 1024
#: Most zones a chart may hold unless told otherwise.
DEFAULT_MAX_ZONES = 20_000
#: Coordinates are millimetres; anything farther from the origin is not a foot chart.
MAX_COORD_MM = 5_000.0
#: Overlap or overhang smaller than this (mm^2) is rounding noise, not an error.
AREA_TOLERANCE = 0.01
#: Problems listed at most, so a hopeless file still gives a readable error.
MAX_PROBLEMS = 200
#: Smallest area (mm^2) of a zone or outline: anything smaller cannot be seen or pointed at.
MIN_AREA_MM2 = 1.0
#: Outline features a chart may hold besides its zones: one per foot and view.
MAX_OUTLINES = 8
#: Most JSON objects, arrays and values (array items and object members) a chart may hold.
#: Counted in the text before it is parsed, so that a small hostile file cannot make the
#: parser build millions of Python objects (a 32 MB file of ``{},`` would need 800 MB).
MAX_JSON_OBJECTS = 1_000_000
MAX_JSON_ARRAYS = 3_000_000
MAX_JSON_VALUES = 5_000_000
MAX_JSON_STRINGS = 2_000_000
#: Most pairs of zones with overlapping bounding boxes the overlap check looks at, per panel
#: (a real chart has a few per zone; nested rings of zones can have every pair).
MAX_BOX_PAIRS = 2_000_000


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
        part = [s["properties"]["features"], *(s["$defs"][k] for k in _FEATURE_DEFS)]
    except (KeyError, TypeError):
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
    """The chart schema without the per-feature part (features are validated one by one)."""
    s = copy.deepcopy(schema())
    del s["properties"]["features"]["items"]
    return s


@cache
def _collection_validator() -> jsonschema.Draft202012Validator:
    from jsonschema import Draft202012Validator

    return Draft202012Validator(_collection_schema())


def _certainly_valid(doc: dict[str, Any], features: list[Any]) -> bool:
    """Whether ``doc`` certainly satisfies the schema, without importing jsonschema.

    jsonschema takes about a second to import, so a valid chart is checked by the quick
    checks alone: :func:`_feature_ok` per feature, and :func:`footmap.schemacheck.is_valid`
    for the rest of the document and for any feature the quick check is unsure of.
    """
    if not schemacheck.is_valid(doc, _collection_schema()):
        return False
    feature = {"$defs": schema()["$defs"], "$ref": "#/$defs/feature"}
    return all(_feature_ok(f) or schemacheck.is_valid(f, feature) for f in features)


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
    doc: dict[str, Any],
) -> Iterator[list[tuple[list[Any], jsonschema.ValidationError]]]:
    """Schema errors in batches: the chart's own, then each feature's (each batch sorted).

    Lazy, so that a caller with enough problems can stop before checking every feature.
    """

    def by_path(
        found: list[tuple[list[Any], jsonschema.ValidationError]],
    ) -> list[tuple[list[Any], jsonschema.ValidationError]]:
        return sorted(found, key=lambda pe: list(map(str, pe[0])))

    features = doc.get("features")
    if isinstance(features, list) and _certainly_valid(doc, features):
        return []
    if _fast_rules() is None or not isinstance(features, list):
        yield by_path([(list(e.absolute_path), e) for e in _validator().iter_errors(doc)])
        return
    yield by_path([(list(e.absolute_path), e) for e in _collection_validator().iter_errors(doc)])
    for i, f in enumerate(features):
        if not _feature_ok(f):
            errors = _feature_validator().iter_errors(f)
            yield by_path([(["features", i, *e.absolute_path], e) for e in errors])


def _is_id(value: Any, rules: dict[str, Any]) -> bool:
    return isinstance(value, str) and rules["id"].search(value) is not None


def _is_text(value: Any, max_length: int) -> bool:
    return isinstance(value, str) and 1 <= len(value) <= max_length


def _feature_ok(f: Any) -> bool:
    """Quick check of a feature against ``$defs/feature`` of the schema.

    True only when jsonschema would find nothing wrong; False means "ask jsonschema" (which
    may still find nothing). ``tests/test_fuzz.py`` holds it to that against jsonschema.
    """
    r = _fast_rules()
    if r is None or not (isinstance(f, dict) and f.get("type") == "Feature"):
        return False
    props, geom = f.get("properties"), f.get("geometry")
    if not (_is_id(f.get("id"), r) and isinstance(props, dict) and isinstance(geom, dict)):
        return False
    coords = geom.get("coordinates")
    if geom.get("type") == "Polygon":
        polys = [coords]
    elif geom.get("type") == "MultiPolygon" and isinstance(coords, list) and coords:
        polys = coords
    else:
        return False
    for poly in polys:
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
    claims = props.get("claims")
    if not (
        role == "zone"
        and _is_text(props.get("label"), r["label"])
        and _is_text(props.get("body_area"), r["body_area"])
        and props.get("system") in r["system"]
        and isinstance(claims, list)
        and claims
    ):
        return False
    for c in claims:
        if not (isinstance(c, dict) and c.keys() == {"kind", "text", "sources"}):
            return False
        if not (isinstance(c["kind"], str) and c["kind"] in r["claim_kind"]):
            return False
        sources = c["sources"]
        if not (_is_text(c["text"], r["text"]) and isinstance(sources, list) and sources):
            return False
        if not all(_is_id(sid, r) for sid in sources):
            return False
    return True


def bundled_path() -> Path:
    """Path of the chart that ships with footmap.

    In an installed wheel it is package data (``footmap/data/zones.geojson``); in a source
    checkout it is the repository's ``data/zones.geojson``.

    Raises
    ------
    FootmapError
        If neither exists (a broken installation).
    """
    packaged = resources.files("footmap").joinpath("data", "zones.geojson")
    if packaged.is_file():
        return Path(str(packaged))
    checkout = Path(__file__).resolve().parent.parent / "data" / "zones.geojson"
    if checkout.is_file():
        return checkout
    raise FootmapError(
        f"the bundled chart is missing (looked for {packaged} and {checkout}); reinstall footmap"
    )


def load(
    path: str | os.PathLike[str] | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_zones: int = DEFAULT_MAX_ZONES,
) -> Chart:
    """Load and validate a chart.

    Parameters
    ----------
    path : str or path-like, optional
        A GeoJSON chart following footmap's schema. ``None`` loads the bundled chart
        (cached: repeated calls return the same object).
    max_bytes : int, optional
        Refuse files larger than this.
    max_zones : int, optional
        Refuse charts with more zones than this.

    Returns
    -------
    Chart
        The validated, immutable chart.

    Raises
    ------
    ChartError
        Listing every problem found (file, zone id, what is wrong).

    Examples
    --------
    >>> import footmap
    >>> chart = footmap.load()
    >>> chart.zone("right.plantar.liver").body_area
    'liver'
    """
    if path is None and max_bytes == DEFAULT_MAX_BYTES and max_zones == DEFAULT_MAX_ZONES:
        return _load_bundled()
    if path is not None and not isinstance(path, str | os.PathLike):
        raise ChartError(
            [
                Problem(
                    _short(path), None, f"a chart path is a str or path, not {type(path).__name__}"
                )
            ]
        )
    name = "<bundled chart>" if path is None else _path_name(path)
    _check_limits(name, max_bytes, max_zones)
    try:
        p = bundled_path() if path is None else Path(path)
        name = str(p)
        data = _read_capped(p, name, max_bytes)
        resolved = p.resolve()
    except ChartError:
        raise
    except FileNotFoundError:
        raise ChartError([Problem(name, None, "no such file")]) from None
    except PermissionError:
        raise ChartError([Problem(name, None, "permission denied")]) from None
    except (OSError, RuntimeError) as exc:  # RuntimeError: a symlink loop (Python < 3.13)
        msg = getattr(exc, "strerror", None) or str(exc)
        raise ChartError([Problem(name, None, f"cannot read: {msg}")]) from None
    except (TypeError, ValueError) as exc:  # an embedded NUL, a path-like returning bytes
        raise ChartError([Problem(name, None, f"not a usable path: {_nul_free(exc)}")]) from None
    return loads(data, name=name, path=resolved, max_bytes=max_bytes, max_zones=max_zones)


def _path_name(path: str | os.PathLike[str]) -> str:
    try:
        return str(os.fspath(path))
    except (TypeError, ValueError):
        return _short(path)


def _nul_free(exc: BaseException) -> str:
    msg = str(exc)
    return "it contains a NUL character" if "null" in msg.lower() else msg


def _read_capped(p: Path, name: str, max_bytes: int) -> bytes:
    """The file's bytes, refusing anything but a regular file and reading at most the cap.

    The file is opened without blocking (a FIFO without a writer would hang ``open``), then
    checked with ``fstat``, so a file swapped for a device or a pipe after the check is
    still refused; reading stops one byte past ``max_bytes`` whatever the file claims.
    """
    st = p.stat()
    if stat.S_ISDIR(st.st_mode):
        raise ChartError([Problem(name, None, "is a directory, not a chart file")])
    if not stat.S_ISREG(st.st_mode):
        raise ChartError([Problem(name, None, f"is {_file_kind(st.st_mode)}, not a chart file")])
    if st.st_size > max_bytes:
        raise ChartError(
            [Problem(name, None, f"file is {st.st_size:,} bytes; the limit is {max_bytes:,} bytes")]
        )
    fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise ChartError(
                [Problem(name, None, f"is {_file_kind(st.st_mode)}, not a chart file")]
            )
        chunks, total = [], 0
        while total <= max_bytes:
            chunk = os.read(fd, min(1 << 20, max_bytes + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    finally:
        os.close(fd)
    if total > max_bytes:
        raise ChartError(
            [
                Problem(
                    name,
                    None,
                    f"file is over {max_bytes:,} bytes; the limit is {max_bytes:,} bytes",
                )
            ]
        )
    return b"".join(chunks)


def _file_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _check_limits(name: str, max_bytes: Any, max_zones: Any) -> None:
    for label, value in (("max_bytes", max_bytes), ("max_zones", max_zones)):
        if type(value) is not int or value < 1:
            raise ChartError(
                [
                    Problem(
                        name,
                        None,
                        f"{label} must be a whole number of at least 1, not {_short(value)}",
                    )
                ]
            )


@cache
def _load_bundled() -> Chart:
    return load(bundled_path(), max_bytes=DEFAULT_MAX_BYTES + 1)


_F = TypeVar("_F", bound=Callable[..., Any])


def _gc_paused(fn: _F) -> _F:
    """Run ``fn`` with the cyclic garbage collector paused (restored however it ends).

    Parsing and building a large chart allocates millions of objects and no cycles, so the
    collector would run hundreds of times for nothing: up to half the load time at 100,000
    zones.
    """

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            return fn(*args, **kwargs)
        finally:
            if was_enabled:
                gc.enable()

    return wrapper  # type: ignore[return-value]


@_gc_paused
def loads(
    data: str | bytes,
    *,
    name: str = "<string>",
    path: Path | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_zones: int = DEFAULT_MAX_ZONES,
) -> Chart:
    """Validate a chart given as JSON text or UTF-8 bytes; see :func:`load`.

    Parameters
    ----------
    data : str or bytes
        The chart document.
    name : str, optional
        How errors name the input.
    path : pathlib.Path, optional
        Recorded as :attr:`Chart.path`.
    max_bytes, max_zones : int, optional
        Limits, as in :func:`load`.

    Returns
    -------
    Chart

    Raises
    ------
    ChartError
        Listing every problem found.
    """
    if not isinstance(name, str):
        raise ChartError([Problem(_short(name), None, "name must be a str")])
    _check_limits(name, max_bytes, max_zones)
    if isinstance(data, bytearray | memoryview):
        data = bytes(data)
    if not isinstance(data, str | bytes):
        raise ChartError(
            [Problem(name, None, f"chart data must be str or bytes, not {type(data).__name__}")]
        )
    doc, duplicates = _parse(data, name, max_bytes)
    problems = _Problems(name)
    _check_structure(doc, duplicates, max_zones, problems)
    _check_schema(doc, problems)
    features = doc.get("features") if isinstance(doc, dict) else None
    if not isinstance(features, list):
        problems.raise_if_any()
        raise ChartError([Problem(name, None, "no features")])  # pragma: no cover - schema
    meta = doc["footmap"] if isinstance(doc.get("footmap"), dict) else {}
    meta_ok = not any(p.zone is None for p in problems.items)  # the schema passed the metadata
    chart = _build(meta, features, problems, path, meta_ok)
    problems.raise_if_any()
    assert chart is not None
    return chart


# -- parsing ---------------------------------------------------------------------------------
#: A JSON string literal (for counting structure outside strings).
_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
#: A lone surrogate, raw (in a str given to loads) or as a JSON escape.
_SURROGATE = re.compile("[\ud800-\udfff]")
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def _parse(data: str | bytes, name: str, max_bytes: int) -> tuple[Any, dict[int, list[str]]]:
    """Decode and parse ``data``; return the document and its objects' duplicate keys.

    A leading byte-order mark is ignored, whether ``data`` is text or bytes. The text's
    structure is counted before parsing (see :data:`MAX_JSON_OBJECTS`).
    """
    if isinstance(data, str):
        text = data
        if len(text) > max_bytes:
            raise ChartError([Problem(name, None, f"chart text is over {max_bytes:,} bytes")])
    else:
        if len(data) > max_bytes:
            raise ChartError(
                [Problem(name, None, f"file is {len(data):,} bytes; the limit is {max_bytes:,}")]
            )
        if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
            raise ChartError(
                [
                    Problem(
                        name,
                        None,
                        "not UTF-8 text: it is UTF-16 (starts with a UTF-16 byte-order mark)",
                    )
                ]
            )
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ChartError(
                [
                    Problem(
                        name, None, f"not UTF-8 text: byte {exc.start} is 0x{data[exc.start]:02x}"
                    )
                ]
            ) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    _check_counts(text, name)

    def reject_constant(token: str) -> Any:
        raise ValueError(f"{token} is not a number in JSON")

    duplicates: dict[int, list[str]] = {}

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        obj = dict(items)
        if len(obj) != len(items):
            seen: set[str] = set()
            dups = [k for k, _ in items if k in seen or seen.add(k)]  # type: ignore[func-returns-value]
            duplicates[id(obj)] = list(dict.fromkeys(dups))
        return obj

    try:
        doc = json.loads(text, parse_constant=reject_constant, object_pairs_hook=pairs)
    except json.JSONDecodeError as exc:
        msg = f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
        raise ChartError([Problem(name, None, msg)]) from None
    except ValueError as exc:
        raise ChartError([Problem(name, None, f"invalid JSON: {exc}")]) from None
    except RecursionError:
        raise ChartError([Problem(name, None, "JSON is nested too deeply")]) from None
    if _SURROGATE.search(text) or _SURROGATE_ESCAPE.search(text):
        duplicates[-1] = []  # ask _check_structure to look for lone surrogates
    return doc, duplicates


def _check_counts(text: str, name: str) -> None:
    """Refuse text holding more JSON objects, arrays or values than the limits allow.

    Counting brackets and commas is a quick upper bound; only when it exceeds a limit are
    strings blanked out and the structure counted exactly, for the message.
    """
    strings = (text.count('"') - text.count('\\"')) // 2
    if strings > MAX_JSON_STRINGS:
        raise ChartError(
            [
                Problem(
                    name, None, f"holds {strings:,} JSON strings; the limit is {MAX_JSON_STRINGS:,}"
                )
            ]
        )
    limits = (("{", MAX_JSON_OBJECTS, "objects"), ("[", MAX_JSON_ARRAYS, "arrays"),
              (",", MAX_JSON_VALUES, "values"))  # fmt: skip
    if all(text.count(c) <= limit for c, limit, _ in limits):
        return
    bare = _JSON_STRING.sub('""', text)
    for c, limit, what in limits:
        n = bare.count(c)
        if n > limit:
            raise ChartError(
                [Problem(name, None, f"holds {n:,} JSON {what}; the limit is {limit:,}")]
            )


def _check_structure(
    doc: Any, marks: dict[int, list[str]], max_zones: int, problems: _Problems
) -> None:
    """The cheap checks that bound the rest: a FeatureCollection, not too many features.

    Also reports duplicate object keys and lone surrogates (marked by :func:`_parse`),
    each with its place in the document.
    """
    if not isinstance(doc, dict):
        problems.add(None, f"not a GeoJSON FeatureCollection (top level is {type(doc).__name__})")
        problems.raise_if_any()
    if doc.get("type") != "FeatureCollection":
        problems.add(None, f"not a GeoJSON FeatureCollection (type is {_short(doc.get('type'))})")
        problems.raise_if_any()
    features = doc.get("features")
    if isinstance(features, list):
        zones = sum(_is_zone(f) for f in features)
        if zones > max_zones:
            problems.add(None, f"chart has more than {max_zones:,} zones (the configured limit)")
            problems.raise_if_any()
        if len(features) > max_zones + MAX_OUTLINES:
            problems.add(
                None,
                f"chart has {len(features):,} features; the limit is {max_zones + MAX_OUTLINES:,} "
                f"({max_zones:,} zones and {MAX_OUTLINES} outlines)",
            )
            problems.raise_if_any()
    if marks:
        surrogates = marks.pop(-1, None) is not None
        _report_marks(doc, marks, surrogates, problems)


def _report_marks(
    doc: Any, duplicates: dict[int, list[str]], surrogates: bool, problems: _Problems
) -> None:
    features = doc.get("features")
    stack: list[tuple[Any, tuple[Any, ...]]] = [(doc, ())]
    while stack and not problems.full:
        node, path = stack.pop()
        if isinstance(node, dict):
            for key in duplicates.get(id(node), ()):
                zone, field = _where(features, list(path))
                problems.add(
                    zone,
                    f"{field}: duplicate key {_short(key)} (only the last value would be kept)",
                )
            items = list(node.items())
            if surrogates:
                for key, _ in items:
                    if _SURROGATE.search(key):
                        zone, field = _where(features, list(path))
                        problems.add(zone, f"{field}: key {_short(key)} {_lone(key)}")
            stack.extend((v, (*path, k)) for k, v in reversed(items))
        elif isinstance(node, list):
            stack.extend((v, (*path, i)) for i, v in reversed(list(enumerate(node))))
        elif surrogates and isinstance(node, str) and _SURROGATE.search(node):
            zone, field = _where(features, list(path))
            problems.add(zone, f"{field}: {_lone(node)}")


def _lone(text: str) -> str:
    m = _SURROGATE.search(text)
    assert m is not None
    return (
        f"holds a lone surrogate \\u{ord(m.group()):04x} at character {m.start()} "
        "(not valid Unicode text)"
    )


def _where(features: Any, path: list[Any]) -> tuple[str | None, str]:
    """The problem's zone (a feature's name, or None) and field for a document path."""
    zone = None
    if len(path) >= 2 and path[0] == "features" and isinstance(path[1], int):
        zone = _feature_name(features, path[1])
        path = path[2:]
    return zone, ".".join(str(p) for p in path) or ("feature" if zone else "chart")


class _Problems:
    """Collects problems for one input (at most :data:`MAX_PROBLEMS` are kept).

    Remembers which features have any, and which have schema errors (all of them, or in
    their geometry), by position.
    """

    def __init__(self, name: str) -> None:
        self.name = name
        self.items: list[Problem] = []
        self._features: set[str] = set()
        self.schema_bad: set[int] = set()
        self.geometry_bad: set[int] = set()
        self.dropped = 0  # problems found beyond the cap
        self.stopped = False  # checking ended early: more problems may exist

    @property
    def full(self) -> bool:
        return len(self.items) >= MAX_PROBLEMS

    def add(self, zone: str | None, message: str) -> None:
        if self.full:
            self.dropped += 1
        else:
            self.items.append(Problem(self.name, zone, message))
        if zone is not None:
            self._features.add(zone)

    def zones_with_problems(self) -> set[str]:
        return set(self._features)

    def raise_if_any(self) -> None:
        if not self.items:
            return
        items = list(self.items)
        if self.stopped:
            more = f"... and more: checking stopped after {MAX_PROBLEMS:,} problems"
            items.append(Problem(self.name, None, more))
        elif self.dropped:
            items.append(Problem(self.name, None, f"... and {self.dropped:,} more"))
        raise ChartError(items)


def _feature_name(features: Any, index: int) -> str:
    """Name a feature by its id when it has a usable one, else by position."""
    try:
        fid = features[index].get("id")
    except (AttributeError, IndexError, KeyError, TypeError):
        fid = None
    if isinstance(fid, str) and fid and len(fid) <= 80 and fid.isprintable():
        return fid
    return f"features[{index}]"


def _short(value: Any, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _check_schema(doc: dict[str, Any], problems: _Problems) -> None:
    """Report schema errors; stop (and raise) once the problem list is full."""
    features = doc.get("features")
    for errors in _iter_schema_errors(doc):
        # a wrong geometry type is the whole story: skip that geometry's coordinate errors
        bad_type = {tuple(path[:2]) for path, _ in errors if _is_geometry_type_path(path)}
        for path, err in errors:
            where = list(path)
            if tuple(where[:2]) in bad_type and where[2:4] == ["geometry", "coordinates"]:
                continue
            if len(where) >= 2 and where[0] == "features" and isinstance(where[1], int):
                problems.schema_bad.add(where[1])
                if where[2:3] == ["geometry"]:
                    problems.geometry_bad.add(where[1])
            zone, field = _where(features, where)
            problems.add(zone, f"{field}: {_schema_message(err)}")
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


def _is_zone(feature: Any) -> bool:
    return (
        isinstance(feature, dict)
        and isinstance(feature.get("properties"), dict)
        and feature["properties"].get("role") == "zone"
    )


# -- geometry --------------------------------------------------------------------------------
def _rings(coords: Any, gtype: str) -> Iterator[list[Any]]:
    polys = [coords] if gtype == "Polygon" else coords
    for poly in polys:
        yield from poly


def _geometry(feature: Mapping[str, Any], fid: str, problems: _Problems) -> BaseGeometry | None:
    gj = feature["geometry"]
    ok = True
    for ring in _rings(gj["coordinates"], gj["type"]):
        if ring[0] != ring[-1]:
            problems.add(fid, f"geometry: ring starting at {_short(ring[0])} is not closed")
            ok = False
        for x, y in ring:
            # ints are exact (and may be too big for a float); 1e400 in JSON reads as inf
            if not all(isinstance(v, int) or math.isfinite(v) for v in (x, y)):
                problems.add(fid, "geometry: non-finite coordinate (too large for a float)")
                return None
            if abs(x) > MAX_COORD_MM or abs(y) > MAX_COORD_MM:
                problems.add(
                    fid,
                    f"geometry: coordinate {_short([x, y])} is beyond {MAX_COORD_MM:g} mm "
                    "(chart coordinates are millimetres)",
                )
                return None
    if not ok:
        return None
    try:
        geom = shape(gj)
    except (ValueError, TypeError, shapely.errors.ShapelyError) as exc:
        problems.add(fid, f"geometry: cannot be built ({exc})")
        return None
    if geom.is_empty:
        problems.add(fid, "geometry: empty (no area)")
        return None
    if not geom.is_valid:  # before the area: a bow-tie's two halves cancel to area 0
        problems.add(fid, f"geometry: invalid ({explain_validity(geom)})")
        return None
    if geom.area <= 0:
        problems.add(fid, "geometry: empty (no area)")
        return None
    if geom.area < MIN_AREA_MM2:
        problems.add(
            fid,
            f"geometry: area {geom.area:.3g} mm\u00b2 is below the minimum of "
            f"{MIN_AREA_MM2:g} mm\u00b2 (too small to see or point at)",
        )
        return None
    return geom


def _geometries(features: list[Any], problems: _Problems) -> dict[int, BaseGeometry]:
    """Build at once every geometry that passes all of :func:`_geometry`'s checks.

    Returns the geometries by feature position. Only features the schema passed are tried; a
    feature missing from the result (an odd shape, a failed check, or everything when the
    coordinates do not form one numeric array) goes through :func:`_geometry`, which reports
    its problems with the same words and in the same order as always. Nothing is reported here.
    """
    where: list[int] = []
    polys: list[Any] = []  # every polygon's rings, in feature order
    parts: list[int] = []  # polygons per feature
    for i, f in enumerate(features):
        if i in problems.schema_bad or not isinstance(f, dict):
            continue
        gj = f.get("geometry")
        if not isinstance(gj, dict):
            continue
        coords = gj.get("coordinates")
        if gj.get("type") == "Polygon":
            polys.append(coords)
            parts.append(1)
        elif gj.get("type") == "MultiPolygon" and isinstance(coords, list):
            polys.extend(coords)
            parts.append(len(coords))
        else:
            continue
        where.append(i)
    if not where:
        return {}
    rings = [ring for poly in polys for ring in poly]
    sizes = np.fromiter(map(len, rings), dtype=np.int64, count=len(rings))
    per_poly = np.fromiter(map(len, polys), dtype=np.int64, count=len(polys))
    try:
        xy = np.array([pos for ring in rings for pos in ring], dtype=np.float64)
    except (ValueError, TypeError, OverflowError):  # ragged, not numbers, too big for a float
        return {}
    if xy.ndim != 2 or xy.shape[1] != 2 or len(xy) != sizes.sum():
        return {}
    ring_end = np.cumsum(sizes)
    ring_start = ring_end - sizes
    # a ring passes when it has 4+ positions, is closed, finite and within range
    with np.errstate(invalid="ignore"):
        in_range = np.isfinite(xy).all(axis=1) & (np.abs(xy) <= MAX_COORD_MM).all(axis=1)
    ring_ok = sizes >= 4
    nonempty = sizes > 0
    ring_ok[nonempty] &= np.logical_and.reduceat(in_range, ring_start[nonempty])
    last = np.maximum(ring_end - 1, 0)
    ring_ok &= (xy[np.minimum(ring_start, len(xy) - 1)] == xy[last]).all(axis=1)
    poly_of_ring = np.repeat(np.arange(len(polys)), per_poly)
    poly_ok = (per_poly > 0) & (
        np.bincount(poly_of_ring, weights=~ring_ok, minlength=len(polys)) == 0
    )
    counts = np.asarray(parts, dtype=np.int64)
    feature_of_poly = np.repeat(np.arange(len(where)), counts)
    feature_ok = (counts > 0) & (
        np.bincount(feature_of_poly, weights=~poly_ok, minlength=len(where)) == 0
    )
    # build only the features that passed, one ragged array per geometry type
    keep_poly = feature_ok[feature_of_poly]
    keep_ring = keep_poly[poly_of_ring]
    keep_xy = np.repeat(keep_ring, sizes)
    ring_offsets = np.concatenate([[0], np.cumsum(sizes[keep_ring])])
    poly_offsets = np.concatenate([[0], np.cumsum(per_poly[keep_poly])])
    kept = [i for i, ok in zip(where, feature_ok, strict=True) if ok]
    if not kept:
        return {}
    multi = np.array([features[i]["geometry"]["type"] == "MultiPolygon" for i in kept], dtype=bool)
    flat = shapely.from_ragged_array(
        shapely.GeometryType.POLYGON, xy[keep_xy], (ring_offsets, poly_offsets)
    )
    geoms = np.empty(len(kept), dtype=object)
    polygon_at = np.concatenate([[0], np.cumsum(counts[feature_ok])])[:-1]
    geoms[~multi] = flat[polygon_at[~multi]]
    if multi.any():
        multi_counts = counts[feature_ok][multi]
        members = np.concatenate(
            [np.arange(a, a + n) for a, n in zip(polygon_at[multi], multi_counts, strict=True)]
        )
        owner = np.repeat(np.arange(int(multi.sum())), multi_counts)
        geoms[multi] = shapely.multipolygons(flat[members], indices=owner)
    good = (
        ~shapely.is_empty(geoms) & shapely.is_valid(geoms) & (shapely.area(geoms) >= MIN_AREA_MM2)
    )
    return {i: g for i, g, ok in zip(kept, geoms, good, strict=True) if ok}


# -- building --------------------------------------------------------------------------------
def _build(
    meta: Mapping[str, Any],
    features: list[Any],
    problems: _Problems,
    path: Path | None,
    meta_ok: bool = True,
) -> Chart | None:
    sources = tuple(
        Source(
            id=s["id"],
            kind=s["kind"],
            title=s["title"],
            citation=s["citation"],
            file=s.get("file"),
            note=s.get("note"),
            url=s.get("url"),
        )
        for s in _records(meta.get("sources"), ("id", "kind", "title", "citation"))
    )
    # with the source list missing or malformed (the schema says so) every citation would
    # look unknown: check citations only against a complete list
    raw_sources = meta.get("sources")
    complete = isinstance(raw_sources, list) and len(sources) == len(raw_sources)
    known_sources = {s.id for s in sources} if complete else None
    source_kinds = {s.id: s.kind for s in sources}
    seen_sources: set[str] = set()
    for s in sources:
        if s.id in seen_sources:
            problems.add(None, f"footmap.sources: duplicate source id {s.id!r}")
        seen_sources.add(s.id)

    caveats = []
    for c in _records(meta.get("caveats"), ("id", "kind", "text")):
        if not (
            isinstance(c.get("sources"), list) and all(isinstance(x, str) for x in c["sources"])
        ):
            continue
        for sid in _unknown(c["sources"], known_sources):
            problems.add(None, f"caveat {c['id']!r} cites unknown source {sid!r}")
        allowed = CAVEAT_SOURCE_KINDS.get(c["kind"])
        for sid, kind in _cited_kinds(c["sources"], source_kinds):
            if allowed is not None and kind not in allowed:
                problems.add(
                    None,
                    f"caveat {c['id']!r} ({c['kind']}) cites {sid!r}, a{_an(kind)} {kind} "
                    f"source; a{_an(c['kind'])} {c['kind']} caveat may cite only "
                    f"{_either(allowed)} sources",
                )
        short = c.get("short") if isinstance(c.get("short"), str) else None
        caveats.append(Caveat(c["id"], c["kind"], c["text"], tuple(c["sources"]), short))

    zones: list[Zone] = []
    outlines: dict[tuple[str, str], list[Outline]] = {}
    outline_ids: dict[tuple[str, str], list[str]] = {}
    ids: dict[str, int] = {}
    built = _geometries(features, problems)
    for i, f in enumerate(features):
        fid = _feature_name(features, i)
        if isinstance(f, dict) and isinstance(f.get("id"), str):
            if f["id"] in ids:
                problems.add(fid, f"duplicate id (also used by features[{ids[f['id']]}])")
            ids.setdefault(f["id"], i)
        if not isinstance(f, dict):
            continue
        if i in problems.schema_bad:
            # still check a well-formed geometry beside other errors: report every problem
            if i not in problems.geometry_bad and isinstance(f.get("geometry"), dict):
                _geometry(f, fid, problems)
            continue
        props = f["properties"]
        geom = built[i] if i in built else _geometry(f, fid, problems)
        if props["role"] == "zone":
            for claim in props["claims"]:
                for sid in _unknown(claim["sources"], known_sources):
                    problems.add(fid, f"claim cites unknown source {sid!r}")
            for n, claim in enumerate(props["claims"], start=1):
                for msg in _kind_problems(claim, source_kinds):
                    problems.add(fid, f"claim {n} {_short(claim['text'], 50)}: {msg}")
            if not any(c["kind"] == "placement" for c in props["claims"]):
                problems.add(
                    fid, "has no placement claim (every zone needs one saying where charts put it)"
                )
        if geom is None:
            continue
        if props["role"] == "outline":
            outlines.setdefault((props["foot"], props["view"]), []).append(
                Outline(props["foot"], props["view"], geom)
            )
            outline_ids.setdefault((props["foot"], props["view"]), []).append(fid)
            continue
        zones.append(
            Zone(
                id=f["id"],
                foot=props["foot"],
                view=props["view"],
                label=props["label"],
                body_area=props["body_area"],
                system=props["system"],
                claims=tuple(_claim(c) for c in props["claims"]),
                geometry=geom,
            )
        )

    for panel, fids in outline_ids.items():
        for extra in fids[1:]:
            where = f"{panel[0]} {panel[1]} panel"
            problems.add(extra, f"extra outline for the {where} (the first is {fids[0]!r})")
    outlined = {k: v[0] for k, v in outlines.items()}
    _check_panels(zones, outlined, _declared_outlines(features), problems)
    if not meta_ok:  # malformed notes or disagreements: the schema's problems say so
        return None
    notes = meta.get("system_notes", {})
    for system, claims in notes.items():
        for n, claim in enumerate(claims, start=1):
            for sid in _unknown(claim["sources"], known_sources):
                problems.add(None, f"system note for {system!r} cites unknown source {sid!r}")
            for msg in _kind_problems(claim, source_kinds):
                where = f"system note {n} for {system!r} {_short(claim['text'], 50)}"
                problems.add(None, f"{where}: {msg}")
    for n, claim in enumerate(meta.get("history", []), start=1):
        for sid in _unknown(claim["sources"], known_sources):
            problems.add(None, f"history note cites unknown source {sid!r}")
        for msg in _kind_problems(claim, source_kinds):
            problems.add(None, f"history note {n} {_short(claim['text'], 50)}: {msg}")
    zone_ids = {f["id"] for f in features if _is_zone(f) and isinstance(f.get("id"), str)}
    disagreements = _disagreements(
        meta.get("disagreements", []), zone_ids, known_sources, source_kinds, problems
    )
    if problems.items:
        return None
    return Chart(
        system_notes=MappingProxyType({k: tuple(_claim(c) for c in v) for k, v in notes.items()}),
        history=tuple(_claim(c) for c in meta.get("history", [])),
        disagreements=disagreements,
        title=meta["title"],
        description=meta["description"],
        units=meta["units"],
        frame=meta["frame"],
        orientation=meta["orientation"],
        sources=sources,
        caveats=tuple(caveats),
        zones=tuple(zones),
        outlines=tuple(o[0] for o in outlines.values()),
        path=path,
    )


def _claim(c: Mapping[str, Any]) -> Claim:
    return Claim(c["text"], tuple(c["sources"]), c["kind"])


def _an(word: str) -> str:
    return "n" if word[:1] in "aeiou" else ""


def _either(kinds: tuple[str, ...]) -> str:
    return kinds[0] if len(kinds) == 1 else ", ".join(kinds[:-1]) + " or " + kinds[-1]


def _cited_kinds(ids: list[str], source_kinds: dict[str, str]) -> list[tuple[str, str]]:
    """``(id, kind)`` of each cited source that exists (unknown ids are reported elsewhere)."""
    return [(i, source_kinds[i]) for i in ids if i in source_kinds]


def _kind_problems(claim: Mapping[str, Any], source_kinds: dict[str, str]) -> list[str]:
    """What is wrong with the sources a claim of its kind cites (see ``CLAIM_KINDS``)."""
    kind = claim["kind"]
    allowed = CLAIM_KINDS[kind]
    return [
        f"{kind} claim cites {sid!r}, a{_an(skind)} {skind} source; {kind} claims may cite "
        f"only {_either(allowed)} sources"
        for sid, skind in _cited_kinds(claim["sources"], source_kinds)
        if skind not in allowed
    ]


def _disagreements(
    items: list[dict[str, Any]],
    zone_ids: set[str],
    known_sources: set[str] | None,
    source_kinds: dict[str, str],
    problems: _Problems,
) -> tuple[Disagreement, ...]:
    """Check and build the chart's disagreements (the schema has checked their shape)."""
    out = []
    seen: set[str] = set()
    for d in items:
        did = d["id"]
        where = f"disagreement {did!r}"
        if did in seen:
            problems.add(None, f"{where}: duplicate disagreement id")
        seen.add(did)
        for zid in d["zones"]:
            if zid not in zone_ids:
                problems.add(None, f"{where}: no zone with id {zid!r}")
        for n, v in enumerate(d["variants"], start=1):
            for sid in _unknown(v["sources"], known_sources):
                problems.add(None, f"{where}: variant {n} cites unknown source {sid!r}")
            for sid, kind in _cited_kinds(v["sources"], source_kinds):
                if kind not in VARIANT_SOURCE_KINDS:
                    problems.add(
                        None,
                        f"{where}: variant {n} {_short(v['text'], 50)} cites {sid!r}, "
                        f"a{_an(kind)} {kind} source; variants may cite only "
                        f"{_either(VARIANT_SOURCE_KINDS)} sources",
                    )
        variants = tuple(Claim(v["text"], tuple(v["sources"]), "placement") for v in d["variants"])
        out.append(Disagreement(did, d["topic"], d["text"], tuple(d["zones"]), variants))
    return tuple(out)


def _records(items: Any, keys: tuple[str, ...]) -> list[dict[str, Any]]:
    """The well-formed records of a metadata list (the schema reports the others)."""
    if not isinstance(items, list):
        return []
    return [
        r for r in items if isinstance(r, dict) and all(isinstance(r.get(k), str) for k in keys)
    ]


def _unknown(ids: list[str], known: set[str] | None) -> list[str]:
    return [] if known is None else [i for i in ids if i not in known]


def _declared_outlines(features: list[Any]) -> set[tuple[str, str]]:
    """Panels some feature means to outline, valid or not."""
    panels = set()
    for f in features:
        p = f.get("properties") if isinstance(f, dict) else None
        if isinstance(p, dict) and p.get("role") == "outline":
            if isinstance(p.get("foot"), str) and isinstance(p.get("view"), str):
                panels.add((p["foot"], p["view"]))
    return panels


def _candidate_pairs(geoms: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
    """Pairs ``i < j`` of geometries whose bounding boxes meet; None past the budget.

    Queried a few zones at a time so that a hostile panel (thousands of nested zones, every
    box holding every other) costs neither the memory nor the time of all its pairs.
    """
    tree = shapely.STRtree(geoms)
    lefts, rights, total = [], [], 0
    for start in range(0, len(geoms), 64):
        chunk = np.arange(start, min(start + 64, len(geoms)))
        ci, tj = tree.query(geoms[chunk])
        total += len(ci)
        if total > MAX_BOX_PAIRS:
            return None
        keep = chunk[ci] < tj
        lefts.append(chunk[ci][keep])
        rights.append(tj[keep])
    if not lefts:
        return np.zeros(0, dtype=np.intp), np.zeros(0, dtype=np.intp)
    return np.concatenate(lefts), np.concatenate(rights)


def _check_panels(
    zones: list[Zone],
    outlines: dict[tuple[str, str], Outline],
    declared: set[tuple[str, str]],
    problems: _Problems,
) -> None:
    panels: dict[tuple[str, str], list[Zone]] = {}
    for z in zones:
        panels.setdefault((z.foot, z.view), []).append(z)
    for panel, members in panels.items():
        outline = outlines.get(panel)
        if outline is None:
            if panel not in declared:  # else the broken outline's own problem says it
                for z in members:
                    problems.add(z.id, f"no outline for the {panel[0]} foot, {panel[1]} view")
            continue
        geoms = np.array([z.geometry for z in members], dtype=object)
        shapely.prepare(outline.geometry)
        inside = shapely.contains(outline.geometry, geoms)
        for k in np.flatnonzero(~inside).tolist():
            outside = members[k].geometry.difference(outline.geometry).area
            if outside > AREA_TOLERANCE:
                problems.add(
                    members[k].id,
                    f"lies partly outside the {panel[0]} {panel[1]} outline "
                    f"({outside:.2f} mm\u00b2 outside)",
                )
        pairs = _candidate_pairs(geoms)
        if pairs is None:
            problems.add(
                None,
                f"the {panel[0]} {panel[1]} panel has too many zones whose bounding boxes "
                f"overlap to check (over {MAX_BOX_PAIRS:,} pairs, the limit)",
            )
            continue
        left, right = pairs
        # Two zones overlap by no more than their bounding boxes do, so zones that only
        # share an edge or a corner with a box-aligned neighbour need no exact test.
        box = shapely.bounds(geoms)
        w = np.minimum(box[left, 2], box[right, 2]) - np.maximum(box[left, 0], box[right, 0])
        h = np.minimum(box[left, 3], box[right, 3]) - np.maximum(box[left, 1], box[right, 1])
        maybe = (w > 0) & (h > 0) & (w * h > AREA_TOLERANCE)
        left, right = left[maybe], right[maybe]
        # Then only pairs whose interiors meet (cheaper to ask than the overlap itself).
        meet = shapely.relate_pattern(geoms[left], geoms[right], "T********")
        left, right = left[meet], right[meet]
        areas = shapely.area(shapely.intersection(geoms[left], geoms[right]))
        for a, b, area in zip(left.tolist(), right.tolist(), areas.tolist(), strict=True):
            if area > AREA_TOLERANCE:
                problems.add(
                    members[a].id,
                    f"overlaps zone {members[b].id!r} by {area:.2f} mm\u00b2 "
                    "(a zone inside another must be a hole in it)",
                )
