"""footmap: an interactive reflexology foot map for JupyterLab.

The chart shows what reflexology charts *claim*: which area of the foot is said to correspond
to which part of the body. These correspondences are a belief of reflexology, not established
fact; every view footmap produces carries that caveat and cites its sources.

Examples
--------
>>> import footmap
>>> chart = footmap.load()
>>> [z.id for z in chart.zones_for("heart")]
['left.plantar.heart']
"""

from __future__ import annotations

from footmap.chart import schema
from footmap.chart.anatomy import UnderItem, anatomy_under
from footmap.chart.loader import (
    SCHEMA_VERSION,
    bundled_path,
    load,
    load_anatomy,
    load_body,
    loads,
)
from footmap.chart.model import (
    AnatomyChart,
    BodyChart,
    Caveat,
    Chart,
    Claim,
    Disagreement,
    Outline,
    Source,
    Zone,
)
from footmap.chart.neighbours import walk
from footmap.errors import ChartError, FootmapError, Problem
from footmap.vocab import FEET, SYSTEMS, VIEWS

__all__ = [
    "FEET",
    "SCHEMA_VERSION",
    "SYSTEMS",
    "VIEWS",
    "AnatomyChart",
    "BodyChart",
    "Caveat",
    "Chart",
    "ChartError",
    "Claim",
    "Disagreement",
    "FootmapError",
    "Outline",
    "Problem",
    "Source",
    "UnderItem",
    "Zone",
    "anatomy_under",
    "bundled_path",
    "load",
    "load_anatomy",
    "load_body",
    "loads",
    "schema",
    "walk",
]

__version__ = "0.1.0"
