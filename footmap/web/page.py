"""A standalone interactive HTML map: one file, no server, no network, no Python to view it.

:func:`write_html` writes a single self-contained HTML file (inline SVG, CSS and JavaScript;
no CDN, no fetch, no external font; a Content-Security-Policy forbids any external load). It
opens from ``file://`` on a phone or a laptop. Every view of the chart is drawn as an inline
SVG that looks like the PNG export (system colours, labels inside zones, numbered callouts
with a key) with real ``<text>``. Each zone is a focusable ``role="button"`` element
``id="zone-<zone id>"``. A click, tap or Enter shows what charts claim for the zone, with
numbered sources; the evidence and safety caveats stay on screen. The search box matches as
the explorer's does (:mod:`footmap.chart.query`), and the selection lives in the URL fragment
(``map.html#left.plantar.kidney``).

The map is laid out by :func:`footmap.render.plot_map` (labels, callouts and numbers exactly
as the figures have them) and written as SVG elements by :mod:`footmap.web.svg`; chart text
goes through :func:`footmap.text.safe.escape_html`, the project's one escaping rule.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from footmap import __version__
from footmap import style as palette
from footmap.chart.anatomy import anatomy_under, drawn_on
from footmap.chart.loader import load_anatomy, load_body
from footmap.chart.model import AnatomyChart, BodyChart, Chart, Zone
from footmap.chart.neighbours import DIRECTIONS, walk
from footmap.chart.query import search_index
from footmap.render.house import house_style
from footmap.render.layout import normalise_feet, normalise_views
from footmap.text import caveat, describe
from footmap.text.anatomy import (
    ANATOMY_SOURCES_HEADING,
    WHERE_HEADING,
    anatomy_numbers,
    under_html,
    under_sources,
    where_it_really_is_html,
    where_sources,
)
from footmap.text.safe import escape_html as _e
from footmap.vocab import SYSTEMS, VIEWS
from footmap.web.anatomy import (
    LAYERS,
    body_data,
    body_svg,
    layer_css,
    layer_legend,
    layer_svg,
)
from footmap.web.svg import accessible_name, view_svg

__all__ = ["arrow_targets", "html_document", "write_html"]


#: The parts of a foot the zoom bar offers on views drawn toe up (sole, top), toe to heel.
REGIONS = ("toes", "ball", "arch", "heel")


def _view_label(label: str) -> str:
    """A view's name with its technical word in a span a narrow screen hides."""
    plain, _, tech = label.partition(" (")
    return _e(plain) + (f' <span class="tech">({_e(tech)}</span>' if tech else "")


def _asset(name: str) -> str:
    return (resources.files("footmap") / "web" / name).read_text(encoding="utf-8")


# ------------------------------------------------------------------------------------------
# Panel content
# ------------------------------------------------------------------------------------------
def _cites(ids: Sequence[str], numbers: dict[str, int]) -> str:
    nums = [numbers[i] for i in ids if i in numbers]
    return f' <span class="cite">[{", ".join(map(str, nums))}]</span>' if nums else ""


#: The panel's markup of a description: section headings classed by their key, numbered
#: citations (the page lists the sources once).
PANEL_HTML = describe.HtmlStyle(
    heading="h4",
    key_classes=True,
    strong="strong",
    numbered=True,
    cite_class="cite",
    safety_class="safety",
)


def _zone_template(chart: Chart, zone: Zone, numbers: dict[str, int]) -> str:
    """The panel's content for one zone: a ``<template>`` (inert until shown).

    The zone's description (:func:`footmap.text.describe.describe_zone`): its heading, its
    sections and safety line, then its numbered sources. Chart text is escaped.
    """
    d = describe.describe_zone(chart, zone, numbers)
    where = f"{d.foot.capitalize()} foot, {VIEWS[d.view].lower()}"
    # The citations themselves are in the page's source list once; the script copies them.
    refs = " ".join(str(n) for n, _ in d.sources)
    return (
        f'<template id="info-{_e(d.zone_id)}">'
        f'<h3 class="zname">{_e(d.label)}</h3>'
        f'<p class="where">{_e(where)} \u00b7 body system: {_e(d.system)}</p>'
        f'<p class="area">Charts claim this zone for the <strong>{_e(d.body_area)}'
        "</strong>.</p>"
        f"{describe.sections_html(d, PANEL_HTML)}"
        f'<h4>Sources</h4><ul class="refs" data-refs="{refs}"></ul></template>'
    )


def _refs(ids: Sequence[str], numbers: dict[str, int]) -> str:
    return " ".join(str(n) for n in sorted({numbers[i] for i in ids if i in numbers}))


def _anatomy_templates(
    chart: Chart,
    body: BodyChart,
    anatomy: AnatomyChart | None,
    areas: Sequence[str],
    start: int,
) -> tuple[str, list[Any]]:
    """The panel's real-anatomy templates and their numbered sources.

    One ``<template id="where-<k>">`` per body area ``areas[k]`` ("Where it really is", from
    :func:`footmap.text.anatomy.where_it_really_is_html`) and, when ``anatomy`` is given, one
    ``<template id="under-<zone id>">`` per zone ("What is under this zone",
    :func:`footmap.text.anatomy.under_html` of :func:`footmap.anatomy_under`). Each wraps its
    fragment in ``<div data-refs="...">`` (the numbers it cites). Sources are numbered from
    ``start`` (after the chart's own), the structures' first.

    Returns
    -------
    tuple
        The templates (HTML) and the numbered sources: ``(number, Source)`` in order.
    """
    under = {z.id: anatomy_under(chart, z.id, anatomy) for z in chart.zones} if anatomy else {}
    sources = (
        [s for items in under.values() for s in under_sources(items, anatomy)] if anatomy else []
    )
    sources += [s for area in areas for s in where_sources(body, area)]
    numbers = anatomy_numbers(sources, start)
    unique = list({s.id: s for s in sources}.values())
    out = []
    for k, area in enumerate(areas):
        ids = [s.id for s in where_sources(body, area)]
        out.append(
            f'<template id="where-{k}"><div class="real" data-refs="{_refs(ids, numbers)}">'
            f"{where_it_really_is_html(body, area, numbers, heading='h4')}</div></template>"
        )
    if anatomy is not None:
        for zid, items in under.items():
            ids = [s.id for s in under_sources(items, anatomy)]
            out.append(
                f'<template id="under-{_e(zid)}"><div class="real" '
                f'data-refs="{_refs(ids, numbers)}">'
                f"{under_html(items, anatomy, numbers, heading='h4')}</div></template>"
            )
    return "".join(out), [(numbers[s.id], s) for s in unique]


# ------------------------------------------------------------------------------------------
# The document
# ------------------------------------------------------------------------------------------
def arrow_targets(chart: Chart, number: dict[str, int]) -> list[list[list[int]]]:
    """Per zone, the arrow keys' targets the page's script follows (:func:`footmap.walk`).

    ``[own, across]`` for each zone in chart order, each a list for up, down, left and
    right of zone numbers (``-1``: the walk stays): ``own`` with only the zone's foot shown,
    ``across`` the other foot's zone a left or right arrow reaches when both feet show.
    """
    out = []
    for z in chart.zones:
        own = [walk(chart, z.id, d, feet=(z.foot,)) for d in DIRECTIONS]
        both = [walk(chart, z.id, d) for d in DIRECTIONS]
        out.append(
            [
                [number[t] if t != z.id else -1 for t in own],
                [number[t] if chart.zone(t).foot != z.foot else -1 for t in both],
            ]
        )
    return out


def _json_script(data: Any) -> str:
    """JSON safe inside ``<script type="application/json">``: no ``<``, ``>``, ``&``."""
    text = json.dumps(data, ensure_ascii=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


@house_style()
def html_document(
    chart: Chart,
    *,
    feet: str | Sequence[str] = "both",
    views: str | Sequence[str] | None = None,
    title: str | None = None,
) -> str:
    """The standalone interactive map as one HTML document (a string).

    Parameters
    ----------
    chart : Chart
    feet : str or sequence of str, optional
        Which foot shows first: ``"left"``, ``"right"`` or ``"both"`` (every foot is in the
        file either way).
    views : str, sequence of str or None, optional
        The first of these views shows first (every view is in the file).
    title : str, optional
        Page heading (default: the chart's title).

    Returns
    -------
    str

    Raises
    ------
    FootmapError
        When the chart has no evidence caveat, or unknown feet or views.

    Examples
    --------
    >>> import footmap
    >>> page = html_document(footmap.load())
    >>> 'id="zone-left.plantar.kidney"' in page
    True
    """
    caveat.require_caveat(chart)
    first_feet = normalise_feet(chart, feet)
    start_foot = "both" if len(first_feet) > 1 else first_feet[0]
    first_view = normalise_views(chart, views)[0]
    all_feet = chart.feet
    if start_foot != "both" and len(all_feet) == 1:
        start_foot = all_feet[0]
    zones = chart.zones
    number = {z.id: i for i, z in enumerate(zones)}
    numbers = describe.citation_numbers(chart, zones)
    body = load_body()
    anatomy: AnatomyChart | None = load_anatomy()
    if not drawn_on(chart, anatomy):
        anatomy = None  # the foot's anatomy is drawn on the bundled chart's outlines only
    bdata = body_data(body, chart)
    areas = list(dict.fromkeys([z.body_area for z in zones] + [r[2] for r in bdata["regions"]]))
    area_index = {a: k for k, a in enumerate(areas)}
    bdata["wz"] = [area_index[z.body_area] for z in zones]
    bdata["wr"] = [area_index[r[2]] for r in bdata["regions"]]
    real_templates, real_sources = _anatomy_templates(
        chart, body, anatomy, areas, max(numbers.values(), default=0) + 1
    )

    def layers(foot: str, view: str, dx: float, dy: float) -> str:
        return layer_svg(anatomy, foot, view, dx, dy) if anatomy is not None else ""

    svgs, keys, at = [], {}, {}
    for view in chart.views:
        drawn = view_svg(
            chart, view, all_feet, number, (view == first_view, start_foot), layers=layers
        )
        svgs.append(drawn["svg"])
        keys[view] = drawn["key"]
        at.update(drawn["at"])

    data: dict[str, Any] = {
        "zones": [[z.id, z.view, z.foot] for z in zones],
        "names": [accessible_name(z) for z in zones],
        "labels": [z.label for z in zones],
        "areas": [z.body_area for z in zones],
        "caveat": caveat.caveat_line(chart),
        "where": [f"{z.foot} foot, {VIEWS[z.view].lower()}" for z in zones],
        "nav": arrow_targets(chart, number),
        "at": [at.get(i) for i in range(len(zones))],
        "views": {v: VIEWS[v] for v in chart.views},
        "feet": list(all_feet),
        "start": {"foot": start_foot, "view": first_view},
        "search": search_index(chart),
        "body": bdata,
        "under": anatomy is not None,
    }
    script = _asset("map.js")
    css = (
        _asset("map.css")
        + "".join(
            f".s-{s}{{fill:{c}}}.sw-{s}{{background:{c}}}" for s, c in palette.SYSTEM_COLORS.items()
        )
        + layer_css()
    )
    csp = (
        "default-src 'none'; "
        f"script-src '{_sha256(script)}'; "
        f"style-src '{_sha256(css)}'; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )
    page_title = title if title is not None and title.strip() else chart.title

    foot_opts = "".join(
        f'<label><input type="radio" name="foot" value="{f}"'
        f"{' checked' if f == start_foot else ''}> {label}</label>"
        for f, label in (
            [("left", "Left"), ("right", "Right"), ("both", "Both")]
            if len(all_feet) > 1
            else [(all_feet[0], all_feet[0].capitalize())]
        )
    )
    view_opts = "".join(
        f'<label><input type="radio" name="view" value="{v}"'
        f"{' checked' if v == first_view else ''}> {_view_label(VIEWS[v])}</label>"
        for v in chart.views
    )
    regions = "".join(
        f'<button type="button" data-region="{r}">{r.capitalize()}</button>' for r in REGIONS
    )
    options = "".join(f'<option value="{_e(o[1])}"></option>' for o in data["search"]["options"])
    key_html = "".join(
        f'<div class="key" data-view="{v}"{"" if v == first_view else " hidden"}>'
        "<h3>Key to numbers</h3><ol>"
        + "".join(
            f'<li data-feet="{" ".join(r["feet"])}"'
            + ("" if start_foot in ("both", *r["feet"]) else " hidden")
            + f'><span class="n">{r["n"]}</span> '
            f"{_e(r['label'])}</li>"
            for r in rows
        )
        + "</ol></div>"
        for v, rows in keys.items()
        if rows
    )
    present = {z.system for z in zones}
    legend = "".join(
        f'<li><span class="sw sw-{s}"></span> {_e(label)}</li>'
        for s, label in SYSTEMS.items()
        if s in present
    )
    lead = f"<strong>{caveat.CAVEAT_HEADING}:</strong>"
    evidence = "".join(
        f"<p>{lead} {_e(c.brief)}{_cites(c.sources, numbers)}</p>"
        for c in chart.caveats_of("evidence")
    )
    evidence_full = "".join(
        f"<p>{_e(c.text)}{_cites(c.sources, numbers)}</p>" for c in chart.caveats_of("evidence")
    )
    chart_notes = "".join(
        f"<p>{_e(c.text)}{_cites(c.sources, numbers)}</p>" for c in chart.caveats_of("chart")
    )
    safety = caveat.safety_line(chart)
    safety_html = (
        f"<p><strong>{caveat.SAFETY_HEADING}:</strong> {_e(safety)}</p>" if safety.strip() else ""
    )
    refs = "".join(
        f'<li id="src-{numbers[s.id]}" value="{numbers[s.id]}">{_e(s.citation)}</li>'
        for s in chart.cited_sources(zones)
        if s.id in numbers
    )
    templates = "".join(_zone_template(chart, z, numbers) for z in zones) + real_templates
    real_refs = "".join(
        f'<li id="src-{n}" value="{n}">{_e(src.citation)}</li>' for n, src in real_sources
    )
    layer_opts = (
        '<fieldset class="layers"><legend>Anatomy</legend>'
        '<label><input type="radio" name="layer" value="none" checked> None</label>'
        + "".join(
            f'<label><input type="radio" name="layer" value="{k}"> {w}</label>'
            for k, w in LAYERS.items()
        )
        + "</fieldset>"
        + layer_legend(anatomy, tuple(chart.views))
        if anatomy is not None
        else ""
    )
    body_views = "".join(
        f'<label><input type="radio" name="bview" value="{v}"{" checked" if k == 0 else ""}>'
        f" {v.capitalize()}</label>"
        for k, v in enumerate(body.views)
    )
    side_notes = "".join(
        f'<p class="side-note" data-view="{v}"{"" if k == 0 else " hidden"}>{_e(note)}</p>'
        for k, (v, note) in enumerate(bdata["notes"].items())
    )
    attribution = (
        f'<details class="credit"><summary>Body artwork: CC BY 4.0 (credits)</summary>'
        f"<p>{_e(body.attribution)}</p></details>"
        if body.attribution
        else ""
    )
    body_panel = (
        '<section class="bodyfig" aria-labelledby="fm-body-h">'
        f'<h2 id="fm-body-h">{_e(WHERE_HEADING)}: the body</h2>'
        f'<fieldset class="bviews"><legend>Body view</legend>{body_views}</fieldset>'
        '<p class="bzoom"><label for="fm-bzoom">Zoom</label> <select id="fm-bzoom"></select></p>'
        f'<div class="bodybox">{body_svg(body)}</div>{side_notes}'
        '<p id="fm-body-sel" class="body-sel"></p>'
        '<p class="bhint">Real anatomy, for comparison: a marked organ is the one charts name '
        "for the zone, not a connection. Click an organ to find the zones claimed for it; "
        "for the small ones, choose the head, neck, chest, belly or pelvis in Zoom.</p>"
        f"{attribution}</section>"
    )
    real_footer = f'<h2>{_e(ANATOMY_SOURCES_HEADING)}</h2><ol class="sources">{real_refs}</ol>' + (
        f'<p class="small">{_e(body.attribution)}</p>' if body.attribution else ""
    )
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="footmap {__version__}">
<title>{_e(page_title)}</title>
<style>{css}</style>
</head>
<body>
<a class="skip" href="#fm-panel-h">Skip to the selected zone</a>
<header>
<h1>{_e(page_title)}</h1>
</header>
<main class="layout">
<section class="caveat" aria-label="Caveats">{evidence}{safety_html}</section>
<div class="controls">
<fieldset><legend>Foot</legend>{foot_opts}</fieldset>
<div class="showing" role="group" aria-label="Show the feet or the body">
<button type="button" data-show="feet" aria-pressed="true">Feet</button>
<button type="button" data-show="body" aria-pressed="false">Body</button></div>
<fieldset><legend>View</legend>{view_opts}</fieldset>
<div class="search"><label for="fm-search">Search a body area, zone or system</label>
<input id="fm-search" type="search" list="fm-options" autocomplete="off" spellcheck="false"
 placeholder="e.g. kidneys, back pain, system: urinary">
<datalist id="fm-options">{options}</datalist></div>
</div>
<section class="map" aria-label="Foot map">
<div class="zoombar" role="toolbar" aria-label="Zoom the map">
<button type="button" data-zoom="out" aria-label="Zoom out">\u2212</button>
<button type="button" data-zoom="in" aria-label="Zoom in">+</button>
<button type="button" data-region="whole">Whole foot</button>
<span class="regions">{regions}</span>
</div>
<div class="mapbox">{"".join(svgs)}</div>
<p class="hint">Click or tap a zone. Pinch, drag or use + and \u2212 to zoom and move; Tab
reaches the map, arrow keys move between neighbouring zones, Enter selects, Esc clears.</p>
{layer_opts}
</section>
{body_panel}
<div id="fm-found" class="found" hidden>
<button type="button" class="close" aria-label="Close the search results">\u00d7</button>
<p id="fm-search-status" role="status"></p>
<div id="fm-more"></div>
<ul id="fm-results" aria-label="Search results"></ul>
</div>
<aside class="panel" aria-labelledby="fm-panel-h">
<button type="button" class="back" hidden>\u2191 Back to the map</button>
<h2 id="fm-panel-h" tabindex="-1">Selected zone</h2>
<div id="fm-panel"><p class="prompt">No zone selected yet. Click, tap or tab to a zone to see
what reflexology charts claim for it.</p></div>
</aside>
<section class="legend" aria-label="Key and legend">
{key_html}
<div><h3>Body system (as charts assign it)</h3><ul class="systems">{legend}</ul></div>
</section>
</main>
<footer>
<h2>About this chart</h2>
<p>{_e(chart.description)}</p>
<h3>{_e(describe.EVIDENCE_HEADING)}</h3>
{evidence_full}
{chart_notes}
<h2>Sources</h2>
<ol class="sources">{refs}</ol>
{real_footer}
<p class="small">{_e(chart.orientation)}</p>
<p class="small">Made with footmap {__version__}. This page works offline; nothing is loaded
from the network.</p>
</footer>
<div id="fm-live" class="sr-only" aria-live="polite"></div>
{templates}
<script type="application/json" id="fm-data">{_json_script(data)}</script>
<script>{script}</script>
</body>
</html>
"""


def write_html(
    chart: Chart,
    path: str | os.PathLike[str],
    *,
    feet: str | Sequence[str] = "both",
    views: str | Sequence[str] | None = None,
    title: str | None = None,
) -> Path:
    """Write the standalone interactive map to ``path``, atomically.

    Parameters
    ----------
    chart : Chart
    path : str or path-like
        The ``.html`` file to write.
    feet, views, title
        See :func:`html_document`.

    Returns
    -------
    pathlib.Path

    Examples
    --------
    >>> import footmap, tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "map.html"
    >>> write_html(footmap.load(), out).name
    'map.html'
    """
    from footmap.atomic import atomic_write

    page = html_document(chart, feet=feet, views=views, title=title)
    target = Path(path)
    with atomic_write(target) as f:
        f.write(page.encode("utf-8"))
    return target
