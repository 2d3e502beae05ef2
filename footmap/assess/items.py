"""Quiz items for learning platforms: one hotspot question per target, on a map image.

Each question shows one panel (a foot in one view) as outlines only, as a PNG; every zone
of the panel is a hotspot whose polygon is the zone's real outline in the image's pixels
(whole pixels, the closing point left out, no point repeated: what Moodle and QTI players
read), and the asked zone is the right answer. :func:`to_chart_mm` maps pixels back, so the
tests can check each correct hotspot against the zone's representative point.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from shapely.geometry import Polygon
from shapely.geometry.base import BaseGeometry

from footmap.assess.bank import MIN_AREA, Variant, claims_text, prompt, target_sources, variant
from footmap.assess.drawing import outline_map
from footmap.chart.model import Chart, Source, Zone
from footmap.render.house import house_style
from footmap.text import caveat
from footmap.text.describe import place
from footmap.vocab import FEET

__all__ = [
    "IMAGE_DPI",
    "IMAGE_IN",
    "Hotspot",
    "MapImage",
    "QuizItem",
    "map_image",
    "pixel_rings",
    "quiz_items",
    "to_chart_mm",
]

#: The quiz image: inches and dots per inch (a 640 × 880 pixel PNG).
IMAGE_IN = (6.4, 8.8)
IMAGE_DPI = 100


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


@house_style()
def map_image(chart: Chart, foot: str, view: str) -> MapImage:
    """Draw one panel as outlines (no names, no colours) and return its PNG and transform."""
    fig = Figure(figsize=IMAGE_IN, dpi=IMAGE_DPI)
    FigureCanvasAgg(fig)
    ax = fig.add_axes((0.02, 0.02, 0.96, 0.94))
    artists = outline_map(chart, ax, feet=(foot,), views=(view,))
    for patch in artists.outlines:
        if hasattr(patch, "set_facecolor"):
            patch.set_facecolor("white")
    fig.canvas.draw()
    assert artists.layout is not None
    ((dx, dy),) = [p.offset for p in artists.layout.panels]
    (p0x, p0y), (p1x, p1y) = ax.transData.transform([(dx, dy), (dx + 100.0, dy + 100.0)])
    height = int(round(IMAGE_IN[1] * IMAGE_DPI))
    width = int(round(IMAGE_IN[0] * IMAGE_DPI))
    scale = float(p1x - p0x) / 100
    assert abs(float(p1y - p0y) / 100 - scale) < 1e-6 * scale  # equal aspect
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=IMAGE_DPI, metadata={"Software": "footmap"})
    alt = (
        f"Outline of the {place_words(foot, view)} divided into the zones of a reflexology "
        "chart, without names or colours."
    )
    return MapImage(foot, view, buf.getvalue(), width, height, scale, float(p0x),
                    height - float(p0y), alt)  # fmt: skip


def place_words(foot: str, view: str) -> str:
    """``"left sole"``-like words for a panel."""
    words = {"plantar": "sole", "dorsal": "top", "medial": "inner side", "lateral": "outer side"}
    return f"{foot} foot's {words.get(view, view)}"


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
    """``n`` hotspot questions from the question bank (the worksheet's targets, in order).

    Returns
    -------
    (Variant, tuple of QuizItem)
        The variant (its seed reproduces the quiz) and the items; the panels' images are
        shared between the items asked on the same panel.
    """
    v = variant(chart, count=n, seed=seed, views=views, feet=feet, system=system,
                min_area=min_area)  # fmt: skip
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
