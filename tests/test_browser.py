"""Real-browser tests: JupyterLab and Voila, driven by Chromium through Playwright.

* explore.ipynb in JupyterLab (127.0.0.1, free port, no token, a temporary copy of notebooks/):
  run every cell, click a zone on the ipympl canvas and check the side panel, hover, search.
* teaching.ipynb as a Voila presentation: no code shown, the tour's map and caveat visible,
  "Next" moves the tour on, the quiz's "Show me" answers.

Screenshots go to /tmp/footmap-browser-*.png. Run with ``pytest -m browser``.
"""

from __future__ import annotations

import time
from pathlib import Path

import _lab
import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

HERE = Path(__file__).resolve().parent
NOTEBOOKS = HERE.parent / "notebooks"
SHOTS = Path("/tmp")
CLICK_ZONE = "left.plantar.kidney"
HOVER_ZONE = "right.plantar.liver"


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    if not Path(_lab.CHROMIUM).exists():
        pytest.fail(f"needs Chromium at {_lab.CHROMIUM} (`python3 dev.py test` installs it)")
    server = _lab.start_lab(NOTEBOOKS, tmp_path_factory.mktemp("lab"))
    yield server
    server.stop()


def _new_page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, device_scale_factor=1)
    context.set_default_timeout(60_000)
    return context.new_page()


@pytest.fixture(scope="module")
def page(lab, browser):
    p = _new_page(browser)
    yield p
    p.context.close()


@pytest.fixture(scope="module")
def geometry():
    """Where zones are drawn: the same explorer built headless (same figure, same layout)."""
    import footmap
    from footmap.explorer import widget as fx

    chart = footmap.load()
    ex = fx.explore(chart, interactive=False)
    try:
        width = ex.figure.get_figwidth() * ex.figure.dpi
        yield {
            "width": width,
            "pixels": {z: ex.pixel_of(z) for z in (CLICK_ZONE, HOVER_ZONE)},
            "chart": chart,
        }
    finally:
        ex.close()


def _zone_pixels(box, zone_ids):
    """Where zones are drawn on a canvas the page fitted to ``box``: the same explorer built
    headless at that size (same layout), asked for its anchors' pixels."""
    import footmap
    from footmap.explorer import widget as fx

    ex = fx.explore(
        footmap.load(), interactive=False, figsize=(box["width"] / 100, box["height"] / 100)
    )
    try:
        return {z: ex.pixel_of(z) for z in zone_ids}
    finally:
        ex.close()


def _shot(page, name):
    path = SHOTS / f"footmap-browser-{name}.png"
    page.screenshot(path=str(path), full_page=False)
    return path


def _wait_idle(page, timeout=120_000):
    """Wait until the status bar says the kernel is idle (it says Busy while starting)."""
    page.wait_for_function(
        "() => /\\|\\s*Idle/.test(document.querySelector('#jp-main-statusbar')?.innerText ?? '')",
        timeout=timeout,
    )


_ANY_CELL_RAN = (
    "() => [...document.querySelectorAll('.jp-InputArea-prompt')]"
    ".some(e => /\\[(\\*|\\d+)\\]/.test(e.innerText))"
)


def _run_all(page, lab):
    page.goto(f"{lab.url}/lab/tree/explore.ipynb", wait_until="domcontentloaded")
    page.wait_for_selector(".jp-NotebookPanel .jp-Cell", timeout=120_000)
    _wait_idle(page)
    from playwright import sync_api

    for attempt in range(3):  # a click while the session settles can be dropped: retry
        page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
        page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
        try:
            page.wait_for_function(_ANY_CELL_RAN, timeout=20_000)
            break
        except sync_api.TimeoutError:
            if attempt == 2:
                raise
            page.keyboard.press("Escape")
    page.wait_for_selector(".jupyter-matplotlib-canvas-div canvas", timeout=120_000)
    # the last cell prints the caveats: every cell has run once it shows
    page.wait_for_function(
        "() => [...document.querySelectorAll('.jp-OutputArea-output')]"
        ".some(e => e.innerText.includes('[evidence]'))",
        timeout=120_000,
    )
    _wait_idle(page)


def _panel_text(page):
    return page.locator(".jp-OutputArea-output:has(.footmap-explorer)").first.inner_text()


_WATCH = _lab.WATCH_CLICK_JS


def test_explorer_in_jupyterlab(lab, page, geometry):
    try:
        _check_explorer(lab, page, geometry)
    except BaseException:
        print(f"\nfailure screenshot: {_shot(page, 'failure')}\nJupyterLab log:\n{lab.log_tail()}")
        raise


def _check_explorer(lab, page, geometry):
    chart = geometry["chart"]
    _run_all(page, lab)
    assert page.locator(".fm-mapcol .jupyter-matplotlib-canvas-div").count() == 1, (
        "figure shown twice"
    )
    # the static view (an output of its own, for viewers without a kernel) is there but hidden
    # once the live widget shows
    static = page.locator(".jp-OutputArea-output .footmap-static")
    assert static.count() == 1
    page.wait_for_function(
        "() => getComputedStyle(document.querySelector('.footmap-static')"
        ".closest('.jp-OutputArea-child')).display === 'none'",
        timeout=30_000,
    )
    assert not static.is_visible()
    errors = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
    assert errors.count() == 0, errors.first.inner_text()
    canvas = page.locator(".jupyter-matplotlib-canvas-div canvas").first
    canvas.scroll_into_view_if_needed()
    page.wait_for_timeout(2000)  # first image, fitted to its column, redrawn at that size
    _shot(page, "1-loaded")

    evidence = chart.caveats_of("evidence")[0]
    text = _panel_text(page)
    assert "Click a zone" in text
    assert evidence.brief[:50] in text

    box = canvas.bounding_box()
    pixels = _zone_pixels(box, (CLICK_ZONE, HOVER_ZONE))

    def at(zone_id):
        px, py = pixels[zone_id]
        return box["x"] + px, box["y"] + py

    # click a zone: the panel names the body area claimed, with the caveat still there
    zone = chart.zone(CLICK_ZONE)
    page.evaluate(_WATCH, [".footmap-explorer", "Claimed to correspond to"])
    t0 = time.perf_counter()
    page.mouse.click(*at(CLICK_ZONE))
    page.wait_for_function("() => window.__fm.t1 !== null", timeout=30_000)
    wall = time.perf_counter() - t0
    t = page.evaluate("() => window.__fm")
    round_trip = t["t1"] - t["t0"]
    print(
        f"\nbrowser round trip click -> panel: {round_trip:.0f} ms in page, "
        f"{wall * 1e3:.0f} ms wall"
    )
    text = _panel_text(page)
    assert zone.label in text
    assert f"Claimed to correspond to: {zone.body_area}" in text
    assert zone.system_label in text
    assert evidence.brief[:50] in text
    page.wait_for_timeout(400)  # let the highlighted image arrive for the screenshot
    _shot(page, "2-clicked")

    # hover: the status line names the zone under the pointer
    hover = chart.zone(HOVER_ZONE)
    page.mouse.move(*at(HOVER_ZONE), steps=4)
    page.wait_for_function(
        "([t]) => document.querySelector('.footmap-explorer').innerText.includes(t)",
        arg=[f"{hover.label} ({hover.foot} foot)"],
        timeout=20_000,
    )

    # search from the keyboard: every kidney zone, on both feet
    search = page.get_by_placeholder("Search a body area")
    search.click()
    search.fill("kidneys")
    search.press("Enter")
    kidneys = chart.zones_for("kidneys")
    page.wait_for_function(
        "([t]) => document.querySelector('.footmap-explorer').innerText.includes(t)",
        arg=[f"{len(kidneys)} zones"],
        timeout=20_000,
    )
    text = _panel_text(page)
    for foot in {z.foot for z in kidneys}:
        assert f"{foot} foot" in text
    assert "kidneys" in text
    assert evidence.brief[:50] in text
    page.wait_for_timeout(400)
    _shot(page, "3-search")

    # export: the current view as an annotated figure, offered as a data: URI download
    page.get_by_role("button", name="Export figure").click()
    link = page.locator(".footmap-explorer a[download]")
    link.wait_for(state="attached", timeout=60_000)
    assert link.get_attribute("href").startswith("data:image/png;base64,")
    assert "Download footmap-both-feet-sole-kidneys.png" in link.inner_text()
    link.scroll_into_view_if_needed()
    _shot(page, "4-export")

    # click outside every zone clears (the export link may have scrolled the page: re-measure)
    canvas.scroll_into_view_if_needed()
    box = canvas.bounding_box()
    page.mouse.click(box["x"] + 3, box["y"] + 3)
    page.wait_for_function(
        "() => document.querySelector('.footmap-explorer').innerText.includes('Click a zone')",
        timeout=20_000,
    )
    # no timing assert (timings are bench/explorer_bench.py --browser's job): printed above


# -- the teaching notebook as a Voila presentation ---------------------------------------------
@pytest.fixture(scope="module")
def voila(tmp_path_factory):
    server = _lab.start_voila(NOTEBOOKS / "teaching.ipynb", tmp_path_factory.mktemp("voila"))
    yield server
    server.stop()


@pytest.fixture(scope="module")
def voila_page(voila, browser):
    p = _new_page(browser)
    yield p
    p.context.close()


_CANVAS_DRAWN = """(sel) => {
  const c = document.querySelector(sel);
  if (!c || !c.width) return false;
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  let ink = 0;
  for (let i = 0; i < d.length; i += 4 * 97) if (d[i + 3] > 0 && d[i] < 200) ink++;
  return ink > 50;
}"""


def test_teaching_in_voila(voila, voila_page):
    try:
        _check_teaching(voila_page, voila.url)
    except BaseException:
        print(
            f"\nfailure screenshot: {_shot(voila_page, 'voila-failure')}\n"
            f"Voila log:\n{voila.log_tail()}"
        )
        raise


def _check_teaching(page, url):
    import footmap
    from footmap.text.caveat import caveat_or_reminder
    from footmap.text.tour import tour

    chart = footmap.load()
    steps = tour(chart)
    caveat = caveat_or_reminder(chart)[:50]
    page.goto(url + "/", wait_until="domcontentloaded")
    tour = page.locator(".footmap-tour")
    counter = tour.locator(".fm-tour-counter")
    # Voila runs the whole notebook, then shows it: wait for the last section
    page.wait_for_selector(".fm-evidence", timeout=180_000)
    counter.wait_for(timeout=60_000)
    assert counter.inner_text().strip() == f"1 / {len(steps)}: {steps[0].title}"

    text = page.locator("body").inner_text()
    for code in ("%matplotlib", "import footmap", "tour_widget(", "quiz_widget("):
        assert code not in text, f"code shown in the presentation: {code!r}"
    assert "Traceback" not in text
    for teacher in ("For the teacher", "Run All Cells", "dev.py voila"):  # tagged "teacher"
        assert teacher not in text, f"teacher-only text shown to students: {teacher!r}"
    headings = page.evaluate(
        "() => [...document.querySelectorAll('h1, h2, h3, h4')].filter((h) =>"
        " !h.closest('.footmap-root') && h.innerText.trim() === 'What the evidence says').length"
    )
    assert headings == 1  # the section's own heading; the notebook does not repeat it
    assert page.locator(".cm-editor:visible, .CodeMirror:visible").count() == 0
    assert page.locator("[data-mime-type='application/vnd.jupyter.stderr']").count() == 0

    canvas = ".footmap-tour .jupyter-matplotlib-canvas-div canvas"
    page.wait_for_function(_CANVAS_DRAWN, arg=canvas, timeout=60_000)
    assert page.locator(canvas).first.bounding_box()["width"] > 400
    box = tour.locator(".fm-pin .fm-caveat")
    assert box.is_visible() and caveat in box.inner_text()
    tour.scroll_into_view_if_needed()
    _shot(page, "voila-1-tour")

    # Next: the counter, the step panel and the highlight move on; the caveat stays
    page.get_by_title("Next body system").click()
    expected = f"2 / {len(steps)}: {steps[1].title}"
    page.wait_for_function(
        "([t]) => document.querySelector('.footmap-tour .fm-tour-counter').innerText.trim() === t",
        arg=[expected],
        timeout=30_000,
    )
    step = tour.locator(f".fm-tour-step[data-system='{steps[1].system}']")
    step.wait_for(timeout=30_000)
    assert steps[1].title in step.locator("h3").inner_text()
    assert tour.locator(f".fm-tour-step[data-system='{steps[0].system}']").count() == 0
    assert box.is_visible() and caveat in box.inner_text()
    assert page.get_by_title("Previous body system").is_enabled()
    page.wait_for_timeout(500)  # let the new highlight arrive for the screenshot
    _shot(page, "voila-2-next")

    # every tour step at a laptop and a projector size: the caveat stays on screen
    page.get_by_title("Previous body system").click()  # back to step 1
    order = {(1280, 720): range(len(steps)), (1024, 768): range(len(steps) - 1, -1, -1)}
    for (w, h), ks in order.items():
        page.set_viewport_size({"width": w, "height": h})
        page.wait_for_timeout(1200)
        page.locator(".footmap-tour .jupyter-matplotlib-canvas-div").scroll_into_view_if_needed()
        for n, k in enumerate(ks):
            if n:
                page.get_by_title(
                    "Next body system" if w == 1280 else "Previous body system"
                ).click()
            page.wait_for_function(
                "([t]) => document.querySelector('.footmap-tour .fm-tour-counter')"
                ".innerText.trim().startsWith(t)",
                arg=[f"{k + 1} / {len(steps)}:"],
                timeout=30_000,
            )
            where = page.evaluate(_IN_VIEW, ".footmap-tour .fm-pin .fm-caveat")
            assert where["inside"], f"tour step {k + 1}: caveat off screen at {w}x{h}: {where}"
            right = page.evaluate(
                "() => document.querySelector('.footmap-tour').getBoundingClientRect().right"
            )
            assert right <= w, f"tour wider than the window at step {k + 1}"
            if k in (0, len(steps) - 1):
                page.wait_for_timeout(300)
                _shot(page, f"voila-tour-{w}x{h}-step{k + 1}")
    page.set_viewport_size({"width": 1400, "height": 1000})
    page.wait_for_timeout(1000)

    # keyboard only: from the tour's Next button, Tab through the tour's map (no trap) to the
    # quiz's map, move with an arrow key, answer with Enter
    quiz = page.locator(".footmap-quiz")
    page.get_by_title("Next body system").focus()
    _tab_until(page, f"() => ({_ON_CANVAS})('.footmap-quiz')")
    page.keyboard.press("ArrowRight")
    page.wait_for_function(
        "() => document.querySelector('.footmap-quiz .fm-live').innerText.includes('Enter')",
        timeout=30_000,
    )
    page.keyboard.press("Enter")
    quiz.locator(".fm-answer").wait_for(timeout=30_000)
    answer = quiz.locator(".fm-answer").inner_text()
    assert "Right:" in answer or "Not quite:" in answer
    # the caveat once: pinned beside the answer, not repeated inside it
    pinned = quiz.locator(".fm-pin .fm-caveat")
    assert pinned.is_visible() and caveat in pinned.inner_text()
    assert caveat not in answer
    # the score is a widget of its own: its update may arrive just after the answer's
    page.wait_for_function(
        "() => document.querySelector('.footmap-quiz .fm-quiz-score').innerText"
        ".includes(' of 1 answered')",
        timeout=30_000,
    )
    assert "Score: " in quiz.inner_text() and " of 1 answered" in quiz.inner_text()
    assert "thick solid outline" in quiz.inner_text()  # the marks are told apart in words
    page.wait_for_timeout(500)
    _shot(page, "voila-3-quiz-keyboard")
    page.keyboard.press("Tab")  # and out again
    page.wait_for_timeout(200)
    assert not page.evaluate(f"() => ({_ON_CANVAS})('.footmap-quiz')"), "quiz map traps Tab"

    # the next question: "Show me" answers with where the chart places it, and the caveat
    page.get_by_title("Go to the next question").click()
    page.wait_for_function(
        "() => !document.querySelector('.footmap-quiz .fm-answer')", timeout=30_000
    )
    quiz.scroll_into_view_if_needed()
    page.get_by_title("Highlight where the chart places it").click()
    quiz.locator(".fm-answer").wait_for(timeout=30_000)
    answer = quiz.locator(".fm-answer").inner_text()
    assert "Shown: where the chart places the" in answer and caveat not in answer
    assert caveat in quiz.locator(".fm-pin .fm-caveat").inner_text()
    assert " of 2 answered" in quiz.inner_text()
    page.wait_for_timeout(500)
    _shot(page, "voila-4-quiz")


# -- keyboard, layout and screen sizes ----------------------------------------------------------
_ACTIVE = """() => { const e = document.activeElement; if (!e) return '';
  return (e.className || '') + '|' + (e.getAttribute('placeholder') || '') + '|'
    + (e.getAttribute('title') || '') + '|' + (e.innerText || '').slice(0, 30); }"""

_IN_VIEW = """(sel) => { const all = [...document.querySelectorAll(sel)];
  const e = all.find((x) => x.offsetParent !== null); if (!e) return null;
  const r = e.getBoundingClientRect();
  return {top: r.top, bottom: r.bottom, h: innerHeight, w: innerWidth,
          inside: r.top >= 0 && r.bottom <= innerHeight && r.height > 20}; }"""


def _tab_until(page, done_js, limit=25, key="Tab"):
    """Press ``key`` until ``done_js`` holds; each press must move focus (no trap)."""
    seen = [page.evaluate(_ACTIVE)]
    for _ in range(limit):
        page.keyboard.press(key)
        page.wait_for_timeout(150)
        now = page.evaluate(_ACTIVE)
        assert now != seen[-1], f"focus stuck on {now!r} after {key}; path: {seen}"
        seen.append(now)
        if page.evaluate(done_js):
            return seen
    raise AssertionError(f"never reached the target with {key}; path: {seen}")


_ON_CANVAS = (
    "(root) => document.activeElement?.classList.contains('jupyter-matplotlib-canvas-div')"
    " && document.activeElement.closest(root) !== null"
)


@pytest.mark.parametrize("size", [(1280, 720), (1024, 768), (1920, 1080)])
def test_explorer_keyboard_and_caveat_in_view(lab, page, geometry, size):
    """Keyboard only: reach search, walk the map with arrows, leave it; caveat stays on screen."""
    try:
        _check_keyboard(lab, page, geometry, size)
    except BaseException:
        print(f"\nfailure screenshot: {_shot(page, 'kbd-failure')}\nlog:\n{lab.log_tail()}")
        raise


def _check_keyboard(lab, page, geometry, size):
    chart = geometry["chart"]
    if not page.locator(".footmap-explorer").count():
        _run_all(page, lab)
    caveat_brief = chart.caveats_of("evidence")[0].brief[:40]
    for w, h in (size,):
        page.set_viewport_size({"width": w, "height": h})
        page.wait_for_timeout(1500)  # the page script fits the map to its column
        root = page.locator(".footmap-explorer").first
        root.scroll_into_view_if_needed()
        # a click on the map's empty corner clears what an earlier size left selected, so the
        # arrows below start from the first zone at every size
        corner = page.locator(".footmap-explorer .fm-mapcol .jupyter-matplotlib-canvas-div canvas")
        corner.nth(1).click(position={"x": 4, "y": 4})
        page.wait_for_timeout(500)
        # keyboard: from the first control, Tab reaches the search box, then the map
        page.locator(".footmap-explorer button").first.focus()
        _tab_until(page, "() => document.activeElement?.placeholder?.startsWith('Search')")
        _tab_until(page, f"() => ({_ON_CANVAS})('.footmap-explorer')")
        page.keyboard.press("ArrowRight")
        page.wait_for_function(
            "() => document.querySelector('.footmap-explorer .fm-live').innerText"
            ".startsWith('Selected')",
            timeout=20_000,
        )
        live = page.locator(".footmap-explorer .fm-live").inner_text()
        assert caveat_brief in live  # the announcement carries the caveat
        before = page.locator(".footmap-explorer .fm-live").inner_text()
        page.keyboard.press("ArrowDown")
        page.wait_for_function(
            "([t]) => document.querySelector('.footmap-explorer .fm-live').innerText !== t",
            arg=[before],
            timeout=20_000,
        )
        label = page.locator(
            ".footmap-explorer .fm-mapcol .jupyter-matplotlib-canvas-div"
        ).get_attribute("aria-label")
        # narrow (1024x768 beside the file browser): one foot, the side column beside it
        feet = "left foot" if w < 1280 else "left and right feet"
        assert label.startswith(f"Foot map, {feet}, sole view: "), label
        # the selection's panel and the caveat are on screen
        where = page.evaluate(_IN_VIEW, ".footmap-explorer .fm-caveat")
        assert where["inside"], f"caveat off screen at {w}x{h}: {where}"
        assert "Claimed to correspond to" in _panel_text(page)
        page.wait_for_timeout(400)
        _shot(page, f"kbd-{w}x{h}")
        # Tab and Shift+Tab leave the map (no trap); Escape too
        page.keyboard.press("Tab")
        page.wait_for_timeout(200)
        assert not page.evaluate(f"() => ({_ON_CANVAS})('.footmap-explorer')"), "Tab trapped"
        page.keyboard.press("Shift+Tab")
        page.wait_for_timeout(200)
        assert page.evaluate(f"() => ({_ON_CANVAS})('.footmap-explorer')")
        page.keyboard.press("Shift+Tab")
        page.wait_for_timeout(200)
        assert not page.evaluate(f"() => ({_ON_CANVAS})('.footmap-explorer')"), "Shift+Tab trap"
        page.keyboard.press("Tab")
        page.keyboard.press("Escape")
        page.wait_for_timeout(200)
        assert not page.evaluate(f"() => ({_ON_CANVAS})('.footmap-explorer')"), "Escape trapped"


def _settled_box(page, locator, *, tries: int = 30) -> dict:
    """The element's box once two readings half a second apart agree (a busy kernel resizes
    the fitted canvas late); the last reading if it never settles within ``tries``."""
    box = locator.bounding_box()
    for _ in range(tries):
        page.wait_for_timeout(500)
        again = locator.bounding_box()
        if again == box:
            return box
        box = again
    return box


@pytest.mark.parametrize("size", [(1280, 720), (1024, 768)])
def test_caveat_in_view_after_a_click(lab, page, geometry, size):
    """A mouse click on the fitted map at a laptop and a projector size: caveat on screen."""
    chart = geometry["chart"]
    if not page.locator(".footmap-explorer").count():
        _run_all(page, lab)
    for w, h in (size,):
        page.set_viewport_size({"width": w, "height": h})
        page.wait_for_timeout(1500)
        canvas = page.locator(
            ".footmap-explorer .fm-mapcol .jupyter-matplotlib-canvas-div canvas"
        ).nth(1)
        canvas.scroll_into_view_if_needed()
        box = _settled_box(page, canvas)  # the fit to the new width goes through the kernel
        # the heart zone's anchor, scaled from the explorer's own figure size
        fig_w = page.evaluate(
            "() => document.querySelector("
            "'.footmap-explorer .fm-mapcol .jupyter-matplotlib-canvas-div "
            "canvas').width"
        )
        assert box["width"] <= w  # fitted, never clipped
        from playwright import sync_api

        # click points across the feet until one lands on a zone (an earlier test may have
        # left another view or foot showing): the live region then names the selection
        for fx_, fy_ in ((0.45, 0.5), (0.6, 0.5), (0.7, 0.45), (0.55, 0.35), (0.8, 0.6)):
            page.mouse.click(box["x"] + box["width"] * fx_, box["y"] + box["height"] * fy_)
            try:
                page.wait_for_function(
                    "() => document.querySelector('.footmap-explorer .fm-live')"
                    ".innerText.length > 0",
                    timeout=15_000,
                )
                break
            except sync_api.TimeoutError:
                continue
        else:
            raise AssertionError(f"no click selected a zone at {w}x{h}")
        page.wait_for_timeout(500)
        where = page.evaluate(_IN_VIEW, ".footmap-explorer .fm-caveat")
        assert where["inside"], f"caveat off screen at {w}x{h} after a click: {where}"
        assert fig_w > 0
        _shot(page, f"click-{w}x{h}")
        assert (
            chart.caveats_of("evidence")[0].brief[:40]
            in page.locator(".footmap-explorer .fm-caveat").inner_text()
        )


_OUTLINE_JS = """async ([x, y]) => {
  const div = document.querySelector('.footmap-explorer .fm-mapcol .jupyter-matplotlib-canvas-div');
  const c = div.querySelector('canvas'), top = div.querySelectorAll('canvas')[1];
  const ctx = c.getContext('2d');
  const grab = () => ctx.getImageData(0, 0, c.width, c.height).data;
  const before = grab().slice();
  const r = top.getBoundingClientRect();
  // a pointerdown alone: the page's outline reacts, ipympl (which listens to mousedown) and
  // so the kernel never hear of it, and no frame comes to replace the outline
  top.dispatchEvent(new PointerEvent('pointerdown', {bubbles: true, button: 0,
    clientX: r.left + x * r.width / c.width, clientY: r.top + y * r.height / c.height}));
  await new Promise((res) => requestAnimationFrame(() => requestAnimationFrame(res)));
  const after = grab();
  let n = 0, x0 = 1e9, y0 = 1e9, x1 = -1, y1 = -1, dark = 255;
  for (let i = 0; i < after.length; i += 4) {
    if (after[i] === before[i] && after[i + 1] === before[i + 1] && after[i + 2] === before[i + 2])
      continue;
    n++; const px = (i / 4) % c.width, py = Math.floor(i / 4 / c.width);
    x0 = Math.min(x0, px); x1 = Math.max(x1, px); y0 = Math.min(y0, py); y1 = Math.max(y1, py);
    dark = Math.min(dark, Math.max(after[i], after[i + 1], after[i + 2]));
  }
  await new Promise((res) => setTimeout(res, 2500));
  const back = grab(); let left = 0;
  for (let i = 0; i < back.length; i++) if (back[i] !== before[i]) left++;
  return {n, box: [x0, y0, x1, y1], dark, left, w: c.width, h: c.height};
}"""


def test_a_click_is_outlined_on_the_page_at_once(lab, page, geometry):
    """The page outlines the clicked zone itself (footmap.explorer.outlines), before the kernel
    answers, inside that zone's box, in the selection's near-black; with no frame to replace it, the
    last frame comes back."""
    import json

    from shapely.geometry import Polygon

    if not page.locator(".footmap-explorer").count():
        _run_all(page, lab)
    canvas = page.locator(".footmap-explorer .fm-mapcol .jupyter-matplotlib-canvas-div canvas").nth(
        1
    )
    canvas.scroll_into_view_if_needed()
    _settled_box(page, canvas)
    page.wait_for_function(
        "() => { const g = document.querySelector('.footmap-explorer .fm-geo [data-fm-geo]');"
        " const c = document.querySelector("
        "'.footmap-explorer .fm-mapcol .jupyter-matplotlib-canvas-div"
        " canvas'); return g && Math.abs(JSON.parse(g.getAttribute('data-fm-geo')).w"
        " - c.width) <= 1; }",
        timeout=30_000,
    )
    geo = json.loads(
        page.locator(".footmap-explorer .fm-geo [data-fm-geo]").get_attribute("data-fm-geo")
    )
    assert geo["preview"] is True and geo["edge"] == "#111111"

    def polygon(flat):
        return Polygon(list(zip(flat[::2], flat[1::2], strict=True)))

    zone_id, rings = max(geo["zones"], key=lambda z: polygon(z[1][0]).area)
    ring = polygon(rings[0])
    inner = ring.representative_point()
    out = page.evaluate(_OUTLINE_JS, [inner.x, inner.y])
    assert out["n"] > 30, f"no outline drawn for {zone_id}: {out}"
    # the outline strokes every ring of the zone (a zone may be drawn in several parts)
    from shapely.geometry import MultiPolygon

    x0, y0, x1, y1 = bounds = MultiPolygon([polygon(r) for r in rings]).bounds
    pad = geo["lw"] + 3
    bx0, by0, bx1, by1 = out["box"]
    assert x0 - pad <= bx0 and y0 - pad <= by0 and bx1 <= x1 + pad and by1 <= y1 + pad, (
        f"outline of {zone_id} outside its box {bounds}: {out}"
    )
    assert out["dark"] <= 0x30, out  # the outline's core is near-black (#111111)
    assert out["left"] == 0, out  # no frame came: the page put the last one back
    # a pointerdown on the canvas outside every zone outlines nothing
    corner = page.evaluate(_OUTLINE_JS, [3, 3])
    assert corner["n"] == 0 and corner["left"] == 0, corner
