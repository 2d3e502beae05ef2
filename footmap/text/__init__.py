"""Every word footmap says about a chart, as plain text and as escaped HTML.

No matplotlib and no widgets here: the explorer, the HTML map, the exports and the command
line all render what this wing writes. :mod:`~footmap.text.describe` builds the one
description of a zone or a selection; :mod:`~footmap.text.caveat` frames the caveat for
every surface; :mod:`~footmap.text.tour` and :mod:`~footmap.text.quiz` are the lessons;
:mod:`~footmap.text.safe` makes text safe to draw, print or put in HTML.
"""

from __future__ import annotations

from footmap.text.anatomy import (
    UNDER_HEADING,
    WHERE_HEADING,
    under_html,
    under_text,
    where_it_really_is,
    where_it_really_is_html,
)
from footmap.text.caveat import (
    CAVEAT_HEADING,
    REMINDER,
    SAFETY_HEADING,
    caveat_html,
    caveat_line,
    safety_line,
    safety_text,
)
from footmap.text.describe import (
    ARTICLES_HEADING,
    CHARTS_HEADING,
    DISAGREE_HEADING,
    EVIDENCE_HEADING,
    SECTIONS,
    SelectionDescription,
    ZoneDescription,
    citation_numbers,
    describe_selection,
    describe_zone,
    reference_list,
    zone_html,
    zone_text,
    zones_html,
)
from footmap.text.safe import display_text, escape_html, terminal_text

__all__ = [
    "ARTICLES_HEADING",
    "CAVEAT_HEADING",
    "CHARTS_HEADING",
    "DISAGREE_HEADING",
    "EVIDENCE_HEADING",
    "REMINDER",
    "SAFETY_HEADING",
    "SECTIONS",
    "UNDER_HEADING",
    "WHERE_HEADING",
    "SelectionDescription",
    "ZoneDescription",
    "caveat_html",
    "caveat_line",
    "citation_numbers",
    "describe_selection",
    "describe_zone",
    "display_text",
    "escape_html",
    "reference_list",
    "safety_line",
    "safety_text",
    "terminal_text",
    "under_html",
    "under_text",
    "where_it_really_is",
    "where_it_really_is_html",
    "zone_html",
    "zone_text",
    "zones_html",
]
