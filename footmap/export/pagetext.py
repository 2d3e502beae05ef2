"""Page geometry and text: sizes, wrapped text blocks in columns, titles, the footer.

Text is laid out in :class:`_Block` paragraphs wrapped the same at every dpi and flowed into
columns. Every page's footer holds the caveats and the numbered sources (shrunk to fit, never
dropped), and :func:`check_caveat` refuses a page that does not show the caveats.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from matplotlib.figure import Figure
from matplotlib.patches import FancyBboxPatch
from matplotlib.text import Text

from footmap.chart.model import Chart, Source, Zone
from footmap.errors import FootmapError
from footmap.render import fasttext
from footmap.render.layout import text_size
from footmap.text import caveat, describe
from footmap.text.safe import display_text

__all__ = [
    "LINE",
    "MARGIN_IN",
    "OVERFLOW_GID",
    "SIZES",
    "TEXT_PT",
    "TITLE_SHARE",
    "Paragraph",
    "check_caveat",
    "draw_footer",
    "evidence_lines",
    "draw_paragraphs",
    "draw_title",
    "page_size",
]


#: Page sizes in inches, portrait (width, height). ``screen`` is a 16:10 display.
SIZES: dict[str, tuple[float, float]] = {
    "a4": (8.27, 11.69),
    "letter": (8.5, 11.0),
    "screen": (8.0, 12.8),
}


MARGIN_IN = 0.4  #: page margin


TEXT_PT = 7.5  #: claims text size


REF_PT = 6.3  #: reference list size


CAVEAT_PT = 8.5  #: caveat footer size


LISTED_PT = 7.0  #: size of the footer's note on where a document lists its sources


LINE = 1.28  #: line height as a multiple of the font size


CAVEAT_GID = "footmap-caveat"


OVERFLOW_GID = "footmap-overflow"


#: Wrapping measures outline metrics, which do not depend on the dpi; hinted glyphs drawn
#: at a low dpi (100-120) come out up to about 7.5 % wider, so lines are wrapped to the
#: column width divided by this factor and never run into the next column at any dpi.
WRAP_SLACK = 1.08


def page_size(size: str = "a4", orientation: str = "landscape") -> tuple[float, float]:
    """Figure size in inches for a paper or screen size.

    Parameters
    ----------
    size : {"a4", "letter", "screen"}
    orientation : {"landscape", "portrait"}

    Returns
    -------
    tuple of float
        ``(width, height)`` in inches.

    Examples
    --------
    >>> page_size("a4", "landscape")
    (11.69, 8.27)
    """
    try:
        w, h = SIZES[size.lower()]
    except (KeyError, AttributeError):  # AttributeError: not a str (None)
        raise FootmapError(f"unknown size {size!r}: use one of {', '.join(SIZES)}") from None
    if orientation not in ("landscape", "portrait"):
        raise FootmapError(f"unknown orientation {orientation!r}: use landscape or portrait")
    return (h, w) if orientation == "landscape" else (w, h)


def _wrap(text: str, width_pt: float, size: float, weight: str = "normal") -> list[str]:
    """Greedy word wrap to ``width_pt`` (points), whatever dpi the page is drawn at.

    Widths are measured from outline metrics in points (see :data:`WRAP_SLACK`), so the
    line breaks are the same at every dpi and the lines fit their column at every dpi.
    """
    limit = width_pt / WRAP_SLACK
    lines: list[str] = []
    for para in text.split("\n"):
        words, line = _break_long_words(para.split(), limit, size, weight), ""
        for word in words:
            trial = f"{line} {word}" if line else word
            if line and text_size(trial, size, weight)[0] > limit:
                lines.append(line)
                line = word
            else:
                line = trial
        lines.append(line)
    return lines


def _break_long_words(words: list[str], limit: float, size: float, weight: str) -> list[str]:
    """``words`` with any word wider than ``limit`` points cut into pieces that fit."""
    out: list[str] = []
    for word in words:
        if text_size(word, size, weight)[0] <= limit:
            out.append(word)
            continue
        piece = ""
        for ch in word:
            if piece and text_size(piece + ch, size, weight)[0] > limit:
                out.append(piece)
                piece = ""
            piece += ch
        out.append(piece)
    return out


@dataclass
class _Block:
    """A paragraph of a text column: wrapped lines drawn as one Text."""

    text: str
    size: float
    weight: str = "normal"
    indent_pt: float = 0.0
    space_after: float = 0.0  # in lines
    color: str = "#1a1a1a"
    gid: str | None = None
    keep_with_next: bool = False  # a heading: never last in a column
    leading: float = LINE  # line height as a multiple of the size (a dense list: less)

    def __post_init__(self) -> None:
        self.text = display_text(self.text, multiline=True)

    def lines(self, width_pt: float) -> list[str]:
        return _wrap(self.text, width_pt - self.indent_pt, self.size, self.weight)

    def height(self, width_pt: float) -> float:
        return (len(self.lines(width_pt)) + self.space_after) * self.size * self.leading


def _flow(
    blocks: Sequence[_Block], col_w_pt: float, height_pt: float, columns: int
) -> tuple[list[tuple[int, float]], int]:
    """Place ``blocks`` top-down in ``columns`` columns of ``height_pt`` points.

    Returns ``(column, y below the top in points)`` for each block that fits and the index
    of the first block that does not (``len(blocks)`` when all fit). A heading
    (``keep_with_next``) never ends a column.
    """
    places: list[tuple[int, float]] = []
    col, y = 0, 0.0
    for k, b in enumerate(blocks):
        h = b.height(col_w_pt)
        need = h - b.space_after * b.size * b.leading
        # A chain of kept blocks (a heading, or a disagreement's topic, text and variants)
        # goes with the block that ends it, unless the chain is taller than a column.
        chain, j = h, k
        while blocks[j].keep_with_next and j + 1 < len(blocks):
            j += 1
            nxt = blocks[j]
            chain += nxt.height(col_w_pt)
            if not nxt.keep_with_next or j + 1 == len(blocks):
                chain -= nxt.space_after * nxt.size * nxt.leading
        if j > k and (chain <= height_pt + 0.5 or y > 0):
            need = chain
        if y + need > height_pt + 0.5:
            col, y = col + 1, 0.0
            if col >= columns:
                return places, k
        places.append((col, y))
        y += h
    return places, len(blocks)


def evidence_lines(
    chart: Chart, items: Sequence[describe.Cited]
) -> list[tuple[str, tuple[int, ...], tuple[str, ...]]]:
    """The lines of "What the evidence says" on a page whose caveat box states the caveat.

    The box at the foot of every page (:func:`draw_footer`) states the chart's evidence
    caveat; the section points to it, with the sources of the statements it repeats, so that
    the page says the caveat once. Statements it does not repeat stay as they are.

    Returns
    -------
    list of (text, source numbers, zones)
        Every statement the caveat box does not state, then (where the section repeated
        the caveat) the pointer to the box, where the section ended with the caveat.
    """
    said = {c.brief for c in chart.caveats_of("evidence")}
    repeated = [c for c in items if c.text in said]
    lines = [(c.text, tuple(c.numbers), tuple(c.zones)) for c in items if c.text not in said]
    if repeated:
        nums = tuple(sorted({n for c in repeated for n in c.numbers}))
        lines.append((CAVEAT_POINTER, nums, ()))
    return lines


#: What "What the evidence says" says where the page's caveat box states the caveat.
CAVEAT_POINTER = "The caveat box at the foot of this page says it."


def _draw_blocks(
    fig: Figure,
    blocks: Sequence[_Block],
    box: tuple[float, float, float, float],
    columns: int = 1,
) -> list[_Block]:
    """Draw ``blocks`` top-down into ``box`` (inches: x, y top, width, height).

    Returns the blocks that did not fit.
    """
    x0, top, width, height = box
    col_w = _column_width(width, columns)
    places, stop = _flow(blocks, col_w * 72, height * 72, columns)
    for b, (col, y) in zip(blocks, places, strict=False):
        t = fasttext.adopt(
            fig.text(
                x0 + col * (col_w + 0.25) + b.indent_pt / 72,
                top - y / 72,
                "\n".join(b.lines(col_w * 72)),
                transform=fig.dpi_scale_trans,
                ha="left",
                va="top",
                fontsize=b.size,
                fontweight=b.weight,
                color=b.color,
                linespacing=b.leading,
                gid=b.gid,
                parse_math=False,
            )
        )
        t.set_in_layout(False)
    return list(blocks[stop:])


def _blocks_height(blocks: Sequence[_Block], width_in: float) -> float:
    return sum(b.height(width_in * 72) for b in blocks) / 72


#: Most of the page's height the footer (caveat and sources) may take, and the title.
FOOTER_SHARE = 0.4


#: The footer's share of a portrait page footmap aims for (more columns, text down to 80 %).
FOOTER_TARGET = 0.3


TITLE_SHARE = 0.22


#: Smallest text sizes footmap shrinks to (points): caveat, references, titles.
CAVEAT_MIN_PT, REF_MIN_PT, TITLE_MIN_PT = 6.0, 5.0, 7.0


def _footer(
    fig: Figure,
    chart: Chart,
    zones: Sequence[Zone],
    numbers: dict[str, int],
    sources: Sequence[Source] | None = None,
    *,
    share: float = FOOTER_SHARE,
    listed: str | None = None,
) -> float:
    """Draw the caveats and the numbered references at the bottom; return its height (in).

    The caveat box holds the evidence caveat and the safety caveat (short form). The
    references are those of ``zones`` (and the caveats), or ``sources`` when given. In a
    document that lists its sources once (a handout's "Sources" page), ``listed`` says
    where, in place of the references' heading; ``sources`` are then those the page lists
    itself, if any.

    The footer takes at most ``share`` of the page (:data:`FOOTER_SHARE` where a map shares
    it; a text-only page may give it more): its text shrinks (down to
    :data:`CAVEAT_MIN_PT` and :data:`REF_MIN_PT`) and the references spread over more
    columns until it fits; if it still does not, :class:`FootmapError` names the field.
    """
    fw, fh = fig.get_size_inches()
    width = fw - 2 * MARGIN_IN
    cited = chart.cited_sources(zones) if sources is None else sources
    refs = describe.reference_list(cited, numbers)
    caveat_text = caveat.footer_text(chart)
    budget = fh * share
    wide = fw > 9
    # The most columns first: the shortest footer at each text size leaves the map the most
    # of the page's height (a reference is a line or two in a column of any of these widths).
    plans = [(scale, columns) for scale in (1.0, 0.9, 0.8, 0.7) for columns in
             ((4, 3, 2) if wide else (3, 2, 1))]  # fmt: skip
    plans.append((0.7, 5 if wide else 4))  # the caveat box holds two caveats: room to spare
    # On a portrait page the map, the claims under it and the footer share the height: the
    # first plan (text down to 80 %, more columns) that keeps the footer within
    # FOOTER_TARGET, so that the map keeps most of the page; failing that (and on landscape
    # pages, where the claims sit beside the map), the first plan within FOOTER_SHARE.
    portrait = fh > fw
    chosen = None
    for scale, columns in plans:
        cav_pt = max(CAVEAT_PT * scale, CAVEAT_MIN_PT)
        ref_pt = max(REF_PT * scale, REF_MIN_PT)
        box = _Block(caveat_text, cav_pt, "bold", color="#5a3d00", gid=CAVEAT_GID)
        gap = 0.15 if scale > 0.8 else 0.05
        ref_blocks = [_Block(r, ref_pt, space_after=gap, color="#333333") for r in refs]
        col_w = (width - 0.25 * (columns - 1)) / columns
        per_col = _balanced_height(ref_blocks, col_w, columns, ref_pt)
        head = _Block(
            "Sources (numbers in brackets cite them)" if listed is None else listed,
            ref_pt if listed is None else LISTED_PT,
            "bold" if listed is None else "normal",
            color="#1a1a1a" if listed is None else "#333333",
        )
        head_h = head.height(width * 72) / 72 + ref_pt * LINE * 0.3 / 72
        cav_h = box.height((width - 0.2) * 72) / 72
        total = cav_h + 0.22 + head_h + per_col + 0.1
        plan = (columns, head, box, ref_blocks, per_col, head_h, cav_h, total)
        if portrait and scale >= 0.8 and total <= fh * FOOTER_TARGET:
            chosen = plan
            break
        if chosen is None and total <= budget:
            chosen = plan
        if chosen is not None and (scale < 0.8 or not portrait):
            break
    if chosen is not None:
        columns, head, box, ref_blocks, per_col, head_h, cav_h, total = chosen
    else:
        cav_h = box.height((width - 0.2) * 72) / 72
        if cav_h > budget / 2:
            texts = dict(caveat.page_caveats(chart))
            longer = len(texts.get("safety", "")) > len(texts["evidence"])
            kind = "safety" if longer else "evidence"
            chars = len(texts[kind])
            raise FootmapError(
                f"the {kind} caveat is {chars:,} characters, too long for a page footer "
                f"(about {_capacity(budget / 2, width, CAVEAT_MIN_PT):,} fit): give the "
                f"{kind} caveats of footmap.caveats a short version ('short', at most 300)"
            )
        chars = sum(len(r) for r in refs)
        raise FootmapError(
            f"the {len(refs)} sources cited on this page ({chars:,} characters of references) "
            f"do not fit its footer, which may take at most {share:.0%} of the page "
            "even in small print: highlight fewer zones or shorten the citations of "
            "footmap.sources"
        )
    bottom = MARGIN_IN * 0.8
    y_top = bottom + total
    cav = _draw_blocks(fig, [box], (MARGIN_IN + 0.1, y_top - 0.06, width - 0.2, cav_h + 0.1))
    assert not cav, "the caveat must always fit"
    frame = FancyBboxPatch(
        (MARGIN_IN, y_top - cav_h - 0.14),
        width,
        cav_h + 0.12,
        boxstyle="round,pad=0,rounding_size=0.05",
        transform=fig.dpi_scale_trans,
        facecolor="#fff4d6",
        edgecolor="#c8a040",
        linewidth=0.8,
        zorder=-1,
    )
    fig.add_artist(frame)
    y = y_top - cav_h - 0.22
    _draw_blocks(fig, [head], (MARGIN_IN, y, width, head_h))
    left = _draw_blocks(fig, ref_blocks, (MARGIN_IN, y - head_h, width, per_col), columns)
    assert not left
    return total


def _balanced_height(blocks: list[_Block], col_w: float, columns: int, size: float) -> float:
    """The smallest column height (in) that holds ``blocks`` in ``columns`` columns."""
    per_col = max(
        _blocks_height(blocks, col_w) / columns,
        max((b.height(col_w * 72) / 72 for b in blocks), default=0),
    )
    while _fits_columns(blocks, col_w, per_col, columns) is False:
        per_col += size * LINE / 72
    return per_col


def _capacity(
    height_in: float, width_in: float, size: float, text: str = "", weight: str = "normal"
) -> int:
    """About how many characters of text ``size`` points fill a box (for messages).

    With ``text``, its own characters' mean width (wide letters fill a line sooner), and
    always fewer than ``text`` has: ``text`` is the one that did not fit.
    """
    sample = text[:400]
    char_w = text_size(sample, size, weight)[0] / len(sample) if sample else size * 0.55
    per_line = width_in * 72 / WRAP_SLACK / max(char_w, 1e-6)
    fit = max(int(height_in * 72 / (size * LINE)) * int(per_line) // 100 * 100, 0)
    return min(fit, max(len(text) - 1, 0) // 100 * 100) if text else fit


def _title_block(
    text: str, size: float, width_in: float, max_h_in: float, gid: str | None = None
) -> _Block:
    """A bold title block, shrunk (not below :data:`TITLE_MIN_PT`) to fit ``max_h_in``.

    A title too long even then is refused with a message giving the limit.
    """
    pt = size
    while True:
        block = _Block(text, pt, "bold", gid=gid)
        if block.height(width_in * 72) / 72 <= max_h_in:
            return block
        if pt <= TITLE_MIN_PT:
            raise FootmapError(
                f"the title is {len(text):,} characters, more than a page header holds "
                f"(about {_capacity(max_h_in, width_in, TITLE_MIN_PT, text, 'bold'):,} "
                "of these characters)"
            )
        pt = max(pt * 0.9, TITLE_MIN_PT)


def _draw_title(
    fig: Figure, text: str, size: float, top: float, width: float, max_h: float
) -> float:
    """Draw a page title at the top (wrapped, shrunk to fit); return its height (in)."""
    block = _title_block(text, size, width, max_h, gid="footmap-title")
    height = block.height(width * 72) / 72
    left = _draw_blocks(fig, [block], (MARGIN_IN, top, width, height + 0.02))
    assert not left
    return height


def _draw_subtitle(fig: Figure, text: str, top: float, width: float, max_h: float) -> float:
    """Draw a subtitle under the title; return its height (in).

    It shrinks to 7 pt and then, if still taller than ``max_h``, is cut at a word and marked
    with "..." (subtitles are derived text: the words cut, the chart's title, are on the
    cover).
    """
    size = 9.0
    sub = _Block(text, size, color="#444444")
    while sub.height(width * 72) / 72 > max_h and size > 7:
        size -= 1
        sub = _Block(text, size, color="#444444")
    fit = max(int(max_h * 72 / (size * LINE)), 1)
    words = sub.text.split()
    while len(sub.lines(width * 72)) > fit and len(words) > 1:
        words = words[: max(len(words) * 9 // 10, 1)]
        sub = _Block(" ".join(words) + " ...", size, color="#444444")
    height = sub.height(width * 72) / 72
    _draw_blocks(fig, [sub], (MARGIN_IN, top, width, height + 0.02))
    return height


def _fits_columns(blocks: Sequence[_Block], col_w: float, height: float, columns: int) -> bool:
    """Whether ``blocks`` fit ``columns`` columns ``col_w`` by ``height`` inches."""
    return _flow(blocks, col_w * 72, height * 72, columns)[1] == len(blocks)


def check_caveat(fig: Figure, chart: Chart) -> None:
    """Raise :class:`FootmapError` unless ``fig`` shows the evidence and safety caveats.

    Every export calls this before writing, so no file footmap writes omits them. The
    caveats are looked for, whole, in the visible text of the footer's caveat box.
    """
    # compared without white space: wrapping may break a long word (an address) in two
    shown = [
        "".join(t.get_text().split())
        for t in fig.findobj(Text)
        if t.get_gid() == CAVEAT_GID and t.get_visible()
    ]
    for name, text in caveat.page_caveats(chart):
        want = "".join(display_text(text, multiline=True).split())
        if want and not any(want in s for s in shown):
            raise FootmapError(caveat.refusal(name))


def _column_width(width: float, columns: int) -> float:
    return (width - 0.25 * (columns - 1)) / columns


# -- for other wings: the page machinery under public names ------------------------------------
#: A paragraph of a text column (wrapped the same at every dpi; see :func:`draw_paragraphs`).
Paragraph = _Block


def draw_paragraphs(
    fig: Figure,
    paragraphs: Sequence[_Block],
    box: tuple[float, float, float, float],
    columns: int = 1,
) -> list[_Block]:
    """Flow ``paragraphs`` top-down into ``box`` (inches: x, y top, width, height).

    Returns the paragraphs that did not fit (to continue on another page).
    """
    return _draw_blocks(fig, paragraphs, box, columns)


def draw_title(fig: Figure, text: str, size: float, top: float, max_h: float) -> float:
    """Draw a page title (wrapped, shrunk to fit ``max_h`` inches) below ``top``; its height."""
    fw, _ = fig.get_size_inches()
    return _draw_title(fig, text, size, top, fw - 2 * MARGIN_IN, max_h)


def draw_footer(fig: Figure, chart: Chart, sources: Sequence[Source] | None = None) -> float:
    """Draw the caveat box and the numbered ``sources`` at the bottom; return its height (in).

    The box holds the evidence and safety caveats.

    ``sources`` defaults to those the caveats cite. The page then passes
    :func:`check_caveat`. Raises :class:`FootmapError` when they cannot fit.
    """
    cited = chart.cited_sources(()) if sources is None else tuple(sources)
    numbers = {s.id: k for k, s in enumerate(cited, start=1)}
    return _footer(fig, chart, (), numbers, cited)
