"""Files that hold what users asked: private (folders 0700, files 0600) and written atomically.

``write_atomic`` writes a temporary file next to the target, fsyncs it and renames it over the
target, so a crash, a SIGKILL or a full disk leaves either the old complete file or the new one,
never a truncated mix. The temporary file is created 0600 from the start (``os.open`` mode), so
there is no moment where another user of the host could open it.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

FILE_MODE = 0o600
DIR_MODE = 0o700


def private_dir(path: str | Path, tighten: bool = False) -> Path:
    """Create ``path`` (and missing parents) 0700. An existing folder is left as it is unless
    ``tighten`` (the bot's own data folder, which older versions created 0755)."""
    path = Path(path)
    missing = []
    folder = path
    while not folder.exists() and folder != folder.parent:
        missing.append(folder)
        folder = folder.parent
    for folder in reversed(missing):
        with contextlib.suppress(FileExistsError):
            folder.mkdir(mode=DIR_MODE)
            os.chmod(folder, DIR_MODE)  # mkdir's mode is filtered by the umask
    if tighten and not missing and path.is_dir() and stat.S_IMODE(path.stat().st_mode) != DIR_MODE:
        os.chmod(path, DIR_MODE)
    return path


def make_private(path: str | Path) -> None:
    """chmod 0600 an existing file of ours (older versions wrote them 0644)."""
    with contextlib.suppress(FileNotFoundError):
        if stat.S_IMODE(os.stat(path).st_mode) != FILE_MODE:
            os.chmod(path, FILE_MODE)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def write_atomic(path: str | Path, data: bytes) -> None:
    """Replace ``path`` by ``data`` (0600) or, on any OSError (ENOSPC, EIO, ...), leave it as it
    was and raise; the temporary file is removed either way."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, FILE_MODE)
    try:
        try:
            os.fchmod(fd, FILE_MODE)  # O_TRUNC on a leftover of a killed run keeps its mode
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    # the rename itself reaches the disk only with the folder's entry
    with contextlib.suppress(OSError):
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def append_private(path: str | Path, data: bytes) -> None:
    """Append ``data`` to ``path`` (created 0600). Appending never shortens the file: a failed
    write leaves at worst a torn last line, which readers skip."""
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, FILE_MODE)
    try:
        if stat.S_IMODE(os.fstat(fd).st_mode) != FILE_MODE:
            os.fchmod(fd, FILE_MODE)
        _write_all(fd, data)
    finally:
        os.close(fd)
