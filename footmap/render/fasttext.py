"""Fast raster text for footmap's own labels on matplotlib's Agg canvas.

matplotlib 3.11 shapes every string with libraqm each time it is measured and again each
time it is drawn, then rasterises it glyph by glyph in Python. A foot map carries about a
thousand glyphs (labels, callout numbers, the numbered key, the legend, the title), so on
the Agg canvas (PNG export, the notebook's interactive canvas) text took three quarters of
a full render. This module measures and draws those texts with Pillow instead: the same
font files that matplotlib picked (``findfont``), laid out with the same hinted advances,
rendered by FreeType in one pass per line, and composited with the public
``RendererAgg.draw_image``. Extents match matplotlib's to a fraction of a pixel and glyphs
land within a pixel of where matplotlib puts them (tested). Everything else in the figure
is untouched.

Only footmap's texts take this path, and only when all of these hold, so the result can
always be drawn faithfully: the renderer is a plain ``RendererAgg`` (vector output, SVG and
PDF, keeps real, selectable text); the text is plain (no mathtext or TeX, no font features
or language set), antialiased, at 0 or 90 degrees; and every character is in the first font
of the family and in a script that needs no shaping (Latin, Greek, Cyrillic, punctuation
and common symbols, no combining marks). Anything else is measured and drawn by matplotlib
as usual, font fallback included. ``FOOTMAP_TEXT=matplotlib`` in the environment (read at
draw time) turns the fast path off, e.g. to compare.

Examples
--------
>>> import matplotlib.pyplot as plt
>>> from footmap.render import fasttext
>>> fig, ax = plt.subplots()
>>> t = fasttext.adopt(ax.text(0.5, 0.5, "Kidney"))
>>> type(t).__name__, t.get_text()
('FastText', 'Kidney')
>>> plt.close(fig)
"""

from __future__ import annotations

import contextlib
import math
import os
import sys
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache, partial
from types import ModuleType, SimpleNamespace
from typing import Any, TypeVar

import numpy as np
from matplotlib import rcParams
from matplotlib.backends.backend_agg import RendererAgg
from matplotlib.font_manager import FontProperties, findfont, get_font
from matplotlib.ft2font import FT2Font, LoadFlags
from matplotlib.text import Annotation, Text
from PIL import Image, ImageDraw, ImageFont

__all__ = ["FastAnnotation", "FastText", "adopt", "adopt_all", "enabled", "pixel_size"]

T = TypeVar("T", bound=Text)

#: Pillow's basic layout: hinted advances, as matplotlib's own measurements, on every machine
#: (raqm's unhinted advances set bold and italic lines a few per cent wider). It kerns only
#: from a font's legacy ``kern`` table, so pairs such as "AV" may sit slightly looser.
_LAYOUT = ImageFont.Layout.BASIC


def enabled() -> bool:
    """Whether the fast path is on (it is unless ``FOOTMAP_TEXT=matplotlib``).

    Returns
    -------
    bool
        ``False`` when the environment variable ``FOOTMAP_TEXT`` is ``"matplotlib"``.
    """
    return os.environ.get("FOOTMAP_TEXT", "").strip().lower() != "matplotlib"


# ------------------------------------------------------------------------------------------
# What the fast path can draw exactly
# ------------------------------------------------------------------------------------------
def _simple_char(c: str) -> bool:
    """A character that needs no shaping: no combining marks, no right-to-left or Indic."""
    o = ord(c)
    if o < 0x20 or unicodedata.combining(c):
        return False
    return o < 0x0590 or 0x1E00 <= o < 0x2C00


@lru_cache(maxsize=4096)
def _covered(path: str, c: str) -> bool:
    return _simple_char(c) and get_font(path).get_char_index(ord(c)) != 0


@lru_cache(maxsize=4096)
def _fast_string(path: str, s: str) -> bool:
    return all(_covered(path, c) for c in s)


@lru_cache(maxsize=256)
def _pil_font(path: str, pixels: float) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, size=pixels, layout_engine=_LAYOUT)


def pixel_size(points: float, dpi: float) -> float:
    """The font size in pixels FreeType gets from matplotlib for ``points`` at ``dpi``.

    matplotlib's ``FT2Font.set_size`` asks ``FT_Set_Char_Size`` for ``int(points * 64)``
    in 26.6 fixed point at ``int(dpi)``, and FreeType scales that with ``FT_MulDiv``
    (rounded to the nearest 1/64 pixel). Pillow, given this size in pixels, requests the
    same 26.6 value, so both round it to the same whole pixel size (ppem): 6.3 pt at 200
    dpi is 17.49 pixels for matplotlib (17 ppem), where ``6.3 * 200 / 72 = 17.5`` would
    give Pillow 18.

    Parameters
    ----------
    points : float
        Font size in points.
    dpi : float
        The renderer's resolution.

    Returns
    -------
    float
        A multiple of 1/64 pixel.

    Examples
    --------
    >>> pixel_size(6.3, 200), 6.3 * 200 / 72
    (17.484375, 17.5)
    """
    scaled = (int(points * 64) * int(dpi) + 36) // 72  # FT_MulDiv(size, dpi, 72)
    return scaled / 64


def _font_for(renderer: RendererAgg, s: str, prop: FontProperties) -> Any | None:
    """The Pillow font that draws ``s`` exactly, or ``None`` when matplotlib must."""
    path = _font_path(prop)
    if not path.lower().endswith((".ttf", ".otf")) or not _fast_string(path, s):
        return None
    return _pil_font(path, pixel_size(prop.get_size_in_points(), renderer.dpi))


def _font_path(prop: FontProperties) -> str:
    """``findfont(prop)``, looked up once per family, style, variant, weight and stretch.

    matplotlib caches ``findfont`` per font properties *including the size*, so each new
    size scores every installed font again (about 4 ms each, 40 sizes on a page); the size
    only matters to fonts that do not scale, which :func:`_font_for` does not draw anyway.
    """
    key = (
        tuple(prop.get_family()),
        prop.get_style(),
        prop.get_variant(),
        prop.get_weight(),
        prop.get_stretch(),
        prop.get_file(),
        prop.get_math_fontfamily(),
        # what the generic families name, as matplotlib's own cache keys it
        # (matplotlib types rcParams keys as literals; these five are font-family lists)
        tuple(tuple(rcParams[f"font.{k}"]) for k in _GENERIC),  # type: ignore[index]
    )
    path = _FONT_PATHS.get(key)
    if path is None:
        path = _FONT_PATHS[key] = findfont(prop)
    return path


#: The generic families whose members rcParams names.
_GENERIC = ("serif", "sans-serif", "cursive", "fantasy", "monospace")
#: :func:`_font_path`'s cache (font files do not move while a process runs).
_FONT_PATHS: dict[tuple[Any, ...], str] = {}


@lru_cache(maxsize=8192)
def _measure(font: Any, s: str) -> tuple[float, float, float, tuple[int, int, int, int]]:
    x0, y0, x1, y1 = font.getbbox(s, anchor="ls")
    return float(font.getlength(s)), float(y1 - y0), float(max(y1, 0)), (x0, y0, x1, y1)


# ------------------------------------------------------------------------------------------
# The renderer methods used while a footmap text is measured or drawn
# ------------------------------------------------------------------------------------------
def _metrics(
    renderer: RendererAgg, s: str, prop: FontProperties, ismath: Any
) -> tuple[float, float, float]:
    font = None if ismath else _font_for(renderer, s, prop)
    if font is None:
        return RendererAgg.get_text_width_height_descent(renderer, s, prop, ismath)
    w, h, d, _ = _measure(font, s)
    return w, h, d


def _draw_text(
    renderer: RendererAgg,
    gc: Any,
    x: float,
    y: float,
    s: str,
    prop: FontProperties,
    angle: float,
    ismath: Any = False,
    mtext: Text | None = None,
) -> None:
    quarter = round(angle / 90.0) % 4 if abs(angle / 90.0 - round(angle / 90.0)) < 1e-9 else -1
    plain = mtext is None or (
        getattr(mtext, "get_fontfeatures", lambda: None)() is None
        and getattr(mtext, "get_language", lambda: None)() is None
    )
    font = None
    if not ismath and quarter in (0, 1) and plain and gc.get_antialiased():
        font = _font_for(renderer, s, prop)
    if font is None:
        RendererAgg.draw_text(renderer, gc, x, y, s, prop, angle, ismath=ismath, mtext=mtext)
        return
    if not s.strip():
        return
    # (x, y) is the baseline origin in pixels, y downwards. Split it into a whole pixel and
    # the fraction Pillow renders at, in the text's own frame (along and across the line).
    if quarter == 0:
        px, py = math.floor(x), math.floor(y)
        start = (x - px, y - py)
    else:  # 90 degrees: the line runs upwards
        px, py = math.floor(x), math.ceil(y)
        start = (py - y, x - px)
    alpha, dx, dy = _mask(font, s, start, quarter)
    left, top = px + dx, py + dy
    rgba = gc.get_rgb()
    a = gc.get_alpha() if (len(rgba) == 3 or gc.get_forced_alpha()) else rgba[3]
    image = np.empty((*alpha.shape, 4), np.uint8)
    image[..., :3] = np.round(np.asarray(rgba[:3]) * 255).astype(np.uint8)
    image[..., 3] = alpha if a >= 1 else np.round(alpha * a).astype(np.uint8)
    # Agg's draw_image takes the lower-left corner, y upwards, and the image bottom row first.
    renderer.draw_image(gc, left, renderer.height - top - image.shape[0], image[::-1])


@lru_cache(maxsize=4096)
def _mask(
    font: Any, s: str, start: tuple[float, float], quarter: int
) -> tuple[np.ndarray, int, int]:
    """The coverage of ``s`` drawn at the sub-pixel ``start``, and its top-left pixel offset.

    Cached: a map redrawn unchanged (the explorer's backgrounds, a resize, a view switched
    back) draws the same strings at the same fractions of a pixel, and rendering the glyphs
    was most of a redraw's time. The array is read-only (it is shared).
    """
    _, _, _, (x0, y0, x1, y1) = _measure(font, s)
    # The mask spans the ink and the origin (ink may start right of it: leading spaces),
    # so Pillow always draws at non-negative coordinates inside it.
    ox, oy = min(x0, 0), min(y0, 0)  # the mask's top-left pixel, relative to (px, py)
    w, h = max(x1, 0) - ox + 2, max(y1, 0) - oy + 2
    mask = Image.new("L", (w, h))
    ImageDraw.Draw(mask).text((start[0] - ox, start[1] - oy), s, font=font, fill=255, anchor="ls")
    alpha = np.asarray(mask)
    if quarter == 1:
        alpha, dx, dy = np.ascontiguousarray(np.rot90(alpha)), oy, -ox - w
    else:
        dx, dy = ox, oy
    alpha.flags.writeable = False
    return alpha, dx, dy


def _layout_unloaded(
    string: str, font: Any, *, features: Any = None, language: Any = None
) -> Iterator[Any]:
    """The PDF writer's text ``layout`` helper, without loading each glyph into ``font``.

    The PDF writer reads only the positions, glyph indices and characters of the items;
    loading every glyph (what ``layout`` also does, for writers that then read the
    glyph's outline) was about 45 % of the time spent writing a text.
    """
    yield from font._layout(string, LoadFlags.NO_HINTING, features=features, language=language)


@contextlib.contextmanager
def _pdf_layout(renderer: Any) -> Iterator[None]:
    """While a text is written by matplotlib's PDF renderer, lay it out without loading glyphs.

    Only ``backend_pdf``'s own reference to ``_text_helpers`` is swapped, and only for the
    draw of one text, so other writers (the text-to-path one needs each glyph loaded) are
    untouched. The PDF written is byte for byte the same (tested).
    """
    pdf = sys.modules.get("matplotlib.backends.backend_pdf")
    vector = getattr(renderer, "_renderer", renderer)  # the vector one of a mixed mode
    # backend_pdf's own reference to its text helpers: swapped only while it is matplotlib's
    # module (not already a namespace of ours) and has the ``layout`` this replaces
    helpers = getattr(pdf, "_text_helpers", None)
    if (
        pdf is None
        or type(vector) is not pdf.RendererPdf
        or not isinstance(helpers, ModuleType)
        or not callable(getattr(helpers, "layout", None))
        or not hasattr(FT2Font, "_layout")
    ):
        yield
        return
    pdf._text_helpers = SimpleNamespace(  # type: ignore[attr-defined]
        **{**vars(helpers), "layout": _layout_unloaded}
    )
    try:
        yield
    finally:
        pdf._text_helpers = helpers  # type: ignore[attr-defined]


@contextlib.contextmanager
def _fast(renderer: Any) -> Iterator[None]:
    """Route ``renderer``'s text methods through this module while the block runs.

    A method already set on the renderer itself is left alone: an enclosing block's, or
    the no-op ``draw_text`` of the layout pass ``savefig`` makes with drawing disabled
    (where the texts are still measured, through this module).
    """
    if type(renderer) is not RendererAgg or not enabled():
        yield
        return
    mine: dict[str, Callable[..., Any]] = {
        "draw_text": _draw_text,
        "get_text_width_height_descent": _metrics,
    }
    routed = [name for name in mine if name not in vars(renderer)]
    for name in routed:
        setattr(renderer, name, partial(mine[name], renderer))
    try:
        yield
    finally:
        for name in routed:
            delattr(renderer, name)


# ------------------------------------------------------------------------------------------
# The artists
# ------------------------------------------------------------------------------------------
class _Props(FontProperties):
    """Font properties of a fast text: hashed apart from matplotlib's own.

    matplotlib caches text metrics per renderer, keyed by string and font properties, so a
    fast text and an ordinary text with the same string never share a measurement.
    """

    def __hash__(self) -> int:
        return hash(("footmap.render.fasttext", super().__hash__()))

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and hash(self) == hash(other)


def _tagged(prop: FontProperties) -> _Props:
    new = prop.copy()
    new.__class__ = _Props
    return new  # type: ignore[return-value]


class _FastMixin:
    """Measure and draw through :func:`_fast`; otherwise exactly the matplotlib artist."""

    def _get_layout(self, renderer: Any) -> Any:
        # matplotlib lays a text out afresh on every call, and a legend or a layout engine
        # asks many times per draw; the answer depends only on what is in this key (it is
        # relative to the text's anchor, so moving the text does not change it). The key
        # names the kind of renderer, not the renderer: savefig's layout pass and its real
        # draw use two renderers of one kind (SVG, PDF), which measure text alike.
        key = self._layout_key(renderer)
        cached = getattr(self, "_footmap_layout", None)
        if key is not None and cached is not None and cached[0] == key:
            return cached[1]
        with _fast(renderer):
            layout = super()._get_layout(renderer)  # type: ignore[misc]
        if key is not None:
            self._footmap_layout = (key, layout)
        return layout

    def _layout_key(self, renderer: Any) -> tuple[Any, ...] | None:
        """Everything matplotlib's layout of this text depends on, or ``None`` if unsure."""
        t: Any = self
        try:
            return (
                enabled(),
                type(renderer),
                type(getattr(renderer, "_renderer", None)),  # the vector one of a mixed mode
                renderer.points_to_pixels(72.0),
                tuple(rcParams[k] for k in ("text.hinting", "pdf.use14corefonts", "ps.useafm")),
                renderer.dpi,
                getattr(t.figure, "dpi", None),
                t._get_wrapped_text(),
                t._fontproperties.copy(),
                t.get_usetex(),
                t.get_parse_math(),
                t._linespacing,
                t._get_multialignment(),
                t.get_rotation(),
                t.get_rotation_mode(),
                t._horizontalalignment,
                t._verticalalignment,
            )
        except AttributeError:  # a matplotlib whose Text keeps these elsewhere: no cache
            return None

    def __getstate__(self) -> dict[str, Any]:
        state = super().__getstate__()  # type: ignore[misc]
        state.pop("_footmap_layout", None)  # a cache, rebuilt at the next draw
        return state

    def draw(self, renderer: Any) -> None:
        """Draw the text; on a plain Agg canvas through Pillow (see the module docs)."""
        with _fast(renderer), _pdf_layout(renderer):
            super().draw(renderer)  # type: ignore[misc]

    def set_fontproperties(self, fp: Any) -> None:
        """Set the font properties, keeping them apart from matplotlib's text cache."""
        super().set_fontproperties(fp)  # type: ignore[misc]
        self._fontproperties = _tagged(self._fontproperties)  # type: ignore[has-type]


class FastText(_FastMixin, Text):
    """A :class:`matplotlib.text.Text` drawn through Pillow on the Agg canvas."""


class FastAnnotation(_FastMixin, Annotation):
    """A :class:`matplotlib.text.Annotation` drawn through Pillow on the Agg canvas."""


_FAST = {Text: FastText, Annotation: FastAnnotation}


def adopt(text: T) -> T:
    """Turn a matplotlib text footmap made into a fast one, in place.

    Parameters
    ----------
    text : matplotlib.text.Text
        A plain ``Text`` or ``Annotation`` (e.g. from ``ax.text``, ``ax.annotate``, a
        legend or an Axes title). Other subclasses and texts already adopted are left as
        they are.

    Returns
    -------
    matplotlib.text.Text
        The same object, now a :class:`FastText` or :class:`FastAnnotation`.
    """
    cls = _FAST.get(type(text))
    if cls is not None:
        text.__class__ = cls
        text.set_fontproperties(text.get_fontproperties())
        text.stale = True
    return text


def adopt_all(texts: Iterable[Text | None]) -> None:
    """:func:`adopt` each text (``None`` entries are skipped).

    Parameters
    ----------
    texts : iterable of matplotlib.text.Text or None
        The texts to adopt.
    """
    for t in texts:
        if t is not None:
            adopt(t)
