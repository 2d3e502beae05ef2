"""footmap.describe: citation numbers, reference lines, zone text and HTML, escaping.

Every expectation is a literal for the synthetic chart (tests/baseline/synthetic_chart.geojson)
or the hostile one (tests/data/hostile.geojson): sources doc000 ("Test article one"), doc001
("Test article two") and ernst2009 ("Test review"); the evidence caveat cites ernst2009 and
the safety caveat doc001.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import footmap
from footmap import describe as d

DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="module")
def hostile() -> footmap.Chart:
    return footmap.load(DATA / "hostile.geojson")


# -- citation numbers and references ------------------------------------------------------------
def test_citation_numbers_start_at_1_zones_first_then_caveats(synth):
    kidneys = synth.zones_for("kidneys")
    assert d.citation_numbers(synth, kidneys) == {"doc000": 1, "ernst2009": 2, "doc001": 3}
    assert d.citation_numbers(synth) == {"ernst2009": 1, "doc001": 2}
    stomach = [synth.zone("left.plantar.stomach")]  # cites doc000 then doc001
    assert d.citation_numbers(synth, stomach) == {"doc000": 1, "doc001": 2, "ernst2009": 3}


def test_reference_list_lines_in_citation_order(synth):
    kidneys = synth.zones_for("kidneys")
    numbers = d.citation_numbers(synth, kidneys)
    assert d.reference_list(synth.cited_sources(kidneys), numbers) == [
        "[1] Test article one, not a real source.",
        "[2] Test review, not a real study (stands in for Ernst 2009).",
        "[3] Test article two, not a real source.",
    ]
    # a source without a number is left out
    assert d.reference_list(synth.sources, {"doc001": 4}) == [
        "[4] Test article two, not a real source."
    ]


def test_caveat_line_is_the_short_evidence_caveat(synth, hostile):
    assert d.caveat_line(synth) == "TEST CAVEAT: claims of reflexology, not established facts."
    assert d.caveat_line(hostile) == "]]> & &amp; \"quoted\" 'single' `back`"


# -- zone text ----------------------------------------------------------------------------------
def test_zone_text_with_and_without_claims(synth):
    stomach = synth.zone("left.plantar.stomach")
    numbers = d.citation_numbers(synth, [stomach])
    assert d.zone_text(stomach, numbers) == (
        "Stomach (left foot, plantar): charts assign it to the stomach [Digestive] [1, 2]\n"
        "  - Test charts assign this area to the stomach. [1, 2]"
    )
    assert d.zone_text(stomach, {"doc001": 7}, claims=False) == (
        "Stomach (left foot, plantar): charts assign it to the stomach [Digestive] [7]"
    )


# -- zone HTML ----------------------------------------------------------------------------------
def test_zone_html(synth):
    assert d.zone_html(synth, synth.zone("left.plantar.stomach")) == (
        '<div class="fm-zone" data-zone="left.plantar.stomach"><h4>Stomach</h4>'
        "<p><b>Claimed to correspond to:</b> stomach<br><b>Body system:</b> Digestive<br>"
        "<b>Where:</b> left foot, plantar view</p><ul><li>Test charts assign this area to the "
        'stomach. <span class="fm-cite">(source: A made-up article; Another made-up article)'
        "</span></li></ul></div>"
    )


def test_zones_html_lists_up_to_the_limit(synth):
    two = (
        "<li><b>Head / brain</b> (left foot, plantar): head and brain</li>"
        "<li><b>Stomach</b> (left foot, plantar): stomach</li>"
    )
    assert d.zones_html(synth, synth.zones[:3], limit=2) == (
        f'<div class="fm-zones"><p>3 zones</p><ul>{two}<li>... and 1 more</li></ul></div>'
    )
    assert d.zones_html(synth, synth.zones[:2], limit=2) == (
        f'<div class="fm-zones"><p>2 zones</p><ul>{two}</ul></div>'
    )
    assert d.zones_html(synth, ()) == ""
    assert d.zones_html(synth, synth.zones[1:2]) == d.zone_html(synth, synth.zones[1])


def test_zone_html_escapes_every_piece_of_chart_text(hostile):
    html = d.zone_html(hostile, hostile.zone("left.plantar.kidney"))
    assert "<script>" not in html and "<img" not in html
    assert "<h4>&lt;script&gt;alert(1)&lt;/script&gt;</h4>" in html
    assert "(source: &lt;script&gt;alert(1)&lt;/script&gt;)" in html  # the source title
    head = d.zone_html(hostile, hostile.zone("left.plantar.head"))
    assert "<h4>bell\ufffd rlo\ufffdevil nul\ufffd tab  new" in head


# -- display_text and escape_html ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("plain", "plain"),
        ("bell\x07", "bell\ufffd"),
        ("nul\x00", "nul\ufffd"),
        ("esc\x1b[31m", "esc\ufffd[31m"),
        ("del\x7f c1\x9b", "del\ufffd c1\ufffd"),
        ("\x08\x0b\x0c\x0e\x1f", "\ufffd" * 5),
        ("rlo\u202eevil", "rlo\ufffdevil"),
        ("lre\u202a pdf\u202c lri\u2066 pdi\u2069", "lre\ufffd pdf\ufffd lri\ufffd pdi\ufffd"),
        ("lrm\u200e rlm\u200f", "lrm\ufffd rlm\ufffd"),
        ("bom\ufeff", "bom\ufffd"),
        ("lone\ud800", "lone\ufffd"),
        ("nonchar\ufffe\uffff", "nonchar\ufffd\ufffd"),
        ("tab\there", "tab here"),
        ("a\nb", "a b"),
        ("a\r\nb", "a b"),
        ("a\rb", "a b"),
        ("<b>&</b>", "<b>&</b>"),  # markup is text, left as it is
        ("caf\u00e9 \u2014 \u00b5m\u00b2", "caf\u00e9 \u2014 \u00b5m\u00b2"),  # printable: kept
        ("\u200d\u2060", "\u200d\u2060"),  # joiners are not in the unsafe set
    ],
)
def test_display_text(text, shown):
    assert d.display_text(text) == shown


def test_display_text_keeps_line_breaks_when_multiline():
    assert d.display_text("a\r\nb\rc\nd", multiline=True) == "a\nb\nc\nd"
    assert d.display_text(5) == "5"  # not a str: shown as its text


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"),
        ("a & b", "a &amp; b"),
        ("\"double\" 'single'", "&quot;double&quot; &#x27;single&#x27;"),
        ("line\r\nbreak", "line\nbreak"),
        ("rlo\u202e\x00", "rlo\ufffd\ufffd"),
        ("&amp;", "&amp;amp;"),
    ],
)
def test_escape_html(text, html):
    assert d.escape_html(text) == html
