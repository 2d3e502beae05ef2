"""Drawing with matplotlib: one map on one Axes, and what a drawn map knows.

:func:`plot_map` draws any panels of a chart and returns its :class:`MapArtists`.
"""

from __future__ import annotations

from footmap.render.artists import MapArtists
from footmap.render.labels import place_labels
from footmap.render.plot import ColorBy, plot_map

__all__ = ["ColorBy", "MapArtists", "place_labels", "plot_map"]
