"""Search for zones by body area, zone label or body system, as the search boxes do.

The explorer's search box and the standalone HTML map (:mod:`footmap.web.page`) match the
same way: an option typed exactly ("kidneys", "system: Urinary"; any case, any spacing)
selects its zones; other text of three or more characters selects every zone whose label,
body area, system or id contains it (:meth:`footmap.Chart.search`). The HTML map runs a
JavaScript port of :func:`match_search` on the index :func:`search_index` builds here, so
both give the same zones for the same text.

Pure functions, no widgets: this module imports nothing beyond the chart model.
"""

from __future__ import annotations

import difflib
import sys
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from footmap.chart.model import Chart, Zone, _norm
from footmap.errors import FootmapError
from footmap.vocab import SYSTEMS

__all__ = [
    "MIN_CHARS",
    "HighlightSpec",
    "match_search",
    "resolve",
    "search_index",
    "search_options",
    "unknown_message",
]

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
    options: dict[str, tuple[Zone, ...]] = {}
    for area in chart.body_areas:
        options[area] = tuple(z for z in chart.zones if z.body_area == area)
    areas = {a.casefold() for a in chart.body_areas}
    for z in chart.zones:
        if z.label.casefold() in areas:
            continue
        options[z.label] = options.get(z.label, ()) + (z,)
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


@lru_cache(maxsize=1)
def _unicode_tables() -> tuple[str, dict[str, str]]:
    """Python's whitespace and the characters whose casefold is not ``upper().lower()``.

    JavaScript has no ``casefold``; ``toUpperCase().toLowerCase()`` per character agrees
    with it except for these few (Cherokee, dotless i, ...), which the index carries.
    """
    spaces = "".join(chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace())
    fold: dict[str, str] = {}
    for c in range(sys.maxunicode + 1):
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


#: What :func:`plot_map` accepts as ``highlight``: a zone id, body area, body system id or
#: label, a :class:`~footmap.chart.Zone`, or any iterable mixing them.
HighlightSpec = str | Zone | Iterable[str | Zone] | None


def resolve(chart: Chart, spec: HighlightSpec) -> tuple[Zone, ...]:
    """Turn a highlight spec into the zones it names, in chart order.

    Each item may be a zone id (``"left.plantar.kidney"``), a body area (``"kidneys"``;
    a trailing plural ``s`` is optional), a body-system id or label (``"urinary"``), a zone
    label (``"Kidney"``) or a :class:`~footmap.chart.Zone`.

    Parameters
    ----------
    chart : Chart
    spec : str, Zone, iterable of those, or None
        ``None`` or an empty iterable selects nothing.

    Returns
    -------
    tuple of Zone
        Without duplicates, in the chart's order.

    Raises
    ------
    FootmapError
        For names that match nothing, listing close matches.

    Examples
    --------
    >>> import footmap
    >>> from footmap.chart import resolve
    >>> chart = footmap.load()
    >>> sorted({z.system for z in resolve(chart, ["urinary", "left.plantar.heart"])})
    ['cardiovascular', 'urinary']
    """
    if spec is None:
        return ()
    items: list[Any] = [spec] if isinstance(spec, (str, Zone)) else list(spec)
    chosen: set[str] = set()
    unknown: list[str] = []
    system_labels = {v.casefold(): k for k, v in SYSTEMS.items()}
    for item in items:
        if isinstance(item, Zone):
            chosen.add(item.id)
            continue
        if not isinstance(item, str):
            raise FootmapError(
                "a zone is named by a zone id, body area, body system or label, "
                f"not {type(item).__name__}"
            )
        key = item.strip()
        folded = key.casefold()
        system = folded if folded in SYSTEMS else system_labels.get(folded)
        if key in chart._by_id:
            chosen.add(key)
        elif system is not None:
            chosen.update(z.id for z in chart.zones_in_system(system))
        elif found := chart.zones_for(key):
            chosen.update(z.id for z in found)
        elif named := [z for z in chart.zones if z.label.casefold() == folded]:
            chosen.update(z.id for z in named)
        else:
            unknown.append(key)
    if unknown:
        raise FootmapError("\n".join(unknown_message(chart, k) for k in unknown))
    return tuple(z for z in chart.zones if z.id in chosen)


def unknown_message(chart: Chart, key: str) -> str:
    """Say that ``key`` names nothing in ``chart``, with close names when there are any."""
    if len(key) > 200:  # echo a long input in part, and spare difflib its quadratic work
        return (
            f"{key[:200]!r}... ({len(key):,} characters) matches no zone id, "
            "body area, body system or zone label of this chart"
        )
    names = sorted(
        {*chart._by_id, *chart.body_areas, *SYSTEMS, *(z.label.casefold() for z in chart.zones)}
    )
    close = difflib.get_close_matches(key.casefold(), names, n=5, cutoff=0.6)
    if not close:  # a fragment: offer names containing it
        close = [n for n in names if key.casefold() in n][:5]
    hint = f"; did you mean: {', '.join(close)}?" if close else ""
    return f"{key!r} matches no zone id, body area, body system or zone label of this chart{hint}"
