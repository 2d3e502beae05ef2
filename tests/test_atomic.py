"""footmap.atomic: the atomic write, case by case (each a mutation of it would break).

``atomic_write`` writes to ``.<name>.<random>.footmap.tmp`` beside the target, syncs it, then
renames it over the target; any failure leaves the old file and no temporary behind.
"""

from __future__ import annotations

import errno
import os
import shutil
import stat
import time

import pytest

from footmap.atomic import atomic_write
from footmap.errors import FootmapError, OutputError


def test_the_temporary_is_a_hidden_footmap_file_beside_the_target(tmp_path):
    target = tmp_path / "map.svg"
    with atomic_write(target, "w") as f:
        (tmp,) = tmp_path.iterdir()
        assert tmp.name.startswith(".map.svg.") and tmp.name.endswith(".footmap.tmp")
        f.write("<svg/>")
    assert [p.name for p in tmp_path.iterdir()] == ["map.svg"]
    assert target.read_text() == "<svg/>"


def test_a_relative_name_is_written_in_the_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with atomic_write("note.txt", "w") as f:
        (tmp,) = tmp_path.iterdir()  # the temporary, here
        assert tmp.name.startswith(".note.txt.")
        f.write("hello")
    assert (tmp_path / "note.txt").read_text() == "hello"


def test_a_new_file_is_readable_by_all_and_an_old_file_keeps_its_mode(tmp_path):
    with atomic_write(tmp_path / "new.bin") as f:
        f.write(b"x")
    assert stat.S_IMODE((tmp_path / "new.bin").stat().st_mode) == 0o644
    old = tmp_path / "old.bin"
    old.write_bytes(b"old")
    old.chmod(0o600)
    with atomic_write(old) as f:
        f.write(b"new")
    assert stat.S_IMODE(old.stat().st_mode) == 0o600 and old.read_bytes() == b"new"


def test_stale_temporaries_beside_the_target_are_removed(tmp_path):
    stale = tmp_path / ".map.png.abc123.footmap.tmp"
    fresh = tmp_path / ".map.png.def456.footmap.tmp"  # a write in progress: kept
    other = tmp_path / ".keep.tmp"  # not footmap's: kept
    for p in (stale, fresh, other):
        p.write_bytes(b"x")
    an_hour_ago = time.time() - 3600
    os.utime(stale, (an_hour_ago, an_hour_ago))
    os.utime(other, (an_hour_ago, an_hour_ago))
    with atomic_write(tmp_path / "map.png") as f:
        f.write(b"png")
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".keep.tmp",
        ".map.png.def456.footmap.tmp",
        "map.png",
    ]


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (OSError(errno.ENOSPC, "No space left on device"), "No space left on device"),
        (OSError("quota exceeded"), "quota exceeded"),
    ],
)
def test_no_temporary_file_is_a_footmap_error(tmp_path, monkeypatch, error, message):
    import tempfile

    def mkstemp(**kw):
        raise error

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
    target = tmp_path / "map.png"
    with pytest.raises(FootmapError) as info, atomic_write(target):
        pass  # pragma: no cover - never entered
    assert str(info.value) == f"cannot write {target}: {message}"


def test_an_os_error_while_writing_is_an_output_error_with_its_errno(tmp_path):
    target = tmp_path / "map.png"
    target.write_bytes(b"old")
    with pytest.raises(OutputError) as info, atomic_write(target) as f:
        f.write(b"half")
        raise OSError(errno.ENOSPC, "No space left on device")
    assert str(info.value) == f"cannot write {target}: No space left on device"
    assert info.value.errno == errno.ENOSPC
    assert isinstance(info.value.__cause__, OSError)
    assert [p.name for p in tmp_path.iterdir()] == ["map.png"] and target.read_bytes() == b"old"


@pytest.mark.parametrize("error", [BrokenPipeError(errno.EPIPE, "Broken pipe"), ValueError("no")])
def test_a_broken_pipe_or_another_error_passes_through_unchanged(tmp_path, error):
    with pytest.raises(type(error)) as info, atomic_write(tmp_path / "out.txt", "w"):
        raise error
    assert info.value is error
    assert list(tmp_path.iterdir()) == []


def test_a_directory_removed_during_the_write_is_an_output_error(tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "map.png"
    with pytest.raises(OutputError) as info, atomic_write(target) as f:
        f.write(b"png")
        shutil.rmtree(folder)  # the temporary file goes with it
    assert str(info.value) == f"cannot write {target}: No such file or directory"
    assert info.value.errno == errno.ENOENT
    assert not folder.exists()


def test_a_directory_that_cannot_be_synced_still_gets_the_file(tmp_path, monkeypatch):
    """Some systems cannot fsync a directory; the file is written all the same."""
    real_fsync = os.fsync
    synced = []

    def fsync(fd):
        if stat.S_ISDIR(os.fstat(fd).st_mode):
            synced.append("directory")
            raise OSError(errno.EINVAL, "Invalid argument")
        synced.append("file")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    with atomic_write(tmp_path / "note.txt", "w") as f:
        f.write("kept")
    assert synced == ["file", "directory"]
    assert (tmp_path / "note.txt").read_text() == "kept"
