"""What lies under a zone: the foot's own anatomy below a reflexology zone (pure geometry).

:func:`anatomy_under` takes a zone's geometry and the anatomy structures of the same foot and
view (from ``data/foot-anatomy.geojson``) and returns what the zone covers: the cutaneous nerve
territories and the share of the zone's area each covers, the bones under it and the
(approximate) dermatomes. :func:`describe_under` turns that into one sentence, e.g. "skin of the
medial plantar nerve (L4–L5) over the navicular and the intermediate cuneiform; approximate
dermatome L5".

Both functions are pure: no file access, no global state; shapely only.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from shapely.geometry.base import BaseGeometry

__all__ = ["BONE_MIN_SHARE", "MIN_SHARE", "anatomy_under", "describe_under"]

#: A nerve territory or dermatome is listed when it covers at least this share of the zone
#: (the largest one is always listed).
MIN_SHARE = 0.02
#: A bone is listed when it lies under at least this share of the zone; when none does, the
#: bone under the zone's representative point (or else the nearest bone) is listed.
BONE_MIN_SHARE = 0.05
#: At most this many bones are named in :func:`describe_under`.
MAX_BONES_NAMED = 4

_KINDS = ("nerve", "bone", "dermatome")


def anatomy_under(
    zone_geom: BaseGeometry,
    zone_foot: str,
    zone_view: str,
    structures: Iterable[tuple[str, str, str | None, BaseGeometry]],
) -> list[dict[str, Any]]:
    """Return what lies under a zone: nerve territories, bones and dermatomes.

    Parameters
    ----------
    zone_geom : shapely geometry
        The zone (a Polygon or MultiPolygon in the chart frame, mm).
    zone_foot, zone_view : str
        The zone's foot and view; the structures must be of the same panel (they are only used
        in error messages).
    structures : iterable of (kind, name, roots, geometry)
        The anatomy structures of that panel: ``kind`` is ``"nerve"``, ``"bone"`` or
        ``"dermatome"``; ``roots`` the spinal roots (e.g. ``"L4–L5"``) or None.

    Returns
    -------
    list of dict
        Items ``{"kind", "name", "roots", "share"}`` (``share``: fraction of the zone's area the
        structure covers, 0-1, rounded to 3 decimals): the nerve territories covering at least
        :data:`MIN_SHARE` of the zone, largest share first; then the bones covering at least
        :data:`BONE_MIN_SHARE`, largest first (when none does: the single bone under the zone's
        representative point, or failing that the nearest bone, with ``"nearest": True``); then
        the dermatomes covering at least :data:`MIN_SHARE`, largest first. Empty for an empty
        zone.

    Raises
    ------
    ValueError
        If a structure has an unknown kind.
    """
    area = zone_geom.area
    if zone_geom.is_empty or area <= 0:
        return []
    shares: dict[str, list[dict[str, Any]]] = {k: [] for k in _KINDS}
    geoms: dict[str, BaseGeometry] = {}
    for kind, name, roots, geom in structures:
        if kind not in shares:
            raise ValueError(f"{zone_foot}.{zone_view}: unknown structure kind {kind!r}")
        share = zone_geom.intersection(geom).area / area if zone_geom.intersects(geom) else 0.0
        shares[kind].append({"kind": kind, "name": name, "roots": roots, "share": min(1.0, share)})
        if kind == "bone":
            geoms[name] = geom
    out: list[dict[str, Any]] = []
    for kind in _KINDS:
        items = sorted(shares[kind], key=lambda it: (-it["share"], it["name"]))
        if not items:
            continue
        if kind == "bone":
            chosen = [it for it in items if it["share"] >= BONE_MIN_SHARE]
            if not chosen:
                point = zone_geom.representative_point()
                under = [it for it in items if geoms[it["name"]].covers(point)]
                if under:
                    chosen = under[:1]
                else:
                    nearest = min(
                        items, key=lambda it: (geoms[it["name"]].distance(point), it["name"])
                    )
                    chosen = [dict(nearest, nearest=True)]
        else:
            chosen = [it for it in items if it["share"] >= MIN_SHARE] or items[:1]
            chosen = [it for it in chosen if it["share"] > 0] or items[:1]
        out.extend(dict(it, share=round(it["share"], 3)) for it in chosen)
    return out


def _lower(name: str) -> str:
    """Return a name for the middle of a sentence ("Medial plantar nerve" -> "medial ...")."""
    return name[:1].lower() + name[1:] if name[:2] != name[:2].upper() else name


def _join(words: list[str]) -> str:
    """Join words as "a", "a and b", "a, b and c"."""
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def describe_under(items: list[dict[str, Any]]) -> str:
    """Return one sentence saying what :func:`anatomy_under` found under a zone.

    E.g. "skin of the medial plantar nerve (L4–L5) over the navicular and the intermediate
    cuneiform; approximate dermatome L5". With several nerves each gets its share of the zone
    ("skin of the medial plantar nerve (L4–L5, 70 %) and the lateral plantar nerve (30 %)");
    a bone listed only as the nearest one is "near" the zone rather than "under" it; more than
    four bones are summed up ("and 3 other bones").
    """
    nerves = [it for it in items if it["kind"] == "nerve"]
    bones = [it for it in items if it["kind"] == "bone"]
    derms = [it for it in items if it["kind"] == "dermatome"]
    parts: list[str] = []
    if nerves:
        many = len(nerves) > 1
        named = []
        for it in nerves:
            extra = [it["roots"]] if it.get("roots") else []
            if many:
                extra.append(f"{round(100 * it['share'])} %")
            named.append(f"the {_lower(it['name'])}" + (f" ({', '.join(extra)})" if extra else ""))
        parts.append("skin of " + _join(named))
    if bones:
        if any(it.get("nearest") for it in bones):
            bone_text = "near the " + _lower(bones[0]["name"])
        else:
            names = [f"the {_lower(it['name'])}" for it in bones[:MAX_BONES_NAMED]]
            rest = len(bones) - MAX_BONES_NAMED
            if rest > 0:
                names.append(f"{rest} other bone" + ("s" if rest > 1 else ""))
            bone_text = "over " + _join(names)
        parts.append(bone_text)
    text = " ".join(parts)
    if derms:
        label = "/".join(it["roots"] or it["name"] for it in derms)
        text += (
            "; " if text else ""
        ) + f"approximate dermatome{'s' if len(derms) > 1 else ''} {label}"
    return text
