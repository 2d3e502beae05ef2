"""The HTML map's real anatomy (footmap.web.anatomy, footmap.web.page) as a file.

The body figure's regions as buttons with ids and body areas, its attribution, the panel's
"Where it really is" and "What is under this zone" templates per zone with numbered sources,
and the anatomy layers over the feet. What they do in a browser is test_body_panel_browser.py.
"""

from __future__ import annotations

import json
import re
from html import escape, unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest

import footmap
from footmap.render.body import plot_body
from footmap.text.anatomy import under_sources, under_text, where_claims, where_sources
from footmap.web.anatomy import (
    BODY_ZOOMS,
    body_data,
    body_name,
    body_order,
    nearest_in_direction,
)
from footmap.web.page import html_document

HOSTILE = Path(__file__).resolve().parents[1] / "data" / "hostile.geojson"


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def _tags(page: str) -> list[tuple[str, dict[str, str | None]]]:
    p = _Tags()
    p.feed(page)
    return p.tags


def _data(page: str) -> dict:
    text = re.search(r'<script type="application/json" id="fm-data">(.*?)</script>', page, re.S)
    assert text
    return json.loads(text.group(1))


def _template(page: str, tid: str) -> str:
    m = re.search(rf'<template id="{re.escape(tid)}">(.*?)</template>', page, re.S)
    assert m, tid
    return m.group(1)


def _sources(page: str) -> dict[int, str]:
    return {
        int(n): unescape(text)
        for n, text in re.findall(r'<li id="src-(\d+)" value="\d+">(.*?)</li>', page)
    }


@pytest.fixture(scope="module")
def chart():
    return footmap.load()


@pytest.fixture(scope="module")
def body():
    return footmap.load_body()


@pytest.fixture(scope="module")
def page(chart) -> str:
    return html_document(chart)


def test_every_body_region_is_a_button_with_its_id_and_body_area(page, body):
    regions = {a["id"]: (t, a) for t, a in _tags(page) if (a.get("id") or "").startswith("body-")}
    assert set(regions) == {f"body-{r.id}" for r in body.regions}
    for r in body.regions:
        tag, a = regions[f"body-{r.id}"]
        assert tag == "path"
        assert a["role"] == "button" and a["tabindex"] == "-1"
        assert a["data-body-area"] == r.body_area
        assert a["aria-label"] == body_name(r)
    assert regions["body-front.kidneys"][1]["aria-label"] == (
        "Kidneys (body, front view): show the foot zones charts claim for it"
    )
    assert regions["body-back.kidneys"][1]["data-body-area"] == "kidneys"
    # the data-r index is the region's place in the script's data
    data = _data(page)["body"]
    for r, (rid, view, area, label) in enumerate(data["regions"]):
        assert regions[f"body-{rid}"][1]["data-r"] == str(r)
        assert (view, area, label) == (
            body.region(rid).view,
            body.region(rid).body_area,
            body.region(rid).label,
        )
    # one group per view, the back hidden at first; the side notes say which side is which
    groups = [
        (a["data-view"], a.get("display"))
        for t, a in _tags(page)
        if t == "g" and "bview" in (a.get("class") or "")
    ]
    assert groups == [("front", None), ("back", "none")]
    assert "Front view: the body&#x27;s right is on your left" in page
    assert "Back view: the body&#x27;s right is on your right" in page


def test_the_attribution_is_on_the_page_beside_the_figure_and_in_the_footer(page, body):
    assert body.attribution and "CC BY 4.0" in body.attribution
    credit = escape(body.attribution)
    section = re.search(r'<section class="bodyfig".*?</section>', page, re.S).group(0)
    assert "Body artwork: CC BY 4.0 (credits)" in section and credit in section
    footer = page[page.index("<footer>") :]
    assert credit in footer


def test_zones_and_body_regions_are_linked_both_ways(chart, body):
    data = body_data(body, chart)
    index = {rid: r for r, (rid, *_) in enumerate(data["regions"])}
    kidney = [z.id for z in chart.zones].index("left.plantar.kidney")
    assert sorted(data["regions"][r][0] for r in data["zr"][kidney]) == [
        "back.kidneys",
        "front.kidneys",
    ]
    liver = data["rz"][index["front.liver"]]
    assert [chart.zones[i].id for i in liver] == [z.id for z in chart.zones_for("liver")]
    assert liver and all(chart.zones[i].body_area == "liver" for i in liver)
    # both ways agree
    for i, regions in enumerate(data["zr"]):
        for r in regions:
            assert i in data["rz"][r]
    # every zone of the bundled chart finds its body area drawn
    assert all(data["zr"])
    # a tap point of each region lies inside it and no smaller region drawn over it covers it
    import shapely

    for r, (rid, *_rest) in enumerate(data["regions"]):
        x, y = data["at"][r]
        assert body.region(rid).geometry.buffer(0.2).contains(shapely.Point(x, -y)), rid


def test_arrow_keys_walk_the_nearest_region_in_each_direction(chart, body):
    assert nearest_in_direction([(0, 0), (0, 10), (10, 0), (10, 10)]) == [
        [-1, 1, -1, 2],
        [0, -1, -1, 3],
        [-1, 3, 0, -1],
        [2, -1, 1, -1],
    ]
    data = body_data(body, chart)
    regions = data["regions"]
    for r, targets in enumerate(data["nav"]):
        for t in targets:
            assert t == -1 or regions[t][1] == regions[r][1]  # within its view
    front = {rid: r for r, (rid, view, *_) in enumerate(regions) if view == "front"}
    # down from the brain goes towards the neck, not sideways
    down = regions[data["nav"][front["front.brain"]][1]][0]
    cb = body.region("front.brain").geometry.centroid
    cd = body.region(down).geometry.centroid
    assert cd.y < cb.y and abs(cd.x - cb.x) <= cb.y - cd.y
    # Tab reaches the topmost region of each view first
    assert set(data["start"]) == {"front", "back"}


def test_every_zone_has_where_it_really_is_and_what_is_under_it(page, chart, body):
    data = _data(page)
    anatomy = footmap.load_anatomy()
    sources = _sources(page)
    for i, z in enumerate(chart.zones):
        where = _template(page, f"where-{data['body']['wz'][i]}")
        assert f"<h4>Where it really is (the {escape(z.body_area)})</h4>" in where
        for claim in where_claims(body, z.body_area):
            assert escape(claim.text) in where
        nums = [int(n) for n in re.search(r'data-refs="([\d ]*)"', where).group(1).split()]
        assert sorted(sources[n] for n in nums) == sorted(
            s.citation for s in where_sources(body, z.body_area)
        )
        under = _template(page, f"under-{z.id}")
        items = footmap.anatomy_under(chart, z.id, anatomy)
        assert "<h4>What is under this zone</h4>" in under
        assert escape(under_text(items)) in under
        nums = [int(n) for n in re.search(r'data-refs="([\d ]*)"', under).group(1).split()]
        assert sorted(sources[n] for n in nums) == sorted(
            s.citation for s in under_sources(items, anatomy)
        )
    kidney = _template(page, "under-left.plantar.kidney")
    assert "skin of the medial plantar nerve (L4–L5)" in kidney
    assert re.search(r'<span class="fm-cite">\[\d+(–\d+)?(, \d+(–\d+)?)*\]</span>', kidney)
    # the anatomy sources are numbered after the chart's own, under their own heading
    assert (
        min(
            n for n in sources if sources[n] in {s.citation for s in where_sources(body, "kidneys")}
        )
        > 70
    )
    assert "<h2>Anatomy sources</h2>" in page


def test_anatomy_layers_are_drawn_hidden_over_each_panel(page, chart):
    anatomy = footmap.load_anatomy()
    for view in chart.views:
        svg = re.search(rf'<svg id="view-{view}".*?</svg>', page, re.S).group(0)
        for kind in ("nerve", "bone"):
            want = sum(1 for s in anatomy.structures if s.view == view and s.kind == kind)
            assert svg.count(f'class="a-{kind}"') == want, (view, kind)
        assert svg.count('<g class="anat anat-dermatome" aria-hidden="true">') == 2
        # in each foot's panel: over the zones, under the callouts and labels
        for chunk in svg.split('<g class="panel"')[1:]:
            assert chunk.index('class="anat ') > chunk.rindex('class="zone ')
            for later in ('class="lbl"', 'class="callout"'):
                if later in chunk:
                    assert chunk.rindex('class="anat ') < chunk.index(later)
    assert ".anat { display: none; pointer-events: none; }" in page
    # the switch and its legends, one per kind, hidden until chosen
    radios = [a["value"] for t, a in _tags(page) if t == "input" and a.get("name") == "layer"]
    assert radios == ["none", "nerve", "bone", "dermatome"]
    keys = [
        (a["data-kind"], "hidden" in a)
        for t, a in _tags(page)
        if t == "div" and "anat-key" in (a.get("class") or "")
    ]
    assert keys == [("nerve", True), ("bone", True), ("dermatome", True)]
    assert "Anatomy (schematic): skin supplied by each nerve" in page
    assert "Medial plantar nerve (L4–L5)" in page


def test_a_chart_on_other_outlines_gets_the_body_but_no_foot_anatomy():
    hostile = html_document(footmap.load(HOSTILE))
    assert 'id="body-front.kidneys"' in hostile
    assert '<input type="radio" name="layer"' not in hostile and 'class="anat ' not in hostile
    assert '<template id="under-' not in hostile
    assert _data(hostile)["under"] is False


def test_the_figure_is_drawn_in_plot_bodys_order(body):
    assert body_order(body) == plot_body(body).regions


def test_every_region_has_a_zoom_and_small_targets_stay_apart(chart, body):
    data = body_data(body, chart)
    zooms = data["zooms"]
    assert [z[0] for z in zooms["front"]] == [
        "whole",
        "head",
        "mid-head",
        "neck",
        "chest",
        "upper-belly",
        "lower-belly",
        "pelvis",
    ]
    assert [z[0] for z in zooms["back"]] == ["whole", "head", "upper-back", "lower-back"]
    assert zooms["front"][0][2] == [-472, -1712, 945, 1724]  # the whole figure's viewBox
    assert f'viewBox="{" ".join(map(str, zooms["front"][0][2]))}"' in html_document(chart)
    # every region is one a zoom is for; every name in BODY_ZOOMS is a region of its view
    covered = {n for view in zooms.values() for z in view for n in z[3]}
    assert covered == set(range(len(data["regions"]))) and len(covered) == 63
    named = sum(len(names) for view in BODY_ZOOMS.values() for _, _, names in view)
    assert named == sum(len(z[3]) for view in zooms.values() for z in view)
    # the centre of the head: its three glands' tap points 10 mm apart or more
    index = {rid: r for r, (rid, *_) in enumerate(data["regions"])}
    mid = dict((z[0], z) for z in zooms["front"])["mid-head"]
    assert sorted(data["regions"][n][0] for n in mid[3]) == [
        "front.hypothalamus",
        "front.pineal-gland",
        "front.pituitary-gland",
    ]
    assert mid[2][2] == 90 and mid[2][3] == 90  # at least 90 mm each way
    # the parathyroids' target moved off the thyroid's (the neck at 240 px: 25 px apart)
    thyroid, para = (
        data["at"][index["front.thyroid"]],
        data["at"][index["front.parathyroid-glands"]],
    )
    neck = dict((z[0], z) for z in zooms["front"])["neck"][2]
    apart = ((thyroid[0] - para[0]) ** 2 + (thyroid[1] - para[1]) ** 2) ** 0.5
    assert apart * min(240 / neck[2], 438 / neck[3]) >= 25
