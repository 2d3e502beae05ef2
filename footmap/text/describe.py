"""What footmap says about a zone or a selection of zones: one structured description.

:func:`describe_zone` and :func:`describe_selection` build it once (frozen dataclasses: the
heading, then the sections in :data:`SECTIONS` order, the safety line and the numbered
sources); every surface renders *that*: the explorer's panel (:func:`zone_html`), the tour and
the quiz (:mod:`footmap.text.tour`, :mod:`footmap.text.quiz`), the HTML map's panel
(:mod:`footmap.web.page`), the claims column of exported pages and handouts
(:mod:`footmap.export.page`) and ``footmap find`` (:func:`zone_text`). A section added to
:data:`SECTIONS` and filled in :func:`_describe` shows on all of them.

What charts claim, what the articles say, where charts disagree and what the evidence says
stay in sections of their own; a zone heading cites only its placement sources. HTML output
escapes every piece of chart text.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from typing import Any

from footmap.chart.model import Chart, Claim, Disagreement, Source, Zone
from footmap.text.caveat import SAFETY_HEADING, caveat_or_reminder, caveat_sources, safety_line
from footmap.text.safe import escape_html

__all__ = [
    "ARTICLES_HEADING",
    "CHARTS_HEADING",
    "DISAGREE_HEADING",
    "EVIDENCE_HEADING",
    "EXPLORER_HTML",
    "LESSON_HTML",
    "SEE_CAVEAT",
    "SECTIONS",
    "VIEW_WORDS",
    "Cited",
    "Description",
    "HtmlStyle",
    "Section",
    "SelectionDescription",
    "ZoneDescription",
    "article_claims",
    "charts_claims",
    "zone_title",
    "citation_numbers",
    "claims_html",
    "describe_selection",
    "describe_zone",
    "evidence_claims",
    "heading",
    "heading_text",
    "place",
    "reference_lines",
    "reference_list",
    "section_lines",
    "sections_html",
    "zone_html",
    "zone_text",
    "zones_html",
]

_e = escape_html

#: Heading of where charts place a zone (placement claims, and any history claim).
CHARTS_HEADING = "What charts claim"
#: Heading of what the seed articles say about a zone (article claims).
ARTICLES_HEADING = "What the articles say"
#: Heading of the documented disagreements between charts.
DISAGREE_HEADING = "Charts disagree here"
#: Heading of what published studies found.
EVIDENCE_HEADING = "What the evidence says"

#: The sections of a description, in the order every surface shows them: the field of
#: :class:`Description` that holds each, and its heading. Disagreements follow what charts
#: claim, which they qualify; then the articles, then the evidence.
SECTIONS: tuple[tuple[str, str], ...] = (
    ("charts", CHARTS_HEADING),
    ("disagreements", DISAGREE_HEADING),
    ("articles", ARTICLES_HEADING),
    ("evidence", EVIDENCE_HEADING),
)

#: Short names of the views, for sentences ("left foot, sole").
VIEW_WORDS = {"plantar": "sole", "dorsal": "top", "medial": "inner side", "lateral": "outer side"}

#: Which section each claim kind goes to (placement and history claims: what charts claim).
_SECTION_OF_KIND = {"article": "articles", "evidence": "evidence"}


def heading(key: str) -> str:
    """The heading of section ``key`` (a field name of :data:`SECTIONS`)."""
    return dict(SECTIONS)[key]


def place(zone: Zone) -> str:
    """Where ``zone`` is, in words: ``"left foot, sole"``."""
    return f"{zone.foot} foot, {VIEW_WORDS.get(zone.view, zone.view)}"


# -- the claims of a zone, by section ------------------------------------------------------------
def charts_claims(zone: Zone) -> tuple[Claim, ...]:
    """What charts claim for ``zone``: its placement (and history) claims, in file order.

    Examples
    --------
    >>> import footmap
    >>> zone = footmap.load().zone("left.plantar.kidney")
    >>> [c.kind for c in charts_claims(zone)]
    ['placement']
    """
    return tuple(c for c in zone.claims if c.kind not in _SECTION_OF_KIND)


def article_claims(zone: Zone) -> tuple[Claim, ...]:
    """What the seed articles say about ``zone`` (article-kind claims), in file order."""
    return tuple(c for c in zone.claims if c.kind == "article")


def evidence_claims(zone: Zone) -> tuple[Claim, ...]:
    """What studies found, as cited for ``zone`` (evidence-kind claims), in file order."""
    return tuple(c for c in zone.claims if c.kind == "evidence")


# -- numbers -------------------------------------------------------------------------------------
def citation_numbers(
    chart: Chart, zones: Iterable[Zone] = (), *, claims: Iterable[Claim] = ()
) -> dict[str, int]:
    """Number the sources cited by ``claims``, ``zones`` and the chart's caveats, from 1.

    Sources are numbered in order of first citation: ``claims`` (a tour's notes) first, then
    the zones' claims, their disagreements, then the caveats. Use the same mapping for a
    page's text and its reference list.

    Examples
    --------
    >>> import footmap
    >>> chart = footmap.load()
    >>> nums = citation_numbers(chart, [chart.zone("left.plantar.kidney")])
    >>> min(nums.values())
    1
    """
    ids = [s for c in claims for s in c.sources] + [s.id for s in chart.cited_sources(zones)]
    return {s: i for i, s in enumerate(dict.fromkeys(ids), start=1)}


def reference_list(sources: Iterable[Source], numbers: Mapping[str, int]) -> list[str]:
    """Numbered reference lines ``"[n] citation"`` for ``sources``, in citation order."""
    return [f"[{numbers[s.id]}] {s.citation}" for s in sources if s.id in numbers]


# -- the description -----------------------------------------------------------------------------
@dataclass(frozen=True)
class Cited:
    """One statement of a description with the sources behind it.

    Attributes
    ----------
    text : str
    sources : tuple of Source
    numbers : tuple of int
        The sources' citation numbers (those numbered).
    kind : str
        The claim's kind; ``"caveat"`` for the evidence caveat standing in for evidence;
        ``"disagreement"`` for a disagreement (its variants are placement claims).
    topic : str
        A disagreement's topic.
    variants : tuple of Cited
        A disagreement's variants.
    zones : tuple of str
        In a selection: the labels of the zones it is said of.
    key : str
        A disagreement's id.
    """

    text: str
    sources: tuple[Source, ...]
    numbers: tuple[int, ...]
    kind: str
    topic: str = ""
    variants: tuple[Cited, ...] = ()
    zones: tuple[str, ...] = ()
    key: str = ""


@dataclass(frozen=True)
class Section:
    """One section of a description: its field name, heading and statements."""

    key: str
    heading: str
    items: tuple[Cited, ...]


@dataclass(frozen=True)
class Description:
    """What footmap says: the sections of :data:`SECTIONS`, safety, the numbered sources.

    Attributes
    ----------
    charts : tuple of Cited
        What charts claim (placement and history claims).
    disagreements : tuple of Cited
        Where charts disagree, each with its variants.
    articles : tuple of Cited
        What the seed articles say.
    evidence : tuple of Cited
        What the evidence says: evidence claims; a zone without any has the evidence caveat
        instead, a selection always ends with it.
    safety : str
        The safety caveat, short form.
    sources : tuple of (int, Source)
        The sources the sections cite, by number.
    """

    charts: tuple[Cited, ...]
    disagreements: tuple[Cited, ...]
    articles: tuple[Cited, ...]
    evidence: tuple[Cited, ...]
    safety: str
    sources: tuple[tuple[int, Source], ...]

    @property
    def sections(self) -> tuple[Section, ...]:
        """The non-empty sections, in :data:`SECTIONS` order: what every surface shows."""
        out = []
        for key, head in SECTIONS:
            items = getattr(self, key)
            if items:
                out.append(Section(key, head, items))
        return tuple(out)


@dataclass(frozen=True)
class ZoneDescription(Description):
    """One zone: its heading (label, foot, view, body area, system, placement citations).

    ``also`` names the other panels that show the same zone (same label, area, system and
    claims) when a selection describes them once.
    """

    zone_id: str
    label: str
    foot: str
    view: str
    body_area: str
    system: str
    placement: tuple[int, ...]
    also: tuple[str, ...] = ()


@dataclass(frozen=True)
class SelectionDescription(Description):
    """Several zones: each distinct zone, then the sections over all of them.

    Each statement of a section is said once, with the labels of the zones it is said of.
    """

    zones: tuple[ZoneDescription, ...] = field(default=())


def _numbers_of(ids: Iterable[str], numbers: Mapping[str, int]) -> tuple[int, ...]:
    return tuple(numbers[i] for i in ids if i in numbers)


def _cited(
    chart: Chart, claim: Claim, numbers: Mapping[str, int], zones: Sequence[str] = ()
) -> Cited:
    return Cited(
        claim.text,
        tuple(chart.source(s) for s in claim.sources),
        _numbers_of(claim.sources, numbers),
        claim.kind,
        zones=tuple(zones),
    )


def _caveat_item(chart: Chart, numbers: Mapping[str, int]) -> Cited:
    ids = [s for c in chart.caveats_of("evidence") for s in c.sources]
    sources = caveat_sources(chart)
    return Cited(caveat_or_reminder(chart), sources, _numbers_of(ids, numbers), "caveat")


def _sources_of(
    chart: Chart, numbers: Mapping[str, int], sections: Iterable[Sequence[Cited]]
) -> tuple[tuple[int, Source], ...]:
    ids = {s.id for items in sections for i in items for v in (i, *i.variants) for s in v.sources}
    return tuple(sorted((numbers[i], chart.source(i)) for i in ids if i in numbers))


def _describe(
    chart: Chart,
    claims: Sequence[tuple[Claim, Sequence[str]]],
    disagreements: Sequence[tuple[Disagreement, Sequence[str]]],
    numbers: Mapping[str, int],
    *,
    caveat: str,
) -> dict[str, Any]:
    """The fields of a :class:`Description` from claims and disagreements (with labels).

    The one place that sorts statements into sections. ``caveat`` says when the evidence
    caveat joins the evidence: ``"instead"`` (only when there is no evidence claim) or
    ``"always"``.
    """
    by_key: dict[str, list[Cited]] = {key: [] for key, _ in SECTIONS}
    for claim, labels in claims:
        key = _SECTION_OF_KIND.get(claim.kind, "charts")
        by_key[key].append(_cited(chart, claim, numbers, labels))
    for d, labels in disagreements:
        variants = tuple(_cited(chart, v, numbers) for v in d.variants)
        by_key["disagreements"].append(
            Cited(d.text, (), (), "disagreement", d.topic, variants, tuple(labels), d.id)
        )
    if caveat == "always" or not by_key["evidence"]:
        by_key["evidence"].append(_caveat_item(chart, numbers))
    out: dict[str, Any] = {f.name: () for f in fields(Description)}
    out.update({key: tuple(items) for key, items in by_key.items()})
    out["safety"] = safety_line(chart)
    out["sources"] = _sources_of(chart, numbers, by_key.values())
    return out


def describe_zone(
    chart: Chart, zone: Zone, numbers: Mapping[str, int] | None = None
) -> ZoneDescription:
    """The description of one zone.

    Parameters
    ----------
    chart : Chart
    zone : Zone
    numbers : mapping, optional
        Source id -> citation number (:func:`citation_numbers`); by default the zone's own.

    Examples
    --------
    >>> import footmap
    >>> chart = footmap.load()
    >>> d = describe_zone(chart, chart.zone("left.plantar.heart"))
    >>> [s.heading for s in d.sections]  # doctest: +NORMALIZE_WHITESPACE
    ['What charts claim', 'Charts disagree here', 'What the articles say',
     'What the evidence says']
    """
    if numbers is None:
        numbers = citation_numbers(chart, [zone])
    claims = [(c, ()) for c in zone.claims]
    disagreements = [(d, ()) for d in chart.disagreements_for(zone)]
    fields = _describe(chart, claims, disagreements, numbers, caveat="instead")
    placement = dict.fromkeys(s for c in zone.claims if c.kind == "placement" for s in c.sources)
    return ZoneDescription(
        **fields,
        zone_id=zone.id,
        label=zone.label,
        foot=zone.foot,
        view=zone.view,
        body_area=zone.body_area,
        system=zone.system_label,
        placement=_numbers_of(placement, numbers),
    )


def describe_selection(
    chart: Chart,
    zones: Sequence[Zone],
    numbers: Mapping[str, int] | None = None,
    *,
    notes: Sequence[Claim] | None = None,
) -> SelectionDescription:
    """The description of several zones (a page's highlight, a quiz answer, a tour step).

    Each distinct zone is described once (the same label, area, system and claims on other
    panels are named in its ``also``); the sections hold each statement once, with the labels
    of its zones; the evidence section always ends with the evidence caveat.

    Parameters
    ----------
    chart : Chart
    zones : sequence of Zone
    numbers : mapping, optional
        Source id -> citation number. By default the sources are numbered in the order the
        sections cite them.
    notes : sequence of Claim, optional
        Say these instead of the zones' charts and article claims (a tour's notes on a body
        system); the zones' evidence claims still join the evidence.

    Examples
    --------
    >>> import footmap
    >>> chart = footmap.load()
    >>> d = describe_selection(chart, chart.zones_for("kidneys"))
    >>> [z.label for z in d.zones], d.zones[0].also
    (['Kidney'], ('right foot, plantar',))
    """
    zones = tuple(zones)
    labelled: dict[Claim, list[str]] = {note: [] for note in notes or ()}
    for z in zones:
        for c in z.claims:
            if notes is None or c.kind == "evidence":
                here = labelled.setdefault(c, [])
                if z.label not in here:
                    here.append(z.label)
    disputed: dict[Disagreement, list[str]] = {}
    for z in zones:
        for d in chart.disagreements_for(z):
            here = disputed.setdefault(d, [])
            if z.label not in here:
                here.append(z.label)
    claims = list(labelled.items())
    if numbers is None:  # number the sources in the order the sections cite them
        draft = Description(**_describe(chart, claims, list(disputed.items()), {}, caveat="always"))
        ids = [s.id for sec in draft.sections for i in sec.items for v in (i, *i.variants)
               for s in v.sources]  # fmt: skip
        numbers = {s: i for i, s in enumerate(dict.fromkeys(ids), start=1)}
    fields_ = _describe(chart, claims, list(disputed.items()), numbers, caveat="always")
    groups: dict[tuple[object, ...], list[Zone]] = {}
    for z in zones:
        groups.setdefault((z.label, z.body_area, z.system, z.claims), []).append(z)
    described = tuple(
        _also(describe_zone(chart, members[0], numbers), members[1:]) for members in groups.values()
    )
    return SelectionDescription(**fields_, zones=described)


def _also(d: ZoneDescription, others: Sequence[Zone]) -> ZoneDescription:
    return replace(d, also=tuple(f"{z.foot} foot, {z.view}" for z in others)) if others else d


# -- plain text ------------------------------------------------------------------------------------
def _cite_text(numbers: Sequence[int]) -> str:
    return "[" + ", ".join(map(str, numbers)) + "]"


def heading_text(d: ZoneDescription) -> str:
    """A zone's heading line: ``"Kidney (left foot, plantar): charts assign it to ..."``."""
    return (
        f"{d.label} ({d.foot} foot, {d.view}): charts assign it to the "
        f"{d.body_area} [{d.system}] {_cite_text(d.placement)}"
    )


def _item_text(item: Cited, cite_caveat: bool) -> str:
    if item.kind == "disagreement":
        return f"{item.topic}: {item.text}"
    if item.kind == "caveat" and not (cite_caveat and item.numbers):
        return item.text
    return f"{item.text} {_cite_text(item.numbers)}"


def section_lines(d: Description, *, cite_caveat: bool = False) -> list[str]:
    """The sections of ``d`` and its safety line, as plain-text lines.

    ``cite_caveat``: cite the evidence caveat where it stands in the evidence section (a
    text that does not show the caveat with its sources elsewhere).
    """
    lines = []
    for section in d.sections:
        lines.append(f"{section.heading}:")
        for item in section.items:
            lines.append(f"  - {_item_text(item, cite_caveat)}")
            lines += [f"    * {_item_text(v, cite_caveat)}" for v in item.variants]
    lines.append(f"{SAFETY_HEADING}: {d.safety}")
    return lines


def reference_lines(d: Description) -> list[str]:
    """The numbered sources of ``d`` as lines ``"[n] citation"``."""
    return [f"[{n}] {s.citation}" for n, s in d.sources]


def zone_text(
    chart: Chart,
    zone: Zone,
    numbers: Mapping[str, int] | None = None,
    *,
    claims: bool = True,
) -> str:
    """One zone as plain text: a heading line, then its sections (:data:`SECTIONS`).

    The heading names the zone, the body area charts assign it and its system, citing only
    the placement sources. With ``claims`` the sections follow, then the safety line.

    Parameters
    ----------
    chart : Chart
    zone : Zone
    numbers : mapping, optional
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
    d = describe_zone(chart, zone, numbers)
    if not claims:
        return heading_text(d)
    return "\n".join([heading_text(d), *section_lines(d)])


def zone_title(chart: Chart, zone: Zone) -> str:
    """A zone's hover title with its callout number: ``"Kidney (28) \u2014 kidneys"``.

    The number is the chart's (:attr:`Chart.numbers`), the one the zone's callout and the
    key show on every surface, also for zones whose name is written inside them.
    """
    n = chart.numbers.get(zone.id)
    number = f" ({n})" if n is not None else ""
    return f"{zone.label}{number} \u2014 {zone.body_area}"


# -- HTML ------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class HtmlStyle:
    """How a surface marks up the sections (the words and their order are the description's).

    Attributes
    ----------
    heading : str
        Tag of a section heading.
    classes : tuple of (str, str)
        Section key -> class of its heading; with ``key_classes`` each heading's class is its
        key instead.
    key_classes : bool
    strong : str
        Tag of a disagreement's topic and the safety label.
    numbered : bool
        Cite by number (``[1, 2]``, the page lists the sources) rather than by source title.
    cite_class, safety_class : str
    pinned : bool
        The surface shows the caveat box beside the text (the explorer, tour and quiz): the
        evidence caveat standing in for evidence becomes a pointer to it and the safety line
        is left to it, so the caveat is shown once.
    """

    heading: str = "h5"
    classes: tuple[tuple[str, str], ...] = (("disagreements", "fm-disagree"),)
    key_classes: bool = False
    strong: str = "b"
    numbered: bool = False
    cite_class: str = "fm-cite"
    safety_class: str = "fm-safety"
    pinned: bool = False


#: Where the evidence caveat stands in for evidence on a surface that shows the caveat box.
SEE_CAVEAT = "See the caveat beside the map."

#: The explorer's side panel (the caveat box is beside it).
EXPLORER_HTML = HtmlStyle(pinned=True)
#: Tour steps and quiz answers (the caveat box is beside them).
LESSON_HTML = HtmlStyle(heading="h4", classes=(("evidence", "fm-evidence-head"),), pinned=True)


def _cite_html(item: Cited, style: HtmlStyle) -> str:
    if style.numbered:
        nums = ", ".join(map(str, item.numbers))
        return f' <span class="{style.cite_class}">[{nums}]</span>' if nums else ""
    if item.kind == "caveat" or not item.sources:  # the caveat box beside cites the caveat
        return ""
    titles = "; ".join(_e(s.title) for s in dict.fromkeys(item.sources))
    return f' <span class="{style.cite_class}">(source: {titles})</span>'


def _item_html(item: Cited, style: HtmlStyle) -> str:
    b = style.strong
    if item.kind == "disagreement":
        variants = "".join(_item_html(v, style) for v in item.variants)
        return f"<li><{b}>{_e(item.topic)}:</{b}> {_e(item.text)}<ul>{variants}</ul></li>"
    return f"<li>{_e(item.text)}{_cite_html(item, style)}</li>"


def sections_html(d: Description, style: HtmlStyle = EXPLORER_HTML) -> str:
    """The sections of ``d`` and its safety line as HTML; every piece of chart text escaped.

    Statements are list items (a disagreement's variants a list inside); the evidence caveat
    standing in for evidence is a paragraph.
    """
    classes = dict(style.classes)
    h, b = style.heading, style.strong
    parts = []
    for section in d.sections:
        cls = section.key if style.key_classes else classes.get(section.key)
        attr = f' class="{cls}"' if cls else ""
        parts.append(f"<{h}{attr}>{_e(section.heading)}</{h}>")
        listed = False
        for item in section.items:
            if item.kind == "caveat":
                said = SEE_CAVEAT if style.pinned else f"{_e(item.text)}{_cite_html(item, style)}"
                parts.append(("</ul>" if listed else "") + f'<p class="fm-see-caveat">{said}</p>')
                listed = False
                continue
            if not listed:
                parts.append("<ul>")
                listed = True
            parts.append(_item_html(item, style))
        if listed:
            parts.append("</ul>")
    if d.safety.strip() and not style.pinned:
        parts.append(
            f'<p class="{style.safety_class}"><{b}>{_e(SAFETY_HEADING)}:</{b}> {_e(d.safety)}</p>'
        )
    return "".join(parts)


def claims_html(chart: Chart, claims: Iterable[Claim], style: HtmlStyle = EXPLORER_HTML) -> str:
    """``claims`` as an HTML list, each with its sources as ``style`` cites them."""
    items = "".join(_item_html(_cited(chart, c, {}), style) for c in claims)
    return f"<ul>{items}</ul>"


def zone_html(chart: Chart, zone: Zone) -> str:
    """One zone as an HTML fragment for the explorer: what it is, then its sections.

    The sections are :func:`zone_text`'s, in :data:`SECTIONS` order. Every piece of chart
    text is escaped, so hostile labels show as text.

    Examples
    --------
    >>> import footmap
    >>> chart = footmap.load()
    >>> "kidneys" in zone_html(chart, chart.zone("left.plantar.kidney"))
    True
    """
    d = describe_zone(chart, zone)
    return (
        f'<div class="fm-zone" data-zone="{_e(d.zone_id)}"><h4>{_e(d.label)}</h4>'
        f"<p><b>Claimed to correspond to:</b> {_e(d.body_area)}<br>"
        f"<b>Body system:</b> {_e(d.system)}<br>"
        f"<b>Where:</b> {_e(d.foot)} foot, {_e(d.view)} view</p>"
        f"{sections_html(d, EXPLORER_HTML)}</div>"
    )


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
