"""ASL103: a JSONPath-only field in a JSONata state, or a JSONata-only field in a JSONPath state."""

from __future__ import annotations

from aslint.asl.model import model
from aslint.asl.structure import FIELDS, STATE_TYPES, UNCERTAIN_LANGUAGE
from aslint.core.finding import Finding
from aslint.core.pointer import escape
from aslint.core.rule import Rule

JSONATA_INSTEAD = {
    "InputPath": "'Arguments' (or read $states.input)", "Parameters": "'Arguments'", "ResultSelector": "'Output'",
    "ResultPath": "'Output' or 'Assign'", "OutputPath": "'Output'", "Result": "'Output'", "ItemsPath": "'Items'",
    "TimeoutSecondsPath": "'TimeoutSeconds' with a {% %} expression",
    "HeartbeatSecondsPath": "'HeartbeatSeconds' with a {% %} expression",
    "SecondsPath": "'Seconds' with a {% %} expression", "TimestampPath": "'Timestamp' with a {% %} expression",
    "ErrorPath": "'Error' with a {% %} expression", "CausePath": "'Cause' with a {% %} expression",
    "MaxConcurrencyPath": "'MaxConcurrency' with a {% %} expression",
    "ToleratedFailurePercentagePath": "'ToleratedFailurePercentage' with a {% %} expression",
    "ToleratedFailureCountPath": "'ToleratedFailureCount' with a {% %} expression",
}
JSONPATH_INSTEAD = {"Arguments": "'Parameters'", "Output": "'OutputPath'/'ResultSelector'", "Items": "'ItemsPath'"}


class FieldNotAllowedInQueryLanguage(Rule):
    code = "ASL103"
    locality = "unit"  # each finding depends only on its state (warm re-lints reuse the others)

    def check(self, ctx):
        # (A state that sets JSONPath under a JSONata top level is ASL404, part of the path family.)
        for ref in model(ctx.doc).states:
            if not ref.is_object or ref.type not in STATE_TYPES:
                continue
            _both, jsonpath, jsonata = FIELDS[ref.type]
            ql = ref.query_language
            wrong = jsonpath - jsonata if ql == "JSONata" else jsonata - jsonpath
            for key in ref.node:
                if key not in wrong:
                    continue
                if ql == "JSONata":
                    msg = f"'{key}' is a JSONPath field, but state '{ref.name}' uses JSONata"
                    hint = (f"Use {JSONATA_INSTEAD.get(key, 'the JSONata fields Arguments/Output')} instead, "
                            "or set \"QueryLanguage\": \"JSONPath\" on the state")
                else:
                    msg = f"'{key}' is a JSONata field, but state '{ref.name}' uses JSONPath (the default)"
                    hint = (f"Set \"QueryLanguage\": \"JSONata\" on the state or the machine, or use "
                            f"{JSONPATH_INSTEAD.get(key, 'the JSONPath fields')} instead")
                severity = None
                if key in UNCERTAIN_LANGUAGE:
                    severity = "warning"
                    msg += " (JSONPath-only is not confirmed by AWS)"
                yield Finding(f"{ref.pointer}/{escape(key)}", msg, target="key", severity=severity, hint=hint)
            yield from _catchers(ref)


def _catchers(ref):
    catch = ref.node.get("Catch")
    if not isinstance(catch, list):
        return
    wrong, use = ("ResultPath", "'Output' (the error is $states.errorOutput)") if ref.jsonata else ("Output", "'ResultPath'")
    for i, catcher in enumerate(catch):
        if isinstance(catcher, dict) and wrong in catcher:
            lang = "JSONata" if ref.jsonata else "JSONPath"
            yield Finding(f"{ref.pointer}/Catch/{i}/{wrong}",
                          f"catcher #{i + 1} of {lang} state '{ref.name}' uses '{wrong}', a field of the other query language",
                          target="key", hint=f"Use {use}")
