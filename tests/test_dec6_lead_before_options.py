"""A user's "A or B?" with a lead before a comma ("for the launch, should we ship v2 or stay on
v1?"): the lead is no option when the list reading ("X, A or B") leaves it none; the assistant's
elaboration of each, recommended by the speaker's own conditional, is an offer, and a later
reversal to the other option replaces the first pick. Conversations written here, in en/es."""

from __future__ import annotations

from test_extract import Transcript
from test_extract_dialogue import accepted

from memoryd.flush.extract.exchanges import user_laid_options


def test_lead_before_a_comma_is_no_option() -> None:
    _, opts = user_laid_options("for the launch, should we ship v2 or stay on v1?") or ("", ())
    assert [o.text for o in opts] == ["v2", "stay on v1"]
    _, opts = user_laid_options("Rust, Go or Zig?") or ("", ())
    assert [o.text for o in opts] == ["Rust", "Go", "Zig"]  # a list stays a list


def test_en_pick_then_reversal_to_the_recommended_option() -> None:
    t = Transcript()
    t.user("for the launch, should we ship v2 or stay on v1? support wants a quiet week")
    t.assistant(
        "v2 p-17 build: 30% faster search, two open P2 bugs.\nv1 r-88 build: stable, no open bugs.\n\n"
        "v2 is faster but the open bugs would land in launch week. I'd stay on v1."
    )
    t.user("hmm, speed is what the press will write about. let's do v2")
    t.assistant("Okay, v2 it is. Tagging the p-17 build.")
    t.user("you know what, forget it. support is right. v1 r-88 it is")
    ack = t.assistant("Back to v1 then: r-88. Retagging.")
    (decision,) = accepted(t.items())
    assert "v1" in decision.text and "r-88" in decision.text
    assert ack in decision.entry_ids


def test_es_pick_after_a_lead() -> None:
    t = Transcript()
    t.user("Para la cena del equipo, ¿reservamos en Casa Lupe o en El Faro-2?")
    t.assistant(
        "Casa Lupe: 32 € por persona, terraza cubierta.\nEl Faro-2: 41 € por persona, junto al puerto.\n\n"
        "Yo iría a Casa Lupe, cabe todo el equipo."
    )
    t.user("Vale, Casa Lupe.")
    (decision,) = accepted(t.items())
    assert "Casa Lupe" in decision.text and "32" in decision.text
