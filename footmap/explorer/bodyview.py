"""The body figure beside the explorer's feet: where the organs really are, linked both ways.

:class:`BodyView` draws :func:`footmap.render.plot_body` on a small canvas of its own (a
second ipympl figure, so a click on the feet never waits for the body to be drawn). The
explorer highlights on it the body areas of the selected foot zones
(:meth:`BodyView.show`); a click on an organ, or Enter on the organ the arrow keys reached,
asks the explorer to select every foot zone claimed for it (``on_choose``). What it shows is
anatomy, not a reflexology claim: its heading says so, the side notes tell which side of the
page is the body's right, and the artwork's attribution is under it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from typing import Any

import ipywidgets as widgets
from matplotlib.patches import PathPatch

from footmap.chart.model import BodyChart, Region
from footmap.explorer.kit import focus, hidden_html, new_figure, png
from footmap.render.body import (
    SIDE_NOTES,
    BodyArtists,
    plot_body,
    region_at,
    set_body_highlight,
)
from footmap.text.safe import escape_html as _e

__all__ = ["BODY_HEADING", "BodyView", "body_alt_text"]

#: Heading over the body figure: it shows anatomy, not what charts claim.
BODY_HEADING = "Where organs really are (anatomy, not a reflexology claim)"

#: The body canvas before the page fits it to the side column (inches at 100 dpi).
FIGSIZE = (3.4, 2.4)

#: The keyboard cursor's outline on the body.
CURSOR_EDGE = "#111111"


def body_alt_text(body: BodyChart, highlighted: Iterable[str]) -> str:
    """The body figure's text alternative: what it shows, what is highlighted, the keys.

    Examples
    --------
    >>> import footmap
    >>> body_alt_text(footmap.load_body(), ["back.kidneys", "front.kidneys"])[:60]
    'Body figure, front and back views: where the organs really a'
    """
    areas = list(dict.fromkeys(body.region(r).body_area for r in highlighted))
    lit = f"Highlighted: {', '.join(areas)}. " if areas else "Nothing highlighted. "
    return (
        "Body figure, front and back views: where the organs really are (anatomy). "
        f"{lit}Arrow keys move between organs, Enter selects the foot zones charts claim "
        "for one, Tab leaves the figure."
    )


class BodyView:
    """The body figure on its own canvas, with its heading, notes and attribution.

    Parameters
    ----------
    body : BodyChart
        ``footmap.load_body()``.
    interactive : bool
        An ipympl canvas (clickable) or a static PNG.
    dpi : float
        The map's dpi (larger in presentation mode), so the body's text matches the map's.
    on_choose : callable
        Called with a region when the reader clicks it or presses Enter on it.
    announce : callable
        Called with a sentence for the screen readers' live region.

    Attributes
    ----------
    figure, artists : the figure and its :class:`~footmap.render.body.BodyArtists`
    widget : ipywidgets.VBox
        Heading, canvas, notes and attribution (class ``fm-bodycol``).
    cursor : Region or None
        The region the arrow keys are on.
    focus_after, focus_before : widget or None
        Where Tab and Shift+Tab go when the page script does not run.
    """

    def __init__(
        self,
        body: BodyChart,
        *,
        interactive: bool,
        dpi: float,
        on_choose: Callable[[Region], Any],
        announce: Callable[[str], Any],
    ) -> None:
        self.body = body
        self.interactive = interactive
        self.on_choose = on_choose
        self.announce = announce
        self.cursor: Region | None = None
        self.focus_after: Any = None
        self.focus_before: Any = None
        inches = (FIGSIZE[0] * 100.0 / dpi, FIGSIZE[1] * 100.0 / dpi)
        self.figure = new_figure(inches, interactive=interactive, toolbar=False, dpi=dpi)
        ax = self.figure.add_subplot()
        self.artists: BodyArtists = plot_body(body, ax=ax)
        for t in self.artists.notes:  # the side notes and attribution go under it, in HTML
            if (t.get_gid() or "").startswith(("body-note-", "body-attribution")):
                t.set_visible(False)
                t.set_in_layout(False)
        self._cursor_patch = PathPatch(
            self.artists.patches[0].get_path(),
            facecolor="none",
            edgecolor=CURSOR_EDGE,
            linewidth=2.0,
            linestyle=(0, (3, 2)),
            zorder=5.0,
            visible=False,
            gid="body-cursor",
        )
        self._cursor_patch.set_in_layout(False)
        ax.add_artist(self._cursor_patch)
        y0, y1 = ax.get_ylim()
        y0 = -30.0  # the side notes under the figure are HTML here: no room kept for them
        ax.set_ylim(y0, y1)
        x0, x1 = ax.get_xlim()
        self.aspect = (y1 - y0) / (x1 - x0)
        self.alt = hidden_html("fm-body-alt")
        self.alt.value = _e(body_alt_text(body, ()))
        fit = widgets.HTML(
            f'<div class="fm-body-data" data-aspect="{self.aspect:.4f}"></div>',
            layout=widgets.Layout(display="none"),
        )
        heading = widgets.HTML(f'<div class="fm-body-head"><b>{_e(BODY_HEADING)}</b></div>')
        notes = " ".join(f"{_e(SIDE_NOTES[v])}." for v in self.artists.panels)
        credit = ""
        if body.attribution:  # the licence's attribution, folded under a short line
            short = body.attribution.split(",")[0] + (
                " (CC BY 4.0)" if "CC BY 4.0" in body.attribution else ""
            )
            credit = (
                f'<details class="fm-credit"><summary>{_e(short)}</summary>'
                f"{_e(body.attribution)}</details>"
            )
        self.notes = widgets.HTML(f'<div class="fm-body-notes">{notes}</div>{credit}')
        self._image: widgets.Image | None = None
        if interactive:
            canvas: Any = self.figure.canvas
            canvas.remove_class("fm-fit")  # sized by the page's body fit, not the map's
            canvas.add_class("fm-body-fit")
            canvas.mpl_connect("button_press_event", self._on_click)
            canvas.mpl_connect("key_press_event", self._on_key)
            self.canvas: widgets.Widget = canvas
        else:
            self._image = widgets.Image(value=png(self.figure), format="png")
            self._image.layout.max_width = "100%"
            self.canvas = self._image
        self.widget = widgets.VBox([heading, self.canvas, self.notes, self.alt, fit])
        self.widget.add_class("fm-bodycol")

    # -- what it shows ---------------------------------------------------------------------------
    @property
    def highlighted(self) -> tuple[str, ...]:
        """Ids of the highlighted regions."""
        return self.artists.highlighted

    def show(self, areas: Iterable[str]) -> None:
        """Highlight the regions of these body areas (areas the body does not draw are skipped)."""
        drawn = [a for a in dict.fromkeys(areas) if self.body.regions_for(a)]
        ids = tuple(r.id for a in drawn for r in self.body.regions_for(a))
        if tuple(sorted(ids)) == self.artists.highlighted:
            return
        set_body_highlight(self.artists, ids)
        self.alt.value = _e(body_alt_text(self.body, self.artists.highlighted))
        self.refresh()

    def refresh(self) -> None:
        """Send the body's new picture."""
        if self._image is not None:
            self._image.value = png(self.figure)
        else:
            self.figure.canvas.draw_idle()

    # -- pointer and keyboard ---------------------------------------------------------------------
    def region_at_event(self, event: Any) -> Region | None:
        """The region under a matplotlib mouse event (None outside every region)."""
        if event.inaxes is not self.artists.ax or event.xdata is None:
            return None
        return region_at(self.artists, event.xdata, event.ydata)

    def _on_click(self, event: Any) -> None:
        if event.button not in (None, 1):
            return
        region = self.region_at_event(event)
        if region is not None:
            self._set_cursor(region, say=False)
            self.on_choose(region)

    def _on_key(self, event: Any) -> None:
        key = event.key or ""
        if key in ("tab", "escape"):
            focus(self.focus_after)
        elif key in ("shift+tab", "shift+escape"):
            focus(self.focus_before)
        elif key in ("left", "right", "up", "down"):
            self.move(key)
        elif key in ("enter", " ", "space"):
            self.press()

    def _centre(self, region: Region) -> tuple[float, float]:
        dx, dy = self.artists.panels[region.view]
        p = region.geometry.representative_point()
        return (p.x + dx, p.y + dy)

    def move(self, direction: str) -> Region:
        """Move the keyboard cursor to the nearest region that way (``"left"``, ``"up"``...).

        Scored as the feet's walk is: the distance along the arrow plus twice the distance
        across it, among regions within 60 degrees of the arrow; at the edge it stays.
        """
        vx, vy = {"left": (-1, 0), "right": (1, 0), "up": (0, 1), "down": (0, -1)}[direction]
        regions = self.artists.regions
        if self.cursor is None:
            start = max(regions, key=lambda r: self._centre(r)[1] - abs(self._centre(r)[0]))
            self._set_cursor(start)
            return start
        x, y = self._centre(self.cursor)
        best, score = None, math.inf
        for r in regions:
            if r.id == self.cursor.id:
                continue
            cx, cy = self._centre(r)
            along = (cx - x) * vx + (cy - y) * vy
            across = abs((cx - x) * vy - (cy - y) * vx)
            if along <= 0 or across > along * math.tan(math.radians(60)):
                continue
            if along + 2 * across < score:
                best, score = r, along + 2 * across
        if best is not None:
            self._set_cursor(best)
        return self.cursor

    def press(self) -> Region | None:
        """Enter on the body: choose the cursor's region, as a click on it would."""
        if self.cursor is None:
            self.move("down")
        if self.cursor is not None:
            self.on_choose(self.cursor)
        return self.cursor

    def _set_cursor(self, region: Region, say: bool = True) -> None:
        self.cursor = region
        patch = self.artists.patch(region.id)
        self._cursor_patch.set_path(patch.get_path())
        self._cursor_patch.set_visible(True)
        if say:
            self.announce(
                f"{region.label}, {region.view} view. Press Enter to select the foot zones "
                f"charts claim for the {region.body_area}."
            )
        self.refresh()

    def close(self) -> None:
        """Close the body's figure."""
        import matplotlib.pyplot as plt

        plt.close(self.figure)
