"""The standalone HTML map on a phone (390 x 844, touch) and at 1280 x 800, measured in Chromium.

On a phone the map starts near the top, opens zoomed to one foot so that most zones are
targets of 24 x 24 CSS px or more with labels of 10 px or more, a tap shows the panel with a
"Back to the map" control that returns to where the reader was, and search results show over
the map. The page's search gives the answers of :func:`footmap.chart.query.find`.

Screenshots go to /tmp/footmap-phone-*.png. Run with ``pytest -m browser``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import footmap
from footmap.chart.query import find
from footmap.web.page import write_html

pytestmark = [pytest.mark.browser]

SHOTS = Path("/tmp")
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def chart():
    return footmap.load()


@pytest.fixture(scope="module")
def map_file(tmp_path_factory, chart) -> Path:
    return write_html(chart, tmp_path_factory.mktemp("phone") / "map.html")


@pytest.fixture
def phone(browser, map_file):
    context = browser.new_context(
        viewport=PHONE, has_touch=True, is_mobile=True, device_scale_factor=3
    )
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(map_file.as_uri())
    page.wait_for_selector("html[data-ready]", state="attached")
    yield page
    assert errors == []
    context.close()


# Per shown zone of the view on screen: its largest tap target (the zone itself, or the round
# target the page adds to a small zone) and the zone's own box, in CSS px.
MEASURE = """() => {
    const svg = [...document.querySelectorAll('svg.fm-map')]
        .find(s => !s.classList.contains('off'));
    const win = svg.getBoundingClientRect();
    const inWin = b => b.right > win.left && b.left < win.right && b.bottom > win.top
        && b.top < win.bottom;
    const hidden = e => e.closest('g.panel')
        && e.closest('g.panel').getAttribute('display') === 'none';
    const out = [];
    svg.querySelectorAll('path.zone').forEach(z => {
        const b = z.getBoundingClientRect();
        if (hidden(z) || !inWin(b)) return;
        let w = b.width, h = b.height;
        svg.querySelectorAll('.hit[data-z="' + z.dataset.z + '"]').forEach(c => {
            const r = c.getBoundingClientRect();
            if (Math.min(r.width, r.height) > Math.min(w, h)) { w = r.width; h = r.height; }
        });
        out.push({id: z.id, w: w, h: h, zw: b.width, zh: b.height});
    });
    const ctm = svg.getScreenCTM().a;
    const fonts = [...svg.querySelectorAll('text.lbl, text.name')].filter(t => {
        const b = t.getBoundingClientRect();
        return !hidden(t) && b.width > 0 && inWin(b);
    }).map(t => parseFloat(getComputedStyle(t).fontSize) * ctm);
    return {top: win.top, width: win.width, height: win.height, zones: out, fonts: fonts};
}"""


def test_phone_map_near_the_top_with_large_targets_and_labels(phone):
    m = phone.evaluate(MEASURE)
    assert m["top"] < 200, m["top"]  # the map starts on the first screen, near the top
    assert m["width"] >= 360 and m["height"] >= 500
    shown = m["zones"]
    big = [z for z in shown if z["w"] >= 24 and z["h"] >= 24]
    assert len(shown) >= 20  # one foot's toes and ball, not a sliver
    assert len(big) / len(shown) >= 0.8, [z["id"] for z in shown if z not in big]
    # most zones are large enough on their own; the round targets cover the smallest
    own = [z for z in shown if z["zw"] >= 24 and z["zh"] >= 24]
    assert len(own) / len(shown) >= 0.6
    assert m["fonts"] and min(m["fonts"]) >= 10, min(m["fonts"])
    # one foot shown, zoomed to its toes; "Both" and the whole foot are a tap away
    assert phone.locator('input[name="foot"][value="left"]').is_checked()
    assert phone.locator('[data-region="toes"]').get_attribute("aria-pressed") == "true"
    phone.screenshot(path=str(SHOTS / "footmap-phone-map.png"))


#: The boxes (CSS px) of every text shown in the window on the map: names, numbers, labels.
TEXTS = """() => {
    const svg = [...document.querySelectorAll('svg.fm-map')]
        .find(s => !s.classList.contains('off'));
    const win = svg.getBoundingClientRect();
    return [...svg.querySelectorAll('text.lbl, text.name, text.znum')].filter(t => {
        const p = t.closest('g.panel');
        if (p && p.getAttribute('display') === 'none') return false;
        if (getComputedStyle(t).display === 'none') return false;
        const b = t.getBoundingClientRect();
        return b.width > 0 && b.right > win.left && b.left < win.right && b.bottom > win.top
            && b.top < win.bottom;
    }).map(t => { const b = t.getBoundingClientRect();
        return [t.textContent, b.left, b.top, b.right, b.bottom]; });
}"""


def test_zoomed_names_cover_no_number_or_other_name(phone):
    """Zoomed in (toes, ball, arch, heel), a zone's name stands in for its number; no text
    on the map overlaps another (1 px of anti-aliasing aside)."""
    for region in ("toes", "ball", "arch", "heel"):
        phone.locator(f'[data-region="{region}"]').tap()
        texts = phone.evaluate(TEXTS)
        assert len(texts) >= 10, (region, texts)
        clashes = [
            (a[0], b[0])
            for k, a in enumerate(texts)
            for b in texts[k + 1 :]
            if a[1] < b[3] - 1 and b[1] < a[3] - 1 and a[2] < b[4] - 1 and b[2] < a[4] - 1
        ]
        assert clashes == [], (region, clashes)
        # the names the page adds are whole inside the map's window, never cut by its side
        cut = phone.evaluate(
            """() => { const svg = [...document.querySelectorAll('svg.fm-map')]
                .find(s => !s.classList.contains('off'));
              const w = svg.getBoundingClientRect();
              return [...svg.querySelectorAll('text.name')].filter(t => {
                const b = t.getBoundingClientRect();
                return b.left < w.left - 1 || b.right > w.right + 1; })
                .map(t => t.textContent); }"""
        )
        assert cut == [], (region, cut)
    phone.screenshot(path=str(SHOTS / "footmap-phone-heel.png"))


def test_zoom_buttons_regions_and_whole_foot(phone, chart):
    def scale() -> float:
        return phone.evaluate("document.getElementById('view-plantar').getScreenCTM().a")

    start = scale()
    phone.locator('[data-zoom="in"]').tap()
    assert scale() == pytest.approx(start * 1.5, rel=0.01)
    phone.locator('[data-zoom="out"]').tap()
    phone.locator('[data-zoom="out"]').tap()
    assert scale() == pytest.approx(start / 1.5, rel=0.01)
    phone.locator('[data-region="whole"]').tap()
    whole = phone.evaluate(MEASURE)
    sole = [z for z in chart.zones if z.foot == "left" and z.view == "plantar"]
    assert len(whole["zones"]) == len(sole) == 39  # every zone of the left sole in the window
    assert phone.locator('[data-zoom="out"]').is_disabled()
    phone.locator('[data-region="heel"]').tap()
    heel = {z["id"] for z in phone.evaluate(MEASURE)["zones"]}
    assert "zone-left.plantar.sciatic" in heel and "zone-left.plantar.pineal" not in heel


def test_pinch_zooms_the_map(phone):
    svg = phone.locator("#view-plantar").bounding_box()
    cx, cy = svg["x"] + svg["width"] / 2, svg["y"] + svg["height"] / 2
    before = phone.evaluate("document.getElementById('view-plantar').getScreenCTM().a")
    cdp = phone.context.new_cdp_session(phone)

    def touch(kind: str, d: float) -> None:
        points = (
            []
            if kind == "touchEnd"
            else [
                {"x": cx - d, "y": cy, "id": 1},
                {"x": cx + d, "y": cy, "id": 2},
            ]
        )
        cdp.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": points})

    touch("touchStart", 40)
    for d in (50, 60, 70, 80):
        touch("touchMove", d)
    touch("touchEnd", 80)
    after = phone.evaluate("document.getElementById('view-plantar').getScreenCTM().a")
    assert after == pytest.approx(before * 2, rel=0.1)


def _label_point(page, zone_id: str) -> tuple[float, float]:
    """Where a zone's label point is on screen."""
    return tuple(
        page.evaluate(
            """id => {
                const el = document.getElementById('zone-' + id);
                const d = JSON.parse(document.getElementById('fm-data').textContent);
                const [x, y] = d.at[+el.dataset.z];
                const svg = el.ownerSVGElement, pt = svg.createSVGPoint();
                pt.x = x; pt.y = y;
                const s = pt.matrixTransform(svg.getScreenCTM());
                return [s.x, s.y];
            }""",
            zone_id,
        )
    )


def test_tap_shows_the_panel_and_back_returns_to_the_map(phone):
    phone.evaluate("window.scrollTo(0, 40)")
    y0 = phone.evaluate("window.scrollY")
    vb = phone.get_attribute("#view-plantar", "viewBox")
    x, y = _label_point(phone, "left.plantar.eyes")  # the eyes are two toes' zones
    phone.touchscreen.tap(x, y)
    assert "Eyes" in phone.locator("#fm-panel").inner_text()
    back = phone.get_by_role("button", name="Back to the map")
    assert back.is_visible()
    heading = phone.evaluate("document.getElementById('fm-panel-h').getBoundingClientRect().top")
    assert 0 <= heading < 200  # the panel is what the reader sees
    assert phone.evaluate("window.scrollY") > y0 + 600
    b = back.bounding_box()
    assert b["y"] >= 0 and b["y"] + b["height"] <= PHONE["height"] and b["height"] >= 24
    phone.screenshot(path=str(SHOTS / "footmap-phone-tap.png"))
    back.tap()
    assert abs(phone.evaluate("window.scrollY") - y0) <= 50
    assert phone.get_attribute("#view-plantar", "viewBox") == vb  # the zoom kept
    assert not back.is_visible()


def _search(page, text: str) -> dict:
    page.locator("#fm-search").fill(text)
    return page.evaluate(
        """() => {
            const f = document.getElementById('fm-found'), r = f.getBoundingClientRect();
            return {top: r.top, bottom: r.bottom, hidden: f.hidden,
                    status: document.getElementById('fm-search-status').textContent,
                    buttons: [...f.querySelectorAll('button')].map(b => b.textContent)};
        }"""
    )


def test_search_results_show_over_the_map_without_scrolling(phone, chart):
    got = _search(phone, "toothache")
    assert not got["hidden"] and 0 <= got["top"] and got["bottom"] <= PHONE["height"]
    svg = phone.locator("#view-dorsal").bounding_box()  # the view switched to the top
    assert svg["y"] <= got["top"] and got["bottom"] <= svg["y"] + svg["height"] + 1
    assert got["status"] == find(chart, "toothache").message() + "."
    assert got["status"].startswith("footmap maps body areas, not symptoms: charts claim teeth")
    found = phone.locator("#fm-found").inner_text()
    assert "What charts claim for the teeth and jaw" in found and "Caveat:" in found
    hl = phone.eval_on_selector_all(".zone.hl", "els => els.map(e => e.id)")
    assert sorted(hl) == ["zone-left.dorsal.teeth-jaw", "zone-right.dorsal.teeth-jaw"]
    phone.screenshot(path=str(SHOTS / "footmap-phone-search.png"))

    got = _search(phone, "back pain")
    assert got["status"] == (
        "footmap maps body areas, not symptoms: charts claim spine, upper back and lower back "
        "for 'back pain'."
    )
    got = _search(phone, "hart")
    assert got["status"] == "No zone matches 'hart'; did you mean heart?"
    got = _search(phone, "kidny")
    assert got["status"] == "No zone matches 'kidny'; did you mean kidneys?"
    assert "kidneys" in got["buttons"]
    phone.get_by_role("button", name="kidneys", exact=True).tap()
    assert phone.locator("#fm-search").input_value() == "kidneys"
    status = phone.locator("#fm-search-status").inner_text()
    assert status == "2 zones for 'kidneys': kidneys."
    assert "What charts claim for the kidneys" in phone.locator("#fm-found").inner_text()


def test_search_offers_to_switch_to_the_other_views(phone, chart):
    views = [z.view for z in chart.zones_in_system("urinary")]
    assert (views.count("plantar"), views.count("medial"), len(views)) == (6, 4, 10)
    _search(phone, "system: urinary")
    buttons = phone.locator("#fm-found button.switch")
    assert buttons.all_inner_texts() == ["Show Inner side (medial) (4)"]
    assert (
        "On the map: 6 on Sole (plantar), 4 on Inner side (medial)."
        in phone.locator("#fm-more").inner_text()
    )
    buttons.first.tap()
    assert phone.locator("#view-medial").is_visible()


QUERIES = [
    "kidny",
    "hart",
    "toothache",
    "Toothache",
    "back pain",
    "BACK  PAIN",
    "kidneys",
    "stomachs",
    "urinary",
    "system: urinary",
    "left.plantar.kidney",
    "lymph",
    "stres",
    "livr",
    "spleeen",
    "xyzzy",
    "ki",
    "",
    "colon",
    "immune system",
    "a" * 250,
]


def test_search_in_the_page_answers_as_find(phone, chart):
    got = phone.evaluate("qs => qs.map(q => window.footmapFind(q))", QUERIES)
    for q, js in zip(QUERIES, got, strict=True):
        f = find(chart, q)
        want = {
            "zones": [z.id for z in f.zones],
            "areas": list(f.areas),
            "plain": f.plain,
            "suggestions": list(f.suggestions),
            "message": f.message(),
        }
        assert js == want, q
    assert any(g["suggestions"] for g in got) and any(g["plain"] for g in got)


def test_desktop_keeps_the_map_largest_with_the_panel_beside_it(browser, map_file):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(map_file.as_uri())
    page.wait_for_selector("html[data-ready]", state="attached")
    boxes = page.evaluate(
        """() => Object.fromEntries(
            ['#view-plantar', 'aside.panel', '.caveat', '.controls', '.legend', 'h1'].map(s => {
                const r = document.querySelector(s).getBoundingClientRect();
                return [s, [r.left, r.top, r.width, r.height]];
            }))"""
    )
    area = {k: v[2] * v[3] for k, v in boxes.items()}
    assert max(area, key=area.get) == "#view-plantar"
    m, p = boxes["#view-plantar"], boxes["aside.panel"]
    assert m[2] >= 560 and m[3] >= 520 and m[1] < 300
    assert p[0] >= m[0] + m[2] and p[1] < 300  # beside the map, not below
    # the body figure between them, beside the feet (not below)
    b = page.locator("#fm-body").bounding_box()
    assert m[0] + m[2] <= b["x"] and b["x"] + b["width"] <= p[0] and b["y"] < 400
    # both feet whole, no zoom: every sole zone in the window
    assert page.get_attribute("#view-plantar", "viewBox") == page.get_attribute(
        "#view-plantar", "data-vb-both"
    )
    page.locator("#fm-search").fill("kidny")
    f = page.locator("#fm-found").bounding_box()
    assert f["x"] >= m[0] + m[2] and f["y"] < 400  # results beside the map
    page.screenshot(path=str(SHOTS / "footmap-phone-1280.png"))
    context.close()
