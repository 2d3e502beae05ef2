"""The quiz files against the standards their platforms read.

QTI 2.1: every item, the test and ``imsmanifest.xml`` validated with lxml against the IMS
XSDs kept in ``tests/assess/schemas/`` (see its README for their origin), then the package
read and scored by pyslet, a Python QTI 2.1 reader. Moodle: the ``<quiz>`` document checked
element by element against what Moodle's importer reads (files and functions cited in each
test's docstring).
"""

from __future__ import annotations

import base64
import io
import re
import zipfile
from pathlib import Path

import pytest
from PIL import Image
from shapely.geometry import Point, Polygon

import footmap
from footmap.assess import write_moodle, write_qti
from footmap.assess.items import to_chart_mm

etree = pytest.importorskip("lxml.etree")

SCHEMAS = Path(__file__).parent / "schemas"
CHART = footmap.load()


@pytest.fixture(scope="module")
def qti_schema():
    return etree.XMLSchema(etree.parse(str(SCHEMAS / "qtiv2p1" / "imsqti_v2p1.xsd")))


@pytest.fixture(scope="module")
def cp_schema():
    return etree.XMLSchema(etree.parse(str(SCHEMAS / "imscp_v1p1.xsd")))


@pytest.fixture(scope="module")
def package(tmp_path_factory):
    """Ten questions on all four panels of both views (sole and top), so every image is used."""
    out = tmp_path_factory.mktemp("qti") / "quiz.qti.zip"
    return write_qti(CHART, out, 10, seed=1, views=("plantar", "dorsal"))


def _errors(schema, data: bytes) -> list[str]:
    doc = etree.parse(io.BytesIO(data))
    schema.validate(doc)
    return [f"{e.line}: {e.message}" for e in schema.error_log]


# -- QTI 2.1: the XSDs -----------------------------------------------------------------------
def test_every_item_and_the_test_are_valid_qti_2_1(package, qti_schema):
    path, items = package
    z = zipfile.ZipFile(path)
    xml = sorted(n for n in z.namelist() if n.endswith(".xml") and n != "imsmanifest.xml")
    assert xml == [f"q{k:02d}.xml" for k in range(1, 11)] + ["test.xml"]
    assert {it.image.name for it in items} == {
        "left-plantar.png",
        "right-plantar.png",
        "left-dorsal.png",
        "right-dorsal.png",
    }
    for name in xml:
        assert _errors(qti_schema, z.read(name)) == [], name


def test_the_manifest_is_valid_ims_content_packaging(package, cp_schema):
    path, _ = package
    data = zipfile.ZipFile(path).read("imsmanifest.xml")
    assert _errors(cp_schema, data) == []


def test_the_schemas_catch_what_the_specification_forbids(package, qti_schema, cp_schema):
    """The validation has teeth: a Moodle shape name, no image, feedback first, bad manifest."""
    path, _ = package
    z = zipfile.ZipFile(path)
    item = z.read("q01.xml")
    bad_shape = item.replace(b'shape="poly"', b'shape="polygon"', 1)
    assert any("shape" in e for e in _errors(qti_schema, bad_shape))
    no_object = re.sub(rb"<object [^>]*>.*?</object>", b"", item, count=1, flags=re.S)
    assert _errors(qti_schema, no_object)  # a hotspotInteraction needs its image
    root = etree.fromstring(item)
    root.insert(0, root[-1])  # a modalFeedback before the declarations
    assert _errors(qti_schema, etree.tostring(root))
    manifest = z.read("imsmanifest.xml")
    m = etree.fromstring(manifest)
    m.remove(m[1])  # organizations, required even when empty
    assert [e.tag.split("}")[1] for e in m] == ["metadata", "resources"]
    assert _errors(cp_schema, etree.tostring(m))
    assert _errors(cp_schema, manifest.replace(b'identifier="q01"', b'identifier="1q"', 1))


# -- QTI 2.1: read and scored by a QTI reader ------------------------------------------------
@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # pyslet calls its own old names
def test_pyslet_reads_the_package_and_scores_each_item(package):
    """pyslet (a Python implementation of IMS CP 1.2 and QTI 2.1) opens the zip as a content
    package, finds every file the manifest lists, parses each item as QTI 2.1 and runs its
    response processing: the right hotspot scores 1 with the RIGHT feedback, another 0 with
    WRONG."""
    cp = pytest.importorskip("pyslet.imscpv1p2")
    from pyslet.qtiv2 import interactions, variables
    from pyslet.qtiv2 import xml as qtixml

    path, items = package
    pkg = cp.ContentPackage(str(path))
    try:
        resources = list(pkg.manifest.root.Resources.Resource)
        assert [r.type for r in resources].count("imsqti_item_xmlv2p1") == 10
        assert sorted(str(p) for p in pkg.fileTable) == sorted(
            n for n in zipfile.ZipFile(path).namelist() if n != "imsmanifest.xml"
        )
        assert all(pkg.dPath.join(p).exists() for p in pkg.fileTable)
        ids = {r.id for r in resources}
        scored = []
        for r in resources:
            assert all(d.identifierref in ids for d in r.Dependency)
            if r.type != "imsqti_item_xmlv2p1":
                continue
            doc = qtixml.QTIDocument(base_uri=str(r.resolve_uri(r.href)))
            doc.read()
            item = doc.root
            it = next(i for i in items if i.identifier == item.identifier)
            (hi,) = item.ItemBody.find_children_depth_first(interactions.HotspotInteraction)
            assert len(hi.HotspotChoice) == len(it.hotspots)
            assert item.ResponseDeclaration[0].get_correct_value().value == it.correct
            wrong = next(h.identifier for h in it.hotspots if h.identifier != it.correct)
            for answer in (it.correct, wrong):
                state = variables.ItemSessionState(item)
                state.begin_session()
                # begin_attempt() would also render the item as HTML, which pyslet does not
                # do for hotspots; the attempt count it sets is all response processing needs
                state["numAttempts"].set_value(1)
                state["RESPONSE"].set_value(answer)
                state.end_attempt()
                scored.append((answer == it.correct, state["SCORE"].value, state["FEEDBACK"].value))
        assert len(scored) == 20
        assert {s for s in scored if s[0]} == {(True, 1.0, "RIGHT")}
        assert {s for s in scored if not s[0]} == {(False, 0.0, "WRONG")}
    finally:
        pkg.close()


# -- Moodle XML: what the importer reads -----------------------------------------------------
@pytest.fixture(scope="module")
def moodle(tmp_path_factory):
    out = tmp_path_factory.mktemp("moodle") / "quiz.xml"
    path, items = write_moodle(CHART, out, 10, seed=1, views=("plantar", "dorsal"))
    return etree.parse(str(path)).getroot(), items


def test_moodle_reads_the_quiz_its_category_and_the_common_question_fields(moodle):
    """question/format/xml/format.php: ``readquestions`` takes ``quiz/question``;
    ``import_category`` reads ``category/text``; ``import_headers`` reads ``name/text``
    (an error if missing), ``questiontext`` and ``generalfeedback`` through
    ``import_text_with_files`` (``text`` and the ``format`` attribute, which
    ``trans_format`` knows as "html"), ``defaultgrade``, ``penalty`` and ``idnumber``."""
    root, items = moodle
    assert root.tag == "quiz"
    questions = root.findall("question")
    cat = questions[0]
    assert cat.get("type") == "category" and [c.tag for c in cat] == ["category"]
    assert cat.findtext("category/text") == "$course$/footmap quiz 1"
    assert len(questions) == 11
    for q, it in zip(questions[1:], items, strict=True):
        assert q.get("type") == "ddmarker"
        assert q.findtext("name/text") == f"footmap quiz 1: {it.identifier}"
        for field in ("questiontext", "generalfeedback"):
            assert q.find(field).get("format") == "html" and q.findtext(f"{field}/text")
        assert q.findtext("defaultgrade") == "1.0000000"
        assert q.findtext("penalty") == "0.3333333"
        assert q.findtext("idnumber") == ""  # empty: Moodle's own export writes it so


def test_moodle_ddmarker_fields_are_what_import_from_xml_reads(moodle):
    """question/type/ddmarker/questiontype.php, ``qtype_ddmarker::import_from_xml``:
    ``showmisplaced`` and ``shuffleanswers`` are on when the element is present (whatever its
    text); the background image is the question's ``file`` elements
    (``qformat_xml::import_files_as_draft``: the ``name`` attribute, ``path`` defaulting to
    "/", the content base64-decoded); each ``drag`` gives ``no``, ``text`` (the label, read as
    plain text) and ``noofdrags``; each ``drop`` gives ``no``, ``choice`` (the drag's number),
    ``shape`` and ``coords``; ``import_combined_feedback`` reads the three feedbacks and
    ``shownumcorrect`` (present = on)."""
    root, items = moodle
    for q, it in zip(root.findall("question")[1:], items, strict=True):
        tags = [c.tag for c in q]
        assert "shuffleanswers" not in tags  # one marker: nothing to shuffle
        # on: after a miss Moodle outlines the zone the charts name, the lesson of the item
        assert "showmisplaced" in tags and "shownumcorrect" in tags
        (f,) = q.findall("file")
        assert f.attrib == {"name": it.image.name, "path": "/", "encoding": "base64"}
        png = base64.b64decode(f.text, validate=True)
        assert Image.open(io.BytesIO(png)).size == (it.image.width, it.image.height)
        (drag,) = q.findall("drag")
        assert [(c.tag, c.text) for c in drag] == [
            ("no", "1"),
            ("text", it.zone.body_area),
            ("noofdrags", "1"),
        ]
        (drop,) = q.findall("drop")
        assert [c.tag for c in drop] == ["no", "shape", "coords", "choice"]
        assert (drop.findtext("no"), drop.findtext("choice")) == ("1", "1")
        for field in ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"):
            assert q.find(field).get("format") == "html" and q.findtext(f"{field}/text")


def test_moodle_polygons_pass_the_shape_checks(moodle):
    """question/type/ddmarker/shapes.php, ``qtype_ddmarker_shape_polygon::__construct``:
    "x,y" pairs split on ";" (at least three), each number only digits
    (``is_only_numbers``: ``^[0-9]+$``), no point equal to the one before it
    (``repeatedpoint``); a closing point equal to the first is dropped, so none is written.
    ``inside_width_height`` wants every point within the image, and
    ``is_point_in_shape`` (winding number) is what grades a drop: the zone's own point is
    inside."""
    root, items = moodle
    for q, it in zip(root.findall("question")[1:], items, strict=True):
        drop = q.find("drop")
        assert drop.findtext("shape") == "polygon"
        coords = drop.findtext("coords")
        pairs = coords.split(";")
        assert len(pairs) >= 3
        pts = []
        for pair in pairs:
            x, y = pair.split(",")
            assert re.fullmatch("[0-9]+", x) and re.fullmatch("[0-9]+", y), pair
            pts.append((int(x), int(y)))
        assert all(a != b for a, b in zip(pts, pts[1:], strict=False))
        assert pts[0] != pts[-1]
        assert all(0 <= x <= it.image.width and 0 <= y <= it.image.height for x, y in pts)
        back = Polygon([to_chart_mm(it.image, *p) for p in pts])
        assert back.contains(Point(it.zone.anchor))
