"""The bundled chart loads from an installed wheel, not only from a checkout."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
import zipfile

import pytest

pytestmark = pytest.mark.slow


def test_wheel_ships_the_chart_and_loads_it_in_a_fresh_venv(root, tmp_path):
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(root)],
        check=True,
        capture_output=True,
    )
    (wheel,) = dist.glob("footmap-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "footmap/data/zones.geojson" in names
    assert "footmap/data/foot-anatomy.geojson" in names
    assert "footmap/schema.json" in names
    assert "footmap/web/map.js" in names and "footmap/web/map.css" in names  # the HTML map
    assert "footmap/explorer/page.js" in names and "footmap/explorer/page.css" in names
    assert "footmap/py.typed" in names  # PEP 561: the annotations are for type checkers
    assert "footmap-0.1.0.dist-info/licenses/LICENSE" in names

    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    py = env_dir / "bin" / "python"
    subprocess.run(
        [str(py), "-m", "pip", "install", "-q", str(wheel)], check=True, capture_output=True
    )
    code = (
        "import footmap, pathlib; c = footmap.load(); "
        "assert 'site-packages' in str(c.path), c.path; "
        "from footmap.web.page import html_document; "
        "assert 'footmapMatch' in html_document(c); "
        "from importlib import resources; front = resources.files('footmap') / 'explorer'; "
        "assert '_footmapFront' in (front / 'page.js').read_text(encoding='utf-8'); "
        "assert '.footmap-root' in (front / 'page.css').read_text(encoding='utf-8'); "
        "print(len(c.zones), c.zone('left.plantar.kidney').body_area)"
    )
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    out = subprocess.run(
        [str(py), "-c", code], cwd=tmp_path, check=True, capture_output=True, text=True, env=env
    )
    n, area = out.stdout.split()
    assert int(n) >= 60 and area == "kidneys"
