"""footmap.errors: how a ChartError reads, for one problem, several and several files."""

from __future__ import annotations

import pytest

from footmap.errors import ChartError, FootmapError, Problem


def test_problem_reads_file_zone_message():
    assert (
        str(Problem("a.geojson", "left.plantar.z", "is wrong"))
        == "a.geojson: left.plantar.z: is wrong"
    )
    assert str(Problem("a.geojson", None, "is wrong")) == "a.geojson: is wrong"


def test_one_problem():
    err = ChartError([Problem("a.geojson", "z1", "bad")])
    assert str(err) == "1 problem in a.geojson:\n  - a.geojson: z1: bad"
    assert isinstance(err, FootmapError)


def test_two_problems_in_one_file():
    err = ChartError(iter([Problem("a.geojson", "z1", "bad"), Problem("a.geojson", None, "worse")]))
    assert err.problems == (Problem("a.geojson", "z1", "bad"), Problem("a.geojson", None, "worse"))
    assert str(err) == "2 problem(s) in a.geojson:\n  - a.geojson: z1: bad\n  - a.geojson: worse"


def test_problems_in_two_files_are_named_in_order():
    err = ChartError([Problem("b.geojson", None, "x"), Problem("a.geojson", None, "y")])
    assert str(err) == ("2 problem(s) in a.geojson, b.geojson:\n  - b.geojson: x\n  - a.geojson: y")


def test_a_chart_error_needs_a_problem():
    with pytest.raises(ValueError, match="^ChartError needs at least one problem$"):
        ChartError([])
