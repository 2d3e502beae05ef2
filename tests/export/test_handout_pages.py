"""Every page of the handout, measured: the default and the brief one, on A4 and letter.

Issue 22 item 7: a handout a teacher prints is at most 12 pages (the disagreements on one
page after the systems), every system page's sole is at least 40 mm tall (25 mm where the
page shows three views or more), the cover's at least 60 mm; no text overlaps another,
crosses a foot it does not label or is cut at the page's edge; every number in brackets
is listed, once, under "Sources" (at 6.5 pt or larger).

The pages are the figures the handout saves (caught on their way into the PDF), drawn again
and measured from their artists' window extents, as tests/export/test_layout.py measures
exports.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import pytest  # noqa: E402
import shapely  # noqa: E402
from _pdf import pdf_page_count  # noqa: E402
from matplotlib.text import Text  # noqa: E402

import footmap  # noqa: E402
from footmap.export import handout, handouts  # noqa: E402
from footmap.export.anatomy import ATTRIBUTION_GID  # noqa: E402
from footmap.export.pagetext import check_caveat  # noqa: E402

_spec = importlib.util.spec_from_file_location(
    "footmap_export_layout", Path(__file__).with_name("test_layout.py")
)
assert _spec is not None and _spec.loader is not None
_layout = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_layout)
overlaps, outside = _layout.overlaps, _layout.outside


TITLES = [
    "Reflexology foot map (schematic)",
    "Nervous system and senses (eyes, ears)",
    "Endocrine glands",
    "Respiratory, heart and circulation",
    "Digestive",
    "Urinary and reproductive",
    "Lymphatic and immune",
    "Muscles, bones and joints: sole and top",
    "Muscles, bones and joints: inner and outer sides",
    "Charts disagree",
    "What is really under the zones",
    "Sources",
]
BRIEF_TITLES = [
    "Reflexology foot map (schematic)",
    "Every zone: sole",
    "Every zone: top, inner side, outer side",
    "Charts disagree",
    "What is really under the zones",
    "Sources",
]
#: Pages that draw feet (1-based) -> the views they draw: soles, or (no sole) other views.
VIEWS = {
    1: {"plantar"},
    2: {"plantar", "dorsal", "medial"},
    3: {"plantar"},
    4: {"plantar", "dorsal"},
    5: {"plantar", "medial"},
    6: {"plantar", "dorsal", "medial", "lateral"},
    7: {"plantar", "dorsal", "medial", "lateral"},
    8: {"plantar", "dorsal"},
    9: {"medial", "lateral"},
    11: {"plantar"},
}
BRIEF_VIEWS = {1: {"plantar"}, 2: {"plantar"}, 3: {"dorsal", "medial", "lateral"}, 5: {"plantar"}}


def _pages(chart, tmp_path, monkeypatch, **options) -> tuple[list, Path]:
    """Write a handout; return the figures it saved as pages, and the file."""
    from matplotlib.backends import backend_pdf

    saved = []
    save = backend_pdf.PdfPages.savefig

    def spy(self, fig=None, **kw):  # noqa: ANN001, ANN202
        saved.append(fig)
        return save(self, fig, **kw)

    monkeypatch.setattr(backend_pdf.PdfPages, "savefig", spy)
    out = handout(chart, tmp_path / "h.pdf", **options)
    return saved, out


def measure(fig) -> dict:
    """Every foot drawn on a page (mm), its visible texts and boxes (px), the outlines (px)."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    mm = 25.4 / fig.dpi
    feet, outlines = [], []
    for o in fig.findobj(lambda a: (a.get_gid() or "").startswith("outline-")):
        view = o.get_gid().rsplit(".", 1)[1]
        feet.append((view, o.get_window_extent(renderer).height * mm))
        polys = o.get_path().to_polygons(o.get_transform())
        outlines.append(shapely.union_all([shapely.Polygon(p) for p in polys if len(p) > 2]))
    texts = [
        (t, t.get_window_extent(renderer))
        for t in fig.findobj(Text)
        if t.get_visible() and t.get_text().strip()
    ]
    return {"feet": feet, "outlines": outlines, "texts": texts, "fig": fig}


def crossing_feet(m) -> list[str]:
    """Texts, other than a zone's own label or number, whose box crosses a drawn foot."""
    bad = []
    for t, box in m["texts"]:
        if (t.get_gid() or "").startswith(("label-", "number-")):
            continue
        rect = shapely.box(box.x0 + 1, box.y0 + 1, box.x1 - 1, box.y1 - 1)
        if any(rect.intersects(o) for o in m["outlines"]):
            bad.append(t.get_text()[:30])
    return bad


def _title(fig) -> str:
    return next(t.get_text() for t in fig.texts if t.get_gid() == "footmap-title")


def _least(views: set[str]) -> float:
    """The least height (mm) of a sole on a page drawing ``views``."""
    return 25.0 if len(views) >= 3 else 40.0


def _check(chart, pages, views, least_on=None) -> dict[int, list[str]]:
    """Each page's problems (none: an empty dict); ``least_on``: page -> its soles' least mm."""
    problems: dict[int, list[str]] = {}
    for k, fig in enumerate(pages, start=1):
        m = measure(fig)
        found = [f"overlap {p}" for p in overlaps(m["texts"])]
        found += [f"crosses a foot: {t}" for t in crossing_feet(m)]
        found += [f"cut at the edge: {t}" for t in outside(m)]
        drawn = {v for v, _ in m["feet"]}
        if drawn != views.get(k, set()):
            found.append(f"views {sorted(drawn)}")
        least = 60.0 if k == 1 else _least(drawn)  # the cover's soles, then every page's
        least = (least_on or {}).get(k, least)
        soles = [h for v, h in m["feet"] if v == "plantar"]
        low = [float(round(h, 1)) for h in soles if h < least]
        if low:
            found.append(f"soles {low} mm, fewer than {least}")
        if drawn and not soles:  # no sole: its other views are a third as tall as long
            low = [float(round(h, 1)) for _, h in m["feet"] if h < 20.0]
            if low:
                found.append(f"feet {low} mm, fewer than 20")
        check_caveat(fig, chart)
        if found:
            problems[k] = found
    return problems


def _citations(pages) -> tuple[set[int], set[int]]:
    """Numbers cited on the pages before "Sources", and the numbers listed there or beside."""
    cited: set[int] = set()
    listed: set[int] = set()
    for fig in pages:
        for t in fig.texts:
            text = " ".join(t.get_text().split())
            for group in re.findall(r"\[([\d, \u2013]+)\]", text):
                for part in group.split(","):
                    a, _, b = part.strip().partition("\u2013")
                    cited.update(range(int(a), int(b or a) + 1))
            if t.get_fontsize() < 8 and (m := re.match(r"\[(\d+)\] \S", text)):
                listed.add(int(m.group(1)))
    return cited, listed


@pytest.mark.slow
@pytest.mark.parametrize("size", ["a4", "letter"])
def test_every_page_of_the_default_handout(chart, tmp_path, monkeypatch, size):
    pages, out = _pages(chart, tmp_path, monkeypatch, size=size)
    assert pdf_page_count(out) == 12
    assert [_title(p) for p in pages] == TITLES
    assert _check(chart, pages, VIEWS) == {}
    # each system page draws the body beside the feet, with the artwork's attribution
    for fig in pages[1:9]:
        assert fig.footmap_body.outlines, _title(fig)
        assert any(t.get_gid() == ATTRIBUTION_GID for t in fig.texts), _title(fig)
    # the caveat once a page: the footer's box; "What the evidence says" points to it
    brief = chart.caveats_of("evidence")[0].brief[:60]
    for fig in pages[1:9]:
        said = [t for t in fig.texts if brief in t.get_text().replace("\n", " ")]
        assert len(said) == 1, _title(fig)
        assert any(
            t.get_text().replace("\n", " ").startswith("\u2013 The caveat box at the foot of")
            for t in fig.texts
        ), _title(fig)
    # every number in brackets is listed: on "Sources", or (the foot's anatomy) on its page
    cited, listed = _citations(pages)
    assert cited == listed == set(range(1, 88))
    sources = pages[-1]
    refs = [t for t in sources.texts if re.match(r"\[\d+\] ", t.get_text())]
    assert len(refs) == 73 and min(t.get_fontsize() for t in refs) >= 6.5
    note = "Numbers in brackets cite the sources listed under \u201cSources\u201d from page 12 on"
    assert all(any(note in t.get_text() for t in p.texts) for p in pages[:-1])


@pytest.mark.slow
@pytest.mark.parametrize("size", ["a4", "letter"])
def test_every_page_of_the_brief_handout(chart, tmp_path, monkeypatch, size):
    pages, out = _pages(chart, tmp_path, monkeypatch, size=size, brief=True)
    assert pdf_page_count(out) == 6
    assert [_title(p) for p in pages] == BRIEF_TITLES
    assert _check(chart, pages, BRIEF_VIEWS) == {}
    cited, listed = _citations(pages)
    assert cited <= listed


#: Portrait pages whose soles may be smaller than the rule's: the cover draws them under its
#: text's second column, the legend under them (64 mm on A4; on letter, a shorter page, 50),
#: and "Muscles, bones and joints: sole and top" keeps its claims on its one page by giving
#: the map 55 % of the height (34 mm on A4, 37 on letter, not 40).
PORTRAIT_LEAST = {"a4": {1: 60.0, 8: 34.0}, "letter": {1: 50.0, 8: 36.0}}


@pytest.mark.slow
@pytest.mark.parametrize("size", ["a4", "letter"])
def test_every_page_of_the_default_handout_in_portrait(chart, tmp_path, monkeypatch, size):
    pages, out = _pages(chart, tmp_path, monkeypatch, size=size, orientation="portrait")
    assert pdf_page_count(out) == 12
    assert [_title(p) for p in pages] == TITLES
    assert _check(chart, pages, VIEWS, PORTRAIT_LEAST[size]) == {}
    # one view: the endocrine glands' soles fill the page's width
    assert min(h for _, h in measure(pages[2])["feet"]) >= 90.0
    # what is really under the zones: the anatomy soles drawn alike, larger than the zones'
    under = [h for _, h in measure(pages[10])["feet"]]
    assert under[0] >= 58.0 and min(under[1:]) >= 84.0 and abs(under[1] - under[2]) < 8.0
    cited, listed = _citations(pages)
    assert cited == listed == set(range(1, 88))


@pytest.mark.slow
@pytest.mark.parametrize("size", ["a4", "letter"])
def test_every_page_of_the_brief_handout_in_portrait(chart, tmp_path, monkeypatch, size):
    pages, out = _pages(chart, tmp_path, monkeypatch, size=size, orientation="portrait", brief=True)
    assert pdf_page_count(out) == 6
    assert [_title(p) for p in pages] == BRIEF_TITLES
    assert _check(chart, pages, BRIEF_VIEWS, {1: PORTRAIT_LEAST[size][1]}) == {}


def test_the_system_pages_pair_small_systems_and_split_the_largest(chart):
    pages = handouts.system_pages(chart)
    assert [(title, spec, views) for title, spec, views in pages] == [
        ("Nervous system and senses (eyes, ears)", ["nervous", "sensory"], None),
        ("Endocrine glands", "endocrine", None),
        ("Respiratory, heart and circulation", ["respiratory", "cardiovascular"], None),
        ("Digestive", "digestive", None),
        ("Urinary and reproductive", ["urinary", "reproductive"], None),
        ("Lymphatic and immune", "lymphatic", None),
        ("Muscles, bones and joints: sole and top", "musculoskeletal", ("plantar", "dorsal")),
        (
            "Muscles, bones and joints: inner and outer sides",
            "musculoskeletal",
            ("medial", "lateral"),
        ),
    ]


def test_one_numbering_for_the_whole_handout(chart):
    kidney = chart.zone("left.plantar.kidney")
    numbers, sources = handouts.handout_sources(chart, [[kidney], [kidney]])
    caveats = chart.cited_sources(())
    # the caveats' sources first (the cover cites them), then the kidney's, each once
    assert [s.id for s in sources[: len(caveats)]] == [s.id for s in caveats]
    assert [numbers[s.id] for s in sources] == list(range(1, len(sources) + 1))
    assert {s.id for s in chart.cited_sources([kidney])} <= set(numbers)
    assert len({s.id for s in sources}) == len(sources)
    anatomy = footmap.load_anatomy()
    numbers, sources = handouts.handout_sources(chart, [[kidney]], anatomy)
    real = [s.id for s in sources if s.id.startswith("anatomy:")]
    assert len(real) == 14 and sources[-1].id == real[-1]  # numbered last, apart
