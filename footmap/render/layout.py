"""Where things go on the Axes: panels, scale, room for callouts and the key, text sizes.

Chart coordinates are millimetres in each panel's frame; :func:`arrange` places the panels
(feet side by side, views in a grid) in one data frame, :func:`fit_layout` picks the
arrangement drawn at the largest scale with room left for callout columns and headings, and
the rest turns the Axes' size after the layout engine has run into points per millimetre.
:func:`text_size` estimates text extents cheaply, for fitting labels and wrapping text.
Nothing here draws.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties

from footmap.chart.model import Chart
from footmap.errors import FootmapError
from footmap.vocab import FEET, VIEWS

__all__ = [
    "COLUMN_MM",
    "HATCH_Z",
    "HEADING_MM",
    "LABEL_MIN_PT",
    "LABEL_PAD_MM",
    "LABEL_PT",
    "LABEL_Z",
    "LEADER_Z",
    "SIDE_MM",
    "ZONE_Z",
    "Layout",
    "Panel",
    "arrange",
    "axes_points",
    "decoration_scale",
    "fill_box",
    "fit_layout",
    "normalise_feet",
    "normalise_views",
    "points_per_mm",
    "root_figure",
    "settle_layout",
    "text_size",
    "with_key_room",
]

# -- millimetres of the chart frame, points for text ----------------------------------------------
SIDE_MM = 17.0  #: room beside a panel's outer edge for the callout column
COLUMN_MM = 9.0  #: distance of a callout column from the panel's outline box
HEADING_MM = 11.0  #: room above a panel for its heading
LABEL_PT = 7.0  #: preferred label size
LABEL_MIN_PT = 5.5  #: smallest label size tried inside a zone
LABEL_PAD_MM = 0.6  #: clearance kept between a label's box and its zone's edge
#: Drawing order: zones, their hatching, callout leaders, labels.
ZONE_Z, HATCH_Z, LEADER_Z, LABEL_Z = 2.0, 2.2, 3.0, 4.0


@dataclass(frozen=True)
class Panel:
    """One panel (a foot in one view) placed in the Axes' data frame."""

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
class Layout:
    """Where every panel and heading goes, and the data extent they cover."""

    panels: tuple[Panel, ...]
    extent: tuple[float, float, float, float]  # data xmin, ymin, xmax, ymax
    headings: tuple[tuple[str, float, float, str], ...]  # text, x, y, weight
    multi_view: bool


def normalise_feet(chart: Chart, feet: str | Sequence[str]) -> tuple[str, ...]:
    """``"left"``, ``"right"``, ``"both"`` or a sequence, as feet in chart order.

    Raises
    ------
    FootmapError
        An unknown foot, or none.
    """
    if isinstance(feet, str):
        feet = FEET if feet in ("both", "all") else (feet,)
    feet = tuple(feet)
    bad = [f for f in feet if f not in FEET]
    if bad or not feet:
        raise FootmapError(f"unknown foot {bad[0] if bad else ''!r}: use 'left', 'right' or both")
    return tuple(f for f in FEET if f in feet)


def normalise_views(chart: Chart, views: str | Sequence[str] | None) -> tuple[str, ...]:
    """A view, a sequence of views, ``"all"`` or ``None`` (all), as views the chart has.

    Raises
    ------
    FootmapError
        An unknown view, or one this chart does not have.
    """
    if views is None or views == "all" or (not isinstance(views, str) and "all" in views):
        return chart.views
    if isinstance(views, str):
        views = (views,)
    if not views:
        raise FootmapError("views is empty: name a view, or 'all'")
    bad = [v for v in views if v not in VIEWS]
    if bad:
        raise FootmapError(f"unknown view {bad[0]!r}: use one of {', '.join(VIEWS)} or 'all'")
    missing = [v for v in views if v not in chart.views]
    if missing:
        raise FootmapError(
            f"this chart has no {missing[0]} view (it has: {', '.join(chart.views) or 'none'})"
        )
    return tuple(v for v in VIEWS if v in views)


def arrange(
    chart: Chart,
    feet: tuple[str, ...],
    views: tuple[str, ...],
    gap: float,
    aspect: float,
    side: float | Mapping[str, float] = SIDE_MM,
    head: float = HEADING_MM,
    stack: bool = False,
    inner_gap: Mapping[str, float] | None = None,
) -> Layout:
    """Place panels: feet side by side within a view group, view groups in a grid.

    With ``stack``, the feet of a profile view (medial, lateral: long and low) are stacked
    one above the other instead, so that the profiles use the width of a page. ``side``
    (the room beside a group's outer feet, for callout columns) and ``inner_gap`` (between
    the feet of a view) may be given per view: a view without callouts needs little.
    """
    groups = []
    multi = len(views) > 1
    sides = side if isinstance(side, Mapping) else dict.fromkeys(views, float(side))
    inner = dict.fromkeys(views, gap) if inner_gap is None else dict(inner_gap)
    for view in views:
        side = sides[view]
        gap_in = inner.get(view, gap)
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
            width = sum(b[2] - b[0] for b in bounds) + gap_in * (len(bounds) - 1) + 2 * side
            height = max(b[3] - b[1] for b in bounds) + head * (1 + multi)
        groups.append((view, members, bounds, width, height, stacked, side, gap_in))

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

    def scale(w: float) -> float:
        """How large the arrangement packed ``w`` mm wide is drawn in a box of ``aspect``."""
        sw, sh = size(pack(w))
        return min(aspect / sw, 1.0 / sh)

    def misfit(w: float) -> float:
        sw, sh = size(pack(w))
        return abs(math.log(sw / sh / aspect))

    # The arrangement that draws the feet largest; of those within 2 % of it, the one whose
    # shape is closest to the box's.
    largest = max(scale(w) for w in limits)
    best = min((w for w in limits if scale(w) >= largest * 0.98), key=misfit)
    rows = pack(best)
    total_w, total_h = size(rows)
    panels: list[Panel] = []
    headings: list[tuple[str, float, float, str]] = []
    top = total_h
    for row in rows:
        row_h = max(groups[i][4] for i in row)
        row_w = sum(groups[i][3] for i in row) + gap * (len(row) - 1)
        x = (total_w - row_w) / 2
        for i in row:
            view, members, bounds, width, height, stacked, side, gap_in = groups[i]
            base = top - row_h  # bottoms aligned within a row
            if stacked:
                y = base + height - head * multi  # top of the first foot's heading
                if multi:
                    headings.append((VIEWS[view], x + width / 2, y + head * 0.55, "bold"))
                for foot_v, b in zip(members, bounds, strict=True):
                    h = b[3] - b[1]
                    y -= head + h
                    dx = x + side + (width - 2 * side - (b[2] - b[0])) / 2 - b[0]
                    panels.append(Panel(*foot_v, b, (dx, y - b[1]), (side, side)))
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
                    side if k == 0 else gap_in / 2,
                    side if k == len(members) - 1 else gap_in / 2,
                )
                panels.append(Panel(foot, v, b, (dx, dy), room))
                name = f"{foot.capitalize()} foot"
                headings.append((name, cursor + w / 2, base + body_h + head * 0.5, "normal"))
                cursor += w + gap_in
            x += width + gap
        top -= row_h + gap
    return Layout(tuple(panels), (0.0, 0.0, total_w, total_h), tuple(headings), multi)


def fit_layout(
    chart: Chart,
    feet: tuple[str, ...],
    views: tuple[str, ...],
    gap: float,
    width_pt: float,
    height_pt: float,
    labels: bool,
    callout_views: Callable[[float], set[str]] | None = None,
) -> tuple[Layout, float]:
    """Layout whose callout room and headings suit the scale it will be drawn at.

    Profile views of both feet are tried side by side and stacked; the arrangement drawn
    at the larger scale wins. ``callout_views(scale)`` names the views that get callout
    columns at that scale (all views when omitted and ``labels`` is on): the others keep
    only the room their headings need, so the feet there are not pushed apart for columns
    that stay empty.
    """
    width_pt, height_pt = max(width_pt, 1.0), max(height_pt, 1.0)
    aspect = width_pt / height_pt
    stacks = (False, True) if len(feet) > 1 and {"medial", "lateral"} & set(views) else (False,)
    foot_w = {v: min(_panel_width(chart, f, v) for f in feet if (f, v) in chart.panels)
              for v in views}  # fmt: skip
    foot_pt = text_size("Right foot", 8.5)[0] * 1.15 + 6.0  # a foot heading, with a space
    view_pt = {v: text_size(VIEWS[v], 9, "bold")[0] * 1.1 + 8.0 for v in views}
    best: tuple[Layout, float] | None = None
    for stack in stacks:
        # The gap between feet widens too, so that both feet get callout columns on both sides.
        side: dict[str, float] = dict.fromkeys(views, SIDE_MM if labels else 4.0)
        inner: dict[str, float] = dict.fromkeys(views, gap if labels else 8.0)
        head = HEADING_MM
        scale = 1.0
        for _ in range(6):
            layout = arrange(chart, feet, views, gap, max(aspect, 0.2), side, head, stack, inner)
            x0, y0, x1, y1 = layout.extent
            scale = max(min(width_pt / (x1 - x0 + 4), height_pt / (y1 - y0 + 4)), 1e-3)
            with_columns = (
                set() if not labels else set(views) if callout_views is None else
                callout_views(scale)
            )  # fmt: skip
            need_col = 3.6 * 0.8 * LABEL_PT / scale + 1.0
            need_head = max(HEADING_MM, 9.0 * 1.45 / scale)
            changed = need_head > head * 1.02
            head = max(head, need_head)
            for v in views:
                # feet headings apart; a view's heading no wider than its group
                heads_gap = max(foot_pt / scale - foot_w[v], 4.0)
                want_side = need_col if v in with_columns else 4.0
                want_gap = max(gap, 2 * want_side, heads_gap) if v in with_columns else heads_gap
                n_feet = sum((f, v) in chart.panels for f in feet)
                if stack and v in ("medial", "lateral"):
                    n_feet = 1  # stacked: one foot above the other
                group = n_feet * foot_w[v] + (n_feet - 1) * want_gap + 2 * want_side
                if view_pt[v] / scale > group and len(views) > 1:
                    want_side += (view_pt[v] / scale - group) / 2
                for store, want in ((side, want_side), (inner, want_gap)):
                    old = store[v]
                    if want > old * 1.02 or want < old * 0.7:
                        store[v] = want
                        changed = True
            if not changed:
                break
        if best is None or scale > best[1] * 1.02:
            best = (layout, scale)
    assert best is not None
    return best


def _panel_width(chart: Chart, foot: str, view: str) -> float:
    x0, _, x1, _ = chart.outline(foot, view).geometry.bounds
    return float(x1 - x0)


def with_key_room(
    extent: tuple[float, float, float, float], key_mm: float
) -> tuple[float, float, float, float]:
    """``extent`` (data xmin, ymin, xmax, ymax) widened on the left by ``key_mm``."""
    x0, y0, x1, y1 = extent
    return (x0 - key_mm, y0, x1, y1)


def root_figure(ax: Axes) -> Figure:
    """The figure ``ax`` is drawn on (the top one, should ``ax`` sit in a subfigure)."""
    return ax.figure.figure


def settle_layout(ax: Axes, passes: int = 1) -> None:
    """Run the figure's layout engine ``passes`` times (more only if the Axes still moves).

    One pass places the Axes around the legend, colorbar and title, which is all
    :func:`plot_map` needs: nothing it draws afterwards takes part in the layout.
    """
    fig = root_figure(ax)
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


def fill_box(ax: Axes, extent: tuple[float, float, float, float]) -> None:
    """Set limits around ``extent`` padded to the Axes box's shape.

    With the data limits matching the box's aspect, the equal aspect does not shrink the
    box, so legends anchored to the Axes stay where the layout put them (and the layout
    engine has no reason to move anything at draw time).
    """
    fig = root_figure(ax)
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


def axes_points(ax: Axes) -> tuple[float, float]:
    """Width and height (points) the Axes gets, after the layout engine has run."""
    fig = root_figure(ax)
    settle_layout(ax)
    pos = ax.get_position(original=True)
    fw, fh = fig.get_size_inches()
    return max(pos.width * fw * 72, 1.0), max(pos.height * fh * 72, 1.0)


def decoration_scale(ax: Axes) -> float:
    """Font scale for the legend and title: 1 on a 9 x 7 in figure, down to 0.65 when small.

    On a small figure the decorations shrink with it, so the feet keep most of the room.
    """
    fw, fh = root_figure(ax).get_size_inches()
    return float(np.clip(min(fw / 9.0, fh / 7.0), 0.65, 1.0))


def points_per_mm(ax: Axes, layout_done: bool = False) -> float:
    """Drawing scale of ``ax``: points per chart millimetre (runs the layout unless done)."""
    fig = root_figure(ax)
    if not layout_done:
        settle_layout(ax)
    ax.apply_aspect()
    (ax0, _), (ax1, _) = ax.transData.transform([[0.0, 0.0], [1.0, 0.0]])
    return float(abs(ax1 - ax0) * 72.0 / fig.dpi)


@lru_cache(maxsize=4096)
def _char_width(char: str, weight: str) -> float:
    """Advance width of one character at 1 pt (outline metrics, no hinting)."""
    from matplotlib.textpath import text_to_path

    prop = FontProperties(size=100, weight=weight)
    return text_to_path.get_text_width_height_descent(char, prop, ismath=False)[0] / 100


_WIDTHS: dict[str, dict[str, float]] = {}  # weight -> character -> width at 1 pt


def _line_width(line: str, weight: str) -> float:
    """Sum of the characters' advance widths at 1 pt (a dict lookup per character)."""
    table = _WIDTHS.setdefault(weight, {})
    try:
        return sum(map(table.__getitem__, line))
    except KeyError:
        table.update({c: _char_width(c, weight) for c in set(line) if c not in table})
        return sum(map(table.__getitem__, line))


@lru_cache(maxsize=16384)
def text_size(text: str, size: float, weight: str = "normal") -> tuple[float, float]:
    """Width and height (points) of ``text`` (lines joined by newlines) at ``size`` points.

    Sums per-character advance widths (measured once per character and cached), which is
    within a few per cent of the shaped width and thousands of times cheaper than shaping
    every string; callers keep a small margin. Cached: placing a page's labels asks for
    the same few hundred strings many times over.
    """
    width = max(_line_width(line, weight) for line in text.split("\n"))
    lines = text.count("\n") + 1
    return width * size * 1.03, size * (1.0 + 1.2 * (lines - 1)) + size * 0.25
