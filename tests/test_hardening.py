"""The user's environment, threads and the quiet failures: a user's matplotlibrc, exports from
threads, long addresses and names, a closed stdout, invisible texts, bad arguments, the umask,
read-only and symlinked targets, signals and fonts.

The browser checks of the HTML map's labels and scripts are in test_hardening_browser.py.
"""

from __future__ import annotations

import functools
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import matplotlib
import numpy as np
import pytest
import synthetic
from PIL import Image

import footmap
from footmap.errors import FootmapError
from footmap.export import export

ROOT = Path(__file__).resolve().parent.parent


def _run(*args: str, env: dict[str, str] | None = None, **kw) -> subprocess.CompletedProcess:
    full = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "footmap", *args],
        capture_output=True,
        text=True,
        env=full,
        timeout=300,
        **kw,
    )


# ---- the user's matplotlibrc does not change the exports --------------------------
HOSTILE_RC = {
    "savefig.bbox": "tight",
    "figure.facecolor": "black",
    "savefig.facecolor": "black",
    "text.color": "yellow",
    "font.size": 30,
    "text.usetex": True,
    "figure.autolayout": True,
}


def test_a_users_rc_does_not_change_a_png(synth, tmp_path):
    plain = export(synth, tmp_path / "plain.png", dpi=50)
    with matplotlib.rc_context(HOSTILE_RC):
        odd = export(synth, tmp_path / "odd.png", dpi=50)
    a, b = Image.open(plain), Image.open(odd)
    assert b.size == (584, 413)  # A4 landscape at 50 dpi
    assert a.size == b.size
    assert np.array_equal(np.asarray(a), np.asarray(b))
    assert b.getpixel((1, 1)) == (255, 255, 255)


def test_a_users_rc_does_not_change_a_pdf_or_svg(synth, tmp_path):
    with matplotlib.rc_context(HOSTILE_RC):
        export(synth, tmp_path / "odd.pdf")
        svg = export(synth, tmp_path / "odd.svg").read_text("utf-8")
    pdf = (tmp_path / "odd.pdf").read_bytes()
    assert b"/MediaBox [ 0 0 841.68 595.44 ]" in pdf
    assert 'width="841.68pt" height="595.44pt"' in svg
    assert "<text" in svg


def test_a_missing_backend_is_not_a_traceback(tmp_path):
    out = tmp_path / "x.png"
    res = _run("export", str(out), "--dpi", "30", env={"MPLBACKEND": "nosuchbackend"})
    assert "Traceback" not in res.stderr
    assert res.returncode == 0, res.stderr
    assert out.stat().st_size > 1000


# ---- exports from threads are the files written one after another -----------------
def test_svg_exports_from_threads_keep_their_text(synth, tmp_path, monkeypatch):
    from matplotlib.backends import backend_svg

    original = backend_svg.FigureCanvasSVG.print_svg
    second_in = threading.Event()
    calls = []
    lock = threading.Lock()

    @functools.wraps(original)  # matplotlib reads its signature
    def slow_print(self, *a, **k):
        with lock:
            calls.append(1)
            n = len(calls)
        if n == 1:  # the first waits (a while) for a second export to reach its save
            second_in.wait(2.0)
        elif n == 2:  # the second saves after the first has finished
            second_in.set()
            time.sleep(1.5)
        return original(self, *a, **k)

    monkeypatch.setattr(backend_svg.FigureCanvasSVG, "print_svg", slow_print)
    paths = [tmp_path / f"t{k}.svg" for k in range(2)]
    threads = [threading.Thread(target=export, args=(synth, p)) for p in paths]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    texts = [p.read_text("utf-8").count("<text") for p in paths]
    assert texts[0] > 10
    assert texts == [texts[0]] * 2


# ---- a long address in a caveat is wrapped, not a false "no caveat" refusal --------
def _chart_with(mutate) -> footmap.Chart:  # noqa: ANN001 - a function of the chart's dict
    doc = synthetic.synthetic_chart(6)
    mutate(doc)
    return footmap.loads(json.dumps(doc))


LONG_URL = "https://example.org/reviews/" + "reflexology-" * 10 + "2026.html"  # 158 chars


def _long_caveat(doc) -> None:  # noqa: ANN001
    doc["footmap"]["caveats"][0]["text"] = f"No effect was found, see {LONG_URL} for the review."


@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
def test_a_long_address_in_the_caveat_is_wrapped(tmp_path, orientation):
    chart = _chart_with(_long_caveat)
    out = export(chart, tmp_path / "c.png", dpi=40, orientation=orientation)
    assert out.stat().st_size > 1000


def test_a_long_address_in_the_caveat_of_a_handout(tmp_path):
    from footmap.export import handout

    chart = _chart_with(_long_caveat)
    out = handout(chart, tmp_path / "h.pdf", by=[["area 1"]])
    assert out.read_bytes()[:5] == b"%PDF-"


def test_a_figure_without_the_caveat_is_still_refused(tmp_path):
    from footmap.export.pagetext import CAVEAT_GID, check_caveat

    chart = _chart_with(_long_caveat)
    fig = footmap.export.figure(chart)
    for t in fig.texts:
        if t.get_gid() == CAVEAT_GID:
            t.set_text(t.get_text().replace("reflexology-reflexology-", "reflexology-"))
    with pytest.raises(FootmapError, match="^refusing to export a figure without the evidence"):
        check_caveat(fig, chart)


# ---- a closed stdout is not a traceback --------------------------------------------
def test_export_with_stdout_closed_is_quiet(tmp_path):
    out = tmp_path / "x.png"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    res = subprocess.run(
        ["bash", "-c", f'"{sys.executable}" -m footmap export "{out}" --dpi 30 >&-'],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert res.stderr == ""
    assert res.returncode == 0
    assert out.stat().st_size > 1000


# ---- texts must hold a visible character -------------------------------------------
def _problems(doc) -> list[str]:  # noqa: ANN001
    with pytest.raises(footmap.ChartError) as info:
        footmap.loads(json.dumps(doc))
    return [str(p) for p in info.value.problems]


@pytest.mark.parametrize("short", ["\u0000", "\u200b", " \u00a0\u2060"])
def test_an_invisible_caveat_short_text_is_refused(short):
    doc = synthetic.synthetic_chart(2)
    doc["footmap"]["caveats"][0]["short"] = short
    assert _problems(doc) == [
        "<string>: caveat 'evidence': its short text has no visible character"
    ]


def test_an_invisible_label_or_body_area_is_refused():
    doc = synthetic.synthetic_chart(2)
    doc["features"][1]["properties"]["label"] = "   "
    doc["features"][2]["properties"]["body_area"] = "\u200b\u200c"
    assert _problems(doc) == [
        "<string>: left.plantar.z000000: label has no visible character",
        "<string>: left.plantar.z000001: body_area has no visible character",
    ]


# ---- the Python API names the argument it refuses ----------------------------------
@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"views": []}, "^views is empty: name a view, or 'all'$"),
        ({"size": None}, "^unknown size None: use one of a4, letter, screen$"),
        (
            {"highlight": 5},
            "^a highlight is a zone id, body area, body system or label, or a list of them, "
            "not int$",
        ),
    ],
)
def test_bad_arguments_are_footmap_errors_naming_them(synth, tmp_path, options, message):
    with pytest.raises(FootmapError, match=message):
        export(synth, tmp_path / "x.png", **options)


def test_a_numpy_integer_dpi_is_accepted(synth, tmp_path):
    out = export(synth, tmp_path / "x.png", dpi=np.int64(40))
    assert Image.open(out).size == (467, 330)


@pytest.mark.parametrize("figsize", [(0, 0), (-3, 4), (float("nan"), 4), (5,), "big"])
def test_explore_refuses_a_bad_figsize_by_name(synth, figsize):
    from footmap.explorer import explore

    with pytest.raises(FootmapError, match=r"^figsize must be \(width, height\) in inches"):
        explore(synth, figsize=figsize)


# ---- the CLI's find takes the queries the explorer and the HTML map take -----------
def test_find_takes_a_system_query(capsys):
    from footmap.cli import main

    assert main(["find", "system: urinary"]) == 0
    out = capsys.readouterr().out
    assert "Kidney" in out
    assert "Bladder" in out


def test_find_takes_every_search_option(chart, capsys):
    from footmap.chart.query import search_options
    from footmap.cli import main

    refused = []
    for text in search_options(chart):
        if main(["find", text]) != 0:
            refused.append(text)
    capsys.readouterr()
    assert refused == []


# ---- the refusal of a long title does not contradict itself -------------------------
@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
def test_a_long_title_without_spaces_is_refused_consistently(chart, tmp_path, orientation):
    with pytest.raises(FootmapError) as info:
        export(chart, tmp_path / "t.png", title="W" * 2000, orientation=orientation, dpi=30)
    assert str(info.value) == (
        "the title is 2,000 characters, more than a page header holds "
        "(about 1,200 of these characters)"
    )


# ---- an empty title in the HTML map is the chart's title ----------------------------
@pytest.mark.parametrize("title", ["", "   "])
def test_an_empty_title_gives_the_charts_title_in_the_html_map(tmp_path, title, capsys):
    from footmap.cli import main

    out = tmp_path / "m.html"
    assert main(["export", str(out), "--title", title]) == 0
    page = out.read_text("utf-8")
    assert "<title>Reflexology foot map (schematic)</title>" in page
    assert "<h1>Reflexology foot map (schematic)</h1>" in page


# ---- the umask is honoured -----------------------------------------------------------
@pytest.mark.parametrize(("umask", "mode"), [(0o077, 0o600), (0o022, 0o644), (0o027, 0o640)])
def test_a_new_file_follows_the_umask(tmp_path, umask, mode):
    from footmap.atomic import atomic_write

    old = os.umask(umask)
    try:
        with atomic_write(tmp_path / "n.txt", "w") as f:
            f.write("x")
    finally:
        os.umask(old)
    assert (tmp_path / "n.txt").stat().st_mode & 0o777 == mode


# ---- a chart with only a lateral view exports without --view -------------------------
@pytest.mark.parametrize("name", ["m.html", "m.png"])
def test_a_chart_without_a_plantar_view_exports_by_default(tmp_path, name, capsys):
    from footmap.cli import main

    text = json.dumps(synthetic.synthetic_chart(4)).replace("plantar", "lateral")
    src = tmp_path / "lateral.geojson"
    src.write_text(text, "utf-8")
    out = tmp_path / name
    assert main(["export", str(out), "--chart", str(src), "--dpi", "30"]) == 0, capsys.readouterr()
    assert out.stat().st_size > 1000


# ---- long output names -------------------------------------------------------------
@pytest.mark.parametrize("length", [234, 250, 255])
def test_an_output_name_of_up_to_255_bytes_is_written(synth, tmp_path, length):
    name = "a" * (length - 4) + ".svg"
    out = export(synth, tmp_path / name)
    assert out.name == name
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


# ---- read-only and symlinked targets --------------------------------------------------
def test_a_read_only_target_is_refused_and_kept(synth, tmp_path):
    from footmap.errors import OutputError

    out = tmp_path / "ro.png"
    out.write_bytes(b"old")
    out.chmod(0o444)
    with pytest.raises(OutputError, match=r"^cannot write .*ro\.png: it is read-only"):
        export(synth, out, dpi=30)
    assert out.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ro.png"]


def test_a_symlinked_target_is_written_through_the_link(synth, tmp_path):
    real = tmp_path / "real" / "map.png"
    real.parent.mkdir()
    real.write_bytes(b"old")
    link = tmp_path / "link.png"
    link.symlink_to(real)
    export(synth, link, dpi=30)
    assert link.is_symlink()
    assert os.readlink(link) == str(real)
    assert real.read_bytes()[:4] == b"\x89PNG"
    assert sorted(p.name for p in real.parent.iterdir()) == ["map.png"]


def test_the_export_help_says_what_happens(capsys):
    from footmap.cli import main

    assert main(["export", "--help"]) == 0
    text = " ".join(capsys.readouterr().out.split())
    assert "A read-only OUT is refused, not replaced" in text
    assert "if OUT is a symbolic link, the link is kept and the file it points to is" in text


# ---- SIGTERM during a handout leaves no temporary file -------------------------------
def test_sigterm_while_writing_a_handout_leaves_no_temporary(tmp_path):
    import signal

    out = tmp_path / "h.pdf"
    proc = subprocess.Popen(
        [sys.executable, "-m", "footmap", "handout", str(out)],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if any(p.name.endswith(".footmap.tmp") for p in tmp_path.iterdir()):
            proc.send_signal(signal.SIGTERM)
            break
        time.sleep(0.005)
    else:
        pytest.fail("the handout never opened its temporary file")
    _, err = proc.communicate(timeout=60)
    assert sorted(p.name for p in tmp_path.iterdir()) == []
    assert proc.returncode == 143
    assert err == "footmap: terminated\n"


def test_main_gives_the_sigterm_handler_back(synth, tmp_path, capsys):
    import signal

    from footmap.cli import main

    before = signal.getsignal(signal.SIGTERM)
    assert main(["export", str(tmp_path / "x.png"), "--dpi", "30"]) == 0
    assert signal.getsignal(signal.SIGTERM) is before


# ---- characters no font has: a fallback font where installed, else one warning -------
def test_missing_glyphs_give_one_warning_naming_them(synth, tmp_path):
    import warnings

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        export(synth, tmp_path / "t.png", dpi=30, title="Map \u4e2d\U0001f9b6 \U0001d400")
    messages = [str(w.message) for w in caught]
    assert messages == [
        "footmap: no installed font has these characters, drawn as boxes: "
        "'\u4e2d' (U+4E2D), '\U0001f9b6' (U+1F9B6); install a font that has them "
        "(such as Noto Sans CJK or Noto Emoji) to draw them"
    ]


def test_a_mathematical_letter_is_drawn_with_an_installed_fallback_font(synth, tmp_path):
    import warnings

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        export(synth, tmp_path / "t.svg", title="Map \U0001d400")
    assert [str(w.message) for w in caught] == []


# ---- the HTML export's cost grows with the zones as the PNG's does -------------------
def test_search_options_are_one_pass_over_the_zones():
    from footmap.chart.query import search_options

    doc = synthetic.synthetic_chart(20_000)
    for i, f in enumerate(doc["features"][1:]):
        f["properties"]["body_area"] = f"area {i}"  # 20,000 body areas, one label
        f["properties"]["label"] = "Zone"
    chart = footmap.loads(json.dumps(doc))
    options = search_options(chart)  # its time: bench/hostile_bench.py html_export_20k
    assert len(options) == 20_000 + 1 + 10
    assert len(options["Zone"]) == 20_000
    assert [z.id for z in options["area 7"]] == ["left.plantar.z000007"]


# ---- item 13: a handout's memory does not grow with its pages --------------------------------
def test_item13_handout_pages_wait_without_their_pixel_buffers(synth, tmp_path, monkeypatch):
    import gc

    from matplotlib.backends import backend_agg, backend_pdf

    held = []
    original = backend_pdf.PdfPages.savefig

    def renderers() -> set[int]:
        gc.collect()
        return {id(o) for o in gc.get_objects() if isinstance(o, backend_agg.RendererAgg)}

    before = renderers()  # what other tests in this process left alive is not the handout's

    def counting(self, figure=None, **kw):  # noqa: ANN001
        if not held:  # at the first save every page is composed: count the live renderers
            held.append(len(renderers() - before))
        return original(self, figure, **kw)

    monkeypatch.setattr(backend_pdf.PdfPages, "savefig", counting)
    from footmap.export import handout

    handout(synth, tmp_path / "h.pdf")
    assert held == [0]


# ---- item 3: many small zones with long labels on all views still draw the map ----------------
def _all_views_chart(n: int) -> footmap.Chart:
    """``n`` zones, a grid on every foot and view, each labelled with 40 characters."""
    base = json.dumps(synthetic.synthetic_chart(n // 8))
    doc = json.loads(base)
    doc["features"] = []
    for foot in ("left", "right"):
        for view in ("plantar", "dorsal", "medial", "lateral"):
            text = base.replace('"left"', f'"{foot}"').replace('"plantar"', f'"{view}"')
            doc["features"] += json.loads(text.replace("left.plantar", f"{foot}.{view}"))[
                "features"
            ]
    for i, f in enumerate(doc["features"]):
        if f["properties"]["role"] == "zone":
            f["properties"]["label"] = (f"Zone {i} " + "W" * 40)[:40]
    return footmap.loads(json.dumps(doc))


@pytest.mark.parametrize(
    ("n", "title"),
    [
        (200, "(28 zones too small to label here)\n(numbers 44 to 172: no room to list them here)"),
        (
            1000,
            "(650 zones too small to label here)\n(numbers 51 to 350: no room to list them here)",
        ),
    ],
)
def test_item3_a_key_of_many_long_labels_leaves_the_map_its_room(n, title):
    from footmap.export import figure

    fig = figure(_all_views_chart(n), views=None)
    fig.canvas.draw()
    artists = fig.footmap_artists
    x0, x1 = artists.ax.get_xlim()
    y0, y1 = artists.ax.get_ylim()
    assert x1 - x0 < 600  # millimetres: the feet fill the map (about 1,000,000 before)
    assert y1 - y0 < 400
    assert artists.key.get_title().get_text() == "Key to numbers\n" + title
