"""The explorer's frame encoder: changed pixels, written as a PNG any decoder reads back."""

from __future__ import annotations

import io
import zlib

import numpy as np
import pytest
from PIL import Image

from footmap.explorer import frames as framepng
from footmap.explorer.frames import diff_frame, encode_rgba


def _decode(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGBA"))


def test_diff_frame_keeps_changed_pixels_and_names_their_rows():
    last = np.array([[1, 2, 3], [4, 5, 6], [7, 8, 9], [10, 11, 12]], np.uint32)
    buff = last.copy()
    buff[1, 0] = 40
    buff[2, 2] = 90
    frame, band = diff_frame(buff, last)
    assert band == (1, 3)
    assert frame.tolist() == [[0, 0, 0], [40, 0, 0], [0, 0, 90], [0, 0, 0]]
    assert frame.dtype == np.uint32


def test_diff_frame_of_an_unchanged_frame_is_empty():
    last = np.full((3, 2), 7, np.uint32)
    frame, band = diff_frame(last.copy(), last)
    assert band == (0, 0)
    assert frame.tolist() == [[0, 0], [0, 0], [0, 0]]


@pytest.mark.parametrize(
    ("height", "width", "band"),
    [
        (430, 576, (150, 260)),  # a map frame: zero rows on both sides of the change
        (9, 3, (0, 9)),  # every row
        (9, 3, (0, 1)),  # the first row only
        (9, 3, (8, 9)),  # the last row only
        (513, 4, (255, 256)),  # 255 and 257 zero rows: several cached segments each side
        (7, 5, (0, 0)),  # nothing changed
    ],
)
def test_encoded_frames_decode_to_the_same_pixels(height, width, band):
    rng = np.random.default_rng(height * 31 + width)
    pixels = np.zeros((height, width, 4), np.uint8)
    first, stop = band
    pixels[first:stop] = rng.integers(0, 256, (stop - first, width, 4), dtype=np.uint8)
    png = encode_rgba(pixels, band)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    np.testing.assert_array_equal(_decode(png), pixels)
    # the zlib stream is complete and its checksum right (zlib.decompress verifies Adler-32)
    idat = png[png.index(b"IDAT") + 4 : png.index(b"IEND") - 8]
    assert len(zlib.decompress(idat)) == height * (width * 4 + 1)


def test_rows_outside_the_band_are_written_as_zeros():
    pixels = np.full((4, 2, 4), 200, np.uint8)  # rows outside the band are not even read
    out = _decode(encode_rgba(pixels, (1, 2)))
    assert out[:, :, 0].tolist() == [[0, 0], [200, 200], [0, 0], [0, 0]]


def test_adler_of_zeros_matches_zlib():
    for start, n in ((1, 0), (1, 5), (0x12345678 & 0xFFFF0FFF, 70_000), (1, 1 << 20)):
        assert framepng._adler_zeros(start, n) == zlib.adler32(bytes(n), start)


def test_bad_pixels_are_refused():
    with pytest.raises(ValueError, match=r"expected uint8 pixels of shape \(h, w, 4\)"):
        encode_rgba(np.zeros((2, 2, 3), np.uint8))
    with pytest.raises(ValueError, match="float64"):
        encode_rgba(np.zeros((2, 2, 4)))
