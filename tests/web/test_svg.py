"""One view as inline SVG (footmap.web.svg): leaders are drawn with every point they have."""

from __future__ import annotations

import re

import footmap
from footmap.render.plot import plot_map as real_plot_map
from footmap.web import svg


def _bent(monkeypatch, leader):
    """Lay the plantar view out as the page does, the first callout's leader replaced by
    ``leader`` (data mm, y up); returns (the callout's zone id, the SVG)."""
    first: list[str] = []

    def plot_map(*args, **kwargs):
        arts = real_plot_map(*args, **kwargs)
        segments = arts.leaders[0].get_segments()
        segments[0] = leader
        arts.leaders[0].set_segments(segments)
        first.append(next(t.get_gid() for t in arts.labels if t.get_gid().startswith("callout-")))
        return arts

    monkeypatch.setattr("footmap.web.svg.plot_map", plot_map)
    chart = footmap.load()
    number = {z.id: k for k, z in enumerate(chart.zones)}
    out = svg.view_svg(chart, "plantar", ("left", "right"), number)["svg"]
    return first[0], out


def _callout(out: str, gid: str) -> str:
    (group,) = re.findall(rf'<g class="callout" id="{re.escape(gid)}"[^>]*>.*?</g>', out)
    return group


def test_a_leader_that_bends_is_drawn_as_a_polyline_through_its_three_points(monkeypatch):
    gid, out = _bent(monkeypatch, [(10.0, -20.0), (15.0, -25.5), (30.25, -25.5)])
    group = _callout(out, gid)
    assert re.findall(r"<(?:polyline|path) [^>]*leader[^>]*>", group) == [
        '<polyline class="leader" points="10,20 15,25.5 30.2,25.5"/>'
    ]
    assert '<circle class="dot" cx="10" cy="20"' in group  # the dot where the leader starts


def test_a_leader_that_bends_and_runs_on_keeps_all_four_points(monkeypatch):
    gid, out = _bent(monkeypatch, [(10.0, -20.0), (15.0, -25.0), (30.0, -25.0), (34.0, -25.0)])
    assert '<polyline class="leader" points="10,20 15,25 30,25 34,25"/>' in _callout(out, gid)


def test_a_straight_leader_has_two_points():
    chart = footmap.load()
    number = {z.id: k for k, z in enumerate(chart.zones)}
    out = svg.view_svg(chart, "plantar", ("left", "right"), number)["svg"]
    leaders = re.findall(r'<polyline class="leader" points="([^"]*)"/>', out)
    assert len(leaders) == len(re.findall(r'<g class="callout"', out)) == 10
    assert {len(p.split()) for p in leaders} == {2}
