"""Drawing with matplotlib: one map on one Axes, and what a drawn map knows.

:func:`plot_map` draws any panels of a chart and returns its :class:`MapArtists`;
:func:`plot_body` draws the body figure (where the organs really are) and
:func:`plot_anatomy_layer` the foot's own nerves, bones or dermatomes over a drawn map.
"""

from __future__ import annotations

from footmap.render.anatomy import AnatomyLayer, plot_anatomy_layer
from footmap.render.artists import MapArtists
from footmap.render.body import BodyArtists, plot_body
from footmap.render.labels import place_labels
from footmap.render.plot import ColorBy, plot_map

__all__ = [
    "AnatomyLayer",
    "BodyArtists",
    "ColorBy",
    "MapArtists",
    "place_labels",
    "plot_anatomy_layer",
    "plot_body",
    "plot_map",
]
