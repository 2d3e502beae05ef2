"""A figure as PNG, SVG or PDF bytes: file formats, resolution limits and metadata.

PNG is drawn once and written as RGB when nothing is transparent; SVG keeps its text as text
and gives every zone its own element with a tooltip, a title and a description.
"""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.figure import Figure
from matplotlib.patches import PathPatch
from PIL import Image
from PIL.PngImagePlugin import PngInfo

from footmap import __version__
from footmap.chart.model import Chart
from footmap.errors import FootmapError
from footmap.render.artists import MapArtists
from footmap.render.body import BodyArtists
from footmap.text import caveat, describe
from footmap.text.safe import display_text

__all__ = ["FORMATS", "check_dpi"]


#: File formats :func:`export` writes, by suffix (``html``: :mod:`footmap.web`).
FORMATS = ("png", "svg", "pdf", "html")


def _format_of(path: Path, format: str | None) -> str:
    fmt = (format or path.suffix.lstrip(".")).lower()
    if fmt not in FORMATS:
        raise FootmapError(
            f"cannot tell the format of {path.name!r}: use a .png, .svg, .pdf or .html name "
            "(or pass format=)"
        )
    return fmt


class _Buffer:
    """A file for ``savefig(format="rgba")`` that keeps the canvas buffer without copying it."""

    data: memoryview | None = None

    def write(self, data: Any) -> int:
        self.data = memoryview(data).cast("B")
        return self.data.nbytes

    def seek(self, offset: int, whence: int = 0) -> int:  # marks it as a file for matplotlib
        return 0


@contextmanager
def _layout_once(fig: Figure, dpi: float) -> Iterator[None]:
    """Run the figure's layout engine at ``dpi`` now and switch it off for one Agg save.

    ``savefig`` with a layout engine first draws the whole figure with drawing disabled,
    only so that the engine can run, and then draws it again. Running the engine here,
    with an Agg renderer at the saving resolution (the same measurements), gives the same
    positions without that extra draw.
    """
    engine = fig.get_layout_engine()
    if engine is None or not fig.axes:
        yield
        return
    old_dpi = fig.dpi
    try:
        fig.dpi = dpi
        engine.execute(fig)
    finally:
        fig.dpi = old_dpi
    fig.set_layout_engine(None)  # None, not "none": a placeholder engine still pre-draws
    try:
        if fig.get_layout_engine() is not None:  # rcParams asked for an automatic layout
            fig.set_layout_engine(engine)
        yield
    finally:
        fig.set_layout_engine(engine)


def _write_png(fig: Figure, f: IO[bytes], dpi: float, meta: dict[str, str]) -> None:
    """Save ``fig`` as a PNG, in RGB when no pixel is transparent (a quarter less to encode).

    The same pixels, metadata and resolution as ``fig.savefig(f, format="png")``, which
    always writes RGBA. zlib level 3 instead of 6: about a third faster to encode, and
    the bundled chart's page comes out about 1.5 % larger.
    """
    raw = _Buffer()
    with _layout_once(fig, dpi):
        fig.savefig(raw, format="rgba", dpi=dpi)  # type: ignore[arg-type]  # only write() is used
    fw, fh = fig.get_size_inches()
    w, h = int(fw * dpi), int(fh * dpi)  # as FigureCanvasAgg sizes its renderer
    data = raw.data
    if data is None or len(data) != w * h * 4:  # pragma: no cover - a canvas of another size
        fig.savefig(f, format="png", dpi=dpi, metadata=meta)
        return
    # Pillow reads any buffer (its stubs list bytes only); a memoryview spares a copy
    image = Image.frombuffer("RGBA", (w, h), data, "raw", "RGBA", 0, 1)  # type: ignore[arg-type]
    if np.frombuffer(data, np.uint8)[3::4].min() == 255:  # no pixel transparent
        image = image.convert("RGB")
    info = PngInfo()
    software = f"Matplotlib version{matplotlib.__version__}, https://matplotlib.org/"
    for k, v in {"Software": software, **meta}.items():
        info.add_text(k, v)
    image.save(f, format="png", pnginfo=info, dpi=(dpi, dpi), compress_level=3)


#: Resolutions footmap draws at: below, text cannot be rasterised; above, nothing gains.
DPI_RANGE = (30, 1200)


#: Most pixels of a PNG page (about 160 MB of RGBA while drawing): A4 up to 642 dpi.
MAX_PIXELS = 40_000_000


def check_dpi(dpi: Any, size_in: tuple[float, float], fmt: str = "png") -> None:
    """Refuse a resolution footmap cannot draw at, saying the limit.

    Raises :class:`FootmapError` for a dpi outside :data:`DPI_RANGE` or, for PNG, a page of
    more than :data:`MAX_PIXELS` pixels at that dpi.

    Examples
    --------
    >>> check_dpi(300, (11.69, 8.27))
    >>> check_dpi(5000, (11.69, 8.27))
    Traceback (most recent call last):
    ...
    footmap.errors.FootmapError: dpi must be between 30 and 1200, not 5000
    """
    lo, hi = DPI_RANGE
    if isinstance(dpi, np.integer):  # numpy's integers (np.int64(100)) are whole numbers
        dpi = int(dpi)
    if type(dpi) is not int and not (isinstance(dpi, float) and dpi.is_integer()):
        raise FootmapError(f"dpi must be a whole number between {lo} and {hi}, not {dpi!r}")
    if not lo <= dpi <= hi:
        raise FootmapError(f"dpi must be between {lo} and {hi}, not {dpi:g}")
    w, h = size_in
    pixels = round(w * dpi) * round(h * dpi)
    if fmt == "png" and pixels > MAX_PIXELS:
        best = int((MAX_PIXELS / (w * h)) ** 0.5)
        raise FootmapError(
            f"a {w:g} x {h:g} in page at {dpi:g} dpi is {pixels:,} pixels; the limit is "
            f"{MAX_PIXELS:,} (at most {best} dpi for this page)"
        )


def _metadata(chart: Chart, fmt: str, attribution: str | None = None) -> dict[str, str]:
    """File metadata (:func:`_raw_metadata`); ``attribution``: the body artwork's, when drawn.

    A PNG carries the attribution as its ``Copyright`` text, an SVG as its ``dc:rights``; a
    PDF shows it on the page only (its information dictionary has no such key).
    """
    meta = _raw_metadata(chart, fmt)
    if attribution and fmt == "png":
        meta["Copyright"] = attribution
    elif attribution and fmt == "svg":
        meta["Rights"] = attribution
    return {k: display_text(v) for k, v in meta.items()}


def _raw_metadata(chart: Chart, fmt: str) -> dict[str, str]:
    """File metadata: the title, the evidence caveat and the full safety caveat (if any)."""
    safety = caveat.safety_warning(chart)
    caveats = f"{caveat.caveat_line(chart)} {safety}".strip()
    if fmt == "png":
        meta = {"Title": chart.title, "Description": caveat.caveat_line(chart)}
        if safety:
            meta["Warning"] = safety
        return {**meta, "Software": f"footmap {__version__}"}
    if fmt == "pdf":
        return {"Title": chart.title, "Subject": caveats, "Creator": f"footmap {__version__}"}
    return {"Title": chart.title, "Description": caveats}


_SVG = "http://www.w3.org/2000/svg"


_ID_UNSAFE = re.compile(r"[^A-Za-z0-9._-]")


def _svg_id(text: str) -> str:
    """``text`` as a safe XML id / class token: ASCII letters, digits, ``.``, ``_``, ``-``.

    Zone ids already match ``^[a-z0-9][a-z0-9._-]*$`` (the schema checks it), so this
    changes nothing for a valid chart; it guards charts built by other means.
    """
    return _ID_UNSAFE.sub("_", text)


def _svg_bytes(fig: Figure, dpi: int, meta: dict[str, str]) -> bytes:
    """Render ``fig`` to SVG with one ``<g id="zone-...">`` per zone, each with a ``<title>``.

    A body figure drawn on the page (``fig.footmap_body``) keeps its regions' ids,
    ``id="body-<region id>"``, each given ``data-body-area`` and a ``<title>``; every
    highlighted shape, foot zone or body region, has the class ``fm-highlight``.
    """
    artists: MapArtists | None = getattr(fig, "footmap_artists", None)
    extra: list[PathPatch] = []
    if artists is not None:
        coll = artists.collection
        faces, edges = coll.get_facecolor(), coll.get_edgecolor()
        widths = np.atleast_1d(coll.get_linewidth())
        coll.set_visible(False)
        for i, (z, path) in enumerate(zip(artists.zones, coll.get_paths(), strict=True)):
            patch = PathPatch(
                path,
                facecolor=faces[i % len(faces)],
                edgecolor=edges[i % len(edges)],
                linewidth=widths[i % len(widths)],
                zorder=coll.get_zorder(),
                transform=coll.get_transform(),
                gid=_svg_id(f"zone-{z.id}"),
            )
            patch.set_in_layout(False)
            artists.ax.add_artist(patch)  # add_patch would also update the data limits
            extra.append(patch)
    buf = io.BytesIO()
    try:
        # Text stays text (searchable, selectable, read by screen readers), not glyph paths.
        with plt.rc_context({"svg.fonttype": "none"}):
            fig.savefig(buf, format="svg", dpi=dpi, metadata=meta)
    finally:
        for p in extra:
            p.remove()
        if artists is not None:
            artists.collection.set_visible(True)
    ET.register_namespace("", _SVG)
    ET.register_namespace("xlink", "http://www.w3.org/1999/xlink")
    ET.register_namespace("dc", "http://purl.org/dc/elements/1.1/")
    ET.register_namespace("cc", "http://creativecommons.org/ns#")
    ET.register_namespace("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#")
    root = ET.fromstring(buf.getvalue())
    _svg_title_desc(root, meta)
    if artists is None:
        return _svg_serialise(root)
    by_id = {_svg_id(f"zone-{z.id}"): z for z in artists.zones}
    lit = {_svg_id(f"zone-{zid}") for zid in artists.highlighted}
    body = getattr(fig, "footmap_body", None)
    for el in root.iter(f"{{{_SVG}}}g"):
        if body is not None and _svg_body_region(el, body):
            continue
        zone = by_id.get(el.get("id", ""))
        if zone is None:
            continue
        # ElementTree escapes markup (<, &, quotes); display_text removes what XML 1.0
        # cannot hold at all (NUL, BEL, ...) and bidirectional overrides.
        title = ET.Element(f"{{{_SVG}}}title")
        title.text = display_text(describe.zone_title(artists.chart, zone))
        el.insert(0, title)
        on = " fm-highlight" if el.get("id") in lit else ""
        el.set("class", f"fm-zone fm-{_svg_id(zone.system)}{on}")
        el.set("data-body-area", display_text(zone.body_area))
    return _svg_serialise(root)


def _svg_body_region(el: ET.Element, body: BodyArtists) -> bool:
    """Mark up ``el`` if it is a body region's group (its title, area, classes); say if so."""
    gid = el.get("id", "")
    area = body.body_area_of(gid)
    if area is None:
        return False
    region = body.regions[body.index[gid.removeprefix("body-")]]
    title = ET.Element(f"{{{_SVG}}}title")
    title.text = display_text(f"{region.label} \u2014 where it really is (anatomy)")
    el.insert(0, title)
    on = " fm-highlight" if region.id in body.highlighted else ""
    el.set("class", f"fm-body fm-{_svg_id(region.system)}{on}")
    el.set("data-body-area", display_text(area))
    return True


def _svg_title_desc(root: ET.Element, meta: dict[str, str]) -> None:
    """Give the SVG root a ``<title>`` and a ``<desc>`` and label it with them (role img).

    matplotlib writes the title from the metadata but puts the description only into RDF
    metadata, which screen readers and search engines do not read.
    """
    title = root.find(f"{{{_SVG}}}title")
    if title is None:
        title = ET.Element(f"{{{_SVG}}}title")
        title.text = meta.get("Title", "footmap figure")
        root.insert(0, title)
    title.set("id", "footmap-title")
    desc = ET.Element(f"{{{_SVG}}}desc", id="footmap-desc")
    desc.text = (
        "A reflexology foot map: coloured zones that charts assign to body areas, with "
        "numbered sources. Caveat: " + meta.get("Description", "")
    )
    root.insert(list(root).index(title) + 1, desc)
    root.set("role", "img")
    root.set("aria-labelledby", "footmap-title footmap-desc")


def _svg_serialise(root: ET.Element) -> bytes:
    return b'<?xml version="1.0" encoding="utf-8" standalone="no"?>\n' + ET.tostring(
        root, encoding="utf-8", xml_declaration=False
    )
