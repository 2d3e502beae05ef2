"""Export: the caveat on every page, SVG ids and tooltips, PDF pages, atomic writes."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import pytest  # noqa: E402
from _pdf import pdf_info, pdf_page_count  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

import footmap  # noqa: E402
from footmap.atomic import atomic_write  # noqa: E402
from footmap.errors import FootmapError  # noqa: E402
from footmap.export import export, figure, handout, page_size  # noqa: E402
from footmap.export.pagetext import CAVEAT_GID, check_caveat  # noqa: E402

SYNTHETIC = Path(__file__).resolve().parents[1] / "baseline" / "synthetic_chart.geojson"
SVG = "{http://www.w3.org/2000/svg}"
SYNTH_CAVEAT = (
    "TEST CAVEAT: claims of reflexology, not established facts. "
    "Safety: TEST SAFETY: ask a doctor first if you have diabetes."
)


def _texts(fig) -> str:
    return " ".join(" ".join(t.get_text().split()) for t in fig.findobj(matplotlib.text.Text))


# -- the figure ---------------------------------------------------------------------------
def test_figure_carries_title_caveat_claims_and_sources(synth):
    fig = figure(synth, highlight="kidneys")
    text = _texts(fig)
    assert synth.title in text
    assert f"Caveat: {SYNTH_CAVEAT}" in text
    caveat = [t for t in fig.texts if t.get_gid() == CAVEAT_GID]
    assert len(caveat) == 1 and caveat[0].get_visible()
    # the kidneys' source first, then the caveats' sources (evidence, then safety)
    for line in (
        "[1] Test chart one, not a real source.",
        "[2] Test review, not a real study (stands in for Ernst 2009).",
        "[3] Test article two, not a real source.",
    ):
        assert line in text
    assert "[0]" not in text and "[4]" not in text
    assert "Kidney (left foot, plantar): charts assign it to the kidneys [Urinary] [1]" in text
    assert "Test charts assign this area to the kidneys. [1]" in text
    assert fig.footmap_artists.highlighted == ("left.plantar.kidney", "right.plantar.kidney")


def test_figure_sizes(synth):
    assert page_size("a4", "landscape") == (11.69, 8.27)
    assert page_size("letter", "portrait") == (8.5, 11.0)
    fig = figure(synth, size="letter", orientation="portrait")
    assert tuple(fig.get_size_inches()) == pytest.approx((8.5, 11.0))
    with pytest.raises(FootmapError, match="unknown size"):
        page_size("a3")


def test_check_caveat_refuses_a_figure_without_it(synth):
    with pytest.raises(FootmapError, match="caveat"):
        check_caveat(Figure(), synth)
    fig = figure(synth)
    check_caveat(fig, synth)
    next(t for t in fig.texts if t.get_gid() == CAVEAT_GID).set_visible(False)
    with pytest.raises(FootmapError, match="caveat"):
        check_caveat(fig, synth)


# -- files --------------------------------------------------------------------------------
def test_export_png(synth, tmp_path):
    out = export(synth, tmp_path / "map.png", dpi=50, size="a4", orientation="landscape")
    data = out.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert abs(width - 11.69 * 50) <= 1 and abs(height - 8.27 * 50) <= 1


def test_export_svg_has_one_element_per_zone_with_title(synth, tmp_path):
    out = export(synth, tmp_path / "map.svg", highlight="urinary", views="all")
    root = ET.parse(out).getroot()
    zone_elements = {
        el.get("id"): el for el in root.iter(f"{SVG}g") if el.get("id", "").startswith("zone-")
    }
    assert set(zone_elements) == {f"zone-{z.id}" for z in synth.zones}
    for z in synth.zones:
        el = zone_elements[f"zone-{z.id}"]
        title = el.find(f"{SVG}title")
        assert (
            title is not None
            and title.text == f"{z.label} ({synth.numbers[z.id]}) \u2014 {z.body_area}"
        )
        assert el.find(f"{SVG}path") is not None
    meta = out.read_text("utf-8")
    assert "TEST CAVEAT" in meta  # in the file's description metadata as well


def test_export_pdf_one_page(synth, tmp_path):
    out = export(synth, tmp_path / "map.pdf", highlight=["heart"])
    assert out.read_bytes()[:5] == b"%PDF-"
    assert pdf_page_count(out) == 1


DC = "{http://purl.org/dc/elements/1.1/}"


def test_pdf_subject_and_svg_description_carry_the_caveat(synth, tmp_path):
    pdf = export(synth, tmp_path / "map.pdf")
    assert pdf_info(pdf) == {
        "Title": "footmap render test chart",
        "Subject": SYNTH_CAVEAT,
        "Creator": f"footmap {footmap.__version__}",
    }
    pages = handout(synth, tmp_path / "handout.pdf", by=["kidneys"])
    assert pdf_info(pages)["Subject"] == SYNTH_CAVEAT
    svg = export(synth, tmp_path / "map.svg")
    meta = ET.parse(svg).getroot().find(f"{SVG}metadata")
    assert meta is not None
    assert [d.text for d in meta.iter(f"{DC}description")] == [SYNTH_CAVEAT]
    work_title = meta.find(f".//{{http://creativecommons.org/ns#}}Work/{DC}title")
    assert work_title is not None and work_title.text == "footmap render test chart"


def test_pdf_metadata_of_a_hostile_chart_is_readable(hostile, tmp_path):
    """Control characters and markup in the title reach the metadata only as safe text."""
    info = pdf_info(export(hostile, tmp_path / "h.pdf"))
    assert info["Title"] == "<script>alert(1)</script>"
    assert "\x00" not in info["Subject"] and "\u202e" not in info["Subject"]


def test_export_rejects_unknown_format_and_missing_directory(synth, tmp_path):
    with pytest.raises(FootmapError, match="format"):
        export(synth, tmp_path / "map.bmp")
    with pytest.raises(FootmapError, match="does not exist"):
        export(synth, tmp_path / "nowhere" / "map.png")
    with pytest.raises(FootmapError, match="matches no zone id"):
        export(synth, tmp_path / "map.png", highlight="toenail")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.slow
def test_handout_pages(synth, tmp_path):
    out = handout(synth, tmp_path / "handout.pdf")
    systems = {z.system for z in synth.zones}
    # the cover, a page per system (the heart's on the respiratory page), the sources
    assert len(systems) == 7 and pdf_page_count(out) == 1 + 6 + 1
    out = handout(synth, tmp_path / "two.pdf", by=["kidneys", ["heart", "liver"]], feet="left")
    assert pdf_page_count(out) == 4


# -- atomic writes ------------------------------------------------------------------------
def test_atomic_write_keeps_old_file_on_failure(synth, tmp_path, monkeypatch):
    target = tmp_path / "map.png"
    target.write_bytes(b"old contents")

    def broken_savefig(self, fname, *args, **kwargs):
        fname.write(b"half a PNG")
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(Figure, "savefig", broken_savefig)
    with pytest.raises(RuntimeError, match="disk on fire"):
        export(synth, target)
    assert target.read_bytes() == b"old contents"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.png"]


def test_atomic_write_handout_failure_leaves_nothing(synth, tmp_path, monkeypatch):
    from matplotlib.backends import backend_pdf

    def broken(self, *args, **kwargs):
        raise OSError("no space left")

    monkeypatch.setattr(backend_pdf.PdfPages, "savefig", broken)
    with pytest.raises(OSError):
        handout(synth, tmp_path / "h.pdf")
    assert list(tmp_path.iterdir()) == []


def test_atomic_write_success_replaces(tmp_path):
    target = tmp_path / "f.txt"
    target.write_text("old")
    target.chmod(0o640)
    with atomic_write(target, "w") as f:
        f.write("new")
    assert target.read_text() == "new"
    assert target.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["f.txt"]


@pytest.mark.parametrize("fmt", ["png", "svg", "pdf"])
def test_atomic_write_failure_midway_keeps_old_file(synth, tmp_path, monkeypatch, fmt):
    """The file is fully written to the temporary file, then syncing it fails."""
    import os

    target = tmp_path / f"map.{fmt}"
    target.write_bytes(b"old contents")
    written = []

    def broken_fsync(fd):
        written.append(os.fstat(fd).st_size)
        raise OSError("disk on fire")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError, match="disk on fire"):
        export(synth, target, dpi=40)
    assert written and written[0] > 100  # it did fail midway, after writing the image
    assert target.read_bytes() == b"old contents"
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]


def test_atomic_write_handout_failure_after_some_pages_keeps_old_file(synth, tmp_path, monkeypatch):
    from matplotlib.backends import backend_pdf

    target = tmp_path / "h.pdf"
    target.write_bytes(b"old handout")
    original = backend_pdf.PdfPages.savefig
    pages = []

    def fail_on_third(self, *args, **kwargs):
        if len(pages) == 2:
            raise OSError("no space left")
        pages.append(1)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(backend_pdf.PdfPages, "savefig", fail_on_third)
    with pytest.raises(OSError, match="no space left"):
        handout(synth, target)
    assert len(pages) == 2  # two pages were written before the failure
    assert target.read_bytes() == b"old handout"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["h.pdf"]


# -- hostile text -------------------------------------------------------------------------
HOSTILE = Path(__file__).resolve().parents[1] / "data" / "hostile.geojson"


@pytest.fixture(scope="module")
def hostile() -> footmap.Chart:
    return footmap.load(HOSTILE)


def test_hostile_chart_svg_is_valid_xml_with_escaped_titles(hostile, tmp_path):
    out = export(hostile, tmp_path / "h.svg", highlight=[z.id for z in hostile.zones])
    root = ET.parse(out).getroot()  # parses: valid XML despite NUL, BEL, ]]>, & ...
    tags = {el.tag.rsplit("}", 1)[-1].lower() for el in root.iter()}
    assert "script" not in tags and "img" not in tags
    zone_elements = {
        el.get("id"): el for el in root.iter(f"{SVG}g") if el.get("id", "").startswith("zone-")
    }
    assert set(zone_elements) == {f"zone-{z.id}" for z in hostile.zones}
    for z in hostile.zones:
        el = zone_elements[f"zone-{z.id}"]
        assert re.fullmatch(r"zone-[A-Za-z0-9._-]+", el.get("id"))
        title = el.find(f"{SVG}title").text
        assert title == footmap.text.display_text(
            f"{z.label} ({hostile.numbers[z.id]}) \u2014 {z.body_area}"
        )
        assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\u202e]", title)
    raw = out.read_text("utf-8")
    assert "<script" not in raw and "&lt;script&gt;" in raw
    assert "\x00" not in raw and "\x07" not in raw and "\u202e" not in raw


@pytest.mark.parametrize("fmt", ["png", "pdf"])
def test_hostile_chart_png_and_pdf(hostile, tmp_path, fmt):
    out = export(hostile, tmp_path / f"h.{fmt}", dpi=50, highlight="urinary")
    assert out.stat().st_size > 1000
    fig = figure(hostile, highlight=[z.id for z in hostile.zones])
    check_caveat(fig, hostile)  # the caveat is on the page
    text = _texts(fig)
    assert "<script>alert(1)</script>" in text  # drawn as text
    assert "\x00" not in text and "\x07" not in text and "\u202e" not in text
    fig.canvas.draw()


def test_hostile_handout(hostile, tmp_path, monkeypatch):
    """A cover, the disagreements page, one page per system, each with the caveat; hostile text
    drawn as text."""
    from matplotlib.backends.backend_pdf import PdfPages

    pages: list[list[str]] = []
    real_savefig = PdfPages.savefig

    def spy(self, fig=None, **kw):
        pages.append([t.get_text() for t in fig.findobj(matplotlib.text.Text) if t.get_text()])
        return real_savefig(self, fig, **kw)

    monkeypatch.setattr(PdfPages, "savefig", spy)
    out = handout(hostile, tmp_path / "h.pdf")
    # cover, four systems, the chart's one disagreement, the sources
    assert pdf_page_count(out) == 7
    assert len(pages) == 7
    caveat = "Caveat: ]]> & &amp; \"quoted\" 'single' `back`"
    assert pdf_info(out)["Subject"] == caveat.removeprefix("Caveat: ")
    systems = ["Nervous system", "Endocrine glands", "Urinary", "Muscles, bones and joints"]
    assert all(name in pages[0] for name in systems)  # the cover's legend
    assert "Charts disagree" in pages[5] and caveat in pages[5]
    assert "<script>alert(1)</script>" in pages[5]  # the disagreement's topic, as text
    for page, system in zip(pages[1:5], systems, strict=True):
        assert caveat in page
        assert system in page
        assert f"<script>alert(1)</script>: the zones charts assign to {system.lower()}" in page
    key_line = re.compile(r" *\d+  bell\ufffd rlo\ufffdevil nul\ufffd tab  new")
    assert any(key_line.match(t) for t in pages[1])
    key_lines = re.compile(
        r" *\d+  <img src=x onerror=alert\(1\)>\n *\d+  <script>alert\(1\)</script>"
    )
    assert any(key_lines.fullmatch(t) for t in pages[2])
    drawn = "".join(t for page in pages for t in page)
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202e]", drawn)


def test_dollar_signs_are_not_mathtext(tmp_path):
    doc = SYNTHETIC.read_text("utf-8").replace('"Kidney"', '"$\\\\frac{ costs $5"')
    chart = footmap.loads(doc, name="dollars.geojson")
    zone = chart.zone("left.plantar.kidney")
    assert zone.label == "$\\frac{ costs $5"
    fig = figure(chart, highlight="kidneys")
    fig.canvas.draw()  # broken mathtext would raise here
    texts = [t for t in fig.findobj(matplotlib.text.Text) if "$" in t.get_text()]
    assert texts and all(not t.get_parse_math() for t in texts)
    export(chart, tmp_path / "d.svg", highlight="kidneys")
    export(chart, tmp_path / "d.pdf")


# -- what the claims panel says -----------------------------------------------------------
def test_claims_name_only_drawn_feet_and_views(chart):
    fig = figure(chart, highlight="kidneys", feet="right")
    text = _texts(fig)
    assert "(right foot, plantar)" in text and "(left foot," not in text
    fig = figure(chart, highlight="lungs and chest")  # plantar by default
    text = _texts(fig)
    assert "dorsal" not in text and "Lungs & chest" not in text


def test_overflow_note_never_says_zero(chart):
    from footmap.export.page import _overflow_note
    from footmap.export.pagetext import OVERFLOW_GID, _Block

    claim = _Block("\u2013 a claim", 7.5)
    head = _Block("Zone", 7.5, "bold", keep_with_next=True)
    assert "0 more" not in _overflow_note([claim])
    assert "1 more zone not" in _overflow_note([head, claim])
    assert "2 more zones" in _overflow_note([claim, head, claim, head, claim])
    fig = figure(chart, highlight="digestive", size="a4", orientation="portrait")
    for t in fig.texts:
        if t.get_gid() == OVERFLOW_GID:  # "10 more zones" is fine; "0 more" alone is not
            assert not re.search(r"(?<!\d)0 more", t.get_text()), t.get_text()


@pytest.mark.parametrize("dpi", [100, 110, 120])
def test_source_columns_do_not_run_into_each_other(chart, dpi):
    fig = figure(chart, highlight="kidneys")
    fig.set_dpi(dpi)
    renderer = fig.canvas.get_renderer()
    refs = [t for t in fig.texts if t.get_text().startswith("[") and t.get_fontsize() < 7]
    lefts = sorted({round(t.get_position()[0], 3) for t in refs})
    assert len(lefts) == 4  # four columns: the shortest footer, the map keeps the height
    for left, right in zip(lefts, lefts[1:], strict=False):
        for t in refs:
            if round(t.get_position()[0], 3) == left:
                assert t.get_window_extent(renderer).x1 < right * dpi - 2


# -- page layout with hostile-but-valid charts ----------------------------------------------------
def _chart_with(edit) -> footmap.Chart:  # noqa: ANN001
    import json

    doc = json.loads((Path(__file__).resolve().parents[2] / "data" / "zones.geojson").read_text())
    edit(doc)
    return footmap.loads(json.dumps(doc))


def _many_sources(n: int):  # noqa: ANN202
    def edit(doc):  # noqa: ANN001, ANN202
        meta = doc["footmap"]
        evidence = next(c for c in meta["caveats"] if c["kind"] == "evidence")
        for i in range(n):
            meta["sources"].append(
                {
                    "id": f"extra{i:02d}",
                    "kind": "study",
                    "title": f"Extra study {i}",
                    "citation": f"Author {i} et al. A citation of an extra study number {i}. "
                    f"Journal of Tests {2000 + i};{i}:1-10.",
                }
            )
            evidence["sources"].append(f"extra{i:02d}")

    return edit


def _frame_top(fig) -> float:  # noqa: ANN001
    from matplotlib.patches import FancyBboxPatch

    (frame,) = [a for a in fig.artists if isinstance(a, FancyBboxPatch)]
    return frame.get_y() + frame.get_height()


# 36 extra sources plus the bundled chart's own (about 53 in all) fit a landscape footer in
# small print; 40 do not, beside the evidence and safety caveats as long as they are.
@pytest.mark.parametrize("n", [25, 36])
def test_many_sources_fit_the_footer_without_overprinting_the_map(n):
    chart = _chart_with(_many_sources(n))
    fig = figure(chart, highlight="kidneys")
    fig.canvas.draw()
    ax = fig.footmap_artists.ax
    fh = fig.get_size_inches()[1]
    assert ax.get_position().y0 * fh > _frame_top(fig)  # the map sits above the footer
    texts = " ".join(" ".join(t.get_text().split()) for t in fig.texts)
    for i in range(n):  # every source is listed, with its number
        assert re.search(rf"\[\d+\] Author {i} et al\. A citation", texts), i


def test_too_many_sources_for_a_footer_are_refused_naming_the_field():
    chart = _chart_with(_many_sources(90))
    with pytest.raises(FootmapError) as info:
        figure(chart, highlight="kidneys")
    # the count includes the bundled chart's own sources, which change with its content
    found = re.fullmatch(
        r"the (\d+) sources cited on this page \([\d,]+ characters of references\) do not "
        r"fit its footer, which may take at most 40% of the page even in small print: "
        r"highlight fewer zones or shorten the citations of footmap\.sources",
        str(info.value),
    )
    assert found and int(found.group(1)) > 90, str(info.value)


@pytest.mark.slow
def test_thirty_long_evidence_caveats_are_refused_naming_the_field(tmp_path):
    def edit(doc):  # noqa: ANN001, ANN202
        for i in range(30):
            doc["footmap"]["caveats"].append(
                {
                    "id": f"ev{i}",
                    "kind": "evidence",
                    "text": f"Caveat {i}. " * 150,
                    "sources": ["ernst2009"],
                }  # fmt: skip
            )

    chart = _chart_with(edit)
    for make in (
        lambda: export(chart, tmp_path / "m.png"),
        lambda: handout(chart, tmp_path / "h.pdf"),
    ):
        with pytest.raises(FootmapError) as info:
            make()
        found = re.fullmatch(  # the length includes the bundled chart's own caveat
            r"the evidence caveat is (\d\d),\d{3} characters, too long for a page footer "
            r"\(about [\d,]+ fit\): give the evidence caveats of footmap\.caveats a short "
            r"version \('short', at most 300\)",
            str(info.value),
        )
        assert found and int(found.group(1)) >= 45, str(info.value)
    assert list(tmp_path.iterdir()) == []


def _title_text(fig) -> str:  # noqa: ANN001
    (title,) = [t for t in fig.texts if t.get_gid() == "footmap-title"]
    return title.get_text()


@pytest.mark.slow
@pytest.mark.parametrize("orientation", ["landscape", "portrait"])
def test_a_title_at_the_schema_limit_is_shown_whole(orientation, monkeypatch, tmp_path):
    title = ("A very long chart title that goes on " * 60)[:2000].strip()

    def edit(doc):  # noqa: ANN001, ANN202
        doc["footmap"]["title"] = title

    chart = _chart_with(edit)
    fig = figure(chart, highlight="kidneys", orientation=orientation)
    assert " ".join(_title_text(fig).split()) == title
    pages = []
    from matplotlib.backends import backend_pdf

    monkeypatch.setattr(backend_pdf.PdfPages, "savefig", lambda self, f: pages.append(f))
    handout(chart, tmp_path / "h.pdf", by=["kidneys"], orientation=orientation)
    assert " ".join(_title_text(pages[0]).split()) == title  # the cover


def test_a_long_unbroken_token_is_broken_to_the_column():
    from footmap.export.pagetext import _wrap
    from footmap.render.layout import text_size

    lines = _wrap("x " + "W" * 2000 + " y", 200, 7.5)
    assert len(lines) > 20
    assert all(text_size(line, 7.5)[0] <= 200 for line in lines)
    assert "".join(lines).replace(" ", "") == "x" + "W" * 2000 + "y"


@pytest.mark.parametrize(
    ("views", "highlight", "orientation"),
    [
        (("plantar",), "digestive", "landscape"),
        (None, "spine", "landscape"),
        (None, "spine", "portrait"),
        (None, "digestive", "portrait"),
    ],
)
def test_a_heavy_highlight_leaves_the_map_most_of_the_page(chart, views, highlight, orientation):
    fig = figure(chart, views=views, highlight=highlight, orientation=orientation)
    (head,) = [t for t in fig.texts if t.get_text() == "What charts claim"]
    x, y = head.get_position()  # inches from the page's bottom left corner
    fw, fh = fig.get_size_inches()
    if orientation == "landscape":  # the claims column starts right of 59 % (66 %) of the width
        assert x / fw >= (0.59 if views else 0.66)
    else:  # the claims take the bottom of the page, at most 40 % (32 %) of its body
        assert y / fh <= 0.53  # above a footer of evidence and safety caveats and sources
    assert any(t.get_gid() == "footmap-overflow" for t in fig.texts) or highlight == "spine"


def test_the_cover_has_no_heading_without_its_text(chart, monkeypatch, tmp_path):
    pages = []
    from matplotlib.backends import backend_pdf

    monkeypatch.setattr(backend_pdf.PdfPages, "savefig", lambda self, f: pages.append(f))
    handout(chart, tmp_path / "h.pdf", by=["kidneys"])
    text = " ".join(" ".join(t.get_text().split()) for p in pages for t in p.texts)
    for caveat in chart.caveats:
        heading = {
            "evidence": "What the evidence says",
            "safety": "Safety",
            "chart": "About this chart",
        }[caveat.kind]
        start = " ".join(caveat.text.split())[:40]
        assert text.index(heading) < text.index(start)
    for page in pages:
        columns = [
            t
            for t in page.texts
            if t.get_text() in ("About this chart", "Safety", "What the evidence says")
        ]
        for heading in columns:  # a heading is never the last text of its column
            x, y = heading.get_position()
            below = [  # same column: items may be indented (up to 8 pt) under their heading
                t
                for t in page.texts
                if 0 <= t.get_position()[0] - x <= 8 / 72 + 1e-9 and t.get_position()[1] < y
            ]
            assert below, heading.get_text()


def test_stale_temporary_files_are_removed_on_the_next_write(tmp_path):
    import os
    import time

    old = tmp_path / ".map.png.abc123.footmap.tmp"
    fresh = tmp_path / ".map.png.def456.footmap.tmp"
    other = tmp_path / ".notes.tmp"
    for p in (old, fresh, other):
        p.write_bytes(b"partial")
    hour_ago = time.time() - 3600
    os.utime(old, (hour_ago, hour_ago))
    os.utime(other, (hour_ago, hour_ago))
    with atomic_write(tmp_path / "x.txt", "w") as f:
        f.write("x")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([fresh.name, other.name, "x.txt"])


def test_a_chain_of_kept_blocks_moves_to_the_next_column_together():
    from footmap.export.pagetext import LINE, _Block, _flow

    line = 10 * LINE  # one line of 10 pt text, in points
    blocks = [
        _Block("filler", 10),
        _Block("Topic", 10, "bold", keep_with_next=True),
        _Block("What differs", 10, keep_with_next=True),
        _Block("a variant", 10),
    ]
    places, stop = _flow(blocks, 300, 3.2 * line, 2)
    assert stop == 4
    assert [col for col, _ in places] == [0, 1, 1, 1]  # topic and text did not stay behind
    taller = [_Block("Topic", 10, "bold", keep_with_next=True), _Block("x " * 400, 10)]
    places, stop = _flow(taller, 300, 3.2 * line, 2)  # a chain taller than a column: no loop
    assert places[0] == (0, 0.0)
