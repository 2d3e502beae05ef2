"""Real anatomy on exported pages: --body (the body figure beside the feet) and --layer.

The SVG's ids, classes and data attributes (parsed as XML), the artwork's attribution wherever
the body is drawn (PNG metadata, SVG text, PDF text), the sides of the body figure, the
legend's words, the layer's structures and legend, the claims' anatomy sections, the feet
staying the largest thing, the handout's body figures and its page on what is under the
zones, and the command line.
"""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
from matplotlib.legend import Legend  # noqa: E402
from matplotlib.text import Text  # noqa: E402
from PIL import Image  # noqa: E402

import footmap  # noqa: E402
from footmap.cli import main  # noqa: E402
from footmap.errors import FootmapError  # noqa: E402
from footmap.export import export, figure, handout  # noqa: E402
from footmap.export.anatomy import ATTRIBUTION_GID, BODY_LEGEND_GID  # noqa: E402
from footmap.render.body import BODY_HIGHLIGHT_FACE  # noqa: E402

SVG = "{http://www.w3.org/2000/svg}"
ATTRIBUTION_START = "Body artwork adapted from the EBI Expression Atlas anatomogram"


def _flat(text: str) -> str:
    return " ".join(text.split())


def _pdftotext(path) -> list[str]:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed; CI has it")
    out = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, check=True)
    return [_flat(p) for p in out.stdout.decode("utf-8").split("\f") if p.strip()]


@pytest.fixture(scope="module")
def kidneys_svg(tmp_path_factory):
    out = tmp_path_factory.mktemp("svg") / "k.svg"
    export(footmap.load(), out, highlight="kidneys", body=True)
    return ET.parse(out).getroot()


# -- SVG ------------------------------------------------------------------------------------
def test_svg_body_regions_carry_their_ids_areas_and_the_highlight_class(kidneys_svg):
    groups = {g.get("id"): g for g in kidneys_svg.iter(f"{SVG}g") if g.get("id")}
    body = footmap.load_body()
    for region in body.regions:  # every region, not only the highlighted ones
        g = groups[f"body-{region.id}"]
        assert g.get("data-body-area") == region.body_area
    lit = sorted(k for k, g in groups.items() if "fm-highlight" in (g.get("class") or "").split())
    assert lit == [
        "body-back.kidneys",
        "body-front.kidneys",
        "zone-left.plantar.kidney",
        "zone-right.plantar.kidney",
    ]
    assert groups["body-front.liver"].get("class") == "fm-body fm-digestive"
    assert groups["zone-left.plantar.heart"].get("class") == "fm-zone fm-cardiovascular"
    title = groups["body-front.kidneys"].find(f"{SVG}title")
    assert title is not None and title.text == "Kidneys \u2014 where it really is (anatomy)"


def test_svg_shows_the_attribution_as_text_and_in_its_rights(kidneys_svg):
    texts = [_flat("".join(t.itertext())) for t in kidneys_svg.iter(f"{SVG}text")]
    assert any(t.startswith(ATTRIBUTION_START) and "CC BY 4.0" in t for t in texts)
    rights = "".join(kidneys_svg.find(f"{SVG}metadata").itertext())
    assert ATTRIBUTION_START in rights


def test_svg_without_body_has_no_body_shapes_but_marks_the_highlight(tmp_path):
    out = export(footmap.load(), tmp_path / "k.svg", highlight="kidneys")
    root = ET.parse(out).getroot()
    ids = [g.get("id") or "" for g in root.iter(f"{SVG}g")]
    assert not [i for i in ids if i.startswith("body-")]
    lit = [g.get("id") for g in root.iter(f"{SVG}g") if "fm-highlight" in (g.get("class") or "")]
    assert lit == ["zone-left.plantar.kidney", "zone-right.plantar.kidney"]
    assert ATTRIBUTION_START not in out.read_text("utf-8")


# -- the attribution wherever the body is drawn --------------------------------------------
def test_png_with_body_carries_the_attribution(tmp_path):
    out = export(footmap.load(), tmp_path / "k.png", highlight="kidneys", body=True, dpi=60)
    text = Image.open(out).text
    assert text["Copyright"].startswith(ATTRIBUTION_START) and "CC BY 4.0" in text["Copyright"]
    plain = export(footmap.load(), tmp_path / "p.png", highlight="kidneys", dpi=60)
    assert "Copyright" not in Image.open(plain).text


def test_pdf_with_body_shows_the_attribution_and_both_sections(tmp_path):
    out = export(footmap.load(), tmp_path / "k.pdf", highlight="kidneys", body=True)
    (page,) = _pdftotext(out)
    assert ATTRIBUTION_START in page and "licensed under CC BY 4.0" in page
    assert "What charts claim" in page and "Where it really is" in page
    assert page.index("What charts claim") < page.index("Where it really is")
    assert "The kidneys lie against the back wall of the abdomen" in page
    assert "Zone-organ links are claims of reflexology, not science" in page  # the caveat stays


def test_every_handout_page_with_a_body_shows_the_attribution(tmp_path):
    out = handout(footmap.load(), tmp_path / "h.pdf", by=["kidneys", "liver"])
    pages = _pdftotext(out)
    with_body = [p for p in pages if "Foot and body, side by side" in p]
    assert len(with_body) == 2
    assert all(ATTRIBUTION_START in p for p in with_body)


# -- the body figure --------------------------------------------------------------------------
def _body_fig(highlight, **kw):
    return figure(footmap.load(), highlight=highlight, body=True, **kw)


def _screen_x(fig, patch) -> list[float]:
    """x (pixels) of each part of a patch's path, left to right."""
    polys = patch.get_path().to_polygons(patch.get_transform())
    return sorted(float(p[:, 0].mean()) for p in polys if len(p) > 2)


def test_the_highlighted_kidneys_lie_on_both_sides_of_the_body(chart):
    fig = _body_fig("kidneys")
    body = fig.footmap_body
    assert body.highlighted == ("back.kidneys", "front.kidneys")
    for view in ("front", "back"):
        patch = body.patch(f"{view}.kidneys")
        assert patch.get_facecolor()[:3] == matplotlib.colors.to_rgb(BODY_HIGHLIGHT_FACE)
        dx, _ = body.panels[view]
        mid = body.ax.transData.transform((dx, 0))[0]
        left, right = _screen_x(fig, patch)[0], _screen_x(fig, patch)[-1]
        assert left < mid - 3 and right > mid + 3  # one kidney each side of the midline
    plt.close(fig)


def test_the_liver_is_on_the_viewers_left_in_the_front_view(chart):
    fig = _body_fig("liver")
    body = fig.footmap_body
    assert body.highlighted == ("front.liver",)
    dx, _ = body.panels["front"]
    mid = body.ax.transData.transform((dx, 0))[0]
    assert max(_screen_x(fig, body.patch("front.liver"))) < mid
    notes = [t.get_text() for t in body.notes if (t.get_gid() or "") == "body-note-front"]
    assert _flat(notes[0]) == "Front view: the body's right is on your left"
    plt.close(fig)


def test_the_legend_tells_the_foot_claim_from_the_body_anatomy(chart):
    fig = _body_fig("kidneys")
    (leg,) = [a for a in fig.legends if isinstance(a, Legend) and a.get_gid() == BODY_LEGEND_GID]
    words = [_flat(t.get_text()) for t in leg.get_texts()]
    assert words == [
        "Where charts put it (foot): a claim of reflexology",
        "Where it is (body): anatomy",
        "Shown side by side to compare: no link between a foot zone and an organ has been shown.",
    ]
    assert leg.get_title().get_text() == "Foot and body, side by side"
    plt.close(fig)


def _feet_and_body_mm(fig) -> tuple[list[float], float]:
    fig.canvas.draw()
    r = fig.canvas.get_renderer()
    mm = 25.4 / fig.dpi
    soles = [
        o.get_window_extent(r).height * mm
        for o in fig.footmap_artists.outlines
        if (o.get_gid() or "").endswith(".plantar")
    ]
    body = max(o.get_window_extent(r).height * mm for o in fig.footmap_body.outlines)
    return soles, body


@pytest.mark.parametrize("orientation", ["landscape", "portrait"])
@pytest.mark.parametrize("highlight", ["kidneys", ["kidneys", "heart", "liver"]])
def test_the_feet_stay_the_largest_thing(chart, highlight, orientation):
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "footmap_export_layout", Path(__file__).with_name("test_layout.py")
    )
    assert spec is not None and spec.loader is not None
    layout = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(layout)
    crossing_feet, measure = layout.crossing_feet, layout.measure
    outside, overlaps = layout.outside, layout.overlaps

    fig = _body_fig(highlight, orientation=orientation)
    soles, body = _feet_and_body_mm(fig)
    assert min(soles) >= 40.0 and min(soles) > body, (soles, body)
    m = measure(fig)
    assert overlaps(m["texts"]) == []
    assert crossing_feet(m) == []
    assert outside(m) == []
    plt.close(fig)


@pytest.mark.parametrize("size", ["a4", "letter"])
def test_three_views_and_the_body_on_a_portrait_page_keep_clear(chart, size):
    # the map's title (two lines) clear of its caption; the body's notes, wrapped, inside
    # its strip (on letter they hung into the claims under it)
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "footmap_export_layout", Path(__file__).with_name("test_layout.py")
    )
    assert spec is not None and spec.loader is not None
    layout = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(layout)
    fig = figure(chart, views=("plantar", "dorsal", "medial"), highlight=["kidneys", "heart",
                 "liver"], size=size, orientation="portrait", body=True)  # fmt: skip
    m = layout.measure(fig)
    assert layout.overlaps(m["texts"]) == []
    assert layout.crossing_feet(m) == []
    assert layout.outside(m) == []
    title = fig.footmap_artists.ax.title.get_text()
    assert title.count("\n") == 1  # the case: a title on two lines
    plt.close(fig)


def test_texts_of_the_body_figure_stay_in_their_strip_and_clear_of_each_other(chart):
    fig = _body_fig("digestive")
    fig.canvas.draw()
    r = fig.canvas.get_renderer()
    boxes = [t.get_window_extent(r) for t in fig.footmap_body.labels]
    assert all(not a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1 :])
    attribution = [t for t in fig.findobj(Text) if t.get_gid() == ATTRIBUTION_GID]
    assert len(attribution) == 1 and attribution[0].get_text().startswith(ATTRIBUTION_START)
    plt.close(fig)


# -- the anatomy layer ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("layer", "structures", "title"),
    [
        ("nerves", 10, "Anatomy (schematic):\nskin supplied by each nerve"),
        ("bones", 52, "Anatomy (schematic):\nthe bones of the foot"),
        ("dermatomes", 6, "Anatomy (schematic):\ndermatomes, approximate"),
    ],
)
def test_the_layer_draws_its_structures_with_its_own_legend(chart, layer, structures, title):
    fig = figure(chart, highlight="kidneys", layer=layer)
    drawn = fig.footmap_layer
    assert len(drawn.patches) == structures
    assert all(p.axes is fig.footmap_artists.ax for p in drawn.patches)
    assert drawn.legend is not None and drawn.legend.get_title().get_text() == title
    assert drawn.legend is not fig.footmap_artists.legend
    # the zones the chart claims for the kidneys stay outlined over the layer
    marks = [
        p for p in fig.footmap_artists.ax.patches if (p.get_gid() or "").startswith("highlight-")
    ]
    assert sorted(p.get_gid() for p in marks) == [
        "highlight-left.plantar.kidney",
        "highlight-right.plantar.kidney",
    ]
    plt.close(fig)


def test_the_layer_adds_what_is_under_each_highlighted_zone(chart, tmp_path):
    out = export(chart, tmp_path / "k.pdf", highlight="kidneys", layer="nerves")
    (page,) = _pdftotext(out)
    assert "What is under this zone" in page
    assert "Kidney (left foot, plantar): skin of the medial plantar nerve (L4–L5)" in page
    assert page.index("What charts claim") < page.index("What is under this zone")
    assert "Where it really is" not in page  # that is the body's section


def test_an_unknown_layer_and_a_chart_it_is_not_drawn_on_are_refused(chart, synth, tmp_path):
    with pytest.raises(FootmapError, match="unknown anatomy layer 'veins'"):
        export(chart, tmp_path / "k.png", layer="veins")
    with pytest.raises(FootmapError, match="drawn on the bundled chart's feet"):
        export(synth, tmp_path / "k.png", layer="nerves")
    with pytest.raises(FootmapError, match="does not take body=True"):
        export(chart, tmp_path / "k.html", body=True)


# -- the handout ------------------------------------------------------------------------------
def test_the_handout_ends_with_what_is_really_under_the_zones(chart, tmp_path):
    out = handout(chart, tmp_path / "h.pdf", by=["kidneys"])
    last = _pdftotext(out)[-2]  # then only the list of the handout's sources
    for heading in (
        "What is really under the zones",
        "What charts claim: the zones",
        "What is there: the skin each nerve supplies",
        "What is there: the bones",
        "Medial plantar nerve",
        "Zone-organ links are claims of reflexology, not science",
    ):
        assert heading in last, heading
    assert "Radiopaedia" in last  # an anatomy source, listed


def test_a_synthetic_chart_handout_has_no_anatomy_page(synth, tmp_path):
    pages = _pdftotext(handout(synth, tmp_path / "h.pdf", by=[["left.plantar.kidney"]]))
    assert not any("What is really under the zones" in p for p in pages)


# -- the command line -------------------------------------------------------------------------
def test_export_help_names_body_and_layer(capsys):
    assert main(["export", "--help"]) == 0
    out = _flat(capsys.readouterr().out)
    assert "--body" in out and "--layer {nerves,bones,dermatomes}" in out
    assert "where charts put it (foot) and where it really is (body)" in out


def test_cli_export_with_body_and_layer(tmp_path, capsys):
    out = tmp_path / "k.svg"
    assert main(["export", str(out), "--highlight", "kidneys", "--body", "--layer", "bones"]) == 0
    root = ET.parse(out).getroot()
    ids = {g.get("id") for g in root.iter(f"{SVG}g")}
    assert "body-front.kidneys" in ids and "anatomy-left.plantar.bone.navicular" in ids
    assert main(["export", str(out), "--layer", "veins"]) == 2


# -- the export matrix with real anatomy (issue 22) ---------------------------------------------
def _layout_helpers():
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "footmap_export_layout", Path(__file__).with_name("test_layout.py")
    )
    assert spec is not None and spec.loader is not None
    layout = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(layout)
    return layout


VIEWS = {"sole": ("plantar",), "three": ("plantar", "dorsal", "medial"), "all": None}


def _check_clean(fig) -> dict:
    """No text overlaps another or leaves the page; none crosses a foot it does not label
    (a dermatome's root lies inside its band, on its own foot); the layer's legend, the
    system legend and the key keep off the feet and each other. Returns the soles (mm)."""
    import shapely

    layout = _layout_helpers()
    m = layout.measure(fig)
    assert layout.overlaps(m["texts"]) == []
    assert layout.outside(m) == []
    r = fig.canvas.get_renderer()
    feet = shapely.union_all(list(m["outlines"].values()))
    crossing, roots = [], []
    for t, box in m["texts"]:
        if (t.get_gid() or "").startswith(("label-", "number-")):
            continue
        if (t.get_gid() or "").startswith("anatomy-label-"):
            roots.append(t)
            continue
        if shapely.box(box.x0 + 1, box.y0 + 1, box.x1 - 1, box.y1 - 1).intersects(feet):
            crossing.append(t.get_text()[:30])
    assert crossing == []
    for t in roots:  # the root's box centre on a foot
        b = t.get_window_extent(r)
        assert feet.contains(shapely.Point((b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2)), t.get_text()
    layer = getattr(fig, "footmap_layer", None)
    boxes = {"system": fig.footmap_artists.legend, "key": fig.footmap_artists.key}
    if layer is not None:
        boxes["layer"] = layer.legend
    ext = {k: a.get_window_extent(r) for k, a in boxes.items() if a is not None}
    w, h = fig.bbox.width, fig.bbox.height
    for name, b in ext.items():
        assert not shapely.box(b.x0, b.y0, b.x1, b.y1).intersects(feet), name
        assert b.x0 >= 0 and b.y0 >= 0 and b.x1 <= w and b.y1 <= h, name
    if "layer" in ext:
        assert [k for k, b in ext.items() if k != "layer" and b.overlaps(ext["layer"])] == []
    return {p: hh for p, (_, hh) in m["feet"].items() if p.endswith(".plantar")}


@pytest.mark.parametrize("orientation", ["landscape", "portrait"])
@pytest.mark.parametrize("views", ["sole", "three", "all"])
@pytest.mark.parametrize("layer", ["nerves", "bones", "dermatomes"])
def test_every_layer_export_keeps_its_legend_clear(chart, layer, views, orientation):
    fig = figure(chart, views=VIEWS[views], highlight="kidneys", layer=layer,
                 orientation=orientation)  # fmt: skip
    soles = _check_clean(fig)
    least = 40.0 if views == "sole" else 20.0  # mm: one view, several views
    assert min(soles.values()) >= least, soles
    plt.close(fig)


@pytest.mark.parametrize("size", ["a4", "letter"])
@pytest.mark.parametrize("orientation", ["landscape", "portrait"])
@pytest.mark.parametrize("views", ["sole", "three", "all"])
def test_every_body_export_keeps_the_soles_large(chart, views, orientation, size):
    # three highlights cite 31 sources: the footer's list once took 35 % of a portrait page
    # and left the soles 17 mm
    fig = figure(chart, views=VIEWS[views], highlight=["kidneys", "heart", "liver"],
                 body=True, orientation=orientation, size=size)  # fmt: skip
    soles = _check_clean(fig)
    least = 40.0 if views == "sole" else 20.0
    assert min(soles.values()) >= least, soles
    plt.close(fig)


def test_a_layer_legend_in_a_band_under_several_views_on_a_portrait_page(chart):
    fig = figure(chart, views=("plantar", "dorsal", "medial"), highlight="kidneys",
                 layer="nerves", orientation="portrait")  # fmt: skip
    fig.canvas.draw()
    r = fig.canvas.get_renderer()
    leg, system = fig.footmap_layer.legend, fig.footmap_artists.legend
    assert leg.get_window_extent(r).y1 < system.get_window_extent(r).y0  # under it
    assert leg._ncols == 4  # in rows: the band is as wide as the map
    plt.close(fig)
