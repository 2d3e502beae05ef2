"""Building blocks shared by the widgets: figures on an ipympl canvas, display, buttons.

Part of :mod:`footmap.explorer`, the only wing that imports ipywidgets and ipympl.
"""

from __future__ import annotations

import asyncio
import base64
import io
from collections.abc import Callable, Iterable
from functools import cache
from importlib import resources
from typing import Any

import ipywidgets as widgets
import matplotlib
from matplotlib.figure import Figure

__all__ = [
    "IPYMPL_BACKENDS",
    "Shown",
    "call_later",
    "ipympl_active",
    "new_figure",
    "descendants",
    "png",
    "page_script",
    "style_html",
    "b64",
    "body",
    "button",
    "controls",
    "export_formats",
    "focus",
    "hidden_html",
    "map_column",
    "root",
    "wrap",
]

#: matplotlib backend names under which ipympl draws into a widget canvas.
IPYMPL_BACKENDS = frozenset({"module://ipympl.backend_nbagg", "widget", "ipympl"})


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


@cache
def _asset(name: str) -> str:
    return (resources.files("footmap") / "explorer" / name).read_text(encoding="utf-8")


def page_script() -> str:
    """The page script (``page.js``): keyboard, fit, frames, instant outline, screen readers."""
    return _asset("page.js")


def style_html() -> str:
    """The stylesheet (``page.css``) as an HTML fragment, for an HTML widget in each root."""
    return f"<style>{_asset('page.css')}</style>"


#: The static view's plain-text form (terminals, consoles).
STATIC_TEXT = "footmap: a static view of the map, the zones drawn and the caveat"


class Shown:
    """Shows itself through its root ``widget`` (in JupyterLab, Voila and nbconvert alike).

    The output carries, beside the widget view, a static picture (``image/png``) and an HTML
    version (map, zone list, caveat) from :meth:`static_bundle`, so viewers without a kernel
    (nbconvert HTML, GitHub) still show the map. The page script (``page.js``,
    :func:`page_script`: keyboard, fit, screen-reader labels) is displayed once before it.
    """

    widget: widgets.Widget

    def static_bundle(self) -> dict[str, str]:
        """Static fallbacks for the output's mime bundle (none by default)."""
        return {}

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        bundle = self.widget._repr_mimebundle_(**kwargs)
        if bundle is None:
            return None
        return {**self.static_bundle(), **bundle}

    def _ipython_display_(self) -> None:
        """The page script, the static view as an output of its own, then the widget.

        Kept apart, the static view survives where the widget cannot show: nbconvert picks
        the widget view alone from a bundle whenever the widget state is stored (its default
        after ``--execute``), so a static fallback inside that bundle never reaches the HTML.
        Where the widget does show, the page script and the stylesheet hide the static view.
        """
        from IPython.display import Javascript, display

        display(Javascript(page_script()))
        static = self.static_bundle()
        if static:
            display({**static, "text/plain": STATIC_TEXT}, raw=True)
        display(self.widget._repr_mimebundle_(), raw=True)


def button(description: str, icon: str, tooltip: str) -> widgets.Button:
    """A button sized to its text."""
    return widgets.Button(
        description=description, icon=icon, tooltip=tooltip, layout=widgets.Layout(width="auto")
    )


def new_figure(
    figsize: tuple[float, float], *, interactive: bool, toolbar: bool, dpi: float = 100
) -> Figure:
    """A constrained-layout figure: on an ipympl canvas when ``interactive``, else on Agg."""
    if not interactive:
        fig = Figure(figsize=figsize, dpi=dpi, layout="constrained")
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        FigureCanvasAgg(fig)
        return fig
    import matplotlib.pyplot as plt

    if matplotlib.get_backend() in IPYMPL_BACKENDS:
        with plt.ioff():
            fig = plt.figure(figsize=figsize, dpi=dpi, layout="constrained")
    else:  # interactive forced under another backend: give the figure an ipympl canvas
        from ipympl.backend_nbagg import new_figure_manager_given_figure

        fig = Figure(figsize=figsize, dpi=dpi, layout="constrained")
        with plt.ioff():
            new_figure_manager_given_figure(id(fig), fig)
    canvas: Any = fig.canvas  # ipympl's Canvas, a widget (ipympl has no type information)
    canvas.toolbar_visible = bool(toolbar)
    canvas.header_visible = False
    canvas.footer_visible = False
    canvas.resizable = True  # the page script fits it to its column through ipympl's handle
    canvas.add_class("fm-fit")
    fast_frames(canvas)
    # matplotlib walks every artist of the figure for pick events on each button press
    # (about 2 ms on the map); footmap picks zones itself (Chart.zone_at), so it is off.
    pick = getattr(fig, "_button_pick_id", None)
    if pick is not None:
        canvas.mpl_disconnect(pick)
    manager: Any = getattr(canvas, "manager", None)
    tools = getattr(manager, "toolbar", None)
    if tools is not None:  # its pointer coordinates go to the footer, which is hidden: one
        tools.set_message = _no_message  # message less to the page on every mouse move
    handler = getattr(manager, "key_press_handler_id", None)
    if handler is not None:  # matplotlib's keymap: "q" would close the map, "s" save it...
        canvas.mpl_disconnect(handler)
        manager.key_press_handler_id = None
    return fig


def _no_message(message: str) -> None:
    """A toolbar's ``set_message`` that sends nothing (the canvas's footer is hidden)."""


def fast_frames(canvas: Any) -> None:
    """Make an ipympl canvas send its frames through :mod:`footmap.explorer.frames`.

    Each frame ipympl sends is a PNG of the pixels that changed; with Pillow (adaptive row
    filters, zlib 6) its encoding took a third of a click's time in the kernel.
    :func:`~footmap.explorer.frames.encode_rgba` writes it with no filter at zlib level 1 and skips
    the unchanged rows. Otherwise the same steps as matplotlib's
    ``FigureCanvasWebAggCore.get_diff_image`` (full frame on a size change or any transparent
    pixel).
    """
    import numpy as np

    from footmap.explorer.frames import diff_frame, encode_rgba

    def get_diff_image() -> bytes | None:
        if not canvas._png_is_old:
            return None
        pixels = np.asarray(canvas.get_renderer().buffer_rgba())
        buff = pixels.view(np.uint32).squeeze(2)
        if (
            canvas._force_full
            or buff.shape != canvas._last_buff.shape
            or (pixels[:, :, 3] != 255).any()
        ):
            canvas.set_image_mode("full")
            output, band = buff, None
        else:
            canvas.set_image_mode("diff")
            output, band = diff_frame(buff, canvas._last_buff)
        canvas._last_buff = buff.copy()
        canvas._force_full = False
        canvas._png_is_old = False
        return encode_rgba(output.view(dtype=np.uint8).reshape((*output.shape, 4)), band)

    canvas.get_diff_image = get_diff_image


def call_later(delay: float, callback: Callable[[], Any]) -> Any:
    """Run ``callback`` after ``delay`` seconds on the running event loop (the kernel's).

    Returns the handle, or ``None`` when no loop is running.
    """
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        return None
    return loop.call_later(delay, callback)


def png(fig: Figure) -> bytes:
    """The figure as PNG bytes (at its own dpi)."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=fig.dpi)
    return buf.getvalue()


def b64(data: bytes) -> str:
    """Base64 text, as mime bundles carry images."""
    return base64.b64encode(data).decode("ascii")


def descendants(w: Any) -> Iterable[widgets.Widget]:
    """``w`` and every widget inside it, depth first."""
    yield w
    for child in getattr(w, "children", ()):
        yield from descendants(child)


def focus(w: Any) -> None:
    """Move keyboard focus to widget ``w`` (nothing when ``w`` is None or cannot focus)."""
    if w is not None and hasattr(w, "focus"):
        w.focus()


# -- layout ------------------------------------------------------------------------------------
def controls(
    chart: Any, foot: str, view: str, color_by: str, labels: bool, color_by_labels: dict
) -> dict[str, widgets.ValueWidget]:
    """The explorer's controls: foot, view and colouring toggles and the labels checkbox."""
    from footmap.vocab import VIEWS

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
        options=[(label, key) for key, label in color_by_labels.items()],
        value=color_by,
        description="Colour",
        style=small,
    )
    labels_w = widgets.Checkbox(
        value=labels, description="Labels", indent=False, layout=widgets.Layout(width="auto")
    )
    return {"foot": foot_w, "view": view_w, "color_by": colour_w, "labels": labels_w}


def wrap(gap: str = "12px") -> widgets.Layout:
    """A row layout that wraps its items."""
    return widgets.Layout(flex_flow="row wrap", align_items="center", grid_gap=f"4px {gap}")


def hidden_html(cls: str) -> widgets.HTML:
    """An HTML widget only screen readers perceive (class ``fm-sr-only``) with class ``cls``."""
    w = widgets.HTML("")
    w.add_class(cls)
    w.add_class("fm-sr-only")
    return w


def map_column(ex: Any, *below: widgets.Widget, status: bool = True) -> widgets.VBox:
    """An explorer's map with its status line, text alternative, live region and ``below``."""
    extra = [getattr(ex, name) for name in ("geometry", "fit_info") if hasattr(ex, name)]
    col = widgets.VBox([ex.map, *([ex.status] if status else []), ex.alt, ex.live, *extra, *below])
    col.add_class("fm-mapcol")
    return col


def body(left: widgets.Widget, side: Iterable[widgets.Widget], pin: widgets.Widget) -> widgets.Box:
    """Map column and side column (the caveat ``pin`` first, then ``side``), by the stylesheet.

    Side by side where there is room: the side column stays beside the map while the reader
    scrolls through it, so the caveat is in view with the map and covers nothing. Stacked
    where the room is narrow, the caveat right under the map.
    """
    side_box = widgets.VBox([pin, *side])
    side_box.add_class("fm-side")
    row = widgets.Box([left, side_box])
    row.add_class("fm-body")
    return row


def root(ex: Any, rows: Iterable[widgets.Widget], cls: str) -> widgets.VBox:
    """A widget's root box: the stylesheet, then ``rows``; ``fm-present`` in presentation."""
    box = widgets.VBox([widgets.HTML(style_html()), *rows])
    box.add_class("footmap-root")
    box.add_class(cls)
    if getattr(ex, "presentation", False):
        box.add_class("fm-present")
    return box


def export_formats() -> tuple[str, ...]:
    """The formats :func:`footmap.export.export` writes."""
    from footmap.export import FORMATS

    return FORMATS
