"""The body figure: where the organs really are, front and back, with some highlighted.

:func:`plot_body` draws a :class:`~footmap.chart.model.BodyChart` (``footmap.load_body()``) on
one Axes: each view's outline, every region faintly in its system's colour, the highlighted
regions in one strong colour with their labels, a note under each view saying on which side
the body's right is, and the artwork's attribution. It returns :class:`BodyArtists`, which
keeps the region <-> patch index explicit (as :class:`~footmap.render.MapArtists` does for
zones). Each region's patch has the gid ``body-<region id>`` (an SVG export writes it as the
element's id; :meth:`BodyArtists.body_area_of` turns it back into the body area).
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import matplotlib.pyplot as plt
from matplotlib.axes import Axes
from matplotlib.patches import PathPatch
from matplotlib.text import Text
from shapely.geometry.base import BaseGeometry

from footmap import style as palette
from footmap.chart.model import BodyChart, Region
from footmap.errors import FootmapError
from footmap.render.artists import geometry_path

__all__ = [
    "BODY_EDGE",
    "BODY_HIGHLIGHT_EDGE",
    "BODY_HIGHLIGHT_FACE",
    "BODY_REGION_ALPHA",
    "SIDE_NOTES",
    "BodyArtists",
    "body_gid",
    "plot_body",
    "region_at",
    "set_body_highlight",
]

#: The highlighted regions: Okabe and Ito's vermilion, apart from every system colour, with a
#: dark edge (3.9:1 against the skin fill, a graphic object's 3:1 met).
BODY_HIGHLIGHT_FACE = "#D55E00"
BODY_HIGHLIGHT_EDGE = "#5C2000"
#: Opacity of the regions that are not highlighted (their system colour, faint).
BODY_REGION_ALPHA = 0.28
#: Edges of the regions that are not highlighted.
BODY_EDGE = "#8c8c8c"
#: What each view's note says (under the view).
SIDE_NOTES = {
    "front": "Front view: the body's right is on your left",
    "back": "Back view: the body's right is on your right",
}
_GAP_MM = 260.0  # between the views, in the body frame's millimetres
_REGION_Z, _HIGHLIGHT_Z, _LABEL_Z = 2.0, 3.0, 4.0


def body_gid(region_id: str) -> str:
    """The gid (SVG id) of a region's patch: ``"body-" + region id``."""
    return f"body-{region_id}"


@dataclass(eq=False)
class BodyArtists:
    """Everything :func:`plot_body` drew, with the region <-> patch index kept explicit.

    Attributes
    ----------
    ax : matplotlib.axes.Axes
    body : BodyChart
    regions : tuple of Region
        ``regions[i]`` is drawn by ``patches[i]``.
    patches : list of matplotlib.patches.PathPatch
        One patch per region, gid ``body-<region id>``.
    outlines : list of PathPatch
        The body's outline in each view drawn.
    labels : list of matplotlib.text.Text
        Labels of the highlighted regions (with their leader lines).
    notes : list of matplotlib.text.Text
        View headings, the side notes under the views and the attribution line.
    panels : dict
        ``view -> (dx, dy)``: the offset of that view's frame in the Axes' data coordinates.
    highlighted : tuple of str
        Ids of the highlighted regions.
    """

    ax: Axes
    body: BodyChart
    regions: tuple[Region, ...]
    patches: list[PathPatch]
    outlines: list[PathPatch]
    labels: list[Text] = field(default_factory=list)
    notes: list[Text] = field(default_factory=list)
    panels: dict[str, tuple[float, float]] = field(default_factory=dict)
    highlighted: tuple[str, ...] = ()
    index: dict[str, int] = field(default_factory=dict, repr=False)

    def patch(self, region_id: str) -> PathPatch:
        """The patch drawing region ``region_id`` (``KeyError`` if it is not drawn)."""
        return self.patches[self.index[region_id]]

    def body_area_of(self, gid: str) -> str | None:
        """The body area of the region whose patch has gid ``gid`` (``None`` for others).

        What an SVG writer puts in ``data-body-area`` beside ``id="body-<region id>"``.
        """
        region_id = gid.removeprefix("body-")
        if not gid.startswith("body-") or region_id not in self.index:
            return None
        return self.regions[self.index[region_id]].body_area


def _resolve(body: BodyChart, highlight: str | Iterable[str] | None) -> set[str]:
    """Region ids for body areas or region ids; an unknown name raises FootmapError."""
    if highlight is None:
        return set()
    names = [highlight] if isinstance(highlight, str) else list(highlight)
    ids: set[str] = set()
    for name in names:
        try:
            ids.add(body.region(name).id)
            continue
        except KeyError:
            found = body.regions_for(name)
        if not found:
            raise FootmapError(f"the body chart has no region for {name!r}")
        ids.update(r.id for r in found)
    return ids


def _label_point(geom: BaseGeometry) -> tuple[float, float]:
    """A point inside the largest part of ``geom``."""
    parts = list(getattr(geom, "geoms", [geom]))
    p = max(parts, key=lambda g: g.area).representative_point()
    return (p.x, p.y)


def plot_body(
    body_chart: BodyChart,
    ax: Axes | None = None,
    views: Sequence[str] = ("front", "back"),
    highlight: str | Iterable[str] | None = None,
) -> BodyArtists:
    """Draw the body figure: where the organs really are.

    Parameters
    ----------
    body_chart : BodyChart
        ``footmap.load_body()``.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure is made when omitted.
    views : sequence of str, optional
        ``"front"``, ``"back"`` or both, side by side in that order.
    highlight : str or iterable of str, optional
        Body areas (``"kidneys"``, matched as :meth:`BodyChart.regions_for` does) or region
        ids (``"front.liver"``) to draw in :data:`BODY_HIGHLIGHT_FACE`, labelled.

    Returns
    -------
    BodyArtists

    Raises
    ------
    FootmapError
        An unknown view or highlight name.

    Examples
    --------
    >>> import footmap
    >>> from footmap.render.body import plot_body
    >>> b = plot_body(footmap.load_body(), highlight="kidneys")
    >>> b.highlighted
    ('back.kidneys', 'front.kidneys')
    >>> b.patch("front.kidneys").get_gid()
    'body-front.kidneys'
    """
    views = tuple(views)
    for view in views:
        if view not in body_chart.views:
            raise FootmapError(f"no {view!r} view in the body chart (views: {body_chart.views})")
    if not views:
        raise FootmapError("plot_body needs at least one view")
    chosen = _resolve(body_chart, highlight)
    if ax is None:
        fig = plt.figure(figsize=(4.2 * len(views) + 1.6, 8.0), layout="constrained")
        ax = fig.add_subplot()
    ax.set_axis_off()
    width = max(
        body_chart.outline(v).geometry.bounds[2] - body_chart.outline(v).geometry.bounds[0]
        for v in views
    )
    panels: dict[str, tuple[float, float]] = {}
    outlines: list[PathPatch] = []
    regions: list[Region] = []
    patches: list[PathPatch] = []
    for k, view in enumerate(views):
        dx, dy = k * (width + _GAP_MM), 0.0
        panels[view] = (dx, dy)
        outline = PathPatch(
            geometry_path(body_chart.outline(view).geometry, dx, dy),
            facecolor=palette.OUTLINE_FACE,
            edgecolor=palette.OUTLINE_EDGE,
            linewidth=0.9,
            zorder=1,
            gid=f"body-outline-{view}",
        )
        ax.add_patch(outline)
        outlines.append(outline)
        # large regions first, so the small organs lie on top of the areas around them
        members = sorted(body_chart.regions_on(view), key=lambda r: -r.geometry.area)
        for z, region in enumerate(members):
            patch = PathPatch(geometry_path(region.geometry, dx, dy), gid=body_gid(region.id))
            _style(patch, region, region.id in chosen, z)
            patch.set_in_layout(False)
            ax.add_artist(patch)  # not add_patch: the limits are set below (4x quicker)
            regions.append(region)
            patches.append(patch)
    artists = BodyArtists(
        ax=ax,
        body=body_chart,
        regions=tuple(regions),
        patches=patches,
        outlines=outlines,
        panels=panels,
        highlighted=tuple(sorted(chosen)),
        index={r.id: i for i, r in enumerate(regions)},
    )
    top = max(body_chart.outline(v).geometry.bounds[3] for v in views)
    margin = 0.42 * width  # room for labels beside each body
    ax.set_xlim(-width / 2 - margin, panels[views[-1]][0] + width / 2 + margin)
    ax.set_ylim(-150.0, top + 110.0)
    ax.set_aspect("equal", adjustable="box")
    _labels(artists, chosen, width / 2)
    for view, (dx, _) in panels.items():
        artists.notes.append(
            ax.text(
                dx,
                top + 55.0,
                view.capitalize(),
                ha="center",
                va="center",
                fontsize=10,
                fontweight="bold",
                color="#333333",
            )
        )
        artists.notes.append(
            ax.text(
                dx,
                -45.0,
                SIDE_NOTES[view],
                ha="center",
                va="top",
                fontsize=7.5,
                color="#333333",
                gid=f"body-note-{view}",
            )
        )
    if body_chart.attribution:
        text = "\n".join(textwrap.wrap(body_chart.attribution, 55 * len(views) + 20))
        artists.notes.append(
            ax.text(
                0.5,
                0.0,
                text,
                transform=ax.transAxes,
                ha="center",
                va="top",
                fontsize=5.5,
                color="#4d4d4d",
                gid="body-attribution",
            )
        )
    return artists


def _style(patch: PathPatch, region: Region, on: bool, z: int) -> None:
    """A region's look: highlighted (vermilion, labelled) or faint in its system's colour."""
    patch.set_facecolor(BODY_HIGHLIGHT_FACE if on else palette.SYSTEM_COLORS[region.system])
    patch.set_edgecolor(BODY_HIGHLIGHT_EDGE if on else BODY_EDGE)
    patch.set_alpha(1.0 if on else BODY_REGION_ALPHA)
    patch.set_linewidth(1.2 if on else 0.3)
    patch.set_linestyle((0, (1.5, 1.5)) if region.diffuse and not on else "solid")
    patch.set_zorder((_HIGHLIGHT_Z if on else _REGION_Z) + z * 1e-3)


def set_body_highlight(artists: BodyArtists, highlight: str | Iterable[str] | None) -> None:
    """Highlight other regions on a drawn body figure, in place (no new figure, no re-plot).

    Same look as :func:`plot_body`'s ``highlight`` (the regions restyled, the labels of the
    highlighted ones placed again), about a tenth of the cost of drawing the figure anew.

    Parameters
    ----------
    artists : BodyArtists
        What :func:`plot_body` returned.
    highlight : str, iterable of str or None
        Body areas or region ids, as for :func:`plot_body`; ``None`` or ``()`` clears.

    Examples
    --------
    >>> import footmap
    >>> b = plot_body(footmap.load_body(), highlight="kidneys")
    >>> set_body_highlight(b, "liver")
    >>> b.highlighted, b.patch("front.liver").get_facecolor()[:3] == (0.8352941176470589, \
0.3686274509803922, 0.0)
    (('front.liver',), True)
    """
    chosen = _resolve(artists.body, highlight)
    order: dict[str, int] = {}
    for view in artists.panels:
        members = sorted(artists.body.regions_on(view), key=lambda r: -r.geometry.area)
        order.update({r.id: z for z, r in enumerate(members)})
    for region, patch in zip(artists.regions, artists.patches, strict=True):
        on = region.id in chosen
        if on != (region.id in artists.highlighted):
            _style(patch, region, on, order.get(region.id, 0))
    for t in artists.labels:
        t.remove()
    artists.labels = []
    artists.highlighted = tuple(sorted(chosen))
    widths = [
        artists.body.outline(v).geometry.bounds[2] - artists.body.outline(v).geometry.bounds[0]
        for v in artists.panels
    ]
    _labels(artists, chosen, max(widths, default=0.0) / 2)
    artists.ax.figure.stale = True


def region_at(artists: BodyArtists, x: float, y: float) -> Region | None:
    """The region drawn at data point (x, y): the smallest one there (organs lie on top).

    Examples
    --------
    >>> import footmap
    >>> b = plot_body(footmap.load_body())
    >>> r = b.body.region("front.heart")
    >>> p = r.geometry.representative_point()
    >>> region_at(b, p.x + b.panels["front"][0], p.y).id
    'front.heart'
    """
    found = [
        region
        for region, patch in zip(artists.regions, artists.patches, strict=True)
        if patch.get_path().contains_point((x, y))
    ]
    return min(found, key=lambda r: r.geometry.area) if found else None


def _labels(artists: BodyArtists, chosen: set[str], half_width: float) -> None:
    """Label each highlighted region beside its body, with a leader line to it."""
    ax = artists.ax
    for view, (dx, dy) in artists.panels.items():
        seen: set[str] = set()
        for region in artists.regions:
            if region.view != view or region.id not in chosen or region.label in seen:
                continue
            seen.add(region.label)
            x, y = _label_point(region.geometry)
            left = x < 0
            tx = dx + (-half_width - 40.0 if left else half_width + 40.0)
            t = ax.annotate(
                region.label,
                (x + dx, y + dy),
                (tx, y + dy),
                fontsize=8,
                fontweight="bold",
                color="#1a1a1a",
                ha="right" if left else "left",
                va="center",
                arrowprops={"arrowstyle": "-", "lw": 0.7, "color": BODY_HIGHLIGHT_EDGE},
                zorder=_LABEL_Z,
                gid=f"body-label-{region.id}",
            )
            artists.labels.append(t)
