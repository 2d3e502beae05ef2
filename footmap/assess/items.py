"""Quiz items for learning platforms: one hotspot question per target, on a map image.

Each question shows one panel (a foot in one view) as outlines only, as a PNG; every zone
of the panel is a hotspot whose polygon is the zone's real outline in the image's pixels
(whole pixels, the closing point left out, no point repeated: what Moodle and QTI players
read), and the asked zone is the right answer. :func:`to_chart_mm` maps pixels back, so the
tests can check each correct hotspot against the zone's representative point.

The image is the foot (issues 22 and 26): cropped to the panel with a few pixels of margin,
at most :data:`IMAGE_MAX` pixels (a sole 262 x 640, a side view 600 x 300), so that a
laptop shows the whole foot and the marker under it without scrolling. Moodle's
drag-and-drop editing form shows the background image shrunk to at most 600 x 400
(``QTYPE_DDIMAGEORTEXT_BGIMAGE_MAXWIDTH``/``MAXHEIGHT``, ``constrainImageSize`` in
``question/type/ddmarker/amd/src/form.js``) while it draws the drop zones at their own
pixels, so a sole (taller than 400) looks misplaced there; the question itself (``bgRatio``
in ``amd/src/question.js``) scales drops and zones together. A sole 400 pixels tall would
leave most zones too small to hit, so the quiz keeps the height and asks only about zones
at least :data:`TAP_PX` pixels wide and tall (:func:`tap_mm`).
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import shapely
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text
from shapely.geometry import Polygon
from shapely.geometry.base import BaseGeometry

from footmap.assess.bank import MIN_AREA, Variant, claims_text, prompt, target_sources, variant
from footmap.assess.drawing import outline_map
from footmap.chart.model import Chart, Source, Zone
from footmap.render.house import house_style
from footmap.text import caveat
from footmap.text.describe import place
from footmap.vocab import FEET, VIEWS

__all__ = [
    "IMAGE_DPI",
    "IMAGE_MARGIN",
    "IMAGE_MAX",
    "TAP_PX",
    "Hotspot",
    "MapImage",
    "QuizItem",
    "image_scale",
    "map_image",
    "pixel_rings",
    "quiz_items",
    "tap_mm",
    "to_chart_mm",
]

#: The largest quiz image (pixels, width x height): a sole fills the height, a side view
#: the width (600: what Moodle's drag-and-drop types take without shrinking the width).
IMAGE_MAX = (600, 640)
#: White around the foot (pixels): room for the outline's stroke, no more.
IMAGE_MARGIN = 6
IMAGE_DPI = 100
#: The least tap target (pixels): every zone asked about is at least this wide and tall.
TAP_PX = 24.0
_VIEW_WORDS = {"plantar": "sole", "dorsal": "top", "medial": "inner side", "lateral": "outer side"}


@dataclass(frozen=True)
class Hotspot:
    """One clickable outline: a part of a zone, as a polygon in image pixels."""

    identifier: str
    zone: str
    points: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class MapImage:
    """The PNG of one panel and how chart millimetres map to its pixels.

    Pixel ``(u, v)`` (origin top left, v down) = ``(a * x + b, c - a * y)`` for chart
    millimetres ``(x, y)`` of the panel.
    """

    foot: str
    view: str
    png: bytes
    width: int
    height: int
    scale: float  # a: pixels per mm
    x0: float  # b
    y0: float  # c
    alt: str

    @property
    def name(self) -> str:
        """File name inside a package, e.g. ``left-plantar.png``."""
        return f"{self.foot}-{self.view}.png"

    def to_pixels(self, x: float, y: float) -> tuple[float, float]:
        """Chart millimetres to image pixels."""
        return (self.scale * x + self.x0, self.y0 - self.scale * y)


def to_chart_mm(image: MapImage, u: float, v: float) -> tuple[float, float]:
    """Image pixels back to the panel's chart millimetres (the inverse of ``to_pixels``)."""
    return ((u - image.x0) / image.scale, (image.y0 - v) / image.scale)


def _panel_bounds(chart: Chart, foot: str, view: str) -> tuple[float, float, float, float]:
    """The panel's extent in chart mm: its outline and every zone on it."""
    geoms = [chart.outline(foot, view).geometry] + [z.geometry for z in chart.zones_on(foot, view)]
    xs0, ys0, xs1, ys1 = zip(*(g.bounds for g in geoms), strict=True)
    return min(xs0), min(ys0), max(xs1), max(ys1)


def image_scale(chart: Chart, foot: str, view: str) -> float:
    """Pixels per chart millimetre of a panel's quiz image: the largest within :data:`IMAGE_MAX`."""
    x0, y0, x1, y1 = _panel_bounds(chart, foot, view)
    room_w, room_h = (m - 2 * IMAGE_MARGIN for m in IMAGE_MAX)
    return min(room_w / (x1 - x0), room_h / (y1 - y0))


def tap_mm(chart: Chart, feet: Sequence[str], views: Sequence[str]) -> float:
    """The least side (mm) of a zone's box asked about: :data:`TAP_PX` on the smallest panel.

    Unknown feet or views are left to the question bank to refuse (0 when none is known).
    """
    scales = [image_scale(chart, f, v) for f in feet if f in FEET for v in views if v in VIEWS]
    return TAP_PX / min(scales) if scales else 0.0


def _caption(fig: Figure, image_px: tuple[int, int], foot_px: BaseGeometry, words: str) -> None:
    """Name the panel in a top corner clear of the foot, if one is (pixels, y down)."""
    width, height = image_px
    probe = fig.text(0, 0, words, fontsize=9, color="#333333", ha="left", va="top")
    box = probe.get_window_extent(fig.canvas.get_renderer())  # type: ignore[attr-defined]
    probe.remove()
    w, h, pad = box.width, box.height, 3.0
    for x in (pad, width - pad - w):
        corner = Polygon([(x - 2, pad - 2), (x + w + 2, pad - 2), (x + w + 2, pad + h + 2),
                          (x - 2, pad + h + 2)])  # fmt: skip
        if not corner.intersects(foot_px):
            fig.text(x / width, 1 - pad / height, words, fontsize=9, color="#333333",
                     ha="left", va="top")  # fmt: skip
            return


@house_style()
def map_image(chart: Chart, foot: str, view: str) -> MapImage:
    """Draw one panel as outlines (no names, no colours) and return its PNG and transform.

    The image is cropped to the panel (:data:`IMAGE_MARGIN` pixels of white around it) at
    :func:`image_scale`; the panel's name goes in a top corner when one is clear of the foot.
    """
    scale = image_scale(chart, foot, view)
    bx0, by0, bx1, by1 = _panel_bounds(chart, foot, view)
    width = math.ceil((bx1 - bx0) * scale + 2 * IMAGE_MARGIN)
    height = math.ceil((by1 - by0) * scale + 2 * IMAGE_MARGIN)
    fig = Figure(figsize=(width / IMAGE_DPI, height / IMAGE_DPI), dpi=IMAGE_DPI)
    FigureCanvasAgg(fig)
    ax = fig.add_axes((0.0, 0.0, 1.0, 1.0))
    artists = outline_map(chart, ax, feet=(foot,), views=(view,))
    for drawn in artists.outlines:
        if isinstance(drawn, Text):
            drawn.set_visible(False)  # the heading: the caption below names the panel instead
        elif hasattr(drawn, "set_facecolor"):
            drawn.set_facecolor("white")
    assert artists.layout is not None
    ((dx, dy),) = [p.offset for p in artists.layout.panels]
    cx, cy = (bx0 + bx1) / 2 + dx, (by0 + by1) / 2 + dy
    ax.set_xlim(cx - width / 2 / scale, cx + width / 2 / scale)
    ax.set_ylim(cy - height / 2 / scale, cy + height / 2 / scale)
    ax.apply_aspect()
    (p0x, p0y), (p1x, p1y) = ax.transData.transform([(dx, dy), (dx + 100.0, dy + 100.0)])
    a = float(p1x - p0x) / 100
    assert abs(a - scale) < 1e-6 * scale and abs(float(p1y - p0y) / 100 - a) < 1e-6 * a
    image = MapImage(foot, view, b"", width, height, a, float(p0x), height - float(p0y), "")
    outline = chart.outline(foot, view).geometry
    foot_px = shapely.union_all([Polygon(r) for r in pixel_rings(image, outline)])
    _caption(fig, (width, height), foot_px, f"{foot.capitalize()} {_VIEW_WORDS.get(view, view)}")
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=IMAGE_DPI, metadata={"Software": "footmap"})
    alt = (
        f"Outline of the {place_words(foot, view)} divided into the zones of a reflexology "
        "chart, without names or colours."
    )
    return MapImage(foot, view, buf.getvalue(), width, height, a, image.x0, image.y0, alt)


def place_words(foot: str, view: str) -> str:
    """``"left foot's sole"``-like words for a panel."""
    return f"{foot} foot's {_VIEW_WORDS.get(view, view)}"


def _parts(geom: BaseGeometry) -> list[Polygon]:
    return list(getattr(geom, "geoms", [geom]))


def pixel_rings(image: MapImage, geom: BaseGeometry) -> list[tuple[tuple[int, int], ...]]:
    """Each part's exterior ring in whole image pixels: not closed, no repeated point."""
    rings = []
    for part in _parts(geom):
        pts = [image.to_pixels(x, y) for x, y in np.asarray(part.exterior.coords)[:-1]]
        out: list[tuple[int, int]] = []
        for u, v in pts:
            p = (int(round(u)), int(round(v)))
            if not out or out[-1] != p:
                out.append(p)
        while len(out) > 1 and out[-1] == out[0]:
            out.pop()
        if len(set(out)) >= 3:
            rings.append(tuple(out))
    return rings


@dataclass(frozen=True)
class QuizItem:
    """One hotspot question.

    Attributes
    ----------
    identifier : str
        ``"q01"``, ...
    zone : Zone
        The zone asked about (the right answer).
    prompt : str
        The question.
    image : MapImage
        The panel it is asked on.
    hotspots : tuple of Hotspot
        Every zone part of the panel, smallest first (a player lets a listed hotspot hide
        a later one it overlaps, so a zone inside another's outline stays clickable).
    correct : str
        The identifier of the right hotspot (the asked zone's outline).
    claims : str
        What charts claim for the zone.
    sources : tuple of Source
        The sources of those claims.
    caveat : str
        The evidence caveat; ``safety`` the safety caveat.
    """

    identifier: str
    zone: Zone
    prompt: str
    image: MapImage
    hotspots: tuple[Hotspot, ...]
    correct: str
    claims: str
    sources: tuple[Source, ...]
    caveat: str
    safety: str

    @property
    def feedback(self) -> str:
        """The feedback in plain text: the answer, what charts claim, the caveats."""
        z = self.zone
        cites = "; ".join(s.citation for s in self.sources)
        return (
            f"The answer: {z.label} ({place(z)}), the zone charts assign to the {z.body_area}. "
            f"What charts claim: {self.claims} Sources: {cites}. "
            f"Caveat: {self.caveat} Safety: {self.safety}"
        )


def quiz_items(
    chart: Chart,
    n: int = 10,
    *,
    seed: int | None = None,
    system: str | None = None,
    views: Sequence[str] = ("plantar",),
    feet: Sequence[str] = FEET,
    min_area: float = MIN_AREA,
) -> tuple[Variant, tuple[QuizItem, ...]]:
    """``n`` hotspot questions from the question bank, in the order of its numbers.

    Only zones whose box is at least :data:`TAP_PX` pixels each way in their image are
    asked about (:func:`tap_mm`; the measure of WCAG 2.5.8, Target Size (Minimum)), so a
    quiz may ask about other zones than a worksheet of the same seed.

    Returns
    -------
    (Variant, tuple of QuizItem)
        The variant (its seed reproduces the quiz) and the items; the panels' images are
        shared between the items asked on the same panel.
    """
    v = variant(chart, count=n, seed=seed, views=views, feet=feet, system=system,
                min_area=min_area, min_box=tap_mm(chart, feet, views))  # fmt: skip
    images: dict[tuple[str, str], MapImage] = {}
    evidence = caveat.require_caveat(chart)
    safety = caveat.safety_line(chart)
    items = []
    for t in v.targets:
        z = t.zone
        key = (z.foot, z.view)
        if key not in images:
            images[key] = map_image(chart, *key)
        image = images[key]
        panel = sorted(chart.zones_on(*key), key=lambda q: q.geometry.area)
        hotspots, correct = [], ""
        for k, other in enumerate(panel, start=1):
            for j, ring in enumerate(pixel_rings(image, other.geometry), start=1):
                ident = f"z{k:03d}" + (f"p{j}" if len(_parts(other.geometry)) > 1 else "")
                hotspots.append(Hotspot(ident, other.id, ring))
                if other.id == z.id:
                    correct = ident
        assert correct, z.id
        items.append(
            QuizItem(
                identifier=f"q{t.number:02d}",
                zone=z,
                prompt=prompt(chart, z),
                image=image,
                hotspots=tuple(hotspots),
                correct=correct,
                claims=claims_text(z),
                sources=target_sources(chart, z),
                caveat=evidence,
                safety=safety,
            )
        )
    return v, tuple(items)
