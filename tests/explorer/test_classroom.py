"""Headless tests of the teaching widgets (tour and quiz): synthetic clicks, no browser.

Like test_widget.py: a real ipympl canvas (DummyComm outside a kernel), real matplotlib
``MouseEvent`` objects at zones' anchors, assertions on the panels' HTML and the highlight.
"""

from __future__ import annotations

from html import escape as esc
from pathlib import Path

import pytest
from _clicks import click, outside_point

import footmap
from footmap.explorer import classroom as fc
from footmap.explorer import panel as panels
from footmap.explorer.kit import descendants, ipympl_active
from footmap.text import quiz as text_quiz
from footmap.text import tour as text_tour
from footmap.text.caveat import caveat_or_reminder
from footmap.text.safe import escape_html

IPYMPL = "module://ipympl.backend_nbagg"
DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture
def tour(chart, ipympl_backend):
    t = fc.tour_widget(chart)
    yield t
    t.close()


@pytest.fixture
def quiz(chart, ipympl_backend):
    q = fc.quiz_widget(chart, n=5, seed=3)
    yield q
    q.close()


@pytest.fixture(scope="module")
def hostile():
    return footmap.load(DATA / "hostile.geojson")


def evidence_in(chart, html_):
    """The chart's evidence caveat (short form, as lesson boxes show it) is in ``html_``."""
    return 'class="fm-caveat"' in html_ and esc(caveat_or_reminder(chart)[:50]) in html_


# -- small functions --------------------------------------------------------------------------
def test_best_view_picks_the_view_with_most_zones(chart):
    assert panels.best_view(chart.zones_in_system("lymphatic"), chart.views) == "dorsal"
    assert panels.best_view(chart.zones_in_system("digestive"), chart.views) == "plantar"
    # breast and fallopian tubes (dorsal) tie with uterus/prostate and tubes (medial): first wins
    assert panels.best_view(chart.zones_in_system("reproductive"), chart.views) == "dorsal"
    assert panels.best_view([], ["dorsal", "plantar"]) == "dorsal"  # tie: first view


def test_counter_and_score_text():
    assert text_tour.counter_text(2, 10, "Digestive") == "3 / 10: Digestive"
    assert text_quiz.score_text(1, 2, 5) == "Score: 1 right of 2 answered (5 questions)"


# -- tour -------------------------------------------------------------------------------------
def test_tour_starts_on_first_step_with_both_feet(tour, chart):
    steps = text_tour.tour(chart)
    assert tour.steps == steps and tour.index == 0
    assert tour.explorer.controls["foot"].value == "both"
    assert {f for f, _ in tour.explorer.artists.panels} == {"left", "right"}
    counter = text_tour.counter_text(0, len(steps), steps[0].title)
    assert tour.counter.value == f"<b>{esc(counter)}</b>"
    assert text_tour.step_html(chart, steps[0]) in tour.step_panel.value
    assert set(tour.explorer.selected) == set(steps[0].zones)
    assert tour.previous_button.disabled and not tour.next_button.disabled
    bundle = tour._repr_mimebundle_()
    assert bundle["application/vnd.jupyter.widget-view+json"]["model_id"] == tour.widget.model_id
    labels = {b.description: b.tooltip for b in (tour.previous_button, tour.next_button)}
    assert labels == {"Previous": "Previous body system", "Next": "Next body system"}


def test_tour_next_and_previous_change_highlight_and_panel(tour, chart):
    first_panel = tour.step_panel.value
    first_lit = tour.explorer.artists.highlighted
    tour.next_button.click()
    step = text_tour.tour(chart)[1]
    assert tour.index == 1 and tour.step == step
    assert f"2 / {len(tour.steps)}: {esc(step.title)}" in tour.counter.value
    assert tour.step_panel.value != first_panel
    assert f'data-system="{step.system}"' in tour.step_panel.value
    assert set(tour.explorer.selected) == set(step.zones)
    view = tour.explorer.controls["view"].value
    assert set(tour.explorer.artists.highlighted) == {z.id for z in step.zones if z.view == view}
    assert tour.explorer.artists.highlighted != first_lit
    assert not tour.previous_button.disabled
    tour.previous_button.click()
    assert tour.index == 0 and tour.step_panel.value == first_panel
    assert tour.previous_button.disabled


def test_tour_disables_at_the_ends_and_clamps(tour):
    n = len(tour.steps)
    for _ in range(n + 3):
        tour.next_button.click()  # a disabled button's click() still calls back: go() clamps
    assert tour.index == n - 1
    assert tour.next_button.disabled and not tour.previous_button.disabled
    assert tour.counter.value.startswith(f"<b>{n} / {n}: ")
    tour.go(-5)
    assert tour.index == 0 and tour.previous_button.disabled


def test_tour_switches_to_the_view_holding_most_zones(tour, chart):
    view = tour.explorer.controls["view"]
    lymph = [s.system for s in tour.steps].index("lymphatic")
    tour.go(lymph)
    assert view.value == "dorsal"
    assert {v for _, v in tour.explorer.artists.panels} == {"dorsal"}
    lit = set(tour.explorer.artists.highlighted)
    assert lit == {z.id for z in chart.zones_in_system("lymphatic") if z.view == "dorsal"}
    assert len(lit) >= 2
    tour.go([s.system for s in tour.steps].index("digestive"))
    assert view.value == "plantar"


def test_tour_without_follow_view_stays_put(chart, ipympl_backend):
    t = fc.tour_widget(chart, follow_view=False, systems=["lymphatic", "digestive"])
    try:
        assert t.explorer.controls["view"].value == "plantar"
        assert [s.system for s in t.steps] == ["lymphatic", "digestive"]
        assert t.counter.value == "<b>1 / 2: Lymphatic and immune</b>"
    finally:
        t.close()


def test_tour_caveat_in_every_step(tour, chart):
    evidence = chart.caveats_of("evidence")[0]
    for i in range(len(tour.steps)):
        tour.go(i)
        assert evidence_in(chart, tour.step_panel.value), tour.step.system
        assert tour.step_panel in descendants(tour.widget)
        assert any(esc(chart.source(s).title) in tour.step_panel.value for s in evidence.sources)


def test_tour_click_on_map_describes_the_zone(tour, chart):
    ex = tour.explorer
    zone = chart.zone("left.plantar.kidney")
    click(ex, zone)
    assert ex.selected == (zone,)
    assert f'data-zone="{zone.id}"' in tour.clicked.value
    assert text_tour.step_html(chart, tour.step) in tour.step_panel.value  # the step text stays
    tour.next()
    assert tour.clicked.value == ""
    assert set(ex.selected) == set(tour.step.zones)


# -- quiz -------------------------------------------------------------------------------------
def test_quiz_asks_questions_from_lesson(quiz, chart):
    assert quiz.questions == text_quiz.quiz(chart, n=5, seed=3, views=("plantar",))
    q = quiz.current
    assert "Question 1 of 5" in quiz.question.value
    assert esc(q.prompt) in quiz.question.value
    assert quiz.explorer.selected == () and quiz.explorer.artists.highlighted == ()
    assert not quiz.explorer.controls["labels"].value  # labels would give answers away
    assert {f for f, _ in quiz.explorer.artists.panels} == {"left", "right"}
    assert "Score: 0 right of 0 answered" in quiz.score.value


def test_quiz_click_on_an_answer_is_right(quiz, chart):
    q = quiz.current
    zone = chart.zone(q.answers[0])
    click(quiz.explorer, zone)
    answer = quiz.answers[0]
    assert answer.correct and answer.zone == zone
    assert text_quiz.check(chart, q, zone).html in quiz.answer.value
    assert "fm-right" in quiz.answer.value and "Right:" in quiz.answer.value
    assert evidence_in(chart, quiz.answer.value)
    assert "Score: 1 right of 1 answered" in quiz.score.value
    assert set(quiz.explorer.artists.highlighted) == set(q.answers)  # the answer is lit
    assert quiz.show_button.disabled


def test_quiz_click_on_a_wrong_zone_is_wrong(quiz, chart):
    q = quiz.current
    wrong = next(z for z in chart.zones_on(view="plantar") if z.body_area != q.body_area)
    click(quiz.explorer, wrong)
    answer = quiz.answers[0]
    assert not answer.correct and answer.zone == wrong
    assert "fm-wrong" in quiz.answer.value and "Not quite" in quiz.answer.value
    assert esc(wrong.body_area) in quiz.answer.value  # what the clicked zone is claimed for
    assert evidence_in(chart, quiz.answer.value)
    assert set(quiz.explorer.artists.highlighted) == {wrong.id, *q.answers}
    assert "Score: 0 right of 1 answered" in quiz.score.value
    # a second click does not change the verdict
    click(quiz.explorer, chart.zone(q.answers[0]))
    assert not quiz.answers[0].correct and "Score: 0 right of 1" in quiz.score.value


def test_quiz_miss_does_not_count_nor_reveal(quiz, chart):
    q = quiz.current
    click(quiz.explorer, xy=outside_point(quiz.explorer))
    assert quiz.answers == {} and not quiz.answered
    assert "missed every zone" in quiz.answer.value
    assert "places the" not in quiz.answer.value
    click(quiz.explorer, chart.zone(q.answers[0]))
    assert quiz.answers[0].correct


def test_quiz_next_question_and_score_to_the_end(quiz, chart):
    seen = []
    for i, q in enumerate(quiz.questions):
        assert quiz.index == i and f"Question {i + 1} of 5" in quiz.question.value
        assert "Click the zone" in quiz.answer.value  # the instructions, not the last answer
        assert quiz.explorer.artists.highlighted == ()
        seen.append(q.body_area)
        target = q.answers[0] if i % 2 == 0 else None
        if target:
            click(quiz.explorer, chart.zone(target))
        else:
            wrong = next(z for z in chart.zones_on(view="plantar") if z.body_area != q.body_area)
            click(quiz.explorer, wrong)
        assert evidence_in(chart, quiz.answer.value)
        if i < 4:
            assert quiz.next_button.description == "Next question"
            quiz.next_button.click()
    assert len(set(seen)) == 5
    assert "Score: 3 right of 5 answered (5 questions)" in quiz.score.value
    assert "finished" in quiz.score.value and quiz.next_button.description == "Start again"
    quiz.next_button.click()
    assert quiz.index == 0 and quiz.answers == {} and "Score: 0 right of 0" in quiz.score.value


def test_quiz_skip_then_answer_keeps_questions_apart(quiz, chart):
    quiz.next_button.click()  # skip question 1
    q = quiz.current
    click(quiz.explorer, chart.zone(q.answers[0]))
    assert set(quiz.answers) == {1} and quiz.answers[1].correct
    assert "Score: 1 right of 1 answered" in quiz.score.value


def test_quiz_show_me_highlights_the_answer(quiz, chart):
    q = quiz.current
    quiz.show_button.click()
    assert quiz.answers == {0: None} and quiz.right == 0
    assert set(quiz.explorer.artists.highlighted) == set(q.answers)
    assert f"Shown: where the chart places the {esc(q.body_area)}" in quiz.answer.value
    assert "missed" not in quiz.answer.value
    assert evidence_in(chart, quiz.answer.value)
    assert "Score: 0 right of 1 answered" in quiz.score.value
    click(quiz.explorer, chart.zone(q.answers[0]))  # too late to count
    assert quiz.answers == {0: None}


def test_quiz_caveat_always_in_layout(quiz, chart):
    evidence = chart.caveats_of("evidence")[0]
    assert quiz.explorer.caveat in descendants(quiz.widget)
    assert esc(evidence.text[:60]) in quiz.explorer.caveat.value
    assert quiz.explorer.search not in descendants(quiz.widget)  # searching would answer it
    assert quiz.explorer.status not in descendants(quiz.widget)  # so would the hover line


def test_quiz_same_seed_same_questions(chart, ipympl_backend):
    a = fc.quiz_widget(chart, n=3, seed=11)
    b = fc.quiz_widget(chart, n=3, seed=11)
    try:
        assert a.questions == b.questions and len(a.questions) == 3
    finally:
        a.close()
        b.close()


# -- escaping with the hostile chart ----------------------------------------------------------
def _no_raw_markup(text):
    # hostile.geojson holds <script>, <img onerror> and bidi/control characters
    assert "<script" not in text and "<img" not in text
    assert "\u202e" not in text and "\x00" not in text


def test_tour_escapes_hostile_chart(hostile, ipympl_backend):
    t = fc.tour_widget(hostile)
    try:
        for i in range(len(t.steps)):
            t.go(i)
            for w in (t.counter, t.step_panel):
                _no_raw_markup(w.value)
            assert "&lt;script&gt;" in t.step_panel.value or "&lt;img" in t.step_panel.value
            assert 'class="fm-caveat"' in t.step_panel.value
        click(t.explorer, hostile.zone("left.plantar.kidney"))
        _no_raw_markup(t.clicked.value)
        assert "&lt;script&gt;" in t.clicked.value
    finally:
        t.close()


def test_quiz_escapes_hostile_chart(hostile, ipympl_backend):
    q = fc.quiz_widget(hostile, n=4, seed=1)
    try:
        assert any("<" in qq.prompt for qq in q.questions)  # the test really is hostile
        for i, question in enumerate(q.questions):
            _no_raw_markup(q.question.value)
            assert escape_html(question.prompt) in q.question.value  # escaped, bidi marks replaced
            if i % 2:
                q.show()
            else:
                click(q.explorer, hostile.zone(question.answers[0]))
                assert q.answers[i].correct
            _no_raw_markup(q.answer.value)
            assert 'class="fm-caveat"' in q.answer.value
            q.next()
    finally:
        q.close()


def test_static_fallback_tour_and_quiz(synth, agg_backend):
    """Without ipympl (nbconvert, static viewers) both still build and step, from buttons."""
    assert not ipympl_active()
    t = fc.tour_widget(synth)
    q = fc.quiz_widget(synth, n=2, seed=1)
    try:
        assert not t.explorer.interactive and t.explorer.map is t.explorer._image
        assert [s.title for s in t.steps] == [
            "Nervous system", "Endocrine glands", "Respiratory", "Heart and circulation",
            "Digestive", "Urinary", "Muscles, bones and joints",
        ]  # fmt: skip
        assert t.counter.value == "<b>1 / 7: Nervous system</b>"
        assert t.explorer.artists.highlighted == ("left.plantar.head", "right.plantar.head")
        png = t.explorer._image.value
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        t.next()
        assert t.counter.value == "<b>2 / 7: Endocrine glands</b>"
        assert t.explorer.artists.highlighted == ("left.plantar.adrenal", "right.plantar.adrenal")
        assert "<h3>Endocrine glands</h3>" in t.step_panel.value
        assert t.explorer._image.value != png  # the picture shows the new highlight
        q.show()
        assert q.current.prompt == "Click where the chart places the heart"
        assert q.explorer.artists.highlighted == ("left.plantar.heart",)
    finally:
        t.close()
        q.close()


# -- marks, keyboard, reshuffle, tour clicks ----------------------------------------------------
def test_quiz_marks_answer_and_click_apart_and_keeps_them_until_next(quiz, chart):
    q = quiz.current
    wrong = next(z for z in chart.zones_on(view="plantar") if z.body_area != q.body_area)
    click(quiz.explorer, wrong)
    hl = quiz.explorer.highlighter
    assert hl.marked("answer") == tuple(sorted(q.answers, key=quiz.explorer.artists.index.get))
    assert hl.marked("clicked") == (wrong.id,)
    assert quiz.explorer.selected == ()  # a quiz click never selects
    assert "thick solid outline" in quiz.answer.value and "cross-hatching" in quiz.answer.value
    other = next(z for z in chart.zones_on(view="plantar") if z not in (wrong,))
    click(quiz.explorer, other)  # after answering: nothing moves
    assert hl.marked("clicked") == (wrong.id,) and set(hl.marked("answer")) == set(q.answers)
    quiz.next()
    assert hl.marked("answer") == () and hl.marked("clicked") == ()


def test_quiz_answers_from_the_keyboard(quiz, chart):
    from matplotlib.backend_bases import KeyEvent

    ex = quiz.explorer
    press = lambda k: ex._on_key(KeyEvent("key_press_event", ex.figure.canvas, k))  # noqa: E731
    press("right")
    first = ex.artists.zones[0]
    assert ex.highlighter.marked("cursor") == (first.id,)
    assert ex.selected == () and not quiz.answered
    assert ex.live.value == "A zone of the left foot. Press Enter to answer with it."
    assert esc(first.label) not in ex.live.value  # the cursor never names the zone
    press("enter")
    assert quiz.answered and quiz.answers[0].zone == first
    assert "Score: " in quiz.score.value and " of 1 answered" in quiz.score.value


def test_quiz_start_again_draws_new_questions(chart, ipympl_backend):
    q = fc.quiz_widget(chart, n=3, seed=5)
    try:
        first = [x.body_area for x in q.questions]
        for _ in range(3):
            q.show()
            q.next()
        assert q.round == 1 and q.index == 0 and q.answers == {}
        again = [x.body_area for x in q.questions]
        assert again != first
        expected = [
            x.body_area
            for x in text_quiz.quiz(chart, n=3, seed=6, views=("plantar",), feet=chart.feet)
        ]
        assert again == expected  # round k uses seed + k: reproducible
    finally:
        q.close()


def test_tour_click_shows_the_zone_beside_the_step(tour, chart):
    before_counter, before_step = tour.counter.value, tour.step_panel.value
    zone = chart.zone("left.plantar.kidney")
    tour.explorer.select(())  # the step's own highlight cleared, then a click
    click(tour.explorer, zone)
    assert tour.counter.value == before_counter and tour.step_panel.value == before_step
    assert "You clicked</b> (the tour is still on step 1)" in tour.clicked.value
    assert f'data-zone="{zone.id}"' in tour.clicked.value
    side = next(w for w in descendants(tour.widget) if "fm-side" in getattr(w, "_dom_classes", ()))
    assert tour.clicked in side.children  # in the side column, not under the map
    tour.next()
    assert tour.clicked.value == ""


def test_tour_and_quiz_keep_the_pinned_caveat_and_offer_presentation(chart, ipympl_backend):
    t = fc.tour_widget(chart, presentation=True)
    q = fc.quiz_widget(chart, n=2, seed=1, presentation=True)
    try:
        for w in (t, q):
            assert "fm-present" in w.widget._dom_classes
            assert w.explorer.caveat in descendants(w.widget)
            assert "fm-pin" in w.explorer.caveat._dom_classes
    finally:
        t.close()
        q.close()


def test_tour_step_and_quiz_answer_keep_claims_apart_from_evidence(chart):
    from footmap.text import caveat, describe

    step = text_tour.tour(chart, ["urinary"])[0]
    html_ = text_tour.step_html(chart, step)
    charts_at = html_.index(f"<h4>{describe.CHARTS_HEADING}</h4>")
    evidence_at = html_.index(describe.EVIDENCE_HEADING)
    assert charts_at < evidence_at
    # the caveat box beside the step holds the safety line: it is not repeated in the step
    assert esc(caveat.safety_line(chart)) not in html_
    q = text_quiz.quiz(chart, n=1, seed=1)[0]
    answer = text_quiz.check(chart, q, q.answers[0])
    assert answer.html.index(describe.CHARTS_HEADING) < answer.html.index(describe.EVIDENCE_HEADING)
    assert f"Safety: {caveat.safety_line(chart)}" in answer.explanation
