"""Provenance: claim kinds against source kinds, article claims against their articles, the
caveats' wording, disagreements, and the sectioned zone descriptions (schema v2).

Tests that read the seed documents (``../shared/seeds`` beside the checkout) skip with their
reason when those are absent, so a fresh clone passes; CI has them.
"""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path

import make_bad_charts as charts
import pytest

import footmap
from footmap import Claim
from footmap.text import caveat, describe

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"

#: Which kinds of source each kind of claim may cite (written out, not read from footmap).
ALLOWED = {
    "placement": {"chart"},
    "article": {"article"},
    "history": {"history", "chart"},
    "evidence": {"study"},
}

#: Every condition the safety caveat must name, in full and in short.
SAFETY_CONDITIONS = (
    "diabetes", "plantar warts", "open wounds", "foot surgery", "blood clots", "cancer",
    "fever", "active tuberculosis", "skin or infectious disease", "inflamed joints",
    "after a meal", "empty stomach",
)  # fmt: skip


def _seeds() -> dict[str, str]:
    if not SEEDS.is_dir():
        pytest.skip(f"the seed documents are not beside this checkout ({SEEDS}); CI has them")
    return {p.name: p.read_text("utf-8").casefold() for p in SEEDS.glob("*.txt")}


def _all_claims(chart: footmap.Chart) -> list[tuple[str, Claim]]:
    out = [(z.id, c) for z in chart.zones for c in z.claims]
    out += [(f"system note {k}", c) for k, v in chart.system_notes.items() for c in v]
    out += [("history", c) for c in chart.history]
    return out


def _authoring_text():
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        return importlib.import_module("authoring.text")
    finally:
        sys.path.remove(str(ROOT / "tools"))


# -- the bundled chart ----------------------------------------------------------------------
def test_schema_version_is_2(chart):
    assert footmap.SCHEMA_VERSION == 2
    doc = json.loads((ROOT / "data" / "zones.geojson").read_text("utf-8"))
    assert doc["footmap"]["schema_version"] == 2


def test_every_claim_cites_only_sources_its_kind_allows(chart):
    claims = _all_claims(chart)
    assert {c.kind for _, c in claims} == {"placement", "article", "history", "evidence"}
    for where, c in claims:
        kinds = {chart.source(s).kind for s in c.sources}
        assert kinds <= ALLOWED[c.kind], (where, c.kind, c.sources, c.text)


def test_no_article_is_cited_for_a_placement(chart):
    for z in chart.zones:
        placements = [c for c in z.claims if c.kind == "placement"]
        assert placements, z.id
        assert not {s for c in placements for s in c.sources} & {
            "doc000", "doc001", "doc002", "doc003", "doc004"
        }, z.id  # fmt: skip


def test_caveats_cite_allowed_sources(chart):
    kinds = {c.kind: {chart.source(s).kind for s in c.sources} for c in chart.caveats}
    assert kinds["evidence"] <= {"study", "article"}
    assert kinds["safety"] == {"article", "study"}
    assert kinds["chart"] <= {"chart", "history", "study"}


def test_safety_caveat_names_every_condition_in_full_and_short(chart):
    full = caveat.safety_text(chart)
    short = caveat.safety_line(chart)
    assert len(short) < len(full)
    for condition in SAFETY_CONDITIONS:
        assert condition in full, condition
        assert condition in short, condition
    assert "professional" in full and "professional" in short  # recurring pain


def test_evidence_caveat_says_one_article_states_an_effect_as_fact(chart):
    (evidence,) = chart.caveats_of("evidence")
    assert "Most of the articles this chart draws on hedge it" in evidence.text
    assert "states as fact that working the digestive reflex points improves digestion" in (
        evidence.text
    )
    assert "even the articles" not in evidence.text


def test_each_article_claim_topic_is_in_the_cited_article(chart):
    seeds = _seeds()
    files = {s.id: s.file for s in chart.sources if s.kind == "article"}
    assert len(files) == 5 and all(f in seeds for f in files.values())
    topics = _authoring_text().ARTICLE_TOPICS
    articles = [(w, c) for w, c in _all_claims(chart) if c.kind == "article"]
    assert len(articles) >= 20
    for where, c in articles:
        assert c.text in topics, (where, c.text)
        assert list(topics[c.text]) == list(c.sources), (where, c.text)
        for sid, word in topics[c.text].items():
            assert word in seeds[files[sid]], (where, sid, word, c.text)


def test_committed_chart_is_what_the_authoring_script_writes(tmp_path):
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        make_chart = importlib.import_module("make_chart")
    finally:
        sys.path.remove(str(ROOT / "tools"))
    assert make_chart.main(["--output", str(tmp_path / "z.geojson")]) == 0
    committed = (ROOT / "data" / "zones.geojson").read_text("utf-8")
    assert (tmp_path / "z.geojson").read_text("utf-8") == committed


# -- the model and the words, on a small chart with literal expectations ----------------------
def _small() -> footmap.Chart:
    doc = charts.base()
    meta = doc["footmap"]
    meta["caveats"].append(
        {
            "id": "safety",
            "kind": "safety",
            "text": "Full safety text <b>.",
            "short": "Short safety <b>.",
            "sources": ["testdoc"],
        }
    )
    meta["disagreements"] = [charts._disagreement(["left.plantar.head", "right.plantar.head"])]
    head = charts.feature(doc, "left.plantar.head")["properties"]
    head["claims"] += [
        {"kind": "evidence", "text": "Trials found nothing.", "sources": ["testreview"]},
        {"kind": "article", "text": "An article likes it.", "sources": ["testdoc"]},
    ]
    return footmap.loads(json.dumps(doc))


def test_disagreements_model():
    chart = _small()
    (d,) = chart.disagreements
    assert d == footmap.Disagreement(
        "head-side",
        "Head on which side",
        "Charts differ on which foot holds the head.",
        ("left.plantar.head", "right.plantar.head"),
        (
            Claim("Same side.", ("testchart",), "placement"),
            Claim("Crossed.", ("testchart",), "placement"),
        ),
    )
    assert chart.disagreements_for("right.plantar.head") == (d,)
    assert chart.disagreements_for(chart.zone("left.plantar.head")) == (d,)
    assert chart.disagreements_for("left.plantar.kidney") == ()


def test_charts_and_evidence_claims_are_kept_apart():
    head = _small().zone("left.plantar.head")
    assert [c.text for c in describe.charts_claims(head)] == [
        "Charts place the head in the big toe."
    ]
    assert [c.text for c in describe.article_claims(head)] == ["An article likes it."]
    assert [c.text for c in describe.evidence_claims(head)] == ["Trials found nothing."]


def test_zone_text_sections_in_order():
    chart = _small()
    head = chart.zone("left.plantar.head")
    assert describe.zone_text(chart, head) == "\n".join(
        [
            "Head (left foot, plantar): charts assign it to the head and brain "
            "[Nervous system] [1]",
            "What charts claim:",
            "  - Charts place the head in the big toe. [1]",
            "Charts disagree here:",
            "  - Head on which side: Charts differ on which foot holds the head.",
            "    * Same side. [1]",
            "    * Crossed. [1]",
            "What the articles say:",
            "  - An article likes it. [3]",
            "What the evidence says:",
            "  - Trials found nothing. [2]",
            "Safety: Short safety <b>.",
        ]
    )
    kidney = chart.zone("left.plantar.kidney")
    assert describe.zone_text(chart, kidney).split("\n")[2:] == [
        "  - Charts assign the kidneys to this patch of the arch. [1]",
        "What the evidence says:",
        "  - Test chart: zone links are claims, not facts. Good trials have not shown that "
        "pressing a foot zone treats the organ linked to it.",
        "Safety: Short safety <b>.",
    ]


def test_zone_heading_cites_only_placement_sources():
    chart = _small()
    head = chart.zone("left.plantar.head")
    numbers = describe.citation_numbers(chart, [head])
    assert numbers == {"testchart": 1, "testreview": 2, "testdoc": 3}
    assert describe.zone_text(chart, head, numbers, claims=False).endswith("[Nervous system] [1]")


def test_zone_html_sections_in_order_and_escaped():
    chart = _small()
    html = describe.zone_html(chart, chart.zone("left.plantar.head"))
    marks = [
        "<h5>What charts claim</h5>",
        '<h5 class="fm-disagree">Charts disagree here</h5>',
        "<b>Head on which side:</b>",
        "<h5>What the articles say</h5>",
        "An article likes it.",
        "<h5>What the evidence says</h5>",
        "Trials found nothing.",
    ]
    at = [html.index(m) for m in marks]
    assert at == sorted(at)
    assert "Short safety" not in html  # the explorer's caveat box beside the panel shows it
    kidney = describe.zone_html(chart, chart.zone("left.plantar.kidney"))
    assert "Charts disagree here" not in kidney and "<h5>What the evidence says</h5>" in kidney


def test_headings_and_safety_text():
    assert (
        describe.CHARTS_HEADING,
        describe.EVIDENCE_HEADING,
        describe.DISAGREE_HEADING,
        caveat.SAFETY_HEADING,
    ) == ("What charts claim", "What the evidence says", "Charts disagree here", "Safety")
    chart = _small()
    assert caveat.safety_text(chart) == "Full safety text <b>."
    assert caveat.safety_line(chart) == "Short safety <b>."
