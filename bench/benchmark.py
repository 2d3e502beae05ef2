"""footmap against geopandas and plain matplotlib, the same work on each side.

Usage (one command; it installs the ``bench`` extra, geopandas, into ``.venv`` first)::

    python3 dev.py bench                    # everything, 100,000 zones included
    python3 dev.py bench --no-100k          # skip the 100,000-zone chart (slow)
    python3 dev.py bench --page-100k        # also a full PNG page of 100,000 zones
    .venv/bin/python bench/benchmark.py --repeat 7 --only load memory
    # sections in parallel processes, then one report:
    .venv/bin/python bench/benchmark.py --only load memory --save /tmp/a.json &
    .venv/bin/python bench/benchmark.py --only render pages cold --save /tmp/b.json
    .venv/bin/python bench/benchmark.py --merge /tmp/a.json /tmp/b.json

What is timed, each pair interleaved (the order alternates every repetition) and reported
as the median of the CPU time of this process (``time.process_time``: the machine is
shared, CPU time is what the work costs) with its interquartile range:

* **load + validate** a chart file: ``footmap.load`` against ``geopandas.read_file`` (which
  checks nothing) and against the floor, ``shapely.from_geojson`` + ``STRtree``;
* **bare render**: the zones and outlines, no text, one Agg draw each: footmap's
  ``plot_map`` + ``canvas.draw()`` against ``GeoDataFrame.plot`` (which draws once itself,
  through ``draw_idle``) of the same polygons at the same places, same figure size and dpi;
* **pages**: ``footmap.export.export`` of the full annotated page (all views, labels,
  callouts, key, legend, claims, caveat and sources; A4 landscape at 200 dpi, the CLI's
  defaults) against geopandas' bare save of the same polygons (its ``draw_idle`` switched
  off, so each side draws exactly once, in ``savefig``), to PNG, SVG and PDF;
* **cold CLI**: ``footmap export x.png`` as a whole process against a minimal matplotlib
  script saving a one-line A4 figure at 200 dpi, both in this venv (children's CPU time),
  both from bytecode (footmap's is compiled first, as a pip install would);
* **peak memory** (maximum resident set of a fresh process) loading the largest chart.

The bundled chart has 155 zones in 8 panels as of this writing (the table says how many);
the synthetic charts are grids of square zones on one panel, turned 10 degrees
(``tests/synthetic.py``). It writes ``bench/results.md`` (the table) and
``bench/scaling.png`` (cost against zone count, log-log). The explorer's click round trip
is measured by ``bench/explorer_bench.py``, run here too (in Chromium; ``--no-browser`` keeps
it in the kernel, ``--no-explorer`` skips it).
"""

from __future__ import annotations

import argparse
import compileall
import gc
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import shapely  # noqa: E402
from matplotlib.colors import to_rgba  # noqa: E402

import footmap  # noqa: E402
import footmap.chart._read  # noqa: E402
from footmap.export.annotate import export, page_size  # noqa: E402
from footmap.render.plot import plot_map  # noqa: E402

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "tests"))
from synthetic import synthetic_chart  # noqa: E402  (the test suite's builder)

BIG = dict(max_zones=1_000_000, max_bytes=1 << 31)  # limits out of the way for 100k
# the JSON structure limits are fixed (a 100,000-zone chart holds 2.8 million strings):
# raised here only, so that the benchmark measures the loader, not the refusal. They are
# read where they are used, in footmap.chart._read (footmap.chart.loader's names are re-exports).
LIMITS = ("MAX_JSON_OBJECTS", "MAX_JSON_ARRAYS", "MAX_JSON_VALUES", "MAX_JSON_STRINGS")
for _limit in LIMITS:
    setattr(footmap.chart._read, _limit, 100 * getattr(footmap.chart._read, _limit))
DPI = 200
SIZE = (9.0, 7.0)  # bare render figure size (inches)


# ------------------------------------------------------------------------------------------
# Timing
# ------------------------------------------------------------------------------------------
@dataclass
class Timing:
    """CPU and wall seconds of each repetition."""

    cpu: list[float] = field(default_factory=list)
    wall: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        """Median CPU seconds."""
        return statistics.median(self.cpu)

    @property
    def iqr(self) -> tuple[float, float]:
        """Interquartile range of the CPU seconds."""
        q = np.percentile(self.cpu, [25, 75])
        return float(q[0]), float(q[1])


def interleaved(cases: dict[str, Callable[[], object]], repeat: int) -> dict[str, Timing]:
    """Run each case ``repeat`` times, alternating the order every round."""
    names = list(cases)
    out = {n: Timing() for n in names}
    for r in range(repeat):
        for name in names if r % 2 == 0 else names[::-1]:
            gc.collect()
            c0, w0 = time.process_time(), time.perf_counter()
            cases[name]()
            out[name].cpu.append(time.process_time() - c0)
            out[name].wall.append(time.perf_counter() - w0)
            plt.close("all")
    return out


def fmt(t: Timing) -> str:
    lo, hi = t.iqr
    return f"{_s(t.median)} ({_s(lo)}–{_s(hi)})"


def _s(sec: float) -> str:
    return f"{sec * 1000:.0f} ms" if sec < 10 else f"{sec:.1f} s"


@dataclass
class Row:
    """One line of the table: footmap against a peer, with the target ratio."""

    what: str
    zones: str
    ours: Timing
    theirs: Timing
    peer: str
    target: float | None

    @property
    def ratio(self) -> float:
        """The ratio of footmap's median to the peer's."""
        return self.ours.median / self.theirs.median

    def cells(self) -> list[str]:
        """The markdown table cells."""
        verdict = ""
        if self.target is not None:
            verdict = f"≤ {self.target:g}×: " + ("met" if self.ratio <= self.target else "MISSED")
        return [
            self.what,
            self.zones,
            fmt(self.ours),
            f"{self.peer}: {fmt(self.theirs)}",
            f"{self.ratio:.2f}×",
            verdict,
        ]


# ------------------------------------------------------------------------------------------
# The two sides
# ------------------------------------------------------------------------------------------
def placed_polygons(chart: footmap.Chart, feet: tuple[str, ...], views: tuple[str, ...]):
    """The zones and outlines footmap draws, moved to where ``plot_map`` puts each panel.

    Returns a GeoDataFrame with a colour per row (footmap's fills), outlines first.
    """
    import geopandas

    fig = plt.figure()
    m = plot_map(chart, feet=feet, views=views, ax=fig.add_subplot(), labels=False)
    faces = m.collection.get_facecolor()
    geoms, colors = [], []
    for (foot, view), (dx, dy) in m.panels.items():
        outline = chart.outline(foot, view).geometry
        geoms.append(shapely.transform(outline, lambda c, o=(dx, dy): c + o))
        colors.append(to_rgba("#f6ede4"))
    offsets = np.array([m.panels[z.foot, z.view] for z in m.zones]).reshape(-1, 2)
    arr = np.fromiter((z.geometry for z in m.zones), object, len(m.zones))
    moved = [shapely.transform(g, lambda c, o=o: c + o) for g, o in zip(arr, offsets, strict=True)]
    geoms += moved
    colors += [tuple(c) for c in (faces if len(faces) == len(moved) else [faces[0]] * len(moved))]
    plt.close(fig)
    return geopandas.GeoDataFrame({"color": colors}, geometry=geoms)


def geopandas_plot(gdf, figsize: tuple[float, float], dpi: float, *, draw: bool = True):
    fig = plt.figure(figsize=figsize, dpi=dpi)
    ax = fig.add_subplot()
    if not draw:  # GeoDataFrame.plot calls canvas.draw_idle(), which draws at once on Agg
        fig.canvas.draw_idle = lambda *a, **k: None
    gdf.plot(ax=ax, color=list(gdf["color"]), edgecolor="#2b2b2b", linewidth=0.45)
    return fig


def footmap_bare(chart, feet, views, figsize, dpi) -> None:
    fig = plt.figure(figsize=figsize, dpi=dpi)
    plot_map(chart, feet=feet, views=views, ax=fig.add_subplot(), labels=False, legend=False,
             title=False)  # fmt: skip
    fig.canvas.draw()


def count_draws(fn: Callable[[], object]) -> int:
    """How many times ``fn`` draws a figure (checks that each side draws once)."""
    from matplotlib.figure import Figure

    real, n = Figure.draw, [0]

    def counting(self, renderer):
        n[0] += 1
        return real(self, renderer)

    Figure.draw = counting
    try:
        fn()
    finally:
        Figure.draw = real
        plt.close("all")
    return n[0]


# ------------------------------------------------------------------------------------------
# Sections
# ------------------------------------------------------------------------------------------
def bench_load(files: dict[int, Path], repeat: int) -> list[Row]:
    import geopandas

    rows = []
    for n, path in files.items():

        def floor(p=path):
            coll = shapely.from_geojson(p.read_bytes())
            return shapely.STRtree(shapely.get_parts(coll))

        # a refusal (a limit not raised) would be timed as a fast load: check it loads
        assert len(footmap.load(path, **BIG).zones) == n
        reps = repeat if n < 100_000 else max(3, repeat // 2)
        t = interleaved(
            {
                "footmap": lambda p=path: footmap.load(p, **BIG),
                "geopandas": lambda p=path: geopandas.read_file(p),
                "floor": floor,
            },
            reps,
        )
        target = 1.5 if n >= 10_000 else None
        rows.append(Row("load + validate", f"{n:,}", t["footmap"], t["geopandas"],
                        "geopandas.read_file", target))  # fmt: skip
        rows.append(Row("load + validate", f"{n:,}", t["footmap"], t["floor"],
                        "shapely.from_geojson + STRtree", None))  # fmt: skip
    return rows


def bench_render(charts: dict[str, tuple[footmap.Chart, int]], repeat: int) -> list[Row]:
    rows = []
    for name, (chart, n) in charts.items():
        feet, views = chart.feet, chart.views
        gdf = placed_polygons(chart, feet, views)
        cases = {
            "footmap": lambda c=chart, f=feet, v=views: footmap_bare(c, f, v, SIZE, 100),
            "geopandas": lambda g=gdf: geopandas_plot(g, SIZE, 100),
        }
        draws = (count_draws(cases["footmap"]), count_draws(cases["geopandas"]))
        assert draws == (1, 1), draws
        t = interleaved(
            cases,
            repeat if n < 100_000 else 3,
        )
        rows.append(Row("bare render, one draw (9×7 in, 100 dpi)", name, t["footmap"],
                        t["geopandas"], "GeoDataFrame.plot", 1.0))  # fmt: skip
    return rows


def bench_pages(
    charts: dict[str, tuple[footmap.Chart, int]],
    formats: dict[str, tuple[str, ...]],
    repeat: int,
    tmp: Path,
) -> list[Row]:
    rows = []
    figsize = page_size("a4", "landscape")
    for name, (chart, n) in charts.items():
        feet, views = chart.feet, chart.views
        gdf = placed_polygons(chart, feet, views)
        for fmt_ in formats[name]:
            ours, theirs = tmp / f"page.{fmt_}", tmp / f"bare.{fmt_}"

            def footmap_page(fmt_=fmt_, ours=ours, chart=chart, feet=feet, views=views):
                export(chart, ours, feet=feet, views=views, dpi=DPI)

            def geopandas_page(fmt_=fmt_, theirs=theirs, gdf=gdf):
                fig = geopandas_plot(gdf, figsize, DPI, draw=False)
                fig.savefig(theirs, format=fmt_, dpi=DPI)

            cases = {"footmap": footmap_page, "geopandas": geopandas_page}
            if fmt_ == "png" and n < 100_000:

                def matplotlib_text(fp=footmap_page):
                    os.environ["FOOTMAP_TEXT"] = "matplotlib"
                    try:
                        fp()
                    finally:
                        os.environ.pop("FOOTMAP_TEXT", None)

                cases["mpltext"] = matplotlib_text
            assert count_draws(geopandas_page) == 1
            t = interleaved(cases, repeat if n < 100_000 else 3)
            target = 1.5 if fmt_ == "png" else 3.0
            rows.append(Row(f"full annotated page, {fmt_.upper()} (A4, {DPI} dpi)", name,
                            t["footmap"], t["geopandas"], "geopandas bare save",
                            target))  # fmt: skip
            if "mpltext" in t:
                rows.append(Row(f"  same, FOOTMAP_TEXT=matplotlib, {fmt_.upper()}", name,
                                t["mpltext"], t["geopandas"], "geopandas bare save",
                                target))  # fmt: skip
    return rows


def _child_run(cmd: list[str], cwd: Path) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    w0 = time.perf_counter()
    subprocess.run(cmd, check=True, cwd=cwd, capture_output=True)
    wall = time.perf_counter() - w0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall


MINIMAL = (
    "import sys, matplotlib; matplotlib.use('Agg'); import matplotlib.pyplot as plt; "
    "fig = plt.figure(figsize=(11.69, 8.27)); fig.add_subplot().plot([0, 1], [0, 1]); "
    "fig.savefig(sys.argv[1], dpi=200)"
)


def bench_cold(repeat: int, tmp: Path, zones: int) -> list[Row]:
    exe = sys.executable
    # Both sides start from bytecode, as after a pip install: matplotlib's was compiled when
    # it was installed, footmap's (an editable install) is compiled here, once, untimed;
    # without it, where PYTHONDONTWRITEBYTECODE is set, every footmap run compiles it anew.
    compileall.compile_dir(str(ROOT / "footmap"), quiet=1)
    cases = {
        "footmap": [exe, "-m", "footmap", "export", str(tmp / "cli.png")],
        "minimal": [exe, "-c", MINIMAL, str(tmp / "minimal.png")],
    }
    out = {k: Timing() for k in cases}
    for r in range(repeat):
        for name in list(cases) if r % 2 == 0 else list(cases)[::-1]:
            cpu, wall = _child_run(cases[name], ROOT)
            out[name].cpu.append(cpu)
            out[name].wall.append(wall)
    return [Row("cold CLI: `footmap export x.png`, whole process", f"{zones:,}", out["footmap"],
                out["minimal"], "minimal matplotlib save script", 1.5)]  # fmt: skip


def peak_rss(code: str, path: Path) -> float:
    """Peak resident set (MB) of a fresh interpreter running ``code`` on ``path``."""
    # VmHWM, not ru_maxrss: a forked child inherits its parent's ru_maxrss on Linux
    script = code + "\nprint([ln for ln in open('/proc/self/status') if 'VmHWM' in ln][0])"
    out = subprocess.run([sys.executable, "-c", script, str(path)], check=True,
                         capture_output=True, text=True, cwd=ROOT).stdout  # fmt: skip
    return int(out.strip().splitlines()[-1].split()[1]) / 1024


def bench_memory(path: Path, n: int) -> list[str]:
    fm = (
        "import sys, footmap, footmap.chart._read as j\n"
        f"for k in {LIMITS!r}: setattr(j, k, 100 * getattr(j, k))\n"
        "footmap.load(sys.argv[1], max_zones=10**6, max_bytes=1 << 31)"
    )
    gp = "import sys, geopandas; geopandas.read_file(sys.argv[1])"
    fm0 = "import sys, footmap, shapely"
    gp0 = "import sys, geopandas"
    a, b = peak_rss(fm, path), peak_rss(gp, path)
    a0, b0 = peak_rss(fm0, path), peak_rss(gp0, path)
    verdict = "met" if a <= b else "MISSED"
    return [
        f"| peak memory, load {n:,} zones (fresh process, max RSS) | footmap {a:.0f} MB "
        f"(imports alone {a0:.0f} MB) | geopandas.read_file {b:.0f} MB (imports alone "
        f"{b0:.0f} MB) | {a / b:.2f}× | ≤ 1×: {verdict} |"
    ]


# ------------------------------------------------------------------------------------------
# Report
# ------------------------------------------------------------------------------------------
def table(rows: list[Row]) -> list[str]:
    head = ["what", "zones", "footmap, median (IQR)", "peer, median (IQR)", "ratio", "target"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(r.cells()) + " |" for r in rows]
    return lines


def scaling_plot(rows: list[Row], path: Path) -> None:
    """Log-log cost against zone count for the synthetic charts (and the bundled one)."""
    series: dict[str, list[tuple[int, float]]] = {}

    def add(label: str, zones: str, t: Timing) -> None:
        n = int(zones.split()[0].replace(",", ""))
        series.setdefault(label, []).append((n, t.median))

    for r in rows:
        if r.what == "load + validate":
            add("footmap.load", r.zones, r.ours)
            add(r.peer, r.zones, r.theirs)
        elif r.what.startswith("bare render"):
            add("footmap bare render", r.zones, r.ours)
            add("geopandas bare render", r.zones, r.theirs)
        elif r.what.startswith("full annotated page, PNG"):
            add("footmap PNG page", r.zones, r.ours)
            add("geopandas bare PNG save", r.zones, r.theirs)
    fig, ax = plt.subplots(figsize=(8, 5.5), layout="constrained")
    styles = {"footmap": "-", "geopandas": "--", "shapely": ":"}
    for label, pts in series.items():
        pts = sorted(set(pts))
        xs, ys = zip(*pts, strict=True)
        style = next((v for k, v in styles.items() if label.startswith(k)), "-.")
        ax.plot(xs, ys, style, marker="o", label=label)
    ns = np.array([1e3, 1e5])
    ax.plot(ns, 0.5 * ns / 1e4, color="#bbbbbb", lw=0.8, label="linear (0.5 s at 10k)")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("zones")
    ax.set_ylabel("CPU seconds (median)")
    ax.set_title("footmap and geopandas: cost against zone count (2-core shared machine)")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=8)
    fig.savefig(path, dpi=110)
    plt.close(fig)


def explorer_lines(browser: bool) -> list[str]:
    cmd = [sys.executable, str(HERE / "explorer_bench.py")] + (["--browser"] if browser else [])
    try:
        res = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=900)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return [f"explorer benchmark not run: {exc}"]
    lines = [ln for ln in res.stdout.splitlines() if "median" in ln or "NOT RUN" in ln]
    return lines or [f"explorer benchmark printed nothing usable (exit {res.returncode})"]


SECTIONS = ("load", "render", "pages", "cold", "memory")


def run_sections(args: argparse.Namespace) -> tuple[list[Row], list[str]]:
    """Run the chosen sections; return the table rows and any extra table lines."""
    sizes = (
        args.sizes
        if args.sizes is not None
        else [1_000, 10_000] + ([] if args.no_100k else [100_000])
    )
    rows: list[Row] = []
    extra: list[str] = []
    only = set(args.only or SECTIONS)
    with tempfile.TemporaryDirectory(dir="/dev/shm" if Path("/dev/shm").is_dir() else None) as t:
        tmp = Path(t)
        files = {}
        for n in sizes:
            files[n] = tmp / f"synthetic-{n}.geojson"
            files[n].write_text(json.dumps(synthetic_chart(n, 10.0)), "utf-8")
        bundled = footmap.load()
        zones = len(bundled.zones)  # the bundled chart grows as sources are added
        charts = {f"{zones:,} (bundled, all views)": (bundled, zones)}
        if only & {"render", "pages"}:
            charts |= {f"{n:,}": (footmap.load(files[n], **BIG), n) for n in sizes}
        if "load" in only:
            print("load + validate...", flush=True)
            rows += bench_load(files, args.repeat)
        if "render" in only:
            print("bare render...", flush=True)
            rows += bench_render(charts, args.repeat)
        if "pages" in only:
            print("pages...", flush=True)
            formats = {k: ("png", "svg", "pdf") for k in charts}
            big = {f"{n:,}" for n in sizes if n >= 100_000}
            formats |= {k: ("png",) if args.page_100k else () for k in big}
            rows += bench_pages(charts, formats, args.repeat, tmp)
        if "cold" in only:
            print("cold CLI...", flush=True)
            rows += bench_cold(args.repeat, tmp, zones)
        if "memory" in only and sizes:
            print("memory...", flush=True)
            extra += bench_memory(files[sizes[-1]], sizes[-1])
    return rows, extra


def _save(path: Path, rows: list[Row], extra: list[str]) -> None:
    data = {"rows": [asdict(r) for r in rows], "extra": extra}
    path.write_text(json.dumps(data), "utf-8")


def _load_parts(paths: list[Path]) -> tuple[list[Row], list[str]]:
    rows, extra, seen = [], [], set()
    for p in paths:  # a measurement found in two parts is taken from the first
        data = json.loads(p.read_text("utf-8"))
        for r in data["rows"]:
            r["ours"], r["theirs"] = Timing(**r["ours"]), Timing(**r["theirs"])
            row = Row(**r)
            if (row.what, row.zones, row.peer) not in seen:
                seen.add((row.what, row.zones, row.peer))
                rows.append(row)
        extra += data["extra"]
    order = [("load",), ("bare",), ("full", "  same"), ("cold",)]
    rows.sort(key=lambda r: next(i for i, k in enumerate(order) if r.what.startswith(k)))
    return rows, extra


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark, print the table and write bench/results.md and bench/scaling.png."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="repetitions per timing")
    parser.add_argument("--no-100k", action="store_true", help="skip the 100,000-zone chart")
    parser.add_argument("--page-100k", action="store_true", help="also a 100,000-zone PNG page")
    parser.add_argument("--sizes", type=int, nargs="*", help="synthetic chart sizes instead")
    parser.add_argument("--only", nargs="+", choices=SECTIONS, help="run only these sections")
    parser.add_argument("--save", type=Path, help="save the rows (JSON) instead of reporting")
    parser.add_argument("--merge", type=Path, nargs="+", help="report saved parts together")
    parser.add_argument("--no-explorer", action="store_true", help="skip explorer_bench.py")
    parser.add_argument(
        "--no-browser", action="store_true", help="explorer timings in the kernel only"
    )
    parser.add_argument("--out", type=Path, default=HERE, help="where results.md goes")
    args = parser.parse_args(argv)
    try:
        import geopandas
    except ImportError:
        print("geopandas is needed: python3 dev.py bench (installs footmap[bench])")
        return 1

    load_before = os.getloadavg()[0]
    if args.merge:
        rows, extra = _load_parts(args.merge)
    else:
        rows, extra = run_sections(args)
        if args.save:
            _save(args.save, rows, extra)
            return 0
    explorer = [] if args.no_explorer else explorer_lines(not args.no_browser)
    load_after = os.getloadavg()[0]

    import matplotlib as mpl

    head = (
        f"footmap {footmap.__version__}, geopandas {geopandas.__version__}, matplotlib "
        f"{mpl.__version__}, shapely {shapely.__version__}, Python "
        f"{platform.python_version()}; {os.cpu_count()} cores, load average "
        f"{load_before:.1f} at the start and {load_after:.1f} at the end; medians of "
        "interleaved runs (CPU time of the process; children's for the cold CLI), "
        "interquartile range in brackets"
    )
    lines = [f"_{head}_", "", *table(rows), *extra]
    if explorer:
        lines += ["", "Explorer (bench/explorer_bench.py):", "", *[f"- {ln}" for ln in explorer]]
    text = "\n".join(lines) + "\n"
    print(text)
    (args.out / "results.md").write_text(
        "# Benchmark results\n\nWritten by `python3 dev.py bench` (bench/benchmark.py).\n\n" + text,
        "utf-8",
    )
    scaling_plot(rows, args.out / "scaling.png")
    print(f"wrote {args.out / 'results.md'} and {args.out / 'scaling.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
