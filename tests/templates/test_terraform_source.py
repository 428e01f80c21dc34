"""Terraform sources (.tf): every form of definition, with the position of each finding in the file
the user edits, the role's policies paired from the module, unknown values, and bad HCL."""

import pytest

pytest.importorskip("hcl2")

from aslint.api import lint_texts  # noqa: E402
from aslint.core.settings import Settings  # noqa: E402

from tpl_helpers import ruleset  # noqa: E402


def run(files: dict, select=None, workspace=None) -> dict:
    """Lint ``files``; ``workspace`` holds files the run may read without linting them on their own."""
    settings = Settings(select=select) if select else None
    return lint_texts(files, ruleset=None if settings else ruleset(), settings=settings, workspace=workspace)


def only(diags, code):
    return [d for d in diags if d.code == code]


def text_at(text: str, diag, length: int) -> str:
    return text.splitlines()[diag.line - 1][diag.column - 1:diag.column - 1 + length]


ROLE = '''resource "aws_iam_role" "sfn" {
  name               = "sfn-role"
  assume_role_policy = data.aws_iam_policy_document.assume.json
}

data "aws_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["states.amazonaws.com"]
    }
  }
}
'''

JSONENCODE = '''resource "aws_sfn_state_machine" "sm" {
  name     = "delete-cluster"
  role_arn = aws_iam_role.sfn.arn
  definition = jsonencode({
    Comment = "tears the cluster down"
    StartAt = "Delete"
    States = {
      "Delete" = {
        Type       = "Task"
        Resource   = "arn:aws:states:::eks:deleteCluster.sync"
        Parameters = { Name = "demo" }
        Retry      = [{ ErrorEquals = ["States.ALL"], MaxAttempts = 3 }]
        Colour     = 1
        Next       = "Gone"
      }
    }
  })
}
'''


def test_jsonencode_object_positions_of_keys_and_values():
    diags = run({"main.tf": JSONENCODE})["main.tf"]
    unknown = only(diags, "ASL101")
    assert len(unknown) == 1 and "Colour" in unknown[0].message
    assert (unknown[0].line, unknown[0].column) == (13, 9)
    assert text_at(JSONENCODE, unknown[0], 6) == "Colour"
    nxt = only(diags, "ASL201")
    assert len(nxt) == 1 and (nxt[0].line, nxt[0].column) == (14, 22)
    assert text_at(JSONENCODE, nxt[0], 6) == '"Gone"'
    assert nxt[0].state == "Delete"


def test_missing_sync_poll_permission_reported_at_the_state_in_the_tf_file():
    policy = '''resource "aws_iam_role_policy" "eks" {
  role = aws_iam_role.sfn.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["eks:DeleteCluster"]
      Resource = "arn:aws:eks:us-east-1:123456789012:cluster/demo"
    }]
  })
}
'''
    text = ROLE + policy + JSONENCODE
    diags = run({"main.tf": text}, select=["IAM001"])["main.tf"]
    assert len(diags) == 1, [d.message for d in diags]
    missing = diags[0]
    assert "eks:DescribeCluster" in missing.message and missing.severity == "error"
    assert text_at(text, missing, 42) == '"arn:aws:states:::eks:deleteCluster.sync"'
    assert "${AWS::Partition}" not in missing.message  # no CloudFormation syntax in a Terraform suggestion
    granted = text.replace('["eks:DeleteCluster"]', '["eks:DeleteCluster", "eks:DescribeCluster"]')
    assert run({"main.tf": granted}, select=["IAM001"])["main.tf"] == []


def test_policy_document_data_source_and_module_files_are_paired():
    iam = ROLE + '''
data "aws_iam_policy_document" "eks" {
  statement {
    sid       = "Delete"
    actions   = ["eks:DeleteCluster"]
    resources = ["arn:aws:eks:us-east-1:123456789012:cluster/demo"]
    condition {
      test     = "StringEquals"
      variable = "aws:RequestedRegion"
      values   = ["us-east-1"]
    }
  }
}

resource "aws_iam_role_policy" "eks" {
  role   = aws_iam_role.sfn.name
  policy = data.aws_iam_policy_document.eks.json
}
'''
    diags = run({"main.tf": JSONENCODE, "iam.tf": iam}, select=["IAM001"])
    missing = diags["main.tf"]
    assert len(missing) == 1 and "eks:DescribeCluster" in missing[0].message and "iam.tf" in missing[0].hint
    assert text_at(JSONENCODE, missing[0], 42) == '"arn:aws:states:::eks:deleteCluster.sync"'
    fixed = iam.replace('actions   = ["eks:DeleteCluster"]', 'actions   = ["eks:DeleteCluster", "eks:DescribeCluster"]')
    assert run({"main.tf": JSONENCODE, "iam.tf": fixed}, select=["IAM001"])["main.tf"] == []


def test_policies_linted_where_they_stand_with_hcl_positions():
    iam = ROLE + '''
data "aws_iam_policy_document" "eks" {
  statement {
    actions   = ["eks:DeleteCluster", "eks:DescribeClusterz"]
    resources = ["*"]
  }
}

resource "aws_iam_role_policy" "eks" {
  role   = aws_iam_role.sfn.id
  policy = data.aws_iam_policy_document.eks.json
}
'''
    diags = run({"main.tf": JSONENCODE, "iam.tf": iam}, select=["IAM042"])
    assert diags["main.tf"] == []
    typo = diags["iam.tf"]
    assert len(typo) == 1 and "eks:DescribeClusterz" in typo[0].message
    assert text_at(iam, typo[0], 22) == '"eks:DescribeClusterz"'
    # the same file without a state machine in its folder is not aslint's business
    assert run({"iam.tf": iam}, select=["IAM042"])["iam.tf"] == []


def test_aws_managed_policy_attachment_is_reported_as_not_checkable():
    attach = '''resource "aws_iam_role_policy_attachment" "admin" {
  role       = aws_iam_role.sfn.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}
'''
    text = ROLE + attach + JSONENCODE
    diags = run({"main.tf": text}, select=["TPL005", "IAM001"])["main.tf"]
    note = only(diags, "TPL005")
    assert len(note) == 1 and note[0].severity == "info" and "AdministratorAccess" in note[0].message
    assert "not checkable" in note[0].message
    assert text_at(text, note[0], 45) == '"arn:aws:iam::aws:policy/AdministratorAccess"'
    assert only(diags, "IAM001") == []  # the managed policy may grant it


HEREDOC = '''resource "aws_sfn_state_machine" "sm" {
  name     = "run-job"
  role_arn = var.role_arn
  definition = <<-EOT
    {
      "StartAt": "Run",
      "States": {
        "Run": {"Type": "Wait", "Next": "${var.next_state}", "Seconds": ${var.timeout}},
        "End": {"Type": "Succeed", "Shade": "blue"}
      }
    }
  EOT
}
'''


@pytest.mark.parametrize("marker", ["<<-EOT", "<<EOT"])
def test_heredoc_positions_inside_and_interpolations_unknown(marker):
    text = HEREDOC.replace("<<-EOT", marker)
    if marker == "<<EOT":
        text = text.replace("  EOT\n", "EOT\n")
    diags = run({"main.tf": text})["main.tf"]
    assert {d.code for d in diags if d.severity != "info"} == {"ASL101"}, [(d.code, d.message) for d in diags]
    shade = only(diags, "ASL101")[0]
    assert (shade.line, shade.column) == (9, 36) and text_at(text, shade, 7) == '"Shade"'
    assert shade.state == "End"


def test_quoted_string_definition_with_escapes():
    text = '''resource "aws_sfn_state_machine" "sm" {
  role_arn   = var.role_arn
  definition = "{\\"StartAt\\": \\"A\\", \\"States\\": {\\"A\\": {\\"Type\\": \\"Pass\\", \\"Next\\": \\"B\\"}}}"
}
'''
    diags = only(run({"main.tf": text})["main.tf"], "ASL201")
    assert len(diags) == 1 and text_at(text, diags[0], 5) == '\\"B\\"'


TEMPLATE = '''{
  "StartAt": "Run",
  "States": {
    "Run": {
      "Type": "Task",
      "Resource": "arn:aws:states:::eks:runJob.sync",
      "Parameters": {
        "ClusterName": "${cluster}",
        "CertificateAuthority": "${ca}",
        "Endpoint": "${endpoint}",
        "Namespace": "${namespace}",
        "Job": {"apiVersion": "batch/v1", "kind": "Job", "metadata": {"generateName": "j-"},
                "spec": {"template": {"spec": {"restartPolicy": "Never",
                  "containers": [{"name": "c", "image": "busybox"}]}}}}
      },
      "TimeoutSeconds": ${timeout},
      "Next": "Missing"
    }
  }
}
'''


@pytest.mark.parametrize("call", [
    'templatefile("${path.module}/sm/run.asl.json.tpl", { cluster = aws_eks_cluster.c.name, timeout = 600 })',
    'templatefile("sm/run.asl.json.tpl", {})',
])
def test_templatefile_is_linted_in_its_own_file_with_placeholders_unknown(call):
    main = f'''resource "aws_sfn_state_machine" "sm" {{
  role_arn   = var.role_arn
  definition = {call}
}}
'''
    diags = run({"main.tf": main}, workspace={"sm/run.asl.json.tpl": TEMPLATE})
    found = diags["main.tf"]
    wrong = [d for d in found if d.severity != "info"]
    assert [d.code for d in wrong] == ["ASL201"], [(d.code, d.message) for d in found]
    assert wrong[0].file.endswith("run.asl.json.tpl") and (wrong[0].line, wrong[0].column) == (17, 15)
    assert text_at(TEMPLATE, wrong[0], 9) == '"Missing"'


def test_file_function_and_local_indirection():
    main = '''locals {
  definition = file("${path.module}/machine.asl.json")
}

resource "aws_sfn_state_machine" "sm" {
  role_arn   = var.role_arn
  definition = local.definition
}
'''
    definition = '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "Nope"}}}\n'
    diags = [d for d in run({"main.tf": main}, workspace={"machine.asl.json": definition})["main.tf"] if d.code == "ASL201"]
    assert len(diags) == 1 and diags[0].file.endswith("machine.asl.json") and diags[0].column == 59
    assert definition[58:64] == '"Nope"'


def test_missing_file_is_an_error_at_the_call():
    main = '''resource "aws_sfn_state_machine" "sm" {
  role_arn   = var.role_arn
  definition = file("${path.module}/gone.json")
}
'''
    diags = only(run({"main.tf": main})["main.tf"], "TPL002")
    assert len(diags) == 1 and diags[0].severity == "error" and (diags[0].line, diags[0].column) == (3, 16)


def test_unknown_expressions_stay_quiet():
    main = '''resource "aws_sfn_state_machine" "sm" {
  name     = "${var.prefix}-machine"
  role_arn = module.roles.sfn_arn
  definition = jsonencode({
    StartAt = var.first
    States = {
      (var.first) = {
        Type           = "Task"
        Resource       = "arn:aws:states:::eks:runJob.sync"
        TimeoutSeconds = var.enabled ? 600 : 60
        Parameters = {
          ClusterName          = aws_eks_cluster.main.name
          CertificateAuthority = aws_eks_cluster.main.certificate_authority[0].data
          Endpoint             = aws_eks_cluster.main.endpoint
          Namespace            = local.namespace
          Job                  = local.job
        }
        Retry = [for e in var.errors : { ErrorEquals = [e] }]
        End   = true
      }
    }
  })
}
'''
    diags = run({"main.tf": main})["main.tf"]
    assert [d for d in diags if d.severity != "info"] == [], [(d.code, d.message) for d in diags]


def test_whole_definition_unknown_is_info_only():
    main = '''resource "aws_sfn_state_machine" "sm" {
  role_arn   = var.role_arn
  definition = var.definition
}
'''
    diags = run({"main.tf": main})["main.tf"]
    assert {d.code for d in diags} == {"TPL001", "TPL005"} and {d.severity for d in diags} == {"info"}


def test_bad_hcl_gets_a_parse_diagnostic_at_its_position():
    bad = '''resource "aws_sfn_state_machine" "sm" {
  role_arn   = var.role_arn
  definition = jsonencode({
    StartAt = "A"
    States = {
  })
}
'''
    diags = run({"main.tf": bad})["main.tf"]
    assert [(d.code, d.line, d.column) for d in diags] == [("ASL001", 6, 4)]  # the ")" where "}" was due
    assert diags[0].message.startswith("invalid HCL")


def test_tf_without_a_state_machine_is_skipped_silently():
    other = 'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n}\n'
    broken = 'resource "aws_s3_bucket" "b" {\n  bucket = \n}\n'
    from aslint.core.engine import RuleSet, Target, run as engine_run
    from aslint.core.workspace import Workspace

    files = {"s3.tf": other, "broken.tf": broken}
    targets = [Target(n, False, t.encode(), n) for n, t in files.items()]
    results = engine_run(targets, RuleSet(Settings()), workspace=Workspace(files, disk=False))
    assert [(r.display, r.recognized, r.diagnostics) for r in results] == [
        ("s3.tf", False, []), ("broken.tf", False, [])]


def test_missing_parser_names_the_extra(monkeypatch):
    from aslint.templates import hcl

    def missing():
        raise hcl.MissingParser("No module named 'hcl2'")

    monkeypatch.setattr(hcl, "_lark", missing)
    diags = run({"main.tf": JSONENCODE})["main.tf"]
    assert [d.code for d in diags] == ["ASL003"] and "aslint[terraform]" in diags[0].message


TF_JSON = r'''{
  "resource": {
    "aws_iam_role": {"sfn": {"name": "sfn", "assume_role_policy": "${data.aws_iam_policy_document.assume.json}"}},
    "aws_iam_role_policy": {
      "eks": {
        "role": "${aws_iam_role.sfn.id}",
        "policy": "${jsonencode({Version = \"2012-10-17\", Statement = [{Effect = \"Allow\", Action = [\"eks:DeleteCluster\"], Resource = \"arn:aws:eks:us-east-1:123456789012:cluster/demo\"}]})}"
      }
    },
    "aws_sfn_state_machine": {
      "sm": {
        "role_arn": "${aws_iam_role.sfn.arn}",
        "definition": "{\"StartAt\": \"Delete\", \"States\": {\"Delete\": {\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::eks:deleteCluster.sync\", \"Parameters\": {\"Name\": \"demo\"}, \"Next\": \"${var.next}\"}}}"
      }
    }
  }
}
'''


def test_tf_json_definition_string_and_jsonencode_policy_in_an_interpolation():
    diags = run({"main.tf.json": TF_JSON}, select=["IAM001", "ASL"])["main.tf.json"]
    assert [d.code for d in diags] == ["IAM001"], [(d.code, d.message) for d in diags]
    assert "eks:DescribeCluster" in diags[0].message
    assert text_at(TF_JSON, diags[0], 43) == r'\"arn:aws:states:::eks:deleteCluster.sync\"'
    broken = TF_JSON.replace(r'\"Next\": \"${var.next}\"', r'\"Next\": \"Gone\"')
    nxt = only(run({"main.tf.json": broken}, select=["ASL201"])["main.tf.json"], "ASL201")
    assert len(nxt) == 1 and text_at(broken, nxt[0], 8) == r'\"Gone\"'
    typo = TF_JSON.replace(r'[\"eks:DeleteCluster\"]', r'[\"eks:DeleteClusterz\"]')
    unknown = run({"main.tf.json": typo}, select=["IAM042"])["main.tf.json"]
    assert len(unknown) == 1 and text_at(typo, unknown[0], 22) == r'\"eks:DeleteClusterz\"'


def test_counted_role_and_attachment_by_index():
    text = ROLE.replace('resource "aws_iam_role" "sfn" {', 'resource "aws_iam_role" "sfn" {\n  count = 1') + '''
resource "aws_iam_policy" "eks" {
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "eks:DeleteCluster", Resource = "*" }]
  })
}

resource "aws_iam_role_policy_attachment" "eks" {
  role       = aws_iam_role.sfn[0].name
  policy_arn = aws_iam_policy.eks.arn
}
''' + JSONENCODE.replace("aws_iam_role.sfn.arn", "aws_iam_role.sfn[0].arn")
    diags = run({"main.tf": text}, select=["IAM001", "TPL005"])["main.tf"]
    assert [d.code for d in diags] == ["IAM001"] and "eks:DescribeCluster" in diags[0].message


def test_the_documented_example_gives_the_documented_finding():
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[2] / "docs" / "templates.md").read_text()

    def block(title):
        start = doc.index("```hcl " + title)
        start = doc.index("\n", start) + 1
        return doc[start:doc.index("```", start)]

    iam = ROLE + block("infra/iam.tf")
    diags = run({"infra/main.tf": block("infra/main.tf"), "infra/iam.tf": iam})
    assert [(d.code, d.line, d.column) for d in diags["infra/main.tf"]] == [("IAM001", 9, 22)]
    shown = diags["infra/main.tf"][0]
    assert f"infra/main.tf:9:22: IAM001 {shown.message} [{shown.state}]\n  help: {shown.hint}\n" in doc
    assert diags["infra/iam.tf"] == []


def test_unknown_policy_values_stay_quiet():
    iam = ROLE + '''
data "aws_iam_policy_document" "eks" {
  statement {
    actions   = var.actions
    resources = [for c in var.clusters : c.arn]
    condition {
      test     = var.test
      variable = "aws:RequestedRegion"
      values   = [var.region]
    }
  }
}

resource "aws_iam_role_policy" "eks" {
  role   = aws_iam_role.sfn.id
  policy = data.aws_iam_policy_document.eks.json
}
'''
    diags = run({"main.tf": JSONENCODE, "iam.tf": iam}, select=["IAM"])
    assert [d for ds in diags.values() for d in ds if d.severity != "info"] == [], \
        [(d.code, d.message) for ds in diags.values() for d in ds]


def test_oversized_and_hostile_sources_are_bounded(monkeypatch):
    from aslint.templates import terraform_model

    monkeypatch.setattr(terraform_model, "MAX_HCL_BYTES", 2000)
    big = JSONENCODE + "# " + "x" * 3000 + "\n"
    diags = run({"main.tf": big})["main.tf"]
    assert [d.code for d in diags] == ["ASL003"] and "limit" in diags[0].message
    monkeypatch.undo()
    deep = 'resource "aws_sfn_state_machine" "m" {\n  definition = ' + "[" * 400 + "]" * 400 + "\n}\n"
    assert [d.code for d in run({"main.tf": deep})["main.tf"]] == ["ASL001"]
    unclosed = ('resource "aws_sfn_state_machine" "m" {\n  role_arn = var.r\n  definition = <<EOT\n'
                + "${" * 50000 + "\nEOT\n}\n")
    diags = run({"main.tf": unclosed})["main.tf"]  # scanned once: an unclosed ${ ends interpolations
    assert [d.code for d in diags if d.code != "TPL005"] == ["TPL003"]


def test_public_shapes_lint_without_a_false_error():
    """Modules shaped like public Step Functions examples (fixtures/terraform-sources/MANIFEST.tsv):
    no error, every definition read, and the role's policies really paired."""
    from tpl_helpers import FIXTURES, run_paths

    folder = FIXTURES / "terraform-sources"
    paths = sorted(p for p in folder.rglob("*") if p.suffix in (".tf", ".json"))
    results = run_paths(paths)
    diags = [d for r in results for d in r.diagnostics]
    assert [d for d in diags if d.severity != "info"] == [], [(d.file, d.code, d.message) for d in diags]
    linted = {r.display.split("terraform-sources/")[-1]: r.kinds for r in results if r.recognized}
    assert {"eks-call/main.tf", "file-definition/config.tf", "heredoc-literal-role/sfn.tf",
            "module-internals/main.tf", "templatefile-batch/main.tf"} <= set(linted)
    assert {d.code for d in diags} == {"TPL001", "TPL005"}  # var.definition, roles from elsewhere
    # the Batch pipeline's definition is read from its template, paired with the role's policy
    from aslint.core.engine import lint_file

    docs = lint_file(str(folder / "templatefile-batch" / "main.tf"), ruleset(), explicit=True).documents
    (machine,) = [d for d in docs if d.kind == "asl"]
    assert machine.root().path.endswith("etl.json.tmpl")
    assert machine.data["States"]["Submit"]["Retry"][0]["MaxAttempts"] == 3  # a templatefile var, substituted
    assert machine.data["States"]["Submit"]["Parameters"]["JobQueue"] == "${batch_job_queue_arn}"
    assert machine.context["role_resource"] == "aws_iam_role.sfn" and machine.context["role_policies_complete"]
    (policy,) = machine.context["role_policies"]
    assert policy.data["Statement"][1]["Action"][2] == "events:DescribeRule"


def test_policy_document_data_source_read_as_a_policy_with_positions():
    from aslint.templates.terraform_iam import data_source_document
    from aslint.templates.terraform_model import parse_file

    text = '''data "aws_iam_policy_document" "p" {
  statement {
    sid           = "NoDelete"
    effect        = "Deny"
    not_actions   = ["eks:Describe*"]
    not_resources = ["arn:aws:eks:*:*:cluster/keep"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:root"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:RequestedRegion"
      values   = ["eu-west-1"]
    }
  }
}
'''
    model = parse_file("p.tf", text)
    (block,) = model.data_sources("aws_iam_policy_document")
    doc = data_source_document(model, block)
    assert doc.data == {"Version": "2012-10-17", "Statement": [{
        "Sid": "NoDelete", "Effect": "Deny", "NotAction": ["eks:Describe*"],
        "NotResource": ["arn:aws:eks:*:*:cluster/keep"], "Principal": {"AWS": ["arn:aws:iam::111122223333:root"]},
        "Condition": {"StringEquals": {"aws:RequestedRegion": ["eu-west-1"]}}}]}

    def at(pointer, target="value"):
        line, col, end_line, end_col = doc.locate(pointer, target)
        assert line == end_line
        return text.splitlines()[line - 1][col - 1:end_col - 1]

    assert at("/Statement/0/NotAction/0") == '"eks:Describe*"'
    assert at("/Statement/0/NotAction", "key") == "not_actions"
    assert at("/Statement/0/Condition/StringEquals/aws:RequestedRegion") == '["eu-west-1"]'
    assert at("/Statement/0/Principal/AWS/0") == '"arn:aws:iam::111122223333:root"'
    assert at("/Statement/0/Effect") == '"Deny"'
