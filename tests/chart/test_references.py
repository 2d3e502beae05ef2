"""Sources and what cites them: claim, caveat and disagreement kinds against source kinds,
unknown sources, and what the loaded chart keeps of its sources, caveats, notes and history.
"""

from __future__ import annotations

import json
from pathlib import Path

import make_bad_charts as charts
import pytest
import synthetic

import footmap
from footmap import ChartError

TESTS = Path(__file__).resolve().parents[1]
DATA = TESTS / "data"
GOOD = DATA / "good_small.geojson"


def test_the_chart_keeps_its_metadata():
    chart = footmap.load(GOOD)
    assert (chart.title, chart.units) == ("footmap test chart (small)", "mm")
    assert chart.description == (
        "A tiny chart for footmap's own tests. It is not a real reflexology chart."
    )
    assert chart.frame == (
        "Millimetres, one frame per panel: x to the right of the page, y up the page, origin at "
        "the back of the heel; toes towards +y."
    )
    assert chart.orientation == (
        "Soles seen from above through the foot: the left foot has its big toe on the +x side, "
        "the right foot is its mirror image."
    )
    assert chart.path == GOOD


def _only(err: ChartError) -> tuple[str | None, str]:
    (problem,) = err.problems
    return problem.zone, problem.message


def test_a_chart_caveat_citing_an_article_names_the_three_kinds_it_may_cite():
    doc = charts.base()
    doc["footmap"]["caveats"][1]["sources"] = ["testdoc"]  # the chart caveat
    with pytest.raises(ChartError) as info:
        footmap.loads(json.dumps(doc))
    assert _only(info.value) == (
        None,
        "caveat 'chart' (chart) cites 'testdoc', an article source; a chart caveat may cite "
        "only chart, history or study sources",
    )


def test_claims_citing_the_same_sources_are_each_checked_for_their_kind():
    """The loader checks each (kind, sources) once: one source, two kinds, two answers."""
    doc = synthetic.synthetic_chart(2)
    review = {"kind": "evidence", "text": "A review found this.", "sources": ["synthreview"]}
    placed = {"kind": "placement", "text": "Placed by a review.", "sources": ["synthreview"]}
    unknown = {"kind": "placement", "text": "Placed by nobody.", "sources": ["nosuch", "nosuch"]}
    doc["features"][1]["properties"]["claims"] += [review, placed, unknown]
    doc["features"][2]["properties"]["claims"] += [review, placed]
    with pytest.raises(ChartError) as info:
        footmap.loads(json.dumps(doc))
    kind = (
        "placement claim cites 'synthreview', a study source; placement claims may cite "
        "only chart sources"
    )
    assert [(p.zone, p.message) for p in info.value.problems] == [
        ("left.plantar.z000000", "claim cites unknown source 'nosuch'"),
        ("left.plantar.z000000", "claim cites unknown source 'nosuch'"),
        ("left.plantar.z000000", f"claim 3 'Placed by a review.': {kind}"),
        ("left.plantar.z000001", f"claim 3 'Placed by a review.': {kind}"),
    ]


def test_a_source_keeps_its_file_note_and_url():
    doc = charts.base()
    doc["footmap"]["sources"][1].update(note="Read in 2024.", url="https://example.org/a")
    chart = footmap.loads(json.dumps(doc))
    src = chart.source("testdoc")
    assert (src.file, src.note, src.url) == (
        "000_test.txt",
        "Read in 2024.",
        "https://example.org/a",
    )
    assert (chart.source("testchart").file, chart.source("testchart").url) == (None, None)


def test_disagreements_with_a_shared_id_an_unknown_source_or_a_long_variant_of_a_wrong_kind():
    doc = charts.base()
    first = charts._disagreement(["left.plantar.head"])
    first["variants"][1]["sources"] = ["nosuch2020"]
    second = charts._disagreement(["left.plantar.kidney"])
    second["variants"][0]["text"] = "A variant whose text runs well past fifty characters in all."
    second["variants"][0]["sources"] = ["testdoc"]
    doc["footmap"]["disagreements"] = [first, second]
    with pytest.raises(ChartError) as info:
        footmap.loads(json.dumps(doc))
    assert [(p.zone, p.message) for p in info.value.problems] == [
        (None, "disagreement 'head-side': variant 2 cites unknown source 'nosuch2020'"),
        (None, "disagreement 'head-side': duplicate disagreement id"),
        (
            None,
            "disagreement 'head-side': variant 1 'A variant whose text runs well past fifty "
            "char... cites 'testdoc', an article source; variants may cite only chart or study "
            "sources",
        ),
    ]


def test_caveats_keep_their_ids_kinds_sources_and_short_text():
    doc = charts.base()
    doc["footmap"]["caveats"][1]["short"] = "Charts differ."
    chart = footmap.loads(json.dumps(doc))
    assert [(c.id, c.kind, c.sources, c.short) for c in chart.caveats] == [
        ("evidence", "evidence", ("testreview",), None),
        ("chart", "chart", ("testchart",), "Charts differ."),
    ]


def _problems_of(doc) -> list[tuple[str | None, str]]:
    with pytest.raises(ChartError) as info:
        footmap.loads(json.dumps(doc))
    return [(p.zone, p.message) for p in info.value.problems]


def test_system_notes_and_history_are_kept_and_checked():
    doc = charts.base()
    doc["footmap"]["system_notes"] = {
        "urinary": [{"kind": "article", "text": "Note.", "sources": ["testdoc"]}]
    }
    doc["footmap"]["history"] = [{"kind": "history", "text": "Old.", "sources": ["testchart"]}]
    chart = footmap.loads(json.dumps(doc))
    assert dict(chart.system_notes) == {
        "urinary": (footmap.Claim("Note.", ("testdoc",), "article"),)
    }
    assert chart.history == (footmap.Claim("Old.", ("testchart",), "history"),)
    long = "A note whose text runs on well past the fifty characters a message quotes."
    doc["footmap"]["system_notes"]["urinary"].append(
        {"kind": "article", "text": long, "sources": ["nosuch2020", "testchart"]}
    )
    doc["footmap"]["history"].append(
        {"kind": "history", "text": long, "sources": ["nosuch2020", "testdoc"]}
    )
    assert _problems_of(doc) == [
        (None, "system note for 'urinary' cites unknown source 'nosuch2020'"),
        (
            None,
            "system note 2 for 'urinary' 'A note whose text runs on well past the fifty ...: "
            "article claim cites 'testchart', a chart source; article claims may cite only "
            "article sources",
        ),
        (None, "history note cites unknown source 'nosuch2020'"),
        (
            None,
            "history note 2 'A note whose text runs on well past the fifty ...: history claim "
            "cites 'testdoc', an article source; history claims may cite only history or chart "
            "sources",
        ),
    ]
