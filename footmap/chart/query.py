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
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from footmap.chart.model import Chart, Zone, _norm
from footmap.errors import FootmapError
from footmap.vocab import SYSTEMS

__all__ = [
    "MIN_CHARS",
    "PLAIN_WORDS",
    "Found",
    "HighlightSpec",
    "find",
    "match_search",
    "resolve",
    "search_index",
    "search_options",
    "suggest",
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
        ``min``: :data:`MIN_CHARS`; for a port of :func:`find`: ``systems`` (system id ->
        zone numbers), ``plain`` (:data:`PLAIN_WORDS` -> zone numbers of the body areas the
        chart has), ``names`` (``[casefolded name, name offered]``, as :func:`suggest`
        compares) and ``cutoff`` (:data:`SUGGEST_CUTOFF`).

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
        # for a port of find(): system ids, plain words, the names suggest() compares with
        "systems": {
            s: [number[z.id] for z in chart.zones_in_system(s) if z.id in number] for s in SYSTEMS
        },
        "plain": {
            word: found
            for word, areas in PLAIN_WORDS.items()
            if (found := [i for i, z in enumerate(zones) if z.body_area in areas])
        },
        "names": list(_suggest_names(chart).items()),
        "cutoff": SUGGEST_CUTOFF,
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
    try:
        items: list[Any] = [spec] if isinstance(spec, (str, Zone)) else list(spec)
    except TypeError:  # not iterable (highlight=5)
        raise FootmapError(
            "a highlight is a zone id, body area, body system or label, or a list of them, "
            f"not {type(spec).__name__}"
        ) from None
    chosen: set[str] = set()
    unknown: list[str] = []
    system_labels = {v.casefold(): k for k, v in SYSTEMS.items()}
    for item in items:
        if isinstance(item, Zone):
            chosen.add(item.id)
            continue
        if not isinstance(item, str):
            raise FootmapError(
                "a highlight is a zone id, body area, body system or label, "
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


#: Plain words and symptoms people search with -> the body areas charts claim they concern.
#: footmap maps body areas, not symptoms: a search for a symptom leads to the body area it
#: concerns, and says so (see :func:`find`). Areas a chart does not have are skipped.
PLAIN_WORDS: dict[str, tuple[str, ...]] = {
    "toothache": ("teeth and jaw",),
    "tooth": ("teeth and jaw",),
    "teeth": ("teeth and jaw",),
    "jaw": ("teeth and jaw",),
    "headache": ("head and brain",),
    "migraine": ("head and brain",),
    "brain": ("head and brain",),
    "back pain": ("lower back", "upper back", "spine"),
    "backache": ("lower back", "upper back", "spine"),
    "back": ("lower back", "upper back", "spine"),
    "sore throat": ("throat and tonsils",),
    "tonsils": ("throat and tonsils",),
    "lungs": ("lungs and chest",),
    "chest": ("lungs and chest",),
    "breathing": ("lungs and chest", "bronchi"),
    "asthma": ("lungs and chest", "bronchi"),
    "tummy": ("stomach",),
    "belly": ("stomach", "small intestine"),
    "bowel": ("small intestine", "ascending colon", "transverse colon", "descending colon"),
    "constipation": ("ascending colon", "transverse colon", "descending colon", "sigmoid colon"),
    "colon": ("ascending colon", "transverse colon", "descending colon", "sigmoid colon"),
    "intestine": ("small intestine",),
    "womb": ("uterus or prostate",),
    "uterus": ("uterus or prostate",),
    "prostate": ("uterus or prostate",),
    "ovaries": ("ovary or testis",),
    "testicles": ("ovary or testis",),
    "period pain": ("uterus or prostate",),
    "hearing": ("ears",),
    "earache": ("ears",),
    "dizziness": ("inner ear and balance",),
    "balance": ("inner ear and balance",),
    "sight": ("eyes",),
    "vision": ("eyes",),
    "stress": ("solar plexus", "adrenal glands"),
    "hormones": ("pituitary gland", "thyroid", "adrenal glands"),
    "sciatica": ("sciatic nerve",),
    "lymph": ("lymphatic system", "upper lymph nodes", "groin lymph nodes"),
    "immune system": ("lymphatic system", "spleen", "thymus"),
    "neck pain": ("neck",),
    "stiff neck": ("neck",),
    "shoulder pain": ("shoulder",),
    "knee pain": ("knee",),
    "hip pain": ("hip",),
}

#: How close a word must be to a name to be offered as "did you mean" (difflib's ratio).
SUGGEST_CUTOFF = 0.75


@dataclass(frozen=True)
class Found:
    """What a search found: the zones, how, and what else to offer.

    Attributes
    ----------
    query : str
        The search text, with its spaces folded.
    zones : tuple of Zone
        The zones it selects (empty when nothing matched).
    areas : tuple of str
        The body areas of ``zones``, in chart order.
    plain : bool
        True when the text is a plain word or symptom (:data:`PLAIN_WORDS`), not a name of
        the chart: the zones are those of the body areas it concerns.
    suggestions : tuple of str
        Close names of the chart ("did you mean"), when nothing matched.
    """

    query: str
    zones: tuple[Zone, ...]
    areas: tuple[str, ...]
    plain: bool = False
    suggestions: tuple[str, ...] = ()

    def message(self) -> str:
        """One line saying what was found, for a status line or a terminal."""
        if self.zones and self.plain:
            return (
                f"footmap maps body areas, not symptoms: charts claim "
                f"{_and(self.areas)} for {self.query!r}"
            )
        if self.zones:
            n = len(self.zones)
            return f"{n} zone{'s' if n != 1 else ''} for {self.query!r}: {_and(self.areas)}"
        hint = f"; did you mean {_or(self.suggestions)}?" if self.suggestions else ""
        return f"No zone matches {self.query!r}{hint}"


def _and(items: Iterable[str]) -> str:
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _or(items: Iterable[str]) -> str:
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]


def suggest(chart: Chart, text: str, n: int = 3) -> tuple[str, ...]:
    """Names of ``chart`` close to ``text``: body areas, zone labels, systems (typos).

    Examples
    --------
    >>> import footmap
    >>> suggest(footmap.load(), "kidny")
    ('kidneys',)
    >>> suggest(footmap.load(), "toothache")
    ()
    """
    q = " ".join(text.split()).casefold()
    folded = _suggest_names(chart)
    close = difflib.get_close_matches(q, list(folded), n=n * 3, cutoff=SUGGEST_CUTOFF)
    return tuple(dict.fromkeys(folded[c] for c in close))[:n]


def _suggest_names(chart: Chart) -> dict[str, str]:
    """The names :func:`suggest` compares with, casefolded -> the name it offers."""
    names = list(chart.body_areas) + list(SYSTEMS)
    folded = {name.casefold(): name for name in names}
    for z in chart.zones:  # a zone label stands for its body area
        folded.setdefault(z.label.casefold(), z.body_area)
    return folded


def find(chart: Chart, text: str) -> Found:
    """What a search box or ``footmap find`` shows for ``text``: the one search of every surface.

    In order: a search option (body area, zone label, ``"system: Urinary"``, a system id), a
    zone id, text found in the chart's names (:meth:`Chart.search`), a plain word or symptom
    (:data:`PLAIN_WORDS`); when nothing matched, close names to offer ("did you mean").

    Examples
    --------
    >>> import footmap
    >>> chart = footmap.load()
    >>> find(chart, "kidny").message()
    "No zone matches 'kidny'; did you mean kidneys?"
    >>> find(chart, "toothache").areas
    ('teeth and jaw',)
    >>> len(find(chart, "system: urinary").zones) > 4
    True
    """
    q = " ".join(text.split())
    folded = q.casefold()
    zones: tuple[Zone, ...] = ()
    plain = False
    if folded:
        options = search_options(chart)
        found = match_search(chart, options, q)
        if found:
            zones = found
        elif found := chart.zones_for(q):  # "stomachs": a plural the search would miss
            zones = found
        elif folded in SYSTEMS:
            zones = chart.zones_in_system(folded)
        elif q in chart._by_id:
            zones = (chart.zone(q),)
        elif folded in PLAIN_WORDS:
            concerned = {a for a in PLAIN_WORDS[folded] if a in chart.body_areas}
            zones = tuple(z for z in chart.zones if z.body_area in concerned)
            plain = bool(zones)
    areas = tuple(dict.fromkeys(z.body_area for z in zones))
    suggestions = () if zones or not folded else suggest(chart, q)
    return Found(q, zones, areas, plain, suggestions)
