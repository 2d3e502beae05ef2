"""The map's mark for zones where published charts disagree: a dashed outline.

A zone named by one of the chart's documented disagreements (:attr:`Chart.disagreements`)
gets a dashed dark outline drawn over its fill, and the legend an entry
:data:`DISAGREE_LABEL`. The outline keeps the zone's colour and label readable and needs no
room of its own, so it works on zones of any size. :func:`footmap.render.plot_map` draws it
with ``disagreements=True``; the explorer and the web map may reuse
:func:`disagreement_paths`, :func:`mark_disagreements` and :func:`disagreement_handle`.
"""

from __future__ import annotations

from collections.abc import Sequence

from matplotlib.axes import Axes
from matplotlib.collections import Collection, PatchCollection
from matplotlib.patches import Patch
from matplotlib.path import Path

from footmap.chart.model import Chart, Zone
from footmap.render.layout import HATCH_Z, LEADER_Z

__all__ = [
    "DISAGREE_EDGE",
    "DISAGREE_GID",
    "DISAGREE_LABEL",
    "DISAGREE_STYLE",
    "disagreement_handle",
    "disagreement_paths",
    "has_marks",
    "mark_disagreements",
]

#: Legend text of the mark.
DISAGREE_LABEL = "charts disagree (dashed outline)"
#: Outline colour (near black: contrast over every system colour and the dimmed fills).
DISAGREE_EDGE = "#111111"
#: Dash pattern (offset, (on, off)) in points.
DISAGREE_STYLE: tuple[float, tuple[float, float]] = (0.0, (2.4, 1.6))
#: ``gid`` of the drawn collection (found again by tests and the SVG writer).
DISAGREE_GID = "footmap-disagreements"
_LW = 1.1
#: The light mark (every disagreement on an unhighlighted map): thinner, sparser dashes.
LIGHT_STYLE: tuple[float, tuple[float, float]] = (0.0, (1.2, 2.4))
_LW_LIGHT = 0.6


def disagreement_paths(chart: Chart, zones: Sequence[Zone], paths: Sequence[Path]) -> list[Path]:
    """The paths (``paths[i]`` draws ``zones[i]``) of the zones the chart's disagreements name."""
    named = {zid for d in chart.disagreements for zid in d.zones}
    return [p for z, p in zip(zones, paths, strict=True) if z.id in named]


def mark_disagreements(
    ax: Axes, chart: Chart, zones: Sequence[Zone], paths: Sequence[Path], *, light: bool = False
) -> PatchCollection | None:
    """Draw a dashed outline on each zone with a documented disagreement.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
    chart : Chart
    zones : sequence of Zone
        The drawn zones; ``paths[i]`` draws ``zones[i]`` (in the Axes' data coordinates).
    paths : sequence of matplotlib.path.Path
    light : bool, optional
        A thinner, shorter dash: for a map marking every zone with a disagreement (no
        highlight), so that the marks do not cover most of the sole.

    Returns
    -------
    PatchCollection or None
        The outlines (``gid`` :data:`DISAGREE_GID`), or None when no drawn zone has one.
    """
    marked = disagreement_paths(chart, zones, paths)
    if not marked:
        return None
    coll = PatchCollection(
        [],
        facecolors="none",
        edgecolors=DISAGREE_EDGE,
        linewidths=_LW_LIGHT if light else _LW,
        linestyles=[LIGHT_STYLE if light else DISAGREE_STYLE],
        zorder=(HATCH_Z + LEADER_Z) / 2,  # over fills and hatches, under leaders and labels
    )
    Collection.set_paths(coll, marked)
    coll.set_in_layout(False)
    coll.set_gid(DISAGREE_GID)
    ax.add_collection(coll, autolim=False)
    return coll


def disagreement_handle() -> Patch:
    """A legend entry for the mark: an empty box with the dashed outline."""
    return Patch(
        facecolor="none",
        edgecolor=DISAGREE_EDGE,
        linewidth=_LW,
        linestyle=DISAGREE_STYLE,
        label=DISAGREE_LABEL,
    )


def has_marks(chart: Chart, zones: Sequence[Zone]) -> bool:
    """Whether any of ``zones`` is named by a documented disagreement."""
    return any(chart.disagreements_for(z) for z in zones)
