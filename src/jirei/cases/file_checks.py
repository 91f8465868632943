"""Case files are read only when they are plain files inside the folder they were found in.

A symbolic link in cases/ could point anywhere (a secret on the build machine, /dev/zero,
a file of another repository); the YAML error for it would then show the target's
content in the log. Such a path is refused from its metadata (``lstat``), before
anything is opened, and the message names only the path.
"""

from __future__ import annotations

import stat
from pathlib import Path

from jirei.problems import Problem

_HINT = "事例ファイルはリンクにせず、cases/ の中に普通のファイルとして置いてください"


def unsafe_file(path: Path, shown: str, folder: Path | None = None) -> Problem | None:
    """A problem when ``path`` is a symbolic link, not a regular file, or (found in ``folder``)
    resolves outside it; None for a plain file that may be read."""
    try:
        mode = path.lstat().st_mode
    except OSError:
        return None  # missing or unreadable: the loader reports it
    if stat.S_ISLNK(mode):
        message = "事例ファイルがシンボリックリンクです。リンク先は読みません"
    elif not stat.S_ISREG(mode):
        message = "事例ファイルが普通のファイルではありません（デバイスや名前付きパイプなど）"
    elif folder is not None and not path.resolve().is_relative_to(folder.resolve()):
        message = "事例ファイルの実際の場所がフォルダーの外にあります"
    else:
        return None
    return Problem(path=shown, rule="file-unsafe", message=message, hint=_HINT)
