"""Marker patterns behind a cheap substring test (``Cue``), and constant word sets."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any


def wordset(words: str) -> frozenset[str]:
    """A constant set of words, written as one space-separated string."""
    return frozenset(words.split())


@dataclass(frozen=True, slots=True)
class Cue:
    """A marker regex behind a cheap substring test, run on lower-cased text.

    Python's ``re`` is slow on alternations, and several times slower still with ``IGNORECASE``.
    Every match contains one of the lower-case ``needles``, so text without any of them is skipped
    at C speed; the rest is searched lower-cased with the case-sensitive twin ``fast`` (the marker
    patterns are written in lower case). Text whose lower-casing changes its length falls back to
    the case-insensitive ``pattern``, so match positions always refer to the text given.
    """

    pattern: re.Pattern[str]
    fast: re.Pattern[str] | None
    needles: tuple[str, ...]
    chars: re.Pattern[str] | None  # one-character needles are faster as a character class

    def may_match(self, low: str) -> bool:
        """Whether lower-cased text contains a needle (a match is impossible otherwise)."""
        if self.chars is not None:
            return bool(self.chars.search(low))
        return any(n in low for n in self.needles)

    def search(self, text: str) -> re.Match[str] | None:
        low = text.lower()
        if not self.may_match(low):
            return None
        if self.fast is not None and len(low) == len(text):
            return self.fast.search(low)
        return self.pattern.search(text)

    def findall(self, text: str) -> list[Any]:
        return self.pattern.findall(text) if self.may_match(text.lower()) else []


def make_cue(pattern: str, needles: str, flags: int = re.I) -> Cue:
    words = tuple(needles.split("|"))
    chars = re.compile("|".join(map(re.escape, words))) if any(len(w) == 1 for w in words) else None
    fast = re.compile(pattern, flags & ~re.I) if flags & re.I else None
    return Cue(re.compile(pattern, flags), fast, words, chars)
