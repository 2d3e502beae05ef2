"""A guided tour of the body systems, and where the charts come from and what the evidence says.

Pure logic over a :class:`~footmap.chart.Chart`: frozen dataclasses, plain text and escaped
HTML. Each step is rendered from the one description of its zones
(:func:`footmap.text.describe.describe_selection`), with the system's notes as what is
claimed; every step carries the caveat. The widget is :func:`footmap.explorer.tour_widget`.

Examples
--------
>>> import footmap
>>> from footmap.text import tour
>>> chart = footmap.load()
>>> tour.tour(chart)[0].title
'Nervous system'
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from footmap.chart.model import Chart, Claim, Source, Zone
from footmap.text import describe
from footmap.text.caveat import caveat_box, caveat_or_reminder
from footmap.text.safe import escape_html as _e
from footmap.vocab import SYSTEMS, VIEWS

__all__ = [
    "TourStep",
    "counter_text",
    "evidence_html",
    "evidence_summary",
    "evidence_text",
    "history_html",
    "history_text",
    "step_html",
    "step_text",
    "tour",
]

#: Heading of a step's zones, grouped by foot and view.
WHERE_HEADING = "Where the chart places it"


@dataclass(frozen=True)
class TourStep:
    """One step of a guided tour: a body system and everything the chart says about it.

    Attributes
    ----------
    system : str
        Body system id, a key of :data:`footmap.vocab.SYSTEMS`.
    title : str
        Its display label, e.g. ``"Digestive"``.
    zones : tuple of Zone
        Every zone of the system, on both feet and in all views, in file order.
    talking_points : tuple of Claim
        The chart's notes on the system (``Chart.system_notes``), or, when it has none, the
        zones' own claims without repeats, each led by its zones' labels
        (``"Kidney: Charts ... assign this area ..."``). Never empty.
    caveat : str
        The evidence caveat, short form.
    """

    system: str
    title: str
    zones: tuple[Zone, ...]
    talking_points: tuple[Claim, ...]
    caveat: str


def _labelled_claims(zones: Sequence[Zone]) -> tuple[Claim, ...]:
    """The zones' distinct claims, each led by the labels of the zones it is made for.

    Zone claims speak of "this area"; the labels say which one when they are read as the
    talking points of a whole body system.
    """
    labels: dict[Claim, list[str]] = {}
    for z in zones:
        for c in z.claims:
            if c.kind == "evidence":  # the zones' evidence joins the step's evidence section
                continue
            here = labels.setdefault(c, [])
            if z.label not in here:
                here.append(z.label)
    return tuple(
        Claim(f"{', '.join(names)}: {c.text}", c.sources, c.kind) for c, names in labels.items()
    )


def tour(chart: Chart, systems: Sequence[str] | None = None) -> tuple[TourStep, ...]:
    """A guided tour of the chart, one step per body system, for a teacher to step through.

    Parameters
    ----------
    chart : Chart
    systems : sequence of str, optional
        Body system ids to visit, in this order. By default every system that has zones in
        the chart, in the order of :data:`footmap.vocab.SYSTEMS`.

    Returns
    -------
    tuple of TourStep

    Raises
    ------
    ValueError
        If a requested system is unknown or has no zones in the chart.

    Examples
    --------
    >>> import footmap
    >>> chart = footmap.load()
    >>> [s.system for s in tour(chart, ["urinary", "digestive"])]
    ['urinary', 'digestive']
    >>> step = tour(chart, ["urinary"])[0]
    >>> step.title, len(step.zones) == len(chart.zones_in_system("urinary"))
    ('Urinary', True)
    """
    present = {z.system for z in chart.zones}
    if systems is None:
        wanted = [s for s in SYSTEMS if s in present]
    else:
        wanted = list(systems)
        unknown = [s for s in wanted if s not in SYSTEMS]
        if unknown:
            raise ValueError(f"unknown body system(s) {unknown}; known: {list(SYSTEMS)}")
        missing = [s for s in wanted if s not in present]
        if missing:
            raise ValueError(f"the chart has no zones for system(s) {missing}")
    caveat = caveat_or_reminder(chart)
    steps = []
    for system in wanted:
        zones = chart.zones_in_system(system)
        points = tuple(chart.system_notes.get(system, ())) or _labelled_claims(zones)
        steps.append(TourStep(system, SYSTEMS[system], zones, points, caveat))
    return tuple(steps)


def counter_text(index: int, total: int, title: str) -> str:
    """The tour's step counter, e.g. ``"3 / 10: Digestive"`` (plain text, 0-based ``index``).

    Examples
    --------
    >>> counter_text(2, 10, "Digestive")
    '3 / 10: Digestive'
    """
    return f"{index + 1} / {total}: {title}"


def _by_panel(chart: Chart, zones: Sequence[Zone]) -> list[tuple[str, str, list[Zone]]]:
    """Group ``zones`` by (foot, view) in the chart's panel order."""
    groups = []
    for foot, view in chart.panels:
        here = [z for z in zones if z.foot == foot and z.view == view]
        if here:
            groups.append((foot, view, here))
    return groups


def _description(chart: Chart, step: TourStep) -> describe.SelectionDescription:
    return describe.describe_selection(chart, step.zones, notes=step.talking_points)


def step_text(chart: Chart, step: TourStep) -> str:
    """One tour step as plain text, with citation numbers and a reference list.

    The title, the zones grouped by foot and view, then the sections of the step's
    description (the caveat ends the evidence), safety and the references.

    Examples
    --------
    >>> import footmap
    >>> chart = footmap.load()
    >>> print(step_text(chart, tour(chart, ["urinary"])[0]).splitlines()[0])
    Urinary
    """
    d = _description(chart, step)
    lines = [step.title, "", f"{WHERE_HEADING}:"]
    for foot, view, zones in _by_panel(chart, step.zones):
        names = ", ".join(f"{z.label} ({z.body_area})" for z in zones)
        lines.append(f"  {foot.capitalize()} foot, {VIEWS[view]}: {names}")
    lines += ["", *describe.section_lines(d, cite_caveat=True), "", "References:"]
    lines += ["  " + r for r in describe.reference_lines(d)]
    return "\n".join(lines)


def step_html(chart: Chart, step: TourStep) -> str:
    """One tour step as an HTML fragment for the widget panel.

    The zones by foot and view, the sections of the step's description with source titles,
    safety, and the caveat in a visible box. Every piece of chart text is escaped.

    Examples
    --------
    >>> import footmap
    >>> chart = footmap.load()
    >>> 'class="fm-caveat"' in step_html(chart, tour(chart)[0])
    True
    """
    rows = "".join(
        f"<li><b>{_e(foot.capitalize())} foot, {_e(VIEWS[view])}:</b> "
        + ", ".join(f"{_e(z.label)} ({_e(z.body_area)})" for z in zones)
        + "</li>"
        for foot, view, zones in _by_panel(chart, step.zones)
    )
    d = _description(chart, step)
    return (
        f'<div class="fm-tour-step" data-system="{_e(step.system)}">'
        f"<h3>{_e(step.title)}</h3>"
        f"<h4>{_e(WHERE_HEADING)}</h4><ul>{rows}</ul>"
        f"{describe.sections_html(d, describe.LESSON_HTML)}"
        f"{caveat_box(chart, step.caveat)}</div>"
    )


# -- history and evidence ---------------------------------------------------------------------
def evidence_summary(chart: Chart) -> list[tuple[str, tuple[Source, ...]]]:
    """What the evidence says: the chart's evidence caveats, then each published study's finding.

    Returns
    -------
    list of (str, tuple of Source)
        Each statement with the sources behind it: first every evidence caveat in full, then
        one entry per source of kind ``"study"`` (its note, or its citation when it has none).

    Examples
    --------
    >>> import footmap
    >>> summary = evidence_summary(footmap.load())
    >>> [s.id for _, sources in summary[1:] for s in sources][:2]
    ['ernst2009', 'ernst2011']
    """
    out = [
        (c.text, tuple(chart.source(s) for s in c.sources)) for c in chart.caveats_of("evidence")
    ]
    out += [(s.note or s.citation, (s,)) for s in chart.sources if s.kind == "study"]
    return out


def evidence_text(chart: Chart) -> str:
    """:func:`evidence_summary` as numbered plain text with a reference list.

    Examples
    --------
    >>> import footmap
    >>> "Ernst" in evidence_text(footmap.load())
    True
    """
    claims = [
        Claim(t, tuple(s.id for s in srcs), "evidence") for t, srcs in evidence_summary(chart)
    ]
    return _listed(chart, claims)


def _listed(chart: Chart, claims: Sequence[Claim]) -> str:
    """``claims`` as ``- text [n]`` lines, then the references they cite."""
    ids = dict.fromkeys(s for c in claims for s in c.sources)
    numbers = {s: i for i, s in enumerate(ids, start=1)}
    lines = [f"- {c.text} [{', '.join(str(numbers[s]) for s in c.sources)}]" for c in claims]
    refs = describe.reference_list((chart.source(s) for s in ids), numbers)
    return "\n".join(lines + ["", "References:"] + ["  " + r for r in refs])


def evidence_html(chart: Chart) -> str:
    """:func:`evidence_summary` as an escaped HTML list, each statement with its full citations.

    Examples
    --------
    >>> import footmap
    >>> evidence_html(footmap.load()).startswith('<div class="fm-evidence">')
    True
    """
    items = "".join(
        f'<li>{_e(t)} <span class="fm-cite">({"; ".join(_e(s.citation) for s in srcs)})</span></li>'
        for t, srcs in evidence_summary(chart)
    )
    head = _e(describe.EVIDENCE_HEADING)
    return f'<div class="fm-evidence"><h4>{head}</h4><ul>{items}</ul></div>'


def _history_claims(chart: Chart) -> tuple[Claim, ...]:
    """The chart's history notes, else its history sources' notes; then its chart caveats."""
    claims = chart.history or tuple(
        Claim(s.note, (s.id,), "history") for s in chart.sources if s.kind == "history" and s.note
    )
    return claims + tuple(Claim(c.text, c.sources, "history") for c in chart.caveats_of("chart"))


def history_text(chart: Chart) -> str:
    """Where the charts come from, as plain text with citation numbers and references.

    Uses the chart's history notes (``Chart.history``); a chart without them falls back to
    the notes of its history sources. The chart caveat (charts disagree) always ends it.
    Empty when the chart has none of these.

    Examples
    --------
    >>> import footmap
    >>> "Ingham" in history_text(footmap.load())
    True
    """
    claims = _history_claims(chart)
    return _listed(chart, claims) if claims else ""


def history_html(chart: Chart) -> str:
    """:func:`history_text` as an escaped HTML fragment, each note with its source titles.

    Examples
    --------
    >>> import footmap
    >>> "Stories the Feet Can Tell" in history_html(footmap.load())
    True
    """
    items = describe.claims_html(chart, _history_claims(chart), describe.LESSON_HTML)
    return f'<div class="fm-history"><h4>Where the charts come from</h4>{items}</div>'
