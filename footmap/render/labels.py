"""Labels, callouts and the numbered key of a drawn map.

A zone large enough to hold its label (estimated text extent against the zone's shape, at
the scale the map is drawn) gets it inside, rotated along a tall zone if that fits better;
smaller zones get a number in a column beside the foot with a leader line to the zone, and
an entry in a :class:`NumberKey` beside the feet. :func:`place_labels` redoes all of it for
the Axes' current size. The texts are footmap's fast texts (:mod:`footmap.render.fasttext`).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import shapely
import shapely.affinity
import shapely.ops
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection
from matplotlib.text import Text
from matplotlib.transforms import offset_copy

from footmap import style as palette
from footmap.chart.model import Zone
from footmap.render import fasttext
from footmap.render.artists import MapArtists, NumberKey, recolor_labels
from footmap.render.layout import (
    COLUMN_MM,
    LABEL_MIN_PT,
    LABEL_PAD_MM,
    LABEL_Z,
    LEADER_Z,
    Layout,
    axes_points,
    fill_box,
    points_per_mm,
    root_figure,
    text_size,
    with_key_room,
)
from footmap.text.safe import display_text

__all__ = [
    "CALLOUT_MIN_PT",
    "KEY_MAX_SHARE",
    "ZIGZAG_STEP",
    "inside_labels",
    "inside_numbers",
    "key_lines",
    "key_spec",
    "place_labels",
    "place_once",
    "spread",
]

CALLOUT_MIN_PT = 4.8  #: smallest callout number tried when a column runs out of room
KEY_MIN_PT = 5.5  #: smallest font of the numbered key
SINGLE_STEP = 1.7  #: height between numbers of one column, in callout sizes
#: Height between numbers of two staggered columns (in callout sizes): a number of the outer
#: column stands level with the gap between two of the inner one, its leader passing
#: between their circles (radius 0.8 sizes) with 0.25 sizes to spare each side.
ZIGZAG_STEP = 1.05
ZIGZAG_DX = 2.0  #: outer column's distance from the inner one, in circle radii


def place_labels(artists: MapArtists, *, fontsize: float | None = None) -> None:
    """(Re)place zone labels, callouts and the key for the Axes' current size.

    :func:`footmap.render.plot_map` calls this itself; call it again after resizing the
    figure, since whether a label fits inside its zone depends on the drawing scale.

    Parameters
    ----------
    artists : MapArtists
    fontsize : float, optional
        Preferred label size in points (default 7).
    """
    if fontsize is not None:
        artists.label_pt = float(fontsize)
    ax = artists.ax
    layout = artists.layout
    if layout is None:
        return
    width_pt, height_pt = axes_points(ax)
    x0, y0, x1, y1 = layout.extent
    scale = min((width_pt - artists.key_pt) / (x1 - x0 + 4), height_pt / (y1 - y0 + 4))
    fill_box(ax, with_key_room(layout.extent, artists.key_pt / max(scale, 1e-3)))
    place_once(artists, points_per_mm(ax, layout_done=True))


def clear_labels(artists: MapArtists) -> None:
    """Remove the labels, callouts, leaders and key :func:`place_once` added."""
    for a in [*artists.labels, *artists.leaders]:
        a.remove()
    if artists.key is not None:
        artists.key.remove()
    artists.labels, artists.leaders, artists.key = [], [], None


def _two_lines(label: str) -> str | None:
    words = label.split()
    if len(words) < 2:
        return None
    best = min(
        range(1, len(words)),
        key=lambda k: abs(len(" ".join(words[:k])) - len(" ".join(words[k:]))),
    )
    return " ".join(words[:best]) + "\n" + " ".join(words[best:])


def inside_labels(
    zones: Sequence[Zone],
    wanted: np.ndarray,
    label_pt: float,
    scale: float,
    bounds: np.ndarray | None = None,
) -> tuple[dict[int, tuple[str, float, float]], np.ndarray]:
    """Which labels fit inside their zone, and how; the rest become callouts.

    Tries, per zone, the preferred size, then smaller sizes down to :data:`LABEL_MIN_PT`,
    each on one line, on two lines, and (for tall thin zones such as spine segments)
    turned to run along the zone. Widths come from cached glyph metrics in points and
    the test is done in chart millimetres (``scale`` points per mm): no text is drawn.
    ``bounds`` (from :func:`_bounds`) saves computing the zones' bounds again.

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
    bounds = _bounds(zones) if bounds is None else bounds
    bw, bh = bounds[:, 2] - bounds[:, 0], bounds[:, 3] - bounds[:, 1]
    long_side, short_side = np.maximum(bw, bh), np.minimum(bw, bh)
    texts = [display_text(z.label) for z in zones]
    # Cheap rejection first: a zone thinner than one line of the smallest text, or shorter
    # than the label's longest word could possibly be, never gets measured.
    min_h = text_size("Xg", small_pt)[1] / scale + 2 * pad
    word_pt = np.array([max((len(w) for w in t.split()), default=1) for t in texts])
    maybe = (short_side >= min_h) & (long_side >= word_pt * 0.45 * small_pt / scale + 2 * pad)
    maybe &= wanted
    cand_idx = np.flatnonzero(maybe)
    if cand_idx.size:
        for size in sizes:
            for wrap in (False, True):
                for turn in (False, True):
                    todo = [int(i) for i in cand_idx if i not in inside]
                    boxes, keep, fit = [], [], []
                    for i in todo:
                        text = _two_lines(texts[i]) if wrap else texts[i]
                        if text is None or (turn and bh[i] < 1.6 * bw[i]):
                            continue
                        w, h = text_size(text, size)
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


#: Clearance (mm of the chart) kept around a number written inside its zone.
NUMBER_PAD_MM = 0.3


def inside_numbers(
    zones: Sequence[Zone],
    small: np.ndarray,
    numbers: Mapping[str, int],
    label_pt: float,
    scale: float,
) -> dict[int, float]:
    """Which of the ``small`` zones (no room for their name) hold their number inside.

    A zone's number (the chart's, :attr:`Chart.numbers`) is written at its anchor when its
    box, at the callout numbers' size or down to their smallest, lies inside the zone; the
    key names it as it names a callout. The rest get a callout with a leader line.

    Returns
    -------
    dict
        Zone index -> font size in points.
    """
    found: dict[int, float] = {}
    if scale <= 0 or not len(small):
        return found
    sizes = sorted({label_pt * 0.9, max(label_pt * 0.9 * 0.85, CALLOUT_MIN_PT * 0.9),
                    CALLOUT_MIN_PT * 0.9}, reverse=True)  # fmt: skip
    todo = [int(i) for i in small]
    for size in sizes:
        boxes, keep = [], []
        for i in todo:
            w, h = text_size(str(numbers[zones[i].id]), size, "bold")
            w, h = w / scale / 2 + NUMBER_PAD_MM, h / scale / 2 + NUMBER_PAD_MM
            x, y = zones[i].anchor
            boxes.append(shapely.box(x - w, y - h, x + w, y + h))
            keep.append(i)
        if not keep:
            break
        geoms = np.array([zones[i].geometry for i in keep], dtype=object)
        ok = shapely.contains(geoms, np.array(boxes, dtype=object))
        for i, good in zip(keep, ok, strict=True):
            if good:
                found[i] = size
        todo = [i for i in todo if i not in found]
    return found


def _bounds(zones: Sequence[Zone]) -> np.ndarray:
    """Bounds ``(xmin, ymin, xmax, ymax)`` of the zones' geometries, one row per zone.

    One vectorised shapely call: at 100,000 zones a per-zone cache would thrash.
    """
    if not zones:
        return np.zeros((0, 4))
    return shapely.bounds(np.fromiter((z.geometry for z in zones), object, len(zones)))


def place_once(artists: MapArtists, scale: float) -> None:
    """Label the drawn zones once, at ``scale`` points per millimetre.

    Zones whose name fits inside get an inside label; the others a numbered callout with a
    leader line and a key (all stored on ``artists``, replacing any from before).

    Parameters
    ----------
    artists : MapArtists
        The map drawn by :func:`~footmap.render.plot_map`.
    scale : float
        Points per millimetre of the chart on the page; nothing is placed at zero or less.
    """
    # A name or number written inside a zone that a leader still crosses, with no place in
    # its zone clear of the leaders, tries other places in its zone, the leaders laid out
    # again around it; failing that, its zone gets a callout instead (never when that would
    # leave a zone without a number).
    called: frozenset[int] = frozenset()
    at: dict[int, tuple[float, float]] = {}
    if not artists.zones or artists.layout is None or scale <= 0:
        clear_labels(artists)
        return
    fit = _fit(artists, scale)
    # every trial is planned without artists; only the placement kept is drawn
    trials = _Trials(artists.ax)
    kept = _place(artists, scale, called, at, fit, trials)
    crossed, unlabelled = kept.crossed, kept.unlabelled

    def other_places() -> None:
        # every crossed text tries its next place at once (texts far apart do not meet)
        nonlocal at, crossed, kept
        spots = {i: _spots(fits) for i, fits in crossed.items()}
        for k in range(max((len(v) for v in spots.values()), default=0)):
            trying = {i: spots[i][k] for i in crossed if k < len(spots.get(i, ()))}
            if not trying:
                break
            trial = {**at, **trying}
            plan = _place(artists, scale, called, trial, fit, trials)
            if plan.unlabelled <= unlabelled and len(plan.crossed) < len(crossed):
                at, crossed, kept = trial, plan.crossed, plan

    other_places()
    for _ in range(3):
        if not crossed:
            break
        # all at once when the columns hold them all, else one zone at a time
        progress = False
        for n, extra in enumerate([set(crossed), *({i} for i in sorted(crossed))]):
            trial_called = called | extra
            if trial_called == called:
                continue
            plan = _place(artists, scale, trial_called, at, fit, trials)
            if plan.unlabelled <= unlabelled:
                called, crossed, kept, progress = trial_called, plan.crossed, plan, True
                if n == 0:
                    break
        if not progress:
            break
        # a callout moves the other numbers of its column: a text their leaders now cross
        # tries its other places too
        other_places()
    _draw(artists, kept)


def _spots(fits: np.ndarray, most: int = 4) -> list[tuple[float, float]]:
    """Up to ``most`` of the places ``fits`` (one row each), spread as far apart as they go."""
    if not len(fits):
        return []
    chosen = [0]
    far = np.hypot(*(fits - fits[0]).T)
    while len(chosen) < min(most, len(fits)):
        k = int(np.argmax(far))
        if far[k] <= 0:
            break
        chosen.append(k)
        far = np.minimum(far, np.hypot(*(fits - fits[k]).T))
    return [(float(fits[k, 0]), float(fits[k, 1])) for k in chosen]


#: Zones' bounds, inside labels, inside numbers and the rest (callouts): see :func:`_fit`.
_Fit = tuple[np.ndarray, dict[int, tuple[str, float, float]], dict[int, float], np.ndarray]


def _fit(artists: MapArtists, scale: float) -> _Fit:
    """Which zones get their name inside, which their number inside, and which a callout."""
    zones = artists.zones
    wanted = np.ones(len(zones), bool)
    if artists.label_only is not None:
        wanted[:] = False
        wanted[list(artists.label_only)] = True
    bounds = _bounds(zones)
    inside, small = inside_labels(zones, wanted, artists.label_pt, scale, bounds)
    numbered = inside_numbers(zones, small, artists.chart.numbers, artists.label_pt, scale)
    small = np.setdiff1d(small, np.fromiter(numbered, int, len(numbered)))
    return bounds, inside, numbered, small


@dataclass
class _Text:
    """A text a placement writes: where (data coordinates) and how (``Axes.text`` keywords)."""

    x: float
    y: float
    text: str
    style: dict[str, Any]


@dataclass
class _Plan:
    """One placement, worked out without creating artists (:func:`_draw` draws it).

    ``crossed`` are the zones whose inside name or number a leader still crosses (with the
    places in the zone where it would fit, one row each); ``unlabelled`` how many zones went
    without a number. ``callouts`` is ``None`` when there are no callouts at all, else the
    leaders' segments, anchor dots, number circles and the circles' size (points), the
    numbers' texts, and the key's entries, font size, corner, unlabelled count and room.
    """

    texts: list[_Text]
    crossed: dict[int, np.ndarray]
    unlabelled: int
    callouts: _Callouts | None


@dataclass
class _Callouts:
    """What :func:`_callouts` worked out: see :class:`_Plan`."""

    segments: list[list[tuple[float, float]]]
    dots: list[tuple[float, float]]
    circles: list[tuple[float, float]]
    ring_pt: float
    texts: list[_Text]
    key: tuple[dict[int, str], float, tuple[float, float], int, float | None] | None


class _Trials:
    """What the trial placements of one :func:`place_once` share.

    Texts' boxes as the figure's canvas draws them, without adding artists to the Axes:
    one probe text per distinct string and style, its extent at a position what a text
    made with the same keywords there would report (matplotlib's own layout, so equal to
    the drawn text's extent to the last bit). And each callout column's numbers' heights
    (``columns``), found again only when what they depend on changed (:func:`_callouts`).
    """

    def __init__(self, ax: Axes) -> None:
        self.ax = ax
        get_renderer = getattr(root_figure(ax).canvas, "get_renderer", None)
        self.renderer = get_renderer() if get_renderer is not None else None
        self.probes: dict[tuple[Any, ...], Text] = {}
        self.extents: dict[tuple[Any, ...], tuple[float, float, float, float]] = {}
        self.columns: dict[tuple[Any, ...], list[float]] = {}

    def extent(self, t: _Text) -> tuple[float, float, float, float]:
        """Display box ``(x0, y0, x1, y1)`` of ``t`` at its position (a renderer is needed)."""
        key = (t.text, *sorted(t.style.items()))
        at = (*key, t.x, t.y)  # most texts stand in the same place trial after trial
        if at in self.extents:
            return self.extents[at]
        probe = self.probes.get(key)
        if probe is None:
            probe = fasttext.adopt(Text(t.x, t.y, t.text, **t.style))
            fig = self.ax.get_figure(root=False)
            assert fig is not None
            probe.set_figure(fig)
            probe.set_transform(self.ax.transData)
            probe.axes = self.ax
            self.probes[key] = probe
        probe.set_position((t.x, t.y))
        e = probe.get_window_extent(self.renderer)
        self.extents[at] = (e.x0, e.y0, e.x1, e.y1)
        return self.extents[at]


def _place(
    artists: MapArtists,
    scale: float,
    called: frozenset[int],
    at: Mapping[int, tuple[float, float]],
    fit: _Fit | None = None,
    trials: _Trials | None = None,
) -> _Plan:
    """One pass of :func:`place_once`, the zones ``called`` out whatever their size.

    ``fit`` is what :func:`_fit` found for this ``scale`` (found again when not given).
    ``at`` puts the name or number of a zone elsewhere than at its anchor (data coordinates).
    Nothing is drawn: the plan says what (:func:`_draw`).
    """
    ax, zones, layout = artists.ax, artists.zones, artists.layout
    if not zones or layout is None or scale <= 0:
        return _Plan([], {}, 0, None)
    chart_numbers = artists.chart.numbers
    if fit is None:
        fit = _fit(artists, scale)
    if trials is None:
        trials = _Trials(ax)
    bounds, inside, numbered, small = fit
    if called:
        inside = {i: v for i, v in inside.items() if i not in called}
        numbered = {i: v for i, v in numbered.items() if i not in called}
        small = np.union1d(small, np.fromiter(called, int, len(called)))

    offsets = np.array([artists.panels[z.foot, z.view] for z in zones]).reshape(-1, 2)
    labels: list[_Text] = []
    # (zone index, text, its box about its position in mm): what a leader must not cross
    boxes: list[tuple[int, _Text, tuple[float, float, float, float]]] = []
    face = artists.face
    for i, (text, size, rotation) in inside.items():
        z = zones[i]
        x, y = at.get(i, (z.anchor[0] + offsets[i, 0], z.anchor[1] + offsets[i, 1]))
        t = _Text(
            x,
            y,
            text,
            {
                "ha": "center",
                "va": "center",
                "rotation": rotation,
                "rotation_mode": "anchor",
                "fontsize": size,
                "linespacing": 1.0,
                "color": palette.text_color(tuple(face[i])),
                "zorder": LABEL_Z,
                "gid": f"label-{z.id}",
                "parse_math": False,
            },
        )
        labels.append(t)
        w, h = text_size(text, size)
        w, h = (h, w) if rotation else (w, h)
        w, h = w / scale / 2 + LABEL_PAD_MM / 2, h / scale / 2 + LABEL_PAD_MM / 2
        boxes.append((i, t, (-w, -h, w, h)))

    for i, size in numbered.items():
        z = zones[i]
        x, y = at.get(i, (z.anchor[0] + offsets[i, 0], z.anchor[1] + offsets[i, 1]))
        t = _Text(
            x,
            y,
            str(chart_numbers[z.id]),
            {
                "ha": "center",
                "va": "center_baseline",
                "fontsize": size,
                "fontweight": "bold",
                "color": palette.text_color(tuple(face[i])),
                "zorder": LABEL_Z,
                "gid": f"number-{z.id}",
                "parse_math": False,
            },
        )
        labels.append(t)
        w, h = text_size(str(chart_numbers[z.id]), size, "bold")
        w, h = w / scale / 2 + NUMBER_PAD_MM, h / scale / 2 + NUMBER_PAD_MM
        boxes.append((i, t, (-w, -h, w, h)))
    named = {chart_numbers[zones[i].id]: display_text(zones[i].label) for i in numbered}
    boxes = _as_drawn(ax, boxes, trials)
    clear = LEADER_CLEAR_PT / scale
    avoid = []
    for _, t, (bx0, by0, bx1, by1) in boxes:
        x, y = t.x, t.y
        avoid.append(
            shapely.box(x + bx0 - clear, y + by0 - clear, x + bx1 + clear, y + by1 + clear)
        )
    callouts, unlabelled = _callouts(
        artists, small, bounds, offsets, scale, named, avoid, trials.columns
    )
    crossed = (
        _clear_of_leaders(artists, boxes, callouts, offsets, scale) if callouts is not None else {}
    )
    return _Plan(labels, crossed, unlabelled, callouts)


def _draw(artists: MapArtists, plan: _Plan) -> None:
    """Draw ``plan`` on ``artists``' Axes, replacing the labels, callouts and key of before."""
    clear_labels(artists)
    ax = artists.ax

    def text(t: _Text) -> Text:
        out = fasttext.adopt(ax.text(t.x, t.y, t.text, **t.style))
        out.set_in_layout(False)
        return out

    labels = [text(t) for t in plan.texts]
    leaders: list[Artist] = []
    key = None
    c = plan.callouts
    if c is not None:
        labels += [text(t) for t in c.texts]
        lines = LineCollection(
            c.segments, colors="#333333", linewidths=0.55, zorder=LEADER_Z, capstyle="round"
        )
        lines.set_in_layout(False)
        lines.set_gid("footmap-leaders")
        ax.add_collection(lines, autolim=False)
        # All number circles and anchor dots as two marker lines: far cheaper to draw than a
        # boxed Text per number.
        (ring_line,) = ax.plot(
            [p[0] for p in c.circles],
            [p[1] for p in c.circles],
            linestyle="none",
            marker="o",
            markersize=c.ring_pt,
            markerfacecolor="white",
            markeredgecolor="#666666",
            markeredgewidth=0.6,
            zorder=LABEL_Z - 0.1,
            gid="footmap-callout-circles",
        )
        (dot_line,) = ax.plot(
            [d[0] for d in c.dots],
            [d[1] for d in c.dots],
            linestyle="none",
            marker="o",
            markersize=1.8,
            color="#222222",
            zorder=LEADER_Z + 0.1,
        )
        for a in (ring_line, dot_line):
            a.set_in_layout(False)
        leaders = [lines, ring_line, dot_line]
        if c.key is not None:
            entries, size, corner, unlabelled, room = c.key
            key = _key(ax, entries, size, corner, unlabelled, room)
    artists.labels, artists.leaders, artists.key = labels, leaders, key
    recolor_labels(artists)
    if not artists.labels_on:
        artists.set_labels_visible(False)


#: Clearance (points) kept between a leader line and a name or number written inside a zone.
LEADER_CLEAR_PT = 0.4


def _as_drawn(
    ax: Axes,
    boxes: list[tuple[int, _Text, tuple[float, float, float, float]]],
    trials: _Trials,
) -> list[tuple[int, _Text, tuple[float, float, float, float]]]:
    """``boxes`` with each text's box as the canvas draws it, when the canvas can tell.

    A box is ``(x0, y0, x1, y1)`` about the text's position, in data millimetres, with
    :data:`NUMBER_PAD_MM` to spare; the estimates of ``boxes`` (wider, and centred where a
    number's digits sit low) stay when the figure's canvas has no renderer.
    """
    if trials.renderer is None or not boxes:
        return boxes
    inv = ax.transData.inverted()
    pad = NUMBER_PAD_MM
    out = []
    for i, t, _ in boxes:
        x, y = t.x, t.y
        ex0, ey0, ex1, ey1 = trials.extent(t)
        (x0, y0), (x1, y1) = inv.transform([(ex0, ey0), (ex1, ey1)])
        x0, x1 = sorted((float(x0), float(x1)))
        y0, y1 = sorted((float(y0), float(y1)))
        out.append((i, t, (x0 - x - pad, y0 - y - pad, x1 - x + pad, y1 - y + pad)))
    return out


def _clear_of_leaders(
    artists: MapArtists,
    boxes: Sequence[tuple[int, _Text, tuple[float, float, float, float]]],
    callouts: _Callouts,
    offsets: np.ndarray,
    scale: float,
) -> dict[int, np.ndarray]:
    """Move each name or number written inside a zone off the leader lines that cross it.

    A leader runs from its zone's anchor across the foot to its number beside the foot, and
    may pass over a name or number written inside another zone. Such a text moves, within
    its own zone, to the nearest place where its box (``boxes``: zone index, text, its box
    about its position in mm) keeps :data:`LEADER_CLEAR_PT` clear of every leader and anchor
    dot and still lies inside the zone. A text with no such place stays where it was; those
    zones are returned, each with the places (text positions, one row each) where its text
    would fit in the zone.
    """
    clear = LEADER_CLEAR_PT / scale
    obstacles = [shapely.LineString(seg) for seg in callouts.segments if len(seg) > 1]
    dot_xy = np.array(callouts.dots, float).reshape(-1, 2)
    obstacles += list(shapely.points(dot_xy).reshape(-1))
    if not obstacles:
        return {}
    tree = shapely.STRtree(obstacles)
    zones = artists.zones
    crossed: dict[int, np.ndarray] = {}
    for i, t, (bx0, by0, bx1, by1) in boxes:
        x, y = float(t.x), float(t.y)
        here = shapely.box(x + bx0 - clear, y + by0 - clear, x + bx1 + clear, y + by1 + clear)
        if not tree.query(here, predicate="intersects").size:
            continue
        dx, dy = offsets[i]
        zone = shapely.affinity.translate(zones[i].geometry, dx, dy)
        zx0, zy0, zx1, zy1 = zone.bounds
        step = max(min(bx1 - bx0, by1 - by0) / 6, 0.05)
        gx = np.arange(zx0 - bx0, zx1 - bx1 + step / 2, step)
        gy = np.arange(zy0 - by0, zy1 - by1 + step / 2, step)
        crossed[i] = np.zeros((0, 2))
        if not gx.size or not gy.size:
            continue
        cx, cy = (a.ravel() for a in np.meshgrid(gx, gy))
        fits = shapely.contains(zone, shapely.box(cx + bx0, cy + by0, cx + bx1, cy + by1))
        cx, cy = cx[fits], cy[fits]
        if not cx.size:
            continue
        crossed[i] = np.column_stack([cx, cy])
        grown = shapely.box(cx + bx0 - clear, cy + by0 - clear, cx + bx1 + clear, cy + by1 + clear)
        hit = np.zeros(cx.size, bool)
        hit[tree.query(grown, predicate="intersects")[0]] = True
        if hit.all():
            continue
        free = np.flatnonzero(~hit)
        best = free[np.argmin(np.hypot(cx[free] - x, cy[free] - y))]
        t.x, t.y = float(cx[best]), float(cy[best])
        del crossed[i]
    return crossed


def spread(desired: list[float], lo: float, hi: float, step: float) -> list[float]:
    """Positions near ``desired`` (sorted), at least ``step`` apart, within ``[lo, hi]``."""
    ys = [min(max(d, lo), hi) for d in desired]
    for i in range(1, len(ys)):
        ys[i] = max(ys[i], ys[i - 1] + step)
    if ys and ys[-1] > hi:
        ys[-1] = hi
        for i in range(len(ys) - 2, -1, -1):
            ys[i] = min(ys[i], ys[i + 1] - step)
    return ys


def _callouts(
    artists: MapArtists,
    small: np.ndarray,
    bounds: np.ndarray,
    offsets: np.ndarray,
    scale: float,
    named: Mapping[int, str] | None = None,
    avoid: Sequence[shapely.Geometry] = (),
    memo: dict[tuple[Any, ...], list[float]] | None = None,
) -> tuple[_Callouts | None, int]:
    """Numbered callouts in columns beside each panel, leader lines and the key (planned).

    Every zone in ``small`` gets a number: when the columns beside a panel have too few
    rows, the numbers get smaller (down to :data:`CALLOUT_MIN_PT`). Only when even that
    is not enough (thousands of tiny zones) do the smallest zones go without a number,
    and the key then says how many. ``named`` (number -> label) are the zones whose
    number is written inside them: the key names them too.

    No two leader lines cross: the zones of a panel go to its left or right column by
    where their anchors lie (every anchor of the left column left of every anchor of the
    right one), and within a column two crossing leaders swap their numbers' places
    (each swap shortens the leaders, so it ends). ``memo`` keeps each column's heights
    for the next call, keyed by all they depend on.
    """
    zones, layout = artists.zones, artists.layout
    assert layout is not None
    if small.size == 0 and not named:
        return None, 0
    cx = np.array([zones[i].anchor[0] for i in small], float).reshape(-1) + offsets[small, 0]
    area = (bounds[small, 2] - bounds[small, 0]) * (bounds[small, 3] - bounds[small, 1])
    panel_of = artists.panel_of[small]
    per_panel = np.bincount(panel_of, minlength=len(layout.panels))

    size, zigzag = artists.label_pt, False
    while True:
        step = size * (ZIGZAG_STEP if zigzag else SINGLE_STEP) / scale  # mm between slots
        radius = size * 0.8 / scale  # mm from a number's centre to its circle
        ok = True
        for k, p in enumerate(layout.panels):
            x0, y0, x1, y1 = p.box
            capacity = max(int((y1 - y0 - step / 2) // step) + 1, 0)
            n_sides = sum(_column_x(room, 0.0, 1, radius, zigzag) is not None for room in p.room)
            if per_panel[k] > capacity * n_sides:
                ok = False
        if ok:
            break
        if size <= CALLOUT_MIN_PT:
            if zigzag:
                break
            # Single columns hold too few even at the smallest size: two staggered
            # columns a side, at the largest size that fits.
            size, zigzag = artists.label_pt, True
            continue
        size = max(size * 0.9, CALLOUT_MIN_PT)

    # (column x, outer column x, side, zone indices, low y, high y) for every column that
    # gets numbers; the outer x is None for a single column
    columns: list[tuple[float, float | None, int, list[int], float, float]] = []
    unlabelled = 0
    for k, p in enumerate(layout.panels):
        ks = np.flatnonzero(panel_of == k)
        if not ks.size:
            continue
        x0, y0, x1, y1 = p.box
        # A column sits beside the outline box, as far out as its room allows; a column
        # without room for a number (a narrow gap at a small scale) takes none, unless
        # neither has room.
        xs = [
            _column_x(p.room[0], x0, -1, radius, zigzag),
            _column_x(p.room[1], x1, 1, radius, zigzag),
        ]
        if xs == [None, None]:
            xs = [(x0 - 1.3 * radius, None), (x1 + 1.3 * radius, None)]
        spans = [
            _column_span(layout, k, (edge, *x) if x is not None else None, radius, scale)
            for edge, x in ((x0, xs[0]), (x1, xs[1]))
        ]
        caps = [max(int((sp[1] - sp[0]) // step) + 1, 0) if sp is not None else 0 for sp in spans]
        if ks.size > sum(caps):
            # No room for every number even at the smallest size: the largest zones keep
            # theirs and the key says how many are left unlabelled (never silently).
            # The bundled chart never comes here, on any page size (tests/export).
            keep = np.argsort(-area[ks], kind="stable")[: sum(caps)]
            unlabelled += ks.size - keep.size
            ks = np.sort(ks[keep])
        # Each zone goes to the nearer column, split at one line across the panel (so
        # that no leader to the left column crosses one to the right); when a column is
        # full, the zones nearest the split go to the other.
        ks = ks[np.argsort(cx[ks], kind="stable")]
        xl, xr = (x[0] if x is not None else None for x in xs)
        dl = np.abs(cx[ks] - xl) if xl is not None else np.full(ks.size, np.inf)
        dr = np.abs(cx[ks] - xr) if xr is not None else np.full(ks.size, np.inf)
        n_left = min(max(int(np.sum(dl <= dr)), ks.size - caps[1]), caps[0])
        sides = [list(ks[:n_left]), list(ks[n_left:])]
        assert sum(map(len, sides)) == ks.size, "a callout was dropped"
        for side in (0, 1):
            if sides[side]:
                col, span = xs[side], spans[side]
                assert col is not None and span is not None
                ids = [int(small[k]) for k in sides[side]]
                columns.append((col[0], col[1], side, ids, *span))

    # The chart numbers its zones once (toe to heel, per view): the same zone has the same
    # number on every surface and at every size, and both feet share it.
    chart_numbers = artists.chart.numbers
    entries: dict[int, str] = dict(named or {})
    for _, _, _, ids, _, _ in columns:
        for i in ids:
            entries[chart_numbers[zones[i].id]] = display_text(zones[i].label)
    entries = dict(sorted(entries.items()))

    avoid_tree = shapely.STRtree(list(avoid))
    segments, dots, circles = [], [], []
    texts: list[_Text] = []
    starts: list[int] = []  # the zone of each leader
    for x, outer, side, ids, lo, hi in columns:
        ids.sort(key=lambda i: zones[i].anchor[1] + offsets[i, 1])
        anchors = [_anchor(zones[i], offsets[i], avoid_tree, radius) for i in ids]
        ys = spread([a[1] for a in anchors], lo, hi, step)
        end = x + radius if side == 0 else x - radius
        # The heights depend on the leaders' ends and on the texts' boxes in the box that
        # holds every leader _around may try (its heights stay within the column's slots
        # and the heights it starts from), so those are the memo's key.
        ax_ = [a[0] for a in anchors] + [end]
        ay_ = [a[1] for a in anchors] + [lo, hi, *ys]
        near = avoid_tree.query(shapely.box(min(ax_), min(ay_) - step, max(ax_), max(ay_) + step))
        texts_near = sorted(map(tuple, shapely.bounds(avoid_tree.geometries.take(near))))
        depends = (tuple(anchors), tuple(ys), end, lo, hi, step, tuple(texts_near))
        if memo is not None and depends in memo:
            ys = list(memo[depends])
        else:
            ys = _uncross(anchors, ys, end)
            ys = _around(anchors, ys, end, (lo, hi, step), avoid_tree)
            if memo is not None:
                memo[depends] = list(ys)
        rank = {y: r for r, y in enumerate(sorted(ys))}
        for i, (axx, ayy), y in zip(ids, anchors, ys, strict=True):
            # Staggered columns: every other number stands in the outer column, its leader
            # running on level through the gap between two numbers of the inner one.
            nx = outer if outer is not None and rank[y] % 2 else x
            if nx == x:
                segments.append([(axx, ayy), (end, y)])
            else:
                segments.append(
                    [(axx, ayy), (end, y), (nx + (radius if side == 0 else -radius), y)]
                )
            dots.append((axx, ayy))
            circles.append((nx, y))
            starts.append(i)
            texts.append(
                _Text(
                    nx,
                    y,
                    str(chart_numbers[zones[i].id]),
                    {
                        "ha": "center",
                        "va": "center_baseline",
                        "fontsize": size * 0.9,
                        "fontweight": "bold",
                        "color": palette.TEXT_DARK,
                        "zorder": LABEL_Z,
                        "gid": f"callout-{zones[i].id}",
                    },
                )
            )
    _restart(segments, dots, [zones[i] for i in starts], offsets[starts], avoid_tree, radius)
    key = None
    if artists.draw_key:  # else the caller shows the key itself (the explorer: HTML beside)
        key_x = layout.extent[0] - artists.key_pt / scale
        key_room = artists.key_pt - 4.0 if artists.key_pt > 4.0 else None  # width reserved
        key = (entries, artists.label_pt, (key_x, layout.extent[3]), unlabelled, key_room)
    return _Callouts(segments, dots, circles, 2 * radius * scale, texts, key), unlabelled


def _column_span(
    layout: Layout,
    k: int,
    column: tuple[float, float, float | None] | None,
    radius: float,
    scale: float,
) -> tuple[float, float] | None:
    """Lowest and highest centre of a number in a column beside panel ``k`` (data mm).

    ``column`` is (the panel's edge, the column's x, the outer column's x or None). The
    column runs the panel's height and on, above and below it, as far as nothing stands in
    the way between the panel's edge and the column: no heading, no other panel, and not
    past the layout's extent, so more numbers fit beside a small foot.
    """
    if column is None:
        return None
    p = layout.panels[k]
    x0, y0, x1, y1 = p.box
    edge, x, outer = column
    xs = [edge, x, x if outer is None else outer]
    left, right = min(xs) - radius, max(xs) + radius
    # what stands above or below: headings and the other panels, as boxes
    boxes = [q.box for j, q in enumerate(layout.panels) if j != k]
    for text, hx, hy, weight in layout.headings:
        w, h = text_size(text, 9 if weight == "bold" else 8.5, weight)
        w, h = w / scale / 2, h / scale / 2
        boxes.append((hx - w, hy - h, hx + w, hy + h))
    lo, hi = layout.extent[1] + radius, layout.extent[3] - radius
    for bx0, by0, bx1, by1 in boxes:
        if bx1 <= left or bx0 >= right:
            continue
        if by0 >= y1:
            hi = min(hi, by0 - 1.2 * radius)
        elif by1 <= y0:
            lo = max(lo, by1 + 1.2 * radius)
    lo, hi = min(lo, y0 + radius), max(hi, y1)
    return (lo, hi)


def _column_x(
    room: float, edge: float, sign: int, radius: float, zigzag: bool
) -> tuple[float, float | None] | None:
    """Where the numbers beside a panel's edge go: (column x, outer column x or None).

    A column sits ``COLUMN_MM`` out from the outline box, nearer when its ``room`` (mm
    beside the box) is short; ``None`` when a number does not fit there. With ``zigzag``
    a second column stands ``ZIGZAG_DX`` radii further out.
    """
    extra = ZIGZAG_DX * radius if zigzag else 0.0
    dist = min(max(COLUMN_MM, 2.2 * radius + 1.0), room - 1.3 * radius - extra)
    if dist < 1.6 * radius:
        return None
    x = edge + sign * dist
    return (x, x + sign * extra if zigzag else None)


def _crosses(p: tuple[float, float], q: tuple[float, float],
             r: tuple[float, float], s: tuple[float, float]) -> bool:  # fmt: skip
    """Whether segments ``pq`` and ``rs`` cross (touching at an end point does not count)."""

    def side(a: tuple[float, float], b: tuple[float, float], c: tuple[float, float]) -> float:
        return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])

    d1, d2 = side(r, s, p), side(r, s, q)
    d3, d4 = side(p, q, r), side(p, q, s)
    return d1 * d2 < 0 and d3 * d4 < 0


def _uncross(anchors: list[tuple[float, float]], ys: list[float], x: float) -> list[float]:
    """``ys`` (the numbers' heights in one column at ``x``) reassigned so no leaders cross.

    The leader of zone ``k`` runs from ``anchors[k]`` to ``(x, ys[k])``. Two crossing
    leaders swap their heights; a swap always shortens the two leaders together (the
    triangle inequality), so the loop ends, with no two leaders crossing. Each pass takes
    the pairs in order (``a < b``), as :func:`_crosses` one by one would, reading which
    pairs cross from a matrix kept up to date after each swap.
    """
    ys = list(ys)
    n = len(ys)
    ax_, ay_ = np.array(anchors, float).reshape(-1, 2).T
    for _ in range(4 * n * n + 1):
        cross = _cross_matrix(ax_, ay_, np.array(ys, float), x)
        if not cross.any():
            break
        for a in range(n):
            b = a + 1
            while b < n:
                later = np.flatnonzero(cross[a, b:])
                if not later.size:
                    break
                b += int(later[0])
                ys[a], ys[b] = ys[b], ys[a]
                cross = _cross_matrix(ax_, ay_, np.array(ys, float), x)
                b += 1
    return ys


def _cross_matrix(ax_: np.ndarray, ay_: np.ndarray, ys: np.ndarray, x: float) -> np.ndarray:
    """Which leaders from ``(ax_[k], ay_[k])`` to ``(x, ys[k])`` cross (square, symmetric).

    Entry ``[a, b]`` is :func:`_crosses` of leader ``a`` and leader ``b``, with the same
    arithmetic.
    """
    px, py = ax_[:, None], ay_[:, None]  # p, q: leader a (rows); r, s: leader b (columns)
    qx, qy = x, ys[:, None]
    rx, ry = ax_[None, :], ay_[None, :]
    sx, sy = x, ys[None, :]
    d1 = (sx - rx) * (py - ry) - (sy - ry) * (px - rx)
    d2 = (sx - rx) * (qy - ry) - (sy - ry) * (qx - rx)
    d3 = (qx - px) * (ry - py) - (qy - py) * (rx - px)
    d4 = (qx - px) * (sy - py) - (qy - py) * (sx - px)
    return (d1 * d2 < 0) & (d3 * d4 < 0)


def _anchor(
    zone: Zone, offset: np.ndarray, avoid: shapely.STRtree, margin: float
) -> tuple[float, float]:
    """Where a zone's leader starts (data coordinates): its anchor, off the inside texts.

    When the anchor lies in the box of a name or number written inside another zone
    (``avoid``; overlapping zones), the leader starts at the point of the zone nearest its
    anchor that lies out of every such box, ``margin`` inside where the zone allows.
    """
    dx, dy = float(offset[0]), float(offset[1])
    x, y = zone.anchor[0] + dx, zone.anchor[1] + dy
    here = shapely.Point(x, y)
    hit = avoid.query(here, predicate="intersects")
    if not hit.size:
        return (x, y)
    geom = shapely.affinity.translate(zone.geometry, dx, dy)
    near = avoid.query(geom, predicate="intersects")
    free = geom.difference(shapely.union_all(avoid.geometries.take(near)))
    if free.is_empty:
        return (x, y)
    for room in (margin, margin / 3, 0.0):
        inner = free.buffer(-room) if room else free
        if not inner.is_empty:
            p = shapely.ops.nearest_points(inner, here)[0]
            return (float(p.x), float(p.y))
    return (x, y)


def _restart(
    segments: list[list[tuple[float, float]]],
    dots: list[tuple[float, float]],
    zones: Sequence[Zone],
    offsets: np.ndarray,
    avoid: shapely.STRtree,
    margin: float,
) -> None:
    """Start a leader elsewhere in its zone when it crosses a name or number (in place).

    ``segments[k]`` (the leader of ``zones[k]``, offset by ``offsets[k]``) starts at
    ``dots[k]``. A leader crossing a box of ``avoid`` starts instead at the point of its
    zone nearest its anchor (``margin`` inside the zone where it allows) from which it
    crosses no box and no other leader; when there is none, it bends once round a box
    (:func:`_bend`), from its anchor or a point near it.
    """
    if not len(avoid.geometries):
        return
    lines = [shapely.LineString(seg) for seg in segments]
    todo = [k for k in range(len(segments)) if avoid.query(lines[k], predicate="intersects").size]
    inners: dict[int, shapely.Geometry] = {}  # each zone, ``margin`` in where it allows
    # twice: a leader that could not move for another's sake may once that one has moved
    for k in todo + todo:
        seg = segments[k]
        if not avoid.query(lines[k], predicate="intersects").size:
            continue
        if k not in inners:
            dx, dy = float(offsets[k][0]), float(offsets[k][1])
            zone = shapely.affinity.translate(zones[k].geometry, dx, dy)
            inner = zone.buffer(-margin)
            inners[k] = inner if not inner.is_empty else zone
        inner = inners[k]
        x0, y0, x1, y1 = inner.bounds
        step = max(min(x1 - x0, y1 - y0) / 8, 1e-6)
        gx, gy = np.meshgrid(np.arange(x0, x1 + step / 2, step), np.arange(y0, y1 + step / 2, step))
        px, py = gx.ravel(), gy.ravel()
        ok = shapely.contains_xy(inner, px, py)
        px, py = px[ok], py[ok]
        order = np.argsort(np.hypot(px - dots[k][0], py - dots[k][1]), kind="stable")
        others = shapely.STRtree([line for j, line in enumerate(lines) if j != k])
        sx = np.concatenate([[dots[k][0]], px[order]])
        sy = np.concatenate([[dots[k][1]], py[order]])
        near = others.query(shapely.points(sx, sy), "dwithin", distance=margin / 2)[0]
        keep = np.ones(sx.size, bool)
        keep[near] = False
        starts = [(float(a), float(b)) for a, b in zip(sx[keep], sy[keep], strict=True)]
        # straight from another point of the zone (the first, in order, that crosses no text
        # and no other leader), else with one elbow round a text
        path = None
        if starts:
            xy = np.array(starts)
            first = _lines(xy, [seg[1]])
            ok = ~_hit(avoid, first, "intersects")
            if ok.any():
                cand = np.flatnonzero(ok)
                whole = _lines(xy[cand], seg[1:])
                free = cand[~_hit(others, whole, "crosses")]
                if free.size:
                    path = [starts[int(free[0])], *seg[1:]]
        for start in starts[:8] if path is None else ():
            path = _bend([start, *seg[1:]], avoid, others, margin)
            if path is not None:
                break
        if path is not None:
            seg[:] = path
            dots[k] = path[0]
            lines[k] = shapely.LineString(path)


def _bend(
    seg: list[tuple[float, float]],
    avoid: shapely.STRtree,
    others: shapely.STRtree,
    margin: float,
) -> list[tuple[float, float]] | None:
    """``seg`` with one elbow, so that it crosses no box of ``avoid`` and no leader of ``others``.

    The elbow stands just off a corner of a box near the leader; the shortest such leader
    wins. ``None`` when there is none.
    """
    start, end = seg[0], seg[1]
    line = shapely.LineString([start, end])
    near = avoid.query(line.buffer(line.length / 2))
    if not near.size:
        return None
    b = shapely.bounds(avoid.geometries.take(near))
    bx0, by0 = b[:, 0] - margin / 4, b[:, 1] - margin / 4
    bx1, by1 = b[:, 2] + margin / 4, b[:, 3] + margin / 4
    # each box's corners, in the order (x0, y0), (x0, y1), (x1, y0), (x1, y1)
    elbows = np.stack(
        [np.column_stack(c) for c in ((bx0, by0), (bx0, by1), (bx1, by0), (bx1, by1))], axis=1
    ).reshape(-1, 2)
    n = len(elbows)
    coords = np.empty((n, 1 + len(seg), 2))
    coords[:, 0] = start
    coords[:, 1] = elbows
    coords[:, 2:] = np.asarray(seg[1:], float)
    ok = ~_hit(avoid, shapely.linestrings(coords[:, :3]), "intersects")
    if not ok.any():
        return None
    cand = np.flatnonzero(ok)
    full = shapely.linestrings(coords[cand])
    good = ~_hit(others, full, "crosses")
    if not good.any():
        return None
    cand, full = cand[good], full[good]
    best = int(cand[np.argmin(shapely.length(full))])  # the first of the shortest
    px, py = float(elbows[best, 0]), float(elbows[best, 1])
    return [start, (px, py), *seg[1:]]


def _lines(starts: np.ndarray, rest: Sequence[tuple[float, float]]) -> np.ndarray:
    """Line strings from each of ``starts`` (one row each) through the points ``rest``."""
    coords = np.empty((len(starts), 1 + len(rest), 2))
    coords[:, 0] = starts
    coords[:, 1:] = np.asarray(rest, float)
    return shapely.linestrings(coords)


def _hit(tree: shapely.STRtree, geoms: np.ndarray, predicate: str) -> np.ndarray:
    """Whether each of ``geoms`` meets (``predicate``) any geometry of ``tree``."""
    out = np.zeros(len(geoms), bool)
    if len(geoms):
        out[tree.query(geoms, predicate=predicate)[0]] = True
    return out


def _around(
    anchors: list[tuple[float, float]],
    ys: list[float],
    x: float,
    slots: tuple[float, float, float],
    avoid: shapely.STRtree,
) -> list[float]:
    """``ys`` changed so that fewer leaders cross a text in ``avoid``, none crossing another.

    The leader of zone ``k`` runs from ``anchors[k]`` to ``(x, ys[k])``; ``slots`` is the
    column's (lowest, highest, step): numbers stay within it, ``step`` apart. A leader that
    crosses a name or number written inside a zone (``avoid``: their boxes, with room to
    spare) moves its number to another place: a free one in the column, another number's
    (the two swap), or between two others (those between move one place along), when that
    makes fewer leaders cross a text and no two leaders cross, and no leader grows longer
    by more than three places; the best change first.
    """
    ys = list(ys)
    n = len(ys)
    if not n or not len(avoid.geometries):
        return ys
    lo, hi, step = slots

    seen: dict[tuple[int, float], int] = {}

    def prefetch(pairs: Iterable[tuple[int, float]]) -> None:
        # how many texts each leader (zone k to the column at height y) crosses, in bulk
        todo = list(dict.fromkeys(p for p in pairs if p not in seen))
        if todo:
            coords = np.array([[anchors[k], (x, y)] for k, y in todo], float)
            hit = avoid.query(shapely.linestrings(coords), predicate="intersects")[0]
            for p, c in zip(todo, np.bincount(hit, minlength=len(todo)), strict=True):
                seen[p] = int(c)

    def hits(k: int, y: float) -> int:
        if (k, y) not in seen:
            prefetch([(k, y)])
        return seen[k, y]

    def length(k: int, y: float) -> float:
        return math.hypot(x - anchors[k][0], y - anchors[k][1])

    def untangled(new: list[float], changed: list[int]) -> bool:
        return not any(
            _crosses(anchors[a], (x, new[a]), anchors[b], (x, new[b]))
            for a in changed
            for b in range(n)
            if b != a and not (b in changed and b < a)
        )

    for _ in range(2 * n):
        prefetch((k, ys[k]) for k in range(n))
        cost = [hits(k, ys[k]) for k in range(n)]
        if not any(cost):
            break
        best: tuple[int, float, list[float]] | None = None  # gain, -displacement, ys
        for a in (k for k in range(n) if cost[k]):
            options: list[list[float]] = []
            # a free place on the slot grid through the number, clear of the others, no
            # further than two places beyond the column's ends
            near_lo, near_hi = max(lo, min(ys) - 2 * step), min(hi, max(ys) + 2 * step)
            grid = ys[a] + step * np.arange(
                -int((ys[a] - near_lo) // step), int((near_hi - ys[a]) // step) + 1
            )
            others = np.array([ys[j] for j in range(n) if j != a])
            for y in grid:
                if not others.size or np.min(np.abs(others - y)) >= step * 0.999:
                    new = list(ys)
                    new[a] = float(y)
                    options.append(new)
            # another's place: the two swap, or those between move one place along
            order = sorted(range(n), key=lambda j: ys[j])
            r = order.index(a)
            for t in range(n):
                if t == r:
                    continue
                swap = list(ys)
                swap[a], swap[order[t]] = ys[order[t]], ys[a]
                options.append(swap)
                if abs(t - r) > 1:
                    shift = list(ys)
                    moved = order[t:r] if t < r else order[r + 1 : t + 1][::-1]
                    for j, k in zip(moved, order[t + 1 : r + 1] if t < r else order[r:t][::-1],
                                    strict=True):  # fmt: skip
                        shift[j] = ys[k]
                    shift[a] = ys[order[t]]
                    options.append(shift)
            evals = []
            for new in options:
                changed = [k for k in range(n) if new[k] != ys[k]]
                if any(length(k, new[k]) > length(k, ys[k]) + 3 * step for k in changed):
                    continue  # a leader much longer reads worse than a bend
                evals.append((new, changed))
            prefetch((k, new[k]) for new, changed in evals for k in changed)
            for new, changed in evals:
                gain = sum(cost[k] - hits(k, new[k]) for k in changed)
                if gain <= 0:
                    continue
                moved_by = -sum(abs(new[k] - ys[k]) for k in changed)
                if best is not None and (gain, moved_by) <= best[:2]:
                    continue
                if untangled(new, changed):
                    best = (gain, moved_by, new)
        if best is None:
            break
        ys = best[2]
    return ys


#: The most of the map's width the numbered key takes; columns beyond it are not listed.
KEY_MAX_SHARE = 0.5


def key_lines(entries: Mapping[int, str]) -> list[str]:
    """The key's lines, ``number  label``, numbers right-aligned, in number order."""
    digits = len(str(max(entries, default=0)))
    return [f"{n:>{digits}}  {label}" for n, label in sorted(entries.items())]


def key_spec(
    entries: Mapping[int, str],
    size: float,
    width_pt: float,
    height_pt: float,
    max_width_pt: float | None = None,
) -> tuple[float, int, int, float] | None:
    """Font size, rows, columns and width (points) of the key for ``entries``.

    ``entries`` maps each callout number to its label. The key may take up to a quarter
    of the Axes' width, or ``max_width_pt`` when given (the room already reserved beside
    the feet): its font shrinks (down to :data:`KEY_MIN_PT`) before the feet have to.
    Columns are balanced (rows differ by at most one between columns).
    """
    limit = width_pt * 0.25 if max_width_pt is None else min(max_width_pt, width_pt * 0.25)
    lines = key_lines(entries)
    n = len(lines)
    if not n:
        return None
    fs = size * 1.05
    while True:
        line_h = fs * 1.3
        rows_max = max(int((height_pt * 0.96 - fs * 2.2) // line_h), 4)
        ncols = -(-n // rows_max)
        rows = -(-n // ncols)
        cols = [lines[i : i + rows] for i in range(0, n, rows)]
        width = sum(max(text_size(line, fs)[0] for line in c) for c in cols)
        width += fs * 1.0 * (len(cols) - 1) + fs * 0.8
        width = max(width, text_size("Key to numbers", fs * 1.1)[0] + fs * 0.8)
        if width <= limit or fs <= KEY_MIN_PT:
            return fs, rows, len(cols), width
        fs = max(fs * 0.92, KEY_MIN_PT)


def _key(
    ax: Axes,
    entries: Mapping[int, str],
    size: float,
    at: tuple[float, float],
    unlabelled: int = 0,
    max_width_pt: float | None = None,
) -> NumberKey | None:
    """The numbered key, its top left corner at ``at`` (data coordinates).

    ``unlabelled`` zones that got no number are counted in the key's title; the key keeps
    within ``max_width_pt`` (the room reserved for it) by shrinking its font.
    """
    if not entries and not unlabelled:
        return None
    fig = root_figure(ax)
    pos = ax.get_position(original=True)
    fw, fh = fig.get_size_inches()
    spec = key_spec(
        entries or {0: ""}, size, pos.width * fw * 72, pos.height * fh * 72, max_width_pt
    )
    assert spec is not None
    fs, rows, _, _ = spec
    lines = key_lines(entries)
    # the columns that fit the key's room (at most KEY_MAX_SHARE of the width); the others
    # are left out and the title says which numbers
    limit = pos.width * fw * 72 * KEY_MAX_SHARE
    limit = limit if max_width_pt is None else min(limit, max_width_pt)
    shown, used = 0, fs * 0.8
    for i in range(0, len(lines), rows):
        width = max(text_size(line, fs)[0] for line in lines[i : i + rows])
        if shown and used + width > limit + 0.5:
            break
        shown, used = i + len(lines[i : i + rows]), used + width + fs * 1.0
    title = "Key to numbers"
    if unlabelled:
        title += f"\n({unlabelled} zone{'s' if unlabelled > 1 else ''} too small to label here)"
    if shown < len(lines):
        title += f"\n(numbers {shown + 1} to {len(lines)}: no room to list them here)"
        lines = lines[:shown]
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
                zorder=LABEL_Z,
                parse_math=False,
                clip_on=False,
            )
        )
        t.set_in_layout(False)
        return t

    head = put(pad, -pad, title, fs * 1.1)
    head_h = text_size(title, fs * 1.1)[1] + fs * 0.5
    x = pad
    for i in range(0, len(lines), rows):
        column = lines[i : i + rows]
        texts.append(put(x, -pad - head_h, "\n".join(column), fs))
        x += max(text_size(line, fs)[0] for line in column) + fs * 1.0
    return NumberKey(head, texts)
