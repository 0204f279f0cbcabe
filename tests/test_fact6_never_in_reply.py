"""A reply to an offer whose sentence opens with the rule word itself ("never X", "nie X", "jamais X")
states a standing rule (a fact, must keep), even though "never" also starts a "no": the reply's reading
leaves that sentence to the fact rules. "never mind ..." waves a point away and stays a no.
Conversations written here, in new wording."""

from __future__ import annotations

import pytest
from tool_conv import Conv

from memoryd.flush.extract.dialogue import _keeps_fact


@pytest.mark.parametrize(
    ("offer", "reply", "word"),
    [
        (
            "The cache directory belongs to root. Shall I clear it with sudo?",
            "no. never touch the shared build server as root unless I say so, it runs the nightly images.",
            "root",
        ),
        (
            "Das Cache-Verzeichnis gehört root. Soll ich es mit sudo leeren?",
            "nein. nie als root auf dem Build-Server arbeiten, ohne mich vorher zu fragen.",
            "root",
        ),
        (
            "Le dossier de cache appartient à root. Je le vide avec sudo ?",
            "non. jamais de sudo sur le serveur de build sans me demander avant.",
            "sudo",
        ),
    ],
)
def test_never_sentence_in_a_reply_is_a_rule(offer: str, reply: str, word: str) -> None:
    c = Conv()
    c.user("the build keeps failing on the cache step, look into it")
    c.say(offer)
    c.user(reply)
    c.say("Understood, I'll leave it.")
    facts = [i for i in c.items() if i.kind == "fact" and i.must_keep]
    assert any(word in i.text for i in facts), facts


def test_never_mind_is_no_rule() -> None:
    assert not _keeps_fact("never mind the cache, it sorted itself out")
    assert not _keeps_fact("never used that cache tool, but go ahead")
    assert _keeps_fact("never run the cleanup on the shared box")
