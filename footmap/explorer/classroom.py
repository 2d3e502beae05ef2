"""Teaching widgets over the explorer's map: a guided tour and a click quiz.

The lesson logic and texts (steps, questions, verdicts) are :mod:`footmap.text.tour`'s and
:mod:`footmap.text.quiz`'s; this module wires them to an
:class:`~footmap.explorer.Explorer` (its
map, view buttons and caveat) with ipywidgets buttons. Like :mod:`footmap.explorer` it belongs
to the one module family that imports ipywidgets.

Examples
--------
>>> from footmap.explorer.classroom import tour_widget
>>> t = tour_widget()
>>> t.step.title
'Nervous system'
>>> t.close()
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import ipywidgets as widgets

from footmap.chart.model import Chart, Zone
from footmap.explorer.kit import Shown, body, button, descendants, map_column, root
from footmap.explorer.panel import _text, best_view, selection_html
from footmap.explorer.widget import Explorer, _chart
from footmap.text import quiz as lesson_quiz
from footmap.text import tour as lesson_tour
from footmap.text.quiz import MISSED, QUIZ_HELP, question_html, score_text
from footmap.text.safe import escape_html as _e
from footmap.text.tour import counter_text

__all__ = ["Quiz", "Tour", "quiz_widget", "tour_widget"]


class _OverExplorer(Shown):
    """A lesson widget built over an :class:`Explorer`; closing it closes everything."""

    explorer: Explorer

    def static_bundle(self) -> dict[str, str]:
        """The explorer's static map, zone list and caveat (for viewers without a kernel)."""
        return self.explorer.static_bundle()

    def close(self) -> None:
        """Close the explorer and every widget of this lesson widget."""
        self.explorer.close()
        for w in list(descendants(self.widget)):
            w.close()


class Tour(_OverExplorer):
    """A guided tour of the body systems for a teacher: Previous / Next through the steps.

    Each step (:func:`footmap.text.tour.tour`) highlights the system's zones on the map (an
    :class:`Explorer`, switched to the view holding most of them), shows its talking points
    with sources (:func:`footmap.text.tour.step_html`) and the caveat. Build one with
    :func:`tour_widget`.

    Attributes
    ----------
    explorer : Explorer
        The map; its view selector stays available.
    steps : tuple of footmap.text.tour.TourStep
    index : int
        The current step (0-based).
    widget : ipywidgets.Widget
        The root widget.
    previous_button, next_button : ipywidgets.Button
    counter, step_panel, clicked : ipywidgets.HTML
        ``"3 / 10: Digestive"``; the step's talking points and caveat (always shown); what a
        click on the map
        selected (empty while the step's own zones are highlighted).
    """

    def __init__(
        self,
        explorer: Explorer,
        steps: Sequence[lesson_tour.TourStep],
        *,
        follow_view: bool = True,
    ) -> None:
        if not steps:
            raise ValueError("a tour needs at least one step")
        self.explorer = explorer
        self.steps = tuple(steps)
        self.follow_view = follow_view
        self.index = -1
        self.previous_button = button("Previous", "arrow-left", "Previous body system")
        self.next_button = button("Next", "arrow-right", "Next body system")
        self.counter = widgets.HTML("")
        self.counter.add_class("fm-tour-counter")
        self.step_panel = widgets.HTML("", layout=widgets.Layout(width="100%"))
        self.clicked = widgets.HTML("", layout=widgets.Layout(width="100%"))
        self.previous_button.on_click(lambda _: self.go(self.index - 1))
        self.next_button.on_click(lambda _: self.go(self.index + 1))
        explorer.on_select(self._on_select)
        self.widget = _tour_layout(self)
        self.go(0)

    def __repr__(self) -> str:
        return f"<footmap.Tour step {self.index + 1} of {len(self.steps)}>"

    @property
    def step(self) -> lesson_tour.TourStep:
        """The current step."""
        return self.steps[self.index]

    def go(self, index: int) -> lesson_tour.TourStep:
        """Show step ``index`` (0-based, clamped to the tour): highlight, view, panel, counter.

        Examples
        --------
        >>> t = tour_widget()
        >>> t.go(5).title
        'Digestive'
        >>> t.close()
        """
        index = min(max(index, 0), len(self.steps) - 1)
        if index == self.index:
            return self.step
        self.index = index
        step = self.step
        ex = self.explorer
        view = ex.controls["view"]
        if self.follow_view:
            wanted = best_view(step.zones, [v for _, v in view.options])
            if view.value != wanted:
                view.value = wanted  # redraws the map, keeping the selection
        ex.select(step.zones)
        self.counter.value = f"<b>{_e(counter_text(index, len(self.steps), step.title))}</b>"
        self.step_panel.value = _text(lesson_tour.step_html(ex.chart, step))
        self.clicked.value = ""
        self.previous_button.disabled = index == 0
        self.next_button.disabled = index == len(self.steps) - 1
        return step

    def next(self) -> lesson_tour.TourStep:
        """Go to the next step (stays on the last)."""
        return self.go(self.index + 1)

    def previous(self) -> lesson_tour.TourStep:
        """Go to the previous step (stays on the first)."""
        return self.go(self.index - 1)

    def _on_select(self, zones: tuple[Zone, ...]) -> None:
        """A click on the map: describe the clicked zone above the step's text (same column)."""
        if not zones or set(zones) == set(self.step.zones):
            self.clicked.value = ""
        else:
            head = f"<p><b>You clicked</b> (the tour is still on step {self.index + 1}):</p>"
            self.clicked.value = head + selection_html(self.explorer.chart, zones)


def _tour_layout(t: Tour) -> widgets.Widget:
    ex = t.explorer
    nav = widgets.HBox(
        [t.previous_button, t.counter, t.next_button],
        layout=widgets.Layout(align_items="center", grid_gap="12px", flex_flow="row wrap"),
    )
    ex.focus_before, ex.focus_after = t.next_button, None
    t.clicked.add_class("fm-clicked")
    t.step_panel.add_class("fm-scroll")
    side = [
        t.clicked,
        t.step_panel,
        ex.key,
    ]  # the step's own caveat box is hidden: ex.caveat is pinned
    foot = ex.controls["foot"]
    foot.layout.display = "none"  # shown when the window is too narrow for both feet
    rows = [nav, ex.controls["view"], foot, body(map_column(ex), side, ex.caveat)]
    return root(ex, rows, "footmap-tour")


def tour_widget(
    chart: Chart | None = None,
    *,
    systems: Sequence[str] | None = None,
    follow_view: bool = True,
    **options: Any,
) -> Tour:
    """A guided tour through the body systems, for a teacher to step through.

    Parameters
    ----------
    chart : Chart, optional
        The bundled chart by default.
    systems : sequence of str, optional
        Body system ids to visit, in order (all systems of the chart by default); see
        :func:`footmap.text.tour.tour`.
    follow_view : bool, optional
        Switch the map to the view holding most of each step's zones (so the lymphatic step
        shows the top of the feet). The view selector stays available either way.
    **options
        Passed to :class:`Explorer` (``view``, ``labels``, ``interactive``, ``figsize``...);
        both feet are shown.

    Returns
    -------
    Tour
        Display it as a cell's last expression.

    Examples
    --------
    >>> from footmap.explorer.classroom import tour_widget
    >>> t = tour_widget()
    >>> t.next().title
    'Senses (eyes, ears)'
    >>> t.close()
    """
    chart = _chart(chart)
    options.setdefault("foot", "both")
    options.setdefault("body", False)  # the tour's side column holds the talking points
    return Tour(
        Explorer(chart, **options), lesson_tour.tour(chart, systems), follow_view=follow_view
    )


class Quiz(_OverExplorer):
    """A click quiz: "Click where the chart places the kidneys", judged by the chart.

    A click on a zone answers (:func:`footmap.text.quiz.check`): the panel says right or wrong,
    where the chart places the area, what is claimed with sources, and the caveat. The map
    marks the answer with a thick solid outline and the zone clicked with a dashed outline and
    cross-hatching (not by colour alone); both stay until the next question. A click outside
    every zone does not count. From the keyboard: the arrow keys move a cursor over the map,
    Enter or Space answers with its zone. Build one with :func:`quiz_widget`.

    Attributes
    ----------
    explorer : Explorer
        The map (labels off, so the map does not give the answers away).
    questions : tuple of footmap.text.quiz.Question
    index : int
        The current question (0-based).
    round : int
        How many times the quiz was started again (each round asks freshly drawn questions).
    answers : dict of int to footmap.text.quiz.Answer or None
        Question index -> its answer, or ``None`` when it was shown with "Show me". Questions
        skipped with "Next question" have no entry.
    widget : ipywidgets.Widget
    question, answer, score : ipywidgets.HTML
    next_button, show_button : ipywidgets.Button
    """

    def __init__(
        self,
        explorer: Explorer,
        questions: Sequence[lesson_quiz.Question],
        *,
        redraw: Callable[[int], Sequence[lesson_quiz.Question]] | None = None,
    ) -> None:
        if not questions:
            raise ValueError("a quiz needs at least one question")
        self.explorer = explorer
        self.questions = tuple(questions)
        self._redraw = redraw
        self.round = 0
        self.index = 0
        self.answers: dict[int, lesson_quiz.Answer | None] = {}
        self.question = widgets.HTML("", layout=widgets.Layout(width="100%"))
        self.answer = widgets.HTML("", layout=widgets.Layout(width="100%"))
        self.answer.add_class("fm-scroll")
        self.score = widgets.HTML("")
        self.score.add_class("fm-quiz-score")
        self.next_button = button("Next question", "arrow-right", "Go to the next question")
        self.show_button = button("Show me", "eye", "Highlight where the chart places it")
        self.next_button.on_click(lambda _: self.next())
        self.show_button.on_click(lambda _: self.show())
        explorer.selects = False  # a click or Enter answers; it does not select
        explorer.cursor_text = _cursor_text
        explorer.on_click(self.answer_with)
        self.widget = _quiz_layout(self)
        self._ask(0)

    def __repr__(self) -> str:
        return f"<footmap.Quiz question {self.index + 1} of {len(self.questions)}>"

    @property
    def current(self) -> lesson_quiz.Question:
        """The question being asked."""
        return self.questions[self.index]

    @property
    def answered(self) -> bool:
        """Whether the current question has been answered (or shown)."""
        return self.index in self.answers

    @property
    def right(self) -> int:
        """How many questions were answered right."""
        return sum(1 for a in self.answers.values() if a is not None and a.correct)

    def answer_with(self, zone: Zone | str | None) -> lesson_quiz.Answer | None:
        """Answer the current question as a click on ``zone`` would (a zone, id or ``None``).

        Returns the :class:`~footmap.text.quiz.Answer`, or ``None`` when nothing was judged (the
        question was already answered, or ``zone`` is ``None``: a miss does not count).
        """
        if self.answered:
            return None
        if zone is None:
            self.answer.value = _text(MISSED)
            return None
        chart = self.explorer.chart
        zone = chart.zone(zone) if isinstance(zone, str) else zone
        verdict = lesson_quiz.check(chart, self.current, zone)
        self.answers[self.index] = verdict
        self._reveal((zone,), _text(verdict.html + _MARKS_KEY))
        return verdict

    def show(self) -> None:
        """Highlight the answer and explain it ("Show me"); the question counts as not right."""
        if self.answered:
            return
        self.answers[self.index] = None
        shown = lesson_quiz.check(self.explorer.chart, self.current, reveal=True)
        self._reveal((), _text(shown.html))

    def next(self) -> lesson_quiz.Question:
        """Ask the next question; after the last, start again: fresh score, fresh questions."""
        if self.index + 1 < len(self.questions):
            return self._ask(self.index + 1)
        self.round += 1
        if self._redraw is not None:
            self.questions = tuple(self._redraw(self.round)) or self.questions
        self.answers = {}
        return self._ask(0)

    # -- internals ---------------------------------------------------------------------------
    def _ask(self, index: int) -> lesson_quiz.Question:
        self.index = index
        q = self.current
        ex = self.explorer
        ex.select(())
        ex.cursor = None
        ex.mark()
        self.question.value = question_html(index, len(self.questions), q.prompt)
        self.answer.value = _text(QUIZ_HELP)
        self.show_button.disabled = False
        self._update_score()
        return q

    def _reveal(self, clicked: tuple[Zone, ...], html_: str) -> None:
        self.explorer.mark(answer=self.current.answers, clicked=clicked)
        self.answer.value = html_
        self.explorer.live.value = _e(_plain(html_))
        self.show_button.disabled = True
        self._update_score()

    def _update_score(self) -> None:
        n = len(self.questions)
        last = self.index == n - 1 and self.answered
        self.next_button.description = "Start again" if last else "Next question"
        self.next_button.tooltip = "Start the quiz again" if last else "Go to the next question"
        done = " Quiz finished." if last else ""
        self.score.value = f"<b>{_e(score_text(self.right, len(self.answers), n))}</b>{done}"


#: How the map marks an answered question (shown under the verdict).
_MARKS_KEY = (
    '<p class="fm-marks-key"><b>On the map:</b> the chart\'s answer has a thick solid outline; '
    "your click has a dashed outline and cross-hatching.</p>"
)


def _cursor_text(zone: Zone) -> str:
    """What the live region says as the quiz cursor moves: no zone names (they would answer)."""
    return f"A zone of the {zone.foot} foot. Press Enter to answer with it."


def _plain(html_: str) -> str:
    import re

    return " ".join(re.sub(r"<[^>]+>", " ", html_).split())


def _quiz_layout(q: Quiz) -> widgets.Widget:
    ex = q.explorer
    buttons = widgets.HBox([q.show_button, q.next_button], layout=widgets.Layout(grid_gap="8px"))
    ex.focus_before, ex.focus_after = None, q.show_button
    ex.alt.value = _e(
        "Quiz map: zones without names. Arrow keys move between zones, Enter or Space "
        "answers with the zone, Tab leaves the map."
    )
    side = [q.answer, buttons, q.score]
    foot = ex.controls["foot"]
    foot.layout.display = "none"  # shown when the window is too narrow for both feet
    rows = [
        q.question,
        foot,
        body(map_column(ex, status=False), side, ex.caveat),
    ]  # hover names would answer
    return root(ex, rows, "footmap-quiz")


def quiz_widget(
    chart: Chart | None = None,
    n: int = 5,
    seed: int | None = None,
    *,
    view: str = "plantar",
    **options: Any,
) -> Quiz:
    """A click quiz on both feet: "Click where the chart places the kidneys".

    Parameters
    ----------
    chart : Chart, optional
        The bundled chart by default.
    n : int, optional
        Number of questions (fewer when fewer body areas are fair to ask, see
        :func:`footmap.text.quiz.quiz`).
    seed : int, optional
        The same seed gives the same questions in the same order (and the same questions
        again after "Start again": round ``k`` uses ``seed + k``).
    view : str, optional
        The view the quiz is asked on (the sole by default).
    **options
        Passed to :class:`Explorer` (``interactive``, ``figsize``, ``color_by``,
        ``presentation``...). Zone labels are off unless ``labels=True`` is given: they would
        give the answers away.

    Returns
    -------
    Quiz
        Display it as a cell's last expression.

    Examples
    --------
    >>> from footmap.explorer.classroom import quiz_widget
    >>> q = quiz_widget(n=3, seed=1)
    >>> q.current.prompt
    'Click where the chart places the head and brain'
    >>> q.close()
    """
    import random

    chart = _chart(chart)
    options.setdefault("labels", False)
    options["foot"] = "both" if len(chart.feet) > 1 else chart.feet[0]
    base = seed if seed is not None else random.randrange(2**31)

    def draw(k: int) -> tuple[lesson_quiz.Question, ...]:
        return lesson_quiz.quiz(chart, n=n, seed=base + k, views=(view,), feet=chart.feet)

    options.setdefault("body", False)  # the quiz asks where charts put an organ: no answer
    return Quiz(Explorer(chart, view=view, **options), draw(0), redraw=draw)
