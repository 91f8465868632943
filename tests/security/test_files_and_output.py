"""Case files that are links or not plain files, and problem output that a hostile file name
or value could turn into a terminal escape or a GitHub workflow command."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from jirei.cases.validate import validate_files
from jirei.cli import main
from jirei.problems import Problem, format_github, format_text
from jirei.reference.municipalities import load_reference
from tests.cases.validation_helpers import DATA, TODAY
from tests.security.catalogue import BASE_CASE

SECRET = "これは秘密の内容です-secret-token-123"


def _validate(*paths: Path, cases_dir: Path) -> list[Problem]:
    result = validate_files(
        list(paths), cases_dir=cases_dir, reference=load_reference(DATA / "reference"), today=TODAY
    )
    return list(result.problems)


def _cases(tmp_path: Path) -> Path:
    cases = tmp_path / "cases"
    cases.mkdir()
    shutil.copyfile(BASE_CASE, cases / BASE_CASE.name)
    return cases


def _secret(tmp_path: Path) -> Path:
    secret = tmp_path / "outside" / "secret.yml"
    secret.parent.mkdir()
    secret.write_text(f"title: {SECRET}\n: [", encoding="utf-8")  # a YAML error would quote it
    return secret


# (what, how the hostile file is made in cases/, rule)
def _link_outside(cases: Path, tmp_path: Path) -> Path:
    (cases / "992011-link.yml").symlink_to(_secret(tmp_path))
    return cases / "992011-link.yml"


def _link_inside(cases: Path, tmp_path: Path) -> Path:
    (cases / "992011-again.yml").symlink_to(cases / BASE_CASE.name)
    return cases / "992011-again.yml"


def _dangling_link(cases: Path, tmp_path: Path) -> Path:
    (cases / "992011-gone.yml").symlink_to(tmp_path / "nowhere.yml")
    return cases / "992011-gone.yml"


def _fifo(cases: Path, tmp_path: Path) -> Path:
    os.mkfifo(cases / "992011-pipe.yml")  # reading it would block the build forever
    return cases / "992011-pipe.yml"


def _link_to_device(cases: Path, tmp_path: Path) -> Path:
    (cases / "992011-zero.yml").symlink_to("/dev/zero")
    return cases / "992011-zero.yml"


HOSTILE_FILES = [
    ("symlink to a file outside cases/", _link_outside),
    ("symlink to another case", _link_inside),
    ("dangling symlink", _dangling_link),
    ("named pipe", _fifo),
    ("symlink to /dev/zero", _link_to_device),
]


@pytest.mark.parametrize("make", [row[1] for row in HOSTILE_FILES], ids=[row[0] for row in HOSTILE_FILES])
def test_hostile_file_in_cases_is_refused_unread(make, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    cases = _cases(tmp_path)
    hostile = make(cases, tmp_path)
    for problems in (_validate(cases, cases_dir=cases), _validate(hostile, cases_dir=cases)):
        refused = [p for p in problems if p.rule == "file-unsafe"]
        assert [p.path.rsplit("/", 1)[-1] for p in refused] == [hostile.name]
        assert [p for p in problems if p.is_error and p.rule != "file-unsafe"] == []
        assert SECRET not in "".join(format_text(p) for p in problems)


def test_cli_never_prints_the_target(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cases = _cases(tmp_path)
    _link_outside(cases, tmp_path)
    assert main(["validate", str(cases)]) == 1
    out = capsys.readouterr()
    assert "file-unsafe" in out.out and SECRET not in out.out + out.err and "outside" not in out.out


# (what, problem fields that carry the hostile text)
HOSTILE_OUTPUT = [
    ("newline in the file name starts a command", {"path": "cases/a.yml\n::notice title=x::injected"}),
    ("carriage return in the file name", {"path": "cases/a.yml\r::warning::injected"}),
    ("comma and colon in the file name", {"path": "cases/a,line=1:b.yml"}),
    ("percent-escape in the file name", {"path": "cases/a%0A::notice::x.yml"}),
    ("newline in the key path (title)", {"key_path": "a\n::error::x"}),
    ("newline in the value", {"got": '"x\n::notice::injected"'}),
    ("ESC in the value", {"got": '"\x1b]0;title\x07\x1b[2J"'}),
    ("bidi override in the value", {"got": '"abc\u202edef"'}),
]


@pytest.mark.parametrize("fields", [row[1] for row in HOSTILE_OUTPUT], ids=[row[0] for row in HOSTILE_OUTPUT])
def test_github_annotation_is_one_escaped_command(fields: dict[str, str]) -> None:
    problem = Problem(
        **{"path": "cases/a.yml", "rule": "html", "message": "テスト", "line": 3, "column": 4, **fields}
    )
    line = format_github(problem)
    assert "\n" not in line and "\r" not in line and line.startswith("::error file=")
    properties, _message = line.removeprefix("::error ").split("::", 1)
    assert [name.split("=")[0] for name in properties.split(",")] == ["file", "line", "col", "title"]
    assert "%0A" in line or "\n" not in str(
        fields
    )  # the line break is escaped, so on one line it is just text
    text = format_text(problem)
    assert not any(ord(c) < 0x20 and c != "\n" for c in text) and "\u202e" not in text
    assert text.count("\n") == 0


def test_github_escapes_follow_the_workflow_command_rules() -> None:
    problem = Problem(path="a%,:\r\n.yml", rule="html", message="100% 完了\r\n次", key_path="k:v,w")
    assert (
        format_github(problem)
        == "::error file=a%25%2C%3A%0D%0A.yml,title=[html] k%3Av%2Cw::100%25 完了%0D%0A次"
    )
