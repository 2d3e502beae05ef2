"""The standalone HTML map in a real Chromium, opened from disk (file://), no server.

Mouse click (1280 x 800), touch tap (390 x 844, mobile emulation) and keyboard-only selection
each show the claimed body area and the caveat; search, the foot and view switches, the URL
fragment, hostile text, and no console error or network request anywhere. Its search gives
the same zones as :func:`footmap.chart.query.match_search` for the same text.

Screenshots go to /tmp/footmap-webmap-*.png. Run with ``pytest -m browser``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import shapely

import footmap
from footmap.chart.query import match_search, search_options
from footmap.web.page import write_html

pytestmark = [pytest.mark.browser]

HOSTILE = Path(__file__).resolve().parents[1] / "data" / "hostile.geojson"
SHOTS = Path("/tmp")


@pytest.fixture(scope="module")
def chart():
    return footmap.load()


@pytest.fixture(scope="module")
def map_file(tmp_path_factory, chart) -> Path:
    return write_html(chart, tmp_path_factory.mktemp("webmap") / "map.html")


@pytest.fixture(scope="module")
def hostile_file(tmp_path_factory) -> Path:
    return write_html(footmap.load(HOSTILE), tmp_path_factory.mktemp("hostile") / "h.html")


class _Page:
    """A page with every console message, page error, request and dialog recorded."""

    def __init__(self, browser, path: Path, fragment: str = "", mobile: bool = False):
        size = {"width": 390, "height": 844} if mobile else {"width": 1280, "height": 800}
        self.context = browser.new_context(
            viewport=size, is_mobile=mobile, has_touch=mobile, device_scale_factor=1
        )
        self.context.set_default_timeout(15_000)
        self.page = self.context.new_page()
        self.console: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", lambda m: self.console.append(f"{m.type}: {m.text}"))
        self.page.on("pageerror", lambda e: self.console.append(f"pageerror: {e}"))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.url = path.as_uri()
        self.page.goto(self.url + fragment)
        self.page.wait_for_selector("html[data-ready]", state="attached")

    def zone(self, zone_id: str):
        return self.page.locator(f'[id="zone-{zone_id}"]')

    def at(self, zone_id: str) -> tuple[float, float]:
        """Where a zone's label point is on screen (scrolled into view first)."""
        self.zone(zone_id).scroll_into_view_if_needed()
        return tuple(
            self.page.evaluate(
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

    def panel(self) -> str:
        return self.page.locator("#fm-panel").inner_text()

    def caveat_visible(self) -> bool:
        cav = self.page.locator(".caveat")
        return cav.is_visible() and "Caveat:" in cav.inner_text()

    def close(self) -> None:
        # nothing on the console, no request but the file itself, no dialog (alert)
        assert self.console == [], self.console
        assert all(u.startswith("file:") for u in self.requests), self.requests
        assert self.dialogs == []
        self.context.close()


@pytest.fixture
def opened(browser):
    pages: list[_Page] = []

    def open_(path: Path, fragment: str = "", mobile: bool = False) -> _Page:
        p = _Page(browser, path, fragment, mobile)
        pages.append(p)
        return p

    yield open_
    for p in pages:
        p.close()


def test_mouse_click_shows_claimed_area_and_caveat(opened, map_file):
    p = opened(map_file)
    assert "No zone selected" in p.panel()
    # the accessible name Chromium computes for the zone buttons (one per foot)
    assert p.page.get_by_role("button", name="Kidney: charts claim the kidneys").count() == 2
    p.zone("left.plantar.kidney").click()
    text = p.panel()
    assert "Kidney" in text and "kidneys" in text and "What charts claim" in text
    assert "Left foot, sole (plantar)" in text
    assert p.caveat_visible()
    assert p.page.evaluate("location.hash") == "#left.plantar.kidney"
    assert p.zone("left.plantar.kidney").get_attribute("aria-current") == "true"
    # the aria-live region announces the selection
    p.page.wait_for_function("document.getElementById('fm-live').textContent.length > 0")
    assert "Kidney: charts claim the kidneys" in p.page.locator("#fm-live").inner_text()
    # white labels stay white (a CSS rule must not override their fill)
    fill = p.page.evaluate(
        "getComputedStyle(document.querySelector('svg.fm-map text.lbl[fill=\"#ffffff\"]')).fill"
    )
    assert fill == "rgb(255, 255, 255)"
    p.page.screenshot(path=str(SHOTS / "footmap-webmap-1280.png"))


def test_touch_tap_on_a_phone_shows_claimed_area_and_caveat(opened, map_file):
    p = opened(map_file, mobile=True)
    assert p.page.evaluate("document.documentElement.scrollWidth") <= 390  # no sideways scroll
    # a phone shows one foot, zoomed to its toes: show the right foot's arch
    p.page.get_by_role("radio", name="Right", exact=True).check()
    p.page.locator('[data-region="arch"]').tap()
    # the liver zone has a hole (the gall bladder): tap at its label point, inside it
    x, y = p.at("right.plantar.liver")
    p.page.touchscreen.tap(x, y)
    text = p.panel()
    assert "Liver" in text and "liver" in text and "Right foot" in text
    assert p.caveat_visible()
    # the panel was brought into view under the map
    top = p.page.evaluate("document.getElementById('fm-panel-h').getBoundingClientRect().top")
    assert -1 <= top < 844
    p.page.screenshot(path=str(SHOTS / "footmap-webmap-390.png"))
    p.page.evaluate("window.scrollTo(0, 0)")
    p.page.screenshot(path=str(SHOTS / "footmap-webmap-390-top.png"))


def _active(p: _Page) -> str:
    return p.page.evaluate("document.activeElement && document.activeElement.id || ''")


def test_keyboard_only_selection_arrows_enter_and_escape(opened, map_file, chart):
    p = opened(map_file)
    p.page.locator("body").focus()
    for _ in range(40):
        p.page.keyboard.press("Tab")
        if _active(p).startswith("zone-"):
            break
    first = _active(p)
    assert first.startswith("zone-"), "Tab never reached the map"
    # each arrow moves to a nearby zone of the same foot, in the direction pressed
    # (chart y runs up the page; a left foot is not mirrored in x)
    moved = [first]
    keys = ("ArrowDown", "ArrowDown", "ArrowRight", "ArrowUp", "ArrowLeft")
    for key in keys:
        p.page.keyboard.press(key)
        moved.append(_active(p))
    steps = 0
    for key, a, b in zip(keys, moved[:-1], moved[1:], strict=True):
        # the page moves where footmap.walk says (both feet shown), as the explorer does
        assert b[5:] == footmap.walk(chart, a[5:], key[5:].lower()), (key, a, b)
        if a == b:
            continue
        steps += 1
        za, zb = chart.zone(a[5:]), chart.zone(b[5:])
        assert za.view == zb.view == "plantar"
        if za.foot != zb.foot:  # both feet show: left/right may cross to the other foot
            assert key in ("ArrowLeft", "ArrowRight")
            continue
        assert shapely.distance(za.geometry, zb.geometry) < 15, (a, b)
        dx, dy = zb.anchor[0] - za.anchor[0], zb.anchor[1] - za.anchor[1]
        along = {"ArrowDown": -dy, "ArrowUp": dy, "ArrowRight": dx, "ArrowLeft": -dx}[key]
        assert along > 0 and along >= 0.5 * (dx * dx + dy * dy) ** 0.5, (key, a, b)
    assert steps >= 4
    # from the left foot's outer edge, ArrowRight crosses to the right foot
    edge = p.page.evaluate(
        """() => {
            const d = JSON.parse(document.getElementById('fm-data').textContent);
            const i = d.zones.findIndex((z, k) => z[1] === 'plantar' && z[2] === 'left'
                && d.nav[k][0][3] < 0 && d.nav[k][1][3] >= 0);
            return d.zones[i][0];
        }"""
    )
    p.zone(edge).focus()
    p.page.keyboard.press("ArrowRight")
    assert _active(p).startswith("zone-right.plantar."), (edge, _active(p))
    p.zone(first[5:]).focus()
    p.page.keyboard.press("Enter")
    zone = chart.zone(_active(p)[5:])
    text = p.panel()
    assert zone.label in text and zone.body_area in text
    assert p.caveat_visible()
    # only one tab stop in the map: Tab leaves it
    p.page.keyboard.press("Tab")
    assert not _active(p).startswith("zone-")
    p.page.keyboard.press("Escape")
    assert "No zone selected" in p.panel()
    assert p.page.evaluate("location.hash") == ""


def test_search_highlights_every_match_and_names_the_views(opened, map_file, chart):
    p = opened(map_file)
    box = p.page.locator("#fm-search")
    box.fill("KIDNEYS")
    hl = p.page.eval_on_selector_all(".zone.hl", "els => els.map(e => e.id)")
    assert sorted(hl) == ["zone-left.plantar.kidney", "zone-right.plantar.kidney"]
    status = p.page.locator("#fm-search-status").inner_text()
    assert status == "2 zones for 'KIDNEYS': kidneys."  # footmap.chart.query.find's words
    assert "On the map: 2 on Sole (plantar)." in p.page.locator("#fm-found").inner_text()
    box.fill("system: urinary")
    hl = p.page.eval_on_selector_all(".zone.hl", "els => els.map(e => e.id)")
    assert sorted(hl) == sorted(f"zone-{z.id}" for z in chart.zones_in_system("urinary"))
    # a body area only on the top of the foot: the view switches there and says so
    box.fill("teeth and jaw")
    assert p.page.locator("#view-dorsal").is_visible()
    assert not p.page.locator("#view-plantar").is_visible()
    assert "On the map: 2 on Top (dorsal)." in p.page.locator("#fm-found").inner_text()
    # a result button selects its zone
    p.page.locator("#fm-results button").first.click()
    assert "teeth" in p.panel().lower()
    box.fill("ki")  # too short to decide: the old matches go
    assert p.page.eval_on_selector_all(".zone.hl", "els => els.length") == 0
    box.fill("")
    assert p.page.eval_on_selector_all(".zone.hl", "els => els.length") == 0


def test_foot_and_view_switches(opened, map_file):
    p = opened(map_file)
    right = p.zone("right.plantar.kidney")
    assert right.is_visible()
    both_box = p.page.get_attribute("#view-plantar", "viewBox")
    p.page.get_by_role("radio", name="Left", exact=True).check()
    assert not right.is_visible() and p.zone("left.plantar.kidney").is_visible()
    left_box = p.page.get_attribute("#view-plantar", "viewBox")
    assert float(left_box.split()[2]) < 0.7 * float(both_box.split()[2])  # zoomed to one foot
    # key entries of numbers only on the right foot are hidden
    p.page.get_by_role("radio", name="Right", exact=True).check()
    assert right.is_visible() and not p.zone("left.plantar.kidney").is_visible()
    p.page.get_by_role("radio", name="Inner side (medial)").check()
    assert p.page.locator("#view-medial").is_visible()
    assert not p.page.locator("#view-plantar").is_visible()
    assert (
        p.zone("right.medial.bladder").is_visible()
        or p.page.locator("#view-medial .zone").first.is_visible()
    )
    p.page.get_by_role("radio", name="Both").check()
    assert p.page.locator('#view-medial g.panel[data-foot="left"]').is_visible()


def test_url_fragment_restores_the_selection(opened, map_file, chart):
    zone = chart.zones_for("teeth and jaw")[0]
    p = opened(map_file, fragment=f"#{zone.id}")
    assert p.page.locator(f"#view-{zone.view}").is_visible()
    text = p.panel()
    assert zone.label in text and "teeth and jaw" in text
    # following another link within the page changes the selection
    p.page.evaluate("location.hash = '#left.plantar.kidney'")
    p.page.wait_for_function("document.getElementById('fm-panel').textContent.includes('kidneys')")
    assert p.page.locator("#view-plantar").is_visible()


QUERIES = [
    "kidneys",
    "KIDNEYS",
    "  Kidneys  ",
    "kidney",
    "system: urinary",
    "SYSTEM:   Urinary",
    "system: nervous system",
    "kid",
    "ki",
    "k",
    "",
    "   ",
    "colon",
    "Lungs / chest",
    "lungs & chest",
    "lungs and chest",
    "LUNGS/CHEST",
    "spine",
    "ear",
    "eyes",
    "left.plantar",
    "plantar.kid",
    "\u00a0kidneys\u2003",
    "heart",
    "Heart",
    "digest",
    "respiratory",
    "nonexistent organ",
    "STRASSE",
    "stra\u00dfe",
    "\ufb01ve",
    "\u0130stanbul",
    "\u03a3\u039f\u03a6\u039f\u03a3",
    "sacrum & coccyx",
    "hip / knee",
    "lymph",
    "x\u1680y",
    "tab\tkid",
    "\x1ckidneys",
    "KIDNEY\u017f",  # long s: casefolds to "s" ("kidneys"); toLowerCase keeps it
    "\U0001f600\U0001f600",  # two characters (four UTF-16 units): too short to search
]


def test_search_in_the_page_matches_python(opened, map_file, chart):
    p = opened(map_file)
    options = search_options(chart)
    got = p.page.evaluate("qs => qs.map(q => window.footmapMatch(q))", QUERIES)
    for q, js in zip(QUERIES, got, strict=True):
        py = match_search(chart, options, q)
        want = None if py is None else [z.id for z in py]
        assert js == want, q
    assert any(g for g in got) and None in got and [] in got  # the list covers all three


def test_hostile_chart_text_stays_inert(opened, hostile_file):
    p = opened(hostile_file)
    assert p.page.locator("h1").inner_text() == "<script>alert(1)</script>"
    p.page.mouse.click(*p.at("left.plantar.kidney"))  # it has a hole: click its label point
    text = p.panel()
    assert "<script>alert(1)</script>" in text and "<img src=x onerror=alert(1)>" in text
    assert p.page.locator("img").count() == 0
    assert p.page.evaluate("document.scripts.length") == 2
    box = p.page.locator("#fm-search")
    box.fill("<script>")
    hl = p.page.eval_on_selector_all(".zone.hl", "els => els.map(e => e.id)")
    assert "zone-left.plantar.kidney" in hl
    options = search_options(footmap.load(HOSTILE))
    js = p.page.evaluate("q => window.footmapMatch(q)", "<script>alert(1)</script>")
    py = match_search(footmap.load(HOSTILE), options, "<script>alert(1)</script>")
    assert js == [z.id for z in py]


def test_prints_map_selection_and_caveats_on_one_page(opened, map_file):
    p = opened(map_file, fragment="#left.plantar.kidney")
    p.page.emulate_media(media="print")
    assert not p.page.locator(".controls").is_visible()
    assert p.caveat_visible() and "kidneys" in p.panel()
    assert p.page.locator("#view-plantar").is_visible()
    pdf = p.page.pdf(format="A4", landscape=True, print_background=True)
    assert len(re.findall(rb"/Type\s*/Page\b", pdf)) == 1
