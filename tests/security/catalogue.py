"""The hostile catalogue: case files, tables, pages and annotations an attacker would try.

Every variant names the rule it expects: a rule id from jirei.rule_catalog that must be
reported (an error, or a warning for ``text-invisible``), or ``ACCEPTED`` for input the
validator lets through on purpose, which must then be harmless on the built page (those
go into the hostile fixture site that tests/security/test_hostile_site.py builds and scans).

Case variants rewrite one place of tests/security/data/992011-test-shinsei.yml (the fake
テスト市, code 992011): ``old`` is replaced by ``new`` exactly once.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

BASE_CASE = Path(__file__).resolve().parent / "data" / "992011-test-shinsei.yml"
ACCEPTED = "accepted"  # no error: the page must still be safe

TITLE = "title: テスト市の出張申請（テスト用の架空の事例）"
SUMMARY = "summary: テスト市が出張申請を行ったという、テストのためだけの架空の事例。"
TITLE_EN = "title_en: Outreach applications in Test City (a fictitious case for tests)"
BODY = "  テスト用の本文です。**強調** と箇条書きを含みます。"
DESCRIPTION = f"description: |\n{BODY}\n\n  - 項目 1\n  - 項目 2"
MEASURE_TITLE = "    title: 公民館での出張申請"
MEASURE_END = "    end: 2021-03-31"
LESSON = "  - テスト用の示唆。"
RATE = "    value: 50.5"
BASELINE = "      value: 10.5"
PROCEDURE_VALUE = "    value: 12"
PROCEDURES_COUNT = "  count: 10"
STAFF_COUNT = "    count: 3"
AMOUNT = "    amount_yen: 1000000"
PERIOD_START = "  start: 2020-04\n  status:"
UNIT_PROCEDURE = "    unit: 手続"


@dataclass(frozen=True)
class CaseVariant:
    name: str
    old: str
    new: str
    rule: str  # the rule id that must be reported, or ACCEPTED

    def text(self) -> str:
        base = BASE_CASE.read_text(encoding="utf-8")
        assert base.count(self.old) == 1, f"{self.name}: {self.old!r} is not in the base case once"
        return base.replace(self.old, self.new)


def _body(markdown: str, rule: str, name: str) -> CaseVariant:
    lines = "\n".join("  " + line if line else "" for line in markdown.split("\n"))
    return CaseVariant(name, BODY, lines, rule)


def _quoted(old: str, key: str, value: str, rule: str, name: str) -> CaseVariant:
    """``key: "value"`` (a double-quoted YAML scalar: escapes such as \\x01 or \\u202e work)."""
    indent = old[: len(old) - len(old.lstrip())]
    if key == "-":  # a list item
        return CaseVariant(name, old, f'{indent}- "{value}"', rule)
    return CaseVariant(name, old, f'{indent}{key}: "{value}"', rule)


LINKS = [
    _body("[押す](javascript:alert(1))", "unsafe-link", "inline javascript: link"),
    _body("[押す](JaVaScRiPt:alert(1))", "unsafe-link", "mixed-case scheme"),
    _body("[押す]( javascript:alert(1))", "unsafe-link", "space before the scheme"),
    _body("[押す][r]\n\n[r]: javascript:alert(1)", "unsafe-link", "reference-style definition"),
    _body("[押す][r]\n\n[r]: <javascript:alert(1)>", "html", "reference definition in angle brackets"),
    _body("[押す][r]\n\n[r]: vbscript:msgbox(1)", "unsafe-link", "reference definition, vbscript:"),
    _body("[押す][r]\n\n[r]: data:text/html,x", "unsafe-link", "reference definition, data:"),
    _body("[押す][]\n\n[押す]: javascript:alert(1)", "unsafe-link", "collapsed reference"),
    _body("[押す](java\nscript:alert(1))", "unsafe-link", "scheme split by a newline"),
    _quoted(
        DESCRIPTION, "description", "[押す](java\\tscript:alert(1))", "unsafe-link", "scheme split by a tab"
    ),
    _quoted(
        DESCRIPTION,
        "description",
        "[押す](\\x01javascript:alert(1))",
        "text-control",
        "U+0001 before the scheme",
    ),
    _quoted(
        DESCRIPTION,
        "description",
        "[押す](\\x01javascript:alert(1))",
        "unsafe-link",
        "U+0001 before the scheme (link)",
    ),
    _body("[押す](&#106;avascript:alert(1))", "unsafe-link", "scheme as an HTML entity"),
    _body("[押す](&#x6A;avascript&colon;alert(1))", "unsafe-link", "hex entity and &colon;"),
    _body("[押す](ｊａｖａｓｃｒｉｐｔ:alert(1))", "unsafe-link", "full-width letters"),
    _body("[押す](data:text/html;base64,PHNjcmlwdD4=)", "unsafe-link", "inline data: link"),
    _body("![画像](javascript:alert(1))", "unsafe-link", "image with a javascript: source"),
    _body("<javascript:alert(1)>", "html", "autolink with a javascript: scheme"),
    CaseVariant(
        "javascript: link in the title", TITLE, "title: '[押す](javascript:alert(1))'", "unsafe-link"
    ),
    CaseVariant(
        "javascript: link in a measure title",
        MEASURE_TITLE,
        "    title: '[x](javascript:alert(1))'",
        "unsafe-link",
    ),
    CaseVariant("javascript: link in a lesson", LESSON, "  - '[x](vbscript:msgbox(1))'", "unsafe-link"),
    CaseVariant(
        "link text breaking out of the summary", SUMMARY, "summary: 'x](javascript:alert(1))'", "unsafe-link"
    ),
    _body('[押す](https://example.com/ "x" onmouseover="alert(1)")', ACCEPTED, "link title breaking out"),
    _body("![画像](https://example.com/x.png)", ACCEPTED, "external image"),
    _body("<https://example.com/>", "html", "autolink (angle brackets are markup)"),
]

ATTRIBUTE_LISTS = [
    _body('段落です。\n{: onclick="alert(1)" }', ACCEPTED, "attribute list after a paragraph"),
    _body("## 見出し {: #x onfocus=alert(1) autofocus }", ACCEPTED, "attribute list on a heading"),
    _body("[押す](https://example.com/){ onclick=alert(1) }", ACCEPTED, "attribute list on a link"),
    _body('段落です。\n{: .md-button style="position:fixed" }', ACCEPTED, "attribute list with a style"),
]

META = [
    CaseVariant("quote in the summary breaks out of <meta>", SUMMARY,
                'summary: \'x" http-equiv="refresh" content="0;url=https://example.com/\'', ACCEPTED),
    CaseVariant("quotes and apostrophes in the title", TITLE, "title: 'テスト市の \"出張\" と ''申請'''", ACCEPTED),
    CaseVariant("ampersand entities in the summary", SUMMARY, "summary: テスト &quot;&gt; &#x3C;script&#x3E;", ACCEPTED),
    CaseVariant("</title> in the title", TITLE, "title: テスト</title><script>alert(1)</script>", "html"),
    CaseVariant("<meta> in the summary", SUMMARY, "summary: <meta http-equiv=refresh content=0>", "html"),
    CaseVariant("svg onload in title_en", TITLE_EN, "title_en: '\"><svg onload=alert(1)>'", "html"),
]  # fmt: skip

MARKUP = [
    _body("<script>alert(1)</script>", "html", "script tag"),
    _body("<img src=x onerror=alert(1)>", "html", "img onerror"),
    _body("<svg/onload=alert(1)>", "html", "svg onload without a space"),
    _body("< script >alert(1)</ script >", "html", "script tag with spaces"),
    _body("<!-- <script>alert(1)</script> -->", "html", "comment"),
    _body('<iframe src="https://example.com/"></iframe>', "html", "iframe"),
    _body('<a href="javascript:alert(1)">押す</a>', "html", "raw anchor"),
    _body("<img src=x onerror=alert(1)", "html", "unclosed tag"),
    _body('<div markdown="1">x</div>', "html", "md_in_html block"),
    _body("<style>body{display:none}</style>", "html", "style tag"),
]

NUMBERS = [
    CaseVariant("NaN rate", RATE, "    value: .nan", "number-not-finite"),
    CaseVariant("NaN (capitals) baseline", BASELINE, "      value: .NaN", "number-not-finite"),
    CaseVariant("infinite rate", RATE, "    value: .inf", "number-not-finite"),
    CaseVariant("negative infinity", RATE, "    value: -.inf", "number-not-finite"),
    CaseVariant("1e309 overflows to infinity", RATE, "    value: 1e309", "number-not-finite"),
    CaseVariant("-1e309", PROCEDURE_VALUE, "    value: -1e309", "number-not-finite"),
    CaseVariant("5,000-digit count", PROCEDURES_COUNT, "  count: " + "9" * 5000, "number-too-long"),
    CaseVariant("4,301-digit yen amount", AMOUNT, "    amount_yen: 1" + "0" * 4300, "number-too-long"),
    CaseVariant("40-character decimal", RATE, "    value: 0." + "0" * 37 + "1", "number-too-long"),
    CaseVariant("21-digit yen amount", AMOUNT, "    amount_yen: 1" + "0" * 20, "number-too-large"),
    CaseVariant("1e300 rate", RATE, "    value: 1e300", "number-too-large"),
    CaseVariant("% baseline above 100", BASELINE, "      value: 150", "rate-range"),
    CaseVariant("% baseline below 0", BASELINE, "      value: -1", "rate-range"),
    CaseVariant("% value above 100", RATE, "    value: 100.1", "rate-range"),
    CaseVariant("% value below 0", RATE, "    value: -0.5", "rate-range"),
    CaseVariant("negative procedure count", PROCEDURE_VALUE, "    value: -5", "negative-number"),
    CaseVariant("negative people", UNIT_PROCEDURE, "    unit: 人\n    baseline:\n      value: -1\n      as_of: 2020-04",
                "negative-number"),
    CaseVariant("negative yen", f"{PROCEDURE_VALUE}\n{UNIT_PROCEDURE}", "    value: -100\n    unit: 円", "negative-number"),
    CaseVariant("negative budget", AMOUNT, "    amount_yen: -1", "range"),
    CaseVariant("negative procedures count", PROCEDURES_COUNT, "  count: -1", "range"),
    CaseVariant("zero staff", STAFF_COUNT, "    count: 0", "range"),
    CaseVariant("measure ends before it starts", MEASURE_END, "    end: 2020-03-31", "measure-order"),
    CaseVariant("measure ends in an earlier month", MEASURE_END, "    end: 2020-03", "measure-order"),
    CaseVariant("measure ends in an earlier year", MEASURE_END, "    end: '2019'", "measure-order"),
    CaseVariant("period ends before it starts", PERIOD_START, "  start: 2020-04\n  end: 2019-01\n  status:", "period-order"),
    CaseVariant("boolean where a number goes", RATE, "    value: true", "type"),
    CaseVariant("number as a hexadecimal string", RATE, "    value: 0x41", "type"),
]  # fmt: skip

TEXT = [
    _quoted(TITLE, "title", "テスト\\0市", "text-control", "NUL in the title"),
    _quoted(TITLE, "title", "テスト\\e[31m市", "text-control", "ESC (terminal colour) in the title"),
    _quoted(TITLE, "title", "テスト\\b市", "text-control", "backspace in the title"),
    _quoted(SUMMARY, "summary", "テスト\\x7f市", "text-control", "DEL in the summary"),
    _quoted(SUMMARY, "summary", "テスト\\x85市", "text-control", "NEL (C1) in the summary"),
    _quoted(SUMMARY, "summary", "テスト\\x9b31m市", "text-control", "CSI (C1) in the summary"),
    _quoted(
        DESCRIPTION, "description", "テスト\\r本文", "text-control", "carriage return in the description"
    ),
    _quoted(DESCRIPTION, "description", "テスト\\v本文", "text-control", "vertical tab in the description"),
    _quoted(LESSON, "-", "テスト\\f示唆", "text-control", "form feed in a lesson"),
    _quoted(TITLE, "title", "テスト\\u202e市", "text-bidi", "RLO in the title"),
    _quoted(SUMMARY, "summary", "テスト\\u202d市", "text-bidi", "LRO in the summary"),
    _quoted(SUMMARY, "summary", "テスト\\u202a市", "text-bidi", "LRE in the summary"),
    _quoted(LESSON, "-", "テスト\\u2066示唆", "text-bidi", "LRI in a lesson"),
    _quoted(MEASURE_TITLE, "title", "テスト\\u2069施策", "text-bidi", "PDI in a measure title"),
    _quoted(TITLE, "title", "テスト\\u200b市", "text-invisible", "zero-width space in the title"),
    _quoted(SUMMARY, "summary", "テスト\\u200d市", "text-invisible", "zero-width joiner in the summary"),
    _quoted(SUMMARY, "summary", "テスト\\ufeff市", "text-invisible", "BOM inside the summary"),
    _quoted(SUMMARY, "summary", "テスト\\u00ad市", "text-invisible", "soft hyphen in the summary"),
    _quoted(SUMMARY, "summary", "テスト\\u2060市", "text-invisible", "word joiner in the summary"),
    _quoted(DESCRIPTION, "description", "テスト\\t本文", ACCEPTED, "tab in the description"),
    CaseVariant("raw NUL byte in the file", TITLE, "title: テスト\x00市", "control-character"),
    CaseVariant("raw ESC byte in the file", TITLE, "title: テスト\x1b市", "control-character"),
]

YAML = [
    CaseVariant("alias bomb", LESSON, "  - &a テスト\n  - *a", "alias"),
    CaseVariant("python object tag", LESSON, "  - !!python/object/apply:os.system [echo]", "yaml-tag"),
    CaseVariant("second document", "license: CC-BY-4.0", "license: CC-BY-4.0\n---\nid: x", "multi-document"),
    CaseVariant("nesting 100 deep", LESSON, "  - " + "[" * 100 + "]" * 100, "nesting-too-deep"),
    CaseVariant("duplicate key", TITLE, TITLE + "\n" + TITLE, "duplicate-key"),
    CaseVariant("path traversal in the id", "id: 992011-test-shinsei", "id: 992011-../../etc", "format"),
    CaseVariant("more than 1 MB", LESSON, "  - " + "あ" * 400_000, "file-too-large"),
    CaseVariant("unknown key", TITLE, TITLE + "\nonload: alert(1)", "unknown-key"),
    CaseVariant("javascript: source URL", "    url: https://example.com/test-city/report",
                "    url: javascript:alert(1)", "format"),
    CaseVariant("source URL with a space", "    url: https://example.com/test-city/report",
                "    url: https://example.com/a b", "url"),
]  # fmt: skip

CASE_VARIANTS = [*LINKS, *ATTRIBUTE_LISTS, *META, *MARKUP, *NUMBERS, *TEXT, *YAML]
