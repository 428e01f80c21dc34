"""Every template of the shared corpus is read without a crash, and its state machines are linted."""

from __future__ import annotations

import time

from tpl_helpers import ruleset
from aslint.core.engine import lint_file

INVALID_YAML = {  # listed as broken in the corpus README
    "aws-samples__step-functions-workflows-collection__parallelized-embedding-pipeline__template.yaml": 88,
    "aws-samples__step-functions-workflows-collection__event-sourcing__template.yaml": 6,
}

# file -> (state machine resources, definitions linted), counted by hand in each file
EXPECTED = {
    "eks/aws__aws-cdk__packages__@aws-cdk__aws-stepfunctions-tasks__test__eks__integ.run-job.expected.json": (1, 1),
    "eks/aws__aws-cdk__packages__@aws-cdk-testing__framework-integ__test__aws-stepfunctions-tasks__test__eks__integ.call.js.snapshot__aws-stepfunctions-tasks-eks-call-integ-test.template.json": (1, 1),
    # five DefinitionUri files, not beside the template in the corpus (TPL002)
    "templates/aws-samples__aws-stepfunctions-examples__sam__app-meeting-summarization__template.yaml": (5, 0),
    "templates/aws-samples__step-functions-workflows-collection__uml-statemachine__template.yaml": (4, 0),
    # inline Definition (YAML)
    "templates/aws-samples__aws-stepfunctions-examples__sam__demo-manage-glue-crawlers-with-step-functions__template.yaml": (3, 3),
    "templates/aws-samples__aws-stepfunctions-examples__sam__util-sfntoolkit__template.yaml": (3, 3),
    "templates/aws__serverless-application-model__tests__translator__input__connector_sfn_to_sfn.yaml": (4, 4),
    # translator output: Fn::Join DefinitionStrings; one is only {"StartAt": …} (TPL004)
    "templates/aws__serverless-application-model__tests__translator__output__embedded_connectors_sfn_to.json": (2, 1),
    # four s3:// DefinitionUri (TPL001)
    "templates/aws__serverless-application-model__tests__translator__input__error_state_machine_schedulev2.yaml": (4, 0),
    # Fn::Join with "\n" separator and a ${…} no DefinitionSubstitutions fills (TPL006)
    "templates/aws-cloudformation__cfn-lint__test__fixtures__templates__bad__functions__sub_needed.yaml": (2, 2),
}


def _machines(result) -> int:
    return sum(len(doc.cache["tpl.analysis"].machines) for doc in result.documents if doc.kind == "cfn-template")


def _definitions(result) -> int:
    return sum(1 for doc in result.documents if doc.kind == "asl")


def _lint_corpus(shared):
    rs = ruleset()
    results = {}
    for folder in ("templates", "eks"):
        for path in sorted((shared / "corpus" / folder).iterdir()):
            results[f"{folder}/{path.name}"] = lint_file(str(path), rs, explicit=True)
    return results


_CACHE: dict = {}


def _results(shared):
    if "r" not in _CACHE:
        start = time.process_time()
        _CACHE["r"] = _lint_corpus(shared)
        _CACHE["seconds"] = time.process_time() - start
    return _CACHE["r"]


def test_every_template_is_read_without_a_crash(shared):
    results = _results(shared)
    assert len(results) == 368
    crashes = [(name, d.message) for name, r in results.items() for d in r.diagnostics if d.code == "ASL000"]
    assert crashes == []
    unreadable = {name.split("/", 1)[1]: d.line for name, r in results.items() for d in r.diagnostics if d.code in ("ASL001", "ASL003")}
    assert unreadable == INVALID_YAML
    not_recognized = [name for name, r in results.items() if not r.recognized]
    assert not_recognized == []


def test_state_machines_found_per_file(shared):
    results = _results(shared)
    got = {name: (_machines(results[name]), _definitions(results[name])) for name in EXPECTED}
    assert got == EXPECTED


def test_all_extractable_definitions_are_linted(shared):
    """The README counts 194 definitions in templates: inline or DefinitionString (plain, Fn::Sub,
    Fn::Join). Six of them are SAM fixtures with only StartAt, reported as TPL004."""
    results = _results(shared)
    linted = sum(_definitions(r) for r in results.values())
    incomplete = sum(1 for r in results.values() for d in r.diagnostics
                     if d.code == "TPL004" and "has no States" in d.message)
    assert (linted, incomplete) == (188, 6)


def test_cdk_eks_definitions_have_their_partition_substituted(shared):
    results = _results(shared)
    for name, r in results.items():
        if not name.startswith("eks/"):
            continue
        definition = next(doc for doc in r.documents if doc.kind == "asl")
        resources = [s.get("Resource") for s in definition.data["States"].values()]
        assert all(res.startswith("arn:aws:states:::eks:") for res in resources), (name, resources)
        assert definition.context["role_resource"]


def test_the_corpus_lints_quickly(shared):
    _results(shared)
    assert _CACHE["seconds"] < 20, f"{_CACHE['seconds']:.1f}s of CPU for 368 templates"
