"""Headless tests of the explorer widget: synthetic mouse events, no browser.

The map runs on a real ipympl canvas (its comm is ipywidgets' DummyComm outside a kernel), the
handlers get real matplotlib ``MouseEvent`` objects placed at zones' anchors through the axes
transform, and the assertions read the side panel's HTML and the highlight state.
"""

from __future__ import annotations

import json
from html import escape as esc
from unittest import mock

import matplotlib.pyplot as plt
import numpy as np
import pytest
from _clicks import click, event_at, outside_point
from matplotlib.backend_bases import MouseEvent

import footmap
import footmap.export
from footmap.chart.query import search_options
from footmap.explorer import widget as fx  # noqa: E402
from footmap.explorer.kit import descendants, ipympl_active
from footmap.explorer.panel import status_text
from footmap.text.safe import escape_html

IPYMPL = "module://ipympl.backend_nbagg"
HOSTILE = "<img src=x onerror=alert(1)>"


# -- fixtures --------------------------------------------------------------------------------
@pytest.fixture
def ex(chart, ipympl_backend):
    e = fx.explore(chart)
    yield e
    e.close()


def _square(x0, y0, size):
    return [[[x0, y0], [x0 + size, y0], [x0 + size, y0 + size], [x0, y0 + size], [x0, y0]]]


def tiny_chart(label=HOSTILE, body_area="kidneys", claim="is claimed to <b>help</b>"):
    """A two-foot chart of one zone per foot, whose text can be hostile."""
    src = [
        {"id": "s1", "kind": "study", "title": "Title <script>x()</script>", "citation": "c"},
        {"id": "c1", "kind": "chart", "title": "Title <script>x()</script>", "citation": "c"},
        {"id": "a1", "kind": "article", "title": "An article", "citation": "a"},
    ]
    features = []
    for foot in ("left", "right"):
        features.append(
            {
                "type": "Feature",
                "id": f"{foot}.plantar.outline",
                "properties": {"role": "outline", "foot": foot, "view": "plantar"},
                "geometry": {"type": "Polygon", "coordinates": _square(0, 0, 100)},
            }
        )
        features.append(
            {
                "type": "Feature",
                "id": f"{foot}.plantar.z",
                "properties": {
                    "role": "zone",
                    "foot": foot,
                    "view": "plantar",
                    "label": label,
                    "body_area": body_area,
                    "system": "urinary",
                    "claims": [{"kind": "placement", "text": claim, "sources": ["c1"]}],
                },
                "geometry": {"type": "Polygon", "coordinates": _square(20, 20, 40)},
            }
        )
    doc = {
        "type": "FeatureCollection",
        "footmap": {
            "schema_version": 2,
            "title": "tiny",
            "description": "tiny chart",
            "units": "mm",
            "frame": "f",
            "orientation": "o",
            "sources": src,
            "caveats": [
                {
                    "id": "ev",
                    "kind": "evidence",
                    "text": "Evidence is weak <i>x</i>.",
                    "sources": ["s1"],
                },
                {
                    "id": "sa",
                    "kind": "safety",
                    "text": "Ask a doctor first.",
                    "sources": ["a1"],
                    "short": "Ask a doctor.",
                },
            ],
        },
        "features": features,
    }
    return footmap.loads(json.dumps(doc))


# -- helpers ---------------------------------------------------------------------------------
def spy_highlight(ex):
    """Record the marks the explorer asks its highlighter to draw."""
    spy = mock.Mock(wraps=ex.highlighter.set)
    ex.highlighter.set = spy
    return spy


# -- the interactive widget -------------------------------------------------------------------
def test_builds_an_ipympl_explorer_without_toolbar(ex):
    canvas = ex.figure.canvas
    assert ex.interactive
    assert type(canvas).__module__ == "ipympl.backend_nbagg"
    assert canvas.toolbar_visible in (False, "hidden")
    assert canvas.header_visible is False and canvas.footer_visible is False
    assert ex.map is canvas
    bundle = ex._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert bundle["application/vnd.jupyter.widget-view+json"]["model_id"] == ex.widget.model_id
    w, h = ex.figure.get_size_inches() * 100
    assert 400 <= w <= 900 and 350 <= h <= 700  # fits a laptop screen beside the panel


def test_toolbar_on_request(chart, ipympl_backend):
    e = fx.explore(chart, toolbar=True)
    try:
        assert e.figure.canvas.toolbar_visible not in (False, "hidden")
    finally:
        e.close()


def test_no_double_display(chart, ipympl_backend):
    """The figure is built with interactive mode off, so pyplot does not queue it for show."""
    from ipympl.backend_nbagg import _Backend_ipympl

    plt.ion()
    try:
        before = list(_Backend_ipympl._to_show)
        e = fx.explore(chart)
        assert e.figure not in _Backend_ipympl._to_show
        assert _Backend_ipympl._to_show == before
        e.close()
    finally:
        plt.ioff()


def test_the_page_script_and_stylesheet_reach_the_page(ex, monkeypatch):
    """page.js is displayed before the widget; page.css is the root's first child."""
    import IPython.display

    shown = []
    monkeypatch.setattr(IPython.display, "display", lambda *a, **k: shown.append(a[0]))
    ex._ipython_display_()
    assert "window._footmapFront" in shown[0].data
    first = ex.widget.children[0]
    assert first.value.startswith("<style>") and ".footmap-root .fm-body" in first.value


def test_caveat_always_visible(ex, chart):
    evidence = chart.caveats_of("evidence")[0]
    safety = chart.caveats_of("safety")[0]

    def check():
        assert esc(evidence.text[:60]) in ex.caveat.value
        assert esc(safety.brief[:40]) in ex.caveat.value
        assert any(esc(chart.source(s).title) in ex.caveat.value for s in evidence.sources)
        assert ex.caveat in descendants(ex.widget)
        assert ex.caveat.layout.display != "none"

    check()
    click(ex, chart.zone("left.plantar.kidney"))
    check()
    click(ex, xy=outside_point(ex))
    check()
    ex.select("kidneys")
    check()


def test_click_zone_shows_claim_and_highlights(ex, chart):
    zone = chart.zone("left.plantar.kidney")
    spy = spy_highlight(ex)
    before = ex.panel.value
    click(ex, zone)
    assert ex.selected == (zone,)
    html = ex.panel.value
    assert html != before
    assert f'data-zone="{zone.id}"' in html
    assert "Claimed to correspond to:</b> kidneys" in html
    assert zone.system_label in html
    for claim in zone.claims:
        assert esc(claim.text[:40]) in html
        for s in claim.sources:
            assert esc(chart.source(s).title)[:30] in html
    spy.assert_called_once_with({"selected": (zone.id,)})
    assert ex.artists.highlighted == (zone.id,)
    assert ex.highlighter.marked("selected") == (zone.id,)


@pytest.mark.slow
def test_click_each_zone_of_both_feet_selects_it(ex, chart):
    for zone in chart.zones_on(view="plantar"):
        click(ex, zone)
        assert ex.selected == (zone,), zone.id
        assert f'data-zone="{zone.id}"' in ex.panel.value


def test_highlight_changes_artist_state(ex, chart):
    """Not only is set_highlight called: something drawn actually changes, and clears again."""

    def state():
        coll = ex.artists.collection
        return (
            np.asarray(coll.get_edgecolors()).tolist(),
            np.asarray(coll.get_linewidths()).tolist(),
            np.asarray(coll.get_facecolors()).tolist(),
            [a.get_visible() for a in ex.artists.ax.get_children()],
        )

    plain = state()
    click(ex, chart.zone("left.plantar.kidney"))
    lit = state()
    assert lit != plain
    click(ex, xy=outside_point(ex))
    assert state() == plain


def test_click_outside_clears(ex, chart):
    click(ex, chart.zone("right.plantar.liver"))
    assert ex.selected
    spy = spy_highlight(ex)
    click(ex, xy=outside_point(ex))
    assert ex.selected == ()
    assert "Click a zone" in ex.panel.value
    spy.assert_called_once_with({"selected": ()})
    assert ex.artists.highlighted == ()
    # a click outside the axes (inaxes None) clears too
    click(ex, chart.zone("right.plantar.liver"))
    ex._on_click(MouseEvent("button_press_event", ex.figure.canvas, -5, -5, button=1))
    assert ex.selected == ()


def test_right_click_does_not_select(ex, chart):
    zone = chart.zone("left.plantar.kidney")
    ex._on_click(event_at(ex, zone, button=3))
    assert ex.selected == ()
    ex._on_click(event_at(ex, zone, button=1))  # the same place, primary button: selects
    assert ex.selected == (zone,)


@pytest.mark.parametrize("mode", ["pan", "zoom"])
def test_a_click_while_panning_or_zooming_selects_nothing(chart, ipympl_backend, mode):
    """The toolbar's pan and zoom buttons set ``toolbar.mode``, as in JupyterLab."""
    e = fx.explore(chart, toolbar=True)
    try:
        toolbar = e.figure.canvas.toolbar
        zone = chart.zone("left.plantar.kidney")
        getattr(toolbar, mode)()  # press the button: what ipympl does on a toolbar click
        assert str(toolbar.mode) == {"pan": "pan/zoom", "zoom": "zoom rect"}[mode]
        click(e, zone)
        assert e.selected == ()
        assert "kidneys" not in e.panel.value
        getattr(toolbar, mode)()  # press it again: back to picking
        assert str(toolbar.mode) == ""
        click(e, zone)
        assert e.selected == (zone,)
    finally:
        e.close()


def test_search_kidneys_highlights_both_feet(ex, chart):
    spy = spy_highlight(ex)
    ex.search.value = "kidneys"
    ids = {z.id for z in ex.selected}
    assert ids == {z.id for z in chart.zones_for("kidneys")}
    assert {"left", "right"} <= {z.foot for z in ex.selected}
    (called,), _ = spy.call_args
    assert set(called["selected"]) == {z.id for z in chart.zones_for("kidneys")}
    drawn = {"left.plantar.kidney", "right.plantar.kidney"}  # the kidney zones on the sole
    assert set(ex.artists.highlighted) == drawn
    assert "kidneys" in ex.panel.value
    assert "kidneys" in ex.search.options


def test_search_typing_and_clearing(ex, chart):
    ex.search.value = "ki"  # too short: nothing changes
    assert ex.selected == ()
    ex.search.value = "colon"  # free text: Chart.search
    assert set(ex.selected) == set(chart.search("colon")) and ex.selected
    ex.search.value = "no such organ"
    assert ex.selected == ()
    assert "No zone matches" in ex.status.value
    ex.search.value = "Heart"  # case-insensitive option match
    assert {z.body_area for z in ex.selected} == {"heart"}
    ex.search.value = ""
    assert ex.selected == ()


def test_search_options_cover_areas_labels_and_systems(synth):
    """Body areas, then labels that differ from their area, then systems; zones in file order."""
    opts = {k: [z.id for z in zs] for k, zs in search_options(synth).items()}
    assert opts == {
        "adrenal glands": ["left.plantar.adrenal", "right.plantar.adrenal"],
        "head and brain": ["left.plantar.head", "right.plantar.head"],
        "heart": ["left.plantar.heart"],
        "kidneys": ["left.plantar.kidney", "right.plantar.kidney"],
        "liver": ["right.plantar.liver"],
        "lungs and chest": ["left.dorsal.chest"],
        "spine": ["left.plantar.spine", "right.plantar.spine"],
        "stomach": ["left.plantar.stomach", "right.plantar.stomach"],
        "Head / brain": ["left.plantar.head", "right.plantar.head"],
        "Adrenal gland": ["left.plantar.adrenal", "right.plantar.adrenal"],
        "Kidney": ["left.plantar.kidney", "right.plantar.kidney"],
        "Chest": ["left.dorsal.chest"],
        "system: Nervous system": ["left.plantar.head", "right.plantar.head"],
        "system: Digestive": [
            "left.plantar.stomach",
            "right.plantar.stomach",
            "right.plantar.liver",
        ],
        "system: Endocrine glands": ["left.plantar.adrenal", "right.plantar.adrenal"],
        "system: Urinary": ["left.plantar.kidney", "right.plantar.kidney"],
        "system: Heart and circulation": ["left.plantar.heart"],
        "system: Muscles, bones and joints": ["left.plantar.spine", "right.plantar.spine"],
        "system: Respiratory": ["left.dorsal.chest"],
    }
    assert list(opts)[:3] == ["adrenal glands", "head and brain", "heart"]  # sorted areas first


def test_click_clears_search_box_without_reselecting(ex, chart):
    ex.search.value = "kidneys"
    zone = (
        chart.zone("left.plantar.liver")
        if "left.plantar.liver" in {z.id for z in chart.zones}
        else chart.zones_on("left", "plantar")[0]
    )
    click(ex, zone)
    assert ex.search.value == ""
    assert ex.selected == (zone,)


def test_select_programmatic(ex, chart):
    assert ex.select("left.plantar.kidney") == (chart.zone("left.plantar.kidney"),)
    assert set(ex.select("kidneys")) == set(chart.zones_for("kidneys"))
    zone = chart.zone("right.plantar.liver")
    assert ex.select(zone) == (zone,)
    assert ex.select([zone, "left.plantar.kidney"]) == (zone, chart.zone("left.plantar.kidney"))
    assert ex.select(None) == () and ex.selected == ()


def test_on_select_callbacks_fire_and_can_be_removed(ex, chart):
    got = []

    def cb(zones):
        got.append(tuple(z.id for z in zones))

    ex.on_select(cb)
    zone = chart.zone("left.plantar.kidney")
    click(ex, zone)
    click(ex, zone)  # same selection again: no new event
    ex.select("kidneys")
    click(ex, xy=outside_point(ex))
    assert got == [(zone.id,), tuple(z.id for z in chart.zones_for("kidneys")), ()]
    ex.on_select(cb, remove=True)
    click(ex, zone)
    assert len(got) == 3


def test_failing_callback_does_not_break_the_panel(ex, chart):
    def bad(zones):
        raise RuntimeError("boom")

    ex.on_select(bad)
    click(ex, chart.zone("left.plantar.kidney"))
    assert ex.selected and "kidneys" in ex.panel.value


def test_hover_updates_status_only_when_zone_changes(ex, chart, monkeypatch):
    monkeypatch.setattr(fx, "HOVER_INTERVAL", 0.0)
    kidney = chart.zone("left.plantar.kidney")
    sends = []
    ex.status.observe(lambda ch: sends.append(ch["new"]), names="value")
    move = event_at(ex, kidney, name="motion_notify_event", button=None)
    for _ in range(20):
        ex._on_motion(move)
    assert len(sends) == 1 and "Kidney" in ex.status.value
    ex._on_motion(event_at(ex, xy=outside_point(ex), name="motion_notify_event", button=None))
    assert len(sends) == 2 and ex.status.value == ""
    assert ex.selected == ()  # hovering never selects


def test_hover_is_throttled_with_a_trailing_update(ex, chart, monkeypatch):
    """Moves within the interval are not hit-tested at once; the last one is, when it ends."""
    pending = []
    monkeypatch.setattr(fx, "HOVER_INTERVAL", 10.0)
    monkeypatch.setattr(fx, "call_later", lambda delay, cb: pending.append(cb) or cb)
    ex._capture_timer = mock.Mock()  # background rendering already scheduled: hover only
    hit = mock.Mock(wraps=ex.artists.zone_at)
    ex.artists.zone_at = hit
    ex._hover_time = 0.0

    def move(zone_id):
        zone = chart.zone(zone_id)
        ex._on_motion(event_at(ex, zone, name="motion_notify_event", button=None))

    move("left.plantar.kidney")  # leading edge: handled at once
    assert "Kidney" in ex.status.value and hit.call_count == 1 and not pending
    move("right.plantar.liver")  # within the interval: deferred
    move("left.plantar.heart")
    move("right.plantar.liver")
    assert "Kidney" in ex.status.value and hit.call_count == 1
    assert len(pending) == 1  # one trailing call scheduled, not one per move
    pending.pop()()  # the interval ends
    assert "Liver (right foot)" in ex.status.value and hit.call_count == 2


def test_hover_trailing_update_on_a_real_event_loop(ex, chart, monkeypatch):
    import asyncio

    # a long interval, so the second move is surely within it even on a busy machine; the
    # trailing update is awaited for up to 30 s (a bound that only catches a hang)
    monkeypatch.setattr(fx, "HOVER_INTERVAL", 1.0)
    kidney = event_at(
        ex, chart.zone("left.plantar.kidney"), name="motion_notify_event", button=None
    )
    liver = event_at(ex, chart.zone("right.plantar.liver"), name="motion_notify_event", button=None)

    async def scenario():
        ex._on_motion(kidney)
        ex._on_motion(liver)  # too soon: deferred
        assert "Kidney" in ex.status.value
        for _ in range(300):
            await asyncio.sleep(0.1)
            if "Liver" in ex.status.value:
                break
        assert "Liver (right foot)" in ex.status.value

    asyncio.run(scenario())


def test_controls(ex, chart):
    c = ex.controls
    assert set(c["foot"].options) >= {("Left", "left"), ("Right", "right"), ("Both", "both")}
    assert [v for _, v in c["view"].options] == list(chart.views)
    assert (c["view"].layout.display == "none") == (len(chart.views) < 2)
    ex.select("kidneys")
    c["foot"].value = "right"
    assert {f for f, _ in ex.artists.panels} == {"right"}
    assert ex.selected  # selection survives a redraw
    click(ex, chart.zone("right.plantar.kidney"))
    assert ex.selected == (chart.zone("right.plantar.kidney"),)
    c["color_by"].value = "sources"
    c["labels"].value = False
    assert not any(t.get_visible() for t in _labels(ex.artists))
    c["labels"].value = True
    assert any(t.get_visible() for t in _labels(ex.artists))
    if len(chart.views) > 1:
        c["view"].value = chart.views[1]
        assert {v for _, v in ex.artists.panels} == {chart.views[1]}


def _labels(artists):
    return list(artists.labels)


def test_single_view_hides_view_control(ipympl_backend):
    e = fx.explore(tiny_chart(label="Kidney"))
    try:
        assert e.controls["view"].layout.display == "none"
    finally:
        e.close()


# -- escaping -----------------------------------------------------------------------------------
def test_hostile_label_is_escaped_everywhere(ipympl_backend):
    chart = tiny_chart()
    e = fx.explore(chart)
    try:
        zone = chart.zone("left.plantar.z")
        click(e, zone)
        assert e.selected == (zone,)
        html = e.panel.value
        assert "&lt;img src=x onerror=alert(1)&gt;" in html
        assert "<img" not in html and "<script" not in html and "<b>help" not in html
        assert "<script" not in e.caveat.value and "<i>x" not in e.caveat.value
        e.figure.canvas.draw()  # labels drawn by matplotlib are text, never HTML
        e._hover_time = 0.0
        e._on_motion(event_at(e, zone, name="motion_notify_event", button=None))
        assert "&lt;img" in e.status.value and "<img" not in e.status.value
        e.search.value = "nothing <img src=y>"
        assert "<img" not in e.status.value
        e.select("kidneys")
        assert "&lt;img" in e.panel.value and "<img" not in e.panel.value
    finally:
        e.close()


# -- static fallback ----------------------------------------------------------------------------
def test_static_fallback_when_backend_is_not_ipympl(chart, agg_backend):
    assert not ipympl_active()
    e = fx.explore(chart)
    try:
        assert not e.interactive
        assert e.map is e._image
        png = e._image.value
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        assert esc(chart.caveats_of("evidence")[0].text[:40]) in e.caveat.value
        e.search.value = "kidneys"
        assert {z.id for z in e.selected} == {z.id for z in chart.zones_for("kidneys")}
        assert "kidneys" in e.panel.value
        assert e._image.value != png  # the picture shows the highlight
        e.search.value = ""
        assert e.selected == ()
        bundle = e._repr_mimebundle_()
        assert "application/vnd.jupyter.widget-view+json" in bundle
    finally:
        e.close()


def test_static_fallback_when_ipympl_missing(chart, ipympl_backend, monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_ipympl(name, *args, **kwargs):
        if name.startswith("ipympl"):
            raise ImportError("no ipympl")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_ipympl)
    assert not ipympl_active()
    e = fx.explore(chart)
    try:
        assert not e.interactive and e._image is not None
    finally:
        e.close()


# -- export ---------------------------------------------------------------------------------
def test_export_button_offers_a_download(ex, chart, tmp_path, monkeypatch):
    calls = {}
    export_mod = footmap.export

    def fake_export(ch, path, **kw):
        calls.update(kw, chart=ch, path=path)
        from pathlib import Path

        Path(path).write_bytes(b"\x89PNG fake")
        return Path(path)

    monkeypatch.setattr(export_mod, "export", fake_export)
    ex.select("kidneys")
    ex.controls["foot"].value = "left"
    ex.export_button.click()
    assert calls["chart"] is chart
    assert calls["feet"] == ("left",)
    assert calls["views"] == ("plantar",)
    assert calls["color_by"] == "system" and calls["labels"] is True
    assert set(calls["highlight"]) == {z.id for z in chart.zones_for("kidneys")}
    assert calls["path"].name == "footmap-left-foot-sole-kidneys.png"  # named for what it shows
    assert 'download="footmap-left-foot-sole-kidneys.png"' in ex.download.value
    assert "data:image/png;base64," in ex.download.value


def test_export_failure_is_reported(ex, monkeypatch):
    export_mod = footmap.export
    monkeypatch.setattr(export_mod, "export", mock.Mock(side_effect=OSError("disk <full>")))
    ex.export_button.click()
    assert "Export failed" in ex.download.value and "&lt;full&gt;" in ex.download.value


def test_real_export_writes_a_file(ex, tmp_path):
    ex.select("kidneys")
    path = ex.export(tmp_path / "map.png", format="png")
    assert path.exists() and path.read_bytes()[:4] == b"\x89PNG"


# -- drawing: blit after the first full draw ----------------------------------------------------
def test_click_after_a_full_draw_blits_instead_of_redrawing(ex, chart):
    canvas = ex.figure.canvas
    click(ex, chart.zone("left.plantar.kidney"))  # _clicks lays the figure out: a draw event
    ex._drawn = None  # as before the first image reached the page
    canvas.draw_idle = mock.Mock()
    canvas.blit = mock.Mock()
    click(ex, chart.zone("right.plantar.liver"))
    canvas.draw_idle.assert_called_once()
    canvas.blit.assert_not_called()
    canvas.draw()  # the page drew the image: later clicks blit
    canvas.draw_idle.reset_mock()
    click(ex, chart.zone("left.plantar.heart"))
    canvas.blit.assert_called_once()
    canvas.draw_idle.assert_not_called()


def test_pixel_of_matches_transform(ex, chart):
    zone = chart.zone("left.plantar.kidney")
    x, y = ex.pixel_of(zone)
    h = ex.figure.bbox.height
    ev = MouseEvent("button_press_event", ex.figure.canvas, x, h - y, button=1)
    ex._on_click(ev)
    assert ex.selected == (zone,)


def test_select_unknown_name_raises_and_keeps_selection(ex, chart):
    ex.select("kidneys")
    with pytest.raises(footmap.FootmapError):
        ex.select("no such organ")
    assert {z.body_area for z in ex.selected} == {"kidneys"}


def test_close_closes_widgets(chart, ipympl_backend):
    e = fx.explore(chart)
    e.close()
    assert e.widget.comm is None and e.panel.comm is None
    assert e.figure.canvas.comm is None


def test_on_click_fires_on_every_primary_click_and_can_be_removed(ex, chart):
    got = []

    def cb(zone):
        got.append(zone.id if zone is not None else None)

    ex.on_click(cb)
    zone = chart.zone("left.plantar.kidney")
    click(ex, zone)
    click(ex, zone)  # same zone again: no selection change, but still a click
    click(ex, xy=outside_point(ex))
    click(ex, xy=outside_point(ex))  # a miss on an empty selection too
    ex._on_click(event_at(ex, zone, button=3))  # not a primary click
    ex.select("kidneys")  # programmatic: not a click
    assert got == [zone.id, zone.id, None, None]
    ex.on_click(cb, remove=True)
    click(ex, zone)
    assert len(got) == 4


def test_bidi_and_control_characters_are_neutralised(ipympl_backend):
    chart = tiny_chart(label="a\u202eb\x00c", claim="x\u2066y")
    e = fx.explore(chart)
    try:
        click(e, chart.zone("left.plantar.z"))
        for text in (e.panel.value, escape_html(status_text(e.selected[0]))):
            assert "\u202e" not in text and "\x00" not in text and "\u2066" not in text
        assert "a\ufffdb\ufffdc" in e.panel.value
    finally:
        e.close()


# -- keyboard, screen readers, search across views, static view ------------------------------
def key(ex, name):
    """A key pressed on the focused map, as ipympl delivers it."""
    from matplotlib.backend_bases import KeyEvent

    ex._on_key(KeyEvent("key_press_event", ex.figure.canvas, name))


def test_arrow_keys_walk_the_map_and_enter_clicks(ex, chart):
    clicks = []
    ex.on_click(lambda z: clicks.append(z.id if z else None))
    ex.select("left.plantar.kidney")
    key(ex, "up")
    assert [z.id for z in ex.selected] == ["left.plantar.stomach"]
    ex.select("left.plantar.kidney")
    key(ex, "down")
    assert [z.id for z in ex.selected] == ["left.plantar.colon-transverse"]
    key(ex, "down")
    assert [z.id for z in ex.selected] == ["left.plantar.small-intestine"]
    assert ex.highlighter.marked("selected") == ("left.plantar.small-intestine",)
    assert clicks == []  # moving is not clicking
    key(ex, "enter")
    key(ex, " ")
    assert clicks == ["left.plantar.small-intestine", "left.plantar.small-intestine"]
    assert "Small intestine" in ex.panel.value


def test_the_explorer_and_the_html_map_walk_alike(ex, chart):
    """Every zone and arrow: the explorer's move, the HTML map's embedded target, footmap.walk."""
    from footmap.chart.neighbours import DIRECTIONS
    from footmap.web.page import arrow_targets

    number = {z.id: i for i, z in enumerate(chart.zones)}
    targets = arrow_targets(chart, number)
    moves = 0
    for z in ex.artists.zones:  # the explorer as it opens: both soles
        for k, d in enumerate(DIRECTIONS):
            ex.select(z.id)
            key(ex, d)
            got = ex.selected[0].id
            own, across = targets[number[z.id]][0][k], targets[number[z.id]][1][k]
            page = own if own >= 0 else across  # the page's rule with both feet shown
            assert got == (chart.zones[page].id if page >= 0 else z.id), (z.id, d)
            assert got == footmap.walk(chart, z.id, d)
            moves += got != z.id
    assert moves > 200  # the walk goes somewhere from most zones


def test_arrow_keys_from_nothing_start_on_the_first_zone(ex, chart):
    key(ex, "right")
    assert [z.id for z in ex.selected] == [ex.artists.zones[0].id]


def test_tab_and_escape_move_focus_off_the_map(ex, monkeypatch):
    moved = []
    monkeypatch.setattr(fx, "focus", lambda w: moved.append(w))
    for name in ("tab", "escape", "shift+tab", "shift+escape"):
        key(ex, name)
    assert moved == [ex.export_button, ex.export_button, ex.search, ex.search]
    assert ex.selected == ()


def test_matplotlib_keymap_is_off(ex):
    assert ex.figure.canvas.manager.key_press_handler_id is None
    key(ex, "q")  # matplotlib's default keymap would close the figure
    key(ex, "s")  # ... or save it
    assert plt.fignum_exists(ex.figure.number)


def test_live_region_announces_selection_claim_and_caveat(ex, chart):
    assert "fm-live" in ex.live._dom_classes and "fm-sr-only" in ex.live._dom_classes
    ex.select("left.plantar.kidney")
    brief = chart.caveats_of("evidence")[0].brief
    assert ex.live.value.startswith(
        "Selected Kidney, left foot, sole. Charts claim it for the kidneys. Caveat: "
    )
    assert esc(brief) in ex.live.value
    ex.select(None)
    assert ex.live.value == "Nothing selected."


def test_map_text_alternative_names_the_zones_shown(ex, chart):
    alt = ex.alt.value
    assert alt.startswith("Foot map, left and right feet, sole view: 77 zones (")
    for z in chart.zones_on(view="plantar"):
        assert esc(z.label) in alt
    ex.controls["foot"].value = "left"
    ex.controls["view"].value = "dorsal"
    assert ex.alt.value.startswith("Foot map, left foot, top view: ")
    assert "Arrow keys move between zones" in ex.alt.value


def test_search_switches_to_the_view_holding_the_matches(ex, chart):
    ex.search.value = "upper lymph nodes"
    assert ex.controls["view"].value == "dorsal"
    assert (
        ex.status.value == "Showing the Top (dorsal) view: 2 matches are on the Top (dorsal) view."
    )
    assert set(ex.artists.highlighted) == {z.id for z in chart.zones_for("upper lymph nodes")}
    ex.search.value = "kidneys"  # on the sole only: back to the sole
    assert ex.controls["view"].value == "plantar"


def test_search_messages_do_not_go_stale(ex):
    ex.search.value = "kidny"
    assert ex.status.value == "No zone matches &#x27;kidny&#x27;; did you mean kidneys?"
    ex.search.value = "KIDNEYS"
    assert ex.status.value == ""
    assert {z.body_area for z in ex.selected} == {"kidneys"}


def test_output_carries_a_static_map_zone_list_and_caveat(ex, chart):
    bundle = ex._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    import base64

    assert base64.b64decode(bundle["image/png"])[:8] == b"\x89PNG\r\n\x1a\n"
    html = bundle["text/html"]
    assert html.startswith('<div class="footmap-static">')
    assert 'src="data:image/png;base64,' in html
    assert "Kidney (left foot, sole): charts claim it for the kidneys" in html
    assert esc(chart.caveats_of("evidence")[0].brief) in html
    assert "Zones shown (77)" in html


def test_presentation_mode_enlarges_the_map(chart, ipympl_backend):
    e = fx.explore(chart, presentation=True)
    try:
        assert e.figure.dpi == 300.0  # the smallest number drawn (4.32 pt) is 18 px
        assert "fm-present" in e.widget._dom_classes
    finally:
        e.close()
    assert "fm-present" not in fx.explore(chart).widget._dom_classes


def test_export_menu_offers_every_export_format(ex):
    import footmap.export as export_mod

    assert [v for _, v in ex.export_format.options] == list(export_mod.FORMATS)
    labels = dict((v, k) for k, v in ex.export_format.options)
    assert labels["png"] == "PNG"
    if "html" in export_mod.FORMATS:
        assert labels["html"] == "HTML"


def test_export_names_say_what_they_show(ex, chart):
    assert ex.export_name("svg") == "footmap-both-feet-sole.svg"
    ex.select("heart")
    assert ex.export_name("pdf") == "footmap-both-feet-sole-heart.pdf"
    ex.controls["foot"].value = "right"  # the heart zone is on the left sole: not shown
    assert ex.export_name("png") == "footmap-right-foot-sole.png"


def test_html_export_choice_writes_a_web_page(ex, chart):
    import footmap.export as export_mod

    assert "html" in export_mod.FORMATS  # the menu offers what export() writes, the map too
    ex.select("heart")
    ex.export_format.value = "html"
    ex.export_button.click()
    assert ex.last_export.name == "footmap-interactive-map.html"
    page = ex.last_export.read_text("utf-8")
    assert page.lstrip().lower().startswith("<!doctype html")
    assert 'download="footmap-interactive-map.html"' in ex.download.value
    assert "data:text/html;base64," in ex.download.value


# -- the click's cost: no second full draw, text after the frame, nothing wasted ------------
def _drawn_explorer(chart):
    e = fx.explore(chart)
    canvas = e.figure.canvas
    canvas.syncing_data_url = False  # as once a page is connected
    canvas.draw()  # the first full draw: from now on a click blits
    assert e._drawn is not None
    return e


def test_a_click_leaves_nothing_for_pyplot_to_redraw(chart, ipympl_backend):
    """ipykernel runs pyplot's post-execute hook after every comm message, and it fully
    redraws any stale figure: a click must leave the figure not stale and ask for no draw."""
    e = _drawn_explorer(chart)
    try:
        canvas = e.figure.canvas
        events = []
        canvas.send_event = lambda kind, **kw: events.append(kind)
        with mock.patch.object(canvas, "draw", wraps=canvas.draw) as full:
            click(e, chart.zone("left.plantar.kidney"))
            assert e.selected == (chart.zone("left.plantar.kidney"),)
            assert e.figure.stale is False
            assert full.call_count == 0
        assert "draw" not in events  # no draw_idle: the page would then ask for a full draw
    finally:
        e.close()


def test_highlighter_changes_ask_the_canvas_for_nothing(chart, ipympl_backend):
    """Marking zones changes artists; matplotlib would answer with draw_idle (a full draw)."""
    e = _drawn_explorer(chart)
    try:
        calls = []
        e.figure.stale_callback = lambda fig, val: calls.append(val)
        e.highlighter.set({"selected": ["left.plantar.kidney"], "cursor": ["left.plantar.liver"]})
        assert calls == []
        assert e.figure.stale is True  # left for whoever draws next
        assert e.figure.stale_callback is not None  # restored
    finally:
        e.close()


def test_click_text_follows_the_frame_on_a_running_loop(chart, ipympl_backend, monkeypatch):
    import asyncio

    monkeypatch.setattr(fx, "TEXT_DELAY", 0.05)
    e = _drawn_explorer(chart)
    kidney, liver = chart.zone("left.plantar.kidney"), chart.zone("right.plantar.liver")
    order = []
    e.figure.canvas.send = lambda *a, **k: order.append("frame" if k.get("buffers") else "json")
    e.panel.observe(lambda ch: order.append("panel"), names="value")

    async def scenario():
        click(e, kidney)
        assert e.selected == (kidney,)
        assert order and order[0] == "frame" and "panel" not in order  # the picture first
        assert "Click a zone" in e.panel.value  # the text comes later
        for _ in range(300):  # a bound that only catches a hang
            await asyncio.sleep(0.02)
            if "kidneys" in e.panel.value:
                break
        assert "Claimed to correspond to" in e.panel.value and "kidneys" in e.panel.value
        click(e, liver)  # a second click cancels nothing it should not: the last one wins
        e.select("left.plantar.kidney")  # from code: the text at once, pending text dropped
        assert "kidneys" in e.panel.value and e._text_timer is None
        await asyncio.sleep(0.2)
        assert e.selected == (kidney,) and 'data-zone="right.plantar.liver"' not in e.panel.value

    try:
        asyncio.run(scenario())
    finally:
        e.close()


def test_without_an_event_loop_the_click_text_is_immediate(ex, chart):
    click(ex, chart.zone("left.plantar.kidney"))
    assert "kidneys" in ex.panel.value and ex._text_timer is None


def test_the_map_skips_matplotlib_pick_and_toolbar_messages(chart, ipympl_backend):
    """footmap hit-tests zones itself; pick events walk every artist on each press, and the
    toolbar's pointer message goes to a footer that is hidden."""
    e = fx.explore(chart, toolbar=True)
    try:
        canvas = e.figure.canvas
        picked = []
        canvas.mpl_connect("pick_event", picked.append)
        for artist in e.artists.ax.get_children():
            artist.set_picker(True)
        zone = chart.zone("left.plantar.kidney")
        sent = []
        canvas.send_event = lambda kind, **kw: sent.append(kind)
        canvas.callbacks.process(
            "motion_notify_event",
            event_at(ex=e, zone=zone, name="motion_notify_event", button=None),
        )
        canvas.callbacks.process("button_press_event", event_at(e, zone))
        assert picked == []
        assert "message" not in sent
        assert e.selected == (zone,)
    finally:
        e.close()


def test_the_page_gets_outlines_of_the_drawn_layout_only(chart, ipympl_backend):
    e = _drawn_explorer(chart)
    try:
        assert e.geometry.value == ""  # nothing before the layout's backgrounds are made
        e._capture()  # what the draw's timer runs
        doc = json.loads(
            __import__("html").unescape(e.geometry.value.split('data-fm-geo="')[1][:-8])
        )
        assert (doc["w"], doc["h"]) == (640, 480) and doc["preview"] is True
        assert len(doc["zones"]) == len(e.artists.zones) == 77  # both soles
        e.controls["view"].value = "dorsal"  # another layout: its outlines come after its draw
        assert e.geometry.value == ""
        e.selects = False  # as in the quiz: a click does not select, the page draws nothing
        e.figure.canvas.draw()
        e._capture()
        assert "&quot;preview&quot;:false" in e.geometry.value
    finally:
        e.close()
