"""The HTML map's labels and scripts under hostile text, in a real Chromium.

Run with ``pytest -m browser tests/test_hardening_browser.py``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import synthetic

import footmap
from footmap.web import write_html

pytestmark = [pytest.mark.browser]


@pytest.fixture(scope="module")
def map_file(tmp_path_factory) -> Path:
    return write_html(footmap.load(), tmp_path_factory.mktemp("hmap") / "map.html")


def _open(browser, path: Path, fragment: str = "", width: int = 1280):
    mobile = width < 760
    ctx = browser.new_context(
        viewport={"width": width, "height": 844 if mobile else 800},
        is_mobile=mobile,
        has_touch=mobile,
        device_scale_factor=1,
    )
    ctx.set_default_timeout(15_000)
    page = ctx.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.as_uri() + fragment)
    page.wait_for_selector("html[data-ready]", state="attached")
    return ctx, page, errors


# Per visible view: labels whose box centre is not in their zone or more than 0.6 mm across
# from their anchor, headings whose box centre is more than 1 mm from their anchor, callout
# numbers whose centre is off their ring's by more than 0.3 of its radius.
_OFF_CENTRE = """() => {
  const out = [];
  for (const svg of document.querySelectorAll('svg.fm-map:not(.off)')) {
    for (const t of svg.querySelectorAll('text')) {
      if (!t.getClientRects().length) continue;
      const r = t.getBoundingClientRect();
      const p = new DOMPoint(r.x + r.width / 2, r.y + r.height / 2);
      if (t.classList.contains('lbl')) {
        const zone = svg.querySelector('path.zone[data-z="' + t.dataset.z + '"]');
        const q = p.matrixTransform(zone.getScreenCTM().inverse());
        if (!zone.isPointInFill(q)) out.push('label ' + t.textContent);
        const own = p.matrixTransform(t.getScreenCTM().inverse());
        const first = t.x.baseVal.length ? t : t.querySelector('tspan');
        const xs = first.x.baseVal[0].value;
        if (Math.abs(own.x - xs) > 0.6) out.push('label off its anchor ' + t.textContent);
      } else if (t.classList.contains('head')) {
        const q = p.matrixTransform(t.getScreenCTM().inverse());
        if (Math.abs(q.x - t.x.baseVal[0].value) > 1) out.push('heading ' + t.textContent);
      } else if (t.classList.contains('num')) {
        const c = t.parentNode.querySelector('circle.ring');
        const q = p.matrixTransform(c.getScreenCTM().inverse());
        const dx = q.x - c.cx.baseVal.value, dy = q.y - c.cy.baseVal.value;
        if (Math.hypot(dx, dy) > 0.3 * c.r.baseVal.value) out.push('number ' + t.textContent);
      }
    }
  }
  return out;
}"""


@pytest.mark.parametrize("width", [1280, 390])
def test_labels_headings_and_numbers_are_centred_in_chromium(browser, map_file, width):
    ctx, page, errors = _open(browser, map_file, width=width)
    try:
        checked = 0
        for view in ("plantar", "dorsal", "medial", "lateral"):
            page.check(f'input[name="view"][value="{view}"]')
            off = page.evaluate(_OFF_CENTRE)
            assert off == [], (view, off)
            checked += page.evaluate(
                "() => document.querySelectorAll('svg.fm-map:not(.off) text.lbl').length"
            )
        assert checked > 40
        page.screenshot(path=f"/tmp/footmap-hardening-labels-{width}.png", full_page=True)
        assert errors == []
    finally:
        ctx.close()


def test_long_words_do_not_widen_the_page_or_the_panel(browser, tmp_path):
    doc = synthetic.synthetic_chart(4)
    url = "https://example.org/" + "a" * 300
    doc["footmap"]["sources"][0]["citation"] = "A source at " + url
    doc["features"][1]["properties"]["claims"][0]["text"] = "Claimed " + "b" * 300
    chart = footmap.loads(json.dumps(doc))
    path = write_html(chart, tmp_path / "long.html")
    ctx, page, errors = _open(browser, path, "#left.plantar.z000000")
    try:
        assert page.evaluate("() => document.documentElement.scrollWidth") == 1280
        over = page.evaluate(
            "() => { const p = document.querySelector('aside.panel');"
            " return p.scrollWidth - p.clientWidth; }"
        )
        assert over == 0
        assert errors == []
    finally:
        ctx.close()


def _visible_headings(page) -> list[str]:
    return page.evaluate(
        """() => Array.from(document.querySelectorAll('svg.fm-map:not(.off) text.head'))
            .filter(t => t.getClientRects().length).map(t => t.textContent)"""
    )


@pytest.mark.parametrize("view", ["medial", "lateral"])
def test_side_views_show_the_heading_of_the_chosen_foot(browser, map_file, view):
    ctx, page, errors = _open(browser, map_file)
    try:
        page.check(f'input[name="view"][value="{view}"]')
        assert sorted(_visible_headings(page)) == ["Left foot", "Right foot"]
        page.check('input[name="foot"][value="left"]')
        assert _visible_headings(page) == ["Left foot"]
        page.check('input[name="foot"][value="right"]')
        assert _visible_headings(page) == ["Right foot"]
        assert errors == []
    finally:
        ctx.close()


@pytest.mark.parametrize("fragment", ["#%", "#%E0%A4%A", "#left.plantar.kidney%"])
def test_a_malformed_fragment_does_not_stop_the_page(browser, map_file, fragment):
    ctx, page, errors = _open(browser, map_file, fragment)
    try:
        assert errors == []
        assert page.evaluate("() => document.documentElement.dataset.ready") == "1"
    finally:
        ctx.close()


def test_skip_link_keeps_the_selection_in_the_address(browser, map_file):
    ctx, page, errors = _open(browser, map_file, "#left.plantar.kidney")
    try:
        page.keyboard.press("Tab")
        assert page.evaluate("() => document.activeElement.className") == "skip"
        page.keyboard.press("Enter")
        assert page.evaluate("() => location.hash") == "#left.plantar.kidney"
        assert page.evaluate("() => document.activeElement.id") == "fm-panel-h"
        page.reload()
        page.wait_for_selector("html[data-ready]", state="attached")
        assert "Kidney" in page.locator("#fm-panel").inner_text()
        assert errors == []
    finally:
        ctx.close()


def test_cutting_a_search_back_clears_the_old_highlight(browser, map_file):
    ctx, page, errors = _open(browser, map_file)
    try:
        page.fill("#fm-search", "kidneys")
        assert page.evaluate("() => document.querySelectorAll('.zone.hl').length") == 2
        page.fill("#fm-search", "ki")
        assert page.evaluate("() => document.querySelectorAll('.zone.hl').length") == 0
        assert page.evaluate("() => document.querySelectorAll('.lbl.hl').length") == 0
        assert page.evaluate("() => document.querySelectorAll('svg.dim').length") == 0
        assert page.locator("#fm-results li").count() == 0
        assert errors == []
    finally:
        ctx.close()
