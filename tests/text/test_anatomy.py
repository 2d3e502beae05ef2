"""The words about real anatomy (footmap.text.anatomy): under a zone, and where it really is."""

from __future__ import annotations

import footmap
from footmap.chart.anatomy import UnderItem
from footmap.text.anatomy import (
    anatomy_numbers,
    find_sections,
    under_html,
    under_line,
    under_sources,
    under_text,
    where_it_really_is,
    where_it_really_is_html,
)


def _item(kind, name, roots=None, share=1.0, **kw):
    return UnderItem(kind, name, roots, share, f"left.plantar.{kind}.x", **kw)


def test_under_text_reads_as_a_sentence():
    items = [
        _item("nerve", "Medial plantar nerve", "L4–L5"),
        _item("bone", "Navicular", share=0.4),
        _item("bone", "Intermediate cuneiform", share=0.2),
        _item("dermatome", "L5 dermatome", "L5", approximate=True),
    ]
    assert under_text(items) == (
        "skin of the medial plantar nerve (L4–L5) over the navicular and intermediate "
        "cuneiform; dermatome L5 (approximate)"
    )


def test_under_text_with_several_nerves_bones_and_dermatomes():
    items = [
        _item("nerve", "Lateral plantar nerve", share=0.683),
        _item("nerve", "Sural nerve", "S1–S2", share=0.317),
        *[_item("bone", f"Bone {k}", share=0.1) for k in range(6)],
        _item("dermatome", "L4 dermatome", "L4", 0.6),
        _item("dermatome", "L5 dermatome", "L5", 0.4),
    ]
    assert under_text(items) == (
        "skin of the lateral plantar nerve (68%) and sural nerve (S1–S2, 32%) over the "
        "bone 0, bone 1, bone 2, bone 3 and 2 other bones; dermatomes L4 and L5 (approximate)"
    )


def test_under_text_near_a_bone_and_nothing():
    assert under_text([_item("bone", "Calcaneus", share=0.0, nearest=True)]) == "near the calcaneus"
    assert under_text([]) == ""


def test_under_line_and_html_cite_the_anatomy_sources():
    chart, anatomy = footmap.load(), footmap.load_anatomy()
    items = footmap.anatomy_under(chart, "left.plantar.head-brain", anatomy)
    sentence = (
        "skin of the medial plantar nerve (L4–L5) over the distal phalanx of the big toe; "
        "dermatomes L4 and L5 (approximate)"
    )
    assert under_text(items) == sentence
    line = under_line(items, anatomy)
    assert line.startswith(f"What is under this zone: {sentence} (sources: Medial plantar nerve; ")
    html = under_html(items, anatomy)
    assert html.startswith(
        f'<div class="fm-under"><h5>What is under this zone</h5><p>{sentence} '
        '<span class="fm-cite">(sources: Medial plantar nerve; '
    )
    assert under_line([], anatomy) == "What is under this zone: nothing in the foot-anatomy chart."


def test_where_it_really_is_names_the_claim_and_its_sources():
    body = footmap.load_body()
    assert where_it_really_is(body, "kidneys") == (
        "Where it really is (the kidneys):\n"
        "  - The kidneys lie against the back wall of the abdomen, either side of the spine at "
        "about T12 to L3, partly under the lowest ribs; the right one sits a little lower "
        "because of the liver. (sources: Anatomy of the abdomen: kidneys; Laboratory 40. "
        "Posterior Abdominal Wall)"
    )
    assert where_it_really_is(body, "kidneys", {"radiologyweb-kidney": 7}).endswith(
        "because of the liver. [7]"
    )
    assert where_it_really_is(body, "unicorn horn") == (
        "Where it really is (the unicorn horn):\n  - The body chart does not draw it."
    )


def test_where_it_really_is_html_escapes():
    body = footmap.load_body()
    html = where_it_really_is_html(body, "<kidneys>")
    assert html == (
        '<div class="fm-where"><h5>Where it really is (the &lt;kidneys&gt;)</h5>'
        "<p>The body chart does not draw it.</p></div>"
    )
    assert where_it_really_is_html(body, "liver") == (
        '<div class="fm-where"><h5>Where it really is (the liver)</h5><ul><li>The liver lies '
        "mostly on the right, under the diaphragm in the upper right of the abdomen, sheltered "
        'by the lower ribs. <span class="fm-cite">(sources: Accessory Organs in Digestion: The '
        "Liver, Pancreas, and Gallbladder; Position of stomach labelled (image description))"
        "</span></li></ul></div>"
    )


def test_find_sections_only_for_a_chart_the_anatomy_is_drawn_on(root):
    chart = footmap.load()
    zones = chart.zones_for("kidneys")
    sections = find_sections(chart, zones, first_number=18)
    assert list(sections.under) == ["left.plantar.kidney", "right.plantar.kidney"]
    assert sections.where[:2] == ["", "Where it really is (the kidneys):"]
    assert sections.references[0] == "Anatomy sources:"
    assert sections.references[1].startswith("  [18] ")
    synthetic = footmap.load(root / "tests" / "baseline" / "synthetic_chart.geojson")
    empty = find_sections(synthetic, synthetic.zones_for("kidneys"))
    assert (empty.under, empty.where, empty.references) == ({}, [], [])


def test_html_fragments_cite_by_number_under_the_heading_asked_for():
    body = footmap.load_body()
    ids = list(body.regions_for("liver")[0].claims[0].sources)
    numbers = {ids[0]: 110, ids[1]: 114}
    assert where_it_really_is_html(body, "liver", numbers, heading="h4") == (
        '<div class="fm-where"><h4>Where it really is (the liver)</h4><ul><li>The liver lies '
        "mostly on the right, under the diaphragm in the upper right of the abdomen, sheltered "
        'by the lower ribs. <span class="fm-cite">[110, 114]</span></li></ul></div>'
    )
    chart, anatomy = footmap.load(), footmap.load_anatomy()
    items = footmap.anatomy_under(chart, "left.plantar.kidney", anatomy)
    numbers = anatomy_numbers(under_sources(items, anatomy), 71)
    html = under_html(items, anatomy, numbers, heading="h4")
    assert html.startswith('<div class="fm-under"><h4>What is under this zone</h4><p>skin of')
    assert html.endswith(f'<span class="fm-cite">[71–{70 + len(numbers)}]</span></p></div>')
