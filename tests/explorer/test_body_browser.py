"""The body figure beside the feet in JupyterLab, in Chromium (1280x720 with the file browser
open, and 1920x1080): present, lit by a click on a foot zone, the panel saying where the organ
really is, the soles still wide enough. Screenshots go to /tmp/footmap-body-*.png."""

from __future__ import annotations

import io
import json

import pytest
from _sibling import sibling

# the JupyterLab page helpers and the browser fixture of the explorer's size tests beside this
_sizes = sibling(__file__, "test_sizes_browser.py")
_lab_page, _measure = _sizes._lab_page, _sizes._measure

ROOT_SEL = ".footmap-explorer"

ZONE_PX = """([sel, zid]) => {
  const root = document.querySelector(sel);
  const g = JSON.parse(root.querySelector('.fm-geo [data-fm-geo]').getAttribute('data-fm-geo'));
  const c = root.querySelectorAll('.fm-mapcol .jupyter-matplotlib-canvas-div canvas')[1];
  const r = c.getBoundingClientRect(), k = r.width / g.w;
  const z = g.zones.find((e) => e[0] === zid); if (!z) return null;
  const ring = z[1][0]; let x = 0, y = 0, n = ring.length / 2;
  for (let i = 0; i < ring.length; i += 2) { x += ring[i]; y += ring[i + 1]; }
  return [r.left + x / n * k, r.top + y / n * k];
}"""


def _pixels(page):
    from PIL import Image

    shot = page.locator(f"{ROOT_SEL} .fm-bodycol .jupyter-matplotlib-canvas-div").screenshot()
    return Image.open(io.BytesIO(shot)).convert("RGB")


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize(("size", "sole"), [((1280, 720), 150), ((1920, 1080), 300)])
def test_a_foot_zone_lights_the_body_and_the_panel_says_where_it_is(
    browser,  # noqa: F811 (the fixture imported above)
    tmp_path,
    size,
    sole,
):
    from PIL import ImageChops

    lab, page = _lab_page(browser, tmp_path, size)
    try:
        page.wait_for_selector(f"{ROOT_SEL} .fm-bodycol .jupyter-matplotlib-canvas-div canvas")
        page.locator(
            f"{ROOT_SEL} .fm-mapcol .jupyter-matplotlib-canvas-div"
        ).first.scroll_into_view_if_needed()
        m = _measure(page, ROOT_SEL)
        assert len(m["soles"]) == 2 and all(w >= sole for w in m["soles"]), m
        body = page.locator(f"{ROOT_SEL} .fm-bodycol .jupyter-matplotlib-canvas-div")
        assert body.is_visible()
        box = body.bounding_box()
        assert box["width"] >= 200, box
        assert body.get_attribute("aria-roledescription") == "body figure"
        assert "Body figure, front and back views" in body.get_attribute("aria-label")
        assert "CC BY 4.0" in page.locator(f"{ROOT_SEL} .fm-credit").inner_text()
        before = _pixels(page)
        x, y = page.evaluate(ZONE_PX, [ROOT_SEL, "left.plantar.kidney"])
        page.mouse.click(x, y)
        page.wait_for_function(
            "(sel) => document.querySelector(sel + ' .fm-scroll').innerText"
            ".includes('Where it really is (the kidneys)')",
            arg=ROOT_SEL,
        )
        page.wait_for_timeout(1500)
        after = _pixels(page)
        diff = (
            ImageChops.difference(before, after).convert("L").point(lambda v: 255 if v > 40 else 0)
        )
        changed = sum(1 for v in diff.getdata() if v)
        assert changed > 150, changed  # the kidneys drawn in vermilion, and labelled
        m2 = _measure(page, ROOT_SEL)
        assert all(w >= sole for w in m2["soles"]), m2
        page.locator(f"{ROOT_SEL} .fm-side > .fm-pin").scroll_into_view_if_needed()
        page.wait_for_timeout(300)
        page.screenshot(path=f"/tmp/footmap-body-{size[0]}x{size[1]}.png")
        print(json.dumps({"soles": m2["soles"], "body": box, "changed": changed}))
    finally:
        page.context.close()
        lab.stop()
