"""The blitted highlight, the arrow-key walk and text contrast: logic and pixels, no widgets."""

from __future__ import annotations

import json

import matplotlib.pyplot as plt
import numpy as np
import pytest

import footmap
from footmap import style as palette
from footmap.chart.neighbours import DIRECTIONS, adjacency, walk
from footmap.explorer.overlay import STYLES, Highlighter
from footmap.render import plot as render
from footmap.render.artists import recolor_labels


# -- blitting: the same pixels as a full redraw ------------------------------------------------
@pytest.fixture
def drawn(chart):
    fig = plt.figure(figsize=(6.4, 4.8), dpi=100, layout="constrained")
    ax = fig.add_subplot()
    art = render.plot_map(chart, feet=("left", "right"), ax=ax, title=False, legend=False)
    hl = Highlighter(art)
    fig.canvas.draw()
    return fig, art, hl


def _pixels(fig):
    return np.asarray(fig.canvas.get_renderer().buffer_rgba()).copy()


MARKS = [
    {"selected": ["left.plantar.kidney"]},
    {"selected": ["left.plantar.kidney", "right.plantar.kidney"]},
    {},
    {"answer": ["left.plantar.heart"], "clicked": ["left.plantar.lungs"]},
    {"cursor": ["right.plantar.liver"]},
    {"selected": ["left.plantar.head-brain"], "cursor": ["left.plantar.neck"]},
]


@pytest.mark.parametrize("marks", MARKS, ids=lambda m: "+".join(m) or "none")
def test_blit_gives_the_pixels_of_a_full_redraw(drawn, marks):
    fig, art, hl = drawn
    hl.set({"selected": ["right.plantar.liver"]})  # start from some other state
    hl.blit(fig.canvas)
    hl.set(marks)
    hl.blit(fig.canvas)
    blitted = _pixels(fig)
    fig.canvas.draw()  # the same state, drawn from scratch
    full = _pixels(fig)
    assert blitted.shape == full.shape
    assert np.array_equal(blitted, full), f"{int((blitted != full).any(axis=2).sum())} px differ"
    if marks:  # and the marks are really there: not both images plain
        hl.set({})
        fig.canvas.draw()
        assert not np.array_equal(_pixels(fig), full)


def test_marks_dim_the_map_and_differ_by_line_and_hatch(drawn):
    fig, art, hl = drawn
    hl.set({"answer": ["left.plantar.heart"], "clicked": ["left.plantar.lungs"]})
    assert hl.marked("answer") == ("left.plantar.heart",)
    assert hl.marked("clicked") == ("left.plantar.lungs",)
    assert hl.dimmed and np.allclose(art.collection.get_facecolor()[:, 3], palette.DIM_ALPHA)
    answer, clicked = hl.overlays["answer"], hl.overlays["clicked"]
    assert answer.get_hatch() is None and clicked.get_hatch() == "xx"
    assert answer.get_linestyle()[0][1] is None and clicked.get_linestyle()[0][1] is not None
    assert answer.get_linewidth()[0] == 3.2 and clicked.get_linewidth()[0] == 2.2
    hl.set({"cursor": ["left.plantar.heart"]})  # an outline only: nothing dimmed
    assert not hl.dimmed and np.allclose(art.collection.get_facecolor()[:, 3], 1.0)
    with pytest.raises(ValueError, match="unknown mark style"):
        hl.set({"glow": ["left.plantar.heart"]})
    assert set(STYLES) == {"selected", "answer", "clicked", "cursor"}


# -- the arrow-key walk ------------------------------------------------------------------------
def _grid_chart():
    """A 3 x 3 grid of 10 mm squares with 1 mm gaps on one foot: ids g<row><col>, row 0 at top."""
    feats = [
        {
            "type": "Feature",
            "id": "left.plantar.outline",
            "properties": {"role": "outline", "foot": "left", "view": "plantar"},
            "geometry": {
                "type": "Polygon",
                "coordinates": [[[0, 0], [40, 0], [40, 40], [0, 40], [0, 0]]],
            },
        }
    ]
    for r in range(3):
        for c in range(3):
            x0, y0 = 2 + c * 11, 2 + (2 - r) * 11
            ring = [[x0, y0], [x0 + 10, y0], [x0 + 10, y0 + 10], [x0, y0 + 10], [x0, y0]]
            feats.append(
                {
                    "type": "Feature",
                    "id": f"left.plantar.g{r}{c}",
                    "properties": {
                        "role": "zone", "foot": "left", "view": "plantar",
                        "label": f"G{r}{c}", "body_area": f"area {r}{c}", "system": "urinary",
                        "claims": [{"text": "x", "sources": ["c1"], "kind": "placement"}],
                    },
                    "geometry": {"type": "Polygon", "coordinates": [ring]},
                }
            )  # fmt: skip
    doc = {
        "type": "FeatureCollection",
        "footmap": {
            "schema_version": footmap.schema_version if hasattr(footmap, "schema_version") else 2,
            "title": "grid", "description": "grid", "units": "mm", "frame": "f",
            "orientation": "o",
            "sources": [{"id": "c1", "kind": "chart", "title": "T", "citation": "C"},
                        {"id": "s1", "kind": "study", "title": "S", "citation": "C"}],
            "caveats": [{"id": "ev", "kind": "evidence", "text": "Weak.", "sources": ["s1"]}],
        },
        "features": feats,
    }  # fmt: skip
    return footmap.loads(json.dumps(doc))


@pytest.fixture(scope="module")
def grid():
    try:
        return _grid_chart()
    except footmap.FootmapError as exc:  # a schema detail changed: say which
        pytest.fail(f"the grid chart no longer loads: {exc}")


def test_adjacency_of_a_grid(grid):
    adj = adjacency(grid.zones)
    # 1 mm gaps side by side, 1.4 mm corner to corner: both within 3 mm, so both border
    others = ("g00", "g01", "g02", "g10", "g12", "g20", "g21", "g22")
    assert adj["left.plantar.g11"] == tuple(f"left.plantar.{g}" for g in others)
    assert adj["left.plantar.g00"] == ("left.plantar.g01", "left.plantar.g10", "left.plantar.g11")
    assert adjacency(grid.zones, tolerance=1.2)["left.plantar.g00"] == (
        "left.plantar.g01",
        "left.plantar.g10",
    )


def test_walk_on_a_grid(grid):
    chart = grid

    def step(zone_id, direction):
        return walk(chart, zone_id, direction)

    assert step("left.plantar.g11", "up") == "left.plantar.g01"
    assert step("left.plantar.g11", "down") == "left.plantar.g21"
    assert step("left.plantar.g11", "left") == "left.plantar.g10"
    assert step("left.plantar.g11", "right") == "left.plantar.g12"
    assert step("left.plantar.g00", "up") == "left.plantar.g00"  # the edge: stays
    with pytest.raises(ValueError, match="direction"):
        step("left.plantar.g11", "north")


def test_walk_on_the_bundled_soles_crosses_between_feet(chart):
    assert walk(chart, "left.plantar.kidney", "down") == "left.plantar.colon-transverse"
    assert walk(chart, "left.plantar.spine-sacrum", "right") == "right.plantar.spine-sacrum"
    assert walk(chart, "right.plantar.spine-sacrum", "left") == "left.plantar.spine-sacrum"
    # one foot shown: the walk stays on it
    one = walk(chart, "left.plantar.spine-sacrum", "right", feet=("left",))
    assert one == "left.plantar.spine-sacrum"


def test_walk_moves_the_way_the_arrow_points_on_every_zone(chart):
    """Every move of the bundled chart goes the way its arrow points (anchors, chart frame)."""
    for z in chart.zones:
        for d, (ux, uy) in DIRECTIONS.items():
            t = chart.zone(walk(chart, z.id, d))
            assert t.view == z.view
            if t.id == z.id or t.foot != z.foot:
                continue
            along = (t.anchor[0] - z.anchor[0]) * ux + (t.anchor[1] - z.anchor[1]) * uy
            assert along > 0, (z.id, d, t.id)


# -- contrast ------------------------------------------------------------------------------------
def test_contrast_ratio_literal_values():
    assert round(palette.contrast("#000000", "#ffffff"), 2) == 21.0
    assert round(palette.contrast("#777777", "#ffffff"), 2) == 4.48  # just below AA
    assert round(palette.contrast("#767676", "#ffffff"), 2) == 4.54  # just above AA
    assert round(palette.contrast(palette.TEXT_DIM, "#ffffff"), 2) == 9.29  # by hand: 1.05/0.113


def test_dimmed_labels_reach_aa_on_every_dimmed_fill():
    paper = np.array([int(palette.OUTLINE_FACE[i : i + 2], 16) / 255 for i in (1, 3, 5)])
    for system, color in palette.SYSTEM_COLORS.items():
        fill = np.array([int(color[i : i + 2], 16) / 255 for i in (1, 3, 5)])
        seen = palette.DIM_ALPHA * fill + (1 - palette.DIM_ALPHA) * paper
        assert palette.contrast(palette.TEXT_DIM, tuple(seen)) >= 4.5, system


def test_labels_on_a_dimmed_map_are_opaque_and_dim_coloured(chart):
    fig, ax = plt.subplots()
    art = render.plot_map(chart, ax=ax, title=False, legend=False, highlight="left.plantar.heart")
    recolor_labels(art)
    inside = [t for t in art.labels if (t.get_gid() or "").startswith("label-")]
    assert inside
    for t in inside:
        assert t.get_alpha() in (None, 1.0)
        if t.get_gid() != "label-left.plantar.heart":
            assert t.get_color() == palette.TEXT_DIM


def test_widget_text_colours_reach_aa():
    """The HTML colours the panels use, each on its background (literal pairs)."""
    pairs = [
        ("#431407", "#fff7ed"),  # caveat text on the caveat box
        ("#7c4a2d", "#fff7ed"),  # source titles in the caveat box
        ("#555555", "#ffffff"),  # "Question 2 of 5", download size
        ("#1d4ed8", "#ffffff"),  # links, keyboard cursor outline
    ]
    for fg, bg in pairs:
        assert palette.contrast(fg, bg) >= 4.5, (fg, bg)


def test_overlapping_boxes_as_bbox_overlaps():
    """The vectorised test agrees with Bbox.overlaps, touching and inverted boxes included."""
    from footmap.explorer.overlay import _overlapping

    extents = np.array(
        [
            [0, 0, 10, 10],  # overlaps the first box
            [10, 10, 20, 20],  # touches its corner: counts, as in Bbox.overlaps
            [30, 30, 20, 20],  # inverted, overlaps the second box
            [40, 0, 50, 5],  # far from both
            [-np.inf, -np.inf, np.inf, np.inf],  # extent unknown: everywhere
        ],
        float,
    )
    boxes = np.array([[5, 5, 10, 10], [25, 25, 26, 26]], float)
    assert _overlapping(extents, boxes).tolist() == [True, True, True, False, True]
    assert _overlapping(extents, np.empty((0, 4))).tolist() == [False] * 5
