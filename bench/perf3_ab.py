"""Before/after of perf3's drawing changes, interleaved in one process with geopandas.

The "before" arm switches the changes off in place: savefig's own layout pre-draw (no
``_layout_once``), the base figure canvas, and matplotlib's glyph-loading PDF layout.
Usage: ``.venv/bin/python bench/perf3_ab.py [--repeat 7]``.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import benchmark as bm  # noqa: E402
from matplotlib.backend_bases import FigureCanvasBase  # noqa: E402

import footmap  # noqa: E402
from footmap import export as ex  # noqa: E402
from footmap import fasttext  # noqa: E402

NEW = (ex._layout_once, fasttext._pdf_layout, ex._new_figure)


def _old_new_figure(size, orientation, *, pyplot=False):
    fig = NEW[2](size, orientation, pyplot=pyplot)
    if not pyplot:
        FigureCanvasBase(fig)
    return fig


def arm(new: bool) -> None:
    if new:
        ex._layout_once, fasttext._pdf_layout, ex._new_figure = NEW
    else:
        ex._layout_once = lambda fig, dpi: contextlib.nullcontext()
        fasttext._pdf_layout = lambda r: contextlib.nullcontext()
        ex._new_figure = _old_new_figure


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--repeat", type=int, default=7)
    args = p.parse_args()
    chart = footmap.load()
    feet, views = chart.feet, chart.views
    gdf = bm.placed_polygons(chart, feet, views)
    figsize = ex.page_size("a4", "landscape")
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        for fmt in ("png", "svg", "pdf"):

            def page(new, fmt=fmt):
                arm(new)
                ex.export(chart, tmp / f"p.{fmt}", feet=feet, views=views, dpi=bm.DPI)

            def geo(fmt=fmt):
                fig = bm.geopandas_plot(gdf, figsize, bm.DPI, draw=False)
                fig.savefig(tmp / f"g.{fmt}", format=fmt, dpi=bm.DPI)

            cases = {"before": lambda: page(False), "after": lambda: page(True), "geopandas": geo}
            t_ = bm.interleaved(cases, args.repeat)
            g = t_["geopandas"].median
            print(
                f"{fmt}: before {bm.fmt(t_['before'])} = {t_['before'].median / g:.2f}x, "
                f"after {bm.fmt(t_['after'])} = {t_['after'].median / g:.2f}x, "
                f"geopandas {bm.fmt(t_['geopandas'])}",
                flush=True,
            )
    arm(True)


if __name__ == "__main__":
    main()
