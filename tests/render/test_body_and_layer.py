"""The body figure (footmap.render.body) and the anatomy layer (footmap.render.anatomy)."""

from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.colors import to_rgba

import footmap
from footmap.errors import FootmapError
from footmap.render import plot_map
from footmap.render.anatomy import (
    BONE_EDGE,
    BONE_FACE,
    DERMATOME_COLOR,
    NERVE_STYLES,
    plot_anatomy_layer,
)
from footmap.render.body import (
    BODY_HIGHLIGHT_EDGE,
    BODY_HIGHLIGHT_FACE,
    BODY_REGION_ALPHA,
    plot_body,
)


@pytest.fixture(scope="module")
def body():
    return footmap.load_body()


@pytest.fixture(scope="module")
def anatomy():
    return footmap.load_anatomy()


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def test_the_body_figure_with_the_kidneys_highlighted(body):
    b = plot_body(body, highlight="kidneys")
    assert len(b.patches) == len(b.regions) == 63
    assert b.highlighted == ("back.kidneys", "front.kidneys")
    for region, patch in zip(b.regions, b.patches, strict=True):
        assert patch.get_gid() == f"body-{region.id}"
        if region.body_area == "kidneys":
            assert patch.get_facecolor() == to_rgba(BODY_HIGHLIGHT_FACE)
            assert patch.get_edgecolor() == to_rgba(BODY_HIGHLIGHT_EDGE)
        else:
            assert patch.get_alpha() == BODY_REGION_ALPHA
            assert patch.get_facecolor()[:3] != to_rgba(BODY_HIGHLIGHT_FACE)[:3]
    assert [t.get_text() for t in b.labels] == ["Kidneys", "Kidneys"]
    notes = [t.get_text() for t in b.notes]
    assert "Front view: the body's right is on your left" in notes
    assert "Back view: the body's right is on your right" in notes
    assert notes[-1].replace("\n", " ") == body.attribution
    assert b.body_area_of("body-front.kidneys") == "kidneys"
    assert b.body_area_of("body-outline-front") is None
    assert b.patch("back.spine").get_gid() == "body-back.spine"


def test_highlighted_regions_lie_on_top(body):
    b = plot_body(body, highlight=["front.liver", "spleen"])
    assert b.highlighted == ("front.liver", "front.spleen")
    top = min(b.patch(i).get_zorder() for i in b.highlighted)
    assert top > max(
        p.get_zorder()
        for r, p in zip(b.regions, b.patches, strict=True)
        if r.id not in b.highlighted
    )


def test_the_front_view_alone_and_the_body_s_right_on_the_left(body):
    b = plot_body(body, views=("front",), highlight="liver")
    assert len(b.patches) == len(body.regions_on("front")) == 52
    (label,) = b.labels
    assert label.get_text() == "Liver"
    assert label.get_position()[0] < 0  # the liver, on the body's right, labelled on the left


def test_nothing_highlighted_and_unknown_names(body):
    b = plot_body(body)
    assert b.highlighted == () and b.labels == []
    assert {p.get_alpha() for p in b.patches} == {BODY_REGION_ALPHA}
    with pytest.raises(FootmapError, match="no region for 'unicorn'"):
        plot_body(body, highlight="unicorn")
    with pytest.raises(FootmapError, match="no 'side' view"):
        plot_body(body, views=("side",))


def test_the_body_svg_carries_the_region_ids(body):
    b = plot_body(body, highlight="kidneys")
    out = io.StringIO()
    b.ax.figure.savefig(out, format="svg")
    svg = out.getvalue()
    assert 'id="body-front.kidneys"' in svg and 'id="body-back.spine"' in svg
    assert 'id="body-attribution"' in svg


def _left_sole():
    return plot_map(footmap.load(), feet="left", views="plantar")


def test_the_nerve_layer(anatomy):
    m = _left_sole()
    before = m.collection.get_facecolor().copy()
    layer = plot_anatomy_layer(m, anatomy, "nerves")
    assert layer.kind == "nerve"
    assert [s.id.rsplit(".", 1)[1] for s in layer.structures] == [
        "sural",
        "saphenous",
        "medial-calcaneal",
        "lateral-plantar",
        "medial-plantar",
    ]
    for s, p in zip(layer.structures, layer.patches, strict=True):
        fill, hatch = NERVE_STYLES[s.id.rsplit(".", 1)[1]]
        assert p.get_gid() == f"anatomy-{s.id}"
        assert p.get_facecolor() == to_rgba(fill, 0.8)
        assert p.get_hatch() == hatch
    assert (
        layer.legend.get_title().get_text() == "Anatomy (schematic):\nskin supplied by each nerve"
    )
    assert layer.legend.get_gid() == "anatomy-legend-nerve"
    assert m.legend in m.ax.get_children()  # the system legend stays
    faded = m.collection.get_facecolor()
    assert not np.allclose(faded, before)  # the zones fade under the layer
    layer.remove()
    assert np.allclose(m.collection.get_facecolor(), before)
    assert layer.legend is None and not any(
        (a.get_gid() or "").startswith("anatomy-") for a in m.ax.get_children()
    )


def test_the_bone_layer(anatomy):
    m = _left_sole()
    layer = plot_anatomy_layer(m, anatomy, "bones", fade=0.0)
    assert len(layer.patches) == 26
    assert {p.get_facecolor() for p in layer.patches} == {to_rgba(BONE_FACE, 0.9)}
    assert {p.get_edgecolor() for p in layer.patches} == {to_rgba(BONE_EDGE)}
    assert layer.patches[1].get_gid() == "anatomy-left.plantar.bone.talus"
    assert layer.face is None  # fade=0: the zones keep their colours


def test_the_dermatome_layer(anatomy):
    m = plot_map(footmap.load(), views="plantar")  # both soles
    layer = plot_anatomy_layer(m, anatomy, "dermatome")
    assert len(layer.patches) == 6
    assert {p.get_facecolor()[3] for p in layer.patches} == {0.0}  # index only, not drawn
    assert sorted(t.get_text() for t in layer.labels) == ["L4", "L4", "L5", "L5", "S1", "S1"]
    assert layer.lines and {line.get_color() for line in layer.lines} == {DERMATOME_COLOR}
    assert {line.get_linestyle() for line in layer.lines} == {"--"}


def test_an_unknown_layer(anatomy):
    m = _left_sole()
    with pytest.raises(FootmapError, match="unknown anatomy layer 'muscles'"):
        plot_anatomy_layer(m, anatomy, "muscles")
    with pytest.raises(FootmapError, match="fade must be between 0 and 1"):
        plot_anatomy_layer(m, anatomy, "bones", fade=2)
