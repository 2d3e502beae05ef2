"""An anatomy layer over a drawn map: the foot's own nerves, bones or dermatomes.

:func:`plot_anatomy_layer` draws one kind of structure of a foot-anatomy chart
(``footmap.load_anatomy()``) over the zones of an existing :func:`~footmap.render.plot_map`,
on the panels that map drew, in a style of its own so that it never reads as more reflexology:

* nerve territories: pale fills, each with its own hatch, and thin blue-grey boundaries;
* bones: ivory with a brown outline;
* dermatomes: dashed dark-red boundaries, each band labelled with its root, marked approximate.

The zones under it fade towards the skin colour (``fade``), and the layer has a legend of its
own (under the system legend, or in the map's lower left corner), headed as schematic
anatomy. :meth:`AnatomyLayer.remove` takes it all away
and gives the zones their colours back.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import shapely
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from matplotlib.legend import Legend
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, PathPatch
from matplotlib.text import Text
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

from footmap import style as palette
from footmap.chart.model import AnatomyChart, Structure
from footmap.errors import FootmapError
from footmap.render.artists import MapArtists, geometry_path, set_highlight
from footmap.render.layout import HATCH_Z, LEADER_Z

__all__ = [
    "BONE_EDGE",
    "BONE_FACE",
    "DERMATOME_COLOR",
    "LAYER_ALPHA",
    "LAYER_KINDS",
    "LEGEND_NOTES",
    "LEGEND_TITLES",
    "NERVE_EDGE",
    "NERVE_HATCH",
    "NERVE_STYLES",
    "AnatomyLayer",
    "legend_size",
    "plot_anatomy_layer",
]

#: Layer names -> structure kind (the plural is what ``--layer`` takes).
LAYER_KINDS = {
    "nerve": "nerve",
    "nerves": "nerve",
    "bone": "bone",
    "bones": "bone",
    "dermatome": "dermatome",
    "dermatomes": "dermatome",
}
#: Nerve territory (the slug of its structure id) -> (pale fill, hatch).
NERVE_STYLES: dict[str, tuple[str, str]] = {
    "medial-plantar": ("#cfe3f5", "////"),
    "lateral-plantar": ("#f8dcc4", "\\\\\\\\"),
    "medial-calcaneal": ("#e2d6ef", "...."),
    "sural": ("#d4ecd4", "||||"),
    "saphenous": ("#f6e7a8", "----"),
    "superficial-fibular": ("#d7e9ee", "xx"),
    "deep-fibular": ("#f5c9d3", "oo"),
}
_NERVE_FALLBACK = ("#e6e6e6", "++")
#: Boundaries of the nerve territories, and their hatch lines.
NERVE_EDGE = "#5f7f9c"
NERVE_HATCH = "#8fa6ba"
#: Bones: ivory, outlined in brown.
BONE_FACE = "#fbf6e4"
BONE_EDGE = "#6b5a3a"
#: Dermatome boundaries and labels.
DERMATOME_COLOR = "#8a1c1c"
#: Opacity of nerve fills and bones over the faded zones.
LAYER_ALPHA = {"nerve": 0.8, "bone": 0.9}
LAYER_Z = (HATCH_Z + LEADER_Z) / 2 - 0.05  # over the zones and hatches, under leaders and labels
LEGEND_TITLES = {
    "nerve": "Anatomy (schematic):\nskin supplied by each nerve",
    "bone": "Anatomy (schematic):\nthe bones of the foot",
    "dermatome": "Anatomy (schematic):\ndermatomes, approximate",
}
LEGEND_NOTES = {
    "nerve": "Boundaries vary between\npeople and textbooks.",
    "bone": "26 per foot; from below only\nthe head of the talus shows.",
    "dermatome": "Dermatome maps disagree\nbetween sources.",
}


@dataclass(eq=False)
class AnatomyLayer:
    """What :func:`plot_anatomy_layer` drew.

    Attributes
    ----------
    kind : str
        ``"nerve"``, ``"bone"`` or ``"dermatome"``.
    structures : tuple of Structure
        ``structures[i]`` is drawn by ``patches[i]`` (nerves and bones; for dermatomes the
        patches are invisible fills that keep the index, the dashed lines are in ``lines``).
    patches : list of PathPatch
        One per structure, gid ``anatomy-<structure id>``.
    lines : list of Line2D
        Dermatome boundaries (dashed).
    labels : list of Text
        Dermatome labels (their roots).
    legend : matplotlib.legend.Legend
        The layer's own legend.
    """

    artists: MapArtists
    kind: str
    structures: tuple[Structure, ...]
    patches: list[PathPatch]
    lines: list[Line2D] = field(default_factory=list)
    labels: list[Text] = field(default_factory=list)
    legend: Legend | None = None
    face: np.ndarray | None = field(default=None, repr=False)  # the zones' colours before

    def remove(self) -> None:
        """Remove the layer and its legend, and give the zones their colours back."""
        for a in [*self.patches, *self.lines, *self.labels]:
            a.remove()
        if self.legend is not None:
            self.legend.remove()
        self.patches, self.lines, self.labels, self.legend = [], [], [], None
        if self.face is not None:
            self.artists.face = self.face
            set_highlight(self.artists, self.artists.highlighted)
        self.artists.ax.figure.stale = True


def _slug(structure: Structure) -> str:
    return structure.id.rsplit(".", 1)[-1]


def _name(structure: Structure) -> str:
    return structure.name + (f" ({structure.roots})" if structure.roots else "")


def plot_anatomy_layer(
    artists: MapArtists,
    anatomy_chart: AnatomyChart,
    kind: str,
    *,
    fade: float = 0.75,
    legend_box: tuple[float, float, float, float] | None = None,
) -> AnatomyLayer:
    """Draw one kind of the foot's own anatomy over the zones of a drawn map.

    Parameters
    ----------
    artists : MapArtists
        What :func:`~footmap.render.plot_map` returned; the layer goes on its panels.
    anatomy_chart : AnatomyChart
        ``footmap.load_anatomy()`` (drawn in the same frame as the reflexology chart).
    kind : str
        ``"nerves"``, ``"bones"`` or ``"dermatomes"`` (or the singular).
    fade : float, optional
        How far the zones' fills fade towards the skin colour (0 keeps them, 1 leaves only
        their outlines), so the anatomy reads first.
    legend_box : tuple of float, optional
        Where the layer's legend goes (figure inches: x, y bottom, width, height), in as
        many columns as fit its width (a page keeps a band under its map for it; see
        :func:`legend_size`). Without it the legend takes the free room nearest to under
        the system legend (beside the map) or to the map's lower left corner.

    Returns
    -------
    AnatomyLayer

    Raises
    ------
    FootmapError
        An unknown kind, or a ``fade`` outside 0 to 1.

    Examples
    --------
    >>> import footmap
    >>> from footmap.render import plot_map
    >>> from footmap.render.anatomy import plot_anatomy_layer
    >>> m = plot_map(footmap.load(), feet="left", labels=False)
    >>> layer = plot_anatomy_layer(m, footmap.load_anatomy(), "nerves")
    >>> [s.name for s in layer.structures][:2]
    ['Sural nerve', 'Saphenous nerve']
    """
    if kind not in LAYER_KINDS:
        raise FootmapError(f"unknown anatomy layer {kind!r}: use nerves, bones or dermatomes")
    if not 0.0 <= fade <= 1.0:
        raise FootmapError(f"fade must be between 0 and 1, not {fade!r}")
    kind = LAYER_KINDS[kind]
    ax = artists.ax
    layer = AnatomyLayer(artists=artists, kind=kind, structures=(), patches=[])
    if fade > 0:
        layer.face = artists.face.copy()
        paper = np.array(to_rgba(palette.OUTLINE_FACE))
        faded = artists.face * (1 - fade) + paper * fade
        faded[:, 3] = artists.face[:, 3]
        artists.face = faded
        set_highlight(artists, artists.highlighted)
    structures: list[Structure] = []
    used: dict[str, Structure] = {}
    for (foot, view), (dx, dy) in artists.panels.items():
        members = anatomy_chart.structures_on(foot, view, kind)
        for s in members:
            structures.append(s)
            used.setdefault(_slug(s), s)
            layer.patches.append(_patch(s, dx, dy))
        if kind == "dermatome" and members:
            outline = anatomy_chart.outline(foot, view).geometry
            _dermatome_lines(layer, members, outline, dx, dy)
    for p in layer.patches:
        p.set_in_layout(False)
        ax.add_artist(p)
    layer.structures = tuple(structures)
    layer.legend = _legend(artists, kind, list(used.values()), legend_box)
    ax.figure.stale = True
    return layer


def _patch(s: Structure, dx: float, dy: float) -> PathPatch:
    """The patch of one structure in the layer's style."""
    gid = f"anatomy-{s.id}"
    path = geometry_path(s.geometry, dx, dy)
    if s.kind == "nerve":
        fill, hatch = NERVE_STYLES.get(_slug(s), _NERVE_FALLBACK)
        patch = PathPatch(
            path,
            facecolor=to_rgba(fill, LAYER_ALPHA["nerve"]),
            edgecolor=NERVE_EDGE,
            linewidth=0.8,
            hatch=hatch,
            zorder=LAYER_Z,
            gid=gid,
        )
        patch.set_hatchcolor(NERVE_HATCH)
        return patch
    if s.kind == "bone":
        return PathPatch(
            path,
            facecolor=to_rgba(BONE_FACE, LAYER_ALPHA["bone"]),
            edgecolor=BONE_EDGE,
            linewidth=0.7,
            zorder=LAYER_Z,
            gid=gid,
        )
    # dermatome: an invisible fill keeps the structure <-> patch index (and a tooltip target)
    return PathPatch(path, facecolor="none", edgecolor="none", zorder=LAYER_Z, gid=gid)


def _dermatome_lines(
    layer: AnatomyLayer,
    members: tuple[Structure, ...],
    outline: BaseGeometry,
    dx: float,
    dy: float,
) -> None:
    """Dashed boundaries between a panel's dermatome bands, and each band's root as a label."""
    ax = layer.artists.ax
    inner = unary_union([m.geometry.boundary for m in members]).difference(
        outline.boundary.buffer(0.4)
    )
    for g in getattr(inner, "geoms", [inner]):
        if g.is_empty or g.length < 2.0:
            continue
        xs, ys = g.xy
        line = Line2D(
            np.asarray(xs) + dx,
            np.asarray(ys) + dy,
            color=DERMATOME_COLOR,
            linewidth=1.3,
            linestyle=(0, (4, 2.5)),
            zorder=LAYER_Z + 0.02,
            gid="anatomy-dermatome-boundary",
        )
        line.set_in_layout(False)
        ax.add_line(line)
        layer.lines.append(line)
    for m in members:
        parts = list(getattr(m.geometry, "geoms", [m.geometry]))
        p = max(parts, key=lambda q: q.area).representative_point()
        t = ax.text(
            p.x + dx,
            p.y + dy,
            m.roots or m.name,
            color=DERMATOME_COLOR,
            fontsize=8,
            fontweight="bold",
            ha="center",
            va="center",
            zorder=LAYER_Z + 0.03,
            gid=f"anatomy-label-{m.id}",
            bbox={
                "boxstyle": "round,pad=0.15",
                "fc": "white",
                "ec": DERMATOME_COLOR,
                "lw": 0.6,
                "alpha": 0.9,
            },
        )
        t.set_in_layout(False)
        _clear_of(t, max(parts, key=lambda q: q.area), layer.labels, dx, dy)
        layer.labels.append(t)


def _clear_of(t: Text, band: BaseGeometry, others: list[Text], dx: float, dy: float) -> None:
    """Move a dermatome label within its band until it overlaps no label before it."""
    renderer = _renderer(t.get_figure(root=True))
    if renderer is None or not others:
        return
    kept = [o.get_window_extent(renderer) for o in others]

    def clash() -> bool:
        box = t.get_window_extent(renderer)
        return any(box.overlaps(k) for k in kept)

    if not clash():
        return
    x0, y0, x1, y1 = band.bounds
    start = band.representative_point()
    xs, ys = np.meshgrid(np.linspace(x0, x1, 15), np.linspace(y0, y1, 15))
    points = [p for p in shapely.points(xs.ravel(), ys.ravel()) if band.contains(p)]
    points.sort(key=lambda p: p.distance(start))
    for p in points:
        t.set_position((p.x + dx, p.y + dy))
        if not clash():
            return
    t.set_position((start.x + dx, start.y + dy))


def _beside(artists: MapArtists) -> bool:
    """Whether the map's system legend stands beside the Axes, on the right."""
    leg = artists.legend
    if leg is None:
        return False
    anchor = leg.get_bbox_to_anchor()
    return bool(anchor.x0 >= artists.ax.bbox.x1 - 1.0)


def _wrap(text: str, width: int = 26) -> str:
    return "\n".join(textwrap.wrap(text, width))


#: Text sizes (points) the layer's legend tries, largest first, before it gives up on a
#: free place and stands in its default one.
LEGEND_PT = (7.5, 6.8, 6.2)


def _handles(kind: str, shown: list[Structure]) -> list[Artist]:
    handles: list[Artist] = []
    if kind == "nerve":
        for s in shown:
            fill, hatch = NERVE_STYLES.get(_slug(s), _NERVE_FALLBACK)
            handles.append(
                Patch(facecolor=fill, edgecolor=NERVE_EDGE, hatch=hatch, label=_wrap(_name(s)))
            )
    elif kind == "bone":
        handles.append(Patch(facecolor=BONE_FACE, edgecolor=BONE_EDGE, label="Bone"))
    else:
        handles.append(
            Line2D(
                [],
                [],
                color=DERMATOME_COLOR,
                linestyle=(0, (4, 2.5)),
                linewidth=1.3,
                label="Dermatome boundary",
            )
        )
    handles.append(Patch(facecolor="none", edgecolor="none", label=LEGEND_NOTES[kind]))
    return handles


def _make_legend(
    parent: Axes | Figure, kind: str, handles: list[Artist], size: float, ncol: int
) -> Legend:
    leg = Legend(
        parent,
        handles,
        [str(h.get_label()) for h in handles],
        loc="lower left",
        ncol=ncol,
        fontsize=size,
        title=LEGEND_TITLES[kind],
        title_fontsize=size + 1.0,
        frameon=True,
        fancybox=False,
        edgecolor={"nerve": NERVE_EDGE, "bone": BONE_EDGE}.get(kind, DERMATOME_COLOR),
    )
    leg.set_gid(f"anatomy-legend-{kind}")
    leg.set_in_layout(False)  # the map's layout is done: the legend must not move the Axes
    return leg


def legend_size(
    fig: Figure, anatomy_chart: AnatomyChart, kind: str, panels: list[tuple[str, str]], width: float
) -> tuple[float, float]:
    """Width and height (inches) of the layer's legend in as many columns as fit ``width`` (in).

    For a page that keeps room of its own for the legend (``legend_box`` of
    :func:`plot_anatomy_layer`): the structures of ``panels`` ((foot, view) pairs); one
    column when no more fit.
    """
    kind = LAYER_KINDS.get(kind, kind)
    used: dict[str, Structure] = {}
    for foot, view in panels:
        for s in anatomy_chart.structures_on(foot, view, kind):
            used.setdefault(_slug(s), s)
    renderer = _renderer(fig)
    handles = _handles(kind, list(used.values()))
    if renderer is None:
        return (2.0, 2.5)
    for ncol in range(len(handles), 0, -1):
        leg = _make_legend(fig, kind, handles, LEGEND_PT[0], ncol)
        box = leg.get_window_extent(renderer)
        if box.width <= width * fig.dpi or ncol == 1:
            return (float(box.width / fig.dpi), float(box.height / fig.dpi))
    raise AssertionError("unreachable")  # pragma: no cover


def _renderer(fig: Figure | None):  # noqa: ANN202 - a matplotlib renderer, or None
    get = getattr(fig.canvas, "get_renderer", None) if fig is not None else None
    return get() if get is not None else None


def _legend(
    artists: MapArtists,
    kind: str,
    shown: list[Structure],
    box: tuple[float, float, float, float] | None = None,
) -> Legend:
    """The layer's own legend, apart from the system legend (it never replaces it).

    In ``box`` (figure inches: x, y bottom, width, height) when given, centred, in as many
    columns as fit its width. Else in the free room of the map's part of the figure (the layout
    engine's rectangle): clear of the feet, the system legend, the key and every text, as
    near as it can to under the system legend when that stands beside the map, or to the
    map's lower left corner; a smaller text when it fits nowhere; failing that, there.
    """
    ax = artists.ax
    fig = ax.get_figure(root=True)
    beside = _beside(artists)
    handles = _handles(kind, shown)
    renderer = _renderer(fig)
    if box is not None and renderer is not None and fig is not None:
        x, y, w, h = (v * fig.dpi for v in box)
        for ncol in range(len(handles), 0, -1):
            leg = _make_legend(ax, kind, handles, LEGEND_PT[0], ncol)
            if leg.get_window_extent(renderer).width <= w or ncol == 1:
                break
        ax.add_artist(leg)
        ext = leg.get_window_extent(renderer)
        left, low = x + max((w - ext.width) / 2, 0.0), y + max((h - ext.height) / 2, 0.0)
        _anchor_at(leg, left, low, renderer)
        return leg
    leg = _make_legend(ax, kind, handles, LEGEND_PT[0], 1)
    leg.set_bbox_to_anchor((1.0, 0.0) if beside else (0.0, 0.0), transform=ax.transAxes)
    ax.add_artist(leg)
    if renderer is None or fig is None:
        return leg
    if _place_free(leg, artists, beside, renderer):
        return leg
    for size in LEGEND_PT[1:]:
        leg.remove()
        leg = _make_legend(ax, kind, handles, size, 1)
        leg.set_bbox_to_anchor((1.0, 0.0) if beside else (0.0, 0.0), transform=ax.transAxes)
        ax.add_artist(leg)
        if _place_free(leg, artists, beside, renderer):
            return leg
    leg.remove()
    leg = _make_legend(ax, kind, handles, LEGEND_PT[0], 1)
    leg.set_bbox_to_anchor((1.0, 0.0) if beside else (0.0, 0.0), transform=ax.transAxes)
    ax.add_artist(leg)
    if beside:
        _keep_on_figure(leg, ax)
    return leg


def _obstacles(artists: MapArtists, leg: Legend, renderer: Any) -> BaseGeometry:
    """What the layer's legend must keep off (pixels): the feet, texts, legends, leaders."""
    ax = artists.ax
    fig = ax.get_figure(root=True)
    assert fig is not None
    shapes: list[BaseGeometry] = []
    for o in artists.outlines:
        if (o.get_gid() or "").startswith("outline-") and isinstance(o, Patch):
            polys = o.get_path().to_polygons(o.get_transform())
            shapes += [shapely.Polygon(p).buffer(0) for p in polys if np.shape(p)[0] > 2]
    own = {id(t) for t in [*leg.get_texts(), leg.get_title()]}
    for t in fig.findobj(Text):
        if id(t) in own or not t.get_visible() or not t.get_text().strip():
            continue
        b = t.get_window_extent(renderer)
        shapes.append(shapely.box(b.x0, b.y0, b.x1, b.y1))
    for other in [*fig.legends, *(a.get_legend() for a in fig.axes)]:
        if other is not None and other is not leg:
            b = other.get_window_extent(renderer)
            shapes.append(shapely.box(b.x0, b.y0, b.x1, b.y1))
    for other_ax in fig.axes:
        if other_ax is not ax:  # another drawing (the body figure's)
            b = other_ax.get_tightbbox(renderer) or other_ax.bbox
            shapes.append(shapely.box(b.x0, b.y0, b.x1, b.y1))
    for a in artists.leaders:
        if isinstance(a, LineCollection):
            for seg in a.get_segments():
                xy = np.asarray(seg, float)
                if len(xy) > 1:
                    shapes.append(shapely.LineString(a.get_transform().transform(xy)))
    return shapely.union_all(shapes)


def _area(artists: MapArtists) -> tuple[float, float, float, float]:
    """The part of the figure the map may use (pixels): the layout engine's rectangle."""
    fig = artists.ax.get_figure(root=True)
    assert fig is not None
    engine = fig.get_layout_engine()
    rect = engine.get().get("rect") if engine is not None else None
    W, H = fig.bbox.width, fig.bbox.height
    if rect is None or len(rect) != 4:
        rect = (0.0, 0.0, 1.0, 1.0)
    x0, y0, w, h = rect
    return (x0 * W, y0 * H, (x0 + w) * W, (y0 + h) * H)


def _place_free(leg: Legend, artists: MapArtists, beside: bool, renderer: Any) -> bool:
    """Move ``leg`` to the free place nearest its preferred one; False if there is none."""
    ax = artists.ax
    fig = ax.get_figure(root=True)
    assert fig is not None
    ext = leg.get_window_extent(renderer)
    w, h = ext.width, ext.height
    pad = max(3.0, 0.04 * fig.dpi)  # text measured at the figure's dpi grows a little when saved
    x0, y0, x1, y1 = _area(artists)
    x0, y0, x1, y1 = x0 + pad, y0 + pad, x1 - pad - w, y1 - pad - h
    if x1 < x0 or y1 < y0:
        return False
    if beside and artists.legend is not None:
        sys_box = artists.legend.get_window_extent(renderer)
        want = (sys_box.x0 + 4.0, sys_box.y0 - 2 * pad - h)
    else:
        want = (ax.bbox.x0, ax.bbox.y0)
    step = max(4.0, 0.05 * fig.dpi)
    xs = np.unique(np.clip(np.r_[np.arange(x0, x1 + step, step), want[0]], x0, x1))
    ys = np.unique(np.clip(np.r_[np.arange(y0, y1 + step, step), want[1]], y0, y1))
    gx, gy = (g.ravel() for g in np.meshgrid(xs, ys))
    order = np.argsort(np.hypot(gx - want[0], gy - want[1]), kind="stable")
    gx, gy = gx[order], gy[order]
    blocked = _obstacles(artists, leg, renderer)
    shapely.prepare(blocked)
    boxes = shapely.box(gx - pad, gy - pad, gx + w + pad, gy + h + pad)
    free = np.flatnonzero(~shapely.intersects(blocked, boxes))
    if not free.size:
        return False
    k = int(free[0])
    _anchor_at(leg, float(gx[k]), float(gy[k]), renderer)
    return True


def _anchor_at(leg: Legend, x: float, y: float, renderer: Any) -> None:
    """Stand the frame of ``leg`` with its lower left corner at (x, y) (figure pixels)."""
    fig = leg.get_figure(root=True)
    assert fig is not None
    leg.set_loc("lower left")
    for _ in range(2):  # the frame stands borderaxespad inside its anchor: correct for it
        box = leg.get_window_extent(renderer)
        anchor = leg.get_bbox_to_anchor()
        ax0 = anchor.x0 + (x - box.x0)
        ay0 = anchor.y0 + (y - box.y0)
        leg.set_bbox_to_anchor(
            (ax0 / fig.bbox.width, ay0 / fig.bbox.height), transform=fig.transFigure
        )


def _keep_on_figure(leg: Legend, ax: Axes) -> None:
    """Move a legend beside the Axes left until it ends inside the figure, if it pokes out."""
    fig = ax.get_figure(root=True)
    get_renderer = getattr(fig.canvas, "get_renderer", None) if fig is not None else None
    if fig is None or get_renderer is None:
        return
    box = leg.get_window_extent(get_renderer())
    # a margin: text measured at the figure's dpi grows a little at a higher saving dpi
    over = box.x1 - (fig.bbox.x1 - max(8.0, 0.02 * fig.bbox.width))
    if over > 0:
        x0 = (ax.bbox.x1 - over) / fig.bbox.width
        leg.set_bbox_to_anchor((x0, ax.bbox.y0 / fig.bbox.height), transform=fig.transFigure)
