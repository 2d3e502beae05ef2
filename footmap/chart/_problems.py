"""Collecting the problems of one chart input, and naming where each is.

:class:`_Problems` gathers every problem :func:`footmap.chart.loader.loads` finds (at most
:data:`MAX_PROBLEMS`), remembering which features have any; :func:`_where` and
:func:`_feature_name` turn a place in the document into the zone and field a message names.
"""

from __future__ import annotations

from typing import Any

from footmap.errors import ChartError, Problem

#: Problems listed at most, so a hopeless file still gives a readable error.
MAX_PROBLEMS = 200


def _where(features: Any, path: list[Any]) -> tuple[str | None, str]:
    """The problem's zone (a feature's name, or None) and field for a document path."""
    zone = None
    if len(path) >= 2 and path[0] == "features" and isinstance(path[1], int):
        zone = _feature_name(features, path[1])
        path = path[2:]
    return zone, ".".join(str(p) for p in path) or ("feature" if zone else "chart")


class _Problems:
    """Collects problems for one input (at most :data:`MAX_PROBLEMS` are kept).

    Remembers which features have schema errors (all of them, or in their geometry), by
    position.
    """

    def __init__(self, name: str) -> None:
        self.name = name
        self.items: list[Problem] = []
        self.schema_bad: set[int] = set()
        self.geometry_bad: set[int] = set()
        self.dropped = 0  # problems found beyond the cap
        self.stopped = False  # checking ended early: more problems may exist

    @property
    def full(self) -> bool:
        return len(self.items) >= MAX_PROBLEMS

    def add(self, zone: str | None, message: str) -> None:
        if self.full:
            self.dropped += 1
        else:
            self.items.append(Problem(self.name, zone, message))

    def raise_if_any(self) -> None:
        if not self.items:
            return
        items = list(self.items)
        if self.stopped:
            more = f"... and more: checking stopped after {MAX_PROBLEMS:,} problems"
            items.append(Problem(self.name, None, more))
        elif self.dropped:
            items.append(Problem(self.name, None, f"... and {self.dropped:,} more"))
        raise ChartError(items)


def _feature_name(features: Any, index: int) -> str:
    """Name a feature by its id when it has a usable one, else by position."""
    try:
        fid = features[index].get("id")
    except (AttributeError, IndexError, KeyError, TypeError):
        fid = None
    if isinstance(fid, str) and fid and len(fid) <= 80 and fid.isprintable():
        return fid
    return f"features[{index}]"


def _short(value: Any, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _is_zone(feature: Any) -> bool:
    return (
        isinstance(feature, dict)
        and isinstance(feature.get("properties"), dict)
        and feature["properties"].get("role") == "zone"
    )
