"""Writing outputs so that a failed or interrupted run never leaves half a file.

Each file is written to a temporary file in the same folder and renamed over the
target, which is atomic on POSIX file systems: readers see the old file or the new one.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from jobcarve.exceptions import OutputError, UsageError

#: temporary files being written; removed on any exit (see `cleanup_temporary_files`)
_STAGED: set[str] = set()


def _nearest_existing(path: Path) -> Path:
    current = path.absolute()
    while not current.exists() and current != current.parent:
        current = current.parent
    return current


def _check_folder(folder: Path, label: str) -> None:
    """A folder that exists (or can be made) and can be written to."""
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"{label} {folder} is a file, not a folder")
    base = _nearest_existing(folder)
    if not base.is_dir():
        raise OutputError(f"{label} {folder} is under {base}, which is a file, not a folder")
    if not os.access(base, os.W_OK | os.X_OK):
        raise OutputError(f"cannot write in {base} (read-only or no permission)")


def check_output_file(
    path: Path, *, force: bool, inputs: Sequence[Path] = (), label: str = "--output"
) -> None:
    """Check, before any work, that `path` can be written as a file.

    The one rule for files named on the command line: an existing file is replaced only
    with ``--force``; an input of the same run is never replaced, not even with ``--force``.
    """
    if str(path) == "":
        raise OutputError(f"{label} is empty; name a file")
    if path.is_dir():
        raise OutputError(f"{label} {path} is a folder; name a file in it")
    for source in inputs:
        with contextlib.suppress(OSError):
            if path.exists() and os.path.samefile(path, source):
                raise OutputError(f"{label} {path} is the input {source}; name another file")
    if path.exists() and not force:
        raise OutputError(f"{path} exists; use --force to overwrite it")
    _check_folder(path.parent, "the folder of")


def check_output_folder(folder: Path, names: Iterable[str], label: str = "--out") -> None:
    """Check, before any work, that the outputs `names` can be written into `folder`.

    An output folder is refreshed as a set (analysis.json, report.html, ...): files in it
    with those names are replaced when the run succeeds, and kept when it fails.
    """
    if str(folder) == "":
        raise OutputError(f"{label} is empty; name a folder (. for the current one)")
    _check_folder(folder, label)
    for name in names:
        if (folder / name).is_dir():
            raise OutputError(f"{folder / name} is a folder; it cannot be replaced by {name}")


def _wrap(target: Path, exc: OSError) -> OutputError:
    return OutputError(f"cannot write {target}: {exc.strerror or exc}")


def write_atomic(path: str | Path, data: str | bytes) -> Path:
    """Write `data` to `path` atomically (text as UTF-8); return the path."""
    return write_all_atomic({Path(path): data})[0]


def write_all_atomic(files: dict[Path, str | bytes]) -> list[Path]:
    """Write several files so that none is replaced before all are complete.

    Every file is first written in full to a temporary file next to its target; only then
    are they renamed over the targets, one after the other.
    """
    staged: list[tuple[str, Path]] = []
    target = Path()
    try:
        for target, data in files.items():
            target.parent.mkdir(parents=True, exist_ok=True)
            raw = data.encode("utf-8") if isinstance(data, str) else data
            # the name is registered before the file exists, so that a signal arriving at
            # any moment finds it in the list to remove (mkstemp would leave a window)
            tmp = str(target.parent / f".{target.name}.{os.getpid()}.{secrets.token_hex(6)}.tmp")
            _STAGED.add(tmp)
            staged.append((tmp, target))
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666 & ~_umask())
            with os.fdopen(fd, "wb") as handle:
                handle.write(raw)
                handle.flush()
                os.fsync(handle.fileno())
        for tmp, target in staged:
            os.replace(tmp, target)
            _STAGED.discard(tmp)
    except OSError as exc:
        _unlink(staged)
        raise _wrap(target, exc) from None
    except BaseException:
        _unlink(staged)
        raise
    return [target for _, target in staged]


def _unlink(staged: list[tuple[str, Path]]) -> None:
    for tmp, _ in staged:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        _STAGED.discard(tmp)


def cleanup_temporary_files() -> None:
    """Remove the temporary files of writes still in progress (on a signal or at exit)."""
    for tmp in list(_STAGED):
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        _STAGED.discard(tmp)


def dumps_json(data: Any) -> str:
    """Canonical JSON: sorted keys, two-space indent, UTF-8 text, final newline."""
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False, allow_nan=False) + "\n"


def _umask() -> int:
    """The process umask (read by setting and restoring it)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


def generated_at() -> datetime:
    """Now, or the time pinned by SOURCE_DATE_EPOCH (reproducible outputs): the one clock of
    every output's time stamp (analysis.json, the reports, comparison.json)."""
    pinned = os.environ.get("SOURCE_DATE_EPOCH")
    if pinned:
        try:
            return datetime.fromtimestamp(int(pinned), tz=UTC)
        except ValueError:
            raise UsageError(
                f"SOURCE_DATE_EPOCH must be a whole number of seconds, found {pinned!r}"
            ) from None
    return datetime.now(tz=UTC)
