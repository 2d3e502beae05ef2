"""Every export in the matrix (views x highlights x page sizes and orientations), measured.

Each page is drawn and measured from its artists' window extents: the feet's drawn height in
millimetres, every text's box (no two overlap, none crosses a foot it does not label, none
leaves the page) and the legend (the systems drawn, or the highlighted ones).
"""

from __future__ import annotations

import itertools

import matplotlib.pyplot as plt
import pytest
import shapely
from _named import KINDS, key_on_feet, leader_crossings
from matplotlib.text import Text

from footmap.export import figure
from footmap.render.disagreements import DISAGREE_LABEL
from footmap.vocab import SYSTEMS

THREE = ["kidneys", "heart", "liver"]


def measure(fig) -> dict:
    """Feet (mm), texts and their boxes (px), outlines (px polygons) of a drawn page."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    mm = 25.4 / fig.dpi
    artists = fig.footmap_artists
    feet, outlines = {}, {}
    for o in artists.outlines:
        gid = o.get_gid() or ""
        if gid.startswith("outline-"):
            box = o.get_window_extent(renderer)
            feet[gid[len("outline-") :]] = (box.width * mm, box.height * mm)
            polys = o.get_path().to_polygons(o.get_transform())
            outlines[gid] = shapely.union_all([shapely.Polygon(p) for p in polys if len(p) > 2])
    texts = []
    for t in fig.findobj(Text):
        if t.get_visible() and t.get_text().strip():
            texts.append((t, t.get_window_extent(renderer)))
    return {"feet": feet, "texts": texts, "outlines": outlines, "fig": fig, "mm": mm}


def overlaps(texts) -> list[tuple[str, str]]:
    """Pairs of texts whose boxes overlap by more than a pixel each way."""
    found = []
    for (a, ba), (b, bb) in itertools.combinations(texts, 2):
        dx = min(ba.x1, bb.x1) - max(ba.x0, bb.x0)
        dy = min(ba.y1, bb.y1) - max(ba.y0, bb.y0)
        if dx > 1 and dy > 1:
            found.append((a.get_text()[:30], b.get_text()[:30]))
    return found


def crossing_feet(m) -> list[str]:
    """Texts, other than a zone's own label, whose box crosses a drawn foot."""
    bad = []
    for t, box in m["texts"]:
        if (t.get_gid() or "").startswith(("label-", "number-")):
            continue  # a zone's label or number lies inside its zone, on its foot
        rect = shapely.box(box.x0 + 1, box.y0 + 1, box.x1 - 1, box.y1 - 1)
        if any(rect.intersects(o) for o in m["outlines"].values()):
            bad.append(t.get_text()[:30])
    return bad


def outside(m) -> list[str]:
    w, h = m["fig"].bbox.width, m["fig"].bbox.height
    return [
        t.get_text()[:30]
        for t, b in m["texts"]
        if b.x0 < -0.5 or b.y0 < -0.5 or b.x1 > w + 0.5 or b.y1 > h + 0.5
    ]


def legend_entries(fig) -> list[str]:
    leg = fig.footmap_artists.legend
    return [t.get_text() for t in leg.get_texts()] if leg is not None else []


def unnamed(artists, chosen) -> list[str]:
    gids = {t.get_gid() for t in artists.labels}
    return [z.id for z in artists.zones
            if (not chosen or z.id in chosen) and not {k + z.id for k in KINDS} & gids]  # fmt: skip


def check_page(chart, views, highlight, size, orientation) -> dict:
    fig = figure(chart, views=views, highlight=highlight, size=size, orientation=orientation)
    m = measure(fig)
    assert overlaps(m["texts"]) == []
    assert crossing_feet(m) == []
    assert outside(m) == []
    artists = fig.footmap_artists
    drawn = artists.zones
    chosen = set(artists.highlighted)
    shown = [z for z in drawn if z.id in chosen] or list(drawn)
    want = [label for s, label in SYSTEMS.items() if any(z.system == s for z in shown)]
    if artists.disagreements is not None:
        want.append(DISAGREE_LABEL)
    assert legend_entries(fig) == want
    # every zone the page labels is named (without a highlight: every drawn zone), no two
    # leaders cross and the key keeps off the feet
    assert unnamed(artists, chosen) == []
    assert leader_crossings(artists) == []
    assert key_on_feet(fig) == []
    plt.close(fig)
    return m["feet"]


def _soles(feet) -> list[float]:
    return [h for panel, (_, h) in feet.items() if panel.endswith(".plantar")]


@pytest.mark.parametrize(
    ("views", "highlight"),
    [
        (("plantar",), ()),
        (("plantar",), "kidneys"),
        (("plantar",), THREE),
        (None, "kidneys"),
    ],
)
def test_a4_landscape_keeps_the_soles_large_and_the_page_clean(chart, views, highlight):
    feet = check_page(chart, views, highlight, "a4", "landscape")
    least = 40.0 if views else 20.0  # mm: one view, all four views
    assert min(_soles(feet)) >= least, feet


@pytest.mark.slow
@pytest.mark.parametrize("size", ["a4", "letter"])
@pytest.mark.parametrize("orientation", ["landscape", "portrait"])
@pytest.mark.parametrize("highlight", [(), "kidneys", THREE])
@pytest.mark.parametrize("views", [("plantar",), None])
def test_every_export_in_the_matrix(chart, views, highlight, size, orientation):
    feet = check_page(chart, views, highlight, size, orientation)
    least = 40.0 if views else 20.0
    assert min(_soles(feet)) >= least, feet


def test_a_one_foot_figure_has_no_caption_about_the_other_foot(chart):
    fig = figure(chart, feet="left")
    (caption,) = [t for t in fig.findobj(Text) if t.get_gid() == "footmap-orientation"]
    assert "mirror" not in caption.get_text() and "right foot" not in caption.get_text()
    fig = figure(chart)
    (caption,) = [t for t in fig.findobj(Text) if t.get_gid() == "footmap-orientation"]
    assert "mirror image" in caption.get_text()


def test_disagreement_marks_only_on_highlighted_zones(chart):
    fig = figure(chart, highlight="heart")
    marks = fig.footmap_artists.disagreements
    assert marks is not None and len(marks.get_paths()) == 1  # the one heart zone
    fig = figure(chart)
    marks = fig.footmap_artists.disagreements
    assert len(marks.get_paths()) > 10 and max(marks.get_linewidths()) <= 0.6  # lighter


def test_the_arrangement_drawing_the_feet_largest_wins(chart):
    # all four views in a box 1.6 times as wide as tall: sole and top side by side, the
    # profiles under them (three rows) draw the feet larger than two rows of two views,
    # though two rows are closer to the box's shape
    from footmap.render.layout import arrange

    lay = arrange(chart, ("left", "right"), chart.views, 8.0, 1.6, 17.0, 11.0, False)
    x0, y0, x1, y1 = lay.extent
    assert len({round(p.offset[1]) for p in lay.panels}) == 3
    assert round(min(1.6 / (x1 - x0), 1 / (y1 - y0)) * 1000, 3) == 1.697
