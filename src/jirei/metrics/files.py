"""Write several files all-or-nothing: every temp file first, then one rename each."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from pathlib import Path


def write_files(directory: Path, contents: Mapping[str, bytes]) -> list[Path]:
    """Write ``{file name: bytes}`` into ``directory``; unchanged files are not touched.

    Returns the files whose bytes changed. If writing any temp file fails, no target is
    replaced and the temp files are removed.
    """
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    pending: list[tuple[Path, Path]] = []
    try:
        for name, content in contents.items():
            target = directory / name
            if target.exists() and target.read_bytes() == content:
                continue
            fd, temp_name = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=directory)
            with os.fdopen(fd, "wb") as handle:
                handle.write(content)
                handle.flush()
                os.fsync(handle.fileno())
            Path(temp_name).chmod(0o644)
            pending.append((Path(temp_name), target))
    except BaseException:
        for temp, _ in pending:
            temp.unlink(missing_ok=True)
        raise
    for temp, target in pending:
        temp.replace(target)
    return [target for _, target in pending]
