"""The footmap chart model: frozen zones, sources and caveats, and their lookups.

A :class:`Chart` is built only by :mod:`footmap.chart.loader` after validation, so every object here
can assume a consistent chart: ids are unique, every cited source exists, zones of one panel
(a foot seen from one view) do not overlap and lie inside that panel's outline.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from types import MappingProxyType

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry
from shapely.ops import polylabel

from footmap.vocab import FEET, SYSTEMS, VIEWS

__all__ = [
    "CLAIM_KINDS",
    "SOURCE_KINDS",
    "AnatomyChart",
    "BodyChart",
    "BodyOutline",
    "Caveat",
    "Chart",
    "Claim",
    "Disagreement",
    "Outline",
    "Region",
    "Source",
    "Structure",
    "Zone",
]

#: Kinds of source: a seed web article, a published chart (or a chart page or book that places
#: zones), a study (review, trial, agreement study), a historical work, and (in body and
#: foot-anatomy charts only) an anatomy source (textbook, atlas, course page or ontology entry
#: stating where a structure is) and artwork (a figure the outlines are drawn from).
SOURCE_KINDS = ("article", "chart", "study", "history", "anatomy", "artwork")
#: Kinds of claim, each with the kinds of source it may cite.
CLAIM_KINDS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "placement": ("chart",),
        "article": ("article",),
        "history": ("history", "chart"),
        "evidence": ("study",),
        "anatomy": ("anatomy",),
    }
)


@dataclass(frozen=True)
class Source:
    """A document or study the chart cites.

    Attributes
    ----------
    id : str
        Short id used in citations, e.g. ``"doc003"`` or ``"ernst2009"``.
    kind : str
        ``"article"`` (one of the seed web articles), ``"chart"`` (a published chart, book
        or chart page that places zones), ``"study"`` (review, trial or agreement study) or
        ``"history"`` (a historical work); see :data:`SOURCE_KINDS`.
    title : str
        Title of the work.
    citation : str
        Full reference.
    file : str or None
        File name of the source document, where the project holds a copy.
    note : str or None
        Any further remark.
    url : str or None
        Where the source can be read, when it is online.
    """

    id: str
    kind: str
    title: str
    citation: str
    file: str | None = None
    note: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Claim:
    """One claim, with the ids of the sources it comes from and its kind.

    ``kind`` says what the claim is and so which sources it may cite (checked at load, see
    :data:`CLAIM_KINDS`): ``"placement"`` (where charts put a zone; chart sources),
    ``"article"`` (what a seed article says; article sources), ``"history"`` (history or chart
    sources) or ``"evidence"`` (what studies found; study sources). Variants of a
    :class:`Disagreement` are placement claims.
    """

    text: str
    sources: tuple[str, ...]
    kind: str


@dataclass(frozen=True)
class Disagreement:
    """A documented difference between published charts about one or more zones.

    Attributes
    ----------
    id : str
        Stable id, e.g. ``"heart-sides"``.
    topic : str
        A short title, e.g. ``"Heart on one foot or both"``.
    text : str
        What the charts disagree about, in a sentence or two.
    zones : tuple of str
        Ids of the chart's zones the disagreement concerns.
    variants : tuple of Claim
        At least two placements, each citing the chart (or study) sources that make it.
    """

    id: str
    topic: str
    text: str
    zones: tuple[str, ...]
    variants: tuple[Claim, ...]

    @property
    def source_ids(self) -> tuple[str, ...]:
        """Ids of every source the variants cite, in order of first citation."""
        return tuple(dict.fromkeys(s for v in self.variants for s in v.sources))


@dataclass(frozen=True)
class Caveat:
    """A caveat the chart must show: ``kind`` is ``"evidence"``, ``"safety"`` or ``"chart"``.

    ``short`` is an optional one-line version for figure footers; :attr:`brief` falls back
    to the full text.
    """

    id: str
    kind: str
    text: str
    sources: tuple[str, ...]
    short: str | None = None

    @property
    def brief(self) -> str:
        """The one-line version when there is one, else the full text."""
        return self.short or self.text


@dataclass(frozen=True, eq=False)
class Zone:
    """A reflex zone: an area of one foot in one view and the body area charts assign to it.

    Attributes
    ----------
    id : str
        Stable id, ``"{foot}.{view}.{slug}"``.
    foot, view : str
        Which panel the zone is drawn in.
    label : str
        Short display name.
    body_area : str
        The body area the zone is claimed to correspond to (shared by all its zones).
    system : str
        Body system id, a key of :data:`footmap.vocab.SYSTEMS`.
    claims : tuple of Claim
        What is claimed for the zone, each with its sources.
    geometry : shapely Polygon or MultiPolygon
        The zone's shape in the panel's millimetre frame.
    """

    id: str
    foot: str
    view: str
    label: str
    body_area: str
    system: str
    claims: tuple[Claim, ...]
    geometry: BaseGeometry = field(repr=False)

    @property
    def system_label(self) -> str:
        """Display label of the zone's body system."""
        return SYSTEMS[self.system]

    @property
    def source_ids(self) -> tuple[str, ...]:
        """Ids of every source cited by the zone's claims, in order of first citation."""
        return tuple(dict.fromkeys(s for c in self.claims for s in c.sources))

    @cached_property
    def anchor(self) -> tuple[float, float]:
        """A point guaranteed to lie inside the zone (for labels and tests)."""
        p = _label_point(self.geometry)
        return (p.x, p.y)


@dataclass(frozen=True, eq=False)
class Outline:
    """The outline of one foot in one view (a sole plus separate toes may be a MultiPolygon)."""

    foot: str
    view: str
    geometry: BaseGeometry = field(repr=False)


def _label_point(geom: BaseGeometry) -> shapely.Point:
    """Return a well-centred point inside ``geom`` (its largest part's pole of inaccessibility)."""
    parts = getattr(geom, "geoms", [geom])
    largest = max(parts, key=lambda g: g.area)
    try:
        p = polylabel(largest, tolerance=0.25)
    except (shapely.errors.GEOSException, ValueError):  # pragma: no cover - degenerate shapes
        p = largest.representative_point()
    return p if largest.contains(p) else largest.representative_point()


def _norm(text: str) -> str:
    return " ".join(text.casefold().replace("&", "and").replace("/", " ").split())


@dataclass(frozen=True, eq=False)
class Chart:
    """An immutable, validated reflexology chart.

    Build one with :func:`footmap.load`; do not construct it directly.

    Attributes
    ----------
    title, description : str
        What the chart is.
    units, frame, orientation : str
        The coordinate frame (millimetres, not geographic) and how the feet are drawn.
    sources : tuple of Source
    caveats : tuple of Caveat
    zones : tuple of Zone
        In file order.
    outlines : tuple of Outline
    path : pathlib.Path or None
        The file it was loaded from.
    system_notes : mapping of str to tuple of Claim
        Talking points per body system id, for teaching (may be empty).
    history : tuple of Claim
        Short notes on the history of the charts, for teaching (may be empty).
    disagreements : tuple of Disagreement
        Documented differences between published charts (may be empty).

    Examples
    --------
    >>> import footmap
    >>> chart = footmap.load()
    >>> [z.foot for z in chart.zones_for("heart")]
    ['left']
    """

    title: str
    description: str
    units: str
    frame: str
    orientation: str
    sources: tuple[Source, ...]
    caveats: tuple[Caveat, ...]
    zones: tuple[Zone, ...]
    outlines: tuple[Outline, ...]
    path: Path | None = None
    system_notes: Mapping[str, tuple[Claim, ...]] = field(
        default_factory=lambda: MappingProxyType({})
    )
    history: tuple[Claim, ...] = ()
    disagreements: tuple[Disagreement, ...] = ()

    # -- indexes (built lazily, once) -------------------------------------------------------
    @cached_property
    def _by_id(self) -> dict[str, Zone]:
        return {z.id: z for z in self.zones}

    @cached_property
    def _sources_by_id(self) -> dict[str, Source]:
        return {s.id: s for s in self.sources}

    @cached_property
    def _trees(self) -> dict[tuple[str, str], tuple[shapely.STRtree, tuple[Zone, ...]]]:
        trees = {}
        for panel in self.panels:
            zones = self.zones_on(*panel)
            trees[panel] = (shapely.STRtree([z.geometry for z in zones]), zones)
        return trees

    # -- callout numbers ---------------------------------------------------------------------
    @cached_property
    def numbers(self) -> Mapping[str, int]:
        """Zone id -> the zone's callout number: one number per zone on every surface.

        Computed once per chart, so that a zone keeps its number in the explorer at any
        size, in the HTML map, in every export and in the handout. Views in chart order
        (sole, top, inner side, outer side); within a view, toe to heel (by the middle of
        each zone's box: ``y`` down the sole and the top of the foot, ``x`` from the toe
        tip along the profiles), then left foot before right, then by label. The zones of
        one view with the same label on both feet (the left and the right kidney) share a
        number; numbers continue from one view to the next, so none is used twice.

        Examples
        --------
        >>> import footmap
        >>> chart = footmap.load()
        >>> chart.numbers["left.plantar.kidney"] == chart.numbers["right.plantar.kidney"]
        True
        """
        if not self.zones:
            return MappingProxyType({})
        bounds = shapely.bounds(np.fromiter((z.geometry for z in self.zones), object))
        mid_x = (bounds[:, 0] + bounds[:, 2]) / 2
        mid_y = (bounds[:, 1] + bounds[:, 3]) / 2
        first: dict[tuple[str, str], tuple[float, int, str]] = {}
        for i, z in enumerate(self.zones):
            toe = mid_y[i] if z.view in ("plantar", "dorsal") else mid_x[i]
            key = (z.view, " ".join(z.label.split()))
            rank = (-round(float(toe), 1), FEET.index(z.foot) if z.foot in FEET else 9, z.label)
            if key not in first or rank < first[key]:
                first[key] = rank
        view_rank = {v: k for k, v in enumerate(VIEWS)}
        order = sorted(first, key=lambda k: (view_rank.get(k[0], 99), first[k]))
        number = {k: n for n, k in enumerate(order, start=1)}
        return MappingProxyType(
            {z.id: number[z.view, " ".join(z.label.split())] for z in self.zones}
        )

    # -- panels -----------------------------------------------------------------------------
    @cached_property
    def panels(self) -> tuple[tuple[str, str], ...]:
        """The ``(foot, view)`` pairs the chart draws, in view then foot order."""
        have = {(o.foot, o.view) for o in self.outlines}
        return tuple((f, v) for v in VIEWS for f in FEET if (f, v) in have)

    @property
    def feet(self) -> tuple[str, ...]:
        """Feet present in the chart."""
        return tuple(f for f in FEET if any(p[0] == f for p in self.panels))

    @property
    def views(self) -> tuple[str, ...]:
        """Views present in the chart."""
        return tuple(v for v in VIEWS if any(p[1] == v for p in self.panels))

    def outline(self, foot: str, view: str = "plantar") -> Outline:
        """Return the outline of ``foot`` in ``view``.

        Raises
        ------
        KeyError
            If the chart has no such panel.
        """
        for o in self.outlines:
            if o.foot == foot and o.view == view:
                return o
        raise KeyError(f"no {foot} {view} panel in this chart (panels: {self.panels})")

    def zones_on(self, foot: str | None = None, view: str | None = None) -> tuple[Zone, ...]:
        """Zones of one foot and/or view (``None`` matches any), in file order."""
        return tuple(
            z
            for z in self.zones
            if (foot is None or z.foot == foot) and (view is None or z.view == view)
        )

    # -- lookups ----------------------------------------------------------------------------
    def zone(self, zone_id: str) -> Zone:
        """Return the zone with id ``zone_id``.

        Raises
        ------
        KeyError
            If no zone has that id.
        """
        try:
            return self._by_id[zone_id]
        except KeyError:
            raise KeyError(f"no zone with id {zone_id!r}") from None

    def source(self, source_id: str) -> Source:
        """Return the source with id ``source_id`` (``KeyError`` if unknown)."""
        try:
            return self._sources_by_id[source_id]
        except KeyError:
            raise KeyError(f"no source with id {source_id!r}") from None

    def caveats_of(self, kind: str) -> tuple[Caveat, ...]:
        """Caveats of one kind: ``"evidence"``, ``"safety"`` or ``"chart"``."""
        return tuple(c for c in self.caveats if c.kind == kind)

    def disagreements_for(self, zone: Zone | str) -> tuple[Disagreement, ...]:
        """The documented disagreements that concern ``zone`` (a Zone or a zone id).

        Returns
        -------
        tuple of Disagreement
            In chart order; empty when no disagreement names the zone.
        """
        zid = zone if isinstance(zone, str) else zone.id
        return tuple(d for d in self.disagreements if zid in d.zones)

    @cached_property
    def body_areas(self) -> tuple[str, ...]:
        """Every body area the chart assigns, sorted."""
        return tuple(sorted({z.body_area for z in self.zones}))

    def zones_for(self, body_area: str) -> tuple[Zone, ...]:
        """Reverse lookup: every zone, on any foot and view, claimed for ``body_area``.

        Matching ignores case and a trailing plural ``s`` ("kidney" finds "kidneys").

        Parameters
        ----------
        body_area : str
            A body area, e.g. ``"kidneys"``.

        Returns
        -------
        tuple of Zone
            Possibly empty.

        Examples
        --------
        >>> import footmap
        >>> sorted({z.foot for z in footmap.load().zones_for("kidney")})
        ['left', 'right']
        """
        q = _norm(body_area)
        if not q:
            return ()
        stems = {q, q.removesuffix("s"), q + "s"}
        return tuple(z for z in self.zones if _norm(z.body_area) in stems)

    def zones_in_system(self, system: str) -> tuple[Zone, ...]:
        """Every zone of one body system id (see :data:`footmap.vocab.SYSTEMS`)."""
        return tuple(z for z in self.zones if z.system == system)

    def search(self, text: str) -> tuple[Zone, ...]:
        """Zones whose label, body area, system or id contains ``text`` (case-insensitive).

        Examples
        --------
        >>> import footmap
        >>> len(footmap.load().search("colon")) >= 4
        True
        """
        q = _norm(text)
        if not q:
            return ()
        return tuple(
            z
            for z in self.zones
            if q in _norm(z.label)
            or q in _norm(z.body_area)
            or q in _norm(z.system_label)
            or q in z.id
        )

    def zone_at(self, foot: str, view: str, x: float, y: float) -> Zone | None:
        """The zone of ``foot``/``view`` under the point ``(x, y)`` (mm), or ``None``.

        Uses an STR-tree per panel, so it stays fast on large charts. Points on a shared
        boundary go to the first zone in file order.

        Examples
        --------
        >>> import footmap
        >>> chart = footmap.load()
        >>> z = chart.zone("left.plantar.kidney")
        >>> chart.zone_at("left", "plantar", *z.anchor) is z
        True
        >>> chart.zone_at("left", "plantar", -500, -500) is None
        True
        """
        entry = self._trees.get((foot, view))
        if entry is None:
            return None
        tree, zones = entry
        hits = tree.query(shapely.Point(float(x), float(y)), predicate="intersects")
        return zones[int(min(hits))] if len(hits) else None

    def cited_sources(self, zones: Iterable[Zone] = ()) -> tuple[Source, ...]:
        """Sources cited by ``zones``, their disagreements and the caveats, in that order."""
        zones = tuple(zones)
        ids = [s for z in zones for s in z.source_ids]
        ids += [s for z in zones for d in self.disagreements_for(z) for s in d.source_ids]
        ids += [s for c in self.caveats for s in c.sources]
        return tuple(self._sources_by_id[i] for i in dict.fromkeys(ids))

    # -- text -------------------------------------------------------------------------------
    def summary(self) -> str:
        """A readable multi-line summary of the chart."""
        lines = [f"footmap chart: {self.title}"]
        if self.path is not None:
            lines.append(f"  file:      {self.path}")
        lines.append(f"  frame:     {self.units}, one frame per panel (not geographic)")
        for foot in self.feet:
            per_view = ", ".join(
                f"{v} {len(self.zones_on(foot, v))}" for v in self.views if (foot, v) in self.panels
            )
            lines.append(f"  {foot + ' foot:':12s}{per_view} zones")
        systems = {z.system for z in self.zones}
        lines.append(
            f"  zones:     {len(self.zones)} in {len(self.panels)} panels, "
            f"{len(self.body_areas)} body areas, {len(systems)} systems"
        )
        kinds: dict[str, int] = {}
        for s in self.sources:
            kinds[s.kind] = kinds.get(s.kind, 0) + 1
        lines.append(
            f"  sources:   {len(self.sources)} ("
            + ", ".join(f"{n} {k}" for k, n in kinds.items())
            + ")"
        )
        for c in self.caveats_of("evidence")[:1]:
            lines.append("  caveat:    " + c.brief)
        safety = " ".join(c.brief for c in self.caveats_of("safety"))
        if safety:
            lines.append("  safety:    " + safety)
        if self.disagreements:
            n = len(self.disagreements)
            lines.append(f"  disagree:  {n} documented disagreement{'s' * (n > 1)} between charts")
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.summary()

    def __repr__(self) -> str:
        return (
            f"<footmap.Chart {self.title!r}: {len(self.zones)} zones in "
            f"{len(self.panels)} panels, {len(self.sources)} sources>"
        )


# -- body and foot-anatomy charts ------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class BodyOutline:
    """The outline of the body in one view of a :class:`BodyChart` (``"front"`` or ``"back"``)."""

    view: str
    geometry: BaseGeometry = field(repr=False)


@dataclass(frozen=True, eq=False)
class Region:
    """Where an organ or structure really is, in one view of a :class:`BodyChart`.

    Attributes
    ----------
    id : str
        Stable id, ``"{view}.{slug}"``.
    view : str
        ``"front"`` or ``"back"``.
    label : str
        Short display name.
    body_area : str
        The foot chart's body area the region draws (a :attr:`Zone.body_area`).
    system : str
        Body system id, a key of :data:`footmap.vocab.SYSTEMS`.
    side : str
        The body's own side: ``"right"``, ``"left"``, ``"midline"`` or ``"both"``.
    claims : tuple of Claim
        Anatomy claims, each citing anatomy sources.
    geometry : shapely Polygon or MultiPolygon
        In the body frame's millimetres.
    uberon : str or None
        The Uberon ontology id, where one exists (``"UBERON:0002113"``).
    diffuse : bool
        A structure spread through the body (nerves, node groups), drawn as its paths or parts.
    """

    id: str
    view: str
    label: str
    body_area: str
    system: str
    side: str
    claims: tuple[Claim, ...]
    geometry: BaseGeometry = field(repr=False)
    uberon: str | None = None
    diffuse: bool = False

    @property
    def source_ids(self) -> tuple[str, ...]:
        """Ids of every source cited by the region's claims, in order of first citation."""
        return tuple(dict.fromkeys(s for c in self.claims for s in c.sources))

    @cached_property
    def anchor(self) -> tuple[float, float]:
        """A point guaranteed to lie inside the region (for labels and tests)."""
        p = _label_point(self.geometry)
        return (p.x, p.y)


@dataclass(frozen=True, eq=False)
class _AnatomyFile:
    """What the two anatomy charts (body, foot) share: their header and their sources."""

    title: str
    description: str
    units: str
    frame: str
    orientation: str
    sources: tuple[Source, ...]

    @cached_property
    def _sources_by_id(self) -> dict[str, Source]:
        return {s.id: s for s in self.sources}

    def source(self, source_id: str) -> Source:
        """Return the source with id ``source_id`` (``KeyError`` if unknown)."""
        try:
            return self._sources_by_id[source_id]
        except KeyError:
            raise KeyError(f"no source with id {source_id!r}") from None


@dataclass(frozen=True, eq=False)
class BodyChart(_AnatomyFile):
    """An immutable, validated body chart: where the organs really are, front and back.

    Build one with :func:`footmap.load_body`; do not construct it directly. Regions of one
    view may overlap (organs lie behind one another in a flat view); each lies inside its
    view's outline.

    Examples
    --------
    >>> import footmap
    >>> body = footmap.load_body()
    >>> [r.side for r in body.regions_for("liver")]
    ['right']
    """

    regions: tuple[Region, ...]
    outlines: tuple[BodyOutline, ...]
    attribution: str | None = None
    caveats: tuple[Caveat, ...] = ()
    path: Path | None = None

    @cached_property
    def _by_id(self) -> dict[str, Region]:
        return {r.id: r for r in self.regions}

    @property
    def views(self) -> tuple[str, ...]:
        """The views the chart draws, front first."""
        have = {o.view for o in self.outlines}
        return tuple(v for v in ("front", "back") if v in have)

    def outline(self, view: str = "front") -> BodyOutline:
        """Return the outline of ``view`` (``KeyError`` if the chart has none)."""
        for o in self.outlines:
            if o.view == view:
                return o
        raise KeyError(f"no {view} view in this body chart (views: {self.views})")

    def region(self, region_id: str) -> Region:
        """Return the region with id ``region_id`` (``KeyError`` if unknown)."""
        try:
            return self._by_id[region_id]
        except KeyError:
            raise KeyError(f"no region with id {region_id!r}") from None

    def regions_on(self, view: str) -> tuple[Region, ...]:
        """Regions of one view, in file order."""
        return tuple(r for r in self.regions if r.view == view)

    def regions_for(self, body_area: str) -> tuple[Region, ...]:
        """Every region drawing ``body_area`` (as :meth:`Chart.zones_for` matches it)."""
        q = _norm(body_area)
        if not q:
            return ()
        stems = {q, q.removesuffix("s"), q + "s"}
        return tuple(r for r in self.regions if _norm(r.body_area) in stems)

    @cached_property
    def body_areas(self) -> tuple[str, ...]:
        """Every body area the chart draws, sorted."""
        return tuple(sorted({r.body_area for r in self.regions}))

    def __repr__(self) -> str:
        return (
            f"<footmap.BodyChart {self.title!r}: {len(self.regions)} regions in "
            f"{len(self.outlines)} views, {len(self.sources)} sources>"
        )


@dataclass(frozen=True, eq=False)
class Structure:
    """A nerve territory, bone or dermatome of one foot in one view of an :class:`AnatomyChart`.

    Attributes
    ----------
    id : str
        Stable id, ``"{foot}.{view}.{kind}.{slug}"``.
    foot, view : str
        The panel, as for a :class:`Zone`.
    kind : str
        ``"nerve"`` (a cutaneous nerve's skin territory), ``"bone"`` or ``"dermatome"``.
    name : str
        Display name.
    claims : tuple of Claim
        Anatomy claims, each citing anatomy sources.
    geometry : shapely Polygon or MultiPolygon
        In the panel's millimetre frame (the reflexology chart's).
    roots : str or None
        The spinal nerve roots (``"L4–L5"``), where given.
    approximate : bool
        Boundaries that differ between sources (dermatomes).
    """

    id: str
    foot: str
    view: str
    kind: str
    name: str
    claims: tuple[Claim, ...]
    geometry: BaseGeometry = field(repr=False)
    roots: str | None = None
    approximate: bool = False

    @property
    def source_ids(self) -> tuple[str, ...]:
        """Ids of every source cited by the structure's claims, in order of first citation."""
        return tuple(dict.fromkeys(s for c in self.claims for s in c.sources))


@dataclass(frozen=True, eq=False)
class AnatomyChart(_AnatomyFile):
    """An immutable, validated foot-anatomy chart: what lies under the zones.

    Build one with :func:`footmap.load_anatomy`; do not construct it directly. Its panels
    are the reflexology chart's (same frame and outlines); structures of one kind do not
    overlap within a panel, and each lies inside its panel's outline.
    """

    structures: tuple[Structure, ...]
    outlines: tuple[Outline, ...]
    attribution: str | None = None
    caveats: tuple[Caveat, ...] = ()
    path: Path | None = None

    @cached_property
    def panels(self) -> tuple[tuple[str, str], ...]:
        """The ``(foot, view)`` pairs the chart draws, in view then foot order."""
        have = {(o.foot, o.view) for o in self.outlines}
        return tuple((f, v) for v in VIEWS for f in FEET if (f, v) in have)

    def outline(self, foot: str, view: str = "plantar") -> Outline:
        """Return the outline of ``foot`` in ``view`` (``KeyError`` if there is none)."""
        for o in self.outlines:
            if o.foot == foot and o.view == view:
                return o
        raise KeyError(f"no {foot} {view} panel in this chart (panels: {self.panels})")

    def structures_on(self, foot: str, view: str, kind: str | None = None) -> tuple[Structure, ...]:
        """Structures of one panel, of one ``kind`` or of every kind, in file order."""
        return tuple(
            s
            for s in self.structures
            if s.foot == foot and s.view == view and (kind is None or s.kind == kind)
        )

    def structure(self, structure_id: str) -> Structure:
        """Return the structure with id ``structure_id`` (``KeyError`` if unknown)."""
        for s in self.structures:
            if s.id == structure_id:
                return s
        raise KeyError(f"no structure with id {structure_id!r}")

    def __repr__(self) -> str:
        return (
            f"<footmap.AnatomyChart {self.title!r}: {len(self.structures)} structures in "
            f"{len(self.panels)} panels, {len(self.sources)} sources>"
        )
