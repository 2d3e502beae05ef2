"""The polygons of a chart's features, flattened a level at a time.

A large chart is mostly coordinates: 10,000 zones hold some 50,000 positions, each a Python
list. The schema's quick check and the geometry builder both need them all, so
:func:`flatten` walks them once, level by level with C-level iteration (no Python loop over
rings or positions), and both use what it found.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from itertools import chain
from typing import Any

import numpy as np

__all__ = ["Flat", "flatten"]


@dataclass(frozen=True, eq=False)
class Flat:
    """Every polygon of the features with a Polygon or MultiPolygon geometry.

    Attributes
    ----------
    where : list of int
        Positions of those features in the feature list (a MultiPolygon's coordinates must
        be a list to count).
    parts : numpy.ndarray
        Polygons per feature of ``where``.
    polys : list
        Every polygon's coordinates, in feature order.
    well_formed : bool
        Whether each polygon is a non-empty list of rings, each ring a list of 4 or more
        positions, each position a list of two numbers (``int`` or ``float`` exactly): the
        schema's polygon, ring and position. Lists and numbers are checked by exact type
        (a subclass counts as not well formed).
    sizes : numpy.ndarray or None
        Positions per ring (None unless well formed).
    per_poly : numpy.ndarray or None
        Rings per polygon (None unless well formed).
    xy : numpy.ndarray or None
        Every position as a row of two floats (None unless well formed, or when a number is
        too large for a float).
    """

    where: list[int]
    parts: np.ndarray
    polys: list[Any]
    well_formed: bool
    sizes: np.ndarray | None = None
    per_poly: np.ndarray | None = None
    xy: np.ndarray | None = None


def flatten(features: list[Any], skip: Collection[int] = ()) -> Flat:
    """Flatten the polygons of ``features`` (those at the positions in ``skip`` left out).

    Parameters
    ----------
    features : list
        A chart's features, as parsed (anything may be malformed).
    skip : collection of int, optional
        Positions of features to leave out.

    Returns
    -------
    Flat

    Examples
    --------
    >>> square = [[[0, 0], [1, 0], [1, 1], [0, 0]]]
    >>> f = {"geometry": {"type": "Polygon", "coordinates": square}}
    >>> flat = flatten([f, {"geometry": None}])
    >>> flat.where, flat.well_formed, flat.xy.shape
    ([0], True, (4, 2))
    """
    where: list[int] = []
    parts: list[int] = []
    polys: list[Any] = []
    for i, f in enumerate(features):
        geom = f.get("geometry") if isinstance(f, dict) else None
        if not isinstance(geom, dict) or (skip and i in skip):
            continue
        coords, gtype = geom.get("coordinates"), geom.get("type")
        if gtype == "Polygon":
            polys.append(coords)
            parts.append(1)
        elif gtype == "MultiPolygon" and isinstance(coords, list):
            polys.extend(coords)
            parts.append(len(coords))
        else:
            continue
        where.append(i)
    counts = np.asarray(parts, dtype=np.int64)
    if not _lists_of(polys, 1):
        return Flat(where, counts, polys, False)
    rings = list(chain.from_iterable(polys))
    if not _lists_of(rings, 4):
        return Flat(where, counts, polys, False)
    positions = list(chain.from_iterable(rings))
    if not (set(map(type, positions)) <= {list} and set(map(len, positions)) <= {2}):
        return Flat(where, counts, polys, False)
    values = list(chain.from_iterable(positions))
    if not set(map(type, values)) <= {int, float}:
        return Flat(where, counts, polys, False)
    sizes = np.fromiter(map(len, rings), dtype=np.int64, count=len(rings))
    per_poly = np.fromiter(map(len, polys), dtype=np.int64, count=len(polys))
    try:
        xy = np.array(values, dtype=np.float64).reshape(-1, 2)
    except OverflowError:  # an int too large for a float
        xy = None
    return Flat(where, counts, polys, True, sizes, per_poly, xy)


def _lists_of(items: list[Any], min_len: int) -> bool:
    """Whether every item is a list (exactly) of at least ``min_len`` items."""
    return set(map(type, items)) <= {list} and min(map(len, items), default=min_len) >= min_len
