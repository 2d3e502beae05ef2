"""What the explorer and the teaching widgets show, as escaped HTML and plain text.

Pure functions over a :class:`~footmap.chart.Chart`: the side panel's selection, the hover
status line, the system legend, the view a tour step shows, the live-region announcement and
the map's text alternative (the caveat box is :func:`footmap.text.caveat.caveat_html`, the
quiz's texts :mod:`footmap.text.quiz`, the tour's :mod:`footmap.text.tour`). Nothing here
imports ipywidgets or matplotlib; the widgets (:mod:`footmap.explorer`,
:mod:`footmap.explorer.classroom`) put these strings into their HTML widgets.
"""

from __future__ import annotations

import base64
from collections.abc import Iterable, Sequence

from footmap import style as palette
from footmap.chart.anatomy import anatomy_under
from footmap.chart.model import AnatomyChart, BodyChart, Chart, Zone
from footmap.text.anatomy import (
    UNDER_HEADING,
    under_html,
    under_sources,
    under_text,
    where_it_really_is_html,
)
from footmap.text.caveat import CAVEAT_HEADING, caveat_html, caveat_or_reminder
from footmap.text.describe import VIEW_WORDS, place, zones_html
from footmap.text.safe import escape_html as _e
from footmap.vocab import SYSTEMS, VIEWS

__all__ = [
    "ANATOMY_NOTE",
    "anatomy_html",
    "announce_text",
    "best_view",
    "export_name",
    "key_html",
    "layer_legend_html",
    "legend_html",
    "map_alt_text",
    "search_hint",
    "selection_html",
    "static_html",
    "status_text",
    "with_anatomy",
]

_PROMPT = (
    '<div class="fm-prompt"><p><b>Click a zone</b> on the foot map, or search for a body area, '
    "to see what reflexology charts claim for it.</p></div>"
)


def selection_html(chart: Chart, zones: Sequence[Zone]) -> str:
    """HTML for the side panel's selection part: the selected zones, or a prompt when none.

    Uses :func:`footmap.text.describe.zones_html`, which escapes all chart text.

    Parameters
    ----------
    chart : Chart
    zones : sequence of Zone

    Returns
    -------
    str

    Examples
    --------
    >>> import footmap
    >>> chart = footmap.load()
    >>> "kidneys" in selection_html(chart, chart.zones_for("kidneys"))
    True
    """
    body = zones_html(chart, zones) if zones else _PROMPT
    return f'<div class="fm-selection" style="line-height:1.4">{body}</div>'


#: Over the anatomy beside a claim: what follows is anatomy, not what charts claim.
ANATOMY_NOTE = "Real anatomy, not a reflexology claim"

#: At most this many zones get their own "What is under" line in a selection of several.
_MAX_UNDER = 6


def anatomy_html(
    chart: Chart,
    zones: Sequence[Zone],
    body: BodyChart | None,
    anatomy: AnatomyChart | None,
) -> str:
    """Real anatomy for a selection: where its body areas really are, what is under each zone.

    "Where it really is" (:func:`footmap.text.anatomy.where_it_really_is_html`) for each body
    area of ``zones`` the body chart draws, then "What is under this zone"
    (:func:`footmap.text.anatomy.under_html`, or one line per zone for several), each cited,
    in a box of its own headed :data:`ANATOMY_NOTE`. ``""`` for no zones, or when neither
    chart is given.

    Examples
    --------
    >>> import footmap
    >>> chart = footmap.load()
    >>> html = anatomy_html(chart, [chart.zone("left.plantar.kidney")], footmap.load_body(),
    ...                     footmap.load_anatomy())
    >>> [h in html for h in ("Where it really is (the kidneys)", "What is under this zone")]
    [True, True]
    """
    if not zones or (body is None and anatomy is None):
        return ""
    parts: list[str] = []
    if body is not None:
        areas = [a for a in dict.fromkeys(z.body_area for z in zones) if body.regions_for(a)]
        parts += [where_it_really_is_html(body, a) for a in areas[:3]]
    if anatomy is not None:
        if len(zones) == 1:
            parts.append(under_html(anatomy_under(chart, zones[0].id, anatomy), anatomy))
        else:
            lines = []
            for z in zones[:_MAX_UNDER]:
                items = anatomy_under(chart, z.id, anatomy)
                if not items:
                    continue
                cited = "; ".join(_e(s.title) for s in under_sources(items, anatomy))
                lines.append(
                    f"<li><b>{_e(z.label)}, {_e(place(z))}:</b> {_e(under_text(items))} "
                    f'<span class="fm-cite">(sources: {cited})</span></li>'
                )
            more = len(zones) - _MAX_UNDER
            if more > 0:
                lines.append(f"<li>and {more} more zones (select one to see it)</li>")
            if lines:
                head = _e(UNDER_HEADING.replace("this zone", "these zones"))
                parts.append(
                    f'<div class="fm-under"><h5>{head}</h5><ul>{"".join(lines)}</ul></div>'
                )
    if not parts:
        return ""
    return (
        '<div class="fm-anatomy" style="border-left:4px solid #5C2000;padding:2px 0 2px 8px;'
        f'margin:6px 0;background:#fbf7f2"><p style="margin:0"><i>{_e(ANATOMY_NOTE)}:</i></p>'
        f"{''.join(parts)}</div>"
    )


def with_anatomy(selection: str, anatomy: str) -> str:
    """The selection's HTML with the anatomy box right after the first "What charts claim".

    Kept apart from the claims (its own box), but in view beside them rather than after the
    evidence and safety sections; at the end when there is no such section.

    Examples
    --------
    >>> with_anatomy("<h5>What charts claim</h5><ul><li>x</li></ul><h5>E</h5>", "<div>A</div>")
    '<h5>What charts claim</h5><ul><li>x</li></ul><div>A</div><h5>E</h5>'
    >>> with_anatomy("<p>x</p>", "<div>A</div>")
    '<p>x</p><div>A</div>'
    """
    if not anatomy:
        return selection
    head = selection.find("<h5>What charts claim</h5>")
    end = selection.find("</ul>", head) if head >= 0 else -1
    if end < 0:
        return selection + anatomy
    end += len("</ul>")
    return selection[:end] + anatomy + selection[end:]


#: CSS backgrounds imitating matplotlib's hatches, for the anatomy layer's HTML legend.
_HATCH_CSS = {
    "/": "repeating-linear-gradient(135deg, {h} 0 1px, transparent 1px 4px)",
    "\\": "repeating-linear-gradient(45deg, {h} 0 1px, transparent 1px 4px)",
    "|": "repeating-linear-gradient(90deg, {h} 0 1px, transparent 1px 4px)",
    "-": "repeating-linear-gradient(0deg, {h} 0 1px, transparent 1px 4px)",
    ".": "radial-gradient({h} 0.8px, transparent 1.2px) 0 0 / 4px 4px",
    "x": "repeating-linear-gradient(45deg, {h} 0 1px, transparent 1px 5px), "
    "repeating-linear-gradient(135deg, {h} 0 1px, transparent 1px 5px)",
    "o": "radial-gradient(circle, transparent 1.2px, {h} 1.3px 1.9px, transparent 2px) "
    "0 0 / 6px 6px",
}


def layer_legend_html(
    title: str,
    entries: Sequence[tuple[str, str, str, str]],
    note: str,
    *,
    hatch_color: str = "#8fa6ba",
    dashed: bool = False,
) -> str:
    """The anatomy layer's own legend, in HTML for the side column.

    Parameters
    ----------
    title : str
        Its heading (e.g. "Anatomy (schematic): skin supplied by each nerve").
    entries : sequence of (label, fill, hatch, edge)
        One swatch each: a fill colour, a matplotlib hatch (``"////"``, ``"...."``, ``""``)
        imitated in CSS, and the edge colour.
    note : str
        What a reader must know (boundaries vary, maps disagree).
    dashed : bool
        Draw the swatches as a dashed line (dermatome boundaries).

    Examples
    --------
    >>> html = layer_legend_html("Bones", [("Bone", "#fbf6e4", "", "#6b5a3a")], "26 per foot.")
    >>> "Bone</span>" in html and "26 per foot." in html
    True
    """
    items = []
    for label, fill, hatch, edge in entries:
        if dashed:
            swatch = f"width:22px;height:0;border-top:2px dashed {edge};vertical-align:3px"
        else:
            key = hatch[:1]
            pattern = _HATCH_CSS.get(key, "")
            bg = (pattern.format(h=hatch_color) + ", " if pattern else "") + fill
            swatch = f"width:14px;height:12px;border:1px solid {edge};background:{bg}"
        items.append(
            f'<li style="list-style:none;margin:2px 0"><span aria-hidden="true" '
            f'style="display:inline-block;{swatch};margin-right:6px"></span>'
            f"<span>{_e(label)}</span></li>"
        )
    return (
        '<div class="fm-layer-legend" style="font-size:85%;line-height:1.35;margin:4px 0">'
        f'<b>{_e(title)}</b><ul style="margin:2px 0;padding-left:0">{"".join(items)}</ul>'
        f'<p style="margin:2px 0;color:#444">{_e(note)}</p></div>'
    )


def key_html(numbers: Sequence[tuple[int, str]]) -> str:
    """The key to the map's callout numbers, folded, for beside the map ("" when none).

    Examples
    --------
    >>> '<li value="3">Liver</li>' in key_html([(3, "Liver")])
    True
    >>> key_html([])
    ''
    """
    if not numbers:
        return ""
    items = "".join(f'<li value="{n}">{_e(label)}</li>' for n, label in numbers)
    return (
        f'<details class="fm-key"><summary>Key to the {len(numbers)} numbers on the map '
        "(or point at a zone)</summary>"
        f'<ol class="fm-key-list">{items}</ol></details>'
    )


def status_text(zone: Zone | None) -> str:
    """The hover status line for ``zone`` (plain text; escape before putting into HTML).

    Examples
    --------
    >>> status_text(None)
    ''
    """
    if zone is None:
        return ""
    return f"{zone.label} ({zone.foot} foot): charts claim it for the {zone.body_area}"


def legend_html(zones: Iterable[Zone], color_by: str = "system") -> str:
    """A compact HTML legend of the body systems of ``zones``, for the side panel.

    Empty unless ``color_by`` is ``"system"``; other colourings get a colorbar in the figure.

    Examples
    --------
    >>> legend_html([], "sources")
    ''
    """
    if color_by != "system":
        return ""
    present = {z.system for z in zones}
    items = "".join(
        f'<span style="white-space:nowrap;margin-right:10px">'
        f'<span style="display:inline-block;width:11px;height:11px;vertical-align:-1px;'
        f'border:1px solid #4d4d4d;background:{palette.SYSTEM_COLORS[s]}"></span> '
        f"{_e(label)}</span> "
        for s, label in SYSTEMS.items()
        if s in present
    )
    return (
        '<div class="fm-legend" style="font-size:85%;line-height:1.5;margin:4px 0">'
        f"<b>Body system</b> (as charts assign it): {items}</div>"
    )


def _download_html(data: bytes, filename: str, mime: str) -> str:
    b64 = base64.b64encode(data).decode("ascii")
    name = _e(filename)
    return (
        f'<a download="{name}" href="data:{mime};base64,{b64}" '
        f'style="color:#1d4ed8;text-decoration:underline">Download {name}</a> '
        f'<span style="color:#555">({len(data) / 1024:.0f} kB)</span>'
    )


_MIME = {
    "png": "image/png",
    "svg": "image/svg+xml",
    "pdf": "application/pdf",
    "html": "text/html",
}


# -- teaching: which view a tour step shows ------------------------------------------------
def best_view(zones: Iterable[Zone], views: Sequence[str]) -> str:
    """The view among ``views`` that holds most of ``zones`` (the first such view on a tie).

    Parameters
    ----------
    zones : iterable of Zone
    views : sequence of str
        The views to choose from, in order of preference (e.g. ``chart.views``).

    Returns
    -------
    str

    Examples
    --------
    >>> import footmap
    >>> chart = footmap.load()
    >>> best_view(chart.zones_in_system("lymphatic"), chart.views)
    'dorsal'
    >>> best_view([], ["plantar", "dorsal"])
    'plantar'
    """
    counts = dict.fromkeys(views, 0)
    for z in zones:
        if z.view in counts:
            counts[z.view] += 1
    return max(counts, key=lambda v: counts[v])  # max keeps the first of equal counts


def _text(fragment: str) -> str:
    """Wrap an HTML fragment for a side panel (ipywidgets' HTML sets a 28 px line height)."""
    return f'<div class="fm-text" style="line-height:1.4">{fragment}</div>'


# -- accessibility: what a screen reader hears -------------------------------------------------
def announce_text(chart: Chart, zones: Sequence[Zone]) -> str:
    """What the live region says when the selection changes (plain text).

    The zone (or how many), where it is, the body area charts claim for it, and the
    evidence caveat in its short form.

    Examples
    --------
    >>> import footmap
    >>> chart = footmap.load()
    >>> announce_text(chart, [chart.zone("left.plantar.kidney")]).split(". ")[:2]
    ['Selected Kidney, left foot, sole', 'Charts claim it for the kidneys']
    >>> announce_text(chart, [])
    'Nothing selected.'
    """
    if not zones:
        return "Nothing selected."
    if len(zones) == 1:
        z = zones[0]
        head = f"Selected {z.label}, {place(z)}. Charts claim it for the {z.body_area}."
    else:
        areas = ", ".join(dict.fromkeys(z.body_area for z in zones))
        head = f"Selected {len(zones)} zones. Charts claim them for: {areas}."
    return f"{head} {CAVEAT_HEADING}: {caveat_or_reminder(chart)}"


def map_alt_text(zones: Sequence[Zone], feet: Sequence[str], view: str) -> str:
    """The map's text alternative: which feet and view it shows, and every zone drawn.

    Examples
    --------
    >>> import footmap
    >>> chart = footmap.load()
    >>> text = map_alt_text(chart.zones_on("left", "plantar"), ["left"], "plantar")
    >>> text.startswith("Foot map, left foot, sole view: 39 zones")
    True
    """
    names = ", ".join(dict.fromkeys(z.label for z in zones))
    who = " and ".join(feet) + (" feet" if len(feet) > 1 else " foot")
    return (
        f"Foot map, {who}, {VIEW_WORDS.get(view, view)} view: {len(zones)} zones "
        f"({names}). Arrow keys move between zones, Enter or Space selects, Tab leaves the map."
    )


def search_hint(zones: Sequence[Zone], view: str) -> tuple[str, str | None]:
    """Where search matches are when none is on the view shown.

    Returns
    -------
    (str, str or None)
        A plain-text hint and the view holding most matches (``None`` when some match is
        on ``view`` already, or nothing matched).

    Examples
    --------
    >>> import footmap
    >>> chart = footmap.load()
    >>> search_hint(chart.zones_for("upper lymph nodes"), "plantar")
    ('The 2 matches are on the Top (dorsal) view.', 'dorsal')
    """
    if not zones or any(z.view == view for z in zones):
        return "", None
    other = best_view(zones, list(dict.fromkeys(z.view for z in zones)))
    n = len(zones)
    what = "match is" if n == 1 else "matches are"
    return f"The {n} {what} on the {VIEWS.get(other, other)} view.", other


def export_name(view: str, zones: Sequence[Zone], feet: Sequence[str], fmt: str) -> str:
    """A file name saying what an export shows: feet, view and the highlighted body areas.

    Examples
    --------
    >>> import footmap
    >>> chart = footmap.load()
    >>> export_name("plantar", chart.zones_for("kidneys"), ["left", "right"], "png")
    'footmap-both-feet-sole-kidneys.png'
    >>> export_name("dorsal", [], ["left"], "svg")
    'footmap-left-foot-top.svg'
    """
    import re

    feet_part = "both-feet" if len(feet) > 1 else f"{feet[0]}-foot"
    parts = ["footmap", feet_part, VIEW_WORDS.get(view, view)]
    areas = list(dict.fromkeys(z.body_area for z in zones))
    if areas:
        parts.append("-".join(areas[:3]) + ("-and-more" if len(areas) > 3 else ""))
    slug = re.sub(r"[^a-z0-9]+", "-", "-".join(parts).casefold()).strip("-")
    return f"{slug[:120]}.{fmt}"


def static_html(chart: Chart, png: bytes, zones: Sequence[Zone], alt: str) -> str:
    """The explorer as a picture for viewers without a kernel: map, zone list, caveat.

    Shown by nbconvert's HTML, GitHub and other static renderers, which cannot run the
    widget. Every piece of chart text is escaped.
    """
    b64 = base64.b64encode(png).decode("ascii")
    items = "".join(
        f"<li>{_e(z.label)} ({_e(place(z))}): charts claim it for the {_e(z.body_area)}</li>"
        for z in zones
    )
    return (
        '<div class="footmap-static">'
        "<p><b>Foot map</b> (a static picture: run the notebook for the interactive map)</p>"
        f'<img src="data:image/png;base64,{b64}" alt="{_e(alt)}" style="max-width:100%">'
        f"{caveat_html(chart)}"
        f"<details open><summary>Zones shown ({len(zones)})</summary><ul>{items}</ul></details>"
        "</div>"
    )
