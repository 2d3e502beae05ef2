"""The question bank: which zones a worksheet or a quiz asks about, and how they are numbered.

Pure logic over a :class:`~footmap.chart.Chart` (no matplotlib): a seeded choice of target
zones, one per body area, each fair to ask about (one outline of at least ``min_area`` mm²,
no hole), numbered in the order of a seeded shuffle (not the chart's own numbering), and the
words every assessment says about them: the prompt, what charts claim, the sources.

Examples
--------
>>> import footmap
>>> chart = footmap.load()
>>> v = variant(chart, count=5, seed=3)
>>> [t.number for t in v.targets]
[1, 2, 3, 4, 5]
>>> v == variant(chart, count=5, seed=3)
True
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

from shapely.geometry import Polygon

from footmap.chart.model import Chart, Source, Zone
from footmap.errors import FootmapError
from footmap.text.describe import charts_claims, place
from footmap.vocab import FEET, SYSTEMS, VIEWS

__all__ = [
    "MIN_AREA",
    "Target",
    "Variant",
    "claims_text",
    "fair_zones",
    "prompt",
    "target_sources",
    "variant",
    "variants",
]

#: Smallest zone (mm²) asked about: a number fits inside it, a click finds it.
MIN_AREA = 150.0


@dataclass(frozen=True)
class Target:
    """One numbered zone of a worksheet (or one quiz question).

    Attributes
    ----------
    number : int
        The number printed on the sheet (1, 2, ...), from the seeded shuffle.
    zone : Zone
        The zone asked about.
    """

    number: int
    zone: Zone


@dataclass(frozen=True)
class Variant:
    """One worksheet (or quiz) variant: its id, its seed and its numbered targets."""

    id: str
    seed: int
    targets: tuple[Target, ...]
    feet: tuple[str, ...]
    views: tuple[str, ...]


def _simple(zone: Zone) -> bool:
    """One polygon without a hole: its outline alone says where it is."""
    geom = zone.geometry
    return isinstance(geom, Polygon) and not geom.interiors


def _box_at_least(zone: Zone, side: float) -> bool:
    """Both sides of the zone's bounding box are at least ``side`` mm."""
    x0, y0, x1, y1 = zone.geometry.bounds
    return min(x1 - x0, y1 - y0) >= side


def fair_zones(
    chart: Chart,
    *,
    views: Sequence[str] = ("plantar",),
    feet: Sequence[str] = FEET,
    system: str | None = None,
    min_area: float = MIN_AREA,
    min_box: float = 0.0,
) -> tuple[Zone, ...]:
    """The zones fair to ask about in the shown panels (and ``system``), in chart order.

    Fair: one polygon without a hole, of at least ``min_area`` mm², whose bounding box is at
    least ``min_box`` mm each way (a quiz's tap target, :func:`footmap.assess.items.tap_mm`).

    Raises
    ------
    FootmapError
        An unknown view, foot or system.
    """
    bad = [v for v in views if v not in VIEWS] + [f for f in feet if f not in FEET]
    if bad or not views or not feet:
        raise FootmapError(
            f"unknown or missing views/feet {bad}: views {', '.join(VIEWS)}; feet {', '.join(FEET)}"
        )
    if system is not None and system not in SYSTEMS:
        raise FootmapError(f"unknown system {system!r}: use one of {', '.join(SYSTEMS)}")
    return tuple(
        z
        for z in chart.zones
        if z.view in views
        and z.foot in feet
        and (system is None or z.system == system)
        and z.geometry.area >= min_area
        and _simple(z)
        and _box_at_least(z, min_box)
    )


def variant(
    chart: Chart,
    *,
    count: int = 10,
    seed: int | None = None,
    views: Sequence[str] = ("plantar",),
    feet: Sequence[str] = FEET,
    system: str | None = None,
    min_area: float = MIN_AREA,
    min_box: float = 0.0,
    id: str | None = None,
) -> Variant:
    """Pick up to ``count`` target zones (one per body area) and number them.

    The same seed gives the same targets and numbers; ``seed=None`` draws a seed, which the
    variant records (so that its key can be made again).

    Raises
    ------
    FootmapError
        ``count < 1``, unknown panels or system, or no fair zone.
    """
    if count < 1:
        raise FootmapError(f"count must be at least 1, not {count}")
    views, feet = tuple(v for v in VIEWS if v in views), tuple(f for f in FEET if f in feet)
    zones = fair_zones(chart, views=views, feet=feet, system=system, min_area=min_area,
                       min_box=min_box)  # fmt: skip
    if not zones:
        where = f"{'/'.join(views)} of the {' and '.join(feet)} foot"
        raise FootmapError(f"no zone of at least {min_area:g} mm² to ask about in the {where}")
    if seed is None:
        seed = random.SystemRandom().randrange(10_000, 100_000)
    rng = random.Random(seed)
    areas = sorted({z.body_area for z in zones})
    chosen = rng.sample(areas, min(count, len(areas)))  # the order is the numbering
    picked = [rng.choice([z for z in zones if z.body_area == a]) for a in chosen]
    targets = tuple(Target(k, z) for k, z in enumerate(picked, start=1))
    return Variant(id or str(seed), seed, targets, feet, views)


def variants(
    chart: Chart, n: int, *, seed: int | None = None, **options: object
) -> tuple[Variant, ...]:
    """``n`` variants: variant ``k`` (``"<seed>-<k>"``) has a seed drawn from ``seed`` and ``k``.

    One variant (``n == 1``) is :func:`variant` with ``seed`` itself.
    """
    if n < 1:
        raise FootmapError(f"the number of students must be at least 1, not {n}")
    if seed is None:
        seed = random.SystemRandom().randrange(10_000, 100_000)
    if n == 1:
        return (variant(chart, seed=seed, **options),)  # type: ignore[arg-type]
    width = len(str(n))
    return tuple(
        variant(
            chart,
            seed=random.Random(f"{seed}:{k}").randrange(10**9),
            id=f"{seed}-{k:0{width}d}",
            **options,  # type: ignore[arg-type]
        )
        for k in range(1, n + 1)
    )


def prompt(chart: Chart, zone: Zone) -> str:
    """The question about ``zone`` (plain text): where charts place its body area.

    When another zone of its panel shares the body area, the zone's label says which.

    Examples
    --------
    >>> import footmap
    >>> c = footmap.load()
    >>> prompt(c, c.zone("left.plantar.heart"))
    'Click where reflexology charts place the heart (left foot, sole).'
    """
    same = [z for z in chart.zones_on(zone.foot, zone.view) if z.body_area == zone.body_area]
    what = zone.body_area if len(same) == 1 else f"{zone.body_area} ({zone.label})"
    return f"Click where reflexology charts place the {what} ({place(zone)})."


def claims_text(zone: Zone) -> str:
    """What charts claim for ``zone``: its placement and history claims, in order."""
    return " ".join(c.text for c in charts_claims(zone))


def target_sources(chart: Chart, zone: Zone) -> tuple[Source, ...]:
    """The sources of what charts claim for ``zone`` (placement and history claims)."""
    ids = dict.fromkeys(s for c in charts_claims(zone) for s in c.sources)
    return tuple(chart.source(i) for i in ids)
