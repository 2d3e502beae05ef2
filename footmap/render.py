"""Draw a chart onto a matplotlib Axes and hand back the artists.

:func:`plot_map` is the one drawing entry point: all zones of the requested panels (a foot
seen from one view) become **one** :class:`~matplotlib.collections.PatchCollection` of
compound paths (holes drawn as holes), laid out side by side (feet) and in a grid (views) on
a single Axes. It returns a :class:`MapArtists` whose ``zones[i]`` is drawn by path ``i`` of
the collection, so a click, a colour and a label always refer to the same zone.

Labels are placed without collisions: a zone large enough to hold its label (measured text
extent against the zone's shape) gets it inside; smaller zones get a number in a column beside
the foot, a leader line to the zone, and an entry in a numbered key.

Nothing here calls ``plt.show()``; the caller decides when and where to show or save.
"""

from __future__ import annotations

import difflib
import math
import re
import textwrap
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import matplotlib.pyplot as plt
import numpy as np
import shapely
from matplotlib import colormaps
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.cm import ScalarMappable
from matplotlib.collections import Collection, LineCollection, PatchCollection
from matplotlib.colorbar import Colorbar
from matplotlib.colors import Normalize, to_rgba
from matplotlib.font_manager import FontProperties
from matplotlib.legend import Legend
from matplotlib.patches import Patch, PathPatch
from matplotlib.path import Path
from matplotlib.text import Text
from matplotlib.ticker import MaxNLocator
from matplotlib.transforms import offset_copy
from shapely.geometry.base import BaseGeometry

from . import fasttext, palette
from .chart import Chart, Zone
from .describe import display_text
from .errors import FootmapError
from .vocab import FEET, SYSTEMS, VIEWS

__all__ = [
    "ColorBy",
    "HighlightSpec",
    "MapArtists",
    "NumberKey",
    "display_text",
    "place_labels",
    "plot_map",
    "resolve",
]

#: What :func:`plot_map` accepts as ``highlight``: a zone id, body area, body system id or
#: label, a :class:`~footmap.chart.Zone`, or any iterable mixing them.
HighlightSpec = str | Zone | Iterable[str | Zone] | None
#: What :func:`plot_map` accepts as ``color_by``.
ColorBy = str | Mapping[str, float] | Callable[[Zone], float] | None

# -- layout constants (millimetres of the chart frame, points for text) -------------------------
SIDE_MM = 17.0  #: room beside a panel's outer edge for the callout column
COLUMN_MM = 9.0  #: distance of a callout column from the panel's outline box
HEADING_MM = 11.0  #: room above a panel for its heading
LABEL_PT = 7.0  #: preferred label size
LABEL_MIN_PT = 5.5  #: smallest label size tried inside a zone
LABEL_PAD_MM = 0.6  #: clearance kept between a label's box and its zone's edge
ZONE_LW = 0.45
HIGHLIGHT_LW = 1.8
HIGHLIGHT_EDGE = "#111111"

_ZONE_Z, _HATCH_Z, _LEADER_Z, _LABEL_Z = 2.0, 2.2, 3.0, 4.0


# ------------------------------------------------------------------------------------------
# The artists
# ------------------------------------------------------------------------------------------
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
    values: np.ndarray | None = None
    highlighted: tuple[str, ...] = ()
    # internals ------------------------------------------------------------------------------
    _layout: _Layout | None = field(default=None, repr=False)
    _face: np.ndarray = field(default_factory=lambda: np.zeros((0, 4)), repr=False)
    _index: dict[str, int] = field(default_factory=dict, repr=False)
    _labels_on: bool = field(default=True, repr=False)
    _panel_of: np.ndarray = field(default_factory=lambda: np.zeros(0, int), repr=False)
    _label_only: frozenset[int] | None = field(default=None, repr=False)
    _label_pt: float = field(default=LABEL_PT, repr=False)
    _key_pt: float = field(default=0.0, repr=False)

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
        self._labels_on = bool(visible)
        for a in [*self.labels, *self.leaders, self.key]:
            if a is not None:
                a.set_visible(self._labels_on)
        self.ax.figure.stale = True


# ------------------------------------------------------------------------------------------
# Resolving highlight specs
# ------------------------------------------------------------------------------------------
def resolve(chart: Chart, spec: HighlightSpec) -> tuple[Zone, ...]:
    """Turn a highlight spec into the zones it names, in chart order.

    Each item may be a zone id (``"left.plantar.kidney"``), a body area (``"kidneys"``;
    a trailing plural ``s`` is optional), a body-system id or label (``"urinary"``), a zone
    label (``"Kidney"``) or a :class:`~footmap.chart.Zone`.

    Parameters
    ----------
    chart : Chart
    spec : str, Zone, iterable of those, or None
        ``None`` or an empty iterable selects nothing.

    Returns
    -------
    tuple of Zone
        Without duplicates, in the chart's order.

    Raises
    ------
    FootmapError
        For names that match nothing, listing close matches.

    Examples
    --------
    >>> import footmap
    >>> from footmap.render import resolve
    >>> chart = footmap.load()
    >>> sorted({z.system for z in resolve(chart, ["urinary", "left.plantar.heart"])})
    ['cardiovascular', 'urinary']
    """
    if spec is None:
        return ()
    items: list[Any] = [spec] if isinstance(spec, (str, Zone)) else list(spec)
    chosen: set[str] = set()
    unknown: list[str] = []
    system_labels = {v.casefold(): k for k, v in SYSTEMS.items()}
    for item in items:
        if isinstance(item, Zone):
            chosen.add(item.id)
            continue
        if not isinstance(item, str):
            raise FootmapError(
                "a highlight is a zone id, body area, body system or label, "
                f"not {type(item).__name__}"
            )
        key = item.strip()
        folded = key.casefold()
        system = folded if folded in SYSTEMS else system_labels.get(folded)
        if key in chart._by_id:
            chosen.add(key)
        elif system is not None:
            chosen.update(z.id for z in chart.zones_in_system(system))
        elif found := chart.zones_for(key):
            chosen.update(z.id for z in found)
        elif found := [z for z in chart.zones if z.label.casefold() == folded]:
            chosen.update(z.id for z in found)
        else:
            unknown.append(key)
    if unknown:
        raise FootmapError("\n".join(_unknown_message(chart, k) for k in unknown))
    return tuple(z for z in chart.zones if z.id in chosen)


def _unknown_message(chart: Chart, key: str) -> str:
    names = sorted(
        {*chart._by_id, *chart.body_areas, *SYSTEMS, *(z.label.casefold() for z in chart.zones)}
    )
    close = difflib.get_close_matches(key.casefold(), names, n=5, cutoff=0.6)
    if not close:  # a fragment: offer names containing it
        close = [n for n in names if key.casefold() in n][:5]
    hint = f"; did you mean: {', '.join(close)}?" if close else ""
    return (
        f"unknown highlight {key!r}: not a zone id, body area, body system or zone label "
        f"of this chart{hint}"
    )


# ------------------------------------------------------------------------------------------
# Layout of panels on the Axes
# ------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Panel:
    foot: str
    view: str
    bounds: tuple[float, float, float, float]  # outline bounds, local mm
    offset: tuple[float, float]
    room: tuple[float, float]  # free mm beside the outline box (left, right) for callouts

    @property
    def box(self) -> tuple[float, float, float, float]:
        """The outline bounds in data coordinates."""
        x0, y0, x1, y1 = self.bounds
        dx, dy = self.offset
        return (x0 + dx, y0 + dy, x1 + dx, y1 + dy)


@dataclass(frozen=True)
class _Layout:
    panels: tuple[_Panel, ...]
    extent: tuple[float, float, float, float]  # data xmin, ymin, xmax, ymax
    headings: tuple[tuple[str, float, float, str], ...]  # text, x, y, weight
    multi_view: bool


def _normalise_feet(chart: Chart, feet: str | Sequence[str]) -> tuple[str, ...]:
    if isinstance(feet, str):
        feet = FEET if feet in ("both", "all") else (feet,)
    feet = tuple(feet)
    bad = [f for f in feet if f not in FEET]
    if bad or not feet:
        raise FootmapError(f"unknown foot {bad[0] if bad else ''!r}: use 'left', 'right' or both")
    return tuple(f for f in FEET if f in feet)


def _normalise_views(chart: Chart, views: str | Sequence[str] | None) -> tuple[str, ...]:
    if views is None or views == "all" or (not isinstance(views, str) and "all" in views):
        return chart.views
    if isinstance(views, str):
        views = (views,)
    bad = [v for v in views if v not in VIEWS]
    if bad:
        raise FootmapError(f"unknown view {bad[0]!r}: use one of {', '.join(VIEWS)} or 'all'")
    missing = [v for v in views if v not in chart.views]
    if missing:
        raise FootmapError(
            f"this chart has no {missing[0]} view (it has: {', '.join(chart.views) or 'none'})"
        )
    return tuple(v for v in VIEWS if v in views)


def _layout(
    chart: Chart,
    feet: tuple[str, ...],
    views: tuple[str, ...],
    gap: float,
    aspect: float,
    side: float = SIDE_MM,
    head: float = HEADING_MM,
    stack: bool = False,
) -> _Layout:
    """Place panels: feet side by side within a view group, view groups in a grid.

    With ``stack``, the feet of a profile view (medial, lateral: long and low) are stacked
    one above the other instead, so that the profiles use the width of a page.
    """
    groups = []
    multi = len(views) > 1
    for view in views:
        members = [(f, view) for f in feet if (f, view) in chart.panels]
        if not members:
            raise FootmapError(f"this chart has no {'/'.join(feet)} foot in the {view} view")
        bounds = [chart.outline(f, v).geometry.bounds for f, v in members]
        stacked = stack and view in ("medial", "lateral") and len(members) > 1
        if stacked:
            width = max(b[2] - b[0] for b in bounds) + 2 * side
            height = sum(b[3] - b[1] + head for b in bounds) + head * multi
            height += gap / 3 * (len(bounds) - 1)
        else:
            width = sum(b[2] - b[0] for b in bounds) + gap * (len(bounds) - 1) + 2 * side
            height = max(b[3] - b[1] for b in bounds) + head * (1 + multi)
        groups.append((view, members, bounds, width, height, stacked))

    def pack(limit: float) -> list[list[int]]:
        """Fill rows greedily, in view order, up to ``limit`` mm wide."""
        rows: list[list[int]] = [[]]
        width = 0.0
        for i, g in enumerate(groups):
            extra = g[3] + (gap if rows[-1] else 0.0)
            if rows[-1] and width + extra > limit + 1e-9:
                rows.append([])
                width, extra = 0.0, g[3]
            rows[-1].append(i)
            width += extra
        return rows

    def size(rows: list[list[int]]) -> tuple[float, float]:
        w = max(sum(groups[i][3] for i in r) + gap * (len(r) - 1) for r in rows)
        h = sum(max(groups[i][4] for i in r) for r in rows) + gap * (len(rows) - 1)
        return w, h

    widths = [g[3] for g in groups]
    limits = sorted(
        {
            sum(widths[a:b]) + gap * (b - a - 1)
            for a in range(len(widths))
            for b in range(a + 1, len(widths) + 1)
        }
    )
    limits = [w for w in limits if w >= max(widths) - 1e-9]
    best = min(limits, key=lambda w: abs(math.log((lambda s: s[0] / s[1])(size(pack(w))) / aspect)))
    rows = pack(best)
    total_w, total_h = size(rows)
    panels: list[_Panel] = []
    headings: list[tuple[str, float, float, str]] = []
    top = total_h
    for row in rows:
        row_h = max(groups[i][4] for i in row)
        row_w = sum(groups[i][3] for i in row) + gap * (len(row) - 1)
        x = (total_w - row_w) / 2
        for i in row:
            view, members, bounds, width, height, stacked = groups[i]
            base = top - row_h  # bottoms aligned within a row
            if stacked:
                y = base + height - head * multi  # top of the first foot's heading
                if multi:
                    headings.append((VIEWS[view], x + width / 2, y + head * 0.55, "bold"))
                for foot_v, b in zip(members, bounds, strict=True):
                    h = b[3] - b[1]
                    y -= head + h
                    dx = x + side + (width - 2 * side - (b[2] - b[0])) / 2 - b[0]
                    panels.append(_Panel(*foot_v, b, (dx, y - b[1]), (side, side)))
                    name = f"{foot_v[0].capitalize()} foot"
                    headings.append((name, dx + (b[0] + b[2]) / 2, y + h + head * 0.5, "normal"))
                    y -= gap / 3
                x += width + gap
                continue
            body_h = max(b[3] - b[1] for b in bounds)
            if multi:
                headings.append((VIEWS[view], x + width / 2, base + body_h + head * 1.55, "bold"))
            cursor = x + side
            for k, ((foot, v), b) in enumerate(zip(members, bounds, strict=True)):
                dx, dy = cursor - b[0], base - b[1]
                w = b[2] - b[0]
                room = (
                    side if k == 0 else gap / 2,
                    side if k == len(members) - 1 else gap / 2,
                )
                panels.append(_Panel(foot, v, b, (dx, dy), room))
                name = f"{foot.capitalize()} foot"
                headings.append((name, cursor + w / 2, base + body_h + head * 0.5, "normal"))
                cursor += w + gap
            x += width + gap
        top -= row_h + gap
    return _Layout(tuple(panels), (0.0, 0.0, total_w, total_h), tuple(headings), multi)


def locate(artists: MapArtists, x: float, y: float) -> tuple[str, str, float, float] | None:
    """Map Axes data coordinates to ``(foot, view, local x, local y)``; ``None`` off-panel."""
    if artists._layout is None or x is None or y is None:
        return None
    for p in artists._layout.panels:
        x0, y0, x1, y1 = p.box
        if x0 - 1 <= x <= x1 + 1 and y0 - 1 <= y <= y1 + 1:
            return (p.foot, p.view, float(x - p.offset[0]), float(y - p.offset[1]))
    return None


# ------------------------------------------------------------------------------------------
# Paths
# ------------------------------------------------------------------------------------------
def _compound_paths(geoms: Sequence[BaseGeometry], offsets: np.ndarray) -> list[Path]:
    """One compound :class:`Path` per geometry, built with vectorised shapely calls.

    Exteriors are made counter-clockwise and holes clockwise, so holes stay holes under
    both the non-zero and the even-odd fill rule.
    """
    n = len(geoms)
    if n == 0:
        return []
    arr = shapely.orient_polygons(np.asarray(geoms, dtype=object), exterior_cw=False)
    parts, part_of = shapely.get_parts(arr, return_index=True)
    rings, ring_of = shapely.get_rings(parts, return_index=True)
    coords, coord_ring = shapely.get_coordinates(rings, return_index=True)
    coord_zone = part_of[ring_of[coord_ring]]
    coords = coords + offsets[coord_zone]
    codes = np.full(len(coords), Path.LINETO, dtype=Path.code_type)
    starts = np.flatnonzero(np.r_[True, coord_ring[1:] != coord_ring[:-1]])
    codes[starts] = Path.MOVETO
    codes[np.r_[starts[1:], len(coords)] - 1] = Path.CLOSEPOLY
    cut = np.searchsorted(coord_zone, np.arange(n + 1)).tolist()
    # The arrays are already valid (float vertices, uint8 codes of equal length), so skip
    # Path's per-object validation: it is most of the cost on large charts.
    make = getattr(Path, "_fast_from_codes_and_verts", None)
    if make is None:  # pragma: no cover - older or newer matplotlib
        return [Path(coords[a:b], codes[a:b]) for a, b in zip(cut[:-1], cut[1:], strict=True)]
    # A template built the normal way carries the simplification settings of a path with
    # CLOSEPOLY codes (no simplification), as Path() itself would choose.
    like = Path([(0, 0), (1, 0), (0, 1), (0, 0)], [1, 2, 2, 79])
    return [
        make(coords[a:b], codes[a:b], internals_from=like)
        for a, b in zip(cut[:-1], cut[1:], strict=True)
    ]


# ------------------------------------------------------------------------------------------
# Colours
# ------------------------------------------------------------------------------------------
def _values(zones: Sequence[Zone], color_by: ColorBy) -> tuple[np.ndarray, str]:
    if isinstance(color_by, str):
        if color_by == "sources":
            return np.array([len(z.source_ids) for z in zones], float), "Sources cited"
        raise FootmapError(
            f"unknown color_by {color_by!r}: use 'system', 'sources', None, a mapping of "
            "zone id to number, or a function of a zone"
        )
    if isinstance(color_by, Mapping):
        vals = [color_by.get(z.id, math.nan) for z in zones]
        label = "Value"
    elif callable(color_by):
        vals = [color_by(z) for z in zones]
        label = getattr(color_by, "__name__", "Value").replace("_", " ").strip("<>")
    else:
        raise FootmapError(f"color_by cannot be a {type(color_by).__name__}")
    try:
        return np.array([math.nan if v is None else float(v) for v in vals], float), label
    except (TypeError, ValueError) as exc:
        raise FootmapError(f"color_by must give numbers: {exc}") from None


def _face_colors(
    zones: Sequence[Zone], color_by: ColorBy
) -> tuple[np.ndarray, np.ndarray | None, ScalarMappable | None, str]:
    """Per-zone RGBA, the values (if any), a mappable for the colorbar and its label."""
    if color_by == "system":
        table = {s: to_rgba(c) for s, c in palette.SYSTEM_COLORS.items()}
        return np.array([table[z.system] for z in zones]).reshape(-1, 4), None, None, ""
    if color_by is None:
        return np.tile(to_rgba("#c9c1b8"), (len(zones), 1)), None, None, ""
    values, label = _values(zones, color_by)
    finite = values[np.isfinite(values)]
    lo, hi = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
    if hi <= lo:
        lo, hi = lo - 0.5, hi + 0.5
    norm = Normalize(lo, hi)
    cmap = colormaps[palette.VALUE_CMAP].with_extremes(bad="#e4e4e4")
    face = cmap(norm(np.ma.masked_invalid(values)))
    return np.asarray(face).reshape(-1, 4), values, ScalarMappable(norm, cmap), label


# ------------------------------------------------------------------------------------------
# plot_map
# ------------------------------------------------------------------------------------------
def plot_map(
    chart: Chart,
    *,
    feet: str | Sequence[str] = ("left", "right"),
    views: str | Sequence[str] | None = ("plantar",),
    ax: Axes | None = None,
    color_by: ColorBy = "system",
    labels: bool | str = True,
    highlight: HighlightSpec = (),
    hatch: bool = False,
    legend: bool = True,
    title: bool | str = True,
    gap_mm: float = 30.0,
    legend_loc: str = "right",
) -> MapArtists:
    """Draw a reflexology chart: zones, foot outlines, labels, legend and title.

    Parameters
    ----------
    chart : Chart
        A loaded chart (:func:`footmap.load`).
    feet : str or sequence of str, optional
        ``"left"``, ``"right"``, ``"both"`` or a sequence; both feet side by side by default.
    views : str, sequence of str or None, optional
        Views to draw (``"plantar"``, ``"dorsal"``, ``"medial"``, ``"lateral"``); ``None``
        or ``"all"`` draws every view of the chart, in a grid.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure (constrained layout) is made when omitted.
    color_by : {"system", "sources"}, mapping, callable or None, optional
        ``"system"`` colours by body system (colour-blind-safe palette, with a legend);
        ``"sources"`` by the number of sources cited; a mapping ``zone id -> float`` or a
        callable ``Zone -> float`` by that value (with a colorbar); ``None`` plain.
    labels : bool or "highlighted", optional
        Label zones: inside the zone when the text fits, else a numbered callout with a
        leader line and a numbered key beside the feet. ``"highlighted"`` labels only the
        highlighted zones (all zones when nothing is highlighted).
    highlight : str, Zone or iterable, optional
        Zones to emphasise (ids, body areas, system ids, labels; see :func:`resolve`); the
        others are dimmed.
    hatch : bool, optional
        Add a hatch pattern per body system, so grayscale prints still separate systems.
    legend : bool, optional
        Draw the system legend (or the colorbar when colouring by a value).
    title : bool or str, optional
        ``True`` names the views and feet and says how soles are shown
        (:attr:`Chart.orientation`); a string replaces the first line; ``False`` omits it.
    gap_mm : float, optional
        Least space between panels, in chart millimetres (widened when callout numbers
        need room between the feet).
    legend_loc : {"right", "below"}, optional
        Where the system legend goes: beside the Axes or under it (in rows).

    Returns
    -------
    MapArtists
        The artists, with ``zones[i]`` drawn by path ``i`` of ``.collection``.

    Raises
    ------
    FootmapError
        Unknown feet, views, highlight names or ``color_by``.

    Examples
    --------
    >>> import footmap
    >>> from footmap.render import plot_map
    >>> m = plot_map(footmap.load(), highlight="kidneys")
    >>> len(m.collection.get_paths()) == len(m.zones)
    True
    >>> m.set_highlight([])  # clear the highlight in place
    """
    feet_t = _normalise_feet(chart, feet)
    views_t = _normalise_views(chart, views)
    if ax is None:
        fig = plt.figure(figsize=(10, 7.5) if len(views_t) > 1 else (9, 7), layout="constrained")
        ax = fig.add_subplot()
    fig = ax.figure
    zones = tuple(z for v in views_t for f in feet_t for z in chart.zones_on(f, v))
    face, values, mappable, value_label = _face_colors(zones, color_by)
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_visible(False)
    legend_artist = colorbar = None
    shrink = _decoration_scale(ax)
    if legend:
        if mappable is not None:
            colorbar = fig.colorbar(
                mappable, ax=ax, shrink=0.55, pad=0.02, aspect=25, label=value_label
            )
            if color_by == "sources":
                colorbar.locator = MaxNLocator(integer=True)
                colorbar.update_ticks()
        else:
            legend_artist = _system_legend(ax, zones, hatch, legend_loc, shrink)
    if title:
        _title(ax, chart, feet_t, views_t, title if isinstance(title, str) else None, shrink)

    # The layout engine places the Axes once, around the legend and the title; everything
    # drawn afterwards (zones, labels, callouts, the key) stays out of the layout, so the
    # drawing scale is known from here on and no further layout pass is needed.
    width_pt, height_pt = _axes_points(ax)
    chosen = resolve(chart, highlight)
    label_only = None
    if labels == "highlighted" and chosen:
        label_only = {z.id for z in chosen}
    key_pt = 0.0  # room for the numbered key, left of the feet
    for _attempt in range(4):
        layout, scale = _fit_layout(
            chart, feet_t, views_t, float(gap_mm), width_pt - key_pt, height_pt, bool(labels)
        )
        if not labels:
            break
        wanted = np.array([label_only is None or z.id in label_only for z in zones], bool)
        _, small = _inside_labels(zones, wanted, LABEL_PT, scale)
        # At most as many numbers as the callout columns can hold at their smallest.
        cap = int(2 * len(layout.panels) * height_pt / (CALLOUT_MIN_PT * 1.7)) + 1
        names = list(dict.fromkeys(zones[i].label for i in small[:cap]))
        spec = _key_spec(names, LABEL_PT, width_pt, height_pt)
        need = spec[3] + 4.0 if spec is not None else 0.0
        if need <= key_pt + 1.0 and (need >= key_pt * 0.85 or _attempt == 3):
            break
        key_pt = need
    artists = _draw_panels(ax, chart, zones, face, layout, hatch)
    artists.legend, artists.colorbar, artists.values = legend_artist, colorbar, values
    artists._labels_on = bool(labels)
    artists._label_only = (
        frozenset(artists._index[i] for i in label_only) if label_only is not None else None
    )
    artists._key_pt = key_pt
    set_highlight(artists, chosen)
    _fill_box(ax, _with_key_room(layout.extent, key_pt / scale))
    if labels:
        _place_once(artists, _points_per_mm(ax, layout_done=True))
    return artists


def _with_key_room(
    extent: tuple[float, float, float, float], key_mm: float
) -> tuple[float, float, float, float]:
    x0, y0, x1, y1 = extent
    return (x0 - key_mm, y0, x1, y1)


def _settle_layout(ax: Axes, passes: int = 1) -> None:
    """Run the figure's layout engine ``passes`` times (more only if the Axes still moves).

    One pass places the Axes around the legend, colorbar and title, which is all
    :func:`plot_map` needs: nothing it draws afterwards takes part in the layout.
    """
    fig = ax.figure
    engine = fig.get_layout_engine()
    if engine is None:
        return
    before = ax.get_position(original=True).bounds
    for _ in range(max(passes, 1)):
        engine.execute(fig)
        after = ax.get_position(original=True).bounds
        if np.allclose(before, after, atol=1e-3):
            return
        before = after


def _fill_box(ax: Axes, extent: tuple[float, float, float, float]) -> None:
    """Set limits around ``extent`` padded to the Axes box's shape.

    With the data limits matching the box's aspect, the equal aspect does not shrink the
    box, so legends anchored to the Axes stay where the layout put them (and the layout
    engine has no reason to move anything at draw time).
    """
    fig = ax.figure
    pos = ax.get_position(original=True)
    fw, fh = fig.get_size_inches()
    x0, y0, x1, y1 = extent[0] - 2, extent[1] - 2, extent[2] + 2, extent[3] + 2
    if pos.width > 0 and pos.height > 0:
        box = (pos.width * fw) / (pos.height * fh)
        w, h = x1 - x0, y1 - y0
        if w / h < box:
            extra = (h * box - w) / 2
            x0, x1 = x0 - extra, x1 + extra
        else:
            extra = (w / box - h) / 2
            y0, y1 = y0 - extra, y1 + extra
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.apply_aspect()


def _fit_layout(
    chart: Chart,
    feet: tuple[str, ...],
    views: tuple[str, ...],
    gap: float,
    width_pt: float,
    height_pt: float,
    labels: bool,
) -> tuple[_Layout, float]:
    """Layout whose callout room and headings suit the scale it will be drawn at.

    Profile views of both feet are tried side by side and stacked; the arrangement drawn
    at the larger scale wins.
    """
    width_pt, height_pt = max(width_pt, 1.0), max(height_pt, 1.0)
    aspect = width_pt / height_pt
    stacks = (False, True) if len(feet) > 1 and {"medial", "lateral"} & set(views) else (False,)
    best: tuple[_Layout, float] | None = None
    for stack in stacks:
        # The gap between feet widens too, so that both feet get callout columns on both sides.
        side, head, g = SIDE_MM, HEADING_MM, gap
        for _ in range(5):
            layout = _layout(chart, feet, views, g, max(aspect, 0.2), side, head, stack)
            x0, y0, x1, y1 = layout.extent
            scale = max(min(width_pt / (x1 - x0 + 4), height_pt / (y1 - y0 + 4)), 1e-3)
            need = 3.6 * 0.8 * LABEL_PT / scale + 1.0 if labels else SIDE_MM
            need_head = max(HEADING_MM, 9.0 * 1.45 / scale)
            if need <= side * 1.02 and need_head <= head * 1.02:
                break
            side, head = max(side, need), max(head, need_head)
            g = max(g, 2 * side if labels else g)
        if best is None or scale > best[1] * 1.02:
            best = (layout, scale)
    assert best is not None
    return best


def _draw_panels(
    ax: Axes,
    chart: Chart,
    zones: tuple[Zone, ...],
    face: np.ndarray,
    layout: _Layout,
    hatch: bool,
) -> MapArtists:
    """Outlines, the zone collection, hatches and headings for one layout."""
    offsets = {(p.foot, p.view): p.offset for p in layout.panels}
    panel_index = {(p.foot, p.view): k for k, p in enumerate(layout.panels)}
    zone_offsets = np.array([offsets[z.foot, z.view] for z in zones], float).reshape(-1, 2)
    paths = _compound_paths([z.geometry for z in zones], zone_offsets)

    # Outlines under the zones: one compound patch per panel (sole and separate toes).
    outlines: list[Artist] = []
    out_paths = _compound_paths(
        [chart.outline(p.foot, p.view).geometry for p in layout.panels],
        np.array([p.offset for p in layout.panels], float),
    )
    for p, path in zip(layout.panels, out_paths, strict=True):
        patch = PathPatch(
            path,
            facecolor=palette.OUTLINE_FACE,
            edgecolor=palette.OUTLINE_EDGE,
            linewidth=1.1,
            zorder=1,
            gid=f"outline-{p.foot}.{p.view}",
        )
        patch.set_in_layout(False)
        ax.add_artist(patch)  # not add_patch: the limits are set below, from the layout
        outlines.append(patch)

    coll = PatchCollection(
        [],
        facecolors=face,
        edgecolors=palette.EDGE,
        linewidths=ZONE_LW,
        zorder=_ZONE_Z,
    )
    # PatchCollection.set_paths wants Patch objects; the base class takes Paths directly,
    # which skips building one PathPatch per zone (the slow part on large charts).
    Collection.set_paths(coll, paths)
    coll.set_in_layout(False)
    coll.set_gid("footmap-zones")
    ax.add_collection(coll, autolim=False)

    hatches: list[PatchCollection] = []
    if hatch:
        for system, pattern in palette.SYSTEM_HATCHES.items():
            idx = [i for i, z in enumerate(zones) if z.system == system]
            if not idx or not pattern:
                continue
            h = PatchCollection(
                [], facecolors="none", edgecolors="none", linewidths=0, zorder=_HATCH_Z
            )
            Collection.set_paths(h, [paths[i] for i in idx])
            h.set_hatch(pattern)
            h.set_hatchcolor((0, 0, 0, 0.55))
            h.set_in_layout(False)
            ax.add_collection(h, autolim=False)
            hatches.append(h)

    x0, y0, x1, y1 = layout.extent
    ax.set_xlim(x0 - 2, x1 + 2)
    ax.set_ylim(y0 - 2, y1 + 2)
    ax.set_aspect("equal", adjustable="box")

    for text, x, y, weight in layout.headings:
        t = fasttext.adopt(
            ax.text(
                x,
                y,
                text,
                ha="center",
                va="center",
                fontsize=9 if weight == "bold" else 8.5,
                fontweight=weight,
                color="#333333",
            )
        )
        t.set_in_layout(False)
        outlines.append(t)

    return MapArtists(
        ax=ax,
        chart=chart,
        zones=zones,
        collection=coll,
        outlines=outlines,
        labels=[],
        legend=None,
        panels=offsets,
        hatches=hatches,
        _layout=layout,
        _face=face,
        _index={z.id: i for i, z in enumerate(zones)},
        _panel_of=np.array([panel_index[z.foot, z.view] for z in zones], dtype=int).reshape(-1),
    )


def _remove_panels(artists: MapArtists) -> None:
    """Remove what :func:`_draw_panels` and the labels added (not legend, colorbar, title)."""
    _clear_labels(artists)
    for a in [artists.collection, *artists.outlines, *artists.hatches]:
        a.remove()


def _axes_points(ax: Axes) -> tuple[float, float]:
    """Width and height (points) the Axes gets, after the layout engine has run."""
    fig = ax.figure
    _settle_layout(ax)
    pos = ax.get_position(original=True)
    fw, fh = fig.get_size_inches()
    return max(pos.width * fw * 72, 1.0), max(pos.height * fh * 72, 1.0)


def _decoration_scale(ax: Axes) -> float:
    """Font scale for the legend and title: 1 on a 9 x 7 in figure, down to 0.65 when small.

    On a small figure the decorations shrink with it, so the feet keep most of the room.
    """
    fw, fh = ax.figure.get_size_inches()
    return float(np.clip(min(fw / 9.0, fh / 7.0), 0.65, 1.0))


def _system_legend(
    ax: Axes, zones: Sequence[Zone], hatch: bool, loc: str = "right", shrink: float = 1.0
) -> Legend:
    present = {z.system for z in zones}
    handles = [
        Patch(
            facecolor=palette.SYSTEM_COLORS[s],
            edgecolor=palette.EDGE,
            linewidth=0.5,
            hatch=palette.SYSTEM_HATCHES[s] if hatch else None,
            label=label,
        )
        for s, label in SYSTEMS.items()
        if s in present
    ]
    if loc not in ("right", "below"):
        raise FootmapError(f"legend_loc must be 'right' or 'below', not {loc!r}")
    below = loc == "below"
    leg = ax.legend(
        handles=handles,
        loc="upper center" if below else "upper left",
        bbox_to_anchor=(0.5, 0.0) if below else (1.0, 1.0),
        ncols=_legend_columns(ax, handles, 8 * shrink) if below else 1,
        columnspacing=1.2,
        frameon=False,
        fontsize=8 * shrink,
        title="Body system (as charts assign it)"
        if below
        else "Body system\n(as charts assign it)",
        title_fontsize=8 * shrink,
        alignment="left",
        handlelength=1.6,
        handleheight=1.1,
        borderaxespad=0.3,
    )
    leg.set_gid("footmap-legend")
    fasttext.adopt_all([*leg.get_texts(), leg.get_title()])
    return leg


def _legend_columns(ax: Axes, handles: Sequence[Patch], size: float = 8.0) -> int:
    """Columns of a legend under the Axes that keep it no wider than the Axes."""
    width_pt = ax.get_position(original=True).width * ax.figure.get_size_inches()[0] * 72
    entry_pt = max(_text_size(h.get_label(), size)[0] for h in handles) + size * 4.2
    return max(1, min(len(handles), 5, int(width_pt // entry_pt)))


def _first_sentence(text: str) -> str:
    return re.split(r"(?<=[.!?])\s+(?=[A-Z])", text.strip(), maxsplit=1)[0]


def _views_phrase(views: Sequence[str]) -> str:
    names = [VIEWS[v].lower() for v in views]
    if len(names) == len(VIEWS):
        return "All four views"
    if len(names) == 1:
        return f"{names[0][0].upper()}{names[0][1:]} view"
    return f"{', '.join(names[:-1]).capitalize()} and {names[-1]} views"


def _title(
    ax: Axes,
    chart: Chart,
    feet: Sequence[str],
    views: Sequence[str],
    head: str | None,
    shrink: float = 1.0,
) -> None:
    feet_phrase = "left and right foot" if len(feet) == 2 else f"{feet[0]} foot"
    head = display_text(head or f"{_views_phrase(views)}, {feet_phrase}")
    sub = display_text(_first_sentence(chart.orientation)) if "plantar" in views else ""
    # Wrap to the width the Axes will roughly have: its default box, within the part of
    # the figure the layout engine may use.
    frac = ax.get_position(original=True).width
    engine = ax.figure.get_layout_engine()
    rect = engine.get().get("rect") if engine is not None else None
    if rect is not None and len(rect) == 4:
        frac = min(frac, rect[2] * 0.95)
    width_pt = frac * ax.figure.get_size_inches()[0] * 72
    sub_pt, head_pt = 7.5 * shrink, 11 * shrink
    sub_lines = textwrap.wrap(sub, max(int(width_pt * 1.1 / (sub_pt * 0.5)), 40)) if sub else []
    if sub_lines:
        t = ax.annotate(
            "\n".join(sub_lines),
            xy=(0.5, 1.0),
            xycoords="axes fraction",
            xytext=(0, 3),
            textcoords="offset points",
            ha="center",
            va="bottom",
            fontsize=sub_pt,
            style="italic",
            color="#444444",
            parse_math=False,
        )
        t.set_gid("footmap-orientation")
        fasttext.adopt(t)
    pad = 6 + sub_pt * 1.25 * len(sub_lines)
    head_lines = textwrap.wrap(head, max(int(width_pt * 1.1 / (head_pt * 0.6)), 30))
    t = ax.set_title("\n".join(head_lines), fontsize=head_pt, fontweight="bold", pad=pad)
    t.set_parse_math(False)
    fasttext.adopt(t)


# ------------------------------------------------------------------------------------------
# Highlight
# ------------------------------------------------------------------------------------------
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
    idx = [artists._index[z.id] for z in chosen if z.id in artists._index]
    mask[idx] = True
    face = artists._face.copy()
    edge = np.tile(to_rgba(palette.EDGE), (n, 1))
    width = np.full(n, ZONE_LW)
    if mask.any():
        face[~mask, 3] = palette.DIM_ALPHA
        edge[~mask, 3] = 0.35
        edge[mask] = to_rgba(HIGHLIGHT_EDGE)
        width[mask] = HIGHLIGHT_LW
    coll = artists.collection
    coll.set_facecolor(face)
    coll.set_edgecolor(edge)
    coll.set_linewidth(width)
    artists.highlighted = tuple(artists.zones[i].id for i in np.flatnonzero(mask))
    _recolor_labels(artists)
    artists.ax.figure.stale = True


def _recolor_labels(artists: MapArtists) -> None:
    """Keep in-zone labels readable on their zone's current (possibly dimmed) fill."""
    face = artists.collection.get_facecolor()
    paper = np.array(to_rgba(palette.OUTLINE_FACE)[:3])
    for t in artists.labels:
        gid = t.get_gid() or ""
        if not gid.startswith("label-"):
            continue
        i = artists._index.get(gid[6:])
        if i is None:
            continue
        r, g, b, a = face[i] if len(face) > 1 else face[0]
        seen = a * np.array([r, g, b]) + (1 - a) * paper
        t.set_color(palette.text_color(tuple(seen)))
        t.set_alpha(1.0 if a >= 0.99 else 0.55)


# ------------------------------------------------------------------------------------------
# Labels
# ------------------------------------------------------------------------------------------
@lru_cache(maxsize=4096)
def _char_width(char: str, weight: str) -> float:
    """Advance width of one character at 1 pt (outline metrics, no hinting)."""
    from matplotlib.textpath import text_to_path

    prop = FontProperties(size=100, weight=weight)
    return text_to_path.get_text_width_height_descent(char, prop, ismath=False)[0] / 100


def _text_size(text: str, size: float, weight: str = "normal") -> tuple[float, float]:
    """Width and height (points) of ``text`` (lines joined by newlines) at ``size`` points.

    Sums per-character advance widths (measured once per character and cached), which is
    within a few per cent of the shaped width and thousands of times cheaper than shaping
    every string; callers keep a small margin.
    """
    width = max(sum(_char_width(c, weight) for c in line) for line in text.split("\n"))
    lines = text.count("\n") + 1
    return width * size * 1.03, size * (1.0 + 1.2 * (lines - 1)) + size * 0.25


def _two_lines(label: str) -> str | None:
    words = label.split()
    if len(words) < 2:
        return None
    best = min(
        range(1, len(words)),
        key=lambda k: abs(len(" ".join(words[:k])) - len(" ".join(words[k:]))),
    )
    return " ".join(words[:best]) + "\n" + " ".join(words[best:])


def _points_per_mm(ax: Axes, layout_done: bool = False) -> float:
    fig = ax.figure
    if not layout_done:
        _settle_layout(ax)
    ax.apply_aspect()
    (ax0, _), (ax1, _) = ax.transData.transform([[0.0, 0.0], [1.0, 0.0]])
    return float(abs(ax1 - ax0) * 72.0 / fig.dpi)


def place_labels(artists: MapArtists, *, fontsize: float | None = None) -> None:
    """(Re)place zone labels, callouts and the key for the Axes' current size.

    :func:`plot_map` calls this itself; call it again after resizing the figure, since
    whether a label fits inside its zone depends on the drawing scale.

    Parameters
    ----------
    artists : MapArtists
    fontsize : float, optional
        Preferred label size in points (default 7).
    """
    if fontsize is not None:
        artists._label_pt = float(fontsize)
    ax = artists.ax
    layout = artists._layout
    if layout is None:
        return
    width_pt, height_pt = _axes_points(ax)
    x0, y0, x1, y1 = layout.extent
    scale = min((width_pt - artists._key_pt) / (x1 - x0 + 4), height_pt / (y1 - y0 + 4))
    _fill_box(ax, _with_key_room(layout.extent, artists._key_pt / max(scale, 1e-3)))
    _place_once(artists, _points_per_mm(ax, layout_done=True))


def _clear_labels(artists: MapArtists) -> None:
    for a in [*artists.labels, *artists.leaders]:
        a.remove()
    if artists.key is not None:
        artists.key.remove()
    artists.labels, artists.leaders, artists.key = [], [], None


def _inside_labels(
    zones: Sequence[Zone], wanted: np.ndarray, label_pt: float, scale: float
) -> tuple[dict[int, tuple[str, float, float]], np.ndarray]:
    """Which labels fit inside their zone, and how; the rest become callouts.

    Tries, per zone, the preferred size, then smaller sizes down to :data:`LABEL_MIN_PT`,
    each on one line, on two lines, and (for tall thin zones such as spine segments)
    turned to run along the zone. Widths come from cached glyph metrics in points and
    the test is done in chart millimetres (``scale`` points per mm): no text is drawn.

    Returns
    -------
    inside : dict
        Zone index -> (text, size in points, rotation in degrees).
    small : numpy.ndarray
        Indices of the wanted zones that get a callout, ascending.
    """
    inside: dict[int, tuple[str, float, float]] = {}
    n = len(zones)
    if n == 0 or scale <= 0:
        return inside, np.zeros(0, int)
    small_pt = min(LABEL_MIN_PT, label_pt)
    sizes = sorted({label_pt, max((label_pt + small_pt) / 2, small_pt), small_pt}, reverse=True)
    pad = LABEL_PAD_MM
    geoms = np.array([z.geometry for z in zones], dtype=object)
    bounds = _bounds(zones)
    bw, bh = bounds[:, 2] - bounds[:, 0], bounds[:, 3] - bounds[:, 1]
    long_side, short_side = np.maximum(bw, bh), np.minimum(bw, bh)
    texts = [display_text(z.label) for z in zones]
    # Cheap rejection first: a zone thinner than one line of the smallest text, or shorter
    # than the label's longest word could possibly be, never gets measured.
    min_h = _text_size("Xg", small_pt)[1] / scale + 2 * pad
    word_pt = np.array([max((len(w) for w in t.split()), default=1) for t in texts])
    maybe = (short_side >= min_h) & (long_side >= word_pt * 0.45 * small_pt / scale + 2 * pad)
    maybe &= wanted
    cand_idx = np.flatnonzero(maybe)
    if cand_idx.size:
        for size in sizes:
            for wrap in (False, True):
                for turn in (False, True):
                    todo = [i for i in cand_idx if i not in inside]
                    boxes, keep, fit = [], [], []
                    for i in todo:
                        text = _two_lines(texts[i]) if wrap else texts[i]
                        if text is None or (turn and bh[i] < 1.6 * bw[i]):
                            continue
                        w, h = _text_size(text, size)
                        w, h = w / scale + 2 * pad, h / scale + 2 * pad
                        if turn:
                            w, h = h, w
                        if w > bw[i] or h > bh[i]:
                            continue
                        ax_, ay_ = zones[i].anchor
                        boxes.append(
                            shapely.box(ax_ - w / 2, ay_ - h / 2, ax_ + w / 2, ay_ + h / 2)
                        )
                        keep.append(i)
                        fit.append((text, size, 90.0 if turn else 0.0))
                    if keep:
                        ok = shapely.contains(geoms[keep], np.array(boxes, dtype=object))
                        for i, good, t in zip(keep, ok, fit, strict=True):
                            if good:
                                inside[i] = t
            if len(inside) == cand_idx.size:
                break
    small = np.setdiff1d(np.flatnonzero(wanted), np.fromiter(inside, int, len(inside)))
    return inside, small


def _bounds(zones: Sequence[Zone]) -> np.ndarray:
    """Bounds of the zones' geometries, cached per (immutable) zone."""
    if not zones:
        return np.zeros((0, 4))
    return np.array([_zone_bounds(z) for z in zones], float).reshape(-1, 4)


@lru_cache(maxsize=65536)
def _zone_bounds(zone: Zone) -> tuple[float, float, float, float]:
    return tuple(zone.geometry.bounds)


def _place_once(artists: MapArtists, scale: float) -> None:
    _clear_labels(artists)
    ax, zones, layout = artists.ax, artists.zones, artists._layout
    if not zones or layout is None or scale <= 0:
        return
    wanted = np.ones(len(zones), bool)
    if artists._label_only is not None:
        wanted[:] = False
        wanted[list(artists._label_only)] = True
    inside, small = _inside_labels(zones, wanted, artists._label_pt, scale)
    bounds = _bounds(zones)

    offsets = np.array([artists.panels[z.foot, z.view] for z in zones]).reshape(-1, 2)
    labels: list[Text] = []
    face = artists._face
    for i, (text, size, rotation) in inside.items():
        z = zones[i]
        x, y = z.anchor
        t = fasttext.adopt(
            ax.text(
                x + offsets[i, 0],
                y + offsets[i, 1],
                text,
                ha="center",
                va="center",
                rotation=rotation,
                rotation_mode="anchor",
                fontsize=size,
                linespacing=1.0,
                color=palette.text_color(tuple(face[i])),
                zorder=_LABEL_Z,
                gid=f"label-{z.id}",
                parse_math=False,
            )
        )
        t.set_in_layout(False)
        labels.append(t)

    leaders, key = _callouts(artists, small, bounds, offsets, scale, labels)
    artists.labels, artists.leaders, artists.key = labels, leaders, key
    _recolor_labels(artists)
    if not artists._labels_on:
        artists.set_labels_visible(False)


def _spread(desired: list[float], lo: float, hi: float, step: float) -> list[float]:
    """Positions near ``desired`` (sorted), at least ``step`` apart, within ``[lo, hi]``."""
    ys = [min(max(d, lo), hi) for d in desired]
    for i in range(1, len(ys)):
        ys[i] = max(ys[i], ys[i - 1] + step)
    if ys and ys[-1] > hi:
        ys[-1] = hi
        for i in range(len(ys) - 2, -1, -1):
            ys[i] = min(ys[i], ys[i + 1] - step)
    return ys


CALLOUT_MIN_PT = 4.8  #: smallest callout number tried when a column runs out of room


def _callouts(
    artists: MapArtists,
    small: np.ndarray,
    bounds: np.ndarray,
    offsets: np.ndarray,
    scale: float,
    labels: list[Text],
) -> tuple[list[Artist], NumberKey | None]:
    """Numbered callouts in columns beside each panel, leader lines and the key.

    Every zone in ``small`` gets a number: when the columns beside a panel have too few
    rows, the numbers get smaller (down to :data:`CALLOUT_MIN_PT`). Only when even that
    is not enough (thousands of tiny zones) do the smallest zones go without a number,
    and the key then says how many.
    """
    ax, zones, layout = artists.ax, artists.zones, artists._layout
    assert layout is not None
    if small.size == 0:
        return [], None
    cx = (bounds[small, 0] + bounds[small, 2]) / 2 + offsets[small, 0]
    area = (bounds[small, 2] - bounds[small, 0]) * (bounds[small, 3] - bounds[small, 1])
    panel_of = artists._panel_of[small]
    per_panel = np.bincount(panel_of, minlength=len(layout.panels))

    size = artists._label_pt
    while True:
        step = size * 1.7 / scale  # mm between numbers in a column
        radius = size * 0.8 / scale  # mm from a number's centre to its circle
        ok = True
        for k, p in enumerate(layout.panels):
            x0, y0, x1, y1 = p.box
            capacity = max(int((y1 - y0 - step / 2) // step) + 1, 0)
            sides = sum(
                min(max(COLUMN_MM, 2.2 * radius + 1.0), room - 1.3 * radius) >= 1.6 * radius
                for room in p.room
            )
            if per_panel[k] > capacity * sides:
                ok = False
        if ok or size <= CALLOUT_MIN_PT:
            break
        size = max(size * 0.9, CALLOUT_MIN_PT)

    # (column x, side, zone indices, low y, high y) for every column that gets numbers
    columns: list[tuple[float, int, list[int], float, float]] = []
    unlabelled = 0
    for k, p in enumerate(layout.panels):
        ks = np.flatnonzero(panel_of == k)
        if not ks.size:
            continue
        x0, y0, x1, y1 = p.box
        # A column sits beside the outline box, as far out as its room allows; a column
        # without room for a number (a narrow gap at a small scale) takes none, unless
        # neither has room.
        xs: list[float | None] = []
        for room, edge, sign in ((p.room[0], x0, -1), (p.room[1], x1, 1)):
            dist = min(max(COLUMN_MM, 2.2 * radius + 1.0), room - 1.3 * radius)
            xs.append(edge + sign * dist if dist >= 1.6 * radius else None)
        if xs == [None, None]:
            xs = [x0 - 1.3 * radius, x1 + 1.3 * radius]
        lo, hi = y0 + step / 2, y1
        capacity = max(int((hi - lo) // step) + 1, 0)
        caps = [capacity if x is not None else 0 for x in xs]
        if ks.size > sum(caps):
            # No room for every number even at the smallest size: the largest zones keep
            # theirs and the key says how many are left unlabelled (never silently).
            keep = np.argsort(-area[ks], kind="stable")[: sum(caps)]
            unlabelled += ks.size - keep.size
            ks = np.sort(ks[keep])
        # Each zone goes to the nearer column; larger zones first when a column is full,
        # the overflow to the other column while it has room.
        ks = ks[np.argsort(-area[ks], kind="stable")]
        dl = np.abs(cx[ks] - xs[0]) if xs[0] is not None else np.full(ks.size, np.inf)
        dr = np.abs(cx[ks] - xs[1]) if xs[1] is not None else np.full(ks.size, np.inf)
        near = [ks[dl <= dr], ks[dl > dr]]
        sides = [list(near[0][: caps[0]]), list(near[1][: caps[1]])]
        for side in (0, 1):
            room_left = caps[side] - len(sides[side])
            if room_left > 0:
                sides[side] += list(near[1 - side][caps[1 - side] :][:room_left])
        assert sum(map(len, sides)) == ks.size, "a callout was dropped"
        for side in (0, 1):
            if sides[side]:
                x = xs[side]
                assert x is not None
                columns.append((x, side, [int(small[k]) for k in sides[side]], lo, hi))

    # Number by label, top to bottom, so the same zone on both feet shares a number.
    placed = [(i, zones[i].anchor[1] + offsets[i, 1]) for _, _, ids, _, _ in columns for i in ids]
    numbers: dict[str, int] = {}
    for i, _ in sorted(placed, key=lambda t: (-round(t[1], 1), t[0])):
        numbers.setdefault(display_text(zones[i].label), len(numbers) + 1)

    segments, dots, circles = [], [], []
    for x, side, ids, lo, hi in columns:
        ids.sort(key=lambda i: zones[i].anchor[1] + offsets[i, 1])
        anchors = [
            (zones[i].anchor[0] + offsets[i, 0], zones[i].anchor[1] + offsets[i, 1]) for i in ids
        ]
        ys = _spread([a[1] for a in anchors], lo, hi, step)
        for i, (axx, ayy), y in zip(ids, anchors, ys, strict=True):
            end = x + radius if side == 0 else x - radius
            segments.append([(axx, ayy), (end, y)])
            dots.append((axx, ayy))
            circles.append((x, y))
            t = fasttext.adopt(
                ax.text(
                    x,
                    y,
                    str(numbers[display_text(zones[i].label)]),
                    ha="center",
                    va="center_baseline",
                    fontsize=size * 0.9,
                    fontweight="bold",
                    color=palette.TEXT_DARK,
                    zorder=_LABEL_Z,
                    gid=f"callout-{zones[i].id}",
                )
            )
            t.set_in_layout(False)
            labels.append(t)
    lines = LineCollection(
        segments, colors="#333333", linewidths=0.55, zorder=_LEADER_Z, capstyle="round"
    )
    lines.set_in_layout(False)
    lines.set_gid("footmap-leaders")
    ax.add_collection(lines, autolim=False)
    # All number circles and anchor dots as two marker lines: far cheaper to draw than a
    # boxed Text per number.
    (ring_line,) = ax.plot(
        [c[0] for c in circles],
        [c[1] for c in circles],
        linestyle="none",
        marker="o",
        markersize=2 * radius * scale,
        markerfacecolor="white",
        markeredgecolor="#666666",
        markeredgewidth=0.6,
        zorder=_LABEL_Z - 0.1,
        gid="footmap-callout-circles",
    )
    (dot_line,) = ax.plot(
        [d[0] for d in dots],
        [d[1] for d in dots],
        linestyle="none",
        marker="o",
        markersize=1.8,
        color="#222222",
        zorder=_LEADER_Z + 0.1,
    )
    for a in (ring_line, dot_line):
        a.set_in_layout(False)
    key_x = layout.extent[0] - artists._key_pt / scale
    key = _key(ax, numbers, artists._label_pt, (key_x, layout.extent[3]), unlabelled)
    return [lines, ring_line, dot_line], key


KEY_MIN_PT = 5.5  #: smallest font of the numbered key


def _key_spec(
    labels: Sequence[str], size: float, width_pt: float, height_pt: float
) -> tuple[float, int, int, float] | None:
    """Font size, rows, columns and width (points) of the key for ``labels``.

    The key may take up to a quarter of the Axes' width: its font shrinks (down to
    :data:`KEY_MIN_PT`) before the feet have to. Columns are balanced (rows differ by at
    most one between columns).
    """
    names = list(dict.fromkeys(display_text(t) for t in labels))
    n = len(names)
    if not n:
        return None
    fs = size * 1.05
    while True:
        line_h = fs * 1.3
        rows_max = max(int((height_pt * 0.96 - fs * 2.2) // line_h), 4)
        ncols = -(-n // rows_max)
        rows = -(-n // ncols)
        lines = [f"{k:>2}  {name}" for k, name in enumerate(names, start=1)]
        cols = [lines[i : i + rows] for i in range(0, n, rows)]
        width = sum(max(_text_size(line, fs)[0] for line in c) for c in cols)
        width += fs * 1.0 * (len(cols) - 1) + fs * 0.8
        width = max(width, _text_size("Key to numbers", fs * 1.1)[0] + fs * 0.8)
        if width <= width_pt * 0.25 or fs <= KEY_MIN_PT:
            return fs, rows, len(cols), width
        fs = max(fs * 0.92, KEY_MIN_PT)


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


def _key(
    ax: Axes,
    numbers: dict[str, int],
    size: float,
    at: tuple[float, float],
    unlabelled: int = 0,
) -> NumberKey | None:
    """The numbered key, its top left corner at ``at`` (data coordinates).

    ``unlabelled`` zones that got no number are counted in the key's title.
    """
    if not numbers and not unlabelled:
        return None
    fig = ax.figure
    pos = ax.get_position(original=True)
    fw, fh = fig.get_size_inches()
    spec = _key_spec(list(numbers) or [""], size, pos.width * fw * 72, pos.height * fh * 72)
    assert spec is not None
    fs, rows, _, _ = spec
    lines = [f"{n:>2}  {label}" for label, n in numbers.items()]
    title = "Key to numbers"
    if unlabelled:
        title += f"\n({unlabelled} zone{'s' if unlabelled > 1 else ''} too small to label here)"
    pad = fs * 0.2
    texts = []

    def put(dx: float, dy: float, text: str, fontsize: float) -> Text:
        t = fasttext.adopt(
            ax.text(
                at[0],
                at[1],
                text,
                transform=offset_copy(ax.transData, fig=fig, x=dx, y=dy, units="points"),
                ha="left",
                va="top",
                fontsize=fontsize,
                linespacing=1.3,
                color=palette.TEXT_DARK,
                zorder=_LABEL_Z,
                parse_math=False,
                clip_on=False,
            )
        )
        t.set_in_layout(False)
        return t

    head = put(pad, -pad, title, fs * 1.1)
    head_h = _text_size(title, fs * 1.1)[1] + fs * 0.5
    x = pad
    for i in range(0, len(lines), rows):
        column = lines[i : i + rows]
        texts.append(put(x, -pad - head_h, "\n".join(column), fs))
        x += max(_text_size(line, fs)[0] for line in column) + fs * 1.0
    return NumberKey(head, texts)
