"""Export: the caveat on every page, SVG ids and tooltips, PDF pages, atomic writes."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

import footmap  # noqa: E402
from footmap import describe  # noqa: E402
from footmap.errors import FootmapError  # noqa: E402
from footmap.export import (  # noqa: E402
    CAVEAT_GID,
    atomic_write,
    check_caveat,
    export,
    figure,
    handout,
    page_size,
)

SYNTHETIC = Path(__file__).resolve().parent / "baseline" / "synthetic_chart.geojson"
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def synth() -> footmap.Chart:
    return footmap.loads(SYNTHETIC.read_text("utf-8"), name=SYNTHETIC.name)


def _texts(fig) -> str:
    return " ".join(" ".join(t.get_text().split()) for t in fig.findobj(matplotlib.text.Text))


def pdf_page_count(path: Path) -> int:
    """Pages of a PDF: with pypdf when installed, else by counting page objects."""
    try:
        from pypdf import PdfReader
    except ImportError:
        data = path.read_bytes()
        # matplotlib writes page dictionaries uncompressed: "/Type /Page" (not "/Pages").
        return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))
    return len(PdfReader(str(path)).pages)


# -- the figure ---------------------------------------------------------------------------
def test_figure_carries_title_caveat_claims_and_sources(synth):
    fig = figure(synth, highlight="kidneys")
    text = _texts(fig)
    assert synth.title in text
    assert describe.caveat_line(synth) in text
    caveat = [t for t in fig.texts if t.get_gid() == CAVEAT_GID]
    assert len(caveat) == 1 and caveat[0].get_visible()
    numbers = describe.citation_numbers(synth, synth.zones_for("kidneys"))
    for line in describe.reference_list(synth.cited_sources(synth.zones_for("kidneys")), numbers):
        assert " ".join(line.split()) in text
    assert "charts assign it to the kidneys" in text
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
        assert title is not None and title.text == f"{z.label} \u2014 {z.body_area}"
        assert el.find(f"{SVG}path") is not None
    meta = out.read_text("utf-8")
    assert "TEST CAVEAT" in meta  # in the file's description metadata as well


def test_export_pdf_one_page(synth, tmp_path):
    out = export(synth, tmp_path / "map.pdf", highlight=["heart"])
    assert out.read_bytes()[:5] == b"%PDF-"
    assert pdf_page_count(out) == 1


def test_export_rejects_unknown_format_and_missing_directory(synth, tmp_path):
    with pytest.raises(FootmapError, match="format"):
        export(synth, tmp_path / "map.bmp")
    with pytest.raises(FootmapError, match="does not exist"):
        export(synth, tmp_path / "nowhere" / "map.png")
    with pytest.raises(FootmapError, match="unknown highlight"):
        export(synth, tmp_path / "map.png", highlight="toenail")
    assert list(tmp_path.iterdir()) == []


def test_handout_pages(synth, tmp_path):
    out = handout(synth, tmp_path / "handout.pdf")
    systems = {z.system for z in synth.zones}
    assert pdf_page_count(out) == 1 + len(systems)
    out = handout(synth, tmp_path / "two.pdf", by=["kidneys", ["heart", "liver"]], feet="left")
    assert pdf_page_count(out) == 3


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
