"""Draw a chart onto a matplotlib Axes and hand back the artists.

:func:`plot_map` is the one drawing entry point: all zones of the requested panels (a foot
seen from one view) become **one** :class:`~matplotlib.collections.PatchCollection` of
compound paths (holes drawn as holes), laid out side by side (feet) and in a grid (views) on
a single Axes. It returns a :class:`MapArtists` whose ``zones[i]`` is drawn by path ``i`` of
the collection, so a click, a colour and a label always refer to the same zone.

Where the panels go is :mod:`footmap.render.layout`'s job; the labels, callouts and numbered key
are :mod:`footmap.render.labels`' (a zone large enough to hold its label gets it inside; smaller
zones get a number in a column beside the foot, a leader line, and an entry in the key).

Nothing here calls ``plt.show()``; the caller decides when and where to show or save.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence

import matplotlib.pyplot as plt
import numpy as np
import shapely
from matplotlib import colormaps
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.cm import ScalarMappable
from matplotlib.collections import Collection, PatchCollection
from matplotlib.colors import Normalize, to_rgba
from matplotlib.legend import Legend
from matplotlib.patches import Patch, PathPatch
from matplotlib.path import Path
from matplotlib.ticker import MaxNLocator
from shapely.geometry.base import BaseGeometry

from footmap import style as palette
from footmap.chart.model import Chart, Zone
from footmap.chart.query import HighlightSpec, resolve
from footmap.errors import FootmapError
from footmap.render import disagreements as marks
from footmap.render import fasttext
from footmap.render.artists import (
    ZONE_LW,
    MapArtists,
    set_highlight,
)
from footmap.render.labels import (
    CALLOUT_MIN_PT,
    KEY_MAX_SHARE,
    ZIGZAG_STEP,
    inside_labels,
    inside_numbers,
    key_spec,
    place_once,
)
from footmap.render.layout import (
    HATCH_Z,
    LABEL_PT,
    ZONE_Z,
    Layout,
    axes_points,
    decoration_scale,
    fill_box,
    fit_layout,
    normalise_feet,
    normalise_views,
    points_per_mm,
    root_figure,
    text_size,
    with_key_room,
)
from footmap.text.safe import display_text
from footmap.vocab import SYSTEMS, VIEWS

__all__ = ["ColorBy", "plot_map"]

#: What :func:`plot_map` accepts as ``color_by``.
ColorBy = str | Mapping[str, float] | Callable[[Zone], float] | None

# -- zone line widths and the highlight's edge ------------------------------------------------


# ------------------------------------------------------------------------------------------
# The artists
# ------------------------------------------------------------------------------------------


# ------------------------------------------------------------------------------------------
# Resolving highlight specs
# ------------------------------------------------------------------------------------------


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
    disagreements: bool = False,
    key: bool = True,
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
    disagreements : bool, optional
        Mark the zones where the chart documents that published charts disagree with a
        dashed outline, and add "charts disagree" to the legend (a legend of its own, under
        the map, when ``legend`` is off). Off by default; the exports turn it on when the
        chart has disagreements.
    key : bool, optional
        Draw the key to the callout numbers left of the feet (with room kept for it). With
        ``False`` the numbers stay and the caller shows the key elsewhere (the explorer puts
        it in HTML beside the canvas): the feet get that room.

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
    feet_t = normalise_feet(chart, feet)
    views_t = normalise_views(chart, views)
    if ax is None:
        fig = plt.figure(figsize=(10, 7.5) if len(views_t) > 1 else (9, 7), layout="constrained")
        ax = fig.add_subplot()
    fig = root_figure(ax)
    zones = tuple(z for v in views_t for f in feet_t for z in chart.zones_on(f, v))
    face, values, mappable, value_label = _face_colors(zones, color_by)
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_visible(False)
    legend_artist = colorbar = None
    shrink = decoration_scale(ax)
    chosen = resolve(chart, highlight)
    chosen_ids = {z.id for z in chosen}
    # With a highlight, the legend names the highlighted systems and only the highlighted
    # zones carry the "charts disagree" mark; without one, every drawn system and zone.
    shown = [z for z in zones if z.id in chosen_ids] if chosen_ids else list(zones)
    shown = shown or list(zones)
    marked = disagreements and marks.has_marks(chart, shown)
    if marked and (not legend or mappable is not None):
        legend_artist = _marks_legend(ax, shrink)
    if legend:
        if mappable is not None:
            colorbar = fig.colorbar(
                mappable, ax=ax, shrink=0.55, pad=0.02, aspect=25, label=value_label
            )
            if color_by == "sources":
                colorbar.locator = MaxNLocator(integer=True)
                colorbar.update_ticks()
        else:
            legend_artist = _system_legend(ax, shown, hatch, legend_loc, shrink, marked)
    if title:
        _title(
            ax,
            chart,
            feet_t,
            views_t,
            title if isinstance(title, str) else None,
            shrink,
            beside=legend and mappable is None and legend_loc == "right",
        )

    # The layout engine places the Axes once, around the legend and the title; everything
    # drawn afterwards (zones, labels, callouts, the key) stays out of the layout, so the
    # drawing scale is known from here on and no further layout pass is needed.
    width_pt, height_pt = axes_points(ax)
    label_only = None
    if labels == "highlighted" and chosen:
        label_only = {z.id for z in chosen}
    wanted = np.array([label_only is None or z.id in label_only for z in zones], bool)
    bounds = shapely.bounds(np.fromiter((z.geometry for z in zones), object, len(zones)))
    views_of = np.array([z.view for z in zones], dtype=object)
    smalls: dict[float, tuple[np.ndarray, np.ndarray]] = {}

    def small_at(scale: float, called_out: bool = False) -> np.ndarray:
        """Indices of the wanted zones whose label does not fit inside at ``scale``.

        With ``called_out``, only those whose number does not fit inside either.
        """
        key = round(scale, 4)
        if key not in smalls:
            small = inside_labels(zones, wanted, LABEL_PT, scale, bounds)[1]
            numbered = inside_numbers(zones, small, chart.numbers, LABEL_PT, scale)
            rest = np.setdiff1d(small, np.fromiter(numbered, int, len(numbered)))
            smalls[key] = (small, rest)
        return smalls[key][1 if called_out else 0]

    def callout_views(scale: float) -> set[str]:
        return {str(v) for v in views_of[small_at(scale, True)]} if len(zones) else set()

    key_pt = 0.0  # room for the numbered key, left of the feet
    for _attempt in range(4):
        layout, scale = fit_layout(
            chart,
            feet_t,
            views_t,
            float(gap_mm),
            width_pt - key_pt,
            height_pt,
            bool(labels),
            callout_views,
        )
        if not labels or not key:
            break
        small = small_at(scale)
        # At most as many numbers as the callout columns can hold at their smallest.
        cap = int(2 * len(layout.panels) * height_pt / (CALLOUT_MIN_PT * ZIGZAG_STEP)) + 1
        entries = {chart.numbers[zones[i].id]: zones[i].label for i in small[:cap]}
        spec = key_spec(entries, LABEL_PT, width_pt, height_pt)
        # never more than half the width: a key of many long labels at its smallest font
        # would otherwise leave the feet no room (the key then lists what fits)
        need = min(spec[3], width_pt * KEY_MAX_SHARE) + 4.0 if spec is not None else 0.0
        if need <= key_pt + 1.0 and (need >= key_pt * 0.85 or _attempt == 3):
            break
        key_pt = need
    artists = _draw_panels(ax, chart, zones, face, layout, hatch)
    artists.legend, artists.colorbar, artists.values = legend_artist, colorbar, values
    if marked:
        paths = artists.collection.get_paths()
        keep = [k for k, z in enumerate(zones) if not chosen_ids or z.id in chosen_ids]
        artists.disagreements = marks.mark_disagreements(
            ax, chart, [zones[k] for k in keep], [paths[k] for k in keep], light=not chosen_ids
        )
    artists.labels_on = bool(labels)
    artists.label_only = (
        frozenset(artists.index[i] for i in label_only) if label_only is not None else None
    )
    artists.key_pt = key_pt
    artists.draw_key = bool(key)
    set_highlight(artists, chosen)
    fill_box(ax, with_key_room(layout.extent, key_pt / scale))
    if labels:
        place_once(artists, points_per_mm(ax, layout_done=True))
    return artists


def _draw_panels(
    ax: Axes,
    chart: Chart,
    zones: tuple[Zone, ...],
    face: np.ndarray,
    layout: Layout,
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
        zorder=ZONE_Z,
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
                [], facecolors="none", edgecolors="none", linewidths=0, zorder=HATCH_Z
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
        layout=layout,
        face=face,
        index={z.id: i for i, z in enumerate(zones)},
        panel_of=np.array([panel_index[z.foot, z.view] for z in zones], dtype=int).reshape(-1),
    )


def _system_legend(
    ax: Axes,
    zones: Sequence[Zone],
    hatch: bool,
    loc: str = "right",
    shrink: float = 1.0,
    marked: bool = False,
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
    if marked:
        handles.append(marks.disagreement_handle())
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


def _marks_legend(ax: Axes, shrink: float = 1.0) -> Legend:
    """A one-entry legend under the map for the disagreement mark (when no system legend)."""
    leg = ax.legend(
        handles=[marks.disagreement_handle()],
        loc="upper center",
        bbox_to_anchor=(0.5, 0.0),
        frameon=False,
        fontsize=8 * shrink,
        handlelength=1.6,
        handleheight=1.1,
        borderaxespad=0.2,
    )
    leg.set_gid("footmap-legend")
    fasttext.adopt_all(leg.get_texts())
    return leg


def _legend_columns(ax: Axes, handles: Sequence[Patch], size: float = 8.0) -> int:
    """Columns of a legend under the Axes that keep it no wider than the Axes."""
    width_pt = ax.get_position(original=True).width * root_figure(ax).get_size_inches()[0] * 72
    entry_pt = max(text_size(str(h.get_label()), size)[0] for h in handles) + size * 4.2
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


def _orientation_caption(chart: Chart, feet: Sequence[str]) -> str:
    """How soles are drawn: the chart's first sentence, and only what the figure shows.

    With one foot drawn, the part after the colon (where the other foot goes, its mirror
    image) is left out: the caption speaks only of what is drawn.
    """
    sentence = _first_sentence(chart.orientation)
    if len(feet) == 1 and ":" in sentence:
        sentence = sentence.split(":", 1)[0].rstrip() + "."
    return display_text(sentence)


def _wrap_pt(text: str, width_pt: float, size: float) -> list[str]:
    """Greedy word wrap of ``text`` to ``width_pt`` points at ``size`` points."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        trial = f"{line} {word}" if line else word
        if line and text_size(trial, size)[0] * 1.08 > width_pt:
            lines.append(line)
            line = word
        else:
            line = trial
    return [*lines, line] if line else lines


def _title(
    ax: Axes,
    chart: Chart,
    feet: Sequence[str],
    views: Sequence[str],
    head: str | None,
    shrink: float = 1.0,
    beside: bool = False,
) -> None:
    feet_phrase = "left and right foot" if len(feet) == 2 else f"{feet[0]} foot"
    head = display_text(head or f"{_views_phrase(views)}, {feet_phrase}")
    sub = _orientation_caption(chart, feet) if "plantar" in views else ""
    # Wrap to the width the Axes will roughly have: its default box, within the part of
    # the figure the layout engine may use (less the legend's column when it stands
    # beside the map). The caption stays out of the layout (its height is the title's
    # pad), so a long caption can never narrow the map.
    frac = ax.get_position(original=True).width
    engine = ax.figure.get_layout_engine()
    rect = engine.get().get("rect") if engine is not None else None
    if rect is not None and len(rect) == 4:
        frac = min(frac, rect[2] * 0.95)
    width_pt = frac * root_figure(ax).get_size_inches()[0] * 72 * (0.72 if beside else 1.0)
    sub_pt, head_pt = 7.5 * shrink, 11 * shrink
    sub_lines = _wrap_pt(sub, width_pt, sub_pt) if sub else []
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
        t.set_in_layout(False)
        fasttext.adopt(t)
    head_lines = _wrap_pt(head, width_pt, head_pt) or [head]
    # A title on two lines or more stands on its last line's descent: keep that off the caption.
    pad = 6 + sub_pt * 1.25 * len(sub_lines) + (head_pt * 0.25 if len(head_lines) > 1 else 0.0)
    title = ax.set_title("\n".join(head_lines), fontsize=head_pt, fontweight="bold", pad=pad)
    title.set_parse_math(False)
    fasttext.adopt(title)


# ------------------------------------------------------------------------------------------
# Highlight
# ------------------------------------------------------------------------------------------
