"""Files: annotated pages (PNG, SVG, PDF), the handout, and the ``.html`` map by suffix."""

from __future__ import annotations

from footmap.export.annotate import export, figure, save_figure, save_pages
from footmap.export.files import FORMATS, check_dpi
from footmap.export.handouts import handout
from footmap.export.pagetext import SIZES, page_size

__all__ = [
    "FORMATS",
    "SIZES",
    "check_dpi",
    "export",
    "figure",
    "handout",
    "page_size",
    "save_figure",
    "save_pages",
]
