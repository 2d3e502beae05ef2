"""Hostile inputs within footmap's limits: time and peak memory of validating each.

Every input here is at most ``DEFAULT_MAX_BYTES`` and must end, in a fresh process, in a
Chart or a ChartError within 5 s and 500 MB peak (resident set size, imports included)::

    python bench/hostile_bench.py            # all cases
    python bench/hostile_bench.py zeros_2mb  # some cases

Two export cases (issue 27) time what is written from a valid chart, in a fresh process
each: ``html_export_20k`` (the HTML map of 20,000 zones, each with its own body area, within
:data:`HTML_TIMES` the PNG export of the same chart and 500 MB) and ``handout_200``
(a handout of 200 highlights, within 500 MB: its memory must not grow with its pages).

The inputs are written to a temporary directory and removed afterwards. Not a test: the
timings depend on the machine (the unit tests check the messages and the problem cap).
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import synthetic  # noqa: E402

from footmap.chart.loader import DEFAULT_MAX_BYTES  # noqa: E402

LIMIT_S, LIMIT_MB = 5.0, 500.0
HEAD = '{"type":"FeatureCollection","footmap":{},"features":['


def _fill(unit: str, size: int = DEFAULT_MAX_BYTES) -> str:
    """A feature list of ``unit`` repeated to just under ``size`` bytes."""
    n = (size - len(HEAD) - 2) // (len(unit) + 1)
    return HEAD + ",".join([unit] * n) + "]}"


def zeros(n: int) -> str:
    return HEAD + ",".join(["0"] * n) + "]}"


def nested_squares(n: int) -> str:
    """``n`` zones, square rings around one centre: every bounding box holds the inner ones."""
    doc = synthetic.synthetic_chart(1)
    outline = doc["features"][0]
    r_max = 4900.0
    outline["geometry"]["coordinates"] = [
        [[-r_max, -r_max], [r_max, -r_max], [r_max, r_max], [-r_max, r_max], [-r_max, -r_max]]
    ]
    template = doc["features"][1]
    feats = [outline]
    step = (r_max - 10) / n
    for i in range(n):
        a, b = 5 + i * step, 5 + (i + 1) * step
        f = json.loads(json.dumps(template))
        f["id"] = f"left.plantar.ring{i:06d}"
        f["geometry"] = {
            "type": "Polygon",
            "coordinates": [
                [[-b, -b], [b, -b], [b, b], [-b, b], [-b, -b]],
                [[-a, -a], [-a, a], [a, a], [a, -a], [-a, -a]],
            ],
        }
        feats.append(f)
    doc["features"] = feats
    return json.dumps(doc, separators=(",", ":"))


def one_huge_ring(points: int) -> str:
    doc = synthetic.synthetic_chart(1)
    ring = [
        [round(100 * math.cos(2 * math.pi * k / points), 4),
         round(100 * math.sin(2 * math.pi * k / points), 4)]
        for k in range(points)
    ]  # fmt: skip
    ring.append(ring[0])
    doc["features"][0]["geometry"]["coordinates"] = [
        [[-200, -200], [200, -200], [200, 200], [-200, 200], [-200, -200]]
    ]
    doc["features"][1]["geometry"]["coordinates"] = [ring]
    return json.dumps(doc, separators=(",", ":"))


def bad_features(n: int) -> str:
    doc = synthetic.synthetic_chart(1)
    bad = json.dumps({"type": "Feature", "id": "x", "properties": {"role": "zone"}})
    return json.dumps(doc)[:-2] + "," + ",".join([bad] * n) + "]}"


def duplicate_keys(n: int) -> str:
    return HEAD + ",".join(['{"a":1,"a":2}'] * n) + "]}"


def surrogates(n: int) -> str:
    return HEAD + ",".join(['"\\ud800"'] * n) + "]}"


CASES: dict[str, Callable[[], str]] = {
    "zeros_2mb": lambda: zeros(1_000_000),
    "zeros_32mb": lambda: zeros(16_000_000),
    "empty_objects_32mb": lambda: _fill("{}"),
    "empty_arrays_32mb": lambda: _fill("[]"),
    "short_strings_32mb": lambda: _fill('"ab"'),
    "floats_32mb": lambda: _fill("0.5"),
    "objects_under_the_count_limit": lambda: zeros(0)[:-2] + ",".join(["{}"] * 999_000) + "]}",
    "bad_features_20k": lambda: bad_features(20_000),
    "duplicate_keys": lambda: duplicate_keys(200_000),
    "lone_surrogates": lambda: surrogates(1_000_000),
    "nested_square_zones_20k": lambda: nested_squares(20_000),
    "one_ring_of_2m_points": lambda: one_huge_ring(2_000_000),
    "valid_grid_10k": lambda: json.dumps(synthetic.synthetic_chart(10_000)),
}


def html_chart_20k() -> str:
    doc = synthetic.synthetic_chart(20_000)
    for i, f in enumerate(doc["features"][1:]):
        f["properties"]["body_area"] = f"area {i}"
    return json.dumps(doc, separators=(",", ":"))


def handout_chart() -> str:
    doc = synthetic.synthetic_chart(400)
    for i, f in enumerate(doc["features"][1:]):
        f["properties"]["body_area"] = f"area {i % 200:03d}"  # 200 areas, 2 zones each
    return json.dumps(doc, separators=(",", ":"))


#: The HTML map may take at most this many times the PNG export of the same chart.
HTML_TIMES = 5.0

EXPORT_PROBE = """
import sys, time, tempfile, pathlib
import footmap
from footmap.export import export, handout
chart = footmap.load(sys.argv[1])
out = pathlib.Path(tempfile.mkdtemp())
if sys.argv[2] == "html":
    t = time.perf_counter(); export(chart, out / "m.png"); png = time.perf_counter() - t
    t = time.perf_counter(); export(chart, out / "m.html"); html = time.perf_counter() - t
    outcome = f"html {html:.1f} s, png {png:.1f} s ({html / png:.1f} times)"
    seconds, ok = html, html <= HTML_TIMES * png
else:
    areas = sorted({z.body_area for z in chart.zones})[:200]
    t = time.perf_counter(); handout(chart, out / "h.pdf", by=[[a] for a in areas])
    seconds = time.perf_counter() - t
    outcome, ok = f"{len(areas)} highlights", True
hwm = [ln for ln in open("/proc/self/status") if ln.startswith("VmHWM")][0]
print(seconds)
print(int(hwm.split()[1]) / 1024)
print(outcome if ok else outcome + " (too slow)")
"""

EXPORT_CASES: dict[str, tuple[Callable[[], str], str]] = {
    "html_export_20k": (html_chart_20k, "html"),
    "handout_200": (handout_chart, "handout"),
}


# Peak memory from VmHWM: ru_maxrss would carry the parent's peak over the exec.
PROBE = """
import sys, time
t = time.perf_counter()
import footmap
try:
    chart = footmap.load(sys.argv[1])
    outcome = f"Chart with {len(chart.zones)} zones"
except footmap.ChartError as err:
    outcome = f"ChartError, {len(err.problems)} problem(s): {err.problems[0].message[:70]}"
print(time.perf_counter() - t)
hwm = [ln for ln in open("/proc/self/status") if ln.startswith("VmHWM")][0]
print(int(hwm.split()[1]) / 1024)
print(outcome)
"""


def main(argv: list[str]) -> int:
    names = argv or [*CASES, *EXPORT_CASES]
    failed = 0
    with tempfile.TemporaryDirectory(prefix="footmap-hostile-") as tmp:
        print(f"{'case':32s} {'MB':>6s} {'s':>6s} {'peak MB':>8s}  outcome")
        for name in names:
            path = Path(tmp) / f"{name}.geojson"
            make, kind = EXPORT_CASES.get(name, (CASES.get(name), ""))
            text = make()
            path.write_text(text, encoding="utf-8")
            del text
            probe = EXPORT_PROBE.replace("HTML_TIMES", repr(HTML_TIMES)) if kind else PROBE
            run = subprocess.run(
                [sys.executable, "-c", probe, str(path), kind],
                capture_output=True,
                text=True,
                timeout=600,
                cwd=ROOT,
            )
            if run.returncode != 0:
                print(f"{name:32s} crashed:\n{run.stderr[-2000:]}")
                failed += 1
                continue
            seconds, peak, outcome = run.stdout.strip().splitlines()
            ok = float(seconds) < LIMIT_S and float(peak) < LIMIT_MB
            if kind:  # an export: its own bound of time (see EXPORT_PROBE), the same memory
                ok = float(peak) < LIMIT_MB and not outcome.endswith("(too slow)")
            failed += not ok
            size = path.stat().st_size / 1e6
            flag = "" if ok else "  <-- over the bound"
            print(
                f"{name:32s} {size:6.1f} {float(seconds):6.2f} {float(peak):8.0f}  {outcome}{flag}"
            )
            path.unlink()
    print(f"bounds: {LIMIT_S:g} s and {LIMIT_MB:g} MB per input; {failed} over")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
