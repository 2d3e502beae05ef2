"""One annotated page: title, the claims of the highlighted zones beside or below the map, footer.

:func:`_compose` draws a page into a figure: the claims column (what charts claim, where they
disagree, what the evidence says) takes the smallest room that holds it, the map keeps the
rest, and claims that do not fit are returned (with a note on the page) to continue elsewhere.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

import matplotlib.pyplot as plt
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.layout_engine import ConstrainedLayoutEngine

from footmap.chart.model import Chart, Zone
from footmap.chart.query import HighlightSpec, resolve
from footmap.errors import FootmapError
from footmap.export import anatomy as real
from footmap.export.anatomy import Anatomy
from footmap.export.pagetext import (
    LINE,
    MARGIN_IN,
    OVERFLOW_GID,
    TEXT_PT,
    TITLE_SHARE,
    _Block,
    _blocks_height,
    _column_width,
    _draw_blocks,
    _draw_subtitle,
    _draw_title,
    _fits_columns,
    _footer,
    _wrap,
    check_caveat,
    evidence_lines,
    page_size,
)
from footmap.render import fasttext
from footmap.render.anatomy import legend_size as layer_legend_size
from footmap.render.artists import MapArtists
from footmap.render.layout import normalise_feet, normalise_views
from footmap.render.plot import ColorBy, plot_map
from footmap.text import describe
from footmap.text.safe import display_text

#: Builds a page's claim blocks from the chart, the zones and their citation numbers.
BlocksOf = Callable[[Chart, Sequence[Zone], dict[str, int]], list[_Block]]


#: Share of the page's width (landscape) or body height (portrait) the map always keeps.
MAP_SHARE = 0.6


MAP_SHARE_MULTI = 0.68


#: Share of the map's room the body figure takes beside the feet (with the system legend
#: moved under the feet), and on pages without a system legend (the handout's).
BODY_SHARE = 0.3
BODY_SHARE_SMALL = 0.2


#: Most of the page's height the footer takes beside the body figure (the
#: least that holds it; failing all, the usual FOOTER_SHARE).
BODY_FOOTER_SHARES = (0.25, 0.29, 0.33)


#: The least width (inches) of the body's strip, up to BODY_SHARE of the map's room: its front
#: and back views' notes side by side.
BODY_MIN_IN = 1.45


#: Room (inches) kept at the foot of the claims for the note on what did not fit: two lines.
NOTE_H = TEXT_PT * LINE * 2.4 / 72


def _zone_blocks(
    chart: Chart,
    zones: Sequence[Zone],
    numbers: dict[str, int],
    after_charts: Sequence[_Block] = (),
) -> list[_Block]:
    """The description of ``zones`` (:func:`footmap.text.describe.describe_selection`) as blocks.

    Its sections in order, each under its heading. What charts claim: one paragraph per
    distinct zone (same label, area and claims on several panels), its heading citing only
    placement sources, then its claims and, where the chart documents one, a line per
    disagreement with each variant and its sources (spelled out once a page). Every other
    section: each statement once, naming its zones; the evidence ends with the caveat.
    ``after_charts`` (real anatomy, :mod:`footmap.export.anatomy`) follows what charts claim,
    under headings of its own.
    """
    d = describe.describe_selection(chart, zones, numbers)

    def cites(numbers: Sequence[int]) -> str:
        return "[" + ", ".join(map(str, numbers)) + "]"

    def item(text: str, last: bool) -> _Block:
        return _Block(text, TEXT_PT, indent_pt=8, space_after=0.55 if last else 0.1)

    blocks = []
    shown: set[str] = set()  # disagreements already spelled out on this page
    for section in d.sections:
        if section.key == "disagreements":
            continue  # said in the paragraph of each zone they concern
        blocks.append(_Block(section.heading, 9, "bold", space_after=0.3, keep_with_next=True))
        if section.key != "charts":
            lines = [(c.text, c.numbers, c.zones) for c in section.items]
            if section.key == "evidence":  # the caveat box under the page states the caveat
                lines = evidence_lines(chart, section.items)
            for k, (line, nums, zs) in enumerate(lines):
                names = f" ({display_text(', '.join(zs))})" if zs else ""
                text = f"\u2013 {display_text(line)} {cites(nums)}{names}"
                blocks.append(item(text, k == len(lines) - 1))
            continue
        for zone in d.zones:
            # The heading and each claim are built separately (not by splitting one text on
            # line breaks), so a line break inside chart text cannot turn into a fake claim.
            head = display_text(describe.heading_text(zone))
            if zone.also:
                head += "; also " + ", ".join(zone.also)
            blocks.append(_Block(head, TEXT_PT, "bold", space_after=0.15, keep_with_next=True))
            body = [f"\u2013 {display_text(c.text)} {cites(c.numbers)}" for c in zone.charts]
            disagree = describe.heading("disagreements")
            for c in zone.disagreements:
                topic = display_text(c.topic)
                if c.key in shown:
                    body.append(f"{disagree} ({topic}): see above")
                    continue
                shown.add(c.key)
                said = [f"{display_text(v.text)} {cites(v.numbers)}" for v in c.variants]
                variants = "; ".join(said)
                body.append(f"{disagree} ({topic}): {variants}")
            blocks += [item(text, i == len(body) - 1) for i, text in enumerate(body)]
        blocks += [replace(b) for b in after_charts]  # copies: the layout scales their sizes
    return blocks


def _claims_blocks(
    chart: Chart,
    chosen: Sequence[Zone],
    numbers: dict[str, int],
    after_charts: Sequence[_Block] = (),
) -> list[_Block]:
    return _zone_blocks(chart, chosen, numbers, after_charts)


def _claims_layout(
    chart: Chart,
    chosen: Sequence[Zone],
    numbers: dict[str, int],
    landscape: bool,
    width: float,
    top: float,
    bottom: float,
    views: str | Sequence[str] | None = ("plantar",),
    blocks_of: BlocksOf | None = None,
    scales: Sequence[float] = (1.0, 0.9),
    wide: float = 0.0,
    after_charts: Sequence[_Block] = (),
    map_share: float | None = None,
) -> tuple[list[_Block], tuple[float, float, float, float], tuple[float, ...], int]:
    """Where the claims go: the smallest box (and text size) that holds them all.

    Tries a narrow column first, then a wider one, then two columns and a slightly smaller
    text, so that a page continues onto another only when the claims fill the most room
    the map can spare. ``blocks_of`` builds the blocks (default: :func:`_claims_blocks`),
    ``scales`` are the text sizes tried (relative to the claims' own); ``wide`` (a share of
    the width) allows two columns that wide on a landscape page before giving up;
    ``map_share`` overrides the share the map keeps (:data:`MAP_SHARE`). Returns
    the blocks, their box (x, y top, width, height; inches), the map's rectangle (x, y,
    width, height) and the number of text columns.
    """
    body_h = top - bottom
    note_h = NOTE_H
    # The map keeps at least MAP_SHARE of the page's width (landscape) or of the body's
    # height (portrait) whatever is highlighted: claims that do not fit continue elsewhere.
    # With several views the map holds a grid of panels and needs more of the page still.
    share = MAP_SHARE if len(normalise_views(chart, views)) == 1 else MAP_SHARE_MULTI
    share = share if map_share is None else map_share
    if landscape:
        # The column never widens into the map: claims that do not fit continue on the
        # next page (PDF) or are named in the note at its foot.
        col = min(3.3, width * 0.32, width * (1 - share))
        tries = [(col, 1, scale) for scale in scales]
        if wide:  # then two columns, the map keeping 1 - wide of the width
            tries += [(width * wide, 2, scale) for scale in scales]
    else:
        tries = [(min(0.36, 1 - share), 2, scales[0])]
        tries += [(1 - share, 2, scale) for scale in scales[1:]]
    for k, (a, columns, scale) in enumerate(tries):
        blocks = (
            blocks_of(chart, chosen, numbers)
            if blocks_of is not None
            else _claims_blocks(chart, chosen, numbers, after_charts)
        )
        for b in blocks:
            b.size *= scale
        if landscape:
            col_w = a
            box = (MARGIN_IN + width - col_w, top, col_w, body_h)
            map_rect: tuple[float, ...] = (MARGIN_IN, bottom, width - col_w - 0.2, body_h)
        else:
            need = _blocks_height(blocks, (width - 0.25) / 2) / 2 + 0.3 + note_h
            text_h = min(max(need, 1.0), body_h * a)
            box = (MARGIN_IN, bottom + text_h, width, text_h)
            map_rect = (MARGIN_IN, bottom + text_h + 0.15, width, body_h - text_h - 0.15)
        inner = (box[0], box[1], box[2], box[3] - note_h)
        if k == len(tries) - 1 or _fits_columns(
            blocks, _column_width(inner[2], columns), inner[3], columns
        ):
            return blocks, box, map_rect, columns
    raise AssertionError("unreachable")  # pragma: no cover


def _overflow_note(leftover: Sequence[_Block]) -> str:
    """What did not fit: the zones left out, or the rest of one zone's claims."""
    sections = {heading for _, heading in describe.SECTIONS}
    n = sum(1 for b in leftover if b.keep_with_next and b.text not in sections)
    rest = "" if not leftover or leftover[0].keep_with_next else "the rest of a zone's claims"
    parts = [rest] if rest else []
    if n:
        parts.append(f"{n} more zone{'s' if n > 1 else ''}")
    return f"... {' and '.join(parts)} not shown here; `footmap handout` lists every claim."


def _compose(
    fig: Figure,
    chart: Chart,
    *,
    feet: str | Sequence[str],
    views: str | Sequence[str] | None,
    highlight: HighlightSpec,
    color_by: ColorBy,
    labels: bool,
    hatch: bool,
    title: str | None,
    subtitle: str | None = None,
    claims: bool = True,
    legend: bool = True,
    disagreements: bool | None = None,
    blocks_of: BlocksOf | None = None,
    scales: Sequence[float] = (1.0, 0.9),
    wide: float = 0.0,
    anatomy: Anatomy | None = None,
    numbers: dict[str, int] | None = None,
    listed: str | None = None,
    map_share: float | None = None,
) -> tuple[MapArtists, list[_Block]]:
    """Draw one annotated page into ``fig``; return the map and any claims that did not fit.

    ``anatomy`` (:func:`footmap.export.anatomy.plan`) adds real anatomy: the body figure in a
    strip beside the feet, the anatomy layer over them, and their sections in the claims.
    ``numbers`` (source id -> citation number) numbers the sources as a whole document does
    (a handout), and ``listed`` then says in the footer where they are listed, in place of
    the page's own reference list. ``map_share`` is the least share of the page the map
    keeps (default :data:`MAP_SHARE`, or :data:`MAP_SHARE_MULTI` with several views).
    """
    anatomy = anatomy if anatomy is not None else Anatomy()
    feet_t = normalise_feet(chart, feet)
    views_t = normalise_views(chart, views)
    # Only zones on the drawn panels are described: a page never names a foot or a view
    # it does not show.
    chosen = tuple(z for z in resolve(chart, highlight) if z.foot in feet_t and z.view in views_t)
    numbers = describe.citation_numbers(chart, chosen) if numbers is None else numbers
    fw, fh = fig.get_size_inches()
    width = fw - 2 * MARGIN_IN
    landscape = fw > fh

    # Header.
    head = title or chart.title
    if subtitle is None and chosen:
        names = list(dict.fromkeys(z.label for z in chosen))
        subtitle = "Highlighted: " + ", ".join(names[:12]) + (" ..." if len(names) > 12 else "")
    top = fh - MARGIN_IN
    top -= _draw_title(fig, head, 15, top, width, fh * TITLE_SHARE) + 0.04
    if subtitle:
        top -= _draw_subtitle(fig, subtitle, top, width, fh * 0.08)
    top -= 0.1

    # Real anatomy's words: numbered after the chart's sources, listed after them.
    first = max(numbers.values(), default=0) + 1
    after_charts = real.blocks(anatomy, chart, chosen, first) if claims else []
    cited, cite_numbers = real.footer_sources(anatomy, chart.cited_sources(chosen), numbers)

    # Footer. Beside the body figure the feet get small: a denser source
    # list there (smaller print, more columns) leaves them the height, when it fits.
    refs = cited if listed is None else ()
    foot_h = None
    for share in BODY_FOOTER_SHARES if anatomy.body is not None else ():
        try:
            foot_h = _footer(fig, chart, chosen, cite_numbers, refs, share=share, listed=listed)
            break
        except FootmapError:
            continue  # nothing drawn: a little more of the page
    if foot_h is None:
        foot_h = _footer(fig, chart, chosen, cite_numbers, refs, listed=listed)
    body_bottom = MARGIN_IN * 0.8 + foot_h + 0.15
    if anatomy.body is not None and anatomy.body.attribution:
        # the body artwork's licence asks for its attribution wherever it is drawn
        body_bottom += real.draw_attribution(fig, anatomy.body.attribution, body_bottom - 0.1)
    body_h = top - body_bottom

    # Claims of the highlighted zones: a column beside the map (landscape) or below it.
    leftover: list[_Block] = []
    map_rect: tuple[float, ...] = (MARGIN_IN, body_bottom, width, body_h)
    if chosen and claims:
        blocks, box, map_rect, columns = _claims_layout(
            chart,
            chosen,
            numbers,
            landscape,
            width,
            top,
            body_bottom,
            views,
            blocks_of,
            scales,
            wide,
            after_charts,
            map_share,
        )
        # Keep the last lines of the box free for a note on what did not fit.
        leftover = _draw_blocks(
            fig, blocks, (box[0], box[1], box[2], box[3] - NOTE_H), columns=columns
        )
        if leftover:
            note = "\n".join(_wrap(_overflow_note(leftover), box[2] * 72, TEXT_PT)[:2])
            fasttext.adopt(
                fig.text(
                    box[0],
                    box[1] - box[3],
                    note,
                    transform=fig.dpi_scale_trans,
                    fontsize=TEXT_PT,
                    style="italic",
                    color="#555555",
                    va="bottom",
                    gid=OVERFLOW_GID,
                    parse_math=False,
                )
            ).set_in_layout(False)

    strip = None
    if anatomy.body is not None:
        # The body stands in a strip of its own at the right of the map's room; the feet
        # keep the rest (and the most of it: BODY_SHARE).
        x, y, w, h = map_rect
        share = BODY_SHARE if legend else BODY_SHARE_SMALL
        room = max(w * share, min(BODY_MIN_IN, w * BODY_SHARE))  # the body's notes side by side
        strip = (x + w - room + 0.1, y, room - 0.1, h)
        map_rect = (x, y, w - room, h)
    legend_below = not (landscape and strip is None)
    layer_box = None
    if anatomy.anatomy is not None and anatomy.layer is not None and legend_below:
        # Under the map the system legend takes the feet's width: the layer's legend gets
        # room of its own, a column at the right of one view's feet (they are taller than
        # wide) or a band under the map, in rows, for several views (they fill the width).
        x, y, w, h = map_rect
        panels = [(f, v) for v in views_t for f in feet_t]
        if len(views_t) == 1 and strip is None:
            lw, _ = layer_legend_size(fig, anatomy.anatomy, anatomy.layer, panels, 0.0)
            layer_box = (x + w - lw, y, lw, h)
            map_rect = (x, y, w - lw - 0.1, h)
        else:
            _, band = layer_legend_size(fig, anatomy.anatomy, anatomy.layer, panels, w)
            layer_box = (x, y, w, band)
            map_rect = (x, y + band + 0.1, w, h - band - 0.1)
    engine = fig.get_layout_engine()
    assert isinstance(engine, ConstrainedLayoutEngine)  # as _new_figure made it
    w_fig, h_fig = fw, fh
    engine.set(
        rect=(
            map_rect[0] / w_fig,
            map_rect[1] / h_fig,
            map_rect[2] / w_fig,
            map_rect[3] / h_fig,
        )
    )
    ax = fig.add_subplot()
    artists = plot_map(
        chart,
        feet=feet,
        views=views,
        ax=ax,
        color_by=color_by,
        # A page about some zones labels those; the full chart is labelled without a highlight.
        labels="highlighted" if labels and chosen else labels,
        highlight=chosen,
        hatch=hatch,
        legend=legend,
        title=True,
        # Feet are taller than wide: on a landscape page the legend fits beside them and
        # the map gets the page's height (unless the body figure takes that side).
        legend_loc="below" if legend_below else "right",
        disagreements=bool(chart.disagreements) if disagreements is None else disagreements,
    )
    fig.footmap_artists = artists  # type: ignore[attr-defined]
    fig.footmap_title = head  # type: ignore[attr-defined]
    if anatomy.anatomy is not None and anatomy.layer is not None:
        fig.footmap_layer = real.draw_layer(  # type: ignore[attr-defined]
            artists, anatomy.anatomy, anatomy.layer, legend_box=layer_box
        )
    if strip is not None and anatomy.body is not None:
        real.draw_body(fig, anatomy.body, strip, chosen)
    check_caveat(fig, chart)
    return artists, leftover


def _new_figure(size: str, orientation: str, *, pyplot: bool = False) -> Figure:
    figsize = page_size(size, orientation)
    if pyplot:
        return plt.figure(figsize=figsize, layout="constrained")
    fig = Figure(figsize=figsize, layout="constrained")
    # An Agg canvas keeps one renderer for the layout and the PNG draw (the base canvas
    # would make a throwaway one each time the layout measures text).
    FigureCanvasAgg(fig)
    return fig
