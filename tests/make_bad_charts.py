"""Write the small valid chart and the catalogue of bad charts under ``tests/data/``.

Every bad chart is the base chart (:data:`BASE`) with ONE defect, in a file named after the
defect (``tests/data/bad/<kind>.geojson``).  The tests read the committed files; run this
script again after changing the base chart or a defect::

    python tests/make_bad_charts.py

Files too large to commit (the 100 MB chart, 100 000 nested lists) are made by the tests in a
temporary directory instead; :func:`padded` and :func:`deeply_nested` build them.
"""

from __future__ import annotations

import copy
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent / "data"
BAD = DATA / "bad"

# -- the base chart ------------------------------------------------------------------------


def _box(x0: float, y0: float, x1: float, y1: float) -> list[list[float]]:
    """Counter-clockwise closed ring of an axis-aligned rectangle."""
    return [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]


def _cw(ring: list[list[float]]) -> list[list[float]]:
    return ring[::-1]


# Left plantar panel (big toe on +x); the right foot is the mirror image.
_SOLE = [[-30, 0], [30, 0], [40, 15], [40, 185], [30, 200], [-30, 200], [-40, 185], [-40, 15],
         [-30, 0]]  # fmt: skip
_TOE = _box(10, 205, 35, 235)
_LEFT = {
    "outline": {"type": "MultiPolygon", "coordinates": [[_SOLE], [_TOE]]},
    "kidney": {
        "type": "Polygon",
        "coordinates": [_box(-20, 60, 20, 100), _cw(_box(-8, 72, 8, 88))],
    },
    "adrenal": {"type": "Polygon", "coordinates": [_box(-8, 72, 8, 88)]},
    "pelvis": {"type": "Polygon", "coordinates": [_box(-30, 10, 30, 40)]},
    "head": {"type": "Polygon", "coordinates": [_box(14, 210, 31, 230)]},
}
_ZONES = {
    # slug: (label, body_area, system, claim)
    "kidney": ("Kidney", "kidneys", "urinary",
               "Charts assign the kidneys to this patch of the arch."),
    "adrenal": ("Adrenal gland", "adrenal glands", "endocrine",
                "The adrenal point is claimed to sit in the middle of the kidney area."),
    "pelvis": ("Pelvis", "pelvis", "musculoskeletal",
               "The heel is said to mirror the pelvis."),
    "head": ("Head", "head and brain", "nervous",
             "Charts place the head in the big toe."),
}  # fmt: skip


def _mirror(geometry: dict[str, Any]) -> dict[str, Any]:
    """Mirror x -> -x, reversing each ring so its winding is kept."""

    def ring(r: list[list[float]]) -> list[list[float]]:
        return [[-x if x else 0, y] for x, y in r][::-1]

    if geometry["type"] == "Polygon":
        coords: Any = [ring(r) for r in geometry["coordinates"]]
    else:
        coords = [[ring(r) for r in poly] for poly in geometry["coordinates"]]
    return {"type": geometry["type"], "coordinates": coords}


def _features() -> list[dict[str, Any]]:
    out = []
    for foot in ("left", "right"):
        for slug, geometry in _LEFT.items():
            geom = geometry if foot == "left" else _mirror(geometry)
            props: dict[str, Any] = {"role": "outline" if slug == "outline" else "zone",
                                     "foot": foot, "view": "plantar"}  # fmt: skip
            if slug != "outline":
                label, area, system, claim = _ZONES[slug]
                props |= {"label": label, "body_area": area, "system": system,
                          "claims": [{"kind": "placement", "text": claim,
                                      "sources": ["testchart"]}]}  # fmt: skip
            out.append({"type": "Feature", "id": f"{foot}.plantar.{slug}",
                        "properties": props, "geometry": copy.deepcopy(geom)})  # fmt: skip
    return out


BASE: dict[str, Any] = {
    "type": "FeatureCollection",
    "footmap": {
        "schema_version": 2,
        "title": "footmap test chart (small)",
        "description": "A tiny chart for footmap's own tests. It is not a real reflexology chart.",
        "units": "mm",
        "frame": "Millimetres, one frame per panel: x to the right of the page, y up the page, "
        "origin at the back of the heel; toes towards +y.",
        "orientation": "Soles seen from above through the foot: the left foot has its big toe "
        "on the +x side, the right foot is its mirror image.",
        "sources": [
            {
                "id": "testchart",
                "kind": "chart",
                "title": "A made-up reflexology chart",
                "citation": "footmap test fixture; not a real publication.",
            },
            {
                "id": "testdoc",
                "kind": "article",
                "title": "A made-up source document",
                "citation": "footmap test fixture; not a real publication.",
                "file": "000_test.txt",
            },
            {
                "id": "testreview",
                "kind": "study",
                "title": "A made-up evidence review",
                "citation": "footmap test fixture; not a real publication.",
            },
        ],  # fmt: skip
        "caveats": [
            {
                "id": "evidence",
                "kind": "evidence",
                "text": "Test chart: zone links are claims, not facts. Good trials have not shown "
                "that pressing a foot zone treats the organ linked to it.",
                "sources": ["testreview"],
            },
            {
                "id": "chart",
                "kind": "chart",
                "text": "Different charts put the zones in different places.",
                "sources": ["testchart"],
            },
        ],  # fmt: skip
    },
    "features": _features(),
}

#: Index of each feature of the base chart, by id (for the defect table in the tests).
INDEX = {f["id"]: i for i, f in enumerate(BASE["features"])}


def base() -> dict[str, Any]:
    """A fresh deep copy of the base chart."""
    return copy.deepcopy(BASE)


def feature(doc: dict[str, Any], fid: str) -> dict[str, Any]:
    """The feature of ``doc`` with id ``fid``."""
    return next(f for f in doc["features"] if f.get("id") == fid)


# -- formatting: small, hand-readable files ------------------------------------------------


def dumps(obj: Any, *, ensure_ascii: bool = True) -> str:
    """JSON text with one member per line, but short values and coordinates kept on one line."""
    return _fmt(obj, 0, ensure_ascii) + "\n"


def _fmt(obj: Any, indent: int, ascii_: bool, key: str | None = None) -> str:
    flat = json.dumps(obj, ensure_ascii=ascii_)
    if key == "coordinates" or not isinstance(obj, dict | list) or len(flat) + indent <= 96:
        return flat
    pad = " " * (indent + 1)
    if isinstance(obj, dict):
        items = [f"{pad}{json.dumps(k)}: {_fmt(v, indent + 1, ascii_, k)}" for k, v in obj.items()]
        return "{\n" + ",\n".join(items) + "\n" + " " * indent + "}"
    items = [pad + _fmt(v, indent + 1, ascii_) for v in obj]
    return "[\n" + ",\n".join(items) + "\n" + " " * indent + "]"


# -- the defects ---------------------------------------------------------------------------
#: kind -> function returning the file's content (text or raw bytes).
DEFECTS: dict[str, Callable[[], str | bytes]] = {}


def defect(fn: Callable[[dict[str, Any]], Any]) -> Callable[[dict[str, Any]], Any]:
    """Register ``fn(doc)``: it mutates a copy of the base chart (returning None) or returns
    the file content itself."""

    def make() -> str | bytes:
        doc = base()
        out = fn(doc)
        return dumps(doc) if out is None else out

    DEFECTS[fn.__name__] = make
    return fn


# file level
@defect
def invalid_json_syntax(doc):
    text = dumps(doc)
    return text.replace('"type": "FeatureCollection",', '"type": "FeatureCollection"', 1)


@defect
def empty_file(doc):
    return b""


@defect
def non_utf8_latin1(doc):
    feature(doc, "left.plantar.kidney")["properties"]["label"] = "Rein (réflexe)"
    return dumps(doc, ensure_ascii=False).encode("latin-1")


@defect
def nan_literal(doc):
    feature(doc, "left.plantar.pelvis")["geometry"]["coordinates"][0][1][0] = float("nan")
    return dumps(doc)  # json writes the non-JSON literal NaN


@defect
def infinity_literal(doc):
    feature(doc, "left.plantar.pelvis")["geometry"]["coordinates"][0][1][0] = float("inf")
    return dumps(doc)


@defect
def bare_feature(doc):
    return dumps(feature(doc, "left.plantar.kidney"))


@defect
def json_list(doc):
    return dumps(doc["features"])


# metadata
@defect
def missing_footmap_metadata(doc):
    del doc["footmap"]


@defect
def wrong_schema_version(doc):
    doc["footmap"]["schema_version"] = 1


@defect
def no_evidence_caveat(doc):
    doc["footmap"]["caveats"] = [c for c in doc["footmap"]["caveats"] if c["kind"] != "evidence"]


@defect
def unknown_source_in_caveat(doc):
    doc["footmap"]["caveats"][0]["sources"].append("nosuch2020")


@defect
def duplicate_source_id(doc):
    doc["footmap"]["sources"].append(copy.deepcopy(doc["footmap"]["sources"][0]))


@defect
def utf16_with_bom(doc):
    return dumps(doc).encode("utf-16")


@defect
def duplicate_key(doc):
    text = dumps(doc)
    old = '"label": "Kidney",'
    assert text.count(old) == 2
    return text.replace(old, old + ' "label": "Kidney",', 1)  # the left kidney's label twice


@defect
def lone_surrogate(doc):
    feature(doc, "left.plantar.head")["properties"]["label"] = "Head@@"
    return dumps(doc).replace("Head@@", "Head\\ud83d")  # the JSON escape of half an emoji


@defect
def source_note_too_long(doc):
    doc["footmap"]["sources"][0]["note"] = "n" * 2001


@defect
def source_file_too_long(doc):
    doc["footmap"]["sources"][0]["file"] = "f" * 257 + ".txt"


# feature properties
@defect
def duplicate_ids(doc):
    feature(doc, "right.plantar.head")["id"] = "right.plantar.pelvis"


@defect
def missing_id(doc):
    del feature(doc, "left.plantar.head")["id"]


@defect
def id_bad_pattern(doc):
    feature(doc, "left.plantar.head")["id"] = "Left Head"


@defect
def id_trailing_newline(doc):
    feature(doc, "left.plantar.head")["id"] = "left.plantar.head\n"


@defect
def missing_body_area(doc):
    del feature(doc, "left.plantar.kidney")["properties"]["body_area"]


@defect
def unknown_system(doc):
    feature(doc, "left.plantar.kidney")["properties"]["system"] = "astral"


@defect
def wrong_foot(doc):
    feature(doc, "left.plantar.pelvis")["properties"]["foot"] = "middle"


@defect
def wrong_view(doc):
    feature(doc, "left.plantar.pelvis")["properties"]["view"] = "top"


@defect
def claims_empty(doc):
    feature(doc, "left.plantar.adrenal")["properties"]["claims"] = []


@defect
def placement_cites_article(doc):
    feature(doc, "left.plantar.kidney")["properties"]["claims"][0]["sources"] = ["testdoc"]


@defect
def evidence_cites_article(doc):
    feature(doc, "left.plantar.head")["properties"]["claims"].append(
        {"kind": "evidence", "text": "Trials found this works.", "sources": ["testdoc"]}
    )


@defect
def no_placement_claim(doc):
    feature(doc, "right.plantar.pelvis")["properties"]["claims"] = [
        {"kind": "article", "text": "An article praises heel rubs.", "sources": ["testdoc"]}
    ]


@defect
def claim_without_kind(doc):
    del feature(doc, "left.plantar.pelvis")["properties"]["claims"][0]["kind"]


@defect
def unknown_zone_in_disagreement(doc):
    doc["footmap"]["disagreements"] = [_disagreement(["left.plantar.head", "left.plantar.liver"])]


@defect
def variant_cites_article(doc):
    d = _disagreement(["left.plantar.head"])
    d["variants"][1]["sources"] = ["testdoc"]
    doc["footmap"]["disagreements"] = [d]


@defect
def safety_caveat_cites_chart(doc):
    doc["footmap"]["caveats"].append(
        {"id": "safety", "kind": "safety", "text": "Ask first.", "sources": ["testchart"]}
    )


def _disagreement(zones: list[str]) -> dict[str, Any]:
    return {
        "id": "head-side",
        "topic": "Head on which side",
        "text": "Charts differ on which foot holds the head.",
        "zones": zones,
        "variants": [
            {"text": "Same side.", "sources": ["testchart"]},
            {"text": "Crossed.", "sources": ["testchart"]},
        ],
    }


@defect
def unknown_source_in_claim(doc):
    feature(doc, "left.plantar.kidney")["properties"]["claims"][0]["sources"].append("nosuch2020")


# geometry
@defect
def geometry_point(doc):
    feature(doc, "left.plantar.pelvis")["geometry"] = {"type": "Point", "coordinates": [0, 20]}


@defect
def geometry_linestring(doc):
    feature(doc, "left.plantar.head")["geometry"] = {
        "type": "LineString",
        "coordinates": [[14, 210], [31, 230]],
    }


@defect
def unclosed_ring(doc):
    feature(doc, "left.plantar.kidney")["geometry"]["coordinates"][0].pop()


@defect
def self_intersecting_ring(doc):
    # a bow-tie: the ring's second and third corners swapped
    feature(doc, "left.plantar.pelvis")["geometry"]["coordinates"] = [
        [[-30, 10], [30, 40], [30, 10], [-30, 40], [-30, 10]]
    ]


@defect
def ring_too_few_points(doc):
    feature(doc, "left.plantar.head")["geometry"]["coordinates"] = [
        [[14, 210], [31, 210], [14, 210]]
    ]


@defect
def absurd_coordinates(doc):
    feature(doc, "left.plantar.pelvis")["geometry"]["coordinates"][0][2] = [1e12, 40]


@defect
def empty_geometry(doc):
    feature(doc, "left.plantar.adrenal")["geometry"]["coordinates"] = []


@defect
def sliver_zone(doc):
    # a zone of 1e-12 mm^2 in the sole's free space between the heel and the kidney
    feature(doc, "left.plantar.adrenal")["geometry"]["coordinates"] = [_box(0, 50, 1e-6, 50 + 1e-6)]
    kidney = feature(doc, "left.plantar.kidney")["geometry"]["coordinates"]
    del kidney[1:]  # no hole left where the adrenal zone was


@defect
def multipolygon_parts_overlap(doc):
    coords = feature(doc, "left.plantar.outline")["geometry"]["coordinates"]
    coords[1] = [[[10, 190], [35, 190], [35, 235], [10, 235], [10, 190]]]  # toe dips into sole


# panels
@defect
def overlapping_zones(doc):
    # the heel zone grows up into the kidney zone
    feature(doc, "left.plantar.pelvis")["geometry"]["coordinates"] = [_box(-30, 10, 30, 65)]


@defect
def nested_zone_not_a_hole(doc):
    kidney = feature(doc, "right.plantar.kidney")["geometry"]["coordinates"]
    del kidney[1:]  # the adrenal zone now lies on top of the kidney zone, not in its hole


@defect
def zone_outside_outline(doc):
    feature(doc, "left.plantar.head")["geometry"]["coordinates"] = [_box(50, 210, 70, 230)]


@defect
def zone_without_outline(doc):
    feature(doc, "right.plantar.head")["properties"]["view"] = "dorsal"


@defect
def two_outlines_for_one_panel(doc):
    extra = copy.deepcopy(feature(doc, "left.plantar.outline"))
    extra["id"] = "left.plantar.outline-2"
    doc["features"].insert(INDEX["left.plantar.outline"] + 1, extra)


# -- a hostile-but-valid chart -------------------------------------------------------------
HOSTILE_TEXT = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "]]> & &amp; \"quoted\" 'single' `back`",
    "bell\u0007 rlo\u202eevil nul\u0000 tab\t newline\n end",
    "{{ template }} ${jinja} %s %(x)s \\ backslash",
]


def hostile() -> dict[str, Any]:
    """The base chart with markup, quotes and control characters in every free-text field."""
    doc = base()
    meta = doc["footmap"]
    meta["title"] = HOSTILE_TEXT[0]
    meta["description"] = " | ".join(HOSTILE_TEXT)
    for i, s in enumerate(meta["sources"]):
        s["title"] = HOSTILE_TEXT[i % len(HOSTILE_TEXT)]
        s["citation"] = HOSTILE_TEXT[(i + 2) % len(HOSTILE_TEXT)]
        s["note"] = HOSTILE_TEXT[(i + 3) % len(HOSTILE_TEXT)]
    for c in meta["caveats"]:
        c["text"] += " " + HOSTILE_TEXT[1]
        c["short"] = HOSTILE_TEXT[2]
    zones = [f for f in doc["features"] if f["properties"]["role"] == "zone"]
    for i, f in enumerate(zones):
        text = HOSTILE_TEXT[i % len(HOSTILE_TEXT)]
        p = f["properties"]
        p["label"] = text[:28]
        p["body_area"] = text.lower()
        p["claims"].append(
            {"kind": "evidence", "text": " ".join(HOSTILE_TEXT), "sources": ["testreview"]}
        )
    d = _disagreement([zones[0]["id"]])
    d["topic"], d["text"] = HOSTILE_TEXT[0], HOSTILE_TEXT[1]
    d["variants"][0]["text"] = HOSTILE_TEXT[3]
    meta["disagreements"] = [d]
    return doc


# -- generated at test time (too big to commit) -----------------------------------------------


def padded(size: int) -> bytes:
    """A valid chart padded with trailing whitespace to ``size`` bytes."""
    text = dumps(BASE).encode("ascii")
    return text + b" " * max(0, size - len(text))


def deeply_nested(depth: int) -> bytes:
    """The base chart with one coordinate replaced by ``depth`` nested lists."""
    doc = base()
    doc["footmap"]["title"] = "@@NEST@@"
    text = dumps(doc).replace('"@@NEST@@"', "[" * depth + "]" * depth)
    return text.encode("ascii")


def main(argv: list[str] | None = None) -> int:
    """Write ``good_small.geojson``, ``hostile.geojson`` and ``bad/*.geojson``."""
    BAD.mkdir(parents=True, exist_ok=True)
    (DATA / "good_small.geojson").write_text(dumps(BASE), encoding="utf-8")
    (DATA / "hostile.geojson").write_text(dumps(hostile()), encoding="utf-8")
    for old in BAD.glob("*.geojson"):
        old.unlink()
    for kind, make in DEFECTS.items():
        content = make()
        data = content if isinstance(content, bytes) else content.encode("utf-8")
        (BAD / f"{kind}.geojson").write_bytes(data)
    print(f"wrote good_small, hostile and {len(DEFECTS)} bad charts under {DATA}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
