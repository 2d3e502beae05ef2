"""The interactive explorer: click a foot zone, see the body area reflexology claims for it.

The explorer puts the foot map (drawn by :func:`footmap.render.plot_map`) on an ipympl canvas
beside a side panel. Clicking a zone highlights it and shows what charts claim for it, with the
sources; the caveat that the evidence is weak is always on screen. A search box (type or pick a
body area, zone label or body system) makes it usable without a mouse.

This is the only footmap module that imports ipywidgets and ipympl. Where ipympl is not the
active matplotlib backend (a static viewer, ``nbconvert``, a notebook without
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

import asyncio
import base64
import io
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, Union

import ipywidgets as widgets
import matplotlib
from matplotlib.figure import Figure

from . import lesson, palette, render
from .chart import Chart, Zone
from .describe import escape_html as _e
from .describe import zones_html
from .search import match_search, search_options
from .vocab import SYSTEMS, VIEWS

__all__ = [
    "COLOR_BY",
    "Explorer",
    "Quiz",
    "Tour",
    "best_view",
    "caveat_html",
    "counter_text",
    "explore",
    "ipympl_active",
    "legend_html",
    "match_search",
    "question_html",
    "quiz_widget",
    "reveal_html",
    "score_text",
    "selection_html",
    "search_options",
    "status_text",
    "tour_widget",
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

_PROMPT = (
    '<div class="fm-prompt"><p><b>Click a zone</b> on the foot map, or search for a body area, '
    "to see what reflexology charts claim for it.</p></div>"
)


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


def caveat_html(chart: Chart) -> str:
    """The chart's caveats as an HTML block, always shown beside the map.

    Evidence caveats appear in full with their sources, safety cautions in brief. Every
    piece of chart text is escaped.

    Parameters
    ----------
    chart : Chart

    Returns
    -------
    str
        An HTML fragment (``<div class="fm-caveat">``).

    Examples
    --------
    >>> import footmap
    >>> "Caveat:" in caveat_html(footmap.load())
    True
    """
    parts = []
    for c in chart.caveats_of("evidence"):
        cited = "; ".join(_e(chart.source(s).title) for s in c.sources)
        parts.append(
            f"<p><b>Caveat:</b> {_e(c.text)} "
            f'<span class="fm-cite" style="font-size:90%;color:#7c4a2d">(sources: {cited})</span>'
            "</p>"
        )
    safety = chart.caveats_of("safety")
    if safety:
        parts.append("<p><b>Safety:</b> " + " ".join(_e(c.brief) for c in safety) + "</p>")
    return (
        '<div class="fm-caveat" style="border-left:4px solid #b45309;background:#fff7ed;'
        'color:#431407;padding:2px 8px;margin-top:6px;font-size:90%;line-height:1.35">'
        + "".join(parts)
        + "</div>"
    )


def selection_html(chart: Chart, zones: Sequence[Zone]) -> str:
    """HTML for the side panel's selection part: the selected zones, or a prompt when none.

    Uses :func:`footmap.describe.zones_html`, which escapes all chart text.

    Parameters
    ----------
    chart : Chart
    zones : sequence of Zone

    Returns
    -------
    str

    Examples
    --------
    >>> import footmap
    >>> chart = footmap.load()
    >>> "kidneys" in selection_html(chart, chart.zones_for("kidneys"))
    True
    """
    body = zones_html(chart, zones) if zones else _PROMPT
    return f'<div class="fm-selection" style="line-height:1.4">{body}</div>'


def status_text(zone: Zone | None) -> str:
    """The hover status line for ``zone`` (plain text; escape before putting into HTML).

    Examples
    --------
    >>> status_text(None)
    ''
    """
    if zone is None:
        return ""
    return f"{zone.label} ({zone.foot} foot): charts claim it for the {zone.body_area}"


def legend_html(zones: Iterable[Zone], color_by: str = "system") -> str:
    """A compact HTML legend of the body systems of ``zones``, for the side panel.

    Empty unless ``color_by`` is ``"system"``; other colourings get a colorbar in the figure.

    Examples
    --------
    >>> legend_html([], "sources")
    ''
    """
    if color_by != "system":
        return ""
    present = {z.system for z in zones}
    items = "".join(
        f'<span style="white-space:nowrap;margin-right:10px">'
        f'<span style="display:inline-block;width:11px;height:11px;vertical-align:-1px;'
        f'border:1px solid #4d4d4d;background:{palette.SYSTEM_COLORS[s]}"></span> '
        f"{_e(label)}</span> "
        for s, label in SYSTEMS.items()
        if s in present
    )
    return (
        '<div class="fm-legend" style="font-size:85%;line-height:1.5;margin:4px 0">'
        f"<b>Body system</b> (as charts assign it): {items}</div>"
    )


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


def _download_html(data: bytes, filename: str, mime: str) -> str:
    b64 = base64.b64encode(data).decode("ascii")
    name = _e(filename)
    return (
        f'<a download="{name}" href="data:{mime};base64,{b64}" '
        f'style="color:#1d4ed8;text-decoration:underline">Download {name}</a> '
        f'<span style="color:#555">({len(data) / 1024:.0f} kB)</span>'
    )


_MIME = {"png": "image/png", "svg": "image/svg+xml", "pdf": "application/pdf"}


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


# -- teaching: a guided tour and a click quiz (logic in footmap.lesson) -------------------------
#: Explanations of a quiz answer start with this verdict when the click hit no zone
#: (:func:`footmap.lesson.check` with ``zone=None``).
_MISS_VERDICT = "That click missed every zone."


def best_view(zones: Iterable[Zone], views: Sequence[str]) -> str:
    """The view among ``views`` that holds most of ``zones`` (the first such view on a tie).

    Parameters
    ----------
    zones : iterable of Zone
    views : sequence of str
        The views to choose from, in order of preference (e.g. ``chart.views``).

    Returns
    -------
    str

    Examples
    --------
    >>> import footmap
    >>> chart = footmap.load()
    >>> best_view(chart.zones_in_system("lymphatic"), chart.views)
    'dorsal'
    >>> best_view([], ["plantar", "dorsal"])
    'plantar'
    """
    counts = dict.fromkeys(views, 0)
    for z in zones:
        if z.view in counts:
            counts[z.view] += 1
    return max(counts, key=lambda v: counts[v])  # max keeps the first of equal counts


def counter_text(index: int, total: int, title: str) -> str:
    """The tour's step counter, e.g. ``"3 / 10: Digestive"`` (plain text, 0-based ``index``).

    Examples
    --------
    >>> counter_text(2, 10, "Digestive")
    '3 / 10: Digestive'
    """
    return f"{index + 1} / {total}: {title}"


def score_text(right: int, answered: int, total: int) -> str:
    """The quiz score line (plain text).

    Examples
    --------
    >>> score_text(2, 3, 5)
    'Score: 2 right of 3 answered (5 questions)'
    """
    return f"Score: {right} right of {answered} answered ({total} questions)"


def question_html(index: int, total: int, prompt: str) -> str:
    """The quiz's question banner: ``"Question 2 of 5"`` and the escaped prompt.

    Examples
    --------
    >>> "Question 2 of 5" in question_html(1, 5, "Click where the chart places the heart")
    True
    """
    return (
        f'<div class="fm-question"><p style="margin:0;color:#555">Question {index + 1} of '
        f'{total}</p><p style="margin:2px 0;font-size:130%"><b>{_e(prompt)}</b></p></div>'
    )


def reveal_html(chart: Chart, question: lesson.Question) -> str:
    """The answer to ``question`` shown on request ("Show me"), caveat included.

    Uses :func:`footmap.lesson.check` for where the chart places the area, its claims and
    sources and the caveat, with the verdict replaced by "Shown:". Counts as not right.

    Examples
    --------
    >>> import footmap
    >>> chart = footmap.load()
    >>> q = footmap.lesson.quiz(chart, n=1, seed=1)[0]
    >>> 'class="fm-caveat"' in reveal_html(chart, q)
    True
    """
    shown = _e(f"Shown: where the chart places the {question.body_area}.")
    return lesson.check(chart, question, None).html.replace(_e(_MISS_VERDICT), shown, 1)


_QUIZ_HELP = (
    '<div class="fm-quiz-help"><p>Click the zone of the foot map that answers the question. '
    "A click outside every zone does not count. <b>Show me</b> highlights the answer.</p></div>"
)
_MISSED = (
    '<div class="fm-quiz-help"><p><b>That click missed every zone</b>: click inside a zone of '
    "the foot (it does not count).</p></div>"
)


def _text(fragment: str) -> str:
    """Wrap an HTML fragment for a side panel (ipywidgets' HTML sets a 28 px line height)."""
    return f'<div class="fm-text" style="line-height:1.4">{fragment}</div>'


def _button(description: str, icon: str, tooltip: str) -> widgets.Button:
    return widgets.Button(
        description=description,
        icon=icon,
        tooltip=tooltip,
        layout=widgets.Layout(width="auto"),
    )


class _OverExplorer(_Shown):
    """A lesson widget built over an :class:`Explorer`; closing it closes everything."""

    explorer: Explorer

    def close(self) -> None:
        """Close the explorer and every widget of this lesson widget."""
        self.explorer.close()
        for w in list(_walk(self.widget)):
            w.close()


class Tour(_OverExplorer):
    """A guided tour of the body systems for a teacher: Previous / Next through the steps.

    Each step (:func:`footmap.lesson.tour`) highlights the system's zones on the map (an
    :class:`Explorer`, switched to the view holding most of them), shows its talking points
    with sources (:func:`footmap.lesson.step_html`) and the caveat. Build one with
    :func:`tour_widget`.

    Attributes
    ----------
    explorer : Explorer
        The map; its view selector stays available.
    steps : tuple of footmap.lesson.TourStep
    index : int
        The current step (0-based).
    widget : ipywidgets.Widget
        The root widget.
    previous_button, next_button : ipywidgets.Button
    counter, step_panel, clicked : ipywidgets.HTML
        ``"3 / 10: Digestive"``; the step's talking points and caveat (always shown); what a
        click on the map
        selected (empty while the step's own zones are highlighted).
    """

    def __init__(
        self,
        explorer: Explorer,
        steps: Sequence[lesson.TourStep],
        *,
        follow_view: bool = True,
    ) -> None:
        if not steps:
            raise ValueError("a tour needs at least one step")
        self.explorer = explorer
        self.steps = tuple(steps)
        self.follow_view = follow_view
        self.index = -1
        self.previous_button = _button("Previous", "arrow-left", "Previous body system")
        self.next_button = _button("Next", "arrow-right", "Next body system")
        self.counter = widgets.HTML("")
        self.counter.add_class("fm-tour-counter")
        self.step_panel = widgets.HTML("", layout=widgets.Layout(width="100%"))
        self.clicked = widgets.HTML("", layout=widgets.Layout(width="100%"))
        self.previous_button.on_click(lambda _: self.go(self.index - 1))
        self.next_button.on_click(lambda _: self.go(self.index + 1))
        explorer.on_select(self._on_select)
        self.widget = _tour_layout(self)
        self.go(0)

    def __repr__(self) -> str:
        return f"<footmap.Tour step {self.index + 1} of {len(self.steps)}>"

    @property
    def step(self) -> lesson.TourStep:
        """The current step."""
        return self.steps[self.index]

    def go(self, index: int) -> lesson.TourStep:
        """Show step ``index`` (0-based, clamped to the tour): highlight, view, panel, counter.

        Examples
        --------
        >>> t = tour_widget()
        >>> t.go(5).title
        'Digestive'
        >>> t.close()
        """
        index = min(max(index, 0), len(self.steps) - 1)
        if index == self.index:
            return self.step
        self.index = index
        step = self.step
        ex = self.explorer
        view = ex.controls["view"]
        if self.follow_view:
            wanted = best_view(step.zones, [v for _, v in view.options])
            if view.value != wanted:
                view.value = wanted  # redraws the map, keeping the selection
        ex.select(step.zones)
        self.counter.value = f"<b>{_e(counter_text(index, len(self.steps), step.title))}</b>"
        self.step_panel.value = _text(lesson.step_html(ex.chart, step))
        self.clicked.value = ""
        self.previous_button.disabled = index == 0
        self.next_button.disabled = index == len(self.steps) - 1
        return step

    def next(self) -> lesson.TourStep:
        """Go to the next step (stays on the last)."""
        return self.go(self.index + 1)

    def previous(self) -> lesson.TourStep:
        """Go to the previous step (stays on the first)."""
        return self.go(self.index - 1)

    def _on_select(self, zones: tuple[Zone, ...]) -> None:
        """A click on the map: describe the clicked zone below the map, keep the step's text."""
        if set(zones) == set(self.step.zones):
            self.clicked.value = ""
        else:
            self.clicked.value = selection_html(self.explorer.chart, zones) if zones else ""


def _tour_layout(t: Tour) -> widgets.Widget:
    ex = t.explorer
    nav = widgets.HBox(
        [t.previous_button, t.counter, t.next_button],
        layout=widgets.Layout(align_items="center", grid_gap="12px"),
    )
    ex.map.layout.flex = "0 0 auto"
    left = widgets.VBox([ex.map, ex.status, t.clicked], layout=widgets.Layout(flex="0 0 auto"))
    side = widgets.VBox(  # the step panel ends with the caveat box: no second copy here
        [t.step_panel],
        layout=widgets.Layout(width="380px", padding="0 0 0 10px"),
    )
    body = widgets.HBox([left, side], layout=widgets.Layout(flex_flow="row wrap"))
    root = widgets.VBox([nav, ex.controls["view"], body])
    root.add_class("footmap-tour")
    return root


def tour_widget(
    chart: Chart | None = None,
    *,
    systems: Sequence[str] | None = None,
    follow_view: bool = True,
    **options: Any,
) -> Tour:
    """A guided tour through the body systems, for a teacher to step through.

    Parameters
    ----------
    chart : Chart, optional
        The bundled chart by default.
    systems : sequence of str, optional
        Body system ids to visit, in order (all systems of the chart by default); see
        :func:`footmap.lesson.tour`.
    follow_view : bool, optional
        Switch the map to the view holding most of each step's zones (so the lymphatic step
        shows the top of the feet). The view selector stays available either way.
    **options
        Passed to :class:`Explorer` (``view``, ``labels``, ``interactive``, ``figsize``...);
        both feet are shown.

    Returns
    -------
    Tour
        Display it as a cell's last expression.

    Examples
    --------
    >>> from footmap.explorer import tour_widget
    >>> t = tour_widget()
    >>> t.next().title
    'Senses (eyes, ears)'
    >>> t.close()
    """
    chart = _chart(chart)
    options.setdefault("foot", "both")
    return Tour(Explorer(chart, **options), lesson.tour(chart, systems), follow_view=follow_view)


class Quiz(_OverExplorer):
    """A click quiz: "Click where the chart places the kidneys", judged by the chart.

    A click on a zone answers (:func:`footmap.lesson.check`): the panel says right or wrong,
    where the chart places the area, what is claimed with sources, and the caveat; the map
    highlights the answer. A click outside every zone does not count. Build one with
    :func:`quiz_widget`.

    Attributes
    ----------
    explorer : Explorer
        The map (labels off, so the map does not give the answers away).
    questions : tuple of footmap.lesson.Question
    index : int
        The current question (0-based).
    answers : dict of int to footmap.lesson.Answer or None
        Question index -> its answer, or ``None`` when it was shown with "Show me". Questions
        skipped with "Next question" have no entry.
    widget : ipywidgets.Widget
    question, answer, score : ipywidgets.HTML
    next_button, show_button : ipywidgets.Button
    """

    def __init__(self, explorer: Explorer, questions: Sequence[lesson.Question]) -> None:
        if not questions:
            raise ValueError("a quiz needs at least one question")
        self.explorer = explorer
        self.questions = tuple(questions)
        self.index = 0
        self.answers: dict[int, lesson.Answer | None] = {}
        self.question = widgets.HTML("", layout=widgets.Layout(width="100%"))
        self.answer = widgets.HTML("", layout=widgets.Layout(width="100%"))
        self.score = widgets.HTML("")
        self.score.add_class("fm-quiz-score")
        self.next_button = _button("Next question", "arrow-right", "Go to the next question")
        self.show_button = _button("Show me", "eye", "Highlight where the chart places it")
        self.next_button.on_click(lambda _: self.next())
        self.show_button.on_click(lambda _: self.show())
        explorer.on_click(self.answer_with)
        self.widget = _quiz_layout(self)
        self._ask(0)

    def __repr__(self) -> str:
        return f"<footmap.Quiz question {self.index + 1} of {len(self.questions)}>"

    @property
    def current(self) -> lesson.Question:
        """The question being asked."""
        return self.questions[self.index]

    @property
    def answered(self) -> bool:
        """Whether the current question has been answered (or shown)."""
        return self.index in self.answers

    @property
    def right(self) -> int:
        """How many questions were answered right."""
        return sum(1 for a in self.answers.values() if a is not None and a.correct)

    def answer_with(self, zone: Zone | str | None) -> lesson.Answer | None:
        """Answer the current question as a click on ``zone`` would (a zone, id or ``None``).

        Returns the :class:`~footmap.lesson.Answer`, or ``None`` when nothing was judged (the
        question was already answered, or ``zone`` is ``None``: a miss does not count).
        """
        if self.answered:
            return None
        if zone is None:
            self.answer.value = _text(_MISSED)
            return None
        chart = self.explorer.chart
        zone = chart.zone(zone) if isinstance(zone, str) else zone
        verdict = lesson.check(chart, self.current, zone)
        self.answers[self.index] = verdict
        self._reveal((zone,), _text(verdict.html))
        return verdict

    def show(self) -> None:
        """Highlight the answer and explain it ("Show me"); the question counts as not right."""
        if self.answered:
            return
        self.answers[self.index] = None
        self._reveal((), _text(reveal_html(self.explorer.chart, self.current)))

    def next(self) -> lesson.Question:
        """Ask the next question; after the last, start the quiz again with a fresh score."""
        if self.index + 1 < len(self.questions):
            return self._ask(self.index + 1)
        self.answers = {}
        return self._ask(0)

    # -- internals ---------------------------------------------------------------------------
    def _ask(self, index: int) -> lesson.Question:
        self.index = index
        q = self.current
        self.explorer.select(())
        self.question.value = question_html(index, len(self.questions), q.prompt)
        self.answer.value = _text(_QUIZ_HELP)
        self.show_button.disabled = False
        self._update_score()
        return q

    def _reveal(self, clicked: tuple[Zone, ...], html_: str) -> None:
        self.explorer.select(clicked + self.current.answers)
        self.answer.value = html_
        self.show_button.disabled = True
        self._update_score()

    def _update_score(self) -> None:
        n = len(self.questions)
        last = self.index == n - 1 and self.answered
        self.next_button.description = "Start again" if last else "Next question"
        self.next_button.tooltip = "Start the quiz again" if last else "Go to the next question"
        done = " Quiz finished." if last else ""
        self.score.value = f"<b>{_e(score_text(self.right, len(self.answers), n))}</b>{done}"


def _quiz_layout(q: Quiz) -> widgets.Widget:
    ex = q.explorer
    ex.map.layout.flex = "0 0 auto"
    buttons = widgets.HBox([q.show_button, q.next_button], layout=widgets.Layout(grid_gap="8px"))
    side = widgets.VBox(
        [q.answer, buttons, q.score, ex.caveat],
        layout=widgets.Layout(width="380px", padding="0 0 0 10px"),
    )
    body = widgets.HBox([ex.map, side], layout=widgets.Layout(flex_flow="row wrap"))
    root = widgets.VBox([q.question, body])
    root.add_class("footmap-quiz")
    return root


def quiz_widget(
    chart: Chart | None = None,
    n: int = 5,
    seed: int | None = None,
    *,
    view: str = "plantar",
    **options: Any,
) -> Quiz:
    """A click quiz on both feet: "Click where the chart places the kidneys".

    Parameters
    ----------
    chart : Chart, optional
        The bundled chart by default.
    n : int, optional
        Number of questions (fewer when fewer body areas are fair to ask, see
        :func:`footmap.lesson.quiz`).
    seed : int, optional
        The same seed gives the same questions in the same order.
    view : str, optional
        The view the quiz is asked on (the sole by default).
    **options
        Passed to :class:`Explorer` (``interactive``, ``figsize``, ``color_by``...). Zone
        labels are off unless ``labels=True`` is given: they would give the answers away.

    Returns
    -------
    Quiz
        Display it as a cell's last expression.

    Examples
    --------
    >>> from footmap.explorer import quiz_widget
    >>> q = quiz_widget(n=3, seed=1)
    >>> q.current.prompt
    'Click where the chart places the head and brain'
    >>> q.close()
    """
    chart = _chart(chart)
    options.setdefault("labels", False)
    options["foot"] = "both" if len(chart.feet) > 1 else chart.feet[0]
    questions = lesson.quiz(chart, n=n, seed=seed, views=(view,), feet=chart.feet)
    return Quiz(Explorer(chart, view=view, **options), questions)


def _chart(chart: Chart | None) -> Chart:
    if chart is not None:
        return chart
    from .io import load

    return load()
