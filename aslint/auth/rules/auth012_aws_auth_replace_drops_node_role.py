"""AUTH012: a PUT that replaces aws-auth after a node group / Fargate profile was created, without its role."""

from __future__ import annotations

from aslint.auth import arn as arns
from aslint.auth.calls import aws_auth_calls, body_data, body_of, eks_tasks, reachable_after
from aslint.auth.maps import groups_of, node_entries, parse_map_text
from aslint.core.finding import Finding
from aslint.core.rule import Rule


class AwsAuthReplaceDropsNodeRole(Rule):
    code = "AUTH012"
    kinds = ("asl",)

    def check(self, ctx):
        tasks = eks_tasks(ctx.doc)
        writers = [t for t in tasks if t.action in ("createNodegroup", "createFargateProfile") and t.cluster()]
        if not writers:
            return
        for call in aws_auth_calls(ctx.doc):
            method = call.literal("Method")
            if not (isinstance(method, str) and method.upper() == "PUT") or not call.cluster():
                continue
            body = body_data(call)
            data = body.get("data") if isinstance(body, dict) else None
            if not isinstance(data, dict):
                continue
            roles = parse_map_text(data.get("mapRoles")) if "mapRoles" in data else []
            if roles is None:
                continue  # AUTH006 reports an unreadable mapRoles
            for writer in writers:
                if writer.cluster() != call.cluster() or call.state.pointer not in reachable_after(writer.state):
                    continue
                problem = self._missing(writer, roles)
                if problem:
                    pointer, _ = body_of(call)
                    message, hint = problem
                    yield Finding(pointer, f"aws-auth is replaced (PUT) after state '{writer.state.name}' created {message}",
                                  hint=hint,
                                  related=[(writer.state.pointer, "created here")])

    @staticmethod
    def _missing(writer, roles) -> str | None:
        if writer.action == "createNodegroup":
            role = writer.literal("NodeRole")
            nodes = node_entries(roles)
            if any(arns.is_dynamic(e.get("rolearn")) for e in nodes):
                return None  # a node entry whose ARN is filled in later: cannot tell, so trust it
            if isinstance(role, str) and arns.parse(role):
                if any(isinstance(e.get("rolearn"), str) and arns.same_role(e["rolearn"], role) for e in nodes):
                    return None
                canonical = arns.parse(role).canonical_role() or role
                return ("a managed node group, but the new mapRoles drops its node role: the nodes lose access",
                        f"Keep '- rolearn: {canonical}' with username 'system:node:{{{{EC2PrivateDNSName}}}}' and groups "
                        "[system:bootstrappers, system:nodes], or GET aws-auth and merge")
            if nodes:
                return None
            return ("a managed node group, but the new mapRoles has no node entry: the nodes lose access",
                    "Keep the node role's entry (groups system:bootstrappers, system:nodes), or GET aws-auth and merge")
        role = writer.literal("PodExecutionRoleArn")
        fargate = [e for e in roles if isinstance(e, dict) and "system:node-proxier" in groups_of(e)]
        if any(arns.is_dynamic(e.get("rolearn")) for e in fargate):
            return None
        if isinstance(role, str) and arns.parse(role):
            if any(isinstance(e.get("rolearn"), str) and arns.same_role(e["rolearn"], role) for e in fargate):
                return None
        elif fargate:
            return None
        return ("a Fargate profile, but the new mapRoles drops its pod execution role: Fargate pods cannot register",
                "Keep that entry (username 'system:node:{{SessionName}}', groups system:bootstrappers, system:nodes, "
                "system:node-proxier), or GET aws-auth and merge")
