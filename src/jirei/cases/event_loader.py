"""The fast path of case-file loading: values and marks built straight from libyaml's
event stream, skipping PyYAML's node tree (jirei.cases.loader is the full path).

Only for files with nothing to explain; anything else returns None and the loader
composes the file as before, so every message and position is the tested one (a test
loads every case file and snippet both ways and compares).

Measured on the 68 cases (2 cores, 2026-12-07, best of 7): events 66 ms, the libyaml composer
93 ms, the pure-Python parser 614 ms. It pays less than it did (about 1.4×), but it still
pays, so it stays.
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml._yaml import CParser
from yaml.events import (
    CollectionStartEvent,
    DocumentEndEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    NodeEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
    StreamStartEvent,
)

from jirei.cases.yaml_values import (
    MAX_DEPTH,
    STR_TAG,
    KeyPath,
    LoadedYaml,
    Mark,
    resolve_plain,
    scalar_value,
    to_mark,
    too_long,
)


class _NeedsExplainingError(Exception):
    """Something the composer and builder would report or treat specially."""


class _EventBuilder:
    """Values and marks built straight from libyaml's events, skipping the node tree: about
    twice as fast. Only for files with nothing to explain: anchors, aliases, tags, keys that
    are not strings or repeat, deep nesting or more than one document raise
    _NeedsExplainingError, and the composer and builder then load the file as before."""

    def __init__(self, parser: CParser) -> None:
        self.next_event = parser.get_event
        self.value_marks: dict[KeyPath, Mark] = {}
        self.key_marks: dict[KeyPath, Mark] = {}

    def document(self) -> dict[str, Any]:
        kinds = [type(self.next_event()) for _ in range(2)]
        if kinds != [StreamStartEvent, DocumentStartEvent]:
            raise _NeedsExplainingError
        root = self.next_event()
        if not isinstance(root, MappingStartEvent):
            raise _NeedsExplainingError
        data = self._mapping(root, (), 1)
        if [type(self.next_event()) for _ in range(2)] != [DocumentEndEvent, StreamEndEvent]:
            raise _NeedsExplainingError
        return data

    def _value(self, event: Any, path: KeyPath, depth: int) -> Any:
        if depth > MAX_DEPTH:  # counted for every node, as the composer does (scalars too)
            raise _NeedsExplainingError
        if isinstance(event, MappingStartEvent):
            return self._mapping(event, path, depth)
        if isinstance(event, SequenceStartEvent):
            return self._sequence(event, path, depth)
        if isinstance(event, ScalarEvent) and _plain(event):
            self.value_marks[path] = to_mark(event.start_mark)
            tag = _resolve(event)
            if too_long(tag, event.value):
                raise _NeedsExplainingError
            return scalar_value(tag, event.value)
        raise _NeedsExplainingError  # an alias, or a scalar with an anchor or a tag

    def _sequence(self, event: SequenceStartEvent, path: KeyPath, depth: int) -> list[Any]:
        self._enter(event, path, depth)
        items: list[Any] = []
        while not isinstance(item := self.next_event(), SequenceEndEvent):
            items.append(self._value(item, (*path, len(items)), depth + 1))
        return items

    def _mapping(self, event: MappingStartEvent, path: KeyPath, depth: int) -> dict[str, Any]:
        self._enter(event, path, depth)
        result: dict[str, Any] = {}
        while not isinstance(key := self.next_event(), MappingEndEvent):
            if not (isinstance(key, ScalarEvent) and _plain(key) and _resolve(key) == STR_TAG):
                raise _NeedsExplainingError
            if key.value in result:
                raise _NeedsExplainingError
            key_path = (*path, key.value)
            self.key_marks[key_path] = to_mark(key.start_mark)
            result[key.value] = self._value(self.next_event(), key_path, depth + 1)
        return result

    def _enter(self, event: CollectionStartEvent, path: KeyPath, depth: int) -> None:
        if not _plain(event):
            raise _NeedsExplainingError
        self.value_marks[path] = to_mark(event.start_mark)


def _plain(event: NodeEvent) -> bool:
    """No anchor and no tag (not even the non-specific "!")."""
    return event.anchor is None and getattr(event, "tag", None) is None


def _resolve(event: ScalarEvent) -> str:
    """The tag PyYAML's resolver gives an untagged scalar (jirei.cases.yaml_values)."""
    if not event.implicit[0]:
        return STR_TAG  # quoted or block scalars are strings
    return resolve_plain(event.value)


def load_from_events(text: str, display_path: str) -> LoadedYaml | None:
    """The loaded file, or None when it needs the composer (see _EventBuilder)."""
    parser = CParser(text)
    try:
        builder = _EventBuilder(parser)
        data = builder.document()
    except (yaml.YAMLError, _NeedsExplainingError):
        return None
    finally:
        parser.dispose()
    return LoadedYaml(display_path, data, builder.value_marks, builder.key_marks)
