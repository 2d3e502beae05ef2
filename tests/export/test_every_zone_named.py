"""Every zone drawn on an export is named: its label, or its number (inside it or in a callout).

Issue 23 item 12: the all-views page left dozens of zones unnamed ("N zones too small to label
here"). Measured on the drawn pages: every drawn zone has one of ``label-<id>``, ``number-<id>``
or ``callout-<id>``, the key lists every number drawn, no two leaders cross, no leader crosses
a name or number written inside a zone (issue 22), and the key stays clear of every foot.
"""

from __future__ import annotations

import re

import matplotlib.pyplot as plt
import pytest
from _named import key_numbers, key_on_feet, leader_crossings, leaders_over_text, unnamed

from footmap.export import export, figure


@pytest.mark.parametrize(
    ("size", "orientation", "feet", "n_callouts"),
    [
        ("a4", "landscape", "both", 128),  # soles 29.6 mm (26.6 when the shape chose)
        ("letter", "landscape", "both", 125),
        ("screen", "landscape", "both", 128),
        ("a4", "portrait", "both", 115),
        ("a4", "landscape", "left", 57),
        ("a4", "landscape", "right", 56),
    ],
)
def test_the_all_views_page_names_every_zone(chart, size, orientation, feet, n_callouts):
    fig = figure(chart, views="all", size=size, orientation=orientation, feet=feet)
    try:
        artists = fig.footmap_artists
        assert len(artists.zones) == {"both": 155, "left": 78, "right": 77}[feet]
        assert unnamed(artists) == []
        callouts = [t for t in artists.labels if t.get_gid().startswith("callout-")]
        assert len(callouts) == n_callouts
        assert artists.key.get_title().get_text() == "Key to numbers"
        drawn = {chart.numbers[z.id] for z in artists.zones
                 if not any(t.get_gid() == "label-" + z.id for t in artists.labels)}  # fmt: skip
        assert key_numbers(artists) == drawn
        assert leader_crossings(artists) == []
        assert leaders_over_text(fig) == []
        assert key_on_feet(fig) == []
    finally:
        plt.close(fig)


@pytest.mark.parametrize("size", ["a4", "letter", "screen"])
@pytest.mark.parametrize("orientation", ["landscape", "portrait"])
@pytest.mark.parametrize(
    ("views", "feet", "highlight"),
    [("all", "both", ()), ("plantar", "both", ()), ("all", "both", "kidneys"),
     ("plantar", "left", ()), ("all", "right", ())],
)  # fmt: skip
def test_no_leader_crosses_a_name_or_number_inside_a_zone(
    chart, size, orientation, views, feet, highlight
):
    """Issue 22: a leader line never passes over the name or number written inside another
    zone (text boxes as the renderer draws them), and still no two leaders cross."""
    fig = figure(chart, views=views, size=size, orientation=orientation, feet=feet,
                 highlight=highlight)  # fmt: skip
    try:
        assert leaders_over_text(fig) == []
        assert leader_crossings(fig.footmap_artists) == []
    finally:
        plt.close(fig)


def test_the_pituitary_pineal_adrenals_and_thymus_are_numbered_on_all_views(chart):
    fig = figure(chart, views="all")
    try:
        gids = {t.get_gid(): t.get_text() for t in fig.footmap_artists.labels}
        for foot in ("left", "right"):
            for area, number in (("pituitary", "2"), ("pineal", "1"), ("adrenal", "24"),
                                 ("thymus", "18")):  # fmt: skip
                zid = f"{foot}.plantar.{area}"
                shown = [gids.get(k + zid) for k in ("number-", "callout-") if k + zid in gids]
                assert shown == [number], zid
    finally:
        plt.close(fig)


@pytest.mark.parametrize("fmt", ["svg"])
def test_the_all_views_svg_has_a_name_for_every_drawn_zone(chart, tmp_path, fmt):
    out = export(chart, tmp_path / f"all.{fmt}", views="all", size="letter")
    svg = out.read_text()
    zones = re.findall(r'id="zone-([^"]+)"', svg)
    assert len(zones) == 155
    named = set(re.findall(r'id="(?:label|number|callout)-([^"]+)"', svg))
    assert sorted(set(zones) - named) == []
    assert "too small to label" not in svg
