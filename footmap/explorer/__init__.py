"""The notebook: the explorer, tour and quiz widgets.

The only wing that imports ipywidgets or ipympl.
"""

from __future__ import annotations

from footmap.explorer.classroom import Quiz, Tour, quiz_widget, tour_widget
from footmap.explorer.widget import Explorer, explore

__all__ = ["Explorer", "Quiz", "Tour", "explore", "quiz_widget", "tour_widget"]
