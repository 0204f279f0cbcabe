""" "not now and not ever: ..." states a standing rule (a fact, must keep), in English as in its kin
("nie", "jamais", already rule words). Conversations written here, in new wording."""

from __future__ import annotations

import pytest
from tool_conv import Conv

from memoryd.flush.extract.lexicon import RULE


@pytest.mark.parametrize(
    "said",
    [
        "no retry plugin, not now and not ever: I don't want retries hiding a broken job, they rot.",
        "kein Retry-Plugin, nicht jetzt und nie: ich will keine Wiederholungen, die einen kaputten Job verstecken.",
        "pas de plugin de relance, ni maintenant ni jamais : je ne veux pas de relances qui cachent un job cassé.",
    ],
)
def test_not_ever_states_a_rule(said: str) -> None:
    c = Conv()
    c.user("the nightly export keeps timing out, can you look?")
    c.say("The export job hits the 10-minute limit every night since the source moved.")
    c.user(said)
    c.say("Understood.")
    assert [i for i in c.items() if i.kind == "fact" and i.must_keep]


def test_not_ever_is_a_rule_word() -> None:
    assert RULE.hit("and not ever on a friday")
    assert not RULE.hit("not even on a friday")
