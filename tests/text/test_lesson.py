"""The teaching logic: tour steps, quiz questions and answers, history and evidence."""

from __future__ import annotations

import ast
import dataclasses
import json
import subprocess
import sys
from pathlib import Path

import pytest

import footmap
from footmap.text import quiz as text_quiz
from footmap.text import tour as text_tour
from footmap.text.caveat import REMINDER, caveat_line
from footmap.text.quiz import Answer, Question
from footmap.text.safe import escape_html

HOSTILE = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
DATA = Path(__file__).resolve().parents[1] / "data"


def _assert_no_markup(fragment: str) -> None:
    for bad in ("<script", "<img", "\u202e", "\x00", "\x07"):
        assert bad not in fragment


@pytest.fixture(scope="module")
def hostile() -> footmap.Chart:
    """The hostile test chart, plus hostile system notes and history notes."""
    doc = json.loads((DATA / "hostile.geojson").read_text(encoding="utf-8"))
    doc["footmap"]["system_notes"] = {
        "urinary": [
            {"kind": "article", "text": f"{HOSTILE} note \u202eevil", "sources": ["testdoc"]}
        ]
    }
    doc["footmap"]["history"] = [
        {"kind": "history", "text": f"{IMG} history", "sources": ["testchart"]}
    ]
    return footmap.loads(json.dumps(doc))


@pytest.fixture(scope="module")
def small() -> footmap.Chart:
    return footmap.load(DATA / "good_small.geojson")


@pytest.fixture(scope="module")
def noted(small) -> footmap.Chart:
    """The small chart with notes for one system and a history, built from its file."""
    doc = json.loads((DATA / "good_small.geojson").read_text(encoding="utf-8"))
    doc["footmap"]["system_notes"] = {
        "urinary": [
            {
                "kind": "placement",
                "text": "Charts put the kidneys in the middle of the sole.",
                "sources": ["testchart"],
            },
            {"kind": "evidence", "text": "Trials did not back this.", "sources": ["testreview"]},
        ]
    }
    doc["footmap"]["history"] = [
        {"kind": "history", "text": "Zone therapy came first.", "sources": ["testchart"]}
    ]
    return footmap.loads(json.dumps(doc))


# -- the module stays free of widget and plotting libraries ------------------------------------
@pytest.mark.parametrize("module", [text_quiz, text_tour])
def test_lesson_imports_no_widgets_or_matplotlib(module):
    tree = ast.parse(open(module.__file__, encoding="utf-8").read())
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    assert not names & {"ipywidgets", "ipympl", "matplotlib", "IPython"}


def test_importing_lesson_does_not_load_matplotlib():
    code = (
        "import sys, footmap.text.quiz, footmap.text.tour; "
        "print('matplotlib' in sys.modules, 'ipywidgets' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


# -- tour ----------------------------------------------------------------------------------------
def test_tour_covers_every_system_present_in_vocab_order(chart):
    steps = text_tour.tour(chart)
    present = {z.system for z in chart.zones}
    assert [s.system for s in steps] == [s for s in footmap.SYSTEMS if s in present]
    assert [s.title for s in steps] == [footmap.SYSTEMS[s.system] for s in steps]


def test_tour_steps_hold_exactly_their_systems_zones(chart):
    for step in text_tour.tour(chart):
        assert step.zones == chart.zones_in_system(step.system)
        assert {z.view for z in step.zones} <= set(chart.views)
    seen = [z.id for step in text_tour.tour(chart) for z in step.zones]
    assert sorted(seen) == sorted(z.id for z in chart.zones)


@pytest.mark.parametrize("which", ["chart", "small", "hostile", "noted"])
def test_talking_points_are_never_empty_and_cite_existing_sources(which, request):
    c = request.getfixturevalue(which)
    for step in text_tour.tour(c):
        assert step.talking_points, step.system
        for claim in step.talking_points:
            assert claim.text.strip()
            assert claim.sources
            for sid in claim.sources:
                c.source(sid)  # raises KeyError for an unknown source
        assert step.caveat == caveat_line(c)


def test_talking_points_use_system_notes_when_present(noted):
    (urinary,) = text_tour.tour(noted, ["urinary"])
    assert urinary.talking_points == noted.system_notes["urinary"]
    (nervous,) = text_tour.tour(noted, ["nervous"])  # no notes: falls back to the zones' claims
    zone_claims = {c.text for z in nervous.zones for c in z.claims}
    assert all(p.text.split(": ", 1)[1] in zone_claims for p in nervous.talking_points)
    assert len(nervous.talking_points) == len({c for z in nervous.zones for c in z.claims})


def test_fallback_talking_points_name_their_zones(chart):
    doc = json.loads(chart.path.read_text("utf-8"))
    doc["footmap"].pop("system_notes", None)
    bare = footmap.loads(json.dumps(doc))
    assert not bare.system_notes
    (step,) = text_tour.tour(bare, ["urinary"])
    assert any(p.text.startswith("Kidney: ") for p in step.talking_points)


def test_tour_with_chosen_systems_keeps_their_order(chart):
    steps = text_tour.tour(chart, ["urinary", "nervous"])
    assert [s.system for s in steps] == ["urinary", "nervous"]


def test_tour_rejects_unknown_or_absent_systems(small):
    with pytest.raises(ValueError, match="unknown"):
        text_tour.tour(small, ["plumbing"])
    with pytest.raises(ValueError, match="no zones"):
        text_tour.tour(small, ["digestive"])


def test_step_text_has_points_zones_caveat_and_references(chart):
    (step,) = text_tour.tour(chart, ["urinary"])
    text = text_tour.step_text(chart, step)
    assert text.splitlines()[0] == "Urinary"
    assert "Left foot, Sole (plantar): " in text and "Right foot, Sole (plantar): " in text
    assert step.caveat in text
    assert "References:" in text
    for sid in {s for p in step.talking_points for s in p.sources}:
        assert chart.source(sid).citation in text


def test_step_html_shows_titles_panels_and_a_caveat_box(chart):
    (step,) = text_tour.tour(chart, ["urinary"])
    fragment = text_tour.step_html(chart, step)
    assert 'class="fm-caveat"' in fragment
    assert "Locating the foot reflex areas (Chinese)" in fragment  # a chart source's title
    assert "Left foot, Sole (plantar):" in fragment
    assert fragment.count("<li>") >= len(step.talking_points) + 1


def test_step_html_escapes_hostile_chart_text(hostile):
    for step in text_tour.tour(hostile):
        fragment = text_tour.step_html(hostile, step)
        _assert_no_markup(fragment)
        assert "&lt;script&gt;" in fragment or "&lt;img" in fragment
    (urinary,) = text_tour.tour(hostile, ["urinary"])
    assert "&lt;script&gt;alert(1)&lt;/script&gt; note" in text_tour.step_html(hostile, urinary)


# -- quiz ----------------------------------------------------------------------------------------
def test_quiz_is_deterministic_with_a_seed(chart):
    assert text_quiz.quiz(chart, n=5, seed=42) == text_quiz.quiz(chart, n=5, seed=42)
    quizzes = {text_quiz.quiz(chart, n=5, seed=s) for s in range(5)}
    assert len(quizzes) > 1


def test_quiz_asks_distinct_fair_areas(chart):
    qs = text_quiz.quiz(chart, n=10, seed=3)
    assert len(qs) == 10
    assert len({q.body_area for q in qs}) == 10
    for q in qs:
        assert q.prompt == f"Click where the chart places the {q.body_area}"
        zones = [chart.zone(i) for i in q.answers]
        assert max(z.geometry.area for z in zones) >= 150
        assert all(z.view == "plantar" and z.body_area == q.body_area for z in zones)


def test_quiz_answers_are_all_zones_of_the_area_in_the_shown_panels(chart):
    for q in text_quiz.quiz(chart, n=30, seed=0, views=("plantar", "medial")):
        expected = {
            z.id
            for z in chart.zones
            if z.body_area == q.body_area and z.view in ("plantar", "medial")
        }
        assert set(q.answers) == expected
        assert q.views == ("plantar", "medial") and q.feet == ("left", "right")


def test_quiz_on_one_foot_only_uses_that_foot(chart):
    qs = text_quiz.quiz(chart, n=30, seed=1, feet=("right",))
    assert "heart" not in {q.body_area for q in qs}  # the chart has the heart on the left only
    assert all(chart.zone(i).foot == "right" for q in qs for i in q.answers)


def test_quiz_skips_areas_whose_zones_are_all_small(chart):
    asked = {q.body_area for q in text_quiz.quiz(chart, n=100, seed=0)}
    assert "ureters" not in asked and "adrenal glands" not in asked  # ~20-30 mm2 zones
    assert "kidneys" in asked


def test_quiz_returns_fewer_when_few_areas_qualify(small):
    qs = text_quiz.quiz(small, n=10, seed=0)
    assert sorted(q.body_area for q in qs) == sorted(small.body_areas)


def test_quiz_rejects_bad_arguments(small):
    with pytest.raises(ValueError):
        text_quiz.quiz(small, n=0)
    with pytest.raises(ValueError):
        text_quiz.quiz(small, views=("underside",))
    with pytest.raises(ValueError, match="no body area"):
        text_quiz.quiz(small, views=("dorsal",))
    with pytest.raises(ValueError, match="no body area"):
        text_quiz.quiz(small, min_area=10_000)


# -- check ---------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def kidneys(chart) -> Question:
    return Question(
        "Click where the chart places the kidneys",
        "kidneys",
        ("left.plantar.kidney", "right.plantar.kidney"),
    )


def _assert_caveat(c: footmap.Chart, answer: Answer) -> None:
    assert REMINDER in answer.explanation
    assert caveat_line(c) in answer.explanation
    assert 'class="fm-caveat"' in answer.html
    assert escape_html(REMINDER) in answer.html


def test_check_right_click(chart, kidneys):
    zone = chart.zone("right.plantar.kidney")
    answer = text_quiz.check(chart, kidneys, zone)
    assert answer.correct and answer.zone is zone
    assert answer.explanation.startswith("Right")
    assert "left foot, sole (Kidney)" in answer.explanation
    claim = zone.claims[0]
    assert claim.text in answer.explanation
    assert chart.source(claim.sources[0]).citation in answer.explanation
    assert chart.source(claim.sources[0]).title in answer.html
    _assert_caveat(chart, answer)


def test_check_wrong_click_says_what_was_clicked(chart, kidneys):
    answer = text_quiz.check(chart, kidneys, chart.zone("left.plantar.bladder"))
    assert not answer.correct
    assert answer.zone.id == "left.plantar.bladder"
    assert "assigns to the bladder" in answer.explanation
    assert "The chart places the kidneys here" in answer.explanation
    assert "fm-wrong" in answer.html
    _assert_caveat(chart, answer)


def test_check_click_on_no_zone(chart, kidneys):
    answer = text_quiz.check(chart, kidneys, None)
    assert not answer.correct and answer.zone is None
    assert "missed every zone" in answer.explanation
    _assert_caveat(chart, answer)


def test_check_accepts_a_zone_id(chart, kidneys):
    assert text_quiz.check(chart, kidneys, "left.plantar.kidney").correct


def test_check_a_zone_of_a_panel_not_shown_is_wrong(chart):
    (q,) = [q for q in text_quiz.quiz(chart, n=100, seed=0) if q.body_area == "spine"]
    medial_spine = [z for z in chart.zones_for("spine") if z.view == "medial"]
    assert medial_spine
    assert not text_quiz.check(chart, q, medial_spine[0]).correct


def test_every_quiz_answer_carries_the_caveat(chart):
    for q in text_quiz.quiz(chart, n=100, seed=5):
        right = chart.zone(q.answers[0])
        wrong = next(z for z in chart.zones_on(view="plantar") if z.id not in q.answers)
        for clicked in (right, wrong, None):
            answer = text_quiz.check(chart, q, clicked)
            assert answer.correct is (clicked is right)
            _assert_caveat(chart, answer)


def test_check_escapes_hostile_chart_text(hostile):
    for q in text_quiz.quiz(hostile, n=10, seed=0):
        for clicked in (*hostile.zones, None):
            answer = text_quiz.check(hostile, q, clicked)
            _assert_no_markup(answer.html)
            assert REMINDER in answer.explanation


def test_check_without_an_evidence_caveat_still_warns(small):
    # io refuses such a chart; a hand-made one must still carry the project's reminder
    bare = dataclasses.replace(small, caveats=small.caveats_of("chart"))
    q = text_quiz.quiz(bare, n=1, seed=0)[0]
    assert REMINDER in text_quiz.check(bare, q, None).explanation
    assert all(s.caveat == REMINDER for s in text_tour.tour(bare))


# -- history and evidence ------------------------------------------------------------------------
def test_evidence_summary_lists_the_caveat_and_every_study(chart):
    summary = text_tour.evidence_summary(chart)
    (evidence,) = chart.caveats_of("evidence")
    assert summary[0][0] == evidence.text
    studies = [s for s in chart.sources if s.kind == "study"]
    assert [srcs for _, srcs in summary[1:]] == [(s,) for s in studies]
    assert {s.id for s in studies} >= {"ernst2009", "ernst2011", "white2000", "aus2015"}
    assert all(text for text, _ in summary)


def test_evidence_text_and_html(chart, hostile):
    text = text_tour.evidence_text(chart)
    assert "Maturitas 2011" in text and "[1]" in text
    fragment = text_tour.evidence_html(hostile)
    _assert_no_markup(fragment)
    assert "&lt;img" in fragment


def test_history_falls_back_to_history_sources(chart):
    text = text_tour.history_text(chart)
    assert "Fitzgerald" in text and "Ingham" in text
    assert "Ingham ED. Stories the Feet Can Tell. 1938." in text
    assert chart.caveats_of("chart")[0].text in text


def test_history_uses_the_charts_history_notes(noted):
    text = text_tour.history_text(noted)
    assert text.startswith("- Zone therapy came first. [1]")
    assert "Different charts put the zones in different places." in text


def test_history_html_escapes(hostile):
    fragment = text_tour.history_html(hostile)
    _assert_no_markup(fragment)
    assert "&lt;img src=x onerror=alert(1)&gt; history" in fragment
