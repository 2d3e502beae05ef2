"""An IMS QTI 2.1 content package of hotspot questions (``.zip``).

The package holds ``imsmanifest.xml`` (IMS Content Packaging 1.1, the QTI 2.1 profile), one
``assessmentItem`` per question (``q01.xml``, ...), an ``assessmentTest`` listing them
in order (``test.xml``) and the panels' images (``images/left-plantar.png``, ...). Each item
is a ``hotspotInteraction`` (one choice) whose ``hotspotChoice`` elements are the zones'
outlines as ``shape="poly"`` in the image's pixels; the ``responseDeclaration``'s correct
response is the asked zone; ``responseProcessing`` scores 1 for it and sets the feedback,
and the ``modalFeedback`` gives the answer, what charts claim with its sources, and the
evidence and safety caveats. The caveat also stands under every question.
"""

from __future__ import annotations

import os
import zipfile
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

__all__ = [
    "CP_NS",
    "QTI_NS",
    "QTI_XSD",
    "assessment_test_xml",
    "item_xml",
    "manifest_xml",
    "write_qti",
]

QTI_NS = "http://www.imsglobal.org/xsd/imsqti_v2p1"
QTI_XSD = "http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd"
CP_NS = "http://www.imsglobal.org/xsd/imscp_v1p1"
CP_XSD = "http://www.imsglobal.org/xsd/qti/qtiv2p1/qtiv2p1_imscpv1p2_v1p0.xsd"
XSI = "http://www.w3.org/2001/XMLSchema-instance"

#: Fixed timestamp for zip entries: the same quiz gives the same bytes.
_ZIP_TIME = (2020, 1, 1, 0, 0, 0)


def _el(parent: ET.Element | None, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    e = ET.Element(tag, attrs) if parent is None else ET.SubElement(parent, tag, attrs)
    if text is not None:
        e.text = text
    return e


def _bytes(root: ET.Element, ns: str) -> bytes:
    ET.register_namespace("", ns)
    ET.register_namespace("xsi", XSI)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def _q(tag: str) -> str:
    return f"{{{QTI_NS}}}{tag}"


def _feedback(parent: ET.Element, item: QuizItem, identifier: str, verdict: str) -> None:
    fb = _el(parent, _q("modalFeedback"), outcomeIdentifier="FEEDBACK", identifier=identifier,
             showHide="show", title=verdict)  # fmt: skip
    z = item.zone
    _el(fb, _q("p"), f"{verdict} The answer: {z.label} ({z.foot} foot), the zone "
        f"reflexology charts assign to the {z.body_area}.")  # fmt: skip
    p = _el(fb, _q("p"))
    _el(p, _q("strong"), "What charts claim: ").tail = item.claims
    if item.sources:
        _el(fb, _q("p"), "Sources:")
        ul = _el(fb, _q("ul"))
        for s in item.sources:
            _el(ul, _q("li"), s.citation)
    _caveats(fb, item)


def _caveats(parent: ET.Element, item: QuizItem) -> None:
    p = _el(parent, _q("p"))
    _el(p, _q("strong"), f"{CAVEAT_HEADING}: ").tail = item.caveat
    if item.safety:
        p = _el(parent, _q("p"))
        _el(p, _q("strong"), f"{SAFETY_HEADING}: ").tail = item.safety


def item_xml(item: QuizItem, title: str) -> bytes:
    """One ``assessmentItem`` (QTI 2.1) with a hotspot interaction over the item's image."""
    root = _el(None, _q("assessmentItem"), identifier=item.identifier, title=title,
               adaptive="false", timeDependent="false")  # fmt: skip
    root.set(f"{{{XSI}}}schemaLocation", f"{QTI_NS} {QTI_XSD}")
    rd = _el(root, _q("responseDeclaration"), identifier="RESPONSE", cardinality="single",
             baseType="identifier")  # fmt: skip
    _el(_el(rd, _q("correctResponse")), _q("value"), item.correct)
    out = _el(root, _q("outcomeDeclaration"), identifier="SCORE", cardinality="single",
              baseType="float")  # fmt: skip
    _el(_el(out, _q("defaultValue")), _q("value"), "0")
    _el(root, _q("outcomeDeclaration"), identifier="FEEDBACK", cardinality="single",
        baseType="identifier")  # fmt: skip

    body = _el(root, _q("itemBody"))
    hi = _el(body, _q("hotspotInteraction"), responseIdentifier="RESPONSE", maxChoices="1")
    _el(hi, _q("prompt"), item.prompt)
    img = item.image
    _el(hi, _q("object"), img.alt, type="image/png", data=f"images/{img.name}",
        width=str(img.width), height=str(img.height))  # fmt: skip
    for h in item.hotspots:
        coords = ",".join(f"{u},{v}" for u, v in h.points)
        _el(hi, _q("hotspotChoice"), identifier=h.identifier, shape="poly", coords=coords)
    _caveats(body, item)

    rp = _el(root, _q("responseProcessing"))
    cond = _el(rp, _q("responseCondition"))
    then = _el(cond, _q("responseIf"))
    match = _el(then, _q("match"))
    _el(match, _q("variable"), identifier="RESPONSE")
    _el(match, _q("correct"), identifier="RESPONSE")
    for target, value, base in (("SCORE", "1", "float"), ("FEEDBACK", "RIGHT", "identifier")):
        _el(_el(then, _q("setOutcomeValue"), identifier=target), _q("baseValue"), value,
            baseType=base)  # fmt: skip
    other = _el(cond, _q("responseElse"))
    for target, value, base in (("SCORE", "0", "float"), ("FEEDBACK", "WRONG", "identifier")):
        _el(_el(other, _q("setOutcomeValue"), identifier=target), _q("baseValue"), value,
            baseType=base)  # fmt: skip
    _feedback(root, item, "RIGHT", "Right.")
    _feedback(root, item, "WRONG", "Not this zone.")
    return _bytes(root, QTI_NS)


def assessment_test_xml(items: Sequence[QuizItem], identifier: str, title: str) -> bytes:
    """The ``assessmentTest`` that gives the items in order (one section, linear)."""
    root = _el(None, _q("assessmentTest"), identifier=identifier, title=title)
    root.set(f"{{{XSI}}}schemaLocation", f"{QTI_NS} {QTI_XSD}")
    out = _el(root, _q("outcomeDeclaration"), identifier="SCORE", cardinality="single",
              baseType="float")  # fmt: skip
    _el(_el(out, _q("defaultValue")), _q("value"), "0")
    part = _el(root, _q("testPart"), identifier="part1", navigationMode="linear",
               submissionMode="individual")  # fmt: skip
    section = _el(part, _q("assessmentSection"), identifier="section1", title=title,
                  visible="true")  # fmt: skip
    for it in items:
        _el(section, _q("assessmentItemRef"), identifier=it.identifier,
            href=f"{it.identifier}.xml")  # fmt: skip
    op = _el(root, _q("outcomeProcessing"))
    total = _el(_el(op, _q("setOutcomeValue"), identifier="SCORE"), _q("sum"))
    _el(total, _q("testVariables"), variableIdentifier="SCORE")
    return _bytes(root, QTI_NS)


def _c(tag: str) -> str:
    return f"{{{CP_NS}}}{tag}"


def manifest_xml(items: Sequence[QuizItem], identifier: str) -> bytes:
    """``imsmanifest.xml``: the test, each item (depending on its image) and each image."""
    root = _el(None, _c("manifest"), identifier=identifier)
    root.set(f"{{{XSI}}}schemaLocation", f"{CP_NS} {CP_XSD}")
    meta = _el(root, _c("metadata"))
    _el(meta, _c("schema"), "QTIv2.1 Package")
    _el(meta, _c("schemaversion"), "1.0.0")
    _el(root, _c("organizations"))
    res = _el(root, _c("resources"))
    test = _el(res, _c("resource"), identifier="test", type="imsqti_test_xmlv2p1", href="test.xml")
    _el(test, _c("file"), href="test.xml")
    for it in items:
        _el(test, _c("dependency"), identifierref=it.identifier)
    images = {}
    for it in items:
        href = f"{it.identifier}.xml"
        r = _el(res, _c("resource"), identifier=it.identifier, type="imsqti_item_xmlv2p1",
                href=href)  # fmt: skip
        _el(r, _c("file"), href=href)
        ident = f"image-{it.image.foot}-{it.image.view}"
        _el(r, _c("dependency"), identifierref=ident)
        images[ident] = f"images/{it.image.name}"
    for ident, href in images.items():
        r = _el(res, _c("resource"), identifier=ident, type="webcontent", href=href)
        _el(r, _c("file"), href=href)
    return _bytes(root, CP_NS)


def write_qti(
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
    """Write ``n`` hotspot questions as an IMS QTI 2.1 content package (a ``.zip``).

    Returns
    -------
    (pathlib.Path, tuple of QuizItem)

    Examples
    --------
    >>> import footmap, tempfile, pathlib, zipfile
    >>> from footmap.assess import write_qti
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "quiz.qti.zip"
    >>> path, items = write_qti(footmap.load(), out, 2, seed=1)
    >>> names = zipfile.ZipFile(path).namelist()
    >>> "imsmanifest.xml" in names, sorted(n for n in names if n.startswith("images/"))
    (True, ['images/left-plantar.png', 'images/right-plantar.png'])
    """
    target = writable(path, chart.path)
    if target.suffix.lower() != ".zip":
        raise FootmapError(f"a QTI package is a .zip (e.g. quiz.qti.zip), not {target.name!r}")
    v, items = quiz_items(chart, n, seed=seed, system=system, views=views, feet=feet,
                          min_area=min_area)  # fmt: skip
    title = f"Where do reflexology charts place it? (footmap quiz {v.id})"
    files: dict[str, bytes] = {
        "imsmanifest.xml": manifest_xml(items, f"footmap-quiz-{v.id}"),
        "test.xml": assessment_test_xml(items, f"footmap-quiz-{v.id}", title),
    }
    for it in items:
        files[f"{it.identifier}.xml"] = item_xml(it, f"{title}: question {it.identifier[1:]}")
        files.setdefault(f"images/{it.image.name}", it.image.png)
    with atomic_write(target) as f, zipfile.ZipFile(f, "w", zipfile.ZIP_DEFLATED) as z:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, _ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, files[name])
    return target, items
