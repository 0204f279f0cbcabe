"""Keep a flush from writing what the daily log already says, without losing what it does not.

Two comparisons, for two questions:

- **Against the log** (today's and the last days' lines: other sessions' blocks, earlier cycles,
  the person's own notes), :func:`already_said`: an item is dropped only when one line says *all*
  of it: every content word, the same names (``Postgres``, ``ruff``, ``Jonas``), no identifier the
  line lacks, the same polarity. A similar line is not enough: two sessions of one agent on one day
  often have the same shape ("go with X on port N, lint with Y") and different content, and a
  near-duplicate rule would drop the second session's decisions as echoes of the first's.
- **Within one flush** (the same range of one session), :func:`is_duplicate`: near-duplicates, a
  user's words and the agent's restatement, are merged when their words mostly overlap *and* they
  carry the same identifiers, names and polarity.

Identifiers (numbers, versions, hashes, ports, paths, hosts) and names decide both: "the port is now
5434" is an update of "the port is 5433", never its duplicate, "go with MySQL" is not "go with
Postgres", and "X is not allowed" is not "X is allowed". Text is normalised first: case,
punctuation, Markdown bullets and emphasis, kind labels, and memoryd's own citations such as
``(abcd1234:ef01ab23)`` are ignored. Kinds matter once: a must-keep fact is not merged into a
decision or a to-do that quotes the same words (:func:`_one`).

Stdlib only; words are compared as sets (CJK text as character bigrams, since it has no spaces).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import pairwise
from typing import Final

from memoryd.flush.items import Item

__all__ = ["Fingerprint", "already_said", "dedupe", "fingerprint", "is_duplicate", "normalise", "same_item"]


def _wordset(words: str) -> frozenset[str]:
    """A constant set of words, written as one space-separated string."""
    return frozenset(words.split())


_BULLET: Final = re.compile(r"^\s*(?:[-*+•]|\d{1,3}[.)])\s+(?:\[[ xX]\]\s+)?")
_LABEL: Final = re.compile(
    r"^\s*(?:\*\*|__)?(?:decisions?|outcomes?|open questions?|facts?|procedures?|to-?dos?|rejected)"
    r"(?:\*\*|__)?\s*:\s*(?:\*\*|__)?",
    re.I,
)
#: memoryd's own citations, ``(5f3c9a2e:0de8b4c8,10f880c1…)``, and other bracketed id lists and HTML comments.
_CITATION: Final = re.compile(
    r"\(\s*[0-9a-f]{8}(?::[\w\-]+(?:\s*,\s*[\w\-]+)*)?\s*…?\s*\)"
    r"|[(\[]\s*[0-9a-f]{8}(?:\s*[,;/ ]\s*[0-9a-f]{8})+\s*[)\]]"
    r"|<!--.*?-->",
    re.I,
)
_MARKUP: Final = re.compile(r"[*_`~]+")
#: Identifier-like tokens: anything with a digit, a path, a dotted name or host, an ``@``.
_DOTTED: Final = re.compile(r"^[a-z][\w\-]*(?:\.[a-z][\w\-]*)+$", re.I)
_TOKEN_EDGE: Final = "\"'`()[]{}<>,;!?。、（）「」"
_WORD: Final = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?", re.I)
_CJK_RUN: Final = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]+")
_NEGATION: Final = re.compile(
    r"\b(?:not|no|never|don't|doesn't|isn't|aren't|won't|can't|cannot|without|nicht|kein\w*|pas|jamais)\b"
    r"|n't\b|ない|ません|禁止|不要",
    re.I,
)
_STOP: Final = _wordset(
    "a an the and or of to in on at for by with is are was were be been it this that as from into now "
    "then also so we i you they our"
)

#: Jaccard over words at or above which two texts with the same identifiers are duplicates.
SIMILAR: Final = 0.72
#: Share of the new text's words found in a longer existing line that makes it a duplicate.
CONTAINED: Final = 0.9


#: Words an item may add to a log line that says the rest: they change nothing it means.
_FILLER: Final = _wordset(
    "also just please ok okay yes agreed decided decision user assistant note noted still already "
    "will should let's lets"
)
#: Content words an item without identifiers or names needs before the log can be said to hold it.
_SPECIFIC_WORDS: Final = 5
#: A name: a word with a capital after its first letter (``PostgreSQL``, ``API``), or capitalised
#: where no sentence starts; or anything in backticks or quotes.
_NAME_TOKEN: Final = re.compile(r"[^\W\d_][\w.+#\-]*")
_QUOTED: Final = re.compile(r"`([^`\n]{1,60})`|[\"“„«]([^\"”“»\n]{1,60})[\"”“»]")
_SENTENCE_START: Final = frozenset(".!?:;—–-(\"'«“„*")


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What duplicate detection compares, computed once per text.

    ``stems`` are the words with plurals folded, for the strict comparison with the log;
    ``cased`` the stripped text with its case, from which :attr:`names` are read when a
    comparison gets that far (most pairs are settled by their words first).
    """

    norm: str
    words: frozenset[str]
    idents: frozenset[str]
    negations: int
    stems: frozenset[str] = frozenset()
    cased: str = ""

    @property
    def names(self) -> frozenset[str]:
        """Proper names and quoted terms, lower-cased."""
        return _names(self.cased)


def _stripped(text: str) -> str:
    """The text without bullets, citations, emphasis and kind labels, case kept."""
    text = _BULLET.sub("", text)
    text = _CITATION.sub(" ", text)
    text = _MARKUP.sub("", text)
    return _LABEL.sub("", text)


def normalise(text: str) -> str:
    """Lower-case text without bullets, labels, citations or emphasis (word sets ignore punctuation)."""
    return " ".join(_stripped(text).lower().split())


@lru_cache(maxsize=16384)
def _names(text: str) -> frozenset[str]:
    """Proper names and quoted terms: what a decision chose, who owns what."""
    found = {(a or b).strip().lower() for a, b in _QUOTED.findall(text)}
    for m in _NAME_TOKEN.finditer(text):
        word = m.group(0).rstrip(".-")
        if len(word) < 2 or not any(c.isupper() for c in word):
            continue
        if any(c.isupper() for c in word[1:]):
            found.add(word.lower())  # PostgreSQL, API, iOS
            continue
        before = text[: m.start()].rstrip()
        if before and before[-1] not in _SENTENCE_START:
            found.add(word.lower())  # "go with Postgres", not "Postgres is ..."
    return frozenset(found)


def _words(norm: str) -> frozenset[str]:
    words = {w for w in _WORD.findall(norm) if w not in _STOP}
    for run in _CJK_RUN.findall(norm):
        words.update(run[i : i + 2] for i in range(max(1, len(run) - 1)))
    return frozenset(words)


#: ``orders_archive``, ``MAX_RETRIES``: read from the text before emphasis marks are removed.
_SNAKE: Final = re.compile(r"(?<![A-Za-z0-9_])[A-Za-z0-9]+(?:_[A-Za-z0-9]+)+")
#: ``prod-eu``, ``blue-green``: words joined by hyphens.
_KEBAB: Final = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)+")
#: Numbers written as words (en, de, es, fr), a closed class; those that are also articles or common
#: words ("one", "un", "una", "once", "neuf") are left out.
_NUMBER_WORDS: Final = _wordset(
    "zero two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand "
    "million null zwei drei vier fünf sechs sieben acht neun zehn elf zwölf zwanzig dreißig vierzig "
    "fünfzig sechzig siebzig achtzig neunzig hundert tausend cero dos tres cuatro cinco seis siete ocho "
    "nueve diez doce veinte treinta cuarenta cincuenta sesenta setenta ochenta noventa cien mil zéro deux "
    "trois quatre cinq sept huit dix onze douze vingt trente quarante cinquante soixante cent mille"
)
_ASCII_DIGIT: Final = re.compile(r"[0-9]")


def _has_digit(token: str) -> bool:
    return bool(_ASCII_DIGIT.search(token)) if token.isascii() else any(c.isdigit() for c in token)


def _idents(norm: str, cased: str = "") -> frozenset[str]:
    """Tokens that name something exactly: numbers (also in words), versions, hashes, ports, paths,
    hosts, e-mails, ``snake_case`` and ``kebab-case`` names."""
    found = {m.group(0).lower() for m in _SNAKE.finditer(cased)} if "_" in cased else set()
    for raw in norm.split():
        token = raw.strip(_TOKEN_EDGE).rstrip(".:").strip("-#")
        if token.isalpha():  # most words: no digit, "/", "@", "." or "-" to look at
            if token in _NUMBER_WORDS:
                found.add(token)
        elif token and (
            _has_digit(token)
            or "/" in token
            or "@" in token
            or _DOTTED.match(token)
            or token in _NUMBER_WORDS
            or ("-" in token and _KEBAB.fullmatch(token))
        ):
            found.add(token)
    return frozenset(found)


def fingerprint(text: str) -> Fingerprint:
    """Normalised text, its word set, its identifiers and names, and whether it is negated."""
    stripped = _stripped(text)
    norm = " ".join(stripped.lower().split())
    words = _words(norm)
    return Fingerprint(
        norm=norm,
        words=words,
        idents=_idents(norm, _CITATION.sub(" ", _BULLET.sub("", text))),
        negations=len(_NEGATION.findall(norm)),
        cased=stripped,
        stems=frozenset(w[:-1] if len(w) > 4 and w.endswith("s") else w for w in words),
    )


def _names_in(names: frozenset[str], norm: str) -> bool:
    """Every name occurs in the other (normalised) text, as a word of its own."""
    return all(name in norm and _name_pattern(name).search(norm) for name in names)


@lru_cache(maxsize=4096)
def _name_pattern(name: str) -> re.Pattern[str]:
    """A name as a word of its own, compiled once (``re``'s own cache holds 512 patterns of every module)."""
    return re.compile(r"(?<![\w\-])" + re.escape(name) + r"(?![\w\-])")


def already_said(new: Fingerprint, old: Fingerprint) -> bool:
    """True when the log line ``old`` says all that ``new`` says: the strict test against the log.

    Every content word of ``new`` is in ``old`` (plurals folded, a few filler words aside), the
    names are the same, ``old`` has every identifier of ``new``, and both have the same polarity.
    A vague item ("I'd recommend B.": no identifier, no name, under five content words) is never
    already said: in another session the same words may mean another choice.
    """
    if not new.words or (new.negations > 0) != (old.negations > 0):
        return False
    if not new.idents and not new.names and len(new.words - _FILLER) < _SPECIFIC_WORDS:
        return False
    if new.norm == old.norm:
        return True
    if not new.idents <= old.idents or not all(w in _FILLER for w in new.stems - old.stems):
        return False
    return _names_in(new.names, old.norm) and _names_in(old.names, new.norm) and _in_order(new, old)


def _stem_sequence(norm: str) -> list[str]:
    """The content words of a text, plurals folded, in the order they first occur."""
    out: dict[str, None] = {}
    for w in _WORD.findall(norm):
        if w not in _STOP and w not in _FILLER:
            out.setdefault(w[:-1] if len(w) > 4 and w.endswith("s") else w, None)
    return list(out)


#: Words that set two things against each other ("A over B", "A statt B"): with them, or with a
#: negation, the order of the words says which is which. A closed class (en, de, es, fr).
_CONTRAST: Final = _wordset("over instead rather versus vs statt anstatt stattdessen lugar vez plutôt lieu")


def _in_order(new: Fingerprint, old: Fingerprint) -> bool:
    """When the text sets things against each other, ``new``'s words come in ``old`` in the same
    order: "staging, never production" is not said by "production, never staging", though both
    have the same words. Otherwise a line may say the same in another order."""
    if not new.negations and _CONTRAST.isdisjoint(new.norm.split()):
        return True
    where = {w: i for i, w in enumerate(_stem_sequence(old.norm))}
    at = [where[w] for w in _stem_sequence(new.norm) if w in where]
    return all(x < y for x, y in pairwise(at))


def is_duplicate(new: Fingerprint, old: Fingerprint) -> bool:
    """True when ``new`` is a near-duplicate of ``old``: the test within one flush.

    Mostly the same words, no identifier or name that ``old`` lacks, and not one capitalised word
    put in the place of another ("Alice owns ..." is not "Bob owns ...").
    """
    if not new.words or not new.idents <= old.idents or (new.negations > 0) != (old.negations > 0):
        return False
    return (
        _similar(new, old)
        and _names_in(new.names, old.norm)
        and not _swapped_names(new, old)
        and _in_order(new, old)
    )


@lru_cache(maxsize=16384)
def _capitalised(cased: str) -> frozenset[str]:
    """Words written with a capital (sentence starts included) and never in lower case, fillers and
    stop words aside: the names :attr:`Fingerprint.names` cannot tell from a sentence's first word."""
    seen = _WORD.findall(cased)
    lower = {w for w in seen if w[:1].islower()}
    return frozenset(
        low
        for w in seen
        if w[:1].isupper() and (low := w.lower()) not in lower and low not in _STOP and low not in _FILLER
    )


def _swapped_names(a: Fingerprint, b: Fingerprint) -> bool:
    """Each text has a capitalised word the other lacks: one name put in the place of another."""
    return bool(_capitalised(a.cased) - b.words) and bool(_capitalised(b.cased) - a.words)


def same_item(a: Fingerprint, b: Fingerprint) -> bool:
    """``is_duplicate(a, b) or is_duplicate(b, a)``, with the work both directions share done once.

    The word counts and the character bound behind the sequence ratio are symmetric; only the
    identifier subset, the containment share and the names depend on the direction.
    """
    if (a.negations > 0) != (b.negations > 0):
        return False
    ab = bool(a.words) and a.idents <= b.idents  # a may be a duplicate of b
    ba = bool(b.words) and b.idents <= a.idents
    if not (ab or ba):
        return False
    if a.norm == b.norm:
        sim_ab = sim_ba = True
    else:
        common = len(a.words & b.words)
        jaccard = common / len(a.words | b.words)
        sim_ab = ab and (jaccard >= SIMILAR or (len(a.words) >= 4 and common / len(a.words) >= CONTAINED))
        sim_ba = ba and (jaccard >= SIMILAR or (len(b.words) >= 4 and common / len(b.words) >= CONTAINED))
        open_ab, open_ba = ab and not sim_ab, ba and not sim_ba  # a direction still to settle
        if (open_ab or open_ba) and jaccard >= 0.5 and _may_be_similar(a.norm, b.norm):
            sim_ab = sim_ab or (open_ab and _sequence_ratio(a.norm, b.norm) >= 0.9)
            sim_ba = sim_ba or (open_ba and _sequence_ratio(b.norm, a.norm) >= 0.9)
    if not ((ab and sim_ab) or (ba and sim_ba)) or _swapped_names(a, b) or not _in_order(a, b):
        return False
    return (ab and sim_ab and _names_in(a.names, b.norm)) or (ba and sim_ba and _names_in(b.names, a.norm))


def _similar(new: Fingerprint, old: Fingerprint) -> bool:
    if new.norm == old.norm:
        return True
    common = len(new.words & old.words)
    jaccard = common / len(new.words | old.words)
    if jaccard >= SIMILAR:
        return True
    if len(new.words) >= 4 and common / len(new.words) >= CONTAINED:
        return True  # an existing line that says the same and more
    if jaccard < 0.5:
        return False
    return _sequence_ratio(new.norm, old.norm) >= 0.9


def _lcs_length(a: str, b: str) -> int:
    """Length of the longest common subsequence, bit-parallel (Crochemore et al. 2001): O(len(b)) int ops.

    Bit ``i`` of ``v`` is 0 where ``a[i]`` is matched; ``masks[c]`` has the positions of ``c`` in ``a``.
    """
    masks: dict[str, int] = {}
    for i, c in enumerate(a):
        masks[c] = masks.get(c, 0) | (1 << i)
    full = (1 << len(a)) - 1
    v = full
    for c in b:
        u = v & masks.get(c, 0)
        v = ((v + u) | (v - u)) & full
    return len(a) - v.bit_count()


@lru_cache(maxsize=4096)
def _chars(text: str) -> Counter[str]:
    return Counter(text)


@lru_cache(maxsize=4096)
def _bound_pair(a: str, b: str) -> bool:
    """Whether difflib's ratio of ``a`` and ``b`` (either order) can reach 0.9: symmetric, so asked once."""
    total = len(a) + len(b)
    if 2.0 * min(len(a), len(b)) < 0.9 * total:
        return False
    # M <= LCS <= the characters the two have in common, counted with multiplicity (difflib's quick_ratio).
    if 2.0 * (_chars(a) & _chars(b)).total() < 0.9 * total:
        return False
    return 2.0 * _lcs_length(a, b) >= 0.9 * total


def _may_be_similar(a: str, b: str) -> bool:
    """The bounds of :func:`_sequence_ratio`, cached per unordered pair."""
    return _bound_pair(a, b) if a <= b else _bound_pair(b, a)


def _sequence_ratio(a: str, b: str) -> float:
    """difflib's ratio of the two texts, cheap bounds first.

    ``ratio()`` is 2M/T where M, the characters of difflib's matching blocks, is a common
    subsequence: M <= LCS <= the shorter length, and LCS <= the characters both have, counted
    with multiplicity. So the bounds (lengths, the shared characters, then the LCS, computed
    bit-parallel) settle nearly every pair before difflib's quadratic matching runs.
    """
    if not _may_be_similar(a, b):
        return 0.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


#: Item texts, fingerprinted once: the extractor's merge (``budget.merge_drafts``) fingerprints every
#: draft, and the drafts it keeps reach :func:`dedupe` as items with the same texts (redaction changes few).
item_fingerprint = lru_cache(maxsize=1024)(fingerprint)

#: The daily log's lines, fingerprinted once: every flush of the day compares its items with all of them.
_known_fingerprint = lru_cache(maxsize=8192)(fingerprint)


class _LogIndex:
    """The log's lines, fingerprinted, and for each content stem the items need, the lines that have it.

    :func:`already_said` needs every content stem of the item (fillers aside) in the line, so an item
    is compared only with the lines that have its rarest such stem. Only the stems the items need
    are indexed (one set intersection per line): a flush costs about the log's length plus a few
    comparisons per item, not items × lines.
    """

    __slots__ = ("by_stem", "lines")

    def __init__(self, existing: Sequence[str], wanted: frozenset[str]) -> None:
        self.lines = [_known_fingerprint(line) for line in existing if line.strip()]
        self.by_stem: dict[str, list[Fingerprint]] = {stem: [] for stem in wanted}
        for fp in self.lines:
            for stem in fp.stems & wanted:
                self.by_stem[stem].append(fp)

    def says(self, new: Fingerprint) -> bool:
        """Whether a line of the log already says all of ``new``."""
        needed = new.stems - _FILLER
        if not needed:  # nothing but fillers (an identifier or a name may still decide): every line
            return any(already_said(new, old) for old in self.lines)
        rare = min((self.by_stem.get(s, ()) for s in needed), key=len)
        return any(already_said(new, old) for old in rare)


def _one(new: Item, kept: Item) -> bool:
    """Whether two near-duplicate items of a flush may be one. A must-keep fact is not merged into a
    decision or a to-do: a reply that decides a point or sets a task and a rule in the same words
    ("the meal planner one: never promise dates, rewrite that") keeps the rule as the fact it is,
    beside the item that quotes the reply. (A point still open stays one item: it is no fact.)"""
    return not (new.kind == "fact" and new.must_keep and kept.kind in ("decision", "todo"))


def dedupe(items: Sequence[Item], existing: Sequence[str]) -> list[Item]:
    """Drop items that a line of ``existing`` already says, and merge near-duplicates among ``items``.

    Against the log the test is strict (:func:`already_said`): a flush never loses an item because
    another session, or an earlier cycle, said something similar. Of two near-duplicate new items
    the first is kept; it inherits the other's ``must_keep`` flag, so a block never loses a
    must-keep memory by merging. Entry ids are not merged: ids carry no order of their own, and the
    item kept already cites where the memory came from.
    """
    prints = [item_fingerprint(item.text) for item in items]
    log = _LogIndex(existing, frozenset().union(*(fp.stems for fp in prints)) - _FILLER) if items else None
    kept: list[Item] = []
    kept_prints: list[Fingerprint] = []
    for item, fp in zip(items, prints, strict=True):
        if log is not None and log.says(fp):
            continue
        twin = next((i for i, k in enumerate(kept_prints) if same_item(fp, k) and _one(item, kept[i])), None)
        if twin is None:
            kept.append(item)
            kept_prints.append(fp)
            continue
        if item.must_keep and not kept[twin].must_keep:
            kept[twin] = replace(kept[twin], must_keep=True)
    return kept
