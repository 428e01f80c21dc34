"""The false-positive gate: no error from ASL010-ASL299 on real samples and valid fixtures.

Reads ../shared/corpus (MANIFEST.tsv, column ``intent``) when it is beside the checkout.
"""

from __future__ import annotations

import csv
import re

from aslint.core.engine import RuleSet, lint_file
from aslint.core.settings import Settings

OURS = re.compile(r"^ASL(0[1-9]\d|[12]\d\d)$")

# Files known to be broken, with the reason (corpus README "Invalid or buggy definitions", and
# our own findings). Everything else with intent sample/valid-fixture must be error-free.
KNOWN_BROKEN = {
    # corpus README #1: not valid JSON (ASL001 only)
    "asl/aws-samples__step-functions-workflows-collection__sfn-iot-data-analytics-dataset__statemachine__statemachine.asl.json",
    # corpus README #2: "QueryLanguage": "JSONata" inside States -> a non-object state (ASL013) and
    # JSONata fields in JSONPath states (ASL103)
    "asl/aws-samples__step-functions-workflows-collection__shared-fallback-state-jsonata__statemachine__statemachine.asl.json",
    # YAML 1.1 reads the state names Yes/No as booleans (the core YAML reader's choice; js-yaml,
    # which Serverless uses, keeps them strings), so Next: Yes is a boolean (ASL201/ASL105/ASL203).
    "asl/aws-samples__serverless-patterns__lambda-sfn-sls__statemachine__stateMachine.asl.yml",
    # Validator fixtures whose Credentials lack RoleArn / hold unknown fields: the validators only check
    # that Credentials is an object; Step Functions rejects both at creation ("The field 'RoleArn' is
    # required", asl-facts.md section 10; LocalStack's AWS-validated test_invalid_credentials_field).
    "asl/ChristopheBougere__asl-validator__src____tests____definitions__valid-task-credentials.json",
    "asl/awslabs__statelint__test__task-with-credentials.json",
}


def _files(shared, intents):
    with open(shared / "corpus" / "MANIFEST.tsv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            if row["intent"] in intents:
                yield row["file"]


def test_no_errors_on_samples_and_valid_fixtures(shared):
    ruleset = RuleSet(Settings(select=["ASL0", "ASL1", "ASL2"]))
    bad = []
    for rel in _files(shared, ("sample", "valid-fixture")):
        if rel in KNOWN_BROKEN:
            continue
        result = lint_file(str(shared / "corpus" / rel), ruleset, explicit=True)
        for d in result.diagnostics:
            if (OURS.match(d.code) and d.severity == "error") or (d.code == "ASL000" and re.search(r"rule ASL(0[1-9]|[12])", d.message)):
                bad.append(f"{rel}:{d.line} {d.code} {d.message[:120]}")
    assert not bad, "\n".join(bad[:30])


def test_reference_examples_are_clean(shared):
    ruleset = RuleSet(Settings(select=["ASL0", "ASL1", "ASL2"]))
    for path in sorted((shared / "reference" / "examples").glob("*.json")):
        result = lint_file(str(path), ruleset, explicit=True)
        assert not [d for d in result.diagnostics if OURS.match(d.code) and d.severity == "error"], path.name


def test_invalid_fixtures_are_caught(shared):
    """A floor, not a count to match: the structure rules flag many validator fixtures meant to be invalid."""
    ruleset = RuleSet(Settings(select=["ASL0", "ASL1", "ASL2"]))
    caught = total = 0
    for rel in _files(shared, ("invalid-fixture",)):
        if not rel.startswith("asl/"):
            continue
        total += 1
        result = lint_file(str(shared / "corpus" / rel), ruleset, explicit=True)
        caught += any(OURS.match(d.code) and d.severity in ("error", "warning") for d in result.diagnostics)
    assert total and caught >= total // 3, (caught, total)
