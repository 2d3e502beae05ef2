"""The multi-page PDF handout: cover, the systems, "Charts disagree", real anatomy, sources.

Each system page shows the body figure beside the feet with that system's organs; "What is
really under the zones" draws the sole beside its nerve territories and bones; the last page,
"Sources", lists every source the handout cites, once, numbered as on every page.

Claims that do not fit a page continue on text-only pages; every page carries the caveats
and says where its sources are listed, and the file is written atomically.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from matplotlib.figure import Figure
from matplotlib.layout_engine import ConstrainedLayoutEngine

from footmap import __version__
from footmap.atomic import atomic_write, writable
from footmap.chart.anatomy import drawn_on
from footmap.chart.loader import load_anatomy, load_body
from footmap.chart.model import AnatomyChart, Chart, Source, Zone
from footmap.chart.query import HighlightSpec, resolve
from footmap.errors import FootmapError
from footmap.export.anatomy import (
    UNDER_PAGE_TITLE,
    Anatomy,
    body_regions,
    under_page,
    under_page_sources,
)
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
    evidence_lines,
)
from footmap.render.house import house_style
from footmap.render.layout import normalise_feet
from footmap.render.plot import plot_map
from footmap.text import describe
from footmap.vocab import SYSTEMS

__all__ = ["handout", "handout_sources", "system_pages"]


#: Systems that share a page with another in a handout by system: system -> (the system
#: whose page it joins, that page's title). They belong together in a lesson (the senses
#: with the nerves; the heart with the lungs, in the chest; the urinary and reproductive
#: organs), and the handout stays within twelve pages.
SYSTEM_PAIRS: dict[str, tuple[str, str]] = {
    "sensory": ("nervous", "Nervous system and senses (eyes, ears)"),
    "cardiovascular": ("respiratory", "Respiratory, heart and circulation"),
    "reproductive": ("urinary", "Urinary and reproductive"),
}


#: Systems with too many zones for one page: their pages by views, (views, title suffix).
SYSTEM_SPLITS: dict[str, tuple[tuple[tuple[str, ...], str], ...]] = {
    "musculoskeletal": (
        (("plantar", "dorsal"), "sole and top"),
        (("medial", "lateral"), "inner and outer sides"),
    ),
}


def system_pages(chart: Chart) -> list[tuple[str, HighlightSpec, tuple[str, ...] | None]]:
    """The pages of a handout by system: (title, highlight spec, views or None), in order.

    One page per body system of ``chart``, except that a system of :data:`SYSTEM_PAIRS`
    joins its partner's page when the chart has both, and a system of
    :data:`SYSTEM_SPLITS` takes a page for each group of views that holds its zones
    (``None``: the views that hold the page's zones).

    Examples
    --------
    >>> import footmap
    >>> [title for title, _, _ in system_pages(footmap.load())][:2]
    ['Nervous system and senses (eyes, ears)', 'Endocrine glands']
    """
    present = {z.system for z in chart.zones}
    pages: list[tuple[str, list[str]]] = []
    for sid, label in SYSTEMS.items():
        if sid not in present:
            continue
        partner, title = SYSTEM_PAIRS.get(sid, ("", ""))
        k = next((i for i, (_, ids) in enumerate(pages) if partner in ids), None)
        if k is None:
            pages.append((label, [sid]))
        else:
            pages[k] = (title, [*pages[k][1], sid])
    out: list[tuple[str, HighlightSpec, tuple[str, ...] | None]] = []
    for title, ids in pages:
        spec: HighlightSpec = ids[0] if len(ids) == 1 else ids
        views = {z.view for z in chart.zones if z.system in ids}
        split = SYSTEM_SPLITS.get(ids[0], ()) if len(ids) == 1 else ()
        groups = [(v, words) for v, words in split if views & set(v)]
        if len(groups) < 2:
            out.append((title, spec, None))
            continue
        for group, words in groups:
            have = tuple(v for v in chart.views if v in group and v in views)
            out.append((f"{title}: {words}", spec, have))
    return out


#: Stands, in the footer's note, for the page the sources start on until the pages are counted.
SOURCES_PAGE = "{sources page}"


#: The footer's note on every page of a handout but the list itself.
LISTED = (
    "Numbers in brackets cite the sources listed under \u201cSources\u201d from page "
    f"{SOURCES_PAGE} on; a number means the same source on every page."
)


#: The footer's note on the page "What is really under the zones", which lists the
#: anatomy's sources itself (kept apart from the claims' sources).
LISTED_ANATOMY = (
    "Numbers in brackets cite the sources listed under \u201cSources\u201d from page "
    f"{SOURCES_PAGE} on; those of the anatomy are listed here:"
)


#: Title of the handout's last page(s).
SOURCES_TITLE = "Sources"


def handout_sources(
    chart: Chart,
    pages: Sequence[Sequence[Zone]],
    anatomy: AnatomyChart | None = None,
    foot: str = "left",
) -> tuple[dict[str, int], list[Source]]:
    """One numbering of every source a handout cites, in order of first citation.

    The caveats' sources (the cover), then those of each page's zones (``pages``), of the
    disagreements and of the foot's real anatomy (``anatomy``: the page "What is really
    under the zones"; their ids are ``anatomy:<id>``, apart from the chart's). Returns the
    numbers (source id -> number) and the sources in that order.

    Examples
    --------
    >>> import footmap
    >>> chart = footmap.load()
    >>> numbers, sources = handout_sources(chart, [[chart.zone("left.plantar.kidney")]])
    >>> [numbers[s.id] for s in sources[:3]]
    [1, 2, 3]
    """
    found = list(chart.cited_sources(()))
    for zones in pages:
        found += chart.cited_sources(zones)
    if chart.disagreements:
        found += _disagreement_sources(chart)
    if anatomy is not None:
        real = under_page_sources(chart, anatomy, foot)
        found += [replace(s, id=f"anatomy:{s.id}") for s in real]
    order = list(dict.fromkeys(s.id for s in found))
    by_id = {s.id: s for s in found}
    sources = [by_id[i] for i in order]
    return {s.id: k for k, s in enumerate(sources, start=1)}, sources


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
            disagree = any(zone.disagreements for zone in d.zones)
            for k, zone in enumerate(d.zones):
                placed = [c for c in zone.charts if c.kind == "placement"] or list(zone.charts)
                text = f"{zone.label} ({_where(zone)}): "
                text += " ".join(f"{c.text} {cites(c.numbers)}" for c in placed[:1])
                if zone.disagreements:
                    topics = "; ".join(dict.fromkeys(c.topic for c in zone.disagreements))
                    text += f" Charts disagree: {topics}."
                last = k == len(d.zones) - 1 and not disagree
                blocks.append(_Block(text, TEXT_PT, space_after=0.5 if last else 0.2))
            if disagree:  # said once for the page
                text = (
                    f"Where charts disagree, the page \u201c{DISAGREE_PAGE_TITLE}\u201d says how."
                )
                blocks.append(_Block(text, TEXT_PT, space_after=0.5))
            continue
        lines = [(c.text, c.numbers, c.zones) for c in section.items]
        if section.key == "evidence":  # the caveat box at the page's foot states the caveat
            lines = evidence_lines(chart, section.items)
        for k, (said, nums, zs) in enumerate(lines):
            names = f" ({', '.join(zs)})" if zs else ""
            text = f"\u2013 {said} {cites(nums)}{names}"
            last = k == len(lines) - 1
            blocks.append(_Block(text, TEXT_PT, indent_pt=6, space_after=0.5 if last else 0.1))
    return blocks


#: The share of a landscape cover's width its text takes; the map of both soles (at least
#: 60 mm tall) and the legend of the systems take the rest.
COVER_TEXT_SHARE = 0.54

#: The least room (inches tall) under a portrait cover's second column of text in which the
#: soles are drawn.
COVER_PORTRAIT_MAP_IN = 2.6


def _cover(
    fig: Figure,
    chart: Chart,
    feet: Sequence[str],
    views: Sequence[str],
    numbers: dict[str, int],
) -> list[_Block]:
    """Draw the handout's cover; return the text that continues on the next page(s)."""
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
    foot_h = _footer(fig, chart, (), numbers, (), listed=LISTED)
    bottom = MARGIN_IN * 0.8 + foot_h + 0.15
    landscape = fw > fh
    text_w = width * (COVER_TEXT_SHARE if landscape else 1.0)
    columns = 2  # the cover's text in two columns: the cover stays one page
    blocks = [
        _Block("What this is", 9.5, "bold", space_after=0.2),
        _Block(chart.description, 8.5, space_after=0.6),
        _Block("How to read it", 9.5, "bold", space_after=0.2),
        _Block(
            "Each coloured area of a foot is a zone that reflexology charts assign to a part "
            "of the body; its colour is the body system (see the legend). Each following "
            "page highlights one body system (or two that belong together) and lists what "
            "is claimed for its zones, in our own words; numbers in brackets cite the "
            "sources, listed on the last page: a number means the same source on every "
            "page. Small zones are numbered; the key beside the feet names them.",
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
    rect = None
    if landscape:
        x = MARGIN_IN + text_w + 0.25
        rect = (x, bottom, fw - MARGIN_IN - x, top - bottom)
    elif not left:  # portrait: the soles under the text's second column, in the room it leaves
        renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
        mid = MARGIN_IN + width / 2
        boxes = [t.get_window_extent(renderer) for t in list(fig.texts)[before:]]
        text_bottom = min((b.y0 / fig.dpi for b in boxes if b.x0 / fig.dpi > mid), default=top)
        if text_bottom - 0.2 - bottom >= COVER_PORTRAIT_MAP_IN:
            rect = (mid + 0.1, bottom, fw - MARGIN_IN - mid - 0.1, text_bottom - 0.2 - bottom)
    if rect is not None:
        engine = fig.get_layout_engine()
        assert isinstance(engine, ConstrainedLayoutEngine)  # as _new_figure made it
        x, y, w, h = rect
        engine.set(rect=(x / fw, y / fh, w / fw, h / fh))
        ax = fig.add_subplot()
        fig.footmap_artists = plot_map(  # type: ignore[attr-defined]
            chart,
            feet=feet,
            views=("plantar",) if "plantar" in views else views[:1],
            ax=ax,
            title=False,
            labels=False,
            disagreements=bool(chart.disagreements),
            # portrait: the legend under the soles, which get the column's width
            legend_loc="right" if landscape else "below",
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
    (``by="system"``: :func:`system_pages`, two small systems that belong together share a
    page and the largest takes two) or per highlight spec (``by=[...]``), each with its zones
    highlighted, what is claimed for them with citation numbers and the caveat footer.
    Each zone is shown in short form (where charts place it, with its sources; what the
    articles and the evidence say, apart), so that a system fits one page; the cover says
    where the full texts are. When the chart documents disagreements between published
    charts, one page "Charts disagree" after the systems lists each (topic, variants with
    their sources, the zones concerned); on the bundled chart, "What is really under the
    zones" follows. The sources are numbered once for the whole handout
    (:func:`handout_sources`) and listed on its last page, "Sources"; each page's footer
    says so. The bundled chart's handout is 12 pages on A4 or letter, its brief one 6.

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
        pages = system_pages(chart)
    elif isinstance(by, str):
        raise FootmapError(f"by must be 'system' or a list of highlight specs, not {by!r}")
    else:
        pages = [(_describe_spec(chart, s), s, None) for s in by]
    specs = [(name, spec) for name, spec, _ in pages]
    for _, spec in specs:
        resolve(chart, spec)  # fail before writing anything
    all_views = chart.views if views is None else views
    page_views: list[tuple[str, ...]] = []
    for _, spec, split in pages:
        zones = resolve(chart, spec)
        if views is None and split is not None:
            page_views.append(split)
        elif views is None:
            have = tuple(v for v in chart.views if any(z.view == v for z in zones))
            page_views.append(have or chart.views)
        else:
            page_views.append(tuple([views] if isinstance(views, str) else views))

    feet_t = normalise_feet(chart, feet)
    anatomy = load_anatomy()
    under_foot = "left" if "left" in chart.feet else chart.feet[0]
    under = drawn_on(chart, anatomy) and "plantar" in chart.views
    # One numbering for the whole handout: a number cites the same source on every page,
    # and the last page, "Sources", lists each once.
    shown = [] if brief else [
        [z for z in resolve(chart, spec) if z.foot in feet_t and z.view in pviews]
        for (_, spec), pviews in zip(specs, page_views, strict=True)
    ]  # fmt: skip
    numbers, sources = handout_sources(chart, shown, anatomy if under else None, under_foot)

    figures: list[Figure] = []
    cover = _new_figure(size, orientation)
    rest = _cover(cover, chart, feet_t, tuple(all_views), numbers)
    figures.append(_released(cover))
    while rest:
        more = _new_figure(size, orientation)
        rest = _continuation(more, chart, "About this handout", (), rest, numbers)
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
                numbers=numbers,
                listed=LISTED,
            )
            figures.append(_released(fig))
    else:
        body = load_body()
        wide_page = orientation == "landscape"
        for (name, spec), pviews in zip(specs, page_views, strict=True):
            # the body figure beside the feet, with this page's organs (where the body has them)
            organs = body_regions(body, resolve(chart, spec))
            beside = Anatomy(body, words=False) if organs else None
            # the largest text that fits the page; with three views or more, the map keeps
            # its width unless the text cannot fit beside it even at 72 %
            passes: list[tuple[tuple[float, ...], float | None]] = [
                (scales, MAP_SHARE_MANY if len(pviews) > 2 and wide_page else None)
                for scales in (CLAIM_SCALES if len(pviews) <= 2 else CLAIM_SCALES[-1:])
            ]
            if not wide_page:  # portrait: the claims may take more of the height, before
                # they continue on a page of their own
                passes += [(CLAIM_SCALES[-1], share) for share in PORTRAIT_MAP_SHARES]
            for scales, share in passes:
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
                    scales=scales,
                    wide=0.42 if len(pviews) <= 2 else WIDE_MANY,
                    anatomy=beside,
                    numbers=numbers,
                    listed=LISTED,
                    # three views or more: the map keeps more of the width (soles >= 25 mm)
                    map_share=share,
                )
                if not leftover or (scales, share) == passes[-1]:
                    break
                _discard(fig)
            _remove_overflow_note(fig, bool(leftover))
            figures.append(_released(fig))
            while leftover:
                more = _new_figure(size, orientation)
                leftover = _continuation(more, chart, name, (), leftover, numbers)
                figures.append(_released(more))
    # The disagreements come after the systems: a reader meets the zones first.
    figures += map(_released, _disagreement_pages(chart, size, orientation, numbers))
    # Then what is really under the zones, on the chart the foot's anatomy is drawn on.
    if under:
        fig = _new_figure(size, orientation)
        under_page(fig, chart, anatomy, under_foot, numbers, LISTED_ANATOMY)
        check_caveat(fig, chart)
        figures.append(_released(fig))
    # Last, every source the handout cites, once.
    figures += map(_released, _sources_pages(chart, size, orientation, numbers, sources))
    total = len(figures)
    first_source_page = total - sum(1 for f in figures if getattr(f, "footmap_sources", False))
    for k, fig in enumerate(figures, start=1):
        for t in fig.texts:  # the footer's note names the page the sources start on
            if SOURCES_PAGE in t.get_text():
                t.set_text(t.get_text().replace(SOURCES_PAGE, str(first_source_page + 1)))
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


#: The text sizes a system page's claims are tried at (relative to the claims' own), in a
#: column beside the map and then in two: first the larger ones (on a page of one or two
#: views the map gives up some width before the text shrinks below 90 %), then down to 72 %.
CLAIM_SCALES = ((1.0, 0.9), (1.0, 0.9, 0.8, 0.72))


#: The least share of a landscape page's width the map keeps on a system page of three views
#: or more (two rows of views beside the key and the body figure).
MAP_SHARE_MANY = 0.72


#: The most of the width (a share) two columns of claims take on such a page (else 0.42).
WIDE_MANY = 0.38

#: The shares of a portrait page's body height the map keeps on a system page, tried in turn
#: when the claims do not fit under it at the default share, before they continue on a page
#: of their own (on the bundled chart, "Muscles, bones and joints: sole and top" then draws
#: its soles 34 mm tall on A4, 37 on letter, and the handout stays 12 pages).
PORTRAIT_MAP_SHARES = (0.58, 0.55)


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


def _disagreement_pages(
    chart: Chart, size: str, orientation: str, numbers: dict[str, int]
) -> list[Figure]:
    """The handout's "Charts disagree" page: one page, or none when the chart has none.

    The disagreements are fitted to one page (shorter form, smaller text, more columns);
    only a chart with far more of them than the bundled one continues on another page.
    ``numbers`` are the handout's, whose last page lists the sources.
    """
    if not chart.disagreements:
        return []
    sources = _disagreement_sources(chart)
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


#: The sizes (points) and columns the handout's list of sources is tried at, in turn: never
#: smaller than 6.5 pt; a list longer than one page then continues on the next.
SOURCES_PLANS = ((7.5, 4), (7.0, 4), (7.0, 5), (6.5, 5), (6.5, 6))

#: Line height of the list of sources (a multiple of the size; denser than running text).
SOURCES_LEADING = 1.15


def _sources_pages(
    chart: Chart,
    size: str,
    orientation: str,
    numbers: dict[str, int],
    sources: Sequence[Source],
) -> list[Figure]:
    """The handout's last page(s), "Sources": every source it cites, once, by number.

    The sources of the foot's anatomy (``anatomy:<id>``) are listed on the page that draws
    it, "What is really under the zones"; the list ends with their numbers and that page.
    """
    chart_sources = [s for s in sources if not s.id.startswith("anatomy:")]
    refs = describe.reference_list(chart_sources, numbers)
    real = sorted(numbers[s.id] for s in sources if s.id.startswith("anatomy:"))
    if real:
        span = f"[{real[0]}]\u2013[{real[-1]}]" if len(real) > 1 else f"[{real[0]}]"
        refs.append(
            f"{span} The sources of the foot's real anatomy: listed on the page "
            f"\u201c{UNDER_PAGE_TITLE}\u201d."
        )
    intro = "Every number in brackets in this handout cites the source with that number here."
    note = (
        "What the pages say is in our own words, each statement attributed to the sources "
        "that make it; a source is cited for what it says, not endorsed."
    )
    for pt, columns in SOURCES_PLANS:
        blocks = [
            _Block(r, pt, space_after=0.05, color="#1a1a1a", leading=SOURCES_LEADING) for r in refs
        ]
        fig = _new_figure(size, orientation)
        left = _sources_page(fig, chart, SOURCES_TITLE, blocks, columns, note, intro)
        if not left:
            fig.footmap_sources = True  # type: ignore[attr-defined]
            return [fig]
        _discard(fig)
    pages: list[Figure] = []
    rest = [
        _Block(r, SOURCES_PLANS[-1][0], space_after=0.05, leading=SOURCES_LEADING) for r in refs
    ]
    while rest:
        fig = _new_figure(size, orientation)
        title = SOURCES_TITLE + (" (continued)" if pages else "")
        rest = _sources_page(fig, chart, title, rest, SOURCES_PLANS[-1][1], note, intro)
        fig.footmap_sources = True  # type: ignore[attr-defined]
        pages.append(fig)
    return pages


def _sources_page(
    fig: Figure,
    chart: Chart,
    title: str,
    blocks: list[_Block],
    columns: int,
    note: str,
    intro: str,
) -> list[_Block]:
    """A page of the list of sources, under ``intro``; returns the blocks that did not fit."""
    fw, fh = fig.get_size_inches()
    width = fw - 2 * MARGIN_IN
    top = fh - MARGIN_IN
    top -= _draw_title(fig, title, 15, top, width, fh * TITLE_SHARE) + 0.1
    head = _Block(intro, 8.5, color="#444444")
    _draw_blocks(fig, [head], (MARGIN_IN, top, width, 1.0))
    top -= head.height(width * 72) / 72 + 0.15
    foot_h = _footer(fig, chart, (), {}, (), listed=note)
    bottom = MARGIN_IN * 0.8 + foot_h + 0.15
    if fh > fw:
        columns = max(columns - 1, 2)  # a portrait page is narrower
    return _draw_blocks(fig, blocks, (MARGIN_IN, top, width, top - bottom), columns=columns)


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

    The footer takes at most ``share`` of the page (less: smaller print, more columns); in a
    handout it says where the sources are listed.
    """
    fw, fh = fig.get_size_inches()
    width = fw - 2 * MARGIN_IN
    top = fh - MARGIN_IN
    top -= _draw_title(fig, title, 15, top, width, fh * TITLE_SHARE) + 0.2
    # no map shares this page: the footer may take up to half of it
    foot_h = _footer(fig, chart, (), numbers, (), share=share, listed=LISTED)
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
    fig: Figure,
    chart: Chart,
    name: str,
    chosen: Sequence[Zone],
    blocks: list[_Block],
    numbers: dict[str, int] | None = None,
) -> list[_Block]:
    """A text-only page continuing a system's claims; returns what still did not fit.

    The claims use the whole width of the page, in three columns (two on a portrait page).
    The footer lists the sources of ``chosen``; with ``numbers`` (a handout's, which lists
    its sources on its last page), it says where they are listed instead.
    """
    fw, fh = fig.get_size_inches()
    width = fw - 2 * MARGIN_IN
    top = fh - MARGIN_IN
    top -= _draw_title(fig, f"{name} (continued)", 15, top, width, fh * TITLE_SHARE) + 0.2
    if numbers is None:
        foot_h = _footer(fig, chart, chosen, describe.citation_numbers(chart, chosen))
    else:
        foot_h = _footer(fig, chart, (), numbers, (), listed=LISTED)
    bottom = MARGIN_IN * 0.8 + foot_h + 0.15
    return _draw_blocks(
        fig, blocks, (MARGIN_IN, top, width, top - bottom), columns=3 if fw > fh else 2
    )
