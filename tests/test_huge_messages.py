"""One huge message costs time in proportion to its size, and reads as the same message would.

Several of the rules' patterns backtracked once per start on a run without the character they
were looking for (a word without a digit, blank lines, a checklist read as a thousand options), so
one pasted blob stalled its session's flush for minutes. ``bench/huge.py`` measures the growth; these
tests pin what the linear versions must still find (no timing here: these machines are shared).
"""

from __future__ import annotations

import random
import re

from tool_conv import Conv

from memoryd.flush.extract.exchanges import _IDENT, _identifiers
from memoryd.flush.extract.procedures import _NUMBERED_LINE
from memoryd.flush.extract.prose import STEP_START, alone_in
from memoryd.flush.extract.restated import listed_tasks
from memoryd.flush.pipeline import content_of
from memoryd.sources.transcript import parse_lines


def test_identifiers_are_the_pattern_s_matches_on_ordinary_text() -> None:
    for text in [
        "deploy api-v2.3 to host db1.internal:5433, see src/app/main.py and myService then ABCD",
        "le port 9440 sur pg-replica.lan, pas 5433 ; voir /etc/pg/pg_hba.conf",
        "Die Datei heißt config_v2.yaml und liegt unter ~/svc/conf/",
    ]:
        assert _identifiers(text) == _IDENT.findall(text)


def test_a_run_of_non_blanks_longer_than_300_is_one_value_and_the_rest_is_read_as_before() -> None:
    blob = "x" * 5000
    text = f"option A keeps {blob} on db1.internal:5433, option B moves it to v2.1"
    found = _identifiers(text)
    assert blob in found
    assert [t for t in found if t != blob] == _IDENT.findall(text.replace(blob, ""))


def test_alone_in_is_each_set_minus_all_the_others() -> None:
    rng = random.Random(20261208)
    for _ in range(200):
        sets = [frozenset(rng.sample("abcdefghij", rng.randint(0, 6))) for _ in range(rng.randint(1, 6))]
        expected = [s.difference(*(o for j, o in enumerate(sets) if j != i)) for i, s in enumerate(sets)]
        assert alone_in(sets) == expected


def test_numbered_steps_after_blank_lines_are_found_as_before() -> None:
    old_step, old_line = re.compile(r"^\s*\d{1,2}[.)]\s", re.M), re.compile(r"^\s*\d{1,2}[.)]\s+(.+)$", re.M)
    for text in [
        "intro\n\n\n\n1. stop the service\n  2) copy the dump\n\n3. start it",
        "\n" * 50 + "1. one\n",
    ]:
        assert bool(STEP_START.search(text)) == bool(old_step.search(text))
        assert _NUMBERED_LINE.findall(text) == old_line.findall(text)


def test_a_task_list_after_blank_lines_keeps_its_entries() -> None:
    prose = "Here is who does what:\n\n\n\n- **Pavel Schuster**: the hours to you by Wed 9 Dec\n"
    assert listed_tasks(prose) == [("Pavel Schuster", "Pavel Schuster: the hours to you by Wed 9 Dec")]
    texte = "Voilà la liste :\n\n\n- **Inès Martin** : envoie le devis vendredi 11 décembre\n"
    assert [owner for owner, _ in listed_tasks(texte)] == ["Inès Martin"]


def _decision_beside(blob: str, where: str) -> list[str]:
    c = Conv()
    c.user(f"should we use Redis or Postgres for the queue? {blob if where == 'user' else ''}")
    c.say(f"Option A: Redis. Option B: Postgres. {blob if where == 'assistant' else ''} Which one?")
    c.user("the second one")
    c.say("Going with Postgres.")
    _, entries, errors = parse_lines(b"\n".join(c.lines) + b"\n")
    assert errors == []
    content = content_of(list(entries), [])
    return [i.text for i in content.items if i.kind == "decision"]


def test_a_decision_beside_a_huge_blob_is_kept() -> None:
    for blob, where in [
        ("\n" * 20000, "user"),
        ("a" * 20000, "assistant"),
        ("| host | up |\n" * 1500, "user"),
        ("- [ ] \n" * 3000, "user"),
    ]:
        decisions = _decision_beside(blob, where)
        assert any("Postgres" in d for d in decisions), (where, blob[:12], decisions)
