"""Search for zones by body area, zone label or body system, as the search boxes do.

The explorer's search box and the standalone HTML map (:mod:`footmap.webmap`) match the
same way: an option typed exactly ("kidneys", "system: Urinary"; any case, any spacing)
selects its zones; other text of three or more characters selects every zone whose label,
body area, system or id contains it (:meth:`footmap.Chart.search`). The HTML map runs a
JavaScript port of :func:`match_search` on the index :func:`search_index` builds here, so
both give the same zones for the same text.

Pure functions, no widgets: this module imports nothing beyond the chart model.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from .chart import Chart, Zone, _norm

__all__ = ["MIN_CHARS", "match_search", "search_index", "search_options"]

#: Free text shorter than this (in characters) is not searched: too many zones would match.
MIN_CHARS = 3


def search_options(chart: Chart) -> dict[str, tuple[Zone, ...]]:
    """The search box's options: display text -> the zones it selects.

    Offers every body area (``"kidneys"`` selects the kidney zones of both feet), every zone
    label that is not also a body area, and every body system (``"system: Urinary"``).

    Parameters
    ----------
    chart : Chart

    Returns
    -------
    dict
        Insertion-ordered; body areas first, then labels, then systems.

    Examples
    --------
    >>> import footmap
    >>> opts = search_options(footmap.load())
    >>> sorted({z.foot for z in opts["kidneys"]})
    ['left', 'right']
    """
    # one pass over the zones, lists grown in place: a chart of 20,000 zones each with its
    # own body area, or all with one label, takes as long as any other
    by_area: dict[str, list[Zone]] = {area: [] for area in chart.body_areas}
    by_label: dict[str, list[Zone]] = {}
    areas = {a.casefold() for a in chart.body_areas}
    for z in chart.zones:
        if z.body_area in by_area:
            by_area[z.body_area].append(z)
        if z.label.casefold() not in areas:
            by_label.setdefault(z.label, []).append(z)
    options: dict[str, tuple[Zone, ...]] = {a: tuple(zs) for a, zs in by_area.items()}
    for label, zs in by_label.items():
        options[label] = options.get(label, ()) + tuple(zs)
    for system in dict.fromkeys(z.system for z in chart.zones):
        zones = chart.zones_in_system(system)
        options[f"system: {zones[0].system_label}"] = zones
    return options


def match_search(
    chart: Chart, options: dict[str, tuple[Zone, ...]], text: str
) -> tuple[Zone, ...] | None:
    """Zones the search text selects, or ``None`` when the text is too short to decide.

    An option matched exactly (ignoring case and surrounding space) selects its zones; other
    text of :data:`MIN_CHARS` or more characters selects :meth:`Chart.search` hits; empty
    text selects nothing (clears).

    Parameters
    ----------
    chart : Chart
    options : dict
        From :func:`search_options`.
    text : str
        What the reader typed.

    Returns
    -------
    tuple of Zone or None

    Examples
    --------
    >>> import footmap
    >>> chart = footmap.load()
    >>> opts = search_options(chart)
    >>> [z.foot for z in match_search(chart, opts, "  KIDNEYS ")]
    ['left', 'right']
    >>> match_search(chart, opts, "ki") is None
    True
    """
    q = " ".join(text.split()).casefold()
    if not q:
        return ()
    for key, zones in options.items():
        if key.casefold() == q:
            return zones
    if len(q) < MIN_CHARS:
        return None
    return chart.search(q)


#: End of the code points that may be white space or have a case (planes 0 and 1).
_CASED_END = 0x20000


@lru_cache(maxsize=1)
def _unicode_tables() -> tuple[str, dict[str, str]]:
    """Python's whitespace and the characters whose casefold is not ``upper().lower()``.

    JavaScript has no ``casefold``; ``toUpperCase().toLowerCase()`` per character agrees
    with it except for these few (Cherokee, dotless i, ...), which the index carries.
    """
    # Planes 2 to 16 (ideographs, tags, private use) hold no space and no cased letter: the
    # first two planes (a ninth of the code points) give the same tables, nine times sooner
    spaces = "".join(chr(c) for c in range(_CASED_END) if chr(c).isspace())
    fold: dict[str, str] = {}
    for c in range(_CASED_END):
        if 0xD800 <= c <= 0xDFFF:
            continue
        ch = chr(c)
        folded = ch.casefold()
        if ch.upper().lower() != folded:
            fold[ch] = folded
    return spaces, fold


def search_index(chart: Chart, zones: tuple[Zone, ...] | None = None) -> dict[str, Any]:
    """Everything a JavaScript port of :func:`match_search` needs, as JSON-ready data.

    Parameters
    ----------
    chart : Chart
    zones : tuple of Zone, optional
        The zones in the order the index numbers them (default: ``chart.zones``).

    Returns
    -------
    dict
        ``options``: ``[casefolded key, display key, [zone numbers]]`` in option order;
        ``zones``: per zone ``[label, body area, system label]`` normalised as
        :meth:`Chart.search` normalises them, then its id; ``spaces``: the characters
        Python's ``str.split`` splits on; ``fold``: casefold exceptions (see above);
        ``min``: :data:`MIN_CHARS`.

    Examples
    --------
    >>> import footmap
    >>> index = search_index(footmap.load())
    >>> [o for o in index["options"] if o[0] == "system: urinary"][0][1]
    'system: Urinary'
    """
    zones = chart.zones if zones is None else zones
    number = {z.id: i for i, z in enumerate(zones)}
    spaces, fold = _unicode_tables()
    return {
        "options": [
            [key.casefold(), key, [number[z.id] for z in found if z.id in number]]
            for key, found in search_options(chart).items()
        ],
        "zones": [[_norm(z.label), _norm(z.body_area), _norm(z.system_label), z.id] for z in zones],
        "spaces": spaces,
        "fold": fold,
        "min": MIN_CHARS,
    }
