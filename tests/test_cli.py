"""The command line: exit codes 0/1/2, messages instead of tracebacks, files written."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

from footmap.cli import main  # noqa: E402

SYNTHETIC = Path(__file__).resolve().parent / "baseline" / "synthetic_chart.geojson"
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


@pytest.fixture
def bad_chart(tmp_path) -> Path:
    doc = json.loads(SYNTHETIC.read_text("utf-8"))
    doc["features"][1]["properties"]["system"] = "astral"
    doc["features"][2]["properties"]["claims"][0]["sources"] = ["nobody2024"]
    path = tmp_path / "bad.geojson"
    path.write_text(json.dumps(doc))
    return path


def test_validate_ok(capsys):
    assert main(["validate", str(SYNTHETIC)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("ok: ") and "13 zones" in out


def test_validate_lists_every_problem(bad_chart, capsys):
    assert main(["validate", str(bad_chart)]) == 1
    err = capsys.readouterr().err
    lines = err.strip().splitlines()
    assert len(lines) >= 2
    assert any("astral" in line for line in lines)
    assert any("nobody2024" in line for line in lines)
    assert "Traceback" not in err


def test_validate_missing_file(tmp_path, capsys):
    assert main(["validate", str(SYNTHETIC), str(tmp_path / "nope.geojson")]) == 1
    captured = capsys.readouterr()
    assert "no such file" in captured.err
    assert "ok: " in captured.out


def test_summary_and_find(capsys):
    assert main(["summary", str(SYNTHETIC)]) == 0
    assert "footmap render test chart" in capsys.readouterr().out
    assert main(["find", "kidney", "--chart", str(SYNTHETIC)]) == 0
    out = capsys.readouterr().out
    assert "charts assign it to the kidneys" in out
    assert "right foot" in out and "Caveat:" in out and "[1]" in out


def test_find_unknown_area(capsys):
    assert main(["find", "kidnyes", "--chart", str(SYNTHETIC)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("footmap: ") and "kidneys" in err


def test_export_and_handout(tmp_path, capsys):
    out = tmp_path / "map.svg"
    args = ["export", str(out), "--chart", str(SYNTHETIC), "--highlight", "urinary"]
    assert main([*args, "--foot", "left", "--view", "all", "--hatch", "--size", "screen"]) == 0
    assert out.exists() and f"wrote {out}" in capsys.readouterr().out
    pdf = tmp_path / "h.pdf"
    assert main(["handout", str(pdf), "--chart", str(SYNTHETIC), "--highlight", "heart"]) == 0
    assert pdf.read_bytes()[:5] == b"%PDF-"


def test_options_may_come_before_the_output_file(tmp_path, monkeypatch):
    """Each --highlight / --view takes one value, so it never swallows the file name."""
    seen = {}

    def fake_export(chart, out, **kw):
        seen.update(kw, out=out)
        return out

    import footmap.export

    monkeypatch.setattr(footmap.export, "export", fake_export)
    out = str(tmp_path / "m.png")
    argv = ["export", "--highlight", "heart", "--highlight", "lungs and chest"]
    argv += ["--view", "plantar", "--view", "dorsal", out, "--chart", str(SYNTHETIC)]
    assert main(argv) == 0
    assert seen["out"] == out
    assert seen["highlight"] == ["heart", "lungs and chest"]
    assert seen["views"] == ("plantar", "dorsal")


def test_export_errors_exit_1(tmp_path, capsys):
    chart = ["--chart", str(SYNTHETIC)]
    assert main(["export", str(tmp_path / "m.png"), *chart, "--highlight", "toenail"]) == 1
    assert main(["export", str(tmp_path / "m.gif"), *chart]) == 1
    assert main(["export", str(tmp_path / "none" / "m.png"), *chart]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and err.count("footmap: ") == 3


def test_bad_usage_exits_2(capsys):
    assert main([]) == 2
    assert main(["export"]) == 2
    assert main(["export", "x.png", "--size", "a3"]) == 2
    assert main(["frobnicate"]) == 2
    assert "usage:" in capsys.readouterr().err


def test_help_has_examples(capsys):
    assert main(["--help"]) == 0
    assert "examples:" in capsys.readouterr().out
    assert main(["export", "--help"]) == 0
    assert "--highlight kidneys" in capsys.readouterr().out


def test_python_m_footmap(tmp_path):
    run = subprocess.run(
        [sys.executable, "-m", "footmap", "validate", str(SYNTHETIC)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("ok: ")
    run = subprocess.run(
        [sys.executable, "-m", "footmap", "validate", str(tmp_path / "missing.geojson")],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
    )
    assert run.returncode == 1 and "Traceback" not in run.stderr


def test_a_closed_pipe_ends_quietly(monkeypatch, capsys):
    class ClosedPipe:
        def write(self, text):
            raise BrokenPipeError(32, "Broken pipe")

        def flush(self):
            pass

    monkeypatch.setattr("sys.stdout", ClosedPipe())
    assert main(["find", "kidneys"]) == 141
    assert "Traceback" not in capsys.readouterr().err


def test_piping_into_a_reader_that_leaves_early_prints_no_traceback():
    code = (
        "import sys, footmap.cli\n"
        "sys.stdout.close = lambda: None\n"
        "r, w = __import__('os').pipe(); __import__('os').close(r)\n"
        "sys.stdout = open(w, 'w', buffering=1)\n"
        "sys.exit(footmap.cli.main(['find', 'kidneys']))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 141
    assert "Traceback" not in out.stderr


def test_validate_limits_are_configurable(capsys):
    bundled = str(Path(__file__).resolve().parent.parent / "data" / "zones.geojson")
    assert main(["validate", bundled]) == 0
    assert main(["validate", "--max-zones", "10", bundled]) == 1
    assert "more than 10 zones" in capsys.readouterr().err
    assert main(["validate", "--max-bytes", "1000", bundled]) == 1
    assert "the limit is 1,000 bytes" in capsys.readouterr().err
    assert main(["validate", "--max-zones", "0", bundled]) == 2
    assert "must be at least 1" in capsys.readouterr().err
