"""Read what the tests need from PDF files footmap writes, without a PDF library."""

from __future__ import annotations

import re
from pathlib import Path


def pdf_page_count(path: Path) -> int:
    """Pages of a PDF: with pypdf when installed, else by counting page objects."""
    try:
        from pypdf import PdfReader
    except ImportError:
        data = path.read_bytes()
        # matplotlib writes page dictionaries uncompressed: "/Type /Page" (not "/Pages").
        return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))
    return len(PdfReader(str(path)).pages)


def pdf_info(path: Path) -> dict[str, str]:
    """The PDF's document information (Title, Subject, Creator), read from the raw file.

    matplotlib writes the information dictionary uncompressed, each value a literal string
    ``(...)`` with backslash, ``(`` and ``)`` escaped; a value that is not ASCII is UTF-16
    with a byte-order mark.
    """
    data = path.read_bytes()
    info = {}
    for key in ("Title", "Subject", "Creator"):
        start = data.find(b"/" + key.encode() + b" (")
        if start < 0:
            continue
        i, raw = start + len(key) + 3, bytearray()
        while data[i : i + 1] != b")":
            if data[i : i + 1] == b"\\":
                i += 1
            raw += data[i : i + 1]
            i += 1
        value = bytes(raw)
        info[key] = (
            value[2:].decode("utf-16-be") if value[:2] == b"\xfe\xff" else value.decode("ascii")
        )
    return info
