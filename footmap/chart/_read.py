"""Reading chart text: bytes from a file within limits, decoding, counting, parsing.

Refuses anything but a regular file, reads at most the size limit, decodes UTF-8 (a
byte-order mark is ignored), counts the JSON structure before parsing so a small hostile
file cannot make the parser build millions of objects, parses with duplicate keys and lone
surrogates noted, and reports those with their place in the document.
"""

from __future__ import annotations

import json
import os
import re
import stat
from pathlib import Path
from typing import Any

import numpy as np

from footmap.chart._problems import _is_zone, _Problems, _short, _where
from footmap.errors import ChartError, Problem

#: Outline features a chart may hold besides its zones: one per foot and view.
MAX_OUTLINES = 8
#: Most JSON objects, arrays and values (array items and object members) a chart may hold.
#: Counted in the text before it is parsed, so that a small hostile file cannot make the
#: parser build millions of Python objects (a 32 MB file of ``{},`` would need 800 MB).
MAX_JSON_OBJECTS = 1_000_000
MAX_JSON_ARRAYS = 3_000_000
MAX_JSON_VALUES = 5_000_000
MAX_JSON_STRINGS = 2_000_000


def _path_name(path: str | os.PathLike[str]) -> str:
    try:
        return str(os.fspath(path))
    except (TypeError, ValueError):
        return _short(path)


def _nul_free(exc: BaseException) -> str:
    msg = str(exc)
    return "it contains a NUL character" if "null" in msg.lower() else msg


def _read_capped(p: Path, name: str, max_bytes: int) -> bytes:
    """The file's bytes, refusing anything but a regular file and reading at most the cap.

    The file is opened without blocking (a FIFO without a writer would hang ``open``), then
    checked with ``fstat``, so a file swapped for a device or a pipe after the check is
    still refused; reading stops one byte past ``max_bytes`` whatever the file claims.
    """
    st = p.stat()
    if stat.S_ISDIR(st.st_mode):
        raise ChartError([Problem(name, None, "is a directory, not a chart file")])
    if not stat.S_ISREG(st.st_mode):
        raise ChartError([Problem(name, None, f"is {_file_kind(st.st_mode)}, not a chart file")])
    if st.st_size > max_bytes:
        raise ChartError(
            [Problem(name, None, f"file is {st.st_size:,} bytes; the limit is {max_bytes:,} bytes")]
        )
    fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise ChartError(
                [Problem(name, None, f"is {_file_kind(st.st_mode)}, not a chart file")]
            )
        chunks, total = [], 0
        while total <= max_bytes:
            chunk = os.read(fd, min(1 << 20, max_bytes + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    finally:
        os.close(fd)
    if total > max_bytes:
        raise ChartError(
            [
                Problem(
                    name,
                    None,
                    f"file is over {max_bytes:,} bytes; the limit is {max_bytes:,} bytes",
                )
            ]
        )
    return b"".join(chunks)


def _file_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


# -- parsing ---------------------------------------------------------------------------------
#: A JSON string literal (for counting structure outside strings).
_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
#: A lone surrogate, raw (in a str given to loads) or as a JSON escape.
_SURROGATE = re.compile("[\ud800-\udfff]")
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def _parse(data: str | bytes, name: str, max_bytes: int) -> tuple[Any, dict[int, list[str]]]:
    """Decode and parse ``data``; return the document and its objects' duplicate keys.

    A leading byte-order mark is ignored, whether ``data`` is text or bytes. The text's
    structure is counted before parsing (see :data:`MAX_JSON_OBJECTS`).
    """
    if isinstance(data, str):
        text = data
        if len(text) > max_bytes:
            raise ChartError([Problem(name, None, f"chart text is over {max_bytes:,} bytes")])
    else:
        if len(data) > max_bytes:
            raise ChartError(
                [Problem(name, None, f"file is {len(data):,} bytes; the limit is {max_bytes:,}")]
            )
        if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
            raise ChartError(
                [
                    Problem(
                        name,
                        None,
                        "not UTF-8 text: it is UTF-16 (starts with a UTF-16 byte-order mark)",
                    )
                ]
            )
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ChartError(
                [
                    Problem(
                        name, None, f"not UTF-8 text: byte {exc.start} is 0x{data[exc.start]:02x}"
                    )
                ]
            ) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    # the UTF-8 bytes count as the text does: no other character is encoded with ASCII bytes
    raw = data if isinstance(data, bytes) else text.encode("utf-8", "surrogatepass")
    _check_counts(text, name, raw)

    def reject_constant(token: str) -> Any:
        raise ValueError(f"{token} is not a number in JSON")

    duplicates: dict[int, list[str]] = {}

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        obj = dict(items)
        if len(obj) != len(items):
            seen: set[str] = set()
            dups = [k for k, _ in items if k in seen or seen.add(k)]  # type: ignore[func-returns-value]
            duplicates[id(obj)] = list(dict.fromkeys(dups))
        return obj

    try:
        doc = json.loads(text, parse_constant=reject_constant, object_pairs_hook=pairs)
    except json.JSONDecodeError as exc:
        msg = f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
        raise ChartError([Problem(name, None, msg)]) from None
    except ValueError as exc:
        raise ChartError([Problem(name, None, f"invalid JSON: {exc}")]) from None
    except RecursionError:
        raise ChartError([Problem(name, None, "JSON is nested too deeply")]) from None
    # UTF-8 bytes cannot hold a raw surrogate (decoding refuses one), nor can ASCII text
    lone = not isinstance(data, bytes) and not text.isascii() and _SURROGATE.search(text)
    if lone or _SURROGATE_ESCAPE.search(text):
        duplicates[-1] = []  # ask _check_structure to look for lone surrogates
    return doc, duplicates


def _check_counts(text: str, name: str, raw: bytes) -> None:
    """Refuse text holding more JSON objects, arrays or values than the limits allow.

    Counting brackets and commas is a quick upper bound; only when it exceeds a limit are
    strings blanked out and the structure counted exactly, for the message. They are
    counted in ``raw``, the UTF-8 bytes of ``text`` (a vectorised count, some five times
    quicker than ``bytes.count``).
    """
    octets = np.frombuffer(raw, dtype=np.uint8)

    def count(c: str) -> int:
        return int(np.count_nonzero(octets == ord(c)))

    quotes = count('"')
    strings = quotes // 2  # an upper bound: escaped quotes are inside strings
    if strings > MAX_JSON_STRINGS:
        strings = (quotes - text.count('\\"')) // 2
    if strings > MAX_JSON_STRINGS:
        raise ChartError(
            [
                Problem(
                    name, None, f"holds {strings:,} JSON strings; the limit is {MAX_JSON_STRINGS:,}"
                )
            ]
        )
    limits = (("{", MAX_JSON_OBJECTS, "objects"), ("[", MAX_JSON_ARRAYS, "arrays"),
              (",", MAX_JSON_VALUES, "values"))  # fmt: skip
    if all(count(c) <= limit for c, limit, _ in limits):
        return
    bare = _JSON_STRING.sub('""', text)
    for c, limit, what in limits:
        n = bare.count(c)
        if n > limit:
            raise ChartError(
                [Problem(name, None, f"holds {n:,} JSON {what}; the limit is {limit:,}")]
            )


def _check_structure(
    doc: Any, marks: dict[int, list[str]], max_zones: int, problems: _Problems
) -> None:
    """The cheap checks that bound the rest: a FeatureCollection, not too many features.

    Also reports duplicate object keys and lone surrogates (marked by :func:`_parse`),
    each with its place in the document.
    """
    if not isinstance(doc, dict):
        problems.add(None, f"not a GeoJSON FeatureCollection (top level is {type(doc).__name__})")
        problems.raise_if_any()
    if doc.get("type") != "FeatureCollection":
        problems.add(None, f"not a GeoJSON FeatureCollection (type is {_short(doc.get('type'))})")
        problems.raise_if_any()
    features = doc.get("features")
    if isinstance(features, list):
        zones = sum(_is_zone(f) for f in features)
        if zones > max_zones:
            problems.add(None, f"chart has more than {max_zones:,} zones (the configured limit)")
            problems.raise_if_any()
        if len(features) > max_zones + MAX_OUTLINES:
            problems.add(
                None,
                f"chart has {len(features):,} features; the limit is {max_zones + MAX_OUTLINES:,} "
                f"({max_zones:,} zones and {MAX_OUTLINES} outlines)",
            )
            problems.raise_if_any()
    if marks:
        surrogates = marks.pop(-1, None) is not None
        _report_marks(doc, marks, surrogates, problems)


def _report_marks(
    doc: Any, duplicates: dict[int, list[str]], surrogates: bool, problems: _Problems
) -> None:
    features = doc.get("features")
    stack: list[tuple[Any, tuple[Any, ...]]] = [(doc, ())]
    while stack and not problems.full:
        node, path = stack.pop()
        if isinstance(node, dict):
            for key in duplicates.get(id(node), ()):
                zone, field = _where(features, list(path))
                problems.add(
                    zone,
                    f"{field}: duplicate key {_short(key)} (only the last value would be kept)",
                )
            items = list(node.items())
            if surrogates:
                for key, _ in items:
                    if _SURROGATE.search(key):
                        zone, field = _where(features, list(path))
                        problems.add(zone, f"{field}: key {_short(key)} {_lone(key)}")
            stack.extend((v, (*path, k)) for k, v in reversed(items))
        elif isinstance(node, list):
            stack.extend((v, (*path, i)) for i, v in reversed(list(enumerate(node))))
        elif surrogates and isinstance(node, str) and _SURROGATE.search(node):
            zone, field = _where(features, list(path))
            problems.add(zone, f"{field}: {_lone(node)}")


def _lone(text: str) -> str:
    m = _SURROGATE.search(text)
    assert m is not None
    return (
        f"holds a lone surrogate \\u{ord(m.group()):04x} at character {m.start()} "
        "(not valid Unicode text)"
    )
