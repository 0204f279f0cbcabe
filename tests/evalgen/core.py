"""What every template family shares: the context it writes into, phrasing banks, gold items.

A family is a function ``family(c: Ctx) -> None`` that appends one dialogue act (or a short chain
of them) to ``c.t`` and records, in ``c.gold``, the item a careful human would keep for it.
Phrasings come only from ``c.bank`` (one language, one bank set), topic values only from
``c.domain``: a family's structure, its wording and its topic are independent draws.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .transcript import Transcript

Phrases = Mapping[str, Sequence[str]]
#: A slot value: a name used as is in every language, or one text per language.
Text = str | Mapping[str, str]


@dataclass(frozen=True, slots=True)
class Bank:
    """One phrasing bank: a language and, per act slot, the ways of saying it."""

    name: str  # e.g. "en-A"
    lang: str  # en, de, es, fr
    phrases: Phrases

    def has(self, key: str) -> bool:
        return bool(self.phrases.get(key))


@dataclass(frozen=True, slots=True)
class ChoiceSet:
    """Options for one question, each (name, price or size, a language-neutral detail)."""

    subject: Mapping[str, str]  # per language
    options: Sequence[tuple[str, str, str]]
    cheap_index: int  # which option is clearly the cheapest ("the cheaper one"); -1: none is


@dataclass(frozen=True, slots=True)
class Domain:
    """Slot values of one topic area; language-bound texts are dicts keyed by language."""

    name: str
    cwd: str
    choices: Sequence[ChoiceSet]
    #: (thing, old value, new value, per-language noun for what changes)
    offers: Sequence[tuple[Text, Text, Text, Mapping[str, str]]]
    #: (per-language task with {x} slot, value for {x})
    tasks: Sequence[tuple[Mapping[str, str], Text]]
    #: things that live somewhere: (thing, place) e.g. ("orders-db", "db-03.fra1.internal")
    places: Sequence[tuple[Text, Text]]
    #: value corrections: (thing, wrong, right, per-language attribute name)
    values: Sequence[tuple[Text, Text, Text, Mapping[str, str]]]
    #: (good command, bad command) for standing rules
    rules: Sequence[tuple[Text, Text]]
    #: (preferred, other) for preferences
    prefs: Sequence[tuple[Text, Text]]
    #: (service, per-language question gist with {x}, value for {x})
    questions: Sequence[tuple[Mapping[str, str], Text]]
    #: (api or source, figure, per-language unit)
    figures: Sequence[tuple[str, str, Mapping[str, str]]]
    people: Sequence[str]
    dates: Sequence[Text]
    #: project-ish names used in commands: repos, jobs, services
    projects: Sequence[str]
    hosts: Sequence[str]
    #: failing test fixed by an edit: (test id, file, cause, total tests)
    fixes: Sequence[tuple[str, str, str, int]] = ()
    #: deploys: (service, health-check host, command)
    deploys: Sequence[tuple[str, str, str]] = ()
    #: long-running jobs to poll: (job, status command with {run})
    jobs: Sequence[tuple[Text, str]] = ()
    #: reusable sequences: (per-language goal, commands)
    procs: Sequence[tuple[Mapping[str, str], Sequence[str]]] = ()
    cities: Sequence[str] = ("Lisbon", "Berlin", "Madrid", "Lyon")


@dataclass
class Gold:
    items: list[dict[str, Any]] = field(default_factory=list)
    canaries: list[str] = field(default_factory=list)
    noise: list[str] = field(default_factory=list)
    #: the family now writing; each item records it, so recall can be read per family
    family: str = ""

    def add(self, kind: str, text: str, evidence: Sequence[str], *, must_keep: bool = False) -> None:
        self.items.append(
            {
                "kind": kind,
                "text": text,
                "evidence": list(evidence),
                "must_keep": must_keep,
                "family": self.family,
            }
        )


@dataclass
class Ctx:
    rng: random.Random
    t: Transcript
    bank: Bank
    domain: Domain
    gold: Gold
    #: the latest decision (subject, chosen, other options, evidence) for a reversal to replace
    last_choice: dict[str, Any] | None = None
    used: set[str] = field(default_factory=set)
    #: what was settled so far (option names), for a recap that restates them
    decided: list[str] = field(default_factory=list)

    @property
    def lang(self) -> str:
        return self.bank.lang

    def say(self, key: str, **slots: Any) -> str:
        """One phrasing of ``key`` from the bank, filled with ``slots``."""
        options = self.bank.phrases[key]
        return self.rng.choice(list(options)).format(**{k: unthe(self.lang, v) for k, v in slots.items()})

    def narrate(self, key: str, **slots: Any) -> str:
        """The agent's narration ("Let me run the tests."): said, and recorded as noise."""
        text = self.say(key, **slots)
        phrase = text.strip().rstrip(".:!")
        if len(phrase) >= NOISE_MIN and phrase not in self.gold.noise:
            self.gold.noise.append(phrase)
        return text

    def pair(self, user_key: str, assistant_key: str) -> tuple[str, str]:
        """A question and its own answer: the two banks are parallel lists, drawn at one index."""
        users, answers = self.bank.phrases[user_key], self.bank.phrases[assistant_key]
        fresh = [i for i in range(len(users)) if f"pair:{user_key}:{i}" not in self.used]
        i = self.rng.choice(fresh or list(range(len(users))))
        self.used.add(f"pair:{user_key}:{i}")
        return users[i], answers[i % len(answers)]

    def template(self, key: str) -> str:
        """One raw phrasing of ``key``, for a list whose lines must share one format."""
        return str(self.rng.choice(list(self.bank.phrases[key])))

    def loc(self, value: Text) -> str:
        """``value`` in this transcript's language."""
        return value if isinstance(value, str) else local(value, self.lang)

    def pick(self, values: Sequence[Any], tag: str = "") -> Any:
        """A value not used yet in this transcript when possible (topics do not repeat)."""
        fresh = [v for v in values if f"{tag}:{v!r}" not in self.used]
        v = self.rng.choice(list(fresh or values))
        self.used.add(f"{tag}:{v!r}")
        return v


#: A family writes its act and returns True, or returns False (before writing) when the domain
#: has no values for it.
Family = Callable[[Ctx], bool]

#: Noise phrases are matched as substrings of predicted items: shorter ones ("hi") would hit
#: ordinary words, so they are not recorded.
NOISE_MIN = 8


def unthe(lang: str, value: Any) -> Any:
    """Slot values are written in English ("the NAS"); other languages drop the article."""
    if lang != "en" and isinstance(value, str) and value.startswith("the "):
        return value[4:]
    return value


def local(text: Mapping[str, str], lang: str) -> str:
    return text.get(lang) or text["en"]
