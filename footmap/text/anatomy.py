"""Words about real anatomy: what is under a zone, and where an organ really is.

Two sections that every surface keeps apart from :data:`~footmap.text.describe.CHARTS_HEADING`
(what reflexology charts claim) and from the evidence caveat:

* :data:`UNDER_HEADING` - the foot's own anatomy under a zone (nerve territories, bones,
  approximate dermatomes), from :func:`footmap.anatomy_under`;
* :data:`WHERE_HEADING` - where the body area a zone is claimed for really lies, from the body
  chart's anatomy claims (:func:`footmap.load_body`).

Plain text and escaped HTML; no matplotlib.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from footmap.chart.anatomy import UnderItem, anatomy_under, drawn_on
from footmap.chart.loader import load_anatomy, load_body
from footmap.chart.model import AnatomyChart, BodyChart, Chart, Claim, Source, Zone
from footmap.text.describe import reference_list
from footmap.text.safe import escape_html

__all__ = [
    "ANATOMY_SOURCES_HEADING",
    "MAX_BONES_NAMED",
    "FindSections",
    "UNDER_HEADING",
    "WHERE_HEADING",
    "anatomy_numbers",
    "find_sections",
    "under_html",
    "under_line",
    "under_sources",
    "under_text",
    "where_claims",
    "where_it_really_is",
    "where_it_really_is_html",
    "where_sources",
]

#: Heading of the foot's own anatomy under a zone.
UNDER_HEADING = "What is under this zone"
#: Heading of where a body area really is (the body chart's anatomy claims).
WHERE_HEADING = "Where it really is"
#: Heading of the numbered list of anatomy sources (after the chart's own sources).
ANATOMY_SOURCES_HEADING = "Anatomy sources"
#: At most this many bones are named in :func:`under_text`; the rest are counted.
MAX_BONES_NAMED = 4

_e = escape_html


def _lower(name: str) -> str:
    """A name for the middle of a sentence: "Medial plantar nerve" -> "medial plantar nerve"."""
    return name[:1].lower() + name[1:] if name[:2] != name[:2].upper() else name


def _join(words: Sequence[str]) -> str:
    """Join words as "a", "a and b", "a, b and c"."""
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def under_text(items: Sequence[UnderItem]) -> str:
    """One sentence saying what :func:`footmap.anatomy_under` found under a zone.

    Nerve territories come first ("skin of ..."), each with its spinal roots and, when there
    are several, the share of the zone each covers; then the bones ("over ...", at most
    :data:`MAX_BONES_NAMED` named, "near ..." when no bone lies under the zone and the nearest
    is given); then the dermatomes, marked approximate. Empty for no items.

    Examples
    --------
    >>> from footmap.chart.anatomy import UnderItem
    >>> print(under_text([
    ...     UnderItem("nerve", "Medial plantar nerve", "L4–L5", 1.0, "n"),
    ...     UnderItem("bone", "Navicular", None, 0.4, "b1"),
    ...     UnderItem("bone", "Intermediate cuneiform", None, 0.2, "b2"),
    ...     UnderItem("dermatome", "L5 dermatome", "L5", 1.0, "d", approximate=True),
    ... ]))  # doctest: +NORMALIZE_WHITESPACE
    skin of the medial plantar nerve (L4–L5) over the navicular and intermediate cuneiform;
    dermatome L5 (approximate)
    """
    nerves = [it for it in items if it.kind == "nerve"]
    bones = [it for it in items if it.kind == "bone"]
    derms = [it for it in items if it.kind == "dermatome"]
    parts: list[str] = []
    if nerves:
        named = []
        for it in nerves:
            extra = [it.roots] if it.roots else []
            if len(nerves) > 1:
                extra.append(f"{round(100 * it.share)}%")
            named.append(_lower(it.name) + (f" ({', '.join(extra)})" if extra else ""))
        parts.append("skin of the " + _join(named))
    if bones:
        if any(it.nearest for it in bones):
            parts.append("near the " + _lower(bones[0].name))
        else:
            names = [_lower(it.name) for it in bones[:MAX_BONES_NAMED]]
            rest = len(bones) - MAX_BONES_NAMED
            if rest > 0:
                names.append(f"{rest} other bone" + ("s" if rest > 1 else ""))
            parts.append("over the " + _join(names))
    text = " ".join(parts)
    if derms:
        label = _join([it.roots or it.name for it in derms])
        plural = "s" if len(derms) > 1 else ""
        text += ("; " if text else "") + f"dermatome{plural} {label} (approximate)"
    return text


def under_sources(items: Iterable[UnderItem], anatomy: AnatomyChart) -> tuple[Source, ...]:
    """The anatomy sources of the structures in ``items``, in order of first citation."""
    ids = dict.fromkeys(s for it in items for s in anatomy.structure(it.id).source_ids)
    return tuple(anatomy.source(i) for i in ids)


def where_claims(body: BodyChart, body_area: str) -> tuple[Claim, ...]:
    """The anatomy claims of the body regions drawing ``body_area``, each text once."""
    seen: dict[str, Claim] = {}
    for region in body.regions_for(body_area):
        for claim in region.claims:
            seen.setdefault(claim.text, claim)
    return tuple(seen.values())


def where_sources(body: BodyChart, body_area: str) -> tuple[Source, ...]:
    """The sources of :func:`where_claims`, in order of first citation."""
    ids = dict.fromkeys(s for c in where_claims(body, body_area) for s in c.sources)
    return tuple(body.source(i) for i in ids)


def anatomy_numbers(sources: Iterable[Source], start: int = 1) -> dict[str, int]:
    """Number ``sources`` from ``start`` (after a chart's own numbers), each id once."""
    out: dict[str, int] = {}
    for s in sources:
        out.setdefault(s.id, start + len(out))
    return out


def _runs(values: Iterable[int]) -> str:
    """Citation numbers with runs of three or more as ranges: "18–21, 24"."""
    runs: list[list[int]] = []
    for n in sorted(set(values)):
        if runs and runs[-1][-1] == n - 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    parts: list[str] = []
    for run in runs:
        parts += [f"{run[0]}\u2013{run[-1]}"] if len(run) >= 3 else [str(n) for n in run]
    return ", ".join(parts)


def _cite(ids: Iterable[str], numbers: dict[str, int] | None, titles: dict[str, str]) -> str:
    ids = list(dict.fromkeys(ids))
    if numbers is not None:
        return "[" + _runs(numbers[i] for i in ids if i in numbers) + "]"
    return "(sources: " + "; ".join(titles[i] for i in ids) + ")"


def _cite_html(ids: Iterable[str], numbers: dict[str, int] | None, titles: dict[str, str]) -> str:
    """:func:`_cite` escaped, in ``<span class="fm-cite">``."""
    return f'<span class="fm-cite">{_e(_cite(ids, numbers, titles))}</span>'


def under_line(
    items: Sequence[UnderItem], anatomy: AnatomyChart, numbers: dict[str, int] | None = None
) -> str:
    """``"What is under this zone: <under_text> <citations>"`` as one plain-text line.

    ``numbers`` (source id -> number, e.g. from :func:`anatomy_numbers`) cites by number;
    without it the sources are named by title. Nothing under the zone says so.
    """
    if not items:
        return f"{UNDER_HEADING}: nothing in the foot-anatomy chart."
    sources = under_sources(items, anatomy)
    cite = _cite([s.id for s in sources], numbers, {s.id: s.title for s in sources})
    return f"{UNDER_HEADING}: {under_text(items)} {cite}"


def under_html(
    items: Sequence[UnderItem],
    anatomy: AnatomyChart,
    numbers: dict[str, int] | None = None,
    *,
    heading: str = "h5",
) -> str:
    """:data:`UNDER_HEADING` and :func:`under_text` as an escaped HTML fragment.

    The sources are named by title, or cited by number when ``numbers`` (source id ->
    number, e.g. from :func:`anatomy_numbers`) is given. ``heading`` is the heading's tag.
    """
    if not items:
        body = "<p>Nothing in the foot-anatomy chart.</p>"
    else:
        sources = under_sources(items, anatomy)
        body = (
            f"<p>{_e(under_text(items))} "
            f"{_cite_html([s.id for s in sources], numbers, {s.id: s.title for s in sources})}</p>"
        )
    return f'<div class="fm-under"><{heading}>{_e(UNDER_HEADING)}</{heading}>{body}</div>'


def where_it_really_is(
    body: BodyChart, body_area: str, numbers: dict[str, int] | None = None
) -> str:
    """Where ``body_area`` really is, as plain text headed :data:`WHERE_HEADING`.

    One line per anatomy claim of the body regions for the area, citing its sources by
    number (``numbers``) or by title. An area the body chart does not draw says so.

    Examples
    --------
    >>> import footmap
    >>> print(where_it_really_is(footmap.load_body(), "liver"))  # doctest: +NORMALIZE_WHITESPACE
    Where it really is (the liver):
      - The liver lies mostly on the right, under the diaphragm in the upper right of the
        abdomen, sheltered by the lower ribs. (sources: Accessory Organs in Digestion: The
        Liver, Pancreas, and Gallbladder; Position of stomach labelled (image description))
    """
    claims = where_claims(body, body_area)
    head = f"{WHERE_HEADING} (the {body_area}):"
    if not claims:
        return f"{head}\n  - The body chart does not draw it."
    titles = {s.id: s.title for s in where_sources(body, body_area)}
    lines = [head] + [f"  - {c.text} {_cite(c.sources, numbers, titles)}" for c in claims]
    return "\n".join(lines)


def where_it_really_is_html(
    body: BodyChart,
    body_area: str,
    numbers: dict[str, int] | None = None,
    *,
    heading: str = "h5",
) -> str:
    """:func:`where_it_really_is` as an escaped HTML fragment, each claim with its sources.

    The sources are named by title, or cited by number when ``numbers`` is given (as
    :func:`where_it_really_is` does). ``heading`` is the heading's tag.
    """
    claims = where_claims(body, body_area)
    head = f"<{heading}>{_e(WHERE_HEADING)} (the {_e(body_area)})</{heading}>"
    if not claims:
        return f'<div class="fm-where">{head}<p>The body chart does not draw it.</p></div>'
    titles = {s.id: s.title for s in where_sources(body, body_area)}
    items = [f"<li>{_e(c.text)} {_cite_html(c.sources, numbers, titles)}</li>" for c in claims]
    return f'<div class="fm-where">{head}<ul>{"".join(items)}</ul></div>'


@dataclass(frozen=True)
class FindSections:
    """The anatomy sections of ``footmap find``, as lines of plain text (see find_sections).

    Attributes
    ----------
    under : dict
        Zone id -> its :func:`under_line` (one line), printed after the zone's claims.
    where : list of str
        A blank line, then :func:`where_it_really_is` for each body area of the zones.
    references : list of str
        The numbered anatomy sources, headed :data:`ANATOMY_SOURCES_HEADING`.
    """

    under: dict[str, list[str]] = field(default_factory=dict)
    where: list[str] = field(default_factory=list)
    references: list[str] = field(default_factory=list)


def find_sections(
    chart: Chart,
    zones: Sequence[Zone],
    *,
    first_number: int = 1,
    body: BodyChart | None = None,
    anatomy: AnatomyChart | None = None,
) -> FindSections:
    """The anatomy beside a search's zones: what is under each, where each area really is.

    Sources are numbered from ``first_number`` (after the chart's own citation numbers), the
    structures' sources first, then the body's. Nothing (an empty :class:`FindSections`) when
    the foot-anatomy chart is not drawn on ``chart``'s outlines (:func:`footmap.chart.drawn_on`):
    the body areas and the anatomy are those of the bundled chart. ``body`` and ``anatomy``
    default to the bundled charts.
    """
    if anatomy is None:
        anatomy = load_anatomy()
    if not zones or not drawn_on(chart, anatomy):
        return FindSections()
    if body is None:
        body = load_body()
    found = {z.id: anatomy_under(chart, z.id, anatomy) for z in zones}
    areas = list(dict.fromkeys(z.body_area for z in zones))
    sources = [s for items in found.values() for s in under_sources(items, anatomy)]
    sources += [s for area in areas for s in where_sources(body, area)]
    numbers = anatomy_numbers(sources, first_number)
    unique = list({s.id: s for s in sources}.values())
    where = [""]
    for area in areas:
        where += where_it_really_is(body, area, numbers).split("\n")
    return FindSections(
        under={zid: [under_line(items, anatomy, numbers)] for zid, items in found.items()},
        where=where,
        references=[f"{ANATOMY_SOURCES_HEADING}:"]
        + ["  " + line for line in reference_list(unique, numbers)],
    )
