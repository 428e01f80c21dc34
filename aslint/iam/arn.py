"""ARNs and the globs IAM matches them with.

Policy variables (``${aws:username}``) and template placeholders (``${AWS::Region}``, ``${Fn}``) are
read as ``*``: aslint cannot know their values, so a pattern holding one matches what it could match.
"""

from __future__ import annotations

from aslint.core import lazyre
import functools
import re

_PLACEHOLDER = lazyre.compile(r"\$\{[^{}]*\}")


def wildcard(text: str) -> str:
    """``text`` with every ``${…}`` placeholder replaced by ``*``."""
    return _PLACEHOLDER.sub("*", text) if "${" in text else text


def has_wildcard(text: str) -> bool:
    return "*" in text or "?" in text or "${" in text


@functools.lru_cache(maxsize=4096)
def _segments(pattern: str, one: str) -> list:
    """The pattern cut at its ``*``: (piece, regex) pairs, the regex (without quantifiers) only
    when the piece holds ``?`` (``one``: the class a ``?`` matches). A piece matches exactly
    len(piece) characters."""
    return [(piece, re.compile("".join(one if ch == "?" else re.escape(ch) for ch in piece), re.DOTALL) if "?" in piece else None)
            for piece in pattern.split("*")]


def _at(segment, text: str, pos: int) -> bool:
    piece, regex = segment
    return text.startswith(piece, pos) if regex is None else regex.match(text, pos) is not None


def _find(segment, text: str, pos: int, end: int) -> int:
    piece, regex = segment
    if regex is None:
        return text.find(piece, pos, end)
    m = regex.search(text, pos, end)
    return m.start() if m else -1


def _glob(pattern: str, text: str, one: str) -> bool:
    """Whether ``text`` matches the glob, without backtracking: the first and last pieces are
    anchored, each middle piece is taken at its leftmost place (which never loses a match), so
    the cost is one pass over ``text`` per piece, whatever ``?*?*?*…`` the pattern holds."""
    segments = _segments(pattern, one)
    if len(segments) == 1:
        return len(segments[0][0]) == len(text) and _at(segments[0], text, 0)
    first, last = segments[0], segments[-1]
    head, tail = len(first[0]), len(last[0])
    if head + tail > len(text) or not _at(first, text, 0) or not _at(last, text, len(text) - tail):
        return False
    pos, end = head, len(text) - tail
    for seg in segments[1:-1]:
        at = _find(seg, text, pos, end)
        if at == -1:
            return False
        pos = at + len(seg[0])
    return True


def glob_match(pattern: str, text: str, ignore_case: bool = False) -> bool:
    """IAM glob: ``*`` any run of characters (``:`` and ``/`` too), ``?`` one character."""
    pattern = wildcard(pattern)
    if ignore_case:
        pattern, text = pattern.lower(), text.lower()
    return _glob(pattern, text, ".")


def covers(pattern: str, text_pattern: str, ignore_case: bool = False) -> bool:
    """Every string ``text_pattern`` (itself a glob) stands for is matched by ``pattern``.

    Exact for ``text_pattern`` without wildcards; otherwise a sound approximation: the wildcards of
    ``text_pattern`` must fall under a ``*`` of ``pattern``.
    """
    text_pattern = wildcard(text_pattern)
    if not has_wildcard(text_pattern):
        return glob_match(pattern, text_pattern, ignore_case)
    # treat the text's wildcards as literal characters that only a '*' of the pattern can absorb
    marked = text_pattern.replace("*", "\x00").replace("?", "\x01")
    pat = wildcard(pattern)
    if ignore_case:
        pat, marked = pat.lower(), marked.lower()
    return _glob(pat, marked, "[^\x00]")


def overlaps(a: str, b: str, ignore_case: bool = False) -> bool:
    """Some string matches both globs."""
    a, b = wildcard(a), wildcard(b)
    if ignore_case:
        a, b = a.lower(), b.lower()
    if not has_wildcard(a):
        return glob_match(b, a)
    if not has_wildcard(b):
        return glob_match(a, b)
    return _intersect(a, b)


@functools.lru_cache(maxsize=4096)
def _intersect(a: str, b: str) -> bool:
    seen = set()
    stack = [(0, 0)]
    while stack:
        i, j = stack.pop()
        if (i, j) in seen:
            continue
        seen.add((i, j))
        if i == len(a) and j == len(b):
            return True
        if i < len(a) and a[i] == "*":
            stack.append((i + 1, j))
            if j < len(b):
                stack.append((i, j + 1))
        if j < len(b) and b[j] == "*":
            stack.append((i, j + 1))
            if i < len(a):
                stack.append((i + 1, j))
        if i < len(a) and j < len(b) and a[i] != "*" and b[j] != "*":
            if a[i] == "?" or b[j] == "?" or a[i] == b[j]:
                stack.append((i + 1, j + 1))
    return False


class Arn:
    """arn:partition:service:region:account:resource (resource may hold further ':' or '/')."""

    __slots__ = ("partition", "service", "region", "account", "resource")

    def __init__(self, partition, service, region, account, resource):
        self.partition, self.service, self.region, self.account, self.resource = partition, service, region, account, resource

    @property
    def resource_type(self) -> str:
        for sep in ("/", ":"):
            if sep in self.resource:
                return self.resource.split(sep, 1)[0]
        return ""

    def __str__(self):
        return ":".join(("arn", self.partition, self.service, self.region, self.account, self.resource))


def parse(text) -> Arn | None:
    """The parts of an ARN, or None when ``text`` is not one."""
    if not isinstance(text, str) or not text.startswith("arn:"):
        return None
    parts = text.split(":", 5)
    if len(parts) < 6:
        return None
    return Arn(*parts[1:])


_ACCOUNT = lazyre.compile(r"^\d{12}$")
_PARTITION = lazyre.compile(r"^(aws|aws-cn|aws-us-gov|aws-iso|aws-iso-b|aws-iso-e|aws-iso-f|aws-eusc)$")


def problem(text: str) -> str | None:
    """Why the Resource string ``text`` is not a valid ARN pattern (None when it is, or cannot be judged)."""
    if not isinstance(text, str) or text == "*" or "${" in text:
        return None
    if not text.startswith("arn:"):
        if text.lower().startswith("arn:"):
            return "'arn' must be lower case"
        return "it is neither \"*\" nor an ARN (arn:partition:service:region:account:resource)"
    parts = text.split(":", 5)
    if len(parts) < 6:
        return f"an ARN has 6 colon-separated parts (arn:partition:service:region:account:resource); this one has {len(parts)}"
    _, partition, service, region, account, resource = parts
    if not has_wildcard(partition) and not _PARTITION.match(partition):
        return f"'{partition}' is not an AWS partition (aws, aws-cn, aws-us-gov, …)"
    if not service:
        return "the service part is empty"
    if account and not has_wildcard(account) and not _ACCOUNT.match(account) and account not in ("aws",):
        return f"the account part '{account}' is not a 12-digit account id"
    if resource == "":
        return "the resource part is empty"
    return None


def fill(template: str, values: dict) -> str:
    """Replace ``${Name}`` in an ARN template by ``values[Name]`` (``*`` when absent)."""
    return re.sub(r"\$\{([^{}]*)\}", lambda m: str(values.get(m.group(1), "*")), template)
