"""footmap.render.fasttext: footmap's texts drawn through Pillow on the Agg canvas.

The fast path must put the same text in the same place as matplotlib (extents to a
fraction of a pixel, ink within a pixel), hand everything it cannot draw faithfully back to
matplotlib, leave vector output alone, and never leak into other artists.
"""

from __future__ import annotations

import io

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.backends.backend_agg import RendererAgg
from matplotlib.font_manager import FontProperties
from matplotlib.text import Annotation, Text

from footmap.render import fasttext
from footmap.render.plot import plot_map

CASES = [
    dict(s="Kidney", ha="center", va="center"),
    dict(s="Muscles, bones and joints", ha="left", va="top", fontsize=8),
    dict(s="Shoulder", rotation=90, ha="center", va="center", rotation_mode="anchor"),
    dict(s="Small\nintestine", ha="center", va="center", linespacing=1.0),
    dict(s="Sole (plantar) view, left foot", fontweight="bold", fontsize=11, ha="center"),
    dict(s="Soles are drawn as footprints", style="italic", fontsize=7.5, va="bottom"),
    dict(s="17", fontweight="bold", va="center_baseline", ha="center"),
    dict(s="Pelvis /\nlower back", fontsize=5.5, ha="right", color="#336699", alpha=0.6),
    dict(s="Hip / knee", fontsize=9, rotation=90, ha="left", va="bottom"),
    dict(s="   9  Stomach\n  10  Lumbar spine", ha="left", va="top", linespacing=1.3),
    dict(s="  Ears ", fontsize=6, rotation=90, ha="right", va="top"),
]


def _render(cases, fast: bool, dpi: float):
    """Each case in its own horizontal band; returns darkness image and window extents."""
    fig = plt.figure(figsize=(6, 1.6 * len(cases)), dpi=dpi)
    ax = fig.add_axes([0, 0, 1, 1])
    ax.set_xlim(0, 3)
    ax.set_ylim(0, len(cases))
    ax.axis("off")
    texts = []
    for i, case in enumerate(cases):
        kw = dict(case)
        s = kw.pop("s")
        # fractional positions on purpose: the fast path must place sub-pixel origins too
        t = ax.text(1.3 + 0.123 * (i % 3), i + 0.5 + 0.0137 * i, s, **kw)
        texts.append(fasttext.adopt(t) if fast else t)
    fig.canvas.draw()
    extents = [t.get_window_extent().extents for t in texts]
    img = 255 - np.asarray(fig.canvas.buffer_rgba())[..., :3].min(axis=2).astype(int)
    plt.close(fig)
    return img, np.array(extents)


def _ink(img: np.ndarray, band: int, n: int) -> tuple[int, int, int, int, float]:
    h = img.shape[0]
    r0, r1 = int(h - (band + 1) * h / n), int(h - band * h / n)
    part = img[r0:r1]
    ys, xs = np.nonzero(part > 55)
    return xs.min(), ys.min() + r0, xs.max(), ys.max() + r0, part.sum() / 255


@pytest.mark.parametrize("dpi", [72, 100, 137, 200])
def test_same_place_and_size_as_matplotlib(dpi):
    stock, stock_ext = _render(CASES, fast=False, dpi=dpi)
    fast, fast_ext = _render(CASES, fast=True, dpi=dpi)
    # Layout: the same extents (matplotlib measures with the same hinted advances).
    np.testing.assert_allclose(fast_ext, stock_ext, atol=0.6 * dpi / 100 + 0.2)
    for i, case in enumerate(CASES):
        a, b = _ink(stock, i, len(CASES)), _ink(fast, i, len(CASES))
        # Within a pixel; two for text under 7 pixels tall, where hinting decides more.
        tol = 1 if case.get("fontsize", 10) * dpi / 72 >= 7 else 2
        assert max(abs(p - q) for p, q in zip(a[:4], b[:4], strict=True)) <= tol, (case, a, b)
        assert b[4] == pytest.approx(a[4], rel=0.05), (case, a, b)


def test_fast_path_draws_through_pillow_and_leaves_agg_renderer_as_it_was(monkeypatch):
    calls = {"matplotlib": 0, "image": 0}
    real_text, real_image = RendererAgg.draw_text, RendererAgg.draw_image

    def count_text(self, *a, **k):
        calls["matplotlib"] += 1
        return real_text(self, *a, **k)

    monkeypatch.setattr(RendererAgg, "draw_text", count_text)
    fig = plt.figure(dpi=100)
    fasttext.adopt(fig.text(0.1, 0.5, "Kidney"))
    renderer = fig.canvas.get_renderer()
    orig = renderer.draw_image

    def count_image(*a, **k):
        calls["image"] += 1
        return orig(*a, **k)

    renderer.draw_image = count_image
    fig.draw(renderer)
    assert calls == {"matplotlib": 0, "image": 1}
    assert "draw_text" not in vars(renderer)
    assert "get_text_width_height_descent" not in vars(renderer)
    assert real_image is RendererAgg.draw_image


@pytest.mark.filterwarnings("ignore:Glyph .* missing from font")
@pytest.mark.parametrize(
    "kw",
    [
        dict(s="\u814e kidney"),  # a CJK character: not in DejaVu Sans, needs font fallback
        dict(s="\u0643\u0644\u064a\u0629"),  # Arabic: needs shaping
        dict(s="Cafe\u0301"),  # a combining accent
        dict(s=r"$x^2$"),  # mathtext
        dict(s="Kidney", rotation=30),  # an angle the fast path does not draw
        dict(s="Kidney", antialiased=False),
    ],
    ids=["cjk", "arabic", "combining", "math", "rotated-30", "aliased"],
)
def test_what_it_cannot_draw_goes_to_matplotlib(monkeypatch, kw):
    calls = []
    real = RendererAgg.draw_text
    monkeypatch.setattr(
        RendererAgg, "draw_text", lambda self, *a, **k: calls.append(a[3]) or real(self, *a, **k)
    )
    kw = dict(kw)
    fig = plt.figure(dpi=100)
    fasttext.adopt(fig.text(0.1, 0.5, kw.pop("s"), **kw))
    fig.canvas.draw()
    assert len(calls) == 1


def test_switched_off_by_environment_gives_matplotlibs_pixels(monkeypatch):
    monkeypatch.setenv("FOOTMAP_TEXT", "matplotlib")
    assert not fasttext.enabled()
    stock, _ = _render(CASES, fast=False, dpi=100)
    fast, _ = _render(CASES, fast=True, dpi=100)
    np.testing.assert_array_equal(fast, stock)
    monkeypatch.setenv("FOOTMAP_TEXT", "")
    assert fasttext.enabled()


@pytest.mark.parametrize("fmt", ["svg", "pdf"])
def test_vector_output_keeps_real_text(fmt):
    fig = plt.figure()
    fasttext.adopt(fig.text(0.1, 0.5, "Kidney zone", gid="t"))
    buf = io.BytesIO()
    with plt.rc_context({"svg.fonttype": "none", "pdf.fonttype": 42}):
        fig.savefig(buf, format=fmt)
    data = buf.getvalue()
    if fmt == "svg":
        assert b"Kidney zone" in data and b"<image" not in data
    else:
        assert b"/Subtype /Image" not in data and b"/Font" in data


def test_adopt_classes_and_idempotence():
    fig, ax = plt.subplots()
    t = ax.text(0, 0, "a")
    a = ax.annotate("b", (0, 0))
    assert isinstance(fasttext.adopt(t), fasttext.FastText) and isinstance(t, Text)
    assert isinstance(fasttext.adopt(a), fasttext.FastAnnotation) and isinstance(a, Annotation)
    assert fasttext.adopt(t) is t and type(t) is fasttext.FastText

    class Custom(Text):
        pass

    c = Custom(0, 0, "c")
    assert type(fasttext.adopt(c)) is Custom
    fasttext.adopt_all([None, ax.title])
    assert type(ax.title) is fasttext.FastText


def test_fast_font_properties_never_share_matplotlibs_metric_cache():
    fig = plt.figure()
    t = fasttext.adopt(fig.text(0, 0, "x", fontsize=9))
    plain = FontProperties(size=9)
    assert t.get_fontproperties() != plain
    assert hash(t.get_fontproperties()) != hash(plain)
    t.set_fontproperties(FontProperties(size=12))  # replaced properties stay apart too
    assert t.get_fontproperties() != FontProperties(size=12)
    assert t.get_fontsize() == 12


def test_cached_layout_follows_every_change():
    fig = plt.figure(dpi=100)
    t = fasttext.adopt(fig.text(0.1, 0.5, "Kidney", fontsize=8))
    r = fig.canvas.get_renderer()

    def size():
        e = t.get_window_extent(r)
        return round(e.width, 2), round(e.height, 2)

    def fresh(**kw):
        u = fig.text(0.1, 0.5, **kw)
        e = u.get_window_extent(r)
        u.remove()
        return round(e.width, 2), round(e.height, 2)

    first = size()
    assert size() == first
    t.set_text("Kidneys and ureters")
    longer = fresh(s="Kidneys and ureters", fontsize=8)
    assert size() != first and size() == pytest.approx(longer, abs=0.5)
    t.set_fontsize(14)
    assert size() == pytest.approx(fresh(s="Kidneys and ureters", fontsize=14), abs=0.5)
    t.set_rotation(90)
    w, h = size()
    assert h > w
    t.set_text("Kidneys\nand ureters")
    t.set_rotation(0)
    assert size() == pytest.approx(fresh(s="Kidneys\nand ureters", fontsize=14), abs=0.5)
    at_100 = size()[0]
    fig.set_dpi(200)
    assert t.get_window_extent(fig.canvas.get_renderer()).width == pytest.approx(
        2 * at_100, rel=0.05
    )


def test_plot_map_texts_are_all_fast(synth):
    m = plot_map(synth, highlight="kidneys")
    ax = m.ax
    texts = [*m.labels, ax.title, *m.legend.get_texts(), m.legend.get_title()]
    texts += list(m.key.get_children()) if m.key is not None else []
    assert texts and all(isinstance(t, (fasttext.FastText, fasttext.FastAnnotation)) for t in texts)
    others = [
        t for t in ax.texts if not isinstance(t, (fasttext.FastText, fasttext.FastAnnotation))
    ]
    assert others == []


def test_renderer_restored_when_drawing_fails(monkeypatch):
    fig = plt.figure()
    t = fasttext.adopt(fig.text(0.1, 0.5, "Kidney"))
    renderer = fig.canvas.get_renderer()
    monkeypatch.setattr(Text, "draw", lambda self, r: (_ for _ in ()).throw(RuntimeError("boom")))
    with pytest.raises(RuntimeError, match="boom"):
        t.draw(renderer)
    assert "draw_text" not in vars(renderer)
    assert "get_text_width_height_descent" not in vars(renderer)


def test_figures_with_fast_texts_still_pickle(synth):
    import pickle

    m = plot_map(synth)
    m.ax.figure.canvas.draw()  # every text now remembers its layout
    fig = pickle.loads(pickle.dumps(m.ax.figure))
    fig.canvas.draw()
    assert any(isinstance(t, fasttext.FastText) for t in fig.axes[0].texts)


def test_pixel_size_rounds_as_matplotlib_does():
    # matplotlib: FT_Set_Char_Size(int(pt * 64), int(dpi)) -> FT_MulDiv(.., dpi, 72) in 26.6
    assert fasttext.pixel_size(6.3, 200) == 17.484375  # 17.5 px naively: FreeType's 18 ppem
    assert fasttext.pixel_size(6.6, 300) == 27.46875  # 27.5 px naively
    assert fasttext.pixel_size(10, 72) == 10.0
    assert fasttext.pixel_size(7.5, 199.9) == fasttext.pixel_size(7.5, 199)


# (points, dpi): sizes whose pixel size is a whole number, a half pixel (where rounding
# decides between two ppem), just under and just over one, and a fractional dpi.
SIZES = [
    (6.3, 200),  # 17.5 px, the CLI's reference text size at its default dpi
    (6.6, 300),  # 27.5 px naively, 27.47 for matplotlib
    (9, 100),  # 12.5 px
    (7.5, 120),  # 12.5 px
    (5.4, 200),  # 15 px
    (8.5, 200),  # 23.6 px
    (7, 137.5),  # a fractional dpi: matplotlib takes int(dpi)
    (6, 110),  # 9.17 px
    (11, 72),
]
SAMPLES = [
    dict(s="Muscles, bones and joints [3, 14]", ha="left", va="top"),
    dict(s="Caveat: these are claims", fontweight="bold", ha="left", va="baseline"),
    dict(s="Kidney", rotation=90, ha="center", va="center", rotation_mode="anchor"),
    dict(s="17", fontweight="bold", va="center_baseline", ha="center"),
]


@pytest.mark.parametrize(("pt", "dpi"), SIZES, ids=[f"{p}pt-{d}dpi" for p, d in SIZES])
def test_same_extents_and_ink_at_every_size_and_half_pixel(pt, dpi):
    cases = [dict(case, fontsize=pt) for case in SAMPLES]
    stock, stock_ext = _render(cases, fast=False, dpi=dpi)
    fast, fast_ext = _render(cases, fast=True, dpi=dpi)
    np.testing.assert_allclose(fast_ext, stock_ext, atol=1.0)
    for i, case in enumerate(cases):
        a, b = _ink(stock, i, len(cases)), _ink(fast, i, len(cases))
        assert max(abs(p - q) for p, q in zip(a[:4], b[:4], strict=True)) <= 1, (case, a, b)
        assert b[4] == pytest.approx(a[4], rel=0.05), (case, a, b)


def _pdf_of_cases() -> bytes:
    fig = plt.figure(figsize=(4, 3))
    for i, case in enumerate(CASES):
        kw = {k: v for k, v in case.items() if k != "s"}
        fasttext.adopt(fig.text(0.1, 0.05 + 0.08 * i, case["s"], **kw))
    fig.text(0.6, 0.5, "plain matplotlib AV To")
    buf = io.BytesIO()
    fig.savefig(buf, format="pdf")
    plt.close(fig)
    return buf.getvalue()


def test_pdf_written_without_loading_glyphs_is_byte_identical(monkeypatch):
    """footmap's texts are laid out for the PDF writer without loading each glyph."""
    import contextlib

    import matplotlib.backends.backend_pdf as backend_pdf
    from matplotlib import _text_helpers

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")  # no creation date in the file
    seen = []
    real = fasttext._layout_unloaded

    def spy(s, font, **kw):
        seen.append(s)
        return real(s, font, **kw)

    monkeypatch.setattr(fasttext, "_layout_unloaded", spy)
    routed = _pdf_of_cases()
    # Used for footmap's texts only, and matplotlib's helpers are back afterwards.
    assert "Kidney" in seen and "Hip / knee" in seen
    assert "plain matplotlib AV To" not in seen
    assert backend_pdf._text_helpers is _text_helpers
    monkeypatch.setattr(fasttext, "_pdf_layout", lambda r: contextlib.nullcontext())
    assert routed == _pdf_of_cases()
    assert b"/Type3" in routed


def test_font_file_looked_up_once_per_face_not_per_size(monkeypatch):
    # matplotlib's findfont cache is per size: a page of 40 sizes scored every font 40 times
    calls = []

    def counting(prop):
        calls.append((prop.get_size_in_points(), prop.get_weight()))
        return "/fonts/face-" + str(prop.get_weight()) + ".ttf"

    monkeypatch.setattr(fasttext, "findfont", counting)
    monkeypatch.setattr(fasttext, "_FONT_PATHS", {})
    paths = [
        fasttext._font_path(FontProperties(family="DejaVu Sans", size=size, weight=weight))
        for weight in ("normal", "bold")
        for size in (6.0, 7.3, 12.0)
    ]
    assert paths == ["/fonts/face-normal.ttf"] * 3 + ["/fonts/face-bold.ttf"] * 3
    assert calls == [(6.0, "normal"), (6.0, "bold")]


def test_font_lookup_follows_a_change_of_the_generic_families(monkeypatch):
    monkeypatch.setattr(fasttext, "findfont", lambda prop: str(plt.rcParams["font.sans-serif"][0]))
    monkeypatch.setattr(fasttext, "_FONT_PATHS", {})
    prop = FontProperties(family="sans-serif", size=9)
    with plt.rc_context({"font.sans-serif": ["DejaVu Sans"]}):
        assert fasttext._font_path(prop) == "DejaVu Sans"
    with plt.rc_context({"font.sans-serif": ["Liberation Sans"]}):
        assert fasttext._font_path(prop) == "Liberation Sans"
