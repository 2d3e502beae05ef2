"""Every word footmap says about a chart, as plain text and as escaped HTML.

No matplotlib and no widgets here: the explorer, the HTML map, the exports and the command
line all render what this wing writes.
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
from footmap.text.describe import (
    CHARTS_HEADING,
    DISAGREE_HEADING,
    EVIDENCE_HEADING,
    SAFETY_HEADING,
    caveat_line,
    citation_numbers,
    display_text,
    escape_html,
    reference_list,
    safety_line,
    safety_text,
    terminal_text,
    zone_html,
    zone_text,
    zones_html,
)

__all__ = [
    "CHARTS_HEADING",
    "DISAGREE_HEADING",
    "EVIDENCE_HEADING",
    "SAFETY_HEADING",
    "UNDER_HEADING",
    "WHERE_HEADING",
    "caveat_line",
    "citation_numbers",
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
