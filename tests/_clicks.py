"""Synthetic mouse events for the headless widget tests: a reader's clicks, without a browser."""

from __future__ import annotations

from matplotlib.backend_bases import MouseEvent


def event_at(ex, zone=None, xy=None, name="button_press_event", button=1):
    """A real MouseEvent at ``zone``'s anchor (or at data point ``xy``), in display pixels."""
    if getattr(ex, "_test_laid_out", None) is not ex.artists:  # lay out as a real draw does
        ex.figure.draw_without_rendering()
        ex._test_laid_out = ex.artists
    if zone is not None:
        dx, dy = ex.artists.panels[(zone.foot, zone.view)]
        xy = (zone.anchor[0] + dx, zone.anchor[1] + dy)
    x, y = ex.artists.ax.transData.transform(xy)
    return MouseEvent(name, ex.figure.canvas, x, y, button=button)


def click(ex, zone=None, xy=None):
    """Click ``zone``'s anchor (or data point ``xy``) as a reader would."""
    ex._on_click(event_at(ex, zone, xy))


def outside_point(ex):
    """A data point inside the axes but outside every zone (a corner of the axes)."""
    x0, x1 = ex.artists.ax.get_xlim()
    y0, y1 = ex.artists.ax.get_ylim()
    xy = (x0 + 0.01 * (x1 - x0), y0 + 0.01 * (y1 - y0))
    assert ex.artists.zone_at(*xy) is None
    return xy
