"""The click quiz: questions, the verdict on a click, and the quiz's texts.

Pure logic over a :class:`~footmap.chart.Chart`: frozen dataclasses, plain text and escaped
HTML. A verdict explains where the chart places the area asked about from the one description
of those zones (:func:`footmap.text.describe.describe_selection`) and always carries the
caveat. "Show me" is :func:`check` with ``reveal=True``. The widget is
:func:`footmap.explorer.quiz_widget`.

Examples
--------
>>> import footmap
>>> from footmap.text import quiz
>>> chart = footmap.load()
>>> q = quiz.quiz(chart, n=3, seed=1)[0]
>>> quiz.check(chart, q, chart.zone(q.answers[0])).correct
True
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

from footmap.chart.model import Chart, Zone
from footmap.text import describe
from footmap.text.caveat import REMINDER, caveat_box, caveat_line
from footmap.text.describe import place
from footmap.text.safe import escape_html as _e
from footmap.vocab import FEET, VIEWS

__all__ = [
    "MISSED",
    "QUIZ_HELP",
    "Answer",
    "Question",
    "check",
    "question_html",
    "quiz",
    "score_text",
]

#: What the answer panel says before a click.
QUIZ_HELP = (
    '<div class="fm-quiz-help"><p>Click the zone of the foot map that answers the question. '
    "A click outside every zone does not count. <b>Show me</b> highlights the answer.</p></div>"
)
#: What the answer panel says after a click outside every zone (it does not count).
MISSED = (
    '<div class="fm-quiz-help"><p><b>That click missed every zone</b>: click inside a zone of '
    "the foot (it does not count).</p></div>"
)


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
    """The verdict on one click of a quiz (or on "Show me").

    Attributes
    ----------
    correct : bool
        Whether the clicked zone is one of the question's answers.
    zone : Zone or None
        The clicked zone, or ``None`` when the click hit no zone (or the answer was shown).
    explanation : str
        Plain text: the verdict, where the chart places the area, the sections of its
        description with their sources, and always the caveat that this is a claim, not
        established anatomy.
    html : str
        The same as an escaped HTML fragment, the caveat in a visible box.
    """

    correct: bool
    zone: Zone | None
    explanation: str
    html: str


def check(
    chart: Chart, question: Question, zone: Zone | str | None = None, *, reveal: bool = False
) -> Answer:
    """Judge a click on the map against ``question``, or show its answer.

    Parameters
    ----------
    chart : Chart
    question : Question
    zone : Zone, str or None
        The zone clicked (or its id); ``None`` when the click hit no zone.
    reveal : bool, optional
        "Show me": say where the chart places the area without judging a click (``zone`` is
        not used); counts as not right.

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
    >>> check(chart, q, reveal=True).explanation.splitlines()[0]
    'Shown: where the chart places the heart.'
    """
    if reveal:
        zone = None
    elif isinstance(zone, str):
        zone = chart.zone(zone)
    correct = zone is not None and zone.id in question.answers
    area = question.body_area
    targets = [chart.zone(i) for i in question.answers]
    if reveal:
        verdict = f"Shown: where the chart places the {area}."
    elif correct and zone is not None:
        verdict = f"Right: you clicked {zone.label} ({place(zone)})."
    elif zone is not None:
        verdict = (
            f"Not quite: you clicked {zone.label} ({place(zone)}), "
            f"which the chart assigns to the {zone.body_area}."
        )
    else:
        verdict = "That click missed every zone."
    places = "; ".join(f"{place(z)} ({z.label})" for z in targets)
    where = f"The chart places the {area} here: {places}." if targets else ""
    d = describe.describe_selection(chart, targets)

    parts = [verdict, where, *describe.section_lines(d, cite_caveat=True), REMINDER]
    explanation = "\n".join(p for p in parts if p)
    refs = describe.reference_lines(d)
    if refs:
        explanation += "\nSources:\n" + "\n".join("  " + r for r in refs)

    css = "fm-right" if correct else "fm-wrong"
    where_html = ""
    if targets:
        where_html = (
            f"<p>The chart places the <b>{_e(area)}</b> here: "
            + "; ".join(f"{_e(place(z))} ({_e(z.label)})" for z in targets)
            + ".</p>"
        )
    html_ = (
        f'<div class="fm-answer {css}"><p><b>{_e(verdict)}</b></p>{where_html}'
        f"{describe.sections_html(d, describe.LESSON_HTML)}"
        f"{caveat_box(chart, caveat_line(chart), lead=REMINDER)}</div>"
    )
    return Answer(correct, zone, explanation, html_)


def question_html(index: int, total: int, prompt: str) -> str:
    """The quiz's question banner: ``"Question 2 of 5"`` and the escaped prompt.

    Examples
    --------
    >>> "Question 2 of 5" in question_html(1, 5, "Click where the chart places the heart")
    True
    """
    return (
        f'<div class="fm-question"><p style="margin:0;color:#555">Question {index + 1} of '
        f'{total}</p><p style="margin:2px 0;font-size:130%"><b>{_e(prompt)}</b></p></div>'
    )


def score_text(right: int, answered: int, total: int) -> str:
    """The quiz score line (plain text).

    Examples
    --------
    >>> score_text(2, 3, 5)
    'Score: 2 right of 3 answered (5 questions)'
    """
    return f"Score: {right} right of {answered} answered ({total} questions)"
