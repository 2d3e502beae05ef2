"""One number per zone: the chart numbers its zones once, every surface shows that number."""

from __future__ import annotations

import re

import matplotlib.pyplot as plt
import pytest

import footmap
from footmap.export import figure
from footmap.render.plot import plot_map
from footmap.web import page as webmap


def _callouts(artists) -> dict[str, str]:
    """Zone id -> the number its callout (or the zone itself) shows."""
    return {
        (t.get_gid() or "").split("-", 1)[1]: t.get_text()
        for t in artists.labels
        if (t.get_gid() or "").startswith(("callout-", "number-"))
    }


def test_the_chart_numbers_each_view_toe_to_heel_both_feet_sharing(chart):
    n = chart.numbers
    assert n["left.plantar.pineal"] == 1  # the tip of the big toe comes first
    assert n["left.plantar.kidney"] == n["right.plantar.kidney"] == 28
    assert n["left.plantar.sciatic"] == 43  # the heel's zones last on the sole
    assert n["left.dorsal.teeth-jaw"] == 44  # the top of the foot carries on from the sole
    # every number is one label on one view: never two body areas under one number
    named = {}
    for z in chart.zones:
        named.setdefault(n[z.id], set()).add((z.view, z.label))
    assert all(len(v) == 1 for v in named.values())
    assert sorted(named) == list(range(1, len(named) + 1))


def test_a_zone_keeps_its_number_at_every_size_in_every_export_and_the_html_map(chart):
    small = plt.figure(figsize=(6, 4.5), layout="constrained").add_subplot()
    large = plt.figure(figsize=(14, 10), layout="constrained").add_subplot()
    seen = [
        _callouts(plot_map(chart, ax=small)),
        _callouts(plot_map(chart, ax=large)),
        _callouts(figure(chart).footmap_artists),
        _callouts(figure(chart, highlight=["kidneys", "adrenal glands"]).footmap_artists),
        _callouts(figure(chart, views="all").footmap_artists),
    ]
    doc = webmap.html_document(chart)
    html = {
        m.group(1): m.group(2)
        for m in re.finditer(
            r'<g class="callout" id="callout-([^"]+)"[^>]*>.*?<text[^>]*>(\d+)</text>', doc
        )
    }
    assert html, "the HTML map's callouts carry id=callout-<zone id>"
    seen.append(html)
    for callouts in seen:
        assert callouts, seen.index(callouts)  # each surface numbers some zones
        for zid, text in callouts.items():
            assert text == str(chart.numbers[zid]), zid
    # the adrenal gland is too small for its name: the same number on the large figure,
    # the plain and the highlighted export
    assert [seen[k]["left.plantar.adrenal"] for k in (1, 2, 3)] == ["24", "24", "24"]


@pytest.mark.parametrize("size", [(6, 4.5), (14, 10)])
def test_the_key_lists_the_chart_numbers_in_order(chart, size):
    ax = plt.figure(figsize=size, layout="constrained").add_subplot()
    m = plot_map(chart, ax=ax)
    rows = "\n".join(t.get_text() for t in m.key.get_texts()).splitlines()
    numbers = [int(r.split()[0]) for r in rows]
    assert numbers == sorted(numbers)
    for r in rows:
        k, label = r.split(None, 1)
        assert any(chart.numbers[z.id] == int(k) and z.label == label for z in chart.zones)


def test_hover_titles_carry_the_number(chart):
    doc = webmap.html_document(chart)
    assert "<title>Kidney (28) \u2014 kidneys</title>" in doc
    assert footmap.text.describe.zone_title(chart, chart.zone("right.plantar.liver")) == (
        "Liver (25) \u2014 liver"
    )
