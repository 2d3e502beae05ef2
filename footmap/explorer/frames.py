r"""The frames the explorer's canvas sends to the page: changed pixels as a quick PNG.

ipympl sends each new frame as a PNG of the whole canvas in which unchanged pixels are
transparent black (its "diff" mode), or the whole image after a resize (its "full" mode).
A click changes a few zones, so most rows of a diff frame are zero. Pillow's encoder
filters every row adaptively; these frames are written with no row filter at zlib level 1,
and the rows outside the changed band are not compressed at all: they are joined from
cached deflate segments of zero rows (the checksum of zeros is computed, not read). For a
map-sized frame that is about a sixth of Pillow's time at level 1, for a few per cent more
bytes on a local connection.

Examples
--------
>>> import numpy as np
>>> last = np.zeros((3, 4), np.uint32)
>>> buff = last.copy(); buff[1, 2] = 0xFF0000FF
>>> frame, band = diff_frame(buff, last)
>>> band
(1, 2)
>>> encode_rgba(frame.view(np.uint8).reshape(3, 4, 4), band)[:8]
b'\x89PNG\r\n\x1a\n'
"""

from __future__ import annotations

import struct
import zlib

import numpy as np

__all__ = ["LEVEL", "diff_frame", "encode_rgba"]

#: zlib level of the frames (1: fastest; the frames go to a page on the same machine).
LEVEL = 1

_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def diff_frame(buff: np.ndarray, last: np.ndarray) -> tuple[np.ndarray, tuple[int, int]]:
    """The pixels of ``buff`` that differ from ``last``, others zero, and the changed rows.

    Parameters
    ----------
    buff, last : numpy.ndarray
        The new and the previous frame, ``uint32`` (one RGBA pixel each), the same shape.

    Returns
    -------
    frame : numpy.ndarray
        ``uint32`` like ``buff``: its pixel where it changed, 0 elsewhere.
    band : tuple of int
        ``(first, stop)``: the rows holding every change (``(0, 0)`` when nothing changed).
    """
    changed = buff != last
    rows = np.flatnonzero(changed.any(axis=1))
    frame = np.zeros_like(buff)
    if not len(rows):
        return frame, (0, 0)
    first, stop = int(rows[0]), int(rows[-1]) + 1
    frame[first:stop] = np.where(changed[first:stop], buff[first:stop], 0)
    return frame, (first, stop)


def _zero_segments(row: int, count: int) -> list[bytes]:
    """Raw deflate segments that inflate to ``count`` rows of ``row`` zero bytes.

    Each segment is compressed on its own and ends in a full flush (byte aligned, no
    reference back), so segments may be joined with any other such data. Segments for
    1, 2, 4 ... rows are cached per row length; ``count`` takes one per set bit.
    """
    out = []
    bit = 0
    while count >> bit:
        if (count >> bit) & 1:
            key = (row, bit)
            seg = _ZEROS.get(key)
            if seg is None:
                z = zlib.compressobj(LEVEL, zlib.DEFLATED, -15)
                seg = z.compress(bytes(row << bit)) + z.flush(zlib.Z_FULL_FLUSH)
                _ZEROS[key] = seg
            out.append(seg)
        bit += 1
    return out


#: Cached zero segments, by (row length, log2 of the row count).
_ZEROS: dict[tuple[int, int], bytes] = {}

_ADLER = 65521


def _adler_zeros(value: int, n: int) -> int:
    """``zlib.adler32`` of ``n`` zero bytes, continuing from ``value``, without reading them."""
    a, b = value & 0xFFFF, value >> 16
    return ((b + n * a) % _ADLER) << 16 | a


def encode_rgba(pixels: np.ndarray, band: tuple[int, int] | None = None) -> bytes:
    """PNG bytes of an RGBA image (8 bits a channel), no row filter, zlib :data:`LEVEL`.

    Parameters
    ----------
    pixels : numpy.ndarray
        ``uint8``, shape ``(height, width, 4)``.
    band : tuple of int, optional
        ``(first, stop)``: only these rows may hold non-zero pixels; the others are written
        as zeros without being read or compressed again (cached deflate segments). Default:
        every row.

    Returns
    -------
    bytes
        A complete PNG file.
    """
    pixels = np.asarray(pixels)
    if pixels.dtype != np.uint8 or pixels.ndim != 3 or pixels.shape[2] != 4:
        raise ValueError(
            f"expected uint8 pixels of shape (h, w, 4), got {pixels.dtype} {pixels.shape}"
        )
    height, width = pixels.shape[:2]
    first, stop = (0, height) if band is None else band
    first = min(max(0, first), height)
    stop = min(height, max(first, stop))
    row = width * 4 + 1  # a filter byte (0: none) and the row's pixels
    raw = np.zeros((stop - first, row), np.uint8)
    raw[:, 1:] = pixels[first:stop].reshape(stop - first, width * 4)
    data = raw.tobytes()
    z = zlib.compressobj(LEVEL, zlib.DEFLATED, -15)
    middle = z.compress(data) + z.flush(zlib.Z_FULL_FLUSH)
    end = zlib.compressobj(LEVEL, zlib.DEFLATED, -15)
    body = b"".join(
        [
            b"\x78\x01",  # zlib header: deflate, 32 KiB window, level "fastest"
            *_zero_segments(row, first),
            middle,
            *_zero_segments(row, height - stop),
            end.compress(b"") + end.flush(),  # an empty final block
        ]
    )
    check = _adler_zeros(1, first * row)
    check = zlib.adler32(data, check)
    check = _adler_zeros(check, (height - stop) * row)
    body += struct.pack(">I", check)
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA, no interlace
    return _SIGNATURE + _chunk(b"IHDR", header) + _chunk(b"IDAT", body) + _chunk(b"IEND", b"")
