"""Zone outlines in canvas pixels, for the page's instant outline of a clicked zone.

A click on the explorer's map travels to the kernel, which marks the zone and sends the
changed pixels back. In JupyterLab that round trip waits behind the page's own work
(kernel status, toolbars, layout): 60-90 ms on a two-core machine. So the page does not wait
to show *where* the click landed: it hit-tests the zone outlines it was given for the current
layout and draws the clicked zone's outline at once, in the selection's line style (a
pre-rendered sprite per zone, composited onto the canvas). The kernel's frame, with the map
dimmed around the selection, replaces it a moment later; if none comes (the zone was already
selected), the page restores the last frame itself.

The outlines are sent once per layout (size, foot, view, labels), never per click, as a JSON
document in an attribute of a hidden HTML widget (:func:`outlines_html`).

Examples
--------
>>> import json, footmap, matplotlib.pyplot as plt
>>> from footmap import render
>>> fig, ax = plt.subplots(figsize=(4, 3), dpi=100)
>>> art = render.plot_map(footmap.load(), ax=ax, views=("plantar",), title=False, legend=False)
>>> doc = json.loads(outlines_json(art))
>>> doc["w"], doc["h"], len(doc["zones"]) == len(art.zones)
(400, 300, True)
>>> plt.close(fig)
"""

from __future__ import annotations

import html
import json
from typing import Any

import numpy as np

__all__ = ["EDGE", "LINE_POINTS", "outlines_html", "outlines_json"]

#: The outline the page draws: the explorer's "selected" mark (colour, width in points).
EDGE = "#111111"
LINE_POINTS = 2.0


def outlines_json(artists: Any, *, preview: bool = True) -> str:
    """The drawn zones' outlines in canvas pixels (from the top-left corner), as JSON.

    Parameters
    ----------
    artists : MapArtists
        A map laid out on its figure (drawn, or after ``draw_without_rendering``).
    preview : bool
        Whether the page may draw an outline on a click (False where a click does not
        select, as in a quiz).

    Returns
    -------
    str
        ``{"w", "h"}``: the figure's size in pixels (the canvas buffer's); ``"lw"``: the line
        width in pixels; ``"edge"``; ``"preview"``; ``"zones"``: ``[id, [ring, ...]]`` in the
        map's hit order, each ring a flat list ``[x0, y0, x1, y1, ...]`` rounded to 0.1 px;
        ``"panels"``: ``[foot, view, left, top, right, bottom]``, each foot's outline box;
        ``"text_px"``: the smallest label or callout number drawn, in pixels.
    """
    fig = artists.ax.figure
    width, height = fig.bbox.size
    trans = artists.ax.transData
    zones = []
    for zone, path in zip(artists.zones, artists.collection.get_paths(), strict=True):
        rings = []
        for ring in path.to_polygons(trans):
            pts = np.round(np.column_stack([ring[:, 0], height - ring[:, 1]]), 1)
            keep = np.ones(len(pts), bool)
            keep[1:] = (np.diff(pts, axis=0) != 0).any(axis=1)  # repeated points add nothing
            rings.append(pts[keep].ravel().tolist())
        zones.append([zone.id, rings])
    panels = []
    for p in artists.layout.panels if artists.layout is not None else ():
        x0, y0, x1, y1 = p.box
        (a, b), (c, d) = trans.transform([(x0, y0), (x1, y1)])
        panels.append(
            [p.foot, p.view, *(round(float(v), 1) for v in (a, height - d, c, height - b))]
        )
    sizes = [t.get_fontsize() for t in artists.labels if t.get_visible()]
    doc = {
        "panels": panels,
        "text_px": round(min(sizes) * fig.dpi / 72.0, 1) if sizes else None,
        "w": round(width),
        "h": round(height),
        "lw": round(LINE_POINTS * fig.dpi / 72.0, 2),
        "edge": EDGE,
        "preview": bool(preview),
        "zones": zones,
    }
    return json.dumps(doc, separators=(",", ":"))


def outlines_html(artists: Any, *, preview: bool = True) -> str:
    """:func:`outlines_json` in the ``data-fm-geo`` attribute of an empty ``div``."""
    data = html.escape(outlines_json(artists, preview=preview), quote=True)
    return f'<div class="fm-geo-data" aria-hidden="true" data-fm-geo="{data}"></div>'
