"""Rendering benchmark: footmap against geopandas' ``GeoDataFrame.plot`` (run by hand).

Usage::

    python bench/benchmark.py            # bundled chart + a synthetic 10,000-zone chart
    python bench/benchmark.py --zones 2500 --repeat 5

It times, for the bundled chart and for a synthetic chart (a grid of small square zones in
one panel plus an outline, loaded with ``footmap.loads``):

* ``footmap.load`` of the synthetic chart file (target: under 1 s for 10,000 zones), as an
  axis-aligned grid and turned by 10 degrees (then every touching pair of zones gets the
  exact overlap test, as the curved zones of a real chart do);
* bare zones: footmap's ``plot_map`` without labels, legend or title, against geopandas'
  bare ``GeoDataFrame.plot`` of the same polygons;
* footmap's full render (labels, callouts, key, legend, title) against geopandas' bare plot;
* the same full render with footmap's fast text switched off (``FOOTMAP_TEXT=matplotlib``:
  every label measured and drawn by matplotlib itself), to show what that path buys.

Each is timed twice: building the artists, and building plus one Agg draw (what a user
waits for). The best of ``--repeat`` runs is reported. geopandas is only a bench extra
(``pip install footmap[bench]``). Then ``bench/explorer_bench.py`` runs (the widget's click
and redraw times), or a notice says it is missing.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402

import footmap  # noqa: E402
from footmap.render import plot_map  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from synthetic import synthetic_chart  # noqa: E402  (the test suite's builder)


def synthetic_geojson(n: int, angle: float = 0.0) -> str:
    """A valid chart: ``n`` touching square zones in a grid on the left plantar panel.

    ``angle`` turns the grid, so that no neighbour is cleared by the loader's bounding-box
    test and every touching pair gets the exact overlap test (as on a real chart).
    """
    return json.dumps(synthetic_chart(n, angle))


def best_of(repeat: int, fn: Callable[[], object]) -> float:
    """Best wall time of ``repeat`` runs of ``fn`` (figures closed between runs)."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
        plt.close("all")
    return min(times)


def footmap_plot(
    chart: footmap.Chart, *, full: bool, draw: bool, matplotlib_text: bool = False
) -> None:
    fig = plt.figure(figsize=(9, 7), layout="constrained")
    ax = fig.add_subplot()
    with text_engine(matplotlib_text):
        plot_map(chart, ax=ax, feet="left", labels=full, legend=full, title=full)
        if draw:
            fig.canvas.draw()


@contextlib.contextmanager
def text_engine(matplotlib_text: bool) -> Iterator[None]:
    """Switch footmap's fast text off (``FOOTMAP_TEXT=matplotlib``) inside the block."""
    old = os.environ.get("FOOTMAP_TEXT")
    if matplotlib_text:
        os.environ["FOOTMAP_TEXT"] = "matplotlib"
    try:
        yield
    finally:
        if old is None:
            os.environ.pop("FOOTMAP_TEXT", None)
        else:
            os.environ["FOOTMAP_TEXT"] = old


def geopandas_plot(gdf: object, *, draw: bool) -> None:
    fig = plt.figure(figsize=(9, 7), layout="constrained")
    ax = fig.add_subplot()
    gdf.plot(ax=ax)  # type: ignore[attr-defined]
    if draw:
        fig.canvas.draw()


def compare(name: str, chart: footmap.Chart, repeat: int) -> None:
    """Print footmap vs geopandas timings for the left plantar zones of ``chart``."""
    import geopandas

    zones = chart.zones_on("left", "plantar")
    gdf = geopandas.GeoDataFrame(
        {"system": [z.system for z in zones]}, geometry=[z.geometry for z in zones]
    )
    print(f"\n{name}: {len(zones)} zones on the left plantar panel")
    print(f"  {'':34s}{'build':>10s}{'build+draw':>12s}")
    rows = {}
    for label, fn in (
        ("geopandas bare GeoDataFrame.plot", lambda d: geopandas_plot(gdf, draw=d)),
        ("footmap bare zones", lambda d: footmap_plot(chart, full=False, draw=d)),
        ("footmap full render (labels...)", lambda d: footmap_plot(chart, full=True, draw=d)),
        (
            "  same, matplotlib's own text",
            lambda d: footmap_plot(chart, full=True, draw=d, matplotlib_text=True),
        ),
    ):
        rows[label] = (
            best_of(repeat, lambda f=fn: f(False)),
            best_of(repeat, lambda f=fn: f(True)),
        )
        b, bd = rows[label]
        print(f"  {label:34s}{b:9.3f}s{bd:11.3f}s")
    gp = rows["geopandas bare GeoDataFrame.plot"]
    for label in (
        "footmap bare zones",
        "footmap full render (labels...)",
        "  same, matplotlib's own text",
    ):
        fm = rows[label]
        print(
            f"  ratio {label.strip().split(' (')[0]} / geopandas bare: "
            f"build {fm[0] / gp[0]:.2f}, build+draw {fm[1] / gp[1]:.2f}"
        )


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the results."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--zones", type=int, default=10_000, help="synthetic chart size")
    parser.add_argument("--repeat", type=int, default=3, help="runs per timing (best kept)")
    args = parser.parse_args(argv)
    try:
        import geopandas  # noqa: F401
    except ImportError:
        print("geopandas is needed for the comparison: pip install footmap[bench]")
        return 1

    bundled = footmap.load()  # also imports the validator once, outside the timings
    with tempfile.TemporaryDirectory() as tmp:
        for angle, how in ((0.0, "grid"), (10.0, "grid turned 10 degrees")):
            text = synthetic_geojson(args.zones, angle)
            path = Path(tmp) / f"synthetic-{angle:g}.geojson"
            path.write_text(text, "utf-8")
            t_load = best_of(args.repeat, lambda p=path: footmap.load(p))
            verdict = "ok" if t_load < 1.0 else "SLOWER than the 1 s target"
            print(
                f"footmap.load of a {args.zones}-zone chart, {how} "
                f"({len(text) / 1e6:.1f} MB): {t_load:.3f}s ({verdict})"
            )
            if not angle:
                synth = footmap.load(path)
    compare("bundled chart", bundled, args.repeat)
    t_both = best_of(args.repeat, lambda: plot_map(bundled).ax.figure.canvas.draw())
    t_all = best_of(args.repeat, lambda: plot_map(bundled, views="all").ax.figure.canvas.draw())
    print(f"  footmap full render, both feet: {t_both:.3f}s; all views: {t_all:.3f}s")
    compare(f"synthetic chart ({args.zones} zones)", synth, args.repeat)
    return explorer_bench()


def explorer_bench() -> int:
    """Run ``bench/explorer_bench.py``'s ``main()`` when that file exists; say so when not."""
    path = Path(__file__).resolve().parent / "explorer_bench.py"
    print(f"\nexplorer benchmark ({path.name}):")
    if not path.exists():
        print(f"  NOT RUN: {path} does not exist (yet)")
        return 0
    import importlib.util

    spec = importlib.util.spec_from_file_location("explorer_bench", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    result = module.main([])  # its own defaults, not this script's arguments
    return int(result or 0)


if __name__ == "__main__":
    sys.exit(main())
