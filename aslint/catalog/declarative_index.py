"""Which rule docs state a declarative ``check``: generated, so a run reads no doc to know it.

Regenerate after adding or changing a doc's front matter ``check``::

    python -m aslint.catalog.declarative_index

(a doc not listed in SCANNED is read at run time, so a new doc works before that; a test fails
while this file is out of date).
"""

from __future__ import annotations

SCANNED = frozenset({
    'ASL000', 'ASL001', 'ASL002', 'ASL003', 'ASL004', 'ASL005', 'ASL010', 'ASL011', 'ASL012',
    'ASL013', 'ASL100', 'ASL101', 'ASL102', 'ASL103', 'ASL104', 'ASL105', 'ASL106', 'ASL107',
    'ASL108', 'ASL109', 'ASL110', 'ASL111', 'ASL112', 'ASL200', 'ASL201', 'ASL202', 'ASL203',
    'ASL204', 'ASL205', 'ASL206', 'ASL210', 'ASL211', 'ASL212', 'ASL213', 'ASL214', 'ASL220',
    'ASL221', 'ASL222', 'ASL223', 'ASL230', 'ASL231', 'ASL232', 'ASL240', 'ASL300', 'ASL301',
    'ASL302', 'ASL303', 'ASL304', 'ASL305', 'ASL310', 'ASL311', 'ASL312', 'ASL313', 'ASL400',
    'ASL401', 'ASL402', 'ASL403', 'ASL404', 'ASL405', 'ASL410', 'ASL411', 'ASL420', 'AUTH001',
    'AUTH002', 'AUTH003', 'AUTH004', 'AUTH005', 'AUTH006', 'AUTH007', 'AUTH008', 'AUTH009',
    'AUTH010', 'AUTH011', 'AUTH012', 'AUTH013', 'AUTH014', 'AUTH015', 'AUTH016', 'AUTH017',
    'DAT001', 'DAT002', 'EKS001', 'EKS002', 'EKS003', 'EKS004', 'EKS005', 'EKS006', 'EKS007',
    'EKS008', 'EKS009', 'EKS010', 'EKS011', 'EKS012', 'EKS013', 'EKS014', 'EKS015', 'EKS020',
    'EKS021', 'EKS022', 'EKS023', 'EKS024', 'EKS030', 'EKS031', 'EKS032', 'EKS033', 'EKS034',
    'IAM001', 'IAM002', 'IAM003', 'IAM010', 'IAM011', 'IAM012', 'IAM013', 'IAM020', 'IAM021',
    'IAM022', 'IAM023', 'IAM030', 'IAM040', 'IAM041', 'IAM042', 'IAM043', 'IAM044', 'LCY001',
    'LCY002', 'LCY003', 'LCY004', 'LCY010', 'LCY011', 'LCY012', 'LCY020', 'LCY021', 'LCY022',
    'LCY023', 'PAY001', 'PAY002', 'PAY003', 'PAY004', 'PAY005', 'TPL001', 'TPL002', 'TPL003',
    'TPL004', 'TPL005', 'TPL006', 'TPL007', 'TPL008'
})
DECLARATIVE = frozenset({})


def _generate() -> str:
    import os

    from aslint.catalog import ruledocs

    docs = ruledocs.catalog()
    codes = sorted(docs._paths)
    checks = sorted(c for c in codes if ruledocs.states_a_check(docs._paths[c]))
    with open(__file__, encoding="utf-8") as handle:
        text = handle.read()
    head, _, rest = text.partition("SCANNED = ")
    _, _, tail = rest.partition("\n\n\ndef _generate")
    body = f"SCANNED = frozenset({{{_listing(codes)}}})\nDECLARATIVE = frozenset({{{_listing(checks)}}})"
    return head + body + "\n\n\ndef _generate" + tail


def _listing(codes) -> str:
    if not codes:
        return ""
    lines, line = [], ""
    for code in codes:
        item = f"{code!r}, "
        if len(line) + len(item) > 96:
            lines.append(line.rstrip())
            line = ""
        line += item
    lines.append(line.rstrip().rstrip(","))
    return "\n    " + "\n    ".join(lines) + "\n"


if __name__ == "__main__":
    new = _generate()
    with open(__file__, "w", encoding="utf-8") as handle:
        handle.write(new)
    print("aslint/catalog/declarative_index.py regenerated")
