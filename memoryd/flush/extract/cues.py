"""Marker patterns behind a cheap substring test (``Cue``), and constant word sets."""

from __future__ import annotations

import re
from collections.abc import Iterable
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
    words: tuple[str, ...]  # the longer needles, tested as substrings
    ascii_chars: re.Pattern[str] | None  # the same, ASCII only: ASCII text holds no other needle
    ascii_words: tuple[str, ...]

    def may_match(self, low: str) -> bool:
        """Whether lower-cased text contains a needle (a match is impossible otherwise).

        A plain loop, not ``any()`` over a generator: this runs for every cue of nearly every message,
        most often to the end (no needle), and the generator's resumption per needle cost a third."""
        chars, words = (self.ascii_chars, self.ascii_words) if low.isascii() else (self.chars, self.words)
        if chars is not None and chars.search(low) is not None:
            return True
        for n in words:  # noqa: SIM110 (see the docstring)
            if n in low:
                return True
        return False

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
    fast = re.compile(pattern, flags & ~re.I) if flags & re.I else None
    longer = tuple(w for w in words if len(w) != 1)
    return Cue(
        re.compile(pattern, flags),
        fast,
        words,
        _char_class(w for w in words if len(w) == 1),
        longer,
        _char_class(w for w in words if len(w) == 1 and w.isascii()),
        tuple(w for w in longer if w.isascii()),
    )


def _char_class(chars: Iterable[str]) -> re.Pattern[str] | None:
    found = sorted(set(chars))
    return re.compile("[" + "".join(map(re.escape, found)) + "]") if found else None
