"""Terraform sources cut, broken and garbled in odd places never trip the reader (no ASL000)."""

import random

import pytest

pytest.importorskip("hcl2")

from pathlib import Path  # noqa: E402

from aslint.api import lint_texts  # noqa: E402

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "terraform-sources"
TF_JSON = ('{"resource": {"aws_sfn_state_machine": {"sm": {"role_arn": "${aws_iam_role.sfn.arn}", '
           '"definition": "{\\"StartAt\\": \\"A\\", \\"States\\": {\\"A\\": {\\"Type\\": \\"Pass\\", '
           '\\"Next\\": \\"${var.x}\\"}}}"}}}}')


def _variants(text: str, rng: random.Random, count: int):
    for cut in sorted({rng.randrange(len(text)) for _ in range(count)}):
        yield text[:cut]  # truncated
        yield text[:cut] + text[cut + 1:]  # a character lost
        yield text[:cut] + rng.choice('{}[]"$\n<=\\') + text[cut:]  # a stray character


@pytest.mark.parametrize("name", ["eks-call/main.tf", "templatefile-batch/main.tf", "module-internals/main.tf", "tf.json"])
def test_mutated_sources_give_diagnostics_not_internal_errors(name):
    text = TF_JSON if name == "tf.json" else (FIXTURES / name).read_text()
    target = "main.tf.json" if name == "tf.json" else "main.tf"
    rng = random.Random(name)
    for variant in _variants(text, rng, 5):
        diags = lint_texts({target: variant})[target]
        assert not [d.message for d in diags if d.code == "ASL000"], variant
