"""What a drawn map knows: the artists of one :func:`~footmap.render.plot_map` call.

:class:`MapArtists` keeps the zone <-> path index explicit, so a click, a colour and a label
always refer to the same zone; :func:`set_highlight` and :func:`recolor_labels` change the
drawn map in place; :class:`NumberKey` is the key to the callout numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.collections import PatchCollection
from matplotlib.colorbar import Colorbar
from matplotlib.colors import to_rgba
from matplotlib.legend import Legend
from matplotlib.path import Path
from matplotlib.text import Text
from shapely.geometry.base import BaseGeometry

from footmap import style as palette
from footmap.chart.model import Chart, Zone
from footmap.chart.query import HighlightSpec, resolve
from footmap.render.layout import LABEL_PT, Layout

__all__ = [
    "HIGHLIGHT_EDGE",
    "HIGHLIGHT_LW",
    "ZONE_LW",
    "MapArtists",
    "NumberKey",
    "locate",
    "recolor_labels",
    "geometry_path",
    "set_highlight",
]


ZONE_LW = 0.45


HIGHLIGHT_LW = 1.8


HIGHLIGHT_EDGE = "#111111"


@dataclass(eq=False)
class MapArtists:
    """Everything :func:`plot_map` drew, with the zone <-> path index kept explicit.

    Attributes
    ----------
    ax : matplotlib.axes.Axes
    chart : Chart
    zones : tuple of Zone
        ``zones[i]`` is drawn by path ``i`` of :attr:`collection`.
    collection : matplotlib.collections.PatchCollection
        The one collection holding every zone.
    outlines : list of Artist
        Foot outlines (one compound patch per panel, toes included) and panel headings.
    labels : list of matplotlib.text.Text
        Labels inside zones and callout numbers.
    legend : matplotlib.legend.Legend or None
        The body-system legend.
    panels : dict
        ``(foot, view) -> (dx, dy)``: the offset of that panel's millimetre frame in the
        Axes' data coordinates (data = local + offset).
    leaders : list of Artist
        Callout leader lines and their anchor dots.
    key : NumberKey or None
        The numbered key of callouts (``key.get_texts()``: one text per column).
    colorbar : matplotlib.colorbar.Colorbar or None
        Present when colouring by a value.
    hatches : list of PatchCollection
        Per-system hatch overlays (``hatch=True``), drawn over the zones.
    disagreements : PatchCollection or None
        Dashed outlines of the zones where charts disagree (``disagreements=True``; see
        :mod:`footmap.render.disagreements`).
    values : numpy.ndarray or None
        The per-zone values when colouring by a value (NaN where unknown).
    highlighted : tuple of str
        Ids of the zones currently highlighted.
    """

    ax: Axes
    chart: Chart
    zones: tuple[Zone, ...]
    collection: PatchCollection
    outlines: list[Artist]
    labels: list[Text]
    legend: Legend | None
    panels: dict[tuple[str, str], tuple[float, float]]
    leaders: list[Artist] = field(default_factory=list)
    key: NumberKey | None = None
    colorbar: Colorbar | None = None
    hatches: list[PatchCollection] = field(default_factory=list)
    disagreements: PatchCollection | None = None
    values: np.ndarray | None = None
    highlighted: tuple[str, ...] = ()
    # internals ------------------------------------------------------------------------------
    layout: Layout | None = field(default=None, repr=False)
    face: np.ndarray = field(default_factory=lambda: np.zeros((0, 4)), repr=False)
    index: dict[str, int] = field(default_factory=dict, repr=False)
    labels_on: bool = field(default=True, repr=False)
    panel_of: np.ndarray = field(default_factory=lambda: np.zeros(0, int), repr=False)
    label_only: frozenset[int] | None = field(default=None, repr=False)
    label_pt: float = field(default=LABEL_PT, repr=False)
    key_pt: float = field(default=0.0, repr=False)
    draw_key: bool = field(default=True, repr=False)

    def locate(self, x: float, y: float) -> tuple[str, str, float, float] | None:
        """Map a point in Axes data coordinates to ``(foot, view, local x, local y)``.

        Returns ``None`` outside every panel.
        """
        return locate(self, x, y)

    def zone_at(self, x: float, y: float) -> Zone | None:
        """The zone under a point in Axes data coordinates, or ``None``."""
        where = locate(self, x, y)
        return None if where is None else self.chart.zone_at(*where)

    def set_highlight(self, zone_ids: HighlightSpec) -> None:
        """Emphasise ``zone_ids`` and dim the rest; an empty selection clears the highlight.

        Only the zone collection's face colours, edge colours and line widths change, so this
        is cheap enough to call on every click. Accepts anything :func:`resolve` does.
        """
        set_highlight(self, zone_ids)

    def set_labels_visible(self, visible: bool) -> None:
        """Show or hide labels, callout numbers, leader lines and the key."""
        self.labels_on = bool(visible)
        for a in [*self.labels, *self.leaders, self.key]:
            if a is not None:
                a.set_visible(self.labels_on)
        self.ax.figure.stale = True


def locate(artists: MapArtists, x: float, y: float) -> tuple[str, str, float, float] | None:
    """Map Axes data coordinates to ``(foot, view, local x, local y)``; ``None`` off-panel."""
    if artists.layout is None or x is None or y is None:
        return None
    for p in artists.layout.panels:
        x0, y0, x1, y1 = p.box
        if x0 - 1 <= x <= x1 + 1 and y0 - 1 <= y <= y1 + 1:
            return (p.foot, p.view, float(x - p.offset[0]), float(y - p.offset[1]))
    return None


def set_highlight(artists: MapArtists, spec: HighlightSpec) -> None:
    """Emphasise the zones named by ``spec`` and dim the others, in place.

    Updates only the zone collection (face colours, edge colours, line widths). An empty
    ``spec`` restores the plain colouring.

    Parameters
    ----------
    artists : MapArtists
    spec : str, Zone, iterable or None
        See :func:`resolve`; zones not on the drawn panels are ignored.
    """
    chosen = resolve(artists.chart, spec)
    n = len(artists.zones)
    mask = np.zeros(n, bool)
    idx = [artists.index[z.id] for z in chosen if z.id in artists.index]
    mask[idx] = True
    face = artists.face.copy()
    edge = np.tile(to_rgba(palette.EDGE), (n, 1))
    width = np.full(n, ZONE_LW)
    if mask.any():
        face[~mask, 3] = palette.DIM_ALPHA
        edge[~mask, 3] = 0.35
        edge[mask] = to_rgba(HIGHLIGHT_EDGE)
        width[mask] = HIGHLIGHT_LW
    coll = artists.collection
    coll.set_facecolor(face)
    # matplotlib's stubs omit the (N, 4) and (N,) arrays these setters take per element
    coll.set_edgecolor(edge)  # type: ignore[arg-type]
    coll.set_linewidth(width)  # type: ignore[arg-type]
    artists.highlighted = tuple(artists.zones[i].id for i in np.flatnonzero(mask))
    recolor_labels(artists)
    artists.ax.figure.stale = True


def recolor_labels(artists: MapArtists) -> None:
    """Keep in-zone labels and numbers readable on their zone's current (possibly dimmed) fill."""
    face = np.asarray(artists.collection.get_facecolor())  # an (N, 4) array: RGBA per zone
    paper = np.array(to_rgba(palette.OUTLINE_FACE)[:3])
    for t in artists.labels:
        gid = t.get_gid() or ""
        if not gid.startswith(("label-", "number-")):
            continue
        i = artists.index.get(gid.split("-", 1)[1])
        if i is None:
            continue
        r, g, b, a = face[i] if len(face) > 1 else face[0]
        seen = a * np.array([r, g, b]) + (1 - a) * paper
        dimmed = a < 0.99
        t.set_color(palette.TEXT_DIM if dimmed else palette.text_color(tuple(seen)))
        t.set_alpha(1.0)  # a translucent label fell below 4.5:1 contrast


class NumberKey(Artist):
    """The key to the callout numbers: a title and balanced columns of ``n  label`` lines.

    Plain :class:`~matplotlib.text.Text` artists on the Axes (one per column), offset in
    points from one anchor in data coordinates: far cheaper to draw than a
    :class:`~matplotlib.legend.Legend`. Showing, hiding and removing the key act on all
    of its texts; :meth:`get_texts` returns the columns, as a legend's would.
    """

    def __init__(self, title: Text, columns: list[Text]) -> None:
        super().__init__()
        self._title = title
        self._columns = list(columns)
        self.set_gid("footmap-key")

    def get_title(self) -> Text:
        """The key's title text."""
        return self._title

    def get_texts(self) -> list[Text]:
        """One text per column, its lines joined by newlines."""
        return list(self._columns)

    def get_children(self) -> list[Artist]:
        """The title and the column texts."""
        return [self._title, *self._columns]

    def set_visible(self, b: bool) -> None:
        """Show or hide the whole key."""
        super().set_visible(b)
        for t in self.get_children():
            t.set_visible(b)

    def remove(self) -> None:
        """Remove every text of the key from its Axes."""
        for t in self.get_children():
            t.remove()

    def draw(self, renderer: Any) -> None:  # the texts are drawn by the Axes
        """Draw nothing: each text is an artist of the Axes."""


def geometry_path(geom: BaseGeometry, dx: float, dy: float) -> Path:
    """One compound path for a Polygon or MultiPolygon, shifted by (dx, dy)."""
    verts: list[tuple[float, float]] = []
    codes: list[int] = []
    for poly in getattr(geom, "geoms", [geom]):
        for ring in (poly.exterior, *poly.interiors):
            xy = [(x + dx, y + dy) for x, y in ring.coords]
            verts += xy
            codes += [int(Path.MOVETO)] + [int(Path.LINETO)] * (len(xy) - 2) + [int(Path.CLOSEPOLY)]
    return Path(verts, codes)
