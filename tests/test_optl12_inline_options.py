"""Options enumerated inside a sentence ("(a) ..., (b) ... or (c) ..."): the list is the labels that
run in order from the first; a label named again in a later sentence is a comment on that option
("I doubt (c) would fly"), and a closing yes/no question naming one ("Want me to do (b)?") puts
that option to the user. A lower-case label after an article ("la b") picks it; "..., or (3) ..."
makes numbered labels alternatives. Conversations written here, in en/fr/es/de."""

from __future__ import annotations

from test_extract import Transcript, of_kind
from test_extract_dialogue import accepted

from memoryd.flush.extract.exchanges import named_option, offer_of
from memoryd.flush.extract.messages import visible_messages


def _offer(text: str) -> list[str]:
    t = Transcript()
    t.user("what now?")
    t.assistant(text)
    (m,) = [x for x in visible_messages(t.entries()) if x.role == "assistant"]
    return [o.label + ":" + o.text for o in offer_of(m).options]


def test_a_label_named_again_later_is_a_comment_not_a_new_list() -> None:
    assert _offer(
        "For the move you could (a) rent a van for 90 €, (b) hire Umzug-Kraft for 640 €, or (c) ask "
        "friends. I doubt (c) would work in December."
    ) == ["a:rent a van for 90 €", "b:hire Umzug-Kraft for 640 €", "c:ask friends"]
    assert _offer(
        "Pour la salle tu peux (a) garder la 204, (b) passer dans la 118 ou (c) louer la Halle-3. "
        "Je vois mal (c) tenir dans le budget."
    ) == ["a:garder la 204", "b:passer dans la 118", "c:louer la Halle-3"]
    assert _offer("(b) and (c) both need a rebuild, (b) more so. Which one?") == []  # no list from (a)


def test_fr_la_b_picks_the_second_inline_option() -> None:
    t = Transcript()
    t.user("le traiteur a répondu ?")
    t.assistant(
        "Oui. Pour le buffet tu peux (a) prendre la formule à 18 €, (b) prendre la formule à 24 € avec "
        "desserts, ou (c) annuler et commander des pizzas. Je vois mal (c) plaire aux invités."
    )
    t.user("la b évidemment, les desserts comptent beaucoup pour eux")
    (decision,) = accepted(t.items())
    assert "24 €" in decision.text


def test_es_la_b_picks_the_second_option() -> None:
    t = Transcript()
    t.user("¿qué hacemos con la reserva del autobús?")
    t.assistant(
        "Para el autobús puedes (a) reservar el de 55 plazas por 700 €, (b) reservar dos de 30 plazas "
        "por 820 €, o (c) esperar al lunes. Yo no vería (c) con tan poco margen."
    )
    t.user("la b, así vamos más cómodos")
    (decision,) = accepted(t.items())
    assert "820 €" in decision.text


def test_en_no_to_the_option_the_question_names_again_rejects_it() -> None:
    t = Transcript()
    t.user("the export job keeps failing on the archive bucket, ideas?")
    t.assistant(
        "Options: (a) ask the storage team to look at the bucket quota, (b) point the export at the "
        "scratch bucket for now. (b) needs a config change and a redeploy. Want me to do (b)?"
    )
    t.user("no, leave the export config alone, finance reads from that bucket. I'll ask the storage team")
    rejected = [d.text for d in of_kind(t.items(), "decision") if d.text.startswith("Rejected")]
    assert len(rejected) == 1 and "scratch bucket" in rejected[0].split(" — ")[0]
    assert not accepted(t.items())


def test_de_nein_to_the_option_the_question_names_again_rejects_it() -> None:
    t = Transcript()
    t.user("der Import bricht wieder ab, was nun?")
    t.assistant(
        "Optionen: (a) den Import morgen früh neu starten, (b) die Prüfung der Pflichtfelder im Import "
        "abschalten. (b) wäre schnell gemacht. Soll ich (b) machen?"
    )
    t.user("nein, lass die Prüfung der Pflichtfelder an, sonst landen kaputte Zeilen in der Buchhaltung")
    rejected = [d.text for d in of_kind(t.items(), "decision") if d.text.startswith("Abgelehnt")]
    assert len(rejected) == 1 and "Pflichtfelder" in rejected[0].split(" — ")[0]
    assert not accepted(t.items())


def test_an_or_before_the_last_number_makes_numbered_alternatives() -> None:
    assert _offer(
        "If the printer is fine, you could (1) reprint the flyers tonight, (2) order them from "
        "Druckerei-7 for 80 €, or (3) skip flyers this year."
    ) == ["1:reprint the flyers tonight", "2:order them from Druckerei-7 for 80 €", "3:skip flyers this year"]
    assert _offer(
        "Wenn der Router läuft, kannst du (1) heute Abend neu starten, (2) den Techniker für 95 € rufen "
        "oder (3) bis Montag warten."
    ) == ["1:heute Abend neu starten", "2:den Techniker für 95 € rufen", "3:bis Montag warten"]
    steps = "I'd note the recipe: 1) check the token, 2) fetch the term id, 3) write one CSV per group."
    assert _offer(steps) == []  # steps joined by commas alone are no alternatives


def test_lower_case_label_after_an_article() -> None:
    t = Transcript()
    t.user("what now?")
    t.assistant("Tu peux (a) garder la 204 ou (b) passer dans la 118, ou (c) louer la Halle-3 ?")
    (m,) = [x for x in visible_messages(t.entries()) if x.role == "assistant"]
    opts = offer_of(m).options
    assert named_option("la b, évidemment", opts) == 1
    assert named_option("el c, claro", opts) == 2
    assert named_option("il l'a dit hier", opts, first=False) is None  # "l'a" is no label
