"""Annotated figures and files: PNG, SVG and PDF pages, and a multi-page PDF handout.

Every page footmap produces carries a title, the map, the claims of the highlighted zones with
citation numbers, the evidence caveat as a visible footer and the numbered list of sources
(:mod:`footmap.describe` words all of them). A page without the caveat is never written:
:func:`export` and :func:`handout` check for it before saving.

Files are written atomically (:func:`atomic_write`): to a temporary file in the same
directory, flushed to disk, then renamed over the target, so a failed export leaves any
existing file untouched and no partial file behind.
"""

from __future__ import annotations

import io
import os
import re
import stat
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import FancyBboxPatch, PathPatch
from matplotlib.text import Text
from PIL import Image
from PIL.PngImagePlugin import PngInfo

from . import __version__, describe, fasttext
from .chart import Chart, Source, Zone
from .errors import FootmapError, OutputError
from .layout import normalise_feet, normalise_views, text_size
from .render import ColorBy, HighlightSpec, MapArtists, display_text, plot_map, resolve
from .vocab import SYSTEMS

__all__ = [
    "FORMATS",
    "SIZES",
    "atomic_write",
    "check_dpi",
    "export",
    "figure",
    "handout",
    "page_size",
]

#: Page sizes in inches, portrait (width, height). ``screen`` is a 16:10 display.
SIZES: dict[str, tuple[float, float]] = {
    "a4": (8.27, 11.69),
    "letter": (8.5, 11.0),
    "screen": (8.0, 12.8),
}
#: File formats :func:`export` writes, by suffix (``html``: :mod:`footmap.webmap`).
FORMATS = ("png", "svg", "pdf", "html")

MARGIN_IN = 0.4  #: page margin
TEXT_PT = 7.5  #: claims text size
REF_PT = 6.3  #: reference list size
CAVEAT_PT = 8.5  #: caveat footer size
LINE = 1.28  #: line height as a multiple of the font size
#: Share of the page's width (landscape) or body height (portrait) the map always keeps.
MAP_SHARE = 0.6
MAP_SHARE_MULTI = 0.68
CAVEAT_GID = "footmap-caveat"
OVERFLOW_GID = "footmap-overflow"
#: Wrapping measures outline metrics, which do not depend on the dpi; hinted glyphs drawn
#: at a low dpi (100-120) come out up to about 7.5 % wider, so lines are wrapped to the
#: column width divided by this factor and never run into the next column at any dpi.
WRAP_SLACK = 1.08


# ------------------------------------------------------------------------------------------
# Atomic writes
# ------------------------------------------------------------------------------------------
@contextmanager
def atomic_write(path: str | os.PathLike[str], mode: str = "wb") -> Iterator[IO[Any]]:
    """Open a temporary file beside ``path``; on success it replaces ``path`` atomically.

    The temporary file is flushed and fsynced before :func:`os.replace` renames it over
    ``path``. If the ``with`` block raises, the temporary file is removed and an existing
    ``path`` is left untouched.

    Parameters
    ----------
    path : str or path-like
        The file to (over)write. Its directory must exist.
    mode : str, optional
        ``"wb"`` (default) or ``"w"`` for text.

    Yields
    ------
    file object
        The open temporary file.

    Raises
    ------
    FootmapError
        If the directory does not exist or cannot be written, ``path`` is a directory or
        not a regular file, or writing fails (a full disk).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "note.txt"
    >>> with atomic_write(target, "w") as f:
    ...     _ = f.write("hello")
    >>> target.read_text()
    'hello'
    """
    target = _writable(path)
    directory = target.parent if str(target.parent) else Path(".")
    _remove_stale_temporaries(directory)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=TEMP_SUFFIX, dir=directory)
    except OSError as exc:
        raise FootmapError(f"cannot write {target}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, mode) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.chmod(tmp, target.stat().st_mode & 0o7777 if target.exists() else 0o644)
        except OSError:  # pragma: no cover - exotic filesystems
            pass
        os.replace(tmp, target)
    except BaseException as exc:
        with suppress(FileNotFoundError):
            os.unlink(tmp)
        if isinstance(exc, OSError) and not isinstance(exc, BrokenPipeError):
            # a full disk, a quota, a vanished directory: a message, not a traceback
            err = OutputError(f"cannot write {target}: {exc.strerror or exc}")
            err.errno = exc.errno
            raise err from exc
        raise
    with suppress(OSError):  # make the rename itself durable, where the OS allows it
        dir_fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


#: Suffix of footmap's temporary files (``.<name>.<random>.footmap.tmp`` beside the target).
TEMP_SUFFIX = ".footmap.tmp"
#: A temporary file of footmap's older than this (seconds) was left by a killed process.
STALE_TEMP_S = 30 * 60


def _remove_stale_temporaries(directory: Path) -> None:
    """Delete footmap's own temporary files in ``directory`` left by a killed write.

    Only names footmap makes (hidden, ending in :data:`TEMP_SUFFIX`), only regular files,
    and only when older than :data:`STALE_TEMP_S`, so a write in progress is never touched.
    """
    import time

    now = time.time()
    with suppress(OSError), os.scandir(directory) as entries:
        for entry in entries:
            if not (entry.name.startswith(".") and entry.name.endswith(TEMP_SUFFIX)):
                continue
            with suppress(OSError):
                if entry.is_file(follow_symlinks=False):
                    if now - entry.stat(follow_symlinks=False).st_mtime > STALE_TEMP_S:
                        os.unlink(entry.path)


def _writable(path: str | os.PathLike[str], chart: Chart | None = None) -> Path:
    """``path`` as an output file, or a FootmapError saying why it cannot be one.

    Refuses a path that is not str or path-like, holds a NUL, names a directory or a
    non-regular file (a device such as ``/dev/full``: replacing it would be wrong), has no
    directory, or is the chart file being drawn.
    """
    if not isinstance(path, str | os.PathLike):
        raise FootmapError(f"an output path is a str or path, not {type(path).__name__}")
    target = Path(path)
    if "\x00" in str(target):
        raise FootmapError(f"cannot write {str(target)!r}: the name contains a NUL character")
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise FootmapError(f"cannot write {target}: directory {directory} does not exist")
    try:
        st = target.stat()
    except OSError:
        st = None
    if st is not None:
        if stat.S_ISDIR(st.st_mode):
            raise FootmapError(f"cannot write {target}: it is a directory; name a file in it")
        if not stat.S_ISREG(st.st_mode):
            raise FootmapError(f"cannot write {target}: it is not a regular file")
        source = getattr(chart, "path", None)
        if source is not None:
            with suppress(OSError):
                if os.path.samefile(source, target):
                    raise FootmapError(
                        f"refusing to write over the chart being drawn ({target}); "
                        "choose another output file"
                    )
    return target


# ------------------------------------------------------------------------------------------
# Page geometry and text
# ------------------------------------------------------------------------------------------
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
    except KeyError:
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

    def __post_init__(self) -> None:
        self.text = display_text(self.text, multiline=True)

    def lines(self, width_pt: float) -> list[str]:
        return _wrap(self.text, width_pt - self.indent_pt, self.size, self.weight)

    def height(self, width_pt: float) -> float:
        return (len(self.lines(width_pt)) + self.space_after) * self.size * LINE


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
        need = h - b.space_after * b.size * LINE
        # A chain of kept blocks (a heading, or a disagreement's topic, text and variants)
        # goes with the block that ends it, unless the chain is taller than a column.
        chain, j = h, k
        while blocks[j].keep_with_next and j + 1 < len(blocks):
            j += 1
            nxt = blocks[j]
            chain += nxt.height(col_w_pt)
            if not nxt.keep_with_next or j + 1 == len(blocks):
                chain -= nxt.space_after * nxt.size * LINE
        if j > k and (chain <= height_pt + 0.5 or y > 0):
            need = chain
        if y + need > height_pt + 0.5:
            col, y = col + 1, 0.0
            if col >= columns:
                return places, k
        places.append((col, y))
        y += h
    return places, len(blocks)


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
                linespacing=LINE,
                gid=b.gid,
                parse_math=False,
            )
        )
        t.set_in_layout(False)
    return list(blocks[stop:])


def _blocks_height(blocks: Sequence[_Block], width_in: float) -> float:
    return sum(b.height(width_in * 72) for b in blocks) / 72


def _zone_blocks(chart: Chart, zones: Sequence[Zone], numbers: dict[str, int]) -> list[_Block]:
    """The claims of ``zones`` in two sections that never mix.

    :data:`~footmap.describe.CHARTS_HEADING`: one paragraph per distinct zone (same label,
    area and claims on several panels), its heading citing only placement sources, then its
    placement and article claims and, where the chart documents one, a
    :data:`~footmap.describe.DISAGREE_HEADING` line with each variant and its sources.
    :data:`~footmap.describe.EVIDENCE_HEADING`: the evidence claims (each once, naming its
    zones), then the evidence caveat.
    """
    groups: dict[tuple[Any, ...], list[Zone]] = {}
    for z in zones:
        groups.setdefault((z.label, z.body_area, z.system, z.claims), []).append(z)

    def cites(ids: Sequence[str]) -> str:
        return "[" + ", ".join(str(numbers[s]) for s in ids if s in numbers) + "]"

    blocks = [_Block(describe.CHARTS_HEADING, 9, "bold", space_after=0.3, keep_with_next=True)]
    shown: set[str] = set()  # disagreements already spelled out on this page
    evidence: dict[tuple[str, tuple[str, ...]], list[str]] = {}
    for members in groups.values():
        first = members[0]
        # The heading and each claim are built separately (not by splitting one text on
        # line breaks), so a line break inside chart text cannot turn into a fake claim.
        head = display_text(describe.zone_text(chart, first, numbers, claims=False))
        if len(members) > 1:
            head += "; also " + ", ".join(f"{z.foot} foot, {z.view}" for z in members[1:])
        blocks.append(_Block(head, TEXT_PT, "bold", space_after=0.15, keep_with_next=True))
        body = [
            f"\u2013 {display_text(c.text)} {cites(c.sources)}"
            for c in describe.charts_claims(first)
        ]
        for d in chart.disagreements_for(first):
            if d.id in shown:
                body.append(f"{describe.DISAGREE_HEADING} ({display_text(d.topic)}): see above")
                continue
            shown.add(d.id)
            variants = "; ".join(f"{display_text(v.text)} {cites(v.sources)}" for v in d.variants)
            body.append(f"{describe.DISAGREE_HEADING} ({display_text(d.topic)}): {variants}")
        for c in describe.evidence_claims(first):
            evidence.setdefault((c.text, c.sources), []).append(first.label)
        for i, text in enumerate(body):
            last = i == len(body) - 1
            blocks.append(_Block(text, TEXT_PT, indent_pt=8, space_after=0.55 if last else 0.1))
    blocks.append(
        _Block(describe.EVIDENCE_HEADING, 9, "bold", space_after=0.3, keep_with_next=True)
    )
    for (text, sources), labels in evidence.items():
        names = ", ".join(dict.fromkeys(labels))
        blocks.append(
            _Block(
                f"\u2013 {display_text(text)} {cites(sources)} ({display_text(names)})",
                TEXT_PT,
                indent_pt=8,
                space_after=0.1,
            )
        )
    blocks.append(
        _Block(
            f"\u2013 {_caveat_text(chart)} {cites(_caveat_sources(chart, 'evidence'))}",
            TEXT_PT,
            indent_pt=8,
            space_after=0.55,
        )
    )
    return blocks


def _caveat_sources(chart: Chart, kind: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(s for c in chart.caveats_of(kind) for s in c.sources))


def _caveat_text(chart: Chart) -> str:
    line = describe.caveat_line(chart)
    if not line.strip():
        raise FootmapError("the chart has no evidence caveat; footmap will not export without one")
    return line


def _safety_text(chart: Chart) -> str:
    """The short safety caveat (it names every condition); "" for a chart without one.

    The schema requires an evidence caveat only; when a chart has safety caveats, every page
    shows them (see :func:`check_caveat`).
    """
    return describe.safety_line(chart).strip()


def _footer_caveats(chart: Chart) -> str:
    """The footer's caveat box: the evidence caveat, then the safety caveat (if any)."""
    text = f"Caveat: {_caveat_text(chart)}"
    safety = _safety_text(chart)
    return f"{text}\n{describe.SAFETY_HEADING}: {safety}" if safety else text


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
) -> float:
    """Draw the caveats and the numbered references at the bottom; return its height (in).

    The caveat box holds the evidence caveat and the safety caveat (short form). The
    references are those of ``zones`` (and the caveats), or ``sources`` when given.

    The footer takes at most :data:`FOOTER_SHARE` of the page: its text shrinks (down to
    :data:`CAVEAT_MIN_PT` and :data:`REF_MIN_PT`) and the references spread over more
    columns until it fits; if it still does not, :class:`FootmapError` names the field.
    """
    fw, fh = fig.get_size_inches()
    width = fw - 2 * MARGIN_IN
    cited = chart.cited_sources(zones) if sources is None else sources
    refs = describe.reference_list(cited, numbers)
    caveat_text = _footer_caveats(chart)
    budget = fh * FOOTER_SHARE
    wide = fw > 9
    plans = [(scale, columns) for scale in (1.0, 0.9, 0.8, 0.7) for columns in
             ((2, 3, 4) if wide else (1, 2, 3))]  # fmt: skip
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
        caveat = _Block(caveat_text, cav_pt, "bold", color="#5a3d00", gid=CAVEAT_GID)
        gap = 0.15 if scale > 0.8 else 0.05
        ref_blocks = [_Block(r, ref_pt, space_after=gap, color="#333333") for r in refs]
        col_w = (width - 0.25 * (columns - 1)) / columns
        per_col = _balanced_height(ref_blocks, col_w, columns, ref_pt)
        head_h = ref_pt * LINE * 1.3 / 72
        cav_h = caveat.height((width - 0.2) * 72) / 72
        total = cav_h + 0.22 + head_h + per_col + 0.1
        plan = (columns, ref_pt, caveat, ref_blocks, per_col, head_h, cav_h, total)
        if portrait and scale >= 0.8 and total <= fh * FOOTER_TARGET:
            chosen = plan
            break
        if chosen is None and total <= budget:
            chosen = plan
        if chosen is not None and (scale < 0.8 or not portrait):
            break
    if chosen is not None:
        columns, ref_pt, caveat, ref_blocks, per_col, head_h, cav_h, total = chosen
    else:
        cav_h = caveat.height((width - 0.2) * 72) / 72
        if cav_h > budget / 2:
            evidence, safety = _caveat_text(chart), _safety_text(chart)
            kind, chars = ("evidence", len(evidence))
            if len(safety) > len(evidence):
                kind, chars = ("safety", len(safety))
            raise FootmapError(
                f"the {kind} caveat is {chars:,} characters, too long for a page footer "
                f"(about {_capacity(budget / 2, width, CAVEAT_MIN_PT):,} fit): give the "
                f"{kind} caveats of footmap.caveats a short version ('short', at most 300)"
            )
        chars = sum(len(r) for r in refs)
        raise FootmapError(
            f"the {len(refs)} sources cited on this page ({chars:,} characters of references) "
            f"do not fit its footer, which may take at most {FOOTER_SHARE:.0%} of the page "
            "even in small print: highlight fewer zones or shorten the citations of "
            "footmap.sources"
        )
    bottom = MARGIN_IN * 0.8
    y_top = bottom + total
    cav = _draw_blocks(fig, [caveat], (MARGIN_IN + 0.1, y_top - 0.06, width - 0.2, cav_h + 0.1))
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
    _draw_blocks(
        fig,
        [_Block("Sources (numbers in brackets cite them)", ref_pt, "bold")],
        (MARGIN_IN, y, width, head_h),
    )
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


def _capacity(height_in: float, width_in: float, size: float) -> int:
    """About how many characters of text ``size`` points fill a box (for messages)."""
    per_line = width_in * 72 / (size * 0.55)
    return max(int(height_in * 72 / (size * LINE)) * int(per_line) // 100 * 100, 0)


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
                f"(about {_capacity(max_h_in, width_in, TITLE_MIN_PT):,})"
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
    shown = [
        " ".join(t.get_text().split())
        for t in fig.findobj(Text)
        if t.get_gid() == CAVEAT_GID and t.get_visible()
    ]
    for name, text in (("evidence", _caveat_text(chart)), ("safety", _safety_text(chart))):
        want = " ".join(display_text(text, multiline=True).split())
        if want and not any(want in s for s in shown):
            raise FootmapError(f"refusing to export a figure without the {name} caveat")


# ------------------------------------------------------------------------------------------
# Figures
# ------------------------------------------------------------------------------------------
def _claims_blocks(chart: Chart, chosen: Sequence[Zone], numbers: dict[str, int]) -> list[_Block]:
    return _zone_blocks(chart, chosen, numbers)


def _claims_layout(
    chart: Chart,
    chosen: Sequence[Zone],
    numbers: dict[str, int],
    landscape: bool,
    width: float,
    top: float,
    bottom: float,
    views: str | Sequence[str] | None = ("plantar",),
) -> tuple[list[_Block], tuple[float, float, float, float], tuple[float, ...], int]:
    """Where the claims go: the smallest box (and text size) that holds them all.

    Tries a narrow column first, then a wider one, then two columns and a slightly smaller
    text, so that a page continues onto another only when the claims fill the most room
    the map can spare. Returns the blocks, their box (x, y top, width, height; inches), the
    map's rectangle (x, y, width, height) and the number of text columns.
    """
    body_h = top - bottom
    note_h = TEXT_PT * LINE * 1.4 / 72
    # The map keeps at least MAP_SHARE of the page's width (landscape) or of the body's
    # height (portrait) whatever is highlighted: claims that do not fit continue elsewhere.
    # With several views the map holds a grid of panels and needs more of the page still.
    share = MAP_SHARE if len(normalise_views(chart, views)) == 1 else MAP_SHARE_MULTI
    if landscape:
        tries = [(min(3.3, width * 0.32), 1, 1.0), (min(4.3, width * (1 - share)), 1, 0.9)]
    else:
        tries = [(min(0.36, 1 - share), 2, 1.0), (1 - share, 2, 0.9)]
    for k, (a, columns, scale) in enumerate(tries):
        blocks = _claims_blocks(chart, chosen, numbers)
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


def _column_width(width: float, columns: int) -> float:
    return (width - 0.25 * (columns - 1)) / columns


def _overflow_note(leftover: Sequence[_Block]) -> str:
    """What did not fit: the zones left out, or the rest of one zone's claims."""
    sections = (describe.CHARTS_HEADING, describe.EVIDENCE_HEADING)
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
) -> tuple[MapArtists, list[_Block]]:
    """Draw one annotated page into ``fig``; return the map and any claims that did not fit."""
    feet_t = normalise_feet(chart, feet)
    views_t = normalise_views(chart, views)
    # Only zones on the drawn panels are described: a page never names a foot or a view
    # it does not show.
    chosen = tuple(z for z in resolve(chart, highlight) if z.foot in feet_t and z.view in views_t)
    numbers = describe.citation_numbers(chart, chosen)
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

    # Footer.
    foot_h = _footer(fig, chart, chosen, numbers)
    body_bottom = MARGIN_IN * 0.8 + foot_h + 0.15
    body_h = top - body_bottom

    # Claims of the highlighted zones: a column beside the map (landscape) or below it.
    leftover: list[_Block] = []
    map_rect = (MARGIN_IN, body_bottom, width, body_h)
    if chosen and claims:
        blocks, box, map_rect, columns = _claims_layout(
            chart, chosen, numbers, landscape, width, top, body_bottom, views
        )
        # Keep the last line of the box free for a note on what did not fit.
        note_h = TEXT_PT * LINE * 1.4 / 72
        leftover = _draw_blocks(
            fig, blocks, (box[0], box[1], box[2], box[3] - note_h), columns=columns
        )
        if leftover:
            fasttext.adopt(
                fig.text(
                    box[0],
                    box[1] - box[3],
                    _overflow_note(leftover),
                    transform=fig.dpi_scale_trans,
                    fontsize=TEXT_PT,
                    style="italic",
                    color="#555555",
                    va="bottom",
                    gid=OVERFLOW_GID,
                    parse_math=False,
                )
            ).set_in_layout(False)

    engine = fig.get_layout_engine()
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
        # the map gets the page's height.
        legend_loc="right" if landscape else "below",
        disagreements=bool(chart.disagreements) if disagreements is None else disagreements,
    )
    fig.footmap_artists = artists  # type: ignore[attr-defined]
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
        Mark the zones where charts disagree (a dashed outline, see :mod:`footmap.marks`);
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


# ------------------------------------------------------------------------------------------
# Files
# ------------------------------------------------------------------------------------------
def _format_of(path: Path, format: str | None) -> str:
    fmt = (format or path.suffix.lstrip(".")).lower()
    if fmt not in FORMATS:
        raise FootmapError(
            f"cannot tell the format of {path.name!r}: use a .png, .svg, .pdf or .html name "
            "(or pass format=)"
        )
    return fmt


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
    :func:`footmap.webmap.write_html` (every foot and view; ``feet``, ``views`` and
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
    target = _writable(path, chart)
    fmt = _format_of(target, format)
    if fmt == "html":
        return _export_html(chart, target, figure_kwargs)
    size = figure_kwargs.pop("size", "a4")
    orientation = figure_kwargs.pop("orientation", "landscape")
    check_dpi(dpi, page_size(size, orientation), fmt)
    fig = _new_figure(size, orientation)
    _compose(
        fig,
        chart,
        feet=figure_kwargs.pop("feet", ("left", "right")),
        views=figure_kwargs.pop("views", ("plantar",)),
        highlight=figure_kwargs.pop("highlight", ()),
        color_by=figure_kwargs.pop("color_by", "system"),
        labels=figure_kwargs.pop("labels", True),
        hatch=figure_kwargs.pop("hatch", False),
        title=figure_kwargs.pop("title", None),
        disagreements=figure_kwargs.pop("disagreements", None),
    )
    if figure_kwargs:
        raise FootmapError(f"unknown export option(s): {', '.join(sorted(figure_kwargs))}")
    save_figure(fig, target, format=fmt, dpi=dpi, chart=chart)
    return target


#: Figure options an HTML map ignores only at their defaults (the map shows every zone,
#: labelled, coloured by system; it has no page, no hatching and no highlight).
_HTML_FIXED = {"highlight": (), "color_by": "system", "labels": True, "hatch": False}
_HTML_PAGE = ("size", "orientation")


def _export_html(chart: Chart, target: Path, options: dict[str, Any]) -> Path:
    from .webmap import write_html

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
    target = _writable(path, chart)
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
        fig.savefig(raw, format="rgba", dpi=dpi)
    fw, fh = fig.get_size_inches()
    w, h = int(fw * dpi), int(fh * dpi)  # as FigureCanvasAgg sizes its renderer
    data = raw.data
    if data is None or len(data) != w * h * 4:  # pragma: no cover - a canvas of another size
        fig.savefig(f, format="png", dpi=dpi, metadata=meta)
        return
    image = Image.frombuffer("RGBA", (w, h), data, "raw", "RGBA", 0, 1)
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


def _metadata(chart: Chart, fmt: str) -> dict[str, str]:
    return {k: display_text(v) for k, v in _raw_metadata(chart, fmt).items()}


def _raw_metadata(chart: Chart, fmt: str) -> dict[str, str]:
    """File metadata: the title, the evidence caveat and the full safety caveat (if any)."""
    full = describe.safety_text(chart).strip()
    safety = f"{describe.SAFETY_HEADING}: {full}" if full else ""
    caveats = f"{describe.caveat_line(chart)} {safety}".strip()
    if fmt == "png":
        meta = {"Title": chart.title, "Description": describe.caveat_line(chart)}
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
    """Render ``fig`` to SVG with one ``<g id="zone-...">`` per zone, each with a ``<title>``."""
    artists: MapArtists | None = getattr(fig, "footmap_artists", None)
    extra: list[PathPatch] = []
    if artists is not None:
        coll = artists.collection
        faces, edges = coll.get_facecolor(), coll.get_edgecolor()
        widths = coll.get_linewidth()
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
    for el in root.iter(f"{{{_SVG}}}g"):
        z = by_id.get(el.get("id", ""))
        if z is None:
            continue
        # ElementTree escapes markup (<, &, quotes); display_text removes what XML 1.0
        # cannot hold at all (NUL, BEL, ...) and bidirectional overrides.
        title = ET.Element(f"{{{_SVG}}}title")
        title.text = display_text(f"{z.label} \u2014 {z.body_area}")
        el.insert(0, title)
        el.set("class", f"fm-zone fm-{_svg_id(z.system)}")
        el.set("data-body-area", display_text(z.body_area))
    return _svg_serialise(root)


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


# ------------------------------------------------------------------------------------------
# Handout
# ------------------------------------------------------------------------------------------
def _describe_spec(chart: Chart, spec: HighlightSpec) -> str:
    if isinstance(spec, str):
        return SYSTEMS.get(spec, spec)
    if isinstance(spec, Zone):
        return spec.label
    return ", ".join(_describe_spec(chart, s) for s in spec or ())


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
    text_w = width * (0.5 if landscape else 1.0)
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
    left = _draw_blocks(fig, blocks, (MARGIN_IN, top, text_w, text_h))
    sizes = [blk.size for blk in blocks]
    for scale in (0.9, 0.8):  # shrink the text a little rather than start another page
        if not left:
            break
        for t in list(fig.texts)[before:]:
            t.remove()
        for blk, pt in zip(blocks, sizes, strict=True):
            blk.size = pt * scale
        left = _draw_blocks(fig, blocks, (MARGIN_IN, top, text_w, text_h))
    if landscape:
        engine = fig.get_layout_engine()
        x = MARGIN_IN + text_w + 0.3
        engine.set(rect=(x / fw, bottom / fh, (fw - MARGIN_IN - x) / fw, (top - bottom) / fh))
        ax = fig.add_subplot()
        plot_map(
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
) -> Path:
    """Write a multi-page PDF handout, atomically.

    Page 1 is a cover: what the chart is, how to read it, how soles are shown, and the
    evidence, safety and chart caveats with their sources. When the chart documents
    disagreements between published charts, a page "Charts disagree" lists each (topic,
    variants with their sources, the zones concerned). Then one page per body system
    (``by="system"``) or per highlight spec (``by=[...]``), each with its zones highlighted,
    what is claimed for them with citation numbers, the caveat footer and the references.
    Claims that do not fit a page continue on the next.

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
    target = _writable(path, chart)
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
    rest = _cover(cover, chart, feet if not isinstance(feet, str) else (feet,), tuple(all_views))
    figures.append(cover)
    while rest:
        more = _new_figure(size, orientation)
        rest = _continuation(more, chart, "About this handout", (), rest)
        figures.append(more)
    figures += _disagreement_pages(chart, size, orientation)
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
        )
        _remove_overflow_note(fig, bool(leftover))
        figures.append(fig)
        described = [z for z in resolve(chart, spec) if z.id in set(artists.highlighted)]
        while leftover:
            more = _new_figure(size, orientation)
            leftover = _continuation(more, chart, name, described, leftover)
            figures.append(more)
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


#: Title of the handout's page listing the documented disagreements.
DISAGREE_PAGE_TITLE = "Charts disagree"


def _disagreement_sources(chart: Chart) -> tuple[Source, ...]:
    """The sources the disagreements' variants cite, then the caveats', in citation order."""
    ids = [s for d in chart.disagreements for s in d.source_ids]
    ids += [s for c in chart.caveats for s in c.sources]
    return tuple(chart.source(i) for i in dict.fromkeys(ids))


def _disagreement_blocks(chart: Chart, numbers: dict[str, int]) -> list[_Block]:
    """Every documented disagreement: topic, text, each variant with its sources, its zones."""

    def cites(ids: Sequence[str]) -> str:
        return "[" + ", ".join(str(numbers[i]) for i in ids if i in numbers) + "]"

    blocks = [
        _Block(
            "Published charts do not all put the zones in the same places. Where a source "
            "documents a difference, the chart records each variant with the charts that "
            "give it; on the maps, these zones have a dashed outline. Differences between "
            "charts are one more reason to read every placement as a claim.",
            8.5,
            space_after=0.6,
        )
    ]
    for d in chart.disagreements:
        # One disagreement stays in one column: topic, text and variants go with its zones.
        blocks.append(_Block(d.topic, 9, "bold", space_after=0.15, keep_with_next=True))
        blocks.append(_Block(d.text, TEXT_PT, space_after=0.15, keep_with_next=True))
        for v in d.variants:
            text = f"\u2013 {v.text} {cites(v.sources)}"
            blocks.append(_Block(text, TEXT_PT, indent_pt=8, space_after=0.1, keep_with_next=True))
        zones = [chart.zone(z) for z in d.zones]
        where = ", ".join(dict.fromkeys(f"{z.label} ({z.foot} foot, {z.view})" for z in zones))
        blocks.append(
            _Block(f"Zones: {where}", TEXT_PT, indent_pt=8, space_after=0.7, color="#444444")
        )
    return blocks


def _disagreement_pages(chart: Chart, size: str, orientation: str) -> list[Figure]:
    """The handout's "Charts disagree" page(s); none when the chart documents none."""
    if not chart.disagreements:
        return []
    sources = _disagreement_sources(chart)
    numbers = {s.id: k for k, s in enumerate(sources, start=1)}
    rest = _disagreement_blocks(chart, numbers)
    pages: list[Figure] = []
    while rest:
        fig = _new_figure(size, orientation)
        title = DISAGREE_PAGE_TITLE + (" (continued)" if pages else "")
        rest = _text_page(fig, chart, title, rest, numbers, sources)
        pages.append(fig)
    return pages


def _text_page(
    fig: Figure,
    chart: Chart,
    title: str,
    blocks: list[_Block],
    numbers: dict[str, int],
    sources: Sequence[Source],
) -> list[_Block]:
    """A text-only page citing ``sources``; returns the blocks that did not fit."""
    fw, fh = fig.get_size_inches()
    width = fw - 2 * MARGIN_IN
    top = fh - MARGIN_IN
    top -= _draw_title(fig, title, 15, top, width, fh * TITLE_SHARE) + 0.2
    foot_h = _footer(fig, chart, (), numbers, sources)
    bottom = MARGIN_IN * 0.8 + foot_h + 0.15
    left = _draw_blocks(
        fig, blocks, (MARGIN_IN, top, width, top - bottom), columns=3 if fw > fh else 2
    )
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
