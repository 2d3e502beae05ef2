"""The explorer's highlight: marked zones drawn over a dimmed map, redrawn by blitting.

A selection (or a quiz's answer, or the keyboard cursor) is drawn as an *overlay*: one
collection per :data:`STYLES` entry holding just the marked zones, above the zone collection
and below the labels. While anything is marked, every zone of the map is dimmed and the marked
ones are drawn again at full colour with their style's outline (and hatch), so the marks differ
by line and pattern, not only by colour.

Redrawing the whole figure on every click costs 15-25 ms of Agg time; :meth:`Highlighter.blit`
instead restores cached backgrounds (the map plain or dimmed, with and without what lies above
the overlay), redraws only the overlay and the labels over the marked zones inside their
bounding boxes, and leaves the rest of the image untouched. The pixels are those of a full
redraw (the tests compare the two arrays).

Examples
--------
>>> import footmap, matplotlib.pyplot as plt
>>> from footmap import render
>>> fig, ax = plt.subplots()
>>> art = render.plot_map(footmap.load(), ax=ax, title=False, legend=False)
>>> hl = Highlighter(art)
>>> hl.set({"selected": ["left.plantar.kidney"]})
>>> hl.marked("selected")
('left.plantar.kidney',)
>>> plt.close(fig)
"""

from __future__ import annotations

import builtins  # (Highlighter.set shadows the type in its class body)
from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
from matplotlib.backends.backend_agg import RendererAgg
from matplotlib.collections import Collection, PatchCollection
from matplotlib.colors import to_rgba
from matplotlib.transforms import Bbox

from footmap import style as palette
from footmap.render.artists import MapArtists
from footmap.render.layout import ZONE_Z

__all__ = ["OVERLAY_Z", "STYLES", "Highlighter", "dimmed_label_color"]

#: Overlay zorder: above the zones (ZONE_Z), below hatches, leaders and labels.
OVERLAY_Z = ZONE_Z + 0.1

#: Mark styles, drawn in this order (later on top). ``face``: draw the zone at full colour
#: (False: outline only); ``hatch``: a pattern over it; ``dash``: the outline's dash pattern.
STYLES: dict[str, dict[str, Any]] = {
    "selected": {"face": True, "edge": "#111111", "lw": 2.0, "dash": None, "hatch": None},
    "answer": {"face": True, "edge": "#111111", "lw": 3.2, "dash": None, "hatch": None},
    "clicked": {"face": True, "edge": "#111111", "lw": 2.2, "dash": (3, 2), "hatch": "xx"},
    "cursor": {"face": False, "edge": "#1d4ed8", "lw": 2.6, "dash": (2, 1.5), "hatch": None},
}

#: Margin (pixels) around a marked zone's box: covers the outline's width and antialiasing.
_PAD = 4.0


def dimmed_label_color() -> str:
    """The colour of labels on dimmed zones: dark enough for 4.5:1 on every dimmed fill."""
    return palette.TEXT_DIM


class Highlighter:
    """Marks on a drawn map (:class:`~footmap.render.MapArtists`), with cached backgrounds.

    Parameters
    ----------
    artists : MapArtists
        The map; its zone collection is dimmed while anything with a face is marked.
    """

    def __init__(self, artists: MapArtists) -> None:
        self.artists = artists
        ax = artists.ax
        self._paths = artists.collection.get_paths()
        self.face = np.asarray(artists.face, float).reshape(-1, 4)
        self._marks: dict[str, tuple[int, ...]] = {s: () for s in STYLES}
        self.overlays: dict[str, PatchCollection] = {}
        for k, (name, st) in enumerate(STYLES.items()):
            coll = PatchCollection(
                [],
                facecolors="none",
                edgecolors=st["edge"],
                linewidths=st["lw"],
                linestyles=(0, st["dash"]) if st["dash"] else "solid",
                zorder=OVERLAY_Z + k * 0.01,
            )
            if st["hatch"]:
                coll.set_hatch(st["hatch"])
                coll.set_hatchcolor((0.07, 0.07, 0.07, 1.0))
            coll.set_in_layout(False)
            coll.set_visible(False)
            coll.set_gid(f"footmap-mark-{name}")
            ax.add_collection(coll, autolim=False)
            self.overlays[name] = coll
        self._backgrounds: dict[tuple[bool, bool], Any] = {}
        self._bg_size: tuple[float, float] | None = None
        self._above_boxes: list[tuple[Any, Bbox | None]] = []
        self._above_extents = np.empty((0, 4))  # their (x0, y0, x1, y1); unknown: everywhere
        self._label_boxes: dict[int, Bbox] = {}
        self._capturing = False

    # -- state ---------------------------------------------------------------------------------
    def marked(self, style: str) -> tuple[str, ...]:
        """Ids of the zones marked with ``style``, in map order."""
        return tuple(self.artists.zones[i].id for i in self._marks[style])

    @property
    def dimmed(self) -> bool:
        """Whether the map is dimmed (something with a face is marked)."""
        return any(self._marks[s] for s, st in STYLES.items() if st["face"])

    def set(self, marks: Mapping[str, Iterable[str]]) -> None:
        """Mark zones: ``{"selected": ids, "answer": ids, ...}``; styles left out are cleared.

        Zones not drawn on this map are ignored. Only artist state changes here; draw with
        :meth:`blit` or a full redraw.
        """
        unknown = set(marks) - set(STYLES)
        if unknown:
            raise ValueError(f"unknown mark style(s) {sorted(unknown)}; known: {list(STYLES)}")
        index = self.artists.index
        for name in STYLES:
            ids = marks.get(name, ())
            self._marks[name] = tuple(sorted({index[i] for i in ids if i in index}))
        self._apply()

    def _apply(self) -> None:
        """Set the artists for the current marks without asking the canvas for a redraw.

        Each artist change marks the figure stale, and in interactive mode matplotlib answers
        that with ``canvas.draw_idle()``: on ipympl a full redraw, requested by the page,
        that repaints the very pixels :meth:`blit` just sent (about 100 ms of the kernel's
        time after every click). The figure is left stale, but its callback is held off while
        the artists change: the caller draws (:meth:`blit` or a full draw), as documented.
        """
        art = self.artists
        fig = art.ax.figure
        callback, fig.stale_callback = fig.stale_callback, None
        try:
            dim = self.dimmed
            self._set_base(dim)
            for name, coll in self.overlays.items():
                idx = self._marks[name]
                Collection.set_paths(coll, [self._paths[i] for i in idx])
                if STYLES[name]["face"]:
                    # (matplotlib's stubs omit the (N, 4) arrays these setters take)
                    coll.set_facecolor(self.face[list(idx)] if idx else "none")  # type: ignore[arg-type]
                coll.set_visible(bool(idx))
            faced = {i for s, st in STYLES.items() if st["face"] for i in self._marks[s]}
            self._color_labels(dim, faced)
            art.highlighted = tuple(art.zones[i].id for i in sorted(faced))
            fig.stale = True
        finally:
            fig.stale_callback = callback

    def _set_base(self, dim: bool) -> None:
        coll = self.artists.collection
        face = self.face.copy()
        edge = np.tile(to_rgba(palette.EDGE), (len(face), 1))
        if dim:
            face[:, 3] = palette.DIM_ALPHA
            edge[:, 3] = 0.35
        coll.set_facecolor(face)
        coll.set_edgecolor(edge)  # type: ignore[arg-type]  # an (N, 4) array, as above

    def _color_labels(self, dim: bool, faced: builtins.set[int]) -> None:
        art = self.artists
        for t in art.labels:
            gid = t.get_gid() or ""
            i = art.index.get(gid[6:]) if gid.startswith("label-") else None
            if i is None:
                continue
            if dim and i not in faced:
                t.set_color(dimmed_label_color())
            else:
                t.set_color(palette.text_color(tuple(self.face[i][:3])))
            t.set_alpha(1.0)

    # -- drawing -------------------------------------------------------------------------------
    def invalidate(self) -> None:
        """Forget the cached backgrounds (after the map's size, labels or layout change)."""
        self._backgrounds = {}
        self._bg_size = None

    def _above(self) -> list[Any]:
        """Visible artists of the Axes drawn above the overlays, in drawing order."""
        top = OVERLAY_Z + 0.01 * len(STYLES)
        kids = [a for a in self.artists.ax.get_children() if a.get_visible()]
        return sorted((a for a in kids if a.get_zorder() > top), key=lambda a: a.get_zorder())

    def _capture(self, renderer_like: Any) -> None:
        """Render and keep the four backgrounds (plain/dimmed x with/without the layer above)."""
        fig = self.artists.ax.figure
        w, h = fig.bbox.size
        saved = {s: self._marks[s] for s in STYLES}
        above = self._above()
        self._capturing = True
        try:
            r = RendererAgg(int(round(w)), int(round(h)), fig.dpi)
            for dim in (False, True):
                self._marks = {s: () for s in STYLES}
                if dim:  # dimmed base without overlays: mark nothing but dim anyway
                    self._set_base(True)
                    self._color_labels(True, set())
                else:
                    self._apply()
                for o in self.overlays.values():
                    o.set_visible(False)
                r.clear()
                fig.draw(r)
                self._backgrounds[(dim, True)] = r.copy_from_bbox(fig.bbox)
                for a in above:
                    a.set_visible(False)
                r.clear()
                fig.draw(r)
                self._backgrounds[(dim, False)] = r.copy_from_bbox(fig.bbox)
                for a in above:
                    a.set_visible(True)
        finally:
            self._marks = saved
            self._apply()
            self._capturing = False
        self._bg_size = (w, h)
        self._above_boxes = [(a, _extent(a, r)) for a in above]
        self._above_extents = np.array(
            [
                e.extents if e is not None else (-np.inf, -np.inf, np.inf, np.inf)
                for _, e in self._above_boxes
            ]
        ).reshape(-1, 4)
        self._label_boxes = {
            id(t): t.get_window_extent(r) for t in self.artists.labels if t.get_visible()
        }

    def prepare(self) -> None:
        """Render the backgrounds now if the figure's size changed since they were made."""
        if self._bg_size != tuple(self.artists.ax.figure.bbox.size):
            self.invalidate()
            self._capture(None)

    @property
    def capturing(self) -> bool:
        """True while :meth:`blit` renders its backgrounds (draw events then are its own)."""
        return self._capturing

    def blit(self, canvas: Any) -> None:
        """Draw the current marks onto ``canvas``'s Agg buffer over the cached backgrounds.

        Renders the backgrounds first when there are none for the figure's current size.
        Does not send or show anything: call ``canvas.blit()`` afterwards (ipympl sends the
        changed pixels then).
        """
        fig = self.artists.ax.figure
        self.prepare()
        dim = self.dimmed
        r = canvas.get_renderer()
        r.restore_region(self._backgrounds[(dim, True)])
        boxes = self._dirty_boxes(r)
        if not boxes:
            return
        below = self._backgrounds[(dim, False)]
        height = int(round(fig.bbox.height))
        for b in boxes:  # Agg's sub-region restore counts y from the top of the buffer
            r.restore_region(below, _ints(b, height), (0, 0))
        ax = self.artists.ax
        for coll in self.overlays.values():
            if coll.get_visible():
                ax.draw_artist(coll)
        union = Bbox.union(boxes).padded(2.0)
        hit = _overlapping(self._above_extents, np.array([b.extents for b in boxes]))
        for (a, ext), near in zip(self._above_boxes, hit, strict=True):
            if near:
                if ext is not None and ext.width * ext.height > 4 * union.width * union.height:
                    _draw_clipped(ax, a, union)  # long leader lines: rasterise only near us
                else:
                    ax.draw_artist(a)
        snaps = [(b, r.copy_from_bbox(b)) for b in boxes]
        r.restore_region(self._backgrounds[(dim, True)])
        for _, snap in snaps:
            r.restore_region(snap)

    def _dirty_boxes(self, renderer: Any) -> list[Bbox]:
        """Pixel boxes (in buffer coordinates, rounded out) around every marked zone."""
        fig = self.artists.ax.figure
        trans = self.artists.ax.transData
        h = fig.bbox.height
        marked = sorted({i for idx in self._marks.values() for i in idx})
        faced = {i for s, st in STYLES.items() if st["face"] for i in self._marks[s]}
        boxes = []
        for i in marked:
            ext = self._paths[i].get_extents(trans)
            boxes.append(ext)
        for t in self.artists.labels:  # labels recoloured for their marked zone
            gid = t.get_gid() or ""
            k = self.artists.index.get(gid[6:]) if gid.startswith("label-") else None
            if k in faced and id(t) in self._label_boxes:
                boxes.append(self._label_boxes[id(t)])
        out = []
        for b in boxes:
            x0 = max(0.0, np.floor(b.x0 - _PAD))
            y0 = max(0.0, np.floor(b.y0 - _PAD))
            x1 = min(fig.bbox.width, np.ceil(b.x1 + _PAD))
            y1 = min(h, np.ceil(b.y1 + _PAD))
            if x1 > x0 and y1 > y0:
                out.append(Bbox([[x0, y0], [x1, y1]]))
        return out


def _overlapping(extents: np.ndarray, boxes: np.ndarray) -> np.ndarray:
    """Whether each row ``(x0, y0, x1, y1)`` of ``extents`` overlaps any of ``boxes``.

    As :meth:`matplotlib.transforms.Bbox.overlaps` (touching edges count, no interior
    needed), for all pairs at once.
    """
    if not len(extents) or not len(boxes):
        return np.zeros(len(extents), bool)

    def spans(a: np.ndarray) -> np.ndarray:  # (x_lo, y_lo, x_hi, y_hi), as ``overlaps``
        return np.concatenate([np.minimum(a[:, :2], a[:, 2:]), np.maximum(a[:, :2], a[:, 2:])], 1)

    e, b = spans(extents)[:, None, :], spans(boxes)[None, :, :]
    hit = (
        (e[..., 0] <= b[..., 2])
        & (b[..., 0] <= e[..., 2])
        & (e[..., 1] <= b[..., 3])
        & (b[..., 1] <= e[..., 3])
    )
    return np.asarray(hit.any(axis=1))


def _draw_clipped(ax: Any, artist: Any, box: Bbox) -> None:
    """Draw ``artist`` clipped to ``box`` (display pixels), then restore its own clipping.

    Only pixels inside the dirty boxes are kept, and ``box`` holds them with a margin, so
    the kept pixels are those of an unclipped draw.
    """
    old_box, old_on = artist.get_clip_box(), artist.get_clip_on()
    clip = box if old_box is None else Bbox.intersection(box, old_box) or box
    artist.set_clip_box(clip)
    artist.set_clip_on(True)
    try:
        ax.draw_artist(artist)
    finally:
        artist.set_clip_box(old_box)
        artist.set_clip_on(old_on)


def _ints(b: Bbox, height: int) -> tuple[int, int, int, int]:
    """A display box as ``restore_region``'s integer (x1, y1, x2, y2), y from the top."""
    return int(b.x0), height - int(b.y1), int(b.x1), height - int(b.y0)


def _extent(artist: Any, renderer: Any) -> Bbox | None:
    """The artist's box on screen, or None when it cannot tell (then it is always redrawn)."""
    try:
        ext = artist.get_window_extent(renderer)
    except Exception:  # artists without a usable extent are simply redrawn
        return None
    if ext is None or not np.isfinite(ext.get_points()).all():
        return None
    return ext.expanded(1.0, 1.0).padded(3.0)
