"""Reading a chart (``footmap.chart._read`` and the loader's limits): files that cannot be
read, sizes and structure counted before parsing, BOMs, surrogates, duplicate keys, special
files, path names, load()'s arguments and the bundled chart's place.
"""

from __future__ import annotations

import json
from pathlib import Path

import make_bad_charts as charts
import pytest
import synthetic

import footmap
import footmap.chart._read
from footmap import Chart, ChartError

TESTS = Path(__file__).resolve().parents[1]
DATA = TESTS / "data"
GOOD = DATA / "good_small.geojson"


def test_missing_file(tmp_path):
    path = tmp_path / "missing.geojson"
    with pytest.raises(ChartError) as info:
        footmap.load(path)
    assert [(p.file, p.zone, p.message) for p in info.value.problems] == [
        (str(path), None, "no such file")
    ]


def test_missing_file_relative_name(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ChartError, match=r"missing\.geojson: no such file"):
        footmap.load("missing.geojson")


def test_a_symlink_loop_cannot_be_read(tmp_path):
    path = tmp_path / "loop.geojson"
    path.symlink_to(path)
    with pytest.raises(ChartError) as info:
        footmap.load(path)
    assert [(p.file, p.zone, p.message) for p in info.value.problems] == [
        (str(path), None, "cannot read: Too many levels of symbolic links")
    ]


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (PermissionError(13, "Permission denied"), "permission denied"),
        (RuntimeError("Symlink loop from '/x'"), "cannot read: Symlink loop from '/x'"),
        (OSError(5, "Input/output error"), "cannot read: Input/output error"),
    ],
)
def test_a_file_that_cannot_be_read_is_named(tmp_path, monkeypatch, error, message):
    """Root reads any file, so the failures are made by hand (in _read_capped)."""

    def fail(*args):
        raise error

    monkeypatch.setattr(footmap.chart.loader, "_read_capped", fail)
    with pytest.raises(ChartError) as info:
        footmap.load(GOOD)
    assert [(p.file, p.zone, p.message) for p in info.value.problems] == [
        (str(GOOD), None, message)
    ]


def test_the_bundled_chart_loads_with_other_limits():
    chart = footmap.load(None, max_zones=19_999)
    assert chart.path == TESTS.parent / "data" / "zones.geojson"
    assert chart is not footmap.load()  # not the cached one


def test_directory(tmp_path):
    with pytest.raises(ChartError) as info:
        footmap.load(tmp_path)
    (problem,) = info.value.problems
    assert problem.file == str(tmp_path)
    assert problem.message == "is a directory, not a chart file"


def test_deeply_nested_lists(tmp_path):
    path = tmp_path / "nested.geojson"
    path.write_bytes(charts.deeply_nested(100_000))
    with pytest.raises(ChartError) as info:
        footmap.load(path)
    assert [(p.zone, p.message) for p in info.value.problems] == [
        (None, "JSON is nested too deeply")
    ]


def test_deeply_nested_objects():
    text = '{"a": ' * 100_000 + "1" + "}" * 100_000
    with pytest.raises(ChartError, match="JSON is nested too deeply"):
        footmap.loads(text)


@pytest.mark.parametrize("where", ["geometry.type", "coordinate", "label", "source id"])
def test_nested_but_parseable_values(where):
    # deep enough to stress repr/schema code, shallow enough for the JSON parser
    doc = charts.base()
    feat = doc["features"][3]
    marker = "@@NEST@@"
    if where == "geometry.type":
        feat["geometry"]["type"] = marker
    elif where == "coordinate":
        feat["geometry"]["coordinates"][0][1] = marker
    elif where == "label":
        feat["properties"]["label"] = marker
    else:
        doc["footmap"]["sources"][0]["id"] = marker
    text = json.dumps(doc).replace(f'"{marker}"', "[" * 500 + "]" * 500)
    with pytest.raises(ChartError) as info:
        footmap.loads(text)
    zones = {p.zone for p in info.value.problems}
    assert zones == ({None} if where == "source id" else {"left.plantar.pelvis"})


def test_100_mb_file_is_refused_without_reading_it(tmp_path, monkeypatch):
    path = tmp_path / "huge.geojson"
    size = 100 * 1024 * 1024
    head = charts.padded(0)
    with path.open("wb") as fh:  # a valid chart padded with whitespace to 100 MB
        fh.write(head)
        chunk = b" " * (1024 * 1024)
        for _ in range((size - len(head)) // len(chunk)):
            fh.write(chunk)
        fh.write(b" " * ((size - len(head)) % len(chunk)))
    assert path.stat().st_size == size

    def no_reading(self, *args, **kwargs):
        raise AssertionError("a file over the limit must be refused before it is read")

    monkeypatch.setattr(Path, "read_bytes", no_reading)
    monkeypatch.setattr(Path, "read_text", no_reading)
    monkeypatch.setattr(Path, "open", no_reading)
    with pytest.raises(ChartError) as info:
        footmap.load(path)
    (problem,) = info.value.problems
    assert problem.file == str(path)
    assert problem.message == (
        f"file is {size:,} bytes; the limit is {footmap.chart.loader.DEFAULT_MAX_BYTES:,} bytes"
    )


def test_100_mb_of_whitespace_padding_is_refused_by_loads():
    data = charts.padded(100 * 1024 * 1024)
    with pytest.raises(ChartError, match=r"104,857,600 bytes; the limit is 33,554,432"):
        footmap.loads(data)
    with pytest.raises(ChartError, match=r"over 33,554,432 bytes"):
        footmap.loads(data.decode("ascii"))


def test_padding_below_the_limit_is_fine():
    assert isinstance(footmap.loads(charts.padded(200_000)), Chart)


def test_max_bytes_is_configurable(tmp_path):
    size = GOOD.stat().st_size
    assert isinstance(footmap.load(GOOD, max_bytes=size), Chart)
    with pytest.raises(ChartError) as info:
        footmap.load(GOOD, max_bytes=size - 1)
    (problem,) = info.value.problems
    assert problem.message == f"file is {size:,} bytes; the limit is {size - 1:,} bytes"
    with pytest.raises(ChartError, match=f"the limit is {size - 1:,}"):
        footmap.loads(GOOD.read_bytes(), max_bytes=size - 1)


def test_max_zones_is_configurable():
    assert len(footmap.load(GOOD, max_zones=8).zones) == 8
    with pytest.raises(ChartError) as info:
        footmap.load(GOOD, max_zones=7)
    (problem,) = info.value.problems
    assert (problem.zone, problem.message) == (
        None,
        "chart has more than 7 zones (the configured limit)",
    )


def test_synthetic_chart_loads_and_respects_max_zones():
    text = json.dumps(synthetic.synthetic_chart(150))
    chart = footmap.loads(text)
    assert len(chart.zones) == 150
    assert chart.zone_at("left", "plantar", 1.0, 1.0).id == "left.plantar.z000000"
    with pytest.raises(ChartError, match="more than 149 zones"):
        footmap.loads(text, max_zones=149)


def _only(err: ChartError) -> tuple[str | None, str]:
    (problem,) = err.problems
    return problem.zone, problem.message


@pytest.mark.slow
def test_a_million_zeros_is_refused_on_the_feature_count_with_bounded_memory():
    import tracemalloc

    text = '{"type":"FeatureCollection","features":[' + ",".join(["0"] * 1_000_000) + "]}"
    tracemalloc.start()
    try:
        with pytest.raises(ChartError) as info:
            footmap.loads(text)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert _only(info.value) == (
        None,
        "chart has 1,000,000 features; the limit is 20,008 (20,000 zones and 8 outlines)",
    )
    assert peak < 300 * 1024 * 1024  # a generous bound: it took 2.8 GB before the count


def test_more_features_than_zones_and_outlines_allow_is_refused():
    """The in-process twin of the million zeros (which mutation testing leaves out: slow)."""
    with pytest.raises(ChartError) as info:
        footmap.loads(
            '{"type": "FeatureCollection", "features": [' + "0, " * 10 + "0]}", max_zones=2
        )
    assert _only(info.value) == (
        None,
        "chart has 11 features; the limit is 10 (2 zones and 8 outlines)",
    )
    with pytest.raises(ChartError) as info:  # ten are allowed: the schema speaks instead
        footmap.loads(
            '{"type": "FeatureCollection", "features": [' + "0, " * 9 + "0]}", max_zones=2
        )
    assert info.value.problems[0].message == "chart: missing required 'footmap'"


def test_16_million_zeros_under_the_size_limit_are_refused_before_parsing(monkeypatch):
    text = '{"type":"FeatureCollection","features":[' + ",".join(["0"] * 16_000_000) + "]}"
    assert len(text) < footmap.chart.loader.DEFAULT_MAX_BYTES

    def no_parsing(*args, **kwargs):
        raise AssertionError("counted before parsing")

    monkeypatch.setattr(footmap.chart._read.json, "loads", no_parsing)
    with pytest.raises(ChartError) as info:
        footmap.loads(text)
    assert _only(info.value) == (None, "holds 16,000,000 JSON values; the limit is 5,000,000")


@pytest.mark.parametrize("as_bytes", [False, True])  # bytes are counted, not their text
@pytest.mark.parametrize(
    ("unit", "count", "message"),
    [
        ("{}", 1_100_000, "holds 1,100,001 JSON objects; the limit is 1,000,000"),
        ("[]", 3_100_000, "holds 3,100,001 JSON arrays; the limit is 3,000,000"),
        ('"ab"', 2_100_000, "holds 2,100,003 JSON strings; the limit is 2,000,000"),
        ("0", 5_100_000, "holds 5,100,000 JSON values; the limit is 5,000,000"),
    ],
)
def test_structure_is_counted_before_parsing(unit, count, message, as_bytes):
    text = '{"type":"FeatureCollection","features":[' + ",".join([unit] * count) + "]}"
    with pytest.raises(ChartError) as info:
        footmap.loads(text.encode() if as_bytes else text)
    assert _only(info.value) == (None, message)


@pytest.mark.parametrize("as_bytes", [False, True])
def test_escaped_quotes_are_not_counted_as_strings(as_bytes):
    """1.5 million strings of two escaped quotes: 6 million quotes, 1.5 million strings."""
    strings = ",".join(['"\\"\\""'] * 1_500_000)
    text = '{"type":"FeatureCollection","features":[],"x":[' + strings + "]}"
    with pytest.raises(ChartError) as info:
        footmap.loads(text.encode() if as_bytes else text)
    assert [p.message for p in info.value.problems] == [
        "chart: missing required 'footmap'",
        "features: needs at least 1 item(s), has 0",
    ]


def test_unknown_members_with_many_brackets_still_load():
    doc = charts.base()
    doc["footmap"]["extra"] = "{[,]}" * 1_100_000  # brackets in a string: not structure
    chart = footmap.loads(json.dumps(doc))
    assert len(chart.zones) == 8


def test_more_zones_than_allowed_is_refused_before_the_schema(monkeypatch):
    doc = charts.base()
    zone = charts.feature(doc, "left.plantar.head")
    doc["features"] += [dict(zone, id=f"z{i}") for i in range(20)]

    def no_schema(*args, **kwargs):
        raise AssertionError("the zone count comes first")

    monkeypatch.setattr(footmap.chart.loader, "_check_schema", no_schema)
    with pytest.raises(ChartError) as info:
        footmap.loads(json.dumps(doc), max_zones=27)
    assert _only(info.value) == (None, "chart has more than 27 zones (the configured limit)")


def test_a_fifo_is_refused_without_hanging(tmp_path):
    import os

    fifo = tmp_path / "x.geojson"
    os.mkfifo(fifo)  # no writer: opening it for reading would block
    with pytest.raises(ChartError) as info:
        footmap.load(fifo)
    assert _only(info.value) == (None, "is a pipe (FIFO), not a chart file")


def test_a_device_is_refused():
    with pytest.raises(ChartError) as info:
        footmap.load("/dev/zero")
    assert _only(info.value) == (None, "is a character device, not a chart file")


def test_a_file_growing_past_the_limit_is_read_no_further(tmp_path, monkeypatch):
    path = tmp_path / "c.geojson"
    path.write_bytes(GOOD.read_bytes())
    size = path.stat().st_size

    def shrunk_stat(self, *args, **kwargs):  # the size checked before opening: small
        st = real_stat(self, *args, **kwargs)
        return type(st)((st[0], *st[1:6], 10, *st[7:]))

    real_stat = Path.stat
    monkeypatch.setattr(Path, "stat", shrunk_stat)
    with pytest.raises(ChartError) as info:
        footmap.load(path, max_bytes=size - 1)
    assert _only(info.value) == (
        None,
        f"file is over {size - 1:,} bytes; the limit is {size - 1:,} bytes",
    )


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: footmap.load("a\0b.geojson"), "not a usable path: it contains a NUL character"),
        (lambda: footmap.load(123), "a chart path is a str or path, not int"),
        (lambda: footmap.load(b"data/zones.geojson"), "a chart path is a str or path, not bytes"),
        (lambda: footmap.loads(None), "chart data must be str or bytes, not NoneType"),
        (lambda: footmap.loads(12.5), "chart data must be str or bytes, not float"),
        (
            lambda: footmap.load(GOOD, max_zones="x"),
            "max_zones must be a whole number of at least 1, not 'x'",
        ),
        (
            lambda: footmap.load(GOOD, max_bytes=True),
            "max_bytes must be a whole number of at least 1, not True",
        ),
        (
            lambda: footmap.loads("{}", max_zones=0),
            "max_zones must be a whole number of at least 1, not 0",
        ),
    ],
)
def test_bad_arguments_raise_chart_error(call, message):
    with pytest.raises(ChartError) as info:
        call()
    assert _only(info.value)[1] == message
    assert isinstance(info.value, footmap.FootmapError)


def test_a_bom_is_ignored_everywhere(tmp_path):
    text = GOOD.read_text("utf-8")
    path = tmp_path / "bom.geojson"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    for chart in (
        footmap.loads("\ufeff" + text),
        footmap.loads(b"\xef\xbb\xbf" + text.encode("utf-8")),
        footmap.load(path),
    ):
        assert len(chart.zones) == 8


def test_a_raw_lone_surrogate_in_text_is_reported_where_it_is():
    doc = charts.base()
    doc["footmap"]["title"] = "\udc00 title"
    with pytest.raises(ChartError) as info:
        footmap.loads(json.dumps(doc, ensure_ascii=False))
    assert _only(info.value) == (
        None,
        "footmap.title: holds a lone surrogate \\udc00 at character 0 (not valid Unicode text)",
    )


@pytest.mark.parametrize("as_bytes", [False, True])
def test_an_escaped_lone_surrogate_is_reported_where_it_is(as_bytes):
    """ASCII text or UTF-8 bytes can hold a lone surrogate only as an escape: still found."""
    doc = charts.base()
    doc["footmap"]["title"] = "\udc00 title"
    text = json.dumps(doc)  # ensure_ascii: written \\udc00
    assert text.isascii()
    with pytest.raises(ChartError) as info:
        footmap.loads(text.encode() if as_bytes else text)
    assert _only(info.value) == (
        None,
        "footmap.title: holds a lone surrogate \\udc00 at character 0 (not valid Unicode text)",
    )


def test_a_surrogate_pair_is_one_character_and_fine():
    doc = charts.base()
    charts.feature(doc, "left.plantar.head")["properties"]["label"] = "Head \U0001f9b6"
    chart = footmap.loads(json.dumps(doc))  # ensure_ascii writes the pair \\ud83e\\uddb6
    assert chart.zone("left.plantar.head").label == "Head \U0001f9b6"


def test_duplicate_keys_in_the_metadata_name_their_place():
    text = GOOD.read_text("utf-8").replace('"units": "mm",', '"units": "mm", "units": "mm",', 1)
    with pytest.raises(ChartError) as info:
        footmap.loads(text)
    assert _only(info.value) == (
        None,
        "footmap: duplicate key 'units' (only the last value would be kept)",
    )


def test_the_bundled_chart_is_found_as_package_data_then_in_the_checkout(tmp_path, monkeypatch):
    import types

    from footmap.chart import loader as io

    root = Path(io.__file__).resolve().parents[2]
    package = tmp_path / "package"
    monkeypatch.setattr(io, "resources", types.SimpleNamespace(files={"footmap": package}.get))
    # no package data (a source checkout): the repository's data/zones.geojson
    assert io.bundled_path() == root / "data" / "zones.geojson"
    # an installed wheel: footmap/data/zones.geojson
    (package / "data").mkdir(parents=True)
    (package / "data" / "zones.geojson").write_text("{}")
    assert io.bundled_path() == package / "data" / "zones.geojson"


def test_a_missing_bundled_chart_is_a_footmap_error(tmp_path, monkeypatch):
    import types

    from footmap.chart import loader as io

    monkeypatch.setattr(io, "resources", types.SimpleNamespace(files={"footmap": tmp_path}.get))
    monkeypatch.setattr(io, "__file__", str(tmp_path / "site" / "footmap" / "chart" / "loader.py"))
    with pytest.raises(footmap.FootmapError) as info:
        io.bundled_path()
    assert str(info.value) == (
        f"the bundled chart is missing (looked for {tmp_path}/data/zones.geojson and "
        f"{tmp_path}/site/data/zones.geojson); reinstall footmap"
    )


@pytest.mark.parametrize(
    ("mode", "kind"),
    [
        (0o010644, "a pipe (FIFO)"),
        (0o020644, "a character device"),
        (0o060644, "a block device"),
        (0o140644, "a socket"),
        (0o120777, "not a regular file"),  # a symbolic link
    ],
)
def test_file_kinds_are_named(mode, kind):
    assert footmap.chart._read._file_kind(mode) == kind


def test_a_socket_is_refused(tmp_path):
    import socket

    path = tmp_path / "s.geojson"
    with socket.socket(socket.AF_UNIX) as s:
        s.bind(str(path))
        with pytest.raises(ChartError) as info:
            footmap.load(path)
    assert _only(info.value) == (None, "is a socket, not a chart file")


@pytest.mark.parametrize(
    ("call", "file"),
    [
        (lambda: footmap.load(123), "123"),
        (lambda: footmap.load(max_zones=0), "<bundled chart>"),
        (lambda: footmap.load(GOOD, max_bytes=0), str(GOOD)),
        (lambda: footmap.loads("{}", name="mine", max_bytes=0), "mine"),
    ],
)
def test_a_bad_argument_names_the_chart_it_was_for(call, file):
    with pytest.raises(ChartError) as info:
        call()
    (problem,) = info.value.problems
    assert problem.file == file


def test_duplicate_keys_and_lone_surrogates_are_listed_in_document_order():
    text = json.dumps(charts.base())
    text = text.replace('"units": "mm",', '"units": "mm", "units": "mm",', 1)
    text = text.replace('"label": "Head"', '"label": "Head", "label": "Head"', 1)
    text = text.replace(
        '"body_area": "kidneys"', '"body_area": "kidneys", "x\\udc00y": 1, "n": "a\\ud800"', 1
    )
    with pytest.raises(ChartError) as info:
        footmap.loads(text)
    assert [(p.zone, p.message) for p in info.value.problems] == [
        (None, "footmap: duplicate key 'units' (only the last value would be kept)"),
        (
            "left.plantar.kidney",
            "properties: key 'x\\udc00y' holds a lone surrogate \\udc00 at character 1 "
            "(not valid Unicode text)",
        ),
        (
            "left.plantar.kidney",
            "properties.n: holds a lone surrogate \\ud800 at character 1 (not valid Unicode text)",
        ),
        (
            "left.plantar.head",
            "properties: duplicate key 'label' (only the last value would be kept)",
        ),
    ]


def test_a_file_over_the_default_size_loads_when_the_limit_allows(tmp_path):
    path = tmp_path / "big.geojson"
    path.write_bytes(charts.padded(33 * 1024 * 1024))  # over the default 32 MiB
    assert len(footmap.load(path, max_bytes=34 * 1024 * 1024).zones) == 8


def _text_and_bytes(text: str) -> tuple[str, str, bytes]:
    """``_check_counts``' arguments for ``text`` read from a file named "t"."""
    return text, "t", text.encode("utf-8")


def test_json_strings_are_counted_without_their_escaped_quotes():
    from footmap.chart._read import _check_counts

    # one string holding 4,000,001 escaped quotes is one string
    assert _check_counts(*_text_and_bytes('"' + '\\"' * 4_000_001 + '"')) is None
    assert _check_counts(*_text_and_bytes('""' * 2_000_000)) is None  # exactly the limit
    with pytest.raises(ChartError) as info:
        _check_counts(*_text_and_bytes('""' * 2_000_001))
    assert _only(info.value) == (None, "holds 2,000,001 JSON strings; the limit is 2,000,000")


def _regular_stat(monkeypatch, size):
    """Make Path.stat (the check before opening) report a regular file of ``size`` bytes."""
    real_stat = Path.stat

    def fake(self, *args, **kwargs):
        st = real_stat(GOOD)
        return type(st)((st[0], *st[1:6], size, *st[7:]))

    monkeypatch.setattr(Path, "stat", fake)


def test_a_file_swapped_for_a_fifo_after_the_check_is_refused_without_hanging(
    tmp_path, monkeypatch
):
    import os
    import threading
    import time

    fifo = tmp_path / "x.geojson"
    os.mkfifo(fifo)  # no writer: a blocking open for reading would wait for one
    _regular_stat(monkeypatch, 10)

    def writer():  # after 10 s, let a blocked open go on (so a failing test ends)
        try:
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        except OSError:
            pass

    timer = threading.Timer(10, writer)
    timer.start()
    started = time.monotonic()
    try:
        with pytest.raises(ChartError) as info:
            footmap.load(fifo)
    finally:
        timer.cancel()
    assert time.monotonic() - started < 5
    assert [(p.file, p.zone, p.message) for p in info.value.problems] == [
        (str(fifo), None, "is a pipe (FIFO), not a chart file")
    ]


def test_a_file_growing_past_the_limit_is_read_one_byte_past_it(tmp_path, monkeypatch):
    """The limit a whole number of reads (two of 1 MiB): the file is still read one byte past
    it, and no further."""
    import os

    limit = 2 * 1024 * 1024
    path = tmp_path / "c.geojson"
    path.write_bytes(b" " * (limit + 100))
    _regular_stat(monkeypatch, 10)
    read = []
    real_read = os.read

    def counting_read(fd, n):
        data = real_read(fd, n)
        read.append(len(data))
        return data

    monkeypatch.setattr(os, "read", counting_read)
    with pytest.raises(ChartError) as info:
        footmap.load(path, max_bytes=limit)
    assert _only(info.value) == (None, "file is over 2,097,152 bytes; the limit is 2,097,152 bytes")
    assert sum(read) == limit + 1


def test_nul_characters_in_a_path_are_named_and_other_errors_kept():
    from footmap.chart._read import _nul_free

    assert _nul_free(ValueError("embedded null byte")) == "it contains a NUL character"
    assert _nul_free(TypeError("expected str, not bytes")) == "expected str, not bytes"


def test_a_path_like_that_fails_is_named_by_its_repr():
    class BadPath:
        def __fspath__(self):
            raise ValueError("no path today")

        def __repr__(self):
            return "BadPath()"

    with pytest.raises(ChartError) as info:
        footmap.load(BadPath())
    assert [(p.file, p.message) for p in info.value.problems] == [
        ("BadPath()", "not a usable path: no path today")
    ]


def test_structure_in_strings_is_not_counted_and_the_limit_itself_is_allowed():
    from footmap.chart._read import _check_counts

    # 1,000,001 braces, one of them in a string: exactly the 1,000,000 objects allowed
    assert _check_counts(*_text_and_bytes("{}" * 1_000_000 + '"{"')) is None
    with pytest.raises(ChartError) as info:
        _check_counts(*_text_and_bytes("{}" * 1_000_001 + '"{"'))
    assert _only(info.value) == (None, "holds 1,000,001 JSON objects; the limit is 1,000,000")


def test_chart_text_of_exactly_the_limit_is_read():
    text = GOOD.read_text("utf-8")
    assert len(footmap.loads(text, max_bytes=len(text)).zones) == 8
    with pytest.raises(ChartError) as info:
        footmap.loads(text, max_bytes=len(text) - 1)
    assert _only(info.value) == (None, f"chart text is over {len(text) - 1:,} bytes")


@pytest.mark.parametrize("bom", [b"\xff\xfe", b"\xfe\xff"])
def test_utf16_of_either_byte_order_is_named(bom):
    codec = "utf-16-le" if bom == b"\xff\xfe" else "utf-16-be"
    with pytest.raises(ChartError) as info:
        footmap.loads(bom + '{"type": "FeatureCollection"}'.encode(codec))
    assert _only(info.value) == (
        None,
        "not UTF-8 text: it is UTF-16 (starts with a UTF-16 byte-order mark)",
    )
