"""One outcome per saga: the pieces of the work done for one request join the outcome they belong to
(a poll read across a side question, a failure left open that a later run got past), and a user's
own account of what they did inside a request is context (conversations built here)."""

from __future__ import annotations

from tool_conv import Conv

from memoryd.flush.extract.context import Ctx, Draft
from memoryd.flush.extract.messages import language_of, visible_messages
from memoryd.flush.extract.tools import one_per_saga
from memoryd.flush.items import Item
from memoryd.sources.transcript import parse_lines


def outcomes(items: list[Item]) -> list[Item]:
    return [i for i in items if i.kind == "outcome"]


def _rebuild(
    c: Conv, ask: str, side: str, reply: str, ok: str, polls: tuple[str, ...], ready: str
) -> set[str]:
    """A rebuild that fails once, is fixed, runs; a side question meanwhile; then polls until ready."""
    c.user(ask)
    c.run("idxctl rebuild shard7 --from /srv/snap/0412", "error: lock held by pid 3311 (stale)", code=1)
    c.run("rm /srv/idx/shard7.lock", "")
    c.run("idxctl rebuild shard7 --from /srv/snap/0412", "rebuild of shard7 started (job 88)")
    c.run("idxctl status shard7", "shard7: rebuilding 3%", text=ok)
    c.say("shard7 is rebuilding after the stale lock was removed, about 2 hours to go.")
    c.user(side)
    c.say(reply)
    c.user("ok")
    ids = {c.run("idxctl status shard7", f"shard7: rebuilding {p}") for p in polls}
    ids.add(c.run("idxctl status shard7", "shard7: ready, 48211 docs"))
    c.say(ready)
    return ids


def test_a_poll_after_a_side_question_joins_the_outcome_of_the_work_it_reads_en() -> None:
    c = Conv()
    ids = _rebuild(
        c,
        "Rebuild search shard7 from last night's snapshot please, it's been returning garbage since noon.",
        "By the way, does the hourly export job still have to run while the shard rebuilds?",
        "It can run: it reads only the other shards.",
        "Checking that it runs.",
        ("41%", "77%"),
        "shard7 is ready again: 48211 docs indexed.",
    )
    (out,) = outcomes(c.items())
    assert ids & set(out.entry_ids)
    assert "48211" in out.text and "lock" in out.text


def test_a_poll_after_a_side_question_joins_the_outcome_of_the_work_it_reads_de() -> None:
    c = Conv()
    ids = _rebuild(
        c,
        "Bau bitte shard7 aus dem Snapshot von heute Nacht neu auf, der liefert seit Mittag nur Müll.",
        "Übrigens, muss der stündliche Export laufen, während der Shard neu gebaut wird?",
        "Er kann laufen, er liest nur die anderen Shards.",
        "Ich prüfe, ob er läuft.",
        ("35%", "80%"),
        "shard7 ist wieder bereit: 48211 Dokumente im Index.",
    )
    (out,) = outcomes(c.items())
    assert ids & set(out.entry_ids)
    assert "48211" in out.text


def test_a_poll_after_a_side_question_joins_the_outcome_of_the_work_it_reads_fr() -> None:
    c = Conv()
    ids = _rebuild(
        c,
        "Reconstruis shard7 depuis le snapshot de cette nuit, il renvoie n'importe quoi depuis midi.",
        "Au fait, est-ce que l'export horaire doit tourner pendant la reconstruction du shard ?",
        "Il peut tourner : il ne lit que les autres shards.",
        "Je vérifie qu'il tourne.",
        ("22%", "64%"),
        "shard7 est de nouveau prêt : 48211 documents indexés.",
    )
    (out,) = outcomes(c.items())
    assert ids & set(out.entry_ids)
    assert "48211" in out.text


def test_a_poll_after_a_side_question_joins_the_outcome_of_the_work_it_reads_ja() -> None:
    c = Conv()
    ids = _rebuild(
        c,
        "昨夜のスナップショットから shard7 を作り直してください。昼からおかしな結果しか返しません。",
        "ところで、作り直している間も毎時のエクスポートは動かしたままで大丈夫ですか？",
        "大丈夫です。ほかのシャードしか読みません。",
        "動いているか確認します。",
        ("30%", "70%"),
        "shard7 は元に戻りました：48211 件を索引済みです。",
    )
    (out,) = outcomes(c.items())
    assert ids & set(out.entry_ids)
    assert "48211" in out.text


def test_a_poll_of_another_program_stays_its_own_outcome() -> None:
    """A status read of something else (not the program the work ran) is no piece of that work."""
    c = Conv()
    _rebuild(
        c,
        "Rebuild search shard7 from last night's snapshot please, it's been returning garbage since noon.",
        "By the way, does the hourly export job still have to run while the shard rebuilds?",
        "It can run: it reads only the other shards.",
        "Checking that it runs.",
        ("41%", "77%"),
        "shard7 is ready again: 48211 docs indexed.",
    )
    c.user("And how full is the backup volume these days, the one the snapshots go to?")
    for n in (81, 82, 83):
        c.run("sleep 60 && backupctl usage vol2", f"vol2: {n}% used, 2 jobs writing")
    c.say("vol2 settled at 83% used while the two jobs write.")
    texts = [o.text for o in outcomes(c.items())]
    assert any("48211" in t for t in texts)
    assert all("48211" not in t for t in texts if "83%" in t)


def test_a_failure_left_open_that_a_later_run_got_past_is_one_outcome_with_it() -> None:
    c = Conv()
    c.user("The nightly CI on main is red again, can you find out why and get it green?")
    c.run("ci watch 4410 --exit-status", "job unit: FAILED (test_parse_dates)", code=1)
    c.say("The unit job fails in test_parse_dates: the fixture uses the local time zone.")
    c.edit("tests/test_dates.py")
    c.run(
        "git commit -am 'tests: pin TZ in the date fixture'",
        "[main 9c1e2aa] tests: pin TZ in the date fixture",
    )
    c.run("ci watch 4411 --exit-status", "job unit: FAILED (test_parse_dates)", code=1)
    c.edit("tests/conftest.py")
    c.run("git commit -am 'tests: set TZ=UTC for the whole session'", "[main 1b7f0d3] tests: set TZ=UTC")
    green = c.run("ci watch 4412 --exit-status", "job unit: passed\njob lint: passed")
    c.say("CI run 4412 on 1b7f0d3 is green: the whole test session now runs with TZ=UTC.")
    outs = outcomes(c.items())
    assert len(outs) == 1
    assert green in outs[0].entry_ids and not outs[0].must_keep


def test_a_user_account_inside_a_request_is_no_outcome() -> None:
    c = Conv()
    c.user("The billing page shows 500s since lunch. We deployed 7.2.1 at 13:05, the cluster is eu-2.")
    c.say("Which service do the 500s come from, the gateway or billing-api?")
    c.user("billing-api. I've sent the on-call a note already. Can you look at its logs now?")
    c.say("Looking.")
    assert not [o for o in outcomes(c.items()) if "deployed" in o.text or "sent" in o.text]


def test_a_yes_with_a_target_is_no_outcome_and_a_plain_report_is_one() -> None:
    c = Conv()
    c.user("Help me plan the move of the team offsite from March to April, venues and rail.")
    c.say("Want me to draft the schedule around the two venues you liked?")
    c.user("yes please, keep it to two days and all done within a week")
    c.say("Here is the draft: day 1 at the lake hall, day 2 at the old mill.")
    c.user("nice. ok all booked! Lake hall ref LH-2291, mill ref OM-0417, rail tickets too")
    texts = [o.text for o in outcomes(c.items())]
    assert not any("within" in t for t in texts)
    assert any("LH-2291" in t for t in texts)


def test_a_user_question_is_no_report_of_done_work_ja() -> None:
    c = Conv()
    c.user("来週の会議室を二つ押さえたいので、空きを調べてもらえますか。")
    c.say("3階のA室と5階のC室が火曜に空いています。")
    c.user("予約しました？")
    c.say("いいえ、予約はまだです。どちらにしますか？")
    c.user("A室で。さっき予約しました。番号はR-5512です。")
    texts = [o.text for o in outcomes(c.items())]
    assert not any("？" in t for t in texts)
    assert any("R-5512" in t for t in texts)


def _retried(c: Conv, ask: str, question: str, yes: str, ready: str) -> None:
    c.user(ask)
    c.run("idxctl rebuild shard4 --from /srv/snap/0413", "error: lock held by pid 912 (stale)", code=1)
    c.say(question)
    c.user(yes)
    c.run("rm /srv/idx/shard4.lock", "")
    c.run("idxctl rebuild shard4 --from /srv/snap/0413", "rebuild of shard4 started (job 91)")
    for p in ("12%", "48%", "90%"):
        c.run("sleep 60 && idxctl status shard4", f"shard4: rebuilding {p}")
    c.run("idxctl status shard4", "shard4: ready, 9120 docs")
    c.say(ready)


def test_a_failed_try_and_its_retry_in_the_next_turn_are_no_release_stages_en() -> None:
    c = Conv()
    _retried(
        c,
        "Rebuild shard4 from this morning's snapshot, please.",
        "A stale lock from pid 912 blocks it. Shall I remove the lock file?",
        "yes go",
        "shard4 is ready again: 9120 docs.",
    )
    items = c.items()
    assert not [i for i in items if i.kind == "procedure"]
    assert any("9120" in o.text for o in outcomes(items))


def test_a_failed_try_and_its_retry_in_the_next_turn_are_no_release_stages_es() -> None:
    c = Conv()
    _retried(
        c,
        "Reconstruye shard4 desde el snapshot de esta mañana, por favor.",
        "Un bloqueo viejo del pid 912 lo impide. ¿Borro el fichero de bloqueo?",
        "sí, dale",
        "shard4 vuelve a estar listo: 9120 documentos.",
    )
    items = c.items()
    assert not [i for i in items if i.kind == "procedure"]
    assert any("9120" in o.text for o in outcomes(items))


def _pinned(c: Conv, ask: str, offer: str, pick: str, done: str) -> list[Item]:
    c.user(ask)
    c.say(offer)
    c.user(pick)
    c.call("read", {"path": "/srv/app/deploy.yaml"}, "image: base:latest\nreplicas: 2\n")
    edit = c.call(
        "edit",
        {"path": "/srv/app/deploy.yaml", "oldText": "image: base:latest", "newText": "image: base:1.8"},
        "Successfully replaced text in /srv/app/deploy.yaml.",
    )
    c.say(done)
    items = c.items()
    assert not [o for o in outcomes(items) if "deploy.yaml" in o.text]
    (dec,) = [i for i in items if i.kind == "decision"]
    assert edit in dec.entry_ids and "1.8" in dec.text
    return items


def test_a_choice_carried_out_is_the_decision_not_an_outcome_en() -> None:
    _pinned(
        Conv(),
        "The eval numbers moved after the image bump. What changed between base 1.8 and 1.9, and what do we"
        " do for the report?",
        "Options:\n(a) stay on base 1.8 for the report: the numbers already exist.\n"
        "(b) rerun everything on base 1.9: about four hours.\nI'd take (a).",
        "ok (a), stay on 1.8, pin it in the deploy file please",
        "Done: /srv/app/deploy.yaml now reads image: base:1.8.",
    )


def test_a_choice_carried_out_is_the_decision_not_an_outcome_de() -> None:
    _pinned(
        Conv(),
        "Die Eval-Zahlen haben sich nach dem Image-Update verschoben. Was nehmen wir für den Bericht?",
        "Optionen:\n(a) für den Bericht bei base 1.8 bleiben: die Zahlen gibt es schon.\n"
        "(b) alles auf base 1.9 neu laufen lassen: etwa vier Stunden.\nIch würde (a) nehmen.",
        "ok (a), wir bleiben bei 1.8, trag es bitte in die Deploy-Datei ein",
        "Erledigt: /srv/app/deploy.yaml steht jetzt auf image: base:1.8.",
    )


def test_a_choice_carried_out_is_the_decision_not_an_outcome_it() -> None:
    _pinned(
        Conv(),
        "I numeri della eval sono cambiati dopo l'aggiornamento dell'immagine. Cosa usiamo per il rapporto?",
        "Opzioni:\n(a) restare su base 1.8 per il rapporto: i numeri ci sono già.\n"
        "(b) rifare tutto su base 1.9: circa quattro ore.\nIo prenderei (a).",
        "ok (a), restiamo su 1.8, fissala nel file di deploy per favore",
        "Fatto: /srv/app/deploy.yaml ora dice image: base:1.8.",
    )


def _looked_up(ask: str, said: str) -> list[Item]:
    c = Conv()
    c.user("Morning. Slow day, the render farm is idle.")
    c.say("Morning! Anything you want me to look at?")
    c.user(ask)
    c.run("nvidia-smi --query-gpu=index,temperature.gpu --format=csv,noheader", "0, 44\n1, 39\n2, 40")
    c.say(said)
    return c.items()


def test_a_value_looked_up_for_an_unmarked_question_is_no_outcome_en() -> None:
    assert not outcomes(
        _looked_up("how warm are the render cards right now, just wondering", "All cool: 39 to 44 °C.")
    )


def test_a_value_looked_up_for_an_unmarked_question_is_no_outcome_es() -> None:
    said = "Todo fresco: de 39 a 44 °C."
    assert not outcomes(_looked_up("cómo de calientes están ahora las tarjetas, por curiosidad", said))


def test_a_value_looked_up_for_an_unmarked_question_is_no_outcome_fr() -> None:
    said = "Tout est frais : de 39 à 44 °C."
    assert not outcomes(_looked_up("quelle température ont les cartes en ce moment, par curiosité", said))


def test_work_asked_for_still_gives_its_outcome() -> None:
    c = Conv()
    c.user("Please restart the render queue on node 3, it hangs since the update.")
    c.run("renderq restart --node 3", "queue on node 3 restarted (pid 7712)")
    c.say("The render queue on node 3 is back: restarted as pid 7712.")
    assert outcomes(c.items())


def _redrafted(ask: str, saved: str, fix: str, fixed: str) -> tuple[list[Draft], str]:
    """The two outcomes of a draft saved, corrected by the user, saved again, run through the
    saga pass as the rules before it leave them (one outcome for each save)."""
    c = Conv()
    c.user(ask)
    body = "To: hall@example.org\nSubject: Hall booking\n\nDear warden, we would like the hall.\nEOF"
    c.call(
        "exec", {"command": f"mailer draft save --folder Drafts <<'EOF'\n{body}"}, "Saved to Drafts (id 5120)"
    )
    c.say(saved)
    c.user(fix)
    c.say("OK.")
    again = c.call(
        "exec",
        {"command": f"mailer draft save --folder Drafts --replace 5120 <<'EOF'\n{body}"},
        "Saved to Drafts (id 5120)",
    )
    c.say(fixed)
    _, entries, _ = parse_lines(b"\n".join(c.lines) + b"\n")
    msgs = visible_messages(entries)
    ctx = Ctx(msgs, language_of(msgs))
    ctx.add("outcome", saved, {2, 3})
    ctx.add("outcome", fixed, {7, 8})
    one_per_saga(ctx)
    assert msgs[7].id == again
    return [d for d in ctx.drafts if d.kind == "outcome"], again


def test_a_thing_made_again_after_a_correction_is_one_outcome_with_its_making_en() -> None:
    outs, _ = _redrafted(
        "Draft the booking mail for the parish hall for our quiz night, don't send it yet.",
        "Draft 5120 is saved: parish hall, Friday 12 March, 19:00 to 22:00.",
        "oh no, the quiz night is on the 19th, not the 12th, the 12th is the choir concert",
        "Fixed: draft 5120 now says Friday 19 March.",
    )
    (out,) = outs
    assert 7 in out.pos and "19 March" in out.text


def test_a_thing_made_again_after_a_correction_is_one_outcome_with_its_making_es() -> None:
    outs, _ = _redrafted(
        "Prepara el correo para reservar el salón parroquial para la noche de concurso, no lo envíes aún.",
        "El borrador 5120 está guardado: salón parroquial, viernes 12 de marzo, de 19:00 a 22:00.",
        "uy, la noche de concurso es el 19, no el 12, el 12 es el concierto del coro",
        "Corregido: el borrador 5120 dice ahora viernes 19 de marzo.",
    )
    (out,) = outs
    assert 7 in out.pos and "19 de marzo" in out.text


def test_a_thing_made_again_after_a_correction_is_one_outcome_with_its_making_fr() -> None:
    outs, _ = _redrafted(
        "Prépare le mail de réservation de la salle paroissiale pour la soirée quiz, ne l'envoie pas encore.",
        "Le brouillon 5120 est enregistré : salle paroissiale, vendredi 12 mars, de 19 h à 22 h.",
        "ah non, la soirée quiz est le 19, pas le 12, le 12 c'est le concert de la chorale",
        "Corrigé : le brouillon 5120 indique maintenant vendredi 19 mars.",
    )
    (out,) = outs
    assert 7 in out.pos and "19 mars" in out.text


def test_a_second_thing_made_is_its_own_outcome() -> None:
    c = Conv()
    c.user("Save two drafts please: the hall booking and the caterer enquiry.")
    c.call("exec", {"command": "mailer draft save --folder Drafts --to hall@example.org"}, "Saved (id 5120)")
    c.say("Hall draft saved as 5120.")
    c.user("and now the caterer one, with the menu we discussed and the numbers")
    c.call("exec", {"command": "mailer draft save --folder Drafts --to food@example.org"}, "Saved (id 5121)")
    c.say("Caterer draft saved as 5121.")
    _, entries, _ = parse_lines(b"\n".join(c.lines) + b"\n")
    msgs = visible_messages(entries)
    ctx = Ctx(msgs, language_of(msgs))
    ctx.add("outcome", "Hall draft saved as 5120.", {2, 3})
    ctx.add("outcome", "Caterer draft saved as 5121.", {6, 7})
    one_per_saga(ctx)
    assert len([d for d in ctx.drafts if d.kind == "outcome"]) == 2


def _two_requests(first: str, second: str) -> list[Item]:
    c = Conv()
    for ask, shard, docs in ((first, "shard2", "3310"), (second, "shard5", "9921")):
        c.user(ask)
        c.run(f"idxctl rebuild {shard} --from /srv/snap/0412", f"rebuild of {shard} started")
        for p in ("20%", "60%"):
            c.run(f"sleep 60 && idxctl status {shard}", f"{shard}: rebuilding {p}")
        c.run(f"idxctl status {shard}", f"{shard}: ready, {docs} docs")
        c.say(f"{shard} is ready: {docs} docs.")
    return outcomes(c.items())


def test_a_new_request_starts_a_new_saga_ja() -> None:
    outs = _two_requests(
        "昨夜のスナップショットから shard2 を作り直してください。",
        "終わったら、同じように shard5 も作り直してもらえますか。",
    )
    assert len(outs) == 2


def test_a_new_request_starts_a_new_saga_en() -> None:
    outs = _two_requests(
        "Please rebuild shard2 from last night's snapshot, it returns garbage.",
        "Thanks. Now do the same for shard5, it has the same problem since noon.",
    )
    assert len(outs) == 2
