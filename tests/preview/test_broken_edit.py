"""A broken edit: the Japanese errors in the terminal and on the case's page, no exception
(the server's build loop goes on), and the page comes back once the file is fixed."""

from __future__ import annotations

import logging

import pytest

from jirei.preview import hooks
from jirei.preview.generator import Preview
from tests.cases.validation_helpers import VALID_CASE

CASE = VALID_CASE.stem


def test_invalid_yaml_is_reported_and_the_preview_goes_on(
    preview: Preview, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(hooks.SESSION, "preview", preview)
    hooks.on_pre_build({})
    case_file = preview.cases_dir / f"{CASE}.yml"
    good = case_file.read_text(encoding="utf-8")
    case_file.write_text(good.replace("themes: [", "themes: [[", 1), encoding="utf-8")

    with caplog.at_level(logging.ERROR, logger="mkdocs.plugins.jirei"):
        hooks.on_pre_build({})  # must not raise: MkDocs would stop serving

    messages = "\n".join(record.getMessage() for record in caplog.records)
    assert f"{CASE}.yml" in messages and "error [" in messages
    assert "事例ファイルにエラーがあります" in messages
    assert "Traceback" not in messages
    page = (preview.docs_dir / "cases" / f"{CASE}.md").read_text(encoding="utf-8")
    assert page.startswith(f"# この事例ファイルにはエラーがあります（{CASE}）")
    assert f"{CASE}.yml" in page

    case_file.write_text(good, encoding="utf-8")
    hooks.on_pre_build({})
    page = (preview.docs_dir / "cases" / f"{CASE}.md").read_text(encoding="utf-8")
    assert "エラーがあります" not in page and "テスト市の出張申請" in page
