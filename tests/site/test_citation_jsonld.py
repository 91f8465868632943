"""「この事例を引用する」 (text, BibTeX, CSL-JSON) and the JSON-LD of a case page."""

from __future__ import annotations

import dataclasses
import html
import json
import re
from pathlib import Path

import yaml

from jirei.site.views.citation import bibtex_escape, citation
from jirei.site.views.jsonld import case_jsonld, front_matter_json
from tests.site.publish_helpers import fake_case, variant

PERMALINK = "https://jirei-project.github.io/jirei/cases/992011-test-shinsei/"


def test_each_citation_form_has_the_permalink_and_the_last_reviewed_date(tmp_path: Path) -> None:
    cited = citation(fake_case(tmp_path))
    assert cited.text == (
        f"jirei 自治体DX事例集「テスト市の出張申請（テスト用の架空の事例）」（2026年11月1日最終確認）. {PERMALINK}"
        "（〇〇〇〇年〇月〇日閲覧）"
    )
    assert cited.bibtex.startswith("@misc{jirei-992011-test-shinsei,\n")
    assert f"  url = {{{PERMALINK}}}," in cited.bibtex
    assert "  note = {最終確認日 2026-11-01、CC BY 4.0}," in cited.bibtex
    (item,) = json.loads(cited.csl_json)
    assert item["URL"] == PERMALINK
    assert item["type"] == "webpage"
    assert item["issued"] == {"date-parts": [[2026, 11, 1]]}
    assert item["title"] == "テスト市の出張申請（テスト用の架空の事例）"


def test_bibtex_special_characters_are_escaped(tmp_path: Path) -> None:
    assert bibtex_escape("50% & {x}_1 #2 ~ ^ \\") == (
        r"50\% \& \{x\}\_1 \#2 \textasciitilde{} \textasciicircum{} \textbackslash{}"
    )
    cited = citation(variant(fake_case(tmp_path), title="A&B 100%"))
    assert "  title = {{A\\&B 100\\%}}," in cited.bibtex


def test_a_quote_in_the_title_is_not_doubled(tmp_path: Path) -> None:
    cited = citation(variant(fake_case(tmp_path), title="「行かない窓口」を掲げたテスト市"))
    assert "「『行かない窓口』を掲げたテスト市」" in cited.text
    assert "「「" not in cited.text and "」」" not in cited.text


def test_the_case_page_shows_the_citation_text_as_wrapping_text_and_the_rest_in_code_blocks(
    tmp_path: Path,
) -> None:
    from tests.site.test_case_pages import _render

    case = fake_case(tmp_path)
    page = _render(case)
    assert '<details class="quote jirei-citation">\n<summary>この事例を引用する</summary>' in page
    cited = citation(case)
    text = re.search(r'<p class="jirei-citation__text">(.*?)</p>', page, re.S)
    assert text and html.unescape(text[1]) == cited.text
    assert "閲覧日" in page
    blocks = [html.unescape(block) for block in re.findall(r"<pre><code>(.*?)</code></pre>", page, re.S)]
    assert blocks == [f"{text}\n" for text in (cited.bibtex, cited.csl_json)]  # copied exactly


def test_json_ld_describes_an_article_about_the_municipality(tmp_path: Path) -> None:
    data = case_jsonld(fake_case(tmp_path))
    assert data["@type"] == "Article"
    assert data["name"] == "テスト市の出張申請（テスト用の架空の事例）"
    assert data["description"] == "テスト市が出張申請を行ったという、テストのためだけの架空の事例。"
    assert data["dateModified"] == "2026-11-01"
    assert data["about"]["@type"] == "GovernmentOrganization"
    assert data["about"]["name"] == "テスト県テスト市"
    assert data["citation"] == ["https://example.com/test-city/report"]
    assert data["alternativeHeadline"].startswith("Outreach applications")


def test_json_ld_survives_the_front_matter_round_trip(tmp_path: Path) -> None:
    case = variant(fake_case(tmp_path), summary='引用符 " と </script> と: コロン')
    data = case_jsonld(case)
    assert yaml.safe_load(f"jsonld: {front_matter_json(data)}\n") == {"jsonld": data}


def test_json_ld_mentions_the_other_members_of_a_joint_case(tmp_path: Path) -> None:
    case = fake_case(tmp_path)
    assert "mentions" not in case_jsonld(case)
    member = dataclasses.replace(case.municipality, code="992020", name="試験市")
    data = case_jsonld(variant(case, members=(member,)))
    assert data["about"]["identifier"] == "992011"
    assert [(m["identifier"], m["name"]) for m in data["mentions"]] == [("992020", "テスト県試験市")]
