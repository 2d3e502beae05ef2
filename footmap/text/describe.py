"""Words about zones: citation numbers, plain-text and HTML descriptions, the caveat.

Shared by the figure export, the command line and the explorer so that all three number
sources the same way and say the same thing. HTML output escapes every piece of chart text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence

from footmap.chart.model import Chart, Claim, Source, Zone

__all__ = [
    "CHARTS_HEADING",
    "DISAGREE_HEADING",
    "EVIDENCE_HEADING",
    "SAFETY_HEADING",
    "caveat_line",
    "charts_claims",
    "evidence_claims",
    "safety_line",
    "safety_text",
    "display_text",
    "terminal_text",
    "zone_title",
    "escape_html",
    "citation_numbers",
    "reference_list",
    "zone_html",
    "zone_text",
    "zones_html",
]


#: Heading of what charts (and the seed articles) claim for a zone.
CHARTS_HEADING = "What charts claim"
#: Heading of what published studies found.
EVIDENCE_HEADING = "What the evidence says"
#: Heading of the documented disagreements between charts.
DISAGREE_HEADING = "Charts disagree here"
#: Heading of the safety caveat.
SAFETY_HEADING = "Safety"


def charts_claims(zone: Zone) -> tuple[Claim, ...]:
    """What charts and articles claim for ``zone``: every claim that is not evidence.

    These are the placement and article claims (and any history claim), in file order; they
    go under :data:`CHARTS_HEADING`, never beside the evidence.

    Examples
    --------
    >>> import footmap
    >>> zone = footmap.load().zone("left.plantar.kidney")
    >>> [c.kind for c in charts_claims(zone)]
    ['placement']
    """
    return tuple(c for c in zone.claims if c.kind != "evidence")


def evidence_claims(zone: Zone) -> tuple[Claim, ...]:
    """What studies found, as cited for ``zone`` (evidence-kind claims), in file order."""
    return tuple(c for c in zone.claims if c.kind == "evidence")


def safety_text(chart: Chart) -> str:
    """The full safety caveat (every safety caveat of the chart, in order)."""
    return " ".join(c.text for c in chart.caveats_of("safety"))


def safety_line(chart: Chart) -> str:
    """The safety caveat in short; it still names every condition the full text names."""
    return " ".join(c.brief for c in chart.caveats_of("safety"))


def _placement_ids(zone: Zone) -> tuple[str, ...]:
    return tuple(dict.fromkeys(s for c in zone.claims if c.kind == "placement" for s in c.sources))


def citation_numbers(chart: Chart, zones: Iterable[Zone] = ()) -> dict[str, int]:
    """Number the sources cited by ``zones`` and the chart's caveats, from 1.

    Sources are numbered in order of first citation: the zones' claims first, then the
    caveats. Use the same mapping for a figure's callouts and its reference list.

    Examples
    --------
    >>> import footmap
    >>> chart = footmap.load()
    >>> nums = citation_numbers(chart, [chart.zone("left.plantar.kidney")])
    >>> min(nums.values())
    1
    """
    return {s.id: i for i, s in enumerate(chart.cited_sources(zones), start=1)}


def _cites(ids: Sequence[str], numbers: dict[str, int]) -> str:
    return "[" + ", ".join(str(numbers[i]) for i in ids if i in numbers) + "]"


def zone_text(
    chart: Chart,
    zone: Zone,
    numbers: dict[str, int] | None = None,
    *,
    claims: bool = True,
) -> str:
    """One zone as plain text: a heading line, then its sections.

    The heading names the zone, the body area charts assign it and its system, citing only
    the placement sources. With ``claims`` the sections follow in this order:
    :data:`CHARTS_HEADING` (placement and article claims), :data:`DISAGREE_HEADING` (only
    when the chart documents a disagreement about the zone), :data:`EVIDENCE_HEADING` (the
    zone's evidence claims, else the chart's evidence caveat) and the :data:`SAFETY_HEADING`
    line.

    Parameters
    ----------
    chart : Chart
    zone : Zone
    numbers : dict, optional
        Source id -> citation number, from :func:`citation_numbers`; by default the zone's own.
    claims : bool, optional
        Include the sections; otherwise only the heading line.

    Returns
    -------
    str

    Examples
    --------
    >>> import footmap
    >>> chart = footmap.load()
    >>> print(zone_text(chart, chart.zone("left.plantar.kidney"), claims=False))
    Kidney (left foot, plantar): charts assign it to the kidneys [Urinary] [1, 2]
    """
    if numbers is None:
        numbers = citation_numbers(chart, [zone])
    head = (
        f"{zone.label} ({zone.foot} foot, {zone.view}): charts assign it to the "
        f"{zone.body_area} [{zone.system_label}] {_cites(_placement_ids(zone), numbers)}"
    )
    if not claims:
        return head
    lines = [head, f"{CHARTS_HEADING}:"]
    lines += [f"  - {c.text} {_cites(c.sources, numbers)}" for c in charts_claims(zone)]
    disagreements = chart.disagreements_for(zone)
    if disagreements:
        lines.append(f"{DISAGREE_HEADING}:")
        for d in disagreements:
            lines.append(f"  - {d.topic}: {d.text}")
            lines += [f"    * {v.text} {_cites(v.sources, numbers)}" for v in d.variants]
    lines.append(f"{EVIDENCE_HEADING}:")
    evidence = evidence_claims(zone)
    if evidence:
        lines += [f"  - {c.text} {_cites(c.sources, numbers)}" for c in evidence]
    else:
        lines.append(f"  - {caveat_line(chart)}")
    lines.append(f"{SAFETY_HEADING}: {safety_line(chart)}")
    return "\n".join(lines)


def zone_title(chart: Chart, zone: Zone) -> str:
    """A zone's hover title with its callout number: ``"Kidney (28) \u2014 kidneys"``.

    The number is the chart's (:attr:`Chart.numbers`), the one the zone's callout and the
    key show on every surface, also for zones whose name is written inside them.
    """
    n = chart.numbers.get(zone.id)
    number = f" ({n})" if n is not None else ""
    return f"{zone.label}{number} \u2014 {zone.body_area}"


def caveat_line(chart: Chart) -> str:
    """The evidence caveat as one line, for figure footers and status bars."""
    caveats = chart.caveats_of("evidence")
    return " ".join(c.brief for c in caveats)


def reference_list(sources: Iterable[Source], numbers: dict[str, int]) -> list[str]:
    """Numbered reference lines ``"[n] citation"`` for ``sources``, in citation order."""
    return [f"[{numbers[s.id]}] {s.citation}" for s in sources if s.id in numbers]


# Characters never drawn as they are: C0/C1 controls (NUL, BEL, ...; XML 1.0 forbids most of
# them), bidirectional overrides and isolates (which would reorder text in an SVG viewer),
# lone surrogates (which no encoder accepts) and the byte-order mark.
_UNSAFE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069"
    "\ufeff\ud800-\udfff\ufffe\uffff]"
)


def display_text(text: str, *, multiline: bool = False) -> str:
    r"""Chart text made safe to draw and to write into SVG, PDF and PNG files.

    Control characters, bidirectional overrides and lone surrogates become U+FFFD (the
    replacement character, so a reader sees that something was there); tabs become spaces;
    line breaks are kept only when ``multiline``. Markup such as ``<script>`` is left as it
    is: it is drawn as text, and the SVG writer escapes it.

    Parameters
    ----------
    text : str
    multiline : bool, optional
        Keep line breaks (``\n``); otherwise they become spaces.

    Returns
    -------
    str

    Examples
    --------
    >>> display_text("bell\x07 rlo\u202eevil\nnext") == "bell\ufffd rlo\ufffdevil next"
    True
    """
    text = str(text).replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    if not multiline:
        text = text.replace("\n", " ")
    return _UNSAFE.sub("\ufffd", text)


# Characters a terminal must never receive raw: C0 and C1 controls (ESC starts the CSI/OSC
# sequences that clear screens, retitle windows or hide links; 0x9b is a one-byte CSI),
# DEL, bidirectional marks, overrides and isolates, line/paragraph separators, the BOM,
# noncharacters and lone surrogates (which no encoder accepts).
_TERMINAL_UNSAFE = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069"
    "\ufeff\ud800-\udfff\ufffe\uffff]"
)
_TERMINAL_UNSAFE_LINE = re.compile(
    _TERMINAL_UNSAFE.pattern[:1] + "\n" + _TERMINAL_UNSAFE.pattern[1:]
)


def _escape_char(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal_text(text: str, *, multiline: bool = False) -> str:
    r"""Text made inert for a terminal: unsafe characters shown escaped, never raw.

    The one rule for everything footmap prints (chart text, file names, echoed input):
    control characters, bidirectional controls and lone surrogates become visible escapes
    such as ``\x1b`` or ``\u202e``; line breaks are kept only when ``multiline``.
    Encoding for a particular stream is the printer's job (see :mod:`footmap.cli`).

    Parameters
    ----------
    text : str
    multiline : bool, optional
        Keep line breaks (a CR LF pair counts as one); otherwise they are escaped too.

    Returns
    -------
    str

    Examples
    --------
    >>> print(terminal_text("title\x1b]0;owned\x07 rlo\u202e"))
    title\x1b]0;owned\x07 rlo\u202e
    >>> print(terminal_text("a\nb"))
    a\x0ab
    """
    text = str(text)
    if not multiline:
        return _TERMINAL_UNSAFE_LINE.sub(_escape_char, text)
    lines = text.replace("\r\n", "\n").split("\n")
    return "\n".join(_TERMINAL_UNSAFE.sub(_escape_char, line) for line in lines)


def escape_html(text: str) -> str:
    """Chart text made safe for HTML: unsafe characters replaced, then escaped.

    Unsafe characters are those :func:`display_text` replaces; line breaks are kept.

    Examples
    --------
    >>> escape_html("<img src=x onerror=alert(1)>\u202e")
    '&lt;img src=x onerror=alert(1)&gt;\ufffd'
    """
    return html.escape(display_text(text, multiline=True), quote=True)


_e = escape_html


def _items_html(chart: Chart, claims: Iterable[Claim]) -> str:
    items = []
    for c in claims:
        cited = "; ".join(_e(chart.source(s).title) for s in c.sources)
        items.append(f'<li>{_e(c.text)} <span class="fm-cite">(source: {cited})</span></li>')
    return f"<ul>{''.join(items)}</ul>"


def zone_html(chart: Chart, zone: Zone) -> str:
    """One zone as an HTML fragment: what it is, then its sections, as in :func:`zone_text`.

    Sections, in order: :data:`CHARTS_HEADING`, :data:`DISAGREE_HEADING` (if any),
    :data:`EVIDENCE_HEADING`, :data:`SAFETY_HEADING`. Every piece of chart text is escaped,
    so hostile labels show as text.

    Examples
    --------
    >>> import footmap
    >>> chart = footmap.load()
    >>> "kidneys" in zone_html(chart, chart.zone("left.plantar.kidney"))
    True
    """
    parts = [
        f'<div class="fm-zone" data-zone="{_e(zone.id)}">',
        f"<h4>{_e(zone.label)}</h4>",
        f"<p><b>Claimed to correspond to:</b> {_e(zone.body_area)}<br>"
        f"<b>Body system:</b> {_e(zone.system_label)}<br>"
        f"<b>Where:</b> {_e(zone.foot)} foot, {_e(zone.view)} view</p>",
        f"<h5>{_e(CHARTS_HEADING)}</h5>",
        _items_html(chart, charts_claims(zone)),
    ]
    disagreements = chart.disagreements_for(zone)
    if disagreements:
        parts.append(f'<h5 class="fm-disagree">{_e(DISAGREE_HEADING)}</h5><ul>')
        for d in disagreements:
            parts.append(
                f"<li><b>{_e(d.topic)}:</b> {_e(d.text)}{_items_html(chart, d.variants)}</li>"
            )
        parts.append("</ul>")
    parts.append(f"<h5>{_e(EVIDENCE_HEADING)}</h5>")
    evidence = evidence_claims(zone)
    if evidence:
        parts.append(_items_html(chart, evidence))
    else:
        parts.append(f"<p>{_e(caveat_line(chart))}</p>")
    parts.append(
        f'<p class="fm-safety"><b>{_e(SAFETY_HEADING)}:</b> {_e(safety_line(chart))}</p></div>'
    )
    return "".join(parts)


def zones_html(chart: Chart, zones: Sequence[Zone], *, limit: int = 12) -> str:
    """Several zones as HTML: one full block when there is one zone, else a compact list."""
    if not zones:
        return ""
    if len(zones) == 1:
        return zone_html(chart, zones[0])
    rows = "".join(
        f"<li><b>{_e(z.label)}</b> ({_e(z.foot)} foot, {_e(z.view)}): {_e(z.body_area)}</li>"
        for z in zones[:limit]
    )
    more = f"<li>... and {len(zones) - limit} more</li>" if len(zones) > limit else ""
    return f'<div class="fm-zones"><p>{len(zones)} zones</p><ul>{rows}{more}</ul></div>'
