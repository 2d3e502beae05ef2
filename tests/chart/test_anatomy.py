"""The foot-anatomy chart (data/foot-anatomy.geojson), loaded by the package's own loader."""

from __future__ import annotations

import subprocess
import sys
from itertools import combinations
from pathlib import Path

import pytest
from shapely.ops import unary_union

import footmap

ROOT = Path(__file__).resolve().parents[2]
ANATOMY = ROOT / "data" / "foot-anatomy.geojson"
TOL = 0.5  # mm^2: what may be left uncovered, or covered twice, on one panel
SOLE_AND_TOP = [(foot, view) for foot in ("left", "right") for view in ("plantar", "dorsal")]
NERVES = {
    "plantar": [
        "Lateral plantar nerve",
        "Medial calcaneal branches of the tibial nerve",
        "Medial plantar nerve",
        "Saphenous nerve",
        "Sural nerve",
    ],
    "dorsal": [
        "Deep fibular (peroneal) nerve",
        "Medial calcaneal branches of the tibial nerve",
        "Saphenous nerve",
        "Superficial fibular (peroneal) nerve",
        "Sural nerve",
    ],
}


@pytest.fixture(scope="module")
def anatomy() -> footmap.AnatomyChart:
    return footmap.load_anatomy()


def test_the_bundled_anatomy_chart_loads(anatomy):
    assert isinstance(anatomy, footmap.AnatomyChart)
    assert anatomy.path == ANATOMY.resolve()
    assert len(anatomy.structures) == 188
    assert anatomy.panels == (
        ("left", "plantar"),
        ("right", "plantar"),
        ("left", "dorsal"),
        ("right", "dorsal"),
        ("left", "medial"),
        ("right", "medial"),
        ("left", "lateral"),
        ("right", "lateral"),
    )


def test_footmap_validate_accepts_it():
    out = subprocess.run(
        [sys.executable, "-m", "footmap", "validate", str(ANATOMY)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == (
        f"ok: {ANATOMY}: foot-anatomy chart, 188 structures in 8 panels, 20 sources"
    )


def test_its_outlines_are_the_reflexology_charts(anatomy):
    chart = footmap.load()
    for foot, view in anatomy.panels:
        assert anatomy.outline(foot, view).geometry.equals(chart.outline(foot, view).geometry)


def _tiling(anatomy, foot, view, kind):
    outline = anatomy.outline(foot, view).geometry
    pieces = [s.geometry for s in anatomy.structures_on(foot, view, kind)]
    uncovered = outline.difference(unary_union(pieces)).area
    overlap = sum(a.intersection(b).area for a, b in combinations(pieces, 2))
    return [s.name for s in anatomy.structures_on(foot, view, kind)], uncovered, overlap


@pytest.mark.parametrize(("foot", "view"), SOLE_AND_TOP)
def test_each_sole_and_top_is_tiled_by_its_nerve_territories(anatomy, foot, view):
    names, uncovered, overlap = _tiling(anatomy, foot, view, "nerve")
    assert sorted(names) == NERVES[view]
    assert uncovered < TOL
    assert overlap < TOL


@pytest.mark.parametrize(("foot", "view"), SOLE_AND_TOP)
def test_each_sole_and_top_is_tiled_by_its_dermatomes(anatomy, foot, view):
    names, uncovered, overlap = _tiling(anatomy, foot, view, "dermatome")
    assert sorted(names) == ["L4 dermatome", "L5 dermatome", "S1 dermatome"]
    assert uncovered < TOL
    assert overlap < TOL
    assert all(s.approximate for s in anatomy.structures_on(foot, view, "dermatome"))


@pytest.mark.parametrize(("foot", "view"), SOLE_AND_TOP)
def test_26_bones_on_each_sole_and_top(anatomy, foot, view):
    bones = anatomy.structures_on(foot, view, "bone")
    names = [b.name for b in bones]
    assert len(bones) == 26
    assert len(set(names)) == 26
    assert names[:12] == [
        "Calcaneus",
        "Talus",
        "Navicular",
        "Cuboid",
        "Medial cuneiform",
        "Intermediate cuneiform",
        "Lateral cuneiform",
        "First metatarsal",
        "Second metatarsal",
        "Third metatarsal",
        "Fourth metatarsal",
        "Fifth metatarsal",
    ]
    assert sum("phalanx" in n for n in names) == 14


@pytest.mark.parametrize("foot", ["left", "right"])
def test_the_talus_is_partial_from_below(anatomy, foot):
    """From below only the talus's head shows: the calcaneus hides the rest (the claim says so)."""
    below = anatomy.structure(f"{foot}.plantar.bone.talus")
    above = anatomy.structure(f"{foot}.dorsal.bone.talus")
    assert below.geometry.area < 0.2 * above.geometry.area
    assert "draws only its head" in below.claims[0].text


def test_every_structure_cites_an_anatomy_source(anatomy):
    for s in anatomy.structures:
        assert s.claims, s.id
        for c in s.claims:
            assert c.kind == "anatomy", s.id
            assert c.sources, s.id
            assert {anatomy.source(i).kind for i in c.sources} == {"anatomy"}, s.id
