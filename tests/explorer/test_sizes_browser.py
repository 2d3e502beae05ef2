"""The map gets the room (issue 22): sizes measured in Chromium, and Voila's kernel culling.

The browser tests open the explorer in JupyterLab (1280x720 with the file browser open, as it
opens on notebooks/explore.ipynb; 1920x1080; 1024x768 in presentation mode) and the teaching
notebook in Voila (1024x768), and measure what a reader sees: each sole's width on screen (the
kernel's panel boxes, ``data-fm-geo``, in canvas pixels scaled by the canvas's CSS size), the
smallest text drawn on the map, the key beside the canvas (HTML) and the caveat's box, which must
not cover the canvas or the panel. Screenshots go to /tmp/footmap-sizes-*.png.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import _lab
import pytest

HERE = Path(__file__).resolve().parents[1]
ROOT = HERE.parent
NOTEBOOKS = ROOT / "notebooks"


# -- Voila frees a reader's kernel (no browser) ------------------------------------------------
def test_voila_json_culls_idle_kernels_of_closed_pages():
    config = json.loads((ROOT / "voila.json").read_text())
    cull = config["MappingKernelManager"]
    assert cull == {"cull_idle_timeout": 180, "cull_interval": 60, "cull_connected": False}
    assert config["TagRemovePreprocessor"] == {"remove_cell_tags": ["teacher"]}


def test_dev_voila_starts_where_voila_json_is():
    text = (ROOT / "dev.py").read_text()
    assert "os.chdir(ROOT)  # Voila reads voila.json" in text


# -- the kernel side of the sizing (no browser) ------------------------------------------------
def test_narrow_canvas_shows_one_foot_and_wide_both(chart, ipympl_backend):
    from footmap.explorer import widget as fx

    ex = fx.explore(chart)
    try:
        fig = ex.figure
        fig.set_size_inches(420 / fig.dpi, 600 / fig.dpi)
        ex._on_resize(None)
        assert ex.controls["foot"].value == "left"  # too narrow for two soles of 165 px
        assert {z.foot for z in ex.artists.zones} == {"left"}
        fig.set_size_inches(900 / fig.dpi, 600 / fig.dpi)
        ex._on_resize(None)
        assert ex.controls["foot"].value == "both"
        ex.controls["foot"].value = "right"  # the reader's choice stays when it widens
        fig.set_size_inches(1000 / fig.dpi, 600 / fig.dpi)
        ex._on_resize(None)
        assert ex.controls["foot"].value == "right"
    finally:
        ex.close()


def test_the_key_is_html_beside_the_map_not_in_the_canvas(chart, ipympl_backend):
    from footmap.explorer import widget as fx

    ex = fx.explore(chart)
    try:
        assert ex.artists.key is None  # nothing of the key drawn on the canvas
        numbers = fx._numbers(ex.artists)
        # the chart's own numbers (a zone named inside itself keeps its number off the key)
        assert numbers and [n for n, _ in numbers] == sorted({n for n, _ in numbers})
        labels = {z.label: chart.numbers[z.id] for z in ex.artists.zones}
        assert all(labels[label] == n for n, label in numbers)
        assert ex.key.value.startswith('<details class="fm-key">')
        assert f'<li value="{numbers[0][0]}">{numbers[0][1]}</li>' in ex.key.value
        assert ex.key in ex.widget.children[-2].children[1].children  # in the side column
    finally:
        ex.close()


def test_fit_info_asks_for_room_for_a_readable_sole(chart, ipympl_backend):
    import re

    from footmap.explorer import widget as fx

    ex = fx.explore(chart)
    try:
        found = re.search(r'data-aspect="([\d.]+)" data-minh="(\d+)"', ex.fit_info.value)
        assert found is not None, ex.fit_info.value
        aspect, min_h = found.groups()
        assert 0.9 < float(aspect) < 1.2  # two soles side by side: about square
        assert 165 / 100 * 260 < int(min_h) < 165 / 100 * 300  # 1.65 px/mm over ~270 mm
    finally:
        ex.close()


def test_fit_info_gives_the_width_one_foot_needs(chart, ipympl_backend):
    """``data-minw``: the width one foot needs at the least scale (the page's narrow layout)."""
    import re

    from footmap.explorer import widget as fx

    for presentation, lo, hi in ((False, 180, 240), (True, 380, 470)):
        ex = fx.explore(chart, presentation=presentation)
        try:
            fig = ex.figure
            fig.set_size_inches(592 / fig.dpi, 700 / fig.dpi)
            ex._on_resize(None)
            found = re.search(r'data-minw="(\d+)"', ex.fit_info.value)
            assert found is not None, ex.fit_info.value
            assert lo < int(found.group(1)) < hi, (presentation, ex.fit_info.value)
            # one sole of that width: the least scale times the one-foot layout's width
            scale1 = ex._scale_for(("left",))[0]
            want = fx.SOLE_PX[presentation] / fx.SOLE_MM * fig.bbox.width / scale1 * 1.03
            assert abs(int(found.group(1)) - want) <= 1
        finally:
            ex.close()


def test_presentation_text_is_18_px_at_the_smallest():
    """The smallest number drawn (callout minimum x 0.9) is 18 px at the presentation dpi."""
    from footmap.explorer import widget as fx
    from footmap.render.labels import CALLOUT_MIN_PT

    assert fx.DPI == (100.0, 300.0)
    assert CALLOUT_MIN_PT * 0.9 * fx.DPI[1] / 72 >= 18.0


# -- in Chromium -------------------------------------------------------------------------------
MEASURE = """(sel) => {
  const root = document.querySelector(sel); if (!root) return null;
  const c = root.querySelectorAll('.jupyter-matplotlib-canvas-div canvas')[1];
  const g = root.querySelector('.fm-geo [data-fm-geo]');
  if (!c || !g) return null;
  const geo = JSON.parse(g.getAttribute('data-fm-geo'));
  const r = c.getBoundingClientRect(), k = r.width / geo.w;
  if (Math.abs(c.width - geo.w) > 1) return null;  // another layout is on its way
  const box = (e) => { if (!e || e.offsetParent === null) return null;
    const b = e.getBoundingClientRect(); return [b.left, b.top, b.right, b.bottom]; };
  return {canvas: [r.left, r.top, r.right, r.bottom],
    soles: geo.panels.filter((p) => p[1] === 'plantar').map((p) => (p[4] - p[2]) * k),
    text: geo.text_px * k, pin: box(root.querySelector('.fm-side > .fm-pin')),
    side: box(root.querySelector('.fm-side')),
    panel: box(root.querySelector('.fm-side .fm-scroll')),
    key: box(root.querySelector('.fm-key')),
    caveats: [...root.querySelectorAll('.fm-caveat')].filter((e) => e.offsetParent !== null
      && getComputedStyle(e).display !== 'none').length,
    vw: innerWidth, vh: innerHeight};
}"""


def _overlap(a, b):
    return a and b and a[0] < b[2] - 1 and b[0] < a[2] - 1 and a[1] < b[3] - 1 and b[1] < a[3] - 1


def _measure(page, sel, tries=40):
    """The sizes once two readings a second apart agree (the kernel lays out each new size)."""
    last = None
    for _ in range(tries):
        page.wait_for_timeout(1000)
        m = page.evaluate(MEASURE, sel)
        if m is not None and m == last:
            return m
        last = m
    raise AssertionError(f"the map never settled: {last}")


def _lab_page(browser, tmp_path, size, presentation=False):
    nbs = tmp_path / "nbs"
    shutil.copytree(NOTEBOOKS, nbs)
    if presentation:
        nb = nbs / "explore.ipynb"
        text = nb.read_text()
        assert "explore(chart)" in text
        nb.write_text(text.replace("explore(chart)", "explore(chart, presentation=True)"))
    lab = _lab.start_lab(nbs, tmp_path / "lab")
    ctx = browser.new_context(viewport={"width": size[0], "height": size[1]})
    ctx.set_default_timeout(120_000)
    page = ctx.new_page()
    page.goto(f"{lab.url}/lab/tree/explore.ipynb", wait_until="domcontentloaded")
    page.wait_for_selector(".jp-NotebookPanel .jp-Cell")
    page.wait_for_function(
        "() => /\\|\\s*Idle/.test(document.querySelector('#jp-main-statusbar')?.innerText ?? '')"
    )
    page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
    page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
    page.wait_for_selector(".jupyter-matplotlib-canvas-div canvas", state="attached")
    return lab, page


def _check(page, sel, name, *, sole, text=0.0, feet=None, share=None):
    page.locator(sel + " .jupyter-matplotlib-canvas-div").first.scroll_into_view_if_needed()
    m = _measure(page, sel)
    page.locator(sel + " .fm-side > .fm-pin").scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    page.screenshot(path=f"/tmp/footmap-sizes-{name}.png")
    print(name, m)
    assert m["canvas"][2] <= m["vw"], m  # never wider than the window
    assert all(w >= sole for w in m["soles"]), f"soles {m['soles']} < {sole} px: {m}"
    if feet is not None:
        assert len(m["soles"]) == feet, m
    assert m["text"] >= text, m
    if share is not None:
        assert m["canvas"][2] - m["canvas"][0] >= share * m["vw"], m
    assert not _overlap(m["pin"], m["canvas"]) and not _overlap(m["pin"], m["panel"]), m
    assert m["caveats"] == 1, m  # the caveat once per surface
    if m["key"] is not None:  # the key is HTML outside the canvas
        assert not _overlap(m["key"], m["canvas"]), m
    return m


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize(
    ("size", "presentation", "sole", "text", "feet"),
    [
        ((1280, 720), False, 150, 0, 2),  # as it opens: file browser open
        ((1920, 1080), False, 300, 0, 2),
        ((1280, 720), True, 250, 18, None),  # never smaller than normal mode
        pytest.param(
            (1024, 768),
            True,
            250,
            18,
            None,
        ),
    ],
    ids=["1280x720", "1920x1080", "1280x720-presentation", "1024x768-presentation"],
)
def test_explorer_sizes_in_jupyterlab(browser, tmp_path, size, presentation, sole, text, feet):
    lab, page = _lab_page(browser, tmp_path, size, presentation)
    try:
        note = page.locator(".footmap-explorer .fm-room-note")
        if presentation and size[0] < 1280:
            # too narrow beside the file browser: presentation closes it once, and says so
            note.wait_for(state="visible")
            assert "Ctrl+B opens it again" in note.inner_text()
            assert not page.locator("#filebrowser").is_visible()
        else:
            assert page.locator("#filebrowser").is_visible()  # the file browser is open
            assert note.count() == 0
        name = f"lab-{size[0]}x{size[1]}" + ("-presentation" if presentation else "")
        _check(page, ".footmap-explorer", name, sole=sole, text=text, feet=feet)
    finally:
        page.context.close()
        lab.stop()


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize(
    ("size", "sole"), [((1024, 768), 150), ((1280, 720), 150), ((1920, 1080), 300)],
    ids=["1024x768", "1280x720", "1920x1080"],
)  # fmt: skip
def test_tour_and_quiz_sizes_in_voila(browser, tmp_path, size, sole):
    voila = _lab.start_voila(NOTEBOOKS / "teaching.ipynb", tmp_path)
    ctx = browser.new_context(viewport={"width": size[0], "height": size[1]})
    ctx.set_default_timeout(180_000)
    page = ctx.new_page()
    try:
        page.goto(voila.url + "/", wait_until="domcontentloaded")
        page.wait_for_selector(".fm-evidence")
        for sel in (".footmap-tour", ".footmap-quiz"):
            name = f"voila{sel[8:]}-{size[0]}x{size[1]}"
            m = _check(page, sel, name, sole=sole, share=0.55, feet=2)
            if sel == ".footmap-tour":  # the talking points: a column as tall as the map
                side_h = m["side"][3] - m["side"][1]
                assert side_h >= 0.9 * (m["canvas"][3] - m["canvas"][1]), m
    finally:
        ctx.close()
        voila.stop()


def test_presentation_body_headings_stay_apart_in_a_narrow_side_column(chart, ipympl_backend):
    """The body figure's "Front" and "Back" do not run together at 340 px (presentation)."""
    from footmap.explorer import widget as fx

    ex = fx.explore(chart, presentation=True)
    try:
        body = ex.body_view
        assert body is not None and body.figure.dpi == 200.0
        fig = body.figure
        fig.set_size_inches(340 / fig.dpi, 340 * body.aspect / fig.dpi)
        fig.canvas.draw()
        r = fig.canvas.get_renderer()
        heads = [t for t in body.artists.notes if t.get_text() in ("Front", "Back")]
        assert [t.get_text() for t in heads] == ["Front", "Back"]
        a, b = (t.get_window_extent(r) for t in heads)
        assert a.x1 + 4 <= b.x0, (a, b)
    finally:
        ex.close()
