"""Real anatomy on a page: the body figure beside the feet, the anatomy layer, and their words.

What charts claim and what is really there stay apart on every page that shows both:

* the body figure (:func:`footmap.render.body.plot_body`) stands in a strip of its own beside
  the feet, its regions for the highlighted zones' body areas in vermilion, under a legend
  that tells "where charts put it (foot)" from "where it is (body)" and says that showing them
  side by side links nothing; the artwork's CC BY 4.0 attribution is a line on the page;
* the anatomy layer (:func:`footmap.render.anatomy.plot_anatomy_layer`) is drawn over the
  zones with its own legend, and the highlighted zones keep a dark outline over it;
* the claims column gains "Where it really is" (the body chart's anatomy claims) and, with a
  layer, "What is under this zone", each under its own heading after "What charts claim",
  citing anatomy sources numbered after the chart's own;
* the handout's page "What is really under the zones": the sole as charts draw it beside
  its nerve territories and its bones.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from matplotlib.legend import Legend
from matplotlib.patches import Patch, PathPatch
from matplotlib.text import Text

from footmap import style as palette
from footmap.chart.anatomy import anatomy_under, drawn_on
from footmap.chart.loader import load_anatomy, load_body
from footmap.chart.model import AnatomyChart, BodyChart, Chart, Source, Zone
from footmap.errors import FootmapError
from footmap.export.pagetext import (
    MARGIN_IN,
    TEXT_PT,
    _Block,
    _draw_blocks,
    _draw_title,
    _footer,
    _wrap,
)
from footmap.render import fasttext
from footmap.render.anatomy import LAYER_KINDS, AnatomyLayer, plot_anatomy_layer
from footmap.render.artists import HIGHLIGHT_EDGE, HIGHLIGHT_LW, MapArtists
from footmap.render.body import BODY_HIGHLIGHT_EDGE, BODY_HIGHLIGHT_FACE, BodyArtists, plot_body
from footmap.render.plot import plot_map
from footmap.text.anatomy import UNDER_HEADING, WHERE_HEADING, under_sources, under_text
from footmap.text.anatomy import where_claims as body_claims
from footmap.text.safe import display_text

__all__ = [
    "ATTRIBUTION_GID",
    "BODY_ENTRY",
    "BODY_LEGEND_GID",
    "FOOT_ENTRY",
    "LAYERS",
    "LAYER_ALPHA",
    "LINK_NOTE",
    "Anatomy",
    "blocks",
    "body_regions",
    "draw_attribution",
    "draw_body",
    "draw_layer",
    "footer_sources",
    "plan",
    "texts_of",
    "UNDER_PAGE_TITLE",
    "under_page",
    "under_page_sources",
]

#: The layers ``export(..., layer=)`` and ``footmap export --layer`` take.
LAYERS = ("nerves", "bones", "dermatomes")
#: The body legend's entries: what each figure shows.
FOOT_ENTRY = "Where charts put it (foot):\na claim of reflexology"
BODY_ENTRY = "Where it is (body):\nanatomy"
#: Under them: the two are compared, not linked.
LINK_NOTE = (
    "Shown side by side to compare:\nno link between a foot zone\nand an organ has been shown."
)
BODY_LEGEND_TITLE = "Foot and body, side by side"
BODY_LEGEND_GID = "footmap-body-legend"
ATTRIBUTION_GID = "footmap-body-attribution"
#: Text sizes of a body figure drawn small beside the feet (points).
#: Opacity of the layer's fills on a page (the zones show through them).
LAYER_ALPHA = 0.5
_HEAD_PT, _NOTE_PT, _LABEL_PT, _LEGEND_PT, _ATTRIB_PT = 7.0, 5.8, 6.2, 6.8, 5.5


@dataclass
class Anatomy:
    """What a page draws of real anatomy, and its words (built by :func:`plan`).

    Attributes
    ----------
    body : BodyChart or None
        Drawn beside the feet when given.
    layer : str or None
        ``"nerve"``, ``"bone"`` or ``"dermatome"``: drawn over the zones.
    anatomy : AnatomyChart or None
        The foot-anatomy chart the layer and "What is under this zone" come from.
    words : bool
        Whether the claims column gains the anatomy sections.
    """

    body: BodyChart | None = None
    layer: str | None = None
    anatomy: AnatomyChart | None = None
    words: bool = True
    numbers: dict[str, int] = field(default_factory=dict)  # anatomy source id -> number
    sources: list[Source] = field(default_factory=list)  # in citation order

    def __bool__(self) -> bool:
        return self.body is not None or self.layer is not None


def plan(chart: Chart, body: bool, layer: str | None, words: bool = True) -> Anatomy:
    """Check the options and load what they need; raises FootmapError for an unknown layer.

    The layer is drawn only on the chart whose outlines the foot-anatomy chart was drawn on
    (the bundled one, :func:`footmap.chart.drawn_on`).
    """
    kind = None
    if layer is not None:
        if layer not in LAYER_KINDS:
            raise FootmapError(f"unknown anatomy layer {layer!r}: use {', '.join(LAYERS)}")
        kind = LAYER_KINDS[layer]
    anatomy = load_anatomy() if kind is not None else None
    if anatomy is not None and not drawn_on(chart, anatomy):
        raise FootmapError(
            "the anatomy layer is drawn on the bundled chart's feet; this chart's outlines "
            "differ, so it cannot be laid over them"
        )
    return Anatomy(load_body() if body else None, kind, anatomy, words)


def _cite(ids: Sequence[str], numbers: dict[str, int]) -> str:
    ns = sorted({numbers[i] for i in ids if i in numbers})
    runs: list[list[int]] = []
    for n in ns:
        if runs and runs[-1][-1] == n - 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    parts = []
    for run in runs:
        parts += [f"{run[0]}\u2013{run[-1]}"] if len(run) >= 3 else [str(n) for n in run]
    return "[" + ", ".join(parts) + "]"


def blocks(plan_: Anatomy, chart: Chart, chosen: Sequence[Zone], first_number: int) -> list[_Block]:
    """The anatomy sections of a claims column, numbering their sources from ``first_number``.

    "Where it really is" (with a body figure): each body area of ``chosen`` once, with the
    body chart's anatomy claims. "What is under this zone" (with a layer): each highlighted
    zone with the nerve territories, bones and dermatomes under it. Fills ``plan_.numbers``
    and ``plan_.sources`` for the page's reference list.
    """
    plan_.numbers, plan_.sources = {}, []
    if not plan_.words or not chosen:
        return []

    def number(sources: Sequence[Source]) -> None:
        for s in sources:
            if s.id not in plan_.numbers:
                plan_.numbers[s.id] = first_number + len(plan_.numbers)
                plan_.sources.append(s)

    def item(text: str, last: bool) -> _Block:
        return _Block(text, TEXT_PT, indent_pt=8, space_after=0.55 if last else 0.1)

    out: list[_Block] = []
    if plan_.body is not None:
        body = plan_.body
        areas = list(dict.fromkeys(z.body_area for z in chosen))
        out.append(_Block(WHERE_HEADING, 9, "bold", space_after=0.3, keep_with_next=True))
        for k, area in enumerate(areas):
            claims = body_claims(body, area)
            if not claims:
                text = f"\u2013 {display_text(area)}: the body chart does not draw it."
            else:
                said = []
                for c in claims:
                    number([body.source(s) for s in c.sources])
                    said.append(f"{display_text(c.text)} {_cite(c.sources, plan_.numbers)}")
                text = f"\u2013 {display_text(area).capitalize()}: " + " ".join(said)
            out.append(item(text, k == len(areas) - 1))
    if plan_.anatomy is not None:
        anatomy = plan_.anatomy
        out.append(_Block(UNDER_HEADING, 9, "bold", space_after=0.3, keep_with_next=True))
        for k, z in enumerate(chosen):
            items = anatomy_under(chart, z.id, anatomy)
            head = f"{display_text(z.label)} ({z.foot} foot, {z.view})"
            if not items:
                text = f"\u2013 {head}: nothing in the foot-anatomy chart."
            else:
                sources = under_sources(items, anatomy)
                number(sources)
                cite = _cite([s.id for s in sources], plan_.numbers)
                text = f"\u2013 {head}: {display_text(under_text(items))} {cite}"
            out.append(item(text, k == len(chosen) - 1))
    return out


def footer_sources(
    plan_: Anatomy, cited: Sequence[Source], numbers: dict[str, int]
) -> tuple[list[Source], dict[str, int]]:
    """The page's references: the chart's ``cited`` then the anatomy sources, kept apart.

    The anatomy sources are given ids of their own (``anatomy:<id>``), so that one sharing an
    id with a chart source can never take its number.
    """
    sources, merged = list(cited), dict(numbers)
    for s in plan_.sources:
        key = f"anatomy:{s.id}"
        sources.append(replace(s, id=key))
        merged[key] = plan_.numbers[s.id]
    return sources, merged


# -- the body figure beside the feet ----------------------------------------------------------
def body_regions(body: BodyChart, zones: Sequence[Zone]) -> tuple[str, ...]:
    """Ids of the body regions drawing the body areas of ``zones`` (areas it lacks: none)."""
    ids = [
        r.id for area in dict.fromkeys(z.body_area for z in zones) for r in body.regions_for(area)
    ]
    return tuple(dict.fromkeys(ids))


def _renderer(fig: Figure):  # noqa: ANN202 - a matplotlib renderer, or None
    get = getattr(fig.canvas, "get_renderer", None)
    return get() if get is not None else None


def draw_body(
    fig: Figure,
    body: BodyChart,
    strip: tuple[float, float, float, float],
    zones: Sequence[Zone],
) -> BodyArtists:
    """Draw the body figure and its legend in ``strip`` (inches: x, y bottom, width, height).

    The legend stands at the top of the strip and the body, front and back, fills the rest.
    The body's texts are sized for a small figure; labels that would overlap another label or
    leave the strip are left out (the claims column names every area). The artwork's
    attribution is drawn by :func:`draw_attribution` as a line of the page, not under the
    figure.
    """
    x, y, w, h = strip
    fw, fh = fig.get_size_inches()
    chosen = [z for z in zones]
    legend = _body_legend(fig, chosen, (x, y + h))
    renderer = _renderer(fig)
    leg_h = 1.25  # inches, when it cannot be measured
    if renderer is not None:
        _narrow_legend(legend, w * fig.dpi, renderer)
        leg_h = legend.get_window_extent(renderer).height / fig.dpi
    top = y + h - leg_h - 0.08
    ax = fig.add_axes((x / fw, y / fh, w / fw, max(top - y, 0.5) / fh))
    ax.set_in_layout(False)
    ax.set_anchor("N")
    drawn = plot_body(body, ax=ax, highlight=body_regions(body, chosen))
    # Drawn small, the body takes the strip's width: the room plot_body keeps beside each
    # view for long labels goes to the figure (labels that no longer fit are left out).
    x0, x1 = drawn.ax.get_xlim()
    half = max(o.geometry.bounds[2] - o.geometry.bounds[0] for o in body.outlines) / 2
    first, last = min(d for d, _ in drawn.panels.values()), max(d for d, _ in drawn.panels.values())
    drawn.ax.set_xlim(max(x0, first - half - 30.0), min(x1, last + half + 30.0))
    for t in list(drawn.notes):
        gid = t.get_gid() or ""
        if gid == "body-attribution":
            t.remove()
            drawn.notes.remove(t)
        elif gid.startswith("body-note-"):
            head, _, rest = t.get_text().partition(":")
            t.set_text("\n".join([head + ":", *textwrap.wrap(rest.strip(), 17)]))
            t.set_fontsize(_NOTE_PT)
        else:
            t.set_fontsize(_HEAD_PT)
    for t in drawn.labels:
        t.set_fontsize(_LABEL_PT)
    _notes_in_strip(fig, drawn, y)
    _drop_crowded_labels(fig, drawn, strip)
    fig.footmap_body = drawn  # type: ignore[attr-defined]
    fig.footmap_attribution = body.attribution  # type: ignore[attr-defined]
    return drawn


def _notes_in_strip(fig: Figure, drawn: BodyArtists, bottom: float) -> None:
    """Shrink the body's Axes (top kept) until its notes, wrapped, end above ``bottom`` (in)."""
    renderer = _renderer(fig)
    notes = [t for t in drawn.notes if (t.get_gid() or "").startswith("body-note-")]
    if renderer is None or not notes:
        return
    fh = fig.get_size_inches()[1]
    for _ in range(4):
        low = min(t.get_window_extent(renderer).y0 for t in notes) / fig.dpi
        if low >= bottom - 0.005:
            return
        pos = drawn.ax.get_position(original=True)
        over = (bottom - low + 0.03) / fh
        if pos.height - over <= 0.05 / fh:
            return
        drawn.ax.set_position((pos.x0, pos.y0 + over, pos.width, pos.height - over))
        drawn.ax.apply_aspect()


def _narrow_legend(legend: Legend, width_px: float, renderer: Any) -> None:
    """Re-wrap ``legend``'s texts (title too) until it is no wider than ``width_px``.

    A narrow strip (a handout page's) would otherwise let the legend run into the claims.
    """
    texts = [*legend.get_texts(), legend.get_title()]
    words = [" ".join(t.get_text().replace(":\n", ": ").split()) for t in texts]
    for chars in range(30, 9, -2):
        if legend.get_window_extent(renderer).width <= width_px:
            return
        for t, text in zip(texts, words, strict=True):
            head, sep, rest = text.partition(": ")  # a line break after the colon stays
            lines = textwrap.wrap(head + ":", chars) + textwrap.wrap(rest, chars)
            t.set_text("\n".join(lines if sep else textwrap.wrap(text, chars)))


def _body_legend(fig: Figure, zones: Sequence[Zone], top_left: tuple[float, float]) -> Legend:
    """The legend that tells the foot's claim from the body's anatomy, at ``top_left`` (in)."""
    system = zones[0].system if zones else next(iter(palette.SYSTEM_COLORS))
    handles = [
        Patch(
            facecolor=palette.SYSTEM_COLORS[system],
            edgecolor=HIGHLIGHT_EDGE,
            linewidth=HIGHLIGHT_LW,
            label=FOOT_ENTRY,
        ),
        Patch(
            facecolor=BODY_HIGHLIGHT_FACE,
            edgecolor=BODY_HIGHLIGHT_EDGE,
            linewidth=1.2,
            label=BODY_ENTRY,
        ),
        Patch(facecolor="none", edgecolor="none", label=LINK_NOTE),
    ]
    fw, fh = fig.get_size_inches()
    leg = fig.legend(
        handles=handles,
        loc="upper left",
        bbox_to_anchor=(top_left[0] / fw, top_left[1] / fh),
        frameon=False,
        fontsize=_LEGEND_PT,
        title=BODY_LEGEND_TITLE,
        title_fontsize=_LEGEND_PT + 0.7,
        alignment="left",
        handlelength=1.6,
        handleheight=1.1,
        borderaxespad=0.0,
        borderpad=0.2,
        labelspacing=0.6,
    )
    leg.set_gid(BODY_LEGEND_GID)
    leg.get_title().set_fontweight("bold")
    leg.set_in_layout(False)
    fasttext.adopt_all([*leg.get_texts(), leg.get_title()])
    return leg


def _drop_crowded_labels(
    fig: Figure, drawn: BodyArtists, strip: tuple[float, float, float, float]
) -> None:
    """Remove body labels that overlap a kept one or leave ``strip`` (in order drawn)."""
    renderer = _renderer(fig)
    if renderer is None:
        return
    drawn.ax.apply_aspect()
    x, y, w, h = (v * fig.dpi for v in strip)
    views = {(o.get_gid() or "").removeprefix("body-outline-"): o for o in drawn.outlines}
    kept: list = []
    for t in list(drawn.labels):
        box = t.get_window_extent(renderer)
        outside = box.x0 < x - 1 or box.x1 > x + w + 1 or box.y0 < y - 1 or box.y1 > y + h + 1
        own = (t.get_gid() or "").removeprefix("body-label-").split(".")[0]
        others = [o.get_window_extent(renderer) for v, o in views.items() if v != own]
        if outside or any(box.overlaps(k) for k in [*kept, *others]):
            t.remove()
            drawn.labels.remove(t)
            continue
        kept.append(box)


def draw_attribution(fig: Figure, attribution: str, bottom: float) -> float:
    """The body artwork's attribution as a line across the page, from ``bottom`` (in) up.

    Returns its height in inches.
    """
    fw, _ = fig.get_size_inches()
    width = fw - 2 * MARGIN_IN
    block = _Block(attribution, _ATTRIB_PT, color="#4d4d4d")
    lines = block.lines(width * 72)
    t = fig.text(
        MARGIN_IN,
        bottom,
        "\n".join(lines),
        transform=fig.dpi_scale_trans,
        ha="left",
        va="bottom",
        fontsize=_ATTRIB_PT,
        color="#4d4d4d",
        linespacing=1.2,
        gid=ATTRIBUTION_GID,
        parse_math=False,
    )
    t.set_in_layout(False)
    fasttext.adopt(t)
    return len(lines) * _ATTRIB_PT * 1.2 / 72 + 0.04


# -- the anatomy layer ------------------------------------------------------------------------
def draw_layer(
    artists: MapArtists,
    anatomy: AnatomyChart,
    kind: str,
    legend_box: tuple[float, float, float, float] | None = None,
) -> AnatomyLayer:
    """The layer over the map, the highlighted zones outlined in dark over it.

    ``legend_box`` (figure inches: x, y bottom, width, height) is where its legend goes
    (:func:`footmap.render.anatomy.plot_anatomy_layer`).
    """
    layer = plot_anatomy_layer(artists, anatomy, kind, legend_box=legend_box)
    for p in layer.patches:  # fainter than the layer's own: the zones show through
        face = to_rgba(p.get_facecolor())
        if face[3] > 0:
            p.set_facecolor((*face[:3], LAYER_ALPHA))
    coll = artists.collection
    paths = coll.get_paths()
    for zid in artists.highlighted:
        patch = PathPatch(
            paths[artists.index[zid]],
            facecolor="none",
            edgecolor=HIGHLIGHT_EDGE,
            linewidth=HIGHLIGHT_LW,
            transform=coll.get_transform(),
            zorder=layer.patches[0].get_zorder() + 0.01 if layer.patches else coll.get_zorder(),
            gid=f"highlight-{zid}",
        )
        patch.set_in_layout(False)
        artists.ax.add_artist(patch)
    return layer


def texts_of(fig: Figure, gid: str) -> list[str]:
    """The visible texts of ``fig`` whose gid is ``gid`` (for tests and checks)."""
    return [t.get_text() for t in fig.findobj(Text) if t.get_gid() == gid and t.get_visible()]


# -- the handout's page: what is really under the zones ---------------------------------------
#: Title of the handout's anatomy page.
UNDER_PAGE_TITLE = "What is really under the zones"
#: The panels of that page: (heading, layer kind or None for the reflexology chart).
UNDER_PANELS = (
    ("What charts claim: the zones", None),
    ("What is there: the skin each nerve supplies", "nerve"),
    ("What is there: the bones", "bone"),
)


def under_page_sources(chart: Chart, anatomy: AnatomyChart, foot: str) -> list[Source]:
    """The anatomy sources of the structures the page draws (nerves and bones of one sole)."""
    ids: dict[str, None] = {}
    for _, kind in UNDER_PANELS:
        if kind is not None:
            for s in anatomy.structures_on(foot, "plantar", kind):
                ids.update(dict.fromkeys(s.source_ids))
    return [anatomy.source(i) for i in ids]


def under_page(
    fig: Figure,
    chart: Chart,
    anatomy: AnatomyChart,
    foot: str = "left",
    numbers: dict[str, int] | None = None,
    listed: str | None = None,
) -> None:
    """Draw the handout's page "What is really under the zones" into ``fig``.

    One sole three times, side by side: the zones as reflexology charts draw them, the skin
    each nerve supplies and the bones, each anatomy panel with its own legend; a paragraph
    on how to read it, citing the anatomy sources, which the footer lists after the sources
    of the caveats it always carries. ``numbers`` (chart source ids, and ``anatomy:<id>``
    for the anatomy sources) numbers them as a whole handout does; ``listed`` then says in
    the footer where the chart's sources are listed, and the footer lists only the
    anatomy's.
    """
    # The panels are placed by hand (fig.add_axes): no layout engine runs on this page.
    fig.set_layout_engine(None)
    fw, fh = fig.get_size_inches()
    width = fw - 2 * MARGIN_IN
    top = fh - MARGIN_IN
    top -= _draw_title(fig, UNDER_PAGE_TITLE, 15, top, width, fh * 0.15) + 0.1
    given = numbers
    numbers = {s.id: k for k, s in enumerate(chart.cited_sources(()), start=1)}
    plan_ = Anatomy(anatomy=anatomy, words=False)
    found = under_page_sources(chart, anatomy, foot)
    for s in found:
        plan_.numbers.setdefault(s.id, len(numbers) + len(plan_.numbers) + 1)
        plan_.sources.append(s)
    if given is not None:
        numbers = {k: given[k] for k in numbers}
        plan_.numbers = {s.id: given[f"anatomy:{s.id}"] for s in found}
    nerves = [i for s in anatomy.structures_on(foot, "plantar", "nerve") for i in s.source_ids]
    bones = [i for s in anatomy.structures_on(foot, "plantar", "bone") for i in s.source_ids]
    intro = (
        f"The {foot} sole three times, drawn as charts draw it (a footprint seen from above). "
        "Left: the zones reflexology charts assign to parts of the body. Middle: the skin "
        f"each nerve supplies {_cite(nerves, plan_.numbers)}. Right: the bones under the skin "
        f"{_cite(bones, plan_.numbers)}. A zone is pressed on this skin, over these bones. "
        "The anatomy is schematic: boundaries vary between people and between textbooks."
    )
    intro_block = _Block(intro, 8.5, color="#1a1a1a")
    intro_h = intro_block.height(width * 72) / 72
    _draw_blocks(fig, [intro_block], (MARGIN_IN, top, width, intro_h + 0.02))
    top -= intro_h + 0.15
    cited, cite_numbers = footer_sources(plan_, chart.cited_sources(()), numbers)
    if listed is not None:  # the document lists the chart's sources: only the anatomy's here
        cited = [s for s in cited if s.id.startswith("anatomy:")]
    foot_h = _footer(fig, chart, (), cite_numbers, cited, share=0.45, listed=listed)
    bottom = MARGIN_IN * 0.8 + foot_h + 0.2
    head_h = 0.3
    gap = 0.25
    portrait = fh > fw
    # the zones' panel holds the key and callouts; each anatomy panel its legend beside it
    # (on a portrait page, under it: the columns are too narrow for both side by side)
    shares = (0.36, 0.33, 0.31)
    widths = [(width - 2 * gap) * share for share in shares]
    heads = [heading for heading, _ in UNDER_PANELS]
    if portrait:  # the headings wrapped to their columns, all panels starting under them
        heads = [
            "\n".join(_wrap(h, w * 72, 9.5, "bold")) for h, w in zip(heads, widths, strict=True)
        ]
        head_h = max(h.count("\n") + 1 for h in heads) * 9.5 * 1.25 / 72 + 0.12
    x = MARGIN_IN
    under: list[tuple[Any, Legend, tuple[float, float, float, float]]] = []
    kinds = [kind for _, kind in UNDER_PANELS]
    for heading, kind, w in zip(heads, kinds, widths, strict=True):
        axes_w = w if kind is None or portrait else w * 0.42
        ax = fig.add_axes(
            (x / fw, bottom / fh, axes_w / fw, (top - head_h - bottom) / fh),
            label=f"under-{kind or 'zones'}",
        )
        ax.set_in_layout(False)
        t = fig.text(
            x,
            top,
            heading,
            transform=fig.dpi_scale_trans,
            ha="left",
            va="top",
            fontsize=9.5,
            fontweight="bold",
            color="#1a1a1a",
            gid=f"footmap-under-heading-{kind or 'zones'}",
        )
        t.set_in_layout(False)
        fasttext.adopt(t)
        artists = plot_map(
            chart,
            feet=foot,
            views="plantar",
            ax=ax,
            labels=kind is None,
            legend=False,
            title=False,
            disagreements=False,
        )
        if kind is not None:
            layer = draw_layer(artists, anatomy, kind)
            if layer.legend is not None and portrait:
                under.append((ax, layer.legend, (x, bottom, w, top - head_h - bottom)))
            elif layer.legend is not None:
                layer.legend.set_bbox_to_anchor((1.02, 0.0), transform=ax.transAxes)
        x += w + gap
    _legends_under(fig, under)


def _legends_under(
    fig: Figure, panels: Sequence[tuple[Any, Legend, tuple[float, float, float, float]]]
) -> None:
    """Stand each legend at the foot of its column, and its Axes above the tallest legend.

    Each panel is (Axes, its legend, its column: x, y, width, height in inches); a legend is
    re-wrapped no wider than its column; the soles are drawn alike, their tops aligned.
    """
    renderer = _renderer(fig)
    if renderer is None or not panels:
        return
    fw, fh = fig.get_size_inches()
    for _, legend, (x, y, w, _) in panels:
        legend.set_loc("lower left")
        legend.set_bbox_to_anchor((x / fw, y / fh), transform=fig.transFigure)
        _narrow_legend(legend, w * fig.dpi, renderer)
    leg_h = max(leg.get_window_extent(renderer).height for _, leg, _ in panels) / fig.dpi
    for ax, _, (x, y, w, h) in panels:
        ax.set_anchor("N")
        ax.set_position((x / fw, (y + leg_h + 0.15) / fh, w / fw, (h - leg_h - 0.15) / fh))
        ax.apply_aspect()
