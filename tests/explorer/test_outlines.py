"""Zone outlines sent to the page for its instant outline of a click (explorer/outlines.py)."""

from __future__ import annotations

import html
import json
import re

import matplotlib.pyplot as plt
import numpy as np
import pytest

import footmap
from footmap.explorer.outlines import outlines_html, outlines_json
from footmap.render import plot as render


@pytest.fixture
def art(agg_backend):
    fig, ax = plt.subplots(figsize=(4, 3), dpi=100)
    ax.set_position([0, 0, 1, 1])
    artists = render.plot_map(
        footmap.load(),
        ax=ax,
        feet=("left",),
        views=("plantar",),
        title=False,
        legend=False,
        labels=False,
    )
    ax.set_position([0, 0, 1, 1])  # the whole figure: data -> pixels is plain arithmetic
    fig.canvas.draw()
    yield artists
    plt.close(fig)


def test_outlines_are_in_canvas_pixels_from_the_top_left(art):
    doc = json.loads(outlines_json(art))
    assert (doc["w"], doc["h"]) == (400, 300)
    assert doc["lw"] == 2.78  # 2 pt at 100 dpi
    assert doc["edge"] == "#111111" and doc["preview"] is True
    assert [z[0] for z in doc["zones"]] == [z.id for z in art.zones]  # the map's hit order
    ax = art.ax
    (x_lo, x_hi), (y_lo, y_hi) = ax.get_xlim(), ax.get_ylim()
    kidney = art.chart.zone("left.plantar.kidney")
    dx, dy = art.panels[("left", "plantar")]
    ring = np.array(dict(doc["zones"])["left.plantar.kidney"][0]).reshape(-1, 2)
    # the zone's own first vertex, by hand: x scaled from the x limits, y from the top
    vx, vy = np.asarray(kidney.geometry.exterior.coords[0]) + (dx, dy)
    px = (vx - x_lo) / (x_hi - x_lo) * 400
    py = 300 - (vy - y_lo) / (y_hi - y_lo) * 300
    assert np.abs(ring - (px, py)).sum(axis=1).min() < 0.2
    assert 0 <= ring[:, 0].min() and ring[:, 0].max() <= 400
    assert 0 <= ring[:, 1].min() and ring[:, 1].max() <= 300


def test_repeated_points_are_dropped(art, monkeypatch):
    from matplotlib.path import Path

    square = Path([[0, 0], [0, 0], [1, 0], [1, 1], [1, 1], [0, 1], [0, 0]])
    paths = art.collection.get_paths()
    monkeypatch.setattr(art.collection, "get_paths", lambda: [square, *paths[1:]])
    monkeypatch.setattr(art.ax, "transData", art.ax.transAxes.frozen())  # (0..1) -> pixels
    ring = json.loads(outlines_json(art))["zones"][0][1][0]
    assert ring == [0.0, 300.0, 400.0, 300.0, 400.0, 0.0, 0.0, 0.0, 0.0, 300.0]


def test_no_preview_where_a_click_does_not_select(art):
    assert json.loads(outlines_json(art, preview=False))["preview"] is False


def test_outlines_travel_escaped_in_an_attribute(art):
    text = outlines_html(art)
    m = re.fullmatch(
        r'<div class="fm-geo-data" aria-hidden="true" data-fm-geo="([^"<>]*)"></div>', text
    )
    assert m, text[:120]
    assert json.loads(html.unescape(m.group(1))) == json.loads(outlines_json(art))
