"""Teaching with the foot map: a tour of the body systems, a click quiz, history and evidence.

Everything here is pure logic over a :class:`~footmap.chart.Chart`: it returns frozen
dataclasses, plain text and escaped HTML fragments. The widgets that use it live in
:mod:`footmap.explorer`; this module imports neither ipywidgets nor matplotlib.

Every tour step and every quiz answer carries the caveat that the zones are what reflexology
charts *claim*, not established anatomy or evidence.

Examples
--------
>>> import footmap
>>> from footmap.text import lesson
>>> chart = footmap.load()
>>> steps = lesson.tour(chart)
>>> steps[0].title
'Nervous system'
>>> q = lesson.quiz(chart, n=3, seed=1)[0]
>>> lesson.check(chart, q, chart.zone(q.answers[0])).correct
True
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from footmap.chart.model import Chart, Claim, Source, Zone
from footmap.text.describe import (
    CHARTS_HEADING,
    EVIDENCE_HEADING,
    SAFETY_HEADING,
    caveat_line,
    charts_claims,
    evidence_claims,
    safety_line,
)
from footmap.text.describe import escape_html as _e
from footmap.vocab import FEET, SYSTEMS, VIEWS

__all__ = [
    "REMINDER",
    "Answer",
    "Question",
    "TourStep",
    "check",
    "evidence_html",
    "evidence_summary",
    "evidence_text",
    "history_html",
    "history_text",
    "quiz",
    "step_html",
    "step_text",
    "tour",
]

#: The project's own reminder, part of every quiz explanation and used as the tour caveat when
#: a chart has no evidence caveat.
REMINDER = (
    "Remember: where a chart places a body area is a claim of reflexology charts, not "
    "established anatomy, and good evidence does not support it."
)

#: Short names of the views, for sentences ("left foot, sole").
_VIEW_WORDS = {"plantar": "sole", "dorsal": "top", "medial": "inner side", "lateral": "outer side"}


_BOX_STYLE = (
    "border-left:4px solid #b45309;background:#fff7ed;color:#431407;"
    "padding:2px 8px;margin-top:6px;font-size:90%;line-height:1.35"
)


# -- shared helpers ---------------------------------------------------------------------------
def _caveat(chart: Chart) -> str:
    """The short evidence caveat of ``chart``, or :data:`REMINDER` when it has none."""
    return caveat_line(chart) or REMINDER


def _caveat_sources(chart: Chart) -> tuple[Source, ...]:
    ids = dict.fromkeys(s for c in chart.caveats_of("evidence") for s in c.sources)
    return tuple(chart.source(i) for i in ids)


def _distinct_claims(zones: Iterable[Zone]) -> tuple[Claim, ...]:
    """What charts claim for the zones (placement and article claims), without repeats."""
    return tuple(dict.fromkeys(c for z in zones for c in charts_claims(z)))


def _distinct_evidence(zones: Iterable[Zone]) -> tuple[Claim, ...]:
    """What the evidence says about the zones (evidence-kind claims), without repeats."""
    return tuple(dict.fromkeys(c for z in zones for c in evidence_claims(z)))


def _evidence_html(chart: Chart, zones: Iterable[Zone]) -> str:
    """The evidence section and the safety line: kept apart from what charts claim."""
    evidence = _distinct_evidence(zones)
    body = (
        f"<ul>{''.join(_claim_html(chart, c) for c in evidence)}</ul>"
        if evidence
        else f"<p>{_e(caveat_line(chart) or REMINDER)}</p>"
    )
    return (
        f'<h4 class="fm-evidence-head">{_e(EVIDENCE_HEADING)}</h4>{body}'
        f'<p class="fm-safety"><b>{_e(SAFETY_HEADING)}:</b> {_e(safety_line(chart))}</p>'
    )


def _labelled_claims(zones: Sequence[Zone]) -> tuple[Claim, ...]:
    """The zones' distinct claims, each led by the labels of the zones it is made for.

    Zone claims speak of "this area"; the labels say which one when they are read as the
    talking points of a whole body system.
    """
    labels: dict[Claim, list[str]] = {}
    for z in zones:
        for c in charts_claims(z):
            here = labels.setdefault(c, [])
            if z.label not in here:
                here.append(z.label)
    return tuple(
        Claim(f"{', '.join(names)}: {c.text}", c.sources, c.kind) for c, names in labels.items()
    )


def _numbers(claims: Iterable[Claim], extra: Iterable[str] = ()) -> dict[str, int]:
    """Number source ids from 1 in order of first citation: the claims, then ``extra``."""
    ids = [s for c in claims for s in c.sources] + list(extra)
    return {s: i for i, s in enumerate(dict.fromkeys(ids), start=1)}


def _cite(ids: Sequence[str], numbers: dict[str, int]) -> str:
    return "[" + ", ".join(str(numbers[i]) for i in ids if i in numbers) + "]"


def _references(chart: Chart, numbers: dict[str, int]) -> list[str]:
    return [f"[{n}] {chart.source(s).citation}" for s, n in numbers.items()]


def _titles_html(chart: Chart, ids: Sequence[str]) -> str:
    return "; ".join(_e(chart.source(s).title) for s in dict.fromkeys(ids))


def _claim_html(chart: Chart, claim: Claim) -> str:
    cited = _titles_html(chart, claim.sources)
    return f'<li>{_e(claim.text)} <span class="fm-cite">(source: {cited})</span></li>'


def _caveat_box(chart: Chart, text: str, *, lead: str = "") -> str:
    ids = [s.id for s in _caveat_sources(chart)]
    cited = f' <span class="fm-cite">(sources: {_titles_html(chart, ids)})</span>' if ids else ""
    lead_html = f"{_e(lead)} " if lead else ""
    return (
        f'<div class="fm-caveat" role="note" style="{_BOX_STYLE}">'
        f"<p><b>Caveat:</b> {lead_html}{_e(text)}{cited}</p></div>"
    )


def _where(zone: Zone) -> str:
    return f"{zone.foot} foot, {_VIEW_WORDS.get(zone.view, zone.view)}"


def _by_panel(chart: Chart, zones: Sequence[Zone]) -> list[tuple[str, str, list[Zone]]]:
    """Group ``zones`` by (foot, view) in the chart's panel order."""
    groups = []
    for foot, view in chart.panels:
        here = [z for z in zones if z.foot == foot and z.view == view]
        if here:
            groups.append((foot, view, here))
    return groups


# -- tour -------------------------------------------------------------------------------------
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
    caveat = _caveat(chart)
    steps = []
    for system in wanted:
        zones = chart.zones_in_system(system)
        points = tuple(chart.system_notes.get(system, ())) or _labelled_claims(zones)
        steps.append(TourStep(system, SYSTEMS[system], zones, points, caveat))
    return tuple(steps)


def step_text(chart: Chart, step: TourStep) -> str:
    """One tour step as plain text, with citation numbers and a reference list.

    Gives the talking points, the zones grouped by foot and view, and the caveat.

    Parameters
    ----------
    chart : Chart
    step : TourStep

    Returns
    -------
    str

    Examples
    --------
    >>> import footmap
    >>> chart = footmap.load()
    >>> print(step_text(chart, tour(chart, ["urinary"])[0]).splitlines()[0])
    Urinary
    """
    numbers = _numbers(step.talking_points, (s.id for s in _caveat_sources(chart)))
    lines = [step.title, "", "What charts claim:"]
    lines += [f"  - {c.text} {_cite(c.sources, numbers)}" for c in step.talking_points]
    lines += ["", "Where the chart places it:"]
    for foot, view, zones in _by_panel(chart, step.zones):
        names = ", ".join(f"{z.label} ({z.body_area})" for z in zones)
        lines.append(f"  {foot.capitalize()} foot, {VIEWS[view]}: {names}")
    caveat_ids = [s.id for s in _caveat_sources(chart)]
    cited = f" {_cite(caveat_ids, numbers)}" if caveat_ids else ""
    lines += ["", f"Caveat: {step.caveat}{cited}", "", "References:"]
    lines += ["  " + r for r in _references(chart, numbers)]
    return "\n".join(lines)


def step_html(chart: Chart, step: TourStep) -> str:
    """One tour step as an HTML fragment for the widget panel.

    Talking points show their source titles, zones are listed by foot and view, and the
    caveat sits in a visible box. Every piece of chart text is escaped.

    Parameters
    ----------
    chart : Chart
    step : TourStep

    Returns
    -------
    str
        A ``<div class="fm-tour-step">`` fragment.

    Examples
    --------
    >>> import footmap
    >>> chart = footmap.load()
    >>> 'class="fm-caveat"' in step_html(chart, tour(chart)[0])
    True
    """
    points = "".join(_claim_html(chart, c) for c in step.talking_points)
    rows = "".join(
        f"<li><b>{_e(foot.capitalize())} foot, {_e(VIEWS[view])}:</b> "
        + ", ".join(f"{_e(z.label)} ({_e(z.body_area)})" for z in zones)
        + "</li>"
        for foot, view, zones in _by_panel(chart, step.zones)
    )
    return (
        f'<div class="fm-tour-step" data-system="{_e(step.system)}">'
        f"<h3>{_e(step.title)}</h3>"
        f"<h4>{_e(CHARTS_HEADING)}</h4><ul>{points}</ul>"
        f"<h4>Where the chart places it</h4><ul>{rows}</ul>"
        f"{_evidence_html(chart, step.zones)}"
        f"{_caveat_box(chart, step.caveat)}</div>"
    )


# -- quiz -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Question:
    """A quiz question: click where the chart places a body area.

    Attributes
    ----------
    prompt : str
        What to ask, e.g. ``"Click where the chart places the kidneys"`` (plain text).
    body_area : str
        The body area asked about.
    answers : tuple of str
        Ids of the zones that count as right: every zone claimed for the area in the feet and
        views being shown.
    feet, views : tuple of str
        The panels the question is asked on.
    """

    prompt: str
    body_area: str
    answers: tuple[str, ...]
    feet: tuple[str, ...] = FEET
    views: tuple[str, ...] = ("plantar",)


def quiz(
    chart: Chart,
    n: int = 5,
    seed: int | None = None,
    views: Sequence[str] = ("plantar",),
    feet: Sequence[str] = ("left", "right"),
    *,
    min_area: float = 150.0,
) -> tuple[Question, ...]:
    """Pick up to ``n`` quiz questions about distinct body areas.

    Only areas with at least one zone of ``min_area`` mm² or more in the shown panels are
    asked about, so that every question can be answered with a fair click.

    Parameters
    ----------
    chart : Chart
    n : int, optional
        How many questions. Fewer are returned when fewer areas qualify.
    seed : int, optional
        Seed for the choice and order of questions; the same seed gives the same quiz.
    views, feet : sequence of str, optional
        The panels being shown (sole of both feet by default).
    min_area : float, optional
        Smallest zone area (mm²) that makes a body area fair to ask about.

    Returns
    -------
    tuple of Question

    Raises
    ------
    ValueError
        If ``n < 1``, a view or foot is unknown, or no body area qualifies.

    Examples
    --------
    >>> import footmap
    >>> chart = footmap.load()
    >>> qs = quiz(chart, n=3, seed=7)
    >>> qs == quiz(chart, n=3, seed=7), len({q.body_area for q in qs})
    (True, 3)
    >>> all(chart.zone(a).view == "plantar" for q in qs for a in q.answers)
    True
    """
    if n < 1:
        raise ValueError(f"n must be at least 1, got {n}")
    views, feet = tuple(views), tuple(feet)
    bad = [v for v in views if v not in VIEWS] + [f for f in feet if f not in FEET]
    if bad or not views or not feet:
        raise ValueError(f"unknown or missing views/feet {bad}; views: {list(VIEWS)}, feet: {FEET}")
    shown = [z for z in chart.zones if z.view in views and z.foot in feet]
    fair = sorted({z.body_area for z in shown if z.geometry.area >= min_area})
    if not fair:
        raise ValueError(
            f"no body area has a zone of at least {min_area} mm² in views {views}, feet {feet}"
        )
    chosen = random.Random(seed).sample(fair, min(n, len(fair)))
    return tuple(
        Question(
            prompt=f"Click where the chart places the {area}",
            body_area=area,
            answers=tuple(z.id for z in shown if z.body_area == area),
            feet=feet,
            views=views,
        )
        for area in chosen
    )


@dataclass(frozen=True)
class Answer:
    """The verdict on one click of a quiz.

    Attributes
    ----------
    correct : bool
        Whether the clicked zone is one of the question's answers.
    zone : Zone or None
        The clicked zone, or ``None`` when the click hit no zone.
    explanation : str
        Plain text: the verdict, where the chart places the area, what is claimed for it with
        its sources, and always the caveat that this is a claim, not established anatomy.
    html : str
        The same as an escaped HTML fragment, the caveat in a visible box.
    """

    correct: bool
    zone: Zone | None
    explanation: str
    html: str


def check(chart: Chart, question: Question, zone: Zone | str | None) -> Answer:
    """Judge a click on the map against ``question``.

    Parameters
    ----------
    chart : Chart
    question : Question
    zone : Zone, str or None
        The zone clicked (or its id); ``None`` when the click hit no zone.

    Returns
    -------
    Answer

    Raises
    ------
    KeyError
        If ``zone`` is an id the chart does not have.

    Examples
    --------
    >>> import footmap
    >>> chart = footmap.load()
    >>> q = Question("Click where the chart places the heart", "heart", ("left.plantar.heart",))
    >>> check(chart, q, "left.plantar.heart").correct
    True
    >>> a = check(chart, q, None)
    >>> a.correct, REMINDER in a.explanation
    (False, True)
    """
    if isinstance(zone, str):
        zone = chart.zone(zone)
    correct = zone is not None and zone.id in question.answers
    area = question.body_area
    targets = [chart.zone(i) for i in question.answers]
    if correct and zone is not None:
        verdict = f"Right: you clicked {zone.label} ({_where(zone)})."
    elif zone is not None:
        verdict = (
            f"Not quite: you clicked {zone.label} ({_where(zone)}), "
            f"which the chart assigns to the {zone.body_area}."
        )
    else:
        verdict = "That click missed every zone."
    places = "; ".join(f"{_where(z)} ({z.label})" for z in targets)
    where = f"The chart places the {area} here: {places}." if targets else ""
    claims = _distinct_claims(targets)
    caveat = caveat_line(chart)
    evidence = _distinct_evidence(targets)
    numbers = _numbers(claims + evidence)
    parts = [verdict, where] + [
        f"Charts claim: {c.text} {_cite(c.sources, numbers)}" for c in claims
    ]
    parts += [f"The evidence says: {c.text} {_cite(c.sources, numbers)}" for c in evidence]
    parts += [f"{REMINDER} {caveat}".strip(), f"Safety: {safety_line(chart)}"]
    refs = _references(chart, numbers)
    explanation = "\n".join(p for p in parts if p)
    if refs:
        explanation += "\nSources:\n" + "\n".join("  " + r for r in refs)

    css = "fm-right" if correct else "fm-wrong"
    where_html = ""
    if targets:
        where_html = (
            f"<p>The chart places the <b>{_e(area)}</b> here: "
            + "; ".join(f"{_e(_where(z))} ({_e(z.label)})" for z in targets)
            + ".</p>"
        )
    claims_html = ""
    if claims:
        items = "".join(_claim_html(chart, c) for c in claims)
        claims_html = f"<h4>{_e(CHARTS_HEADING)}</h4><ul>{items}</ul>"
    html_ = (
        f'<div class="fm-answer {css}"><p><b>{_e(verdict)}</b></p>{where_html}{claims_html}'
        f"{_evidence_html(chart, targets)}"
        f"{_caveat_box(chart, caveat, lead=REMINDER)}</div>"
    )
    return Answer(correct, zone, explanation, html_)


# -- history and evidence ---------------------------------------------------------------------
def evidence_summary(chart: Chart) -> list[tuple[str, tuple[Source, ...]]]:
    """What the evidence says: the chart's evidence caveats, then each published study's finding.

    Parameters
    ----------
    chart : Chart

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
    summary = evidence_summary(chart)
    numbers = _numbers(Claim(t, tuple(s.id for s in srcs), "evidence") for t, srcs in summary)
    lines = [f"- {t} {_cite([s.id for s in srcs], numbers)}" for t, srcs in summary]
    return "\n".join(lines + ["", "References:"] + ["  " + r for r in _references(chart, numbers)])


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
    return f'<div class="fm-evidence"><h4>What the evidence says</h4><ul>{items}</ul></div>'


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
    if not claims:
        return ""
    numbers = _numbers(claims)
    lines = [f"- {c.text} {_cite(c.sources, numbers)}" for c in claims]
    return "\n".join(lines + ["", "References:"] + ["  " + r for r in _references(chart, numbers)])


def history_html(chart: Chart) -> str:
    """:func:`history_text` as an escaped HTML fragment, each note with its source titles.

    Examples
    --------
    >>> import footmap
    >>> "Stories the Feet Can Tell" in history_html(footmap.load())
    True
    """
    items = "".join(_claim_html(chart, c) for c in _history_claims(chart))
    return f'<div class="fm-history"><h4>Where the charts come from</h4><ul>{items}</ul></div>'
