"""The 「事例を提案する」 page (contributing/propose.md) and the commented case template to
download beside it (contributing/case-template.yml).

Two routes for a member of staff: the GitHub issue form (no git; the maintainers write the
case file) and a pull request with a case file. The page's small form
(docs/javascripts/propose.js) fills in the issue form's fields from what was typed there and
makes the link to GitHub's new-issue page; nothing is sent anywhere by the site. The template
is the ``jirei new`` scaffold rendered for a fictitious municipality.
"""

from __future__ import annotations

from datetime import date

from jinja2 import Environment

from jirei.cases.scaffold import scaffold_case
from jirei.paths import REPO_URL
from jirei.reference.municipalities import Municipality
from jirei.site.rendering.urls import CONTRIBUTE_PAGE, relative

PROPOSE_PAGE = "contributing/propose.md"
TEMPLATE_FILE = "contributing/case-template.yml"
ISSUE_FORM = "case-proposal.yml"  # .github/ISSUE_TEMPLATE/
# Fictitious (code 999999 is no municipality's): the template is an example, not a real case.
EXAMPLE = Municipality(code="999999", pref_code="99", prefecture="架空県", name="見本市",
                       name_kana="みほんし", category="市")  # fmt: skip
EXAMPLE_SLUG = "mihon-torikumi"
EXAMPLE_DAY = date(2026, 1, 1)  # fixed, so the file only changes when the scaffold does

# The fields of the page's form: (issue form id, label, hint, textarea?, required?).
FIELDS = (
    (
        "municipality",
        "団体名",
        "都道府県名から。団体コードが分かれば添えてください。例）石川県加賀市（172065）",
        False,
        True,
    ),
    ("initiative", "取組の名前", "例）「行かない・書かない役所」を掲げたカード普及と電子申請", False, True),
    ("period", "期間", "開始の年月と、続いているか終わったか。例）2020年6月〜（実施中）", False, True),
    (
        "leadership",
        "誰が主導したか",
        "首長・担当課・職員有志など。分からなければ「不明」。個人名は公職者のみ。",
        True,
        True,
    ),
    ("measures", "施策", "行ったことを 1 行に 1 つ。", True, True),
    ("outcomes", "成果の数値と時点", "数値ごとに、いつ時点の値か、どの出典に書かれているか。", True, True),
    ("sources", "出典 URL", "自治体の公式ページ・国の資料・報道など。1 行に 1 つ。", True, True),
    ("challenges", "課題", "取組の課題・留意点（分かる範囲で）。", True, False),
)


def issue_form_url() -> str:
    return f"{REPO_URL}/issues/new?template={ISSUE_FORM}"


def render_propose_page(env: Environment) -> dict[str, str]:
    page = env.get_template("propose.md.j2").render(
        generated_from="templates/propose.md.j2",
        issue_form=issue_form_url(),
        new_issue=f"{REPO_URL}/issues/new",
        issue_template=ISSUE_FORM,
        contributing=f"{REPO_URL}/blob/main/CONTRIBUTING.md",
        template_link=relative(PROPOSE_PAGE, TEMPLATE_FILE),
        contribute_page=relative(PROPOSE_PAGE, CONTRIBUTE_PAGE),
        fields=FIELDS,
    )
    return {
        PROPOSE_PAGE: page,
        TEMPLATE_FILE: scaffold_case(EXAMPLE, EXAMPLE_SLUG, EXAMPLE_DAY),
    }
