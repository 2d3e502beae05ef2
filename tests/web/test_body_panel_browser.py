"""The HTML map's body panel and anatomy layers in a real Chromium, opened from disk.

At 1280 x 800: a zone marks its organ on the body and the panel says where it really is; an
organ selects every zone claimed for it; ``#left.plantar.kidney`` marks both kidneys; the
nerve layer shows. At 390 x 844 (touch): the Body button shows the figure and a tap on an
organ selects its zones. From the keyboard: Tab reaches the body, arrows walk it, Enter
selects, Tab leaves. No console error and no request but the file, anywhere.

Screenshots go to /tmp/footmap-body-*.png. Run with ``pytest -m browser``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import footmap
from footmap.web.page import write_html

pytestmark = [pytest.mark.browser]

SHOTS = Path("/tmp")


@pytest.fixture(scope="module")
def chart():
    return footmap.load()


@pytest.fixture(scope="module")
def map_file(tmp_path_factory, chart) -> Path:
    return write_html(chart, tmp_path_factory.mktemp("bodymap") / "map.html")


@pytest.fixture
def opened(browser, map_file):
    contexts, logs = [], []

    def open_(fragment: str = "", mobile: bool = False):
        size = {"width": 390, "height": 844} if mobile else {"width": 1280, "height": 800}
        ctx = browser.new_context(
            viewport=size, is_mobile=mobile, has_touch=mobile, device_scale_factor=1
        )
        ctx.set_default_timeout(15_000)
        page = ctx.new_page()
        log: list[str] = []
        page.on("console", lambda m: log.append(f"{m.type}: {m.text}"))
        page.on("pageerror", lambda e: log.append(f"pageerror: {e}"))
        page.on("request", lambda r: None if r.url.startswith("file:") else log.append(r.url))
        page.goto(map_file.as_uri() + fragment)
        page.wait_for_selector("html[data-ready]", state="attached")
        contexts.append(ctx)
        logs.append(log)
        return page

    yield open_
    for ctx, log in zip(contexts, logs, strict=True):
        assert log == []
        ctx.close()


def _region(page, region_id: str):
    return page.locator(f'[id="body-{region_id}"]')


def _tap_point(page, region_id: str) -> tuple[float, float]:
    """Where on screen a body region shows (a point no region drawn over it covers)."""
    return tuple(
        page.evaluate(
            """id => {
                const d = JSON.parse(document.getElementById('fm-data').textContent).body;
                const r = d.regions.findIndex(q => q[0] === id);
                const svg = document.getElementById('fm-body'), pt = svg.createSVGPoint();
                pt.x = d.at[r][0]; pt.y = d.at[r][1];
                const s = pt.matrixTransform(svg.getScreenCTM());
                return [s.x, s.y];
            }""",
            region_id,
        )
    )


def _current(page, prefix: str) -> list[str]:
    return sorted(
        page.eval_on_selector_all(
            f'[id^="{prefix}"][aria-current="true"]', "els => els.map(e => e.id)"
        )
    )


def test_a_zone_marks_its_organ_and_the_panel_says_where_it_really_is(opened):
    page = opened()
    page.locator('[id="zone-left.plantar.kidney"]').click()
    assert _current(page, "body-") == ["body-back.kidneys", "body-front.kidneys"]
    assert _region(page, "front.kidneys").is_visible()
    panel = page.locator("#fm-panel")
    text = panel.inner_text()
    assert "What charts claim" in text and "Where it really is (the kidneys)" in text
    assert "What is under this zone" in text and "medial plantar nerve" in text
    assert "Anatomy sources" in text
    # kept apart: the real anatomy is its own section, after the claims, before the rest
    order = page.evaluate(
        """() => Array.from(document.querySelectorAll('#fm-panel > *'))
                .map(e => e.className || e.tagName)"""
    )
    assert order.index("charts") < order.index("anat-box") < order.index("disagreements")
    assert "Marked in the body: Kidneys." in page.locator("#fm-body-sel").inner_text()
    page.screenshot(path=str(SHOTS / "footmap-body-1280.png"))
    # Esc clears both
    page.keyboard.press("Escape")
    assert _current(page, "body-") == [] and _current(page, "zone-") == []


def test_an_organ_selects_every_zone_claimed_for_it(opened, chart):
    page = opened()
    page.mouse.click(*_tap_point(page, "front.liver"))
    want = sorted(f"zone-{z.id}" for z in chart.zones_for("liver"))
    assert want and _current(page, "zone-") == want
    assert _current(page, "body-") == ["body-front.liver"]
    text = page.locator("#fm-panel").inner_text()
    assert "Where it really is (the liver)" in text and "What charts claim" in text
    # an organ with zones on both feet: both show, every one selected and ringed
    page.mouse.click(*_tap_point(page, "front.kidneys"))
    assert _current(page, "zone-") == ["zone-left.plantar.kidney", "zone-right.plantar.kidney"]
    assert page.locator("path.ring-sel").count() == 2
    assert "Charts claim 2 zones for the kidneys:" in page.locator("#fm-panel").inner_text()


def test_the_fragment_marks_the_zone_and_both_kidneys(opened):
    page = opened("#left.plantar.kidney")
    assert _current(page, "zone-") == ["zone-left.plantar.kidney"]
    assert _current(page, "body-") == ["body-back.kidneys", "body-front.kidneys"]
    fill = page.evaluate("getComputedStyle(document.getElementById('body-front.kidneys')).fill")
    assert fill == "rgb(213, 94, 0)"  # the body figure's highlight, as in the exports
    # the back view shows the kidneys too
    page.get_by_role("radio", name="Back").check()
    assert _region(page, "back.kidneys").is_visible()
    assert not _region(page, "front.kidneys").is_visible()


def test_the_layer_switch_shows_the_nerves_with_their_legend(opened):
    page = opened("#left.plantar.kidney")
    nerves = page.locator("#view-plantar .anat-nerve").first
    assert not nerves.is_visible()
    page.get_by_role("radio", name="Nerves").check()
    assert nerves.is_visible()
    box = page.locator("#view-plantar path.a-nerve").first.bounding_box()
    assert box and box["width"] > 10 and box["height"] > 10
    key = page.locator('.anat-key[data-kind="nerve"]')
    assert key.is_visible() and "Medial plantar nerve (L4–L5)" in key.inner_text()
    assert "Boundaries vary between people and textbooks." in key.inner_text()
    # the zones stay clickable through the layer
    page.locator('[id="zone-left.plantar.kidney"]').click()
    page.screenshot(path=str(SHOTS / "footmap-body-nerves-1280.png"))
    page.get_by_role("radio", name="None").check()
    assert not nerves.is_visible() and not key.is_visible()


def test_on_a_phone_the_body_button_shows_the_figure_and_an_organ_answers(opened, chart):
    page = opened(mobile=True)
    assert not page.locator("#fm-body").is_visible()
    page.get_by_role("button", name="Body", exact=True).tap()
    assert page.locator("#fm-body").is_visible()
    assert not page.locator("#view-plantar").is_visible()  # in the map's place
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=str(SHOTS / "footmap-body-390.png"))
    page.touchscreen.tap(*_tap_point(page, "front.liver"))
    assert _current(page, "zone-") == sorted(f"zone-{z.id}" for z in chart.zones_for("liver"))
    assert "Where it really is (the liver)" in page.locator("#fm-panel").inner_text()
    top = page.evaluate("document.getElementById('fm-panel-h').getBoundingClientRect().top")
    assert -1 <= top < 844  # the panel brought into view, with the way back
    page.get_by_role("button", name="Back to the map").tap()
    page.get_by_role("button", name="Feet", exact=True).tap()
    assert page.locator('[id="zone-right.plantar.liver"]').is_visible()


def _active(page) -> str:
    return page.evaluate("document.activeElement && document.activeElement.id || ''")


def test_keyboard_tab_reaches_the_body_arrows_walk_enter_selects_tab_leaves(opened):
    page = opened()
    page.locator("body").focus()
    seen = []
    for _ in range(60):
        page.keyboard.press("Tab")
        seen.append(_active(page))
        if seen[-1].startswith("body-"):
            break
    assert seen[-1].startswith("body-"), seen
    assert any(s.startswith("zone-") for s in seen)  # the feet come first
    first = seen[-1]
    page.keyboard.press("ArrowDown")
    assert _active(page).startswith("body-front.") and _active(page) != first
    page.keyboard.press("Enter")
    region = _active(page)[len("body-") :]
    assert _current(page, "body-") == [f"body-{region}"]
    assert "Where it really is" in page.locator("#fm-panel").inner_text()
    page.keyboard.press("Tab")  # one tab stop in the body: Tab leaves it
    assert not _active(page).startswith("body-")
