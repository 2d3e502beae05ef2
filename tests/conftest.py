"""Shared fixtures: a headless matplotlib, figures closed after each test, the bundled chart,
the small synthetic chart, and backend switches for the widget tests."""

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


@pytest.fixture(scope="session")
def synth() -> footmap.Chart:
    """A tiny synthetic chart: two plantar panels (toe + sole), a left dorsal panel, a hole."""
    path = Path(__file__).resolve().parent / "baseline" / "synthetic_chart.geojson"
    return footmap.loads(path.read_text("utf-8"), name=path.name)


def _switch_backend(name: str):
    old = matplotlib.get_backend()
    plt.switch_backend(name)
    try:
        yield
    finally:
        plt.close("all")
        plt.switch_backend(old)


@pytest.fixture
def ipympl_backend():
    """Switch pyplot to ipympl for one test (as ``%matplotlib widget`` does), then back."""
    yield from _switch_backend("module://ipympl.backend_nbagg")


@pytest.fixture
def agg_backend():
    """Switch pyplot to Agg for one test (a static viewer), then back."""
    yield from _switch_backend("agg")


#: Doctests that take seconds (a whole handout PDF): run with the slow tests, not the fast.
SLOW_DOCTESTS = {"footmap.export.handouts.handout"}


@pytest.hookimpl(tryfirst=True)  # before ``-m`` deselects by marker
def pytest_collection_modifyitems(config, items):
    """Mark the slow doctests; under pytest-xdist put every browser test in one worker.

    The browser tests start JupyterLab and Voila servers and Chromium; one worker
    (``--dist loadgroup``) keeps them one at a time, as on a single process, while the other
    tests spread over the remaining workers.
    """
    for item in items:
        if item.name in SLOW_DOCTESTS:
            item.add_marker(pytest.mark.slow)
        if item.get_closest_marker("browser") is not None:
            item.add_marker(pytest.mark.xdist_group("browser"))


@pytest.fixture(scope="module")
def browser():
    """One headless Chromium for a module's browser tests (closed at the end, even on failure)."""
    import _lab

    if not Path(_lab.CHROMIUM).exists():
        pytest.fail(f"needs Chromium at {_lab.CHROMIUM} (`python3 dev.py test` installs it)")
    from playwright import sync_api

    pw = sync_api.sync_playwright().start()
    try:
        b = pw.chromium.launch(executable_path=_lab.CHROMIUM, args=_lab.CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()
    finally:
        pw.stop()
