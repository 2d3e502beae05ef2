"""Is every drawn zone named? Helpers for the export tests (tests/export).

A zone is named by its label inside it (``label-<id>``), its number inside it
(``number-<id>``) or its number in a callout with a leader line (``callout-<id>``).
"""

from __future__ import annotations

import itertools
import re

import shapely

KINDS = ("label-", "number-", "callout-")


def unnamed(artists) -> list[str]:
    gids = {t.get_gid() for t in artists.labels}
    return [z.id for z in artists.zones if not {k + z.id for k in KINDS} & gids]


def leader_crossings(artists) -> list[tuple[int, int]]:
    (lines,) = [a for a in artists.leaders if a.get_gid() == "footmap-leaders"]
    segs = [shapely.LineString(s) for s in lines.get_segments()]
    return [(a, b) for (a, sa), (b, sb) in itertools.combinations(enumerate(segs), 2)
            if sa.crosses(sb)]  # fmt: skip


def leaders_over_text(fig) -> list[tuple[str, str]]:
    """(callout gid, text gid) for each leader line crossing a name or number written inside
    a zone, measured on the drawn figure: the texts' boxes are the renderer's window extents,
    converted to data coordinates, and the leaders are the drawn polylines."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    artists = fig.footmap_artists
    inv = artists.ax.transData.inverted()
    (lines,) = [a for a in artists.leaders if a.get_gid() == "footmap-leaders"]
    callouts = [t for t in artists.labels if t.get_gid().startswith("callout-")]
    segments = lines.get_segments()
    assert len(segments) == len(callouts)
    boxes = []
    for t in artists.labels:
        if t.get_gid().startswith(("label-", "number-")) and t.get_visible():
            e = t.get_window_extent(renderer)
            (x0, y0), (x1, y1) = inv.transform([(e.x0, e.y0), (e.x1, e.y1)])
            boxes.append((t.get_gid(), shapely.box(min(x0, x1), min(y0, y1), max(x0, x1),
                                                   max(y0, y1))))  # fmt: skip
    tree = shapely.STRtree([b for _, b in boxes])
    found = []
    for t, seg in zip(callouts, segments, strict=True):
        for k in tree.query(shapely.LineString(seg), predicate="intersects"):
            found.append((t.get_gid(), boxes[k][0]))
    return found


def key_on_feet(fig) -> list[str]:
    """Key texts whose box touches a foot outline (pixels)."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    artists = fig.footmap_artists
    feet = []
    for o in artists.outlines:
        if (o.get_gid() or "").startswith("outline-"):
            polys = o.get_path().to_polygons(o.get_transform())
            feet.append(shapely.union_all([shapely.Polygon(p) for p in polys if len(p) > 2]))
    bad = []
    for t in artists.key.get_children():
        b = t.get_window_extent(renderer)
        if any(shapely.box(b.x0, b.y0, b.x1, b.y1).intersects(f) for f in feet):
            bad.append(t.get_text()[:20])
    return bad


def key_numbers(artists) -> set[int]:
    text = "\n".join(t.get_text() for t in artists.key.get_texts())
    return {int(m) for m in re.findall(r"^\s*(\d+)  ", text, re.M)}
