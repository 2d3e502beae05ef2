"""The caveats and the claims/evidence split on every surface that is not a widget.

Exported figures (PNG, SVG, PDF: visible text and metadata), every handout page, the
handout's "Charts disagree" page, the disagreement mark on the map, `footmap summary` and
`footmap find`. A small chart with literal texts (safety caveat, a disagreement, an evidence
and an article claim) keeps every expectation literal.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import make_bad_charts as charts
import matplotlib.pyplot as plt
import pytest
from matplotlib.text import Text
from PIL import Image

import footmap
import footmap.export as export
from footmap.cli import main
from footmap.export import page as page_layout
from footmap.export import pagetext
from footmap.render.plot import plot_map
from footmap.text import describe

SAFETY_FULL = (
    "Ask a doctor first with diabetes or a foot wound; do not massage with a fever or blood clots."
)
SAFETY_SHORT = "Diabetes or a foot wound: ask first; fever or blood clots: no massage."
EVIDENCE = (
    "Test chart: zone links are claims, not facts. Good trials have not shown that pressing "
    "a foot zone treats the organ linked to it."
)
#: The footer's caveat box, as every page must show it (whitespace normalised).
FOOTER = f"Caveat: {EVIDENCE} Safety: {SAFETY_SHORT}"


def _doc(*, disagreements: bool = True) -> dict:
    doc = charts.base()
    meta = doc["footmap"]
    meta["sources"].append(
        {
            "id": "otherchart",
            "kind": "chart",
            "title": "Another made-up chart",
            "citation": "Second test chart; not a real publication.",
        }
    )
    meta["caveats"].append(
        {
            "id": "safety",
            "kind": "safety",
            "text": SAFETY_FULL,
            "short": SAFETY_SHORT,
            "sources": ["testdoc"],
        }
    )
    if disagreements:
        meta["disagreements"] = [
            {
                "id": "head-side",
                "topic": "Head on which side",
                "text": "Charts differ on which foot holds the head.",
                "zones": ["left.plantar.head", "right.plantar.head"],
                "variants": [
                    {"text": "Same side.", "sources": ["testchart"]},
                    {"text": "Crossed.", "sources": ["otherchart"]},
                ],
            }
        ]
    for side in ("left", "right"):
        charts.feature(doc, f"{side}.plantar.head")["properties"]["claims"] += [
            {"kind": "evidence", "text": "Trials found nothing.", "sources": ["testreview"]},
            {"kind": "article", "text": "An article likes it.", "sources": ["testdoc"]},
        ]
    return doc


@pytest.fixture(scope="module")
def chart() -> footmap.Chart:
    return footmap.loads(json.dumps(_doc()))


@pytest.fixture(scope="module")
def chart_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("surfaces") / "small.geojson"
    path.write_text(json.dumps(_doc()), encoding="utf-8")
    return path


def _flat(text: str) -> str:
    return " ".join(text.split())


def _caveat_box(fig) -> str:
    return " ".join(
        _flat(t.get_text()) for t in fig.findobj(Text) if t.get_gid() == pagetext.CAVEAT_GID
    )


# -- the export's claims block ----------------------------------------------------------------
def test_export_claims_block_keeps_evidence_apart(chart):
    zones = [chart.zone(z) for z in ("left.plantar.head", "right.plantar.head")]
    zones.append(chart.zone("left.plantar.kidney"))
    numbers = describe.citation_numbers(chart, zones)
    assert numbers == {"testchart": 1, "testreview": 2, "testdoc": 3, "otherchart": 4}
    blocks = page_layout._zone_blocks(chart, zones, numbers)
    assert [(b.text, b.weight) for b in blocks] == [
        ("What charts claim", "bold"),
        (
            "Head (left foot, plantar): charts assign it to the head and brain "
            "[Nervous system] [1]; also right foot, plantar",
            "bold",
        ),
        ("\u2013 Charts place the head in the big toe. [1]", "normal"),
        ("Charts disagree here (Head on which side): Same side. [1]; Crossed. [4]", "normal"),
        ("Kidney (left foot, plantar): charts assign it to the kidneys [Urinary] [1]", "bold"),
        ("\u2013 Charts assign the kidneys to this patch of the arch. [1]", "normal"),
        ("What the articles say", "bold"),
        ("\u2013 An article likes it. [3] (Head)", "normal"),
        ("What the evidence says", "bold"),
        ("\u2013 Trials found nothing. [2] (Head)", "normal"),
        # the caveat box under the page states the caveat: the section points to it
        ("\u2013 The caveat box at the foot of this page says it. [2]", "normal"),
    ]


def test_no_evidence_under_what_charts_claim_on_the_bundled_chart():
    chart = footmap.load()
    zones = chart.zones
    numbers = describe.citation_numbers(chart, zones)
    texts = [b.text for b in page_layout._zone_blocks(chart, zones, numbers)]
    split = texts.index("What the evidence says")
    assert texts.count("What charts claim") == 1 and texts[0] == "What charts claim"
    evidence = {c.text for z in zones for c in z.claims if c.kind == "evidence"}
    assert evidence  # the lung zones' review claim
    charts_part, evidence_part = " ".join(texts[:split]), " ".join(texts[split:])
    for text in evidence:
        assert text not in charts_part
        assert text in evidence_part
    assert "Reviews of clinical trials" not in charts_part


def test_zone_headings_cite_placement_sources_only(chart):
    zone = chart.zone("left.plantar.head")
    numbers = describe.citation_numbers(chart, [zone])
    head = page_layout._zone_blocks(chart, [zone], numbers)[1].text
    # testchart (placement) is 1; testreview (evidence) 2 and testdoc (article) 3 are not cited
    assert head.endswith("[Nervous system] [1]")


# -- the caveats on every figure -----------------------------------------------------------------
def test_figure_shows_both_caveats_in_its_caveat_box(chart):
    fig = export.figure(chart, highlight="head")
    try:
        assert FOOTER in _caveat_box(fig)
    finally:
        plt.close(fig)


def test_check_caveat_refuses_a_figure_without_the_safety_caveat(chart):
    fig = export.figure(chart, highlight="head")
    try:
        for t in fig.findobj(Text):
            if t.get_gid() == pagetext.CAVEAT_GID:
                t.set_text(t.get_text().replace("fever", "f"))
        with pytest.raises(footmap.FootmapError, match="without the safety caveat"):
            pagetext.check_caveat(fig, chart)
    finally:
        plt.close(fig)


def test_png_has_the_caveats_as_text_and_metadata(chart, tmp_path):
    fig = export.figure(chart, highlight="kidneys")
    try:
        assert FOOTER in _caveat_box(fig)
        out = export.save_figure(fig, tmp_path / "k.png", chart=chart, dpi=40)
    finally:
        plt.close(fig)
    info = Image.open(out).info
    assert info["Warning"] == f"Safety: {SAFETY_FULL}"
    assert info["Description"] == EVIDENCE


def test_svg_has_the_caveats_in_its_metadata(chart, tmp_path):
    out = export.export(chart, tmp_path / "k.svg", highlight="kidneys")
    svg = out.read_text("utf-8")
    desc = re.search(r"<dc:description>(.*?)</dc:description>", svg, re.S)
    assert desc is not None
    assert _flat(desc.group(1)) == f"{EVIDENCE} Safety: {SAFETY_FULL}"


def _pdftotext(path: Path) -> list[str]:
    """The text of each page of a PDF (pdftotext, from poppler-utils)."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed; CI has it")
    out = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, check=True, text=True
    ).stdout
    return [_flat(p) for p in out.split("\f") if p.strip()]


def test_pdf_shows_the_caveats_and_carries_them_in_its_metadata(chart, tmp_path):
    out = export.export(chart, tmp_path / "k.pdf", highlight="kidneys")
    (page,) = _pdftotext(out)
    assert FOOTER in page
    raw = out.read_bytes()
    assert f"/Subject ({EVIDENCE} Safety: {SAFETY_FULL})".encode() in raw


def test_every_handout_page_shows_both_caveats(chart, tmp_path):
    out = export.handout(chart, tmp_path / "h.pdf")
    pages = _pdftotext(out)
    # cover, one page per system of the chart, "Charts disagree", then the sources
    assert len(pages) == 2 + 4 + 1
    for k, page in enumerate(pages, start=1):
        assert FOOTER in page, f"page {k} lacks the caveats"
    # the full text on the cover (its heading may head the next column: pdftotext reads
    # the columns' first lines together)
    assert SAFETY_FULL in pages[0] and SAFETY_FULL not in pages[1]


# -- the handout's disagreements page and the map's mark ----------------------------------------
@pytest.mark.slow
def test_handout_disagreements_page(chart, tmp_path):
    out = export.handout(chart, tmp_path / "h.pdf", by=["kidneys"])
    pages = _pdftotext(out)
    page = pages[-2]  # after the systems, before the list of sources
    assert page.startswith("Charts disagree Published charts do not all put the zones")
    # numbered as the whole handout is: the cover and the kidneys' page cite [1]-[3] first
    assert (
        "Head on which side Charts differ on which foot holds the head. "
        "\u2013 Same side. [2] \u2013 Crossed. [4] "
        "Zones: Head (left sole, right sole)"
    ) in page
    assert "cite the sources listed under \u201cSources\u201d from page 4 on" in page
    assert pages[-1].startswith("Sources Every number in brackets in this handout")
    assert "[2] footmap test fixture; not a real publication." in pages[-1]
    assert "[4] Second test chart; not a real publication." in pages[-1]


def test_handout_without_disagreements_has_no_such_page(tmp_path):
    chart = footmap.loads(json.dumps(_doc(disagreements=False)))
    pages = _pdftotext(export.handout(chart, tmp_path / "h.pdf", by=["kidneys"]))
    assert len(pages) == 3  # the cover, the kidneys, the sources
    assert not any(p.startswith("Charts disagree") for p in pages)


def test_map_marks_disagreement_zones_with_a_legend_entry(chart):
    m = plot_map(chart, disagreements=True)
    try:
        assert m.disagreements is not None and len(m.disagreements.get_paths()) == 2
        marked = {
            m.zones[i].id
            for i, p in enumerate(m.collection.get_paths())
            for q in m.disagreements.get_paths()
            if p is q
        }
        assert marked == {"left.plantar.head", "right.plantar.head"}
        labels = [t.get_text() for t in m.legend.get_texts()]
        assert labels[-1] == "charts disagree (dashed outline)"
    finally:
        plt.close(m.ax.figure)


def test_map_mark_is_off_by_default_and_has_its_own_legend_without_the_system_legend(chart):
    plain = plot_map(chart)
    alone = plot_map(chart, disagreements=True, legend=False)
    try:
        assert plain.disagreements is None
        assert "charts disagree (dashed outline)" not in [
            t.get_text() for t in plain.legend.get_texts()
        ]
        assert [t.get_text() for t in alone.legend.get_texts()] == [
            "charts disagree (dashed outline)"
        ]
    finally:
        plt.close(plain.ax.figure)
        plt.close(alone.ax.figure)


def test_exported_figures_mark_disagreements_when_the_chart_has_them(chart):
    with_marks = export.figure(chart)
    plain_chart = footmap.loads(json.dumps(_doc(disagreements=False)))
    without = export.figure(plain_chart)
    try:
        assert with_marks.footmap_artists.disagreements is not None
        assert without.footmap_artists.disagreements is None
    finally:
        plt.close(with_marks)
        plt.close(without)


# -- the command line ---------------------------------------------------------------------------
def test_summary_shows_the_safety_caveat_and_the_disagreements(chart_file, capsys):
    assert main(["summary", str(chart_file)]) == 0
    out = capsys.readouterr().out
    assert f"  safety:    {SAFETY_SHORT}\n" in out
    assert "  disagree:  1 documented disagreement between charts\n" in out


def test_find_shows_sections_and_the_safety_caveat(chart_file, capsys):
    assert main(["find", "--chart", str(chart_file), "left.plantar.head"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(
        "Head (left foot, plantar): charts assign it to the head and brain [Nervous system] [1]\n"
        "What charts claim:\n"
        "  - Charts place the head in the big toe. [1]\n"
        "Charts disagree here:\n"
        "  - Head on which side: Charts differ on which foot holds the head.\n"
        "    * Same side. [1]\n"
        "    * Crossed. [4]\n"
        "What the articles say:\n"
        "  - An article likes it. [3]\n"
        "What the evidence says:\n"
        "  - Trials found nothing. [2]\n"
        f"Safety: {SAFETY_SHORT}\n"
    )


# -- one description, every surface ---------------------------------------------------------------
def _in_order(text: str, headings: list[str]) -> list[str]:
    """The ``headings`` found in ``text``, in the order they first appear."""
    found = [h for h in headings if h in text]
    return sorted(found, key=text.index)


def _surfaces(chart, chart_file, capsys) -> dict[str, str]:
    """What each surface says about the head zone (article, evidence and a disagreement)."""
    from footmap.explorer import panel
    from footmap.text import quiz, tour
    from footmap.web.page import _zone_template

    zone = chart.zone("left.plantar.head")
    numbers = describe.citation_numbers(chart, [zone])
    question = quiz.Question("Click where the chart places the head", "head", (zone.id,))
    answer = quiz.check(chart, question, zone)
    (step,) = tour.tour(chart, ["nervous"])
    assert main(["find", "--chart", str(chart_file), zone.id]) == 0
    return {
        "find": capsys.readouterr().out,
        "explorer panel": panel.selection_html(chart, [zone]),
        "html map": _zone_template(chart, zone, numbers),
        "page claims": "\n".join(b.text for b in page_layout._zone_blocks(chart, [zone], numbers)),
        "quiz html": answer.html,
        "quiz text": answer.explanation,
        "quiz reveal": quiz.check(chart, question, reveal=True).html,
        "tour html": tour.step_html(chart, step),
        "tour text": tour.step_text(chart, step),
    }


def test_every_surface_shows_the_same_sections_in_the_same_order(chart, chart_file, capsys):
    zone = chart.zone("left.plantar.head")
    headings = [s.heading for s in describe.describe_zone(chart, zone).sections]
    assert headings == [
        "What charts claim",
        "Charts disagree here",
        "What the articles say",
        "What the evidence says",
    ]
    for surface, text in _surfaces(chart, chart_file, capsys).items():
        assert _in_order(text, headings) == headings, surface


def test_sections_are_named_and_ordered_in_one_place(chart, chart_file, capsys, monkeypatch):
    # describe.SECTIONS is the one place: rename and reorder there, every surface follows
    sections = (
        ("charts", "Where charts put it"),
        ("disagreements", "Charts differ"),
        ("evidence", "Studies found"),
        ("articles", "Articles report"),
    )
    monkeypatch.setattr(describe, "SECTIONS", sections)
    headings = [h for _, h in sections]
    for surface, text in _surfaces(chart, chart_file, capsys).items():
        assert _in_order(text, headings) == headings, surface
        assert "What the articles say" not in text, surface


def test_the_safety_caveat_says_never_to_diagnose_on_every_surface(tmp_path, capsys, monkeypatch):
    from footmap.explorer import panel
    from footmap.export import handouts
    from footmap.text.caveat import caveat_html
    from footmap.web.page import html_document

    chart = footmap.load()
    kidney = chart.zone("left.plantar.kidney")
    # the explorer's side panel: the selected zone, and the caveat box pinned beside the map
    # (the panel points to the caveat box instead of repeating it)
    assert "diagnose" not in panel.selection_html(chart, [kidney])
    assert "diagnose" in caveat_html(chart)
    # the HTML map: the caveat bar at the top, and the panel of a zone
    page = html_document(chart)
    bar = re.search(r'<section class="caveat"[^>]*>(.*?)</section>', page, re.S)
    assert bar is not None and "diagnose" in bar.group(1)
    template = re.search(r'<template id="info-left.plantar.kidney">(.*?)</template>', page, re.S)
    assert template is not None and "diagnose" in template.group(1)
    # a PNG / SVG page: the caveat box in the footer (and the SVG's own text)
    fig = export.figure(chart, highlight="kidneys")
    try:
        assert "diagnose" in _caveat_box(fig)
    finally:
        plt.close(fig)
    svg = export.export(chart, tmp_path / "k.svg", highlight="kidneys").read_text("utf-8")
    assert re.search(r"<text[^>]*>[^<]*\bdiagnose\b", svg)
    # every page of a handout: its caveat box, as the page is checked before it is written
    boxes = []
    check = pagetext.check_caveat

    def record(fig, chart_):
        boxes.append(_caveat_box(fig))
        check(fig, chart_)

    monkeypatch.setattr(handouts, "check_caveat", record)  # where the handout looks it up
    export.handout(chart, tmp_path / "h.pdf", by=["kidneys", "urinary"])
    assert len(boxes) >= 3 and all("diagnose" in box for box in boxes)
    # footmap find
    assert main(["find", "kidneys"]) == 0
    assert "diagnose" in capsys.readouterr().out
