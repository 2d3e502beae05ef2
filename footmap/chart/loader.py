"""Read and validate chart files: the one place a chart is checked.

:func:`load` reads a GeoJSON chart, checks everything at once (size, encoding, JSON syntax,
the JSON Schema, geometry validity, overlaps, containment, ids and cross-references) and either
returns a frozen :class:`~footmap.chart.Chart` or raises one :class:`~footmap.errors.ChartError`
listing every problem, each naming the file, the zone id and what is wrong.

This module orders the checks and builds the chart; the checks themselves live beside it:
``_read`` (bytes, text, JSON), ``_schema`` (the JSON Schema), ``_geometry`` (geometry,
containment, overlaps) and ``_problems`` (the problem list), all in :mod:`footmap.chart`.
"""

from __future__ import annotations

import functools
import gc
import os
import unicodedata
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from functools import cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar

from shapely.geometry.base import BaseGeometry

from footmap.chart._coords import flatten
from footmap.chart._geometry import (
    _check_inside,
    _check_overlaps,
    _check_panels,
    _geometries,
    _geometry,
)
from footmap.chart._problems import _feature_name, _Problems, _short
from footmap.chart._read import _check_structure, _nul_free, _parse, _path_name, _read_capped
from footmap.chart._schema import CHART_KINDS, _check_schema, chart_kind
from footmap.chart.model import (
    CLAIM_KINDS,
    AnatomyChart,
    BodyChart,
    BodyOutline,
    Caveat,
    Chart,
    Claim,
    Disagreement,
    Outline,
    Region,
    Source,
    Structure,
    Zone,
)
from footmap.errors import ChartError, FootmapError, Problem

__all__ = [
    "CAVEAT_SOURCE_KINDS",
    "SCHEMA_VERSION",
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_ZONES",
    "BODY_TOLERANCE_MM",
    "bundled_path",
    "load",
    "load_anatomy",
    "load_body",
    "load_chart",
    "loads",
]

#: The chart schema version this footmap reads (``footmap.schema_version`` in a chart file).
SCHEMA_VERSION = 2
#: Kinds of source each kind of caveat may cite.
CAVEAT_SOURCE_KINDS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "evidence": ("study", "article"),
        "safety": ("article", "study"),
        "chart": ("chart", "history", "study"),
    }
)
#: Kinds of source the variants of a disagreement may cite.
VARIANT_SOURCE_KINDS = ("chart", "study")

#: How far (mm) a body chart's region may reach past its view's outline: organs drawn from
#: artwork may touch the skin line.
BODY_TOLERANCE_MM = 1.0
#: The bundled file of each kind of chart (``footmap.chart``), and the function that loads it.
BUNDLED_FILES: Mapping[str, str] = MappingProxyType(
    {"reflexology": "zones.geojson", "body": "body.geojson", "foot-anatomy": "foot-anatomy.geojson"}
)
_LOADERS: Mapping[str, str] = MappingProxyType(
    {"reflexology": "load", "body": "load_body", "foot-anatomy": "load_anatomy"}
)

#: Largest chart file :func:`load` reads unless told otherwise (bytes).
DEFAULT_MAX_BYTES = 32 * 1024 * 1024
#: Most zones a chart may hold unless told otherwise.
DEFAULT_MAX_ZONES = 20_000


def bundled_path(chart: str = "reflexology") -> Path:
    """Path of a chart that ships with footmap.

    In an installed wheel it is package data (``footmap/data/zones.geojson``); in a source
    checkout it is the repository's ``data/zones.geojson``.

    Parameters
    ----------
    chart : str, optional
        Which chart: ``"reflexology"`` (``zones.geojson``), ``"body"`` (``body.geojson``) or
        ``"foot-anatomy"`` (``foot-anatomy.geojson``).

    Raises
    ------
    FootmapError
        If neither exists (a broken installation).
    """
    if chart not in BUNDLED_FILES:
        raise FootmapError(f"no bundled chart of kind {_short(chart)} (kinds: {CHART_KINDS})")
    filename = BUNDLED_FILES[chart]
    packaged = resources.files("footmap") / "data" / filename
    if packaged.is_file():
        return Path(str(packaged))
    checkout = Path(__file__).resolve().parents[2] / "data" / filename
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
    return _load_path(path, "reflexology", max_bytes, max_zones)  # type: ignore[return-value]


def load_body(
    path: str | os.PathLike[str] | None = None, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> BodyChart:
    """Load and validate a body chart (``footmap.chart`` is ``"body"``).

    The same loader as :func:`load`, with the same checks where they apply (size, JSON, the
    schema, geometry, unique ids, known sources, claim kinds against source kinds), and
    each region inside its view's outline, give or take :data:`BODY_TOLERANCE_MM`. Regions
    may overlap: organs lie behind one another in a flat view.

    Parameters
    ----------
    path : str or path-like, optional
        ``None`` loads the bundled ``body.geojson`` (cached).
    max_bytes : int, optional
        Refuse files larger than this.

    Returns
    -------
    BodyChart

    Raises
    ------
    ChartError
        Listing every problem found (file, region id, what is wrong).

    Examples
    --------
    >>> import footmap
    >>> footmap.load_body().region("front.liver").side
    'right'
    """
    if path is None and max_bytes == DEFAULT_MAX_BYTES:
        return _load_bundled_kind("body")  # type: ignore[return-value]
    return _load_path(path, "body", max_bytes, DEFAULT_MAX_ZONES)  # type: ignore[return-value]


def load_anatomy(
    path: str | os.PathLike[str] | None = None, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> AnatomyChart:
    """Load and validate a foot-anatomy chart (``footmap.chart`` is ``"foot-anatomy"``).

    The same loader as :func:`load`: the same checks, each structure inside its panel's
    outline, and structures of one kind (nerve territories, bones, dermatomes) not
    overlapping within a panel.

    Parameters
    ----------
    path : str or path-like, optional
        ``None`` loads the bundled ``foot-anatomy.geojson`` (cached).
    max_bytes : int, optional
        Refuse files larger than this.

    Returns
    -------
    AnatomyChart

    Raises
    ------
    ChartError
        Listing every problem found (file, structure id, what is wrong).
    """
    if path is None and max_bytes == DEFAULT_MAX_BYTES:
        return _load_bundled_kind("foot-anatomy")  # type: ignore[return-value]
    return _load_path(path, "foot-anatomy", max_bytes, DEFAULT_MAX_ZONES)  # type: ignore[return-value]


def load_chart(
    path: str | os.PathLike[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_zones: int = DEFAULT_MAX_ZONES,
) -> Chart | BodyChart | AnatomyChart:
    """Load and validate a chart of any kind, chosen by its ``footmap.chart`` member.

    What ``footmap validate`` uses; :func:`load`, :func:`load_body` and :func:`load_anatomy`
    each accept only their own kind.
    """
    return _load_path(path, None, max_bytes, max_zones)


def _load_path(
    path: str | os.PathLike[str] | None,
    expect: str | None,
    max_bytes: int,
    max_zones: int,
) -> Chart | BodyChart | AnatomyChart:
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
        p = bundled_path(expect or "reflexology") if path is None else Path(path)
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
    return _loads(
        data, name=name, path=resolved, max_bytes=max_bytes, max_zones=max_zones, expect=expect
    )


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


@cache
def _load_bundled_kind(kind: str) -> BodyChart | AnatomyChart:
    return _load_path(bundled_path(kind), kind, DEFAULT_MAX_BYTES, DEFAULT_MAX_ZONES)  # type: ignore[return-value]


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
    return _loads(  # type: ignore[return-value]
        data, name=name, path=path, max_bytes=max_bytes, max_zones=max_zones, expect="reflexology"
    )


#: How a problem names each kind of chart.
_KIND_NAMES: Mapping[str, str] = MappingProxyType(
    {
        "reflexology": "a reflexology chart",
        "body": "a body chart",
        "foot-anatomy": "a foot-anatomy chart",
    }
)


@_gc_paused
def _loads(
    data: str | bytes,
    *,
    name: str,
    path: Path | None,
    max_bytes: int,
    max_zones: int,
    expect: str | None,
) -> Chart | BodyChart | AnatomyChart:
    """Validate a chart document and build it; ``expect`` is the kind asked for (None: any)."""
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
    kind = chart_kind(doc)
    if expect is not None and kind != expect:
        raise ChartError(
            [
                Problem(
                    name,
                    None,
                    f"is {_KIND_NAMES[kind]}, not {_KIND_NAMES[expect]}: "
                    f"load it with footmap.{_LOADERS[kind]}()",
                )
            ]
        )
    problems = _Problems(name)
    _check_structure(doc, duplicates, max_zones, problems)
    features = doc.get("features") if isinstance(doc, dict) else None
    # every polygon's coordinates at once, for the schema's quick check and the geometries
    flat = flatten(features) if isinstance(features, list) else None
    _check_schema(doc, problems, flat)
    if not isinstance(features, list):
        problems.raise_if_any()
        raise ChartError([Problem(name, None, "no features")])  # pragma: no cover - schema
    meta = doc["footmap"] if isinstance(doc.get("footmap"), dict) else {}
    meta_ok = not any(p.zone is None for p in problems.items)  # the schema passed the metadata
    built = _geometries(features, problems, flat)
    # The built geometries hold their coordinates now: drop the flattened arrays and the
    # parsed lists (about 70 MB at 100,000 zones), so that building the chart and the
    # overlap check reuse that memory instead of raising the peak.
    del flat
    for i in built:
        features[i]["geometry"]["coordinates"] = None
    builder = {"reflexology": _build, "body": _build_body, "foot-anatomy": _build_anatomy}[kind]
    chart = builder(meta, features, problems, path, meta_ok, built)
    problems.raise_if_any()
    assert chart is not None
    return chart


# -- building --------------------------------------------------------------------------------
def _build(
    meta: Mapping[str, Any],
    features: list[Any],
    problems: _Problems,
    path: Path | None,
    meta_ok: bool,
    built: dict[int, BaseGeometry],
) -> Chart | None:
    sources, known_sources, source_kinds = _sources(meta, problems)
    caveats = _caveats(meta, known_sources, source_kinds, problems)

    zones: list[Zone] = []
    outlines: dict[tuple[str, str], list[Outline]] = {}
    outline_ids: dict[tuple[str, str], list[str]] = {}
    ids: dict[str, int] = {}
    zone_ids: set[str] = set()  # of every zone with an id, valid or not
    declared: set[tuple[str, str]] = set()  # panels some feature means to outline
    # a claim's source problems depend only on its kind and sources: each pair is checked
    # once, and the claims citing the same sources share one tuple of them
    checked: dict[tuple[str, tuple[str, ...]], tuple[tuple[str, ...], list[str], list[str]]] = {}
    for i, f in enumerate(features):
        if not isinstance(f, dict):
            continue
        fid = f.get("id")
        if isinstance(fid, str):
            if fid in ids:
                name = _feature_name(features, i)
                problems.add(name, f"duplicate id (also used by features[{ids[fid]}])")
            else:
                ids[fid] = i
        p = f.get("properties")
        if not isinstance(p, dict):
            p = {}
        role = p.get("role")
        if role == "zone" and isinstance(fid, str):
            zone_ids.add(fid)
        elif (
            role == "outline" and isinstance(p.get("foot"), str) and isinstance(p.get("view"), str)
        ):
            declared.add((p["foot"], p["view"]))
        if i in problems.schema_bad:
            # still check a well-formed geometry beside other errors: report every problem
            if i not in problems.geometry_bad and isinstance(f.get("geometry"), dict):
                _geometry(f, _feature_name(features, i), problems)
            continue
        props = f["properties"]
        geom = built.get(i)
        if geom is None:
            geom = _geometry(f, _feature_name(features, i), problems)
        if role == "zone":
            raw_claims = props["claims"]
            rows, claims, cited_badly, placed = [], [], False, False
            for c in raw_claims:  # one plain loop: this runs once per zone
                kind = c["kind"]
                key = (kind, tuple(c["sources"]))
                row = checked.get(key)
                if row is None:
                    row = checked[key] = (
                        key[1],
                        _unknown(c["sources"], known_sources),
                        _kind_problems(c, source_kinds),
                    )
                rows.append(row)
                cited_badly = cited_badly or bool(row[1] or row[2])
                placed = placed or kind == "placement"
                claims.append(Claim(c["text"], row[0], kind))
            if cited_badly:
                name = _feature_name(features, i)
                for row in rows:
                    for sid in row[1]:
                        problems.add(name, f"claim cites unknown source {sid!r}")
                for n, (c, row) in enumerate(zip(raw_claims, rows, strict=True), start=1):
                    for msg in row[2]:
                        problems.add(name, f"claim {n} {_short(c['text'], 50)}: {msg}")
            if not placed:
                problems.add(
                    _feature_name(features, i),
                    "has no placement claim (every zone needs one saying where charts put it)",
                )
            for field_name in ("label", "body_area"):
                if not _visible(props[field_name]):
                    problems.add(
                        _feature_name(features, i), f"{field_name} has no visible character"
                    )
            if geom is None:
                continue
            zones.append(
                Zone(
                    f["id"],  # a string: the schema requires one of every zone
                    props["foot"],
                    props["view"],
                    props["label"],
                    props["body_area"],
                    props["system"],
                    tuple(claims),
                    geom,
                )
            )
        elif geom is not None:  # an outline (the schema allows no other role)
            panel = (props["foot"], props["view"])
            outlines.setdefault(panel, []).append(Outline(panel[0], panel[1], geom))
            outline_ids.setdefault(panel, []).append(_feature_name(features, i))

    for panel, fids in outline_ids.items():
        for extra in fids[1:]:
            where = f"{panel[0]} {panel[1]} panel"
            problems.add(extra, f"extra outline for the {where} (the first is {fids[0]!r})")
    outlined = {k: v[0] for k, v in outlines.items()}
    _check_panels(zones, outlined, declared, problems)
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
        caveats=caveats,
        zones=tuple(zones),
        outlines=tuple(o[0] for o in outlines.values()),
        path=path,
    )


def _sources(
    meta: Mapping[str, Any], problems: _Problems
) -> tuple[tuple[Source, ...], set[str] | None, dict[str, str]]:
    """The chart's sources, the ids citations may use (None: unknown) and each id's kind."""
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
    return sources, known_sources, source_kinds


def _caveats(
    meta: Mapping[str, Any],
    known_sources: set[str] | None,
    source_kinds: dict[str, str],
    problems: _Problems,
) -> tuple[Caveat, ...]:
    """The chart's caveats, each citing known sources of the kinds its kind allows."""
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
        for what, text in (("text", c["text"]), ("short text", short)):
            if text is not None and not _visible(text):
                problems.add(None, f"caveat {c['id']!r}: its {what} has no visible character")
        caveats.append(Caveat(c["id"], c["kind"], c["text"], tuple(c["sources"]), short))
    return tuple(caveats)


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


def _visible(text: str) -> bool:
    """Whether ``text`` holds a character that shows: not space, control or format (U+200B)."""
    return any(not ch.isspace() and unicodedata.category(ch)[0] not in "CZ" for ch in text)


def _unknown(ids: list[str], known: set[str] | None) -> list[str]:
    return [] if known is None else [i for i in ids if i not in known]


# -- body and foot-anatomy charts --------------------------------------------------------------
def _items(
    features: list[Any],
    problems: _Problems,
    built: dict[int, BaseGeometry],
    known_sources: set[str] | None,
    source_kinds: dict[str, str],
    panel_of: Callable[[Mapping[str, Any]], Any],
) -> tuple[
    list[tuple[str, Mapping[str, Any], tuple[Claim, ...], BaseGeometry]], dict[Any, Any], set[Any]
]:
    """Check the features of a body or foot-anatomy chart one by one.

    Returns the well-formed non-outline features as ``(id, properties, claims, geometry)``,
    each panel's outline geometry (``panel_of`` names a feature's panel) and the panels some
    outline means to draw. Reports duplicate ids, extra outlines, unknown sources and
    claims citing sources of the wrong kind.
    """
    items: list[tuple[str, Mapping[str, Any], tuple[Claim, ...], Any]] = []
    outlines: dict[Any, tuple[str, BaseGeometry]] = {}
    declared: set[Any] = set()
    ids: dict[str, int] = {}
    for i, f in enumerate(features):
        if not isinstance(f, dict):
            continue
        fid = f.get("id")
        name = _feature_name(features, i)
        if isinstance(fid, str):
            if fid in ids:
                problems.add(name, f"duplicate id (also used by features[{ids[fid]}])")
            else:
                ids[fid] = i
        p = f.get("properties")
        if i in problems.schema_bad:
            if isinstance(p, dict) and p.get("role") == "outline":
                try:
                    declared.add(panel_of(p))
                except (KeyError, TypeError):
                    pass
            if i not in problems.geometry_bad and isinstance(f.get("geometry"), dict):
                _geometry(f, name, problems)
            continue
        assert isinstance(p, dict) and isinstance(fid, str)  # the schema held for this one
        geom = built.get(i)
        if geom is None:
            geom = _geometry(f, name, problems)
        if p["role"] == "outline":
            panel = panel_of(p)
            declared.add(panel)
            if geom is None:
                continue
            if panel in outlines:
                problems.add(
                    name,
                    f"extra outline for the {_panel_words(panel)} (the first is "
                    f"{outlines[panel][0]!r})",
                )
            else:
                outlines[panel] = (name, geom)
            continue
        claims = []
        for n, c in enumerate(p["claims"], start=1):
            for sid in _unknown(c["sources"], known_sources):
                problems.add(name, f"claim cites unknown source {sid!r}")
            for msg in _kind_problems(c, source_kinds):
                problems.add(name, f"claim {n} {_short(c['text'], 50)}: {msg}")
            claims.append(_claim(c))
        if geom is not None:
            items.append((fid, p, tuple(claims), geom))
    return items, {k: v[1] for k, v in outlines.items()}, declared


_Item = TypeVar("_Item", Region, Structure)


def _by_panel(
    items: Sequence[_Item],
    panel_of: Callable[[_Item], Any],
    outlines: Mapping[Any, BaseGeometry],
    declared: Collection[Any],
    problems: _Problems,
    words: Callable[[Any], str],
) -> Iterator[tuple[Any, list[_Item]]]:
    """The items of each panel (a view, or a foot and view) that has an outline.

    A panel with items but no outline is a problem for each of its items, unless the file
    declares the panel (its outline then failed, and says so itself).
    """
    for panel in dict.fromkeys(panel_of(i) for i in items):
        members = [i for i in items if panel_of(i) == panel]
        if panel in outlines:
            yield panel, members
        elif panel not in declared:
            for m in members:
                problems.add(m.id, f"no outline for {words(panel)}")


def _panel_words(panel: Any) -> str:
    return f"{panel} view" if isinstance(panel, str) else f"{panel[0]} {panel[1]} panel"


def _meta_fields(meta: Mapping[str, Any]) -> dict[str, Any]:
    return {k: meta[k] for k in ("title", "description", "units", "frame", "orientation")} | {
        "attribution": meta.get("attribution")
    }


def _build_body(
    meta: Mapping[str, Any],
    features: list[Any],
    problems: _Problems,
    path: Path | None,
    meta_ok: bool,
    built: dict[int, BaseGeometry],
) -> BodyChart | None:
    sources, known_sources, source_kinds = _sources(meta, problems)
    caveats = _caveats(meta, known_sources, source_kinds, problems)
    items, outlines, declared = _items(
        features, problems, built, known_sources, source_kinds, lambda p: p["view"]
    )
    regions = [
        Region(
            fid,
            p["view"],
            p["label"],
            p["body_area"],
            p["system"],
            p["side"],
            claims,
            geom,
            uberon=p.get("uberon"),
            diffuse=p.get("diffuse", False),
        )
        for fid, p, claims, geom in items
    ]
    for view, members in _by_panel(
        regions, lambda r: r.view, outlines, declared, problems, lambda v: f"the {v} view"
    ):
        _check_inside(members, outlines[view], view, problems, BODY_TOLERANCE_MM)
    if problems.items or not meta_ok:
        return None
    return BodyChart(
        **_meta_fields(meta),
        sources=sources,
        regions=tuple(regions),
        outlines=tuple(BodyOutline(v, g) for v, g in outlines.items()),
        caveats=caveats,
        path=path,
    )


def _build_anatomy(
    meta: Mapping[str, Any],
    features: list[Any],
    problems: _Problems,
    path: Path | None,
    meta_ok: bool,
    built: dict[int, BaseGeometry],
) -> AnatomyChart | None:
    sources, known_sources, source_kinds = _sources(meta, problems)
    caveats = _caveats(meta, known_sources, source_kinds, problems)
    items, outlines, declared = _items(
        features, problems, built, known_sources, source_kinds, lambda p: (p["foot"], p["view"])
    )
    structures = [
        Structure(
            fid,
            p["foot"],
            p["view"],
            p["kind"],
            p["name"],
            claims,
            geom,
            roots=p.get("roots"),
            approximate=p.get("approximate", False),
        )
        for fid, p, claims, geom in items
    ]
    for panel, members in _by_panel(
        structures,
        lambda s: (s.foot, s.view),
        outlines,
        declared,
        problems,
        lambda p: f"the {p[0]} foot, {p[1]} view",
    ):
        where = f"{panel[0]} {panel[1]}"
        _check_inside(members, outlines[panel], where, problems)
        for kind in dict.fromkeys(m.kind for m in members):
            _check_overlaps(
                [m for m in members if m.kind == kind],
                where,
                problems,
                noun=kind,
                rule=f"{kind}s of one panel must not overlap",
            )
    if problems.items or not meta_ok:
        return None
    return AnatomyChart(
        **_meta_fields(meta),
        sources=sources,
        structures=tuple(structures),
        outlines=tuple(Outline(f, v, g) for (f, v), g in outlines.items()),
        caveats=caveats,
        path=path,
    )
