"""Annotated figures and files: PNG, SVG and PDF pages, and a multi-page PDF handout.

Every page footmap produces carries a title, the map, the claims of the highlighted zones with
citation numbers, the evidence caveat as a visible footer and the numbered list of sources
(:mod:`footmap.text.describe` words all of them). A page without the caveat is never written:
:func:`export` and :func:`handout` check for it before saving.

Files are written atomically (:func:`atomic_write`): to a temporary file in the same
directory, flushed to disk, then renamed over the target, so a failed export leaves any
existing file untouched and no partial file behind.

This module holds the public entry points (:func:`figure`, :func:`export`, :func:`save_figure`);
the work is done beside it: :mod:`footmap.atomic` (atomic writes),
:mod:`footmap.export.pagetext` (page sizes, text blocks, title, footer, caveat check),
:mod:`footmap.export.page` (one annotated page), :mod:`footmap.export.files` (PNG/SVG/PDF
bytes, dpi limits, metadata) and :mod:`footmap.export.handouts` (the PDF handout).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import matplotlib.pyplot as plt
from matplotlib.figure import Figure

from footmap.atomic import atomic_write, writable
from footmap.chart.model import Chart, Zone
from footmap.chart.query import HighlightSpec, resolve
from footmap.errors import FootmapError
from footmap.export.files import _format_of, _metadata, _svg_bytes, _write_png, check_dpi
from footmap.export.page import _compose, _new_figure
from footmap.export.pagetext import check_caveat, page_size
from footmap.render.house import house_style
from footmap.render.plot import ColorBy

__all__ = ["export", "figure", "save_figure", "save_pages"]


@house_style()
def figure(
    chart: Chart,
    *,
    feet: str | Sequence[str] = ("left", "right"),
    views: str | Sequence[str] | None = ("plantar",),
    highlight: HighlightSpec = (),
    size: str = "a4",
    orientation: str = "landscape",
    color_by: ColorBy = "system",
    labels: bool = True,
    hatch: bool = False,
    title: str | None = None,
    disagreements: bool | None = None,
) -> Figure:
    """An annotated, print-ready figure: map, claims of highlighted zones, caveats, sources.

    Parameters
    ----------
    chart : Chart
    feet, views, color_by, labels, hatch
        As in :func:`footmap.render.plot_map`.
    highlight : str, Zone or iterable, optional
        Zones to emphasise and describe (see :func:`footmap.render.resolve`).
    size : {"a4", "letter", "screen"}, optional
    orientation : {"landscape", "portrait"}, optional
    title : str, optional
        Page title; the chart's title by default.
    disagreements : bool, optional
        Mark the zones where charts disagree (a dashed outline, see
        :mod:`footmap.render.disagreements`);
        by default when the chart documents any disagreement.

    Returns
    -------
    matplotlib.figure.Figure
        A pyplot-managed figure (shown by Jupyter); its map artists are
        ``fig.footmap_artists``.

    Examples
    --------
    >>> import footmap
    >>> from footmap.export import figure
    >>> fig = figure(footmap.load(), highlight="urinary")
    >>> fig.footmap_artists.highlighted[:1]
    ('left.plantar.kidney',)
    """
    fig = _new_figure(size, orientation, pyplot=True)
    try:
        _compose(
            fig,
            chart,
            feet=feet,
            views=views,
            highlight=highlight,
            color_by=color_by,
            labels=labels,
            hatch=hatch,
            title=title,
            disagreements=disagreements,
        )
    except BaseException:
        plt.close(fig)
        raise
    return fig


@house_style()
def export(
    chart: Chart,
    path: str | os.PathLike[str],
    *,
    format: str | None = None,
    dpi: int = 200,
    **figure_kwargs: Any,
) -> Path:
    """Write an annotated figure to a PNG, SVG or PDF file, or an HTML map, atomically.

    SVG output keeps its text as text and gives every zone its own element,
    ``id="zone-<zone id>"``, with a ``<title>`` tooltip ("label - body area"), so the file
    works on the web. An ``.html`` file is the standalone interactive map of
    :func:`footmap.web.page.write_html` (every foot and view; ``feet``, ``views`` and
    ``title`` choose what shows first; page options such as ``size`` and ``dpi`` do not
    apply to it).

    Parameters
    ----------
    chart : Chart
    path : str or path-like
        The output file; its suffix picks the format unless ``format`` is given.
    format : {"png", "svg", "pdf", "html"}, optional
    dpi : int, optional
        Resolution of PNG output (and of raster parts of PDF/SVG).
    **figure_kwargs
        Passed to :func:`figure` (``feet``, ``views``, ``highlight``, ``size``,
        ``orientation``, ``color_by``, ``labels``, ``hatch``, ``title``,
        ``disagreements``).

    Returns
    -------
    pathlib.Path
        The file written.

    Raises
    ------
    FootmapError
        Unknown format, size or highlight; a directory that does not exist.

    Examples
    --------
    >>> import footmap, tempfile, pathlib
    >>> from footmap.export import export
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "kidneys.svg"
    >>> export(footmap.load(), out, highlight="kidneys").name
    'kidneys.svg'
    """
    target = writable(path, chart.path)
    fmt = _format_of(target, format)
    if fmt == "html":
        return _export_html(chart, target, figure_kwargs)
    size = figure_kwargs.pop("size", "a4")
    orientation = figure_kwargs.pop("orientation", "landscape")
    check_dpi(dpi, page_size(size, orientation), fmt)
    fig = _new_figure(size, orientation)
    highlight = figure_kwargs.pop("highlight", ())
    artists, leftover = _compose(
        fig,
        chart,
        feet=figure_kwargs.pop("feet", ("left", "right")),
        views=figure_kwargs.pop("views", ("plantar",)),
        highlight=highlight,
        color_by=figure_kwargs.pop("color_by", "system"),
        labels=figure_kwargs.pop("labels", True),
        hatch=figure_kwargs.pop("hatch", False),
        title=figure_kwargs.pop("title", None),
        disagreements=figure_kwargs.pop("disagreements", None),
    )
    if figure_kwargs:
        raise FootmapError(f"unknown export option(s): {', '.join(sorted(figure_kwargs))}")
    if fmt == "pdf" and leftover:
        # A PDF has pages to spare: the claims that did not fit beside the map continue
        # on the next page(s) rather than narrowing the map.
        shown = set(artists.highlighted)
        described = [z for z in resolve(chart, highlight) if z.id in shown]
        _write_pdf_pages(fig, chart, target, described, leftover, size, orientation)
        return target
    save_figure(fig, target, format=fmt, dpi=dpi, chart=chart)
    return target


def _write_pdf_pages(
    fig: Figure,
    chart: Chart,
    target: Path,
    described: list[Zone],
    leftover: list[Any],
    size: str,
    orientation: str,
) -> None:
    """Write ``fig`` and the pages its claims continue on as one PDF, atomically."""
    from matplotlib.backends.backend_pdf import PdfPages  # with fontTools: only when needed

    from footmap.export.handouts import _continuation, _remove_overflow_note

    _remove_overflow_note(fig, True)
    name = fig.footmap_title  # type: ignore[attr-defined]
    figures = [fig]
    while leftover:
        more = _new_figure(size, orientation)
        leftover = _continuation(more, chart, name, described, leftover)
        figures.append(more)
    for page in figures:
        check_caveat(page, chart)
    with atomic_write(target) as f, PdfPages(f, metadata=_metadata(chart, "pdf")) as pdf:
        for page in figures:
            pdf.savefig(page)


#: Figure options an HTML map ignores only at their defaults (the map shows every zone,
#: labelled, coloured by system; it has no page, no hatching and no highlight).
_HTML_FIXED = {"highlight": (), "color_by": "system", "labels": True, "hatch": False}


_HTML_PAGE = ("size", "orientation")


def _export_html(chart: Chart, target: Path, options: dict[str, Any]) -> Path:
    from footmap.web.page import write_html

    for name in _HTML_PAGE:
        options.pop(name, None)
    for name, default in _HTML_FIXED.items():
        value = options.pop(name, default)
        if value != default and not (name == "highlight" and not value):
            raise FootmapError(f"the HTML map does not take {name}={value!r}")
    unknown = set(options) - {"feet", "views", "title"}
    if unknown:
        raise FootmapError(f"unknown export option(s): {', '.join(sorted(unknown))}")
    return write_html(chart, target, **options)


@house_style()
def save_figure(
    fig: Figure,
    path: str | os.PathLike[str],
    *,
    chart: Chart,
    format: str | None = None,
    dpi: int = 200,
) -> Path:
    """Save a figure made by :func:`figure` atomically, after checking it shows the caveat.

    Parameters
    ----------
    fig : Figure
        From :func:`figure` (or any figure with a footmap caveat footer).
    path : str or path-like
    chart : Chart
        The chart drawn, whose caveat must be visible.
    format : {"png", "svg", "pdf"}, optional
        By default from the suffix.
    dpi : int, optional

    Returns
    -------
    pathlib.Path
    """
    target = writable(path, chart.path)
    fmt = _format_of(target, format)
    if fmt == "html":
        raise FootmapError("an HTML map is written by export(chart, path), not from a figure")
    check_dpi(dpi, tuple(fig.get_size_inches()), fmt)
    check_caveat(fig, chart)
    meta = _metadata(chart, fmt)
    if fmt == "svg":
        data = _svg_bytes(fig, dpi, meta)
        with atomic_write(target) as f:
            f.write(data)
    elif fmt == "png":
        with atomic_write(target) as f:
            _write_png(fig, f, dpi, meta)
    else:
        with atomic_write(target) as f:
            fig.savefig(f, format=fmt, dpi=dpi, metadata=meta)
    return target


@house_style()
def save_pages(figures: Sequence[Figure], path: str | os.PathLike[str], *, chart: Chart) -> Path:
    """Save ``figures`` as the pages of one PDF, atomically, each checked for the caveats.

    As :func:`save_figure` does for one page.

    Parameters
    ----------
    figures : sequence of Figure
    path : str or path-like
        The ``.pdf`` file to write.
    chart : Chart
        The chart drawn, whose caveat must be visible on every page.

    Returns
    -------
    pathlib.Path
    """
    target = writable(path, chart.path)
    if _format_of(target, "pdf" if not target.suffix else None) != "pdf":
        raise FootmapError(f"several pages make a PDF: name it .pdf, not {target.suffix}")
    if not figures:
        raise FootmapError("no pages to write")
    for page in figures:
        check_caveat(page, chart)
    from matplotlib.backends.backend_pdf import PdfPages  # with fontTools: only when needed

    with atomic_write(target) as f, PdfPages(f, metadata=_metadata(chart, "pdf")) as pdf:
        for page in figures:
            pdf.savefig(page)
    return target
