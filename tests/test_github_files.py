"""The GitHub workflows do what CONTRIBUTING.md promises (they cannot be run here, so read them)."""

from __future__ import annotations

import re
from typing import Any

import yaml

from jirei.site.pages.propose import FIELDS as PROPOSE_FIELDS
from jirei.site.pages.propose import ISSUE_FORM
from tests.repo import REPO_ROOT

WORKFLOWS = REPO_ROOT / ".github" / "workflows"


def _workflow(name: str) -> dict[str, Any]:
    data: dict[Any, Any] = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def _runs(workflow: dict[str, Any]) -> list[str]:
    return [step.get("run", "") for job in workflow["jobs"].values() for step in job["steps"]]


def test_pull_requests_validate_with_annotations_test_build_and_keep_the_site() -> None:
    workflow = _workflow("pr.yml")
    assert list(workflow["on"]) == ["pull_request"]
    runs = _runs(workflow)
    assert "make validate VALIDATE_FORMAT=github" in runs
    assert "bash .ci/run" in runs and "make site" in runs
    uses = [step.get("uses", "") for step in workflow["jobs"]["check"]["steps"]]
    assert any(use.startswith("actions/upload-artifact@") for use in uses)


def test_main_deploys_to_pages() -> None:
    workflow = _workflow("deploy.yml")
    assert workflow["on"]["push"]["branches"] == ["main"]
    assert "make site" in _runs(workflow)


def test_the_link_check_is_weekly_and_never_fails_a_pull_request() -> None:
    workflow = _workflow("links.yml")
    assert set(workflow["on"]) == {"schedule", "workflow_dispatch"}
    check = next(run for run in _runs(workflow) if run.startswith("jirei links"))
    assert check.split("#")[0].rstrip().endswith("|| true")
    assert "gh issue edit" in "".join(_runs(workflow))  # refreshes the one open issue instead of adding more


def test_pre_commit_validates_changed_case_files_only() -> None:
    config = yaml.safe_load((REPO_ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    [hook] = [hook for repo in config["repos"] for hook in repo["hooks"]]
    assert hook["entry"] == "jirei validate" and hook["pass_filenames"] is True
    pattern = re.compile(hook["files"])
    assert pattern.search("cases/172065-kaga-ikanai-kakanai.yml")
    assert not pattern.search("templates/case.md.j2") and not pattern.search("tests/data/cases/valid/x.yml")


def test_pull_request_template_has_a_section_per_kind_of_change() -> None:
    template = (REPO_ROOT / ".github" / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    assert re.findall(r"^## (.+)$", template, re.MULTILINE)[1:] == ["新しい事例", "事例の修正", "コード"]


def test_case_proposal_form_requires_what_a_maintainer_needs() -> None:
    form = yaml.safe_load((REPO_ROOT / ".github" / "ISSUE_TEMPLATE" / "case-proposal.yml").read_text("utf-8"))
    assert form["name"] == "事例を提案する"
    required = {item["id"] for item in form["body"] if item.get("validations", {}).get("required")}
    assert {
        "municipality",
        "initiative",
        "period",
        "leadership",
        "measures",
        "outcomes",
        "sources",
    } <= required


def test_the_propose_page_fills_the_fields_the_case_proposal_form_has() -> None:
    form = yaml.safe_load((REPO_ROOT / ".github" / "ISSUE_TEMPLATE" / "case-proposal.yml").read_text("utf-8"))
    fields = {item["id"]: item for item in form["body"] if item["type"] in ("input", "textarea")}
    assert "title" not in fields  # ?title= is the issue's own title
    for name, label, _hint, multiline, required in PROPOSE_FIELDS:
        assert name in fields, name
        assert fields[name]["attributes"]["label"].startswith(label), name
        assert (fields[name]["type"] == "textarea") == multiline, name
        assert fields[name].get("validations", {}).get("required", False) == required, name
    assert ISSUE_FORM == "case-proposal.yml"


def test_the_metrics_fetch_is_monthly_and_never_stops_silently() -> None:
    workflow = _workflow("metrics.yml")
    assert set(workflow["on"]) == {"schedule", "workflow_dispatch"}
    assert all(
        entry["cron"].split()[2:] != ["*", "*", "*"] for entry in workflow["on"]["schedule"]
    )  # monthly
    steps = workflow["jobs"]["fetch"]["steps"]
    runs = _runs(workflow)
    assert any("jirei metrics fetch --summary summary.md" in run for run in runs)
    pull_request = next(s for s in steps if "gh pr create" in s.get("run", ""))
    assert pull_request["if"] == "steps.fetch.outputs.changed == 'true'"
    assert "--body-file summary.md" in pull_request["run"]  # the summary: national rate, biggest movers
    failure = next(s for s in steps if "gh issue" in s.get("run", ""))
    assert failure["if"] == "failure()"
    assert "gh issue edit" in failure["run"]  # one issue, refreshed, not a new one each month
    fetch_step = next(s for s in steps if "jirei metrics fetch" in s.get("run", ""))
    assert (
        "|| true" not in fetch_step["run"] and "set -o pipefail" in fetch_step["run"]
    )  # a failure fails the job
