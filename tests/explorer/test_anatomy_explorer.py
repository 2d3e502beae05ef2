"""The explorer's real anatomy, kernel-side: the body figure linked both ways, the panel's
anatomy sections, the anatomy layer and the zoom (no browser; real ipympl canvases)."""

from __future__ import annotations

import numpy as np
import pytest
from _clicks import click
from matplotlib.backend_bases import KeyEvent, MouseEvent

from footmap.explorer import widget as fx
from footmap.render.body import BODY_HIGHLIGHT_FACE


@pytest.fixture
def ex(chart, ipympl_backend):
    e = fx.explore(chart)
    yield e
    e.close()


def _face(ex, region_id):
    return tuple(np.round(ex.body_view.artists.patch(region_id).get_facecolor(), 3))


def _body_click(ex, region_id):
    """Click a region of the body figure at a point inside it, as a reader would."""
    bv = ex.body_view
    bv.figure.draw_without_rendering()
    region = bv.body.region(region_id)
    dx, dy = bv.artists.panels[region.view]
    p = region.geometry.representative_point()
    x, y = bv.artists.ax.transData.transform((p.x + dx, p.y + dy))
    bv._on_click(MouseEvent("button_press_event", bv.figure.canvas, x, y, button=1))


def _inside_labels(ex):
    return sum(
        1 for t in ex.artists.labels if (t.get_gid() or "").startswith("label-") and t.get_visible()
    )


def test_a_foot_zone_lights_its_organ_on_the_body(ex, chart):
    vermilion = tuple(np.round([0.835, 0.369, 0.0, 1.0], 3))
    assert ex.body_view.highlighted == ()
    assert _face(ex, "back.kidneys") != vermilion
    click(ex, chart.zone("left.plantar.kidney"))
    assert ex.body_view.highlighted == ("back.kidneys", "front.kidneys")
    assert _face(ex, "back.kidneys") == _face(ex, "front.kidneys") == vermilion
    assert BODY_HIGHLIGHT_FACE == "#D55E00"
    assert [t.get_text() for t in ex.body_view.artists.labels] == ["Kidneys", "Kidneys"]
    assert "Highlighted: kidneys." in ex.body_view.alt.value
    click(ex, chart.zone("right.plantar.liver"))
    assert ex.body_view.highlighted == ("front.liver",)
    assert _face(ex, "back.kidneys") != vermilion  # the kidneys went back to faint


def test_the_panel_says_where_it_really_is_apart_from_the_claims(ex, chart):
    click(ex, chart.zone("left.plantar.kidney"))
    html = ex.panel.value
    claims = html.index("<h5>What charts claim</h5>")
    box = html.index('<div class="fm-anatomy"')
    where = html.index("<h5>Where it really is (the kidneys)</h5>")
    under = html.index("<h5>What is under this zone</h5>")
    assert claims < box < where < under
    assert "Real anatomy, not a reflexology claim" in html
    assert "either side of the spine at about T12 to L3" in html
    assert "(sources: Anatomy of the abdomen: kidneys; Laboratory 40." in html
    assert "skin of the medial plantar nerve (L4–L5)" in html
    # the claims section is not mixed with the anatomy: the box closes before the evidence
    assert html.index("<h5>What the evidence says</h5>") > html.index("</div></div>", box)


def test_a_click_on_the_body_kidneys_selects_both_kidney_zones(ex, chart):
    _body_click(ex, "back.kidneys")
    assert [z.id for z in ex.selected] == ["left.plantar.kidney", "right.plantar.kidney"]
    assert ex.search.value == "kidneys"  # as the search does
    assert ex.highlighter.marked("selected") == ("left.plantar.kidney", "right.plantar.kidney")
    assert ex.body_view.highlighted == ("back.kidneys", "front.kidneys")
    assert "<p>2 zones</p>" in ex.panel.value
    assert "<h5>Where it really is (the kidneys)</h5>" in ex.panel.value
    assert "<h5>What is under these zones</h5>" in ex.panel.value


def test_the_body_walks_by_arrows_and_enter_selects(ex, chart):
    bv = ex.body_view
    canvas = bv.figure.canvas
    said = []
    bv.announce = said.append
    bv._on_key(KeyEvent("key_press_event", canvas, "down"))
    first = bv.cursor
    assert first is not None and bv._cursor_patch.get_visible()
    bv._on_key(KeyEvent("key_press_event", canvas, "down"))
    assert bv.cursor is not None and bv.cursor.id != first.id
    assert said[-1].startswith(f"{bv.cursor.label}, {bv.cursor.view} view. Press Enter")
    bv._on_key(KeyEvent("key_press_event", canvas, "enter"))
    assert ex.selected == chart.zones_for(bv.cursor.body_area)
    focused = []
    bv.focus_after = type("W", (), {"focus": lambda self: focused.append("after")})()
    bv._on_key(KeyEvent("key_press_event", canvas, "tab"))
    assert focused == ["after"]  # no trap


def test_the_attribution_and_side_notes_are_under_the_body(ex):
    notes = ex.body_view.notes.value
    assert "Front view: the body&#x27;s right is on your left." in notes
    assert "EBI Expression Atlas anatomogram" in notes and "CC BY 4.0" in notes
    side = ex.widget.children[-2].children[1]
    assert side.children[0] is ex.caveat  # the caveat first in the side column, in view
    assert side.children[1] is ex.body_view.widget  # then the body


def test_body_toggle_hides_and_shows_the_body(ex):
    assert ex.body_toggle.value is True
    ex.body_toggle.value = False
    assert ex.body_view.widget.layout.display == "none"
    ex.body_toggle.value = True
    assert ex.body_view.widget.layout.display is None


def test_the_quiz_and_other_charts_get_no_body(chart, synth, ipympl_backend):
    from footmap.explorer.classroom import quiz_widget

    q = quiz_widget(chart)
    try:
        assert q.explorer.body_view is None
    finally:
        q.close()
    e = fx.explore(synth)
    try:
        assert e.anatomy_chart is None and e.layer_switch.layout.display == "none"
    finally:
        e.close()


def test_the_anatomy_layer_draws_its_structures_and_removes_them(ex, chart):
    ax = ex.artists.ax
    before = len(ax.get_children())
    faces = np.asarray(ex.artists.face).copy()
    ex.set_layer("nerves")
    gids = [a.get_gid() or "" for a in ax.get_children()]
    assert sum(g.startswith("anatomy-left.plantar.nerve.") for g in gids) == 5
    assert "anatomy-left.plantar.nerve.medial-plantar" in gids
    assert not ax.get_legend() and not any(g.startswith("anatomy-legend") for g in gids)
    legend = ex.layer_legend.value
    assert "Anatomy (schematic): skin supplied by each nerve" in legend
    assert "Medial plantar nerve (L4–L5)" in legend
    assert not np.allclose(ex.artists.face, faces)  # the zones fade under it
    ex.set_layer("dermatomes")
    gids = [a.get_gid() or "" for a in ax.get_children()]
    assert not any("nerve" in g for g in gids)
    assert "anatomy-dermatome-boundary" in gids
    ex.set_layer("none")
    assert len(ax.get_children()) == before and ex.layer_legend.value == ""
    assert np.allclose(ex.artists.face, faces)


def test_the_layer_survives_a_redraw(ex, chart):
    ex.set_layer("bones")
    ex.controls["foot"].value = "left"
    gids = [a.get_gid() or "" for a in ex.artists.ax.get_children()]
    assert sum(g.startswith("anatomy-left.plantar.bone.") for g in gids) > 10
    assert not any(g.startswith("anatomy-right.") for g in gids)


def _named(ex, foot="left"):
    return {
        t.get_gid()[len("label-") :]
        for t in ex.artists.labels
        if (t.get_gid() or "").startswith(f"label-{foot}.plantar.") and t.get_visible()
    }


def test_zoom_sets_the_limits_and_names_more_zones(ex, chart):
    fig = ex.figure
    fig.set_size_inches(520 / fig.dpi, 560 / fig.dpi)  # a map column at 1280 x 720
    ex._on_resize(None)
    ex.controls["foot"].value = "both"
    whole = (ex.artists.ax.get_xlim(), ex.artists.ax.get_ylim())
    named = _named(ex)
    ex.zoom("toes")
    x0, x1 = ex.artists.ax.get_xlim()
    y0, y1 = ex.artists.ax.get_ylim()
    left = ex.artists.layout.panels[0].box
    assert (x1 - x0) < (whole[0][1] - whole[0][0]) / 2  # drawn more than twice as large
    assert y1 >= left[3] - 1 and y0 > left[1] + 0.5 * (left[3] - left[1])  # the toes' end
    assert "Zoomed to the toes of the left foot" in ex.status.value
    toes = _named(ex)
    assert len(toes - named) >= 5, (named, toes)
    # the hit test still answers in the zoomed frame
    click(ex, chart.zone("left.plantar.eyes"))
    assert ex.selected == (chart.zone("left.plantar.eyes"),)
    # a callout whose number falls outside the view is not drawn, and not in the key
    shown = {t.get_text() for t in ex.artists.labels if t.get_visible() and t.get_text().isdigit()}
    assert all(f'<li value="{n}">' in ex.key.value for n in shown)
    assert len(shown) < len(fx._numbers(ex.artists)) + 1
    every = set(toes)
    for part in ("ball", "arch", "heel"):
        ex.zoom(part)
        every |= _named(ex)
    sole = {z.id for z in chart.zones_on("left", "plantar")}
    # most sole zones named by one zoom or another (4 of 38 on the whole map at this size)
    assert len(named) <= 8 and len(every & sole) >= 20, (len(named), len(every & sole))
    ex.zoom("whole")
    assert (ex.artists.ax.get_xlim(), ex.artists.ax.get_ylim()) == whole
    assert _named(ex) == named


def test_zoom_buttons_cover_the_parts(ex):
    assert [v for _, v in ex.zoom_buttons.options] == ["whole", "toes", "ball", "arch", "heel"]
    with pytest.raises(ValueError, match="part must be one of"):
        ex.zoom("knee")
    for part in ("ball", "arch", "heel"):
        ex.zoom(part)
        assert ex.zoom_buttons.value == part
        assert f"Zoomed to the {part}" in ex.status.value


def test_zoom_sends_the_page_the_zoomed_outlines(ex, chart):
    ex._set_geometry((ex.artists, tuple(ex.figure.bbox.size)))
    plain = ex.geometry.value
    ex.zoom("heel")
    ex._set_geometry((ex.artists, tuple(ex.figure.bbox.size)))
    assert ex.geometry.value != plain  # the page's instant outline follows the zoom
