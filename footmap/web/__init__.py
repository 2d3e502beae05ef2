"""The standalone interactive HTML map: one file, no server, no network.

The page's script and styles are the package files ``map.js`` and ``map.css`` beside this one.
"""

from __future__ import annotations

from footmap.web.page import html_document, write_html

__all__ = ["html_document", "write_html"]
