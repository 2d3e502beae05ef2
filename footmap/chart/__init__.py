"""The chart: the one door a chart comes in by (read, check, build), its model and queries.

A chart file is read and validated once (:func:`load`, :func:`loads`), with every problem
reported together in one :class:`~footmap.ChartError`; the result is a frozen
:class:`Chart`. :mod:`~footmap.chart.query` turns names and search text into zones and
:mod:`~footmap.chart.neighbours` gives the arrow keys' moves; :func:`anatomy_under` says
what of the foot's own anatomy lies under a zone. Imports nothing of matplotlib.
"""

from __future__ import annotations

from footmap.chart._schema import schema
from footmap.chart.anatomy import UnderItem, anatomy_under, drawn_on
from footmap.chart.loader import (
    CAVEAT_SOURCE_KINDS,
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_ZONES,
    SCHEMA_VERSION,
    bundled_path,
    load,
    load_anatomy,
    load_body,
    load_chart,
    loads,
)
from footmap.chart.model import (
    CLAIM_KINDS,
    SOURCE_KINDS,
    AnatomyChart,
    BodyChart,
    BodyOutline,
    Caveat,
    Chart,
    Claim,
    Disagreement,
    Outline,
    Region,
    Source,
    Structure,
    Zone,
)
from footmap.chart.neighbours import walk
from footmap.chart.query import HighlightSpec, find, match_search, resolve, search_options

__all__ = [
    "AnatomyChart",
    "BodyChart",
    "BodyOutline",
    "CAVEAT_SOURCE_KINDS",
    "CLAIM_KINDS",
    "Caveat",
    "Chart",
    "Claim",
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_ZONES",
    "Disagreement",
    "HighlightSpec",
    "Outline",
    "Region",
    "SCHEMA_VERSION",
    "SOURCE_KINDS",
    "Source",
    "Structure",
    "UnderItem",
    "Zone",
    "anatomy_under",
    "bundled_path",
    "drawn_on",
    "find",
    "load",
    "load_anatomy",
    "load_body",
    "load_chart",
    "loads",
    "match_search",
    "resolve",
    "schema",
    "search_options",
    "walk",
]
