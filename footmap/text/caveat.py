"""The caveat: how every surface frames it, in one room.

The chart's evidence caveat (zones are claims of reflexology charts, not established anatomy
or evidence) and its safety caveat (when not to massage; never to diagnose or instead of
treatment) are data (``footmap.caveats`` in the chart file). This module says how footmap shows
them: the one-line forms, the project's own reminder, the caveat box beside the explorer's map
and inside lesson panels, the caveat box of every exported page and the refusal of a chart
or page without them. No matplotlib and no widgets here.

Examples
--------
>>> import footmap
>>> chart = footmap.load()
>>> "diagnose" in safety_line(chart)
True
>>> footer_text(chart).splitlines()[1].startswith("Safety: ")
True
"""

from __future__ import annotations

from footmap.chart.model import Chart, Source
from footmap.errors import FootmapError
from footmap.text.safe import escape_html as _e

__all__ = [
    "BOX_STYLE",
    "CAVEAT_HEADING",
    "NO_EVIDENCE_CAVEAT",
    "REMINDER",
    "SAFETY_HEADING",
    "caveat_box",
    "caveat_html",
    "caveat_line",
    "caveat_or_reminder",
    "caveat_sources",
    "footer_text",
    "page_caveats",
    "refusal",
    "require_caveat",
    "safety_line",
    "safety_text",
    "safety_warning",
]

#: The word that leads the evidence caveat wherever it is shown ("Caveat: ...").
CAVEAT_HEADING = "Caveat"
#: The word that leads the safety caveat wherever it is shown ("Safety: ...").
SAFETY_HEADING = "Safety"

#: The project's own reminder: part of every quiz explanation, and the caveat a lesson shows
#: when a chart has no evidence caveat.
REMINDER = (
    "Remember: where a chart places a body area is a claim of reflexology charts, not "
    "established anatomy, and good evidence does not support it."
)

#: Why footmap refuses to write a file for a chart without an evidence caveat.
NO_EVIDENCE_CAVEAT = "the chart has no evidence caveat; footmap will not export without one"

#: The caveat box's look (an amber bar on a light background; contrast about 12:1).
BOX_STYLE = (
    "border-left:4px solid #b45309;background:#fff7ed;color:#431407;"
    "padding:2px 8px;margin-top:6px;font-size:90%;line-height:1.35"
)


# -- the words -------------------------------------------------------------------------------
def caveat_line(chart: Chart) -> str:
    """The evidence caveat as one line (every evidence caveat's short form, in order).

    Examples
    --------
    >>> import footmap
    >>> caveat_line(footmap.load()).startswith("Zone-organ links are claims of reflexology")
    True
    """
    return " ".join(c.brief for c in chart.caveats_of("evidence"))


def caveat_or_reminder(chart: Chart) -> str:
    """:func:`caveat_line`, or :data:`REMINDER` for a (hand-made) chart without one."""
    return caveat_line(chart) or REMINDER


def safety_text(chart: Chart) -> str:
    """The full safety caveat (every safety caveat of the chart, in order)."""
    return " ".join(c.text for c in chart.caveats_of("safety"))


def safety_line(chart: Chart) -> str:
    """The safety caveat in short; it still names every condition the full text names."""
    return " ".join(c.brief for c in chart.caveats_of("safety"))


def safety_warning(chart: Chart) -> str:
    """``"Safety: "`` and the full safety caveat (files' metadata); ``""`` without one."""
    full = safety_text(chart).strip()
    return f"{SAFETY_HEADING}: {full}" if full else ""


def caveat_sources(chart: Chart, kind: str = "evidence") -> tuple[Source, ...]:
    """The sources the chart's caveats of ``kind`` cite, each once, in order."""
    ids = dict.fromkeys(s for c in chart.caveats_of(kind) for s in c.sources)
    return tuple(chart.source(i) for i in ids)


# -- files and pages -------------------------------------------------------------------------
def require_caveat(chart: Chart) -> str:
    """The evidence caveat's line; raise :class:`FootmapError` when the chart has none.

    Every file footmap writes (pages, handouts, the HTML map) starts with this check.
    """
    line = caveat_line(chart)
    if not line.strip():
        raise FootmapError(NO_EVIDENCE_CAVEAT)
    return line


def page_caveats(chart: Chart) -> tuple[tuple[str, str], ...]:
    """What every page must show, whole, in its caveat box: ``(name, text)`` pairs.

    The evidence caveat (required) and the safety caveat's short form (when the chart has
    one). An export that does not show each of them is refused (:func:`refusal`).
    """
    out = [("evidence", require_caveat(chart))]
    safety = safety_line(chart).strip()
    if safety:
        out.append(("safety", safety))
    return tuple(out)


def refusal(name: str) -> str:
    """Why an export is refused when its page lacks the ``name`` caveat."""
    return f"refusing to export a figure without the {name} caveat"


def footer_text(chart: Chart) -> str:
    """The caveat box of every exported page: the evidence caveat, then the safety caveat.

    Examples
    --------
    >>> import footmap
    >>> footer_text(footmap.load()).startswith("Caveat: Zone-organ links")
    True
    """
    (_, evidence), *rest = page_caveats(chart)
    lines = [f"{CAVEAT_HEADING}: {evidence}"]
    lines += [f"{SAFETY_HEADING}: {text}" for _, text in rest]
    return "\n".join(lines)


# -- HTML ------------------------------------------------------------------------------------
def caveat_html(chart: Chart) -> str:
    """The chart's caveats as an HTML block, always shown beside the explorer's map.

    Evidence caveats and safety cautions appear in brief (short enough to stay on screen);
    the evidence caveats in full, with their sources, are in a ``<details>`` below them.
    Every piece of chart text is escaped.

    Parameters
    ----------
    chart : Chart

    Returns
    -------
    str
        An HTML fragment (``<div class="fm-caveat">``).

    Examples
    --------
    >>> import footmap
    >>> "Caveat:" in caveat_html(footmap.load())
    True
    """
    parts, more = [], []
    for c in chart.caveats_of("evidence"):
        cited = "; ".join(_e(chart.source(s).title) for s in c.sources)
        parts.append(f'<p style="margin:2px 0"><b>{CAVEAT_HEADING}:</b> {_e(c.brief)}</p>')
        more.append(
            f'<p style="margin:2px 0">{_e(c.text)} '
            f'<span class="fm-cite" style="color:#7c4a2d">(sources: {cited})</span></p>'
        )
    safety = safety_line(chart)
    if safety:
        parts.append(f'<p style="margin:2px 0"><b>{SAFETY_HEADING}:</b> {_e(safety)}</p>')
    if more:  # the full text and its sources, one click away: the box stays short on screen
        parts.append(
            '<details style="margin:2px 0"><summary>The evidence in full, with sources'
            f"</summary>{''.join(more)}</details>"
        )
    return f'<div class="fm-caveat" style="{BOX_STYLE}">' + "".join(parts) + "</div>"


def caveat_box(chart: Chart, text: str | None = None, *, lead: str = "") -> str:
    """A lesson's caveat box: ``text`` (the evidence caveat by default), with its sources.

    Parameters
    ----------
    chart : Chart
    text : str, optional
        What the box says; :func:`caveat_or_reminder` by default.
    lead : str, optional
        Said first (a quiz answer leads with :data:`REMINDER`).

    Examples
    --------
    >>> import footmap
    >>> caveat_box(footmap.load()).startswith('<div class="fm-caveat" role="note"')
    True
    """
    text = caveat_or_reminder(chart) if text is None else text
    titles = "; ".join(_e(s.title) for s in caveat_sources(chart))
    cited = f' <span class="fm-cite">(sources: {titles})</span>' if titles else ""
    lead_html = f"{_e(lead)} " if lead else ""
    return (
        f'<div class="fm-caveat" role="note" style="{BOX_STYLE}">'
        f"<p><b>{CAVEAT_HEADING}:</b> {lead_html}{_e(text)}{cited}</p></div>"
    )
