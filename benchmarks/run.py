#!/usr/bin/env python3
"""aslint benchmark: generate inputs, install peer tools, time everything, print a table.

    python3 benchmarks/run.py              # full run: every input, 5 runs each, all peers it can install
    python3 benchmarks/run.py --quick      # 1 run, only the small file, 500 files and 5,000 states
    python3 benchmarks/run.py --runs 9 --cfn-lint --profile --markdown benchmarks/_work/results.md

Everything it writes goes to benchmarks/_work/ (git-ignored): generated inputs (inputs/),
the npm peers (npm/), a venv with the PyPI peers (venv/), per-run logs (logs/) and profiles
(profile/). It is a benchmark, not a test: it always exits 0 unless it cannot run at all.

Each command runs as a child process exactly as a user would run it; wall time is measured
around the child, peak RSS is the child's ``ru_maxrss`` from ``os.wait4`` (its own rusage, so it
includes what the child waited for but no other process). Tools run alternately with aslint
(aslint, peer, aslint, peer, ...) after one untimed warm-up run each, and the median is shown.
See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
WORK = HERE / "_work"
INPUTS = WORK / "inputs"
LOGS = WORK / "logs"
PROFILE = WORK / "profile"
NPM = WORK / "npm"
VENV = WORK / "venv"

PEER_TIMEOUT = 600.0      # seconds for one run of any tool
SLOW_PEER = 120.0         # a peer slower than this on an input gets no further runs on it

# --------------------------------------------------------------------------------------------
# Input generator (used when benchmarks/generate.py does not provide eks_definition)
# --------------------------------------------------------------------------------------------

ACCOUNT = "123456789012"
REGION = "us-east-1"
SUBNETS = [f"subnet-0{a}{b}c3d4e5f6a7b8c9" for a in "abcdef" for b in "0123"]


def _retry(*errors, attempts=3):
    return [{"ErrorEquals": list(errors), "IntervalSeconds": 30, "MaxAttempts": attempts, "BackoffRate": 2.0}]


def _catch(next_state, *errors, result_path="$.error"):
    return [{"ErrorEquals": list(errors) or ["States.ALL"], "ResultPath": result_path, "Next": next_state}]


def _cluster_block(rng: random.Random, p: str, nxt: str, *, fanout: bool = True) -> dict:
    """One cluster's lifecycle, prefixed ``p``: 13 states with the fan-out (9 top-level + 4
    nested in a Parallel and a Map), 9 without. Every path ends in ``Delete cluster`` -> ``nxt``."""
    ver = rng.choice(["1.29", "1.30", "1.31"])
    subnets = rng.sample(SUBNETS, 2)
    job_name = f"job-{p.lower().strip().replace(' ', '-') or rng.randint(0, 999)}"
    image = f"{ACCOUNT}.dkr.ecr.{REGION}.amazonaws.com/batch:{rng.randint(1, 999)}"
    eks_conn = {"ClusterName.$": "$.cfg.name", "CertificateAuthority.$": "$.eks.ca", "Endpoint.$": "$.eks.endpoint"}
    s: dict = {}
    s[f"{p}Prepare"] = {
        "Type": "Pass",
        "Comment": "Name the cluster after the execution",
        "Parameters": {
            "name.$": f"States.Format('bench-{{}}-{p.strip().lower()}', States.ArrayGetItem(States.StringSplit($$.Execution.Name, '-'), 0))",
            "token.$": "States.UUID()",
            "nodes.$": f"States.MathAdd($.baseNodes, {rng.randint(1, 4)})",
            "tags.$": "States.JsonMerge($.defaultTags, States.StringToJson('{\"team\":\"bench\"}'), false)",
        },
        "ResultPath": "$.cfg",
        "Next": f"{p}Create cluster",
    }
    s[f"{p}Create cluster"] = {
        "Type": "Task",
        "Resource": "arn:aws:states:::eks:createCluster.sync",
        "Parameters": {
            "Name.$": "$.cfg.name",
            "Version": ver,
            "RoleArn": f"arn:aws:iam::{ACCOUNT}:role/eks-cluster-role",
            "ResourcesVpcConfig": {"SubnetIds": subnets, "EndpointPublicAccess": False, "EndpointPrivateAccess": True},
            "Logging": {"ClusterLogging": [{"Types": ["api", "audit"], "Enabled": True}]},
            "ClientRequestToken.$": "$.cfg.token",
        },
        "ResultSelector": {"endpoint.$": "$.Cluster.Endpoint", "ca.$": "$.Cluster.CertificateAuthority.Data"},
        "ResultPath": "$.eks",
        "TimeoutSeconds": 3600,
        "Retry": _retry("EKS.ServiceUnavailableException", "EKS.ServerException"),
        "Catch": _catch(f"{p}Delete cluster"),
        "Next": f"{p}Create nodegroup",
    }
    s[f"{p}Create nodegroup"] = {
        "Type": "Task",
        "Resource": "arn:aws:states:::eks:createNodegroup.sync",
        "Parameters": {
            "ClusterName.$": "$.cfg.name",
            "NodegroupName": "workers",
            "NodeRole": f"arn:aws:iam::{ACCOUNT}:role/eks-node-role",
            "Subnets": subnets,
            "InstanceTypes": [rng.choice(["m5.large", "m6i.xlarge", "c6i.2xlarge"])],
            "ScalingConfig": {"MinSize": 1, "MaxSize": 4, "DesiredSize": 2},
        },
        "ResultPath": "$.nodegroup",
        "Retry": _retry("EKS.ServiceUnavailableException"),
        "Catch": _catch(f"{p}Delete nodegroup"),
        "Next": f"{p}Choose",
    }
    choices = [
        {"Variable": "$.mode", "StringEquals": "batch", "Next": f"{p}Run job"},
        {"And": [{"Variable": "$.mode", "StringEquals": "probe"},
                 {"Variable": "$.cfg.nodes", "NumericGreaterThanEquals": rng.randint(1, 3)}],
         "Next": f"{p}Fan out" if fanout else f"{p}Call API"},
    ]
    s[f"{p}Choose"] = {"Type": "Choice", "Choices": choices,
                       "Default": f"{p}Map jobs" if fanout else f"{p}Delete nodegroup"}
    job = {
        "apiVersion": "batch/v1",
        "kind": "Job",
        "metadata": {"name": job_name, "namespace": "default"},
        "spec": {
            "backoffLimit": 0,
            "template": {
                "spec": {
                    "restartPolicy": "Never",
                    "containers": [{
                        "name": "main",
                        "image": image,
                        "command": ["/bin/run", "--shard", str(rng.randint(0, 63))],
                        "resources": {"requests": {"cpu": "500m", "memory": "512Mi"}},
                    }],
                }
            },
        },
    }
    s[f"{p}Run job"] = {
        "Type": "Task",
        "Resource": "arn:aws:states:::eks:runJob.sync",
        "Parameters": {**eks_conn, "Namespace": "default", "Job": job},
        "ResultSelector": {"status.$": "$.ResponseBody.status"},
        "ResultPath": "$.job",
        "TimeoutSeconds": 7200,
        "HeartbeatSeconds": 600,
        "Retry": _retry("States.TaskFailed", attempts=2),
        "Catch": _catch(f"{p}Delete nodegroup"),
        "Next": f"{p}Delete nodegroup",
    }
    call = {
        "Type": "Task",
        "Resource": "arn:aws:states:::eks:call",
        "Parameters": {**eks_conn, "Method": "GET", "Path": "/api/v1/namespaces/default/pods",
                       "QueryParameters": {"labelSelector": [f"job-name={job_name}"], "limit": ["100"]}},
        "ResultSelector": {"pods.$": "$.ResponseBody.items[*].metadata.name"},
        "ResultPath": "$.pods",
    }
    if fanout:
        s[f"{p}Fan out"] = {
            "Type": "Parallel",
            "Branches": [
                {"StartAt": f"{p}Call API", "States": {f"{p}Call API": {**call, "End": True}}},
                {"StartAt": f"{p}Wait a bit", "States": {
                    f"{p}Wait a bit": {"Type": "Wait", "Seconds": rng.randint(5, 60), "Next": f"{p}Note"},
                    f"{p}Note": {"Type": "Pass", "Result": {"waited": True}, "ResultPath": "$.note", "End": True},
                }},
            ],
            "ResultSelector": {"pods.$": "$[0].pods"},
            "ResultPath": "$.probe",
            "Catch": _catch(f"{p}Delete nodegroup"),
            "Next": f"{p}Delete nodegroup",
        }
        s[f"{p}Map jobs"] = {
            "Type": "Map",
            "ItemsPath": "$.jobs",
            "MaxConcurrency": 2,
            "ItemSelector": {"shard.$": "$$.Map.Item.Value", "cfg.$": "$.cfg", "eks.$": "$.eks"},
            "ItemProcessor": {
                "ProcessorConfig": {"Mode": "INLINE"},
                "StartAt": f"{p}Map job",
                "States": {f"{p}Map job": {
                    "Type": "Task",
                    "Resource": "arn:aws:states:::eks:runJob.sync",
                    "Parameters": {**eks_conn, "Namespace": "default", "Job": copy.deepcopy(job),
                                   "LogOptions": {"RetrieveLogs": False}},
                    "ResultSelector": {"status.$": "$.ResponseBody.status"},
                    "Retry": _retry("States.TaskFailed", attempts=2),
                    "End": True,
                }},
            },
            "ResultPath": "$.mapped",
            "Catch": _catch(f"{p}Delete nodegroup"),
            "Next": f"{p}Delete nodegroup",
        }
    else:
        s[f"{p}Call API"] = {**call, "Catch": _catch(f"{p}Delete nodegroup"), "Next": f"{p}Delete nodegroup"}
    s[f"{p}Delete nodegroup"] = {
        "Type": "Task",
        "Resource": "arn:aws:states:::eks:deleteNodegroup.sync",
        "Parameters": {"ClusterName.$": "$.cfg.name", "NodegroupName": "workers"},
        "ResultPath": None,
        "Retry": _retry("EKS.ResourceInUseException", "EKS.ServiceUnavailableException", attempts=5),
        "Catch": _catch(f"{p}Delete cluster", result_path="$.deleteError"),
        "Next": f"{p}Delete cluster",
    }
    s[f"{p}Delete cluster"] = {
        "Type": "Task",
        "Resource": "arn:aws:states:::eks:deleteCluster.sync",
        "Parameters": {"Name.$": "$.cfg.name"},
        "ResultPath": None,
        "Retry": _retry("EKS.ResourceInUseException", "EKS.ServiceUnavailableException", attempts=6),
        "Next": nxt,
    }
    return s


def small_definition(seed: int = 0) -> dict:
    """A 9-state EKS definition: create cluster, nodegroup, choice, job or API call, delete both."""
    rng = random.Random(seed)
    states = _cluster_block(rng, "", "Done", fanout=False)
    states["Done"] = {"Type": "Succeed"}
    return {"Comment": f"Small EKS job #{seed}", "StartAt": "Prepare", "States": states}


def generate_definition(n_states: int, seed: int = 1, pad_bytes: int = 0) -> dict:
    """A definition of exactly ``n_states`` states (nested ones included): chained 13-state cluster
    lifecycles (Pass + intrinsics, createCluster.sync, createNodegroup.sync, Choice fan-out to
    runJob.sync / Parallel(eks:call | Wait, Pass) / Map(runJob.sync), deleteNodegroup.sync,
    deleteCluster.sync, with Retry/Catch), then Pass/Wait filler, then Succeed.
    ``pad_bytes`` adds that much text to each job's environment (for the ~1 MB input)."""
    rng = random.Random(seed)
    n_blocks = max(0, (n_states - 1) // 13)
    filler = n_states - 1 - 13 * n_blocks
    states: dict = {}
    names = [f"C{i:05d} " for i in range(n_blocks)]
    tail = "Filler 0" if filler else "Done"
    for i, p in enumerate(names):
        nxt = names[i + 1] + "Prepare" if i + 1 < n_blocks else tail
        block = _cluster_block(rng, p, nxt)
        if pad_bytes:
            for st in (block[f"{p}Run job"], block[f"{p}Map jobs"]["ItemProcessor"]["States"][f"{p}Map job"]):
                c = st["Parameters"]["Job"]["spec"]["template"]["spec"]["containers"][0]
                c["env"] = [{"name": f"SETTING_{k}", "value": "".join(rng.choices("abcdefghijklmnopqrstuvwxyz0123456789", k=64))}
                            for k in range(max(1, pad_bytes // 2 // 100))]
        states.update(block)
    for k in range(filler):
        nxt = f"Filler {k + 1}" if k + 1 < filler else "Done"
        if k % 2:
            states[f"Filler {k}"] = {"Type": "Wait", "Seconds": 1, "Next": nxt}
        else:
            states[f"Filler {k}"] = {"Type": "Pass", "Result": {"k": k}, "ResultPath": "$.filler", "Next": nxt}
    states["Done"] = {"Type": "Succeed"}
    start = names[0] + "Prepare" if names else ("Filler 0" if filler else "Done")
    return {"Comment": f"Generated EKS benchmark definition, {n_states} states", "StartAt": start,
            "TimeoutSeconds": 86400, "States": states}


def count_states(defn: dict) -> int:
    n = 0
    for st in defn.get("States", {}).values():
        n += 1
        for br in st.get("Branches", []) or []:
            n += count_states(br)
        for key in ("ItemProcessor", "Iterator"):
            if isinstance(st.get(key), dict):
                n += count_states(st[key])
    return n


def _float_backoff(node) -> None:
    """BackoffRate 2 -> 2.0 in place: the PyPI statelint rejects an integer BackoffRate ("should be
    a Float"; Step Functions takes either), and a peer that rejects the input would stop early."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "BackoffRate" and isinstance(value, int) and not isinstance(value, bool):
                node[key] = float(value)
            else:
                _float_backoff(value)
    elif isinstance(node, list):
        for item in node:
            _float_backoff(item)


def _dense_generator():
    """benchmarks/generate.py's dense_definition(n_states): chained 10-state cluster lifecycles."""
    sys.path.insert(0, str(HERE))
    try:
        from generate import dense_definition  # type: ignore
    finally:
        sys.path.pop(0)
    return dense_definition


def _external_generator():
    """benchmarks/generate.py's eks_definition(n_states, n_clusters), when it exists."""
    if not (HERE / "generate.py").exists():
        return None
    sys.path.insert(0, str(HERE))
    try:
        from generate import eks_definition  # type: ignore
    except Exception as exc:  # noqa: BLE001 - anything wrong there: use ours
        print(f"note: benchmarks/generate.py is there but eks_definition could not be imported ({exc}); using run.py's generator")
        return None
    finally:
        sys.path.pop(0)
    return eks_definition


# --------------------------------------------------------------------------------------------
# Inputs
# --------------------------------------------------------------------------------------------

@dataclass
class Input:
    key: str            # small, files500, s2000, s5000, s10000, mb1
    label: str
    paths: list         # list[Path]
    states: int = 0
    size: int = 0       # bytes, all files
    generator: str = ""


def _rel(path) -> str:
    """``path`` relative to the repository when it is inside it (for messages)."""
    try:
        return str(Path(path).resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def _write(path: Path, defn: dict) -> int:
    text = json.dumps(defn, indent=2) + "\n"
    path.write_text(text, encoding="utf-8")
    return len(text.encode())


def make_inputs(keys, generator_choice: str) -> dict:
    INPUTS.mkdir(parents=True, exist_ok=True)
    ext = _external_generator() if generator_choice != "own" else None
    out: dict = {}

    def big(n, seed):
        if ext is not None:
            try:
                d = ext(n, max(1, n // 100))  # 100 states a cluster, as generate.py's own CLI (5,000 / 50)
                _float_backoff(d)
                return d, f"benchmarks/generate.py eks_definition({n}, {max(1, n // 100)}), BackoffRate as float"
            except Exception as exc:  # noqa: BLE001
                print(f"note: generate.eks_definition({n}, …) failed ({exc}); using run.py's generator")
        return generate_definition(n, seed), "run.py generate_definition"

    if "small" in keys:
        p = INPUTS / "small.asl.json"
        d = small_definition(0)
        size = _write(p, d)
        out["small"] = Input("small", f"small ({count_states(d)} states)", [p], count_states(d), size, "run.py small_definition")
    if "files500" in keys:
        folder = INPUTS / "files500"
        folder.mkdir(exist_ok=True)
        paths, size = [], 0
        for i in range(500):
            p = folder / f"sm{i:03d}.asl.json"
            size += _write(p, small_definition(i))
            paths.append(p)
        out["files500"] = Input("files500", "500 small files", paths, 9 * 500, size, "run.py small_definition")
    for key, n in (("s2000", 2000), ("s5000", 5000), ("s10000", 10000)):
        if key in keys:
            p = INPUTS / f"states{n}.asl.json"
            d, how = big(n, n)
            size = _write(p, d)
            out[key] = Input(key, f"{count_states(d):,} states", [p], count_states(d), size, how)
    if "s5000dense" in keys:
        # run.py's own generator: every 13-state unit is a cluster lifecycle with 7 EKS tasks,
        # so EKS parameter validation and lifecycle analysis weigh more than in generate.py's
        # (mostly Lambda work chains); only in the full run when generate.py made s5000.
        if ext is not None or "s5000" not in keys:
            p = INPUTS / "states5000-dense.asl.json"
            d = generate_definition(5000, 5000)
            size = _write(p, d)
            out["s5000dense"] = Input("s5000dense", f"{count_states(d):,} states EKS-dense", [p], count_states(d), size,
                                      "run.py generate_definition")
    for key, n in (("dense5000", 5000), ("dense10000", 10000)):
        if key in keys:
            # the EKS-dense inputs: n // 10 cluster lifecycles of 10 states, 7 EKS tasks each
            p = INPUTS / f"dense{n}.asl.json"
            d = _dense_generator()(n)
            size = _write(p, d)
            out[key] = Input(key, f"EKS-dense {n:,} states", [p], count_states(d), size,
                             f"benchmarks/generate.py dense_definition({n}): {n // 10} lifecycles of 10 states")
    if "mb1" in keys:
        # ~1 MB (the Step Functions definition quota is 1,048,576 bytes): 1,000 states whose jobs
        # carry long environment lists; stays just under the quota so ASL011 does not fire.
        p = INPUTS / "mb1.asl.json"
        lo, hi = 0, 4000
        d = None
        while lo < hi:  # largest padding that keeps the file under 1,000,000 bytes
            mid = (lo + hi + 1) // 2
            cand = generate_definition(1000, 7, pad_bytes=mid)
            if len(json.dumps(cand, indent=2)) + 1 <= 1_000_000:
                lo, d = mid, cand
            else:
                hi = mid - 1
        d = d or generate_definition(1000, 7)
        size = _write(p, d)
        out["mb1"] = Input("mb1", f"~1 MB ({count_states(d):,} states)", [p], count_states(d), size, "run.py generate_definition (padded)")
    return out


# --------------------------------------------------------------------------------------------
# Tools
# --------------------------------------------------------------------------------------------

@dataclass
class Tool:
    name: str
    argv: list                      # prefix; file paths are appended
    per_file_flag: str = ""         # e.g. "--json-path": each path preceded by it
    note: str = ""
    env: dict = field(default_factory=dict)

    def command(self, paths) -> list:
        argv = list(self.argv)
        for p in paths:
            if self.per_file_flag:
                argv.append(self.per_file_flag)
            argv.append(str(p))
        return argv


def _run_quiet(argv, log: Path, timeout=900) -> bool:
    with open(log, "ab") as fh:
        fh.write(("\n$ " + " ".join(map(str, argv)) + "\n").encode())
        fh.flush()
        try:
            return subprocess.run(argv, stdout=fh, stderr=subprocess.STDOUT, timeout=timeout).returncode == 0
        except (OSError, subprocess.TimeoutExpired) as exc:
            fh.write(f"failed: {exc}\n".encode())
            return False


def aslint_tool() -> Tool:
    """The installed ``aslint`` entry point when it runs this checkout's code (the one beside the
    Python running this script first, so that ``VENV/bin/python benchmarks/run.py`` times that
    virtual environment, as the peers are timed in theirs), else python3 -m aslint."""
    env = {}
    beside = Path(sys.executable).parent / "aslint"
    exe = str(beside) if beside.is_file() else shutil.which("aslint")
    note = ""
    if exe:
        real = exe
        try:
            head = Path(exe).read_text(errors="replace")[:4000]
        except OSError:
            head = ""
        if "pyenv" in head and "exec" in head:  # a pyenv shim: bash + pyenv before Python starts
            r = subprocess.run(["pyenv", "which", "aslint"], capture_output=True, text=True)
            if r.returncode == 0 and r.stdout.strip():
                real = r.stdout.strip()
                note = f" (pyenv shim {exe} resolved to {real}; the shim itself costs extra, see 'aslint via shim')"
        # which Python does the entry point use, and does it import this checkout?
        first = Path(real).read_text(errors="replace").splitlines()[0] if Path(real).exists() else ""
        py = first[2:].strip().split()[0] if first.startswith("#!") else ""
        if py:
            r = subprocess.run([py, "-c", "import aslint, os; print(os.path.dirname(aslint.__file__))"],
                               capture_output=True, text=True, cwd=str(WORK))
            if r.returncode == 0 and Path(r.stdout.strip()).resolve() == (ROOT / "aslint").resolve():
                return Tool("aslint", [real, "check", "--exit-zero"], note="entry point " + real + note)
            note = f" (the entry point {real} does not run this checkout: {r.stdout.strip() or r.stderr.strip()[:80]})"
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")
    return Tool("aslint", [sys.executable, "-m", "aslint", "check", "--exit-zero"],
                note=f"{sys.executable} -m aslint" + note, env=env)


def install_peers(want_cfn: bool, want_npm: bool = True) -> tuple[list, list]:
    """(tools, notes). Installs what it can; a peer that cannot be installed is skipped with a note."""
    WORK.mkdir(parents=True, exist_ok=True)
    LOGS.mkdir(parents=True, exist_ok=True)
    tools, notes = [], []
    npm = shutil.which("npm")
    node = shutil.which("node")
    if not want_npm:
        notes.append("asl-validator, @wmfs/statelint: not run (--peers statelint)")
    elif npm and node:
        for pkg, binname in (("asl-validator", "asl-validator"), ("@wmfs/statelint", "statelint")):
            bin_path = NPM / "node_modules" / ".bin" / binname
            if not bin_path.exists():
                print(f"installing {pkg} with npm into {_rel(NPM)} …", flush=True)
                _run_quiet([npm, "install", "--prefix", str(NPM), "--no-audit", "--no-fund", pkg], LOGS / "install-npm.log")
            if bin_path.exists():
                ver = _npm_version(pkg)
                if binname == "asl-validator":
                    tools.append(Tool(f"asl-validator {ver}", [node, str(bin_path)], per_file_flag="--json-path",
                                      note="one invocation, --json-path per file"))
                else:
                    tools.append(Tool(f"@wmfs/statelint {ver}", [node, str(bin_path)],
                                      note="one invocation, all paths"))
            else:
                notes.append(f"{pkg}: npm install failed (see {_rel(LOGS)}/install-npm.log); skipped")
    else:
        notes.append("asl-validator, @wmfs/statelint: npm/node not found; skipped")

    py = VENV / "bin" / "python"
    if not py.exists():
        print(f"creating venv {_rel(VENV)} …", flush=True)
        _run_quiet([sys.executable, "-m", "venv", str(VENV)], LOGS / "install-pip.log")
    if py.exists():
        st = VENV / "bin" / "statelint"
        if not st.exists():
            print("installing statelint (PyPI) into the venv …", flush=True)
            _run_quiet([str(py), "-m", "pip", "install", "-q", "statelint==3.1.0"], LOGS / "install-pip.log")
        if st.exists():
            tools.append(Tool(f"statelint (PyPI) {_pip_version(py, 'statelint')}", [str(st), "--ignore=FLOAT"],
                              note="one invocation, all paths, --ignore=FLOAT (an integer BackoffRate is valid ASL)"))
        else:
            notes.append(f"statelint (PyPI): pip install failed (see {_rel(LOGS)}/install-pip.log); skipped")
        if want_cfn:
            cfn = VENV / "bin" / "cfn-lint"
            if not cfn.exists():
                print("installing cfn-lint into the venv (slow) …", flush=True)
                _run_quiet([str(py), "-m", "pip", "install", "-q", "cfn-lint"], LOGS / "install-pip.log", timeout=1800)
            if cfn.exists():
                tools.append(Tool(f"cfn-lint {_pip_version(py, 'cfn-lint')}", [str(cfn)],
                                  note="on CloudFormation templates wrapping the same definitions; aslint re-run on the same templates"))
            else:
                notes.append(f"cfn-lint: pip install failed (see {_rel(LOGS)}/install-pip.log); skipped")
    else:
        notes.append("statelint (PyPI): could not create a venv (python3 -m venv); skipped")
    if not want_cfn:
        notes.append("cfn-lint: skipped by default (slow to install and run); add --cfn-lint")
    return tools, notes


def _npm_version(pkg: str) -> str:
    try:
        return json.loads((NPM / "node_modules" / pkg / "package.json").read_text())["version"]
    except (OSError, ValueError, KeyError):
        return "?"


def _pip_version(py: Path, dist: str) -> str:
    r = subprocess.run([str(py), "-c", f"import importlib.metadata as m; print(m.version('{dist}'))"],
                       capture_output=True, text=True)
    return r.stdout.strip() or "?"


def cfn_template(path: Path) -> Path:
    """A CloudFormation JSON template wrapping the definition in ``path`` (for cfn-lint)."""
    out = path.with_name(path.name.replace(".asl.json", ".template.json"))
    if not out.exists() or out.stat().st_mtime < path.stat().st_mtime:
        defn = json.loads(path.read_text())
        tpl = {
            "AWSTemplateFormatVersion": "2010-09-09",
            "Resources": {"StateMachine": {"Type": "AWS::StepFunctions::StateMachine", "Properties": {
                "RoleArn": f"arn:aws:iam::{ACCOUNT}:role/sfn-role", "Definition": defn}}},
        }
        out.write_text(json.dumps(tpl, indent=2) + "\n")
    return out


# --------------------------------------------------------------------------------------------
# Measuring
# --------------------------------------------------------------------------------------------

@dataclass
class Sample:
    wall: float
    rss_mb: float
    rc: int
    cpu: float = float("nan")  # user + system seconds of the child


PYCACHE = WORK / "pycache"


def child_env(extra=None) -> dict:
    """The environment of every timed child: this one, with bytecode caching on (as on a user's
    machine; pip compiles .pyc on install) but kept in benchmarks/_work/pycache so the work tree
    gets no __pycache__, no colour, not GitHub Actions. ``extra`` (e.g. PYTHONPATH) is added."""
    e = dict(os.environ)
    e.pop("GITHUB_ACTIONS", None)
    e.pop("PYTHONDONTWRITEBYTECODE", None)
    e["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    e["NO_COLOR"] = "1"
    for k, v in (extra or {}).items():
        if v is None:
            e.pop(k, None)
        else:
            e[k] = v
    return e


GNU_TIME = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None


def rss_method() -> str:
    if GNU_TIME:
        return "GNU time's %M (the child's own ru_maxrss, via /usr/bin/time -f '%M %x %U %S')"
    return "os.wait4 ru_maxrss of the child (on Linux this includes run.py's own RSS at fork: see the python3 -c pass row)"


def run_once(argv, env=None, log: Path | None = None, timeout=PEER_TIMEOUT) -> Sample:
    """One run of ``argv`` (cwd benchmarks/_work): wall time around the child, its peak RSS.

    The peak RSS comes from /usr/bin/time (GNU) when present: Linux carries a process's RSS
    high-water mark across exec, so a child forked straight from this (large) Python process
    would report at least this process's RSS; /usr/bin/time is tiny and reports the rusage of
    the child it forks itself. Without it, os.wait4's ru_maxrss is used as it is."""
    full_env = child_env(env)
    rfile = None
    cmd = list(map(str, argv))
    if GNU_TIME:
        rfile = LOGS / f".rusage-{os.getpid()}"
        cmd = [GNU_TIME, "-f", "%M %x %U %S", "-o", str(rfile), *cmd]
    out = open(log, "wb") if log else subprocess.DEVNULL
    try:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                env=full_env, cwd=str(WORK))
        deadline = t0 + timeout
        killed = False
        while True:
            pid, status, ru = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline and not killed:
                proc.kill()
                killed = True
            time.sleep(0.0005 if time.perf_counter() - t0 < 0.5 else 0.01)
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
    finally:
        if log:
            out.close()
    rss_kb, rc = ru.ru_maxrss, proc.returncode  # ru_maxrss is KiB on Linux
    cpu = ru.ru_utime + ru.ru_stime
    if rfile is not None:
        try:
            last = rfile.read_text().strip().splitlines()[-1].split()
            rss_kb, rc, cpu = int(last[0]), int(last[1]), float(last[2]) + float(last[3])
        except (OSError, IndexError, ValueError):
            pass
    if killed:
        rc = -9
    return Sample(wall, rss_kb / 1024.0, rc, cpu)


@dataclass
class Result:
    input: str
    tool: str
    samples: list
    note: str = ""
    pairs: list = field(default_factory=list)  # aslint wall / this tool's wall, one per alternating pair

    @property
    def pair_ratio(self) -> float:
        return statistics.median(self.pairs) if self.pairs else float("nan")

    @property
    def wall(self) -> float:
        return statistics.median(s.wall for s in self.samples) if self.samples else float("nan")

    @property
    def rss(self) -> float:
        return max(s.rss_mb for s in self.samples) if self.samples else float("nan")

    @property
    def cpu(self) -> float:
        return statistics.median(s.cpu for s in self.samples) if self.samples else float("nan")

    @property
    def best(self) -> float:
        return min(s.wall for s in self.samples) if self.samples else float("nan")

    @property
    def rcs(self) -> set:
        return {s.rc for s in self.samples}


def _safe(name: str) -> str:
    return "".join(c if c.isalnum() else "_" for c in name)


def measure(inputs: dict, aslint: Tool, peers: list, runs: int, warmup: bool = True) -> list:
    """For each input: one warm-up of every tool, then rounds of (aslint, peer) pairs."""
    results = []
    for key, inp in inputs.items():
        label = inp.label
        tools_here = []
        for peer in peers:
            paths = inp.paths
            a_tool = aslint
            if peer.name.startswith("cfn-lint"):
                paths = [cfn_template(p) for p in inp.paths]
            tools_here.append((peer, paths))
        a_res = Result(label, "aslint", [], aslint.note)
        peer_res = {peer.name: Result(label, peer.name, [], peer.note) for peer, _ in tools_here}
        a_tpl_res = Result(label, "aslint (templates)", []) if any(p.name.startswith("cfn-lint") for p in peers) else None
        skip = set()
        print(f"\n== {label}: {len(inp.paths)} file(s), {inp.size / 1e6:.2f} MB", flush=True)
        # warm-up (page cache, .pyc, node's compile cache): not timed; its output is kept in logs/
        # (without warm-up, --quick: aslint still gets one, the .pyc cache matters most there)
        run_once(aslint.command(inp.paths), aslint.env, LOGS / f"{key}-aslint.out")
        for peer, paths in tools_here if warmup else ():
            s = run_once(peer.command(paths), peer.env, LOGS / f"{key}-{_safe(peer.name)}.out")
            if s.wall > SLOW_PEER:
                skip.add(peer.name)
                peer_res[peer.name].samples.append(s)
                peer_res[peer.name].note += f"; one run only (> {SLOW_PEER:.0f} s)"
        for r in range(runs):
            for peer, paths in tools_here:
                a_paths = paths if peer.name.startswith("cfn-lint") else inp.paths
                a_s = run_once(aslint.command(a_paths), aslint.env)
                (a_tpl_res if peer.name.startswith("cfn-lint") else a_res).samples.append(a_s)
                if peer.name in skip:
                    continue
                s = run_once(peer.command(paths), peer.env)
                peer_res[peer.name].samples.append(s)
                peer_res[peer.name].pairs.append(a_s.wall / s.wall if s.wall > 0 else float("nan"))
                if s.wall > SLOW_PEER:
                    skip.add(peer.name)
            if not tools_here:
                a_res.samples.append(run_once(aslint.command(inp.paths), aslint.env))
            print(f"   round {r + 1}/{runs}: aslint {a_res.wall:.3f} s" +
                  "".join(f", {n} {pr.wall:.3f} s" for n, pr in peer_res.items() if pr.samples), flush=True)
        results.append(a_res)
        if a_tpl_res is not None and a_tpl_res.samples:
            results.append(a_tpl_res)
        results.extend(peer_res.values())
    return results


def measure_alone(aslint: Tool, inputs: dict, runs: int) -> dict:
    """aslint-only figures: start-up on one small file, -j 2 on the 500 files, interpreter floor."""
    out = {}
    reps = max(runs, 5)
    if "small" in inputs:
        small = inputs["small"].paths
        out["python3 -c pass (floor)"] = Result("(none)", "python3 -c pass", [run_once([sys.executable, "-c", "pass"]) for _ in range(reps)])
        out["python3 -S -c 'import aslint.cli'"] = Result("(none)", "import aslint.cli", [
            run_once([sys.executable, "-c", "import aslint.cli"], aslint.env) for _ in range(reps)])
        out["startup"] = Result(inputs["small"].label, "aslint (start-up, extra runs)", [run_once(aslint.command(small), aslint.env) for _ in range(reps)])
        if os.environ.get("PYTHONDONTWRITEBYTECODE"):
            out["startup no pyc"] = Result(inputs["small"].label, "aslint, PYTHONDONTWRITEBYTECODE=1", [
                run_once(aslint.command(small), dict(aslint.env, PYTHONDONTWRITEBYTECODE="1", PYTHONPYCACHEPREFIX=None))
                for _ in range(reps)])
        shim = shutil.which("aslint")
        if shim and aslint.argv[0] != shim and "pyenv" in aslint.note:
            out["startup via shim"] = Result(inputs["small"].label, "aslint via shim",
                                             [run_once([shim, "check", "--exit-zero", *map(str, small)]) for _ in range(reps)])
    if "files500" in inputs:
        cmd = aslint.argv[:2] + ["-j", "2"] + aslint.argv[2:] if aslint.argv[1] == "check" else None
        if cmd is None:  # python -m aslint check ...
            cmd = aslint.argv[:4] + ["-j", "2"] + aslint.argv[4:]
        tool = Tool("aslint -j 2", cmd, env=aslint.env)
        run_once(tool.command(inputs["files500"].paths), tool.env)
        out["j2"] = Result(inputs["files500"].label, "aslint -j 2",
                           [run_once(tool.command(inputs["files500"].paths), tool.env) for _ in range(runs)])
    return out


# --------------------------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------------------------

def machine_info() -> dict:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        rev = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True).stdout.strip()
        rev = rev + (" + uncommitted changes" if dirty else "")
    except OSError:
        rev = "?"
    node = subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip() if shutil.which("node") else "-"
    return {
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "nproc": str(os.cpu_count()),
        "python": platform.python_version(),
        "cpu": cpu,
        "node": node,
        "aslint commit": rev,
        "load average": " ".join(Path("/proc/loadavg").read_text().split()[:3]) if Path("/proc/loadavg").exists() else "?",
        "rules": _rule_count(),
    }


def _rule_count() -> str:
    r = subprocess.run([sys.executable, "-m", "aslint", "rules"], capture_output=True, text=True, cwd=str(ROOT))
    import re
    lines = [ln for ln in r.stdout.splitlines() if re.match(r"[A-Z]+[0-9]{3}\s", ln)]
    return str(len(lines)) if r.returncode == 0 else "?"


def _fmt(x: float, nd=3) -> str:
    return "-" if x != x else f"{x:.{nd}f}"


def table(results: list, targets: dict) -> list:
    """Rows: input, tool, median wall s, peak RSS MB, aslint/peer, exit codes, target."""
    rows = []
    by_input: dict = {}
    for r in results:
        by_input.setdefault(r.input, []).append(r)
    for label, rs in by_input.items():
        a = next((r for r in rs if r.tool == "aslint"), None)
        a_tpl = next((r for r in rs if r.tool == "aslint (templates)"), None)
        for r in rs:
            ratio = ""
            if r.tool.startswith("cfn-lint") and a_tpl and r.samples:
                ratio = f"{a_tpl.wall / r.wall:.2f} ({a_tpl.cpu / r.cpu:.2f})"
            elif r.tool not in ("aslint", "aslint (templates)") and a and r.samples:
                ratio = f"{a.wall / r.wall:.2f} ({a.cpu / r.cpu:.2f})"
            paired = f"{r.pair_ratio:.2f} [{min(r.pairs):.2f}–{max(r.pairs):.2f}]" if r.pairs else ""
            tgt = targets.get((label, r.tool), "")
            rc = ",".join(str(c) for c in sorted(r.rcs)) if r.samples else "-"
            rows.append([label, r.tool, _fmt(r.wall), _fmt(r.best), _fmt(r.cpu), _fmt(r.rss, 1), ratio, paired, rc, str(len(r.samples)), tgt])
    return rows


def render(rows, header, markdown=False) -> str:
    if markdown:
        out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
        out += ["| " + " | ".join(c or " " for c in row) + " |" for row in rows]
        return "\n".join(out)
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(header)]
    line = "  ".join(h.ljust(w) for h, w in zip(header, widths))
    out = [line, "  ".join("-" * w for w in widths)]
    out += ["  ".join(c.ljust(w) for c, w in zip(row, widths)) for row in rows]
    return "\n".join(out)


def check_targets(inputs, results, alone) -> list:
    """[(what, measured, target, PASS/FAIL)]."""
    a = {r.input: r for r in results if r.tool == "aslint" and r.samples}
    lab = {k: v.label for k, v in inputs.items()}
    out = []
    marks: dict = {}

    def wall(key):
        if key == "small" and "startup" in alone:  # every aslint run on the small file
            more = a[lab["small"]].samples if lab.get("small") in a else []
            return statistics.median(x.wall for x in alone["startup"].samples + more)
        r = a.get(lab.get(key, ""))
        return r.wall if r else None

    def add(what, value, limit, unit="s", fmt="{:.3f}", key=None):
        if value is None:
            return
        verdict = "PASS" if value <= limit else "FAIL"
        out.append((what, fmt.format(value) + f" {unit}", f"<= {limit:g} {unit}", verdict))
        if key:
            marks.setdefault(key, []).append(f"<={limit:g} {verdict}")

    # issue 16: aslint / statelint (PyPI) <= 1.0 on each of its five inputs, median of alternating pairs
    for key in ("small", "files500", "s2000", "dense5000", "dense10000"):
        peer = next((r for r in results if r.input == lab.get(key) and r.tool.startswith("statelint (PyPI)") and r.pairs), None)
        if peer is not None:
            add(f"aslint / statelint (PyPI), {lab[key]} (paired)", peer.pair_ratio, 1.0, unit="x", fmt="{:.2f}",
                key=(lab[key], peer.tool))
    if wall("dense10000") and wall("dense5000"):
        add("EKS-dense 10,000 / 5,000 states time", wall("dense10000") / wall("dense5000"), 2.2, unit="x", fmt="{:.2f}")
    add("one small file, start-up, all runs (issue 2)", wall("small"), 0.25, key=(lab.get("small"), "aslint"))
    add("one small file, start-up, all runs (issue 9)", wall("small"), 0.15, key=(lab.get("small"), "aslint"))
    add("2,000 states", wall("s2000"), 0.5, key=(lab.get("s2000"), "aslint"))
    add("5,000 states", wall("s5000"), 2.0, key=(lab.get("s5000"), "aslint"))
    add("10,000 states", wall("s10000"), 2.5, key=(lab.get("s10000"), "aslint"))
    if wall("s10000") and wall("s2000"):
        add("10,000 / 2,000 states time", wall("s10000") / wall("s2000"), 5.5, unit="x", fmt="{:.2f}")
    if wall("s10000") and wall("s5000"):
        r = wall("s10000") / wall("s5000")
        out.append(("10,000 / 5,000 states time (linear = 2.0)", f"{r:.2f} x", "~2 (info)", "-"))
    add("500 small files", wall("files500"), 1.0, key=(lab.get("files500"), "aslint"))
    if "j2" in alone:
        add("500 small files, -j 2", alone["j2"].wall, 1.0, key=(lab.get("files500"), "aslint -j 2"))
    rss = [s.rss_mb for r in results if r.tool.startswith("aslint") for s in r.samples]
    rss += [s.rss_mb for k, r in alone.items() if r.tool.startswith("aslint") for s in r.samples]
    if rss:
        add("aslint peak RSS (any run)", max(rss), 150, unit="MB", fmt="{:.1f}")
    return out, {k: " ".join(v) for k, v in marks.items()}


# --------------------------------------------------------------------------------------------
# Profiles
# --------------------------------------------------------------------------------------------

def _stats_text(prof: Path, sort: str, n: int) -> str:
    import io
    import pstats

    buf = io.StringIO()
    st = pstats.Stats(str(prof), stream=buf)
    st.sort_stats(sort).print_stats(n)
    lines = buf.getvalue().splitlines()
    start = next((i for i, ln in enumerate(lines) if "function calls" in ln), 0)
    return "\n".join(ln for ln in lines[start:] if ln.strip() or ln is lines[start]).rstrip()


def _rule_costs(prof: Path) -> list:
    """[(cumtime, code/module, calls)] of every rule's check() and of the engine's phases."""
    import pstats

    st = pstats.Stats(str(prof))
    out = []
    for (filename, line, func), (_cc, nc, _tt, ct, _callers) in st.stats.items():  # type: ignore[attr-defined]
        norm = filename.replace(os.sep, "/")
        if "/rules/" in norm and "/aslint/" in norm and func == "check":
            out.append((ct, norm.split("/aslint/", 1)[1], nc))
        elif "/aslint/" in norm and (func, norm.rsplit("/aslint/", 1)[1]) in {
                ("load", "loader.py"), ("_build", "document.py"), ("__init__", "engine.py"),
                ("catalog", "ruledocs.py"), ("load_families", "kinds.py"), ("load_builtin_rules", "rule.py"),
                ("attach_all", "iam/attach.py")}:
            if func == "__init__" and nc != 1:
                continue  # engine.Context.__init__ (one per rule and document), not RuleSet.__init__
            out.append((ct, f"[core] {norm.rsplit('/aslint/', 1)[1]}:{line}:{func}", nc))
        elif "/aslint/output/" in norm and func in ("render", "write", "report", "emit"):
            out.append((ct, "[output] " + norm.split("/aslint/", 1)[1] + ":" + func, nc))
    out.sort(reverse=True)
    return out


def profile(aslint: Tool, inputs: dict) -> str:
    """cProfile of the 5,000-state runs, the 500 files and one small file, -X importtime of start-up.

    Equivalent to ``python3 -m cProfile -s cumtime -m aslint check --exit-zero FILE | head -40``,
    but the profile goes to a file (pstats) and aslint's report to another, so they do not mix;
    full listings are in benchmarks/_work/profile/."""
    PROFILE.mkdir(parents=True, exist_ok=True)
    env = child_env(aslint.env)
    parts = []
    for key in ("dense5000", "dense10000", "s2000", "s5000", "s5000dense", "files500", "small"):
        if key not in inputs:
            continue
        files = [str(p) for p in inputs[key].paths]
        prof = PROFILE / f"{key}.pstats"
        report = PROFILE / f"{key}.report.txt"
        argv = [sys.executable, "-m", "cProfile", "-o", str(prof), "-m", "aslint", "check", "--exit-zero",
                "--output", str(report), *files]
        r = subprocess.run(argv, capture_output=True, text=True, env=env, cwd=str(WORK))
        if r.returncode != 0 or not prof.exists():
            parts.append(f"### cProfile, {inputs[key].label}: failed (exit {r.returncode}): {r.stderr[-300:]}\n")
            continue
        cum = _stats_text(prof, "cumulative", 40)
        tot = _stats_text(prof, "tottime", 25)
        (PROFILE / f"cprofile-cumtime-{key}.txt").write_text(_stats_text(prof, "cumulative", 200) + "\n")
        (PROFILE / f"cprofile-tottime-{key}.txt").write_text(_stats_text(prof, "tottime", 200) + "\n")
        rules = _rule_costs(prof)
        (PROFILE / f"rules-{key}.txt").write_text("\n".join(f"{ct:9.3f} s  {n:6d}  {name}" for ct, name, n in rules) + "\n")
        summary = ""
        try:
            summary = report.read_text().strip().splitlines()[-1]
        except (OSError, IndexError):
            pass
        parts.append(f"### cProfile, {inputs[key].label}, sorted by cumulative time (top 40)\n\n"
                     f"aslint said: `{summary}`\n\n```text\n{cum}\n```\n")
        parts.append(f"### cProfile, {inputs[key].label}, sorted by own time (top 25)\n\n```text\n{tot}\n```\n")
        parts.append(f"### Per rule ({inputs[key].label}): cumulative seconds in each rule's check() and in core phases "
                     "(top 25; a shared analysis is charged to the first rule that asks for it)\n\n```text\n"
                     + "\n".join(f"{ct:9.3f} s  {n:6d} calls  {name}" for ct, name, n in rules[:25]) + "\n```\n")
    if "small" in inputs:
        f = str(inputs["small"].paths[0])
        argv = [sys.executable, "-X", "importtime", "-m", "aslint", "check", "--exit-zero", f]
        r = subprocess.run(argv, capture_output=True, text=True, env=env, cwd=str(WORK))
        (PROFILE / "importtime-small.txt").write_text(r.stderr)
        rows = []
        for ln in r.stderr.splitlines():
            if not ln.startswith("import time:") or "self [us]" in ln:
                continue
            try:
                self_us, cum_us, name = ln.split(":", 1)[1].split("|", 2)
                name = name[1:] if name.startswith(" ") else name
                rows.append((int(cum_us), int(self_us), name.rstrip()))
            except ValueError:
                continue
        total = sum(c for c, _, n in rows if not n.startswith(" "))
        by_pkg: dict = {}
        for c, s_, n in rows:  # own time per top-level package
            pkg = n.strip().split(".")[0]
            by_pkg[pkg] = by_pkg.get(pkg, 0) + s_
        pk = sorted(((v, k) for k, v in by_pkg.items()), reverse=True)[:15]
        rows.sort(reverse=True)
        parts.append(f"### -X importtime, start-up on {inputs['small'].label}: {total / 1000:.0f} ms importing in total\n\n"
                     "Own import time per top-level package (top 15):\n\n```text\n"
                     + "\n".join(f"{v / 1000:8.1f} ms  {k}" for v, k in pk)
                     + "\n```\n\nTop 30 modules by cumulative µs:\n\n```text\n      cum µs     self µs  module\n"
                     + "\n".join(f"{c:12,d} {s_:11,d}  {n}" for c, s_, n in rows[:30]) + "\n```\n")
    return "\n".join(parts)


# --------------------------------------------------------------------------------------------

def validate_inputs(inputs: dict, peers: list) -> list:
    """asl-validator (and the other peers) on the small definition and one of each size: notes."""
    notes = []
    for peer in peers:
        if peer.name.startswith("cfn-lint"):
            continue
        for key in ("small", "s2000"):
            if key not in inputs:
                continue
            log = LOGS / f"validate-{key}-{_safe(peer.name)}.out"
            s = run_once(peer.command(inputs[key].paths[:1]), peer.env, log)
            verdict = "accepts" if s.rc == 0 else f"REJECTS (exit {s.rc}; see {_rel(log)})"
            notes.append(f"{peer.name} {verdict} {inputs[key].label}")
    return notes


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=5, help="timed runs per tool and input (default 5)")
    ap.add_argument("--quick", action="store_true",
                    help="runs=1, no warm-up run of the peers, only the small file, 500 files and EKS-dense 5,000 states")
    ap.add_argument("--cfn-lint", action="store_true", help="also install and time cfn-lint (slow)")
    ap.add_argument("--no-peers", action="store_true", help="time aslint alone")
    ap.add_argument("--peers", choices=("all", "statelint"), default="all",
                    help="statelint: only the PyPI statelint (the issue-16 peer); all: the npm peers too (default)")
    ap.add_argument("--aslint-arg", action="append", default=[], metavar="ARG",
                    help="an extra argument for every aslint run, e.g. --aslint-arg=--ignore=DAT (repeatable)")
    ap.add_argument("--only", default="", help="comma-separated inputs: small,files500,s2000,dense5000,dense10000 "
                                                "(the default set) and s5000,s10000,s5000dense,mb1")
    ap.add_argument("--generator", choices=("auto", "own"), default="auto",
                    help="auto: benchmarks/generate.py's eks_definition for the big inputs when it exists; own: run.py's")
    ap.add_argument("--profile", action="store_true", help="also cProfile the 5,000-state runs, the 500 files and one small file (into benchmarks/_work/profile/), and -X importtime")
    ap.add_argument("--markdown", metavar="FILE", help="also write the report as Markdown to FILE")
    args = ap.parse_args(argv)

    keys = ["small", "files500", "s2000", "dense5000", "dense10000"]
    runs = args.runs
    if args.quick:
        keys, runs = ["small", "files500", "dense5000"], 1
    if args.only:
        keys = [k.strip() for k in args.only.split(",") if k.strip()]
    WORK.mkdir(parents=True, exist_ok=True)
    LOGS.mkdir(parents=True, exist_ok=True)

    info = machine_info()
    print("machine: " + ", ".join(f"{k} {v}" for k, v in info.items()), flush=True)
    print("generating inputs into", _rel(INPUTS), "…", flush=True)
    inputs = make_inputs(keys, args.generator)
    for inp in inputs.values():
        print(f"  {inp.key:9s} {inp.label:24s} {len(inp.paths):4d} file(s) {inp.size / 1e6:7.2f} MB  ({inp.generator})")

    peers, notes = ([], ["peers: not run (--no-peers)"]) if args.no_peers else install_peers(args.cfn_lint, args.peers == "all")
    aslint = aslint_tool()
    if args.aslint_arg:
        aslint.argv += args.aslint_arg
        aslint.note += "; extra arguments " + " ".join(args.aslint_arg)
    print("aslint runs as:", " ".join(aslint.argv), "FILE…", f"[{aslint.note}]")
    print("peak RSS:", rss_method())
    for p in peers:
        print(f"peer: {p.name}: {' '.join(p.argv)} … [{p.note}]")
    val_notes = validate_inputs(inputs, peers)
    for n in notes + val_notes:
        print("note:", n)

    results = measure(inputs, aslint, peers, runs, warmup=not args.quick)
    alone = measure_alone(aslint, inputs, runs)

    header = ["input", "tool", "median wall s", "min wall s", "median CPU s", "peak RSS MB", "aslint/peer wall (CPU)",
              "aslint/peer paired [min–max]", "exit", "runs", "target"]
    checks, marks = check_targets(inputs, results, alone)
    rows = table(results, marks)
    extra = [[r.input, r.tool, _fmt(r.wall), _fmt(r.best), _fmt(r.cpu), _fmt(r.rss, 1), "", "", ",".join(map(str, sorted(r.rcs))), str(len(r.samples)),
              marks.get((r.input, r.tool), "") if k != "startup" else ""]
             for k, r in alone.items()]
    head = f"aslint: {' '.join(aslint.argv)} FILE…  ({aslint.note})"
    print("\n" + head)
    print(render(rows + extra, header))
    print()
    print(render([list(c) for c in checks], ["target", "measured", "limit", "verdict"]))
    print()
    for n in notes + val_notes:
        print("note:", n)
    prof = profile(aslint, inputs) if args.profile else ""
    if prof:
        print(f"\nprofiles written to {_rel(PROFILE)}/")
    if args.markdown:
        md = [f"# aslint benchmark, {info['date']}", "",
              "Machine: " + ", ".join(f"{k}: {v}" for k, v in info.items() if k != "date"), "",
              f"Command: `python3 benchmarks/run.py {' '.join(argv if argv is not None else sys.argv[1:])}` "
              f"(timed runs per tool and input: {runs}, after one untimed warm-up; median wall time; peak RSS: max over the runs of {rss_method()})", "",
              f"aslint ran as `{' '.join(aslint.argv)} FILE…` ({aslint.note}).", "",
              "Inputs:", ""]
        md += [f"- {inp.label}: {len(inp.paths)} file(s), {inp.size / 1e6:.2f} MB, {inp.generator}" for inp in inputs.values()]
        md += ["", render(rows + extra, header, markdown=True), "",
               render([list(c) for c in checks], ["target", "measured", "limit", "verdict"], markdown=True), ""]
        md += [f"- {n}" for n in notes + val_notes + [f"{p.name}: {p.note}" for p in peers]]
        if prof:
            md += ["", "## Profiles", "", prof]
        Path(args.markdown).write_text("\n".join(md) + "\n")
        print("wrote", args.markdown)
    return 0


if __name__ == "__main__":
    sys.exit(main())
