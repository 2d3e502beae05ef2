"""Notebooks are stored without outputs, run headless from top to bottom, and do their job.

Each notebook is run once by nbclient in a real kernel; the test then reads what it showed:
the caveat (the chart file's own words, read here as plain JSON), the widgets it built (their
state, as JupyterLab would receive it) and the files it wrote.
"""

from __future__ import annotations

import ast
import json
import re
import xml.etree.ElementTree as ET
from html import escape
from pathlib import Path
from typing import Any

import pytest
from _pdf import pdf_info, pdf_page_count

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"


def _caveats() -> dict[str, str]:
    """The bundled chart's caveats by kind, read as plain JSON (not through footmap)."""
    meta = json.loads((ROOT / "data" / "zones.geojson").read_text("utf-8"))["footmap"]
    return {c["kind"]: c for c in meta["caveats"]}


def run(name: str, out: Path, monkeypatch) -> Any:
    """Execute notebooks/``name`` (FOOTMAP_OUT=``out``); fail on any error output."""
    # imported here, not at collection: nbformat's validator pulls in jsonschema's format
    # checkers, which build their grammars on import (seconds for every pytest worker)
    import nbformat
    from nbclient import NotebookClient

    monkeypatch.setenv("FOOTMAP_OUT", str(out))
    path = ROOT / "notebooks" / name
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
        store_widget_state=True,
    )
    client.execute()
    errors = [
        f"{o.get('ename')}: {o.get('evalue')}"
        for c in nb.cells
        if c.cell_type == "code"
        for o in c.get("outputs", [])
        if o.get("output_type") == "error"
    ]
    assert errors == []
    return nb


def outputs(nb, source_start: str) -> list[dict]:
    """The outputs of the one code cell whose source starts with ``source_start``."""
    (cell,) = [
        c for c in nb.cells if c.cell_type == "code" and c.source.lstrip().startswith(source_start)
    ]
    return cell.outputs


def text_of(outs: list[dict]) -> str:
    """Everything a cell printed or returned as text."""
    parts = []
    for o in outs:
        if o.get("output_type") == "stream":
            parts.append(o["text"])
        elif "data" in o:
            parts.append(o["data"].get("text/html") or o["data"].get("text/plain", ""))
    return "".join(parts)


def widget_models(nb) -> dict[str, dict]:
    """Model id -> state of every widget the notebook built (as stored by nbclient)."""
    return nb.metadata["widgets"][WIDGET_STATE]["state"]


def shown_widget(nb, outs: list[dict]) -> dict:
    """The state of the widget a cell displayed (its one widget view output)."""
    views = [o["data"][WIDGET_VIEW] for o in outs if WIDGET_VIEW in o.get("data", {})]
    assert len(views) == 1, outs
    return widget_models(nb)[views[0]["model_id"]]


def html_values(nb) -> str:
    """The text of every HTML widget the notebook built, joined."""
    return "\n".join(
        m["state"].get("value", "")
        for m in widget_models(nb).values()
        if m["model_name"] == "HTMLModel"
    )


# -- stored clean ----------------------------------------------------------------------------
def test_every_notebook_has_a_test_of_its_purpose():
    assert [p.name for p in NOTEBOOKS] == ["explore.ipynb", "export.ipynb", "teaching.ipynb"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_stored_without_outputs(path):
    nb = json.loads(path.read_text("utf-8"))  # the file as committed (nbformat 4 JSON)
    assert nb["nbformat"] == 4
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [], f"{path.name}: a code cell has stored outputs"
            assert cell["execution_count"] is None, f"{path.name}: stored execution count"
    assert "widgets" not in nb["metadata"], f"{path.name}: stored widget state"


# -- what each notebook is for (each runs a kernel: slow) ------------------------------------------
@pytest.mark.slow
def test_explore_notebook_builds_the_explorer_with_the_caveat(tmp_path, monkeypatch):
    nb = run("explore.ipynb", tmp_path, monkeypatch)
    caveats = _caveats()
    # the explorer: one widget (the map beside its side panel), with the caveat always shown
    explorer = shown_widget(nb, outputs(nb, "import footmap"))
    assert explorer["model_name"] in ("HBoxModel", "VBoxModel", "GridBoxModel", "BoxModel")
    assert "MPLCanvasModel" in {m["model_name"] for m in widget_models(nb).values()}  # ipympl
    panels = html_values(nb)
    assert escape(caveats["evidence"]["text"]) in panels  # in full
    assert escape(caveats["safety"].get("short") or caveats["safety"]["text"]) in panels
    # the reverse lookups, answered by the library
    kidneys = text_of(outputs(nb, '[z.id for z in chart.zones_for("kidneys")]'))
    assert kidneys == "['left.plantar.kidney', 'right.plantar.kidney']"
    described = text_of(outputs(nb, "from footmap.text.describe import"))
    # the zone's sources are numbered from 1, and the reference list starts at [1]
    head = r"Kidney \(left foot, plantar\): charts assign it to the kidneys \[Urinary\] "
    head += r"\[1(, \d+)*\]\n"
    assert re.match(head, described), described
    assert "\n[1] " in described
    # the closing cell prints every caveat in full
    closing = text_of(outputs(nb, "for caveat in chart.caveats"))
    for kind, caveat in caveats.items():
        assert f"[{kind}] {caveat['text']}\n" in closing


EXPORTED = {  # file -> what it must start with
    "kidneys.png": b"\x89PNG\r\n\x1a\n",
    "map.svg": b"<?xml",
    "map.html": b"<!DOCTYPE html>",
    "map-a4.pdf": b"%PDF-",
    "map-letter-portrait.pdf": b"%PDF-",
    "right-sole-urinary.png": b"\x89PNG\r\n\x1a\n",
    "all-views-spine.png": b"\x89PNG\r\n\x1a\n",
    "hatched.pdf": b"%PDF-",
    "chest.png": b"\x89PNG\r\n\x1a\n",
    "handout-systems.pdf": b"%PDF-",
    "handout-organs.pdf": b"%PDF-",
    "cli-kidneys.png": b"\x89PNG\r\n\x1a\n",
    "worksheets.pdf": b"%PDF-",
    "worksheets-key.pdf": b"%PDF-",
    "quiz.qti.zip": b"PK\x03\x04",
    "quiz.xml": b"<?xml",
}


@pytest.mark.slow
def test_export_notebook_writes_every_file_it_shows(tmp_path, monkeypatch):
    nb = run("export.ipynb", tmp_path, monkeypatch)
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written == sorted(EXPORTED)
    for name, magic in EXPORTED.items():
        assert (tmp_path / name).read_bytes().startswith(magic), name
    # the notebook's last cell lists the same files
    listed = ast.literal_eval(text_of(outputs(nb, "sorted(p.name for p in OUT.iterdir())")))
    assert listed == sorted(EXPORTED)
    # the caveat travels with the files: PDF Subject, SVG description
    short = _caveats()["evidence"].get("short") or _caveats()["evidence"]["text"]
    meta = f"{short} Safety: {_caveats()['safety']['text']}"  # evidence, then the full safety
    assert pdf_info(tmp_path / "map-a4.pdf")["Subject"] == meta
    svg = ET.parse(tmp_path / "map.svg").getroot()
    dc = "{http://purl.org/dc/elements/1.1/}"
    assert [d.text for d in svg.iter(f"{dc}description")] == [meta]
    zone_ids = re.findall(r'id="zone-([^"]+)"', (tmp_path / "map.svg").read_text("utf-8"))
    assert "left.plantar.kidney" in zone_ids and "right.plantar.liver" in zone_ids
    # one page per item of `by` after the cover
    assert pdf_page_count(tmp_path / "handout-organs.pdf") >= 4
    assert pdf_page_count(tmp_path / "map-a4.pdf") == 1


@pytest.mark.slow
def test_teaching_notebook_builds_tour_quiz_and_evidence(tmp_path, monkeypatch):
    nb = run("teaching.ipynb", tmp_path, monkeypatch)
    caveats = _caveats()
    tour = shown_widget(nb, outputs(nb, "tour_widget(chart)"))
    quiz = shown_widget(nb, outputs(nb, "quiz_widget(chart"))
    assert tour is not quiz
    panels = html_values(nb)
    assert "1 / " in panels  # the tour's step counter
    assert "Click where the chart places the" in panels  # the quiz's first question
    evidence = text_of(outputs(nb, "HTML(tour.evidence_html(chart)"))
    assert 'class="fm-evidence"' in evidence
    assert escape(caveats["evidence"]["text"], quote=False)[:60] in evidence
