"""The interactive explorer: click a foot zone, see the body area reflexology claims for it.

The explorer puts the foot map (drawn by :func:`footmap.render.plot_map`) on an ipympl canvas
beside a side panel. Clicking a zone highlights it and shows what charts claim for it, with the
sources; the caveat that the evidence is weak is always on screen. A search box (type or pick a
body area, zone label or body system) makes it usable without a mouse.

The explorer keeps the map, the panel and the controls; the teaching widgets built on it (tour,
quiz) live in :mod:`footmap.classroom`, the HTML they show in :mod:`footmap.panels`. These two
widget modules are the only footmap modules that import ipywidgets and ipympl. Where ipympl
is not the active matplotlib backend (a static viewer, ``nbconvert``, a notebook without
``%matplotlib widget``) the explorer shows a static PNG of the map and the search-driven
panel instead.

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

import asyncio
import io
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, Union

import ipywidgets as widgets
import matplotlib
from matplotlib.figure import Figure

from . import render
from .chart import Chart, Zone
from .describe import escape_html as _e
from .panels import (
    _MIME,
    _download_html,
    caveat_html,
    legend_html,
    selection_html,
    status_text,
)
from .vocab import VIEWS

__all__ = [
    "COLOR_BY",
    "Explorer",
    "caveat_html",
    "explore",
    "ipympl_active",
    "legend_html",
    "match_search",
    "search_options",
    "selection_html",
    "status_text",
]

#: Colourings offered by the explorer: ``color_by`` value of ``plot_map`` -> button label.
COLOR_BY: dict[str, str] = {"system": "Body system", "sources": "Number of sources"}

#: matplotlib backend names under which ipympl draws into a widget canvas.
IPYMPL_BACKENDS = frozenset({"module://ipympl.backend_nbagg", "widget", "ipympl"})

#: Minimum seconds between two hover hit-tests (mouse moves arrive at up to ~60 per second).
HOVER_INTERVAL = 0.03

#: Figure size (inches) at 100 dpi: 640 x 480 px, so the map, its key to the numbered callouts
#: and the 310 px side panel fit a laptop screen. (The system legend lives in the side panel.)
FIGSIZE = (6.4, 4.8)

#: Anything :meth:`Explorer.select` accepts: a zone, a zone id, a body area, a system id,
#: an iterable of those, or ``None`` to clear.
SelectSpec = Union[Zone, str, Iterable[Union[Zone, str]], None]  # noqa: UP007 (runtime alias)

SelectCallback = Callable[[tuple[Zone, ...]], Any]


# -- logic (pure functions) --------------------------------------------------------------------
def ipympl_active() -> bool:
    """Whether figures will be interactive ipympl widgets.

    True when ipympl imports and the current matplotlib backend is ipympl's (as after
    ``%matplotlib widget``). False in static viewers, ``nbconvert`` runs with the inline
    backend, and plain Python.

    Examples
    --------
    >>> isinstance(ipympl_active(), bool)
    True
    """
    if matplotlib.get_backend() not in IPYMPL_BACKENDS:
        return False
    try:
        import ipympl.backend_nbagg  # noqa: F401
    except ImportError:
        return False
    return True


def search_options(chart: Chart) -> dict[str, tuple[Zone, ...]]:
    """The search box's options: display text -> the zones it selects.

    Offers every body area (``"kidneys"`` selects the kidney zones of both feet), every zone
    label that is not also a body area, and every body system (``"system: Urinary"``).

    Parameters
    ----------
    chart : Chart

    Returns
    -------
    dict
        Insertion-ordered; body areas first, then labels, then systems.

    Examples
    --------
    >>> import footmap
    >>> opts = search_options(footmap.load())
    >>> sorted({z.foot for z in opts["kidneys"]})
    ['left', 'right']
    """
    options: dict[str, tuple[Zone, ...]] = {}
    for area in chart.body_areas:
        options[area] = tuple(z for z in chart.zones if z.body_area == area)
    areas = {a.casefold() for a in chart.body_areas}
    for z in chart.zones:
        if z.label.casefold() in areas:
            continue
        options[z.label] = options.get(z.label, ()) + (z,)
    for system in dict.fromkeys(z.system for z in chart.zones):
        zones = chart.zones_in_system(system)
        options[f"system: {zones[0].system_label}"] = zones
    return options


def match_search(
    chart: Chart, options: dict[str, tuple[Zone, ...]], text: str
) -> tuple[Zone, ...] | None:
    """Zones the search text selects, or ``None`` when the text is too short to decide.

    An option matched exactly (ignoring case and surrounding space) selects its zones; other
    text of three or more characters selects :meth:`Chart.search` hits; empty text selects
    nothing (clears).
    """
    q = " ".join(text.split()).casefold()
    if not q:
        return ()
    for key, zones in options.items():
        if key.casefold() == q:
            return zones
    if len(q) < 3:
        return None
    return chart.search(q)


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
class _Shown:
    """Shows itself through its root ``widget`` (in JupyterLab, Voila and nbconvert alike)."""

    widget: widgets.Widget

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.widget._repr_mimebundle_(**kwargs)

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)


class Explorer(_Shown):
    """The foot-map explorer widget: a map, a side panel, controls and a status line.

    Build one with :func:`explore`. Display it (it is the last expression of a cell, or
    ``display(explorer)``); :attr:`widget` is the root ipywidget.

    Attributes
    ----------
    chart : Chart
        The chart shown.
    figure : matplotlib.figure.Figure
        The figure holding the map.
    artists : footmap.render.MapArtists
        The map currently drawn (replaced when the foot, view or colouring changes).
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
    ) -> None:
        self.chart = chart
        self.interactive = ipympl_active() if interactive is None else interactive
        self._selected: tuple[Zone, ...] = ()
        self._hover_zone: Zone | None = None
        self._hover_time = 0.0
        self._hover_xy: tuple[float, float] | None = None
        self._hover_timer: Any = None
        self._syncing = False
        self._handlers = widgets.CallbackDispatcher()
        self._click_handlers = widgets.CallbackDispatcher()
        self._options = search_options(chart)
        self._image: widgets.Image | None = None
        self.last_export: Path | None = None
        self._tmpdir: tempfile.TemporaryDirectory | None = None

        views = chart.views
        self.controls = _controls(chart, foot, view or views[0], color_by, labels)
        self.search = widgets.Combobox(
            options=list(self._options),
            placeholder="Search a body area or zone, e.g. kidneys",
            ensure_option=False,
            layout=widgets.Layout(width="100%"),
        )
        self.panel = widgets.HTML(selection_html(chart, ()), layout=widgets.Layout(width="100%"))
        self.caveat = widgets.HTML(caveat_html(chart), layout=widgets.Layout(width="100%"))
        self.legend = widgets.HTML("", layout=widgets.Layout(width="100%"))
        self.status = widgets.HTML("", layout=widgets.Layout(min_height="1.6em"))
        self.export_format = widgets.Dropdown(
            options=list(_MIME), value="png", layout=widgets.Layout(width="70px")
        )
        self.export_button = widgets.Button(
            description="Export figure", icon="download", tooltip="Write the current view"
        )
        self.download = widgets.HTML("")

        self.figure = _new_figure(figsize, interactive=self.interactive, toolbar=toolbar)
        self.artists = self._draw_map()
        self.legend.value = legend_html(self.artists.zones, self.controls["color_by"].value)
        self.map = self._map_widget()
        self.widget = _layout(self)
        self._connect()

    # -- display ---------------------------------------------------------------------------
    def __repr__(self) -> str:
        return f"<footmap.Explorer {len(self._selected)} selected of {len(self.chart.zones)} zones>"

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

        Unlike :meth:`on_select`, called on every primary click on the map, after the
        selection is updated: with the zone clicked, or ``None`` when the click hit no zone.

        Examples
        --------
        >>> ex = explore()
        >>> ex.on_click(lambda zone: print(zone.id if zone else "miss"))
        >>> ex.close()
        """
        self._click_handlers.register_callback(callback, remove=remove)

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

    def export(self, path: str | Path | None = None, *, format: str | None = None) -> Path:
        """Write the current view (feet, view, highlight) as an annotated figure.

        Uses :func:`footmap.export.export`. With no ``path`` the file goes to a temporary
        directory; the explorer then offers it as a download link.

        Returns
        -------
        pathlib.Path
            The file written.
        """
        from . import export as _export

        fmt = format or self.export_format.value
        if path is None:
            if self._tmpdir is None:
                self._tmpdir = tempfile.TemporaryDirectory(prefix="footmap-")
            path = Path(self._tmpdir.name) / f"footmap.{fmt}"
        out = _export.export(
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

        if self._hover_timer is not None:
            self._hover_timer.cancel()
            self._hover_timer = None
        plt.close(self.figure)
        for w in list(_walk(self.widget)):
            w.close()
        if self._tmpdir is not None:
            self._tmpdir.cleanup()
            self._tmpdir = None

    # -- internals ---------------------------------------------------------------------------
    def _feet(self) -> tuple[str, ...]:
        foot = self.controls["foot"].value
        return self.chart.feet if foot == "both" else (foot,)

    def _draw_map(self) -> render.MapArtists:
        fig = self.figure
        fig.clear()
        ax = fig.add_subplot()
        color_by = self.controls["color_by"].value
        artists = render.plot_map(
            self.chart,
            feet=self._feet(),
            views=(self.controls["view"].value,),
            ax=ax,
            color_by=color_by,
            labels=self.controls["labels"].value,
            highlight=self._visible_ids(self._selected, feet=self._feet()),
            legend=color_by != "system",  # the system legend is HTML in the side panel
            title=False,
        )
        return artists

    def _visible_ids(self, zones: Iterable[Zone], feet: Sequence[str] | None = None) -> tuple:
        feet = feet if feet is not None else self._feet()
        view = self.controls["view"].value
        return tuple(z.id for z in zones if z.foot in feet and z.view == view)

    def _map_widget(self) -> widgets.Widget:
        if self.interactive:
            return self.figure.canvas
        self._image = widgets.Image(value=_png(self.figure), format="png")
        self._image.layout.max_width = f"{self.figure.get_figwidth() * 100:.0f}px"
        return self._image

    def _connect(self) -> None:
        c = self.controls
        for name in ("foot", "view", "color_by"):
            c[name].observe(self._on_redraw, names="value")
        c["labels"].observe(self._on_labels, names="value")
        self.search.observe(self._on_search, names="value")
        self.export_button.on_click(self._on_export)
        if self.interactive:
            canvas = self.figure.canvas
            canvas.mpl_connect("button_press_event", self._on_click)
            canvas.mpl_connect("motion_notify_event", self._on_motion)
            canvas.mpl_connect("figure_leave_event", self._on_leave)

    def _refresh_map(self) -> None:
        if self.interactive:
            self.figure.canvas.draw_idle()
        elif self._image is not None:
            self._image.value = _png(self.figure)

    def _set_selection(self, zones: tuple[Zone, ...]) -> None:
        if tuple(z.id for z in zones) == tuple(z.id for z in self._selected):
            return
        self._selected = zones
        self.artists.set_highlight(self._visible_ids(zones))
        self._refresh_map()
        self.panel.value = selection_html(self.chart, zones)
        self._handlers(zones)

    # -- event handlers ----------------------------------------------------------------------
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
        self._set_selection((zone,) if zone is not None else ())
        self._click_handlers(zone)

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
            self._hover_timer = _call_later(wait, self._hover_flush)
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
        zones = match_search(self.chart, self._options, change["new"])
        if zones is not None:
            self._set_selection(zones)
            if change["new"].strip() and not zones:
                self.status.value = _e(f"No zone matches {change['new'].strip()!r}.")

    def _on_redraw(self, change: dict) -> None:
        self.artists = self._draw_map()
        self.legend.value = legend_html(self.artists.zones, self.controls["color_by"].value)
        self._refresh_map()

    def _on_labels(self, change: dict) -> None:
        if change["new"] and not self.artists.labels:  # drawn without labels: place them now
            self.artists = self._draw_map()
        else:
            self.artists.set_labels_visible(bool(change["new"]))
        self._refresh_map()

    def _on_export(self, button: Any) -> None:
        self.download.value = "Writing..."
        try:
            path = self.export()
        except Exception as exc:  # shown to the reader rather than lost in the kernel log
            self.download.value = _e(f"Export failed: {exc}")
            return
        mime = _MIME.get(path.suffix.lstrip("."), "application/octet-stream")
        self.download.value = _download_html(path.read_bytes(), path.name, mime)


# -- building blocks -----------------------------------------------------------------------------
def _controls(
    chart: Chart, foot: str, view: str, color_by: str, labels: bool
) -> dict[str, widgets.ValueWidget]:
    feet = [(f.capitalize(), f) for f in chart.feet]
    if len(feet) > 1:
        feet.append(("Both", "both"))
    else:
        foot = chart.feet[0]
    small = {"button_width": "auto", "description_width": "initial"}
    foot_w = widgets.ToggleButtons(options=feet, value=foot, description="Foot", style=small)
    view_w = widgets.ToggleButtons(
        options=[(VIEWS[v], v) for v in chart.views], value=view, description="View", style=small
    )
    if len(chart.views) < 2:
        view_w.layout.display = "none"
    colour_w = widgets.ToggleButtons(
        options=[(label, key) for key, label in COLOR_BY.items()],
        value=color_by,
        description="Colour",
        style=small,
    )
    labels_w = widgets.Checkbox(
        value=labels, description="Labels", indent=False, layout=widgets.Layout(width="auto")
    )
    return {"foot": foot_w, "view": view_w, "color_by": colour_w, "labels": labels_w}


def _layout(ex: Explorer) -> widgets.Widget:
    c = ex.controls
    side = widgets.VBox(
        [
            ex.search,
            ex.panel,
            ex.legend,
            ex.caveat,
            widgets.HBox([ex.export_button, ex.export_format]),
            ex.download,
        ],
        layout=widgets.Layout(width="310px", padding="0 0 0 10px"),
    )
    ex.map.layout.flex = "0 0 auto"  # never squeeze the canvas: wrap the panel below instead
    wrap = widgets.Layout(flex_flow="row wrap", align_items="center", grid_gap="4px 24px")
    top = widgets.HBox([c["foot"], c["color_by"], c["labels"]], layout=wrap)
    left = widgets.VBox([ex.map, ex.status], layout=widgets.Layout(flex="0 0 auto"))
    body = widgets.HBox([left, side], layout=widgets.Layout(flex_flow="row wrap"))
    rows = [top, c["view"], body]
    root = widgets.VBox(rows)
    root.add_class("footmap-explorer")
    return root


def _new_figure(figsize: tuple[float, float], *, interactive: bool, toolbar: bool) -> Figure:
    if not interactive:
        fig = Figure(figsize=figsize, dpi=100, layout="constrained")
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        FigureCanvasAgg(fig)
        return fig
    import matplotlib.pyplot as plt

    if matplotlib.get_backend() in IPYMPL_BACKENDS:
        with plt.ioff():
            fig = plt.figure(figsize=figsize, dpi=100, layout="constrained")
    else:  # interactive forced under another backend: give the figure an ipympl canvas
        from ipympl.backend_nbagg import new_figure_manager_given_figure

        fig = Figure(figsize=figsize, dpi=100, layout="constrained")
        with plt.ioff():
            new_figure_manager_given_figure(id(fig), fig)
    canvas = fig.canvas
    canvas.toolbar_visible = bool(toolbar)
    canvas.header_visible = False
    canvas.footer_visible = False
    canvas.resizable = False
    return fig


def _call_later(delay: float, callback: Callable[[], Any]) -> Any:
    """Run ``callback`` after ``delay`` seconds on the running event loop (the kernel's).

    Returns the handle, or ``None`` when no loop is running.
    """
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        return None
    return loop.call_later(delay, callback)


def _png(fig: Figure) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=100)
    return buf.getvalue()


def _walk(w: Any) -> Iterable[widgets.Widget]:
    yield w
    for child in getattr(w, "children", ()):
        yield from _walk(child)


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
        when ipympl is the matplotlib backend), ``figsize`` (inches).

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
    if chart is None:
        from .io import load

        chart = load()
    return Explorer(chart, **options)


def _chart(chart: Chart | None) -> Chart:
    if chart is not None:
        return chart
    from .io import load

    return load()
