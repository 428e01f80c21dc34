"""Corpus evidence for ASL300–ASL499 (skipped when ../shared is not beside the checkout).

* No error from these rules on real samples and valid fixtures of ../shared/corpus/asl (minus the
  files its README lists as broken), nor on the templates except the one listed below.
* The peers' own invalid fixtures about paths, intrinsics, JSONata and variables are flagged
  with the code that names their mistake.
"""

import csv

import pytest

from aslint.core.engine import RuleSet, lint_file
from aslint.core.settings import Settings

# README "Invalid or buggy definitions found": not JSON / QueryLanguage inside States
README_BROKEN = {
    "asl/aws-samples__step-functions-workflows-collection__sfn-iot-data-analytics-dataset__statemachine__statemachine.asl.json",
    "asl/aws-samples__step-functions-workflows-collection__shared-fallback-state-jsonata__statemachine__statemachine.asl.json",
}
# Real defects our rules find in files the corpus marks valid, with the reason.
KNOWN_DEFECTS = {
    # SAM translator output: an sqs:sendMessage.waitForTaskToken task whose MessageBody never
    # carries $$.Task.Token, so no consumer can ever resume it (SAM only tests the translation).
    "templates/aws__serverless-application-model__tests__translator__output__state_machine_with_sam_policy_templates.json": {"ASL420"},
}

# invalid fixture (file name suffix) -> the code that must flag it
PEER_FIXTURES = {
    "invalid-json-path.json": "ASL300",
    "invalid-payload-template.asl.json": "ASL300",
    "invalid-choice-state-variable.json": "ASL300",
    "invalid-variable-result-path.json": "ASL302",
    "invalid-math-add.json": "ASL312",
    "invalid-assign.asl.json": "ASL400",
    "invalid-jsonata-surround-syntax-no-close.json": "ASL400",
    "invalid-jsonata-surround-syntax-no-open.json": "ASL400",
    "invalid-jsonata-syntax-arithmetic.json": "ASL400",
    "invalid-jsonata-syntax-jsonpath-in-jsonata-surround.json": "ASL400",
    "invalid-jsonata-syntax-mismatched-parens.json": "ASL400",
    "statelint__test__invalid-function-invocation.json": "ASL310",
    "statelint__test__states-array-invocation-leftpad.json": "ASL310",
    "statelint__test__parameter-path-problems.json": "ASL303",
    "statelint__test__pass-with-intrinsic-function-inputpath.json": "ASL300",
    "invalid_downgrade_query_language.json5": "ASL404",
}


def _manifest(shared):
    with open(shared / "corpus" / "MANIFEST.tsv", encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def _ruleset():
    settings = Settings()
    settings.select = ["ASL3", "ASL4"]
    return RuleSet(settings)


def _errors(result):
    return {d.code for d in result.diagnostics if d.severity == "error" and d.code[:4] in ("ASL3", "ASL4")}


def test_no_errors_on_samples_and_valid_fixtures(shared):
    ruleset = _ruleset()
    checked, bad = 0, {}
    for row in _manifest(shared):
        if row["intent"] not in ("sample", "valid-fixture") or row["file"] in README_BROKEN:
            continue
        result = lint_file(str(shared / "corpus" / row["file"]), ruleset, explicit=True)
        checked += 1
        errors = _errors(result) - KNOWN_DEFECTS.get(row["file"], set())
        if errors:
            bad[row["file"]] = sorted(errors)
    assert checked > 400
    assert bad == {}


def test_known_defects_are_still_found(shared):
    ruleset = _ruleset()
    for file, expected in KNOWN_DEFECTS.items():
        result = lint_file(str(shared / "corpus" / file), ruleset, explicit=True)
        assert expected <= _errors(result), file


@pytest.mark.parametrize("suffix,code", sorted(PEER_FIXTURES.items()))
def test_peer_invalid_fixture_is_flagged(shared, suffix, code):
    rows = [r for r in _manifest(shared) if r["file"].endswith(suffix) and r["intent"] == "invalid-fixture"]
    assert len(rows) == 1, suffix
    result = lint_file(str(shared / "corpus" / rows[0]["file"]), _ruleset(), explicit=True)
    assert code in {d.code for d in result.diagnostics}, sorted({d.code for d in result.diagnostics})
