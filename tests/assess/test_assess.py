"""Assessments: worksheets and keys, QTI 2.1 and Moodle hotspot items, their coordinates."""

from __future__ import annotations

import base64
import html
import io
import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import matplotlib
import numpy as np

matplotlib.use("Agg")

import pytest  # noqa: E402
from _pdf import pdf_page_count  # noqa: E402
from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402
from matplotlib.collections import LineCollection  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402
from matplotlib.text import Text  # noqa: E402
from PIL import Image  # noqa: E402
from shapely.geometry import Point, Polygon  # noqa: E402
from shapely.ops import unary_union  # noqa: E402

import footmap  # noqa: E402
from footmap.assess import (  # noqa: E402
    answer_key,
    key_data,
    quiz_items,
    variant,
    variants,
    worksheet,
    write_moodle,
    write_qti,
)
from footmap.assess.bank import claims_text, target_sources  # noqa: E402
from footmap.assess.drawing import number_targets, outline_map  # noqa: E402
from footmap.assess.items import map_image, to_chart_mm  # noqa: E402
from footmap.assess.qti import CP_NS, QTI_NS  # noqa: E402
from footmap.assess.sheets import sheet_figures  # noqa: E402
from footmap.cli import main  # noqa: E402
from footmap.errors import FootmapError  # noqa: E402
from footmap.text import caveat  # noqa: E402
from footmap.text.describe import place  # noqa: E402

CHART = footmap.load()
CAVEAT = caveat.caveat_line(CHART)
Q = f"{{{QTI_NS}}}"
C = f"{{{CP_NS}}}"


# -- the question bank -----------------------------------------------------------------------
def test_a_seed_picks_and_numbers_the_same_zones_and_another_seed_others():
    a = [t.zone.id for t in variant(CHART, count=5, seed=7).targets]
    assert a == [t.zone.id for t in variant(CHART, count=5, seed=7).targets]
    assert a == [
        "left.plantar.sciatic",
        "right.plantar.diaphragm",
        "left.plantar.shoulder",
        "right.plantar.colon-ascending",
        "left.plantar.colon-descending",
    ]
    assert a != [t.zone.id for t in variant(CHART, count=5, seed=8).targets]


def test_targets_are_one_per_body_area_numbered_from_one():
    v = variant(CHART, count=10, seed=3)
    assert [t.number for t in v.targets] == list(range(1, 11))
    areas = [t.zone.body_area for t in v.targets]
    assert len(set(areas)) == 10
    assert all(t.zone.geometry.area >= 150 and t.zone.view == "plantar" for t in v.targets)


def test_a_system_narrows_the_bank_and_count_is_capped_by_it():
    v = variant(CHART, count=50, seed=1, system="urinary")
    assert {t.zone.system for t in v.targets} == {"urinary"}
    assert len(v.targets) == len({z.body_area for z in v.targets and [t.zone for t in v.targets]})
    with pytest.raises(FootmapError, match="unknown system"):
        variant(CHART, system="plumbing")


def test_students_get_distinct_variants_with_ids():
    vs = variants(CHART, 3, seed=4, count=10)
    assert [v.id for v in vs] == ["4-1", "4-2", "4-3"]
    numberings = [tuple(t.zone.id for t in v.targets) for v in vs]
    assert len(set(numberings)) == 3
    assert [v.id for v in variants(CHART, 12, seed=4)][:2] == ["4-01", "4-02"]


# -- the sheet -------------------------------------------------------------------------------
def _texts(fig: Figure) -> list[str]:
    return [t.get_text() for t in fig.findobj(Text) if t.get_visible() and t.get_text()]


def test_a_sheet_says_the_same_words_whatever_it_asks():
    """Nothing on a student's sheet depends on the targets but the numbers' places: no
    answer can be on it (the variant id aside)."""
    (va,), (fa,) = sheet_figures(CHART, seed=1)
    (vb,), (fb,) = sheet_figures(CHART, seed=2)
    assert [t.zone.id for t in va.targets] != [t.zone.id for t in vb.targets]
    ta = sorted(s for s in _texts(fa) if not s.startswith("Variant"))
    tb = sorted(s for s in _texts(fb) if not s.startswith("Variant"))
    assert ta == tb
    assert any(CAVEAT.split(":")[0] in s for s in ta)


def _pdftext(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed")
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True)
    return " ".join(out.stdout.split())


def _footer_words(v) -> str:  # noqa: ANN001
    refs = " ".join(f"{s.title} {s.citation}" for s in CHART.cited_sources(()))
    return (caveat.footer_text(CHART) + " " + refs).casefold()


def test_no_answer_on_a_sheet_and_the_word_bank_lists_them_shuffled(tmp_path):
    plain, banked = tmp_path / "plain.pdf", tmp_path / "bank.pdf"
    (v,) = worksheet(CHART, plain, seed=7)
    worksheet(CHART, banked, seed=7, word_bank=True)
    text, text_bank = _pdftext(plain).casefold(), _pdftext(banked).casefold()
    footer = _footer_words(v)
    checked = 0
    for t in v.targets:
        for word in {t.zone.body_area.casefold(), t.zone.label.casefold()}:
            if word in footer:  # e.g. "stomach" in the safety caveat
                continue
            checked += 1
            assert not re.search(rf"\b{re.escape(word)}\b", text), word
    assert checked >= 10
    assert CAVEAT[:40].casefold() in text and CAVEAT[:40].casefold() in text_bank
    bank = text_bank.split("word bank (in no particular order)")[1]
    order = [bank.index(t.zone.body_area.casefold()) for t in v.targets]
    assert order != sorted(order)  # not in the numbers' order
    assert "name" in text and "date" in text and "variant 7" in text


def test_the_numbers_mark_their_zones():
    """Each number sits inside its zone, or a leader runs from the zone to it."""
    v = variant(CHART, count=10, seed=7)
    fig = Figure(figsize=(8, 6))
    FigureCanvasAgg(fig)
    ax = fig.add_axes((0, 0, 1, 1))
    artists = outline_map(CHART, ax, feet=v.feet, views=v.views)
    ax.apply_aspect()
    where = number_targets(artists, v.targets)
    assert sorted(where) == list(range(1, 11))
    offsets = {(p.foot, p.view): p.offset for p in artists.layout.panels}
    (lines,) = [c for c in ax.collections if isinstance(c, LineCollection)]
    segs = [tuple(map(tuple, s)) for s in lines.get_segments()]
    inside = 0
    for t in v.targets:
        dx, dy = offsets[t.zone.foot, t.zone.view]
        x, y = where[t.number]
        if t.zone.geometry.contains(Point(x - dx, y - dy)):
            inside += 1
            continue
        ax_, ay_ = t.zone.anchor
        assert any(abs(s[0][0] - ax_ - dx) < 1e-6 and abs(s[0][1] - ay_ - dy) < 1e-6 and
                   abs(s[1][1] - y) < 1e-6 for s in segs), t  # fmt: skip
    assert 0 < inside < 10
    # the circles do not overlap
    pts = list(where.values())
    scale = abs(ax.transData.transform((10, 0))[0] - ax.transData.transform((0, 0))[0]) / 10
    for i, (x1, y1) in enumerate(pts):
        for x2, y2 in pts[i + 1 :]:
            assert ((x1 - x2) ** 2 + (y1 - y2) ** 2) ** 0.5 * scale > 9 * 0.85 * 2 * fig.dpi / 72


def _outlines_px(ax):
    """The feet outlines (the Axes' PathPatches) as shapely polygons in display pixels."""
    polys = []
    for patch in ax.patches:
        for ring in patch.get_path().transformed(patch.get_transform()).to_polygons():
            polys.append(Polygon(ring).buffer(0))
    return unary_union(polys)


def _sheet_numbers(fig):
    (ax,) = fig.axes
    return ax, [t for t in ax.texts if t.get_text().isdigit()]


@pytest.mark.parametrize(("size", "least_w", "least_h"), [("a4", 4.1, 5.2), ("letter", 4.3, 5.4)])
def test_the_map_is_the_largest_thing_on_the_sheet(size, least_w, least_h):
    """Issue 22, "the figure is the page": the two soles fill a portrait page's height
    beside the lines to write on, larger than the caveat box and the lines together."""
    (_,), (fig,) = sheet_figures(CHART, seed=7, size=size)
    fw, fh = fig.get_size_inches()
    assert fh > fw
    ax, _ = _sheet_numbers(fig)
    x0, y0, x1, y1 = _outlines_px(ax).bounds
    w, h = (x1 - x0) / fig.dpi, (y1 - y0) / fig.dpi
    assert w >= least_w and h >= least_h, (w, h)
    (box,) = [a for a in fig.artists if getattr(a, "get_facecolor", None) and
              matplotlib.colors.to_hex(a.get_facecolor()) == "#fff4d6"]  # fmt: skip
    caveat_area = box.get_width() * box.get_height()  # inches (dpi_scale_trans)
    rules = [a for a in fig.artists if isinstance(a, Line2D) and a.get_color() == "#444444"]
    assert len(rules) == 10
    xs = [x for r in rules for x in r.get_xdata()]
    ys = [y for r in rules for y in r.get_ydata()]
    lines_area = (max(xs) - min(xs)) * (max(ys) - min(ys))
    assert w * h > 2 * caveat_area and w * h > 2 * lines_area
    # room to write: each line at least 2 inches long, at least 0.4 inch apart
    assert all(abs(r.get_xdata()[1] - r.get_xdata()[0]) >= 2.0 for r in rules)
    heights = sorted({round(r.get_ydata()[0], 4) for r in rules})
    assert min(b - a for a, b in zip(heights, heights[1:], strict=False)) >= 0.4


@pytest.mark.parametrize(
    ("size", "options"),
    [
        ("a4", {"seed": 7}),
        ("letter", {"seed": 7, "word_bank": True}),
        ("a4", {"seed": 3, "views": ("plantar", "dorsal"), "count": 12}),
        ("letter", {"seed": 5, "views": ("plantar", "dorsal", "medial", "lateral")}),
    ],
)
def test_the_numbers_are_legible_apart_and_clear_of_the_feet(size, options):
    """Numbers of 9 pt or more, bold; no two circles overlap; every circle whole on the
    map; a number put beside a foot touches no foot (the gap between two feet is no place
    for a circle wider than it)."""
    (v,), (fig,) = sheet_figures(CHART, size=size, **options)
    ax, numbers = _sheet_numbers(fig)
    assert sorted(int(t.get_text()) for t in numbers) == [t.number for t in v.targets]
    assert all(t.get_fontsize() >= 9 and t.get_fontweight() == "bold" for t in numbers)
    r = 9 * 0.85 / 72 * fig.dpi  # the circle's radius in pixels
    centres = [Point(ax.transData.transform(t.get_position())) for t in numbers]
    for i, a in enumerate(centres):
        assert all(a.distance(b) >= 2 * r for b in centres[i + 1 :])
    bb = ax.get_window_extent()
    assert all(bb.x0 <= c.x - r and c.x + r <= bb.x1 for c in centres)
    assert all(bb.y0 <= c.y - r and c.y + r <= bb.y1 for c in centres)
    feet = _outlines_px(ax)
    beside = [c for c in centres if not feet.contains(c)]
    assert beside
    assert not any(feet.intersects(c.buffer(r)) for c in beside)


def test_the_key_agrees_with_the_sheet_json(tmp_path):
    key = tmp_path / "key.json"
    (v,) = worksheet(CHART, tmp_path / "s.png", seed=7, key=key)
    data = json.loads(key.read_text("utf-8"))
    assert data["variant"] == "7" and data["seed"] == 7
    assert [(e["number"], e["zone"]) for e in data["numbers"]] == [
        (t.number, t.zone.id) for t in v.targets
    ]
    first = data["numbers"][0]
    assert first["zone"] == "left.plantar.sciatic"
    assert first["label"] == CHART.zone("left.plantar.sciatic").label
    assert first["what_charts_claim"].startswith("Charts draw the sciatic nerve")
    assert first["sources"] and all("citation" in s for s in first["sources"])
    assert data["caveat"] == CAVEAT and data["safety"] == caveat.safety_line(CHART)


def test_a_class_set_has_a_page_and_a_key_per_variant(tmp_path):
    sheets, key = tmp_path / "class.pdf", tmp_path / "key.json"
    vs = worksheet(CHART, sheets, seed=4, students=3, key=key, word_bank=True)
    assert pdf_page_count(sheets) == 3
    data = json.loads(key.read_text("utf-8"))
    assert "numbers" not in data
    assert [d["variant"] for d in data["variants"]] == ["4-1", "4-2", "4-3"]
    for d, v in zip(data["variants"], vs, strict=True):
        assert [e["zone"] for e in d["numbers"]] == [t.zone.id for t in v.targets]
    text = _pdftext(sheets)
    assert all(f"Variant {i}" in text for i in ("4-1", "4-2", "4-3"))
    pdf_key = tmp_path / "key.pdf"
    worksheet(CHART, tmp_path / "c2.pdf", seed=4, students=2, key=pdf_key)
    key_text = _pdftext(pdf_key)
    assert "Variant 4-1" in key_text and "Variant 4-2" in key_text
    assert CAVEAT[:60] in key_text
    assert vs[0].targets[0].zone.id == "left.plantar.rectum"
    assert "1. rectum (left foot, sole)" in key_text  # the label "Rectum" says no more


def _pdf_pages(path: Path) -> list[str]:
    """Each page's text in reading order (column by column), whitespace joined."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed")
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    return [" ".join(page.split()) for page in out.split("\f")[:-1]]


@pytest.mark.parametrize("size", ["a4", "letter"])
def test_a_key_of_ten_numbers_is_one_page_a_variant(tmp_path, size):
    """Issue 22: a variant's key of ten numbers fits one page, A4 or letter, and still gives
    each number's body area, label (when it says more), place, what charts claim with the
    numbers of its sources, the sources and the caveat."""
    vs = variants(CHART, 6, seed=11, count=10)
    path = answer_key(CHART, vs, tmp_path / "key.pdf", size=size)
    assert pdf_page_count(path) == 6
    pages = _pdf_pages(path)
    assert len(pages) == 6
    for v, text in zip(vs, pages, strict=True):
        assert f"Variant {v.id}" in text and CAVEAT[:60] in text
        assert text.count("What charts claim:") == 10
        assert "Sources (numbers in brackets cite them)" in text
        for t in v.targets:
            z = t.zone
            label = "" if z.label.casefold() == z.body_area.casefold() else f"{z.label}; "
            assert f"{t.number}. {z.body_area} ({label}{place(z)})" in text, t
            assert " ".join(claims_text(z).split()[:6]) in text
            assert target_sources(CHART, z)[0].citation.split()[0] in text


def test_a_key_too_long_for_a_page_goes_on(tmp_path):
    """29 numbers over four views take three pages, every entry on one of them."""
    (v,) = variants(CHART, 1, seed=5, count=30, views=("plantar", "dorsal", "medial", "lateral"))
    path = answer_key(CHART, [v], tmp_path / "key.pdf")
    assert len(v.targets) == 29 and pdf_page_count(path) == 3
    text = " ".join(_pdf_pages(path))
    assert text.count("What charts claim:") == 29 and text.count(CAVEAT[:60]) == 3


def test_the_svg_sheet_and_key_keep_their_text(tmp_path):
    (v,) = worksheet(CHART, tmp_path / "s.svg", seed=7, key=tmp_path / "k.svg", size="letter")
    sheet = (tmp_path / "s.svg").read_text("utf-8")
    key = (tmp_path / "k.svg").read_text("utf-8")
    assert "Zone-organ links are claims" in sheet and "Zone-organ links are claims" in key
    assert "sciatic nerve" in key and "sciatic nerve" not in sheet


def test_refusals(tmp_path):
    with pytest.raises(FootmapError, match="need one page each"):
        worksheet(CHART, tmp_path / "s.png", students=2)
    with pytest.raises(FootmapError, match="format of the answer key"):
        worksheet(CHART, tmp_path / "s.pdf", key=tmp_path / "k.txt")
    with pytest.raises(FootmapError, match="format of the worksheet"):
        worksheet(CHART, tmp_path / "s.html")
    assert not list(tmp_path.iterdir())


def test_key_data_of_several_variants_lists_each():
    data = key_data(CHART, variants(CHART, 2, seed=1, count=3))
    assert [len(v["numbers"]) for v in data["variants"]] == [3, 3]


# -- hotspot coordinates ---------------------------------------------------------------------
@pytest.fixture(scope="module")
def quiz():
    return quiz_items(CHART, 10, seed=3)


def test_each_correct_hotspot_holds_its_zone_and_no_other_target(quiz):
    v, items = quiz
    assert [it.zone.id for it in items] == [t.zone.id for t in v.targets]
    for it in items:
        (h,) = [h for h in it.hotspots if h.identifier == it.correct]
        assert h.zone == it.zone.id
        back = Polygon([to_chart_mm(it.image, *p) for p in h.points])
        assert back.contains(Point(it.zone.anchor))
        others = [o.zone for o in items if o is not it and o.image is it.image]
        assert others
        assert not any(back.contains(Point(z.anchor)) for z in others)
        # the polygon round-trips: within a pixel or so of the zone's outline
        assert back.symmetric_difference(it.zone.geometry).area < 0.06 * it.zone.geometry.area
        u, v_ = it.image.to_pixels(*it.zone.anchor)
        assert to_chart_mm(it.image, u, v_) == pytest.approx(it.zone.anchor)


def test_hotspots_cover_every_zone_of_the_panel_smallest_first(quiz):
    _, items = quiz
    it = items[0]
    zones = CHART.zones_on(it.image.foot, it.image.view)
    assert {h.zone for h in it.hotspots} == {z.id for z in zones}
    areas = [CHART.zone(h.zone).geometry.area for h in it.hotspots]
    assert areas == sorted(areas)
    assert len({h.identifier for h in it.hotspots}) == len(it.hotspots)


def _ink(png: bytes) -> tuple[tuple[int, int], float, float]:
    """The PNG's size and the share of its width and height the drawing spans."""
    img = Image.open(io.BytesIO(png)).convert("L")
    dark = np.asarray(img) < 200
    cols, rows = np.flatnonzero(dark.any(axis=0)), np.flatnonzero(dark.any(axis=1))
    return img.size, (cols[-1] - cols[0] + 1) / img.size[0], (rows[-1] - rows[0] + 1) / img.size[1]


@pytest.mark.parametrize(
    ("foot", "view", "size"),
    [
        ("left", "plantar", (258, 640)),
        ("right", "dorsal", (270, 640)),
        ("left", "medial", (600, 301)),
    ],
)
def test_the_quiz_image_is_the_foot(foot, view, size):
    """Issue 26: the image is cropped to the foot (it spans at least 85 % of the width and
    of the height), at most 600 px wide and 640 px tall, so a laptop shows the whole foot
    and the marker under it."""
    image = map_image(CHART, foot, view)
    (w, h), across, down = _ink(image.png)
    assert (w, h) == (image.width, image.height) == size
    assert across >= 0.85 and down >= 0.85, (across, down)
    x0, y0, x1, y1 = CHART.outline(foot, view).geometry.bounds
    (u0, v0), (u1, v1) = image.to_pixels(x0, y1), image.to_pixels(x1, y0)
    assert 0 <= u0 and u1 <= w and 0 <= v0 and v1 <= h
    assert (u1 - u0) / w >= 0.9


def test_every_asked_zone_is_a_24_pixel_target_and_every_hotspot_in_the_image():
    """Every zone asked about (here all those the bank offers in all four views) is at
    least 24 px wide and tall in its image (WCAG 2.5.8), and every hotspot's points lie in
    the image: narrower zones (the sciatic band, the sigmoid colon) are not asked about."""
    _, items = quiz_items(CHART, 50, seed=1, views=("plantar", "dorsal", "medial", "lateral"))
    assert len(items) == 24
    asked = {it.zone.id for it in items}
    assert "left.plantar.sciatic" not in asked and "right.plantar.sciatic" not in asked
    for it in items:
        (h,) = [h for h in it.hotspots if h.identifier == it.correct]
        us, vs = [p[0] for p in h.points], [p[1] for p in h.points]
        assert max(us) - min(us) >= 24 and max(vs) - min(vs) >= 24, it.zone.id
        for spot in it.hotspots:
            assert all(0 <= u <= it.image.width and 0 <= v <= it.image.height
                       for u, v in spot.points)  # fmt: skip


def test_another_seed_asks_other_questions():
    a = [it.zone.id for it in quiz_items(CHART, 5, seed=1)[1]]
    b = [it.zone.id for it in quiz_items(CHART, 5, seed=2)[1]]
    assert a != b


# -- QTI 2.1 ---------------------------------------------------------------------------------
ITEM_ORDER = [
    "responseDeclaration",
    "outcomeDeclaration",
    "outcomeDeclaration",
    "itemBody",
    "responseProcessing",
    "modalFeedback",
    "modalFeedback",
]


def test_the_qti_package_follows_the_specification(tmp_path):
    path, items = write_qti(CHART, tmp_path / "quiz.qti.zip", 10, seed=3)
    z = zipfile.ZipFile(path)
    names = set(z.namelist())
    manifest = ET.fromstring(z.read("imsmanifest.xml"))
    assert manifest.tag == f"{C}manifest"
    assert manifest.find(f"{C}metadata/{C}schema").text == "QTIv2.1 Package"
    assert manifest.find(f"{C}metadata/{C}schemaversion").text == "1.0.0"
    resources = manifest.findall(f"{C}resources/{C}resource")
    ids = [r.get("identifier") for r in resources]
    assert len(ids) == len(set(ids))
    kinds = [r.get("type") for r in resources]
    assert kinds.count("imsqti_item_xmlv2p1") == 10 and kinds.count("imsqti_test_xmlv2p1") == 1
    for r in resources:
        assert r.get("href") in names
        assert all(f.get("href") in names for f in r.findall(f"{C}file"))
        assert all(d.get("identifierref") in ids for d in r.findall(f"{C}dependency"))
    test = ET.fromstring(z.read("test.xml"))
    refs = test.findall(f".//{Q}assessmentItemRef")
    assert [r.get("href") for r in refs] == [f"q{k:02d}.xml" for k in range(1, 11)]

    for it, ref in zip(items, refs, strict=True):
        root = ET.fromstring(z.read(ref.get("href")))
        assert root.tag == f"{Q}assessmentItem"
        assert {"identifier", "title", "adaptive", "timeDependent"} <= set(root.attrib)
        assert [c.tag.removeprefix(Q) for c in root] == ITEM_ORDER
        rd = root.find(f"{Q}responseDeclaration")
        assert (rd.get("cardinality"), rd.get("baseType")) == ("single", "identifier")
        correct = rd.find(f"{Q}correctResponse/{Q}value").text
        hi = root.find(f"{Q}itemBody/{Q}hotspotInteraction")
        assert hi.get("responseIdentifier") == "RESPONSE" and hi.get("maxChoices") == "1"
        assert [c.tag.removeprefix(Q) for c in hi][:2] == ["prompt", "object"]
        obj = hi.find(f"{Q}object")
        assert obj.get("type") == "image/png" and obj.text
        png = Image.open(io.BytesIO(z.read(obj.get("data"))))
        assert png.size == (int(obj.get("width")), int(obj.get("height")))
        choices = hi.findall(f"{Q}hotspotChoice")
        assert correct in [c.get("identifier") for c in choices]
        for c in choices:
            assert c.get("shape") == "poly"
            nums = [int(n) for n in c.get("coords").split(",")]
            assert len(nums) % 2 == 0 and len(nums) >= 6
            assert all(0 <= n <= max(png.size) for n in nums)
            assert c.get("hotspotLabel") is None  # a tooltip would give the answer
        (right,) = [c for c in choices if c.get("identifier") == correct]
        nums = [int(n) for n in right.get("coords").split(",")]
        back = Polygon([to_chart_mm(it.image, *nums[i : i + 2]) for i in range(0, len(nums), 2)])
        assert back.contains(Point(it.zone.anchor))
        text = ET.tostring(root, encoding="unicode", method="text")
        assert text.count(CAVEAT) == 3  # under the question and in both feedbacks
        for fb in root.findall(f"{Q}modalFeedback"):
            fb_text = "".join(fb.itertext())
            assert it.claims in fb_text and CAVEAT in fb_text and it.zone.label in fb_text
        assert it.prompt in "".join(root.find(f"{Q}itemBody").itertext())


def test_the_qti_package_is_the_same_for_the_same_seed(tmp_path):
    a, _ = write_qti(CHART, tmp_path / "a.zip", 3, seed=5)
    b, _ = write_qti(CHART, tmp_path / "b.zip", 3, seed=5)
    assert a.read_bytes() == b.read_bytes()
    with pytest.raises(FootmapError, match="a QTI package is a .zip"):
        write_qti(CHART, tmp_path / "quiz.xml", 3)


# -- Moodle ----------------------------------------------------------------------------------
def test_moodle_ddmarker_questions_with_polygon_drop_zones(tmp_path):
    path, items = write_moodle(CHART, tmp_path / "quiz.xml", 10, seed=3)
    root = ET.fromstring(path.read_bytes())
    assert root.tag == "quiz"
    questions = root.findall("question")
    assert questions[0].get("type") == "category"
    qs = [q for q in questions if q.get("type") == "ddmarker"]
    assert len(qs) == 10
    for q, it in zip(qs, items, strict=True):
        png = base64.b64decode(q.find("file").text)
        assert q.find("file").get("encoding") == "base64"
        assert Image.open(io.BytesIO(png)).size == (it.image.width, it.image.height)
        assert q.find("drag/no").text == "1" and q.find("drag/text").text == it.zone.body_area
        drop = q.find("drop")
        assert drop.find("shape").text == "polygon" and drop.find("choice").text == "1"
        coords = drop.find("coords").text
        assert re.fullmatch(r"\d+,\d+(;\d+,\d+){2,}", coords)
        pts = [tuple(map(int, p.split(","))) for p in coords.split(";")]
        assert all(a != b for a, b in zip(pts, pts[1:], strict=False)) and pts[0] != pts[-1]
        back = Polygon([to_chart_mm(it.image, *p) for p in pts])
        assert back.contains(Point(it.zone.anchor))
        for tag in ("questiontext", "generalfeedback", "correctfeedback", "incorrectfeedback"):
            assert CAVEAT in q.find(f"{tag}/text").text, tag
        assert it.claims in html.unescape(q.find("generalfeedback/text").text)
        assert html.escape(it.prompt) in q.find("questiontext/text").text


# -- the command -----------------------------------------------------------------------------
def test_the_commands(tmp_path, capsys):
    sheet, key = tmp_path / "sheet.pdf", tmp_path / "key.json"
    assert main(["worksheet", str(sheet), "--seed", "7", "--key", str(key), "--count", "4"]) == 0
    assert len(json.loads(key.read_text("utf-8"))["numbers"]) == 4
    qti = tmp_path / "quiz.qti.zip"
    assert main(["export", str(qti), "--quiz", "3", "--seed", "2", "--system", "digestive"]) == 0
    assert "3 questions (qti)" in capsys.readouterr().out
    xml = tmp_path / "quiz.xml"
    assert main(["export", str(xml), "--quiz", "2", "--format", "moodle"]) == 0
    assert len(ET.parse(xml).getroot().findall("question")) == 3
    assert main(["export", str(tmp_path / "m.png"), "--seed", "2"]) == 1
    assert "go with --quiz" in capsys.readouterr().err
    assert main(["worksheet", str(tmp_path / "s.svg"), "--students", "2"]) == 1
