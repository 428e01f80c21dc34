"""Time and peak memory of ``aslint check`` on hostile inputs (the bounds of docs/hostile-input.md).

    python3 benchmarks/hostile.py [NAME ...]          # every case, or the named ones
    ASLINT_SOURCE=/other/checkout python3 benchmarks/hostile.py   # the same inputs on another tree

Each case writes its input to a temporary folder, runs aslint once as a separate process and
prints wall time, peak RSS (from the kernel's rusage of that process) and the exit status, so a
regression to a quadratic or exponential path shows as seconds and gigabytes. Nothing here is a
test: the timed figures go in the report, the tests assert behaviour only.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LIMIT_S = int(os.environ.get("ASLINT_HOSTILE_LIMIT", "120"))


def _bomb(levels=9, width=9, indent=""):
    lines = [f'{indent}a0: &a0 ["lol"]']
    for i in range(1, levels):
        lines.append(f"{indent}a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * width) + "]")
    return "\n".join(lines) + "\n"


def _definition(states: dict) -> dict:
    return {"StartAt": next(iter(states)), "States": states}


def _create_cluster(role_arn: str) -> dict:
    return _definition({"C": {"Type": "Task", "Resource": "arn:aws:states:::eks:createCluster.sync",
                              "Parameters": {"Name": "c", "RoleArn": role_arn,
                                             "ResourcesVpcConfig": {"SubnetIds": ["subnet-1", "subnet-2"]}},
                              "End": True}})


def case_yaml_bomb_padded(folder):
    _write(folder, "bomb.asl.yaml", "# " + "x" * 1_000_000 + "\n" + _bomb())
    return ["bomb.asl.yaml"], []


def case_mapRoles_40_bombs(folder):
    inner = _bomb(levels=6, indent="    ")
    docs = "".join("---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: aws-auth\n  namespace: kube-system\n"
                   f"data:\n  mapRoles: |\n{inner}" for _ in range(40))
    _write(folder, "aws-auth.yaml", docs)
    return ["aws-auth.yaml"], []


def case_complex_keys(folder):
    _write(folder, "keys.asl.yaml", _bomb() + "m:\n" + "".join(f"  ? [*a8, {i}]\n  : {i}\n" for i in range(2000)))
    return ["keys.asl.yaml"], []


def case_iam_glob(folder):
    policy = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "eks:" + "*?" * 12 + "Q",
                                                      "Resource": "arn:aws:eks:*:*:" + "*?" * 12 + "Q"}]}
    _write(folder, "policy.json", json.dumps(policy))
    _write(folder, "flow.asl.json", json.dumps(_create_cluster("arn:aws:iam::111122223333:role/r")))
    return ["flow.asl.json", "policy.json"], ["--role-policy", "policy.json"]


def case_template_tokens(folder):
    template = {"Resources": {"M": {"Type": "AWS::StepFunctions::StateMachine", "Properties": {
        "DefinitionString": {"Fn::Sub": '{"StartAt": "A", "Comment": "' + "${" * 300_000 + '", "States": {"A": {"Type": "Succeed"}}}'}}}}}
    _write(folder, "template.json", json.dumps(template))
    return ["template.json"], []


def case_multi_document_yaml(folder):
    _write(folder, "roles.yaml", "".join(
        f"---\napiVersion: rbac.authorization.k8s.io/v1beta1\nkind: Role\nmetadata:\n  name: r{i}\n  namespace: jobs\n"
        "rules:\n  - apiGroups: [batch]\n    resources: [jobs]\n    verbs: [create]\n" for i in range(5000)))
    return ["roles.yaml"], []


def case_one_role_many_definitions(folder):
    statements = [{"Effect": "Allow", "Action": f"eks:Describe{i}", "Resource": "*"} for i in range(20)]
    resources = {"Role": {"Type": "AWS::IAM::Role", "Properties": {"Policies": [
        {"PolicyName": "p", "PolicyDocument": {"Version": "2012-10-17", "Statement": statements}}]}}}
    for i in range(3000):
        resources[f"M{i}"] = {"Type": "AWS::StepFunctions::StateMachine", "Properties": {
            "RoleArn": {"Fn::GetAtt": ["Role", "Arn"]}, "Definition": _create_cluster("arn:aws:iam::111122223333:role/r")}}
    _write(folder, "template.json", json.dumps({"Resources": resources}))
    return ["template.json"], []


def case_jsonpath_union(folder):
    union = "$[" + ",".join(f"'k{i}'" for i in range(20_000)) + "]"
    deep = "$" + ".a" * 50_000 + "..b"
    states = {"A": {"Type": "Pass", "InputPath": union, "Next": "B"}, "B": {"Type": "Pass", "OutputPath": deep, "End": True}}
    _write(folder, "paths.asl.json", json.dumps(_definition(states)))
    return ["paths.asl.json"], []


def case_long_role_arn(folder):
    _write(folder, "long.asl.json", json.dumps(_create_cluster("arn:aws:iam::111122223333:role/" + "r" * 200_000)))
    return ["long.asl.json"], []


def case_long_key(folder):
    _write(folder, "key.asl.json", json.dumps(_definition({"A": {"Type": "Pass", "End": True, "K" * 4_000_000: 1}})))
    return ["key.asl.json"], []


def case_brackets_in_comment(folder):
    _write(folder, "aws-auth.yaml", "# " + "[" * 130 + "\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: aws-auth\n"
           "  namespace: kube-system\ndata:\n  mapRoles: |\n    - rolearn: arn:aws:iam::111122223333:role/service-role/X\n"
           "      username: x\n      groups:\n        - system:masters\n")
    return ["aws-auth.yaml"], []


def case_big_integer(folder):
    _write(folder, "int.asl.json", '{"StartAt": "A", "States": {"A": {"Type": "Wait", "Seconds": %s, "End": true}}}' % ("9" * 100_000))
    return ["int.asl.json"], []


def case_stdin_over_cap(folder):
    return ["-"], ["--stdin-filename", "flow.asl.json"], 60 * 1024 * 1024


def case_many_jobs(folder):
    for i in range(20):
        _write(folder, f"f{i}.asl.json", json.dumps(_create_cluster("arn:aws:iam::111122223333:role/r")))
    return ["."], ["-j", "100000"]


def _write(folder, name, text):
    with open(os.path.join(folder, name), "w", encoding="utf-8") as handle:
        handle.write(text)


CASES = {name[5:].replace("_", "-"): fn for name, fn in globals().items() if name.startswith("case_")}


def measure(name: str, source: str) -> dict:
    with tempfile.TemporaryDirectory(prefix="aslint-hostile-") as folder:
        spec = CASES[name](folder)
        paths, args = spec[0], spec[1]
        stdin_bytes = spec[2] if len(spec) > 2 else 0
        env = {**os.environ, "PYTHONPATH": source}
        cmd = [sys.executable, "-m", "aslint", "check", "--isolated", "--format", "json", *args, *paths]
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=folder, env=env, stdin=subprocess.PIPE if stdin_bytes else subprocess.DEVNULL,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        try:
            out, err = proc.communicate(input=b"x" * stdin_bytes if stdin_bytes else None, timeout=LIMIT_S)
            status = proc.returncode
        except subprocess.TimeoutExpired:
            proc.kill()
            out, err = proc.communicate()
            status = "timeout"
        elapsed = time.perf_counter() - start
        rss = _peak_rss_mb()
        try:
            codes = sorted({d["code"] for d in json.loads(out)["diagnostics"]})
        except ValueError:
            codes = [(err.decode("utf-8", "replace").strip().splitlines() or ["?"])[-1][:100]]
        return {"case": name, "seconds": round(elapsed, 2), "peak_rss_mb": rss, "exit": status, "codes": codes}


def _peak_rss_mb():
    import resource

    # RUSAGE_CHILDREN holds the largest peak of any waited-for child, so each case runs in a
    # measuring process of its own (see main) and the figure is that case's aslint process
    return round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1)


def main(argv) -> int:
    source = os.environ.get("ASLINT_SOURCE", ROOT)
    names = argv or list(CASES)
    if len(names) > 1:  # one measuring process per case, so peaks do not mask each other
        for name in names:
            subprocess.call([sys.executable, os.path.abspath(__file__), name], env={**os.environ, "ASLINT_SOURCE": source})
        return 0
    print(json.dumps(measure(names[0], source)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
