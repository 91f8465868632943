"""Safe YAML loading with source positions and contributor-friendly problems.

Case files are composed with PyYAML into a node tree (never constructed by
PyYAML), and plain Python values are built from the nodes here, recording the
1-based position of every key and value. Anchors/aliases and explicit tags are
refused while composing, before anything could expand or be constructed.

Problems are returned, never raised. ``bom``, ``tab``, ``duplicate-key`` and
``key-type`` still return the loaded data (so later checks can report more);
every other problem makes the file unusable and returns ``None``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from yaml._yaml import CParser
from yaml.composer import Composer
from yaml.events import (
    AliasEvent,
    CollectionStartEvent,
    NodeEvent,
    StreamEndEvent,
)
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import Resolver

from jirei.cases import yaml_checks
from jirei.cases.event_loader import load_from_events
from jirei.cases.yaml_values import (
    MAX_DEPTH,
    MAX_NUMBER_CHARS,
    NULL_TAG,
    SCALAR_PATTERNS,
    SCALAR_TAGS,
    STR_TAG,
    TAG_PREFIX,
    KeyPath,
    LoadedYaml,
    Mark,
    format_key_path,
    scalar_value,
    to_mark,
    too_long,
    use_core_resolvers,
)
from jirei.problems import Problem, sort_key

MAX_FILE_BYTES = 1_000_000
MAX_ALIAS_PROBLEMS = 20


class _TooDeepError(Exception):
    pass


if TYPE_CHECKING:  # what the mixin relies on: the event API and PyYAML's Composer
    _ComposerBase = yaml.SafeLoader
else:
    _ComposerBase = Composer


class _CheckingComposer(_ComposerBase):
    """Composer steps that record problems for anchors, aliases, tags, depth and extra documents.

    Mixed into a PyYAML loader before its Composer, so the tree is composed by this code
    whichever parser (libyaml's or PyYAML's pure-Python one) produces the events.
    """

    yaml_implicit_resolvers: dict[Any, Any] = {}  # noqa: RUF012 - PyYAML's class-level registry

    def _start_checks(self, display_path: str) -> None:
        self.display_path = display_path
        self.problems: list[Problem] = []
        self.alias_count = 0
        self.depth = 0

    def _problem(self, rule: str, mark: Any, message: str, got: str, hint: str) -> None:
        where = to_mark(mark)
        self.problems.append(
            Problem(self.display_path, rule, message, where.line, where.column, "", got, hint)
        )

    def _alias_problem(self, mark: Any, got: str) -> None:
        self.alias_count += 1
        if self.alias_count <= MAX_ALIAS_PROBLEMS:
            self._problem(
                "alias",
                mark,
                "アンカー（&）やエイリアス（*）は使えません",
                got,
                "&名前 や *名前 を使わず、同じ内容をそのまま書いてください。"
                '値が & や * で始まる文字列なら "..." のように引用符で囲んでください。',
            )

    def get_single_node(self) -> Node | None:
        self.get_event()  # type: ignore[no-untyped-call]  # StreamStartEvent
        document = None
        if not self.check_event(StreamEndEvent):
            document = self.compose_document()
        if not self.check_event(StreamEndEvent):
            self._problem(
                "multi-document",
                self.peek_event().start_mark,  # type: ignore[no-untyped-call]
                "1 つのファイルに複数の YAML 文書（--- の区切り）があります",
                "2 つ目の文書",
                "1 つのファイルには 1 件の事例だけを書いてください。2 件目は別のファイルに分けてください。",
            )
        return document

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        if self.check_event(AliasEvent):
            event = self.get_event()  # type: ignore[no-untyped-call]
            self._alias_problem(event.start_mark, f"*{event.anchor}")
            return ScalarNode(NULL_TAG, "", event.start_mark, event.end_mark)  # placeholder, never expanded
        event = self.peek_event()  # type: ignore[no-untyped-call]
        if isinstance(event, NodeEvent) and event.anchor is not None:
            self._alias_problem(event.start_mark, f"&{event.anchor}")
            self.anchors.pop(event.anchor, None)  # a reused anchor name must not abort composing
        tag = getattr(event, "tag", None)
        allowed = (
            {TAG_PREFIX + "map", TAG_PREFIX + "seq"}
            if isinstance(event, CollectionStartEvent)
            else SCALAR_TAGS
        )
        if tag not in (None, "!") and tag not in allowed:
            self._problem(
                "yaml-tag",
                event.start_mark,
                "YAML のタグ（! で始まる型の指定）は使えません",
                str(tag).replace(TAG_PREFIX, "!!", 1),
                "! や !! で始まる指定を削除してください。"
                '値が ! で始まる文字列なら "..." のように引用符で囲んでください。',
            )
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                self._problem(
                    "nesting-too-deep",
                    event.start_mark,
                    f"入れ子が深すぎます（{MAX_DEPTH} 段まで）",
                    f"{MAX_DEPTH} 段を超える入れ子",
                    "字下げや [ ] { } の入れ子を浅くしてください。",
                )
                raise _TooDeepError
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


class _Loader(_CheckingComposer, yaml.SafeLoader):
    """PyYAML's pure-Python parser: slower, but its error messages are the ones jirei explains."""

    def __init__(self, text: str, display_path: str) -> None:
        yaml.SafeLoader.__init__(self, text)
        self._start_checks(display_path)


class _FastLoader(_CheckingComposer, CParser, Resolver):
    """libyaml's parser (C) feeding the same composer: about 4× faster on a valid case file."""

    def __init__(self, text: str, display_path: str) -> None:
        CParser.__init__(self, text)
        Composer.__init__(self)
        Resolver.__init__(self)
        self._start_checks(display_path)


for _loader_class in (_Loader, _FastLoader):
    use_core_resolvers(_loader_class)


def _describe(node: Node) -> str:
    if isinstance(node, MappingNode):
        return "マッピング（キーと値の組）"
    if isinstance(node, SequenceNode):
        return "リスト"
    return str(node.value) if node.value != "" else "（空）"


class _Builder:
    """Build plain Python values from a composed node tree, recording marks."""

    def __init__(self, display_path: str) -> None:
        self.display_path = display_path
        self.problems: list[Problem] = []
        self.value_marks: dict[KeyPath, Mark] = {}
        self.key_marks: dict[KeyPath, Mark] = {}

    def _problem(self, rule: str, node: Node, path: KeyPath, message: str, got: str, hint: str) -> None:
        mark = to_mark(node.start_mark)
        key_path = format_key_path(path)
        self.problems.append(
            Problem(self.display_path, rule, message, mark.line, mark.column, key_path, got, hint)
        )

    def build(self, node: Node, path: KeyPath) -> Any:
        self.value_marks[path] = to_mark(node.start_mark)
        if isinstance(node, MappingNode):
            return self._mapping(node, path)
        if isinstance(node, SequenceNode):
            return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
        assert isinstance(node, ScalarNode)
        return self._scalar(node, path)

    def _mapping(self, node: MappingNode, path: KeyPath) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not (isinstance(key_node, ScalarNode) and key_node.tag == STR_TAG):
                self._problem(
                    "key-type",
                    key_node,
                    path,
                    "キーは文字列にしてください（数字・true/false・空のキーなどは使えません）",
                    _describe(key_node),
                    "キーは「name:」のような文字で書いてください。"
                    '数字などをキーにするなら "1": のように引用符で囲みます。',
                )
                continue
            key: str = key_node.value
            key_path = (*path, key)
            if key in result:
                first = self.key_marks[key_path]
                self._problem(
                    "duplicate-key",
                    key_node,
                    key_path,
                    f"キー「{key}」が同じ階層に 2 回書かれています（最初は {first.line} 行目）",
                    key,
                    f"{first.line} 行目とこの行のどちらか一方を削除するか、内容を 1 つにまとめてください。",
                )
                continue
            self.key_marks[key_path] = to_mark(key_node.start_mark)
            result[key] = self.build(value_node, key_path)
        return result

    def _scalar(self, node: ScalarNode, path: KeyPath) -> Any:
        value: str = node.value
        tag = node.tag
        if tag in SCALAR_PATTERNS and not SCALAR_PATTERNS[tag].match(value):
            self._problem(
                "yaml-tag",
                node,
                path,
                f"値がタグ {tag.removeprefix(TAG_PREFIX)} の形式になっていません",
                value,
                "! や !! で始まる指定を削除してください。",
            )
            return value
        if too_long(tag, value):
            self._problem(
                "number-too-long",
                node,
                path,
                f"数が長すぎます（{MAX_NUMBER_CHARS} 文字まで）",
                f"{value[:20]}…（{len(value)} 文字）",
                '出典にある数値をそのまま書いてください。文字列なら "..." で囲んでください。',
            )
            return None
        return scalar_value(tag, value)


_FATAL_RULES = frozenset(
    {
        *("yaml-syntax", "alias", "yaml-tag", "multi-document", "nesting-too-deep", "top-level-type"),
        *("empty-file", "number-too-long"),
    }
)


def load_yaml(path: Path, display_path: str | None = None) -> tuple[LoadedYaml | None, list[Problem]]:
    """Never raises for bad input; returns (None, problems) when the file cannot be used."""
    shown = display_path if display_path is not None else str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:  # rejected before reading or parsing anything
            return None, [yaml_checks.file_too_large(shown, size, MAX_FILE_BYTES)]
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)  # the file may grow after stat()
    except OSError as exc:
        return None, [yaml_checks.file_read(shown, exc)]
    return load_yaml_text(data, shown)


def load_yaml_text(
    text_bytes: bytes, display_path: str, *, fast: bool = True
) -> tuple[LoadedYaml | None, list[Problem]]:
    """Same, from bytes (used by tests and by load_yaml). ``fast=False`` skips libyaml."""
    if len(text_bytes) > MAX_FILE_BYTES:
        return None, [yaml_checks.file_too_large(display_path, len(text_bytes), MAX_FILE_BYTES)]
    problems = yaml_checks.check_bom(text_bytes, display_path)
    if problems:
        text_bytes = text_bytes[len(yaml_checks.UTF8_BOM) :]
    text, decode_problems = yaml_checks.decode_utf8(text_bytes, display_path)
    control = yaml_checks.check_control_characters(text, display_path) if text is not None else []
    if text is None or control:
        return None, problems + decode_problems + control
    tabs = yaml_checks.check_tabs(text, display_path)
    problems += tabs
    loaded = _compose_and_build(text, display_path, problems, {p.line for p in tabs}, fast=fast)
    problems.sort(key=lambda p: (p.line is None, sort_key(p)))
    return loaded, problems


def _compose_fast(text: str, display_path: str) -> Node | None:
    """The node tree from libyaml, or None when anything needs explaining (then the
    pure-Python parser runs again, so every message and position is the tested one)."""
    loader = _FastLoader(text, display_path)
    try:
        root = loader.get_single_node()
    except (yaml.YAMLError, _TooDeepError, RecursionError):
        return None
    finally:
        loader.dispose()
    return root if not loader.problems else None


def _compose_and_build(
    text: str, display_path: str, problems: list[Problem], tab_lines: set[int | None], *, fast: bool
) -> LoadedYaml | None:
    if fast and not tab_lines and (loaded := load_from_events(text, display_path)) is not None:
        return loaded
    fast_root = _compose_fast(text, display_path) if fast and not tab_lines else None
    if isinstance(fast_root, MappingNode):
        return _build(fast_root, display_path, problems)
    loader = _Loader(text, display_path)
    try:
        root = loader.get_single_node()
    except (yaml.YAMLError, _TooDeepError, RecursionError) as exc:
        problems += loader.problems
        if isinstance(exc, yaml.YAMLError):
            syntax = yaml_checks.yaml_syntax(display_path, exc)
            if syntax.line not in tab_lines and "\\t" not in (syntax.got or ""):  # else already `tab`
                problems.append(syntax)
        elif isinstance(exc, RecursionError):
            problems.append(yaml_checks.yaml_syntax(display_path, yaml.YAMLError("nesting too deep")))
        return None
    finally:
        loader.dispose()
    problems += loader.problems
    if loader.alias_count > MAX_ALIAS_PROBLEMS:
        extra = loader.alias_count - MAX_ALIAS_PROBLEMS
        message = f"アンカー・エイリアスが他にも {extra} 件あります"
        problems.append(Problem(display_path, "alias", message, got=f"合計 {loader.alias_count} 件"))
    if root is None or (isinstance(root, ScalarNode) and root.tag == NULL_TAG and root.value == ""):
        problems.append(yaml_checks.empty_file(display_path))
        return None
    if not isinstance(root, MappingNode):
        where = to_mark(root.start_mark)
        got = _describe(root)[:50]
        problems.append(yaml_checks.top_level_type(display_path, where.line, where.column, got))
        return None
    return _build(root, display_path, problems)


def _build(root: MappingNode, display_path: str, problems: list[Problem]) -> LoadedYaml | None:
    builder = _Builder(display_path)
    data = builder.build(root, ())
    problems += builder.problems
    if any(p.rule in _FATAL_RULES for p in problems):
        return None
    return LoadedYaml(display_path, data, builder.value_marks, builder.key_marks)
