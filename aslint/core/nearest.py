"""``did you mean``: the closest known name, at a cost bounded by the names' lengths.

difflib's ratio is 2·M / (len(a) + len(b)) with M <= min(len(a), len(b)), so a word much longer
(or shorter) than every choice cannot reach the cutoff; such a word is answered at once instead
of being run through difflib, whose cost grows with the square of a 4 MB key.
"""

from __future__ import annotations


def close_matches(word: str, choices, n: int = 1, cutoff: float = 0.6) -> list:
    """difflib.get_close_matches, with choices that cannot reach ``cutoff`` left out first."""
    import difflib

    stretch = 2 / cutoff - 1 if cutoff > 0 else float("inf")
    size = len(word)
    fitting = [c for c in choices if size <= len(c) * stretch and len(c) <= size * stretch]
    if not fitting:
        return []
    return difflib.get_close_matches(word, fitting, n=n, cutoff=cutoff)
