"""Author ``data/zones.geojson`` from the parametric geometry and the claims text.

Run from the repository root::

    python tools/make_chart.py            # write data/zones.geojson
    python tools/make_chart.py --check    # build and check, write nothing
    python tools/make_chart.py --draft    # allow placeholder text (work in progress)

Inputs (all under ``tools/authoring/``):

* ``plantar.py`` - ``features()``: outlines and zones of both soles (required);
* ``views.py`` - ``features()``: dorsal / medial / lateral panels (optional; a
  notice is printed when it is missing);
* ``text.py`` - ``META``, ``SOURCES``, ``CAVEATS``, ``SYSTEM_NOTES``, ``HISTORY`` and
  ``CLAIMS`` (claims keyed by ``body_area``).  Required unless ``--draft``, which
  substitutes clearly marked placeholders for anything missing.

The script assembles the FeatureCollection described in docs/design.md, rounds
coordinates to 0.1 mm, checks the load-time rules with shapely (validity, no
overlap between zones of a panel, zones inside their outline, unique ids,
known systems and sources) after rounding, nudging zones inwards where
rounding created a problem, and writes a compact but diff-friendly file: one
JSON member per line, each coordinate ring on a single line.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import json
import math
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from types import ModuleType
from typing import Any

import shapely
from shapely.geometry import MultiPolygon, Polygon, mapping, shape
from shapely.geometry.base import BaseGeometry
from shapely.geometry.polygon import orient

ROOT = Path(__file__).resolve().parent.parent
TOOLS = ROOT / "tools"
DEFAULT_OUTPUT = ROOT / "data" / "zones.geojson"

#: Decimal places kept in the output (0.1 mm).
DECIMALS = 1
#: Simplification tolerance applied before rounding (mm): half the rounding step.
SIMPLIFY = 0.05
#: Largest area (mm^2) of a zone allowed outside its outline.
OUTSIDE_TOLERANCE = 0.01
#: How far (mm) a zone is pulled inwards per attempt when rounding breaks a rule.
NUDGE = 0.05
MAX_NUDGES = 6

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]{0,79}$")
LABEL_MAX = 28
PROPERTY_ORDER = ("role", "foot", "view", "label", "body_area", "system", "claims")
META_ORDER = ("title", "description", "units", "frame", "orientation")
FALLBACK_SYSTEMS = (
    "nervous",
    "sensory",
    "endocrine",
    "respiratory",
    "cardiovascular",
    "digestive",
    "urinary",
    "lymphatic",
    "musculoskeletal",
    "reproductive",
)

SCHEMA_VERSION = 2

DRAFT_SOURCE = {
    "id": "draft",
    "kind": "chart",
    "title": "DRAFT placeholder source",
    "citation": "DRAFT: placeholder until tools/authoring/text.py provides the sources.",
}
DRAFT_META = {
    "title": "DRAFT reflexology foot map",
    "description": "DRAFT: placeholder metadata until tools/authoring/text.py exists.",
    "units": "mm",
    "frame": "DRAFT: millimetres; plantar/dorsal origin at the back of the heel, toes +y.",
    "orientation": "DRAFT: soles seen from above through the foot, left big toe on +x.",
}
DRAFT_CAVEATS = [
    {
        "id": "evidence",
        "kind": "evidence",
        "text": "DRAFT placeholder caveat: evidence text not written yet.",
        "sources": ["draft"],
    }
]


class ChartBuildError(Exception):
    """The chart could not be assembled or breaks a load-time rule."""


# ----------------------------------------------------------------------------
# Inputs
# ----------------------------------------------------------------------------


def _optional_module(name: str) -> ModuleType | None:
    """Import ``authoring.<name>`` if the file exists; errors inside it propagate."""
    if importlib.util.find_spec(f"authoring.{name}") is None:
        return None
    return importlib.import_module(f"authoring.{name}")


def _placeholder_claims(body_area: str) -> list[dict]:
    return [
        {
            "kind": "placement",
            "text": f"DRAFT placeholder: no claim text written yet for {body_area!r}.",
            "sources": [DRAFT_SOURCE["id"]],
        }
    ]


def load_inputs(draft: bool) -> tuple[list[dict], dict, list[dict], list[dict], dict]:
    """Collect features and text from ``tools/authoring``.

    Parameters
    ----------
    draft : bool
        Allow a missing ``text.py`` (and missing claims), using placeholders.

    Returns
    -------
    features : list of dict
        Plantar features, followed by the other views' features if present.
    meta : dict
        Chart metadata (title, description, units, frame, orientation).
    sources, caveats : list of dict
        Source and caveat records.
    claims : dict
        Claims keyed by body area.
    """
    if str(TOOLS) not in sys.path:
        sys.path.insert(0, str(TOOLS))
    if str(ROOT) not in sys.path:
        sys.path.insert(1, str(ROOT))
    plantar = importlib.import_module("authoring.plantar")
    features = list(plantar.features())

    views = _optional_module("views")
    if views is None:
        print(
            "notice: tools/authoring/views.py not found: dorsal, medial and lateral "
            "views are NOT included in this chart."
        )
    else:
        features.extend(views.features())

    text = _optional_module("text")
    if text is None:
        if not draft:
            raise ChartBuildError(
                "tools/authoring/text.py not found (META, SOURCES, CAVEATS, CLAIMS); "
                "use --draft to build with placeholder text"
            )
        print(
            "notice: tools/authoring/text.py not found: using DRAFT placeholder "
            "metadata, sources, caveats and claims."
        )
        return features, dict(DRAFT_META), [dict(DRAFT_SOURCE)], list(DRAFT_CAVEATS), {}
    return (
        features,
        dict(
            text.META,
            system_notes={k: list(v) for k, v in text.SYSTEM_NOTES.items()},
            history=list(text.HISTORY),
            disagreements=list(getattr(text, "DISAGREEMENTS", [])),
        ),
        [dict(s) for s in text.SOURCES],
        [dict(c) for c in text.CAVEATS],
        dict(text.CLAIMS),
    )


# ----------------------------------------------------------------------------
# Geometry: rounding and rule checks
# ----------------------------------------------------------------------------


def _round_ring(coords: Iterable[tuple[float, ...]]) -> list[tuple[float, float]]:
    out: list[tuple[float, float]] = []
    for x, y, *_ in coords:
        p = (round(x, DECIMALS) + 0.0, round(y, DECIMALS) + 0.0)  # + 0.0: no "-0.0"
        if not out or p != out[-1]:
            out.append(p)
    if out[0] != out[-1]:
        out.append(out[0])
    return out


def round_geometry(geom: BaseGeometry) -> Polygon | MultiPolygon:
    """Round a (multi)polygon to :data:`DECIMALS` and orient it (RFC 7946).

    Vertices that deviate less than :data:`SIMPLIFY` from a straight line are
    dropped first: below the rounding step they only lengthen the file.

    Parameters
    ----------
    geom : shapely Polygon or MultiPolygon

    Returns
    -------
    shapely Polygon or MultiPolygon
        Possibly invalid if rounding collapsed a feature; callers check.
    """
    geom = geom.simplify(SIMPLIFY, preserve_topology=True)
    polys = []
    for poly in getattr(geom, "geoms", [geom]):
        shell = _round_ring(poly.exterior.coords)
        holes = [_round_ring(r.coords) for r in poly.interiors]
        holes = [h for h in holes if len(h) >= 4]
        if len(shell) >= 4:
            polys.append(orient(Polygon(shell, holes), sign=1.0))
    if not polys:
        raise ChartBuildError("a geometry vanished when rounded")
    return polys[0] if isinstance(geom, Polygon) and len(polys) == 1 else MultiPolygon(polys)


def find_problems(features: list[dict], geoms: dict[str, BaseGeometry]) -> dict[str, list[str]]:
    """Check the geometric load-time rules.

    Parameters
    ----------
    features : list of dict
        The features (for roles and panels).
    geoms : dict
        Feature id -> shapely geometry to check.

    Returns
    -------
    dict
        Feature id -> list of problem descriptions (empty when all is well).
    """
    problems: dict[str, list[str]] = defaultdict(list)
    panels: dict[tuple[str, str], list[str]] = defaultdict(list)
    outlines: dict[tuple[str, str], list[str]] = defaultdict(list)
    for f in features:
        p = f["properties"]
        key = (p["foot"], p["view"])
        (outlines if p["role"] == "outline" else panels)[key].append(f["id"])
        g = geoms[f["id"]]
        if g.geom_type not in ("Polygon", "MultiPolygon"):
            problems[f["id"]].append(f"geometry type {g.geom_type}")
        if not g.is_valid:
            problems[f["id"]].append("invalid: " + shapely.is_valid_reason(g))
    for key, zone_ids in panels.items():
        if len(outlines.get(key, [])) != 1:
            problems[zone_ids[0]].append(
                f"panel {key} has {len(outlines.get(key, []))} outlines (need exactly 1)"
            )
            continue
        outline = geoms[outlines[key][0]]
        if not outline.is_valid:
            continue
        valid = [z for z in zone_ids if geoms[z].is_valid]
        for z in valid:
            outside = geoms[z].difference(outline).area
            if outside > OUTSIDE_TOLERANCE:
                problems[z].append(f"{outside:.3f} mm2 outside the outline")
        tree = shapely.STRtree([geoms[z] for z in valid])
        for i, j in tree.query([geoms[z] for z in valid], predicate="intersects").T:
            if i < j:
                a, b = valid[i], valid[j]
                overlap = geoms[a].intersection(geoms[b]).area
                if overlap > 1e-9:
                    problems[a].append(f"overlaps {b} by {overlap:.4f} mm2")
                    problems[b].append(f"overlaps {a} by {overlap:.4f} mm2")
    return problems


def settle_geometry(features: list[dict]) -> dict[str, Polygon | MultiPolygon]:
    """Round every geometry, nudging zones inwards until the rules hold.

    Parameters
    ----------
    features : list of dict
        Features with GeoJSON geometry mappings (full precision).

    Returns
    -------
    dict
        Feature id -> rounded, rule-abiding geometry.

    Raises
    ------
    ChartBuildError
        If problems remain after :data:`MAX_NUDGES` attempts.
    """
    source = {f["id"]: shape(f["geometry"]) for f in features}
    roles = {f["id"]: f["properties"]["role"] for f in features}
    bad = [i for i, g in source.items() if not g.is_valid]
    if bad:
        raise ChartBuildError(f"invalid geometry before rounding: {', '.join(bad)}")
    shrink = Counter[str]()
    problems: dict[str, list[str]] = {}
    for _attempt in range(MAX_NUDGES + 1):
        rounded = {}
        for fid, g in source.items():
            if shrink[fid]:
                g = g.buffer(-NUDGE * shrink[fid], quad_segs=4)
            rounded[fid] = round_geometry(g)
        problems = find_problems(features, rounded)
        if not problems:
            nudged = sorted(f for f in shrink if shrink[f])
            if nudged:
                print(
                    f"note: nudged {len(nudged)} zone(s) inwards after rounding: "
                    + ", ".join(nudged)
                )
            return rounded
        for fid in problems:
            if roles[fid] == "zone":
                shrink[fid] += 1
    lines = [f"  {fid}: {'; '.join(msgs)}" for fid, msgs in sorted(problems.items())]
    raise ChartBuildError("geometry rules broken after rounding:\n" + "\n".join(lines))


# ----------------------------------------------------------------------------
# Assembly
# ----------------------------------------------------------------------------


def _systems() -> set[str]:
    try:
        from footmap.vocab import SYSTEMS
    except ImportError:
        return set(FALLBACK_SYSTEMS)
    return set(SYSTEMS)


def assemble(
    features: list[dict],
    meta: dict,
    sources: list[dict],
    caveats: list[dict],
    claims: dict[str, list[dict]],
    draft: bool,
) -> dict:
    """Assemble and check the chart FeatureCollection.

    Parameters
    ----------
    features : list of dict
        Outline and zone features without claims.
    meta : dict
        Title, description, units, frame, orientation.
    sources, caveats : list of dict
        Source and caveat records.
    claims : dict
        Claims keyed by body area.
    draft : bool
        Substitute placeholder claims for body areas without claims.

    Returns
    -------
    dict
        The chart, with keys in a stable order and rounded coordinates.

    Raises
    ------
    ChartBuildError
        On any broken rule.
    """
    errors: list[str] = []
    systems = _systems()
    counts = Counter(f["id"] for f in features)
    errors += [f"duplicate id {i!r}" for i, n in counts.items() if n > 1]

    if draft and not any(s["id"] == DRAFT_SOURCE["id"] for s in sources):
        sources = [*sources, dict(DRAFT_SOURCE)]
    source_ids = {s["id"] for s in sources}
    for record in [*sources, *caveats]:
        if not ID_PATTERN.match(str(record.get("id", ""))):
            errors.append(f"bad source/caveat id {record.get('id')!r}")
    for caveat in caveats:
        errors += [
            f"caveat {caveat['id']!r} cites unknown source {s!r}"
            for s in caveat.get("sources", [])
            if s not in source_ids
        ]

    missing: set[str] = set()
    out_features = []
    for f in features:
        p = f["properties"]
        fid = f["id"]
        if not ID_PATTERN.match(fid):
            errors.append(f"bad id {fid!r}")
        expected = f"{p['foot']}.{p['view']}."
        if not fid.startswith(expected):
            errors.append(f"id {fid!r} should start with {expected!r}")
        props = dict(p)
        if p["role"] == "zone":
            if len(p["label"]) > LABEL_MAX:
                errors.append(f"{fid}: label longer than {LABEL_MAX} chars: {p['label']!r}")
            if p["system"] not in systems:
                errors.append(f"{fid}: unknown system {p['system']!r}")
            area = p["body_area"]
            if area != area.lower():
                errors.append(f"{fid}: body_area must be lowercase: {area!r}")
            zone_claims = claims.get(area)
            if not zone_claims:
                missing.add(area)
                zone_claims = _placeholder_claims(area) if draft else []
            props["claims"] = [
                {"kind": c["kind"], "text": c["text"], "sources": list(c["sources"])}
                for c in zone_claims
            ]
            for c in props["claims"]:
                errors += [
                    f"{fid}: claim cites unknown source {s!r}"
                    for s in c["sources"]
                    if s not in source_ids
                ]
        elif p["role"] != "outline":
            errors.append(f"{fid}: unknown role {p['role']!r}")
        ordered = {k: props[k] for k in PROPERTY_ORDER if k in props}
        ordered.update({k: v for k, v in props.items() if k not in ordered})
        out_features.append(
            {"type": "Feature", "id": fid, "properties": ordered, "geometry": f["geometry"]}
        )

    if missing:
        message = "no claims for body area(s): " + ", ".join(sorted(missing))
        if draft:
            print(f"notice: {message} (DRAFT placeholders used)")
        else:
            errors.append(message)
    unused = sorted(set(claims) - {f["properties"].get("body_area") for f in features})
    if unused:
        print("notice: CLAIMS has body areas with no zone: " + ", ".join(unused))
    if errors:
        raise ChartBuildError("\n".join(errors))

    for f, geom in zip(out_features, settle_geometry(out_features).values(), strict=True):
        f["geometry"] = mapping(geom)

    footmap = {"schema_version": SCHEMA_VERSION}
    footmap.update({k: meta[k] for k in META_ORDER if k in meta})
    footmap.update({k: v for k, v in meta.items() if k not in footmap})
    if draft and not footmap.get("title", "").startswith("DRAFT"):
        footmap["title"] = "DRAFT " + footmap.get("title", "")
    footmap["sources"] = sources
    footmap["caveats"] = caveats
    for key in ("system_notes", "history", "disagreements"):  # after sources and caveats
        if key in footmap:
            footmap[key] = footmap.pop(key)
    return {"type": "FeatureCollection", "footmap": footmap, "features": out_features}


# ----------------------------------------------------------------------------
# Output
# ----------------------------------------------------------------------------


def _is_scalar(value: Any) -> bool:
    return value is None or isinstance(value, (str, int, float, bool))


def _is_position(value: Any) -> bool:
    return isinstance(value, (list, tuple)) and all(
        isinstance(v, (int, float)) and not isinstance(v, bool) for v in value
    )


def _number(value: float) -> str:
    if isinstance(value, float) and not math.isfinite(value):
        raise ChartBuildError("non-finite coordinate")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return json.dumps(value)


def to_json(value: Any, level: int = 0) -> str:
    """Serialise a chart: one member per line, each coordinate ring on one line.

    Lists of scalars (e.g. source ids) and rings of positions are written on a
    single line; every other container spans several lines indented by one
    space per level.

    Parameters
    ----------
    value : JSON-compatible value
    level : int, optional
        Current indentation level.

    Returns
    -------
    str
    """
    pad = " " * (level + 1)
    end = " " * level
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = [f"{pad}{json.dumps(k)}: {to_json(v, level + 1)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + end + "}"
    if isinstance(value, (list, tuple)):
        if _is_position(value):
            return "[" + ",".join(_number(v) for v in value) + "]"
        if value and all(_is_position(v) for v in value):
            return "[" + ",".join(to_json(v) for v in value) + "]"
        if all(_is_scalar(v) for v in value):
            return "[" + ", ".join(json.dumps(v, ensure_ascii=False) for v in value) + "]"
        items = [pad + to_json(v, level + 1) for v in value]
        return "[\n" + ",\n".join(items) + "\n" + end + "]"
    if isinstance(value, float):
        return _number(value)
    return json.dumps(value, ensure_ascii=False)


def summary(chart: dict) -> str:
    """Return a one-line-per-panel summary of a chart."""
    counts: Counter[tuple[str, str]] = Counter(
        (f["properties"]["foot"], f["properties"]["view"])
        for f in chart["features"]
        if f["properties"]["role"] == "zone"
    )
    lines = [f"  {foot:5} {view:8} {n:3d} zones" for (foot, view), n in sorted(counts.items())]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Build, check and write the chart; return a process exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        default=DEFAULT_OUTPUT,
        help=f"output file (default: {DEFAULT_OUTPUT.relative_to(ROOT)})",
    )
    parser.add_argument(
        "--draft",
        action="store_true",
        help="allow placeholder metadata and claims where text is missing",
    )
    parser.add_argument(
        "--check", action="store_true", help="build and check the chart but do not write it"
    )
    args = parser.parse_args(argv)
    try:
        chart = assemble(*load_inputs(args.draft), draft=args.draft)
    except ChartBuildError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    text = to_json(chart) + "\n"
    json.loads(text)  # the writer must produce valid JSON
    print(summary(chart))
    if args.check:
        print("check passed; nothing written (--check)")
        return 0
    args.output.parent.mkdir(parents=True, exist_ok=True)
    tmp = args.output.with_suffix(args.output.suffix + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(args.output)
    print(f"wrote {args.output} ({len(text) // 1024} KiB)")
    return _validate_with_package(args.output)


def _validate_with_package(path: Path) -> int:
    """Load the written file with footmap.chart.loader when that module exists."""
    if importlib.util.find_spec("footmap.chart.loader") is None:
        print("notice: footmap.chart.loader not available; skipped the package's own validation")
        return 0
    import footmap as footmap_io

    try:
        chart = footmap_io.load(path)
    except Exception as exc:  # report whatever the loader rejects
        print(f"error: footmap.load rejected {path}: {exc}", file=sys.stderr)
        return 1
    print(f"footmap.load accepted the chart: {chart!r}"[:200])
    return 0


if __name__ == "__main__":
    sys.exit(main())
