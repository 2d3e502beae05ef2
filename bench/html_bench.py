"""Budgets of the standalone HTML map (footmap.web.page), measured by hand, never as tests.

Usage::

    python bench/html_bench.py              # bundled chart, 5 loads, 40 clicks
    python bench/html_bench.py --repeat 9 --json

Measures, for the bundled chart:

* the file size (budget: at most 1.5 MB);
* writing the file against the PNG export of the default page (budget: no slower), the
  median of ``--repeat`` runs after one warm-up each;
* opening it from disk in headless Chromium (``/usr/bin/chromium``) to the first
  interaction: the page's own ``performance.now()`` when its script has wired every handler
  (``footmapReadyAt``: from navigation start), and the wall time from ``goto`` until then
  (budget: under 300 ms);
* a click to the panel update, in the page: ``performance.now()`` around a synthetic click on
  a zone (the handler fills the panel synchronously), and to the next animation frame after
  a zone (the handler fills the panel synchronously), and with the style and layout of the
  new panel forced right after it (budget: under 16 ms, one frame). Clicks are spread over
  every view, so many of them also switch the view.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import footmap  # noqa: E402
from footmap.export.annotate import export  # noqa: E402
from footmap.web.page import write_html  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
BUDGET = {"size_mb": 1.5, "open_ms": 300.0, "click_ms": 16.0}

CLICK_JS = """async (n) => {
  const zones = Array.from(document.querySelectorAll('svg.fm-map .zone'));
  const handler = [], layout = [];
  for (let k = 0; k < n; k++) {
    const el = zones[(k * 7) % zones.length];
    await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));  // an idle start
    const t0 = performance.now();
    el.dispatchEvent(new MouseEvent('click', {bubbles: true}));
    const t1 = performance.now();
    document.getElementById('fm-panel').getBoundingClientRect();  // style and layout, now
    const t2 = performance.now();
    handler.push(t1 - t0);
    layout.push(t2 - t0);
  }
  return {handler, layout};
}"""


def _median_time(fn, repeat: int) -> float:
    fn()  # warm-up (fonts, caches)
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--clicks", type=int, default=40)
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    args = ap.parse_args(argv)

    chart = footmap.load()
    out = Path(tempfile.mkdtemp(prefix="footmap-html-bench-"))
    html, png = out / "map.html", out / "map.png"
    res: dict[str, float] = {}
    res["write_html_s"] = _median_time(lambda: write_html(chart, html), args.repeat)
    res["write_png_s"] = _median_time(lambda: export(chart, png), args.repeat)
    res["size_mb"] = html.stat().st_size / 1e6

    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        ready, wall = [], []
        for _ in range(args.repeat):
            ctx = browser.new_context(viewport={"width": 1280, "height": 800})
            page = ctx.new_page()
            t = time.perf_counter()
            page.goto(html.as_uri(), wait_until="commit")
            page.wait_for_selector("html[data-ready]", state="attached")
            wall.append((time.perf_counter() - t) * 1000)
            ready.append(page.evaluate("window.footmapReadyAt"))
            if _ == args.repeat - 1:
                clicks = page.evaluate(CLICK_JS, args.clicks)
            ctx.close()
        browser.close()
    res["open_ready_ms"] = statistics.median(ready)
    res["open_wall_ms"] = statistics.median(wall)
    res["click_handler_ms_median"] = statistics.median(clicks["handler"])
    res["click_handler_ms_max"] = max(clicks["handler"])
    res["click_layout_ms_median"] = statistics.median(clicks["layout"])
    res["click_layout_ms_max"] = max(clicks["layout"])

    if args.json:
        print(json.dumps({k: round(v, 4) for k, v in res.items()}, indent=1))
        return 0
    ok = {
        "size": res["size_mb"] <= BUDGET["size_mb"],
        "write": res["write_html_s"] <= res["write_png_s"],
        "open": res["open_ready_ms"] < BUDGET["open_ms"],
        "click": res["click_layout_ms_median"] < BUDGET["click_ms"],
    }

    def mark(key: str) -> str:
        return "ok" if ok[key] else "OVER BUDGET"

    print(f"footmap HTML map, bundled chart ({len(chart.zones)} zones, {len(chart.views)} views)")
    print(f"  file size           {res['size_mb']:.3f} MB  (budget 1.5 MB)  {mark('size')}")
    print(
        f"  write               {res['write_html_s'] * 1000:.0f} ms vs PNG export "
        f"{res['write_png_s'] * 1000:.0f} ms  (budget: no slower)  {mark('write')}"
    )
    print(
        f"  open -> interactive {res['open_ready_ms']:.0f} ms in page "
        f"({res['open_wall_ms']:.0f} ms wall)  (budget 300 ms)  {mark('open')}"
    )
    print(
        f"  click -> panel      {res['click_handler_ms_median']:.2f} ms median, "
        f"{res['click_handler_ms_max']:.2f} ms max; with style and layout "
        f"{res['click_layout_ms_median']:.1f} ms median, {res['click_layout_ms_max']:.1f} ms max"
        f"  (budget 16 ms)  {mark('click')}"
    )
    return 0 if all(ok.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
