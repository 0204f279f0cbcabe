"""A remember request said in other words: "before I forget: ...", "damit ich's nicht vergesse: ...",
"pour ne pas oublier : ...", "prima che me ne dimentichi: ..." keeps what follows (must keep), even right
after an assistant turn with a number in it (no correction of that number) and when the assistant's
answer is more than a short "noted"; declined, it leaves
nothing, and its secret is never written. Conversations written here, in new wording."""

from __future__ import annotations

from tool_conv import Conv

from memoryd.flush.items import Item


def facts(items: list[Item]) -> list[Item]:
    return [i for i in items if i.kind == "fact"]


def test_before_i_forget_keeps_what_follows() -> None:
    c = Conv()
    c.user("book the cleaner for the flat handover")
    c.say("Booked: Sparkle Cleaning, Thursday 9:00, 3 hours.")
    rem = c.user("before I forget: the spare key is with Mrs Patel at number 14")
    c.say(
        "Good to know: Mrs Patel at number 14 has the spare key, so the cleaner can pick it up there at 8:45."
    )
    (fact,) = facts(c.items())
    assert rem in fact.entry_ids and fact.must_keep and "Mrs Patel" in fact.text
    assert "forget" not in fact.text.lower()
    assert not [i for i in c.items() if i.kind == "decision"]


def test_a_german_lest_i_forget_keeps_what_follows() -> None:
    c = Conv()
    c.user("Plan mir die Radtour am Samstag.")
    c.say("Gern: Start 9 Uhr am Bahnhof, 45 km, Mittag in Lenzen.")
    rem = c.user("damit ich's nicht vergesse: Jonas braucht einen Kindersitz am Rad, Größe 2")
    c.say(
        "Steht auf der Packliste: Kindersitz Größe 2 für Jonas, am besten schon am Freitag ans Rad montieren."
    )
    (fact,) = facts(c.items())
    assert rem in fact.entry_ids and fact.must_keep and "Kindersitz" in fact.text


def test_a_french_and_an_italian_lest_i_forget_keep_what_follows() -> None:
    c = Conv()
    c.user("prépare la liste pour le vide-grenier")
    c.say("Voilà : 12 cartons, 2 tables, le stand n° 31.")
    rem = c.user("pour ne pas oublier : le badge exposant se retire à la mairie avant 8 h")
    c.say("Ajouté à la liste : retirer le badge exposant à la mairie avant 8 h, donc partir vers 7 h 30.")
    (fact,) = facts(c.items())
    assert rem in fact.entry_ids and fact.must_keep and "badge" in fact.text

    c = Conv()
    c.user("organizza la cena del circolo")
    c.say("Fatto: 24 persone, sala grande, menù da 30 €.")
    rem = c.user("prima che me ne dimentichi: Franca è celiaca, serve un piatto senza glutine")
    c.say("Aggiunto al menù: un piatto senza glutine per Franca, lo chiedo al ristorante con la conferma.")
    (fact,) = facts(c.items())
    assert rem in fact.entry_ids and fact.must_keep and "Franca" in fact.text


def test_a_declined_lest_i_forget_leaves_no_fact_and_no_secret() -> None:
    c = Conv()
    c.user("pay the electricity bill from the joint account")
    c.say("I can prepare the transfer for you to confirm: €84.20 to Stadtwerke.")
    c.user("so I don't forget, the banking PIN is 7730-2291")
    c.say("I shouldn't keep your PIN, please keep it in your password manager.")
    items = c.items()
    assert not facts(items)
    assert all("7730" not in i.text for i in items)


def test_remember_well_keeps_what_follows_without_the_adverb() -> None:
    for said, needle in [
        ("et retiens bien : le client Vasseur paie toujours à 45 jours", "Vasseur"),
        ("ricorda bene: la signora Conti riceve solo il martedì", "Conti"),
        ("merk dir gut: Herr Falk bekommt die Post immer per Einschreiben", "Falk"),
    ]:
        c = Conv()
        c.user("on prépare les relances / prepariamo i solleciti / wir bereiten die Mahnungen vor")
        c.say("D'accord / Va bene / Gut.")
        pos = c.user(said)
        c.say("Ok.")
        (fact,) = [f for f in facts(c.items()) if needle in f.text]
        assert pos in fact.entry_ids and fact.must_keep
        assert not fact.text.lower().startswith(("bien", "bene", "gut"))


def test_just_so_you_know_in_every_language_keeps_what_follows() -> None:
    for said, needle in [
        ("nur damit du's weißt: der Ersatzschlüssel hängt im Kasten neben der Garage", "Ersatzschlüssel"),
        ("para que lo sepas, la llave de repuesto está en la caja junto al garaje", "llave"),
        ("pour que tu saches, la clé de secours est dans la boîte à côté du garage", "clé"),
        ("per tua informazione, la chiave di riserva è nella scatola vicino al garage", "chiave"),
        ("worth knowing: the spare key hangs in the box next to the garage", "spare key"),
    ]:
        c = Conv()
        c.user("we're away from Friday, can you draft the note for the house sitter?")
        c.say("Sure, what should be in it?")
        pos = c.user(said)
        c.say("I'll put that in the note for the sitter, right at the top, with your phone numbers below it.")
        (fact,) = [f for f in facts(c.items()) if needle in f.text]
        assert pos in fact.entry_ids and fact.must_keep
