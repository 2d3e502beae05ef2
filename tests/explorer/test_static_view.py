"""The explorer for viewers without a kernel: the executed notebook and its HTML show a map."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

import footmap

pytestmark = pytest.mark.slow

EXPLORE = Path(__file__).resolve().parents[2] / "notebooks" / "explore.ipynb"


def _execute(store_widget_state: bool):
    # imported here, not at collection (where every pytest worker would pay for nbformat's
    # validator, seconds of grammar building, though these tests are all slow)
    import nbformat
    from nbclient import NotebookClient

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


def _static_output(nb):
    """The output holding the explorer's static view (beside, not inside, the widget's)."""
    found = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if "footmap-static" in data.get("text/html", ""):
                assert "application/vnd.jupyter.widget-view+json" not in data
                found.append(out)
    assert len(found) == 1, f"{len(found)} static views"
    return found[0]


@pytest.fixture(scope="module")
def executed():
    """As ``jupyter nbconvert --execute`` does by default: the widget state is stored."""
    return _execute(store_widget_state=True)


@pytest.fixture(scope="module")
def executed_without_state():
    return _execute(store_widget_state=False)


def test_executed_notebook_keeps_a_static_map_beside_the_widget(executed):
    out = _static_output(executed)
    png = base64.b64decode(out["data"]["image/png"])
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 20_000  # a real picture, not a stub
    assert out["data"]["text/plain"] == (
        "footmap: a static view of the map, the zones drawn and the caveat"
    )
    assert "widgets" in executed.metadata  # the state is stored, as nbconvert does by default
    views = [
        o
        for c in executed.cells
        for o in c.get("outputs", [])
        if "application/vnd.jupyter.widget-view+json" in o.get("data", {})
    ]
    assert len(views) == 1 and set(views[0]["data"]) == {
        "application/vnd.jupyter.widget-view+json",
        "text/plain",
    }


@pytest.mark.parametrize("which", ["executed", "executed_without_state"])
def test_nbconvert_html_shows_map_zone_list_and_caveat(which, request):
    chart = footmap.load()
    from nbconvert import HTMLExporter

    html, _ = HTMLExporter().from_notebook_node(request.getfixturevalue(which))
    assert html.count('<div class="footmap-static">') == 1  # shown once, not twice
    start = html.index('<div class="footmap-static">')
    static = html[start : start + 400_000]
    assert "<img " in static and 'src="data:image/png;base64,' in static
    assert "Kidney (left foot, sole): charts claim it for the kidneys" in static
    assert "Zones shown (77)" in static
    brief = chart.caveats_of("evidence")[0].brief
    assert brief[:60].replace("'", "&#x27;") in static
