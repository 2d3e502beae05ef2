"""Read and validate chart files: the one place a chart is checked.

:func:`load` reads a GeoJSON chart, checks everything at once (size, encoding, JSON syntax,
the JSON Schema, geometry validity, overlaps, containment, ids and cross-references) and either
returns a frozen :class:`~footmap.chart.Chart` or raises one :class:`~footmap.errors.ChartError`
listing every problem, each naming the file, the zone id and what is wrong.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Iterator, Mapping
from functools import cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

import jsonschema
import shapely
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry
from shapely.validation import explain_validity

from .chart import Caveat, Chart, Claim, Outline, Source, Zone
from .errors import ChartError, FootmapError, Problem

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_ZONES",
    "bundled_path",
    "load",
    "loads",
    "schema",
]

#: Largest chart file :func:`load` reads unless told otherwise (bytes).
DEFAULT_MAX_BYTES = 32 * 1024 * 1024
#: Most zones a chart may hold unless told otherwise.
DEFAULT_MAX_ZONES = 50_000
#: Coordinates are millimetres; anything farther from the origin is not a foot chart.
MAX_COORD_MM = 5_000.0
#: Overlap or overhang smaller than this (mm^2) is rounding noise, not an error.
AREA_TOLERANCE = 0.01
#: Problems listed at most, so a hopeless file still gives a readable error.
MAX_PROBLEMS = 200


@cache
def schema() -> dict[str, Any]:
    """Return the chart JSON Schema shipped with footmap (``footmap/schema.json``)."""
    return json.loads(resources.files("footmap").joinpath("schema.json").read_text("utf-8"))


@cache
def _validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schema())


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
    p = bundled_path() if path is None else Path(path)
    name = str(p)
    try:
        size = p.stat().st_size
        if p.is_dir():
            raise ChartError([Problem(name, None, "is a directory, not a chart file")])
        if size > max_bytes:
            raise ChartError(
                [Problem(name, None, f"file is {size:,} bytes; the limit is {max_bytes:,} bytes")]
            )
        data = p.read_bytes()
    except FileNotFoundError:
        raise ChartError([Problem(name, None, "no such file")]) from None
    except PermissionError:
        raise ChartError([Problem(name, None, "permission denied")]) from None
    except OSError as exc:
        raise ChartError([Problem(name, None, f"cannot read: {exc.strerror or exc}")]) from None
    return loads(data, name=name, path=p.resolve(), max_bytes=max_bytes, max_zones=max_zones)


@cache
def _load_bundled() -> Chart:
    return load(bundled_path(), max_bytes=DEFAULT_MAX_BYTES + 1)


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
    doc = _parse(data, name, max_bytes)
    problems = _Problems(name)
    _check_schema(doc, problems)
    features = doc.get("features") if isinstance(doc, dict) else None
    if not isinstance(features, list):
        problems.raise_if_any()
        raise ChartError([Problem(name, None, "no features")])  # pragma: no cover - schema
    bad = problems.zones_with_problems()
    if sum(_is_zone(f) for f in features) > max_zones:
        problems.add(None, f"chart has more than {max_zones:,} zones (the configured limit)")
        problems.raise_if_any()
    meta = doc["footmap"] if isinstance(doc.get("footmap"), dict) else {}
    chart = _build(meta, features, bad, problems, path)
    problems.raise_if_any()
    assert chart is not None
    return chart


# -- parsing ---------------------------------------------------------------------------------
def _parse(data: str | bytes, name: str, max_bytes: int) -> Any:
    if isinstance(data, str):
        text = data
        if len(text) > max_bytes:
            raise ChartError([Problem(name, None, f"chart text is over {max_bytes:,} bytes")])
    else:
        if len(data) > max_bytes:
            raise ChartError(
                [Problem(name, None, f"file is {len(data):,} bytes; the limit is {max_bytes:,}")]
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

    def reject_constant(token: str) -> Any:
        raise ValueError(f"{token} is not a number in JSON")

    try:
        return json.loads(text, parse_constant=reject_constant)
    except json.JSONDecodeError as exc:
        msg = f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
        raise ChartError([Problem(name, None, msg)]) from None
    except ValueError as exc:
        raise ChartError([Problem(name, None, f"invalid JSON: {exc}")]) from None
    except RecursionError:
        raise ChartError([Problem(name, None, "JSON is nested too deeply")]) from None


class _Problems:
    """Collects problems for one input, remembering which features have any."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.items: list[Problem] = []
        self._features: set[str] = set()

    def add(self, zone: str | None, message: str) -> None:
        if len(self.items) < MAX_PROBLEMS:
            self.items.append(Problem(self.name, zone, message))
        elif len(self.items) == MAX_PROBLEMS:
            self.items.append(Problem(self.name, None, "... further problems not listed"))
        if zone is not None:
            self._features.add(zone)

    def zones_with_problems(self) -> set[str]:
        return set(self._features)

    def raise_if_any(self) -> None:
        if self.items:
            raise ChartError(self.items)


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


def _check_schema(doc: Any, problems: _Problems) -> None:
    if not isinstance(doc, dict):
        problems.add(None, f"not a GeoJSON FeatureCollection (top level is {type(doc).__name__})")
        problems.raise_if_any()
    if doc.get("type") != "FeatureCollection":
        problems.add(None, f"not a GeoJSON FeatureCollection (type is {_short(doc.get('type'))})")
        problems.raise_if_any()
    errors = sorted(_validator().iter_errors(doc), key=lambda e: list(map(str, e.absolute_path)))
    for err in errors:
        where = list(err.absolute_path)
        zone = None
        if len(where) >= 2 and where[0] == "features" and isinstance(where[1], int):
            zone = _feature_name(doc.get("features"), where[1])
            where = where[2:]
        field = ".".join(str(p) for p in where) or ("feature" if zone else "chart")
        problems.add(zone, f"{field}: {_schema_message(err)}")


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
            if not (math.isfinite(x) and math.isfinite(y)):  # pragma: no cover - JSON forbids
                problems.add(fid, "geometry: non-finite coordinate")
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
    if geom.is_empty or geom.area <= 0:
        problems.add(fid, "geometry: empty (no area)")
        return None
    if not geom.is_valid:
        problems.add(fid, f"geometry: invalid ({explain_validity(geom)})")
        return None
    return geom


# -- building --------------------------------------------------------------------------------
def _build(
    meta: Mapping[str, Any],
    features: list[Any],
    bad: set[str],
    problems: _Problems,
    path: Path | None,
) -> Chart | None:
    sources = tuple(
        Source(
            id=s["id"],
            kind=s["kind"],
            title=s["title"],
            citation=s["citation"],
            file=s.get("file"),
            note=s.get("note"),
        )
        for s in _records(meta.get("sources"), ("id", "kind", "title", "citation"))
    )
    known_sources = {s.id for s in sources}
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
        short = c.get("short") if isinstance(c.get("short"), str) else None
        caveats.append(Caveat(c["id"], c["kind"], c["text"], tuple(c["sources"]), short))

    zones: list[Zone] = []
    outlines: dict[tuple[str, str], list[Outline]] = {}
    ids: dict[str, int] = {}
    for i, f in enumerate(features):
        fid = _feature_name(features, i)
        if isinstance(f, dict) and isinstance(f.get("id"), str):
            if f["id"] in ids:
                problems.add(fid, f"duplicate id (also used by features[{ids[f['id']]}])")
            ids.setdefault(f["id"], i)
        if fid in bad or not isinstance(f, dict):
            continue
        props = f["properties"]
        geom = _geometry(f, fid, problems)
        if props["role"] == "zone":
            for claim in props["claims"]:
                for sid in _unknown(claim["sources"], known_sources):
                    problems.add(fid, f"claim cites unknown source {sid!r}")
        if geom is None:
            continue
        if props["role"] == "outline":
            outlines.setdefault((props["foot"], props["view"]), []).append(
                Outline(props["foot"], props["view"], geom)
            )
            continue
        zones.append(
            Zone(
                id=f["id"],
                foot=props["foot"],
                view=props["view"],
                label=props["label"],
                body_area=props["body_area"],
                system=props["system"],
                claims=tuple(Claim(c["text"], tuple(c["sources"])) for c in props["claims"]),
                geometry=geom,
            )
        )

    for panel, outs in outlines.items():
        if len(outs) > 1:
            problems.add(None, f"{panel[0]} {panel[1]}: {len(outs)} outlines, expected one")
    _check_panels(zones, {k: v[0] for k, v in outlines.items()}, problems)
    if problems.items:
        return None
    notes = meta.get("system_notes", {})
    for system, claims in notes.items():
        for claim in claims:
            for sid in _unknown(claim["sources"], known_sources):
                problems.add(None, f"system note for {system!r} cites unknown source {sid!r}")
    for claim in meta.get("history", []):
        for sid in _unknown(claim["sources"], known_sources):
            problems.add(None, f"history note cites unknown source {sid!r}")
    if problems.items:
        return None
    return Chart(
        system_notes=MappingProxyType(
            {k: tuple(Claim(c["text"], tuple(c["sources"])) for c in v) for k, v in notes.items()}
        ),
        history=tuple(Claim(c["text"], tuple(c["sources"])) for c in meta.get("history", [])),
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


def _records(items: Any, keys: tuple[str, ...]) -> list[dict[str, Any]]:
    """The well-formed records of a metadata list (the schema reports the others)."""
    if not isinstance(items, list):
        return []
    return [
        r for r in items if isinstance(r, dict) and all(isinstance(r.get(k), str) for k in keys)
    ]


def _unknown(ids: list[str], known: set[str]) -> list[str]:
    return [i for i in ids if i not in known]


def _check_panels(
    zones: list[Zone], outlines: dict[tuple[str, str], Outline], problems: _Problems
) -> None:
    panels: dict[tuple[str, str], list[Zone]] = {}
    for z in zones:
        panels.setdefault((z.foot, z.view), []).append(z)
    for panel, members in panels.items():
        outline = outlines.get(panel)
        if outline is None:
            for z in members:
                problems.add(z.id, f"no outline for the {panel[0]} foot, {panel[1]} view")
            continue
        shapely.prepare(outline.geometry)
        for z in members:
            if not outline.geometry.contains(z.geometry):
                outside = z.geometry.difference(outline.geometry).area
                if outside > AREA_TOLERANCE:
                    problems.add(
                        z.id,
                        f"lies partly outside the {panel[0]} {panel[1]} outline "
                        f"({outside:.2f} mm\u00b2 outside)",
                    )
        geoms = [z.geometry for z in members]
        tree = shapely.STRtree(geoms)
        left, right = tree.query(geoms, predicate="intersects")
        for a, b in zip(left.tolist(), right.tolist(), strict=True):
            if a >= b:
                continue
            area = geoms[a].intersection(geoms[b]).area
            if area > AREA_TOLERANCE:
                problems.add(
                    members[a].id,
                    f"overlaps zone {members[b].id!r} by {area:.2f} mm\u00b2 "
                    "(a zone inside another must be a hole in it)",
                )
