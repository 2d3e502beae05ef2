"""The interactive explorer: click a foot zone, see the body area reflexology claims for it.

The explorer puts the foot map (drawn by :func:`footmap.render.plot_map`) on an ipympl canvas
beside a side panel. Clicking a zone highlights it and shows what charts claim for it, with the
sources; the caveat that the evidence is weak is always on screen. A search box (type or pick a
body area, zone label or body system) and the arrow keys on the focused map make it usable
without a mouse; a live region tells screen readers what was selected.

The explorer keeps the map, the panel and the controls; the teaching widgets built on it (tour,
quiz) live in :mod:`footmap.explorer.classroom`, shared widget helpers in
:mod:`footmap.explorer.kit`; this wing is the only one that imports ipywidgets and ipympl.
What they show is made by pure functions (:mod:`footmap.explorer.panel`,
:mod:`footmap.chart.neighbours`, :mod:`footmap.explorer.overlay`). Where
ipympl is not the active matplotlib backend (a static viewer, ``nbconvert``, a notebook without
``%matplotlib widget``) the explorer shows a static PNG of the map and the search-driven panel
instead.

Examples
--------
In JupyterLab, after ``%matplotlib widget``:

>>> import footmap.explorer
>>> ex = footmap.explorer.explore()
>>> _ = ex.select("kidneys")
>>> [z.id for z in ex.selected]
['left.plantar.kidney', 'right.plantar.kidney']
>>> ex.close()
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Union, cast

import ipywidgets as widgets
import numpy as np

from footmap.chart.anatomy import drawn_on
from footmap.chart.model import AnatomyChart, BodyChart, Chart, Region, Zone
from footmap.chart.neighbours import DIRECTIONS, walk
from footmap.chart.query import find, match_search, search_options
from footmap.errors import FootmapError
from footmap.explorer import panel as panels
from footmap.explorer.bodyview import BodyView
from footmap.explorer.kit import (
    Shown,
    b64,
    body,
    call_later,
    controls,
    descendants,
    export_formats,
    focus,
    hidden_html,
    ipympl_active,
    map_column,
    new_figure,
    png,
    root,
    wrap,
)
from footmap.explorer.outlines import outlines_html
from footmap.explorer.overlay import Highlighter
from footmap.explorer.panel import (
    _MIME,
    _download_html,
    legend_html,
    selection_html,
    status_text,
)
from footmap.explorer.zoom import ZOOM_LABELS, fit_box, zoom_box
from footmap.render import plot as render
from footmap.render.anatomy import (
    BONE_EDGE,
    BONE_FACE,
    DERMATOME_COLOR,
    LEGEND_NOTES,
    LEGEND_TITLES,
    NERVE_EDGE,
    NERVE_HATCH,
    NERVE_STYLES,
    AnatomyLayer,
    plot_anatomy_layer,
)
from footmap.render.labels import place_once
from footmap.render.layout import fill_box, points_per_mm
from footmap.text.caveat import caveat_html
from footmap.text.safe import escape_html as _e
from footmap.vocab import VIEWS

__all__ = ["COLOR_BY", "Explorer", "explore"]

#: Colourings offered by the explorer: ``color_by`` value of ``plot_map`` -> button label.
COLOR_BY: dict[str, str] = {"system": "Body system", "sources": "Number of sources"}

#: Minimum seconds between two hover hit-tests (mouse moves arrive at up to ~60 per second).
HOVER_INTERVAL = 0.03

#: Seconds between a click's new frame and its panel text (see ``Explorer._set_selection``):
#: the page then draws the map before laying out the text. Measured in Voila + Chromium
#: (bench/explorer_bench.py --browser): click -> canvas median about 60 ms without it, about
#: 50 ms with it; the text then shows about 10 ms later than before.
TEXT_DELAY = 0.02

#: Figure size (inches) before the page fits it to its column: 640 x 480 px at 100 dpi.
FIGSIZE = (6.4, 4.8)

#: Dots per inch of the map: normal, and in presentation mode (larger text for a projector:
#: the smallest text footmap draws on a map, a 4.3 pt number, is then 18 px on screen).
DPI = (100.0, 300.0)

#: Dots per inch of the body figure beside the map: normal, presentation. Its text is larger
#: on a projector too, but the figure shares the side column: at the map's 300 dpi its
#: "Front" and "Back" headings ran into each other in a 340 px column.
BODY_DPI = (100.0, 200.0)

#: Width (CSS px) a sole should get at least: normal, presentation. Where both feet side by side
#: would be narrower, the explorer shows one foot at a time; the page lets the map grow taller
#: than its usual share of the window rather than draw the sole smaller.
SOLE_PX = (165.0, 270.0)

#: Chart millimetres of a sole's width that :data:`SOLE_PX` refers to (the bundled chart's).
SOLE_MM = 100.0

#: Export formats' menu labels.
_FORMAT_LABELS = {"png": "PNG", "svg": "SVG", "pdf": "PDF", "html": "HTML"}

#: Anything :meth:`Explorer.select` accepts: a zone, a zone id, a body area, a system id,
#: an iterable of those, or ``None`` to clear.
SelectSpec = Union[Zone, str, Iterable[Union[Zone, str]], None]  # noqa: UP007 (runtime alias)

SelectCallback = Callable[[tuple[Zone, ...]], Any]


# -- logic (pure functions) --------------------------------------------------------------------


def _zones_of(chart: Chart, spec: SelectSpec) -> tuple[Zone, ...]:
    """Resolve a selection spec (see :meth:`Explorer.select`) to zones, without duplicates."""
    if spec is None:
        return ()
    items = [spec] if isinstance(spec, (str, Zone)) else list(spec)
    zones: list[Zone] = []
    for item in items:
        if isinstance(item, Zone):
            zones.append(item)
        else:
            zones.extend(render.resolve(chart, item))
    return tuple(dict.fromkeys(zones))


# -- the widget ----------------------------------------------------------------------------------
class Explorer(Shown):
    """The foot-map explorer widget: a map, a side panel, controls and a status line.

    Build one with :func:`explore`. Display it (it is the last expression of a cell, or
    ``display(explorer)``); :attr:`widget` is the root ipywidget. Its output also carries a
    static picture of the map, the zone list and the caveat for viewers without a kernel.

    Keyboard: Tab order is controls, search, map, panel, export. On the focused map the arrow
    keys move to the neighbouring zone (:func:`footmap.chart.neighbours.walk`), Enter or Space
    selects it (as a click would), Tab, Shift+Tab and Escape leave the map.

    Attributes
    ----------
    chart : Chart
        The chart shown.
    figure : matplotlib.figure.Figure
        The figure holding the map.
    artists : footmap.render.MapArtists
        The map currently drawn (replaced when the foot, view, colouring or size changes).
    highlighter : footmap.explorer.overlay.Highlighter
        Draws the selection and other marks over the map (blitting when it can).
    interactive : bool
        True when the map is a clickable ipympl canvas, False for the static fallback.
    widget : ipywidgets.Widget
        The root widget.
    map : ipywidgets.Widget
        The ipympl canvas, or in the static fallback an ``Image`` holding a PNG of the map.
    controls : dict
        ``"foot"``, ``"view"``, ``"color_by"`` and ``"labels"`` widgets.
    search : ipywidgets.Combobox
        Search box over body areas, zone labels and body systems.
    panel, legend, caveat, status : ipywidgets.HTML
        The selection, the system legend, the caveats (always shown) and the hover status.
    live, alt : ipywidgets.HTML
        Screen-reader only: the live region announcing each selection, and the map's text
        alternative.
    cursor : Zone or None
        The zone the arrow keys are on.
    selects : bool
        Whether clicks and arrow keys select (the explorer), or only report the zone to
        :meth:`on_click` callbacks, the arrow keys moving a cursor outline and Enter
        choosing (the quiz).
    focus_before, focus_after : ipywidgets.DOMWidget or None
        Where Shift+Tab and Tab go from the map when the page script does not run.
    last_export : pathlib.Path or None
        The file the last export wrote.
    """

    def __init__(
        self,
        chart: Chart,
        *,
        foot: str = "both",
        view: str | None = None,
        color_by: str = "system",
        labels: bool = True,
        toolbar: bool = False,
        interactive: bool | None = None,
        figsize: tuple[float, float] = FIGSIZE,
        presentation: bool = False,
        selects: bool = True,
        body: bool | None = None,
        anatomy: bool = True,
    ) -> None:
        _check_figsize(figsize)
        self.chart = chart
        self.interactive = ipympl_active() if interactive is None else interactive
        self.presentation = bool(presentation)
        self.selects = selects
        self._selected: tuple[Zone, ...] = ()
        self._marks: dict[str, tuple[str, ...]] = {}
        self.cursor: Zone | None = None
        self.cursor_text: Callable[[Zone], str] = _cursor_text
        self._hover_zone: Zone | None = None
        self._hover_time = 0.0
        self._hover_xy: tuple[float, float] | None = None
        self._hover_timer: Any = None
        self._capture_timer: Any = None
        self._text_timer: Any = None
        self._syncing = False
        self._drawn: tuple[Any, tuple[float, ...]] | None = None
        self._handlers = widgets.CallbackDispatcher()
        self._click_handlers = widgets.CallbackDispatcher()
        self._options = search_options(chart)
        self._image: widgets.Image | None = None
        self.last_export: Path | None = None
        self._tmpdir: tempfile.TemporaryDirectory | None = None

        self.controls = controls(chart, foot, view or chart.views[0], color_by, labels, COLOR_BY)
        self.search = widgets.Combobox(
            options=list(self._options),
            placeholder="Search a body area or zone, e.g. kidneys",
            ensure_option=False,
            layout=widgets.Layout(width="100%"),
        )
        self.panel = widgets.HTML(selection_html(chart, ()), layout=widgets.Layout(width="100%"))
        self.panel.add_class("fm-scroll")
        self.caveat = widgets.HTML(caveat_html(chart), layout=widgets.Layout(width="100%"))
        self.caveat.add_class("fm-pin")
        self.legend = widgets.HTML("", layout=widgets.Layout(width="100%"))
        self.status = widgets.HTML("", layout=widgets.Layout(min_height="1.6em"))
        self.status.add_class("fm-status")
        self.live = hidden_html("fm-live")
        self.alt = hidden_html("fm-map-alt")
        #: The zone outlines for the page's instant outline of a click (footmap.explorer.outlines).
        self.geometry = widgets.HTML("", layout=widgets.Layout(display="none"))
        self.geometry.add_class("fm-geo")
        self._geometry_key: Any = None
        self.export_format = widgets.Dropdown(
            options=[(_FORMAT_LABELS.get(f, f.upper()), f) for f in export_formats()],
            value="png",
            description="Format",
            style={"description_width": "initial"},
            layout=widgets.Layout(width="150px"),
        )
        self.export_button = widgets.Button(
            description="Export figure", icon="download", tooltip="Write the current view"
        )
        self.download = widgets.HTML("")
        self.focus_before: Any = self.search
        self.focus_after: Any = self.export_button

        dpi = DPI[1] if self.presentation else DPI[0]
        inches = (figsize[0] * DPI[0] / dpi, figsize[1] * DPI[0] / dpi)  # same pixels
        #: How the page should size the canvas (``data-aspect``, ``data-minh``): kit.fit_data.
        self.fit_info = widgets.HTML("", layout=widgets.Layout(display="none"))
        self.fit_info.add_class("fm-fit-info")
        #: The key to the callout numbers, in HTML beside the map (not inside the canvas).
        self.key = widgets.HTML("", layout=widgets.Layout(width="100%"))
        self.key.add_class("fm-key-box")
        self._narrowed: str | None = None  # the foot shown while the window is too narrow
        self._auto = False
        #: Real anatomy: the body chart (the body figure, "Where it really is") and the
        #: foot-anatomy chart ("What is under this zone", the anatomy layer), where they
        #: apply to ``chart`` (the bundled chart's body areas and outlines); else None.
        self.body_chart: BodyChart | None = _body_for(chart) if body is not False else None
        self.anatomy_chart: AnatomyChart | None = _anatomy_for(chart) if anatomy else None
        self._zoom = "whole"
        self._zoom_feet: tuple[str, ...] = ()
        self._layer: AnatomyLayer | None = None
        self.zoom_buttons = widgets.ToggleButtons(
            options=[(label, key) for key, label in ZOOM_LABELS.items()],
            value="whole",
            description="Zoom",
            tooltips=[
                f"Show the {k} larger" if k != "whole" else "The whole map" for k in ZOOM_LABELS
            ],
            style={"button_width": "auto", "description_width": "initial"},
        )
        self.zoom_buttons.add_class("fm-zoom")
        self.layer_switch = widgets.ToggleButtons(
            options=[("None", "none"), ("Nerves", "nerves"), ("Bones", "bones"),
                     ("Dermatomes", "dermatomes")],
            value="none",
            description="Anatomy layer",
            style={"button_width": "auto", "description_width": "initial"},
        )  # fmt: skip
        self.layer_switch.add_class("fm-layer-switch")
        if self.anatomy_chart is None:
            self.layer_switch.layout.display = "none"
        self.layer_legend = widgets.HTML("", layout=widgets.Layout(width="100%"))
        self.body_toggle = widgets.Checkbox(
            value=self.body_chart is not None,
            description="Body",
            indent=False,
            tooltip="Show where the organs really are",
            layout=widgets.Layout(width="auto"),
        )
        self.body_toggle.add_class("fm-body-toggle")
        self.body_view: BodyView | None = None
        if self.body_chart is not None:
            self.body_view = BodyView(
                self.body_chart,
                interactive=self.interactive,
                dpi=BODY_DPI[1] if self.presentation else BODY_DPI[0],
                on_choose=self._on_body_choose,
                announce=self._announce,
            )
        else:
            self.body_toggle.layout.display = "none"
        self.figure = new_figure(inches, interactive=self.interactive, toolbar=toolbar, dpi=dpi)
        self._draw_map()
        self.map = self._map_widget()
        self.widget = _layout(self)
        if self.body_view is not None:
            self.body_view.focus_before = self.map
            self.body_view.focus_after = self.export_button
        self._connect()

    # -- display ---------------------------------------------------------------------------
    def __repr__(self) -> str:
        return f"<footmap.Explorer {len(self._selected)} selected of {len(self.chart.zones)} zones>"

    def static_bundle(self) -> dict[str, str]:
        """A PNG of the map as shown, and HTML with it, the zones drawn and the caveat."""
        data = png(self.figure)
        html = panels.static_html(self.chart, data, self.artists.zones, self.alt_text())
        return {"image/png": b64(data), "text/html": html}

    def alt_text(self) -> str:
        """The map's text alternative: feet, view and every zone drawn."""
        view = self.controls["view"].value
        return panels.map_alt_text(self.artists.zones, self._feet(), view)

    # -- public API ------------------------------------------------------------------------
    @property
    def selected(self) -> tuple[Zone, ...]:
        """The selected zones (empty when nothing is selected)."""
        return self._selected

    def select(self, spec: SelectSpec) -> tuple[Zone, ...]:
        """Select zones programmatically, as if clicked or searched.

        Parameters
        ----------
        spec : Zone, str, iterable or None
            A zone, a zone id, a body area (``"kidneys"``), a body system id (``"urinary"``),
            an iterable of those, or ``None`` / ``()`` to clear.

        Returns
        -------
        tuple of Zone
            The new selection.

        Raises
        ------
        FootmapError
            If a name matches no zone, body area or system (the message lists close matches).

        Examples
        --------
        >>> ex = explore()
        >>> sorted(z.foot for z in ex.select("kidneys"))
        ['left', 'right']
        >>> ex.close()
        """
        self._set_selection(_zones_of(self.chart, spec))
        return self._selected

    def mark(self, **styles: Iterable[Zone | str]) -> None:
        """Draw extra marks over the map, e.g. ``mark(answer=[...], clicked=[...])``.

        Styles are those of :data:`footmap.explorer.overlay.STYLES` other than ``"selected"``
        (which is the selection): ``"answer"`` (thick solid outline), ``"clicked"`` (dashed
        outline and cross-hatching), ``"cursor"``. Styles not given are cleared.
        """
        marks = {}
        for style, zones in styles.items():
            marks[style] = tuple(z.id if isinstance(z, Zone) else z for z in zones)
        self._marks = marks
        self._show_marks()

    def on_select(self, callback: SelectCallback, remove: bool = False) -> None:
        """Register (or, with ``remove=True``, unregister) a selection callback.

        Parameters
        ----------
        callback : callable
            Called with the tuple of selected zones (empty when the selection is cleared)
            each time the selection changes.
        remove : bool, optional
            Unregister ``callback`` instead.

        Examples
        --------
        >>> ex = explore()
        >>> ex.on_select(lambda zones: print([z.label for z in zones]))
        >>> _ = ex.select("liver")
        ['Liver']
        >>> ex.close()
        """
        self._handlers.register_callback(callback, remove=remove)

    def on_click(self, callback: Callable[[Zone | None], Any], remove: bool = False) -> None:
        """Register (or, with ``remove=True``, unregister) a map click callback.

        Unlike :meth:`on_select`, called on every primary click on the map (and on Enter or
        Space on the focused map), after the selection is updated: with the zone clicked, or
        ``None`` when the click hit no zone.

        Examples
        --------
        >>> ex = explore()
        >>> ex.on_click(lambda zone: print(zone.id if zone else "miss"))
        >>> ex.close()
        """
        self._click_handlers.register_callback(callback, remove=remove)

    def zoom(self, part: str) -> None:
        """Show one part of the shown sole(s) larger, as the Zoom buttons do.

        ``part`` is ``"toes"``, ``"ball"``, ``"arch"``, ``"heel"``, or ``"whole"`` for the
        whole map. The labels are placed again for the larger scale, so zones too small to
        hold their name on the whole map get it inside. Where both feet would not be drawn
        larger, the zoom shows the part of one foot (the selection's, else the first).
        """
        if part not in ZOOM_LABELS:
            raise ValueError(f"part must be one of {list(ZOOM_LABELS)}, not {part!r}")
        self.zoom_buttons.value = part  # observed: _on_zoom

    def set_layer(self, kind: str) -> None:
        """Draw ``"nerves"``, ``"bones"`` or ``"dermatomes"`` over the map, or ``"none"``."""
        self.layer_switch.value = kind  # observed: _on_layer

    def move(self, direction: str) -> Zone | None:
        """Move the keyboard cursor to the neighbouring zone (``"left"``, ``"up"``...).

        Selects the zone too when :attr:`selects`; otherwise marks it with the
        cursor outline. Returns the zone moved to.
        """
        start = self.cursor
        if start is None and self._selected:
            start = next((z for z in self._selected if z in self._walk_zones()), None)
        drawn = self.artists.zones
        if not drawn:
            return None
        if direction not in DIRECTIONS:
            raise ValueError(f"direction must be one of {sorted(DIRECTIONS)}, not {direction!r}")
        if start is None or start not in self._walk_zones():
            zid = drawn[0].id  # nothing chosen yet: the walk starts on the first zone drawn
        else:
            feet = tuple(dict.fromkeys(z.foot for z in drawn))
            zid = walk(self.chart, start.id, direction, feet=feet)
        self.cursor = self.chart.zone(zid)
        if self.selects:
            self._set_selection((self.cursor,))
        else:
            self._marks = {**self._marks, "cursor": (zid,)}
            self._show_marks()
            self.live.value = _e(self.cursor_text(self.cursor))
        return self.cursor

    def press(self) -> Zone | None:
        """Enter or Space on the map: choose the cursor's zone, as a click on it would."""
        zone = self.cursor
        if zone is None:
            zone = self.move("right") if not self._selected else self._selected[0]
            if zone is None:
                return None
        if self.selects:
            self._set_selection((zone,))
        self._click_handlers(zone)
        return zone

    def pixel_of(self, zone: Zone | str) -> tuple[float, float]:
        """Where ``zone``'s anchor is drawn, in CSS pixels from the canvas's top-left corner.

        For automation and browser tests. Raises ``KeyError`` if the zone is not drawn in the
        current foot/view.
        """
        z = self.chart.zone(zone) if isinstance(zone, str) else zone
        dx, dy = self.artists.panels[(z.foot, z.view)]
        self.figure.draw_without_rendering()  # run the layout engine as a draw would
        x, y = self.artists.ax.transData.transform((z.anchor[0] + dx, z.anchor[1] + dy))
        ratio = getattr(self.figure.canvas, "device_pixel_ratio", 1.0) or 1.0
        return (float(x) / ratio, float(self.figure.bbox.height - y) / ratio)

    def export_name(self, fmt: str | None = None) -> str:
        """The file name an export gets: what it shows (feet, view, highlighted areas)."""
        fmt = fmt or self.export_format.value
        if fmt == "html":  # the interactive web page holds every view; nothing highlighted
            return "footmap-interactive-map.html"
        view = self.controls["view"].value
        shown = [z for z in self._selected if z.view == view and z.foot in self._feet()]
        return panels.export_name(view, shown, self._feet(), fmt)

    def export(self, path: str | Path | None = None, *, format: str | None = None) -> Path:
        """Write the current view (feet, view, highlight) as an annotated figure.

        Uses :func:`footmap.export.export`. With no ``path`` the file goes to a temporary
        directory, named after what it shows (:meth:`export_name`); the explorer then offers
        it as a download link.

        Returns
        -------
        pathlib.Path
            The file written.
        """
        from footmap.export import export as export_file

        fmt = format or self.export_format.value
        if path is None:
            if self._tmpdir is None:
                self._tmpdir = tempfile.TemporaryDirectory(prefix="footmap-")
            path = Path(self._tmpdir.name) / self.export_name(fmt)
        if fmt == "html":  # the standalone web map (footmap.web.page): the whole chart
            self.last_export = Path(export_file(self.chart, path, format="html"))
            return self.last_export
        out = export_file(
            self.chart,
            path,
            format=fmt,
            feet=self._feet(),
            views=(self.controls["view"].value,),
            highlight=tuple(z.id for z in self._selected),
            color_by=self.controls["color_by"].value,
            labels=self.controls["labels"].value,
        )
        self.last_export = Path(out)
        return self.last_export

    def close(self) -> None:
        """Close the figure and every widget of the explorer."""
        import matplotlib.pyplot as plt

        for timer in (self._hover_timer, self._capture_timer, self._text_timer):
            if timer is not None:
                timer.cancel()
        self._hover_timer = self._capture_timer = self._text_timer = None
        plt.close(self.figure)
        if self.body_view is not None:
            self.body_view.close()
        for w in list(descendants(self.widget)):
            w.close()
        if self._tmpdir is not None:
            self._tmpdir.cleanup()
            self._tmpdir = None

    # -- internals ---------------------------------------------------------------------------
    def _feet(self) -> tuple[str, ...]:
        foot = self.controls["foot"].value
        return self.chart.feet if foot == "both" else (foot,)

    def _min_scale(self) -> float:
        """Pixels per chart millimetre the map should get at least (see :data:`SOLE_PX`)."""
        return SOLE_PX[1 if self.presentation else 0] / SOLE_MM

    def _scale_for(self, feet: tuple[str, ...]) -> tuple[float, float]:
        """Pixels per mm for ``feet`` at the figure's width, and the layout's height / width."""
        from footmap.render.layout import fit_layout

        fig = self.figure
        width_px = float(fig.bbox.width)
        layout, _ = fit_layout(
            self.chart,
            feet,
            (self.controls["view"].value,),
            30.0,
            width_px * 72.0 / fig.dpi,
            1e6,
            bool(self.controls["labels"].value),
        )
        x0, y0, x1, y1 = layout.extent
        return width_px / (x1 - x0 + 4), (y1 - y0 + 4) / (x1 - x0 + 4)

    def _fit_feet(self) -> bool:
        """One foot at a time where both would be drawn too small; both when there is room.

        Returns whether the foot changed (the map is then redrawn).
        """
        if len(self.chart.feet) < 2 or not self.interactive:
            return False
        foot = self.controls["foot"]
        both = self._scale_for(self.chart.feet)[0] >= self._min_scale()
        if foot.value == "both" and not both:
            chosen = {z.foot for z in self._selected}
            self._narrowed = next(iter(chosen)) if len(chosen) == 1 else self.chart.feet[0]
            new = self._narrowed
        elif self._narrowed is not None and both and foot.value == self._narrowed:
            self._narrowed, new = None, "both"
        else:
            return False
        foot.layout.display = None  # the reader can switch feet (the tour and quiz hide it)
        self._auto = True
        try:
            foot.value = new
        finally:
            self._auto = False
        return True

    def _set_fit_info(self) -> None:
        """Tell the page the canvas shape this layout wants and the least height it needs."""
        scale, aspect = self._scale_for(self._feet())
        height_mm = aspect * float(self.figure.bbox.width) / max(scale, 1e-6)
        min_h = self._min_scale() * height_mm * 1.03
        # The width one foot needs at the least scale: where the explorer is too narrow for
        # the side column beside two feet, the page gives the map that much and puts the
        # side column (the caveat first) beside one foot rather than under the map.
        one = (self._feet()[0],) if self.chart.feet else ()
        scale1 = self._scale_for(one)[0] if one else scale
        min_w = self._min_scale() * float(self.figure.bbox.width) / max(scale1, 1e-6) * 1.03
        self.fit_info.value = (
            f'<div class="fm-fit-data" data-aspect="{aspect:.4f}" data-minh="{min_h:.0f}" '
            f'data-minw="{min_w:.0f}" data-feet="{len(self._feet())}"></div>'
        )

    def _draw_map(self) -> None:
        """(Re)draw the whole map for the current controls and size; marks carried over."""
        fig = self.figure
        fig.clear()
        ax = fig.add_subplot()
        color_by = self.controls["color_by"].value
        self.artists = render.plot_map(
            self.chart,
            feet=self._feet(),
            views=(self.controls["view"].value,),
            ax=ax,
            color_by=color_by,
            labels=self.controls["labels"].value,
            legend=color_by != "system",  # the system legend is HTML in the side panel
            title=False,
            key=False,  # the key is HTML beside the map (self.key): the feet keep the room
        )
        self._layer = None
        kind = self.layer_switch.value
        if kind != "none" and self.anatomy_chart is not None:
            self._layer = self._draw_layer(kind)
        self._set_fit_info()
        self._apply_zoom()
        self.key.value = panels.key_html(_numbers(self.artists))
        self.highlighter = Highlighter(self.artists)
        self._set_geometry(None)  # until this layout is drawn, the page outlines nothing
        self._plotted_size = tuple(fig.get_size_inches())
        self._drawn = None
        self.highlighter.set(self._mark_ids())
        self.legend.value = legend_html(self.artists.zones, color_by)
        self.alt.value = _e(self.alt_text())

    def _draw_layer(self, kind: str) -> AnatomyLayer:
        """The anatomy layer over the map; its legend goes to the side column, in HTML."""
        assert self.anatomy_chart is not None
        layer = plot_anatomy_layer(self.artists, self.anatomy_chart, kind)
        if layer.legend is not None:
            layer.legend.remove()
            layer.legend = None
        self.layer_legend.value = _layer_legend(layer)
        return layer

    def _apply_zoom(self) -> None:
        """Set the Axes' limits to the zoomed part and label the zones in view for that scale."""
        art = self.artists
        if self._zoom == "whole" or art.layout is None or not art.zones:
            self._zoom_feet = ()
            return
        ax = art.ax
        pos = ax.get_position(original=True)
        fw, fh = self.figure.get_size_inches()
        aspect = (pos.width * fw) / max(pos.height * fh, 1e-6)
        chosen = {z.foot for z in self._selected} or ({self.cursor.foot} if self.cursor else set())
        foot = next(iter(chosen)) if len(chosen) == 1 else None
        box, self._zoom_feet = zoom_box(
            [(p.foot, p.view, p.box) for p in art.layout.panels],
            art.layout.extent,
            self._zoom,
            aspect,
            foot,
        )
        fill_box(ax, fit_box(box, aspect, art.layout.extent))
        x0, x1 = ax.get_xlim()
        y0, y1 = ax.get_ylim()
        if art.labels_on:
            seen = []
            for i, z in enumerate(art.zones):
                dx, dy = art.panels[z.foot, z.view]
                bx0, by0, bx1, by1 = z.geometry.bounds
                if bx1 + dx > x0 and bx0 + dx < x1 and by1 + dy > y0 and by0 + dy < y1:
                    seen.append(i)
            art.label_only = frozenset(seen)
            place_once(art, points_per_mm(ax, layout_done=True))

        def inside(x: float, y: float) -> bool:
            return bool(x0 <= x <= x1 and y0 <= y <= y1)

        for t in art.labels:  # numbers of zones in view whose column lies outside: not drawn
            if not inside(*t.get_position()):
                t.set_visible(False)
        if len(art.leaders) >= 3:  # their leader lines, circles and dots neither
            lines, rings, dots = cast("list[Any]", art.leaders[:3])
            segs = lines.get_segments()
            keep = [k for k, seg in enumerate(segs) if inside(*seg[-1])]
            lines.set_segments([segs[k] for k in keep])
            for marker in (rings, dots):
                xs, ys = marker.get_data()
                marker.set_data(np.asarray(xs)[keep], np.asarray(ys)[keep])

    def _zoom_text(self) -> str:
        if self._zoom == "whole":
            return ""
        feet = self._zoom_feet
        who = "both feet" if len(feet) > 1 else f"the {feet[0]} foot" if feet else "the map"
        other = " (Foot switches feet; Whole foot shows everything)" if len(feet) == 1 else ""
        return f"Zoomed to the {self._zoom} of {who}{other}."

    def _mark_ids(self) -> dict[str, tuple[str, ...]]:
        return {"selected": tuple(z.id for z in self._selected), **self._marks}

    def _walk_zones(self) -> frozenset[Zone]:
        return frozenset(self.artists.zones)

    def _map_widget(self) -> widgets.Widget:
        if self.interactive:
            return self.figure.canvas
        self._image = widgets.Image(value=png(self.figure), format="png")
        self._image.layout.max_width = "100%"
        return self._image

    def _connect(self) -> None:
        c = self.controls
        for name in ("foot", "view", "color_by"):
            c[name].observe(self._on_redraw, names="value")
        c["labels"].observe(self._on_labels, names="value")
        self.search.observe(self._on_search, names="value")
        self.zoom_buttons.observe(self._on_zoom, names="value")
        self.layer_switch.observe(self._on_layer, names="value")
        self.body_toggle.observe(self._on_body_toggle, names="value")
        self.export_button.on_click(self._on_export)
        if self.interactive:
            canvas = self.figure.canvas
            canvas.mpl_connect("button_press_event", self._on_click)
            canvas.mpl_connect("motion_notify_event", self._on_motion)
            canvas.mpl_connect("figure_leave_event", self._on_leave)
            canvas.mpl_connect("key_press_event", self._on_key)
            canvas.mpl_connect("draw_event", self._on_draw)
            canvas.mpl_connect("resize_event", self._on_resize)

    def _refresh_map(self, full: bool = False) -> None:
        """Show the map's new state: blit when the last full draw still holds, else redraw."""
        if not self.interactive:
            if self._image is not None:
                self._image.value = png(self.figure)
            return
        canvas = self.figure.canvas
        size = tuple(self.figure.bbox.size)
        if not full and self._drawn == (self.artists, size):
            self.highlighter.blit(canvas)
            canvas.blit()
            # The canvas now shows the figure's state. Left stale, the figure would be drawn
            # again in full by pyplot's post-execute hook, which ipykernel runs after every
            # comm message (the click's and the release's): the same pixels, 100 ms later.
            self.figure.stale = False
        else:
            canvas.draw_idle()

    def _show_marks(self) -> None:
        self.highlighter.set(self._mark_ids())
        self._refresh_map()

    def _set_selection(self, zones: tuple[Zone, ...], *, text_later: bool = False) -> None:
        """Select ``zones``: the map first, then the panel and the live region's text.

        With ``text_later`` (a click on the map) and a running event loop, the text follows
        :data:`TEXT_DELAY` seconds after the picture, so the page draws the new frame before
        it lays out the panel's new text (else the frame waits behind that work).
        """
        if tuple(z.id for z in zones) == tuple(z.id for z in self._selected):
            return
        self._selected = zones
        if len(zones) == 1:
            self.cursor = zones[0]
        self._show_marks()  # first: the picture goes out before the panel's text
        if self._text_timer is not None:
            self._text_timer.cancel()
            self._text_timer = None
        if text_later:
            self._text_timer = call_later(TEXT_DELAY, self._show_text)
        if self._text_timer is None:
            self._show_text()
        self._handlers(zones)

    def _show_text(self) -> None:
        """The panel and the live region for the current selection."""
        self._text_timer = None
        zones = self._selected
        anatomy = panels.anatomy_html(self.chart, zones, self.body_chart, self.anatomy_chart)
        self.panel.value = panels.with_anatomy(selection_html(self.chart, zones), anatomy)
        self.live.value = _e(panels.announce_text(self.chart, zones))
        if self.body_view is not None:
            self.body_view.show(z.body_area for z in zones)

    # -- event handlers ----------------------------------------------------------------------
    def _on_draw(self, event: Any) -> None:
        """A full draw reached the canvas: blitting may use it; render backgrounds soon."""
        if self.highlighter.capturing:
            return
        self._drawn = (self.artists, tuple(self.figure.bbox.size))
        if self._capture_timer is None:
            self._capture_timer = call_later(0.05, self._capture)

    def _capture(self) -> None:
        self._capture_timer = None
        if self._drawn == (self.artists, tuple(self.figure.bbox.size)):
            self.highlighter.prepare()
            self._set_geometry(self._drawn)

    def _set_geometry(self, drawn: Any) -> None:
        """Send the page the outlines of the layout ``drawn`` (None: of no layout)."""
        key = None if drawn is None else (*drawn, self.selects, self._zoom, self._zoom_feet)
        if key == self._geometry_key:
            return
        self._geometry_key = key
        self.geometry.value = (
            "" if key is None else outlines_html(self.artists, preview=self.selects)
        )

    def _on_resize(self, event: Any) -> None:
        """The page fitted the canvas to its column: lay the map out again for that size."""
        if self._fit_feet():
            return
        old = self._plotted_size
        new = tuple(self.figure.get_size_inches())
        if max(abs(a - b) / b for a, b in zip(new, old, strict=True)) > 0.02:
            self._draw_map()
        else:
            self.highlighter.invalidate()
        self._drawn = None

    def _zone_under(self, event: Any) -> Zone | None:
        if event.inaxes is not self.artists.ax or event.xdata is None:
            return None
        return self.artists.zone_at(event.xdata, event.ydata)

    def _on_click(self, event: Any) -> None:
        """Matplotlib ``button_press_event``: select the zone under the pointer, or clear."""
        toolbar = getattr(self.figure.canvas, "toolbar", None)
        if getattr(toolbar, "mode", ""):  # panning or zooming, not picking
            return
        if event.button not in (None, 1):
            return
        zone = self._zone_under(event)
        if self.search.value:
            self._syncing = True
            try:
                self.search.value = ""
            finally:
                self._syncing = False
        self.cursor = zone
        if self.selects:
            self._set_selection((zone,) if zone is not None else (), text_later=True)
        self._click_handlers(zone)

    def _on_key(self, event: Any) -> None:
        """Matplotlib ``key_press_event`` on the focused map: walk, choose, or leave."""
        key = event.key or ""
        if key in ("tab", "escape"):
            focus(self.focus_after)
        elif key in ("shift+tab", "shift+escape"):
            focus(self.focus_before)
        elif key in DIRECTIONS:
            self.move(key)
        elif key in ("enter", " ", "space"):
            self.press()

    def _on_motion(self, event: Any) -> None:
        """Matplotlib ``motion_notify_event``: name the zone under the pointer (throttled).

        At most one hit test per :data:`HOVER_INTERVAL`; a move arriving sooner is kept and
        handled when the interval ends (trailing edge), so the status line always ends up
        naming the zone where the pointer stopped. The status widget is only sent a new value
        when the zone changes.
        """
        inside = event.inaxes is self.artists.ax and event.xdata is not None
        self._hover_xy = (event.xdata, event.ydata) if inside else None
        wait = HOVER_INTERVAL - (time.perf_counter() - self._hover_time)
        if wait <= 0:
            self._hover_flush()
        elif self._hover_timer is None:
            self._hover_timer = call_later(wait, self._hover_flush)
            if self._hover_timer is None:  # no event loop (plain Python, tests): do it now
                self._hover_flush()

    def _hover_flush(self) -> None:
        self._hover_timer = None
        self._hover_time = time.perf_counter()
        xy = self._hover_xy
        self._set_hover(None if xy is None else self.artists.zone_at(*xy))

    def _on_leave(self, event: Any) -> None:
        self._hover_xy = None
        self._set_hover(None)

    def _set_hover(self, zone: Zone | None) -> None:
        if zone is self._hover_zone:
            return
        self._hover_zone = zone
        self.status.value = _e(status_text(zone))

    def _on_search(self, change: dict) -> None:
        if self._syncing:
            return
        text = change["new"].strip()
        zones = match_search(self.chart, self._options, change["new"])
        if zones is None:
            return
        message, other = "", None
        if text and not zones:  # a typo, a plain word or a symptom: the search every surface uses
            found = find(self.chart, text)
            zones = found.zones
            message = found.message()
            message += "" if message.endswith("?") else "."
        if zones:
            feet = self._feet()
            hint, other = panels.search_hint(
                [z for z in zones if z.foot in feet], self.controls["view"].value
            )
            if other is not None:  # nothing to see on this view: show the view holding them
                message += f" Showing the {VIEWS.get(other, other)} view: {hint[4:]}"
            elif not any(z.foot in feet for z in zones):
                message += " The matches are on the other foot: choose Both feet to see them."
            message = message.strip()
        self._set_selection(zones)
        if other is not None:
            self.controls["view"].value = other  # redraws, keeping the selection
        self.status.value = _e(message)

    def _on_redraw(self, change: dict) -> None:
        if change.get("owner") is self.controls["foot"] and not self._auto:
            self._narrowed = None  # the reader chose the feet
        self._draw_map()
        self._refresh_map(full=True)

    def _on_labels(self, change: dict) -> None:
        if change["new"] and not self.artists.labels:  # drawn without labels: place them now
            self._draw_map()
        else:
            self.artists.set_labels_visible(bool(change["new"]))
            self.highlighter.invalidate()
        self._drawn = None
        self._refresh_map(full=True)

    def _on_zoom(self, change: dict) -> None:
        self._zoom = change["new"]
        self._draw_map()
        self._refresh_map(full=True)
        self.status.value = _e(self._zoom_text())

    def _on_layer(self, change: dict) -> None:
        if self._layer is not None:
            self._layer.remove()
            self._layer = None
        self.layer_legend.value = ""
        if change["new"] != "none" and self.anatomy_chart is not None:
            self._layer = self._draw_layer(change["new"])
        # the zones' colours changed: the highlighter dims and marks from the new ones
        self.highlighter.face = np.asarray(self.artists.face, float).reshape(-1, 4)
        self.highlighter.invalidate()
        self.highlighter.set(self._mark_ids())
        self._drawn = None
        self._refresh_map(full=True)

    def _on_body_toggle(self, change: dict) -> None:
        if self.body_view is None:
            return
        self.body_view.widget.layout.display = None if change["new"] else "none"
        if change["new"]:
            self.body_view.refresh()

    def _on_body_choose(self, region: Region) -> None:
        """An organ clicked (or Enter) on the body: every foot zone claimed for it, as search."""
        if not self.chart.zones_for(region.body_area):
            self.status.value = _e(f"No zone of this chart is claimed for the {region.body_area}.")
            if self.body_view is not None:
                self.body_view.show([region.body_area])
            return
        self._syncing = True
        try:
            self.search.value = ""
        finally:
            self._syncing = False
        self.search.value = region.body_area  # _on_search: the zones, the view holding them

    def _announce(self, text: str) -> None:
        self.live.value = _e(text)

    def _on_export(self, button: Any) -> None:
        self.download.value = "Writing..."
        try:
            path = self.export()
        except Exception as exc:  # shown to the reader rather than lost in the kernel log
            self.download.value = _e(f"Export failed: {exc}")
            return
        mime = _MIME.get(path.suffix.lstrip("."), "application/octet-stream")
        self.download.value = _download_html(path.read_bytes(), path.name, mime)


def _cursor_text(zone: Zone) -> str:
    return f"{zone.label}, {zone.foot} foot. Press Enter to choose it."


def _numbers(artists: Any) -> list[tuple[int, str]]:
    """The numbers drawn on the map (callouts and in zones) and the label each stands for."""
    by_id = {z.id: z for z in artists.zones}
    found: dict[int, str] = {}
    for t in artists.labels:
        gid = t.get_gid() or ""
        inside = gid.startswith(("callout-", "number-"))  # a callout or a number in its zone
        zone = by_id.get(gid.split("-", 1)[1]) if inside else None
        if zone is not None and t.get_visible() and t.get_text().isdigit():
            found.setdefault(int(t.get_text()), zone.label)
    return sorted(found.items())


def _layout(ex: Explorer) -> widgets.Widget:
    c = ex.controls
    top = widgets.HBox([c["foot"], c["color_by"], c["labels"], ex.body_toggle], layout=wrap("24px"))
    views = widgets.HBox([c["view"], ex.zoom_buttons], layout=wrap("24px"))
    side = [ex.panel, ex.layer_switch, ex.layer_legend, ex.legend, ex.key]
    if ex.body_view is not None:
        side.insert(0, ex.body_view.widget)
    export = widgets.HBox([ex.export_button, ex.export_format, ex.download], layout=wrap())
    rows = [top, views, ex.search, body(map_column(ex), side, ex.caveat), export]
    return root(ex, rows, "footmap-explorer")


def _layer_legend(layer: AnatomyLayer) -> str:
    """The anatomy layer's legend as HTML (the figure's own legend is not drawn)."""
    kind = layer.kind
    title = LEGEND_TITLES[kind].replace("\n", " ")
    note = LEGEND_NOTES[kind].replace("\n", " ")
    if kind == "nerve":
        seen: dict[str, tuple[str, str, str, str]] = {}
        for s in layer.structures:
            fill, hatch = NERVE_STYLES.get(s.id.rsplit(".", 1)[-1], ("#e6e6e6", "++"))
            name = s.name + (f" ({s.roots})" if s.roots else "")
            seen.setdefault(name, (name, fill, hatch, NERVE_EDGE))
        return panels.layer_legend_html(title, list(seen.values()), note, hatch_color=NERVE_HATCH)
    if kind == "bone":
        return panels.layer_legend_html(title, [("Bone", BONE_FACE, "", BONE_EDGE)], note)
    entry = ("Dermatome boundary (labelled with its root)", "none", "", DERMATOME_COLOR)
    return panels.layer_legend_html(title, [entry], note, dashed=True)


def _body_for(chart: Chart) -> BodyChart | None:
    """The bundled body chart, when it draws the body areas of ``chart``'s zones."""
    from footmap.chart.loader import load_body

    body = load_body()
    return body if any(body.regions_for(z.body_area) for z in chart.zones) else None


def _anatomy_for(chart: Chart) -> AnatomyChart | None:
    """The bundled foot-anatomy chart, when it is drawn on ``chart``'s outlines."""
    from footmap.chart.loader import load_anatomy

    anatomy = load_anatomy()
    return anatomy if drawn_on(chart, anatomy) else None


def _check_figsize(figsize: Any) -> None:
    """Refuse a figure size that is not two positive, finite numbers of inches."""
    import math

    try:
        ok = len(figsize) == 2 and all(math.isfinite(v) and 0 < v <= 100 for v in figsize)
    except TypeError:
        ok = False
    if isinstance(figsize, str) or not ok:
        raise FootmapError(
            f"figsize must be (width, height) in inches, each above 0 and at most 100, "
            f"not {figsize!r}"
        )


def explore(chart: Chart | None = None, **options: Any) -> Explorer:
    """Open the foot-map explorer.

    Parameters
    ----------
    chart : Chart, optional
        The chart to explore; the bundled chart by default.
    **options
        ``foot`` (``"left"``, ``"right"`` or ``"both"``), ``view`` (one of ``chart.views``),
        ``color_by`` (a key of :data:`COLOR_BY`), ``labels`` (bool), ``toolbar`` (show the
        ipympl toolbar), ``interactive`` (force the ipympl canvas on or off; by default on
        when ipympl is the matplotlib backend), ``figsize`` (inches), ``presentation``
        (larger text and map, for a projector).

    Returns
    -------
    Explorer
        Display it as a cell's last expression.

    Examples
    --------
    >>> import footmap.explorer
    >>> ex = footmap.explorer.explore()
    >>> [z.foot for z in ex.select("kidneys")]
    ['left', 'right']
    >>> ex.close()
    """
    return Explorer(_chart(chart), **options)


def _chart(chart: Chart | None) -> Chart:
    if chart is not None:
        return chart
    from footmap.chart.loader import load

    return load()
