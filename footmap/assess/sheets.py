"""Worksheets and their answer keys (PDF, SVG or PNG; keys also as JSON).

A worksheet is one page per variant: a name/date header, the feet as outlines with the
targets numbered (:mod:`footmap.assess.drawing`), a numbered line per target to write on,
optionally a word bank (the answers, shuffled), and the caveat box with the evidence and
safety caveats. Nothing on a student's sheet names a target, unless the word bank does.
The map is the page (issue 22): of the arrangements in :data:`PLANS` (portrait or
landscape, lines beside or under the map) the one that prints the feet largest is used;
both soles go on a portrait page, the lines beside them.

The key lists, per variant, each number with its zone, label, body area, what charts
claim and the sources of those claims, beside the same numbered map and the caveat, on a
portrait page: of the layouts in :data:`KEY_PLANS` (the map narrower, then the text a little
smaller) the first that puts the variant on one page is used, so a key of ten numbers is
one page on A4 or letter; a longer key goes on over more pages.
"""

from __future__ import annotations

import json
import os
import random
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import FancyBboxPatch

from footmap import __version__
from footmap.assess.bank import (
    MIN_AREA,
    Variant,
    claims_text,
    target_sources,
    variants,
)
from footmap.assess.drawing import number_targets, outline_map, points_per_mm
from footmap.atomic import atomic_write, writable
from footmap.chart.model import Chart, Source
from footmap.errors import FootmapError
from footmap.export.annotate import save_figure, save_pages
from footmap.export.pagetext import (
    MARGIN_IN,
    Paragraph,
    check_caveat,
    draw_footer,
    draw_paragraphs,
    draw_title,
    page_size,
)
from footmap.render import fasttext
from footmap.render.house import house_style
from footmap.text import caveat
from footmap.text.describe import place
from footmap.vocab import FEET

__all__ = [
    "KEY_FORMATS",
    "SHEET_FORMATS",
    "WORKSHEET_TITLE",
    "answer_key",
    "key_data",
    "sheet_figures",
    "worksheet",
]

#: What a worksheet may be written as, and its key.
SHEET_FORMATS = ("pdf", "svg", "png")
KEY_FORMATS = ("pdf", "svg", "json")

WORKSHEET_TITLE = "Where do reflexology charts place these zones?"
INSTRUCTIONS = (
    "Each number marks a zone of a reflexology foot chart. On the line with the same number, "
    "write the body area the charts assign to that zone. This asks what the charts claim, "
    "not where the organs really are: read the caveat at the bottom of the page."
)
#: The least height of a line to write on (inches): room for handwriting.
LINE_IN = 0.4
#: The width of a column of lines to write on (inches): a body area in handwriting.
LINES_W_IN = 2.4
#: Room kept right of the name and date lines for the variant id (inches).
IDENT_IN = 1.9
#: The page arrangements tried for a worksheet (orientation, lines beside the map or under
#: it); the one that prints the map largest is used ("the figure is the page").
PLANS = (("portrait", True), ("portrait", False), ("landscape", True))


def _format(path: Path, allowed: Sequence[str], what: str) -> str:
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in allowed:
        names = ", ".join(f".{f}" for f in allowed)
        raise FootmapError(f"cannot tell the format of the {what} {path.name!r}: use {names}")
    return fmt


def _page(size: str, orientation: str = "landscape") -> Figure:
    fig = Figure(figsize=page_size(size.lower(), orientation))
    FigureCanvasAgg(fig)  # one renderer for measuring and drawing
    return fig


def _text(fig: Figure, x: float, y: float, s: str, **kw: Any) -> None:
    t = fasttext.adopt(fig.text(x, y, s, transform=fig.dpi_scale_trans, **kw))
    t.set_in_layout(False)


def _map(
    fig: Figure, chart: Chart, v: Variant, box: tuple[float, float, float, float], top: bool = False
) -> Axes:
    """The numbered outline map in ``box`` (inches: x, y bottom, width, height).

    It is centred in the box, or at its ``top``.
    """
    fw, fh = fig.get_size_inches()
    x, y, w, h = box
    ax = fig.add_axes((x / fw, y / fh, w / fw, h / fh))
    artists = outline_map(chart, ax, feet=v.feet, views=v.views)
    for patch in artists.outlines:
        if hasattr(patch, "set_facecolor"):
            patch.set_facecolor("white")
    ax.apply_aspect()
    number_targets(artists, v.targets)
    if top and artists.layout is not None:
        y0, y1 = ax.get_ylim()
        content_top = artists.layout.extent[3] + 2.0
        ax.set_ylim(content_top - (y1 - y0), content_top)
    return ax


def _header(fig: Figure, chart: Chart, v: Variant, title: str, *, key: bool) -> float:
    """Title, name/date line and instructions; return the y (inches) below them."""
    fw, fh = fig.get_size_inches()
    top = fh - MARGIN_IN
    top -= draw_title(fig, title, 13 if key else 15, top, 0.8) + 0.12
    ident = f"Variant {v.id}" + (f"  \u00b7  {len(v.targets)} zones" if not key else "")
    if key:
        _text(fig, MARGIN_IN, top, "ANSWER KEY: for the teacher", fontsize=11,
              fontweight="bold", color="#8a1c00", va="top")  # fmt: skip
    else:
        # the name and date lines end IDENT_IN short of the margin, where the variant goes
        room = fw - 2 * MARGIN_IN - IDENT_IN
        name_end = MARGIN_IN + min(3.7, 0.5 + 0.6 * (room - 1.0))
        date_x = name_end + 0.2
        _text(fig, MARGIN_IN, top, "Name", fontsize=10, va="top", color="#1a1a1a")
        _text(fig, date_x, top, "Date", fontsize=10, va="top", color="#1a1a1a")
        ends = ((MARGIN_IN + 0.5, name_end), (date_x + 0.45, min(date_x + 2.3, MARGIN_IN + room)))
        for x0, x1 in ends:
            fig.add_artist(Line2D([x0, x1], [top - 0.17] * 2, transform=fig.dpi_scale_trans,
                                  color="#333333", linewidth=0.8))  # fmt: skip
    _text(fig, fw - MARGIN_IN, top, ident, fontsize=10, ha="right", va="top",
          fontweight="bold", color="#1a1a1a")  # fmt: skip
    top -= 0.38
    if not key:
        para = Paragraph(INSTRUCTIONS, 8.5, color="#333333")
        width = fw - 2 * MARGIN_IN
        height = para.height(width * 72) / 72
        left = draw_paragraphs(fig, [para], (MARGIN_IN, top, width, height + 0.1))
        assert not left
        top -= height + 0.12
    return top


def _lines(
    fig: Figure, v: Variant, box: tuple[float, float, float, float], columns: int = 0
) -> None:
    """A numbered line per target to write on, in ``columns`` (0: one or two) in ``box``."""
    x, top, w, h = box
    n = len(v.targets)
    columns = columns or (1 if n * LINE_IN <= h else 2)
    rows = -(-n // columns)
    if rows * LINE_IN > h + 1e-6:
        raise FootmapError(
            f"{n} lines to write on do not fit the page: ask for fewer zones (--count)"
        )
    step = min(h / rows, 0.55)
    col_w = (w - 0.3 * (columns - 1)) / columns
    for k, t in enumerate(v.targets):
        c, r = divmod(k, rows)
        x0 = x + c * (col_w + 0.3)
        y = top - (r + 1) * step + 0.08
        _text(fig, x0 + 0.28, y + 0.02, f"{t.number}.", fontsize=11, fontweight="bold",
              ha="right", va="bottom", color="#111111")  # fmt: skip
        fig.add_artist(Line2D([x0 + 0.36, x0 + col_w], [y, y], transform=fig.dpi_scale_trans,
                              color="#444444", linewidth=0.7))  # fmt: skip


def _word_bank(fig: Figure, v: Variant, box: tuple[float, float, float, float]) -> float:
    """The answers, shuffled, in a box at the bottom of ``box``; return its height."""
    x, bottom, w, _ = box
    words = [t.zone.body_area for t in v.targets]
    random.Random(f"bank:{v.seed}").shuffle(words)
    para = Paragraph("   \u00b7   ".join(words), 9, color="#1a1a1a")
    head = Paragraph("Word bank (in no particular order)", 8.5, "bold", color="#333333")
    h = (head.height((w - 0.2) * 72) + para.height((w - 0.2) * 72)) / 72 + 0.2
    fig.add_artist(FancyBboxPatch((x, bottom), w, h, boxstyle="round,pad=0,rounding_size=0.05",
                                  transform=fig.dpi_scale_trans, facecolor="#f3f3f3",
                                  edgecolor="#888888", linewidth=0.7, zorder=-1))  # fmt: skip
    left = draw_paragraphs(fig, [head, para], (x + 0.1, bottom + h - 0.08, w - 0.2, h))
    assert not left
    return h


def _sheet(chart: Chart, v: Variant, size: str, word_bank: bool) -> Figure:
    """The page that draws the map largest: each of :data:`PLANS` is tried."""
    best: tuple[float, Figure] | None = None
    refusal: FootmapError | None = None
    for orientation, beside in PLANS:
        try:
            fig, ax = _sheet_as(chart, v, size, word_bank, orientation, beside)
        except FootmapError as e:  # the lines do not fit this plan
            refusal = refusal or e
            continue
        scale = points_per_mm(ax)
        if best is None or scale > best[0] * 1.001:
            best = (scale, fig)
    if best is None:
        assert refusal is not None
        raise refusal
    return best[1]


def _sheet_as(
    chart: Chart, v: Variant, size: str, word_bank: bool, orientation: str, beside: bool
) -> tuple[Figure, Axes]:
    """One worksheet page: the lines to write on ``beside`` the map (right) or under it."""
    fig = Figure(figsize=page_size(size.lower(), orientation))
    FigureCanvasAgg(fig)
    fw, fh = fig.get_size_inches()
    below = _header(fig, chart, v, WORKSHEET_TITLE, key=False)
    foot_h = draw_footer(fig, chart)
    bottom = MARGIN_IN * 0.8 + foot_h + 0.2
    width = fw - 2 * MARGIN_IN
    n = len(v.targets)
    if beside:
        columns = 1 if n * LINE_IN <= below - 0.1 - bottom - (1.0 if word_bank else 0) else 2
        lines_w = LINES_W_IN * columns + 0.3 * (columns - 1)
        x = fw - MARGIN_IN - lines_w
        bank_h = _word_bank(fig, v, (x, bottom, lines_w, 0)) + 0.2 if word_bank else 0.0
        _lines(fig, v, (x, below - 0.1, lines_w, below - 0.1 - bottom - bank_h))
        ax = _map(fig, chart, v, (MARGIN_IN, bottom, x - 0.3 - MARGIN_IN, below - bottom))
    else:
        columns = max(1, min(4, int((width + 0.3) // (LINES_W_IN + 0.3))))
        rows = -(-n // columns)
        lines_h = rows * LINE_IN * 1.1
        bank_h = _word_bank(fig, v, (MARGIN_IN, bottom, width, 0)) + 0.15 if word_bank else 0.0
        lines_top = bottom + bank_h + lines_h
        _lines(fig, v, (MARGIN_IN, lines_top, width, lines_h), columns=columns)
        ax = _map(fig, chart, v, (MARGIN_IN, lines_top + 0.1, width, below - lines_top - 0.1))
    _footnote(fig)
    check_caveat(fig, chart)
    return fig, ax


def _footnote(fig: Figure, page: str = "") -> None:
    fw, _ = fig.get_size_inches()
    _text(fig, fw - MARGIN_IN, MARGIN_IN * 0.35, f"{page}footmap {__version__}", fontsize=6,
          ha="right", va="bottom", color="#666666")  # fmt: skip


def sheet_figures(
    chart: Chart,
    *,
    students: int = 1,
    size: str = "a4",
    word_bank: bool = False,
    **options: Any,
) -> tuple[tuple[Variant, ...], list[Figure]]:
    """The variants and one worksheet page (a Figure) for each; nothing is written."""
    chosen = variants(chart, students, **options)
    return chosen, [_sheet(chart, v, size, word_bank) for v in chosen]


def _options(
    system: str | None,
    view: str | Sequence[str],
    foot: str | Sequence[str],
    count: int,
    seed: int | None,
) -> dict[str, Any]:
    views = (view,) if isinstance(view, str) else tuple(view)
    feet = FEET if foot in ("both", "all") else ((foot,) if isinstance(foot, str) else tuple(foot))
    return {"system": system, "views": views, "feet": feet, "count": count, "seed": seed}


@house_style()
def worksheet(
    chart: Chart,
    path: str | os.PathLike[str],
    *,
    system: str | None = None,
    view: str | Sequence[str] = "plantar",
    foot: str | Sequence[str] = "both",
    count: int = 10,
    seed: int | None = None,
    key: str | os.PathLike[str] | None = None,
    word_bank: bool = False,
    students: int = 1,
    size: str = "a4",
    min_area: float = MIN_AREA,
) -> tuple[Variant, ...]:
    """Write a worksheet (and its answer key): numbered zones to name, one page per student.

    Parameters
    ----------
    chart : Chart
    path : str or path-like
        ``.pdf``, ``.svg`` or ``.png``; several students need a ``.pdf`` (a page each).
    system : str, optional
        Ask only about the zones of one body system (e.g. ``"digestive"``).
    view, foot : str or sequence of str, optional
        The panels drawn (the sole of both feet by default).
    count : int, optional
        How many zones to number (fewer when fewer body areas qualify).
    seed : int, optional
        Picks and numbers the zones; the same seed gives the same sheets. Drawn when
        omitted (and printed on the sheet as its variant id).
    key : str or path-like, optional
        Also write the answer key (``.pdf``, ``.svg`` or ``.json``): see :func:`answer_key`.
    word_bank : bool, optional
        List the answers (the body areas), shuffled, on the sheet.
    students : int, optional
        One variant per page, each numbered differently, each with its variant id.
    size : {"a4", "letter"}, optional
    min_area : float, optional
        Smallest zone (mm²) asked about.

    Returns
    -------
    tuple of Variant
        What each page asks, in page order (the key's content).

    Examples
    --------
    >>> import footmap, tempfile, pathlib
    >>> from footmap.assess import worksheet
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "sheet.pdf"
    >>> [t.number for t in worksheet(footmap.load(), out, count=3, seed=1)[0].targets]
    [1, 2, 3]
    """
    target = writable(path, chart.path)
    fmt = _format(target, SHEET_FORMATS, "worksheet")
    if students > 1 and fmt != "pdf":
        raise FootmapError(
            f"{students} students need one page each: write the worksheet as .pdf, not .{fmt}"
        )
    if key is not None:
        key_target = writable(key, chart.path)
        _format(key_target, KEY_FORMATS, "answer key")
        if key_target.resolve() == target.resolve():
            raise FootmapError("the answer key must not overwrite the worksheet")
    opts = _options(system, view, foot, count, seed)
    chosen, figures = sheet_figures(
        chart, students=students, size=size, word_bank=word_bank, min_area=min_area, **opts
    )
    if fmt == "pdf":
        save_pages(figures, target, chart=chart)
    else:
        save_figure(figures[0], target, chart=chart, dpi=200)
    if key is not None:
        answer_key(chart, chosen, key, size=size)
    return chosen


# -- the key ---------------------------------------------------------------------------------
def key_data(chart: Chart, chosen: Sequence[Variant]) -> dict[str, Any]:
    """The answer key as plain data (what :func:`answer_key` writes as JSON).

    One variant: ``{"variant", "seed", "numbers": [{"number", "zone", "label", ...}], ...}``;
    several: ``{"variants": [{"variant", "seed", "numbers": [...]}, ...], ...}``. Every form
    carries the evidence and safety caveats.
    """

    def entry(n: int, zone_id: str) -> dict[str, Any]:
        z = chart.zone(zone_id)
        return {
            "number": n,
            "zone": z.id,
            "label": z.label,
            "body_area": z.body_area,
            "system": z.system,
            "where": place(z),
            "what_charts_claim": claims_text(z),
            "sources": [
                {"id": s.id, "title": s.title, "citation": s.citation}
                for s in target_sources(chart, z)
            ],
        }

    per = [
        {
            "variant": v.id,
            "seed": v.seed,
            "feet": list(v.feet),
            "views": list(v.views),
            "numbers": [entry(t.number, t.zone.id) for t in v.targets],
        }
        for v in chosen
    ]
    data: dict[str, Any] = {
        "title": f"Answer key: {WORKSHEET_TITLE}",
        "chart": chart.title,
        "caveat": caveat.require_caveat(chart),
        "safety": caveat.safety_line(chart),
        "note": (
            "Each answer is what reflexology charts claim for the zone, not where the organ "
            "really is."
        ),
    }
    if len(per) == 1:
        data.update(per[0])
    else:
        data["variants"] = per
    data["generator"] = f"footmap {__version__}"
    return data


def _key_paragraphs(
    chart: Chart, v: Variant, numbers: dict[str, int], scale: float = 1.0
) -> list[Any]:
    out = []
    for t in v.targets:
        z = t.zone
        cites = [numbers[s.id] for s in target_sources(chart, z) if s.id in numbers]
        ref = f" [{', '.join(map(str, cites))}]" if cites else ""
        # the label when it says more than the body area (not "Stomach" beside "stomach")
        label = "" if z.label.casefold() == z.body_area.casefold() else f"{z.label}; "
        out.append(Paragraph(f"{t.number}. {z.body_area} ({label}{place(z)})",
                             KEY_HEAD_PT * scale, "bold", space_after=0.1,
                             keep_with_next=True))  # fmt: skip
        out.append(Paragraph(f"What charts claim: {claims_text(z)}{ref}", KEY_TEXT_PT * scale,
                             indent_pt=10, space_after=0.45, color="#333333"))  # fmt: skip
    return out


#: Sizes of a key entry's heading (number, body area, label, place) and of its claims (pt).
KEY_HEAD_PT = 9.0
KEY_TEXT_PT = 7.5
#: The key's layouts on a portrait page, tried in turn until a variant's key fits one page:
#: (the share of the width the map takes, the columns of entries beside it, the text's
#: scale). The first is also how a key that fits none goes on over more pages.
KEY_PLANS = (
    (0.36, 2, 1.0),
    (0.33, 2, 1.0),
    (0.30, 2, 1.0),
    (0.27, 2, 1.0),
    (0.30, 2, 0.95),
    (0.27, 2, 0.95),
    (0.27, 2, 0.9),
)


def _key_pages(chart: Chart, v: Variant, size: str, one_page: bool = False) -> list[Figure]:
    """The key of one variant, on one page when one of :data:`KEY_PLANS` fits it.

    ``one_page`` (an SVG) also tries smaller text (to 72 %) before giving up.
    """
    plans = KEY_PLANS + (((0.27, 2, 0.8), (0.27, 2, 0.72)) if one_page else ())
    for share, columns, scale in plans:
        pages = _key_pages_at(chart, v, size, scale, share, columns, more=False)
        if pages:
            return pages
    share, columns, scale = KEY_PLANS[0]
    return _key_pages_at(chart, v, size, scale, share, columns, more=True)


def _key_pages_at(
    chart: Chart,
    v: Variant,
    size: str,
    scale: float,
    share: float,
    columns: int,
    *,
    more: bool,
    orientation: str = "portrait",
) -> list[Figure]:
    """The key's pages in one layout; none when it needs more than one and ``more`` is off."""
    sources: list[Source] = list(
        dict.fromkeys(s for t in v.targets for s in target_sources(chart, t.zone))
    )
    sources += [s for s in chart.cited_sources(()) if s not in sources]
    numbers = {s.id: k for k, s in enumerate(sources, start=1)}
    fig = _page(size, orientation)
    fw, fh = fig.get_size_inches()
    below = _header(fig, chart, v, f"Answer key: {WORKSHEET_TITLE}", key=True)
    foot_h = draw_footer(fig, chart, sources)
    bottom = MARGIN_IN * 0.8 + foot_h + 0.2
    map_w = (fw - 2 * MARGIN_IN) * share
    x = MARGIN_IN + map_w + 0.3
    box = (x, below, fw - MARGIN_IN - x, below - bottom)
    rest = draw_paragraphs(fig, _key_paragraphs(chart, v, numbers, scale), box, columns=columns)
    if rest and not more:
        return []
    _map(fig, chart, v, (MARGIN_IN, bottom, map_w, below - bottom), top=True)
    pages = [fig]
    while rest:
        more_page = _page(size, orientation)
        top = more_page.get_size_inches()[1] - MARGIN_IN
        top -= draw_title(more_page, f"Answer key, variant {v.id} (continued)", 13, top, 0.6) + 0.2
        foot = draw_footer(more_page, chart, sources)
        low = MARGIN_IN * 0.8 + foot + 0.2
        box = (MARGIN_IN, top, fw - 2 * MARGIN_IN, top - low)
        left = draw_paragraphs(more_page, rest, box, 3)
        if len(left) == len(rest):
            raise FootmapError("an answer key entry is too long for a page")
        rest = left
        pages.append(more_page)
    for page in pages:
        _footnote(page)
        check_caveat(page, chart)
    return pages


@house_style()
def answer_key(
    chart: Chart,
    chosen: Sequence[Variant],
    path: str | os.PathLike[str],
    *,
    size: str = "a4",
) -> Path:
    """Write the answer key of worksheet variants as ``.pdf``, ``.svg`` or ``.json``.

    A PDF has the pages of each variant; an SVG holds one variant on one page; JSON is
    :func:`key_data`.

    Every form keeps "what charts claim" apart and carries the evidence and safety caveats.
    """
    target = writable(path, chart.path)
    fmt = _format(target, KEY_FORMATS, "answer key")
    if not chosen:
        raise FootmapError("no variant to write a key for")
    if fmt == "json":
        text = json.dumps(key_data(chart, chosen), ensure_ascii=False, indent=2) + "\n"
        with atomic_write(target) as f:
            f.write(text.encode("utf-8"))
        return target
    one = fmt == "svg" and len(chosen) == 1
    pages = [p for v in chosen for p in _key_pages(chart, v, size, one)]
    if fmt == "svg":
        if len(pages) > 1:
            raise FootmapError(
                f"the key takes {len(pages)} pages and an SVG holds one: write it as .pdf or .json"
            )
        return save_figure(pages[0], target, chart=chart)
    return save_pages(pages, target, chart=chart)
