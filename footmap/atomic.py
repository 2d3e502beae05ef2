"""Atomic file writes, and checks that a path can be an output file.

:func:`atomic_write` writes to a temporary file in the same directory, flushed to disk, then
renamed over the target, so a failed write leaves any existing file untouched and no partial
file behind; footmap's own temporaries left by a killed process are cleaned up.
"""

from __future__ import annotations

import os
import signal
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO, Any

from footmap.errors import FootmapError, OutputError

__all__ = ["atomic_write", "writable"]


@contextmanager
def atomic_write(path: str | os.PathLike[str], mode: str = "wb") -> Iterator[IO[Any]]:
    """Open a temporary file beside ``path``; on success it replaces ``path`` atomically.

    The temporary file is flushed and fsynced before :func:`os.replace` renames it over
    ``path``. If the ``with`` block raises, the temporary file is removed and an existing
    ``path`` is left untouched.

    Parameters
    ----------
    path : str or path-like
        The file to (over)write. Its directory must exist.
    mode : str, optional
        ``"wb"`` (default) or ``"w"`` for text.

    Yields
    ------
    file object
        The open temporary file.

    Raises
    ------
    FootmapError
        If the directory does not exist or cannot be written, ``path`` is a directory or
        not a regular file, or writing fails (a full disk).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "note.txt"
    >>> with atomic_write(target, "w") as f:
    ...     _ = f.write("hello")
    >>> target.read_text()
    'hello'
    """
    # The work is done by an undecorated generator, which mutation testing can mutate
    # (mutmut does not mutate decorated functions); ``yield from`` forwards the ``with``
    # block's exception (``throw``) and ``close`` to it.
    yield from _write_atomically(path, mode)


def _write_atomically(path: str | os.PathLike[str], mode: str) -> Iterator[IO[Any]]:
    """The body of :func:`atomic_write`: yield the temporary file, then move it over ``path``."""
    target = writable(path)
    if target.is_symlink():  # write through the link to its file; the link stays a link
        target = Path(os.path.realpath(target))
    directory = target.parent  # Path("name").parent is Path("."), never empty
    _remove_stale_temporaries(directory)
    # SIGTERM and Ctrl-C wait while the temporary file is made, so that the first moment
    # they can stop the write is inside the ``try`` that removes it
    blocked = _hold_signals()
    try:
        # the name cut short: a temporary name must fit where the target's (255 bytes) fits
        short = target.name.encode("utf-8", "surrogateescape")[:TEMP_NAME_BYTES]
        prefix = "." + short.decode("utf-8", "ignore") + "."
        fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=TEMP_SUFFIX, dir=directory)
    except OSError as exc:
        _release_signals(blocked)
        raise FootmapError(f"cannot write {target}: {exc.strerror or exc}") from None
    try:
        _release_signals(blocked)
        with os.fdopen(fd, mode) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.chmod(tmp, target.stat().st_mode & 0o7777 if target.exists() else _new_mode())
        except OSError:  # pragma: no cover - exotic filesystems
            pass
        os.replace(tmp, target)
    except BaseException as exc:
        with suppress(FileNotFoundError):
            os.unlink(tmp)
        if isinstance(exc, OSError) and not isinstance(exc, BrokenPipeError):
            # a full disk, a quota, a vanished directory: a message, not a traceback
            err = OutputError(f"cannot write {target}: {exc.strerror or exc}")
            err.errno = exc.errno
            raise err from exc
        raise
    with suppress(OSError):  # make the rename itself durable, where the OS allows it
        dir_fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def _hold_signals() -> set[int | signal.Signals] | None:
    """Block SIGTERM and SIGINT in this thread; return the mask to restore (None: no masks)."""
    if not hasattr(signal, "pthread_sigmask"):  # pragma: no cover - Windows
        return None
    return signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM, signal.SIGINT})


def _release_signals(blocked: set[int | signal.Signals] | None) -> None:
    """Restore the mask :func:`_hold_signals` returned; a signal that waited arrives now."""
    if blocked is not None:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)


#: Bytes of the target's name kept in a temporary file's name (the rest is random).
TEMP_NAME_BYTES = 200


def _new_mode() -> int:
    """The mode of a new file: ``0o666`` less the process's umask, as ``open`` would give."""
    try:  # Linux says it without changing it
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return 0o666 & ~int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)  # elsewhere: read it by setting it, and put it back at once
    os.umask(mask)
    return 0o666 & ~mask


#: Suffix of footmap's temporary files (``.<name>.<random>.footmap.tmp`` beside the target).
TEMP_SUFFIX = ".footmap.tmp"


#: A temporary file of footmap's older than this (seconds) was left by a killed process.
STALE_TEMP_S = 30 * 60


def _remove_stale_temporaries(directory: Path) -> None:
    """Delete footmap's own temporary files in ``directory`` left by a killed write.

    Only names footmap makes (hidden, ending in :data:`TEMP_SUFFIX`), only regular files,
    and only when older than :data:`STALE_TEMP_S`, so a write in progress is never touched.
    """
    import time

    now = time.time()
    with suppress(OSError), os.scandir(directory) as entries:
        for entry in entries:
            if not (entry.name.startswith(".") and entry.name.endswith(TEMP_SUFFIX)):
                continue
            with suppress(OSError):
                if entry.is_file(follow_symlinks=False):
                    if now - entry.stat(follow_symlinks=False).st_mtime > STALE_TEMP_S:
                        os.unlink(entry.path)


def writable(path: str | os.PathLike[str], source: str | os.PathLike[str] | None = None) -> Path:
    """``path`` as an output file, or a FootmapError saying why it cannot be one.

    Refuses a path that is not str or path-like, holds a NUL, names a directory or a
    non-regular file (a device such as ``/dev/full``: replacing it would be wrong), has no
    directory, or is ``source``, the chart file being drawn.

    Parameters
    ----------
    path : str or os.PathLike
        The output file.
    source : str or os.PathLike, optional
        The file the drawn chart was read from (``Chart.path``), which must not be replaced.

    Returns
    -------
    pathlib.Path
    """
    if not isinstance(path, str | os.PathLike):
        raise FootmapError(f"an output path is a str or path, not {type(path).__name__}")
    target = Path(path)
    if "\x00" in str(target):
        raise FootmapError(f"cannot write {str(target)!r}: the name contains a NUL character")
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise FootmapError(f"cannot write {target}: directory {directory} does not exist")
    try:
        st = target.stat()
    except OSError:
        st = None
    if st is not None:
        if stat.S_ISDIR(st.st_mode):
            raise FootmapError(f"cannot write {target}: it is a directory; name a file in it")
        if not stat.S_ISREG(st.st_mode):
            raise FootmapError(f"cannot write {target}: it is not a regular file")
        if not st.st_mode & 0o222 or not os.access(target, os.W_OK):
            raise OutputError(
                f"cannot write {target}: it is read-only; make it writable or choose another file"
            )
        if source is not None:
            with suppress(OSError):
                if os.path.samefile(source, target):
                    raise FootmapError(
                        f"refusing to write over the chart being drawn ({target}); "
                        "choose another output file"
                    )
    return target
