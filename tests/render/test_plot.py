"""Rendering: one collection, the zone <-> path index, colours, holes, highlight, labels."""

from __future__ import annotations

import os
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.collections import PatchCollection  # noqa: E402
from matplotlib.colors import to_rgba  # noqa: E402
from matplotlib.path import Path as MplPath  # noqa: E402
from matplotlib.testing.compare import compare_images  # noqa: E402

import footmap  # noqa: E402
from footmap import style as palette  # noqa: E402
from footmap.chart.query import resolve  # noqa: E402
from footmap.errors import FootmapError  # noqa: E402
from footmap.render.artists import MapArtists  # noqa: E402
from footmap.render.plot import plot_map  # noqa: E402
from footmap.vocab import FEET  # noqa: E402

BASELINE = Path(__file__).resolve().parents[1] / "baseline"
SYNTHETIC = BASELINE / "synthetic_chart.geojson"


@pytest.fixture
def drawn(synth) -> MapArtists:
    fig, ax = plt.subplots(figsize=(9, 7), layout="constrained")
    return plot_map(synth, ax=ax)


# -- structure ----------------------------------------------------------------------------
def test_one_collection_one_path_per_zone(drawn, synth):
    expected = synth.zones_on("left", "plantar") + synth.zones_on("right", "plantar")
    assert drawn.zones == expected
    assert isinstance(drawn.collection, PatchCollection)
    assert len(drawn.collection.get_paths()) == len(drawn.zones)
    zone_collections = [c for c in drawn.ax.collections if c.get_gid() == "footmap-zones"]
    assert zone_collections == [drawn.collection]


def test_path_i_is_zone_i(drawn):
    for i, z in enumerate(drawn.zones):
        dx, dy = drawn.panels[z.foot, z.view]
        x, y = z.anchor
        assert drawn.collection.get_paths()[i].contains_point((x + dx, y + dy))


def test_facecolors_follow_systems(drawn):
    face = drawn.collection.get_facecolor()
    for i, z in enumerate(drawn.zones):
        assert tuple(face[i]) == pytest.approx(to_rgba(palette.SYSTEM_COLORS[z.system]))


def test_hole_is_a_hole(drawn, synth):
    i = drawn.zones.index(synth.zone("left.plantar.stomach"))
    path = drawn.collection.get_paths()[i]
    assert list(path.codes).count(MplPath.MOVETO) == 2  # exterior + one hole

    # Consistent winding: exterior counter-clockwise, hole clockwise.
    def signed_area(v):
        x, y = v[:, 0], v[:, 1]
        return 0.5 * np.sum(x[:-1] * y[1:] - x[1:] * y[:-1])

    starts = np.flatnonzero(path.codes == MplPath.MOVETO)
    rings = np.split(path.vertices, starts[1:])
    assert signed_area(rings[0]) > 0 > signed_area(rings[1])


def test_hole_drawn_as_hole(synth):
    # Path.contains_point ignores holes, so look at the pixels: the ring between the
    # stomach's hole edge and the adrenal zone inside it shows the foot, not the stomach.
    m = plot_map(synth, labels=False, legend=False, title=False)
    fig = m.ax.figure
    fig.canvas.draw()
    rgba = np.asarray(fig.canvas.buffer_rgba())
    dx, dy = m.panels["left", "plantar"]

    def pixel(x, y):
        px, py = m.ax.transData.transform((x + dx, y + dy))
        return rgba[int(round(fig.bbox.height - py)), int(round(px)), :3] / 255

    stomach = np.array(to_rgba(palette.SYSTEM_COLORS["digestive"])[:3])
    foot = np.array(to_rgba(palette.OUTLINE_FACE)[:3])
    assert np.allclose(pixel(15, 110), stomach, atol=0.05)  # in the stomach
    assert np.allclose(pixel(32.5, 130), foot, atol=0.05)  # in the hole, around the adrenal


def test_outlines_include_separate_toes(drawn):
    patches = [a for a in drawn.outlines if (a.get_gid() or "").startswith("outline-")]
    assert len(patches) == 2
    for p in patches:
        assert list(p.get_path().codes).count(MplPath.MOVETO) == 2  # sole + toe


def test_axes_equal_aspect_no_ticks(drawn):
    ax = drawn.ax
    assert ax.get_aspect() == 1.0
    assert list(ax.get_xticks()) == [] and list(ax.get_yticks()) == []
    assert not any(s.get_visible() for s in ax.spines.values())


def test_title_names_view_and_orientation(drawn, synth):
    assert "plantar" in drawn.ax.get_title().lower()
    texts = " ".join(t.get_text() for t in drawn.ax.texts)
    assert "footprints seen from above" in " ".join(texts.split())


def test_legend_lists_systems_present(drawn, synth):
    labels = [t.get_text() for t in drawn.legend.get_texts()]
    present = {z.system for z in drawn.zones}
    assert labels == [footmap.SYSTEMS[s] for s in footmap.SYSTEMS if s in present]


# -- locate / zone_at ---------------------------------------------------------------------
def test_locate_and_zone_at(drawn, synth):
    z = synth.zone("right.plantar.kidney")
    dx, dy = drawn.panels["right", "plantar"]
    x, y = z.anchor
    foot, view, lx, ly = drawn.locate(x + dx, y + dy)
    assert (foot, view) == ("right", "plantar")
    assert (lx, ly) == pytest.approx((x, y))
    assert drawn.zone_at(x + dx, y + dy) is z
    assert drawn.locate(-10_000, -10_000) is None
    assert drawn.zone_at(-10_000, -10_000) is None


def test_one_foot_and_view_grid(synth):
    m = plot_map(synth, feet="left", views="all")
    assert set(m.panels) == {("left", "plantar"), ("left", "dorsal")}
    assert {z.view for z in m.zones} == {"plantar", "dorsal"}
    (px, py), (qx, qy) = m.panels["left", "plantar"], m.panels["left", "dorsal"]
    assert (px, py) != (qx, qy)


def test_unknown_view_or_foot(synth):
    with pytest.raises(FootmapError, match="no medial view"):
        plot_map(synth, views="medial")
    with pytest.raises(FootmapError, match="unknown foot"):
        plot_map(synth, feet="middle")


# -- highlight ----------------------------------------------------------------------------
def test_highlight_dims_the_rest(synth):
    m = plot_map(synth, highlight="urinary")
    face, width = m.collection.get_facecolor(), m.collection.get_linewidth()
    for i, z in enumerate(m.zones):
        if z.system == "urinary":
            assert face[i, 3] == pytest.approx(1.0)
            assert width[i] > 1.0
        else:
            assert face[i, 3] == pytest.approx(palette.DIM_ALPHA)
            assert width[i] < 1.0
    assert set(m.highlighted) == {"left.plantar.kidney", "right.plantar.kidney"}


def test_set_highlight_in_place_and_clear(drawn):
    n_children = len(drawn.ax.get_children())
    coll = drawn.collection
    drawn.set_highlight(["left.plantar.heart"])
    assert len(drawn.ax.get_children()) == n_children  # nothing re-plotted
    assert drawn.collection is coll
    alphas = coll.get_facecolor()[:, 3]
    assert (alphas == 1.0).sum() == 1
    drawn.set_highlight([])
    assert np.all(coll.get_facecolor()[:, 3] == 1.0)
    assert drawn.highlighted == ()


def test_resolve_mixed_specs(synth):
    ids = {z.id for z in resolve(synth, ["kidney", "cardiovascular", "right.plantar.spine"])}
    assert ids == {
        "left.plantar.kidney",
        "right.plantar.kidney",
        "left.plantar.heart",
        "right.plantar.spine",
    }
    assert resolve(synth, ()) == ()
    assert [z.id for z in resolve(synth, "Adrenal gland")] == [
        "left.plantar.adrenal",
        "right.plantar.adrenal",
    ]


def test_resolve_unknown_lists_close_matches(synth):
    with pytest.raises(FootmapError, match="did you mean: kidneys"):
        resolve(synth, ["kidnyes"])


# -- colour by value ----------------------------------------------------------------------
def test_color_by_mapping_with_colorbar(synth):
    values = {"left.plantar.kidney": 1.0, "left.plantar.stomach": 3.0}
    m = plot_map(synth, color_by=values)
    assert m.colorbar is not None and m.legend is None
    face = m.collection.get_facecolor()
    k = m.zones.index(synth.zone("left.plantar.kidney"))
    s = m.zones.index(synth.zone("left.plantar.stomach"))
    missing = m.zones.index(synth.zone("left.plantar.heart"))
    assert tuple(face[k]) != tuple(face[s])
    assert np.isnan(m.values[missing])
    assert tuple(face[missing]) == pytest.approx(to_rgba("#e4e4e4"))


def test_color_by_callable_and_sources(synth):
    m = plot_map(synth, color_by=lambda z: len(z.label))
    assert m.values[0] == len(m.zones[0].label)
    m = plot_map(synth, color_by="sources")
    assert list(m.values) == [len(z.source_ids) for z in m.zones]


def test_hatch_overlays(synth):
    m = plot_map(synth, hatch=True)
    hatches = {h.get_hatch() for h in m.hatches}
    assert palette.SYSTEM_HATCHES["urinary"] in hatches
    assert len(m.collection.get_paths()) == len(m.zones)  # still one zone collection


# -- labels -------------------------------------------------------------------------------
def _gids(m):
    return {t.get_gid() for t in m.labels}


def test_big_zones_labelled_inside_small_ones_called_out(drawn):
    gids = _gids(drawn)
    assert "label-left.plantar.stomach" in gids
    # too small for its name: its number, inside the zone or in a callout
    assert {"number-left.plantar.adrenal", "callout-left.plantar.adrenal"} & gids
    assert "label-left.plantar.adrenal" not in gids
    key = "\n".join(t.get_text() for t in drawn.key.get_texts()).splitlines()
    assert any(line.endswith("Adrenal gland") for line in key)
    # The same label on both feet shares one number.
    nums = {
        t.get_text()
        for t in drawn.labels
        if t.get_gid()
        in {f"{kind}-{foot}.plantar.adrenal" for kind in ("callout", "number") for foot in FEET}
    }
    assert len(nums) == 1


def test_labels_do_not_collide(drawn):
    fig = drawn.ax.figure
    renderer = fig.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in drawn.labels]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not a.overlaps(b) or a.intersection(a, b).width * a.intersection(a, b).height < 1


def test_inside_labels_fit_their_zone(drawn):
    fig = drawn.ax.figure
    renderer = fig.canvas.get_renderer()
    inv = drawn.ax.transData.inverted()
    for t in drawn.labels:
        gid = t.get_gid()
        if not gid.startswith("label-"):
            continue
        z = drawn.chart.zone(gid[6:])
        dx, dy = drawn.panels[z.foot, z.view]
        (x0, y0), (x1, y1) = inv.transform(t.get_window_extent(renderer).get_points())
        from shapely.geometry import box

        assert z.geometry.contains(box(x0 - dx, y0 - dy, x1 - dx, y1 - dy))


def test_labels_toggle(drawn):
    drawn.set_labels_visible(False)
    assert not any(t.get_visible() for t in drawn.labels)
    assert not drawn.key.get_visible()
    assert not any(a.get_visible() for a in drawn.leaders)
    drawn.set_labels_visible(True)
    assert all(t.get_visible() for t in drawn.labels)


def test_no_labels(synth):
    m = plot_map(synth, labels=False)
    assert m.labels == [] and m.key is None


def test_never_shows(synth, monkeypatch):
    monkeypatch.setattr(plt, "show", lambda *a, **k: pytest.fail("plot_map called plt.show"))
    plot_map(synth)


# -- image baseline -----------------------------------------------------------------------
def test_image_baseline(synth, tmp_path):
    """Compare with tests/baseline/synthetic_map.png.

    The baseline is never written by the test run itself; regenerate it on purpose with
    ``FOOTMAP_WRITE_BASELINE=1 pytest tests/render/test_plot.py -k baseline`` and look at it.
    """
    baseline = BASELINE / "synthetic_map.png"
    fig, ax = plt.subplots(figsize=(8, 6), layout="constrained")
    plot_map(synth, ax=ax, highlight="kidneys", hatch=True)
    actual = tmp_path / "synthetic_map.png"
    fig.savefig(actual, dpi=60)
    if os.environ.get("FOOTMAP_WRITE_BASELINE") == "1":
        baseline.write_bytes(actual.read_bytes())
    assert baseline.exists(), f"missing baseline {baseline}; see this test's docstring"
    result = compare_images(str(baseline), str(actual), tol=6)
    assert result is None, result


# -- layout on small figures, key columns, profile views -----------------------------------
@pytest.mark.parametrize(
    ("size", "all_labelled"), [((9, 7), True), ((7, 5), True), ((6, 4.5), True), ((5, 4), False)]
)
def test_small_figures_still_label_every_zone(chart, size, all_labelled):
    """Down to 6 x 4.5 in every zone has a label or a numbered callout; below, the key says
    exactly how many zones it left out."""
    fig = plt.figure(figsize=size, layout="constrained")
    m = plot_map(chart, ax=fig.add_subplot())
    gids = {t.get_gid() for t in m.labels}
    unlabelled = sum(
        not {f"label-{z.id}", f"callout-{z.id}", f"number-{z.id}"} & gids for z in m.zones
    )
    title = m.key.get_title().get_text()
    if all_labelled:
        assert unlabelled == 0
        assert title == "Key to numbers"
    else:  # said, never silent
        assert unlabelled >= 2
        assert title == f"Key to numbers\n({unlabelled} zones too small to label here)"
    assert m.leaders


def test_key_columns_are_balanced(chart):
    fig = plt.figure(figsize=(7, 4), layout="constrained")
    m = plot_map(chart, ax=fig.add_subplot())
    rows = [len(t.get_text().splitlines()) for t in m.key.get_texts()]
    assert len(rows) >= 2 and max(rows) - min(rows) <= 1


def test_profile_views_of_both_feet_are_stacked(chart):
    fig = plt.figure(figsize=(9, 7), layout="constrained")
    m = plot_map(chart, ax=fig.add_subplot(), views="medial")
    left, right = m.panels["left", "medial"], m.panels["right", "medial"]
    assert left[1] != right[1]  # one above the other, using the width


def test_dollar_label_is_not_mathtext(synth):
    m = plot_map(synth)
    assert all(not t.get_parse_math() for t in m.labels if t.get_gid().startswith("label-"))
    assert all(not t.get_parse_math() for t in m.key.get_texts())
