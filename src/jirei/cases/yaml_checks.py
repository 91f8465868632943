"""Text-level checks run before YAML parsing, and hints for PyYAML syntax errors.

Helpers for :mod:`jirei.cases.loader`; every function returns plain data or
:class:`~jirei.problems.Problem` objects and never raises for bad input.
"""

from __future__ import annotations

import re

import yaml

from jirei.problems import Problem

UTF8_BOM = b"\xef\xbb\xbf"

# Line breaks as PyYAML counts them, so our line numbers agree with its marks.
_LINE_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")
# Characters PyYAML's reader refuses (same set as yaml.reader.Reader.NON_PRINTABLE).
_NON_PRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# A line ending in a block scalar indicator: "key: |", "- >-", "key: |2 # comment".
_BLOCK_SCALAR_START = re.compile(r"(?:^|[\s:-])[|>][-+0-9]*[ \t]*(?:#.*)?$")
# Characters after which a quote opens a quoted scalar (ignoring spaces and tabs).
_QUOTE_OPENERS = frozenset(":-[{,?")


def split_lines(text: str) -> list[str]:
    return _LINE_BREAK.split(text)


def check_bom(data: bytes, display_path: str) -> list[Problem]:
    if not data.startswith(UTF8_BOM):
        return []
    return [
        Problem(
            path=display_path,
            rule="bom",
            message="ファイルの先頭に BOM（バイト順マーク）が付いています",
            line=1,
            column=1,
            got="EF BB BF",
            hint="エディタで「BOM なしの UTF-8」を選んで保存し直してください。",
        )
    ]


def decode_utf8(data: bytes, display_path: str) -> tuple[str | None, list[Problem]]:
    """Decode UTF-8; on failure report the line and column of the first bad byte."""
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line_start = max(before.rfind(b"\n"), before.rfind(b"\r")) + 1
        column = len(before[line_start:].decode("utf-8", errors="replace")) + 1
        bad = " ".join(f"0x{b:02X}" for b in data[exc.start : min(exc.end + 1, exc.start + 4)])
        problem = Problem(
            path=display_path,
            rule="encoding",
            message="文字コードが UTF-8 ではないため読み込めません"
            "（Shift_JIS などで保存されている可能性があります）",
            line=len(split_lines(before.decode("utf-8", errors="replace"))),
            column=column,
            got=f"UTF-8 として読めないバイト {bad}",
            hint="エディタで文字コードを「UTF-8（BOM なし）」にして保存し直してください。",
        )
        return None, [problem]


def check_control_characters(text: str, display_path: str) -> list[Problem]:
    """Report (once per line) characters YAML does not allow, such as NUL or other control codes."""
    problems = []
    for number, line in enumerate(split_lines(text), start=1):
        found = _NON_PRINTABLE.search(line)
        if found:
            problems.append(
                Problem(
                    path=display_path,
                    rule="control-character",
                    message="YAML で使えない制御文字が含まれています",
                    line=number,
                    column=found.start() + 1,
                    got=f"U+{ord(found.group()):04X}",
                    hint="この文字を削除してください（他のソフトから貼り付けた文字に紛れ込むことがあります）。",
                )
            )
    return problems


def _opens_quote(line: str, index: int) -> bool:
    before = line[:index].rstrip(" \t")
    return not before or before[-1] in _QUOTE_OPENERS


def find_tabs(text: str) -> list[tuple[int, int]]:
    """Return (line, column) of the first tab outside quoted strings on each line (1-based).

    A small tolerant scanner rather than PyYAML's, because PyYAML stops at the
    first tab it cannot accept and we want to report every line at once.
    """
    found: list[tuple[int, int]] = []
    if "\t" not in text:
        return found
    quote: str | None = None
    block_indent: int | None = None  # indentation of the line that started a block scalar
    for number, line in enumerate(split_lines(text), start=1):
        tab_col: int | None = None
        indent = len(line) - len(line.lstrip(" "))
        if block_indent is not None and (indent > block_indent or not line.strip()):
            if "\t" in line:
                found.append((number, line.index("\t") + 1))
            continue
        block_indent = None
        i = 0
        while i < len(line):
            char = line[i]
            if quote == '"':
                if char == "\\":
                    i += 1
                elif char == '"':
                    quote = None
            elif quote == "'":
                if char == "'" and line[i + 1 : i + 2] == "'":
                    i += 1
                elif char == "'":
                    quote = None
            elif char == "\t":
                tab_col = tab_col or i + 1
            elif char == "#" and (i == 0 or line[i - 1] in " \t"):
                if "\t" in line[i:]:
                    tab_col = tab_col or line.index("\t", i) + 1
                break
            elif char in "\"'" and _opens_quote(line, i):
                quote = char
            i += 1
        if tab_col is not None:
            found.append((number, tab_col))
        if quote is None and _BLOCK_SCALAR_START.search(line):
            block_indent = indent
    return found


def check_tabs(text: str, display_path: str) -> list[Problem]:
    return [
        Problem(
            path=display_path,
            rule="tab",
            message="タブ文字が使われています（YAML では字下げにタブを使えません）",
            line=line,
            column=column,
            got="タブ文字",
            hint="タブをスペースに置き換えてください。字下げはスペース 2 つで行います。",
        )
        for line, column in find_tabs(text)
    ]


def syntax_hint(error: yaml.MarkedYAMLError) -> str:
    """A Japanese hint for the common PyYAML scanner/parser errors."""
    problem = error.problem or ""
    context = error.context or ""
    where = ""
    if error.context_mark is not None and (
        error.problem_mark is None or error.context_mark.line != error.problem_mark.line
    ):
        where = f"（{error.context_mark.line + 1} 行目 {error.context_mark.column + 1} 列目から）"
    if "quoted scalar" in context:
        return f"引用符（\" または '）が閉じられていません{where}。値の最後に同じ引用符を付けてください。"
    if "cannot start any token" in problem:
        return (
            '@ や ` などの記号で始まる値はそのまま書けません。値全体を "..." のように引用符で囲んでください。'
        )
    if "mapping values are not allowed" in problem:
        return (
            '値の中に「: 」（コロン）がある場合は、値全体を "..." のように引用符で囲んでください。'
            "または字下げ（行頭のスペースの数）がずれていないか確認してください。"
        )
    if "could not find expected ':'" in problem:
        return f"「キー: 値」のように、キーの後に「: 」（コロンとスペース）を書いてください{where}。"
    if "block end" in problem or "expected key" in problem or "'-' indicator" in problem:
        return (
            "字下げ（行頭のスペースの数）がそろっているか確認してください。"
            f"同じ階層のキーやリストの「- 」は同じ数のスペースで始めます{where}。"
        )
    if "expected ','" in problem:
        return (
            f"[ ] や {{ }} が閉じられているか、中の値にカンマやコロンがあれば"
            f"引用符で囲んでいるか確認してください{where}。"
        )
    return (
        f"この位置の前後の書き方を確認してください{where}。"
        '記号を含む値は "..." のように引用符で囲むと直ることがあります。'
    )


def file_too_large(display_path: str, size: int, limit: int) -> Problem:
    return Problem(
        path=display_path,
        rule="file-too-large",
        message=f"ファイルが大きすぎます（上限 {limit:,} バイト）",
        got=f"{size:,} バイト",
        hint="1 つのファイルには 1 件の事例だけを書いてください。画像などは YAML に貼り付けないでください。",
    )


def file_read(display_path: str, exc: OSError) -> Problem:
    return Problem(
        path=display_path,
        rule="file-read",
        message="ファイルを開けません",
        got=exc.strerror or type(exc).__name__,
        hint="ファイル名と場所、読み取りの権限を確認してください。",
    )


def empty_file(display_path: str) -> Problem:
    return Problem(
        path=display_path,
        rule="empty-file",
        message="ファイルが空です（コメントや空白しかありません）",
        line=1,
        column=1,
        got="空のファイル",
        hint="事例の内容を「キー: 値」の形で書いてください。ひな形のファイルをコピーして始めると簡単です。",
    )


def top_level_type(display_path: str, line: int, column: int, got: str) -> Problem:
    return Problem(
        path=display_path,
        rule="top-level-type",
        message="ファイル全体は「キー: 値」が並んだキーと値の組（マッピング）である必要があります",
        line=line,
        column=column,
        got=got,
        hint="行頭を「name: テスト市」のような「キー: 値」の形にしてください。行頭の「- 」は不要です。",
    )


def yaml_syntax(display_path: str, error: yaml.YAMLError) -> Problem:
    if not isinstance(error, yaml.MarkedYAMLError):
        return Problem(display_path, "yaml-syntax", "YAML を読み込めません", got=str(error))
    mark = error.problem_mark or error.context_mark
    return Problem(
        path=display_path,
        rule="yaml-syntax",
        message="YAML の書き方に誤りがあるため読み込めません",
        line=mark.line + 1 if mark else None,
        column=mark.column + 1 if mark else None,
        got=error.problem or str(error),
        hint=syntax_hint(error),
    )
