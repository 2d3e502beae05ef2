"""The multi-page PDF handout: cover, one page per system, then "Charts disagree".

Claims that do not fit a page continue on text-only pages; every page carries the caveats
and its sources, and the file is written atomically.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from matplotlib.figure import Figure
from matplotlib.layout_engine import ConstrainedLayoutEngine

from footmap import __version__
from footmap.atomic import atomic_write, writable
from footmap.chart.model import Chart, Source, Zone
from footmap.chart.query import HighlightSpec, resolve
from footmap.errors import FootmapError
from footmap.export.files import _format_of, _metadata
from footmap.export.page import _compose, _new_figure
from footmap.export.pagetext import (
    LINE,
    MARGIN_IN,
    OVERFLOW_GID,
    TEXT_PT,
    TITLE_SHARE,
    _Block,
    _draw_blocks,
    _draw_title,
    _footer,
    check_caveat,
)
from footmap.render.house import house_style
from footmap.render.plot import plot_map
from footmap.text import describe
from footmap.vocab import SYSTEMS

__all__ = ["handout"]


def _describe_spec(chart: Chart, spec: HighlightSpec) -> str:
    if isinstance(spec, str):
        return SYSTEMS.get(spec, spec)
    if isinstance(spec, Zone):
        return spec.label
    return ", ".join(_describe_spec(chart, s) for s in spec or ())


#: Where the full texts are: said on the cover of every handout.
FULL_TEXTS = (
    "Each page shows, for each zone, where charts place it (its placement claim, with its "
    "sources), what the articles say and what the evidence says, kept apart. The full "
    "texts (every claim, the history, each disagreement's details) are in the explorer "
    "(notebooks/explore.ipynb) and the HTML map (footmap export map.html): click a zone."
)


def _where(zone: describe.ZoneDescription) -> str:
    """Feet and views of a described zone and those it stands for: "both feet, sole"."""
    places = [(zone.foot, zone.view)]
    for also in zone.also:
        foot, _, view = also.partition(" foot, ")
        places.append((foot, view))
    feet = list(dict.fromkeys(f for f, _ in places))
    views = list(dict.fromkeys(v for _, v in places))
    foot_words = "both feet" if len(feet) > 1 else f"{feet[0]} foot"
    view_words = " and ".join(describe.VIEW_WORDS.get(v, v) for v in views)
    return f"{foot_words}, {view_words}"


def _short_blocks(chart: Chart, zones: Sequence[Zone], numbers: dict[str, int]) -> list[_Block]:
    """A system page's claims in short form: each zone's placement claim and its sources.

    "What charts claim" (one line per zone: its label, where it is drawn, the placement
    claim and its sources; a note where charts disagree), "What the articles say" and
    "What the evidence says" stay apart, each under its heading.
    """
    d = describe.describe_selection(chart, zones, numbers)

    def cites(nums: Sequence[int]) -> str:
        return "[" + ", ".join(map(str, nums)) + "]"

    blocks: list[_Block] = []
    for section in d.sections:
        if section.key == "disagreements":
            continue  # a note on each zone; the page "Charts disagree" says it in full
        blocks.append(_Block(section.heading, 8.5, "bold", space_after=0.2, keep_with_next=True))
        if section.key == "charts":
            for k, zone in enumerate(d.zones):
                placed = [c for c in zone.charts if c.kind == "placement"] or list(zone.charts)
                text = f"{zone.label} ({_where(zone)}): "
                text += " ".join(f"{c.text} {cites(c.numbers)}" for c in placed[:1])
                if zone.disagreements:
                    topics = "; ".join(dict.fromkeys(c.topic for c in zone.disagreements))
                    text += f" Charts disagree: {topics} (see \u201c{DISAGREE_PAGE_TITLE}\u201d)."
                last = k == len(d.zones) - 1
                blocks.append(_Block(text, TEXT_PT, space_after=0.5 if last else 0.2))
            continue
        for k, c in enumerate(section.items):
            names = f" ({', '.join(c.zones)})" if c.zones else ""
            text = f"\u2013 {c.text} {cites(c.numbers)}{names}"
            last = k == len(section.items) - 1
            blocks.append(_Block(text, TEXT_PT, indent_pt=6, space_after=0.5 if last else 0.1))
    return blocks


def _cover(fig: Figure, chart: Chart, feet: Sequence[str], views: Sequence[str]) -> list[_Block]:
    """Draw the handout's cover; return the text that continues on the next page(s)."""
    numbers = describe.citation_numbers(chart, ())
    fw, fh = fig.get_size_inches()
    width = fw - 2 * MARGIN_IN

    def cites(ids: Sequence[str]) -> str:
        return " [" + ", ".join(str(numbers[i]) for i in ids if i in numbers) + "]"

    top = fh - MARGIN_IN
    top -= _draw_title(fig, chart.title, 17, top, width, fh * TITLE_SHARE) + 0.05
    _draw_blocks(
        fig,
        [
            _Block(
                "A handout: the zones reflexology charts claim, with their sources",
                10,
                color="#444444",
            )
        ],
        (MARGIN_IN, top, width, 1),
    )
    top -= 10 * LINE / 72 + 0.15
    foot_h = _footer(fig, chart, (), numbers)
    bottom = MARGIN_IN * 0.8 + foot_h + 0.15
    landscape = fw > fh
    text_w = width * (0.62 if landscape else 1.0)
    columns = 2  # the cover's text in two columns: the cover stays one page
    blocks = [
        _Block("What this is", 9.5, "bold", space_after=0.2),
        _Block(chart.description, 8.5, space_after=0.6),
        _Block("How to read it", 9.5, "bold", space_after=0.2),
        _Block(
            "Each coloured area of a foot is a zone that reflexology charts assign to a part "
            "of the body; its colour is the body system (see the legend). Each following "
            "page highlights one body system and lists what is claimed for its zones, in "
            "our own words; numbers in brackets cite the sources listed at the bottom of "
            "the page. Small zones are numbered; the key beside the feet names them.",
            8.5,
            space_after=0.3,
        ),
        _Block(FULL_TEXTS, 8.5, space_after=0.3),
        _Block(chart.orientation, 8.5, space_after=0.6),
    ]
    for kind, heading in (
        ("evidence", "What the evidence says"),
        ("safety", "Safety"),
        ("chart", "About this chart"),
    ):
        caveats = chart.caveats_of(kind)
        if not caveats:  # no heading without text under it
            continue
        blocks.append(_Block(heading, 9.5, "bold", space_after=0.2, keep_with_next=True))
        for k, c in enumerate(caveats):
            last = k == len(caveats) - 1
            blocks.append(_Block(c.text + cites(c.sources), 8.5, space_after=0.6 if last else 0.3))
    text_h = top - bottom
    before = len(fig.texts)
    left = _draw_blocks(fig, blocks, (MARGIN_IN, top, text_w, text_h), columns)
    sizes = [blk.size for blk in blocks]
    for scale in (0.9, 0.8, 0.75, 0.7):  # shrink the text rather than start another page
        if not left:
            break
        for t in list(fig.texts)[before:]:
            t.remove()
        for blk, pt in zip(blocks, sizes, strict=True):
            blk.size = pt * scale
        left = _draw_blocks(fig, blocks, (MARGIN_IN, top, text_w, text_h), columns)
    if landscape:
        engine = fig.get_layout_engine()
        assert isinstance(engine, ConstrainedLayoutEngine)  # as _new_figure made it
        x = MARGIN_IN + text_w + 0.3
        engine.set(rect=(x / fw, bottom / fh, (fw - MARGIN_IN - x) / fw, (top - bottom) / fh))
        ax = fig.add_subplot()
        fig.footmap_artists = plot_map(  # type: ignore[attr-defined]
            chart,
            feet=feet,
            views=("plantar",) if "plantar" in views else views[:1],
            ax=ax,
            title=False,
            labels=False,
            disagreements=bool(chart.disagreements),
        )
    check_caveat(fig, chart)
    return left


@house_style()
def handout(
    chart: Chart,
    path: str | os.PathLike[str],
    *,
    by: str | Sequence[HighlightSpec] = "system",
    feet: str | Sequence[str] = ("left", "right"),
    views: str | Sequence[str] | None = None,
    size: str = "a4",
    orientation: str = "landscape",
    hatch: bool = False,
    brief: bool = False,
) -> Path:
    """Write a multi-page PDF handout, atomically.

    Page 1 is a cover: what the chart is, how to read it, how soles are shown, and the
    evidence, safety and chart caveats with their sources. Then one page per body system
    (``by="system"``) or per highlight spec (``by=[...]``), each with its zones highlighted,
    what is claimed for them with citation numbers, the caveat footer and the references.
    Each zone is shown in short form (where charts place it, with its sources; what the
    articles and the evidence say, apart), so that a system fits one page; the cover says
    where the full texts are. When the chart documents disagreements between published
    charts, one page "Charts disagree" after the systems lists each (topic, variants with
    their sources, the zones concerned).

    Parameters
    ----------
    chart : Chart
    path : str or path-like
        The ``.pdf`` file to write.
    by : "system" or list of highlight specs, optional
    feet : str or sequence of str, optional
    views : str, sequence of str or None, optional
        Views to draw; ``None`` draws, on each page, every view of the chart that holds a
        highlighted zone.
    size : {"a4", "letter", "screen"}, optional
    orientation : {"landscape", "portrait"}, optional
    hatch : bool, optional
        Hatch systems too, for grayscale printing.
    brief : bool, optional
        For one lesson: the cover, the whole chart (the soles on one page, the other views
        on the next, every zone numbered and named in the key) and "Charts disagree";
        ``by`` is not used.

    Returns
    -------
    pathlib.Path

    Examples
    --------
    >>> import footmap, tempfile, pathlib
    >>> from footmap.export import handout
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "handout.pdf"
    >>> handout(footmap.load(), out, by=["kidneys", "heart"]).suffix
    '.pdf'
    """
    target = writable(path, chart.path)
    if _format_of(target, "pdf" if not target.suffix else None) != "pdf":
        raise FootmapError(f"a handout is a PDF: name it .pdf, not {target.suffix}")
    if by == "system":
        present = {z.system for z in chart.zones}
        specs: list[tuple[str, HighlightSpec]] = [
            (label, sid) for sid, label in SYSTEMS.items() if sid in present
        ]
    elif isinstance(by, str):
        raise FootmapError(f"by must be 'system' or a list of highlight specs, not {by!r}")
    else:
        specs = [(_describe_spec(chart, s), s) for s in by]
    for _, spec in specs:
        resolve(chart, spec)  # fail before writing anything
    all_views = chart.views if views is None else views
    page_views: list[tuple[str, ...]] = []
    for _, spec in specs:
        zones = resolve(chart, spec)
        if views is None:
            have = tuple(v for v in chart.views if any(z.view == v for z in zones))
            page_views.append(have or chart.views)
        else:
            page_views.append(tuple([views] if isinstance(views, str) else views))

    figures: list[Figure] = []
    cover = _new_figure(size, orientation)
    feet_t = feet if not isinstance(feet, str) else (feet,)
    rest = _cover(cover, chart, feet_t, tuple(all_views))
    figures.append(_released(cover))
    while rest:
        more = _new_figure(size, orientation)
        rest = _continuation(more, chart, "About this handout", (), rest)
        figures.append(_released(more))
    if brief:
        # One lesson: the whole chart, every zone numbered and named in the key, the soles
        # on one page and the other views on the next; then the disagreements.
        groups = [("plantar",), tuple(v for v in chart.views if v != "plantar")]
        for pviews in (g for g in groups if g and set(g) <= set(chart.views)):
            fig = _new_figure(size, orientation)
            named = ", ".join(describe.VIEW_WORDS.get(v, v) for v in pviews)
            _compose(
                fig,
                chart,
                feet=feet,
                views=pviews,
                highlight=(),
                color_by="system",
                labels=True,
                hatch=hatch,
                title=f"Every zone: {named}",
                subtitle=f"{chart.title}: every zone numbered; the key names each",
                claims=False,
            )
            figures.append(_released(fig))
    else:
        for (name, spec), pviews in zip(specs, page_views, strict=True):
            fig = _new_figure(size, orientation)
            artists, leftover = _compose(
                fig,
                chart,
                feet=feet,
                views=pviews,
                highlight=spec,
                color_by="system",
                labels=True,
                hatch=hatch,
                title=name,
                subtitle=f"{chart.title}: the zones charts assign to {name.lower()}",
                legend=False,
                blocks_of=_short_blocks,
                scales=(1.0, 0.9, 0.8, 0.72),
                wide=0.42,
            )
            _remove_overflow_note(fig, bool(leftover))
            figures.append(_released(fig))
            described = [z for z in resolve(chart, spec) if z.id in set(artists.highlighted)]
            while leftover:
                more = _new_figure(size, orientation)
                leftover = _continuation(more, chart, name, described, leftover)
                figures.append(_released(more))
    # The disagreements come after the systems: a reader meets the zones first.
    figures += map(_released, _disagreement_pages(chart, size, orientation))
    total = len(figures)
    for k, fig in enumerate(figures, start=1):
        fig.text(
            fig.get_size_inches()[0] - MARGIN_IN,
            MARGIN_IN * 0.35,
            f"page {k} of {total}  \u00b7  footmap {__version__}",
            transform=fig.dpi_scale_trans,
            ha="right",
            va="bottom",
            fontsize=6,
            color="#777777",
        )
        check_caveat(fig, chart)
    meta = _metadata(chart, "pdf")
    from matplotlib.backends.backend_pdf import PdfPages  # with fontTools: only when needed

    with atomic_write(target) as f, PdfPages(f, metadata=meta) as pdf:
        for fig in figures:
            pdf.savefig(fig)
    return target


def _released(fig: Figure) -> Figure:
    """``fig`` without the Agg renderer its layout measured text with (a page of pixels).

    A handout keeps every page until it knows how many there are (for "page k of n"); the
    renderers, about 4 MB a page, would make its memory grow with its pages. Saving to PDF
    draws with a PDF renderer, so nothing else changes.
    """
    from matplotlib.text import Text

    canvas: Any = fig.canvas  # FigureCanvasAgg: its renderer is not in matplotlib's stubs
    if getattr(canvas, "renderer", None) is not None:
        canvas.renderer = None
        canvas._lastKey = None  # get_renderer() makes a new one when asked
    for t in fig.findobj(Text):
        text: Any = t
        text._renderer = None  # the renderer a text was last measured with
    return fig


#: Title of the handout's page listing the documented disagreements.
DISAGREE_PAGE_TITLE = "Charts disagree"


def _disagreement_sources(chart: Chart) -> tuple[Source, ...]:
    """The sources the disagreements' variants cite, then the caveats', in citation order."""
    ids = [s for d in chart.disagreements for s in d.source_ids]
    ids += [s for c in chart.caveats for s in c.sources]
    return tuple(chart.source(i) for i in dict.fromkeys(ids))


def _disagreement_blocks(
    chart: Chart, numbers: dict[str, int], scale: float = 1.0, full: bool = True
) -> list[_Block]:
    """Every documented disagreement: topic, text, each variant with its sources, its zones.

    ``full=False`` leaves out each disagreement's explanation (its topic, variants and
    zones say it in short form); ``scale`` sizes the text.
    """

    def cites(ids: Sequence[str]) -> str:
        return "[" + ", ".join(str(numbers[i]) for i in ids if i in numbers) + "]"

    pt = TEXT_PT * scale
    blocks = [
        _Block(
            "Published charts do not all put the zones in the same places. Where a source "
            "documents a difference, the chart records each variant with the charts that "
            "give it; on the maps, these zones have a dashed outline. Differences between "
            "charts are one more reason to read every placement as a claim.",
            8.5 * scale,
            space_after=0.5,
        )
    ]
    for d in chart.disagreements:
        # One disagreement stays in one column: topic, text and variants go with its zones.
        blocks.append(_Block(d.topic, 9 * scale, "bold", space_after=0.1, keep_with_next=True))
        if full:
            blocks.append(_Block(d.text, pt, space_after=0.1, keep_with_next=True))
        for v in d.variants:
            text = f"\u2013 {v.text} {cites(v.sources)}"
            blocks.append(_Block(text, pt, indent_pt=6, space_after=0.05, keep_with_next=True))
        zones = [chart.zone(z) for z in d.zones]
        places: dict[str, list[str]] = {}
        for z in zones:
            places.setdefault(z.label, []).append(f"{z.foot} {describe.VIEW_WORDS[z.view]}")
        where = "; ".join(f"{k} ({', '.join(dict.fromkeys(v))})" for k, v in places.items())
        blocks.append(_Block(f"Zones: {where}", pt, indent_pt=6, space_after=0.5, color="#444444"))
    return blocks


#: The footer's largest share of a text-only page (the disagreements page cites many sources).
TEXT_PAGE_FOOTER_SHARE = 0.5


#: How the disagreements are fitted to one page, tried in turn: whole or in short form,
#: text size, columns.
DISAGREE_PLANS = [
    (full, scale, columns)
    for full, scale in ((True, 1.0), (True, 0.9), (False, 0.9), (False, 0.8), (False, 0.7))
    for columns in (3, 4)
] + [(False, 0.7, 5)]


def _disagreement_pages(chart: Chart, size: str, orientation: str) -> list[Figure]:
    """The handout's "Charts disagree" page: one page, or none when the chart has none.

    The disagreements are fitted to one page (shorter form, smaller text, more columns);
    only a chart with far more of them than the bundled one continues on another page.
    """
    if not chart.disagreements:
        return []
    sources = _disagreement_sources(chart)
    numbers = {s.id: k for k, s in enumerate(sources, start=1)}
    for full, scale, columns in DISAGREE_PLANS:
        fig = _new_figure(size, orientation)
        blocks = _disagreement_blocks(chart, numbers, scale, full)
        for share in (0.42, TEXT_PAGE_FOOTER_SHARE) if scale < 0.9 else (TEXT_PAGE_FOOTER_SHARE,):
            # the references in smaller print leave the disagreements more of the page
            try:
                left = _text_page(
                    fig, chart, DISAGREE_PAGE_TITLE, blocks, numbers, sources, columns, share
                )
            except FootmapError:  # the references need more of the page
                _discard(fig)
                fig = _new_figure(size, orientation)
                continue
            if not left:
                return [fig]
            _discard(fig)
            fig = _new_figure(size, orientation)
        _discard(fig)
    rest = _disagreement_blocks(chart, numbers, 0.7, False)
    pages: list[Figure] = []
    while rest:
        fig = _new_figure(size, orientation)
        title = DISAGREE_PAGE_TITLE + (" (continued)" if pages else "")
        rest = _text_page(fig, chart, title, rest, numbers, sources, 4)
        pages.append(fig)
    return pages


def _discard(fig: Figure) -> None:
    """Let go of a page that was not kept (it was never shown: nothing else holds it)."""
    fig.clear()


def _text_page(
    fig: Figure,
    chart: Chart,
    title: str,
    blocks: list[_Block],
    numbers: dict[str, int],
    sources: Sequence[Source],
    columns: int | None = None,
    share: float = TEXT_PAGE_FOOTER_SHARE,
) -> list[_Block]:
    """A text-only page citing ``sources``; returns the blocks that did not fit.

    The footer takes at most ``share`` of the page (less: smaller print, more columns).
    """
    fw, fh = fig.get_size_inches()
    width = fw - 2 * MARGIN_IN
    top = fh - MARGIN_IN
    top -= _draw_title(fig, title, 15, top, width, fh * TITLE_SHARE) + 0.2
    # no map shares this page: the footer may take up to half of it
    foot_h = _footer(fig, chart, (), numbers, sources, share=share)
    bottom = MARGIN_IN * 0.8 + foot_h + 0.15
    if columns is None:
        columns = 3 if fw > fh else 2
    elif fh > fw:
        columns = max(columns - 1, 2)  # a portrait page is narrower
    left = _draw_blocks(fig, blocks, (MARGIN_IN, top, width, top - bottom), columns=columns)
    if len(left) == len(blocks):
        raise FootmapError(f"the page {title!r} has no room for its first paragraph")
    return left


def _remove_overflow_note(fig: Figure, overflow: bool) -> None:
    """On handout pages the overflow continues on the next page: say so instead."""
    for t in list(fig.texts):
        if t.get_gid() == OVERFLOW_GID:
            t.set_text("... continued on the next page" if overflow else "")


def _continuation(
    fig: Figure, chart: Chart, name: str, chosen: Sequence[Zone], blocks: list[_Block]
) -> list[_Block]:
    """A text-only page continuing a system's claims; returns what still did not fit.

    The claims use the whole width of the page, in three columns (two on a portrait page).
    """
    numbers = describe.citation_numbers(chart, chosen)
    fw, fh = fig.get_size_inches()
    width = fw - 2 * MARGIN_IN
    top = fh - MARGIN_IN
    top -= _draw_title(fig, f"{name} (continued)", 15, top, width, fh * TITLE_SHARE) + 0.2
    foot_h = _footer(fig, chart, chosen, numbers)
    bottom = MARGIN_IN * 0.8 + foot_h + 0.15
    return _draw_blocks(
        fig, blocks, (MARGIN_IN, top, width, top - bottom), columns=3 if fw > fh else 2
    )
