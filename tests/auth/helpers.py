"""Small helpers for the AUTH tests: lint a text, run the CLI on real files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from aslint.api import lint_text
from aslint.core.settings import Settings

ROOT = Path(__file__).resolve().parents[2]


def lint(text: str, name: str = "aws-auth.yaml", *, extra=None, role_arn=None, select=("AUTH",)):
    settings = Settings()
    settings.select = list(select)
    if role_arn:
        settings.role_arn = role_arn
    return lint_text(text, name, settings=settings, extra_files=extra)


def by_code(diagnostics, code):
    return [d for d in diagnostics if d.code == code]


def cli(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "aslint", *args], cwd=cwd or ROOT, capture_output=True,
                          text=True, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "NO_COLOR": "1"})


AWS_AUTH_GOOD = """\
apiVersion: v1
kind: ConfigMap
metadata:
  name: aws-auth
  namespace: kube-system
data:
  mapRoles: |
    - rolearn: arn:aws:iam::111122223333:role/NodeInstanceRole
      username: system:node:{{EC2PrivateDNSName}}
      groups:
        - system:bootstrappers
        - system:nodes
    - rolearn: arn:aws:iam::111122223333:role/StepFunctionsEksRole
      username: step-functions
      groups:
        - batch-runners
"""
