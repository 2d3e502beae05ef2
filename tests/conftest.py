"""Shared fixtures: a headless matplotlib, figures closed after each test, the bundled chart."""

from __future__ import annotations

import os
from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")
os.environ.setdefault("MPLBACKEND", "Agg")

import matplotlib.pyplot as plt  # noqa: E402

import footmap  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


@pytest.fixture(scope="session")
def chart() -> footmap.Chart:
    """The bundled chart (data/zones.geojson)."""
    return footmap.load()


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT
