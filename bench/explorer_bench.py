"""Explorer click latency, run by hand: the kernel-side handler and the browser round trip.

Usage::

    .venv/bin/python bench/explorer_bench.py              # kernel side only
    .venv/bin/python bench/explorer_bench.py --browser    # plus Voila + Chromium round trip

Kernel side: the explorer on the bundled chart with a real ipympl canvas (no kernel: its comm
is a dummy), ~200 synthetic ``MouseEvent`` clicks at zone anchors through
``Explorer._on_click`` (hit test, highlight, side panel HTML). Timed twice: the handler alone
(target < 30 ms; ipympl renders the new image later, when the frontend asks) and the handler
plus the Agg redraw that request triggers.

Browser (``--browser``, needs /usr/bin/chromium, Playwright and Voila): serves
notebooks/explore.ipynb with Voila (tests/_lab.py), clicks two zones in turn on the canvas and
measures in the page the time from mousedown to the side panel showing the clicked zone's body
area (median of ~10 clicks, target < 100 ms).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import matplotlib

ROOT = Path(__file__).resolve().parent.parent
KERNEL_TARGET_MS = 30.0
BROWSER_TARGET_MS = 100.0
IPYMPL = "module://ipympl.backend_nbagg"


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _line(what: str, values: list[float], target: float | None) -> str:
    med, p95 = statistics.median(values), _p95(values)
    verdict = ""
    if target is not None:
        verdict = f"  target < {target:.0f} ms: {'OK' if med < target else 'MISSED'}"
    return f"{what}: median {med:.2f} ms, p95 {p95:.2f} ms over {len(values)} clicks{verdict}"


def kernel_side(n: int = 200) -> None:
    """Time ``Explorer._on_click`` on synthetic clicks at the anchors of the sole's zones."""
    import matplotlib.pyplot as plt
    from matplotlib.backend_bases import MouseEvent

    import footmap
    from footmap import explorer as fx

    plt.switch_backend(IPYMPL)
    chart = footmap.load()
    ex = fx.explore(chart)
    try:
        ex.figure.draw_without_rendering()  # lay out as the first real draw does
        zones = chart.zones_on(view="plantar")
        events = []
        for z in zones:
            dx, dy = ex.artists.panels[(z.foot, z.view)]
            x, y = ex.artists.ax.transData.transform((z.anchor[0] + dx, z.anchor[1] + dy))
            events.append((z, MouseEvent("button_press_event", ex.figure.canvas, x, y, button=1)))
        ex._on_click(events[0][1])  # warm up
        handler, with_draw = [], []
        for i in range(n):
            zone, ev = events[(i + 1) % len(events)]  # each click selects another zone
            t0 = time.perf_counter()
            ex._on_click(ev)
            t1 = time.perf_counter()
            handler.append((t1 - t0) * 1e3)
            assert ex.selected == (zone,), zone.id
        for i in range(min(n, 50)):
            _, ev = events[i % len(events)]
            t0 = time.perf_counter()
            ex._on_click(ev)
            ex.figure.canvas.draw()
            with_draw.append((time.perf_counter() - t0) * 1e3)
    finally:
        ex.close()
    print(f"bundled chart: {len(chart.zones)} zones, {len(zones)} on the soles clicked in turn")
    print(_line("kernel-side click handler", handler, KERNEL_TARGET_MS))
    print(_line("kernel-side click handler + Agg redraw", with_draw, None))


def browser_round_trip(n: int = 10) -> None:
    """Median in-page time from mousedown to the side panel naming the clicked zone's area."""
    sys.path.insert(0, str(ROOT / "tests"))
    import _lab
    from playwright.sync_api import sync_playwright

    import footmap
    from footmap import explorer as fx

    chart = footmap.load()
    ids = ("left.plantar.kidney", "right.plantar.liver")
    plt_backend = matplotlib.get_backend()
    import matplotlib.pyplot as plt

    plt.switch_backend("agg")
    ex = fx.explore(chart, interactive=False)  # the same figure and layout, to find pixels
    width = ex.figure.get_figwidth() * ex.figure.dpi
    pixels = {i: ex.pixel_of(i) for i in ids}
    ex.close()
    plt.switch_backend(plt_backend)

    with tempfile.TemporaryDirectory(prefix="footmap-bench-") as tmp:
        server = _lab.start_voila(ROOT / "notebooks" / "explore.ipynb", Path(tmp))
        pw = sync_playwright().start()
        try:
            browser = pw.chromium.launch(
                executable_path=_lab.CHROMIUM, args=_lab.CHROMIUM_ARGS, headless=True
            )
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            t0 = time.perf_counter()
            page.goto(server.url + "/", wait_until="domcontentloaded", timeout=180_000)
            canvas = page.locator(".footmap-explorer .jupyter-matplotlib-canvas-div canvas").first
            canvas.wait_for(timeout=180_000)
            page.wait_for_timeout(1000)  # first image from the kernel
            print(f"Voila page with the explorer ready in {time.perf_counter() - t0:.1f} s")
            canvas.scroll_into_view_if_needed()
            box = canvas.bounding_box()
            scale = box["width"] / width
            times = []
            for k in range(n + 1):
                zone = chart.zone(ids[k % 2])
                px, py = pixels[zone.id]
                page.evaluate(
                    _lab.WATCH_CLICK_JS,
                    [".footmap-explorer", f"Claimed to correspond to: {zone.body_area}"],
                )
                page.mouse.click(box["x"] + px * scale, box["y"] + py * scale)
                page.wait_for_function("() => window.__fm.t1 !== null", timeout=30_000)
                t = page.evaluate("() => window.__fm")
                if k:  # the first click warms up the kernel's code paths
                    times.append(t["t1"] - t["t0"])
                page.wait_for_timeout(300)  # let the new image arrive before the next click
            browser.close()
        finally:
            pw.stop()
            server.stop()
    print(_line("browser round trip click -> panel text", times, BROWSER_TARGET_MS))


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; ``--browser`` adds the real-browser round trip."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clicks", type=int, default=200, help="kernel-side clicks (200)")
    parser.add_argument(
        "--browser", action="store_true", help="also time the round trip in Voila + Chromium"
    )
    parser.add_argument("--browser-clicks", type=int, default=10, help="browser clicks (10)")
    args = parser.parse_args(argv)
    kernel_side(args.clicks)
    if args.browser:
        if not Path("/usr/bin/chromium").exists():
            print("browser round trip: skipped, /usr/bin/chromium not found")
        else:
            browser_round_trip(args.browser_clicks)
    return 0


if __name__ == "__main__":
    sys.exit(main())
