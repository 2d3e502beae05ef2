"""The explorer for viewers without a kernel: the executed notebook and its HTML show a map."""

from __future__ import annotations

import base64
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient
from nbconvert import HTMLExporter

import footmap

pytestmark = pytest.mark.slow

EXPLORE = Path(__file__).resolve().parent.parent / "notebooks" / "explore.ipynb"


def _execute(store_widget_state: bool):
    nb = nbformat.read(EXPLORE, as_version=4)
    client = NotebookClient(
        nb,
        timeout=300,
        kernel_name="python3",
        store_widget_state=store_widget_state,
        resources={"metadata": {"path": str(EXPLORE.parent)}},
    )
    client.execute()
    return nb


def _explorer_output(nb):
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if "application/vnd.jupyter.widget-view+json" in out.get("data", {}):
                if "footmap-static" in out["data"].get("text/html", ""):
                    return out
    raise AssertionError("no explorer output with a static view")


@pytest.fixture(scope="module")
def executed():
    return _execute(store_widget_state=False)


def test_executed_notebook_keeps_a_static_map_beside_the_widget(executed):
    out = _explorer_output(executed)
    png = base64.b64decode(out["data"]["image/png"])
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 20_000  # a real picture, not a stub


def test_nbconvert_html_shows_map_zone_list_and_caveat(executed):
    chart = footmap.load()
    html, _ = HTMLExporter().from_notebook_node(executed)
    assert html.count('<div class="footmap-static">') == 1  # shown once, not twice
    start = html.index('<div class="footmap-static">')
    static = html[start : start + 400_000]
    assert "<img " in static and 'src="data:image/png;base64,' in static
    assert "Kidney (left foot, sole): charts claim it for the kidneys" in static
    assert "Zones shown (77)" in static
    brief = chart.caveats_of("evidence")[0].brief
    assert brief[:60].replace("'", "&#x27;") in static
