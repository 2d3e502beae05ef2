"""Moodle XML: "drag and drop markers" (``ddmarker``) questions with polygon drop zones.

One question per target: the panel's image embedded (base64 ``<file>``), one marker named
after the body area asked about, and one drop zone, the asked zone's outline as a polygon
(``x,y;x,y;...`` in whole image pixels, as Moodle's ``qtype_ddmarker_shape_polygon``
reads it). The general, right and wrong feedback give the answer, what charts claim with
its sources, and the evidence and safety caveats; the caveat also stands in the question.

Moodle's importer (``qtype_ddmarker::import_from_xml``) turns an option on when its element
is present, whatever it holds: ``<showmisplaced/>`` is written on purpose (after a miss,
Moodle outlines the zone the charts name, the point of the question), and so is
``<shownumcorrect/>``; ``<shuffleanswers/>`` is left out (one marker). Moodle grades a drop
inside the polygon, and places the marker for "fill in the correct response" at the centre
of the polygon's bounding box only when that centre is inside it (``center_point``), so a
concave zone may show no marker there; the grading is unaffected.
"""

from __future__ import annotations

import base64
import html
import os
from collections.abc import Sequence
from pathlib import Path
from xml.etree import ElementTree as ET

from footmap.assess.bank import MIN_AREA
from footmap.assess.items import QuizItem, quiz_items
from footmap.atomic import atomic_write, writable
from footmap.chart.model import Chart
from footmap.errors import FootmapError
from footmap.text.caveat import CAVEAT_HEADING, SAFETY_HEADING
from footmap.vocab import FEET

__all__ = ["moodle_coords", "moodle_xml", "write_moodle"]


def moodle_coords(points: Sequence[tuple[int, int]]) -> str:
    """A polygon as Moodle writes it: ``"x,y;x,y;..."`` (whole pixels, not closed)."""
    return ";".join(f"{u},{v}" for u, v in points)


def _text(parent: ET.Element, tag: str, content: str, fmt: str | None = "html") -> None:
    e = ET.SubElement(parent, tag, {"format": fmt} if fmt else {})
    ET.SubElement(e, "text").text = content


def _caveat_html(item: QuizItem) -> str:
    out = f"<p><strong>{CAVEAT_HEADING}:</strong> {html.escape(item.caveat)}</p>"
    if item.safety:
        out += f"<p><strong>{SAFETY_HEADING}:</strong> {html.escape(item.safety)}</p>"
    return out


def _feedback_html(item: QuizItem, verdict: str) -> str:
    z = item.zone
    e = html.escape
    sources = "".join(f"<li>{e(s.citation)}</li>" for s in item.sources)
    lead = f"{verdict} " if verdict else ""
    return (
        f"<p>{e(lead)}The answer: {e(z.label)} ({e(z.foot)} foot), the zone reflexology "
        f"charts assign to the {e(z.body_area)}.</p>"
        f"<p><strong>What charts claim:</strong> {e(item.claims)}</p>"
        + (f"<p>Sources:</p><ul>{sources}</ul>" if sources else "")
        + _caveat_html(item)
    )


def moodle_xml(items: Sequence[QuizItem], category: str) -> bytes:
    """The ``<quiz>`` document: a category, then one ``ddmarker`` question per item."""
    quiz = ET.Element("quiz")
    cat = ET.SubElement(quiz, "question", type="category")
    _text(cat, "category", f"$course$/{category}", None)
    for it in items:
        q = ET.SubElement(quiz, "question", type="ddmarker")
        _text(q, "name", f"{category}: {it.identifier}", None)
        _text(q, "questiontext", f"<p>{html.escape(it.prompt)}</p>"
              "<p>Drag the marker onto that zone.</p>" + _caveat_html(it))  # fmt: skip
        _text(q, "generalfeedback", _feedback_html(it, ""))
        ET.SubElement(q, "defaultgrade").text = "1.0000000"
        ET.SubElement(q, "penalty").text = "0.3333333"
        ET.SubElement(q, "hidden").text = "0"
        ET.SubElement(q, "idnumber")
        ET.SubElement(q, "showmisplaced")
        _text(q, "correctfeedback", _feedback_html(it, "Right."))
        _text(q, "partiallycorrectfeedback", _feedback_html(it, "Partly right."))
        _text(q, "incorrectfeedback", _feedback_html(it, "Not this zone."))
        ET.SubElement(q, "shownumcorrect")
        f = ET.SubElement(q, "file", name=it.image.name, path="/", encoding="base64")
        f.text = base64.b64encode(it.image.png).decode("ascii")
        drag = ET.SubElement(q, "drag")
        ET.SubElement(drag, "no").text = "1"
        ET.SubElement(drag, "text").text = it.zone.body_area
        ET.SubElement(drag, "noofdrags").text = "1"
        drop = ET.SubElement(q, "drop")
        ET.SubElement(drop, "no").text = "1"
        ET.SubElement(drop, "shape").text = "polygon"
        (h,) = [h for h in it.hotspots if h.identifier == it.correct]
        ET.SubElement(drop, "coords").text = moodle_coords(h.points)
        ET.SubElement(drop, "choice").text = "1"
    ET.indent(quiz)
    return ET.tostring(quiz, encoding="utf-8", xml_declaration=True) + b"\n"


def write_moodle(
    chart: Chart,
    path: str | os.PathLike[str],
    n: int = 10,
    *,
    seed: int | None = None,
    system: str | None = None,
    views: Sequence[str] = ("plantar",),
    feet: Sequence[str] = FEET,
    min_area: float = MIN_AREA,
) -> tuple[Path, tuple[QuizItem, ...]]:
    """Write ``n`` drag-and-drop-marker questions as Moodle XML.

    Import it in Moodle with Question bank > Import > Moodle XML format.

    Returns
    -------
    (pathlib.Path, tuple of QuizItem)
    """
    target = writable(path, chart.path)
    if target.suffix.lower() != ".xml":
        raise FootmapError(f"Moodle XML is a .xml file, not {target.name!r}")
    v, items = quiz_items(chart, n, seed=seed, system=system, views=views, feet=feet,
                          min_area=min_area)  # fmt: skip
    data = moodle_xml(items, f"footmap quiz {v.id}")
    with atomic_write(target) as f:
        f.write(data)
    return target, items
