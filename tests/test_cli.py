"""The command line: exit codes 0/1/2, messages instead of tracebacks, files written."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

import footmap  # noqa: E402
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


BAD_DIR = Path(__file__).resolve().parent / "data" / "bad"
OVERLAP = BAD_DIR / "overlapping_zones.geojson"
OVERLAP_PROBLEM = (
    f"{OVERLAP}: left.plantar.kidney: overlaps zone 'left.plantar.pelvis' by 200.00 mm\u00b2 "
    "(a zone inside another must be a hole in it)"
)
#: every command that reads a chart, given the chart file (and the output file)
COMMANDS = {
    "validate": lambda chart, out: ["validate", chart],
    "summary": lambda chart, out: ["summary", chart],
    "find": lambda chart, out: ["find", "kidneys", "--chart", chart],
    "export": lambda chart, out: ["export", out, "--chart", chart],
    "handout": lambda chart, out: ["handout", out, "--chart", chart],
}


@pytest.mark.parametrize("command", list(COMMANDS))
def test_every_command_on_an_invalid_chart_exits_1_with_a_message(command, tmp_path, capsys):
    out = tmp_path / ("h.pdf" if command == "handout" else "m.png")
    assert main(COMMANDS[command](str(OVERLAP), str(out))) == 1
    captured = capsys.readouterr()
    assert captured.err == f"footmap: {OVERLAP_PROBLEM}\n"
    assert captured.out == ""
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", list(COMMANDS))
def test_every_command_on_a_missing_chart_exits_1_with_a_message(command, tmp_path, capsys):
    missing = tmp_path / "missing.geojson"
    out = tmp_path / ("h.pdf" if command == "handout" else "m.png")
    assert main(COMMANDS[command](str(missing), str(out))) == 1
    captured = capsys.readouterr()
    assert captured.err == f"footmap: {missing}: no such file\n"
    assert captured.out == ""
    assert list(tmp_path.iterdir()) == []


def test_every_problem_is_listed_by_every_command(bad_chart, capsys):
    expected = (
        f"footmap: {bad_chart}: left.plantar.head: properties.system: 'astral' is not one of "
        "nervous, sensory, endocrine, respiratory, cardiovascular, digestive, urinary, "
        "lymphatic, musculoskeletal, reproductive\n"
        f"footmap: {bad_chart}: left.plantar.stomach: claim cites unknown source 'nobody2024'\n"
    )
    for argv in (["validate", str(bad_chart)], ["summary", str(bad_chart)]):
        assert main(argv) == 1
        assert capsys.readouterr().err == expected


def test_summary_and_find(capsys):
    assert main(["summary", str(SYNTHETIC)]) == 0
    assert capsys.readouterr().out == (
        "footmap chart: footmap render test chart\n"
        f"  file:      {SYNTHETIC}\n"
        "  frame:     mm, one frame per panel (not geographic)\n"
        "  left foot:  plantar 6, dorsal 1 zones\n"
        "  right foot: plantar 6 zones\n"
        "  zones:     13 in 3 panels, 8 body areas, 7 systems\n"
        "  sources:   3 (1 chart, 1 article, 1 study)\n"
        "  caveat:    TEST CAVEAT: claims of reflexology, not established facts.\n"
        "  safety:    TEST SAFETY: ask a doctor first if you have diabetes.\n"
    )
    assert main(["find", "kidney", "--chart", str(SYNTHETIC)]) == 0
    # the zones' chart source first ([1]), then the caveats' sources: evidence, safety
    section = (
        "What charts claim:\n"
        "  - Test charts assign this area to the kidneys. [1]\n"
        "What the evidence says:\n"
        "  - TEST CAVEAT: claims of reflexology, not established facts.\n"
        "Safety: TEST SAFETY: ask a doctor first if you have diabetes.\n"
    )
    assert capsys.readouterr().out == (
        "Kidney (left foot, plantar): charts assign it to the kidneys [Urinary] [1]\n"
        + section
        + "Kidney (right foot, plantar): charts assign it to the kidneys [Urinary] [1]\n"
        + section
        + "\n"
        "Caveat: TEST CAVEAT: claims of reflexology, not established facts.\n"
        "Sources:\n"
        "  [1] Test chart one, not a real source.\n"
        "  [2] Test review, not a real study (stands in for Ernst 2009).\n"
        "  [3] Test article two, not a real source.\n"
    )


def test_find_falls_back_to_search(capsys):
    """No body area is called "stom": the search finds the stomach zones by substring."""
    assert main(["find", "stom", "--chart", str(SYNTHETIC)]) == 0
    heads = [line for line in capsys.readouterr().out.splitlines() if "charts assign it" in line]
    assert heads == [
        "Stomach (left foot, plantar): charts assign it to the stomach [Digestive] [1]",
        "Stomach (right foot, plantar): charts assign it to the stomach [Digestive] [1]",
    ]


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


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ([], {"by": "system", "feet": ("left", "right"), "views": None, "size": "a4",
              "orientation": "landscape", "hatch": False}),
        (["--highlight", "heart", "--highlight", "liver", "--foot", "right", "--view", "dorsal",
          "--view", "plantar", "--size", "letter", "--orientation", "portrait", "--hatch"],
         {"by": [["heart"], ["liver"]], "feet": ("right",), "views": ("dorsal", "plantar"),
          "size": "letter", "orientation": "portrait", "hatch": True}),
        (["--view", "plantar", "--view", "all"], {"views": None}),
    ],
)  # fmt: skip
def test_handout_options_reach_the_library(tmp_path, monkeypatch, capsys, options, expected):
    seen = _given_to_the_library("handout", str(tmp_path / "h.pdf"), options, monkeypatch, capsys)
    assert {k: seen[k] for k in expected} == expected


def _given_to_the_library(command, out, options, monkeypatch, capsys):
    """Run ``footmap COMMAND OUT --chart SYNTHETIC OPTIONS`` with ``footmap.export.COMMAND``
    replaced by a fake; check the command's own output and return what the fake was given."""
    seen = {}

    def fake(chart, out, **kw):
        seen.update(kw, out=out, chart=chart)
        return out

    import footmap.export

    monkeypatch.setattr(footmap.export, command, fake)
    assert main([command, out, "--chart", str(SYNTHETIC), *options]) == 0
    assert capsys.readouterr().out == f"wrote {out}\n"
    assert seen["out"] == out and seen["chart"].title == "footmap render test chart"
    return seen


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ([], {"dpi": 200, "feet": ("left", "right"), "views": ("plantar",), "highlight": (),
              "size": "a4", "orientation": "landscape", "color_by": "system", "labels": True,
              "hatch": False, "title": None}),
        (["--dpi", "300", "--foot", "left", "--view", "dorsal", "--view", "all", "--size",
          "screen", "--orientation", "portrait", "--color-by", "sources", "--no-labels",
          "--hatch", "--title", "My map", "--highlight", "heart"],
         {"dpi": 300, "feet": ("left",), "views": None, "highlight": ["heart"], "size": "screen",
          "orientation": "portrait", "color_by": "sources", "labels": False, "hatch": True,
          "title": "My map"}),
        (["--view", "medial"], {"views": ("medial",)}),
    ],
)  # fmt: skip
def test_export_options_reach_the_library(tmp_path, monkeypatch, capsys, options, expected):
    seen = _given_to_the_library("export", str(tmp_path / "m.svg"), options, monkeypatch, capsys)
    assert {k: seen[k] for k in expected} == expected


def test_find_strips_a_plural_the_search_would_miss(capsys):
    assert main(["find", "stomachs", "--chart", str(SYNTHETIC)]) == 0
    assert capsys.readouterr().out.startswith("Stomach (left foot, plantar): charts assign")


def test_validate_goes_on_after_a_bad_file(tmp_path, capsys):
    missing = tmp_path / "nope.geojson"
    assert main(["validate", str(missing), str(SYNTHETIC)]) == 1
    captured = capsys.readouterr()
    assert captured.err == f"footmap: {missing}: no such file\n"
    assert captured.out == f"ok: {SYNTHETIC}: 13 zones in 3 panels, 3 sources\n"


def test_limits_must_be_whole_numbers_from_1(capsys):
    good = str(SYNTHETIC)
    assert main(["validate", "--max-zones", "1", good]) == 1  # 1 is allowed (and too few)
    assert "more than 1 zones" in capsys.readouterr().err
    assert main(["validate", "--max-zones", "many", good]) == 2
    assert "--max-zones: not a whole number: 'many'" in capsys.readouterr().err


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


def test_a_closed_pipe_points_stdout_at_devnull(monkeypatch):
    """After the reader left, stdout's descriptor goes to /dev/null: the exit flush is safe."""
    import os

    read_end, write_end = os.pipe()
    os.close(read_end)
    fd = os.dup(write_end)  # the descriptor the command writes to, as sys.stdout's
    os.close(write_end)
    out = open(fd, "w", buffering=1)  # noqa: SIM115 - closed below
    try:
        monkeypatch.setattr("sys.stdout", out)
        with pytest.raises(BrokenPipeError):
            os.write(fd, b"x")  # the reader is gone
        assert main(["find", "kidneys", "--chart", str(SYNTHETIC)]) == 141
        assert os.write(fd, b"more") == 4  # now /dev/null: writes vanish without error
        assert os.path.samestat(os.fstat(fd), os.stat(os.devnull))
    finally:
        monkeypatch.undo()
        try:
            out.close()
        except OSError:
            pass


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


def test_help_piped_into_a_reader_that_leaves_early_prints_no_traceback():
    code = (
        "import sys, footmap.cli\n"
        "sys.stdout.close = lambda: None\n"
        "r, w = __import__('os').pipe(); __import__('os').close(r)\n"
        "sys.stdout = open(w, 'w', buffering=1)\n"
        "sys.exit(footmap.cli.main(['export', '--help']))\n"
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


# -- terminal safety and misuse --------------------------------------------------------------------
#: Bytes a terminal acts on: C0 controls but LF, DEL, and C1 controls / bidi controls in UTF-8.
RAW_CONTROL = re.compile(
    rb"[\x00-\x09\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\x8e\x8f\xa8-\xae]|\xe2\x81[\xa6-\xa9]"
)
NASTY = "\x1b]0;owned\x07\x1b[2J\x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\\b\r\x00\x9b1m\u202eevil"


def _hostile_chart(tmp_path: Path, emoji: bool = False) -> Path:
    doc = json.loads(SYNTHETIC.read_text("utf-8"))
    meta = doc["footmap"]
    meta["title"] = "Title " + NASTY
    meta["description"] = "Description " + NASTY
    for s in meta["sources"]:
        s["title"] = "Source " + NASTY
        s["citation"] = "Citation " + NASTY
    for c in meta["caveats"]:
        c["text"] = "Caveat " + NASTY
        c.pop("short", None)
    zone = footmap.load(SYNTHETIC).zones[0]  # the zone `find` looks up below
    meta["disagreements"] = [
        {
            "id": "hostile",
            "topic": "Topic " + NASTY,
            "text": "Differ\n  - fake disagreement " + NASTY,
            "zones": [zone.id],
            "variants": [
                {"text": "Variant\n    * fake variant " + NASTY, "sources": ["doc000"]},
                {"text": "Other " + NASTY, "sources": ["doc000"]},
            ],
        }
    ]
    for f in doc["features"]:
        p = f["properties"]
        if p["role"] == "zone":
            p["label"] = ("\U0001f9b6 " if emoji else "") + p["label"][:10] + "\x1b[31m"
            p["body_area"] = p["body_area"] + "\x1b[0m\u202e"
            for c in p["claims"]:
                c["text"] = "Claim\n  - fake claim " + NASTY
    name = "chart\x1b]0;x\x07.geojson"
    path = tmp_path / name
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def _run(*args: str, encoding: str = "utf-8", stdout=subprocess.PIPE):  # noqa: ANN001
    env = dict(os.environ, PYTHONIOENCODING=encoding)
    return subprocess.run(
        [sys.executable, "-m", "footmap", *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        timeout=300,
        env=env,
    )


@pytest.mark.slow
def test_no_command_prints_raw_control_characters(tmp_path):
    chart = _hostile_chart(tmp_path)
    area = json.loads(chart.read_text("utf-8"))["features"][1]["properties"]["body_area"]
    bad = tmp_path / "bad\x1b[2J.geojson"
    bad.write_text('{"type": "FeatureCollection", "features": [1]}\n', encoding="utf-8")
    out = str(tmp_path / "out\x1b]0;t\x07.svg")
    runs = {
        "validate": _run("validate", str(chart), str(bad)),
        "summary": _run("summary", str(chart)),
        "find": _run("find", area, "--chart", str(chart)),
        "find unknown": _run("find", "kidney\x1b[2J\u202e", "--chart", str(chart)),
        "export": _run("export", out, "--chart", str(chart), "--highlight", "urinary"),
        "handout": _run("handout", str(tmp_path / "h\x1b.pdf"), "--chart", str(chart)),
        "usage": _run("summary", "a", "b\x1b]0;x\x07"),
        "bad option": _run("export", "x.png", "--size", "a\x1b[2J"),
    }
    for what, run in runs.items():
        assert b"Traceback" not in run.stderr, (what, run.stderr[-800:])
        for stream in (run.stdout, run.stderr):
            found = RAW_CONTROL.search(stream)
            assert found is None, (what, stream[max(found.start() - 60, 0) : found.end() + 20])
    assert runs["summary"].returncode == 0
    assert b"footmap chart: Title \\x1b]0;owned\\x07\\x1b[2J" in runs["summary"].stdout
    assert b"chart\\x1b]0;x\\x07.geojson" in runs["validate"].stdout
    assert b"bad\\x1b[2J.geojson" in runs["validate"].stderr
    find = runs["find"].stdout.decode("utf-8")
    assert runs["find"].returncode == 0, runs["find"].stderr
    assert "Claim\\x0a  - fake claim \\x1b]0;owned" in find  # no fake claim line
    assert "\n  - fake claim" not in find
    assert "Differ\\x0a  - fake disagreement \\x1b]0;owned" in find  # escaped, on one line
    assert "Variant\\x0a    * fake variant" in find
    assert "\n  - fake disagreement" not in find and "\n    * fake variant" not in find
    assert b"\\u202e" in runs["find unknown"].stderr
    assert runs["export"].returncode == 0 and b"out\\x1b]0;t\\x07.svg" in runs["export"].stdout
    assert runs["handout"].returncode == 0
    assert runs["usage"].returncode == 2 and b"b\\x1b]0;x\\x07" in runs["usage"].stderr


@pytest.mark.slow
def test_an_emoji_label_on_a_cp1252_console(tmp_path):
    chart = _hostile_chart(tmp_path, emoji=True)
    area = json.loads(chart.read_text("utf-8"))["features"][1]["properties"]["body_area"]
    for args in (("find", area, "--chart", str(chart)), ("summary", str(chart))):
        run = _run(*args, encoding="cp1252")
        assert run.returncode == 0, run.stderr
        assert b"Traceback" not in run.stderr
    run = _run("find", area, "--chart", str(chart), encoding="cp1252")
    assert b"\\U0001f9b6 " in run.stdout  # shown escaped, not a crash
    run = _run("find", area, "--chart", str(chart), encoding="ascii")
    assert run.returncode == 0 and b"\\U0001f9b6 " in run.stdout


def test_output_errors_say_what_is_wrong(tmp_path, capsys):
    chart = ["--chart", str(SYNTHETIC)]
    folder = tmp_path / "maps.png"
    folder.mkdir()
    assert main(["export", str(folder), *chart]) == 1
    assert capsys.readouterr().err == (
        f"footmap: cannot write {folder}: it is a directory; name a file in it\n"
    )
    assert main(["export", str(tmp_path / "m.png"), *chart, "--dpi", "5"]) == 1
    assert capsys.readouterr().err == "footmap: dpi must be between 30 and 1200, not 5\n"
    assert main(["export", str(tmp_path / "m.png"), *chart, "--dpi", "100000"]) == 1
    assert capsys.readouterr().err == "footmap: dpi must be between 30 and 1200, not 100000\n"
    assert main(["export", str(tmp_path / "m.png"), *chart, "--dpi", "1000"]) == 1
    assert capsys.readouterr().err == (
        "footmap: a 11.69 x 8.27 in page at 1000 dpi is 96,676,300 pixels; the limit is "
        "40,000,000 (at most 643 dpi for this page)\n"
    )
    assert not (tmp_path / "m.png").exists()


def test_the_chart_itself_is_never_overwritten(tmp_path, capsys):
    chart = tmp_path / "chart.svg"
    chart.write_bytes(SYNTHETIC.read_bytes())
    link = tmp_path / "link.svg"
    link.hardlink_to(chart)
    for out in (chart, link):
        assert main(["export", str(out), "--chart", str(chart)]) == 1
        assert capsys.readouterr().err == (
            f"footmap: refusing to write over the chart being drawn ({out}); "
            "choose another output file\n"
        )
    assert chart.read_bytes() == SYNTHETIC.read_bytes()
    assert main(["handout", str(tmp_path / "c.pdf"), "--chart", str(chart)]) == 0


def test_a_device_is_not_replaced(tmp_path, capsys):
    import footmap
    from footmap.export.annotate import export

    with pytest.raises(
        footmap.FootmapError, match=r"^cannot write /dev/null: it is not a regular file$"
    ):
        export(footmap.load(), "/dev/null", format="png")


def test_a_full_disk_ends_with_a_message():
    with open("/dev/full", "w") as full:
        run = _run("summary", stdout=full)
    assert run.returncode == 1
    assert run.stderr == b"footmap: cannot write the output: No space left on device\n"


def test_a_long_search_is_not_echoed_whole(capsys):
    assert main(["find", "x" * 120_000]) == 1
    err = capsys.readouterr().err
    assert err == (
        f"footmap: a body area is a short name, not {'x' * 200!r}... (120,000 characters): "
        "the limit is 200 characters\n"
    )
    assert main(["export", "m.png", "--highlight", "y" * 5000]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"footmap: {'y' * 200!r}... (5,000 characters) matches no zone id")
    assert len(err) < 400


def test_find_shows_a_hostile_zone_inert_in_process(tmp_path, capsys):
    """The zone's label and claims escaped (no subprocess, so mutation testing sees it)."""
    chart = _hostile_chart(tmp_path)
    area = json.loads(chart.read_text("utf-8"))["features"][1]["properties"]["body_area"]
    assert main(["find", area, "--chart", str(chart)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out
    assert "\\x1b[31m (left foot, plantar)" in out  # the label, escaped
    assert "Claim\\x0a  - fake claim \\x1b]0;owned" in out
    assert "\n  - fake claim" not in out


def test_a_search_of_exactly_the_limit_is_searched(capsys):
    from footmap.cli import _echo

    assert main(["find", "x" * 200, "--chart", str(SYNTHETIC)]) == 1
    assert "the limit is" not in capsys.readouterr().err
    assert _echo("a" * 200) == "'" + "a" * 200 + "'"
    assert _echo("a" * 201) == "'" + "a" * 200 + "'... (201 characters)"


def test_find_escapes_a_line_break_in_a_label_and_a_body_area(tmp_path, capsys):
    doc = json.loads(SYNTHETIC.read_text("utf-8"))
    for f in doc["features"]:
        if f["properties"].get("body_area") == "kidneys":
            f["properties"].update(label="Kid\nney", body_area="kidneys\nfake")
    path = tmp_path / "nl.geojson"
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert main(["find", "kidneys\nfake", "--chart", str(path)]) == 0
    assert capsys.readouterr().out.splitlines()[0] == (
        "Kid\\x0aney (left foot, plantar): charts assign it to the kidneys\\x0afake [Urinary] [1]"
    )


def test_find_numbers_sources_across_zones_and_escapes_disagreements(tmp_path, capsys):
    """The zones share one numbering (the right kidney's doc000 is [2], not its own [1]); a
    line break in a disagreement's topic, text or variant shows escaped."""
    doc = json.loads(SYNTHETIC.read_text("utf-8"))
    meta = doc["footmap"]
    meta["sources"].append(
        {"id": "chart2", "kind": "chart", "title": "Chart two", "citation": "Test chart two."}
    )
    meta["disagreements"] = [
        {"id": "side", "topic": "Which\nside", "text": "Charts\ndiffer.",
         "zones": ["right.plantar.kidney"],
         "variants": [{"text": "Left\nfoot.", "sources": ["doc000"]},
                      {"text": "Right.", "sources": ["chart2"]}]}
    ]  # fmt: skip
    assert doc["features"][4]["id"] == "left.plantar.kidney"
    doc["features"][4]["properties"]["claims"][0]["sources"] = ["chart2"]
    path = tmp_path / "k.geojson"
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert main(["find", "kidneys", "--chart", str(path)]) == 0
    evidence = (
        "What the evidence says:\n"
        "  - TEST CAVEAT: claims of reflexology, not established facts.\n"
        "Safety: TEST SAFETY: ask a doctor first if you have diabetes.\n"
    )
    assert capsys.readouterr().out == (
        "Kidney (left foot, plantar): charts assign it to the kidneys [Urinary] [1]\n"
        "What charts claim:\n"
        "  - Test charts assign this area to the kidneys. [1]\n"
        + evidence
        + "Kidney (right foot, plantar): charts assign it to the kidneys [Urinary] [2]\n"
        "What charts claim:\n"
        "  - Test charts assign this area to the kidneys. [2]\n"
        "Charts disagree here:\n"
        "  - Which\\x0aside: Charts\\x0adiffer.\n"
        "    * Left\\x0afoot. [2]\n"
        "    * Right. [1]\n" + evidence + "\n"
        "Caveat: TEST CAVEAT: claims of reflexology, not established facts.\n"
        "Sources:\n"
        "  [1] Test chart two.\n"
        "  [2] Test chart one, not a real source.\n"
        "  [3] Test review, not a real study (stands in for Ernst 2009).\n"
        "  [4] Test article two, not a real source.\n"
    )


def test_help_names_the_program_and_says_what_it_is(capsys):
    assert main(["--help"]) == 0
    assert capsys.readouterr().out.splitlines()[:3] == [
        "usage: footmap [-h] [--version] COMMAND ...",
        "",
        "An interactive reflexology foot map: the zones reflexology charts claim, with their "
        "sources and the caveat that the evidence does not support them.",
    ]


class _Console:
    """A text stream named ``encoding`` that keeps what is written, refusing what ``codec``
    (default: ``encoding``, or UTF-8) cannot encode, as a real console would."""

    def __init__(self, encoding, codec=None):
        self.encoding = encoding
        self.codec = codec or encoding or "utf-8"
        self.text = ""

    def write(self, text):
        text.encode(self.codec)  # raises UnicodeEncodeError as the console would
        self.text += text

    def flush(self):
        pass


@pytest.mark.parametrize(
    ("encoding", "shown"),
    [
        ("cp1252", "caf\u00e9 \\U0001f9b6 \\x1b[2J\n"),  # what cp1252 lacks, escaped
        ("utf-8", "caf\u00e9 \U0001f9b6 \\x1b[2J\n"),
        (None, "caf\u00e9 \U0001f9b6 \\x1b[2J\n"),  # no encoding: UTF-8
        ("x-no-such-codec", "caf\\xe9 \\U0001f9b6 \\x1b[2J\n"),  # an unknown codec: ASCII
    ],
)
def test_emit_writes_what_the_stream_can_encode(encoding, shown):
    from footmap.cli import _emit

    console = _Console(encoding, "ascii" if encoding == "x-no-such-codec" else None)
    _emit("caf\u00e9 \U0001f9b6 \x1b[2J", console)
    assert console.text == shown


def test_emit_writes_to_stdout_unless_told(monkeypatch):
    from footmap.cli import _emit

    console = _Console("cp1252")
    monkeypatch.setattr("sys.stdout", console)
    _emit("\U0001f9b6")
    assert console.text == "\\U0001f9b6\n"


def test_error_cuts_each_over_long_line(capsys):
    from footmap.cli import _error

    _error("a" * 800 + "\n" + "b" * 801 + "\nc")
    assert capsys.readouterr().err == (
        "a" * 800 + "\n" + "b" * 800 + "... (801 characters in all)\nc\n"
    )


def test_help_of_export_and_handout_gives_their_own_defaults(monkeypatch, capsys):
    monkeypatch.setenv("COLUMNS", "400")  # one line per option
    assert main(["export", "--help"]) == 0
    out = capsys.readouterr().out
    assert (
        "a view to draw; repeat the option for more "
        "(default: plantar, or the chart's first view if it has none)\n"
    ) in out
    assert "repeat the option for more (quote a spec with spaces)\n" in out
    assert main(["handout", "--help"]) == 0
    out = capsys.readouterr().out
    assert "repeat the option for more (default: the views holding each page's zones)\n" in out
    assert (
        "repeat the option for more (quote a spec with spaces) (one handout page each; "
        "default: one page per body system)\n"
    ) in out


def test_help_into_a_closed_pipe_ends_quietly(monkeypatch, capsys):
    class ClosedPipe:
        encoding = "utf-8"

        def write(self, text):
            raise BrokenPipeError(32, "Broken pipe")

        def flush(self):
            pass

    monkeypatch.setattr("sys.stdout", ClosedPipe())
    assert main(["--help"]) == 141
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize(
    ("argv", "pyplot_loaded", "backends"),
    [
        (["export", "m.svg"], False, ["agg"]),
        (["handout", "h.pdf"], False, ["agg"]),
        (["export", "m.svg"], True, []),  # pyplot chose its backend already: left alone
        (["summary"], False, []),
    ],
)
def test_only_figure_commands_choose_a_windowless_backend(
    monkeypatch, tmp_path, argv, pyplot_loaded, backends
):
    import footmap.export

    chosen = []
    monkeypatch.setattr(matplotlib, "use", lambda name: chosen.append(name.lower()))
    monkeypatch.setattr(footmap.export, "export", lambda chart, out, **kw: out)
    monkeypatch.setattr(footmap.export, "handout", lambda chart, out, **kw: out)
    if not pyplot_loaded:
        monkeypatch.delitem(sys.modules, "matplotlib.pyplot")
    monkeypatch.chdir(tmp_path)
    assert main([*argv, *(["--chart", str(SYNTHETIC)] if argv[0] != "summary" else [])]) == 0
    assert chosen == backends


@pytest.mark.parametrize(
    ("error", "code", "message"),
    [
        (KeyboardInterrupt(), 130, "footmap: interrupted\n"),
        (OSError(28, "No space left on device"), 1,
         "footmap: cannot write the output: No space left on device\n"),
        (OSError("no errno"), 1, "footmap: cannot write the output: no errno\n"),
        (BrokenPipeError(32, "Broken pipe"), 141, ""),
    ],
)  # fmt: skip
def test_a_command_stopped_by_the_system_ends_with_a_message(
    monkeypatch, capsys, error, code, message
):
    from footmap import cli

    def summary(args):
        raise error

    monkeypatch.setattr(cli, "_cmd_summary", summary)
    assert main(["summary"]) == code
    assert capsys.readouterr().err == message


@pytest.mark.parametrize("extra", ["b ", "BOX"])
def test_a_usage_error_is_printed_as_argparse_words_it(capsys, extra):
    """Only the message's final line break is dropped (then one is printed): a trailing
    space or letter of the echoed argument stays."""
    assert main(["summary", "a", extra]) == 2
    assert capsys.readouterr().err == (
        "usage: footmap [-h] [--version] COMMAND ...\n"
        f"footmap: error: unrecognized arguments: {extra}\n"
    )


# -- search that helps: one search for every surface (footmap.chart.query.find) -----------------
@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("kidny", "No zone matches 'kidny'; did you mean kidneys?"),
        ("hart", "No zone matches 'hart'; did you mean heart?"),
        ("xyzzy", "No zone matches 'xyzzy'"),
    ],
)
def test_find_offers_close_names_for_a_typo(query, message, capsys):
    assert main(["find", query]) == 1
    assert capsys.readouterr().err == f"footmap: {message}\n"


def test_find_answers_a_symptom_with_the_body_area_and_says_so(capsys):
    assert main(["find", "toothache"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(
        "footmap maps body areas, not symptoms: charts claim teeth and jaw for 'toothache'\n"
    )
    assert "Teeth & jaw (left foot, dorsal)" in out and "Stomach" not in out


def test_find_takes_the_queries_of_the_search_boxes(capsys):
    assert main(["find", "system: urinary"]) == 0
    out = capsys.readouterr().out
    assert "Kidney (left foot, plantar)" in out and "Bladder" in out
    assert "unknown highlight" not in out
