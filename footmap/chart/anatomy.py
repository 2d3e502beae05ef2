"""What really lies under a zone: the foot's own anatomy below a reflexology zone (geometry only).

:func:`anatomy_under` overlays a zone of a reflexology :class:`~footmap.chart.model.Chart` on
the structures of the same foot and view in a foot-anatomy
:class:`~footmap.chart.model.AnatomyChart` (the two share the frame and the outlines) and
returns what the zone covers: the cutaneous nerve territories with the share of the zone's area
each covers, the bones under it and the (approximate) dermatomes. Words are the text wing's
(:func:`footmap.text.anatomy.under_text`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from shapely.geometry.base import BaseGeometry

from footmap.chart.loader import load_anatomy
from footmap.chart.model import AnatomyChart, Chart, Structure

__all__ = [
    "BONE_MIN_SHARE",
    "MIN_SHARE",
    "STRUCTURE_KINDS",
    "UnderItem",
    "anatomy_under",
    "drawn_on",
]

#: The kinds of structure, in the order :func:`anatomy_under` lists them.
STRUCTURE_KINDS = ("nerve", "bone", "dermatome")
#: A nerve territory or dermatome is listed when it covers at least this share of the zone
#: (the largest one is always listed).
MIN_SHARE = 0.02
#: A bone is listed when it lies under at least this share of the zone; when none does, the
#: bone under the zone's representative point (or else the nearest bone) is listed.
BONE_MIN_SHARE = 0.05


@dataclass(frozen=True)
class UnderItem:
    """One structure lying under a zone.

    Attributes
    ----------
    kind : str
        ``"nerve"`` (a cutaneous nerve's skin territory), ``"bone"`` or ``"dermatome"``.
    name : str
        The structure's display name (``"Medial plantar nerve"``).
    roots : str or None
        Its spinal nerve roots (``"L4–L5"``), where the chart gives them.
    share : float
        The share of the zone's area the structure covers, 0 to 1, rounded to 3 decimals.
    id : str
        The structure's id in the anatomy chart (``"left.plantar.nerve.medial-plantar"``).
    nearest : bool
        A bone that does not lie under the zone but is the nearest one (no bone lies under it).
    approximate : bool
        Boundaries that differ between sources (dermatomes).
    """

    kind: str
    name: str
    roots: str | None
    share: float
    id: str
    nearest: bool = False
    approximate: bool = False


def anatomy_under(
    chart: Chart, zone_id: str, anatomy: AnatomyChart | None = None
) -> list[UnderItem]:
    """Return what lies under a zone: nerve territories, bones and dermatomes.

    Parameters
    ----------
    chart : Chart
        The reflexology chart holding the zone.
    zone_id : str
        The zone's id (``"left.plantar.kidney"``).
    anatomy : AnatomyChart, optional
        The foot-anatomy chart in the same frame; ``None`` uses the bundled one
        (:func:`footmap.load_anatomy`).

    Returns
    -------
    list of UnderItem
        The nerve territories covering at least :data:`MIN_SHARE` of the zone, largest share
        first (at least one); then the bones covering at least :data:`BONE_MIN_SHARE`, largest
        first (when none does: the bone under the zone's representative point, or failing that
        the nearest bone, marked ``nearest``); then the dermatomes covering at least
        :data:`MIN_SHARE`, largest first. Ties go by name. Empty when the anatomy chart has
        nothing on the zone's panel, or the zone has no area.

    Raises
    ------
    KeyError
        If the chart has no zone ``zone_id``.

    Examples
    --------
    >>> import footmap
    >>> items = footmap.anatomy_under(footmap.load(), "left.plantar.kidney")
    >>> [(it.kind, it.name) for it in items if it.kind == "nerve"]
    [('nerve', 'Medial plantar nerve')]
    """
    zone = chart.zone(zone_id)
    if anatomy is None:
        anatomy = load_anatomy()
    return _under(zone.geometry, anatomy.structures_on(zone.foot, zone.view))


def drawn_on(chart: Chart, anatomy: AnatomyChart | None = None) -> bool:
    """Whether ``anatomy`` is drawn on ``chart``'s panels: the same frame and the same outlines.

    :func:`anatomy_under` means something only then: the bundled foot-anatomy chart is drawn
    on the bundled reflexology chart's outlines, not on another chart's. ``None`` uses the
    bundled anatomy chart.

    Examples
    --------
    >>> import footmap
    >>> drawn_on(footmap.load())
    True
    """
    if anatomy is None:
        anatomy = load_anatomy()
    if chart.frame != anatomy.frame:
        return False
    mine = {(o.foot, o.view): o.geometry for o in anatomy.outlines}
    theirs = {(o.foot, o.view): o.geometry for o in chart.outlines}
    return bool(theirs) and all(
        panel in mine and mine[panel].equals(geom) for panel, geom in theirs.items()
    )


def _under(zone_geom: BaseGeometry, structures: Iterable[Structure]) -> list[UnderItem]:
    """Return what of ``structures`` (one panel's) lies under ``zone_geom``; see anatomy_under."""
    area = zone_geom.area
    if zone_geom.is_empty or area <= 0:
        return []
    found: dict[str, list[tuple[float, Structure]]] = {k: [] for k in STRUCTURE_KINDS}
    for s in structures:
        if s.kind not in found:
            continue  # a kind this version does not know is not "under" in its sense
        inter = zone_geom.intersection(s.geometry).area if zone_geom.intersects(s.geometry) else 0
        found[s.kind].append((min(1.0, inter / area), s))
    out: list[UnderItem] = []
    for kind in STRUCTURE_KINDS:
        ranked = sorted(found[kind], key=lambda it: (-it[0], it[1].name))
        if not ranked:
            continue
        nearest = False
        if kind == "bone":
            chosen = [it for it in ranked if it[0] >= BONE_MIN_SHARE]
            if not chosen:
                point = zone_geom.representative_point()
                chosen = [it for it in ranked if it[1].geometry.covers(point)][:1]
            if not chosen:
                chosen = [min(ranked, key=lambda it: (it[1].geometry.distance(point), it[1].name))]
                nearest = True
        else:
            chosen = [it for it in ranked if it[0] >= MIN_SHARE and it[0] > 0] or ranked[:1]
        out.extend(
            UnderItem(
                kind=s.kind,
                name=s.name,
                roots=s.roots,
                share=round(share, 3),
                id=s.id,
                nearest=nearest,
                approximate=s.approximate,
            )
            for share, s in chosen
        )
    return out
