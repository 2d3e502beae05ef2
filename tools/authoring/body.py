"""Author ``data/body.geojson``: the body chart (front and back views) linked to the foot chart.

Authoring-time script, run by hand::

    PYTHONPATH=$PWD /work/main/.venv/bin/python tools/authoring/body.py [--svg PATH] [--preview PNG]
    PYTHONPATH=$PWD /work/main/.venv/bin/python tools/authoring/body.py --check

Artwork: the EBI Expression Atlas anatomogram ``homo_sapiens.female.svg`` (CC BY 4.0), shipped in
the ``pyanatomogram`` wheel (``pip download --no-deps -d /tmp/anat pyanatomogram``, unzip; the
file is ``pyanatomogram/anatomogram/src/svg/homo_sapiens.female.svg``). Its organ paths are
converted to polygons here, at authoring time only, with ``svgelements`` (``pip install --target
/tmp/svgtools svgelements``; set ``BODY_SVGTOOLS`` if elsewhere). Neither is a run-time dependency:
the chart holds plain polygons. The female figure is used because its drawing is the cleaner of
the two human figures; the male counterparts of the three "X or Y" reproductive areas are named in
their anatomy claims (testes in the scrotum, prostate under the bladder, vas deferens through the
groin), not drawn.

Structures the anatomogram does not draw (joints, ears, sinuses, jaw, hypothalamus, pineal,
parathyroids, thymus, ureters, solar plexus, the whole back view) are drawn here from simple
shapes placed at their anatomical positions relative to the figure's own landmarks (the femur,
knee cartilage, kidneys, thyroid, aorta and the outline). The back view mirrors the front outline
(the body's right moves to the viewer's right) and holds the back-wall structures.

``--check`` validates the written chart: every foot-chart ``body_area`` has a region, ids are
valid, regions lie inside their view's outline, and sides agree with the frame.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import sys
from pathlib import Path

from shapely.affinity import scale as shp_scale
from shapely.geometry import LineString, Point, Polygon, box, mapping, shape
from shapely.ops import unary_union

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))

from anatomy_sources import CLAIMS, anatomy_records  # noqa: E402

DEFAULT_SVG = "/tmp/anat/x/pyanatomogram/anatomogram/src/svg/homo_sapiens.female.svg"
OUT = ROOT / "data" / "body.geojson"

#: Height of the drawn adult, sole to crown, in mm (the figure is scaled to it).
BODY_HEIGHT_MM = 1700.0

ID_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{0,79}$")

# --------------------------------------------------------------------------------------------
# body_area (foot chart) -> region. ONE TABLE, easy to update when body areas are renamed.
# key: body_area as used in data/zones.geojson
# value: (view, slug, label, system, side, uberon or None, diffuse)
# A body area may have a region in both views (the kidneys: seen from the front and the back).
# --------------------------------------------------------------------------------------------
REGIONS: dict[str, list[tuple]] = {
    "adrenal glands": [
        ("front", "adrenal-glands", "Adrenal glands", "endocrine", "both", "UBERON:0002369", False)
    ],
    "appendix and ileocecal valve": [
        (
            "front",
            "appendix",
            "Appendix and ileocecal valve",
            "digestive",
            "right",
            "UBERON:0001154",
            False,
        )
    ],
    "arm": [("front", "arms", "Arms", "musculoskeletal", "both", "UBERON:0001460", False)],
    "ascending colon": [
        (
            "front",
            "ascending-colon",
            "Ascending colon",
            "digestive",
            "right",
            "UBERON:0001156",
            False,
        )
    ],
    "bladder": [("front", "bladder", "Bladder", "urinary", "midline", "UBERON:0001255", False)],
    "cerebellum and brain stem": [
        (
            "back",
            "cerebellum-brain-stem",
            "Cerebellum and brain stem",
            "nervous",
            "midline",
            None,
            False,
        )
    ],
    "breast": [("front", "breasts", "Breasts", "reproductive", "both", "UBERON:0000310", False)],
    "bronchi": [("front", "bronchi", "Bronchi", "respiratory", "both", "UBERON:0002185", False)],
    "descending colon": [
        (
            "front",
            "descending-colon",
            "Descending colon",
            "digestive",
            "left",
            "UBERON:0001158",
            False,
        )
    ],
    "diaphragm": [
        ("front", "diaphragm", "Diaphragm", "respiratory", "both", "UBERON:0001103", False)
    ],
    "duodenum": [
        ("front", "duodenum", "Duodenum", "digestive", "midline", "UBERON:0002114", False)
    ],
    "ears": [("front", "ears", "Ears", "sensory", "both", "UBERON:0001690", False)],
    "elbow": [("front", "elbows", "Elbows", "musculoskeletal", "both", "UBERON:0001490", False)],
    "esophagus": [
        ("front", "esophagus", "Esophagus", "digestive", "midline", "UBERON:0001043", False)
    ],
    "eyes": [("front", "eyes", "Eyes", "sensory", "both", "UBERON:0000970", False)],
    "face": [("front", "face", "Face", "sensory", "midline", "UBERON:0001456", False)],
    "fallopian tube or vas deferens": [
        (
            "front",
            "fallopian-tubes",
            "Fallopian tubes (or vas deferens)",
            "reproductive",
            "both",
            "UBERON:0003889",
            False,
        )
    ],
    "gallbladder": [
        ("front", "gallbladder", "Gallbladder", "digestive", "right", "UBERON:0002110", False)
    ],
    "groin lymph nodes": [
        (
            "front",
            "groin-lymph-nodes",
            "Groin lymph nodes",
            "lymphatic",
            "both",
            "UBERON:0000029",
            True,
        )
    ],
    "head and brain": [
        ("front", "brain", "Head and brain", "nervous", "midline", "UBERON:0000955", False)
    ],
    "heart": [("front", "heart", "Heart", "cardiovascular", "midline", "UBERON:0000948", False)],
    "hip": [("front", "hips", "Hip joints", "musculoskeletal", "both", "UBERON:0001486", False)],
    "hypothalamus": [
        ("front", "hypothalamus", "Hypothalamus", "endocrine", "midline", "UBERON:0001898", False)
    ],
    "inner ear and balance": [
        ("front", "inner-ears", "Inner ears (balance)", "sensory", "both", "UBERON:0001846", False)
    ],
    "kidneys": [
        ("front", "kidneys", "Kidneys", "urinary", "both", "UBERON:0002113", False),
        ("back", "kidneys", "Kidneys", "urinary", "both", "UBERON:0002113", False),
    ],
    "knee": [("front", "knees", "Knee joints", "musculoskeletal", "both", "UBERON:0001485", False)],
    "liver": [("front", "liver", "Liver", "digestive", "right", "UBERON:0002107", False)],
    "lower back": [
        ("back", "lower-back", "Lower back", "musculoskeletal", "both", "UBERON:0005462", False)
    ],
    "lungs and chest": [
        ("front", "lungs", "Lungs and chest", "respiratory", "both", "UBERON:0002048", False)
    ],
    "lymphatic system": [
        (
            "front",
            "lymphatic-system",
            "Lymphatic system (node groups)",
            "lymphatic",
            "both",
            "UBERON:0006558",
            True,
        )
    ],
    "neck": [("front", "neck", "Neck", "musculoskeletal", "midline", "UBERON:0000974", False)],
    "nose": [("front", "nose", "Nose", "respiratory", "midline", "UBERON:0000004", False)],
    "ovary or testis": [
        ("front", "ovaries", "Ovaries (or testes)", "reproductive", "both", "UBERON:0000992", False)
    ],
    "pancreas": [
        ("front", "pancreas", "Pancreas", "digestive", "midline", "UBERON:0001264", False)
    ],
    "parathyroid glands": [
        ("front", "parathyroid-glands", "Parathyroid glands", "endocrine", "both", None, False)
    ],
    "pelvis and lower back": [
        (
            "back",
            "pelvis-lower-back",
            "Pelvis and lower back",
            "musculoskeletal",
            "both",
            None,
            False,
        )
    ],
    "pineal gland": [
        ("front", "pineal-gland", "Pineal gland", "endocrine", "midline", "UBERON:0001905", False)
    ],
    "pituitary gland": [
        (
            "front",
            "pituitary-gland",
            "Pituitary gland",
            "endocrine",
            "midline",
            "UBERON:0000007",
            False,
        )
    ],
    "rectum": [("front", "rectum", "Rectum", "digestive", "midline", "UBERON:0001052", False)],
    "ribs": [("back", "ribs", "Ribs", "musculoskeletal", "both", "UBERON:0002228", False)],
    "sacro-iliac joint": [
        (
            "back",
            "sacro-iliac-joints",
            "Sacro-iliac joints",
            "musculoskeletal",
            "both",
            None,
            False,
        )
    ],
    "sciatic nerve": [
        ("back", "sciatic-nerves", "Sciatic nerves", "nervous", "both", "UBERON:0001322", True)
    ],
    "shoulder": [
        (
            "front",
            "shoulders",
            "Shoulder joints",
            "musculoskeletal",
            "both",
            "UBERON:0001467",
            False,
        )
    ],
    "shoulder blade": [
        (
            "back",
            "shoulder-blades",
            "Shoulder blades",
            "musculoskeletal",
            "both",
            "UBERON:0006849",
            False,
        )
    ],
    "sigmoid colon": [
        ("front", "sigmoid-colon", "Sigmoid colon", "digestive", "left", "UBERON:0001159", False)
    ],
    "sinuses": [("front", "sinuses", "Sinuses", "respiratory", "both", "UBERON:0001825", False)],
    "small intestine": [
        (
            "front",
            "small-intestine",
            "Small intestine",
            "digestive",
            "midline",
            "UBERON:0002108",
            False,
        )
    ],
    "solar plexus": [
        ("front", "solar-plexus", "Solar (celiac) plexus", "nervous", "midline", None, True)
    ],
    "spine": [("back", "spine", "Spine", "musculoskeletal", "midline", "UBERON:0001130", False)],
    "spleen": [("front", "spleen", "Spleen", "lymphatic", "left", "UBERON:0002106", False)],
    "stomach": [("front", "stomach", "Stomach", "digestive", "left", "UBERON:0000945", False)],
    "teeth and jaw": [
        (
            "front",
            "teeth-jaw",
            "Teeth and jaw",
            "musculoskeletal",
            "midline",
            "UBERON:0001708",
            False,
        )
    ],
    "throat and tonsils": [
        (
            "front",
            "throat-tonsils",
            "Throat and tonsils",
            "respiratory",
            "midline",
            "UBERON:0000341",
            False,
        )
    ],
    "thymus": [("front", "thymus", "Thymus", "lymphatic", "midline", "UBERON:0002370", False)],
    "thyroid": [("front", "thyroid", "Thyroid", "endocrine", "midline", "UBERON:0002046", False)],
    "transverse colon": [
        (
            "front",
            "transverse-colon",
            "Transverse colon",
            "digestive",
            "midline",
            "UBERON:0001157",
            False,
        )
    ],
    "trapezius": [
        ("back", "trapezius", "Trapezius", "musculoskeletal", "both", "UBERON:0002380", False)
    ],
    "upper back": [
        ("back", "upper-back", "Upper back", "musculoskeletal", "both", "UBERON:0008231", False)
    ],
    "upper lymph nodes": [
        (
            "front",
            "upper-lymph-nodes",
            "Upper lymph nodes (neck)",
            "lymphatic",
            "both",
            "UBERON:0000029",
            True,
        )
    ],
    "ureters": [("front", "ureters", "Ureters", "urinary", "both", "UBERON:0000056", False)],
    "urethra": [("front", "urethra", "Urethra", "urinary", "midline", "UBERON:0000057", False)],
    "uterus or prostate": [
        (
            "front",
            "uterus",
            "Uterus (or prostate)",
            "reproductive",
            "midline",
            "UBERON:0000995",
            False,
        )
    ],
}

# ------------------------------------------------------------------------------ artwork parsing


def _svgelements():
    sys.path.insert(0, os.environ.get("BODY_SVGTOOLS", "/tmp/svgtools"))
    import svgelements  # noqa: PLC0415  (authoring-time only)

    return svgelements


def parse_artwork(svg_path: str) -> dict[str, list[Polygon]]:
    """Return ``{group id: [polygons in SVG units]}`` for every UBERON group of the figure."""
    import xml.etree.ElementTree as ET  # noqa: PLC0415

    import numpy as np  # noqa: PLC0415

    se = _svgelements()
    text = Path(svg_path).read_text(encoding="utf-8")
    # The figure reuses shapes with <use> chains that recurse; they only duplicate shapes.
    text = re.sub(r"<use\b[^>]*/>", "", text, flags=re.S)
    text = re.sub(r"<use\b.*?</use>", "", text, flags=re.S)
    root = ET.fromstring(text)

    def walk(el, organ):
        i = el.get("id", "")
        if re.match(r"(UBERON|CL)_\d+$", i) or i.startswith("LAYER_"):
            organ = i
        el.set("data-organ", organ)
        for c in el:
            walk(c, organ)

    walk(root, "")
    tagged = Path("/tmp/body_tagged.svg")
    tagged.write_text(ET.tostring(root, encoding="unicode"), encoding="utf-8")
    svg = se.SVG.parse(str(tagged))
    out: dict[str, list[Polygon]] = {}
    for e in svg.elements():
        if not isinstance(e, se.Shape):
            continue
        organ = e.values.get("data-organ", "")
        for sub in se.Path(e).as_subpaths():
            sp = se.Path(sub)
            if len(sp) == 0:
                continue
            try:
                length = sp.length(error=1e-3)
            except Exception:  # noqa: BLE001 - degenerate segments
                continue
            if length == 0:
                continue
            n = min(1500, max(16, int(length * 6)))
            xy = [tuple(sp.point(t)) for t in np.linspace(0, 1, n)]
            if len(xy) < 4:
                continue
            poly = Polygon(xy).buffer(0)
            if poly.area > 0:
                out.setdefault(organ, []).append(poly)
    return out


# ------------------------------------------------------------------------------ geometry helpers


class Frame:
    """SVG units of the figure -> mm of the body frame (x right, y up, origin on the floor)."""

    def __init__(self, outline: Polygon):
        minx, miny, maxx, maxy = outline.bounds
        self.mid = (minx + maxx) / 2
        self.floor = maxy
        self.s = BODY_HEIGHT_MM / (maxy - miny)

    def to_mm(self, g, mirror: bool = False):
        from shapely.affinity import affine_transform  # noqa: PLC0415

        sx = -self.s if mirror else self.s
        return affine_transform(g, [sx, 0, 0, -self.s, -sx * self.mid, self.s * self.floor])


def ellipse(cx, cy, rx, ry, rot=0.0):
    from shapely.affinity import rotate  # noqa: PLC0415

    e = shp_scale(Point(cx, cy).buffer(1.0, 32), rx, ry)
    return rotate(e, rot) if rot else e


def mirror_x(g, mid):
    return shp_scale(g, -1, 1, origin=(mid, 0))


def both(g, mid):
    return unary_union([g, mirror_x(g, mid)])


def band(points, width):
    return LineString(points).buffer(width / 2, cap_style=1, join_style=1)


def smooth(g, r=0.25):
    return g.buffer(r, join_style=1).buffer(-r, join_style=1)


def rounded_rect(x0, y0, x1, y1, r):
    return box(x0 + r, y0 + r, x1 - r, y1 - r).buffer(r, 16)


# ------------------------------------------------------------------------------ the regions


def build(svg_path: str):
    art = parse_artwork(svg_path)
    skin = sorted(art["UBERON_0000014"], key=lambda p: -p.area)
    outline = skin[0]
    frame = Frame(outline)
    mid = frame.mid

    def organ(key):
        return unary_union(art[key])

    nodes = art["UBERON_0000029"]

    def nodes_where(pred):
        return unary_union([p for p in nodes if pred(p.centroid.x, p.centroid.y)])

    colon = organ("UBERON_0001155")
    front: dict[str, object] = {}
    back: dict[str, object] = {}

    # ---- straight from the anatomogram
    for slug, key in [
        ("adrenal-glands", "UBERON_0002369"),
        ("bladder", "UBERON_0001255"),
        ("breasts", "UBERON_0000310"),
        ("bronchi", "UBERON_0002185"),
        ("diaphragm", "UBERON_0001103"),
        ("duodenum", "UBERON_0002114"),
        ("esophagus", "UBERON_0001043"),
        ("eyes", "UBERON_0000970"),
        ("fallopian-tubes", "UBERON_0003889"),
        ("gallbladder", "UBERON_0002110"),
        ("brain", "UBERON_0000955"),
        ("heart", "UBERON_0000948"),
        ("kidneys", "UBERON_0002113"),
        ("liver", "UBERON_0002107"),
        ("lungs", "UBERON_0002048"),
        ("ovaries", "UBERON_0000992"),
        ("pancreas", "UBERON_0001264"),
        ("pituitary-gland", "UBERON_0000007"),
        ("rectum", "UBERON_0001052"),
        ("spleen", "UBERON_0002106"),
        ("stomach", "UBERON_0000945"),
        ("thyroid", "UBERON_0002046"),
        ("uterus", "UBERON_0000995"),
    ]:
        front[slug] = organ(key)
    front["small-intestine"] = unary_union([organ("UBERON_0002108"), organ("UBERON_0002116")])
    front["appendix"] = unary_union([organ("UBERON_0001154"), organ("UBERON_0001153")])
    front["throat-tonsils"] = unary_union([organ("UBERON_0000341"), organ("UBERON_0002372")])
    # nose: the septum and the nostrils' outline, as one hull
    nostrils = [
        p
        for p in art.get("LAYER_OUTLINE", [])
        if 50 < p.centroid.x < 55.5 and 16.5 < p.centroid.y < 18.6
    ]
    front["nose"] = unary_union(
        [organ("UBERON_0001706"), organ("UBERON_0000004"), *nostrils]
    ).convex_hull.buffer(0.15)

    # colon split into its four parts (the figure's right is the viewer's left)
    cx0, cy0, cx1, cy1 = colon.bounds
    front["ascending-colon"] = colon.intersection(box(cx0 - 1, 71.8, 45.6, 90))
    front["transverse-colon"] = colon.intersection(box(cx0 - 1, cy0 - 1, cx1 + 1, 71.8))
    front["descending-colon"] = colon.intersection(box(59.0, 71.8, cx1 + 1, 87.5))
    front["sigmoid-colon"] = colon.intersection(box(45.6, 87.5, cx1 + 1, cy1 + 1)).union(
        colon.intersection(box(50.0, 71.8, cx1 + 1, cy1 + 1)).intersection(
            box(50, 84, cx1 + 1, cy1 + 1)
        )
    )

    # ---- lymph node groups of the anatomogram
    front["upper-lymph-nodes"] = nodes_where(lambda x, y: y < 34)
    front["groin-lymph-nodes"] = nodes_where(lambda x, y: 90 < y < 105)
    duct = band([(52.2, 79.0), (52.4, 70), (52.9, 55), (53.6, 42), (55.2, 34), (56.6, 31.2)], 0.55)
    front["lymphatic-system"] = unary_union([*nodes, duct])

    # ---- joints and limbs, placed on the figure's own bones
    femur = organ("UBERON_0002371")  # the (body's left) femur
    fx0, fy0, fx1, fy1 = femur.bounds
    hip_l = Point(fx0 + 3.6, fy0 + 2.6).buffer(2.1, 32)
    knee_l = organ("UBERON_0007844").buffer(0.25)
    front["hips"] = both(hip_l, mid)
    front["knees"] = both(knee_l, mid)
    front["shoulders"] = both(ellipse(37.6, 37.6, 2.3, 2.5), mid)
    front["elbows"] = both(ellipse(22.6, 64.3, 2.0, 2.0), mid)
    arm_cut = Polygon([(37.0, 29.5), (37.6, 44.5), (13.4, 91.0), (2.0, 86.0), (-1, 70), (-1, 29.5)])
    front["arms"] = both(outline.intersection(arm_cut), mid)
    # head, face, ears
    front["ears"] = both(outline.intersection(box(-1, 9.6, 46.35, 17.4)), mid)
    front["face"] = smooth(outline.intersection(box(46.5, 8.6, 58.9, 24.6)), 0.3)
    front["neck"] = outline.intersection(box(47.0, 23.6, 58.4, 31.2)).difference(front["face"])
    front["inner-ears"] = both(ellipse(47.5, 13.3, 0.75, 0.6), mid)
    front["hypothalamus"] = ellipse(mid - 0.1, 7.35, 0.95, 0.55)
    front["pineal-gland"] = ellipse(mid, 6.15, 0.42, 0.5)
    sinus_frontal = both(ellipse(51.35, 9.55, 1.05, 0.7, 15), mid)
    sinus_maxillary = both(ellipse(49.7, 15.9, 1.35, 1.2), mid)
    sinus_ethmoid = ellipse(mid, 13.2, 0.55, 1.0)
    front["sinuses"] = unary_union([sinus_frontal, sinus_maxillary, sinus_ethmoid])
    mandible = band(
        [
            (46.9, 16.6),
            (47.1, 19.8),
            (48.5, 22.6),
            (50.6, 23.8),
            (mid, 24.1),
            (mid + 2.1, 23.8),
            (mid + 4.2, 22.6),
            (mid + 5.6, 19.8),
            (mid + 5.8, 16.6),
        ],
        1.0,
    )
    teeth = rounded_rect(50.3, 19.85, 55.1, 21.35, 0.5)
    front["teeth-jaw"] = unary_union([mandible, teeth])
    # endocrine and lymphatic glands the figure does not draw
    tx0, ty0, tx1, ty1 = front["thyroid"].bounds
    front["parathyroid-glands"] = unary_union(
        [
            Point(x, y).buffer(0.36, 16)
            for x in (tx0 + 0.6, tx1 - 0.6)
            for y in (ty0 + 0.6, ty1 - 0.6)
        ]
    )
    front["thymus"] = unary_union(
        [ellipse(51.95, 38.4, 1.15, 2.9, -6), ellipse(53.45, 38.6, 1.15, 3.0, 6)]
    )
    # ureters: from each kidney's inner edge down to the bladder
    bx0, by0, bx1, by1 = front["bladder"].bounds
    ureter_r = band(
        [(47.6, 68.6), (48.0, 74), (47.2, 80.5), (47.6, 84.5), (bx0 + 2.6, by0 + 2.9)], 0.7
    )
    ureter_l = band(
        [(57.6, 67.6), (57.3, 74), (58.2, 80.5), (57.8, 84.5), (bx1 - 2.6, by0 + 2.9)], 0.7
    )
    front["ureters"] = unary_union([ureter_r, ureter_l])
    # urethra: from the bladder's neck down the midline to its opening, about 4 cm (the female figure)
    ulen, uw = 40.0 / frame.s, 6.0 / frame.s
    ux = (bx0 + bx1) / 2
    front["urethra"] = band([(ux, by1 - 0.4), (ux + 0.05, by1 + ulen * 0.5), (ux, by1 + ulen)], uw)
    # the solar (celiac) plexus: a star of fibres around the celiac trunk, in front of the aorta at T12-L1
    hub = Point(mid + 0.6, 63.0)
    rays = [
        band([(hub.x, hub.y), (hub.x + 2.1 * math.cos(a), hub.y + 1.7 * math.sin(a))], 0.32)
        for a in [k * math.pi / 5 for k in range(10)]
    ]
    front["solar-plexus"] = unary_union([hub.buffer(0.9, 24), *rays])

    # ---- back view (SVG units, then mirrored with the outline so the body's right is on the right)
    back["kidneys"] = front["kidneys"]
    # vertebral levels: C1 level with the mouth, T12 at the top of the kidneys, L3 at their lower third
    verts = []
    levels = []
    y = 18.6
    for n, h, w0, w1 in [("C", 1.62, 2.3, 2.6), ("T", 2.34, 2.7, 3.5), ("L", 3.35, 3.8, 4.6)]:
        count = {"C": 7, "T": 12, "L": 5}[n]
        for k in range(count):
            w = w0 + (w1 - w0) * k / max(1, count - 1)
            verts.append(rounded_rect(mid - w / 2, y + 0.12, mid + w / 2, y + h - 0.12, 0.35))
            levels.append((f"{n}{k + 1}", y + h / 2))
            y += h
    sacrum = Polygon(
        [(mid - 4.4, y + 0.1), (mid + 4.4, y + 0.1), (mid + 1.5, y + 9.0), (mid - 1.5, y + 9.0)]
    )
    sacrum = smooth(sacrum, 0.5)
    coccyx = Polygon([(mid - 1.3, y + 9.3), (mid + 1.3, y + 9.3), (mid, y + 11.6)]).buffer(0.15)
    back["spine"] = unary_union([*verts, sacrum, coccyx])
    lv = dict(levels)
    # ribs: twelve pairs leaving the thoracic vertebrae and curving out and down round the chest
    ribs = []
    reach = [4.6, 7.4, 9.6, 11.2, 12.2, 12.7, 12.9, 12.8, 12.4, 11.4, 8.2, 5.4]
    drop = [1.2, 2.2, 3.0, 3.6, 4.0, 4.4, 4.8, 5.2, 5.6, 5.8, 5.6, 4.8]
    for k in range(12):
        yk = lv[f"T{k + 1}"]
        pts = []
        for i in range(13):
            t = i / 12
            x = 1.6 + (reach[k] - 1.6) * t
            yy = yk - 0.7 * math.sin(math.pi * t) * (1 - t) + drop[k] * t * t
            pts.append((mid + x, yy))
        ribs.append(band(pts, 0.75 if k < 10 else 0.6))
    back["ribs"] = both(unary_union(ribs), mid)
    trunk_w = outline.intersection(box(mid - 16.5, 30, mid + 16.5, 100))
    back["upper-back"] = smooth(
        trunk_w.intersection(box(mid - 13.2, lv["T1"] - 1.0, mid + 13.2, lv["T12"] + 1.1)), 0.8
    )
    back["lower-back"] = smooth(
        trunk_w.intersection(box(mid - 12.6, lv["L1"] - 1.6, mid + 12.6, lv["L5"] + 1.2)), 0.8
    )
    ilium = Polygon(
        [
            (mid, y - 0.5),
            (mid + 3, y - 1.2),
            (mid + 7.2, lv["L4"] - 1.5),
            (mid + 11.6, lv["L4"] - 0.8),
            (mid + 12.4, y + 1.6),
            (mid + 10.6, y + 6.4),
            (mid + 8.4, y + 10.5),
            (mid + 7.6, y + 13.8),
            (mid + 5.0, y + 17.0),
            (mid + 2.4, y + 16.2),
            (mid, y + 15.0),
        ]
    )
    pelvis = both(smooth(ilium, 0.7), mid)
    back["pelvis-lower-back"] = unary_union([back["lower-back"], pelvis])
    # sacro-iliac joints: where each side of the sacrum meets the ilium, along the upper part of the
    # sacrum's edge (sacral segments S1-S3), at the back of the pelvis (drawn on one side, mirrored)
    si_edge = [(mid + 4.6, y + 0.5), (mid + 4.0, y + 3.0), (mid + 3.1, y + 5.6)]
    back["sacro-iliac-joints"] = both(band(si_edge, 0.9), mid)
    trap_half = Polygon(
        [
            (mid, 16.6),
            (mid + 1.9, 17.3),
            (mid + 2.5, 23.5),
            (mid + 4.4, 30.2),
            (mid + 9.5, 32.6),
            (mid + 15.6, 34.5),
            (mid + 15.2, 36.5),
            (mid + 10.0, 38.3),
            (mid + 6.0, 42.0),
            (mid + 3.8, 48.5),
            (mid + 1.2, lv["T12"] + 0.6),
            (mid, lv["T12"] + 1.2),
        ]
    )
    back["trapezius"] = smooth(both(trap_half, mid), 0.6)
    # sciatic nerve: from the sacral plexus (L4-S3) through the buttock, down the back of the thigh,
    # dividing just above the knee (drawn on the body's right; mirrored)
    kx = fx0 + (fx1 - fx0) * 0.45  # thigh axis at the knee (body's left in SVG units)
    sci = [
        (mid + 2.6, y + 3.0),
        (mid + 5.2, y + 7.5),
        (mid + 7.4, fy0 + 6.5),
        (mid + 7.6, fy0 + 18),
        (kx - 0.4, 124),
        (kx - 0.3, 131.5),
    ]
    tib = [(kx - 0.3, 131.5), (kx - 0.3, 136.5), (kx - 0.2, 141)]
    fib = [(kx - 0.3, 131.5), (kx + 1.6, 135.5), (kx + 2.8, 140.5)]
    sciatic = unary_union([band(sci, 1.0), band(tib, 0.55), band(fib, 0.5)])
    back["sciatic-nerves"] = both(sciatic, mid)
    # shoulder blades: flat triangles on the back of the chest over ribs 2-7 (T2-T7), glenoid at the
    # shoulder joint (drawn on one side, mirrored)
    blade = Polygon(
        [
            (mid + 4.0, lv["T2"] - 0.8),
            (mid + 11.0, lv["T2"] - 0.4),
            (mid + 13.4, lv["T2"] + 0.8),
            (mid + 13.2, lv["T2"] + 3.4),
            (mid + 6.4, lv["T7"] + 1.2),
            (mid + 4.9, lv["T7"] + 0.4),
            (mid + 3.9, lv["T4"]),
        ]
    )
    back["shoulder-blades"] = both(smooth(blade, 0.6), mid)
    # cerebellum (two hemispheres joined by the vermis, low at the back of the skull) and the brain
    # stem (midline, in front of it, down to the foramen magnum where the spinal cord begins at C1)
    # (its lower edge about level with the ear lobes, just above the top of the neck)
    cb_y = 15.0
    cerebellum = unary_union(
        [
            ellipse(mid - 2.5, cb_y, 3.0, 2.1, -8),
            ellipse(mid + 2.5, cb_y, 3.0, 2.1, 8),
            ellipse(mid, cb_y + 0.2, 1.3, 1.9),
        ]
    )
    stem = band([(mid, cb_y - 3.6), (mid, cb_y), (mid, 18.6)], 1.6)
    back["cerebellum-brain-stem"] = smooth(unary_union([cerebellum, stem]), 0.3)

    # ---- to mm; back view mirrored (body's right on the viewer's right)
    feats = {
        ("front", "outline"): frame.to_mm(outline),
        ("back", "outline"): frame.to_mm(outline, mirror=True),
    }
    inside = outline.buffer(-0.05)
    for slug, g in front.items():
        feats[("front", slug)] = frame.to_mm(g.intersection(inside))
    for slug, g in back.items():
        feats[("back", slug)] = frame.to_mm(g.intersection(inside), mirror=True)
    return feats, frame, levels


# ------------------------------------------------------------------------------ output


def _round_coords(geom):
    g = mapping(geom)

    def r(c):
        if isinstance(c, (list, tuple)) and c and isinstance(c[0], (int, float)):
            return [round(float(c[0]), 1), round(float(c[1]), 1)]
        return [r(x) for x in c]

    g = {"type": g["type"], "coordinates": r(g["coordinates"])}
    # drop consecutive duplicates produced by rounding, re-validate
    shp = shape(g).buffer(0)
    if shp.geom_type == "GeometryCollection":
        shp = unary_union([p for p in shp.geoms if p.area > 0])
    shp = shp.simplify(0.15, preserve_topology=True)
    g = mapping(shp)
    return {"type": g["type"], "coordinates": r(g["coordinates"])}


FRAME_TEXT = (
    "Millimetres in a body frame: x points to the right of the page and y up, with the origin on "
    "the floor midway between the feet; the figure is an adult scaled to 1700 mm tall. There are "
    "two panels in the same frame, each centred on x = 0. The front view shows the body from the "
    "front, so the body's right is on the viewer's left (as anatomy figures do); the back view "
    "shows it from behind, so the body's right is on the viewer's right."
)
ORIENTATION_TEXT = (
    "Front view: you face the person, so their right side is on your left. Back view: you stand "
    "behind them, so their right side is on your right. Organs overlap in these flat views; the "
    "kidneys appear in both because they lie against the back wall of the abdomen."
)
ATTRIBUTION = (
    "Body artwork adapted from the EBI Expression Atlas anatomogram (homo_sapiens.female.svg), "
    "EMBL-EBI Gene Expression Team, licensed under CC BY 4.0 "
    "(https://creativecommons.org/licenses/by/4.0/); cite: Papatheodorou I. et al., Expression "
    "Atlas update: from tissues to single cells, Nucleic Acids Research 48(D1):D77-D83, 2020. "
    "Organ outlines were converted to polygons and rescaled; joints, sinuses, jaw, small glands, "
    "ureters, the solar plexus and the whole back view were drawn for footmap."
)


def write(svg_path: str) -> dict:
    feats, frame, _ = build(svg_path)
    features = []
    for view in ("front", "back"):
        features.append(
            {
                "type": "Feature",
                "id": f"{view}.outline",
                "properties": {"role": "outline", "view": view},
                "geometry": _round_coords(feats[(view, "outline")]),
            }
        )
    for area in sorted(REGIONS):
        for view, slug, label, system, side, uberon, diffuse in REGIONS[area]:
            claim = CLAIMS[area]
            props = {
                "role": "region",
                "view": view,
                "label": label,
                "body_area": area,
                "system": system,
                "side": side,
            }
            if uberon:
                props["uberon"] = uberon
            props["diffuse"] = diffuse
            props["claims"] = [{"kind": "anatomy", "text": claim[0], "sources": list(claim[1])}]
            features.append(
                {
                    "type": "Feature",
                    "id": f"{view}.{slug}",
                    "properties": props,
                    "geometry": _round_coords(feats[(view, slug)]),
                }
            )
    chart = {
        "type": "FeatureCollection",
        "footmap": {
            "schema_version": 2,
            "chart": "body",
            "title": "Where the organs really are (body chart)",
            "description": (
                "An anatomy figure of an adult body, front and back, with the organs and "
                "structures that the foot chart's zones are named after, drawn where they "
                "really are. It states anatomy; it does not imply any link between the feet and "
                "these organs."
            ),
            "units": "mm",
            "frame": FRAME_TEXT,
            "orientation": ORIENTATION_TEXT,
            "attribution": ATTRIBUTION,
            "sources": anatomy_records(),
        },
        "features": features,
    }
    OUT.write_text(
        json.dumps(chart, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8"
    )
    return chart


# ------------------------------------------------------------------------------ self-check


def check(path: Path = OUT) -> list[str]:
    """Return a list of problems with the written body chart (empty when it is sound)."""
    sys.path.insert(0, str(ROOT))
    probs: list[str] = []
    chart = json.loads(path.read_text(encoding="utf-8"))
    zones = json.loads((ROOT / "data" / "zones.geojson").read_text(encoding="utf-8"))
    areas = {
        f["properties"]["body_area"]
        for f in zones["features"]
        if "body_area" in f.get("properties", {})
    }
    systems = {
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
    }
    src_ids = {s["id"] for s in chart["footmap"]["sources"] if s["kind"] == "anatomy"}
    outlines = {}
    seen_ids = set()
    covered = set()
    for f in chart["features"]:
        fid = f["id"]
        if not ID_RE.match(fid):
            probs.append(f"bad id {fid!r}")
        if fid in seen_ids:
            probs.append(f"duplicate id {fid}")
        seen_ids.add(fid)
        p = f["properties"]
        if not fid.startswith(p["view"] + "."):
            probs.append(f"{fid}: id does not start with its view")
        g = shape(f["geometry"])
        if not g.is_valid or g.is_empty:
            probs.append(f"{fid}: invalid or empty geometry")
        if p["role"] == "outline":
            outlines[p["view"]] = g
    for f in chart["features"]:
        p = f["properties"]
        if p["role"] != "region":
            continue
        fid = f["id"]
        covered.add(p["body_area"])
        if p["system"] not in systems:
            probs.append(f"{fid}: unknown system {p['system']}")
        if p["side"] not in ("right", "left", "midline", "both"):
            probs.append(f"{fid}: bad side")
        for c in p["claims"]:
            if c["kind"] != "anatomy" or not c["sources"] or set(c["sources"]) - src_ids:
                probs.append(f"{fid}: claim without anatomy sources")
        g = shape(f["geometry"])
        outside = g.difference(outlines[p["view"]].buffer(1.0)).area
        if outside > 0.01 * g.area + 1.0:
            probs.append(f"{fid}: {outside:.0f} mm2 outside the {p['view']} outline")
        # sides: body's right = viewer's left (x < 0) in front, viewer's right (x > 0) in back
        cx = g.centroid.x
        right_sign = -1 if p["view"] == "front" else 1
        if p["side"] == "right" and cx * right_sign <= 0:
            probs.append(f"{fid}: a right-side structure drawn on the body's left (x={cx:.0f})")
        if p["side"] == "left" and cx * right_sign >= 0:
            probs.append(f"{fid}: a left-side structure drawn on the body's right (x={cx:.0f})")
        if p["side"] == "both" and g.geom_type == "MultiPolygon":
            xs = [q.centroid.x for q in g.geoms]
            if not (min(xs) < 0 < max(xs)):
                probs.append(f"{fid}: 'both' sides but drawn on one side")
    for a in sorted(areas - covered):
        probs.append(f"body area {a!r} of the foot chart has no region")
    for a in sorted(covered - areas):
        probs.append(f"region for {a!r}, which the foot chart does not use")
    # known sides from the brief
    want = {
        "liver": "right",
        "gallbladder": "right",
        "appendix and ileocecal valve": "right",
        "ascending colon": "right",
        "spleen": "left",
        "descending colon": "left",
        "sigmoid colon": "left",
    }
    for f in chart["features"]:
        p = f["properties"]
        if p.get("body_area") in want and p["side"] != want[p["body_area"]]:
            probs.append(f"{f['id']}: side should be {want[p['body_area']]}")
        if p.get("body_area") == "heart":
            g = shape(f["geometry"])
            left_part = g.intersection(box(0, -1e4, 1e4, 1e4)).area
            if left_part < 0.55 * g.area:
                probs.append("heart: not mostly on the body's left")
    return probs


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--svg", default=os.environ.get("BODY_SVG", DEFAULT_SVG))
    ap.add_argument("--check", action="store_true", help="only check data/body.geojson")
    ap.add_argument("--preview", help="also render a preview PNG here")
    a = ap.parse_args(argv)
    if not a.check:
        write(a.svg)
        print(f"wrote {OUT.relative_to(ROOT)}")
    if a.preview:
        from body_preview import render  # noqa: PLC0415

        render(OUT, Path(a.preview))
    probs = check()
    for p in probs:
        print("problem:", p)
    print("check:", "ok" if not probs else f"{len(probs)} problem(s)")
    return 1 if probs else 0


if __name__ == "__main__":
    raise SystemExit(main())
