"""The standalone HTML map (footmap.web.page) as a file: structure, CSP, escaping, atomic write.

What it does in a browser is tests/web/test_page_browser.py.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import shapely

import footmap
from footmap.cli import main
from footmap.errors import FootmapError
from footmap.export.annotate import export
from footmap.web import page as webmap

HOSTILE = Path(__file__).resolve().parents[1] / "data" / "hostile.geojson"


@pytest.fixture(scope="module")
def page() -> str:
    return webmap.html_document(footmap.load())


@pytest.fixture(scope="module")
def hostile_page() -> str:
    return webmap.html_document(footmap.load(HOSTILE))


class _Elements(HTMLParser):
    """Every start tag with its attributes, and the text inside each <script>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag in ("script", "style"):
            self._in = tag
            (self.scripts if tag == "script" else self.styles).append("")

    def handle_endtag(self, tag):
        if tag == self._in:
            self._in = None

    def handle_data(self, data):
        if self._in == "script":
            self.scripts[-1] += data
        elif self._in == "style":
            self.styles[-1] += data


def _parse(text: str) -> _Elements:
    p = _Elements()
    p.feed(text)
    return p


def test_every_zone_is_one_focusable_button_with_its_claim_as_name(page):
    chart = footmap.load()
    tags = _parse(page).tags
    by_id = {}
    for tag, attrs in tags:
        if (attrs.get("id") or "").startswith("zone-"):
            assert attrs["id"] not in by_id, f"duplicate {attrs['id']}"
            by_id[attrs["id"]] = (tag, attrs)
    assert set(by_id) == {f"zone-{z.id}" for z in chart.zones}
    tag, kidney = by_id["zone-left.plantar.kidney"]
    assert tag == "path"
    assert kidney["role"] == "button"
    assert kidney["aria-label"] == "Kidney: charts claim the kidneys"
    assert all(a["role"] == "button" and a["tabindex"] in ("0", "-1") for _, a in by_id.values())
    # every view of the chart is in the file, each as its own SVG
    svgs = [a["id"] for t, a in tags if t == "svg"]
    assert svgs == ["view-plantar", "view-dorsal", "view-medial", "view-lateral", "fm-body"]
    # and one panel template per zone
    templates = {a["id"] for t, a in tags if t == "template" and a["id"].startswith("info-")}
    assert templates == {f"info-{z.id}" for z in chart.zones}


def test_labels_are_real_text_in_the_svg(page):
    # a label that fits inside its zone on the plantar view, and a callout number
    assert re.search(r'<text class="lbl"[^>]*>Lungs / chest</text>', page)
    assert re.search(r'<text class="num"[^>]*>\d+</text>', page)  # a callout
    assert re.search(r'<text class="znum"[^>]*>1</text>', page)  # a number in its zone
    assert "<image" not in page


def test_csp_forbids_external_loads_and_allows_exactly_the_inline_code(page):
    parsed = _parse(page)
    metas = [a for t, a in parsed.tags if t == "meta" and a.get("http-equiv")]
    assert len(metas) == 1 and metas[0]["http-equiv"] == "Content-Security-Policy"
    csp = metas[0]["content"]
    assert "default-src 'none'" in csp
    assert "base-uri 'none'" in csp and "form-action 'none'" in csp
    assert "unsafe-inline" not in csp and "http" not in csp
    # the CSP comes before any script or style element
    order = [t for t, a in parsed.tags if t in ("meta", "script", "style")]
    assert order.index("style") > 1 and order.index("script") > 1
    code = [
        s
        for s, (t, a) in zip(
            parsed.scripts, [x for x in parsed.tags if x[0] == "script"], strict=True
        )
        if a.get("type") != "application/json"
    ]
    assert len(code) == 1 and len(parsed.styles) == 1

    def digest(text):
        return "sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()

    assert f"script-src '{digest(code[0])}'" in csp
    assert f"style-src '{digest(parsed.styles[0])}'" in csp


def test_no_external_urls_or_loads(page):
    parsed = _parse(page)
    for tag, attrs in parsed.tags:
        assert tag not in ("link", "img", "iframe", "object", "embed", "base"), tag
        assert "src" not in attrs, (tag, attrs)
        href = attrs.get("href")
        assert href is None or href.startswith("#"), href
    urls = set(re.findall(r"\b[a-z][a-z0-9+.-]*://[^\s\"'<>)]*", page, flags=re.I))
    # the SVG namespace, never fetched; the body artwork's licence, named in its credit (text)
    licence = "https://creativecommons.org/licenses/by/4.0/"
    assert urls == {"http://www.w3.org/2000/svg", licence}, urls
    assert not any(licence in (v or "") for _, attrs in parsed.tags for v in attrs.values())
    for word in ("fetch(", "XMLHttpRequest", "import(", "@import", "url(", "WebSocket", "eval("):
        assert word not in page, word


def test_hostile_text_stays_text(hostile_page):
    parsed = _parse(hostile_page)
    assert [t for t, _ in parsed.tags].count("script") == 2  # our data block and our code
    assert not any(t == "img" for t, _ in parsed.tags)
    assert not any(k.startswith("on") for _, a in parsed.tags for k in a)
    assert "<script>alert(1)</script>" not in hostile_page.replace(
        '<script type="application/json"', ""
    )
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in hostile_page
    assert "&lt;img src=x onerror=alert(1)&gt;" in hostile_page
    # controls and bidi overrides are replaced, never written
    for bad in ("\x00", "\x07", "\u202e"):
        assert bad not in hostile_page
    # the JSON data block cannot end its script element early
    data = parsed.scripts[0]
    assert "<" not in data and ">" not in data


def test_short_hostile_labels_inside_zones_are_escaped_too():
    raw = json.loads(HOSTILE.read_text(encoding="utf-8"))
    for feature in raw["features"]:
        if feature["properties"].get("role") == "zone":
            feature["properties"]["label"] = "<i>x</i>&"
    page = webmap.html_document(footmap.loads(json.dumps(raw)))
    inside = re.findall(r'<text class="lbl"[^>]*>([^<]*)</text>', page)
    assert inside and set(inside) == {"&lt;i&gt;x&lt;/i&gt;&amp;"}
    assert "<i>" not in page


def test_write_is_atomic(tmp_path, monkeypatch):
    target = tmp_path / "map.html"
    target.write_text("old", encoding="utf-8")

    def boom(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr("footmap.atomic.os.replace", boom)
    with pytest.raises(OSError):
        webmap.write_html(footmap.load(HOSTILE), target)
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["map.html"]


def test_export_dispatches_html_and_refuses_figure_options(tmp_path):
    chart = footmap.load(HOSTILE)
    out = export(chart, tmp_path / "m.html")
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    with pytest.raises(FootmapError, match="does not take highlight"):
        export(chart, tmp_path / "h.html", highlight="kidneys")
    with pytest.raises(FootmapError, match="does not take labels"):
        export(chart, tmp_path / "h.html", labels=False)
    assert not (tmp_path / "h.html").exists()


def test_cli_exports_html_and_says_so_in_help(tmp_path, capsys):
    assert main(["export", "--help"]) == 0
    assert ".html" in capsys.readouterr().out
    assert main(["--help"]) == 0
    assert "html" in capsys.readouterr().out
    out = tmp_path / "map.html"
    assert main(["export", str(out), "--chart", str(HOSTILE), "--foot", "left"]) == 0
    text = out.read_text(encoding="utf-8")
    assert 'id="zone-right.plantar.kidney"' in text  # every foot is in the file
    assert '"start":{"foot":"left","view":"plantar"}' in text


def test_start_view_and_foot_follow_the_options():
    page = webmap.html_document(footmap.load(), feet="right", views=("dorsal",))
    assert '"start":{"foot":"right","view":"dorsal"}' in page
    assert 'value="dorsal" checked' in page and 'value="right" checked' in page


def _boxes():
    # A 2 x 2 grid of touching squares (y up, as chart millimetres) and one far square.
    return [
        shapely.box(0, 10, 10, 20),  # 0 top left
        shapely.box(10, 10, 20, 20),  # 1 top right
        shapely.box(0, 0, 10, 10),  # 2 bottom left
        shapely.box(10, 0, 20, 10),  # 3 bottom right
        shapely.box(60, 0, 70, 10),  # 4 far right, other panel
    ]


class _Z:
    def __init__(self, g):
        self.geometry = g


def test_arrow_targets_are_the_walk_per_foot_then_across():
    chart = footmap.load()
    number = {z.id: i for i, z in enumerate(chart.zones)}
    targets = webmap.arrow_targets(chart, number)
    sacrum = number["left.plantar.spine-sacrum"]
    #                         up down left right: right crosses to the right foot's sacrum
    own, across = targets[sacrum]
    assert own[3] == -1 and across[3] == number["right.plantar.spine-sacrum"]
    assert across[:3] == [-1, -1, -1]
    kidney = number["left.plantar.kidney"]
    assert targets[kidney][0][1] == number[footmap.walk(chart, "left.plantar.kidney", "down")]


def test_search_index_carries_options_and_normalised_zones():
    chart = footmap.load()
    index = footmap.chart.query.search_index(chart)
    keys = {o[0]: o for o in index["options"]}
    urinary = [chart.zones[i].id for i in keys["system: urinary"][2]]
    assert "left.plantar.kidney" in urinary and keys["system: urinary"][1] == "system: Urinary"
    kidney = chart.zones.index(chart.zone("left.plantar.kidney"))
    assert index["zones"][kidney] == ["kidney", "kidneys", "urinary", "left.plantar.kidney"]
    assert index["fold"]["\u0131"] == "\u0131" and " " in index["spaces"]


def test_explorer_uses_the_shared_search():
    pytest.importorskip("ipywidgets")
    from footmap.explorer import widget

    assert widget.match_search is footmap.chart.query.match_search
    assert widget.search_options is footmap.chart.query.search_options


def _contrast(a: str, b: str) -> float:
    def lum(h):
        def lin(c):
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

        r, g, b_ = (int(h[i : i + 2], 16) / 255 for i in (1, 3, 5))
        return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b_)

    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_text_contrast_is_at_least_4_5(page):
    # labels drawn inside zones: their fill attribute (white) or the default dark text
    colors = footmap.style.SYSTEM_COLORS
    zones = footmap.load().zones
    tags = re.findall(r'<text class="lbl"[^>]*>', page)
    assert len(tags) > 40
    for tag in tags:
        zone = zones[int(re.search(r'data-z="(\d+)"', tag).group(1))]
        fill = re.search(r'fill="(#[0-9a-fA-F]{6})"', tag)
        fg = fill.group(1) if fill else "#1a1a1a"
        assert _contrast(fg, colors[zone.system]) >= 4.5, (zone.id, fg)
    # the page's own text colours on their backgrounds (map.css)
    for fg, bg in [
        ("#1a1a1a", "#ffffff"),
        ("#333333", "#ffffff"),
        ("#444444", "#ffffff"),
        ("#431407", "#fff7ed"),
        ("#6b3a1c", "#fff7ed"),
        ("#1a1a1a", "#f3f3f3"),
        ("#333333", "#f6ede4"),
        ("#1a1a1a", "#f6ede4"),
    ]:
        assert fg in page and bg in page
        assert _contrast(fg, bg) >= 4.5, (fg, bg)


def test_svg_export_keeps_real_text_with_title_and_desc(tmp_path):
    out = export(footmap.load(), tmp_path / "m.svg", highlight="kidneys")
    text = out.read_text(encoding="utf-8")
    # the highlighted zone is named in real text: the subtitle and its entry in the number key
    assert re.search(r"<text[^>]*>Highlighted: Kidney</text>", text)
    n = footmap.load().numbers["left.plantar.kidney"]  # the chart's number for the kidney
    assert re.search(rf"<text[^>]*>{n}  Kidney</text>", text)
    assert re.search(r"<text[^>]*>Caveat: Zone-organ links are claims of reflexology", text)
    assert "<image" not in text and 'id="DejaVuSans' not in text  # no glyph paths, no bitmaps
    head = text[:2000]
    assert '<title id="footmap-title">Reflexology foot map (schematic)</title>' in head
    assert '<desc id="footmap-desc">A reflexology foot map' in head
    assert 'role="img" aria-labelledby="footmap-title footmap-desc"' in head


def _template(page: str, zone_id: str) -> str:
    m = re.search(rf'<template id="info-{re.escape(zone_id)}">(.*?)</template>', page, re.S)
    assert m, zone_id
    return m.group(1)


def test_panel_keeps_charts_claims_disagreements_and_evidence_apart(page, hostile_page):
    lungs = _template(page, "left.plantar.lungs")
    heads = re.findall(r'<h4 class="(\w+)">([^<]*)</h4>', lungs)
    assert heads == [
        ("charts", "What charts claim"),
        ("articles", "What the articles say"),
        ("evidence", "What the evidence says"),
    ]
    charts, evidence = lungs.split('<h4 class="evidence">')
    assert "Reviews of clinical trials found no convincing evidence" in evidence
    assert "Reviews of clinical trials" not in charts
    assert "Charts assign the lungs and chest to the ball of the foot" in charts
    assert '<p class="safety"><strong>Safety:</strong>' in evidence
    # a documented disagreement gets its own section, between the claims and the evidence
    kidney = _template(hostile_page, "left.plantar.kidney")
    heads = [h for _, h in re.findall(r'<h4 class="(\w+)">([^<]*)</h4>', kidney)]
    assert heads == ["What charts claim", "Charts disagree here", "What the evidence says"]
    assert "<strong>&lt;script&gt;alert(1)&lt;/script&gt;:</strong>" in kidney
