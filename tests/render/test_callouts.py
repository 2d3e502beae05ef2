"""Numbers in the zones where they fit, callouts for the rest, and leader lines that never cross."""

from __future__ import annotations

import itertools

import matplotlib.pyplot as plt
import pytest
import shapely

from footmap.export import figure


def _leaders(artists) -> list[shapely.LineString]:
    (lines,) = [a for a in artists.leaders if a.get_gid() == "footmap-leaders"]
    return [shapely.LineString(seg) for seg in lines.get_segments()]


def crossings(artists) -> list[tuple[int, int]]:
    """Pairs of leader segments that cross (sharing no end point)."""
    segs = _leaders(artists)
    return [
        (a, b) for (a, sa), (b, sb) in itertools.combinations(enumerate(segs), 2) if sa.crosses(sb)
    ]


@pytest.mark.parametrize("views", ["plantar", "all"])
def test_no_two_leader_lines_cross(chart, views):
    fig = figure(chart, views=views, size="a4", orientation="landscape")
    try:
        artists = fig.footmap_artists
        assert len(_leaders(artists)) > 10  # the test has leaders to look at
        assert crossings(artists) == []
    finally:
        plt.close(fig)


def test_a_zone_too_small_for_its_name_shows_its_number_inside(chart):
    fig = figure(chart, views="plantar")
    try:
        artists = fig.footmap_artists
        inside = {
            t.get_gid()[len("number-") :]: t
            for t in artists.labels
            if (t.get_gid() or "").startswith("number-")
        }
        # the pituitary (in the big toe) is number 2, written in the zone
        assert inside["left.plantar.pituitary"].get_text() == "2"
        renderer = fig.canvas.get_renderer()
        inv = artists.ax.transData.inverted()
        for zid, t in inside.items():
            z = chart.zone(zid)
            assert t.get_text() == str(chart.numbers[zid])
            dx, dy = artists.panels[z.foot, z.view]
            (x0, y0), (x1, y1) = inv.transform(t.get_window_extent(renderer).get_points())
            assert z.geometry.contains(shapely.box(x0 - dx, y0 - dy, x1 - dx, y1 - dy)), zid
        # and the key names it
        key = "\n".join(t.get_text() for t in artists.key.get_texts()).splitlines()
        assert " 2  Pituitary" in key
    finally:
        plt.close(fig)


@pytest.mark.parametrize(("views", "size"), [("all", "a4"), ("all", "letter"), ("plantar", "a4")])
def test_every_leader_starts_inside_its_own_zone_and_bends_at_most_once(chart, views, size):
    """A leader that would cross a name or number may start elsewhere in its zone or bend
    once round the text (issue 22): its dot stays inside the zone it names."""
    fig = figure(chart, views=views, size=size)
    try:
        artists = fig.footmap_artists
        (lines,) = [a for a in artists.leaders if a.get_gid() == "footmap-leaders"]
        callouts = [t for t in artists.labels if t.get_gid().startswith("callout-")]
        bends, outside = 0, []
        for t, seg in zip(callouts, lines.get_segments(), strict=True):
            z = chart.zone(t.get_gid()[len("callout-") :])
            dx, dy = artists.panels[z.foot, z.view]
            if not z.geometry.contains(shapely.Point(seg[0][0] - dx, seg[0][1] - dy)):
                outside.append(z.id)
            # a straight leader has 2 points, one more to an outer column (a level run past
            # the inner one), and one more again where it bends
            level = len(seg) >= 3 and seg[-1][1] == seg[-2][1]
            bends += len(seg) - level - 2
            assert len(seg) - level <= 3
        assert outside == []
        assert bends == {("all", "a4"): 5, ("all", "letter"): 4, ("plantar", "a4"): 3}[views, size]
    finally:
        plt.close(fig)


@pytest.mark.parametrize(
    ("views", "counts"),
    [("all", (0, 28, 0, 0)), ("dorsal", (12, 12, 4, 7)), ("medial", (8, 16, 0, 6))],
)
def test_the_trials_measure_the_texts_inside_zones_as_they_are_drawn(chart, views, counts):
    # The trial placements measure the names and numbers written inside zones without
    # drawing them; a box measured so must be the drawn text's, to the last bit (rotated
    # names, two-line names and bold numbers included), or leaders routed in the trials
    # would cross the texts drawn.
    from footmap.render.labels import _draw, _place, _Trials
    from footmap.render.layout import points_per_mm

    fig = figure(chart, views=views, size="a4", orientation="landscape")
    try:
        artists = fig.footmap_artists
        plan = _place(artists, points_per_mm(artists.ax, layout_done=True), frozenset(), {})
        _draw(artists, plan)
        trials = _Trials(artists.ax)
        renderer = fig.canvas.get_renderer()
        kinds = [t.style["gid"].split("-")[0] for t in plan.texts]
        rotated = sum(t.style.get("rotation") == 90.0 for t in plan.texts)
        two_lines = sum("\n" in t.text for t in plan.texts)
        assert (kinds.count("label"), kinds.count("number"), rotated, two_lines) == counts
        drawn = artists.labels[: len(plan.texts)]
        assert [t.get_gid() for t in drawn] == [t.style["gid"] for t in plan.texts]
        for t, text in zip(plan.texts, drawn, strict=True):
            assert trials.extent(t) == tuple(text.get_window_extent(renderer).extents)
    finally:
        plt.close(fig)
